/* bounds.h - what the recognitions imply about thresholds a set does not
 * know. A unit recognised under a set's title in year Y met every threshold
 * of the set in Y, judged on its year-Y figures; so a minimum nobody has set
 * is at most the least value among the recognised units of its region, and
 * a maximum at least the greatest. Per indicator, region and year: that
 * bound and the units that set it; the recognised units whose figures fail
 * a known threshold (a data error or a wrong recognition); and the set
 * narrowed by the bounds. bounds_compute works on figures in memory (eval.c);
 * bounds_load reads recognitions and figures through ctx and eval_load. */
#ifndef NTM_BOUNDS_H
#define NTM_BOUNDS_H

#include "ctx.h"
#include "eval.h"

/* One recognition with the figures it was decided on. */
struct bounds_recog {
	int unit;            /* the caller's unit index (c->units for bounds_load) */
	const char *name;    /* the unit's name, for notes (copied where kept) */
	int region;          /* RG_*; -1 (no threshold region) bounds nothing */
	int year;
	const double *vals;  /* its figures of that year: set->nvar values, NAN missing */
};

/* One indicator (min or max) in one region and year with recognitions. */
struct bounds_cell {
	int ind;             /* index in the set's indicators */
	int region, year;
	int state;           /* TS_* of the threshold there; drafts count as known */
	double lo, hi;       /* where it can lie (crit_thr_bounds; a number: lo == hi) */
	double bound;        /* min: the least value of the recognised units that
	                        meet what is known, so the threshold is <= bound; max:
	                        the greatest (threshold >= bound); NAN when none */
	double new_lo, new_hi;  /* lo..hi narrowed by bound (unset and range only) */
	int narrows;         /* new_lo..new_hi is narrower than lo..hi */
	int nrecog;          /* recognitions of units of this region that year */
	int nvalue;          /* ... whose value counts towards bound */
	int nmissing;        /* ... with figures missing: they contribute nothing */
	int nna;             /* ... where the indicator does not apply */
	int ncontra;         /* ... failing the known threshold (findings) */
	int *binding;        /* the units whose value is the bound (caller's indexes) */
	int nbinding;
	char *who;           /* their names: "Bảo Linh", "Bảo Linh and Quy Kỳ" */
};

/* A recognised unit whose figures fail a known threshold: a number (set or
 * draft), a range under every admissible value, or a must-indicator. */
struct bounds_finding {
	int ind, unit, region, year;
	int state;           /* TS_* of the threshold; -1 for a must-indicator */
	double value;        /* the unit's value */
	double lo, hi;       /* the threshold as judged (lo == hi for a number) */
};

struct bounds {
	char *set_id;        /* the set the bounds were computed for */
	int nind;            /* its indicators (bounds_narrow checks both) */
	int year_from, year_to;   /* the years of the recognitions taken */
	int nrecog;          /* recognitions taken (one per unit and year) */
	int nnofig;          /* ... of a unit with no figure at all that year */
	int nnoregion;       /* ... of a unit without a threshold region: skipped */
	struct bounds_cell *cell;   /* by indicator, region, year */
	int ncell;
	struct bounds_finding *find;  /* by unit, year, indicator */
	int nfind;
};

/* Computes the bounds recognitions r[0..n) of set s imply. Every
 * recognition must be of s's title, of a year s is in force, for a unit
 * it applies to; r's unit and year pairs must differ. Drafts are judged as
 * known numbers whatever s->strict says. A recognition whose value fails
 * the known threshold (a draft, a number, a range) is a finding and bounds
 * nothing. Fills b (free with bounds_free); returns 0, or -1 with err. */
int bounds_compute(const struct critset *s, const struct bounds_recog *r, int n,
                   struct bounds *b, struct ntm_err *err);

/* Whether a recognition titled title counts for a set that recognises
 * recognises: the same title; 'ntm-reconfirmed' counts as 'ntm' (a commune
 * recognised before 2021 re-examined under the set in force). */
int bounds_title_counts(const char *recognises, const char *title);

/* Reads the recognitions of s's title from c's store for the units of s's
 * level in or below unit top (-1: all), in years y0..y1 (0, 0: the set's
 * years), where s is the set in force for the unit's province (inforce.h;
 * a set not on the criteria path counts where its province matches), with
 * the units' figures of the year recognised, and computes the bounds. The
 * figures are those on record: not --scenario's changes and not --as-of's
 * combined figures, since the recognition was decided on the real ones.
 * s stays the caller's. Returns 0, or -1 with c->err. */
int bounds_load(struct ctx *c, const struct critset *s, int top, int y0, int y1,
                struct bounds *b);

/* Narrows s by b (computed for the same set): for each cell whose bound
 * narrows an unset threshold or a range, the threshold for that region and
 * year becomes a T_RANGE [max(lo, dom_lo), min(hi, bound)] for a minimum
 * or [max(lo, bound), min(hi, dom_hi)] for a maximum, with the note
 * "implied by the recognition of <unit> (<year>): ..." that the evaluator
 * carries into each result it decides. The indicator's new threshold,
 * owned by s, is by region: a region with bounds by year (the ranges, and
 * a copy of the old threshold for its other years), every other region
 * the old threshold itself, moved in as the default rather than copied so
 * the set holds as few extra leaves as it can (crit_thr_census counts
 * leaves). Drafts and set numbers are left as they are, and so is a range
 * no recognition narrows. Narrowing can only turn an open result met: a
 * recognition says a threshold is at most (at least) a value, never more.
 * Returns the number of cells applied, or -1 with err (b is for another
 * set, out of memory: s is then unchanged). */
int bounds_narrow(struct critset *s, const struct bounds *b, struct ntm_err *err);

void bounds_free(struct bounds *b);

#endif
