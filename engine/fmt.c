/* fmt.c - number formatting (fmt.h). Whole hundredths are written by hand;
 * a value whose rounding to hundredths is not clear-cut (within 0.1 of a
 * half), and any value too large for the shortcut, goes through printf, so
 * the text is always printf's. No other module formats report numbers. */
#include "fmt.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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
	/* x = v * 100 is within half an ulp (|x| * 2^-53) of the exact
	 * product, so an x farther than eight times that from a half rounds
	 * as the exact product does; only near-halves take printf's way */
	if (!(fabs(v) < 1e13) || cap < 32)
		return slow(buf, cap, v);
	x = v * 100;
	r = nearbyint(x);
	if (fabs(fabs(x - r) - 0.5) <= fabs(x) * 0x1p-50 + 0x1p-60)
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

char *fmt_group_vn(char *buf, size_t cap, const char *raw)
{
	const char *digits = raw + (raw[0] == '-'), *dot = strchr(digits, '.');
	size_t ilen = dot ? (size_t)(dot - digits) : strlen(digits), o = 0, i;
	char out[160];

	if (raw[0] == '-')
		out[o++] = '-';
	for (i = 0; i < ilen && o < sizeof out - 2; i++) {
		if (i && (ilen - i) % 3 == 0)
			out[o++] = '.';
		out[o++] = digits[i];
	}
	if (dot && o < sizeof out - 1) {
		out[o++] = ',';
		for (i = 1; dot[i] && o < sizeof out - 1; i++)
			out[o++] = dot[i];
	}
	out[o] = '\0';
	snprintf(buf, cap, "%s", out);
	return buf;
}

/* Amounts typed in options. The number is cut into runs of digits and the
 * separators between them; each of the two conventions (Vietnamese: '.'
 * between thousands and ',' before decimals; the other way round) reads it
 * if it can, a space separating thousands in both. */
enum { AM_RUNS = 24 };

struct amount_reading {
	int ok;
	double v;
	char intpart[64], frac[64];   /* digits only */
};

static void amount_read(const char *const *run, const size_t *len, const char *sep, int n,
                        char group, char dec, struct amount_reading *r)
{
	char plain[160];
	size_t ni = 0, nf = 0;
	int i, grouped = 0, decimal = 0;

	memset(r, 0, sizeof *r);
	for (i = 0; i + 1 < n; i++) {
		if (decimal)
			return;                     /* nothing may follow the decimals */
		if (sep[i] == dec) {
			decimal = 1;
		} else if (sep[i] == group || sep[i] == ' ') {
			if (len[i + 1] != 3)
				return;
			grouped = 1;
		} else {
			return;
		}
	}
	if (grouped && (len[0] > 3 || run[0][0] == '0'))
		return;
	for (i = 0; i < n; i++) {
		char *dst = decimal && i == n - 1 ? r->frac : r->intpart;
		size_t *k = decimal && i == n - 1 ? &nf : &ni;

		if (*k + len[i] >= sizeof r->intpart)
			return;
		memcpy(dst + *k, run[i], len[i]);
		*k += len[i];
		dst[*k] = '\0';
	}
	snprintf(plain, sizeof plain, "%s.%s", r->intpart, nf ? r->frac : "0");
	r->v = strtod(plain, NULL);
	r->ok = isfinite(r->v);
}

/* The reading written so that only one convention can read it: no
 * thousands separator and a decimal comma followed by other than three
 * digits. */
static void amount_plain(const struct amount_reading *r, char *buf, size_t cap)
{
	char frac[64];
	size_t n = strlen(r->frac);

	memcpy(frac, r->frac, n + 1);
	while (n && frac[n - 1] == '0')
		frac[--n] = '\0';
	if (n == 3)
		frac[n++] = '0', frac[n] = '\0';
	snprintf(buf, cap, "%s%s%s", r->intpart, n ? "," : "", frac);
}

int fmt_amount_parse(const char *s, double *out, char *why, size_t cap)
{
	const char *run[AM_RUNS], *p = s;
	size_t len[AM_RUNS];
	char sep[AM_RUNS];
	struct amount_reading vn, en;
	int n = 0;

	while (*p == ' ' || *p == '\t')
		p++;
	for (;;) {
		if (!isdigit((unsigned char)*p))
			break;
		if (n == AM_RUNS)
			return snprintf(why, cap, "too many separators"), -1;
		run[n] = p;
		while (isdigit((unsigned char)*p))
			p++;
		len[n] = (size_t)(p - run[n]);
		n++;
		/* a separator: '.', ',', a space, a no-break or narrow no-break
		 * space (U+00A0, U+202F, U+2009) */
		if (*p == '.' || *p == ',') {
			sep[n - 1] = *p++;
		} else if (*p == ' ' && isdigit((unsigned char)p[1])) {
			sep[n - 1] = ' ', p++;
		} else if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0) {
			sep[n - 1] = ' ', p += 2;
		} else if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
		           ((unsigned char)p[2] == 0xaf || (unsigned char)p[2] == 0x89)) {
			sep[n - 1] = ' ', p += 3;
		} else {
			break;
		}
		if (!isdigit((unsigned char)*p))
			return snprintf(why, cap, "a separator must be followed by digits"), -1;
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (!n || *p) {
		if (*s == '-')
			return snprintf(why, cap, "an amount cannot be negative"), -1;
		return snprintf(why, cap, "not an amount (write 6000, 6 000, 6.000,5 or 0,87)"), -1;
	}
	amount_read(run, len, sep, n, '.', ',', &vn);
	amount_read(run, len, sep, n, ',', '.', &en);
	if (vn.ok && en.ok && vn.v != en.v) {
		char pa[80], pb[80];
		int dot = strchr(s, '.') != NULL;

		amount_plain(&vn, pa, sizeof pa);
		amount_plain(&en, pb, sizeof pb);
		snprintf(why, cap, "ambiguous: %s if '%c' %s (the Vietnamese way), %s if it %s; "
		         "write %s or %s", pa, dot ? '.' : ',',
		         dot ? "separates thousands" : "is the decimal comma", pb,
		         dot ? "is a decimal point" : "separates thousands", pa, pb);
		return -1;
	}
	if (!vn.ok && !en.ok)
		return snprintf(why, cap, "the thousands are not in groups of three "
		                "(write 6000, 6 000, 6.000,5 or 0,87)"), -1;
	*out = vn.ok ? vn.v : en.v;
	return 0;
}
