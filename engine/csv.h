/* csv.h - RFC 4180 reader: one record at a time, with the line it started on.
 * Accepts a UTF-8 BOM and CRLF or LF line ends; quoted fields may hold commas,
 * doubled quotes and line breaks. Calls only stdio and utf8_invalid_at(). */
#ifndef NTM_CSV_H
#define NTM_CSV_H

#include <stdio.h>
#include "err.h"

struct csv {
	FILE *fp;
	const char *path;    /* for messages; not owned */
	long line;           /* line number where the current record starts */
	long next_line;      /* line number of the next unread character */
	char sep;            /* field separator: ',' (set by csv_open) or ';' */
	char **field;        /* field[i] points into buf, NUL-terminated */
	size_t nfield;
	/* private */
	char *buf;
	size_t len, cap;
	size_t *off;         /* offsets of fields in buf while buf may move */
	size_t fcap, fieldcap;
	char in[1 << 16];
	size_t ipos, ilen;
	int eof, started;
};

/* Opens path ("-" is stdin) with ',' as the separator (set c->sep to ';'
 * before the first csv_next for a semicolon file). Returns 0, or -1 with
 * err naming the file. */
int csv_open(struct csv *c, const char *path, struct ntm_err *err);
/* The same over len bytes at data (not copied: they must outlive c), named
 * name in messages. */
int csv_open_mem(struct csv *c, const char *name, const char *data, size_t len,
                 struct ntm_err *err);
/* Reads the next record: 1 when one was read, 0 at end of file, -1 on a
 * malformed record (err says file:line and what). Blank lines are skipped. */
int csv_next(struct csv *c, struct ntm_err *err);
void csv_close(struct csv *c);

/* Writes one field to f quoted as RFC 4180 requires (only when needed). */
void csv_put(FILE *f, const char *s);
/* Trims spaces and tabs around a cell in place; returns the cell. */
char *csv_trim(char *s);
/* s as one csv cell, quoted when it must be, in a new string (caller
 * frees); NULL when out of memory. For a cell written many times. */
char *csv_cell(const char *s);

#endif
