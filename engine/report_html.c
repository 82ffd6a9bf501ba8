/* report_html.c - the report page (report_html.h): one HTML file that
 * needs nothing else (its style inline, charts as inline SVG, no script, a
 * Content-Security-Policy that forbids every load), printable on A4
 * landscape. The annex tables come from the caller's builders and are
 * written by table_html.c; the charts are drawn from those tables by chart.c
 * (chart_render, through gnuplot); the audit runs lua_check.h's rules; the
 * sources of figures and thresholds come from evalrun.h, reads.h and
 * check.h. Every text goes through html_escape (table_html.c). */
#include "report_html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "chart.h"
#include "check.h"
#include "evalrun.h"
#include "gnuplot.h"
#include "i18n.h"
#include "lua_check.h"
#include "reads.h"

/* ---- numbered sources ---------------------------------------------------- */

int html_ref(struct html_refs *r, const char *text)
{
	int i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->text[i], text) == 0)
			return i + 1;
	if (r->n == r->cap) {
		int nc = r->cap ? 2 * r->cap : 32;
		char **nt = realloc(r->text, (size_t)nc * sizeof *nt);

		if (!nt)
			return 0;
		r->text = nt;
		r->cap = nc;
	}
	if (!(r->text[r->n] = strdup(text)))
		return 0;
	return ++r->n;
}

void html_refs_free(struct html_refs *r)
{
	int i;

	for (i = 0; i < r->n; i++)
		free(r->text[i]);
	free(r->text);
	memset(r, 0, sizeof *r);
}

/* The sources of one row of a table, ascending, each once. */
struct refset {
	int *v;
	int n, cap;
};

static int refset_add(struct refset *s, int ref)
{
	int i, *nv;

	for (i = 0; i < s->n && s->v[i] < ref; i++)
		;
	if (i < s->n && s->v[i] == ref)
		return 0;
	if (s->n == s->cap) {
		if (!(nv = realloc(s->v, (size_t)(s->cap ? 2 * s->cap : 4) * sizeof *nv)))
			return -1;
		s->v = nv;
		s->cap = s->cap ? 2 * s->cap : 4;
	}
	memmove(s->v + i + 1, s->v + i, (size_t)(s->n - i) * sizeof *s->v);
	s->v[i] = ref;
	s->n++;
	return 0;
}

static void refsets_free(struct refset *s, int n)
{
	int i;

	for (i = 0; s && i < n; i++)
		free(s[i].v);
	free(s);
}

/* table_html's extra column: the row's sources as links */
static void refs_cell(void *ud, const struct table *t, int row, FILE *f)
{
	const struct refset *s = (const struct refset *)ud + row;
	int i;

	(void)t;
	for (i = 0; i < s->n; i++)
		fprintf(f, "%s<a class=\"ref\" href=\"#nguon-%d\">[%d]</a>", i ? " " : "", s->v[i], s->v[i]);
}

/* ---- the page's style ---------------------------------------------------- */

static const char style[] =
	":root{--ink:#1f2328;--muted:#57606a;--rule:#c9cdd2;--head:#eceff2}\n"
	"*{box-sizing:border-box}\n"
	"html{font-family:\"DejaVu Sans\",\"Segoe UI\",Arial,sans-serif;color:var(--ink);background:#fff}\n"
	"body{margin:0 auto;padding:20px 28px 40px;max-width:1500px;font-size:14px;line-height:1.45}\n"
	"header.cover{border-bottom:2px solid var(--ink);padding-bottom:10px;margin-bottom:14px}\n"
	"header.cover .kicker{text-transform:uppercase;letter-spacing:.05em;font-size:12px;"
	"color:var(--muted);margin:0}\n"
	"h1{font-size:23px;margin:2px 0 8px}\n"
	"h2{font-size:18px;margin:26px 0 8px;padding-bottom:3px;border-bottom:1px solid var(--rule)}\n"
	"h3{font-size:15px;margin:4px 0}\n"
	"dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:1px 14px;margin:0}\n"
	"dl.facts dt{color:var(--muted)}\n"
	"dl.facts dd{margin:0}\n"
	"nav.toc ol{margin:4px 0;padding-left:22px;columns:2}\n"
	"nav.toc li{break-inside:avoid}\n"
	"a{color:#1b4f8a}\n"
	"a.ref{text-decoration:none;white-space:nowrap}\n"
	"p.lead{max-width:1100px}\n"
	"section.bieu{margin:16px 0 26px}\n"
	"p.form{font-weight:bold;margin:0}\n"
	"p.meta{margin:2px 0 8px;color:var(--muted);font-size:13px}\n"
	".wrap{overflow-x:auto}\n"
	"table{border-collapse:collapse;font-size:12.5px}\n"
	"th,td{border:1px solid var(--rule);padding:3px 6px;vertical-align:top;text-align:left}\n"
	"th{background:var(--head);font-weight:600;vertical-align:bottom}\n"
	"th.num,td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
	"td.num{white-space:nowrap}\n"
	"tr.total td{font-weight:bold;background:#f6f7f8}\n"
	"td.refs{white-space:nowrap}\n"
	"td.st{font-size:11.5px}\n"
	"th.st-head{text-align:center}\n"
	".st-met{background:#dcefe1;color:#1d5e33}\n"
	".st-unmet{background:#f6d6d9;color:#86202b}\n"
	".st-unknown{background:#e3e6e9;color:#3d4852}\n"
	".st-open{background:#fbeec4;color:#5e4a00}\n"
	".st-na{background:#f4f4f4;color:#6b7280}\n"
	"p.note{font-size:12px;color:var(--muted);margin:4px 0;max-width:1100px}\n"
	"ul.legend{list-style:none;padding:0;margin:6px 0}\n"
	"ul.legend li{margin:2px 0}\n"
	"ul.legend .st{display:inline-block;min-width:12em;padding:1px 6px;border:1px solid var(--rule);"
	"margin-right:8px}\n"
	"figure{margin:10px 0 22px}\n"
	"figure svg{display:block;width:100%;max-width:960px;height:auto}\n"
	"figure svg image{image-rendering:pixelated}\n"
	"figcaption{font-size:13px;color:var(--muted);max-width:960px}\n"
	"ol.sources{list-style:none;padding:0;max-width:1200px}\n"
	"ol.sources li{margin:2px 0;padding-left:3.2em;text-indent:-3.2em}\n"
	"ol.sources li:target{background:#fff4cc}\n"
	"@page{size:A4 landscape;margin:10mm}\n"
	"@media print{\n"
	" body{max-width:none;padding:0;font-size:9pt}\n"
	" nav.toc{display:none}\n"
	" .wrap{overflow:visible}\n"
	" table,td.st{font-size:7pt}\n"
	" th,td{padding:1px 3px}\n"
	" td.num{white-space:normal}\n"
	" thead{display:table-header-group}\n"
	" tr,figure{break-inside:avoid}\n"
	" h2,h3,p.form,p.meta{break-after:avoid}\n"
	" section.part{break-before:page}\n"
	" section#tong-hop{break-before:auto}\n"
	" figure svg{max-width:250mm;max-height:165mm}\n"
	" a{color:inherit}\n"
	" *{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
	"}\n";

/* The document up to <body>: nothing may load from anywhere (the policy
 * lets in the inline style and the images gnuplot embeds as data). */
static void doc_head(FILE *f, const char *title)
{
	fputs("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	      "style-src 'unsafe-inline'; img-src data:\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<meta name=\"generator\" content=\"ntm\">\n<title>", f);
	html_escape(f, title);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
}

