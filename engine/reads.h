/* reads.h - the plain reads the office's tables need from the store, each
 * over a unit and every unit below it: funding summed by year, fund and
 * kind (money and cement apart), works and projects, recognitions, the
 * years with figures, and the source of one figure. SQL through sqlite3
 * only; no Lua, no evaluation. */
#ifndef NTM_READS_H
#define NTM_READS_H

#include <stdint.h>
#include <sqlite3.h>

#include "err.h"

/* Funding of one year, fund and kind. Amounts are NAN when none was
 * reported; *_rep is what was allocated where the disbursement is known,
 * the base of the disbursement rate. */
struct reads_funding {
	int year;
	char fund[16], kind[16];     /* codes: central .. other; investment, recurrent, in_kind */
	double alloc_mvnd, disb_mvnd, rep_mvnd;
	double alloc_t, disb_t, rep_t;     /* cement, tonnes */
};

/* The funding of unit_id and the units below it in years y0..y1, ordered by
 * year, fund (central, province, district, commune, sponsor, people,
 * credit, other) and kind. *out is malloc'd: caller frees. Returns 0 or -1
 * with err. */
int reads_funding(sqlite3 *db, int64_t unit_id, int y0, int y1, struct reads_funding **out,
                  int *n, struct ntm_err *err);

struct reads_project {
	int year, quarter;           /* quarter 0: the whole year */
	double cost;                 /* million VND; NAN when the plan states none */
	char *name, *category, *status, *unit_name;
};

/* Works and projects of unit_id and the units below it in y0..y1, ordered
 * by year, quarter, category (in data/README.md's order: road, canal, ...),
 * status (done, underway, planned) and name.
 * Free with reads_projects_free. Returns 0 or -1 with err. */
int reads_projects(sqlite3 *db, int64_t unit_id, int y0, int y1, struct reads_project **out,
                   int *n, struct ntm_err *err);
void reads_projects_free(struct reads_project *p, int n);

struct reads_recog {
	int64_t unit_id;
	int year;
	char *title, *decision;
};

/* Recognitions of unit_id and the units below it for years up to
 * year_max, ordered by unit and year. Free with reads_recogs_free.
 * Returns 0 or -1 with err. */
int reads_recognitions(sqlite3 *db, int64_t unit_id, int year_max, struct reads_recog **out,
                       int *n, struct ntm_err *err);
void reads_recogs_free(struct reads_recog *r, int n);

/* The first and last year with figures for unit_id or a unit below it,
 * within lo..hi: 1 when there are some, 0 when none, -1 with err. */
int reads_data_years(sqlite3 *db, int64_t unit_id, int lo, int hi, int *first, int *last,
                     struct ntm_err *err);

/* The source of figures, one statement prepared for every look-up. */
struct reads_source {
	sqlite3_stmt *st;
	char *text;
};

int reads_source_open(struct reads_source *s, sqlite3 *db, struct ntm_err *err);
/* The source text of variable var's figure for unit_id in year and quarter
 * (0: the annual one), its stored value in *value; NULL when there is none
 * (a figure only a scenario or a merge gave). Valid until the next call. */
const char *reads_source_of(struct reads_source *s, int64_t unit_id, const char *var, int year,
                            int quarter, double *value);
void reads_source_close(struct reads_source *s);

#endif
