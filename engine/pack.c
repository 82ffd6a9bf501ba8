/* pack.c - packed indicator results (pack.h). Each indicator is one varint:
 * its status in the low three bits, above them a value code: 0 none, 1 none
 * because the measure divided by zero, 2 an 8-byte double follows, 3 + 2k
 * the whole number k, 4 + 2h the hundredths h (not whole). Yes/no values
 * and missing ones take a byte, a share to the hundredth three. */
#include "pack.h"

#include <math.h>
#include <string.h>

static size_t put_varint(unsigned char *out, unsigned long long v)
{
	size_t n = 0;

	while (v >= 0x80) {
		out[n++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	out[n++] = (unsigned char)v;
	return n;
}

/* Reads a varint at *at; -1 when the blob ends inside it. */
static int get_varint(const unsigned char *p, size_t len, size_t *at, unsigned long long *v)
{
	unsigned long long r = 0;
	int shift = 0;

	while (*at < len && shift < 64) {
		unsigned char b = p[(*at)++];

		r |= (unsigned long long)(b & 0x7f) << shift;
		if (!(b & 0x80)) {
			*v = r;
			return 0;
		}
		shift += 7;
	}
	return -1;
}

size_t pack_results(int n, const unsigned char *status, const double *value, unsigned char *out)
{
	size_t len = 0;
	int i;

	out[len++] = PACK_VERSION;
	len += put_varint(out + len, (unsigned long long)n);
	for (i = 0; i < n; i++) {
		unsigned long long st = status[i] & 7, code;
		double v = value[i], h;
		int raw = 0;

		if (isnan(v))
			code = status[i] & PACK_DIV0 ? 1 : 0;
		else if (v >= 0 && v < 1e13 && (h = nearbyint(v * 100)) == nearbyint(v) * 100)
			code = 3 + 2 * (unsigned long long)nearbyint(v);
		else if (v >= 0 && v < 1e13)
			code = 4 + 2 * (unsigned long long)h;
		else
			code = 2, raw = 1;
		len += put_varint(out + len, code << 3 | st);
		if (raw) {
			memcpy(out + len, &v, sizeof v);
			len += sizeof v;
		}
	}
	return len;
}

int pack_count(const unsigned char *p, size_t len)
{
	size_t at = 1;
	unsigned long long n;

	if (!p || len < 2 || p[0] != PACK_VERSION || get_varint(p, len, &at, &n) < 0 || n > 100000)
		return -1;
	return (int)n;
}

int pack_get(const unsigned char *p, size_t len, int i, int *status, double *value)
{
	size_t at = 1;
	unsigned long long n, k, code;
	int j;

	if (!p || len < 2 || p[0] != PACK_VERSION || get_varint(p, len, &at, &n) < 0 || i < 0 ||
	    (unsigned long long)i >= n || n > 100000)
		return -1;
	for (j = 0; ; j++) {
		if (get_varint(p, len, &at, &k) < 0)
			return -1;
		code = k >> 3;
		if (code == 2 && at + sizeof(double) > len)
			return -1;
		if (j == i) {
			*status = (int)(k & 7) | (code == 1 ? PACK_DIV0 : 0);
			if (code <= 1)
				*value = NAN;
			else if (code == 2)
				memcpy(value, p + at, sizeof *value);
			else if (code % 2)
				*value = (double)((code - 3) / 2);
			else
				*value = (double)((code - 4) / 2) / 100;
			return 0;
		}
		if (code == 2)
			at += sizeof(double);
	}
}
