/* sheet.h - the threshold sheet: one row per indicator × region × year of a
 * set's numeric thresholds (min or max), as CSV an analyst fills in a
 * spreadsheet; a filled sheet read back and checked against the set; the
 * Lua text of a set that extends it with the thresholds the sheet changed.
 * Plain C: calls crit (resolution), csv, suggest and utf8; no Lua here. */
#ifndef NTM_SHEET_H
#define NTM_SHEET_H

#include <stdio.h>

#include "crit.h"
#include "err.h"

/* The columns, in the order the sheet is written. */
enum {
	SC_SET, SC_INDICATOR, SC_NAME, SC_DIRECTION, SC_UNIT, SC_REGION, SC_YEAR,
	SC_STATE, SC_VALUE, SC_LOWER, SC_UPPER, SC_SOURCE, SC_N
};
extern const char *const sheet_column[SC_N];

/* One threshold cell: what it resolves to for one region and year. */
struct sheet_cell {
	int state;           /* TS_SET, TS_DRAFT, TS_RANGE, TS_UNSET */
	double value;        /* TS_SET, TS_DRAFT */
	double lo, hi;       /* TS_RANGE; -INFINITY / INFINITY for an open end */
	char *source;        /* the cite (TS_SET) or the note; owned */
};

struct sheet_row {
	int ind;             /* index in the set's indicators */
	int region;          /* 0 .. RG_N-1 */
	int year;
	struct sheet_cell c;
	long line;           /* the line of the sheet it was read from; 0 when built */
};

struct sheet {
	struct sheet_row *r;
	int n, cap;
};

/* What a filled sheet changes in its set. */
struct sheet_patch {
	struct sheet rows;   /* the rows that differ from the set, in sheet order */
	char **cite;         /* per indicator of the set: its new cite, or NULL */
	int nind;
	int nread;           /* rows read */
};

void sheet_free(struct sheet *sh);
void sheet_patch_free(struct sheet_patch *p);

/* The rows of s, in the set's order: indicators with a min or max, the
 * regions (region < 0: all seven), years y0..y1. Returns 0, or -1 with err
 * when out of memory. */
int sheet_build(const struct critset *s, int region, int y0, int y1, struct sheet *sh,
                struct ntm_err *err);
/* Writes the header and the rows as comma-separated CSV, after a UTF-8
 * byte order mark when bom. Returns what ferror(f) says after writing. */
int sheet_write(FILE *f, const struct critset *s, const struct sheet *sh, int bom);

/* Loads the set a sheet names in its set column (where: "file:line: field
 * 'set' (column A)" for messages). Returns the set (the caller of
 * sheet_read owns it), or NULL with err. */
typedef struct critset *(*sheet_load_fn)(void *ctx, const char *id, const char *where,
                                         struct ntm_err *err);
/* Reads a filled sheet and finds what it changes in the set it names
 * (loaded once, through load, into *set): comma- or semicolon-separated
 * (the header tells which; with a semicolon "95,5" is a decimal), with or
 * without a byte order mark, LF or CRLF. Every row is checked: columns,
 * indicator, region, year, state, numbers, duplicates; a changed value
 * within the measure's domain, a source for every row, one source for an
 * indicator's set numbers (a number's source is its indicator's cite).
 * Returns 0, or -1 with err naming file, line and field and p empty; *set
 * may be loaded either way (caller frees it with crit_free). */
int sheet_read(const char *path, sheet_load_fn load, void *ctx, struct critset **set,
               struct sheet_patch *p, struct ntm_err *err);
/* The sheet of s with p applied, every region and year of s: what the sheet
 * of the new set must be. Returns 0, or -1 with err. */
int sheet_expected(const struct critset *s, const struct sheet_patch *p, struct sheet *out,
                   struct ntm_err *err);
/* The index of the first row where a and b differ, or -1 when equal. */
int sheet_compare(const struct sheet *a, const struct sheet *b);

/* Writes the Lua text of set id extending s with p: the set header (title,
 * or s's title when NULL) and one amend per changed indicator, the sheet's
 * lines and sources in a comment above it. from names the sheet in the
 * comments. Returns what ferror(f) says after writing. */
int sheet_lua(FILE *f, const struct critset *s, const struct sheet_patch *p, const char *id,
              const char *title, const char *from);

#endif
