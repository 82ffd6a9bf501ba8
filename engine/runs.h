/* runs.h - stores an evaluation as a run: the set and years it covered,
 * its indicators, and every unit's results, in one transaction. */
#ifndef NTM_RUNS_H
#define NTM_RUNS_H

#include <sqlite3.h>

#include "eval.h"

struct run_writer {
	sqlite3 *db;
	sqlite3_stmt *unit;
	int64_t run_id;
	char *buf;           /* the results of one unit-year, as JSON */
	size_t cap;
	int open;
};

/* Starts the transaction and records the run. Returns 0 or -1 with err. */
int runs_begin(struct run_writer *w, sqlite3 *db, const struct critset *s, int year_from,
               int year_to, const char *filter, struct ntm_err *err);
int runs_add(struct run_writer *w, int64_t unit_id, int year, const struct critset *s,
             const struct ind_result *r, int unit_status,
             int ncrit_met, struct ntm_err *err);
/* Records the totals and commits. */
int runs_end(struct run_writer *w, int units, int units_met, int ndraft, int nunset,
             struct ntm_err *err);
/* Rolls back an unfinished run (safe to call after runs_end). */
void runs_abort(struct run_writer *w);

#endif
