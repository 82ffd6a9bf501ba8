/* eval.c - indicator, criterion and unit status from figures (eval.h).
 * Missing figures make an indicator unknown, never met or unmet; a
 * threshold the set does not know (unset, or a range) decides what it can
 * and leaves the rest open. Calls crit.c for thresholds and store.c to
 * read figures. */
#include "eval.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const eval_status_name[ST_N] = {
	"met", "unmet", "unknown", "open", "n/a",
};

/* Values this close to a threshold count as on it: 100 * 7 / 10 must meet
 * "≥ 70" although binary floating point gives 70.00000000000001 or less. */
#define EPS 1e-9

struct xctx {
	const double *vals;        /* the figures of year */
	int year, region, strict;
	const struct eval_hist *h; /* the unit's other years, or NULL */
	int div0;
};

/* The unit's figures of year y, or NULL when that year was not loaded. */
static const double *vals_of(const struct xctx *c, int y)
{
	const struct evaldata *d;

	if (y == c->year)
		return c->vals;
	if (!c->h || !(d = c->h->data) || y < d->year_from || y >= d->year_from + d->nyear)
		return NULL;
	return eval_vals(d, c->h->unit, y - d->year_from);
}

static double x_eval(const struct expr *e, struct xctx *c)
{
	double a, b, r;
	int i, unknown = 0, hits = 0;

	switch (e->op) {
	case X_NUM:
		return e->num;
	case X_VAR:
		return c->vals[e->var];
	case X_YEAR:
		return c->year;
	case X_RECYEAR:
		a = c->h && c->h->recog ? c->h->recog[e->var] : 0;
		return a > 0 ? a : NAN;
	case X_AT: {
		struct xctx at = *c;

		a = x_eval(e->arg[1], c);
		if (isnan(a) || a != floor(a) || fabs(a) > 100000 || !(at.vals = vals_of(c, (int)a)))
			return NAN;
		at.year = (int)a;
		r = x_eval(e->arg[0], &at);
		c->div0 |= at.div0;
		return r;
	}
	case X_THROF: {
		struct thr_value tv;

		/* a point value only where the other set has a number */
		crit_thr_resolve(e->thr, c->region, c->year, &tv);
		return tv.status == TS_SET || (tv.status == TS_DRAFT && !c->strict) ? tv.value : NAN;
	}
	case X_NEG:
		return -x_eval(e->arg[0], c);
	case X_ADD: case X_SUB: case X_MUL: case X_DIV: case X_PCT:
	case X_GT: case X_GE: case X_LT: case X_LE: case X_EQ:
		a = x_eval(e->arg[0], c);
		b = x_eval(e->arg[1], c);
		if (isnan(a) || isnan(b))
			return NAN;
		switch (e->op) {
		case X_ADD: return a + b;
		case X_SUB: return a - b;
		case X_MUL: return a * b;
		case X_DIV:
		case X_PCT:
			if (b == 0) {
				c->div0 = 1;
				return NAN;
			}
			return e->op == X_PCT ? a * 100 / b : a / b;
		case X_GT: return a > b + EPS;
		case X_GE: return a >= b - EPS;
		case X_LT: return a < b - EPS;
		case X_LE: return a <= b + EPS;
		default: return fabs(a - b) <= EPS;
		}
	case X_SUM: case X_MIN: case X_MAX: case X_COUNT:
		r = e->op == X_MIN ? INFINITY : e->op == X_MAX ? -INFINITY : 0;
		for (i = 0; i < e->n; i++) {
			a = x_eval(e->arg[i], c);
			if (isnan(a))
				return NAN;
			if (e->op == X_SUM)
				r += a;
			else if (e->op == X_COUNT)
				r += a != 0;
			else if (e->op == X_MIN ? a < r : a > r)
				r = a;
		}
		return r;
	case X_ALL: case X_ANY:
		/* three-valued: one false decides all(), one true decides any() */
		for (i = 0; i < e->n; i++) {
			a = x_eval(e->arg[i], c);
			if (isnan(a))
				unknown = 1;
			else if ((a != 0) == (e->op == X_ANY))
				hits = 1;
		}
		if (hits)
			return e->op == X_ANY ? 1 : 0;
		return unknown ? NAN : e->op == X_ALL ? 1 : 0;
	case X_NOT:
		a = x_eval(e->arg[0], c);
		return isnan(a) ? NAN : a == 0;
	case X_EITHER:
		a = x_eval(e->arg[0], c);
		return isnan(a) ? x_eval(e->arg[1], c) : a;
	}
	return NAN;
}

