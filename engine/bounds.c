/* bounds.c - the bounds recognitions imply on thresholds, the recognised
 * units that contradict known ones, and a set narrowed by the bounds
 * (bounds.h). Calls eval.c to judge each recognised unit, crit.c for
 * thresholds, and, in bounds_load, the store, inforce.c and hier.c. */
#include "bounds.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hier.h"
#include "inforce.h"
#include "report.h"
#include "utf8.h"

/* Values this close count as the same: eval.c's tolerance. */
#define EPS 1e-9

static int same(double a, double b)
{
	if (isinf(a) || isinf(b))
		return a == b;
	return fabs(a - b) <= EPS * fmax(1, fmax(fabs(a), fabs(b)));
}

int bounds_title_counts(const char *recognises, const char *title)
{
	if (!recognises)
		recognises = "ntm";
	return strcmp(title, recognises) == 0 ||
	       (strcmp(recognises, "ntm") == 0 && strcmp(title, "ntm-reconfirmed") == 0);
}

static int cmp_finding(const void *pa, const void *pb)
{
	const struct bounds_finding *a = pa, *b = pb;

	if (a->unit != b->unit)
		return a->unit < b->unit ? -1 : 1;
	if (a->year != b->year)
		return a->year - b->year;
	return a->ind - b->ind;
}

static int add_finding(struct bounds *b, int *cap, const struct bounds_finding *f)
{
	if (b->nfind == *cap) {
		int ncap = *cap ? 2 * *cap : 16;
		struct bounds_finding *nf = realloc(b->find, (size_t)ncap * sizeof *nf);

		if (!nf)
			return -1;
		b->find = nf;
		*cap = ncap;
	}
	b->find[b->nfind++] = *f;
	return 0;
}

/* Counts value v of recognition k towards cell x: the new extreme replaces
 * the binding units, a tie joins them. binding holds indexes into r until
 * finish() turns them into unit indexes. */
static int take_value(struct bounds_cell *x, int cmp, double v, int k, int *cap)
{
	x->nvalue++;
	if (isnan(x->bound) || (!same(v, x->bound) && (cmp == CMP_MIN ? v < x->bound : v > x->bound))) {
		x->bound = v;
		x->nbinding = 0;
	} else if (!same(v, x->bound)) {
		return 0;
	}
	if (x->nbinding == *cap) {
		int ncap = *cap ? 2 * *cap : 4;
		int *nb = realloc(x->binding, (size_t)ncap * sizeof *nb);

		if (!nb)
			return -1;
		x->binding = nb;
		*cap = ncap;
	}
	x->binding[x->nbinding++] = k;
	return 0;
}

/* "A", "A and B", "A, B and C", "A, B and 3 others". Caller frees. */
static char *names(const struct bounds_recog *r, const int *k, int n)
{
	size_t cap = 64;
	char *s;
	int i, shown = n > 3 ? 2 : n;

	for (i = 0; i < shown; i++)
		cap += strlen(r[k[i]].name ? r[k[i]].name : "?") + 2;
	if (!(s = malloc(cap)))
		return NULL;
	s[0] = '\0';
	for (i = 0; i < shown; i++) {
		if (i)
			strcat(s, i == n - 1 ? " and " : ", ");
		strcat(s, r[k[i]].name ? r[k[i]].name : "?");
	}
	if (shown < n)
		snprintf(s + strlen(s), cap - strlen(s), " and %d others", n - shown);
	return s;
}

/* Where the bound leaves an unset threshold or a range. */
static void narrow_cell(const struct indicator *d, struct bounds_cell *x)
{
	x->new_lo = x->lo;
	x->new_hi = x->hi;
	if (isnan(x->bound) || (x->state != TS_UNSET && x->state != TS_RANGE))
		return;
	if (d->cmp == CMP_MIN) {
		x->new_hi = fmax(x->new_lo, fmin(x->hi, x->bound));
		x->narrows = x->new_hi < x->hi && !same(x->new_hi, x->hi);
	} else {
		x->new_lo = fmin(x->new_hi, fmax(x->lo, x->bound));
		x->narrows = x->new_lo > x->lo && !same(x->new_lo, x->lo);
	}
}

