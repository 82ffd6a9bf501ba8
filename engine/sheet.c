/* sheet.c - the threshold sheet (sheet.h). Rows come from resolving each
 * numeric threshold for every region and year (crit_thr_resolve); a filled
 * sheet is read with the csv reader and checked row by row; the thresholds
 * it changes are written back as by_region / by_year Lua text. Calls crit,
 * csv, store (region names), suggest and utf8. */
#include "sheet.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "i18n.h"
#include "store.h"
#include "suggest.h"
#include "utf8.h"

const char *const sheet_column[SC_N] = {
	"set", "indicator", "name", "direction", "unit", "region", "year",
	"state", "value", "lower", "upper", "source",
};

/* Columns a sheet may leave out: they are there to be read. */
static const unsigned char optional_col[SC_N] = { [SC_NAME] = 1, [SC_DIRECTION] = 1, [SC_UNIT] = 1 };

/* What resolution says when a unit has no region and the threshold has no
 * default (crit.c): written back as such in a by_region's default. */
static const char no_region_note[] = "the unit has no threshold region";

/* ---- rows ------------------------------------------------------------- */

void sheet_free(struct sheet *sh)
{
	int i;

	for (i = 0; i < sh->n; i++)
		free(sh->r[i].c.source);
	free(sh->r);
	memset(sh, 0, sizeof *sh);
}

void sheet_patch_free(struct sheet_patch *p)
{
	int i;

	sheet_free(&p->rows);
	for (i = 0; i < p->nind; i++)
		free(p->cite ? p->cite[i] : NULL);
	free(p->cite);
	memset(p, 0, sizeof *p);
}

/* Appends a copy of r with its own copy of source. Returns -1 when out of
 * memory. */
static int push(struct sheet *sh, const struct sheet_row *r, const char *source)
{
	struct sheet_row *x;

	if (sh->n == sh->cap) {
		int cap = sh->cap ? 2 * sh->cap : 64;
		void *p = realloc(sh->r, (size_t)cap * sizeof *sh->r);

		if (!p)
			return -1;
		sh->r = p;
		sh->cap = cap;
	}
	x = &sh->r[sh->n];
	*x = *r;
	if (!(x->c.source = strdup(source ? source : "")))
		return -1;
	sh->n++;
	return 0;
}

/* The cell of indicator d for region and year; *source is the cite for a
 * set number, else the note (not owned). */
static void resolve(const struct indicator *d, int region, int year, struct sheet_cell *c,
                    const char **source)
{
	struct thr_value v;

	crit_thr_resolve(d->thr, region, year, &v);
	memset(c, 0, sizeof *c);
	c->state = v.status;
	c->lo = -INFINITY;
	c->hi = INFINITY;
	if (v.status == TS_SET || v.status == TS_DRAFT)
		c->value = v.value;
	if (v.status == TS_RANGE) {
		c->lo = v.lo;
		c->hi = v.hi;
	}
	*source = v.status == TS_SET ? d->cite : v.note ? v.note : "";
}

int sheet_build(const struct critset *s, int region, int y0, int y1, struct sheet *sh,
                struct ntm_err *err)
{
	int i, r, y;

	memset(sh, 0, sizeof *sh);
	for (i = 0; i < s->nind; i++) {
		if (s->ind[i].cmp == CMP_MUST)
			continue;
		for (r = 0; r < RG_N; r++) {
			if (region >= 0 && r != region)
				continue;
			for (y = y0; y <= y1; y++) {
				struct sheet_row row = { .ind = i, .region = r, .year = y };
				const char *src;

				resolve(&s->ind[i], r, y, &row.c, &src);
				if (push(sh, &row, src) < 0) {
					sheet_free(sh);
					return err_set(err, "%s", _("criteria sheet: out of memory"));
				}
			}
		}
	}
	return 0;
}

