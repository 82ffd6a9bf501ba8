/* results.h - one evaluation's results as a value: for each unit and year,
 * the unit's status and criteria met, each criterion's status, each
 * indicator's status and value; the thresholds once per indicator, region
 * and year, not repeated in every cell. Filled by evalrun_results
 * (evalrun.h) with the one rule of which units a run judges in which year;
 * read by eval, recognitions, diff, cost, allocate, the hierarchy, plots and
 * scripts. Plain C: no Lua, no store. */
#ifndef NTM_RESULTS_H
#define NTM_RESULTS_H

#include "eval.h"

/* The status of a cell whose unit is not judged that year: it did not
 * exist then (lineage.h), or the set is not in force. */
#define RES_NOT_JUDGED ST_N

struct results {
	const struct critset *set;   /* not owned */
	const int *unit;             /* unit indexes of the run; not owned */
	int nunit, year_from, nyear;
	unsigned char *status;       /* [cell] ST_* or RES_NOT_JUDGED */
	unsigned char *ncrit;        /* [cell] criteria met (at most 255) */
	unsigned char *crit;         /* [cell * set->ncrit + c] ST_* */
	unsigned char *ind;          /* [cell * set->nind + k] ST_* | RES_DIV0 */
	double *value;               /* [cell * set->nind + k] NAN: not computed */
	struct thr_value *thr;       /* [(year * set->nind + k) * nplace + place + 1] */
	int nplace;                  /* RG_N + 1 places (the regions and none), or CRIT_NPLACE
	                                when the set's thresholds vary by commune group */
	int *region;                 /* [unit] the threshold region each unit was judged in */
	unsigned char *group;        /* [cell] the commune group (1..3, 0 not on record) it was
	                                judged in; NULL when no threshold varies by group */
	double *thr_cell;            /* [(cell * nind + k) * 2]: lo, hi of a threshold computed
	                                for the unit (T_EXPR); NULL when the set has none */
	int *by_unit;                /* [2 * nunit]: (unit, i) pairs sorted by unit, for
	                                results_find */
};
#define RES_DIV0 0x80

/* cell index of unit i (0..nunit) in year y */
static inline size_t results_cell(const struct results *R, int i, int y)
{
	return (size_t)i * (size_t)R->nyear + (size_t)(y - R->year_from);
}
static inline int results_status(const struct results *R, int i, int y)
{
	return R->status[results_cell(R, i, y)];
}
static inline int results_ncrit(const struct results *R, int i, int y)
{
	return R->ncrit[results_cell(R, i, y)];
}
static inline int results_crit(const struct results *R, int i, int y, int c)
{
	return R->crit[results_cell(R, i, y) * (size_t)R->set->ncrit + (size_t)c];
}
static inline int results_judged(const struct results *R, int i, int y)
{
	return y >= R->year_from && y < R->year_from + R->nyear &&
	       R->status[results_cell(R, i, y)] != RES_NOT_JUDGED;
}

/* The place (crit_place) unit i was judged in, in year y. */
static inline int results_place(const struct results *R, int i, int y)
{
	return R->group ? crit_place(R->region[i], R->group[results_cell(R, i, y)]) : R->region[i];
}

/* Allocates results for set s over units[nunit] (their threshold regions in
 * region[nunit]) and years y0..y1, every cell not judged; the thresholds
 * are resolved once here, for every place. With a set whose thresholds
 * vary by commune group, R->group is allocated (all 0) for the caller to
 * fill. Returns 0 or -1 (out of memory). */
int results_init(struct results *R, const struct critset *s, const int *units,
                 const int *region, int nunit, int y0, int y1);
/* Stores the evaluation of unit i in year y (eval_unit's outputs). */
void results_put(struct results *R, int i, int y, const struct ind_result *res,
                 const unsigned char *crit, int status, int ncrit_met);
/* Rebuilds the full results of unit i's indicators in year y into
 * out[set->nind], as eval_unit gave them. */
void results_inds(const struct results *R, int i, int y, struct ind_result *out);
/* The same for one indicator k. */
void results_ind(const struct results *R, int i, int y, int k, struct ind_result *out);
/* How many indicators used a draft, and how many an unset threshold, in
 * any judged cell where they applied (what a stored run records). */
void results_thr_used(const struct results *R, int *ndraft, int *nunset);
/* Index of unit index u (in the unit set) among R's units, or -1. */
int results_find(const struct results *R, int u);
void results_free(struct results *R);

#endif
