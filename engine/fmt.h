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

#endif
