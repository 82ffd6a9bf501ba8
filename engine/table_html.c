/* table_html.c - a table (table.h) as HTML for a page: a <section> with
 * the annex's lines above, a <table> whose numbers are right-aligned in the
 * Vietnamese way (table_cell_text), statuses as their words with a class
 * for their colour, totals in bold, notes below; "[n]" in the columns the
 * caller names linked to the page's numbered sources. Every text goes
 * through html_escape, the one escaping function. Calls table.c only. */
#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "eval.h"

#define CELL_MAX 256     /* a number or a status */

/* the class of a status cell, by ST_* */
static const char *const status_class[ST_N] = {
	"st st-met", "st st-unmet", "st st-unknown", "st st-open", "st st-na",
};

/* n bytes of s, escaped; a line feed becomes <br> when br */
static void escape(FILE *f, const char *s, size_t n, int br)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		switch (ch) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		case '\n': fputs(br ? "<br>" : "\n", f); break;
		case '\t': putc(' ', f); break;
		default:
			/* a control character has no place in a page */
			if (ch >= 0x20 && ch != 0x7f)
				putc(ch, f);
		}
	}
}

void html_escape(FILE *f, const char *s)
{
	if (s)
		escape(f, s, strlen(s), 0);
}

/* s with line breaks kept, and with "[n]" as links to #nguon-n when refs */
static void text(FILE *f, const char *s, int refs)
{
	const char *p = s, *q;

	while (refs && (q = strchr(p, '['))) {
		size_t d = strspn(q + 1, "0123456789");

		if (d == 0 || d > 6 || q[1 + d] != ']') {
			escape(f, p, (size_t)(q - p) + 1, 1);
			p = q + 1;
			continue;
		}
		escape(f, p, (size_t)(q - p), 1);
		fprintf(f, "<a class=\"ref\" href=\"#nguon-%.*s\">[%.*s]</a>", (int)d, q + 1, (int)d, q + 1);
		p = q + d + 2;
	}
	escape(f, p, strlen(p), 1);
}

static int is_ref_col(const struct table_html *o, const char *key)
{
	const char *const *k;

	for (k = o && o->ref_cols ? o->ref_cols : NULL; k && *k; k++)
		if (key && strcmp(*k, key) == 0)
			return 1;
	return 0;
}

/* Whether column j is headed by its short head: the statuses of a matrix
 * (one column per criterion), whose long heads are listed under it. */
static int brief(const struct table *t, int j)
{
	return t->col[j].type == TC_STATUS && t->col[j].brief && t->col[j].head;
}

/* one of the annex's lines, when there */
static void line(FILE *f, const char *tag, const char *cls, const char *s)
{
	if (!s)
		return;
	fprintf(f, "<%s class=\"%s\">", tag, cls);
	html_escape(f, s);
	fprintf(f, "</%s>\n", tag);
}

int table_html_write(FILE *f, const struct table *t, const struct table_html *o)
{
	const char *const meta[] = { t->place, t->period, t->source, t->measure };
	const char *id = o ? o->id : NULL;
	char buf[CELL_MAX];
	int i, j, first = 1, nbrief = 0;
	size_t k;

	fputs("<section class=\"bieu\"", f);
	if (id) {
		fputs(" id=\"", f);
		html_escape(f, id);
		putc('"', f);
	}
	fputs(">\n", f);
	line(f, "p", "form", t->form);
	line(f, "h3", "title", t->title);
	for (k = 0; k < sizeof meta / sizeof meta[0]; k++) {
		if (!meta[k])
			continue;
		fputs(first ? "<p class=\"meta\">" : "<br>\n", f);
		html_escape(f, meta[k]);
		first = 0;
	}
	if (!first)
		fputs("</p>\n", f);
	fputs("<div class=\"wrap\"><table", f);
	if (id) {
		fputs(" data-table=\"", f);
		html_escape(f, id);
		putc('"', f);
	}
	fputs(">\n<thead><tr>", f);
	for (j = 0; j < t->ncol; j++) {
		if (!table_col_shown(t, j, TF_HTML))
			continue;
		if (brief(t, j)) {   /* a matrix of statuses: the short head, the long one as its title */
			fputs("<th class=\"st-head\" title=\"", f);
			html_escape(f, t->col[j].head);
			fputs("\">", f);
			html_escape(f, t->col[j].brief);
			nbrief++;
		} else {
			fputs(table_col_numeric(t, j) ? "<th class=\"num\">" : "<th>", f);
			html_escape(f, t->col[j].head ? t->col[j].head : "");
		}
		fputs("</th>", f);
	}
	if (o && o->extra) {
		fputs("<th>", f);
		html_escape(f, o->extra_head ? o->extra_head : "");
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (i = 0; i < t->nrow; i++) {
		const struct table_row *r = &t->row[i];

		fputs(r->kind == ROW_TOTAL ? "<tr class=\"total\">" : "<tr>", f);
		for (j = 0; j < t->ncol; j++) {
			const struct table_cell *c = &r->cell[j];

			if (!table_col_shown(t, j, TF_HTML))
				continue;
			if (c->kind == CELL_STATUS) {
				fprintf(f, "<td class=\"%s\">", status_class[c->status]);
				html_escape(f, table_status_word[c->status]);
			} else if (c->kind == CELL_TEXT) {   /* whole, however long */
				fputs(table_col_numeric(t, j) ? "<td class=\"num\">" : "<td>", f);
				text(f, c->text, is_ref_col(o, t->col[j].key));
			} else {
				table_cell_text(t, j, c, 1, buf, sizeof buf);
				fputs(table_col_numeric(t, j) ? "<td class=\"num\">" : "<td>", f);
				html_escape(f, buf);
			}
			fputs("</td>", f);
		}
		if (o && o->extra) {
			fputs("<td class=\"refs\">", f);
			o->extra(o->ud, t, i, f);
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table></div>\n", f);
	/* the long heads the short ones stand for */
	for (j = 0, k = 0; nbrief && j < t->ncol; j++) {
		if (!table_col_shown(t, j, TF_HTML) || !brief(t, j))
			continue;
		fputs(k++ ? "; " : "<p class=\"note keys\">", f);
		html_escape(f, t->col[j].head);
	}
	if (nbrief)
		fputs(".</p>\n", f);
	for (i = 0; i < t->nnote; i++)
		line(f, "p", "note", t->note[i]);
	fputs("</section>\n", f);
	return ferror(f) ? -1 : 0;
}
