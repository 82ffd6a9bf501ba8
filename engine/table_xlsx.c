/* table_xlsx.c - tables (table.h) as one Excel workbook through
 * libxlsxwriter, one sheet each, laid out as an annex: the form, the title
 * and the lines under it across the table, the header frozen in view,
 * numbers stored as numbers with their formats (percent, million VND and
 * tonnes with a thousands mark), statuses as words on a coloured fill,
 * column widths that fit the content's display width (utf8_width). Calls
 * libxlsxwriter and utf8.h. */
#include "table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "eval.h"
#include "utf8.h"

#define WIDTH_MIN 5       /* characters */
#define WIDTH_MAX 50      /* a wider text column wraps */
#define HEAD_MAX 24       /* columns a header may ask for; it wraps */
#define CELL_MAX 256      /* a number or a status as text */
#define DEC_MAX 6

/* The formats of one workbook: plain and bold (total rows) of each. */
struct fmts {
	lxw_format *form, *title, *line, *period, *source, *measure, *head, *note;
	lxw_format *text[2], *wrap[2], *num[2][DEC_MAX + 1], *pct[2], *year[2], *status[2][ST_N];
};

static const lxw_color_t status_fill[ST_N] = {
	0xC6EFCE,   /* đạt: green */
	0xFFC7CE,   /* chưa đạt: red */
	0xE7E6E6,   /* chưa rõ: grey */
	0xFFEB9C,   /* chưa có ngưỡng: yellow */
	0xFFFFFF,   /* không áp dụng */
};

static lxw_format *cell_fmt(lxw_workbook *wb, int bold)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_border(f, LXW_BORDER_THIN);
	format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
	if (bold)
		format_set_bold(f);
	return f;
}