int bounds_compute(const struct critset *s, const struct bounds_recog *r, int n,
                   struct bounds *b, struct ntm_err *err)
{
	struct critset judge = *s;   /* a shallow copy, only to judge drafts as numbers */
	struct ind_result *res = NULL;
	unsigned char *crit = NULL;
	int *grid = NULL, *per_ry = NULL, *bcap = NULL;
	int i, j, k, g, y, nyear = 0, ncell = 0, fcap = 0, rc = -1;

	memset(b, 0, sizeof *b);
	judge.strict = 0;
	b->nind = s->nind;
	for (k = 0; k < n; k++) {
		if (r[k].region < 0 || r[k].region >= RG_N)
			continue;
		if (!b->year_from || r[k].year < b->year_from)
			b->year_from = r[k].year;
		if (r[k].year > b->year_to)
			b->year_to = r[k].year;
	}
	nyear = b->year_from ? b->year_to - b->year_from + 1 : 0;
	if (!(b->set_id = strdup(s->id)) ||
	    !(res = calloc((size_t)(s->nind ? s->nind : 1), sizeof *res)) ||
	    !(crit = calloc((size_t)(s->ncrit ? s->ncrit : 1), 1)) ||
	    !(per_ry = calloc((size_t)RG_N * (size_t)(nyear ? nyear : 1), sizeof *per_ry)) ||
	    !(grid = malloc((size_t)(s->nind ? s->nind : 1) * RG_N * (size_t)(nyear ? nyear : 1) *
	                    sizeof *grid)))
		goto oom;
	for (k = 0; k < n; k++)
		if (r[k].region >= 0 && r[k].region < RG_N)
			per_ry[r[k].region * nyear + r[k].year - b->year_from]++;
	/* one cell per min/max indicator, region and year with recognitions */
	for (i = 0; i < s->nind; i++)
		for (g = 0; g < RG_N; g++)
			for (y = 0; y < nyear; y++)
				if (s->ind[i].cmp != CMP_MUST && per_ry[g * nyear + y] > 0)
					ncell++;
	if (!(b->cell = calloc((size_t)(ncell ? ncell : 1), sizeof *b->cell)) ||
	    !(bcap = calloc((size_t)(ncell ? ncell : 1), sizeof *bcap)))
		goto oom;
	for (i = 0; i < s->nind; i++)
		for (g = 0; g < RG_N; g++)
			for (y = 0; y < nyear; y++) {
				struct bounds_cell *x = &b->cell[b->ncell];
				struct thr_value tv;

				grid[(i * RG_N + g) * nyear + y] = -1;
				if (s->ind[i].cmp == CMP_MUST || per_ry[g * nyear + y] == 0)
					continue;
				grid[(i * RG_N + g) * nyear + y] = b->ncell++;
				crit_thr_bounds(&s->ind[i], 0, g, b->year_from + y, &tv);
				x->ind = i;
				x->region = g;
				x->year = b->year_from + y;
				x->state = tv.status;
				x->lo = tv.lo;
				x->hi = tv.hi;
				x->bound = NAN;
				x->nrecog = per_ry[g * nyear + y];
			}
	/* judge each recognised unit as the evaluator would */
	for (k = 0; k < n; k++) {
		const struct bounds_recog *q = &r[k];
		int ncm, any = 0;

		if (q->region < 0 || q->region >= RG_N) {
			b->nnoregion++;
			continue;
		}
		b->nrecog++;
		for (j = 0; j < s->nvar && !any; j++)
			any = !isnan(q->vals[j]);
		if (!any)
			b->nnofig++;
		eval_unit(&judge, q->vals, q->region, q->year, res, crit, &ncm);
		for (i = 0; i < s->nind; i++) {
			const struct indicator *d = &s->ind[i];
			const struct ind_result *x = &res[i];
			struct bounds_finding f;
			int c = d->cmp == CMP_MUST ? -1 :
			        grid[(i * RG_N + q->region) * nyear + q->year - b->year_from];

			if (x->status == ST_UNMET) {
				f.ind = i;
				f.unit = q->unit;
				f.region = q->region;
				f.year = q->year;
				f.state = c < 0 ? -1 : x->thr_status;
				f.value = x->value;
				f.lo = c < 0 ? d->must : x->thr_lo;
				f.hi = c < 0 ? d->must : x->thr_hi;
				if (add_finding(b, &fcap, &f) < 0)
					goto oom;
			}
			if (c < 0)
				continue;
			switch (x->status) {
			case ST_UNKNOWN:
				b->cell[c].nmissing++;
				break;
			case ST_NA:
				b->cell[c].nna++;
				break;
			case ST_UNMET:   /* it cannot have met what is known: it bounds nothing */
				b->cell[c].ncontra++;
				break;
			default:
				if (take_value(&b->cell[c], d->cmp, x->value, k, &bcap[c]) < 0)
					goto oom;
			}
		}
	}
	for (i = 0; i < b->ncell; i++) {
		struct bounds_cell *x = &b->cell[i];

		narrow_cell(&s->ind[x->ind], x);
		if (x->nbinding && !(x->who = names(r, x->binding, x->nbinding)))
			goto oom;
		for (j = 0; j < x->nbinding; j++)
			x->binding[j] = r[x->binding[j]].unit;
	}
	if (b->nfind > 1)
		qsort(b->find, (size_t)b->nfind, sizeof *b->find, cmp_finding);
	rc = 0;
	goto done;
oom:
	err_set(err, "out of memory computing the bounds of %d recognitions", n);
	/* binding[] may still hold indexes into r: bounds_free does not read them */
	bounds_free(b);
done:
	free(res);
	free(crit);
	free(grid);
	free(per_ry);
	free(bcap);
	return rc;
}