/* Where a threshold computed by e can lie: another set's threshold is a
 * number or a range; sums, differences, products and quotients carry the
 * interval; anything else is the point value. lo is NAN when unknown. */
struct ival {
	double lo, hi;
};

static struct ival x_ival(const struct expr *e, struct xctx *c)
{
	struct ival a, b, r = { NAN, NAN };
	double p[4];
	int i;

	switch (e->op) {
	case X_THROF: {
		struct thr_value tv;

		crit_thr_resolve(e->thr, c->region, c->year, &tv);
		if ((tv.status == TS_DRAFT || (tv.status == TS_RANGE && tv.group_draft)) && c->strict)
			tv.status = TS_UNSET;
		if (tv.status == TS_SET || tv.status == TS_DRAFT)
			r.lo = r.hi = tv.value;
		else if (tv.status == TS_RANGE)
			r.lo = fmax(tv.lo, e->dom_lo), r.hi = fmin(tv.hi, e->dom_hi);
		else
			r.lo = e->dom_lo, r.hi = e->dom_hi;
		return r;
	}
	case X_ADD: case X_SUB: case X_MUL: case X_DIV:
		a = x_ival(e->arg[0], c);
		b = x_ival(e->arg[1], c);
		if (isnan(a.lo) || isnan(b.lo))
			return r;
		if (e->op == X_ADD)
			r.lo = a.lo + b.lo, r.hi = a.hi + b.hi;
		else if (e->op == X_SUB)
			r.lo = a.lo - b.hi, r.hi = a.hi - b.lo;
		else {
			if (e->op == X_DIV) {
				if (b.lo <= 0 && b.hi >= 0) {   /* the divisor may be 0 */
					if (b.lo == 0 && b.hi == 0)
						c->div0 = 1;
					return r;
				}
				b.lo = 1 / b.lo, b.hi = 1 / b.hi;
				p[0] = b.lo, b.lo = fmin(b.lo, b.hi), b.hi = fmax(p[0], b.hi);
			}
			p[0] = a.lo * b.lo, p[1] = a.lo * b.hi, p[2] = a.hi * b.lo, p[3] = a.hi * b.hi;
			r.lo = r.hi = p[0];
			for (i = 0; i < 4; i++) {
				if (isnan(p[i]))   /* 0 x infinity: an unbounded end is 0 there */
					p[i] = 0;
				r.lo = fmin(r.lo, p[i]);
				r.hi = fmax(r.hi, p[i]);
			}
		}
		if (isnan(r.lo) || isnan(r.hi))
			r.lo = r.hi = NAN;
		return r;
	case X_NEG:
		a = x_ival(e->arg[0], c);
		r.lo = -a.hi, r.hi = -a.lo;
		return r;
	default:
		r.lo = r.hi = x_eval(e, c);
		return r;
	}
}

double eval_gap(const struct indicator *d, const struct ind_result *r)
{
	if (isnan(r->value) || isnan(r->threshold) || d->cmp == CMP_MUST)
		return NAN;
	return d->cmp == CMP_MIN ? r->value - r->threshold : r->threshold - r->value;
}