int report_html_table(FILE *f, const struct table *t)
{
	struct table_html o = { 0 };

	o.id = "bieu";
	doc_head(f, t->title ? t->title : t->form ? t->form : "ntm");
	table_html_write(f, t, &o);
	fputs("</body>\n</html>\n", f);
	return ferror(f) ? -1 : 0;
}

/* ---- the page ------------------------------------------------------------ */

static const char *const level_word[LV_N] = {
	[LV_PROVINCE] = "tỉnh", [LV_DISTRICT] = "huyện", [LV_COMMUNE] = "xã",
	[LV_TOWNSHIP] = "thị trấn", [LV_WARD] = "phường", [LV_VILLAGE] = "thôn" };
static const char *const severity_word[CHK_NSEV] = { "lỗi", "cảnh báo", "thông tin" };

/* the funds in the order of the tables, with ntm plot's colours */
static const char *const fund_code[] = {
	"central", "province", "district", "commune", "sponsor", "people", "credit", "other",
};
static const char *const fund_color[] = {
	"#1b6ca8", "#e07b39", "#3a9e5a", "#c9a227", "#8e5ea2", "#d1495b", "#5f6b73", "#66a3a3",
};
#define NFUND ((int)(sizeof fund_code / sizeof fund_code[0]))

#define MAX_CHARTS 3

struct page {
	const struct report_page *pg;
	struct ctx *c;
	FILE *f;
	const struct critset *s;     /* r's set */
	int lv;                      /* the set's level (LV_*) */
	struct html_refs refs;
	struct evalrun r;
	int have_r;
	struct results R;
	struct table sum, crit, fund, proj, audit, thr;
	int have_fund, have_proj;
	struct table *ind;           /* Biểu 02 for each criterion not met everywhere */
	int *ind_crit;               /* its criterion (index in the set) */
	int nind;
	struct refset *crit_rows, *fund_rows, *proj_rows;
	struct reads_funding *fr;    /* funding rows, for the chart and the summary */
	int nfr;
	char *svg[MAX_CHARTS];
	char cap[MAX_CHARTS][512];
	int nsvg;
	struct check_findings fs;
	int nrules;
};

static int oom(struct page *P)
{
	return err_set(&P->c->err, "%s", _("out of memory"));
}

/* Index of the column keyed key, or -1. */
static int col_of(const struct table *t, const char *key)
{
	int j;

	for (j = 0; j < t->ncol; j++)
		if (t->col[j].key && strcmp(t->col[j].key, key) == 0)
			return j;
	return -1;
}

static double cell_num(const struct table *t, int row, int col)
{
	return col < 0 || t->row[row].cell[col].kind != CELL_NUM ? (double)NAN : t->row[row].cell[col].num;
}

/* The code csv would write (its text when it has none), or "". */
static const char *cell_code(const struct table *t, int row, int col)
{
	const struct table_cell *c;

	if (col < 0)
		return "";
	c = &t->row[row].cell[col];
	return c->kind != CELL_TEXT ? "" : c->code ? c->code : c->text;
}

static const char *cell_text(const struct table *t, int row, int col)
{
	return col < 0 || t->row[row].cell[col].kind != CELL_TEXT ? "" : t->row[row].cell[col].text;
}

/* One annex table from the caller; t comes back initialised either way. */
static int build(struct page *P, int kind, int y0, int y1, const char *criterion, struct table *t)
{
	const struct report_page *pg = P->pg;

	table_init(t);
	if (pg->table(pg->ud, kind, y0, y1, criterion, &P->refs, t) < 0)
		return -1;
	return t->oom ? oom(P) : 0;
}

/* Biểu 01's rows: the sources of the figures each commune was judged on. */
static int crit_sources(struct page *P)
{
	struct ctx *c = P->c;
	const struct table *t = &P->crit;
	const struct critset *s = P->s;
	struct reads_source src = { 0 };
	int ccode = col_of(t, "unit_code"), y = P->pg->y1, row, v, rc = -1;

	if (!(P->crit_rows = calloc((size_t)t->nrow + 1, sizeof *P->crit_rows)))
		return oom(P);
	if (reads_source_open(&src, c->db, &c->err) < 0)
		return -1;
	for (row = 0; row < t->nrow; row++) {
		const double *vals;
		const unsigned char *q;
		int64_t u;
		int i;

		/* the unit of the code in the table's year (a code may have been
		 * given to a new unit since) */
		if (t->row[row].kind != ROW_BODY ||
		    (u = unitset_code(&c->units, cell_text(t, row, ccode), y)) < 0 ||
		    (i = results_find(&P->R, (int)u)) < 0)
			continue;
		vals = evalrun_vals(&P->r, i, y);
		q = P->r.data.q + (vals - P->r.data.vals);
		for (v = 0; v < s->nvar; v++) {
			const char *text;
			double stored;
			int n;

			if ((s->agg && s->agg[v].kind != AG_NONE) || isnan(vals[v]))
				continue;
			if (!(text = reads_source_of(&src, c->units.u[u].id, s->var[v], y, q[v], &stored)))
				continue;
			if (!(n = html_ref(&P->refs, text)) || refset_add(&P->crit_rows[row], n) < 0) {
				oom(P);
				goto done;
			}
		}
	}
	rc = 0;
done:
	reads_source_close(&src);
	return rc;
}

/* One row of the store read by check.h, the fields the tables match on. */
struct srow {
	int year, quarter;
	char *a, *b, *cc;      /* funding: fund, kind; projects: name, category, status */
	char *source;
};

static void srows_free(struct srow *w, int n)
{
	int i;

	for (i = 0; w && i < n; i++) {
		free(w[i].a);
		free(w[i].b);
		free(w[i].cc);
		free(w[i].source);
	}
	free(w);
}

/* Every funding or projects row of the unit and the units below it, with
 * its source. *out: caller frees with srows_free. */
static int read_rows(struct page *P, int what, struct srow **out, int *n)
{
	struct ctx *c = P->c;
	struct check_query q = { 0 };
	struct check_cursor cur = { 0 };
	struct check_row row;
	struct srow *w = NULL, *nw;
	int cap = 0, k, rc = -1;

	*out = NULL;
	*n = 0;
	q.what = what;
	q.root_id = c->units.u[P->pg->top].id;
	q.quarter = -1;
	if (check_open(c->db, &q, &cur, &c->err) < 0)
		return -1;
	while ((k = check_next(&cur, &row, &c->err)) == 1) {
		struct srow *x;

		if (row.year < P->pg->y0 || row.year > P->pg->y1 || !row.source)
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 64;
			if (!(nw = realloc(w, (size_t)cap * sizeof *nw))) {
				oom(P);
				goto done;
			}
			w = nw;
		}
		x = &w[(*n)++];
		memset(x, 0, sizeof *x);
		x->year = row.year;
		x->quarter = row.quarter;
		x->source = strdup(row.source);
		if (what == CHK_FUNDING) {
			x->a = strdup(row.fund ? row.fund : "");
			x->b = strdup(row.kind ? row.kind : "");
			x->cc = strdup("");
		} else {
			x->a = strdup(row.name ? row.name : "");
			x->b = strdup(row.category ? row.category : "");
			x->cc = strdup(row.status ? row.status : "");
		}
		if (!x->source || !x->a || !x->b || !x->cc) {
			oom(P);
			goto done;
		}
	}
	if (k == 0)
		rc = 0;
done:
	check_close(&cur);
	if (rc < 0) {
		srows_free(w, *n);
		*n = 0;
		return -1;
	}
	*out = w;
	return 0;
}

