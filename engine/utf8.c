/* utf8.c - Vietnamese-aware UTF-8 handling (utf8.h). Decomposes through the
 * generated tables in unitab.h, so "ệ" is seen as e + circumflex + dot below
 * wherever it is needed: NFC, folding and collation. */
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "unitab.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Decodes one code point at s (valid UTF-8 assumed up to n); sets *len. */
static uint32_t decode(const unsigned char *s, size_t n, size_t *len)
{
	uint32_t c = s[0];

	if (c < 0x80 || n < 2) {
		*len = 1;
		return c;
	}
	if (c < 0xE0) {
		*len = 2;
		return ((c & 0x1F) << 6) | (s[1] & 0x3F);
	}
	if (c < 0xF0 || n < 4) {
		*len = n < 3 ? n : 3;
		return n < 3 ? 0xFFFD : ((c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	}
	*len = 4;
	return ((c & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
	       ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

static size_t encode(uint32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

size_t utf8_invalid_at(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t len, k;
		uint32_t cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			len = 2;
		else if (c >= 0xE0 && c <= 0xEF)
			len = 3;
		else if (c >= 0xF0 && c <= 0xF4)
			len = 4;
		else
			return i;
		if (i + len > n)
			return i;
		for (k = 1; k < len; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
		cp = decode(s + i, len, &k);
		if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += len;
	}
	return (size_t)-1;
}

int utf8_valid(const char *s, size_t n)
{
	return utf8_invalid_at(s, n) == (size_t)-1;
}

/* ---- decomposition ------------------------------------------------------ */

static int find_decomp(uint32_t cp)
{
	size_t lo = 0, hi = N(uni_decomp);

	if (cp < 0xC0 || cp > 0x1EFF)
		return -1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (uni_decomp[mid].cp == cp)
			return (int)mid;
		if (uni_decomp[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Full canonical decomposition of cp into out (at most 4); returns count. */
static int decompose(uint32_t cp, uint32_t *out)
{
	int i = find_decomp(cp), n;

	if (i < 0) {
		out[0] = cp;
		return 1;
	}
	n = decompose(uni_decomp[i].a, out);
	if (uni_decomp[i].b && n < 4)
		out[n++] = uni_decomp[i].b;
	return n;
}

static int ccc(uint32_t cp)
{
	return cp >= 0x300 && cp < 0x370 ? uni_ccc[cp - 0x300] : 0;
}

static uint32_t compose_pair(uint32_t a, uint32_t b)
{
	size_t lo = 0, hi = N(uni_compose);

	if (a > 0xFFFF || b > 0xFFFF)
		return 0;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		uint32_t ma = uni_compose[mid].a, mb = uni_compose[mid].b;

		if (ma == a && mb == b)
			return uni_compose[mid].cp;
		if (ma < a || (ma == a && mb < b))
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static uint32_t lower(uint32_t cp)
{
	size_t lo = 0, hi = N(uni_lower);

	if (cp < 0x41 || cp > 0x1EFF)
		return cp;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (uni_lower[mid].up == cp)
			return uni_lower[mid].lo;
		if (uni_lower[mid].up < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return cp;
}

/* Decodes the whole string into fully decomposed, canonically ordered
 * code points. Caller frees; NULL on invalid UTF-8 or out of memory. */
static uint32_t *nfd(const char *s, size_t *count)
{
	size_t n = strlen(s), i = 0, k = 0, len, j;
	uint32_t *cp;

	if (!utf8_valid(s, n) || !(cp = malloc((n * 4 + 1) * sizeof *cp)))
		return NULL;
	while (i < n) {
		uint32_t c = decode((const unsigned char *)s + i, n - i, &len);

		k += (size_t)decompose(c, cp + k);
		i += len;
	}
	/* canonical ordering: a stable sort of each run of marks by class */
	for (i = 1; i < k; i++) {
		for (j = i; j > 0 && ccc(cp[j]) && ccc(cp[j - 1]) > ccc(cp[j]); j--) {
			uint32_t t = cp[j];

			cp[j] = cp[j - 1];
			cp[j - 1] = t;
		}
	}
	*count = k;
	return cp;
}

static int is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

char *utf8_nfc(const char *s)
{
	size_t n, i, k = 0, starter = 0, o = 0;
	uint32_t *cp;
	int last_cc = 0, have_starter = 0;
	char *out;

	if (is_ascii(s))          /* ASCII is its own NFC */
		return strdup(s);
	if (!(cp = nfd(s, &n)))
		return NULL;
	/* canonical composition: a mark joins the last starter unless a mark
	 * of the same or a higher class (or a starter) stands between them */
	for (i = 0; i < n; i++) {
		uint32_t c = cp[i], comp;
		int cc = ccc(c);

		if (have_starter) {
			int blocked = k > starter + 1 && (last_cc == 0 || last_cc >= cc);

			if (!blocked && (comp = compose_pair(cp[starter], c)) != 0) {
				cp[starter] = comp;
				continue;
			}
		}
		if (cc == 0) {
			starter = k;
			have_starter = 1;
			last_cc = 0;
		} else {
			last_cc = cc;
		}
		cp[k++] = c;
	}
	if ((out = malloc(k * 4 + 1))) {
		for (i = 0; i < k; i++)
			o += encode(cp[i], out + o);
		out[o] = '\0';
	}
	free(cp);
	return out;
}

static int is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0;
}

static int is_mark(uint32_t c)
{
	return c >= 0x300 && c < 0x370;
}

char *utf8_fold(const char *s)
{
	size_t n, i, o = 0;
	uint32_t *cp = nfd(s, &n);
	int pending_space = 0;
	char *out;

	if (!cp)
		return NULL;
	if (!(out = malloc(n * 4 + 1))) {
		free(cp);
		return NULL;
	}
	for (i = 0; i < n; i++) {
		uint32_t c = cp[i];

		if (is_mark(c))
			continue;
		if (is_space(c)) {
			pending_space = o > 0;
			continue;
		}
		c = lower(c);
		if (c == 0x111)         /* đ */
			c = 'd';
		if (pending_space)
			out[o++] = ' ';
		pending_space = 0;
		o += encode(c, out + o);
	}
	out[o] = '\0';
	free(cp);
	return out;
}

/* ---- collation ---------------------------------------------------------- */

/* Primary weight of a lower-case base letter with its modifier mark. */
static unsigned weight(uint32_t c, uint32_t mod)
{
	static const char order[] = "aAAbcdDeEfghijklmnoOOpqrstuUvwxyz";
	/* positions: a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z */
	int base;

	if (c == ' ')
		return 1;
	if (c >= '0' && c <= '9')
		return 0x100 + (c - '0');
	if (c == 0x111)
		return 0x200 + 6;   /* đ */
	if (c < 'a' || c > 'z')
		return c < 0x80 ? 2 + c : (c < 0xF000 ? 0x1000 + c : 0xFFFF);
	base = (int)(strchr(order, (int)c) - order);
	switch (c) {
	case 'a': return 0x200 + (unsigned)(mod == 0x306 ? 1 : mod == 0x302 ? 2 : 0);
	case 'e': return 0x200 + (unsigned)(mod == 0x302 ? 8 : 7);
	case 'o': return 0x200 + (unsigned)(mod == 0x302 ? 19 : mod == 0x31B ? 20 : 18);
	case 'u': return 0x200 + (unsigned)(mod == 0x31B ? 27 : 26);
	default: return 0x200 + (unsigned)base;
	}
}

static int tone_of(uint32_t m)
{
	switch (m) {
	case 0x300: return 1;   /* huyền */
	case 0x309: return 2;   /* hỏi */
	case 0x303: return 3;   /* ngã */
	case 0x301: return 4;   /* sắc */
	case 0x323: return 5;   /* nặng */
	default: return 0;
	}
}

static void put(unsigned char *out, size_t cap, size_t *o, unsigned v)
{
	if (*o < cap)
		out[*o] = (unsigned char)v;
	(*o)++;
}

size_t utf8_sortkey(const char *s, unsigned char *out, size_t cap)
{
	size_t n, i, o = 0, j;
	uint32_t *cp = nfd(s, &n);
	int tone = 0, pass;

	if (!cp) {
		/* invalid text sorts by its bytes, after everything valid */
		for (i = 0; s[i]; i++)
			put(out, cap, &o, (unsigned char)s[i]);
		return o;
	}
	/* pass 0: letters; pass 1: one tone per word; pass 2: case */
	for (pass = 0; pass < 3; pass++) {
		tone = 0;
		for (i = 0; i < n; i++) {
			uint32_t c = cp[i], mod = 0, lc;
			int t = 0;

			if (is_mark(c))
				continue;
			for (j = i + 1; j < n && is_mark(cp[j]); j++) {
				if (tone_of(cp[j]))
					t = tone_of(cp[j]);
				else if (cp[j] == 0x306 || cp[j] == 0x302 || cp[j] == 0x31B)
					mod = cp[j];
			}
			lc = lower(c);
			if (pass == 0) {
				unsigned w = weight(lc, mod);

				put(out, cap, &o, w >> 8);
				put(out, cap, &o, w & 0xFF);
			} else if (pass == 1) {
				if (is_space(c)) {
					put(out, cap, &o, (unsigned)tone + 1);
					tone = 0;
				} else if (t) {
					tone = t;
				}
			} else {
				put(out, cap, &o, lc != c ? 2 : 1);
			}
		}
		if (pass == 1)
			put(out, cap, &o, (unsigned)tone + 1);
		if (pass < 2) {
			put(out, cap, &o, 0);
			put(out, cap, &o, 0);
		}
	}
	free(cp);
	return o;
}

int utf8_collate(const char *a, const char *b)
{
	unsigned char ba[512], bb[512], *ka = ba, *kb = bb;
	size_t na = utf8_sortkey(a, ba, sizeof ba), nb = utf8_sortkey(b, bb, sizeof bb), m;
	int r;

	if (na > sizeof ba && (ka = malloc(na)))
		utf8_sortkey(a, ka, na);
	if (nb > sizeof bb && (kb = malloc(nb)))
		utf8_sortkey(b, kb, nb);
	if (!ka || !kb) {
		r = strcmp(a, b);
	} else {
		m = na < nb ? na : nb;
		r = memcmp(ka, kb, m);
		if (r == 0)
			r = na < nb ? -1 : na > nb;
	}
	if (ka != ba)
		free(ka);
	if (kb != bb)
		free(kb);
	return r;
}

/* ---- width and distance ------------------------------------------------- */

size_t utf8_width(const char *s)
{
	size_t n = strlen(s), i = 0, w = 0, len;

	while (i < n) {
		uint32_t c = decode((const unsigned char *)s + i, n - i, &len);

		w += !is_mark(c);
		i += len;
	}
	return w;
}

size_t utf8_prefix_cols(const char *s, size_t cols)
{
	size_t n = strlen(s), i = 0, w = 0, len;

	while (i < n) {
		uint32_t c = decode((const unsigned char *)s + i, n - i, &len);

		if (!is_mark(c)) {
			if (w == cols)
				break;
			w++;
		}
		i += len;
	}
	return i;
}

static uint32_t *codepoints(const char *s, size_t *count)
{
	size_t n = strlen(s), i = 0, k = 0, len;
	uint32_t *cp = malloc((n + 1) * sizeof *cp);

	if (!cp)
		return NULL;
	while (i < n) {
		cp[k++] = decode((const unsigned char *)s + i, n - i, &len);
		i += len;
	}
	*count = k;
	return cp;
}

int utf8_distance(const char *a, const char *b)
{
	char *fa = utf8_fold(a), *fb = utf8_fold(b);
	uint32_t *ca = NULL, *cb = NULL;
	size_t na = 0, nb = 0, i, j;
	int *row = NULL, r = -1;

	if (!fa || !fb || !(ca = codepoints(fa, &na)) || !(cb = codepoints(fb, &nb)) ||
	    !(row = malloc((nb + 1) * sizeof *row)))
		goto done;
	for (j = 0; j <= nb; j++)
		row[j] = (int)j;
	for (i = 1; i <= na; i++) {
		int diag = row[0], up;

		row[0] = (int)i;
		for (j = 1; j <= nb; j++) {
			int best = diag + (ca[i - 1] != cb[j - 1]);

			up = row[j];
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	r = row[nb];
done:
	free(fa);
	free(fb);
	free(ca);
	free(cb);
	free(row);
	return r;
}

void utf8_pad(FILE *f, const char *s, int w)
{
	int n = (int)utf8_width(s);

	fputs(s, f);
	for (; n < w; n++)
		putc(' ', f);
}