static void eval_ind(const struct indicator *d, int strict, const double *vals, int region,
                     int year, const struct eval_hist *h, struct ind_result *r)
{
	struct xctx c = { vals, year, region, strict, h, 0 };
	struct thr_value tv;
	double v = 0, tol;

	r->value = NAN;
	r->threshold = NAN;
	r->thr_lo = r->thr_hi = NAN;
	r->thr_status = TS_SET;
	r->thr_note = NULL;
	r->div0 = 0;
	r->group_open = 0;
	/* the threshold shows whatever the figures say, unless the indicator
	 * does not apply (results.c rebuilds these fields by the same rule) */
	if (d->applies) {
		v = x_eval(d->applies, &c);
		if (!isnan(v) && v == 0) {
			r->status = ST_NA;
			return;
		}
	}
	if (d->cmp == CMP_MUST) {
		r->threshold = d->must;
	} else {
		crit_thr_bounds(d, strict, region, year, &tv);
		r->group_open = (unsigned char)tv.group_span;
		r->thr_status = (unsigned char)tv.status;
		r->thr_note = tv.note;
		r->thr_lo = tv.lo;
		r->thr_hi = tv.hi;
		if (tv.status == TS_SET || tv.status == TS_DRAFT)
			r->threshold = tv.value;
		if (tv.status == TS_EXPR) {   /* computed for this unit and year */
			struct ival t = x_ival(tv.expr, &c);

			if (isnan(t.lo)) {        /* a figure it needs is missing */
				r->thr_lo = r->thr_hi = NAN;
				r->status = ST_UNKNOWN;
				r->div0 = (unsigned char)c.div0;
				r->value = x_eval(d->measure, &c);
				return;
			}
			r->thr_lo = fmax(t.lo, d->dom_lo);
			r->thr_hi = fmin(t.hi, d->dom_hi);
			if (r->thr_lo > r->thr_hi)   /* outside the domain: the nearest end */
				r->thr_lo = r->thr_hi = t.lo > d->dom_hi ? d->dom_hi : d->dom_lo;
			if (r->thr_lo == r->thr_hi)
				r->threshold = r->thr_lo;
		}
	}
	if (d->applies && isnan(v)) {
		r->status = ST_UNKNOWN;
		r->div0 = (unsigned char)c.div0;
		return;
	}
	v = r->value = x_eval(d->measure, &c);
	r->div0 = (unsigned char)c.div0;
	if (isnan(v)) {
		r->status = ST_UNKNOWN;
		return;
	}
	if (d->cmp == CMP_MUST) {
		r->status = ((v != 0) == d->must) ? ST_MET : ST_UNMET;
		return;
	}
	/* met under every admissible threshold, under none, or it depends */
	if (d->cmp == CMP_MIN) {
		tol = EPS * fmax(1, isinf(r->thr_hi) ? 1 : fabs(r->thr_hi));
		if (v >= r->thr_hi - tol)
			r->status = ST_MET;
		else if (v < r->thr_lo - EPS * fmax(1, isinf(r->thr_lo) ? 1 : fabs(r->thr_lo)))
			r->status = ST_UNMET;
		else
			r->status = ST_OPEN;
	} else {
		tol = EPS * fmax(1, isinf(r->thr_lo) ? 1 : fabs(r->thr_lo));
		if (v <= r->thr_lo + tol)
			r->status = ST_MET;
		else if (v > r->thr_hi + EPS * fmax(1, isinf(r->thr_hi) ? 1 : fabs(r->thr_hi)))
			r->status = ST_UNMET;
		else
			r->status = ST_OPEN;
	}
}

/* Kleene's logic with two kinds of "not known": met when every part is met
 * or not applicable; unmet when any part is unmet; otherwise unknown when a
 * figure is missing anywhere, else open (only the law's numbers decide). */
static int combine(int acc, int st)
{
	if (acc == ST_UNMET || st == ST_UNMET)
		return ST_UNMET;
	if (st == ST_MET || st == ST_NA)
		return acc;
	if (acc == ST_UNKNOWN || st == ST_UNKNOWN)
		return ST_UNKNOWN;
	return ST_OPEN;
}

int eval_unit(const struct critset *s, const double *vals, int region, int year,
              struct ind_result *ind, unsigned char *crit, int *ncrit_met)
{
	return eval_unit_hist(s, vals, region, year, NULL, ind, crit, ncrit_met);
}

int eval_unit_hist(const struct critset *s, const double *vals, int region, int year,
                   const struct eval_hist *h, struct ind_result *ind, unsigned char *crit,
                   int *ncrit_met)
{
	int i, j, unit = ST_MET, cs;

	*ncrit_met = 0;
	for (i = 0; i < s->ncrit; i++) {
		const struct criterion *c = &s->crit[i];

		cs = ST_MET;
		for (j = c->first; j < c->first + c->n; j++) {
			eval_ind(&s->ind[j], s->strict, vals, region, year, h, &ind[j]);
			cs = combine(cs, ind[j].status);
		}
		crit[i] = (unsigned char)cs;
		if (cs == ST_MET)
			(*ncrit_met)++;
		unit = combine(unit, cs);
	}
	return unit;
}

static void missing(const struct expr *e, const double *vals, int *out, int *n, int max)
{
	int i;

	if (e->op == X_VAR) {
		if (!isnan(vals[e->var]))
			return;
		for (i = 0; i < *n; i++)
			if (out[i] == e->var)
				return;
		if (*n < max)
			out[(*n)++] = e->var;
		return;
	}
	for (i = 0; i < e->n; i++)
		missing(e->arg[i], vals, out, n, max);
}

int eval_missing(const struct critset *s, int i, const double *vals, int *out, int max)
{
	int n = 0;

	if (s->ind[i].applies)
		missing(s->ind[i].applies, vals, out, &n, max);
	missing(s->ind[i].measure, vals, out, &n, max);
	return n;
}