/* Biểu 04's and 05's rows: the sources of the rows of the store each sums
 * (funding: year, fund and kind; a work: year, quarter, name, category and
 * status). */
static int row_sources(struct page *P, int what, const struct table *t, struct refset **out)
{
	struct srow *w;
	int n, row, k, cy, ca, cb, cc, cq;

	if (read_rows(P, what, &w, &n) < 0)
		return -1;
	if (!(*out = calloc((size_t)t->nrow + 1, sizeof **out))) {
		srows_free(w, n);
		return oom(P);
	}
	cy = col_of(t, "year");
	cq = what == CHK_FUNDING ? -1 : col_of(t, "quarter");
	ca = col_of(t, what == CHK_FUNDING ? "fund" : "name");
	cb = col_of(t, what == CHK_FUNDING ? "kind" : "category");
	cc = what == CHK_FUNDING ? -1 : col_of(t, "status");
	for (row = 0; row < t->nrow; row++) {
		if (t->row[row].kind != ROW_BODY)
			continue;
		for (k = 0; k < n; k++) {
			int ref;

			if (w[k].year != (int)cell_num(t, row, cy) || strcmp(w[k].a, cell_code(t, row, ca)) != 0 ||
			    strcmp(w[k].b, cell_code(t, row, cb)) != 0 ||
			    (cc >= 0 && strcmp(w[k].cc, cell_code(t, row, cc)) != 0) ||
			    (cq >= 0 && w[k].quarter != atoi(cell_code(t, row, cq))))
				continue;
			if (!(ref = html_ref(&P->refs, w[k].source)) || refset_add(&(*out)[row], ref) < 0) {
				srows_free(w, n);
				return oom(P);
			}
		}
	}
	srows_free(w, n);
	return 0;
}

/* ---- charts, drawn from the tables ---------------------------------------- */

/* Draws ch (freed here) into the page's next chart, with its caption. */
static int draw(struct page *P, struct chart *ch, int h, const char *caption)
{
	size_t len;

	if (!ch)
		return oom(P);
	if (P->nsvg == MAX_CHARTS) {
		chart_free(ch);
		return 0;
	}
	if (chart_render(ch, "svg", 960, h, &P->svg[P->nsvg], &len, &P->c->err) < 0) {
		chart_free(ch);
		return -1;
	}
	snprintf(P->cap[P->nsvg++], sizeof P->cap[0], "%s", caption);
	chart_free(ch);
	return 0;
}

static void years_text(char *buf, size_t cap, int y0, int y1)
{
	if (y0 == y1)
		snprintf(buf, cap, "năm %d", y0);
	else
		snprintf(buf, cap, "%d–%d", y0, y1);
}

/* Units meeting the set per year, from Biểu 03. */
static int chart_units_met(struct page *P)
{
	const struct table *t = &P->sum;
	const struct unit *u = &P->c->units.u[P->pg->top];
	const char *key[] = { "met", "could", "cannot", "criteria_met_mean" };
	const char *name[] = { "Đạt chuẩn (chắc chắn)", "Có thể đạt (chờ ngưỡng, thiếu số liệu)", "Chưa đạt",
	                       "Số tiêu chí đạt bình quân" };
	const char *color[] = { "#3a9e5a", "#e9c46a", "#d1495b", "#1b6ca8" };
	struct chart *ch;
	int row, n = 0, k, cy = col_of(t, "year");
	char text[512], yrs[32], num[16];

	for (row = 0; row < t->nrow; row++)
		n += t->row[row].kind == ROW_BODY;
	if (!n || !(ch = chart_new(CH_STACKED, n)))
		return n ? oom(P) : 0;
	for (k = 0; k < 4; k++) {
		struct chart_series *x = chart_add(ch, name[k]);

		if (!x) {
			chart_free(ch);
			return oom(P);
		}
		chart_color(x, color[k]);
		x->y2 = k == 3;
	}
	for (row = 0, n = 0; row < t->nrow; row++) {
		if (t->row[row].kind != ROW_BODY)
			continue;
		snprintf(num, sizeof num, "%.0f", cell_num(t, row, cy));
		chart_set_cat(ch, n, num);
		for (k = 0; k < 4; k++)
			ch->ser[k].v[n] = cell_num(t, row, col_of(t, key[k]));
		n++;
	}
	years_text(yrs, sizeof yrs, P->pg->y0, P->pg->y1);
	snprintf(text, sizeof text, "%s: số %s đạt bộ tiêu chí %s, %s", u->name, level_word[P->lv], P->s->id, yrs);
	if (chart_text(ch, &ch->title, text) < 0 || chart_text(ch, &ch->ylabel, "Số đơn vị") < 0 ||
	    chart_text(ch, &ch->y2label, "Tiêu chí đạt bình quân") < 0) {
		chart_free(ch);
		return oom(P);
	}
	snprintf(text, sizeof text, "Hình 1. Số %s đạt chuẩn chắc chắn, có thể đạt và chưa đạt theo năm (cột, trục "
	         "trái) và số tiêu chí đạt bình quân (đường, trục phải); số liệu ở Biểu số 03.", level_word[P->lv]);
	return draw(P, ch, 480, text);
}

/* Pixels for a heat map of n rows: room for its legend, at most gnuplot's. */
static int heat_height(int n)
{
	long h = 170 + 18L * n;

	return h < 340 ? 340 : h > GP_SIZE_MAX ? GP_SIZE_MAX : (int)h;
}

/* The criteria of the one unit judged, year by year (rows of ch replaced). */
static int chart_heat_years(struct page *P, struct chart *ch, const int *col, int ncat)
{
	const struct table *t = &P->crit;
	const struct results *R = &P->R;
	const struct unit *u = &P->c->units.u[R->unit[0]];
	struct chart *yc;
	char text[512], num[16];
	int y, j;

	chart_free(ch);
	if (!(yc = chart_new(CH_HEAT, ncat)))
		return oom(P);
	yc->status_map = 1;
	for (j = 0; j < ncat; j++)
		if (chart_set_cat(yc, j, t->col[col[j]].key + 10) < 0) {
			chart_free(yc);
			return oom(P);
		}
	for (y = P->pg->y0; y <= P->pg->y1; y++) {
		struct chart_series *x;

		snprintf(num, sizeof num, "%d", y);
		if (!(x = chart_add(yc, num))) {
			chart_free(yc);
			return oom(P);
		}
		for (j = 0; j < ncat; j++) {
			int k = crit_find_criterion(P->s, t->col[col[j]].key + 10);

			x->v[j] = k >= 0 && results_judged(R, 0, y) ? chart_status_shade(results_crit(R, 0, y, k)) : CH_ST_NONE;
		}
	}
	snprintf(text, sizeof text, "%s: tiêu chí %s theo năm, %d–%d", u->name, P->s->id, P->pg->y0, P->pg->y1);
	if (chart_text(yc, &yc->title, text) < 0 || chart_text(yc, &yc->xlabel, "Tiêu chí") < 0) {
		chart_free(yc);
		return oom(P);
	}
	snprintf(text, sizeof text, "Hình 2. Kết quả từng tiêu chí của %s theo năm: đạt, chưa đạt, thiếu số liệu, "
	         "chưa có ngưỡng, không áp dụng, không đánh giá năm đó.", u->name);
	return draw(P, yc, heat_height(P->pg->y1 - P->pg->y0 + 1), text);
}

