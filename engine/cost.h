/* cost.h - the cost model (data/costs.csv: million VND per unit of work,
 * each work moving one figure) and what closing a unit's unmet indicators
 * would take: for an indicator measured as a figure or a share of figures
 * (pct(v.x, v.total)), the quantity of work that brings it to the
 * threshold and its cost; where the set does not know the threshold, the
 * work to the far end of where it can lie (certainly enough) and to the
 * near end (may be enough). Indicators money cannot move (income, poverty,
 * a measure of several figures, a figure no work moves) are reported as
 * such, never priced. */
#ifndef NTM_COST_H
#define NTM_COST_H

#include "crit.h"
#include "eval.h"
#include "store.h"

struct costrow {
	char *work, *var, *uom, *source;
	double cost;          /* million VND per uom */
	int region;           /* RG_* this price is for, -1 = any */
	int whole;            /* counted in whole units (households, houses, ...) */
};

struct costmodel {
	struct costrow *r;
	int n;
	char *path;
};

/* Reads the cost model; every variable must be in vs (when not empty).
 * Errors name file, line and field. */
int cost_load(const char *path, const struct varset *vs, struct costmodel *m,
              struct ntm_err *err);
void cost_free(struct costmodel *m);

enum need_kind {
	NEED_WORK,       /* works close it: row, qty, cost */
	NEED_NO_MONEY,   /* money alone cannot close it */
	NEED_NO_DATA,    /* figures missing: cannot be priced */
	NEED_NO_THRESHOLD, /* the threshold is not known and has no upper end (a count) */
};

struct need {
	int ind, kind;
	int row;           /* NEED_WORK: the cost row */
	int var;           /* NEED_WORK: the set variable the work moves */
	double qty;        /* of the row's uom; the figure moves by qty * sign: certainly
	                      enough, whatever the threshold the set does not know */
	int sign;          /* +1 adds to the figure, -1 takes away */
	double cost;       /* million VND, for qty */
	double qty_may, cost_may;  /* to the near end of an unknown threshold: may be
	                              enough (0 for an open result); = qty, cost when known */
	const char *why;   /* NEED_NO_MONEY: why */
	int open;          /* the result is open: it may be met already */
};

/* The needs of one evaluated unit-year: one per indicator not met (and
 * applicable). out has room for s->nind. Returns how many. */
int cost_needs(const struct costmodel *m, const struct critset *s, const double *vals,
               int region, int year, const struct ind_result *res, struct need *out);

/* The cost of a criterion: the sum of its needs' costs when works close
 * every indicator not met in it, else -1. 0 when it is met already. */
double cost_criterion(const struct critset *s, int crit, const struct need *n, int nn);

#endif
