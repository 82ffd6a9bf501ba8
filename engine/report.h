/* report.h - writes evaluation results: a units × criteria table with a
 * summary (units certainly meeting the set, those that could and what
 * decides them, those that cannot), an --explain listing (value,
 * threshold, gap, break-even, citation), CSV, or JSON. Reads eval results;
 * writes to a FILE only. */
#ifndef NTM_REPORT_H
#define NTM_REPORT_H

#include <stdio.h>

#include "eval.h"

enum { FMT_TABLE, FMT_CSV, FMT_JSON };

/* What eval shows (the run stores everything): NULL / 0 for all. */
struct report_filter {
	const unsigned char *crit;  /* per criterion: 1 shown */
	unsigned status;            /* 1u << ST_*: the statuses shown */
	const char *desc;           /* "--criterion 17 --status unmet", for the summary */
};

struct report {
	FILE *out;
	int format, explain;
	const struct critset *set;
	const struct unitset *units;
	int year_from, nyear;
	int name_w;               /* table: width of the unit column */
	int rows;                 /* unit-years written */
	int *met_by_year;         /* units meeting the set, per year */
	int *units_by_year;
	long *crit_met_by_year;   /* criteria met, summed over units */
	int *open_by_year;        /* could meet: only open thresholds stand in the way */
	int *missing_by_year;     /* could meet: only missing figures */
	int *both_by_year;        /* could meet: open thresholds and missing figures */
	int *thr_draft, *thr_unset;  /* per indicator: used a draft / unset threshold */
	int *thr_range;           /* per indicator: used a range */
	struct report_cond *cond; /* [(year * nind + ind) * CRIT_NPLACE + place + 1] */
	int *group_unknown_by_year;  /* could meet, open on a threshold of a commune group not
	                                on record */
	char **ind_cells;         /* csv: "set,criterion,indicator," per indicator, built once */
	char *line;               /* csv: one unit-year's rows, written whole */
	size_t line_cap;
	struct report_filter flt;
	int shown;                /* unit-years shown (csv: indicator rows) */
};

/* What decides the units that could meet the set: for one indicator,
 * region and year, the break-evens of its open results in those units. */
struct report_cond {
	int n;
	double lo, hi;            /* the least and greatest break-even */
};

/* flt (NULL: everything) picks the criteria and statuses shown: the
 * table's rows are unit-years, kept when their status (with criteria
 * picked, that of one of them) is picked; csv rows are indicators, kept
 * by their own status; json and --explain keep unit-years as the table
 * does and list the picked criteria. The summary counts every unit. */
int report_begin(struct report *r, FILE *out, int format, int explain,
                 const struct critset *s, const struct unitset *us,
                 const int *units, int nunit, int year_from, int year_to,
                 const struct report_filter *flt);
/* One unit-year: vals its figures, h its history (NULL: none; the
 * missing figures of other years are named only with it). */
void report_unit(struct report *r, int unit, int year, const double *vals,
                 const struct eval_hist *h, const struct ind_result *res,
                 const unsigned char *crit, int status, int ncrit_met);
/* Summary lines; run_id < 0 when the run was not stored. */
void report_end(struct report *r, long long run_id, const char *db_path);
void report_free(struct report *r);
/* Counts of indicators that used draft / unset thresholds in this report. */
void report_thr_used(const struct report *r, int *ndraft, int *nunset);

/* "met if the tdmnpb minimum is ≤ 95.79" for an open result of d. */
void report_condition(const struct indicator *d, const struct ind_result *x, int region,
                      char *buf, size_t cap);

/* Shortest decimal form, at most 2 decimals: 89.14, 100, 0.5. */
void report_num(char *buf, size_t cap, double v);
/* Columns of the widest status word in the language chosen. */
int report_status_width(void);
/* Writes s as a JSON string literal. */
void report_json_str(FILE *f, const char *s);

#endif