/* Each commune's criteria in the last year, from Biểu 01. */
static int chart_heat(struct page *P)
{
	const struct table *t = &P->crit;
	const struct unit *u = &P->c->units.u[P->pg->top];
	int col[256], ncat = 0, j, row, cname = col_of(t, "unit_name"), nrow = 0;
	struct chart *ch;
	char text[512];

	for (j = 0; j < t->ncol && ncat < 256; j++)
		if (strncmp(t->col[j].key, "criterion_", 10) == 0)
			col[ncat++] = j;
	for (row = 0; row < t->nrow; row++)
		nrow += t->row[row].kind == ROW_BODY;
	if (!ncat || !nrow)
		return 0;
	if (!(ch = chart_new(CH_HEAT, ncat)))
		return oom(P);
	ch->status_map = 1;
	for (j = 0; j < ncat; j++)
		if (chart_set_cat(ch, j, t->col[col[j]].key + 10) < 0) {
			chart_free(ch);
			return oom(P);
		}
	for (row = 0; row < t->nrow; row++) {
		struct chart_series *x;

		if (t->row[row].kind != ROW_BODY)
			continue;
		if (!(x = chart_add(ch, cell_text(t, row, cname)))) {
			chart_free(ch);
			return oom(P);
		}
		for (j = 0; j < ncat; j++) {
			const struct table_cell *c = &t->row[row].cell[col[j]];

			x->v[j] = c->kind == CELL_STATUS ? chart_status_shade(c->status) : CH_ST_NONE;
		}
	}
	/* one unit: its years as rows, as `ntm plot heatmap` draws it */
	if (nrow == 1 && P->pg->y0 < P->pg->y1 && P->R.nunit == 1)
		return chart_heat_years(P, ch, col, ncat);
	snprintf(text, sizeof text, "%s: tiêu chí %s theo %s, năm %d", u->name, P->s->id, level_word[P->lv],
	         P->pg->y1);
	if (chart_text(ch, &ch->title, text) < 0 || chart_text(ch, &ch->xlabel, "Tiêu chí") < 0) {
		chart_free(ch);
		return oom(P);
	}
	snprintf(text, sizeof text, "Hình 2. Kết quả từng tiêu chí của từng %s năm %d (Biểu số 01): đạt, chưa đạt, "
	         "thiếu số liệu, chưa có ngưỡng, không áp dụng.", level_word[P->lv], P->pg->y1);
	return draw(P, ch, heat_height(nrow), text);
}

/* Money allocated by fund per year, with the disbursement rate. */
static int chart_funding(struct page *P)
{
	const struct table *t = &P->fund;
	const struct unit *u = &P->c->units.u[P->pg->top];
	int years[64], ny = 0, used[NFUND] = { 0 }, i, j, k, cf = col_of(t, "fund");
	double alloc[64][NFUND], disb[64], rep[64];
	struct chart *ch;
	char text[512], yrs[32], num[16];

	memset(alloc, 0, sizeof alloc);
	memset(disb, 0, sizeof disb);
	memset(rep, 0, sizeof rep);
	for (i = 0; i < P->nfr; i++) {
		const struct reads_funding *x = &P->fr[i];

		if (isnan(x->alloc_mvnd))
			continue;
		if (ny == 0 || years[ny - 1] != x->year) {
			if (ny == 64)
				break;
			years[ny++] = x->year;
		}
		for (j = 0; j < NFUND && strcmp(fund_code[j], x->fund) != 0; j++)
			;
		if (j == NFUND)
			j = NFUND - 1;   /* a fund the list does not know counts as other */
		alloc[ny - 1][j] += x->alloc_mvnd;
		used[j] = 1;
		if (!isnan(x->disb_mvnd) && !isnan(x->rep_mvnd)) {
			disb[ny - 1] += x->disb_mvnd;
			rep[ny - 1] += x->rep_mvnd;
		}
	}
	if (!ny)
		return 0;
	if (!(ch = chart_new(CH_STACKED, ny)))
		return oom(P);
	for (i = 0; i < ny; i++) {
		snprintf(num, sizeof num, "%d", years[i]);
		chart_set_cat(ch, i, num);
	}
	for (j = 0; j < NFUND; j++) {
		const char *label = fund_code[j];
		struct chart_series *x;

		if (!used[j])
			continue;
		/* the fund's name as Biểu 04 writes it */
		for (k = 0; k < t->nrow; k++)
			if (strcmp(cell_code(t, k, cf), fund_code[j]) == 0) {
				label = cell_text(t, k, cf);
				break;
			}
		if (!(x = chart_add(ch, label))) {
			chart_free(ch);
			return oom(P);
		}
		chart_color(x, fund_color[j]);
		for (i = 0; i < ny; i++)
			x->v[i] = alloc[i][j];
	}
	{
		struct chart_series *x = chart_add(ch, "Tỷ lệ giải ngân (%)");

		if (!x) {
			chart_free(ch);
			return oom(P);
		}
		x->y2 = 1;
		chart_color(x, "#222222");
		for (i = 0; i < ny; i++)
			x->v[i] = rep[i] > 0 ? 100 * disb[i] / rep[i] : NAN;
	}
	years_text(yrs, sizeof yrs, years[0], years[ny - 1]);
	snprintf(text, sizeof text, "%s: vốn phân bổ theo nguồn và tỷ lệ giải ngân, %s", u->name, yrs);
	if (chart_text(ch, &ch->title, text) < 0 || chart_text(ch, &ch->ylabel, "Triệu đồng") < 0 ||
	    chart_text(ch, &ch->y2label, "Tỷ lệ giải ngân (%)") < 0) {
		chart_free(ch);
		return oom(P);
	}
	return draw(P, ch, 480, "Hình 3. Vốn phân bổ theo nguồn (cột, triệu đồng, trục trái) và tỷ lệ giải ngân "
	            "trên phần vốn đã báo cáo giải ngân (đường, trục phải); xi măng không tính; số liệu ở "
	            "Biểu số 04.");
}

/* ---- the audit and the thresholds as tables -------------------------------- */

static int audit_table(struct page *P)
{
	struct ctx *c = P->c;
	struct table *t = &P->audit;
	char num[64], *figs = NULL;
	size_t i, cap = 0;
	int j, rc = -1;

	if (lcheck_run(c, P->pg->rules, P->pg->top, P->pg->y0, P->pg->y1, &P->fs, &P->nrules) < 0)
		return -1;
	check_sort(&P->fs);
	table_init(t);
	table_set(t, &t->title, "Các phát hiện khi kiểm tra số liệu");
	table_col(t, "no", "STT", NULL, TC_INT, 0);
	table_col(t, "severity", "Mức độ", NULL, TC_TEXT, 0);
	table_col(t, "rule", "Quy tắc", NULL, TC_TEXT, 0);
	table_col(t, "unit", "Đơn vị", NULL, TC_TEXT, 0);
	table_col(t, "year", "Năm", NULL, TC_YEAR, 0);
	table_col(t, "finding", "Nội dung", NULL, TC_TEXT, 0);
	table_col(t, "figures", "Số liệu và nguồn", NULL, TC_TEXT, 0);
	for (i = 0; i < P->fs.n; i++) {
		const struct check_finding *x = &P->fs.f[i];
		size_t n = 0;

		table_row(t, ROW_BODY);
		table_num(t, 0, (double)(i + 1));
		table_text(t, 1, severity_word[x->severity], check_severity_name[x->severity]);
		table_text(t, 2, x->rule, NULL);
		if (x->unit >= 0) {
			char unit[600];

			snprintf(unit, sizeof unit, "%s (%s)", c->units.u[x->unit].name, c->units.u[x->unit].code);
			table_text(t, 3, unit, NULL);
		}
		if (x->year)
			table_num(t, 4, x->year);
		{
			size_t need = strlen(x->title) + strlen(x->message) + 2;
			char *s = malloc(need);

			if (!s)
				goto done;
			snprintf(s, need, "%s\n%s", x->title, x->message);
			table_text(t, 5, s, NULL);
			free(s);
		}
		/* each figure: its value, what it is, its source's number */
		for (j = 0; j < x->nfig; j++) {
			const struct check_fig *g = &x->fig[j];
			size_t need = strlen(g->what) + 96;
			int ref = 0;

			if (g->source && !(ref = html_ref(&P->refs, g->source)))
				goto done;
			if (n + need > cap) {
				char *nf = realloc(figs, n + need + 256);

				if (!nf)
					goto done;
				figs = nf;
				cap = n + need + 256;
			}
			num[0] = '\0';
			if (g->has_value)
				table_fmt_num(num, sizeof num, g->value, 6, 0, 1);
			n += (size_t)snprintf(figs + n, cap - n, "%s%s%s%s", j ? "\n" : "", num, *num ? "  " : "", g->what);
			if (ref)
				n += (size_t)snprintf(figs + n, cap - n, " [%d]", ref);
		}
		if (x->nfig)
			table_text(t, 6, figs, NULL);
	}
	rc = t->oom ? -1 : 0;
done:
	free(figs);
	return rc < 0 ? oom(P) : 0;
}

