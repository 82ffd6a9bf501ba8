/* fmt.h - numbers as ntm writes them, in one place: the shortest decimal
 * form with at most two decimals (89.14, 100, 0.5), the form every report,
 * table and csv uses. Fast for the millions of figures a national run
 * prints, and identical to printf's "%.2f" with trailing zeros cut. */
#ifndef NTM_FMT_H
#define NTM_FMT_H

#include <stddef.h>

/* Writes v into buf (cap >= 32 for any value) and returns the length; NAN
 * is the empty string, -0 is "0". */
size_t fmt_num(char *buf, size_t cap, double v);

/* Writes raw, a number as printf's "%f" writes it ("-1234567.5"), the
 * Vietnamese way into buf: a dot between thousands and a decimal comma
 * ("-1.234.567,5"). Returns buf. */
char *fmt_group_vn(char *buf, size_t cap, const char *raw);

/* Reads an amount as a person writes it in an option: "6000", "6 000",
 * "6.000,5" (Vietnamese: dot or space between thousands, decimal comma)
 * or "0.87", "1,234.5" (a decimal point). A form with two readings, such
 * as "6.000" (six thousand, or six) or "6,500", is refused. Returns 0 with
 * *out set; or -1 with why (cap >= 160) saying what is wrong: for an
 * ambiguous form both readings and how to write each. Never negative. */
int fmt_amount_parse(const char *s, double *out, char *why, size_t cap);

#endif
