/* fmt.c - number formatting (fmt.h). Whole hundredths are written by hand;
 * a value whose rounding to hundredths is not clear-cut (within 0.1 of a
 * half), and any value too large for the shortcut, goes through printf, so
 * the text is always printf's. No other module formats report numbers. */
#include "fmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* printf's way, kept as the reference for the shortcut */
static size_t slow(char *buf, size_t cap, double v)
{
	char *p, *e;
	size_t n;

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
	n = strlen(buf);
	return n;
}

size_t fmt_num(char *buf, size_t cap, double v)
{
	char tmp[24], *t = tmp + sizeof tmp;
	double x, r;
	unsigned long long n, whole;
	unsigned frac;
	size_t len;
	int neg;

	if (cap == 0)
		return 0;
	if (isnan(v)) {
		buf[0] = '\0';
		return 0;
	}
	/* |v| < 1e13: v * 100 has an ulp of at most 1/512, so a product more
	 * than 0.1 away from a half rounds as the exact decimal value does */
	if (!(fabs(v) < 1e13) || cap < 32)
		return slow(buf, cap, v);
	x = v * 100;
	r = nearbyint(x);
	if (fabs(fabs(x - r) - 0.5) < 0.1)
		return slow(buf, cap, v);
	neg = r < 0;
	n = (unsigned long long)fabs(r);
	if (n == 0) {
		buf[0] = '0';
		buf[1] = '\0';
		return 1;
	}
	whole = n / 100;
	frac = (unsigned)(n % 100);
	if (frac) {
		if (frac % 10) {
			*--t = (char)('0' + frac % 10);
			*--t = (char)('0' + frac / 10);
		} else {
			*--t = (char)('0' + frac / 10);
		}
		*--t = '.';
	}
	do {
		*--t = (char)('0' + whole % 10);
		whole /= 10;
	} while (whole);
	if (neg)
		*--t = '-';
	len = (size_t)(tmp + sizeof tmp - t);
	memcpy(buf, t, len);
	buf[len] = '\0';
	return len;
}
