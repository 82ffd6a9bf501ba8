/* import.h - reads the interchange CSV files (variables, units, observations,
 * funding, projects, recognitions) into the store, all-or-nothing.
 * Calls csv, store, utf8; no Lua. */
#ifndef NTM_IMPORT_H
#define NTM_IMPORT_H

#include <sqlite3.h>
#include "err.h"

enum import_kind {
	IK_VARIABLES, IK_UNITS, IK_OBSERVATIONS, IK_FUNDING, IK_PROJECTS,
	IK_RECOGNITIONS, IK_N
};
extern const char *const import_kind_name[IK_N];
extern const char *const import_kind_header[IK_N];
/* Columns a file of the kind may add ("" for none), comma-separated. */
extern const char *const import_kind_optional[IK_N];

struct import_file {
	const char *path;
	int kind;           /* IK_*, set by import_run */
	long rows;          /* rows read */
	long added, updated;
};

struct import_opts {
	int dry_run;        /* check everything, write nothing */
	void (*progress)(void *ctx, const char *path, long rows);
	void *ctx;
};

/* Imports the files in one transaction, in dependency order (dictionary and
 * units before figures) whatever order they are given in. On the first bad
 * row nothing is written and err says file:line: field: what is wrong.
 * Returns 0 or -1. */
int import_run(sqlite3 *db, struct import_file *files, int nfiles,
               const struct import_opts *o, struct ntm_err *err);

/* Helpers shared with other readers of the same formats. */
/* Parses "YYYY", "YYYYQn" or "YYYY-Qn": 0 and year/quarter (0 = annual), or -1. */
int import_parse_period(const char *s, int *year, int *quarter);
/* Parses a number with '.' decimals; 0 or -1. */
int import_parse_number(const char *s, double *v);
/* Parses a yes/no figure (1, 0, true, false, yes, no, có, không, đạt, không đạt). */
int import_parse_bool(const char *s, double *v);

#endif
