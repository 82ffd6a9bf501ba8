/* results.c - the results value (results.h): storage, the thresholds
 * resolved once per indicator, region and year, and the cells rebuilt as
 * eval_unit gave them. Calls crit.c for thresholds. */
#include "results.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

static const struct thr_value *thr_at(const struct results *R, int y, int k, int place)
{
	size_t at = ((size_t)(y - R->year_from) * (size_t)R->set->nind + (size_t)k) * (size_t)R->nplace;

	return &R->thr[at + (size_t)(place >= 0 && place + 1 < R->nplace ? place + 1 : 0)];
}

static int by_unit_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

int results_init(struct results *R, const struct critset *s, const int *units,
                 const int *region, int nunit, int y0, int y1)
{
	size_t ncell, y, k;
	int g;

	memset(R, 0, sizeof *R);
	R->set = s;
	R->unit = units;
	R->nunit = nunit;
	R->year_from = y0;
	R->nyear = y1 - y0 + 1;
	ncell = (size_t)nunit * (size_t)R->nyear;
	R->status = malloc(ncell + 1);
	R->ncrit = calloc(ncell + 1, 1);
	R->crit = calloc(ncell * (size_t)s->ncrit + 1, 1);
	R->ind = calloc(ncell * (size_t)s->nind + 1, 1);
	R->value = malloc((ncell * (size_t)s->nind + 1) * sizeof *R->value);
	R->nplace = s->has_group_thr ? CRIT_NPLACE : RG_N + 1;
	R->thr = calloc((size_t)R->nyear * (size_t)s->nind * (size_t)R->nplace + 1, sizeof *R->thr);
	R->region = malloc(((size_t)nunit + 1) * sizeof *R->region);
	if (s->has_group_thr)
		R->group = calloc(ncell + 1, 1);
	if (s->has_unit_thr)
		R->thr_cell = malloc((ncell * (size_t)s->nind * 2 + 1) * sizeof *R->thr_cell);
	R->by_unit = malloc(((size_t)nunit * 2 + 1) * sizeof *R->by_unit);
	if (!R->status || !R->ncrit || !R->crit || !R->ind || !R->value || !R->thr || !R->region ||
	    (s->has_unit_thr && !R->thr_cell) || (s->has_group_thr && !R->group) || !R->by_unit) {
		results_free(R);
		return -1;
	}
	/* results_find by binary search: a set that asks meets() of another
	 * looked each unit up in turn, n x n over the country's communes */
	for (g = 0; g < nunit; g++) {
		R->by_unit[2 * g] = units[g];
		R->by_unit[2 * g + 1] = g;
	}
	qsort(R->by_unit, (size_t)nunit, 2 * sizeof *R->by_unit, by_unit_cmp);
	memset(R->status, RES_NOT_JUDGED, ncell);
	for (k = 0; k < ncell * (size_t)s->nind; k++)
		R->value[k] = NAN;
	memcpy(R->region, region, (size_t)nunit * sizeof *region);
	for (y = 0; y < (size_t)R->nyear; y++)
		for (k = 0; k < (size_t)s->nind; k++)
			for (g = -1; g + 1 < R->nplace; g++)
				if (s->ind[k].cmp != CMP_MUST)
					crit_thr_bounds(&s->ind[k], s->strict, g, y0 + (int)y,
					                (struct thr_value *)thr_at(R, y0 + (int)y, (int)k, g));
	return 0;
}

void results_put(struct results *R, int i, int y, const struct ind_result *res,
                 const unsigned char *crit, int status, int ncrit_met)
{
	const struct critset *s = R->set;
	size_t cell = results_cell(R, i, y), at = cell * (size_t)s->nind;
	int k;

	R->status[cell] = (unsigned char)status;
	R->ncrit[cell] = (unsigned char)(ncrit_met > 255 ? 255 : ncrit_met);
	memcpy(R->crit + cell * (size_t)s->ncrit, crit, (size_t)s->ncrit);
	for (k = 0; k < s->nind; k++) {
		R->ind[at + (size_t)k] = (unsigned char)(res[k].status | (res[k].div0 ? RES_DIV0 : 0));
		R->value[at + (size_t)k] = res[k].value;
		if (R->thr_cell) {
			R->thr_cell[(at + (size_t)k) * 2] = res[k].thr_lo;
			R->thr_cell[(at + (size_t)k) * 2 + 1] = res[k].thr_hi;
		}
	}
}

