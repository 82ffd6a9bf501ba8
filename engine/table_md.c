/* table_md.c - a table (table.h) as Markdown: the annex's lines as hard
 * broken lines, a pipe table with the numbers right-aligned, total rows in
 * bold, the notes as paragraphs. Characters Markdown would read as markup
 * are escaped. Calls table.c only. */
#include "table.h"

#define CELL_MAX 256     /* a number or a status */

/* s with Markdown's markup characters escaped; a line break as a space */
static void esc(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r') {
			putc(' ', f);
			continue;
		}
		switch (*s) {
		case '\\': case '|': case '*': case '_': case '`': case '<': case '>':
		case '[': case ']': case '#':
			putc('\\', f);
			break;
		}
		putc(*s, f);
	}
}

int table_md_write(FILE *f, const struct table *t)
{
	const char *const lines[] = { t->place, t->period, t->source, t->measure };
	char buf[CELL_MAX];
	int i, j, first = 1;
	size_t k;

	if (t->form) {
		fputs("**", f);
		esc(f, t->form);
		fputs("**\n\n", f);
	}
	if (t->title) {
		fputs("### ", f);
		esc(f, t->title);
		fputs("\n\n", f);
	}
	for (k = 0; k < sizeof lines / sizeof lines[0]; k++) {
		if (!lines[k])
			continue;
		if (!first)
			fputs("\\\n", f);   /* a hard line break */
		esc(f, lines[k]);
		first = 0;
	}
	if (!first)
		fputs("\n\n", f);
	fputs("|", f);
	for (j = 0; j < t->ncol; j++) {
		if (!table_col_shown(t, j, TF_MD))
			continue;
		putc(' ', f);
		esc(f, t->col[j].head ? t->col[j].head : "");
		fputs(" |", f);
	}
	fputs("\n|", f);
	for (j = 0; j < t->ncol; j++)
		if (table_col_shown(t, j, TF_MD))
			fputs(table_col_numeric(t, j) ? " ---: |" : " --- |", f);
	putc('\n', f);
	for (i = 0; i < t->nrow; i++) {
		const struct table_row *r = &t->row[i];

		fputs("|", f);
		for (j = 0; j < t->ncol; j++) {
			const char *s = buf;

			if (!table_col_shown(t, j, TF_MD))
				continue;
			if (r->cell[j].kind == CELL_TEXT)   /* whole, however long */
				s = r->cell[j].text;
			else
				table_cell_text(t, j, &r->cell[j], 1, buf, sizeof buf);
			putc(' ', f);
			if (*s && r->kind == ROW_TOTAL)
				fputs("**", f);
			esc(f, s);
			if (*s && r->kind == ROW_TOTAL)
				fputs("**", f);
			fputs(" |", f);
		}
		putc('\n', f);
	}
	for (i = 0; i < t->nnote; i++) {
		putc('\n', f);
		esc(f, t->note[i]);
		putc('\n', f);
	}
	return ferror(f) ? -1 : 0;
}
