/* geojson.c - boundaries (geojson.h): a strict JSON parser (RFC 8259:
 * objects, arrays, strings with every escape, numbers, literals; no
 * comments, no trailing commas) into a flat array of values, then the
 * GeoJSON shape read from it (RFC 7946: FeatureCollection, Feature,
 * Polygon, MultiPolygon). Calls utf8.c to check the text is UTF-8. */
#include "geojson.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "infile.h"
#include "utf8.h"

enum { J_NULL, J_FALSE, J_TRUE, J_NUM, J_STR, J_ARR, J_OBJ };
static const char *const jtype_name[] = {
	"null", "false", "true", "a number", "a string", "an array", "an object",
};

/* One JSON value. Children are linked through next, so a container is
 * built as it is read; an object's children alternate key and value. */
struct jv {
	unsigned char type;
	uint32_t pos;        /* byte offset in the text, for messages */
	int32_t next;        /* the next value in the same container; -1: none */
	int32_t first;       /* arrays, objects: the first child; -1: none */
	int32_t n;           /* arrays: elements; objects: members */
	union {
		double num;
		uint32_t str;    /* offset of the NUL-terminated text in sb */
	} u;
};

struct jp {
	const char *s, *name;
	size_t len, i;
	struct jv *v;
	size_t nv, capv;
	char *sb;            /* the strings, unescaped; never more than the text */
	size_t nsb;
	size_t lpos;         /* line_of: the line at byte lpos */
	int lline;
	struct ntm_err *err;
};

/* The line of byte offset pos, from 1; counted on from the last asked,
 * since the features are asked in order. */
static int line_of(struct jp *p, size_t pos)
{
	if (pos < p->lpos) {
		p->lpos = 0;
		p->lline = 1;
	}
	for (; p->lpos < pos && p->lpos < p->len; p->lpos++)
		p->lline += p->s[p->lpos] == '\n';
	return p->lline;
}

/* "name:line:col" of byte offset pos; the column counts characters */
static void where(const struct jp *p, size_t pos, char *buf, size_t cap)
{
	size_t k, line = 1, col = 1;

	if (pos > p->len)
		pos = p->len;
	for (k = 0; k < pos; k++) {
		if (p->s[k] == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)p->s[k] & 0xC0) != 0x80) {
			col++;
		}
	}
	snprintf(buf, cap, "%s:%zu:%zu", p->name, line, col);
}

/* What the text holds at pos, for "found ...". */
static void found(const struct jp *p, size_t pos, char *buf, size_t cap)
{
	unsigned char c;
	size_t n = 1;

	if (pos >= p->len) {
		snprintf(buf, cap, "%s", _("the end of the file"));
		return;
	}
	c = (unsigned char)p->s[pos];
	if (c < 0x20 || c == 0x7f) {
		snprintf(buf, cap, _("a control character (0x%02x)"), c);
		return;
	}
	if (c >= 0xF0)
		n = 4;
	else if (c >= 0xE0)
		n = 3;
	else if (c >= 0xC0)
		n = 2;
	if (n > p->len - pos)
		n = p->len - pos;
	snprintf(buf, cap, "'%.*s'", (int)n, p->s + pos);
}

/* Sets the error "where: message" and returns -1. */
static int fail(struct jp *p, size_t pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(struct jp *p, size_t pos, const char *fmt, ...)
{
	char at[600], msg[1500];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	where(p, pos, at, sizeof at);
	return err_set(p->err, "%s: %s", at, msg);
}

/* The same for a syntax error, ending with what the text holds there. */
static int expected(struct jp *p, const char *what)
{
	char f[64];

	found(p, p->i, f, sizeof f);
	return fail(p, p->i, _("expected %s, found %s"), what, f);
}

static int32_t newv(struct jp *p, int type, size_t pos)
{
	struct jv *v;

	if (p->nv == p->capv) {
		size_t cap = p->capv ? p->capv * 2 : 1024;

		if (p->nv >= GJ_MAX_VALUES)
			return fail(p, pos, _("more than %d values: too large to draw (simplify the boundaries)"),
			            GJ_MAX_VALUES);
		if (cap > GJ_MAX_VALUES)
			cap = GJ_MAX_VALUES;
		if (!(v = realloc(p->v, cap * sizeof *v)))
			return err_set(p->err, _("out of memory reading %s"), p->name);
		p->v = v;
		p->capv = cap;
	}
	v = &p->v[p->nv];
	memset(v, 0, sizeof *v);
	v->type = (unsigned char)type;
	v->pos = (uint32_t)pos;
	v->next = v->first = -1;
	return (int32_t)p->nv++;
}

static void ws(struct jp *p)
{
	while (p->i < p->len && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' ||
	                         p->s[p->i] == '\r'))
		p->i++;
}