/* Appends s to buf (at *n of cap) after sep, unless it is there already. */
static void add_once(char *buf, size_t cap, size_t *n, const char *sep, const char *s)
{
	if (!s || !*s || strstr(buf, s) || *n >= cap)
		return;
	*n += (size_t)snprintf(buf + *n, cap - *n, "%s%s", *n ? sep : "", s);
}

/* The threshold's state in words; a state this list does not know by its
 * code (crit_thr_state_name). */
static const char *thr_word(int status)
{
	static const char *const word[] = { "đã quy định", "dự thảo", "chưa quy định", "trong khoảng" };

	switch (status) {
	case TS_SET: return word[0];
	case TS_DRAFT: return word[1];
	case TS_UNSET: return word[2];
	case TS_RANGE: return word[3];
	}
	return status >= 0 && status < TS_N ? crit_thr_state_name[status] : "";
}

/* The threshold as resolved, in words: "70", "70 (dự thảo)", "từ 15 đến
 * 20"; a kind this does not know as the set writes it (crit_thr_format). */
static void thr_text(const struct indicator *d, const struct thr_value *v, char *buf, size_t cap)
{
	char a[64], b[64];

	switch (v->status) {
	case TS_SET:
	case TS_DRAFT:
		table_fmt_num(a, sizeof a, v->value, 2, 0, 1);
		snprintf(buf, cap, "%s%s", a, v->status == TS_DRAFT ? " (dự thảo)" : "");
		return;
	case TS_RANGE:
		table_fmt_num(a, sizeof a, v->lo, 2, 0, 1);
		table_fmt_num(b, sizeof b, v->hi, 2, 0, 1);
		if (isinf(v->hi))
			snprintf(buf, cap, "từ %s trở lên", a);
		else
			snprintf(buf, cap, "từ %s đến %s", a, b);
		return;
	case TS_UNSET:
		snprintf(buf, cap, "chưa quy định");
		return;
	default:
		crit_thr_format(d->thr, buf, cap);
	}
}

/* Every indicator of the set: requirement, threshold for the regions of
 * the units judged in the last year, its state, citation and notes. */
static int thr_table(struct page *P)
{
	const struct critset *s = P->s;
	struct table *t = &P->thr;
	int regions[RG_N + 1], nreg = 0, i, k, m, y = P->pg->y1;
	char thr[2048], state[256], notes[4096], where[512], one[256];

	for (i = 0; i < P->R.nunit; i++) {
		int rg = P->R.region[i];

		if (!results_judged(&P->R, i, y))
			continue;
		for (m = 0; m < nreg && regions[m] != rg; m++)
			;
		if (m == nreg && nreg <= RG_N)
			regions[nreg++] = rg;
	}
	if (!nreg)
		regions[nreg++] = -1;
	table_init(t);
	table_set(t, &t->title, "Ngưỡng của các chỉ tiêu và căn cứ");
	table_set(t, &t->period, "Năm %d", y);
	table_col(t, "indicator", "Chỉ tiêu", NULL, TC_TEXT, 0);
	table_col(t, "indicator_name", "Nội dung", NULL, TC_TEXT, 0);
	table_col(t, "uom", "Đơn vị tính", NULL, TC_TEXT, 0);
	table_col(t, "requirement", "Yêu cầu", NULL, TC_TEXT, 0);
	table_col(t, "threshold", "Ngưỡng", NULL, TC_TEXT, 0);
	table_col(t, "threshold_state", "Tình trạng ngưỡng", NULL, TC_TEXT, 0);
	table_col(t, "cite", "Căn cứ", NULL, TC_TEXT, 0);
	table_col(t, "note", "Ghi chú (dự thảo, khoảng, chưa quy định)", NULL, TC_TEXT, 0);
	table_col(t, "file", "Định nghĩa tại", NULL, TC_TEXT, 0);
	for (k = 0; k < s->nind; k++) {
		const struct indicator *d = &s->ind[k];
		size_t nt = 0, ns = 0, nn = 0;

		thr[0] = state[0] = notes[0] = '\0';
		table_row(t, ROW_BODY);
		table_text(t, 0, d->id, NULL);
		table_text(t, 1, d->name, NULL);
		table_text(t, 2, d->unit, NULL);
		if (d->cmp == CMP_MUST) {
			table_text(t, 3, d->must ? "phải đạt" : "không được có", NULL);
		} else {
			struct thr_value v[RG_N + 1];
			int same = 1;

			table_text(t, 3, d->cmp == CMP_MIN ? "tối thiểu" : "tối đa", NULL);
			for (m = 0; m < nreg; m++) {
				crit_thr_bounds(d, s->strict, regions[m], y, &v[m]);
				same &= m == 0 || (v[m].status == v[0].status && v[m].value == v[0].value &&
				                   v[m].lo == v[0].lo && v[m].hi == v[0].hi);
			}
			for (m = 0; m < (same ? 1 : nreg); m++) {
				thr_text(d, &v[m], one, sizeof one);
				if (!same && nt < sizeof thr)
					nt += (size_t)snprintf(thr + nt, sizeof thr - nt, "%s%s: %s", nt ? "\n" : "",
					                       regions[m] >= 0 ? store_region_title[regions[m]] : "vùng chưa rõ",
					                       one);
				else if (nt < sizeof thr)
					nt += (size_t)snprintf(thr + nt, sizeof thr - nt, "%s", one);
				add_once(state, sizeof state, &ns, ", ", thr_word(v[m].status));
				if (v[m].status != TS_SET)
					add_once(notes, sizeof notes, &nn, "\n", v[m].note);
			}
			table_text(t, 4, thr, NULL);
			table_text(t, 5, state, NULL);
		}
		add_once(notes, sizeof notes, &nn, "\n", d->note);
		table_text(t, 6, d->cite, NULL);
		table_text(t, 7, notes, NULL);
		if (d->file) {
			snprintf(where, sizeof where, "%s:%d", d->file, d->line);
			table_text(t, 8, where, NULL);
		}
	}
	return t->oom ? oom(P) : 0;
}

/* ---- writing --------------------------------------------------------------- */

static void esc(struct page *P, const char *s)
{
	html_escape(P->f, s);
}

