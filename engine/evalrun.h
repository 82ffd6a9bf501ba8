/* evalrun.h - the units, set and figures one evaluation needs, gathered for
 * callers that evaluate in memory (charts, scripts): the units of the set's
 * level in or below a unit, and their figures for the years. */
#ifndef NTM_EVALRUN_H
#define NTM_EVALRUN_H

#include "ctx.h"
#include "eval.h"
#include "results.h"

struct hier;

struct evalrun {
	struct critset *set;
	int *units;          /* indexes into c->units */
	int nunit;
	int year_from, year_to;
	struct evaldata data;
	struct ind_result *res;     /* scratch for eval_unit */
	unsigned char *crit;
	struct hier *hier;   /* the sets this one depends on (hier.h), or NULL */
};

/* Loads set (id or file) and the figures of the units of its level in or
 * below unit index top, for years y0..y1 (0, 0: the set's years): the
 * units that existed in any of those years, or with --as-of, those that
 * existed in that year. Returns 0
 * or -1 with c->err; on success free with evalrun_free. */
int evalrun_open(struct ctx *c, const char *set, int top, int y0, int y1, struct evalrun *r);
/* The same for a set already loaded: takes ownership of s (freed by
 * evalrun_free, also on failure); top < 0 takes every unit of its level. */
int evalrun_select(struct ctx *c, struct critset *s, int top, int y0, int y1, struct evalrun *r);
/* The same for a list of unit indexes (copied); no derived figures are
 * filled (hier.c does that for the sets it evaluates). */
int evalrun_units(struct ctx *c, struct critset *s, const int *units, int nunit,
                  int y0, int y1, struct evalrun *r);
/* Whether unit i is judged in year y: it existed then, or in the --as-of
 * year (lineage.h). A unit that is not has no result for the year. */
static inline int evalrun_takes_part(const struct ctx *c, const struct evalrun *r, int i, int y)
{
	return lineage_in(&c->units.u[r->units[i]], c->as_of, y);
}
/* Evaluates every unit of r in every year of r into R (results.h): the
 * units r takes part with in a year (evalrun_takes_part) are judged, the
 * others are RES_NOT_JUDGED. R refers to r's set and units: free R first.
 * Returns 0 or -1 with c->err. */
int evalrun_results(struct ctx *c, struct evalrun *r, struct results *R);
/* The figures of unit i (0..nunit) in year y (the data may start earlier
 * than the run: the years the set's measures look back). */
static inline double *evalrun_vals(const struct evalrun *r, int i, int y)
{
	return eval_vals(&r->data, i, y - r->data.year_from);
}
/* The unit's history for eval_unit_hist. */
static inline struct eval_hist evalrun_hist(const struct evalrun *r, int i)
{
	struct eval_hist h = { &r->data, i,
		r->data.recog ? r->data.recog + (size_t)i * (size_t)r->set->nrtitle : NULL };

	return h;
}
/* Evaluates unit i (0..nunit) in year y; returns its status (ST_*). */
int evalrun_unit(struct ctx *c, struct evalrun *r, int i, int y, int *ncrit_met);
void evalrun_free(struct evalrun *r);

#endif