/* The shortest text that reads back as v ("70", "95.5"). */
static void num_text(double v, char *buf, size_t cap)
{
	int prec;

	for (prec = 15; prec <= 17; prec++) {
		snprintf(buf, cap, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			return;
	}
}

int sheet_write(FILE *f, const struct critset *s, const struct sheet *sh, int bom)
{
	int i, k;

	if (bom)
		fputs("\xEF\xBB\xBF", f);
	for (k = 0; k < SC_N; k++)
		fprintf(f, "%s%s", k ? "," : "", sheet_column[k]);
	fputc('\n', f);
	for (i = 0; i < sh->n; i++) {
		const struct sheet_row *r = &sh->r[i];
		const struct indicator *d = &s->ind[r->ind];
		char year[16], value[32] = "", lower[32] = "", upper[32] = "";
		const char *f_[SC_N];

		snprintf(year, sizeof year, "%d", r->year);
		if (r->c.state == TS_SET || r->c.state == TS_DRAFT)
			num_text(r->c.value, value, sizeof value);
		if (r->c.state == TS_RANGE && isfinite(r->c.lo))
			num_text(r->c.lo, lower, sizeof lower);
		if (r->c.state == TS_RANGE && isfinite(r->c.hi))
			num_text(r->c.hi, upper, sizeof upper);
		f_[SC_SET] = s->id;
		f_[SC_INDICATOR] = d->id;
		f_[SC_NAME] = d->name;
		f_[SC_DIRECTION] = d->cmp == CMP_MAX ? "max" : "min";
		f_[SC_UNIT] = d->unit;
		f_[SC_REGION] = store_region_name[r->region];
		f_[SC_YEAR] = year;
		f_[SC_STATE] = crit_thr_state_name[r->c.state];
		f_[SC_VALUE] = value;
		f_[SC_LOWER] = lower;
		f_[SC_UPPER] = upper;
		f_[SC_SOURCE] = r->c.source;
		for (k = 0; k < SC_N; k++) {
			if (k)
				fputc(',', f);
			csv_put(f, f_[k]);
		}
		fputc('\n', f);
	}
	return ferror(f) ? -1 : 0;
}

/* ---- reading a filled sheet ------------------------------------------- */

struct rd {
	const char *path;
	struct csv csv;
	char sep;
	int col[SC_N];       /* header position of each column, -1 when absent */
	size_t nhead;
	struct critset *s;   /* the set the sheet names; not owned */
	char *set_text;      /* the first row's set field */
	long set_line;
	int y0, ny;
	long *seen;          /* [(ind * RG_N + region) * ny + year - y0]: line of its row */
	unsigned char *chg;  /* the same cells: 1 when the row changes it */
	struct ntm_err *err;
};

static int cell_index(const struct rd *r, int ind, int region, int year)
{
	return (ind * RG_N + region) * r->ny + year - r->y0;
}

/* "A" .. "Z", "AA" ...: the column as a spreadsheet names it. */
static void col_letter(int i, char *buf)
{
	char tmp[8];
	int n = 0, k;

	for (i++; i > 0 && n < 7; i = (i - 1) / 26)
		tmp[n++] = (char)('A' + (i - 1) % 26);
	for (k = 0; k < n; k++)
		buf[k] = tmp[n - 1 - k];
	buf[n] = '\0';
}

/* The row's field of column k; "" when the sheet has no such column. */
static const char *F(const struct rd *r, int k)
{
	return r->col[k] < 0 ? "" : r->csv.field[r->col[k]];
}

/* Refuses the row: "file:line: field 'x' (column C): what". */
static int bad(struct rd *r, int k, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int bad(struct rd *r, int k, const char *fmt, ...)
{
	char what[2048], letter[8];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	col_letter(r->col[k] < 0 ? 0 : r->col[k], letter);
	return err_set(r->err, _("%s:%ld: field '%s' (column %s): %s"), r->path, r->csv.line,
	               sheet_column[k], letter, what);
}

/* Lower-case ASCII copy of s into buf (cap bytes). */
static const char *lower(const char *s, char *buf, size_t cap)
{
	size_t i;

	for (i = 0; s[i] && i + 1 < cap; i++)
		buf[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
	buf[i] = '\0';
	return buf;
}

/* The separator a sheet uses: the one its header line holds more of,
 * outside quotes (Excel writes ';' where the list separator is ';'). */
static int sniff(const char *path, char *sep, struct ntm_err *err)
{
	FILE *f = fopen(path, "rb");
	int ch, quoted = 0;
	long n = 0, commas = 0, semis = 0;

	if (!f)
		return err_set(err, _("%s: cannot open: %s"), path, strerror(errno));
	while ((ch = getc(f)) != EOF && n++ < 65536) {
		if (ch == '"')
			quoted = !quoted;
		else if (!quoted && (ch == '\n' || ch == '\r'))
			break;
		else if (!quoted && ch == ',')
			commas++;
		else if (!quoted && ch == ';')
			semis++;
	}
	fclose(f);
	*sep = semis > commas ? ';' : ',';
	return 0;
}

/* Maps the header's columns; columns the sheet does not know are left
 * alone (an analyst's own notes). */
static int header(struct rd *r)
{
	struct csv *c = &r->csv;
	char key[64], letter[8], other[8];
	size_t i;
	int k, rc;

	if ((rc = csv_next(c, r->err)) <= 0)
		return rc < 0 ? -1 : err_set(r->err, _("%s: the file is empty (a sheet starts with the "
		                             "header `ntm criteria sheet SET` writes)"), r->path);
	for (k = 0; k < SC_N; k++)
		r->col[k] = -1;
	for (i = 0; i < c->nfield; i++) {
		c->field[i] = csv_trim(c->field[i]);
		lower(c->field[i], key, sizeof key);
		for (k = 0; k < SC_N && strcmp(key, sheet_column[k]) != 0; k++)
			;
		if (k == SC_N)
			continue;
		if (r->col[k] >= 0) {
			col_letter(r->col[k], other);
			col_letter((int)i, letter);
			return err_set(r->err, _("%s:%ld: column '%s' is given twice (columns %s and %s)"),
			               r->path, c->line, sheet_column[k], other, letter);
		}
		r->col[k] = (int)i;
	}
	for (k = 0; k < SC_N; k++) {
		struct suggest sg;

		if (r->col[k] >= 0 || optional_col[k])
			continue;
		err_set(r->err, _("%s:%ld: missing column '%s'"), r->path, c->line, sheet_column[k]);
		suggest_init(&sg, sheet_column[k]);
		for (i = 0; i < c->nfield; i++)
			suggest_add(&sg, c->field[i]);
		suggest_append(&sg, r->err);
		err_append(r->err, "%s", _(" (a sheet has the columns set, indicator, region, year, state, "
		           "value, lower, upper, source, and name, direction, unit to read by)"));
		return -1;
	}
	r->nhead = c->nfield;
	return 0;
}

/* A number as a spreadsheet writes it: with a ';' separator the decimal
 * mark may be ',' ("95,5"); no thousands separator, no hex, no "inf". */
static int parse_num(const char *s, char sep, double *v)
{
	char buf[64], *end;
	size_t n = strlen(s), i;
	int marks = 0;

	if (n == 0 || n >= sizeof buf)
		return -1;
	for (i = 0; i < n; i++) {
		char ch = s[i];

		if (ch == ',' && sep == ';')
			ch = '.';
		if (ch == '.')
			marks++;
		else if (!strchr("0123456789+-eE", ch))
			return -1;
		buf[i] = ch;
	}
	buf[n] = '\0';
	if (marks > 1)
		return -1;
	errno = 0;
	*v = strtod(buf, &end);
	return *end || errno || !isfinite(*v) ? -1 : 0;
}

/* Parses the number in column k (not empty) into *v. */
static int number(struct rd *r, int k, double *v)
{
	const char *s = F(r, k);
	const char *hint = "";

	if (parse_num(s, r->sep, v) == 0)
		return 0;
	if (r->sep == ',' && strchr(s, ','))
		hint = _(" (in a comma-separated sheet a decimal takes a dot: 95.5)");
	else if (strchr(s, ',') && strchr(s, '.'))
		hint = _(" (write no thousands separator: 1234,5)");
	else if (*s && s[strlen(s) - 1] == '%')
		hint = _(" (write the number without %)");
	return bad(r, k, _("'%s' is not a number%s"), s, hint);
}

static void domain_text(const struct indicator *d, char *buf, size_t cap)
{
	if (isinf(d->dom_lo) && isinf(d->dom_hi))
		snprintf(buf, cap, "%s", _("any number"));
	else if (isinf(d->dom_hi))
		snprintf(buf, cap, _("%g or more"), d->dom_lo);
	else if (isinf(d->dom_lo))
		snprintf(buf, cap, _("%g or less"), d->dom_hi);
	else
		snprintf(buf, cap, _("%g to %g"), d->dom_lo, d->dom_hi);
}

/* A value of column k must lie in what the indicator's measure can take. */
static int in_domain(struct rd *r, int k, const struct indicator *d, double v)
{
	char dom[64], num[32];

	if (v >= d->dom_lo && v <= d->dom_hi)
		return 0;
	domain_text(d, dom, sizeof dom);
	num_text(v, num, sizeof num);
	return bad(r, k, _("%s is outside what indicator %s measures (%s)"), num, d->id, dom);
}

static int same_num(double a, double b)
{
	if (a == b)
		return 1;
	if (isinf(a) || isinf(b))
		return 0;
	return fabs(a - b) <= 1e-9 * fmax(1, fmax(fabs(a), fabs(b)));
}

/* Whether two cells say the same, the source aside. */
static int same_value(const struct sheet_cell *a, const struct sheet_cell *b)
{
	if (a->state != b->state)
		return 0;
	if (a->state == TS_SET || a->state == TS_DRAFT)
		return same_num(a->value, b->value);
	if (a->state == TS_RANGE)
		return same_num(a->lo, b->lo) && same_num(a->hi, b->hi);
	return 1;
}

/* Whether two texts are the same once both are NFC; -1 out of memory. */
static int same_text(const char *a, const char *b)
{
	char *x, *y;
	int r;

	if (strcmp(a, b) == 0)
		return 1;
	x = utf8_nfc(a);
	y = utf8_nfc(b);
	r = x && y ? strcmp(x, y) == 0 : -1;
	free(x);
	free(y);
	return r;
}

/* The name column, when given, must be the indicator's: a spreadsheet
 * that read "17.10" as the number 17.1 would otherwise fill the wrong one. */
static int check_name(struct rd *r, const struct indicator *d)
{
	const char *name = F(r, SC_NAME);
	int i, same;

	if (!*name || (same = same_text(name, d->name)) == 1)
		return 0;
	if (same < 0)
		return err_set(r->err, _("%s:%ld: out of memory"), r->path, r->csv.line);
	for (i = 0; i < r->s->nind; i++)
		if (same_text(name, r->s->ind[i].name) == 1)
			return bad(r, SC_NAME, _("the name of indicator %s, not of %s (a spreadsheet may have "
			           "read the id %s as a number: format the indicator column as text)"),
			           r->s->ind[i].id, d->id, r->s->ind[i].id);
	return bad(r, SC_NAME, _("'%s' is not the name of indicator %s, '%s' (name, direction and "
	           "unit are there to read by: leave them as written)"), name, d->id, d->name);
}

/* Reads one row into row/src. Returns 0, 1 for a row to skip, -1 on error. */
static int read_row(struct rd *r, sheet_load_fn load, void *ctx, struct critset **set,
                    struct sheet_row *row, char **src)
{
	const struct indicator *d;
	char key[64], where[512], letter[8];
	const char *s, *dir;
	size_t i;
	int k, empty = 1;

	for (i = 0; i < r->csv.nfield; i++) {
		r->csv.field[i] = csv_trim(r->csv.field[i]);
		empty &= !*r->csv.field[i];
	}
	if (empty)
		return 1;      /* a spreadsheet's trailing ";;;;" */
	if (r->csv.nfield != r->nhead)
		return err_set(r->err, _("%s:%ld: expected %zu fields as the header has but found %zu"),
		               r->path, r->csv.line, r->nhead, r->csv.nfield);
	memset(row, 0, sizeof *row);
	row->line = r->csv.line;

	/* set: the first row's loads it; the others must name the same */
	s = F(r, SC_SET);
	if (!*s)
		return bad(r, SC_SET, "%s", _("is empty (the id of the set the sheet fills)"));
	if (!*set) {
		col_letter(r->col[SC_SET], letter);
		snprintf(where, sizeof where, "%s:%ld: field 'set' (column %s)", r->path, r->csv.line, letter);
		if (!(*set = load(ctx, s, where, r->err)))
			return -1;
		r->s = *set;
		r->y0 = r->s->year_from;
		r->ny = r->s->year_to - r->s->year_from + 1;
		r->set_line = r->csv.line;
		r->set_text = strdup(s);
		r->seen = calloc((size_t)r->s->nind * RG_N * (size_t)r->ny, sizeof *r->seen);
		r->chg = calloc((size_t)r->s->nind * RG_N * (size_t)r->ny, 1);
		if (!r->set_text || !r->seen || !r->chg)
			return err_set(r->err, _("%s:%ld: out of memory"), r->path, r->csv.line);
	} else if (strcmp(s, r->set_text) != 0) {
		return bad(r, SC_SET, _("'%s' but line %ld names '%s' (a sheet fills one set)"), s,
		           r->set_line, r->set_text);
	}

	s = F(r, SC_INDICATOR);
	if ((row->ind = crit_find_indicator(r->s, s)) < 0) {
		struct suggest sg;

		bad(r, SC_INDICATOR, _("set %s has no indicator '%s'"), r->s->id, s);
		suggest_init(&sg, s);
		for (k = 0; k < r->s->nind; k++)
			if (r->s->ind[k].cmp != CMP_MUST)
				suggest_add(&sg, r->s->ind[k].id);
		suggest_append(&sg, r->err);
		return -1;
	}
	d = &r->s->ind[row->ind];
	if (d->cmp == CMP_MUST)
		return bad(r, SC_INDICATOR, d->must ? _("indicator %s is a yes/no indicator (must hold): it "
		           "has no threshold to fill") : _("indicator %s is a yes/no indicator (must not hold): "
		           "it has no threshold to fill"), d->id);
	if (check_name(r, d) < 0)
		return -1;
	dir = d->cmp == CMP_MAX ? "max" : "min";
	if (*F(r, SC_DIRECTION) && strcmp(lower(F(r, SC_DIRECTION), key, sizeof key), dir) != 0)
		return bad(r, SC_DIRECTION, _("'%s' but indicator %s has a %s threshold (a sheet fills "
		           "values; it cannot change the comparison)"), F(r, SC_DIRECTION), d->id, dir);

	s = F(r, SC_REGION);
	if ((row->region = store_region_parse(lower(s, key, sizeof key))) < 0) {
		struct suggest sg;

		bad(r, SC_REGION, _("'%s' is not a threshold region"), s);
		suggest_init(&sg, s);
		for (k = 0; k < RG_N; k++)
			suggest_add(&sg, store_region_name[k]);
		suggest_append(&sg, r->err);
		err_append(r->err, "%s", _(" (regions: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl)"));
		return -1;
	}

	s = F(r, SC_YEAR);
	row->year = 0;
	for (i = 0; s[i] >= '0' && s[i] <= '9' && i < 5; i++)
		row->year = row->year * 10 + (s[i] - '0');
	if (!*s || s[i] || row->year < r->s->year_from || row->year > r->s->year_to)
		return bad(r, SC_YEAR, _("'%s' is not a year of set %s (%d-%d)"), s, r->s->id,
		           r->s->year_from, r->s->year_to);
	k = cell_index(r, row->ind, row->region, row->year);
	if (r->seen[k])
		return err_set(r->err, _("%s:%ld: indicator %s, region %s, year %d is also on line %ld "
		               "(one row per indicator, region and year)"), r->path, r->csv.line, d->id,
		               store_region_name[row->region], row->year, r->seen[k]);
	r->seen[k] = r->csv.line;

	s = lower(F(r, SC_STATE), key, sizeof key);
	for (k = 0; k < TS_N && strcmp(s, crit_thr_state_name[k]) != 0; k++)
		;
	if (k == TS_N)
		return bad(r, SC_STATE, _("'%s' is not one of: set, draft, range, unset"), F(r, SC_STATE));
	row->c.state = k;
	row->c.lo = -INFINITY;
	row->c.hi = INFINITY;
	if (k == TS_SET || k == TS_DRAFT) {
		if (!*F(r, SC_VALUE))
			return bad(r, SC_VALUE, _("is empty (state '%s' needs a value)"), crit_thr_state_name[k]);
		if (number(r, SC_VALUE, &row->c.value) < 0)
			return -1;
	} else if (*F(r, SC_VALUE)) {
		return bad(r, SC_VALUE, _("'%s' but state '%s' takes no value (a range fills lower and "
		           "upper; unset fills neither)"), F(r, SC_VALUE), crit_thr_state_name[k]);
	}
	if (k == TS_RANGE) {
		if (!*F(r, SC_LOWER) && !*F(r, SC_UPPER))
			return bad(r, SC_LOWER, "%s", _("lower and upper are both empty (state 'range' needs at "
			           "least one end)"));
		if (*F(r, SC_LOWER) && number(r, SC_LOWER, &row->c.lo) < 0)
			return -1;
		if (*F(r, SC_UPPER) && number(r, SC_UPPER, &row->c.hi) < 0)
			return -1;
		if (row->c.lo > row->c.hi)
			return bad(r, SC_LOWER, _("%s is above upper %s"), F(r, SC_LOWER), F(r, SC_UPPER));
	} else {
		for (i = SC_LOWER; i <= SC_UPPER; i++)
			if (*F(r, (int)i))
				return bad(r, (int)i, _("'%s' but only state 'range' takes lower and upper"),
				           F(r, (int)i));
	}

	s = F(r, SC_SOURCE);
	if (!*s)
		return bad(r, SC_SOURCE, "%s", _("is empty (say where the value comes from: decision, annex "
		           "and item; for unset, why there is none)"));
	if (!(*src = utf8_nfc(s)))
		return err_set(r->err, _("%s:%ld: out of memory"), r->path, r->csv.line);
	return 0;
}

/* The values of a changed row within the measure's domain. */
static int check_domain(struct rd *r, const struct sheet_row *row)
{
	const struct indicator *d = &r->s->ind[row->ind];

	if ((row->c.state == TS_SET || row->c.state == TS_DRAFT) &&
	    in_domain(r, SC_VALUE, d, row->c.value) < 0)
		return -1;
	if (row->c.state == TS_RANGE && isfinite(row->c.lo) && in_domain(r, SC_LOWER, d, row->c.lo) < 0)
		return -1;
	if (row->c.state == TS_RANGE && isfinite(row->c.hi) && in_domain(r, SC_UPPER, d, row->c.hi) < 0)
		return -1;
	return 0;
}

/* bad() for a row read earlier (its line instead of the current one). */
static int bad_at(struct rd *r, long line, int k, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int bad_at(struct rd *r, long line, int k, const char *fmt, ...)
{
	char what[2048], letter[8];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	col_letter(r->col[k] < 0 ? 0 : r->col[k], letter);
	return err_set(r->err, _("%s:%ld: field '%s' (column %s): %s"), r->path, line, sheet_column[k],
	               letter, what);
}

/* A set number's source is its indicator's cite, one per indicator: the
 * changed set rows of an indicator give one source, and when that source
 * becomes the cite no number the sheet leaves alone may keep the old one. */
static int cites(struct rd *r, struct sheet_patch *p)
{
	int i, j, reg, y;

	for (i = 0; i < r->s->nind; i++) {
		const struct indicator *d = &r->s->ind[i];
		const struct sheet_row *first = NULL;
		int same;

		for (j = 0; j < p->rows.n; j++) {
			const struct sheet_row *x = &p->rows.r[j];

			if (x->ind != i || x->c.state != TS_SET)
				continue;
			if (!first)
				first = x;
			else if (strcmp(x->c.source, first->c.source) != 0)
				return bad_at(r, x->line, SC_SOURCE, "'%s' but line %ld gives '%s': the numbers "
				              "of indicator %s share one source, its cite (give one source, or "
				              "state draft to keep this one as the draft's note)", x->c.source,
				              first->line, first->c.source, d->id);
		}
		if (!first || (same = same_text(first->c.source, d->cite)) == 1)
			continue;
		if (same < 0)
			return err_set(r->err, "%s", _("out of memory"));
		for (reg = 0; reg < RG_N; reg++)
			for (y = r->y0; y < r->y0 + r->ny; y++) {
				struct sheet_cell c;
				const char *src;

				if (r->chg[cell_index(r, i, reg, y)])
					continue;
				resolve(d, reg, y, &c, &src);
				if (c.state == TS_SET)
					return bad_at(r, first->line, SC_SOURCE, "'%s' would become the cite of "
					              "indicator %s, but its number for %s %d, which the sheet does "
					              "not change, is cited '%s' (a number's source is its "
					              "indicator's cite: give that source, change that row too, or "
					              "state draft to keep '%s' as the draft's note)", first->c.source,
					              d->id, store_region_name[reg], y, d->cite, first->c.source);
			}
		if (!(p->cite[i] = strdup(first->c.source)))
			return err_set(r->err, "%s", _("out of memory"));
	}
	return 0;
}

int sheet_read(const char *path, sheet_load_fn load, void *ctx, struct critset **set,
               struct sheet_patch *p, struct ntm_err *err)
{
	struct rd r;
	int rc = -1, got;

	memset(&r, 0, sizeof r);
	memset(p, 0, sizeof *p);
	*set = NULL;
	r.path = path;
	r.err = err;
	if (sniff(path, &r.sep, err) < 0 || csv_open(&r.csv, path, err) < 0)
		return -1;
	r.csv.sep = r.sep;
	if (header(&r) < 0)
		goto done;
	while ((got = csv_next(&r.csv, err)) > 0) {
		struct sheet_row row;
		struct sheet_cell base;
		const char *bsrc;
		char *src = NULL;
		int k, same;

		if ((k = read_row(&r, load, ctx, set, &row, &src)) < 0)
			goto done;
		if (k > 0)
			continue;
		p->nread++;
		if (!p->cite) {
			p->nind = r.s->nind;
			if (!(p->cite = calloc((size_t)p->nind + 1, sizeof *p->cite))) {
				free(src);
				err_set(err, "%s", _("out of memory"));
				goto done;
			}
		}
		resolve(&r.s->ind[row.ind], row.region, row.year, &base, &bsrc);
		same = same_text(src, bsrc);
		if (same < 0) {
			free(src);
			err_set(err, "%s", _("out of memory"));
			goto done;
		}
		if (same && same_value(&row.c, &base)) {
			free(src);
			continue;          /* unchanged: it produces nothing */
		}
		/* a note that says why there is no value, or that a value is not
		 * confirmed, cannot be where a confirmed value comes from */
		if (same && row.c.state != base.state && row.c.state != TS_UNSET &&
		    (base.state == TS_UNSET || row.c.state == TS_SET)) {
			free(src);
			bad(&r, SC_SOURCE, _("'%s' is still the note of the %s threshold: write where the "
			    "value comes from (decision, annex and item)"), bsrc, crit_thr_state_name[base.state]);
			goto done;
		}
		if (check_domain(&r, &row) < 0 || push(&p->rows, &row, src) < 0) {
			if (!err->set)
				err_set(err, "%s", _("out of memory"));
			free(src);
			goto done;
		}
		free(src);
		r.chg[cell_index(&r, row.ind, row.region, row.year)] = 1;
	}
	if (got < 0)
		goto done;
	if (!r.s) {
		err_set(err, _("%s: the sheet has no rows (nothing to apply)"), path);
		goto done;
	}
	rc = cites(&r, p);
done:
	if (rc < 0)
		sheet_patch_free(p);
	csv_close(&r.csv);
	free(r.set_text);
	free(r.seen);
	free(r.chg);
	return rc;
}

/* ---- the new set's sheet ---------------------------------------------- */

/* The changed row for a cell, or NULL. */
static const struct sheet_row *patched(const struct sheet_patch *p, int ind, int region, int year)
{
	int i;

	for (i = 0; i < p->rows.n; i++) {
		const struct sheet_row *x = &p->rows.r[i];

		if (x->ind == ind && x->region == region && x->year == year)
			return x;
	}
	return NULL;
}

int sheet_expected(const struct critset *s, const struct sheet_patch *p, struct sheet *out,
                   struct ntm_err *err)
{
	int i;

	if (sheet_build(s, -1, s->year_from, s->year_to, out, err) < 0)
		return -1;
	for (i = 0; i < out->n; i++) {
		struct sheet_row *r = &out->r[i];
		const struct sheet_row *x = patched(p, r->ind, r->region, r->year);
		const char *src = x ? x->c.source : r->c.state == TS_SET && p->cite[r->ind] ?
		                  p->cite[r->ind] : NULL;
		char *copy;

		if (!src)
			continue;
		if (!(copy = strdup(src))) {
			sheet_free(out);
			return err_set(err, "%s", _("criteria sheet: out of memory"));
		}
		free(r->c.source);
		if (x)
			r->c = x->c;
		r->c.source = copy;
	}
	return 0;
}

int sheet_compare(const struct sheet *a, const struct sheet *b)
{
	int i;

	for (i = 0; i < a->n && i < b->n; i++) {
		const struct sheet_row *x = &a->r[i], *y = &b->r[i];

		if (x->ind != y->ind || x->region != y->region || x->year != y->year ||
		    x->c.state != y->c.state || strcmp(x->c.source, y->c.source) != 0)
			return i;
		if ((x->c.state == TS_SET || x->c.state == TS_DRAFT) && x->c.value != y->c.value)
			return i;
		if (x->c.state == TS_RANGE && (x->c.lo != y->c.lo || x->c.hi != y->c.hi))
			return i;
	}
	return a->n == b->n ? -1 : i;
}

/* ---- Lua text ----------------------------------------------------------- */

/* A growing string; oom once any append failed. */
struct str {
	char *p;
	size_t len, cap;
	int oom;
};

static void sput(struct str *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sput(struct str *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || b->oom)
		return;
	if (b->len + (size_t)n + 1 > b->cap) {
		size_t cap = (b->len + (size_t)n + 1) * 2;
		char *np = realloc(b->p, cap);

		if (!np) {
			b->oom = 1;
			return;
		}
		b->p = np;
		b->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* s as a Lua string literal: quotes, backslashes and control characters
 * escaped, UTF-8 kept. */
static void lua_str(struct str *b, const char *s)
{
	sput(b, "\"");
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			sput(b, "\\%c", ch);
		else if (ch == '\n')
			sput(b, "\\n");
		else if (ch < 0x20 || ch == 0x7f)
			sput(b, "\\%03d", ch);
		else
			sput(b, "%c", ch);
	}
	sput(b, "\"");
}

/* s inside a "--" comment: one line, control characters as spaces. */
static void comment_text(struct str *b, const char *s)
{
	for (; *s; s++)
		sput(b, "%c", (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
}

static void lua_num(struct str *b, double v)
{
	char buf[32];

	if (isinf(v)) {
		sput(b, "%smath.huge", v < 0 ? "-" : "");
		return;
	}
	num_text(v, buf, sizeof buf);
	sput(b, "%s", buf);
}

/* The notes and cites the amends use. The body refers to them as \1N\2
 * (no control character survives lua_str or comment_text); those used
 * more than once become locals S1, S2 ... at the top, the others are
 * written in place. */
struct strtab {
	const char **s;      /* not owned */
	int *uses;
	int n, cap;
};

static void text_ref(struct str *b, struct strtab *t, const char *s)
{
	int i;

	for (i = 0; i < t->n && strcmp(t->s[i], s) != 0; i++)
		;
	if (i == t->n) {
		if (t->n == t->cap) {
			int cap = t->cap ? 2 * t->cap : 16;
			const char **ns = realloc(t->s, (size_t)cap * sizeof *ns);
			int *nu;

			if (ns)
				t->s = ns;
			if (!ns || !(nu = realloc(t->uses, (size_t)cap * sizeof *nu))) {
				b->oom = 1;
				return;
			}
			t->uses = nu;
			t->cap = cap;
		}
		t->s[t->n] = s;
		t->uses[t->n++] = 0;
	}
	t->uses[i]++;
	sput(b, "\1%d\2", i);
}

/* One cell of the grid the new threshold must resolve to. */
struct gcell {
	int defined;         /* 0: no value reached (a unit with no region, no default) */
	struct sheet_cell c; /* c.source: the note (not owned); unused for a set number */
};

static int gcell_eq(const struct gcell *a, const struct gcell *b)
{
	if (a->defined != b->defined)
		return 0;
	if (!a->defined)
		return 1;
	if (a->c.state != b->c.state)
		return 0;
	switch (a->c.state) {
	case TS_SET:
		return a->c.value == b->c.value;
	case TS_DRAFT:
		return a->c.value == b->c.value && strcmp(a->c.source, b->c.source) == 0;
	case TS_RANGE:
		return a->c.lo == b->c.lo && a->c.hi == b->c.hi && strcmp(a->c.source, b->c.source) == 0;
	default:
		return strcmp(a->c.source, b->c.source) == 0;
	}
}

/* Where a threshold is being written. */
struct emit {
	struct str *b;
	struct strtab *tab;
	int in_draft;        /* inside draft(..., note): a draft cell is its number */
};

static void leaf(const struct emit *e, const struct gcell *g)
{
	struct str *b = e->b;

	if (!g->defined) {
		sput(b, "unset(");
		text_ref(b, e->tab, no_region_note);
		sput(b, ")");
		return;
	}
	switch (g->c.state) {
	case TS_SET:
		lua_num(b, g->c.value);
		return;
	case TS_DRAFT:
		if (e->in_draft) {
			lua_num(b, g->c.value);
			return;
		}
		sput(b, "draft(");
		lua_num(b, g->c.value);
		sput(b, ", ");
		break;
	case TS_RANGE:
		sput(b, "range(");
		lua_num(b, g->c.lo);
		sput(b, ", ");
		lua_num(b, g->c.hi);
		sput(b, ", ");
		break;
	default:
		sput(b, "unset(");
	}
	text_ref(b, e->tab, g->c.source);
	sput(b, ")");
}

/* Cells of one region over the years y0 ..: a value, or by_year with an
 * entry where the value changes. */
static void years(const struct emit *e, const struct gcell *g, int y0, int ny)
{
	int i;

	for (i = 1; i < ny && gcell_eq(&g[i], &g[0]); i++)
		;
	if (i == ny) {
		leaf(e, &g[0]);
		return;
	}
	sput(e->b, "by_year { ");
	for (i = 0; i < ny; i++) {
		if (i > 0 && gcell_eq(&g[i], &g[i - 1]))
			continue;
		sput(e->b, "%s[%d] = ", i ? ", " : "", y0 + i);
		leaf(e, &g[i]);
	}
	sput(e->b, " }");
}

/* Whether resolving t for region and year reaches a value: false only when
 * a by_region without a default has nothing for the region (no region). */
static int reaches(const struct thr *t, int region, int year)
{
	const struct thr *sub;
	int i;

	if (!t)
		return 0;
	switch (t->kind) {
	case T_DRAFT:
		return reaches(t->inner, region, year);
	case T_REGION:
		sub = region >= 0 && region < RG_N && t->region[region] ? t->region[region] : t->dflt;
		return reaches(sub, region, year);
	case T_YEAR:
		sub = t->by_year[0];
		for (i = 0; i < t->nyear && t->year[i] <= year; i++)
			sub = t->by_year[i];
		return reaches(sub, region, year);
	default:
		return 1;
	}
}

/* The threshold indicator ind must have: rows 0..RG_N-1 the regions, row
 * RG_N a unit with no region (kept from the set), ny years each. */
static void grid(const struct critset *s, const struct sheet_patch *p, int ind, struct gcell *g)
{
	const struct indicator *d = &s->ind[ind];
	int ny = s->year_to - s->year_from + 1, r, y;

	for (r = 0; r <= RG_N; r++)
		for (y = 0; y < ny; y++) {
			struct gcell *x = &g[r * ny + y];
			int region = r < RG_N ? r : -1, year = s->year_from + y;
			const struct sheet_row *row = region >= 0 ? patched(p, ind, region, year) : NULL;
			const char *src;

			if (row) {
				x->c = row->c;
				x->defined = 1;
				continue;
			}
			resolve(d, region, year, &x->c, &src);
			x->c.source = (char *)src;
			x->defined = reaches(d->thr, region, year);
		}
}

/* The threshold as Lua: one value; by_year when only the year matters;
 * else by_region over the seven regions (and the set's default for a unit
 * with no region, when it had one). */
static void by_region(const struct emit *e, const struct gcell *g, int y0, int ny)
{
	struct str part[RG_N + 1];
	struct emit pe = *e;
	int r, y, uniform = 1, oneline = 1, dflt = 0;
	size_t width = 0;

	for (y = 0; y < ny && uniform; y++)
		for (r = 1; r < RG_N && uniform; r++)
			uniform = gcell_eq(&g[r * ny + y], &g[y]);
	if (uniform) {
		years(e, g, y0, ny);
		return;
	}
	memset(part, 0, sizeof part);
	for (y = 0; y < ny; y++)
		dflt |= g[RG_N * ny + y].defined;
	for (r = 0; r <= RG_N; r++) {
		if (r == RG_N && !dflt)
			break;
		pe.b = &part[r];
		years(&pe, &g[r * ny], y0, ny);
		e->b->oom |= part[r].oom;
		if (!part[r].p) {
			e->b->oom = 1;
			continue;
		}
		width += part[r].len + 10;
		oneline &= !strchr(part[r].p, '\1') && !strstr(part[r].p, "by_year");
	}
	if (e->b->oom)
		goto done;
	if (oneline && width < 80) {
		sput(e->b, "by_region { ");
		for (r = 0; r < RG_N; r++)
			sput(e->b, "%s%s = %s", r ? ", " : "", store_region_name[r], part[r].p);
		if (dflt)
			sput(e->b, ", default = %s", part[RG_N].p);
		sput(e->b, " }");
	} else {
		sput(e->b, "by_region {\n");
		for (r = 0; r < RG_N; r++)
			sput(e->b, "    %-7s = %s,\n", store_region_name[r], part[r].p);
		if (dflt)
			sput(e->b, "    default = %s,\n", part[RG_N].p);
		sput(e->b, "  }");
	}
done:
	for (r = 0; r <= RG_N; r++)
		free(part[r].p);
}

/* A threshold whose every value is a draft with one note is written as
 * the set files write it: draft(<the numbers>, note). */
static void threshold(const struct emit *e, const struct gcell *g, int y0, int ny)
{
	const char *note = NULL;
	struct emit de = *e;
	int i;

	for (i = 0; i < (RG_N + 1) * ny; i++) {
		if (!g[i].defined)
			continue;
		if (g[i].c.state != TS_DRAFT || (note && strcmp(note, g[i].c.source) != 0))
			break;
		note = g[i].c.source;
	}
	if (i < (RG_N + 1) * ny || !note) {
		by_region(e, g, y0, ny);
		return;
	}
	de.in_draft = 1;
	sput(e->b, "draft(");
	by_region(&de, g, y0, ny);
	sput(e->b, ", ");
	text_ref(e->b, e->tab, note);
	sput(e->b, ")");
}

/* Appends "12-14, 20", the ascending lines of the changed rows of ind with
 * source src, to b (when not NULL); returns how many rows. */
static int lines_text(struct str *b, const struct sheet_patch *p, int ind, const char *src)
{
	long from = 0, to = 0;
	int i, first = 1, n = 0;

	for (i = 0; i <= p->rows.n; i++) {
		const struct sheet_row *x = i < p->rows.n ? &p->rows.r[i] : NULL;

		if (x && (x->ind != ind || strcmp(x->c.source, src) != 0))
			continue;
		n += x != NULL;
		if (!b)
			continue;
		if (x && from && x->line == to + 1) {
			to = x->line;
			continue;
		}
		if (from) {
			sput(b, "%s%ld", first ? "" : ", ", from);
			if (to > from)
				sput(b, "-%ld", to);
			first = 0;
		}
		if (x)
			from = to = x->line;
	}
	return n;
}

/* The amend of indicator i: a comment with the sheet's lines and sources,
 * the threshold when a cell changed, the cite when a number's source did. */
static void amend(struct str *b, struct strtab *tab, const struct critset *s,
                  const struct sheet_patch *p, int i, struct gcell *g, const char *from)
{
	const struct indicator *d = &s->ind[i];
	struct emit e = { b, tab, 0 };
	int changed = 0, j, k;

	for (j = 0; j < p->rows.n; j++) {
		const struct sheet_row *x = &p->rows.r[j];
		struct sheet_cell base;
		const char *src;

		if (x->ind != i)
			continue;
		resolve(d, x->region, x->year, &base, &src);
		changed |= !same_value(&x->c, &base) || (x->c.state != TS_SET && strcmp(x->c.source, src) != 0);
	}
	sput(b, "\n-- %s ", d->id);
	comment_text(b, d->name);
	sput(b, "\n");
	for (j = 0; j < p->rows.n; j++) {
		const struct sheet_row *x = &p->rows.r[j];

		if (x->ind != i)
			continue;
		for (k = 0; k < j && (p->rows.r[k].ind != i || strcmp(p->rows.r[k].c.source, x->c.source) != 0); k++)
			;
		if (k < j)
			continue;       /* this source was listed */
		sput(b, "--   ");
		comment_text(b, from);
		sput(b, " line%s ", lines_text(NULL, p, i, x->c.source) > 1 ? "s" : "");
		lines_text(b, p, i, x->c.source);
		sput(b, ": ");
		comment_text(b, x->c.source);
		sput(b, "\n");
	}
	sput(b, "amend ");
	lua_str(b, d->id);
	sput(b, " {\n");
	if (changed) {
		grid(s, p, i, g);
		sput(b, "  %s  = ", d->cmp == CMP_MAX ? "max" : "min");
		threshold(&e, g, s->year_from, s->year_to - s->year_from + 1);
		sput(b, ",\n");
	}
	if (p->cite[i]) {
		sput(b, "  cite = ");
		text_ref(b, tab, p->cite[i]);
		sput(b, ",\n");
	}
	sput(b, "}\n");
}

int sheet_lua(FILE *f, const struct critset *s, const struct sheet_patch *p, const char *id,
              const char *title, const char *from)
{
	int ny = s->year_to - s->year_from + 1, i, j, nlocal = 0, *name = NULL, rc = -1;
	struct gcell *g = calloc((size_t)(RG_N + 1) * (size_t)ny, sizeof *g);
	struct str head = { 0 }, body = { 0 };
	struct strtab tab = { 0 };
	const char *q;
	char note[600];

	if (!g)
		goto done;
	sput(&head, "-- ");
	comment_text(&head, title ? title : s->title);
	sput(&head, "\n-- The thresholds of set %s with the values filled in the sheet ", s->id);
	comment_text(&head, from);
	sput(&head, ",\n-- written by `ntm criteria sheet --apply`. Each amend replaces one indicator's\n"
	     "-- threshold (and its cite when the sheet gave a number a new source); all\n"
	     "-- else is the set's own. `ntm criteria diff %s %s` lists the changes.\n\n", s->id, id);
	sput(&head, "set {\n  id         = ");
	lua_str(&head, id);
	sput(&head, ",\n  extends    = ");
	lua_str(&head, s->id);
	sput(&head, ",\n  title      = ");
	lua_str(&head, title ? title : s->title);
	sput(&head, ",\n  decision   = ");
	lua_str(&head, s->decision);
	sput(&head, ",\n  level      = ");
	lua_str(&head, s->level);
	sput(&head, ",\n  years      = { %d, %d },\n", s->year_from, s->year_to);
	if (s->province) {
		sput(&head, "  province   = ");
		lua_str(&head, s->province);
		sput(&head, ",\n");
	}
	sput(&head, "  recognises = ");
	lua_str(&head, s->recognises);
	sput(&head, ",\n  note       = ");
	snprintf(note, sizeof note, "thresholds of %s filled from the sheet %s", s->id, from);
	lua_str(&head, note);
	sput(&head, ",\n}\n");

	for (i = 0; i < s->nind; i++) {
		for (j = 0; j < p->rows.n && p->rows.r[j].ind != i; j++)
			;
		if (j < p->rows.n || p->cite[i])
			amend(&body, &tab, s, p, i, g, from);
	}
	if (head.oom || body.oom || (tab.n && !(name = calloc((size_t)tab.n, sizeof *name))))
		goto done;
	for (i = 0; i < tab.n; i++) {
		if (tab.uses[i] < 2)
			continue;
		name[i] = ++nlocal;
		if (nlocal == 1)
			sput(&head, "\n-- the notes and sources the amends share\n");
		sput(&head, "local S%d = ", nlocal);
		lua_str(&head, tab.s[i]);
		sput(&head, "\n");
	}
	if (head.oom)
		goto done;
	fwrite(head.p, 1, head.len, f);
	/* the body with each \1N\2 as its local or its literal */
	for (q = body.p; q && *q; q++) {
		if (*q != '\1') {
			putc(*q, f);
			continue;
		}
		i = (int)strtol(q + 1, (char **)&q, 10);
		if (name[i]) {
			fprintf(f, "S%d", name[i]);
		} else {
			struct str lit = { 0 };

			lua_str(&lit, tab.s[i]);
			if (lit.oom)
				goto done;
			fputs(lit.p, f);
			free(lit.p);
		}
	}
	rc = ferror(f) ? -1 : 0;
done:
	free(g);
	free(head.p);
	free(body.p);
	free(tab.s);
	free(tab.uses);
	free(name);
	return rc;
}
