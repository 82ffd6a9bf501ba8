/* eval.h - evaluates a criteria set (crit.h) for units and years: each
 * indicator met (whatever the admissible threshold), unmet (under every
 * admissible threshold), open (it depends on a number the set does not
 * know yet), unknown (figures missing) or not applicable; criteria and
 * units from their indicators in three-valued logic. Plain C: the data
 * comes in as a matrix of figures loaded from the store. */
#ifndef NTM_EVAL_H
#define NTM_EVAL_H

#include <math.h>
#include <sqlite3.h>

#include "crit.h"
#include "store.h"
#include "units.h"

/* The numbers are stored in runs: keep them. ST_OPEN took the place of
 * "threshold not set", which an unset threshold no longer means alone. */
enum { ST_MET, ST_UNMET, ST_UNKNOWN, ST_OPEN, ST_NA, ST_N };
extern const char *const eval_status_name[ST_N];

struct ind_result {
	double value;        /* NAN when it could not be computed */
	double threshold;    /* NAN unless a number (set or draft); 1/0 for must-indicators */
	double thr_lo, thr_hi;    /* where the threshold can lie (crit_thr_bounds) */
	unsigned char status;     /* ST_* */
	unsigned char thr_status; /* TS_* (a draft under --strict is TS_UNSET) */
	unsigned char div0;       /* the measure divided by zero */
	unsigned char group_open; /* the threshold varies by commune group, the unit's is not
	                             on record: thr_lo..thr_hi spans the groups' values */
	const char *thr_note;     /* draft source, range reason, or why not set; not owned */
};

/* For an open result: the indicator is met if its threshold is at most
 * (a minimum) or at least (a maximum) this value, i.e. the value itself. */
static inline double eval_break_even(const struct ind_result *r)
{
	return r->status == ST_OPEN ? r->value : (double)NAN;
}

/* Gap: positive is the margin above a minimum (or below a maximum),
 * negative the shortfall; NAN when there is none to give. */
double eval_gap(const struct indicator *d, const struct ind_result *r);

/* Evaluates one unit in one year, in its place (crit_place: its threshold
 * region and commune group; a region alone is a place of group not known).
 * vals[i] is the figure of set variable i
 * (NAN = missing). Fills ind[nind] and crit[ncrit] (ST_*), returns the
 * unit's status. *ncrit_met counts criteria met. Unmet decides over
 * unknown, unknown over open, open over met (s->strict: drafts as unset). */
int eval_unit(const struct critset *s, const double *vals, int region, int year,
              struct ind_result *ind, unsigned char *crit, int *ncrit_met);

/* The unit's figures of every year loaded and its recognitions, for the
 * measures and thresholds that read other years (at, change, growth,
 * recognised_year). */
struct evaldata;
struct eval_hist {
	const struct evaldata *data;
	int unit;            /* its row in data */
	const int *recog;    /* [set->nrtitle]: first year recognised with each title, 0: never */
};
/* eval_unit with the unit's history (h NULL: none, as eval_unit: a figure
 * of another year is unknown). */
int eval_unit_hist(const struct critset *s, const double *vals, int region, int year,
                   const struct eval_hist *h, struct ind_result *ind, unsigned char *crit,
                   int *ncrit_met);

/* Writes to out the indexes of variables of indicator i that are missing
 * in vals; returns how many (at most max). */
int eval_missing(const struct critset *s, int i, const double *vals, int *out, int max);

/* The same with the unit's history: a variable of indicator i missing in
 * a year, that year's figures read by at(), change() or growth() or by a
 * threshold computed for the unit, included. Returns how many (at most max). */
struct eval_miss {
	int var, year;
};
int eval_missing_at(const struct critset *s, int i, const double *vals, int region, int year,
                    const struct eval_hist *h, struct eval_miss *out, int max);

/* Figures for a set: [unit][year][variable] from the store. A year's figure
 * is the annual one (period YYYY) or, failing that, the latest quarter. */
struct evaldata {
	const struct critset *set;
	int nunit, year_from, nyear;
	int *unit;           /* indexes into the unit set */
	double *vals;        /* nunit * nyear * set->nvar */
	unsigned char *q;    /* quarter each value came from (0 = annual) */
	int *recog;          /* nunit * set->nrtitle: first year recognised with each title */
	unsigned char *group;  /* nunit * nyear: commune group (1..3, 0 not on record) of each
	                          unit-year, from unit_group; NULL when no threshold of the set
	                          varies by group */
};

int eval_load(sqlite3 *db, const struct unitset *us, const struct varset *vs,
              const struct critset *s, const int *units, int nunit,
              int year_from, int year_to, struct evaldata *d, struct ntm_err *err);
void eval_data_free(struct evaldata *d);
/* The place (crit_place) unit row u is judged in, in year y: its region,
 * and its commune group when the set's thresholds vary by group. */
static inline int eval_place(const struct evaldata *d, int u, int y, int region)
{
	if (!d->group || y < d->year_from || y >= d->year_from + d->nyear)
		return region;
	return crit_place(region, d->group[(size_t)u * (size_t)d->nyear + (size_t)(y - d->year_from)]);
}
static inline double *eval_vals(const struct evaldata *d, int u, int y)
{
	return d->vals + ((size_t)u * (size_t)d->nyear + (size_t)y) * (size_t)d->set->nvar;
}

#endif
