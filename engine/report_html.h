/* report_html.h - `ntm report html`: the office's report as one
 * self-contained HTML page (no file, font, style or script from anywhere
 * else): title block, summary, the annex tables, charts as inline SVG, the
 * audit's findings, and the sources of every threshold and figure,
 * numbered. The annex tables come from the caller's builders (cmd_report.c)
 * through a callback; the page is written by report_html.c. */
#ifndef NTM_REPORT_HTML_H
#define NTM_REPORT_HTML_H

#include <stdio.h>

#include "ctx.h"
#include "table.h"

/* The sources a page cites, each text once, numbered in the order first
 * cited: the page lists them at its end as #nguon-1, #nguon-2 ... */
struct html_refs {
	char **text;
	int n, cap;
};
/* The number of text among r's sources (1, 2, ...), added when new; 0 when
 * out of memory. */
int html_ref(struct html_refs *r, const char *text);
void html_refs_free(struct html_refs *r);

/* The annex tables a page asks its caller for. */
enum { RH_CRITERIA, RH_INDICATORS, RH_SUMMARY, RH_FUNDING, RH_PROJECTS };

struct report_page {
	struct ctx *c;
	int top;                 /* the unit (index in c->units) */
	const char *place;       /* "Huyện Định Hóa, tỉnh Thái Nguyên" */
	int y0, y1;              /* the years, both given */
	const char *set;         /* the set (id or file) */
	const char *rules;       /* the audit's rule folders, as `ntm check --rules` */
	/* Builds annex table kind (RH_*) over years y0..y1 into t (an empty,
	 * initialised table); criterion: the indicators' criterion id. The
	 * figures' sources go into the table as "[n]" of refs. Returns 0, or -1
	 * with c->err. */
	int (*table)(void *ud, int kind, int y0, int y1, const char *criterion,
	             struct html_refs *refs, struct table *t);
	void *ud;
};

/* What a page holds, for the caller's one line. */
struct report_html_stats {
	int tables, charts, findings, sources;
};

/* Writes the page for pg to f; st may be NULL. Returns 0, or -1 with
 * pg->c->err (also when f failed). */
int report_html_write(FILE *f, const struct report_page *pg, struct report_html_stats *st);
/* Writes one table as a page of its own (ntm report TABLE --out
 * FILE.html). Returns 0, or -1 when f failed. */
int report_html_table(FILE *f, const struct table *t);

#endif
