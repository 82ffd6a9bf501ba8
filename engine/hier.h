/* hier.h - evaluation across the hierarchy. A set may use figures derived
 * from other sets (meets, share_meeting, count_meeting) and from the units
 * below (units_below, sum_below, mean_below, min_below, max_below; crit.h,
 * struct aggvar). Before a run is evaluated, hier_fill evaluates the sets
 * it depends on, bottom-up and each unit once, over the units in or below
 * the run's units, refuses a cycle between sets, and writes the derived
 * figures into the run's data. */
#ifndef NTM_HIER_H
#define NTM_HIER_H

#include <stdio.h>

#include "evalrun.h"

/* One set another set depends on, evaluated for the units of its level in
 * scope, over the root run's years (those the set is in force). */
struct hier_set {
	char *id;
	int level;               /* LV_* of the set */
	int in_force;            /* the set applies to at least one year */
	struct evalrun run;      /* nunit 0 when none of its level is in scope */
	struct results res;      /* its results over run's years (res.set NULL when none) */
};

/* The status of unit j of hs in year y: ST_*, or ST_N when the set is not in
 * force then or the unit is not judged. */
static inline int hier_status(const struct hier_set *hs, int j, int y)
{
	return hs->res.set && results_judged(&hs->res, j, y) ? results_status(&hs->res, j, y) : ST_N;
}

struct hier {
	int year_from, nyear;
	int nunits;              /* c->units.n when filled */
	unsigned char *scope;    /* per unit: in or below one of the root's units */
	struct hier_set **set;
	int nset;
	const char *chain[16];   /* sets being evaluated, root first */
	int depth;
};

/* Fills r's derived figures (r->set->nagg > 0), evaluating what it needs.
 * Returns 0, or -1 with c->err (a set not found, a cycle). */
int hier_fill(struct ctx *c, struct hier *h, struct evalrun *r);
/* For --explain: the results of other sets that unit i of r used in year y. */
void hier_explain(struct ctx *c, const struct hier *h, const struct evalrun *r, int i,
                  int year, FILE *out);
void hier_free(struct hier *h);

#endif