void bounds_free(struct bounds *b)
{
	int i;

	for (i = 0; i < b->ncell; i++) {
		free(b->cell[i].binding);
		free(b->cell[i].who);
	}
	free(b->cell);
	free(b->find);
	free(b->set_id);
	memset(b, 0, sizeof *b);
}

/* ---- narrowing a set ---------------------------------------------------- */

/* A deep copy of t (NULL for NULL); *oom set when memory ran out. */
static struct thr *thr_copy(const struct thr *t, int *oom)
{
	struct thr *c;
	int i;

	if (!t || *oom)
		return NULL;
	if (!(c = calloc(1, sizeof *c)))
		goto fail;
	c->kind = t->kind;
	c->num = t->num;
	c->hi = t->hi;
	if (t->note && !(c->note = strdup(t->note)))
		goto fail;
	c->inner = thr_copy(t->inner, oom);
	for (i = 0; i < RG_N; i++)
		c->region[i] = thr_copy(t->region[i], oom);
	c->dflt = thr_copy(t->dflt, oom);
	if (t->nyear) {
		if (!(c->year = malloc((size_t)t->nyear * sizeof *c->year)) ||
		    !(c->by_year = calloc((size_t)t->nyear, sizeof *c->by_year)))
			goto fail;
		c->nyear = t->nyear;
		memcpy(c->year, t->year, (size_t)t->nyear * sizeof *c->year);
		for (i = 0; i < t->nyear; i++)
			c->by_year[i] = thr_copy(t->by_year[i], oom);
	}
	if (*oom)
		goto fail;
	return c;
fail:
	*oom = 1;
	crit_thr_free(c);
	return NULL;
}