void results_ind(const struct results *R, int i, int y, int k, struct ind_result *x)
{
	const struct indicator *d = &R->set->ind[k];
	size_t at = results_cell(R, i, y) * (size_t)R->set->nind + (size_t)k;
	const struct thr_value *tv;

	x->value = R->value[at];
	x->status = R->ind[at] & ~RES_DIV0;
	x->div0 = (R->ind[at] & RES_DIV0) != 0;
	x->threshold = x->thr_lo = x->thr_hi = NAN;
	x->thr_status = TS_SET;
	x->thr_note = NULL;
	x->group_open = 0;
	if (x->status == ST_NA)
		return;
	if (d->cmp == CMP_MUST) {
		x->threshold = d->must;
		return;
	}
	tv = thr_at(R, y, k, results_place(R, i, y));
	x->thr_status = (unsigned char)tv->status;
	x->group_open = (unsigned char)tv->group_span;
	x->thr_note = tv->note;
	x->thr_lo = tv->lo;
	x->thr_hi = tv->hi;
	if (tv->status == TS_SET || tv->status == TS_DRAFT)
		x->threshold = tv->value;
	if (tv->status == TS_EXPR && R->thr_cell) {   /* computed for this unit */
		x->thr_lo = R->thr_cell[at * 2];
		x->thr_hi = R->thr_cell[at * 2 + 1];
		if (x->thr_lo == x->thr_hi)
			x->threshold = x->thr_lo;
	}
}

void results_inds(const struct results *R, int i, int y, struct ind_result *out)
{
	int k;

	for (k = 0; k < R->set->nind; k++)
		results_ind(R, i, y, k, &out[k]);
}

void results_thr_used(const struct results *R, int *ndraft, int *nunset)
{
	const struct critset *s = R->set;
	int k, i, y;

	*ndraft = *nunset = 0;
	for (k = 0; k < s->nind; k++) {
		int draft = 0, unset = 0;

		if (s->ind[k].cmp == CMP_MUST)
			continue;
		for (i = 0; i < R->nunit && !(draft && unset); i++)
			for (y = R->year_from; y < R->year_from + R->nyear; y++) {
				size_t at = results_cell(R, i, y) * (size_t)s->nind + (size_t)k;
				const struct thr_value *tv;

				if (R->status[results_cell(R, i, y)] == RES_NOT_JUDGED ||
				    (R->ind[at] & ~RES_DIV0) == ST_NA)
					continue;
				tv = thr_at(R, y, k, results_place(R, i, y));
				/* a span over commune groups of draft values is a draft used */
				draft |= tv->status == TS_DRAFT || (tv->status == TS_RANGE && tv->group_draft);
				unset |= tv->status == TS_UNSET;
			}
		*ndraft += draft;
		*nunset += unset;
	}
}

int results_find(const struct results *R, int u)
{
	const int *hit;
	int i;

	if (R->by_unit) {
		hit = bsearch(&u, R->by_unit, (size_t)R->nunit, 2 * sizeof *R->by_unit, by_unit_cmp);
		return hit ? hit[1] : -1;
	}
	for (i = 0; i < R->nunit; i++)
		if (R->unit[i] == u)
			return i;
	return -1;
}

void results_free(struct results *R)
{
	free(R->status);
	free(R->ncrit);
	free(R->crit);
	free(R->ind);
	free(R->value);
	free(R->thr);
	free(R->region);
	free(R->group);
	free(R->thr_cell);
	free(R->by_unit);
	memset(R, 0, sizeof *R);
}
