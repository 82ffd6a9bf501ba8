/* test_fmt.c - fmt_num writes what printf's "%.2f" with trailing zeros cut
 * writes, for whole numbers, hundredths, halves (round half to even on the
 * exact binary value), negatives, -0, huge values, and a million random
 * values of every scale. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"

static void reference(char *buf, size_t cap, double v)
{
	char *p, *e;

	if (isnan(v)) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, cap, "%.2f", v);
	if ((p = strchr(buf, '.'))) {
		e = buf + strlen(buf) - 1;
		while (e > p && *e == '0')
			*e-- = '\0';
		if (e == p)
			*e = '\0';
	}
	if (strcmp(buf, "-0") == 0)
		snprintf(buf, cap, "0");
}

static void same(double v)
{
	char a[64], b[64];
	size_t n = fmt_num(a, sizeof a, v);

	reference(b, sizeof b, v);
	if (strcmp(a, b) != 0)
		fail_msg("%.17g: fmt_num '%s', printf '%s'", v, a, b);
	assert_int_equal(n, strlen(a));
}

static void known_values(void **state)
{
	static const double v[] = {
		0, -0.0, 1, -1, 100, 89.14, 0.5, 2.5, 0.125, 0.375, 1.005, 2.675, -0.004, -0.005,
		83.0712, 66.666666666666671, 4.9e-324, 1e12 + 0.005, 9.999999e12, 1e13, 1e300,
		INFINITY, -INFINITY, 12345678.9, 0.01, 0.1, 0.995, -0.995, 3481.839,
	};
	size_t i;
	char buf[64];

	(void)state;
	for (i = 0; i < sizeof v / sizeof v[0]; i++)
		same(v[i]);
	assert_int_equal(fmt_num(buf, sizeof buf, NAN), 0);
	assert_string_equal(buf, "");
	fmt_num(buf, sizeof buf, 89.14);
	assert_string_equal(buf, "89.14");
	fmt_num(buf, sizeof buf, -0.0);
	assert_string_equal(buf, "0");
}

static void random_values(void **state)
{
	unsigned long long s = 88172645463325252ULL;
	int i;

	(void)state;
	for (i = 0; i < 1000000; i++) {
		double v;

		s ^= s << 13, s ^= s >> 7, s ^= s << 17;
		switch (i % 4) {
		case 0: v = (double)(s % 100000000) / 100; break;           /* hundredths */
		case 1: v = (double)(s % 2000000) / 1000 - 1000; break;     /* thousandths, halves */
		case 2: v = (double)(s % 100000) / 8; break;                /* exact binary halves */
		default: v = ldexp((double)(s >> 11), (int)(s % 60) - 70); break;   /* any scale */
		}
		same(v);
	}
}

static void amount_ok(const char *s, double want)
{
	char why[200] = "";
	double v = -1;

	if (fmt_amount_parse(s, &v, why, sizeof why) != 0)
		fail_msg("'%s' refused: %s", s, why);
	if (v != want)
		fail_msg("'%s' read as %.17g, not %.17g", s, v, want);
}

static void amount_bad(const char *s, const char *says)
{
	char why[200] = "";
	double v = -1;

	if (fmt_amount_parse(s, &v, why, sizeof why) == 0)
		fail_msg("'%s' accepted as %.17g", s, v);
	if (!strstr(why, says))
		fail_msg("'%s': '%s' does not say '%s'", s, why, says);
}

/* Amounts are read the Vietnamese way where that is the only reading, the
 * other way where that is; a form both can read differently is refused
 * with both readings. */
static void amounts(void **state)
{
	(void)state;
	amount_ok("6000", 6000);
	amount_ok(" 6000 ", 6000);
	amount_ok("6 000", 6000);
	amount_ok("6\xc2\xa0" "000", 6000);         /* no-break space */
	amount_ok("6\xe2\x80\xaf" "000,5", 6000.5);  /* narrow no-break space */
	amount_ok("6.000,5", 6000.5);
	amount_ok("1.234.567", 1234567);
	amount_ok("1,234,567", 1234567);
	amount_ok("1,234.5", 1234.5);
	amount_ok("6,5", 6.5);
	amount_ok("0,87", 0.87);
	amount_ok("0.87", 0.87);
	amount_ok("0.870", 0.87);                   /* a group cannot start with 0 */
	amount_ok("1234.567", 1234.567);            /* four digits before a group */
	amount_ok("1,2340", 1.234);
	amount_ok("0", 0);
	amount_bad("6.000", "ambiguous: 6000 if '.' separates thousands");
	amount_bad("6.000", "6 if it is a decimal point; write 6000 or 6");
	amount_bad("6,500", "ambiguous: 6,5 if ',' is the decimal comma");
	amount_bad("6,500", "write 6,5 or 6500");
	amount_bad("1,234", "write 1,2340 or 1234");
	amount_ok("6.00", 6);
	amount_bad("6.00.000", "not in groups of three");
	amount_bad("6.000.5", "not in groups of three");
	amount_bad("6,000,5", "not in groups of three");
	amount_bad("6.000,5.5", "not in groups of three");
	amount_bad("-5", "cannot be negative");
	amount_bad("6e3", "not an amount");
	amount_bad("", "not an amount");
	amount_bad("6.", "followed by digits");
	amount_bad("0x10", "not an amount");
	amount_bad("inf", "not an amount");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(known_values),
		cmocka_unit_test(random_values),
		cmocka_unit_test(amounts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
