/* project.c - trends and the years they reach thresholds (project.h).
 * Reads results.h; calls crit.c for the thresholds of the years ahead. */
#include "project.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const proj_method_name[PROJ_NMETHOD] = { "linear", "theil-sen" };
const char *const proj_status_name[PJ_N] = {
	"met", "reaches", "may-reach", "not-by", "flat", "moving-away", "too-few", "no-trend",
	"no-figures", "n/a",
};
const char *const proj_pace_name[PJ_NPACE] = { "", "toward", "flat", "away" };

/* eval.c's tolerance, so a value eval calls met is met here too */
#define EPS 1e-9

int proj_method_parse(const char *s)
{
	int m;

	for (m = 0; m < PROJ_NMETHOD; m++)
		if (strcmp(s, proj_method_name[m]) == 0)
			return m;
	return -1;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

int proj_fit(int method, const double *x, const double *v, int n, struct proj_fit *f)
{
	double slopes[PROJ_MAX_POINTS * (PROJ_MAX_POINTS - 1) / 2], scale = 0;
	int i, j, m = 0;

	memset(f, 0, sizeof *f);
	f->slope = NAN;
	if (n > PROJ_MAX_POINTS) {
		x += n - PROJ_MAX_POINTS;
		v += n - PROJ_MAX_POINTS;
		n = PROJ_MAX_POINTS;
	}
	if (n <= 0)
		return -1;
	f->n = n;
	f->x_first = x[0];
	f->x_last = x[n - 1];
	f->last = v[n - 1];
	if (n < 2 || !(x[n - 1] > x[0]))
		return -1;
	if (method == PROJ_THEIL_SEN) {
		for (i = 0; i < n; i++)
			for (j = i + 1; j < n; j++)
				if (x[j] != x[i])
					slopes[m++] = (v[j] - v[i]) / (x[j] - x[i]);
		qsort(slopes, (size_t)m, sizeof *slopes, by_value);
		f->slope = m % 2 ? slopes[m / 2] : (slopes[m / 2 - 1] + slopes[m / 2]) / 2;
	} else {
		double mx = 0, mv = 0, sxx = 0, sxv = 0;

		for (i = 0; i < n; i++)
			mx += x[i], mv += v[i];
		mx /= n;
		mv /= n;
		for (i = 0; i < n; i++) {
			sxx += (x[i] - mx) * (x[i] - mx);
			sxv += (x[i] - mx) * (v[i] - mv);
		}
		f->slope = sxv / sxx;
	}
	/* a series that does not move gives a slope of rounding error: call it
	 * flat, not "moving away" by 1e-17 a year */
	for (i = 0; i < n; i++)
		scale = fmax(scale, fabs(v[i]));
	if (fabs(f->slope) * (f->x_last - f->x_first) <= EPS * fmax(1, scale))
		f->slope = 0;
	return 0;
}

static double tol(double t)
{
	return EPS * fmax(1, isinf(t) ? 1 : fabs(t));
}

/* The value may meet the threshold (it reaches the near end) ... */
static int may(int cmp, double v, double lo, double hi)
{
	return cmp == CMP_MIN ? v >= lo - tol(lo) : v <= hi + tol(hi);
}

/* ... or meets it whatever it turns out to be (the far end). */
static int sure(int cmp, double v, double lo, double hi)
{
	return cmp == CMP_MIN ? v >= hi - tol(hi) : v <= lo + tol(lo);
}

void proj_cross(const struct proj_fit *f, int cmp, const double *lo, const double *hi, int nyear,
                struct proj_when *w)
{
	int y0 = (int)f->x_last, j;
	double dir = cmp == CMP_MIN ? 1 : -1;

	memset(w, 0, sizeof *w);
	w->first = w->certain = PROJ_NEVER;
	w->far_inf = isinf(cmp == CMP_MIN ? hi[nyear - 1] : lo[nyear - 1]);
	if (sure(cmp, f->last, lo[0], hi[0])) {
		w->status = PJ_MET;
		w->first = w->certain = y0;
		return;
	}
	if (may(cmp, f->last, lo[0], hi[0]))
		w->first = y0;
	if (isnan(f->slope)) {
		w->status = PJ_TOO_FEW;
		w->pace = PJ_PACE_NONE;
		return;
	}
	w->pace = f->slope * dir > 0 ? PJ_TOWARD : f->slope == 0 ? PJ_STILL : PJ_AWAY_PACE;
	/* year by year: the threshold may change with the year */
	for (j = 1; j < nyear && w->certain == PROJ_NEVER; j++) {
		double v = proj_at(f, y0 + j);

		if (w->first == PROJ_NEVER && may(cmp, v, lo[j], hi[j]))
			w->first = y0 + j;
		if (sure(cmp, v, lo[j], hi[j]))
			w->certain = y0 + j;
	}
	if (w->certain != PROJ_NEVER)
		w->status = PJ_REACHES;
	else if (w->first != PROJ_NEVER)
		w->status = PJ_MAY_REACH;
	else
		w->status = w->pace == PJ_TOWARD ? PJ_NOT_BY : w->pace == PJ_STILL ? PJ_FLAT : PJ_AWAY;
}

void proj_when_start(struct proj_when *w)
{
	memset(w, 0, sizeof *w);
	w->status = PJ_MET;
}

void proj_when_add(struct proj_when *w, const struct proj_when *part)
{
	if (part->status == PJ_NA)
		return;
	if (part->status != PJ_MET)
		w->status = PJ_NOT_BY;   /* decided by proj_when_end */
	w->nofig |= part->status == PJ_NO_FIGURES || part->nofig;
	w->far_inf |= part->far_inf && part->certain == PROJ_NEVER;
	if (part->first > w->first)
		w->first = part->first;
	if (part->certain > w->certain)
		w->certain = part->certain;
}

void proj_when_end(struct proj_when *w, int horizon)
{
	if (w->status == PJ_MET)
		return;
	if (w->certain <= horizon)
		w->status = PJ_REACHES;
	else if (w->first <= horizon)
		w->status = PJ_MAY_REACH;
	else
		w->status = w->nofig ? PJ_NO_FIGURES : PJ_NOT_BY;
}

/* The last judged year of unit i with any value, or 0. */
static int last_year(const struct results *R, int i)
{
	int y, k, nind = R->set->nind;

	for (y = R->year_from + R->nyear - 1; y >= R->year_from; y--) {
		const double *v;

		if (!results_judged(R, i, y))
			continue;
		v = R->value + results_cell(R, i, y) * (size_t)nind;
		for (k = 0; k < nind; k++)
			if (!isnan(v[k]))
				return y;
	}
	return 0;
}

static void project_ind(const struct results *R, int i, int k, int last, int method, int to,
                        struct proj_ind *p)
{
	const struct critset *s = R->set;
	const struct indicator *d = &s->ind[k];
	double x[PROJ_MAX_POINTS], v[PROJ_MAX_POINTS], lo[PROJ_MAX_YEARS], hi[PROJ_MAX_YEARS];
	struct ind_result now;
	int y, n = 0, nyear, j;

	memset(p, 0, sizeof *p);
	p->when.first = p->when.certain = PROJ_NEVER;
	p->value = p->thr_lo = p->thr_hi = p->end_lo = p->end_hi = NAN;
	p->fit.slope = NAN;
	p->now = ST_UNKNOWN;
	results_ind(R, i, last, k, &now);
	if (now.status == ST_NA) {
		p->now = ST_NA;
		p->year = last;
		p->when.status = PJ_NA;
		return;
	}
	/* the points: the judged years up to the last, with a value */
	for (y = R->year_from; y <= last; y++) {
		size_t at = results_cell(R, i, y) * (size_t)s->nind + (size_t)k;

		if (!results_judged(R, i, y) || isnan(R->value[at]) || (R->ind[at] & ~RES_DIV0) == ST_NA)
			continue;
		if (n == PROJ_MAX_POINTS) {   /* keep the latest */
			memmove(x, x + 1, (PROJ_MAX_POINTS - 1) * sizeof *x);
			memmove(v, v + 1, (PROJ_MAX_POINTS - 1) * sizeof *v);
			n--;
		}
		x[n] = y;
		v[n++] = R->value[at];
	}
	if (n == 0) {
		p->when.status = PJ_NO_FIGURES;
		return;
	}
	p->year = (int)x[n - 1];
	results_ind(R, i, p->year, k, &now);
	p->now = now.status;
	p->value = now.value;
	p->thr_lo = now.thr_lo;
	p->thr_hi = now.thr_hi;
	p->thr_status = now.thr_status;
	p->end_lo = now.thr_lo;
	p->end_hi = now.thr_hi;
	proj_fit(method, x, v, n, &p->fit);
	if (d->cmp == CMP_MUST) {
		p->when.status = now.status == ST_MET ? PJ_MET : now.status == ST_UNMET ? PJ_NO_TREND :
		                 PJ_NO_FIGURES;
		if (now.status == ST_MET)
			p->when.first = p->when.certain = p->year;
		return;
	}
	if (now.status == ST_UNKNOWN || isnan(now.thr_lo) || isnan(now.thr_hi)) {
		p->when.status = PJ_NO_FIGURES;   /* a threshold computed from missing figures */
		return;
	}
	nyear = to > p->year ? to - p->year + 1 : 1;
	if (nyear > PROJ_MAX_YEARS)
		nyear = PROJ_MAX_YEARS;
	lo[0] = now.thr_lo;
	hi[0] = now.thr_hi;
	p->held = now.thr_status == TS_EXPR;
	for (j = 1; j < nyear; j++) {
		struct thr_value tv;
		int ty = p->year + j;

		if (p->held) {   /* computed from the unit's figures: those of the year ahead are not known */
			lo[j] = lo[0];
			hi[j] = hi[0];
			continue;
		}
		if (ty > s->year_to)
			ty = s->year_to;
		/* in the region and commune group it had in the year projected from */
		crit_thr_bounds(d, s->strict, results_judged(R, i, p->year) ? results_place(R, i, p->year) :
		                R->region[i], ty, &tv);
		lo[j] = tv.lo;
		hi[j] = tv.hi;
	}
	p->end_lo = lo[nyear - 1];
	p->end_hi = hi[nyear - 1];
	proj_cross(&p->fit, d->cmp, lo, hi, nyear, &p->when);
}

int proj_unit(const struct results *R, int i, int method, int to, struct proj_ind *ind,
              struct proj_when *crit, struct proj_when *unit)
{
	const struct critset *s = R->set;
	int last = last_year(R, i), c, k;

	proj_when_start(unit);
	for (c = 0; c < s->ncrit; c++) {
		const struct criterion *cr = &s->crit[c];

		proj_when_start(&crit[c]);
		for (k = cr->first; k < cr->first + cr->n; k++) {
			if (last)
				project_ind(R, i, k, last, method, to, &ind[k]);
			else {
				memset(&ind[k], 0, sizeof ind[k]);
				ind[k].when.status = PJ_NO_FIGURES;
				ind[k].when.first = ind[k].when.certain = PROJ_NEVER;
				ind[k].value = ind[k].thr_lo = ind[k].thr_hi = NAN;
				ind[k].end_lo = ind[k].end_hi = NAN;
				ind[k].fit.slope = NAN;
				ind[k].now = ST_UNKNOWN;
			}
			proj_when_add(&crit[c], &ind[k].when);
		}
		proj_when_end(&crit[c], to);
		proj_when_add(unit, &crit[c]);
	}
	proj_when_end(unit, to);
	return last;
}
