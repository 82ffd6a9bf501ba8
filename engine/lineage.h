/* lineage.h - units over time in an evaluation. By default each year is
 * judged on the units that existed that year. With a reference year (the
 * hierarchy "as of" that year), the units of that year are judged in every
 * year, and for the years before a merge a unit's figures combine those of
 * the units merged into it: sums for counts, lengths, areas and amounts,
 * population-weighted means for per-head figures and percentages, and a
 * yes/no that holds only if it held in each. Calls store and eval. */
#ifndef NTM_LINEAGE_H
#define NTM_LINEAGE_H

#include <stdio.h>

#include "eval.h"
#include "store.h"
#include "units.h"

/* Lines saying what was combined, kept once each. */
struct lineage_notes {
	char **line;
	int n, cap;
};

/* Whether a unit takes part in year: it existed that year or, with a
 * reference year as_of, it existed in as_of. */
static inline int lineage_in(const struct unit *u, int as_of, int year)
{
	return unit_exists(u, as_of ? as_of : year);
}

/* The unit whose figures unit u's join with as_of: the first along its
 * merged_into chain that existed in as_of; -1 when u itself existed then or
 * has no such successor. */
int lineage_target(const struct unitset *us, int u, int as_of);

/* The units within unit top, as marks (1) in an array of us->n bytes the
 * caller frees; NULL on no memory. Those below it by parent and, when top
 * did not exist in as_of (a district gone in the 2025 reorganisation), the
 * units of as_of its units were merged into (Định Hóa's eight communes of
 * 2026): its area as the units of as_of cover it. */
unsigned char *lineage_scope(const struct unitset *us, int top, int as_of);

/* Whether a unit is judged in any of the years y0..y1: it existed in one of
 * them, or, with as_of, it existed in as_of. */
static inline int lineage_judged(const struct unit *u, int as_of, int y0, int y1)
{
	if (as_of)
		return unit_exists(u, as_of);
	return (!u->valid_from || u->valid_from <= y1) && (!u->valid_to || u->valid_to >= y0);
}

/* With as_of, folds into d the figures of the units merged into each of
 * d's units (directly or through others) that no longer existed in as_of,
 * for the years they existed. A figure missing for any of the combined
 * units leaves the result unknown. Notes say what was combined. Returns 0,
 * or -1 with err. */
int lineage_fold(sqlite3 *db, const struct unitset *us, const struct varset *vs, int as_of,
                 struct evaldata *d, struct lineage_notes *notes, struct ntm_err *err);

/* Adds a line unless already there; -1 when out of memory. */
int lineage_note(struct lineage_notes *n, const char *line);
/* Writes the notes to f under the heading "units as they stood in AS_OF;
 * figures across merges:" (in the language chosen), then forgets them;
 * nothing when there are none. */
void lineage_notes_print(struct lineage_notes *n, int as_of, FILE *f);
void lineage_notes_free(struct lineage_notes *n);

#endif
