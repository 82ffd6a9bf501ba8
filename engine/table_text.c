/* table_text.c - a table (table.h) for the terminal: the annex's lines,
 * then the columns aligned by display width (utf8_width), so names with
 * diacritics line up; numbers right-aligned in the Vietnamese way; long
 * text cut at TEXT_MAX columns with an ellipsis (the csv and xlsx keep it
 * whole). Calls utf8.h. */
#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

#define TEXT_MAX 48       /* columns a text cell may take on the terminal */
#define CELL_MAX 1024     /* bytes of one cell as written */

static const char *head(const struct table *t, int j)
{
	return t->col[j].brief ? t->col[j].brief : t->col[j].head ? t->col[j].head : "";
}

/* The cell as shown: cut to TEXT_MAX columns. */
static void shown(const struct table *t, int j, const struct table_cell *c, char *buf, size_t cap)
{
	char *p;

	table_cell_text(t, j, c, 1, buf, cap);
	for (p = buf; *p; p++)   /* a line break in a cell would break the rows */
		if ((unsigned char)*p < 0x20)
			*p = ' ';
	if (utf8_width(buf) > TEXT_MAX) {
		size_t keep = utf8_prefix_cols(buf, TEXT_MAX - 1);

		if (keep + 4 <= cap)
			memcpy(buf + keep, "…", 4);   /* with its NUL */
	}
}

/* One line: spaces are held back until something follows them, so no
 * line ends in blanks. */
struct line {
	FILE *f;
	int pending;
};

static void put(struct line *l, const char *s, int w, int right)
{
	int n = (int)utf8_width(s);

	if (right)
		l->pending += n < w ? w - n : 0;
	if (*s) {
		for (; l->pending > 0; l->pending--)
			putc(' ', l->f);
		fputs(s, l->f);
	}
	if (!right)
		l->pending += n < w ? w - n : 0;
}

static void end(struct line *l)
{
	putc('\n', l->f);
	l->pending = 0;
}

static void rule(FILE *f, const struct table *t, const int *w)
{
	int j, k, first = 1;

	for (j = 0; j < t->ncol; j++) {
		if (!table_col_shown(t, j, TF_TEXT))
			continue;
		if (!first)
			fputs("  ", f);
		first = 0;
		for (k = 0; k < w[j]; k++)
			putc('-', f);
	}
	putc('\n', f);
}

int table_text_write(FILE *f, const struct table *t)
{
	const char *const lines[] = { t->form, t->title, t->place, t->period, t->source, t->measure };
	struct line l = { f, 0 };
	char buf[CELL_MAX];
	int *w, i, j;
	size_t k;

	if (!(w = calloc((size_t)(t->ncol ? t->ncol : 1), sizeof *w)))
		return -1;
	for (k = 0; k < sizeof lines / sizeof lines[0]; k++)
		if (lines[k])
			fprintf(f, "%s\n", lines[k]);
	putc('\n', f);
	for (j = 0; j < t->ncol; j++)
		w[j] = (int)utf8_width(head(t, j));
	for (i = 0; i < t->nrow; i++)
		for (j = 0; j < t->ncol; j++) {
			shown(t, j, &t->row[i].cell[j], buf, sizeof buf);
			if ((int)utf8_width(buf) > w[j])
				w[j] = (int)utf8_width(buf);
		}
	for (j = 0, k = 0; j < t->ncol; j++) {
		if (!table_col_shown(t, j, TF_TEXT))
			continue;
		l.pending += k++ ? 2 : 0;
		put(&l, head(t, j), w[j], table_col_numeric(t, j));
	}
	end(&l);
	rule(f, t, w);
	for (i = 0; i < t->nrow; i++) {
		const struct table_row *r = &t->row[i];

		/* a line between the body and the totals under it */
		if (r->kind == ROW_TOTAL && i > 0 && t->row[i - 1].kind == ROW_BODY)
			rule(f, t, w);
		for (j = 0, k = 0; j < t->ncol; j++) {
			if (!table_col_shown(t, j, TF_TEXT))
				continue;
			l.pending += k++ ? 2 : 0;
			shown(t, j, &r->cell[j], buf, sizeof buf);
			put(&l, buf, w[j], table_col_numeric(t, j));
		}
		end(&l);
	}
	if (t->nnote)
		putc('\n', f);
	for (i = 0; i < t->nnote; i++)
		fprintf(f, "%s\n", t->note[i]);
	free(w);
	return ferror(f) ? -1 : 0;
}