static void make_fmts(lxw_workbook *wb, struct fmts *x)
{
	static const char *const numfmt[DEC_MAX + 1] = {
		"#,##0", "#,##0.0", "#,##0.00", "#,##0.000", "#,##0.0000", "#,##0.00000", "#,##0.000000",
	};
	int b, d, s;

	x->form = workbook_add_format(wb);
	format_set_bold(x->form);
	x->title = workbook_add_format(wb);
	format_set_bold(x->title);
	format_set_font_size(x->title, 13);
	format_set_align(x->title, LXW_ALIGN_CENTER);
	format_set_align(x->title, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(x->title);
	x->line = workbook_add_format(wb);
	format_set_align(x->line, LXW_ALIGN_CENTER);
	x->period = workbook_add_format(wb);
	format_set_align(x->period, LXW_ALIGN_CENTER);
	format_set_italic(x->period);
	x->source = workbook_add_format(wb);
	format_set_italic(x->source);
	x->measure = workbook_add_format(wb);
	format_set_italic(x->measure);
	format_set_align(x->measure, LXW_ALIGN_RIGHT);
	x->head = cell_fmt(wb, 1);
	format_set_align(x->head, LXW_ALIGN_CENTER);
	format_set_text_wrap(x->head);
	format_set_bg_color(x->head, 0xD9E1F2);
	x->note = workbook_add_format(wb);
	format_set_italic(x->note);
	for (b = 0; b < 2; b++) {
		x->text[b] = cell_fmt(wb, b);
		x->wrap[b] = cell_fmt(wb, b);
		format_set_text_wrap(x->wrap[b]);
		for (d = 0; d <= DEC_MAX; d++) {
			x->num[b][d] = cell_fmt(wb, b);
			format_set_num_format(x->num[b][d], numfmt[d]);
		}
		x->pct[b] = cell_fmt(wb, b);
		format_set_num_format(x->pct[b], "0.0%");
		x->year[b] = cell_fmt(wb, b);
		format_set_num_format(x->year[b], "0");
		for (s = 0; s < ST_N; s++) {
			x->status[b][s] = cell_fmt(wb, b);
			format_set_bg_color(x->status[b][s], status_fill[s]);
		}
	}
}

/* Digits after the decimal mark v needs, at most max. */
static int decimals_of(double v, int max)
{
	char buf[64], *dot, *e;

	max = max < 0 ? 0 : max > DEC_MAX ? DEC_MAX : max;
	snprintf(buf, sizeof buf, "%.*f", max, v);
	if (!(dot = strchr(buf, '.')))
		return 0;
	for (e = buf + strlen(buf) - 1; e > dot && *e == '0'; e--)
		;
	return (int)(e - dot);
}

/* The words of s, one by one: the display width of each into w[] (at most
 * max); returns how many. */
static int word_widths(const char *s, int *w, int max)
{
	char word[512];
	int n = 0;

	while (*s && n < max) {
		size_t len = strcspn(s, " ");

		snprintf(word, sizeof word, "%.*s", (int)(len < sizeof word ? len : sizeof word - 1), s);
		w[n++] = (int)utf8_width(word);
		s += len;
		s += strspn(s, " ");
	}
	return n;
}

/* Lines s takes wrapped at word breaks into cols columns. */
static int wrapped_lines(const char *s, double cols)
{
	int w[128], n = word_widths(s, w, 128), i, lines = 1, at = 0;

	for (i = 0; i < n; i++) {
		if (at && at + 1 + w[i] > cols) {
			lines++;
			at = 0;
		}
		at += (at ? 1 : 0) + w[i];
	}
	return lines;
}

/* The width a header asks for: its longest word, and about half of it, so
 * that a long header wraps to two or three lines; at most HEAD_MAX. */
static int head_width(const char *s)
{
	int w[128], n = word_widths(s, w, 128), i, longest = 0, total = (int)utf8_width(s);
	int want;

	for (i = 0; i < n; i++)
		longest = w[i] > longest ? w[i] : longest;
	want = total <= 12 ? total : (total + 1) / 2;
	want = want > longest ? want : longest;
	return want > HEAD_MAX ? HEAD_MAX : want;
}

/* Column widths from the header and the cells as a person reads them;
 * wrap[j] when a text column is wider than WIDTH_MAX. */
static void widths(const struct table *t, double *w, int *wrap)
{
	char buf[CELL_MAX];
	int i, j;

	for (j = 0; j < t->ncol; j++) {
		if (!table_col_shown(t, j, TF_XLSX))
			continue;
		int hw = head_width(t->col[j].head ? t->col[j].head : ""), cw = 0;

		for (i = 0; i < t->nrow; i++) {
			const struct table_cell *c = &t->row[i].cell[j];
			int n;

			if (c->kind == CELL_TEXT) {
				n = (int)utf8_width(c->text);
			} else {
				table_cell_text(t, j, c, 1, buf, sizeof buf);
				n = (int)utf8_width(buf) + (t->col[j].type == TC_PCT);   /* the % sign */
			}
			if (n > cw)
				cw = n;
		}
		wrap[j] = cw > WIDTH_MAX;
		cw = cw > WIDTH_MAX ? WIDTH_MAX : cw;
		w[j] = (cw > hw ? cw : hw) + 2;
		if (w[j] < WIDTH_MIN)
			w[j] = WIDTH_MIN;
	}
}

/* One of the lines above the table, across all columns. */
static lxw_error banner(lxw_worksheet *ws, int row, int ncol, const char *s, lxw_format *f)
{
	if (ncol > 1)
		return worksheet_merge_range(ws, (lxw_row_t)row, 0, (lxw_row_t)row, (lxw_col_t)(ncol - 1), s, f);
	return worksheet_write_string(ws, (lxw_row_t)row, 0, s, f);
}

/* Cell c of column j into the sheet's column k. */
static lxw_error put_cell(lxw_worksheet *ws, const struct table *t, const struct fmts *x,
                          int row, int j, int xcol, const struct table_cell *c, int bold, int wrap)
{
	lxw_row_t r = (lxw_row_t)row;
	lxw_col_t k = (lxw_col_t)xcol;
	const struct table_col *col = &t->col[j];

	switch (c->kind) {
	case CELL_TEXT:
		return worksheet_write_string(ws, r, k, c->text, wrap ? x->wrap[bold] : x->text[bold]);
	case CELL_STATUS:
		return worksheet_write_string(ws, r, k, table_status_word[c->status], x->status[bold][c->status]);
	case CELL_NUM:
		if (col->type == TC_PCT)
			return worksheet_write_number(ws, r, k, c->num / 100, x->pct[bold]);
		if (col->type == TC_YEAR)
			return worksheet_write_number(ws, r, k, c->num, x->year[bold]);
		return worksheet_write_number(ws, r, k, c->num,
		                              x->num[bold][col->type == TC_NUM ? decimals_of(c->num, col->decimals) : 0]);
	}
	return worksheet_write_blank(ws, r, k, x->text[bold]);
}

/* One table as one sheet; returns the first libxlsxwriter error. */
static lxw_error sheet(lxw_workbook *wb, const struct table *t, const struct fmts *x,
                       struct ntm_err *err)
{
	const char *lines[] = { t->place, t->period, t->source, t->measure };
	lxw_format *lf[] = { x->line, x->period, x->source, x->measure };
	lxw_worksheet *ws = workbook_add_worksheet(wb, t->sheet);
	lxw_error e = LXW_NO_ERROR;
	double *w = calloc((size_t)t->ncol + 1, sizeof *w), total = 0;
	int *wrap = calloc((size_t)t->ncol + 1, sizeof *wrap);
	int *map = calloc((size_t)t->ncol + 1, sizeof *map);   /* sheet column -> table column */
	int row = 0, head, i, j, m, nx = 0, hl = 1;
	size_t k;

	if (!ws) {
		err_set(err, "xlsx: sheet name '%s' is not allowed (at most 31 characters, none of []:*?/\\)",
		        t->sheet ? t->sheet : "");
		e = LXW_ERROR_PARAMETER_VALIDATION;
		goto done;
	}
	if (!w || !wrap || !map) {
		err_set(err, "out of memory");
		e = LXW_ERROR_MEMORY_MALLOC_FAILED;
		goto done;
	}
	for (j = 0; j < t->ncol; j++)
		if (table_col_shown(t, j, TF_XLSX))
			map[nx++] = j;
	widths(t, w, wrap);
	for (m = 0; m < nx; m++) {
		total += w[map[m]];
		if (!e)
			e = worksheet_set_column(ws, (lxw_col_t)m, (lxw_col_t)m, w[map[m]], NULL);
	}
	if (t->form && !e)
		e = worksheet_write_string(ws, (lxw_row_t)row++, 0, t->form, x->form);
	if (t->title && !e) {
		/* a title wider than the table gets the lines it wraps to */
		double lines_needed = ceil(1.2 * (double)utf8_width(t->title) / (total > 1 ? total : 1));

		if (lines_needed > 1)
			e = worksheet_set_row(ws, (lxw_row_t)row, 18 * lines_needed, NULL);
		if (!e)
			e = banner(ws, row++, nx, t->title, x->title);
	}
	for (k = 0; k < sizeof lines / sizeof lines[0] && !e; k++)
		if (lines[k])
			e = banner(ws, row++, nx, lines[k], lf[k]);
	row++;   /* a blank line above the header */
	head = row;
	for (m = 0; m < nx && !e; m++) {
		const char *h = t->col[map[m]].head;
		int n = wrapped_lines(h, w[map[m]] - 1);

		hl = n > hl ? n : hl;
		e = worksheet_write_string(ws, (lxw_row_t)head, (lxw_col_t)m, h, x->head);
	}
	if (hl > 1 && !e)
		e = worksheet_set_row(ws, (lxw_row_t)head, 15 * hl, NULL);
	row++;
	for (i = 0; i < t->nrow && !e; i++, row++)
		for (m = 0; m < nx && !e; m++)
			e = put_cell(ws, t, x, row, map[m], m, &t->row[i].cell[map[m]],
			             t->row[i].kind == ROW_TOTAL, wrap[map[m]]);
	if (t->nnote)
		row++;
	for (i = 0; i < t->nnote && !e; i++)
		e = worksheet_write_string(ws, (lxw_row_t)row++, 0, t->note[i], x->note);
	if (!e) {
		worksheet_freeze_panes(ws, (lxw_row_t)(head + 1), (lxw_col_t)t->freeze_cols);
		worksheet_set_landscape(ws);
		worksheet_set_paper(ws, 9);   /* A4 */
		worksheet_fit_to_pages(ws, 1, 0);
		e = worksheet_repeat_rows(ws, (lxw_row_t)head, (lxw_row_t)head);
	}
	if (e && !err->set)
		err_set(err, "xlsx: sheet '%s': %s", t->sheet ? t->sheet : "", lxw_strerror(e));
done:
	free(map);
	free(w);
	free(wrap);
	return e;
}

int table_xlsx_write(const char *path, const struct table *const *t, int n, struct ntm_err *err)
{
	lxw_workbook_options o = { 0 };
	lxw_doc_properties props = { 0 };
	lxw_workbook *wb;
	struct fmts x;
	lxw_error e = LXW_NO_ERROR;
	int i;

	o.tmpdir = getenv("TMPDIR");
	if (!(wb = workbook_new_opt(path, &o)))
		return err_set(err, "xlsx: cannot start the workbook (out of memory)");
	make_fmts(wb, &x);
	props.title = n > 0 ? t[0]->title : NULL;
	props.comments = "ntm report";
	e = workbook_set_properties(wb, &props);
	for (i = 0; i < n && !e; i++)
		e = sheet(wb, t[i], &x, err);
	if (e) {
		if (!err->set)
			err_set(err, "xlsx: %s", lxw_strerror(e));
		workbook_close(wb);   /* frees it; the caller throws the file away */
		return -1;
	}
	if ((e = workbook_close(wb)) != LXW_NO_ERROR)
		return err_set(err, "xlsx: cannot write the workbook: %s", lxw_strerror(e));
	return 0;
}
