/* critdiff.h - what changed between two criteria sets (two decisions):
 * criteria and indicators added or removed, thresholds tightened or
 * loosened per region and year, set or unset, and other fields changed.
 * Plain C over crit.h; printed by cmd_criteria.c. */
#ifndef NTM_CRITDIFF_H
#define NTM_CRITDIFF_H

#include "crit.h"

enum cd_kind {
	CD_ADDED,      /* in the second set only */
	CD_REMOVED,    /* in the first set only */
	CD_MOVED,      /* renumbered: the second set's id for the first set's indicator */
	CD_TIGHTENED,  /* a higher minimum or a lower maximum */
	CD_LOOSENED,   /* a lower minimum or a higher maximum */
	CD_STATUS,     /* the same value, or none, now set, draft or unset */
	CD_CHANGED,    /* any other field: measure, name, citation, ... */
	CD_N
};

extern const char *const critdiff_kind_name[CD_N];

struct cdchange {
	int kind;            /* CD_* */
	char *criterion;     /* criterion id, NULL for a field of the set */
	char *indicator;     /* indicator id, NULL for a criterion or the set */
	char *field;         /* "threshold", "measure", "cite", "criterion", ... */
	char *where;         /* thresholds: regions and years it holds for */
	char *before, *after;   /* NULL when the item is added or removed */
};

struct critdiff {
	struct cdchange *c;
	int n, cap;
	int count[CD_N];
	/* the years compared: those both sets are in force (y0..y1), or, for
	 * sets of periods that do not meet, each set in its own years */
	int y0, y1, apart;
};

/* A renumbering the diff is told of (besides the renumbered_from fields of
 * the second set's indicators): old in a is new in b. */
struct cdrenum {
	const char *old, *new;
};

/* Compares a (the earlier decision) with b. Indicators and criteria match
 * by id, or as renumbered: b's renumbered_from fields and the n pairs of
 * map (map may be NULL). Thresholds are compared in every region, in the
 * years both sets are in force; sets in force in periods that do not meet
 * (one decision replacing another) are compared each in its own years, the
 * earlier set's years against the later's. Returns 0, or -1 on allocation
 * failure (d is then freed). */
int critdiff(const struct critset *a, const struct critset *b, struct critdiff *d);
int critdiff_map(const struct critset *a, const struct critset *b, const struct cdrenum *map,
                 int n, struct critdiff *d);
void critdiff_free(struct critdiff *d);

#endif