/* A malloc'd string formatted as printf would; NULL when out of memory. */
static char *text(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *text(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* The T_RANGE leaf cell x leaves, its note naming the recognition. */
static struct thr *range_leaf(const struct indicator *d, const struct bounds_cell *x, int *oom)
{
	int min = d->cmp == CMP_MIN;
	struct thr_value tv;
	struct thr *t;
	char num[32];

	crit_thr_resolve(d->thr, x->region, x->year, &tv);
	report_num(num, sizeof num, x->bound);
	if (!(t = calloc(1, sizeof *t)))
		goto fail;
	t->kind = T_RANGE;
	t->num = x->new_lo;
	t->hi = x->new_hi;
	t->note = text("implied by the recognition of %s (%d): a %s %s %s would contradict it "
	               "(the %s value of %d recognised unit%s); %s: %s", x->who, x->year,
	               min ? "minimum" : "maximum", min ? "above" : "below", num,
	               min ? "least" : "greatest", x->nvalue, x->nvalue == 1 ? "" : "s",
	               x->state == TS_RANGE ? "the range before" : "not set before",
	               tv.note ? tv.note : "no reason given");
	if (!t->note)
		goto fail;
	return t;
fail:
	*oom = 1;
	crit_thr_free(t);
	return NULL;
}

/* Indicator d's threshold with cells x[0..n) (its own, by region and year,
 * each narrowing) applied, but for its default: a T_REGION whose regions
 * with cells hold a T_YEAR of the narrowed ranges, with a copy of the old
 * threshold at the set's first year (when no cell is there) and after each
 * run of years with cells. bounds_narrow moves the old threshold into the
 * default, so every other region, and a unit without one, resolves as
 * before. NULL when out of memory. */
static struct thr *rebuild(const struct critset *s, const struct indicator *d,
                           const struct bounds_cell *x, int n)
{
	struct thr *top = calloc(1, sizeof *top);
	int g, k = 0, oom = !top;

	if (oom)
		return NULL;
	top->kind = T_REGION;
	for (g = 0; g < RG_N && !oom; g++) {
		struct thr *t;
		int first = k, cap, i;

		while (k < n && x[k].region == g)
			k++;
		if (k == first)
			continue;
		cap = 2 * (k - first) + 1;
		if (!(t = top->region[g] = calloc(1, sizeof *t)) ||
		    !(t->year = malloc((size_t)cap * sizeof *t->year)) ||
		    !(t->by_year = calloc((size_t)cap, sizeof *t->by_year))) {
			oom = 1;
			break;
		}
		t->kind = T_YEAR;
		if (x[first].year > s->year_from) {
			t->year[t->nyear] = s->year_from;
			t->by_year[t->nyear++] = thr_copy(d->thr, &oom);
		}
		for (i = first; i < k && !oom; i++) {
			t->year[t->nyear] = x[i].year;
			t->by_year[t->nyear++] = range_leaf(d, &x[i], &oom);
			if (x[i].year < s->year_to && (i + 1 == k || x[i + 1].year != x[i].year + 1)) {
				t->year[t->nyear] = x[i].year + 1;
				t->by_year[t->nyear++] = thr_copy(d->thr, &oom);
			}
		}
	}
	if (oom) {
		crit_thr_free(top);
		return NULL;
	}
	return top;
}

int bounds_narrow(struct critset *s, const struct bounds *b, struct ntm_err *err)
{
	struct bounds_cell *x = NULL;
	struct thr **nt;
	int i, k, n, applied = 0;

	if (!b->set_id || strcmp(b->set_id, s->id) != 0 || b->nind != s->nind)
		return err_set(err, "the bounds were computed for set %s, not for %s",
		               b->set_id ? b->set_id : "(none)", s->id);
	if (!(nt = calloc((size_t)(s->nind ? s->nind : 1), sizeof *nt)) ||
	    !(x = malloc((size_t)(b->ncell ? b->ncell : 1) * sizeof *x)))
		goto oom;
	/* the cells are by indicator, region and year: one run per indicator */
	for (k = 0; k < b->ncell; k = i) {
		const struct indicator *d = &s->ind[b->cell[k].ind];

		for (i = k, n = 0; i < b->ncell && b->cell[i].ind == b->cell[k].ind; i++)
			if (b->cell[i].narrows)
				x[n++] = b->cell[i];
		/* the cells are by region: a threshold by commune group is not narrowed */
		if (n == 0 || !d->thr || d->cmp == CMP_MUST || crit_thr_by_group(d->thr))
			continue;
		if (!(nt[b->cell[k].ind] = rebuild(s, d, x, n)))
			goto oom;
		applied += n;
	}
	/* nothing can fail from here: the old thresholds become the defaults */
	for (i = 0; i < s->nind; i++)
		if (nt[i]) {
			nt[i]->dflt = s->ind[i].thr;
			s->ind[i].thr = nt[i];
		}
	free(nt);
	free(x);
	return applied;
oom:
	for (i = 0; nt && i < s->nind; i++)
		crit_thr_free(nt[i]);
	free(nt);
	free(x);
	return err_set(err, "out of memory narrowing set %s by the recognitions", s->id);
}

/* ---- reading recognitions and figures ----------------------------------- */

static int in_scope(const struct ctx *c, int u, int top)
{
	for (; u >= 0 && top >= 0; u = c->units.u[u].parent)
		if (u == top)
			return 1;
	return top < 0;
}

/* 1 when s is the set in force for unit u in year, 0 when not, -1 when
 * out of memory. A set on the criteria path is in force where inforce
 * picks it or a set of its family (one amends the other: the recognition
 * was decided under the same decision); another (a file) where its
 * province, if any, is u's. */
static int in_force(const struct ctx *c, const struct setlist *l, int listed,
                    const struct critset *s, int u, int year)
{
	int p = inforce_province_of(c, u), ok;
	char *key = NULL, *want = NULL;

	if (p >= 0 && !(key = utf8_fold(c->units.u[p].name)))
		return -1;
	if (listed) {
		const struct setinfo *x = inforce_pick(l, s->level, s->recognises ? s->recognises : "ntm",
		                                       key, year);

		ok = x && inforce_related(l, x->id, s->id);
	} else if (!s->province) {
		ok = 1;
	} else if (!(want = utf8_fold(s->province))) {
		ok = -1;
	} else {
		ok = key && strcmp(key, want) == 0;
	}
	free(key);
	free(want);
	return ok;
}

struct taken {
	int unit, year;
};

/* The recognitions bounds_load takes, one per unit and year, ordered by
 * unit then year. */
static int by_unit_year(const void *a, const void *b)
{
	const struct taken *x = a, *y = b;

	return x->unit != y->unit ? (x->unit > y->unit) - (x->unit < y->unit) :
	       (x->year > y->year) - (x->year < y->year);
}

static int read_recogs(struct ctx *c, const struct critset *s, int top, int y0, int y1,
                       struct taken **out, int *n)
{
	struct setlist l = { 0 };
	sqlite3_stmt *st = NULL;
	int level = store_level_parse(s->level), listed = 0, cap = 0, i, rc = -1, step;

	*out = NULL;
	*n = 0;
	if (inforce_load(c, &l) < 0)
		return -1;
	for (i = 0; i < l.n && !listed; i++)
		listed = strcmp(l.v[i].id, s->id) == 0;
	if (store_prepare(c->db, &st, "SELECT unit_id, year, title FROM recognition "
	                  "WHERE year BETWEEN ?1 AND ?2 ORDER BY unit_id, year", &c->err) < 0)
		goto done;
	sqlite3_bind_int(st, 1, y0);
	sqlite3_bind_int(st, 2, y1);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		int u = id > 0 && id <= c->units.max_id ? c->units.by_id[id] : -1;
		int y = sqlite3_column_int(st, 1), f;
		const char *title = (const char *)sqlite3_column_text(st, 2);

		if (u < 0 || !title || c->units.u[u].level != level || !in_scope(c, u, top) ||
		    !unit_exists(&c->units.u[u], y) || !bounds_title_counts(s->recognises, title))
			continue;
		if (*n && (*out)[*n - 1].unit == u && (*out)[*n - 1].year == y)
			continue;   /* ntm and ntm-reconfirmed the same year: one recognition */
		if ((f = in_force(c, &l, listed, s, u, y)) < 0)
			goto oom;
		if (!f)
			continue;
		if (*n == cap) {
			struct taken *nt = realloc(*out, (size_t)(cap = cap ? 2 * cap : 64) * sizeof *nt);

			if (!nt)
				goto oom;
			*out = nt;
		}
		(*out)[*n].unit = u;
		(*out)[(*n)++].year = y;
	}
	if (step != SQLITE_DONE) {
		err_set(&c->err, "reading the recognitions: %s", sqlite3_errmsg(c->db));
		goto done;
	}
	/* in the units' order (Vietnamese, by name), not the order of their ids */
	if (*n)
		qsort(*out, (size_t)*n, sizeof **out, by_unit_year);
	rc = 0;
	goto done;
oom:
	err_set(&c->err, "out of memory reading the recognitions");
done:
	sqlite3_finalize(st);
	inforce_free(&l);
	if (rc < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

int bounds_load(struct ctx *c, const struct critset *s, int top, int y0, int y1,
                struct bounds *b)
{
	const char *scen = c->scenario_name;
	int as_of = c->as_of, ntaken = 0, rc = -1, i, j;
	struct bounds_recog *r = NULL;
	struct taken *taken = NULL;
	struct evalrun run;
	struct hier hier;
	int have_hier = 0;

	memset(b, 0, sizeof *b);
	memset(&run, 0, sizeof run);
	if (ctx_db(c) < 0 || ctx_units(c) < 0 || ctx_vars(c) < 0)
		return -1;
	if (!y0) {
		y0 = s->year_from;
		y1 = s->year_to;
	}
	if (y0 < s->year_from || y1 > s->year_to || y0 > y1)
		return err_set(&c->err, "set %s applies to %d-%d (%s); %d-%d is outside it", s->id,
		               s->year_from, s->year_to, s->decision, y0, y1);
	/* the figures on record, the units as they were */
	ctx_use_scenario(c, NULL);
	c->as_of = 0;
	if (read_recogs(c, s, top, y0, y1, &taken, &ntaken) < 0)
		goto done;
	/* the distinct units, in the order read (by unit), and their figures */
	run.set = (struct critset *)s;   /* read only; never freed here */
	run.year_from = y0;
	run.year_to = y1;
	if (!(run.units = malloc((size_t)(ntaken ? ntaken : 1) * sizeof *run.units)) ||
	    !(r = calloc((size_t)(ntaken ? ntaken : 1), sizeof *r))) {
		err_set(&c->err, "out of memory");
		goto done;
	}
	for (i = 0; i < ntaken; i++)
		if (run.nunit == 0 || run.units[run.nunit - 1] != taken[i].unit)
			run.units[run.nunit++] = taken[i].unit;
	if (eval_load(c->db, &c->units, &c->vars, s, run.units, run.nunit, y0, y1, &run.data,
	              &c->err) < 0)
		goto done;
	if (s->nagg > 0 && run.nunit > 0) {
		have_hier = 1;
		if (hier_fill(c, &hier, &run) < 0)
			goto done;
	}
	for (i = j = 0; i < ntaken; i++) {
		const struct unit *u = &c->units.u[taken[i].unit];

		while (run.units[j] != taken[i].unit)
			j++;
		r[i].unit = taken[i].unit;
		r[i].name = u->name;
		r[i].region = u->region;
		r[i].year = taken[i].year;
		r[i].vals = eval_vals(&run.data, j, taken[i].year - y0);
	}
	rc = bounds_compute(s, r, ntaken, b, &c->err);
done:
	if (have_hier)
		hier_free(&hier);
	eval_data_free(&run.data);
	free(run.units);
	free(r);
	free(taken);
	ctx_use_scenario(c, scen);
	c->as_of = as_of;
	return rc;
}
