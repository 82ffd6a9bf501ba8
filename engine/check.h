/* check.h - what `ntm check` reads and collects: the store's figures,
 * funding rows, projects and recognitions as rows carrying their source
 * text (one cursor per query), the rule files of a path, and the findings
 * the rules report, sorted. Plain C over sqlite3 (the audit's only SQL);
 * the Lua side is lua_check.c, the command cmd_check.c. */
#ifndef NTM_CHECK_H
#define NTM_CHECK_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "err.h"

/* Severities, most serious first: the order findings are sorted in. */
enum { CHK_ERROR, CHK_WARNING, CHK_INFO, CHK_NSEV };
extern const char *const check_severity_name[CHK_NSEV];
/* Index of "error", "warning" or "info", or -1. */
int check_severity_parse(const char *s);

/* ---- reading the store ------------------------------------------------ */

enum { CHK_FIGURES, CHK_FUNDING, CHK_PROJECTS, CHK_RECOGNITIONS };

struct check_query {
	int what;              /* CHK_FIGURES .. CHK_RECOGNITIONS */
	int64_t unit_id;       /* 0: every unit */
	int64_t root_id;       /* 0: every unit; else only that unit and the units below it */
	int64_t variable_id;   /* figures: 0 for every variable */
	int year;              /* 0: every year */
	int quarter;           /* figures: -1 any, 0 the annual figure, 1-4 */
	const char *title;     /* recognitions: NULL for every title */
};

/* One row; the fields of its kind are set, strings valid until the next
 * check_next or check_close. Amounts not reported are NAN. */
struct check_row {
	int64_t unit_id, variable_id;
	int year, quarter;                 /* quarter 0: the whole year */
	double value;                      /* figure */
	double allocated, disbursed;       /* funding */
	const char *fund, *kind, *measure; /* funding */
	double cost;                       /* project */
	const char *name, *category, *status;   /* project */
	const char *title, *decision;      /* recognition (decision "" when unknown) */
	const char *source;
};

/* A query under way. Closed (st NULL) before check_open and after
 * check_close, so a holder may close it twice. */
struct check_cursor {
	sqlite3_stmt *st;
	int what;
};

/* Figures come ordered by unit, variable, year and quarter; funding,
 * projects and recognitions by year, then in the order imported (the
 * order of the document). Returns 0 or -1 with err. */
int check_open(sqlite3 *db, const struct check_query *q, struct check_cursor *cur,
               struct ntm_err *err);
/* 1 with a row, 0 at the end, -1 with err. */
int check_next(struct check_cursor *cur, struct check_row *row, struct ntm_err *err);
void check_close(struct check_cursor *cur);

/* ---- rule files --------------------------------------------------------- */

struct check_files {
	char **path;           /* "dir/name.lua", sorted by name within a folder */
	int *dir;              /* index of the folder in the path list */
	int n;
};

/* The *.lua files (regular, not hidden) of each folder of path, a
 * ':'-separated list. A folder that cannot be read is an error naming
 * it. Returns 0 or -1 with err; free with check_files_free. */
int check_rule_files(const char *path, struct check_files *fs, struct ntm_err *err);
void check_files_free(struct check_files *fs);

/* ---- findings ----------------------------------------------------------- */

#define CHECK_MAX_FINDINGS 100000   /* in one run, over every rule */
#define CHECK_MAX_FIGURES  500      /* in one finding */
#define CHECK_MAX_TEXT     2000     /* bytes of a message, a figure's text or source */

struct check_fig {
	char *what, *source;   /* source NULL when none was given */
	double value;
	int has_value;
};

struct check_finding {
	int severity;          /* CHK_* */
	int unit;              /* index in the unit set, or -1 */
	int year;              /* 0: none */
	char *rule, *title, *message;
	struct check_fig *fig;
	int nfig;
	long seq;              /* the order it was reported in */
};

struct check_findings {
	struct check_finding *f;
	size_t n, cap;
	int count[CHK_NSEV];
};

/* Adds a copy of *x, its strings and figures included (x's own are not
 * kept); a text longer than CHECK_MAX_TEXT is cut at a character boundary
 * with "...", and control characters become '?'. Returns 0 or -1 with err
 * (out of memory, or CHECK_MAX_FINDINGS reached). */
int check_add(struct check_findings *fs, const struct check_finding *x, struct ntm_err *err);
/* Orders by severity, unit (the unit set's order: parents first, then by
 * name; findings without a unit last), year (none last), rule, then the
 * order reported. */
void check_sort(struct check_findings *fs);
void check_findings_free(struct check_findings *fs);

#endif