/* Every variable of e, as missing in year. */
static void missing_all(const struct expr *e, int year, struct eval_miss *out, int *n, int max)
{
	int i;

	if (e->op == X_VAR) {
		for (i = 0; i < *n; i++)
			if (out[i].var == e->var && out[i].year == year)
				return;
		if (*n < max) {
			out[*n].var = e->var;
			out[(*n)++].year = year;
		}
		return;
	}
	for (i = 0; i < e->n; i++)
		missing_all(e->arg[i], year, out, n, max);
}

/* The same across years: at() reads the year it names. */
static void missing_at(const struct expr *e, struct xctx *c, struct eval_miss *out, int *n, int max)
{
	int i;

	if (e->op == X_VAR) {
		if (!isnan(c->vals[e->var]))
			return;
		for (i = 0; i < *n; i++)
			if (out[i].var == e->var && out[i].year == c->year)
				return;
		if (*n < max) {
			out[*n].var = e->var;
			out[(*n)++].year = c->year;
		}
		return;
	}
	if (e->op == X_AT) {
		struct xctx at = *c;
		double y = x_eval(e->arg[1], c);

		missing_at(e->arg[1], c, out, n, max);
		if (isnan(y) || y != floor(y) || fabs(y) > 100000)
			return;
		at.year = (int)y;
		if (!(at.vals = vals_of(c, (int)y))) {   /* a year not loaded: all of it is missing */
			missing_all(e->arg[0], (int)y, out, n, max);
			return;
		}
		missing_at(e->arg[0], &at, out, n, max);
		return;
	}
	for (i = 0; i < e->n; i++)
		missing_at(e->arg[i], c, out, n, max);
}

int eval_missing_at(const struct critset *s, int i, const double *vals, int region, int year,
                    const struct eval_hist *h, struct eval_miss *out, int max)
{
	struct xctx c = { vals, year, region, s->strict, h, 0 };
	struct thr_value tv;
	int n = 0;

	if (s->ind[i].applies)
		missing_at(s->ind[i].applies, &c, out, &n, max);
	missing_at(s->ind[i].measure, &c, out, &n, max);
	if (s->ind[i].cmp != CMP_MUST) {
		crit_thr_resolve(s->ind[i].thr, region, year, &tv);
		if (tv.status == TS_EXPR)
			missing_at(tv.expr, &c, out, &n, max);
	}
	return n;
}

/* ---- loading figures ---------------------------------------------------- */

struct loadctx {
	struct evaldata *d;
	int *unit_row;       /* unit id -> row in d, -1 when not evaluated */
	int64_t max_unit;
	int *var_col;        /* variable id -> set variable, -1 when unused */
	int64_t max_var;
};

static int take(void *ctx, int64_t unit_id, int64_t var_id, int year, int quarter, double value)
{
	struct loadctx *lc = ctx;
	struct evaldata *d = lc->d;
	int u, v, y;
	size_t at;

	if (unit_id > lc->max_unit || var_id > lc->max_var)
		return 0;
	if ((u = lc->unit_row[unit_id]) < 0 || (v = lc->var_col[var_id]) < 0)
		return 0;
	y = year - d->year_from;
	at = ((size_t)u * (size_t)d->nyear + (size_t)y) * (size_t)d->set->nvar + (size_t)v;
	/* the annual figure wins; among quarters, the latest */
	if (!isnan(d->vals[at]) && (d->q[at] == 0 || (quarter != 0 && quarter < d->q[at])))
		return 0;
	d->vals[at] = value;
	d->q[at] = (unsigned char)quarter;
	return 0;
}

/* Up to this many units are loaded unit by unit rather than by one scan. */
#define FEW_UNITS 64

/* The first year each unit was recognised with each title the set reads. */
static int load_recognitions(sqlite3 *db, const struct critset *s, struct loadctx *lc,
                             struct ntm_err *err)
{
	struct evaldata *d = lc->d;
	sqlite3_stmt *st;
	int t;

