/* inforce.h - which set applies when. Every set of the criteria path with
 * its level, the recognition it leads to, its province and its years; the
 * set in force for a level, recognition and province in a year is the
 * province's own set if it has one for that year, else the national one. */
#ifndef NTM_INFORCE_H
#define NTM_INFORCE_H

#include "ctx.h"

struct setinfo {
	char *id, *level, *recognises, *decision;
	char *extends;       /* the set it amends, or NULL */
	char *province;      /* NULL for a national set */
	char *province_key;  /* utf8_fold(province) */
	int year_from, year_to;
};

struct setlist {
	struct setinfo *v;
	int n;
};

/* Loads every set of the criteria path (a file that does not load is
 * skipped with a warning on stderr). Returns 0 or -1 with c->err. */
int inforce_load(struct ctx *c, struct setlist *l);
void inforce_free(struct setlist *l);
/* The set in force, or NULL. province_key may be NULL (national sets only). */
const struct setinfo *inforce_pick(const struct setlist *l, const char *level,
                                   const char *recognises, const char *province_key, int year);
/* Whether sets a and b are one decision's family: the same id, or one
 * amends the other through extends for the same province or nationally (a
 * set filled in from the annex's sheet and the set it fills in; not a
 * province's set over the national one). */
int inforce_related(const struct setlist *l, const char *a, const char *b);
/* The province unit index u lies in (u itself for a province), or -1. */
int inforce_province_of(const struct ctx *c, int u);

#endif