/* an annex table with its sources' column when it has one */
static void annex(struct page *P, const struct table *t, const char *id, struct refset *rows)
{
	static const char *const ref_cols[] = { "source", "figures", NULL };
	struct table_html o = { 0 };

	o.id = id;
	o.ref_cols = ref_cols;
	if (rows) {
		o.extra_head = "Nguồn";
		o.extra = refs_cell;
		o.ud = rows;
	}
	table_html_write(P->f, t, &o);
}

static void inline_num(struct page *P, double v, int decimals)
{
	char buf[64];

	table_fmt_num(buf, sizeof buf, v, decimals, 0, 1);
	esc(P, buf);
}

/* Whether the SVG gnuplot drew holds anything but drawing; what, or NULL.
 * Its markup is read tag by tag (gnuplot writes '<' in text as "&lt;", so
 * every '<' opens a tag, and no text a user gave is read as markup here):
 * no element that runs, embeds or styles (script, foreignObject, style,
 * a, animation), no event handler or src attribute, no link but to its own
 * definitions ('#...') or to the PNG data of an image, no url() but '#'. */
static const char *svg_unsafe(const char *svg)
{
	static const char *const bad_tag[] = { "script", "foreignobject", "iframe", "object", "embed",
	                                       "style", "a", "animate", "set", "image-set", NULL };
	const char *p = svg, *end, *q;
	int i;

	while ((p = strchr(p, '<'))) {
		const char *name = p + 1 + (p[1] == '/');
		size_t n = strcspn(name, " \t\r\n/>");

		if (!(end = strchr(p, '>')))
			return "a tag left open";
		for (i = 0; bad_tag[i]; i++)
			if (n == strlen(bad_tag[i]) && strncasecmp(name, bad_tag[i], n) == 0)
				return "an element that is not drawing";
		for (q = name + n; q < end; q++) {
			const char *a = q + 1, *v;
			size_t an;

			if (*q == 'u' && strncmp(q, "url(", 4) == 0 && q[4] != '#')
				return "a url() off the page";
			if (*q == 'j' && strncasecmp(q, "javascript:", 11) == 0)
				return "a javascript: link";
			if (*q != ' ' && *q != '\t' && *q != '\n' && *q != '\r')
				continue;
			an = strcspn(a, "= \t\r\n/>");
			if (a + an >= end || a[an] != '=')
				continue;
			v = a + an + 1;
			v += *v == '\'' || *v == '"';
			if (an >= 2 && (a[0] == 'o' || a[0] == 'O') && (a[1] == 'n' || a[1] == 'N'))
				return "an event handler";
			if (an == 3 && strncasecmp(a, "src", 3) == 0)
				return "a src attribute";
			if (an >= 4 && strncasecmp(a + an - 4, "href", 4) == 0 && *v != '#' &&
			    strncmp(v, "data:image/png;base64,", 22) != 0)
				return "a link off the page";
		}
		p = end + 1;
	}
	return NULL;
}

/* gnuplot's SVG inline as chart n: from "<svg" to "</svg>", its ids and
 * the references to them prefixed "hN-" so that charts do not share ids. */
static int inline_svg(struct page *P, int n)
{
	static const char *const at[] = { " id='", " id=\"", "href='#", "href=\"#", "url(#", NULL };
	const char *s = P->svg[n], *p, *end, *why;
	int i;

	if (!(p = strstr(s, "<svg")) || !(end = strstr(p, "</svg>")))
		return err_set(&P->c->err, _("report html: chart %d: gnuplot's output is not SVG"), n + 1);
	if ((why = svg_unsafe(p)))
		return err_set(&P->c->err, _("report html: chart %d: gnuplot's SVG holds %s; refused"), n + 1, why);
	end += 6;
	fprintf(P->f, "<figure id=\"hinh-%d\">\n<svg role=\"img\" aria-label=\"", n + 1);
	esc(P, P->cap[n]);
	putc('"', P->f);
	for (p += 4; p < end; p++) {
		for (i = 0; at[i]; i++)
			if (strncmp(p, at[i], strlen(at[i])) == 0)
				break;
		if (at[i]) {
			fprintf(P->f, "%sh%d-", at[i], n + 1);
			p += strlen(at[i]) - 1;
			continue;
		}
		putc(*p, P->f);
	}
	fputs("\n<figcaption>", P->f);
	esc(P, P->cap[n]);
	fputs("</figcaption>\n</figure>\n", P->f);
	return 0;
}

static void write_head(struct page *P)
{
	struct ctx *c = P->c;
	const struct unit *u = &c->units.u[P->pg->top];
	char yrs[32], title[512];

	years_text(yrs, sizeof yrs, P->pg->y0, P->pg->y1);
	snprintf(title, sizeof title, "Báo cáo nông thôn mới: %s, %s", P->pg->place, yrs);
	doc_head(P->f, title);
	fputs("<header class=\"cover\">\n<p class=\"kicker\">Báo cáo kết quả xây dựng nông thôn mới</p>\n<h1>", P->f);
	esc(P, P->pg->place);
	fputs("</h1>\n<dl class=\"facts\">\n<dt>Đơn vị</dt><dd>", P->f);
	esc(P, u->name);
	fputs(" (mã ", P->f);
	esc(P, u->code);
	fputs(")", P->f);
	if (u->level != P->lv)
		fprintf(P->f, " và các %s thuộc địa bàn", level_word[P->lv]);
	fputs("</dd>\n<dt>Năm</dt><dd>", P->f);
	if (P->pg->y0 == P->pg->y1)
		fprintf(P->f, "%d", P->pg->y0);
	else
		fprintf(P->f, "%d–%d", P->pg->y0, P->pg->y1);
	fprintf(P->f, "; biểu theo %s: năm %d</dd>\n<dt>Bộ tiêu chí</dt><dd>", level_word[P->lv], P->pg->y1);
	esc(P, P->s->title);
	fputs(" (", P->f);
	esc(P, P->s->id);
	fputs(")</dd>\n<dt>Căn cứ</dt><dd>", P->f);
	esc(P, P->s->decision);
	fputs("</dd>\n<dt>Số liệu</dt><dd>", P->f);
	esc(P, c->db_path);
	if (c->scenario_name) {
		fputs("; theo kịch bản ", P->f);
		esc(P, c->scenario_name);
	}
	if (c->as_of)
		fprintf(P->f, "; đơn vị hành chính như năm %d", c->as_of);
	fputs("</dd>\n", P->f);
	if (P->s->strict)
		fputs("<dt>Ngưỡng dự thảo</dt><dd>coi như chưa quy định (--strict)</dd>\n", P->f);
	fputs("<dt>Lập bằng</dt><dd>ntm report html; kiểm tra số liệu theo quy tắc trong ", P->f);
	esc(P, P->pg->rules);
	fputs("</dd>\n</dl>\n</header>\n", P->f);
}

static void write_toc(struct page *P)
{
	int k;

	fputs("<nav class=\"toc\">\n<ol>\n<li><a href=\"#tong-hop\">Tổng hợp</a></li>\n"
	      "<li><a href=\"#bieu-do\">Biểu đồ</a></li>\n<li><a href=\"#cac-bieu\">Các biểu</a>: "
	      "<a href=\"#bieu-01\">01</a>", P->f);
	for (k = 0; k < P->nind; k++) {
		fputs(k ? ", <a href=\"#bieu-02-" : ", 02 (tiêu chí <a href=\"#bieu-02-", P->f);
		esc(P, P->s->crit[P->ind_crit[k]].id);
		fputs("\">", P->f);
		esc(P, P->s->crit[P->ind_crit[k]].id);
		fputs("</a>", P->f);
	}
	if (P->nind)
		fputs(")", P->f);
	if (P->have_fund)
		fputs(", <a href=\"#bieu-04\">04</a>", P->f);
	if (P->have_proj)
		fputs(", <a href=\"#bieu-05\">05</a>", P->f);
	fputs("</li>\n<li><a href=\"#kiem-tra\">Kiểm tra số liệu</a></li>\n"
	      "<li><a href=\"#nguon\">Nguồn của ngưỡng và số liệu</a></li>\n</ol>\n</nav>\n", P->f);
}

