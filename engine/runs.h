/* runs.h - stores an evaluation as a run, in one transaction: the set and
 * years it covered, its indicators, their thresholds once per region and
 * year, and every unit-year's status with its indicator results packed
 * (pack.h). Also prunes old runs. */
#ifndef NTM_RUNS_H
#define NTM_RUNS_H

#include <sqlite3.h>

#include "eval.h"

struct run_row;

struct run_writer {
	sqlite3 *db;
	int64_t run_id;
	unsigned char *st;   /* one unit-year's statuses */
	double *val;         /* and values */
	/* the unit-years, kept until runs_end writes them in key order (pages
	 * filled, not split): packed results in one arena */
	struct run_row *row;
	size_t nrow, row_cap;
	unsigned char *arena;
	size_t used, arena_cap;
	int nind;
	int open;
};

/* Starts the transaction and records the run and the thresholds of s for
 * the places in regions (RUNS_REGION(g) bits; g a region, -1 for units
 * without one, or a place of region and commune group, crit_place) and
 * every year of year_from..year_to. used_by: the run this one's
 * results were made for (0: none). Returns 0 or -1 with err. */
#define RUNS_REGION(g) (1u << ((g) + 1))
int runs_begin(struct run_writer *w, sqlite3 *db, const struct critset *s, int year_from,
               int year_to, const char *filter, int64_t used_by, unsigned regions,
               struct ntm_err *err);
/* One unit-year: judged in its threshold region (-1: none), or place. */
int runs_add(struct run_writer *w, int64_t unit_id, int year, int region,
             const struct critset *s, const struct ind_result *r, int unit_status,
             int ncrit_met, struct ntm_err *err);
/* Records the totals and commits. */
int runs_end(struct run_writer *w, int units, int units_met, int ndraft, int nunset,
             struct ntm_err *err);
/* Rolls back an unfinished run and frees w (also the way to free w after
 * runs_end). */
void runs_abort(struct run_writer *w);

/* Deletes the runs beyond the newest keep (keep < 0: no such limit) and
 * those older than days (days < 0: no such limit), with the runs made for
 * them (used_by); a run made for another run goes only with it. dry_run
 * counts without deleting. *removed and *kept are the runs counted;
 * *bytes_before is the database's size. Returns 0 or -1 with err. */
int runs_prune(sqlite3 *db, int keep, int days, int dry_run, int *removed, int *kept,
               struct ntm_err *err);

#endif