static int hex4(struct jp *p, unsigned *out)
{
	unsigned v = 0;
	int k;

	for (k = 0; k < 4; k++, p->i++) {
		char c = p->i < p->len ? p->s[p->i] : '\0';

		if (c >= '0' && c <= '9')
			v = v * 16 + (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v = v * 16 + (unsigned)(c - 'A' + 10);
		else
			return expected(p, _("four hexadecimal digits after \\u in a string"));
	}
	*out = v;
	return 0;
}

static void put_utf8(struct jp *p, unsigned cp)
{
	char *o = p->sb + p->nsb;

	if (cp < 0x80) {
		o[0] = (char)cp;
		p->nsb += 1;
	} else if (cp < 0x800) {
		o[0] = (char)(0xC0 | cp >> 6);
		o[1] = (char)(0x80 | (cp & 0x3F));
		p->nsb += 2;
	} else if (cp < 0x10000) {
		o[0] = (char)(0xE0 | cp >> 12);
		o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		p->nsb += 3;
	} else {
		o[0] = (char)(0xF0 | cp >> 18);
		o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		o[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		o[3] = (char)(0x80 | (cp & 0x3F));
		p->nsb += 4;
	}
}

/* A string at p->i (on its opening quote): its text, unescaped, goes to sb.
 * Each escape is no shorter than what it stands for, and each string's two
 * quotes make room for its NUL, so sb never outgrows the text. */
static int string(struct jp *p, int32_t *out)
{
	size_t start = p->i;
	unsigned cp, lo;
	int32_t k;

	if ((k = newv(p, J_STR, start)) < 0)
		return -1;
	p->v[k].u.str = (uint32_t)p->nsb;
	p->i++;
	for (;;) {
		unsigned char c;

		if (p->i >= p->len)
			return fail(p, start, "%s", _("a string that does not end (no closing '\"')"));
		c = (unsigned char)p->s[p->i];
		if (c == '"') {
			p->i++;
			break;
		}
		if (c < 0x20)
			return fail(p, p->i, _("a control character (0x%02x) in a string; write it escaped "
			            "(\\n, \\t, \\u00XX)"), c);
		if (c != '\\') {
			p->sb[p->nsb++] = (char)c;
			p->i++;
			continue;
		}
		p->i++;
		c = p->i < p->len ? (unsigned char)p->s[p->i] : 0;
		switch (c) {
		case '"': case '\\': case '/':
			p->sb[p->nsb++] = (char)c;
			break;
		case 'b': p->sb[p->nsb++] = '\b'; break;
		case 'f': p->sb[p->nsb++] = '\f'; break;
		case 'n': p->sb[p->nsb++] = '\n'; break;
		case 'r': p->sb[p->nsb++] = '\r'; break;
		case 't': p->sb[p->nsb++] = '\t'; break;
		case 'u':
			p->i++;
			if (hex4(p, &cp) < 0)
				return -1;
			if (cp >= 0xDC00 && cp <= 0xDFFF)
				return fail(p, p->i - 6, _("\\u%04X is the second half of a surrogate pair, "
				            "without its first"), cp);
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (p->i + 1 >= p->len || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u')
					return fail(p, p->i - 6, _("\\u%04X is the first half of a surrogate pair, "
					            "without its second (\\uDC00 to \\uDFFF)"), cp);
				p->i += 2;
				if (hex4(p, &lo) < 0)
					return -1;
				if (lo < 0xDC00 || lo > 0xDFFF)
					return fail(p, p->i - 6, _("\\u%04X after \\u%04X: expected the second half "
					            "of a surrogate pair (\\uDC00 to \\uDFFF)"), lo, cp);
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			}
			if (cp == 0)
				return fail(p, p->i - 6, "%s", _("\\u0000 (a NUL character) in a string"));
			put_utf8(p, cp);
			continue;   /* p->i is past the digits */
		default:
			return expected(p, _("an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX) after '\\'"));
		}
		p->i++;
	}
	p->sb[p->nsb++] = '\0';
	*out = k;
	return 0;
}

static int digit(const struct jp *p)
{
	return p->i < p->len && p->s[p->i] >= '0' && p->s[p->i] <= '9';
}

static int number(struct jp *p, int32_t *out)
{
	size_t start = p->i;
	char buf[72];
	double d;
	int32_t k;

	if (p->s[p->i] == '-')
		p->i++;
	if (p->i < p->len && p->s[p->i] == '0')
		p->i++;
	else if (digit(p))
		while (digit(p))
			p->i++;
	else
		return expected(p, _("a digit in a number"));
	if (p->i < p->len && p->s[p->i] == '.') {
		p->i++;
		if (!digit(p))
			return expected(p, _("a digit after '.' in a number"));
		while (digit(p))
			p->i++;
	}
	if (p->i < p->len && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->len && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		if (!digit(p))
			return expected(p, _("a digit in the exponent of a number"));
		while (digit(p))
			p->i++;
	}
	if (p->i - start > 64)
		return fail(p, start, "%s", _("a number of more than 64 characters"));
	memcpy(buf, p->s + start, p->i - start);
	buf[p->i - start] = '\0';
	/* the grammar above is strtod's in the C locale, which ntm keeps */
	d = strtod(buf, NULL);
	if (!isfinite(d))
		return fail(p, start, _("number %s is out of range"), buf);
	if ((k = newv(p, J_NUM, start)) < 0)
		return -1;
	p->v[k].u.num = d;
	*out = k;
	return 0;
}

static int value(struct jp *p, int depth, int32_t *out);

/* An array or an object at p->i: its children linked in order. */
static int container(struct jp *p, int depth, int32_t *out)
{
	int obj = p->s[p->i] == '{';
	int32_t k, child, prev = -1;

	if (depth >= GJ_MAX_DEPTH)
		return fail(p, p->i, _("more than %d arrays and objects inside one another"), GJ_MAX_DEPTH);
	if ((k = newv(p, obj ? J_OBJ : J_ARR, p->i)) < 0)
		return -1;
	p->i++;
	ws(p);
	if (p->i < p->len && p->s[p->i] == (obj ? '}' : ']')) {
		p->i++;
		*out = k;
		return 0;
	}
	for (;;) {
		if (obj) {
			ws(p);
			if (p->i >= p->len || p->s[p->i] != '"')
				return expected(p, _("a key (a string in double quotes) in an object"));
			if (string(p, &child) < 0)
				return -1;
			if (prev < 0)
				p->v[k].first = child;
			else
				p->v[prev].next = child;
			prev = child;
			ws(p);
			if (p->i >= p->len || p->s[p->i] != ':')
				return expected(p, _("':' after a key in an object"));
			p->i++;
		}
		if (value(p, depth + 1, &child) < 0)
			return -1;
		if (prev < 0)
			p->v[k].first = child;
		else
			p->v[prev].next = child;
		prev = child;
		p->v[k].n++;
		ws(p);
		if (p->i < p->len && p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->i < p->len && p->s[p->i] == (obj ? '}' : ']')) {
			p->i++;
			break;
		}
		return expected(p, obj ? _("',' or '}' in an object") : _("',' or ']' in an array"));
	}
	*out = k;
	return 0;
}

static int literal(struct jp *p, const char *word, int type, int32_t *out)
{
	size_t n = strlen(word);

	if (p->len - p->i < n || memcmp(p->s + p->i, word, n) != 0)
		return expected(p, _("a value (an object, array, string, number, true, false or null)"));
	if ((*out = newv(p, type, p->i)) < 0)
		return -1;
	p->i += n;
	return 0;
}

static int value(struct jp *p, int depth, int32_t *out)
{
	ws(p);
	if (p->i >= p->len)
		return expected(p, _("a value"));
	switch (p->s[p->i]) {
	case '{': case '[':
		return container(p, depth, out);
	case '"':
		return string(p, out);
	case 't':
		return literal(p, "true", J_TRUE, out);
	case 'f':
		return literal(p, "false", J_FALSE, out);
	case 'n':
		return literal(p, "null", J_NULL, out);
	default:
		if (p->s[p->i] == '-' || (p->s[p->i] >= '0' && p->s[p->i] <= '9'))
			return number(p, out);
		return expected(p, _("a value (an object, array, string, number, true, false or null)"));
	}
}

/* ---- the GeoJSON shape ---- */

static const char *str(const struct jp *p, int32_t k)
{
	return p->sb + p->v[k].u.str;
}

/* The value of key in object obj into *out (-1 when absent); a key given
 * twice is refused, since readers disagree on which one counts. */
static int member(struct jp *p, int32_t obj, const char *key, int32_t *out)
{
	int32_t k;

	*out = -1;
	for (k = p->v[obj].first; k >= 0; k = p->v[p->v[k].next].next) {
		if (strcmp(str(p, k), key) != 0)
			continue;
		if (*out >= 0)
			return fail(p, p->v[k].pos, _("\"%s\" given twice in one object"), key);
		*out = p->v[k].next;
	}
	return 0;
}

/* "feature 3 (05569)" or "feature 3", for messages */
struct who {
	char text[GJ_MAX_TEXT + 40];
};

static const char *is_type(const struct jp *p, int32_t k, const char *want)
{
	return k >= 0 && p->v[k].type == J_STR && strcmp(str(p, k), want) == 0 ? want : NULL;
}

/* What value k is, for "found ...": a string is quoted, cut at 40 bytes. */
static void kind(const struct jp *p, int32_t k, char *buf, size_t cap)
{
	if (k < 0)
		snprintf(buf, cap, "%s", _("nothing"));
	else if (p->v[k].type == J_STR)
		snprintf(buf, cap, "\"%.40s\"", str(p, k));
	else
		snprintf(buf, cap, "%s", _(jtype_name[p->v[k].type]));
}

static int grow(void **arr, size_t *cap, size_t need, size_t size)
{
	void *n;
	size_t c = *cap ? *cap : 64;

	if (need <= *cap)
		return 0;
	while (c < need)
		c *= 2;
	if (!(n = realloc(*arr, c * size)))
		return -1;
	*arr = n;
	*cap = c;
	return 0;
}

struct build {
	size_t capring, cappt;
};

/* One ring (k, an array of positions) of polygon poly of feature f. */
static int ring(struct jp *p, struct geojson *g, struct build *b, const struct who *w, int32_t k,
                int poly, int nr, int multi)
{
	struct gj_ring *r;
	int32_t pos;
	char ring_name[64], what[64];
	size_t first;
	int n = 0;

	if (multi)
		snprintf(ring_name, sizeof ring_name, _("ring %d of polygon %d"), nr + 1, poly + 1);
	else
		snprintf(ring_name, sizeof ring_name, _("ring %d"), nr + 1);
	if (p->v[k].type != J_ARR) {
		kind(p, k, what, sizeof what);
		return fail(p, p->v[k].pos, _("%s: %s: expected an array of positions, found %s"), w->text,
		            ring_name, what);
	}
	if (p->v[k].n < 4)
		return fail(p, p->v[k].pos, p->v[k].n == 1 ? _("%s: %s has %d position; a ring has at least 4 "
		            "(the last repeating the first)") : _("%s: %s has %d positions; a ring has at least "
		            "4 (the last repeating the first)"), w->text, ring_name, p->v[k].n);
	if (grow((void **)&g->ring, &b->capring, (size_t)g->nring + 1, sizeof *g->ring) < 0 ||
	    grow((void **)&g->pt, &b->cappt, 2 * (g->npt + (size_t)p->v[k].n), sizeof *g->pt) < 0)
		return err_set(p->err, _("out of memory reading %s"), p->name);
	first = g->npt;
	for (pos = p->v[k].first; pos >= 0; pos = p->v[pos].next, n++) {
		int32_t x = p->v[pos].first, y = x >= 0 ? p->v[x].next : -1;
		double lon, lat;

		if (p->v[pos].type != J_ARR || p->v[pos].n < 2 || p->v[pos].n > 3 ||
		    p->v[x].type != J_NUM || p->v[y].type != J_NUM ||
		    (p->v[y].next >= 0 && p->v[p->v[y].next].type != J_NUM)) {
			kind(p, pos, what, sizeof what);
			return fail(p, p->v[pos].pos, _("%s: %s, position %d: expected [longitude, latitude], "
			            "found %s%s"), w->text, ring_name, n + 1, what,
			            p->v[pos].type == J_ARR ? _(" of other values") : "");
		}
		lon = p->v[x].u.num;
		lat = p->v[y].u.num;
		if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
			return fail(p, p->v[pos].pos, _("%s: %s, position %d: [%g, %g] is not a longitude "
			            "(-180 to 180) and a latitude (-90 to 90)"), w->text, ring_name, n + 1, lon, lat);
		g->pt[2 * g->npt] = lon;
		g->pt[2 * g->npt + 1] = lat;
		g->npt++;
	}
	if (g->pt[2 * first] != g->pt[2 * (g->npt - 1)] ||
	    g->pt[2 * first + 1] != g->pt[2 * (g->npt - 1) + 1])
		return fail(p, p->v[k].pos, _("%s: %s is not closed: its last position must repeat its first"),
		            w->text, ring_name);
	r = &g->ring[g->nring++];
	r->off = first;
	r->n = n;
	r->poly = poly;
	r->hole = nr > 0;
	return 0;
}

/* One polygon (k, an array of rings: the outer one, then holes). */
static int polygon(struct jp *p, struct geojson *g, struct build *b, const struct who *w, int32_t k,
                   int poly, int multi)
{
	char what[64];
	int32_t r;
	int n = 0;

	if (p->v[k].type != J_ARR || p->v[k].n == 0) {
		kind(p, k, what, sizeof what);
		if (multi)
			return fail(p, p->v[k].pos, _("%s: polygon %d: expected an array of rings, found %s%s"),
			            w->text, poly + 1, what, p->v[k].type == J_ARR ? _(" that is empty") : "");
		return fail(p, p->v[k].pos, _("%s: expected the coordinates of a Polygon (an array of rings), "
		            "found %s%s"), w->text, what, p->v[k].type == J_ARR ? _(" that is empty") : "");
	}
	for (r = p->v[k].first; r >= 0; r = p->v[r].next, n++)
		if (ring(p, g, b, w, r, poly, n, multi) < 0)
			return -1;
	return 0;
}

static int feature(struct jp *p, struct geojson *g, struct build *b, int32_t k, int index)
{
	struct gj_feature *f = &g->f[g->n];
	int32_t type, props, code, name, geom, gtype, coords, poly;
	struct who w;
	char what[64];
	int multi, np = 0;

	snprintf(w.text, sizeof w.text, _("feature %d"), index + 1);
	memset(f, 0, sizeof *f);
	f->line = line_of(p, p->v[k].pos);
	if (p->v[k].type != J_OBJ) {
		kind(p, k, what, sizeof what);
		return fail(p, p->v[k].pos, _("%s: expected an object {\"type\": \"Feature\", ...}, found %s"),
		            w.text, what);
	}
	if (member(p, k, "type", &type) < 0 || member(p, k, "properties", &props) < 0 ||
	    member(p, k, "geometry", &geom) < 0)
		return -1;
	if (!is_type(p, type, "Feature")) {
		kind(p, type, what, sizeof what);
		return fail(p, p->v[type >= 0 ? type : k].pos, _("%s: expected \"type\": \"Feature\", found %s"),
		            w.text, what);
	}
	if (props < 0 || p->v[props].type != J_OBJ) {
		kind(p, props, what, sizeof what);
		return fail(p, p->v[props >= 0 ? props : k].pos, _("%s: expected \"properties\": an object "
		            "with the unit's \"code\", found %s"), w.text, what);
	}
	if (member(p, props, "code", &code) < 0 || member(p, props, "name", &name) < 0)
		return -1;
	if (code >= 0 && p->v[code].type == J_NUM)
		return fail(p, p->v[code].pos, _("%s: properties.code is a number; write the code as a "
		            "string (\"05569\"), or its leading zeros are lost"), w.text);
	if (code < 0 || p->v[code].type != J_STR || !*str(p, code)) {
		kind(p, code, what, sizeof what);
		return fail(p, p->v[code >= 0 ? code : props].pos, _("%s: expected properties.code, the "
		            "unit's code (a string), found %s"), w.text, what);
	}
	if (strlen(str(p, code)) > GJ_MAX_TEXT)
		return fail(p, p->v[code].pos, _("%s: properties.code is longer than %d bytes"), w.text,
		            GJ_MAX_TEXT);
	snprintf(w.text, sizeof w.text, _("feature %d (%s)"), index + 1, str(p, code));
	if (name >= 0 && p->v[name].type != J_NULL &&
	    (p->v[name].type != J_STR || strlen(str(p, name)) > GJ_MAX_TEXT)) {
		kind(p, name, what, sizeof what);
		return fail(p, p->v[name].pos, _("%s: expected properties.name, the unit's name (a string of "
		            "at most %d bytes), found %s"), w.text, GJ_MAX_TEXT, what);
	}
	if (geom < 0 || p->v[geom].type != J_OBJ) {
		kind(p, geom, what, sizeof what);
		return fail(p, p->v[geom >= 0 ? geom : k].pos, _("%s: expected \"geometry\": a Polygon or "
		            "MultiPolygon, found %s"), w.text, what);
	}
	if (member(p, geom, "type", &gtype) < 0 || member(p, geom, "coordinates", &coords) < 0)
		return -1;
	multi = is_type(p, gtype, "MultiPolygon") != NULL;
	if (!multi && !is_type(p, gtype, "Polygon")) {
		kind(p, gtype, what, sizeof what);
		return fail(p, p->v[gtype >= 0 ? gtype : geom].pos, _("%s: geometry type %s cannot be drawn "
		            "(Polygon or MultiPolygon expected)"), w.text, what);
	}
	if (coords < 0) {
		return fail(p, p->v[geom].pos, _("%s: the geometry has no \"coordinates\""), w.text);
	}
	f->ring0 = g->nring;
	if (!multi) {
		if (polygon(p, g, b, &w, coords, 0, 0) < 0)
			return -1;
		np = 1;
	} else {
		if (p->v[coords].type != J_ARR || p->v[coords].n == 0) {
			kind(p, coords, what, sizeof what);
			return fail(p, p->v[coords].pos, _("%s: expected the coordinates of a MultiPolygon (an "
			            "array of polygons), found %s%s"), w.text, what,
			            p->v[coords].type == J_ARR ? _(" that is empty") : "");
		}
		for (poly = p->v[coords].first; poly >= 0; poly = p->v[poly].next, np++)
			if (polygon(p, g, b, &w, poly, np, 1) < 0)
				return -1;
	}
	f->nring = g->nring - f->ring0;
	f->npoly = np;
	if (!(f->code = strdup(str(p, code))) ||
	    !(f->name = strdup(name >= 0 && p->v[name].type == J_STR ? str(p, name) : ""))) {
		free(f->code);
		f->code = NULL;
		return err_set(p->err, _("out of memory reading %s"), p->name);
	}
	g->n++;
	return 0;
}

struct coded {
	const char *code;
	int ix;
};

static int by_code(const void *a, const void *b)
{
	const struct coded *x = a, *y = b;
	int c = strcmp(x->code, y->code);

	return c ? c : x->ix - y->ix;
}

/* One feature per unit: a code given twice is refused, naming both. */
static int unique_codes(struct jp *p, const struct geojson *g)
{
	struct coded *cx = malloc((size_t)(g->n ? g->n : 1) * sizeof *cx);
	int k, rc = 0;

	if (!cx)
		return err_set(p->err, _("out of memory reading %s"), p->name);
	for (k = 0; k < g->n; k++) {
		cx[k].code = g->f[k].code;
		cx[k].ix = k;
	}
	qsort(cx, (size_t)g->n, sizeof *cx, by_code);
	for (k = 1; k < g->n && rc == 0; k++)
		if (strcmp(cx[k].code, cx[k - 1].code) == 0)
			rc = err_set(p->err, _("%s:%d: feature %d (%s): feature %d has that code already; one "
			             "feature per unit (a unit in several parts is one MultiPolygon)"), p->name,
			             g->f[cx[k].ix].line, cx[k].ix + 1, cx[k].code, cx[k - 1].ix + 1);
	free(cx);
	return rc;
}

static int shape(struct jp *p, struct geojson *g, int32_t root)
{
	struct build b = { 0, 0 };
	int32_t type, feats, k;
	char what[64];
	int index = 0;

	if (p->v[root].type != J_OBJ) {
		kind(p, root, what, sizeof what);
		return fail(p, p->v[root].pos, _("expected a GeoJSON FeatureCollection (an object), found %s"),
		            what);
	}
	if (member(p, root, "type", &type) < 0 || member(p, root, "features", &feats) < 0)
		return -1;
	if (!is_type(p, type, "FeatureCollection")) {
		kind(p, type, what, sizeof what);
		return fail(p, p->v[type >= 0 ? type : root].pos, _("expected \"type\": \"FeatureCollection\" "
		            "(a Feature per unit), found %s"), what);
	}
	if (feats < 0 || p->v[feats].type != J_ARR) {
		kind(p, feats, what, sizeof what);
		return fail(p, p->v[feats >= 0 ? feats : root].pos, _("expected \"features\": an array of "
		            "Features, found %s"), what);
	}
	if (p->v[feats].n > GJ_MAX_FEATURES)
		return fail(p, p->v[feats].pos, _("%d features; a map draws at most %d"), p->v[feats].n,
		            GJ_MAX_FEATURES);
	if (!(g->f = calloc((size_t)(p->v[feats].n ? p->v[feats].n : 1), sizeof *g->f)))
		return err_set(p->err, _("out of memory reading %s"), p->name);
	for (k = p->v[feats].first; k >= 0; k = p->v[k].next, index++)
		if (feature(p, g, &b, k, index) < 0)
			return -1;
	return unique_codes(p, g);
}

int geojson_parse(const char *text, size_t len, const char *name, struct geojson *g,
                  struct ntm_err *err)
{
	struct jp p;
	size_t bad;
	int32_t root;
	int rc = -1;

	memset(g, 0, sizeof *g);
	memset(&p, 0, sizeof p);
	p.s = text;
	p.len = len;
	p.name = name;
	p.err = err;
	p.lline = 1;
	if (len > GJ_MAX_BYTES)
		return err_set(err, _("%s: %zu bytes, more than the %d a boundaries file may hold "
		               "(simplify it)"), name, len, GJ_MAX_BYTES);
	if ((bad = utf8_invalid_at(text, len)) != (size_t)-1)
		return fail(&p, bad, "%s", _("the file is not UTF-8 text"));
	/* a byte-order mark, which some editors write, is not text */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		p.i = 3;
	if (!(p.sb = malloc(len + 1)))
		return err_set(err, _("out of memory reading %s"), name);
	if (value(&p, 0, &root) < 0)
		goto done;
	ws(&p);
	if (p.i < p.len) {
		expected(&p, _("the end of the file after the top value"));
		goto done;
	}
	rc = shape(&p, g, root);
done:
	free(p.v);
	free(p.sb);
	if (rc < 0)
		geojson_free(g);
	return rc;
}

int geojson_read(const char *path, struct geojson *g, struct ntm_err *err)
{
	char *buf;
	size_t len;
	int rc;

	memset(g, 0, sizeof *g);
	/* a regular file only, never waiting on a FIFO (infile.c) */
	if ((rc = infile_read(path, GJ_MAX_BYTES, &buf, &len, err)) == -2)
		return err_set(err, _("%s: %lld bytes, more than the %d a boundaries file may hold (simplify it)"),
		               path, (long long)len, GJ_MAX_BYTES);
	if (rc == -3)
		return err_set(err, _("%s: not a file"), path);
	if (rc < 0)
		return -1;
	rc = geojson_parse(buf, len, path, g, err);
	free(buf);
	return rc;
}

void geojson_free(struct geojson *g)
{
	int k;

	for (k = 0; g->f && k < g->n; k++) {
		free(g->f[k].code);
		free(g->f[k].name);
	}
	free(g->f);
	free(g->ring);
	free(g->pt);
	memset(g, 0, sizeof *g);
}