	if (!(d->recog = calloc((size_t)d->nunit * (size_t)s->nrtitle + 1, sizeof *d->recog)))
		return err_set(err, "out of memory");
	if (store_prepare(db, &st, "SELECT unit_id, min(year) FROM recognition WHERE title = ?1 "
	                  "GROUP BY unit_id", err) < 0)
		return -1;
	for (t = 0; t < s->nrtitle; t++) {
		sqlite3_bind_text(st, 1, s->rtitle[t], -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			int64_t id = sqlite3_column_int64(st, 0);
			int row = id >= 0 && id <= lc->max_unit ? lc->unit_row[id] : -1;

			if (row >= 0)
				d->recog[(size_t)row * (size_t)s->nrtitle + (size_t)t] = sqlite3_column_int(st, 1);
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return 0;
}

/* The commune group of each unit-year (unit_group). A database made before
 * the table existed, opened read-only, has no group on record. */
static int load_groups(sqlite3 *db, struct loadctx *lc, struct ntm_err *err)
{
	struct evaldata *d = lc->d;
	sqlite3_stmt *st;
	int rc;

	if (!(d->group = calloc((size_t)d->nunit * (size_t)d->nyear + 1, 1)))
		return err_set(err, "out of memory");
	if (sqlite3_prepare_v2(db, "SELECT unit_id, year_from, coalesce(year_to, 9999), commune_group "
	                       "FROM unit_group", -1, &st, NULL) != SQLITE_OK) {
		if (strstr(sqlite3_errmsg(db), "no such table"))
			return 0;
		return err_set(err, "database: reading commune groups: %s", sqlite3_errmsg(db));
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		int row = id >= 0 && id <= lc->max_unit ? lc->unit_row[id] : -1;
		int y0 = sqlite3_column_int(st, 1), y1 = sqlite3_column_int(st, 2);
		int g = sqlite3_column_int(st, 3), y;

		if (row < 0 || g < 1 || g > CRIT_NGROUP)
			continue;
		for (y = y0 > d->year_from ? y0 : d->year_from; y <= y1 && y < d->year_from + d->nyear; y++)
			d->group[(size_t)row * (size_t)d->nyear + (size_t)(y - d->year_from)] = (unsigned char)g;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return err_set(err, "database: reading commune groups: %s", sqlite3_errmsg(db));
	return 0;
}

int eval_load(sqlite3 *db, const struct unitset *us, const struct varset *vs,
              const struct critset *s, const int *units, int nunit,
              int year_from, int year_to, struct evaldata *d, struct ntm_err *err)
{
	struct loadctx lc;
	size_t n, i;
	int64_t max_var = 0, idx;
	int rc = -1;

	memset(d, 0, sizeof *d);
	memset(&lc, 0, sizeof lc);
	d->set = s;
	d->nunit = nunit;
	d->year_from = year_from;
	d->nyear = year_to - year_from + 1;
	n = (size_t)nunit * (size_t)d->nyear * (size_t)(s->nvar ? s->nvar : 1);
	d->unit = malloc((size_t)(nunit ? nunit : 1) * sizeof *d->unit);
	d->vals = malloc(n * sizeof *d->vals);
	d->q = calloc(n, 1);
	lc.max_unit = us->max_id;
	lc.unit_row = malloc(((size_t)us->max_id + 1) * sizeof *lc.unit_row);
	for (i = 0; i < vs->n; i++)
		if (vs->v[i].id > max_var)
			max_var = vs->v[i].id;
	lc.max_var = max_var;
	lc.var_col = malloc(((size_t)max_var + 1) * sizeof *lc.var_col);
	if (!d->unit || !d->vals || !d->q || !lc.unit_row || !lc.var_col) {
		err_set(err, "out of memory for %zu figures", n);
		goto done;
	}
	for (i = 0; i < n; i++)
		d->vals[i] = NAN;
	memcpy(d->unit, units, (size_t)nunit * sizeof *units);
	for (i = 0; i <= (size_t)us->max_id; i++)
		lc.unit_row[i] = -1;
	for (i = 0; i < (size_t)nunit; i++)
		lc.unit_row[us->u[units[i]].id] = (int)i;
	for (i = 0; i <= (size_t)max_var; i++)
		lc.var_col[i] = -1;
	for (i = 0; i < (size_t)s->nvar; i++)
		if (map_get(&vs->by_name, s->var[i], &idx))
			lc.var_col[vs->v[idx].id] = (int)i;
	lc.d = d;
	/* a few units (one commune re-evaluated): their rows by key; many: one scan */
	if (nunit <= FEW_UNITS) {
		for (i = 0; i < (size_t)nunit; i++)
			if (store_obs_unit(db, us->u[units[i]].id, year_from, year_to, take, &lc, err) < 0)
				goto done;
	} else if (store_obs_each(db, year_from, year_to, take, &lc, err) < 0) {
		goto done;
	}
	if (s->nrtitle > 0 && load_recognitions(db, s, &lc, err) < 0)
		goto done;
	if (s->has_group_thr && load_groups(db, &lc, err) < 0)
		goto done;
	rc = 0;
done:
	free(lc.unit_row);
	free(lc.var_col);
	if (rc < 0)
		eval_data_free(d);
	return rc;
}

void eval_data_free(struct evaldata *d)
{
	free(d->unit);
	free(d->vals);
	free(d->q);
	free(d->recog);
	free(d->group);
	memset(d, 0, sizeof *d);
}