/* The status words and what they mean. */
static void write_legend(struct page *P)
{
	static const char *const meaning[ST_N] = {
		"đạt với mọi ngưỡng bộ tiêu chí cho phép",
		"không đạt với mọi ngưỡng bộ tiêu chí cho phép",
		"thiếu số liệu để đánh giá",
		"kết quả tùy vào ngưỡng bộ tiêu chí chưa quy định (hoặc chỉ biết khoảng)",
		"chỉ tiêu, tiêu chí không áp dụng cho đơn vị",
	};
	static const char *const cls[ST_N] = { "st-met", "st-unmet", "st-unknown", "st-open", "st-na" };
	int k;

	fputs("<p>Cách đọc kết quả:</p>\n<ul class=\"legend\">\n", P->f);
	for (k = 0; k < ST_N; k++) {
		fprintf(P->f, "<li><span class=\"st %s\">", cls[k]);
		esc(P, table_status_word[k]);
		if (k == ST_UNKNOWN)
			esc(P, " (thiếu số liệu)");
		fputs("</span>", P->f);
		esc(P, meaning[k]);
		fputs("</li>\n", P->f);
	}
	fputs("</ul>\n", P->f);
}

/* The last year in a sentence, from Biểu 03, and the period's money. */
static void write_summary(struct page *P)
{
	const struct table *t = &P->sum;
	const char *lw = level_word[P->lv];
	double alloc = 0, disb = 0, rep = 0;
	int row, i, any = 0;

	fputs("<section class=\"part\" id=\"tong-hop\">\n<h2>1. Tổng hợp</h2>\n", P->f);
	for (row = t->nrow - 1; row >= 0 && t->row[row].kind != ROW_BODY; row--)
		;
	if (row >= 0) {
		fputs("<p class=\"lead\">", P->f);
		fprintf(P->f, "Năm %.0f, ", cell_num(t, row, col_of(t, "year")));
		inline_num(P, cell_num(t, row, col_of(t, "units")), 0);
		fprintf(P->f, " %s được đánh giá theo bộ tiêu chí ", lw);
		esc(P, P->s->id);
		fputs(": <strong>", P->f);
		inline_num(P, cell_num(t, row, col_of(t, "met")), 0);
		fputs(" đạt chuẩn chắc chắn</strong>, ", P->f);
		inline_num(P, cell_num(t, row, col_of(t, "could")), 0);
		fputs(" có thể đạt (", P->f);
		inline_num(P, cell_num(t, row, col_of(t, "could_open")), 0);
		fputs(" chờ ngưỡng, ", P->f);
		inline_num(P, cell_num(t, row, col_of(t, "could_missing")), 0);
		fputs(" thiếu số liệu), ", P->f);
		inline_num(P, cell_num(t, row, col_of(t, "cannot")), 0);
		fputs(" chưa đạt; bình quân mỗi ", P->f);
		esc(P, lw);
		fputs(" đạt ", P->f);
		inline_num(P, cell_num(t, row, col_of(t, "criteria_met_mean")), 1);
		fprintf(P->f, " trên %d tiêu chí.", P->s->ncrit);
	}
	for (i = 0; i < P->nfr; i++) {
		const struct reads_funding *x = &P->fr[i];

		if (isnan(x->alloc_mvnd))
			continue;
		any = 1;
		alloc += x->alloc_mvnd;
		if (!isnan(x->disb_mvnd) && !isnan(x->rep_mvnd)) {
			disb += x->disb_mvnd;
			rep += x->rep_mvnd;
		}
	}
	if (any) {
		char yrs[32];

		years_text(yrs, sizeof yrs, P->pg->y0, P->pg->y1);
		fprintf(P->f, " Vốn %s: phân bổ ", yrs);
		inline_num(P, alloc, 0);
		fputs(" triệu đồng", P->f);
		if (rep > 0) {
			fputs(", giải ngân ", P->f);
			inline_num(P, disb, 0);
			fputs(" triệu đồng (", P->f);
			inline_num(P, 100 * disb / rep, 1);
			fputs(" % phần vốn đã báo cáo giải ngân)", P->f);
		}
		fputs(".", P->f);
	}
	if (row >= 0)
		fputs("</p>\n", P->f);
	write_legend(P);
	annex(P, t, "bieu-03", NULL);
	fputs("</section>\n", P->f);
}

static int write_charts(struct page *P)
{
	int k;

	fputs("<section class=\"part\" id=\"bieu-do\">\n<h2>2. Biểu đồ</h2>\n", P->f);
	for (k = 0; k < P->nsvg; k++)
		if (inline_svg(P, k) < 0)
			return -1;
	fputs("</section>\n", P->f);
	return 0;
}

static void write_tables(struct page *P)
{
	char id[160];
	int k;

	fputs("<section class=\"part\" id=\"cac-bieu\">\n<h2>3. Các biểu</h2>\n", P->f);
	annex(P, &P->crit, "bieu-01", P->crit_rows);
	if (P->nind) {
		fprintf(P->f, "<p class=\"lead\">Biểu số 02 cho từng tiêu chí chưa đạt ở mọi %s năm %d "
		        "(chưa đạt, chưa rõ hoặc chưa có ngưỡng ở ít nhất một %s):</p>\n", level_word[P->lv],
		        P->pg->y1, level_word[P->lv]);
	} else {
		fprintf(P->f, "<p class=\"lead\">Năm %d mọi %s đạt mọi tiêu chí áp dụng: không có Biểu số 02.</p>\n",
		        P->pg->y1, level_word[P->lv]);
	}
	for (k = 0; k < P->nind; k++) {
		snprintf(id, sizeof id, "bieu-02-%s", P->s->crit[P->ind_crit[k]].id);
		annex(P, &P->ind[k], id, NULL);
	}
	if (P->have_fund)
		annex(P, &P->fund, "bieu-04", P->fund_rows);
	else
		fputs("<p class=\"lead\">Biểu số 04: không có số liệu nguồn vốn trong những năm này.</p>\n", P->f);
	if (P->have_proj)
		annex(P, &P->proj, "bieu-05", P->proj_rows);
	else
		fputs("<p class=\"lead\">Biểu số 05: không có công trình, dự án nào trong những năm này.</p>\n", P->f);
	fputs("</section>\n", P->f);
}

static void write_audit(struct page *P)
{
	static const char *const ref_cols[] = { "figures", NULL };
	struct table_html o = { 0 };
	char yrs[32];
	int s, first = 1;

	years_text(yrs, sizeof yrs, P->pg->y0, P->pg->y1);
	fputs("<section class=\"part\" id=\"kiem-tra\">\n<h2>4. Kiểm tra số liệu</h2>\n<p class=\"lead\">", P->f);
	if (P->fs.n == 0)
		fputs("Không có phát hiện nào", P->f);
	for (s = 0; s < CHK_NSEV; s++) {
		if (!P->fs.count[s])
			continue;
		fprintf(P->f, "%s%d %s", first ? "" : ", ", P->fs.count[s], severity_word[s]);
		first = 0;
	}
	fprintf(P->f, " từ %d quy tắc kiểm tra (như <code>ntm check</code>) trên ", P->nrules);
	esc(P, P->pg->place);
	fprintf(P->f, " và các đơn vị thuộc địa bàn, %s. Mỗi phát hiện ghi các số liệu nó dựa vào và nguồn của "
	        "chúng.</p>\n", yrs);
	if (P->fs.n) {
		o.id = "kiem-tra-bang";
		o.ref_cols = ref_cols;
		table_html_write(P->f, &P->audit, &o);
	}
	fputs("</section>\n", P->f);
}

