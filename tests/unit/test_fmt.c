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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(known_values),
		cmocka_unit_test(random_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
