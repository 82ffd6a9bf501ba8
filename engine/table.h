/* table.h - a titled table as plain data, laid out as an office's annex:
 * the form ("Biểu số 01"), title, place, period, source and unit of measure
 * above; typed columns; rows of cells (body or total); notes below. Built
 * by cmd_report.c; written by table_xlsx.c, table_csv.c, table_text.c,
 * table_md.c and table_html.c, one format each. Calls utf8.h for display
 * widths only. */
#ifndef NTM_TABLE_H
#define NTM_TABLE_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"

/* Column types: how numbers are shown and stored. A percent is held in
 * points (92.8), written to xlsx as a fraction with a percent format; a
 * year has no thousands mark. */
enum { TC_TEXT, TC_INT, TC_YEAR, TC_NUM, TC_PCT, TC_MVND, TC_TONNES, TC_STATUS, TC_N };
/* Cell kinds. A status is one of eval.h's ST_* (met .. n/a). */
enum { CELL_EMPTY, CELL_TEXT, CELL_NUM, CELL_STATUS };
enum { ROW_BODY, ROW_TOTAL };
/* Output formats. */
enum { TF_TEXT, TF_CSV, TF_MD, TF_XLSX, TF_HTML, TF_N };

struct table_col {
	char *key;           /* csv header: stable, English ("unit_name") */
	char *head;          /* Vietnamese header (xlsx, md) */
	char *brief;         /* shorter header for the terminal; NULL: head */
	int type;            /* TC_* */
	int decimals;        /* TC_NUM: at most this many (trailing zeros dropped) */
	int csv_only;        /* for programs only (a code, a bound): not in the annex */
};

struct table_cell {
	int kind;            /* CELL_* */
	int status;          /* CELL_STATUS: ST_* */
	double num;          /* CELL_NUM */
	char *text;          /* CELL_TEXT: Vietnamese */
	char *code;          /* CELL_TEXT: what csv writes instead; NULL: text */
};

struct table_row {
	int kind;            /* ROW_BODY or ROW_TOTAL (bold; csv leaves it out) */
	struct table_cell *cell;   /* [ncol] */
};

struct table {
	/* the annex's lines above the table, each optional but the title */
	char *sheet;         /* xlsx sheet name (at most 31 characters) */
	char *form;          /* "Biểu số 01" */
	char *title;
	char *place;         /* "Huyện Định Hóa, tỉnh Thái Nguyên" */
	char *period;        /* "Năm 2023" */
	char *source;        /* "Nguồn: ..." */
	char *measure;       /* "Đơn vị tính: triệu đồng" */
	struct table_col *col;
	int ncol, capcol;
	struct table_row *row;
	int nrow, caprow;
	char **note;         /* lines below the table (legend, remarks) */
	int nnote, capnote;
	int freeze_cols;     /* xlsx: columns kept in view beside the frozen header */
	int oom;             /* an allocation failed: the table is incomplete */
};

/* The status words of xlsx, text and md, by ST_*; csv writes eval.h's
 * stable names (met, unmet, unknown, open, n/a). */
extern const char *const table_status_word[];

void table_init(struct table *t);
void table_free(struct table *t);
/* Sets one of t's lines (&t->title, ...) printf-style; the old text is
 * freed. On out of memory sets t->oom. */
void table_set(struct table *t, char **line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Adds a column; returns its index, or -1 (t->oom). brief may be NULL.
 * A column whose head is NULL is written to csv only. */
int table_col(struct table *t, const char *key, const char *head, const char *brief,
              int type, int decimals);
/* Starts a row of empty cells; returns its index, or -1 (t->oom). Columns
 * are all added before the first row. */
int table_row(struct table *t, int kind);
/* Fill cell col of the last row. text NULL leaves it empty; code NULL: csv
 * writes the text. A NAN number leaves it empty. */
void table_text(struct table *t, int col, const char *text, const char *code);
void table_num(struct table *t, int col, double v);
void table_status(struct table *t, int col, int status);
void table_note(struct table *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The cell as the reader sees it: for a person (vn: "1.234,5", status
 * words) or for csv (vn 0: "1234.5", codes). */
void table_cell_text(const struct table *t, int col, const struct table_cell *c, int vn,
                     char *buf, size_t cap);
/* Whether column col holds numbers (right-aligned). */
int table_col_numeric(const struct table *t, int col);
/* Whether column col is written in format fmt (TF_*). */
int table_col_shown(const struct table *t, int col, int fmt);
/* v with at most decimals digits after the mark, trailing zeros dropped
 * unless fixed; vn: '.' between thousands and ',' before decimals. */
void table_fmt_num(char *buf, size_t cap, double v, int decimals, int fixed, int vn);

/* The format a file name asks for by its extension (.xlsx, .csv, .md,
 * .txt, .html), or -1. */
int table_format_of(const char *name);
/* A format by name ("text", "csv", "md", "xlsx", "html"), or -1. */
int table_format_parse(const char *s);

/* Writers: each returns 0, or -1 when the stream failed (ferror). */
int table_text_write(FILE *f, const struct table *t);
int table_md_write(FILE *f, const struct table *t);
/* bom: start with the UTF-8 byte order mark (for spreadsheet programs
 * that otherwise guess a legacy encoding). */
int table_csv_write(FILE *f, const struct table *t, int bom);
/* Writes tables t[0..n) as one workbook at path (one sheet each), through
 * libxlsxwriter. Returns 0, or -1 with err. */
int table_xlsx_write(const char *path, const struct table *const *t, int n, struct ntm_err *err);

/* HTML (table_html.c): the table as a <section> of a page, the page's
 * head and style being the caller's (report_html.c). */
struct table_html {
	const char *id;          /* the section's id and the table's data-table; NULL: none */
	/* columns (by key) whose text carries "[n]" references to the page's
	 * numbered sources: each becomes a link to #nguon-n; NULL-terminated */
	const char *const *ref_cols;
	/* an extra last column: its header, and its cells written by extra()
	 * as HTML (escaped by extra itself) for row i; NULL: none */
	const char *extra_head;
	void (*extra)(void *ud, const struct table *t, int row, FILE *f);
	void *ud;
};
/* Writes t as HTML; o may be NULL. Every text is escaped (html_escape).
 * Returns 0, or -1 when the stream failed. */
int table_html_write(FILE *f, const struct table *t, const struct table_html *o);
/* s as HTML text or a quoted attribute's value: & < > " ' as entities,
 * control characters but tab and line feed dropped. The one escaping
 * function of every HTML ntm writes. */
void html_escape(FILE *f, const char *s);

#endif