static void write_sources(struct page *P)
{
	struct table_html o = { 0 };
	int k;

	fputs("<section class=\"part\" id=\"nguon\">\n<h2>5. Nguồn của ngưỡng và số liệu</h2>\n"
	      "<h3>5.1. Ngưỡng</h3>\n<p class=\"lead\">Bộ tiêu chí ", P->f);
	esc(P, P->s->id);
	fputs(" (", P->f);
	esc(P, P->s->title);
	fputs("), ", P->f);
	esc(P, P->s->decision);
	if (P->s->file) {
		fputs("; tệp ", P->f);
		esc(P, P->s->file);
	}
	fputs(". Ngưỡng của từng chỉ tiêu như áp dụng cho các đơn vị được đánh giá; dự thảo, khoảng và ngưỡng "
	      "chưa quy định kèm nguồn và lý do.</p>\n", P->f);
	o.id = "nguon-nguong";
	table_html_write(P->f, &P->thr, &o);
	fputs("<h3>5.2. Nguồn số liệu</h3>\n<p class=\"lead\">Số trong ngoặc vuông ở các biểu và phát hiện "
	      "trỏ tới nguồn ghi khi nhập số liệu:</p>\n<ol class=\"sources\" id=\"nguon-so-lieu\">\n", P->f);
	for (k = 0; k < P->refs.n; k++) {
		fprintf(P->f, "<li id=\"nguon-%d\">[%d] ", k + 1, k + 1);
		esc(P, P->refs.text[k]);
		fputs("</li>\n", P->f);
	}
	fputs("</ol>\n</section>\n", P->f);
}

/* ---- assembly ------------------------------------------------------------- */

/* The criteria of Biểu 01 some commune does not meet (unmet, unknown or
 * open), each with its Biểu 02. */
static int build_indicators(struct page *P)
{
	const struct table *t = &P->crit;
	int j, row, k, n = 0;

	if (!(P->ind = calloc((size_t)P->s->ncrit + 1, sizeof *P->ind)) ||
	    !(P->ind_crit = calloc((size_t)P->s->ncrit + 1, sizeof *P->ind_crit)))
		return oom(P);
	for (j = 0; j < t->ncol; j++) {
		int miss = 0;

		if (strncmp(t->col[j].key, "criterion_", 10) != 0 ||
		    (k = crit_find_criterion(P->s, t->col[j].key + 10)) < 0)
			continue;
		for (row = 0; row < t->nrow; row++) {
			const struct table_cell *c = &t->row[row].cell[j];

			miss |= t->row[row].kind == ROW_BODY && c->kind == CELL_STATUS && c->status != ST_MET &&
			        c->status != ST_NA;
		}
		if (!miss || n > P->s->ncrit)
			continue;
		P->ind_crit[n] = k;
		if (build(P, RH_INDICATORS, P->pg->y1, P->pg->y1, P->s->crit[k].id, &P->ind[n++]) < 0) {
			P->nind = n;
			return -1;
		}
	}
	P->nind = n;
	return 0;
}

static int assemble(struct page *P)
{
	const struct report_page *pg = P->pg;
	struct ctx *c = P->c;
	struct reads_project *w = NULL;
	int nw = 0;

	if (evalrun_open(c, pg->set, pg->top, pg->y0, pg->y1, &P->r) < 0)
		return -1;
	P->have_r = 1;
	if (evalrun_results(c, &P->r, &P->R) < 0)
		return -1;
	P->s = P->r.set;
	P->lv = store_level_parse(P->s->level);
	P->lv = P->lv < 0 ? LV_COMMUNE : P->lv;
	/* the tables in the order the page shows them, so that the sources are
	 * numbered in reading order */
	if (build(P, RH_SUMMARY, pg->y0, pg->y1, NULL, &P->sum) < 0 ||
	    build(P, RH_CRITERIA, pg->y1, pg->y1, NULL, &P->crit) < 0 || crit_sources(P) < 0 ||
	    build_indicators(P) < 0)
		return -1;
	if (reads_funding(c->db, c->units.u[pg->top].id, pg->y0, pg->y1, &P->fr, &P->nfr, &c->err) < 0)
		return -1;
	if ((P->have_fund = P->nfr > 0) &&
	    (build(P, RH_FUNDING, pg->y0, pg->y1, NULL, &P->fund) < 0 ||
	     row_sources(P, CHK_FUNDING, &P->fund, &P->fund_rows) < 0))
		return -1;
	if (reads_projects(c->db, c->units.u[pg->top].id, pg->y0, pg->y1, &w, &nw, &c->err) < 0)
		return -1;
	reads_projects_free(w, nw);
	if ((P->have_proj = nw > 0) &&
	    (build(P, RH_PROJECTS, pg->y0, pg->y1, NULL, &P->proj) < 0 ||
	     row_sources(P, CHK_PROJECTS, &P->proj, &P->proj_rows) < 0))
		return -1;
	if (chart_units_met(P) < 0 || chart_heat(P) < 0 || (P->have_fund && chart_funding(P) < 0))
		return -1;
	if (audit_table(P) < 0 || thr_table(P) < 0)
		return -1;
	return 0;
}

int report_html_write(FILE *f, const struct report_page *pg, struct report_html_stats *st)
{
	struct page P;
	int rc = -1, k;

	memset(&P, 0, sizeof P);
	P.pg = pg;
	P.c = pg->c;
	P.f = f;
	table_init(&P.sum);
	table_init(&P.crit);
	table_init(&P.fund);
	table_init(&P.proj);
	table_init(&P.audit);
	table_init(&P.thr);
	if (assemble(&P) < 0)
		goto done;
	write_head(&P);
	write_toc(&P);
	write_summary(&P);
	if (write_charts(&P) < 0)
		goto done;
	write_tables(&P);
	write_audit(&P);
	write_sources(&P);
	fputs("</body>\n</html>\n", f);
	if (ferror(f)) {
		err_set(&P.c->err, "%s", _("report html: the page could not be written"));
		goto done;
	}
	if (st) {
		st->tables = 2 + P.nind + P.have_fund + P.have_proj;
		st->charts = P.nsvg;
		st->findings = (int)P.fs.n;
		st->sources = P.refs.n;
	}
	rc = 0;
done:
	for (k = 0; k < P.nsvg; k++)
		free(P.svg[k]);
	check_findings_free(&P.fs);
	refsets_free(P.crit_rows, P.crit.nrow);
	refsets_free(P.fund_rows, P.fund.nrow);
	refsets_free(P.proj_rows, P.proj.nrow);
	for (k = 0; k < P.nind; k++)
		table_free(&P.ind[k]);
	free(P.ind);
	free(P.ind_crit);
	table_free(&P.sum);
	table_free(&P.crit);
	table_free(&P.fund);
	table_free(&P.proj);
	table_free(&P.audit);
	table_free(&P.thr);
	free(P.fr);
	html_refs_free(&P.refs);
	results_free(&P.R);
	if (P.have_r)
		evalrun_free(&P.r);
	return rc;
}
