/* import.h - reads the interchange CSV files (variables, units, observations,
 * funding, projects, recognitions, commune groups) into the store, all-or-nothing.
 * Calls csv, store, utf8; no Lua. */
#ifndef NTM_IMPORT_H
#define NTM_IMPORT_H

#include <sqlite3.h>
#include "err.h"

enum import_kind {
	IK_VARIABLES, IK_UNITS, IK_OBSERVATIONS, IK_FUNDING, IK_PROJECTS,
	IK_RECOGNITIONS, IK_GROUPS, IK_N
};
extern const char *const import_kind_name[IK_N];
extern const char *const import_kind_header[IK_N];
/* Columns a file of the kind may add ("" for none), comma-separated. */
extern const char *const import_kind_optional[IK_N];

struct import_file {
	const char *path;   /* the file; with text, the name it goes by */
	const char *text;   /* NULL, or the file's contents in memory (len bytes) */
	size_t len;
	int kind;           /* IK_*, set by import_run */
	long rows;          /* rows read */
	long added, updated;
};

struct import_opts {
	int dry_run;        /* check everything, write nothing */
	int in_transaction; /* the caller holds a transaction: no BEGIN, COMMIT or ROLLBACK */
	void (*progress)(void *ctx, const char *path, long rows);
	void *ctx;
};

/* Imports the files in one transaction, in dependency order (dictionary and
 * units before figures) whatever order they are given in. On the first bad
 * row nothing is written and err says file:line: field: what is wrong.
 * Returns 0 or -1. */
int import_run(sqlite3 *db, struct import_file *files, int nfiles,
               const struct import_opts *o, struct ntm_err *err);

/* The dictionary bundled with ntm: data/variables.csv as it was when ntm
 * was built (compiled in like the criteria prelude). A new database starts
 * with it; an import of a variables file later replaces its rows. */
extern const char ntm_dictionary[];
extern const unsigned long ntm_dictionary_len;
/* What the bundled dictionary's import is recorded as (import.file). */
#define IMPORT_BUNDLED "bundled dictionary"
/* Imports the bundled dictionary inside the caller's transaction (a new
 * database's, store_open_init). Returns 0 or -1 with err. */
int import_dictionary(sqlite3 *db, struct ntm_err *err);
/* Whether the bundled dictionary has variable name. */
int import_bundled_has(const char *name);

/* ---- field checks ----
 * One check per kind of value, shared by every way a figure enters: this
 * importer, `ntm scenario set`, the scenario functions of scripts
 * (scenario.h calls them), so none accepts what another refuses. Each
 * returns 0 (import_check_fund: the fund's index), or -1 with err set to
 * where + "'value' what is wrong": where is the caller's prefix (e.g.
 * "file.csv:3: field 'year': ", may be NULL); text is the value as the user
 * wrote it, or NULL to show the number itself. Control characters in a
 * value are shown as \xHH, never raw. */
#define IMPORT_YEAR_MIN 1990
#define IMPORT_YEAR_MAX 2100
/* A year, 1990-2100 (taken as long long: a script's 2^32 + 2023 is not 2023). */
int import_check_year(long long year, const char *text, const char *where, struct ntm_err *err);
/* A finite number (a change added to a figure may be negative). */
int import_check_number(double v, const char *text, const char *where, struct ntm_err *err);
/* An amount: finite and not negative. */
int import_check_amount(double v, const char *text, const char *where, struct ntm_err *err);
/* A figure of a variable measured in uom: bool 0 or 1; otherwise an amount,
 * and pct at most 100. */
int import_check_figure(const char *uom, double v, const char *text, const char *where,
                        struct ntm_err *err);
/* A fund name (central, province, district, commune, sponsor, people,
 * credit, other): its index, or -1. */
int import_check_fund(const char *fund, const char *where, struct ntm_err *err);
/* A name or note: no control character (C0, DEL, C1). */
int import_check_text(const char *s, const char *where, struct ntm_err *err);
/* The same from text: a number (a hint when it has a decimal comma), a
 * year (YYYY), a figure of uom (yes/no words for bool). */
int import_text_number(const char *s, double *v, const char *where, struct ntm_err *err);
int import_text_year(const char *s, int *year, const char *where, struct ntm_err *err);
int import_text_figure(const char *uom, const char *s, double *v, const char *where,
                       struct ntm_err *err);

/* Parsers shared with other readers of the same formats. */
/* Parses "YYYY", "YYYYQn" or "YYYY-Qn": 0 and year/quarter (0 = annual), or -1. */
int import_parse_period(const char *s, int *year, int *quarter);
/* Parses a finite number with '.' decimals (subnormals too); 0 or -1. */
int import_parse_number(const char *s, double *v);
/* Parses a yes/no figure (1, 0, true, false, yes, no, có, không, đạt, không đạt). */
int import_parse_bool(const char *s, double *v);

#endif
