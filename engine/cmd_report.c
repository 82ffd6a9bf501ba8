/* cmd_report.c - `ntm report TABLE`: the tables an office sends upward,
 * laid out as a report's annexes (Biểu số 01 ...) in Vietnamese: criteria
 * and indicators by commune, a summary by year, funding, works. Judged
 * through one results value (evalrun_open, evalrun_results); funding,
 * works and recognitions from reads.h; built as table.h tables and written
 * as text, csv, Markdown, xlsx or HTML (table_*.c) through outfile.h; `ntm
 * report html`, the whole report as one page, by report_html.c from these
 * tables. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmds.h"
#include "evalrun.h"
#include "i18n.h"
#include "inforce.h"
#include "outfile.h"
#include "reads.h"
#include "report_html.h"
#include "suggest.h"
#include "table.h"
#include "utf8.h"

static const char usage[] =
	"usage: ntm report TABLE --unit NAME|CODE [--year Y | --years A-B] [--set SET]\n"
	"                  [--criterion ID] [--out FILE] [--format FMT] [--bom]\n"
	"       ntm report html --unit NAME|CODE [--years A-B] [--set SET] [--rules DIR]\n"
	"                  --out FILE.html\n\n"
	"The tables an office sends upward, laid out as a report's annexes and in\n"
	"Vietnamese, for --unit and the units below it:\n"
	"  criteria    Biểu số 01: a row per commune, a column per criterion (đạt,\n"
	"              chưa đạt, chưa rõ: figures missing, chưa có ngưỡng: open),\n"
	"              the criteria met, the result and the recognitions on record\n"
	"  indicators  Biểu số 02: the indicators of --criterion ID by commune: value,\n"
	"              threshold or the range it lies in, gap, the figure's source\n"
	"  summary     Biểu số 03: per year the communes meeting the set for certain,\n"
	"              those that could, those that cannot; criteria met on average;\n"
	"              funding totals\n"
	"  funding     Biểu số 04: funding by year and source: allocated, disbursed,\n"
	"              the disbursement rate; million VND and tonnes of cement apart\n"
	"  projects    Biểu số 05: works and projects by year, quarter, category and\n"
	"              status, with totals\n"
	"  html        the whole report as one self-contained HTML page (--out\n"
	"              FILE.html): title, summary, the tables above (criteria and\n"
	"              the indicators of each criterion not met in the last year),\n"
	"              charts as inline SVG, the audit of `ntm check` (--rules as\n"
	"              there), the sources of every threshold and figure; prints\n"
	"              on A4 landscape\n\n"
	"--out FILE picks the format from its extension: .xlsx (a workbook, numbers\n"
	"stored as numbers), .csv, .md, .txt or .html (the table as a page); without\n"
	"it the table is printed (--format text, csv, md or html prints another).\n"
	"csv speaks to programs: stable English column names and codes (met, unmet,\n"
	"unknown, open, n/a), no title lines, no totals; --bom starts it with a byte\n"
	"order mark for spreadsheet programs. The set defaults to the commune set in\n"
	"force in the unit's province (`ntm criteria list`); the year to the last\n"
	"with figures, the summary's years to those with figures, funding and\n"
	"projects to every year on record (html: the page's years).\n";

static const char *const table_names[] = {
	"criteria", "indicators", "summary", "funding", "projects", "html",
};
#define NTABLES ((int)(sizeof table_names / sizeof table_names[0]))

static const char *const level_word[LV_N] = {
	[LV_PROVINCE] = "tỉnh", [LV_DISTRICT] = "huyện", [LV_COMMUNE] = "xã",
	[LV_TOWNSHIP] = "thị trấn", [LV_WARD] = "phường", [LV_VILLAGE] = "thôn" };
static const char *const level_title[LV_N] = {
	[LV_PROVINCE] = "Tỉnh", [LV_DISTRICT] = "Huyện", [LV_COMMUNE] = "Xã",
	[LV_TOWNSHIP] = "Thị trấn", [LV_WARD] = "Phường", [LV_VILLAGE] = "Thôn" };

/* Codes of the store and their words in the annex. */
struct label {
	const char *code, *word;
};

static const struct label funds[] = {
	{ "central", "Ngân sách trung ương" }, { "province", "Ngân sách tỉnh" },
	{ "district", "Ngân sách huyện" }, { "commune", "Ngân sách xã" },
	{ "sponsor", "Tài trợ" }, { "people", "Nhân dân đóng góp" },
	{ "credit", "Tín dụng" }, { "other", "Nguồn khác" }, { NULL, NULL },
};
static const struct label kinds[] = {
	{ "investment", "Đầu tư phát triển" }, { "recurrent", "Sự nghiệp" },
	{ "in_kind", "Hiện vật" }, { NULL, NULL },
};
static const struct label categories[] = {
	{ "road", "Giao thông" }, { "canal", "Kênh mương" }, { "irrigation", "Thủy lợi" },
	{ "electricity", "Điện" }, { "school", "Trường học" }, { "culture", "Văn hóa" },
	{ "market", "Chợ" }, { "ict", "Thông tin và truyền thông" }, { "housing", "Nhà ở" },
	{ "water", "Nước sạch" }, { "environment", "Môi trường" }, { "health", "Y tế" },
	{ "admin", "Trụ sở, hành chính" }, { "production", "Sản xuất" }, { "other", "Khác" },
	{ NULL, NULL },
};
static const struct label states[] = {
	{ "done", "hoàn thành" }, { "underway", "đang thực hiện" }, { "planned", "kế hoạch" },
	{ NULL, NULL },
};
static const struct label titles[] = {
	{ "ntm", "Đạt chuẩn NTM" }, { "ntm-advanced", "NTM nâng cao" },
	{ "ntm-model", "NTM kiểu mẫu" }, { "ntm-reconfirmed", "Công nhận lại NTM" },
	{ "model-village", "Thôn kiểu mẫu" }, { "civilised-urban", "Đô thị văn minh" },
	{ NULL, NULL },
};
static const struct label thr_states[] = {
	{ "set", "đã quy định" }, { "draft", "dự thảo" }, { "unset", "chưa quy định" },
	{ "range", "trong khoảng" }, { NULL, NULL },
};

/* The word for a code; a code the list does not know is shown as it is. */
static const char *word(const struct label *l, const char *code)
{
	for (; l->code; l++)
		if (strcmp(l->code, code) == 0)
			return l->word;
	return code;
}

/* What every table is built from. */
struct rep {
	struct ctx *c;
	int top;                 /* the unit (index in c->units) */
	int y0, y1;              /* --year/--years; 0 when not given */
	const char *set;         /* --set, or the set in force */
	const char *criterion;   /* indicators: --criterion */
	struct html_refs *refs;  /* a page's numbered sources: figures' sources as "[n]" */
	char setbuf[256];
};

/* "Huyện Định Hóa, tỉnh Thái Nguyên" */
static void place(const struct ctx *c, int u, char *buf, size_t cap)
{
	size_t n = 0;
	int first = 1;

	buf[0] = '\0';
	for (; u >= 0 && n < cap; u = c->units.u[u].parent, first = 0) {
		const struct unit *x = &c->units.u[u];

		n += (size_t)snprintf(buf + n, cap - n, "%s%s %s", first ? "" : ", ",
		                      first ? level_title[x->level] : level_word[x->level], x->name);
	}
}

static void period(struct table *t, int y0, int y1)
{
	if (y0 == y1)
		table_set(t, &t->period, "Năm %d", y0);
	else
		table_set(t, &t->period, "Giai đoạn %d–%d", y0, y1);
}

/* The lines every annex table opens with: its form (Biểu số 0N, the sheet
 * named after it), the place (the unit and those above it) and the years. */
static void annex_head(struct rep *p, struct table *t, int form, const char *sheet, int y0, int y1)
{
	char where[512];

	table_set(t, &t->sheet, "Biểu %02d %s", form, sheet);
	table_set(t, &t->form, "Biểu số %02d", form);
	place(p->c, p->top, where, sizeof where);
	table_set(t, &t->place, "%s", where);
	period(t, y0, y1);
}

/* The set in force for communes in the unit's province in year. */
static int pick_set(struct rep *p, int year)
{
	struct ctx *c = p->c;
	struct setlist l = { 0 };
	const struct setinfo *x;
	int prov = inforce_province_of(c, p->top), rc = -1;
	char *key = NULL;

	if (prov >= 0 && !(key = utf8_fold(c->units.u[prov].name)))
		return err_set(&c->err, "%s", _("out of memory"));
	if (inforce_load(c, &l) < 0)
		goto done;
	if (!(x = inforce_pick(&l, "commune", "ntm", key, year))) {
		if (prov >= 0)
			err_set(&c->err, _("report: no commune set in force in %s in %d on the criteria path %s; "
			        "give --set SET"), c->units.u[prov].name, year, c->criteria_path);
		else
			err_set(&c->err, _("report: no commune set in force in %d on the criteria path %s; "
			        "give --set SET"), year, c->criteria_path);
		goto done;
	}
	snprintf(p->setbuf, sizeof p->setbuf, "%s", x->id);
	p->set = p->setbuf;
	rc = 0;
done:
	inforce_free(&l);
	free(key);
	return rc;
}

/* Whether unit i of r has any figure in year y. */
static int has_figures(const struct evalrun *r, int i, int y)
{
	const double *v = evalrun_vals(r, i, y);
	int k;

	for (k = 0; k < r->set->nvar; k++)
		if (!isnan(v[k]))
			return 1;
	return 0;
}

/* Opens the evaluation of the set over the unit: the years given, else
 * the set's, narrowed to those in which the units judged have figures
 * (the last of them only when last). */
static int evaluate(struct rep *p, int last, struct evalrun *r, struct results *R, int *ya, int *yb)
{
	struct ctx *c = p->c;
	const struct unit *u = &c->units.u[p->top];
	char msg[NTM_ERR_MAX];
	int a, k, i, y;

	if (!p->set) {
		int year = p->y1;

		if (!year && (k = reads_data_years(c->db, u->id, 1990, 2100, &a, &year, &c->err)) <= 0)
			return k < 0 ? -1 : err_set(&c->err, _("report: no figures for %s (%s) or the units below it; "
			                            "import observations first"), u->name, u->code);
		if (pick_set(p, year) < 0)
			return -1;
	}
	if (evalrun_open(c, p->set, p->top, p->y0, p->y1, r) < 0) {
		snprintf(msg, sizeof msg, "%s", c->err.msg);
		return err_set(&c->err, "report: %s", msg);
	}
	*ya = r->year_from;
	*yb = r->year_to;
	if (!p->y0) {
		*ya = *yb = 0;
		for (y = r->year_from; y <= r->year_to; y++)
			for (i = 0; i < r->nunit; i++)
				if (has_figures(r, i, y)) {
					*ya = *ya ? *ya : y;
					*yb = y;
					break;
				}
		if (!*ya) {
			err_set(&c->err, _("report: no figures for the %ss of %s (%s) in %d-%d, the years of set %s; "
			        "give --year or --years"), _(r->set->level), u->name, u->code, r->year_from,
			        r->year_to, r->set->id);
			evalrun_free(r);
			return -1;
		}
		if (last)
			*ya = *yb;
	}
	if (evalrun_results(c, r, R) < 0) {
		evalrun_free(r);
		return -1;
	}
	return 0;
}

/* The source line of an evaluated table: the set, the data, the scenario. */
static void eval_source(struct rep *p, struct table *t, const struct critset *s)
{
	struct ctx *c = p->c;
	char scen[256] = "", as_of[64] = "";

	if (c->scenario_name)
		snprintf(scen, sizeof scen, ", theo kịch bản %s", c->scenario_name);
	if (c->as_of)
		snprintf(as_of, sizeof as_of, ", đơn vị hành chính như năm %d", c->as_of);
	table_set(t, &t->source, "Nguồn: ntm đánh giá theo bộ tiêu chí %s (%s) trên số liệu trong %s%s%s",
	          s->id, s->decision, c->db_path, scen, as_of);
}

static void legend(struct table *t, int strict)
{
	table_note(t, "Ghi chú: đạt: đạt với mọi ngưỡng bộ tiêu chí cho phép; chưa đạt: không đạt với mọi "
	           "ngưỡng đó; chưa rõ: thiếu số liệu; chưa có ngưỡng: kết quả tùy vào ngưỡng bộ tiêu chí "
	           "chưa quy định; không áp dụng: chỉ tiêu không áp dụng cho đơn vị.");
	if (strict)
		table_note(t, "Ngưỡng dự thảo được coi như chưa quy định (--strict).");
}

/* Notes the indicators judged against draft or unset thresholds. */
static void thr_note(struct table *t, const struct results *R, int ya, int yb)
{
	const struct critset *s = R->set;
	char list[2048];
	int k, i, y, nd = 0, nu = 0;
	size_t n = 0;

	list[0] = '\0';
	for (k = 0; k < s->nind; k++) {
		int draft = 0, unset = 0;

		for (i = 0; i < R->nunit; i++)
			for (y = ya; y <= yb; y++) {
				struct ind_result x;

				if (!results_judged(R, i, y))
					continue;
				results_ind(R, i, y, k, &x);
				draft |= x.status != ST_NA && x.thr_status == TS_DRAFT;
				unset |= x.status != ST_NA && x.thr_status == TS_UNSET;
			}
		nd += draft;
		nu += unset;
		if ((draft || unset) && n < sizeof list)
			n += (size_t)snprintf(list + n, sizeof list - n, "%s%s%s", n ? ", " : "", s->ind[k].id,
			                      unset ? " (chưa quy định)" : " (dự thảo)");
	}
	if (nd || nu)
		table_note(t, "Ngưỡng: %d chỉ tiêu theo ngưỡng dự thảo, %d chỉ tiêu chưa có ngưỡng: %s "
		           "(xem `ntm criteria show %s --drafts`).", nd, nu, list, s->id);
}

/* The recognitions of unit u up to year as "Đạt chuẩn NTM 2022; ..." and
 * its code "ntm 2022; ...". */
static void recog_cell(const struct ctx *c, const struct reads_recog *rec, int nrec, int u, int year,
                       char *text, size_t tcap, char *code, size_t ccap)
{
	size_t nt = 0, nc = 0;
	int k;

	text[0] = code[0] = '\0';
	for (k = 0; k < nrec; k++) {
		if (rec[k].unit_id != c->units.u[u].id || rec[k].year > year)
			continue;
		if (nt < tcap)
			nt += (size_t)snprintf(text + nt, tcap - nt, "%s%s %d", nt ? "; " : "",
			                       word(titles, rec[k].title), rec[k].year);
		if (nc < ccap)
			nc += (size_t)snprintf(code + nc, ccap - nc, "%s%s %d", nc ? "; " : "", rec[k].title,
			                       rec[k].year);
	}
}

static int t_criteria(struct rep *p, struct table *t)
{
	struct ctx *c = p->c;
	struct evalrun r;
	struct results R = { 0 };
	struct reads_recog *rec = NULL;
	const struct critset *s;
	int nrec = 0, ya, yb, i, y, k, lv, col0, cmet, cres, crec, cyear, cname, rc = -1;
	char key[64], head[512], brief[32], text[1024], code[1024];

	if (evaluate(p, 1, &r, &R, &ya, &yb) < 0)
		return -1;
	s = r.set;
	lv = store_level_parse(s->level);
	lv = lv < 0 ? LV_COMMUNE : lv;
	if (reads_recognitions(c->db, c->units.u[p->top].id, yb, &rec, &nrec, &c->err) < 0)
		goto done;
	annex_head(p, t, 1, "Tiêu chí", ya, yb);
	table_set(t, &t->title, "Kết quả thực hiện các tiêu chí theo %s: %s", level_word[lv], s->title);
	eval_source(p, t, s);
	t->freeze_cols = 2;
	table_col(t, "no", "STT", NULL, TC_INT, 0);
	table_col(t, "unit_code", NULL, NULL, TC_TEXT, 0);
	cname = table_col(t, "unit_name", level_title[lv], NULL, TC_TEXT, 0);
	cyear = table_col(t, "year", ya == yb ? NULL : "Năm", NULL, TC_YEAR, 0);
	col0 = t->ncol;
	for (k = 0; k < s->ncrit; k++) {
		snprintf(key, sizeof key, "criterion_%s", s->crit[k].id);
		snprintf(head, sizeof head, "%s. %s", s->crit[k].id, s->crit[k].name);
		snprintf(brief, sizeof brief, "%s", s->crit[k].id);
		table_col(t, key, head, brief, TC_STATUS, 0);
	}
	snprintf(head, sizeof head, "Số tiêu chí đạt (trên %d)", s->ncrit);
	cmet = table_col(t, "criteria_met", head, "Số TC đạt", TC_INT, 0);
	cres = table_col(t, "status", "Kết quả", NULL, TC_STATUS, 0);
	crec = table_col(t, "recognition", "Công nhận", NULL, TC_TEXT, 0);
	for (k = 0, i = 0; i < r.nunit; i++)
		for (y = ya; y <= yb; y++) {
			const struct unit *u = &c->units.u[r.units[i]];
			int j;

			if (!results_judged(&R, i, y))
				continue;
			table_row(t, ROW_BODY);
			table_num(t, 0, ++k);
			table_text(t, 1, u->code, NULL);
			table_text(t, cname, u->name, NULL);
			table_num(t, cyear, y);
			for (j = 0; j < s->ncrit; j++)
				table_status(t, col0 + j, results_crit(&R, i, y, j));
			table_num(t, cmet, results_ncrit(&R, i, y));
			table_status(t, cres, results_status(&R, i, y));
			recog_cell(c, rec, nrec, r.units[i], y, text, sizeof text, code, sizeof code);
			table_text(t, crec, text, code);
		}
	/* per year: how many units meet each criterion, and the set */
	for (y = ya; y <= yb; y++) {
		int j, n = 0, met = 0;

		for (i = 0; i < r.nunit; i++)
			if (results_judged(&R, i, y)) {
				n++;
				met += results_status(&R, i, y) == ST_MET;
			}
		if (!n)
			continue;
		table_row(t, ROW_TOTAL);
		snprintf(text, sizeof text, "Số %s đạt%s", level_word[lv], ya == yb ? "" : " năm");
		table_text(t, cname, text, NULL);
		if (ya != yb)
			table_num(t, cyear, y);
		for (j = 0; j < s->ncrit; j++) {
			int m = 0;

			for (i = 0; i < r.nunit; i++)
				m += results_judged(&R, i, y) && results_crit(&R, i, y, j) == ST_MET;
			table_num(t, col0 + j, m);
		}
		table_num(t, cres, met);
	}
	legend(t, c->strict);
	thr_note(t, &R, ya, yb);
	rc = 0;
done:
	reads_recogs_free(rec, nrec);
	results_free(&R);
	evalrun_free(&r);
	return rc;
}

/* The variables indicator k reads, each once, into vars (at most max). */
static void ind_vars(const struct expr *e, int *vars, int *n, int max)
{
	int i;

	if (!e)
		return;
	if (e->op == X_VAR) {
		for (i = 0; i < *n; i++)
			if (vars[i] == e->var)
				return;
		if (*n < max)
			vars[(*n)++] = e->var;
		return;
	}
	for (i = 0; i < e->n; i++)
		ind_vars(e->arg[i], vars, n, max);
}

/* Appends s to buf (at *n of cap) after "; " unless it is there already. */
static void add_once(char *buf, size_t cap, size_t *n, const char *s)
{
	if (!s || !*s || strstr(buf, s) || *n >= cap)
		return;
	*n += (size_t)snprintf(buf + *n, cap - *n, "%s%s", *n ? "; " : "", s);
}

/* Where the figures of indicator k for unit i in year y come from: the
 * sources on record of the variables it reads, and those missing. */
static void ind_source(struct reads_source *src, const struct ctx *c, const struct evalrun *r,
                       int i, int y, int k, struct html_refs *refs, char *text, size_t tcap,
                       char *code, size_t ccap)
{
	const struct critset *s = r->set;
	const double *vals = evalrun_vals(r, i, y);
	const unsigned char *q = r->data.q + (vals - r->data.vals);
	int vars[32], nv = 0, j, derived = 0, changed = 0;
	size_t nt = 0, nc = 0, nm = 0;
	char miss[512];

	text[0] = code[0] = miss[0] = '\0';
	ind_vars(s->ind[k].applies, vars, &nv, 32);
	ind_vars(s->ind[k].measure, vars, &nv, 32);
	for (j = 0; j < nv; j++) {
		int v = vars[j];

		if (s->agg && s->agg[v].kind != AG_NONE) {
			derived = 1;
		} else if (isnan(vals[v])) {
			if (nm < sizeof miss)
				nm += (size_t)snprintf(miss + nm, sizeof miss - nm, "%s%s", nm ? ", " : "", s->var[v]);
		} else {
			double stored;
			const char *t = reads_source_of(src, c->units.u[r->units[i]].id, s->var[v], y, q[v],
			                                &stored);
			int n = t && refs ? html_ref(refs, t) : 0;

			if (n) {   /* a page: the source's number; the page lists the text */
				char ref[32];

				snprintf(ref, sizeof ref, "[%d]", n);
				add_once(text, tcap, &nt, ref);
			} else {
				add_once(text, tcap, &nt, t);
			}
			add_once(code, ccap, &nc, t);
			/* a figure a scenario or a merge gave is not the one on record */
			changed |= !t || isnan(stored) || fabs(stored - vals[v]) > 1e-9 * fmax(1, fabs(stored));
		}
	}
	if (changed && c->scenario_name) {
		char note[256];

		snprintf(note, sizeof note, "số liệu theo kịch bản %s", c->scenario_name);
		add_once(text, tcap, &nt, note);
		snprintf(note, sizeof note, "scenario %s", c->scenario_name);
		add_once(code, ccap, &nc, note);
	} else if (changed) {
		add_once(text, tcap, &nt, "số liệu gộp từ các đơn vị đã sáp nhập");
		add_once(code, ccap, &nc, "combined across merges");
	}
	if (derived) {
		add_once(text, tcap, &nt, "tính từ kết quả các đơn vị cấp dưới");
		add_once(code, ccap, &nc, "derived from the units below");
	}
	if (nm) {
		if (nt < tcap)
			nt += (size_t)snprintf(text + nt, tcap - nt, "%sthiếu số liệu: %s", nt ? "; " : "", miss);
		if (nc < ccap)
			nc += (size_t)snprintf(code + nc, ccap - nc, "%smissing: %s", nc ? "; " : "", miss);
	}
}

static int t_indicators(struct rep *p, struct table *t)
{
	struct ctx *c = p->c;
	struct evalrun r;
	struct results R = { 0 };
	struct reads_source src = { 0 };
	const struct critset *s;
	const struct criterion *cr;
	int ya, yb, i, y, k, n = 0, ci, lv, rc = -1;
	int cname, cyear, cid, cind, cuom, cval, creq, cthr, cts, clo, chi, cgap, cst, csrc;
	char text[4096], code[4096], num[64], ids[1024];

	if (evaluate(p, 1, &r, &R, &ya, &yb) < 0)
		return -1;
	s = r.set;
	if ((ci = crit_find_criterion(s, p->criterion)) < 0) {
		size_t m = 0;

		ids[0] = '\0';
		for (k = 0; k < s->ncrit && m < sizeof ids; k++)
			m += (size_t)snprintf(ids + m, sizeof ids - m, "%s%s", k ? ", " : "", s->crit[k].id);
		err_set(&c->err, _("report indicators: set %s has no criterion '%s' (its criteria: %s)"), s->id,
		        p->criterion, ids);
		goto done;
	}
	cr = &s->crit[ci];
	lv = store_level_parse(s->level);
	lv = lv < 0 ? LV_COMMUNE : lv;
	if (reads_source_open(&src, c->db, &c->err) < 0)
		goto done;
	annex_head(p, t, 2, "Chỉ tiêu", ya, yb);
	table_set(t, &t->title, "Các chỉ tiêu của tiêu chí %s (%s) theo %s: %s", cr->id, cr->name,
	          level_word[lv], s->title);
	eval_source(p, t, s);
	t->freeze_cols = 2;
	table_col(t, "no", "STT", NULL, TC_INT, 0);
	table_col(t, "unit_code", NULL, NULL, TC_TEXT, 0);
	cname = table_col(t, "unit_name", level_title[lv], NULL, TC_TEXT, 0);
	cyear = table_col(t, "year", ya == yb ? NULL : "Năm", NULL, TC_YEAR, 0);
	cid = table_col(t, "indicator", "Chỉ tiêu", NULL, TC_TEXT, 0);
	cind = table_col(t, "indicator_name", "Nội dung", NULL, TC_TEXT, 0);
	cuom = table_col(t, "uom", "Đơn vị tính", "ĐVT", TC_TEXT, 0);
	cval = table_col(t, "value", "Giá trị", NULL, TC_NUM, 2);
	creq = table_col(t, "requirement", "Yêu cầu", NULL, TC_TEXT, 0);
	cthr = table_col(t, "threshold", "Ngưỡng", NULL, TC_NUM, 2);
	cts = table_col(t, "threshold_state", "Tình trạng ngưỡng", "Ngưỡng là", TC_TEXT, 0);
	clo = table_col(t, "threshold_low", NULL, NULL, TC_NUM, 4);
	chi = table_col(t, "threshold_high", NULL, NULL, TC_NUM, 4);
	cgap = table_col(t, "gap", "Chênh lệch", NULL, TC_NUM, 2);
	cst = table_col(t, "status", "Kết quả", NULL, TC_STATUS, 0);
	csrc = table_col(t, "source", "Nguồn số liệu", NULL, TC_TEXT, 0);
	for (i = 0; i < r.nunit; i++)
		for (y = ya; y <= yb; y++) {
			const struct unit *u = &c->units.u[r.units[i]];

			if (!results_judged(&R, i, y))
				continue;
			for (k = cr->first; k < cr->first + cr->n; k++) {
				const struct indicator *d = &s->ind[k];
				struct ind_result x;

				results_ind(&R, i, y, k, &x);
				table_row(t, ROW_BODY);
				table_num(t, 0, ++n);
				table_text(t, 1, u->code, NULL);
				table_text(t, cname, u->name, NULL);
				table_num(t, cyear, y);
				table_text(t, cid, d->id, NULL);
				table_text(t, cind, d->name, NULL);
				table_text(t, cuom, d->unit, NULL);
				table_status(t, cst, x.status);
				if (d->cmp == CMP_MUST) {
					table_text(t, creq, d->must ? "phải đạt" : "không được có", d->must ? "must" : "must_not");
					if (!isnan(x.value))
						table_text(t, cval, x.value != 0 ? "có" : "không", x.value != 0 ? "1" : "0");
				} else {
					table_text(t, creq, d->cmp == CMP_MIN ? "tối thiểu" : "tối đa",
					           d->cmp == CMP_MIN ? "min" : "max");
					table_num(t, cval, x.value);
				}
				if (x.status != ST_NA && d->cmp != CMP_MUST) {
					table_text(t, cts, word(thr_states, crit_thr_state_name[x.thr_status]),
					           crit_thr_state_name[x.thr_status]);
					if (x.thr_status == TS_SET || x.thr_status == TS_DRAFT) {
						table_num(t, cthr, x.threshold);
					} else if (x.thr_status == TS_RANGE) {
						char hi[32];

						table_fmt_num(num, sizeof num, x.thr_lo, 2, 0, 1);
						table_fmt_num(hi, sizeof hi, x.thr_hi, 2, 0, 1);
						if (isinf(x.thr_hi))
							snprintf(text, sizeof text, "từ %s trở lên", num);
						else
							snprintf(text, sizeof text, "từ %s đến %s", num, hi);
						table_text(t, cthr, text, "");
					} else {
						table_text(t, cthr, "chưa quy định", "");
					}
					if (!isinf(x.thr_lo))
						table_num(t, clo, x.thr_lo);
					if (!isinf(x.thr_hi))
						table_num(t, chi, x.thr_hi);
					table_num(t, cgap, eval_gap(d, &x));
				}
				ind_source(&src, c, &r, i, y, k, p->refs, text, sizeof text, code, sizeof code);
				table_text(t, csrc, text, code);
			}
		}
	legend(t, c->strict);
	table_note(t, "Chênh lệch: phần vượt ngưỡng (dương) hoặc còn thiếu (âm); với ngưỡng chưa quy "
	           "định hay chỉ biết khoảng, kết quả tính trên mọi ngưỡng trong khoảng đó.");
	thr_note(t, &R, ya, yb);
	rc = 0;
done:
	reads_source_close(&src);
	results_free(&R);
	evalrun_free(&r);
	return rc;
}

/* Sums of a group of funding rows. */
struct fsum {
	double alloc, disb, rep, talloc, tdisb, trep;
};

static double add(double a, double b)
{
	return isnan(a) ? b : isnan(b) ? a : a + b;
}

static void fsum_add(struct fsum *s, const struct reads_funding *f)
{
	s->alloc = add(s->alloc, f->alloc_mvnd);
	s->disb = add(s->disb, f->disb_mvnd);
	s->rep = add(s->rep, f->rep_mvnd);
	s->talloc = add(s->talloc, f->alloc_t);
	s->tdisb = add(s->tdisb, f->disb_t);
	s->trep = add(s->trep, f->rep_t);
}

static double rate(double disb, double rep)
{
	return isnan(disb) || isnan(rep) || rep <= 0 ? (double)NAN : 100 * disb / rep;
}

static const struct fsum fsum_none = { NAN, NAN, NAN, NAN, NAN, NAN };

/* Funding columns from col on: money, its rate, cement, its rate. */
static void fsum_cells(struct table *t, int col, const struct fsum *s)
{
	table_num(t, col, s->alloc);
	table_num(t, col + 1, s->disb);
	table_num(t, col + 2, rate(s->disb, s->rep));
	table_num(t, col + 3, s->talloc);
	table_num(t, col + 4, s->tdisb);
	table_num(t, col + 5, rate(s->tdisb, s->trep));
}

static void funding_cols(struct table *t)
{
	table_col(t, "allocated_mvnd", "Vốn phân bổ (triệu đồng)", "Phân bổ (tr.đ)", TC_MVND, 0);
	table_col(t, "disbursed_mvnd", "Vốn giải ngân (triệu đồng)", "Giải ngân (tr.đ)", TC_MVND, 0);
	table_col(t, "disbursement_rate_pct", "Tỷ lệ giải ngân vốn (%)", "Tỷ lệ (%)", TC_PCT, 1);
	table_col(t, "allocated_tonnes", "Xi măng phân bổ (tấn)", "Xi măng (tấn)", TC_TONNES, 0);
	table_col(t, "disbursed_tonnes", "Xi măng giải ngân (tấn)", "Đã cấp (tấn)", TC_TONNES, 0);
	table_col(t, "disbursement_rate_tonnes_pct", "Tỷ lệ giải ngân xi măng (%)", "Tỷ lệ XM (%)", TC_PCT, 1);
}

static void years_of(struct rep *p, int *y0, int *y1)
{
	*y0 = p->y0 ? p->y0 : 1990;
	*y1 = p->y1 ? p->y1 : 2100;
}

static int t_funding(struct rep *p, struct table *t)
{
	struct ctx *c = p->c;
	const struct unit *u = &c->units.u[p->top];
	struct reads_funding *f = NULL;
	struct fsum year, all = fsum_none;
	int n, i, y0, y1, nyear = 0;
	char text[64];

	years_of(p, &y0, &y1);
	if (reads_funding(c->db, u->id, y0, y1, &f, &n, &c->err) < 0)
		return -1;
	if (n == 0) {
		free(f);
		if (p->y0)
			return err_set(&c->err, _("report funding: no funding on record for %s (%s) or the units "
			               "below it in %d-%d"), u->name, u->code, y0, y1);
		return err_set(&c->err, _("report funding: no funding on record for %s (%s) or the units below it"),
		               u->name, u->code);
	}
	annex_head(p, t, 4, "Nguồn vốn", f[0].year, f[n - 1].year);
	table_set(t, &t->title, "Kết quả phân bổ và giải ngân các nguồn vốn xây dựng nông thôn mới");
	table_set(t, &t->source, "Nguồn: số liệu nguồn vốn trong %s (nguồn của từng dòng ghi khi nhập)",
	          c->db_path);
	table_set(t, &t->measure, "Đơn vị tính: triệu đồng; xi măng: tấn");
	t->freeze_cols = 3;
	table_col(t, "no", "STT", NULL, TC_INT, 0);
	table_col(t, "year", "Năm", NULL, TC_YEAR, 0);
	table_col(t, "fund", "Nguồn vốn", NULL, TC_TEXT, 0);
	table_col(t, "kind", "Loại vốn", NULL, TC_TEXT, 0);
	funding_cols(t);
	for (i = 0; i < n; i++) {
		if (i == 0 || f[i].year != f[i - 1].year) {
			year = fsum_none;
			nyear++;
		}
		table_row(t, ROW_BODY);
		table_num(t, 0, i + 1);
		table_num(t, 1, f[i].year);
		table_text(t, 2, word(funds, f[i].fund), f[i].fund);
		table_text(t, 3, word(kinds, f[i].kind), f[i].kind);
		{
			struct fsum one = fsum_none;

			fsum_add(&one, &f[i]);
			fsum_cells(t, 4, &one);
		}
		fsum_add(&year, &f[i]);
		fsum_add(&all, &f[i]);
		if (i == n - 1 || f[i + 1].year != f[i].year) {
			table_row(t, ROW_TOTAL);
			snprintf(text, sizeof text, "Cộng năm %d", f[i].year);
			table_text(t, 2, text, NULL);
			fsum_cells(t, 4, &year);
		}
	}
	if (nyear > 1) {
		table_row(t, ROW_TOTAL);
		table_text(t, 2, "Tổng cộng", NULL);
		fsum_cells(t, 4, &all);
	}
	table_note(t, "Tỷ lệ giải ngân tính trên phần vốn đã báo cáo giải ngân; ô trống: chưa báo cáo. "
	           "Tiền và xi măng không cộng với nhau.");
	free(f);
	return 0;
}

static int t_projects(struct rep *p, struct table *t)
{
	struct ctx *c = p->c;
	const struct unit *u = &c->units.u[p->top];
	struct reads_project *w = NULL;
	int n, i, k, y0, y1, nyear = 0, ycount = 0, nocost = 0, count[3] = { 0, 0, 0 };
	double ycost = NAN, cost = NAN, scost[3] = { NAN, NAN, NAN };
	char text[128], qcode[8];

	years_of(p, &y0, &y1);
	if (reads_projects(c->db, u->id, y0, y1, &w, &n, &c->err) < 0)
		return -1;
	if (n == 0) {
		reads_projects_free(w, n);
		return err_set(&c->err, _("report projects: no works or projects on record for %s (%s) or the "
		               "units below it%s"), u->name, u->code, p->y0 ? _(" in those years") : "");
	}
	annex_head(p, t, 5, "Công trình", w[0].year, w[n - 1].year);
	table_set(t, &t->title, "Danh mục công trình, dự án xây dựng nông thôn mới");
	table_set(t, &t->source, "Nguồn: danh mục công trình, dự án trong %s (nguồn của từng dòng ghi khi nhập)",
	          c->db_path);
	table_set(t, &t->measure, "Đơn vị tính: triệu đồng");
	t->freeze_cols = 4;
	table_col(t, "no", "STT", NULL, TC_INT, 0);
	table_col(t, "year", "Năm", NULL, TC_YEAR, 0);
	table_col(t, "quarter", "Quý", NULL, TC_TEXT, 0);
	table_col(t, "name", "Tên công trình, dự án", "Công trình", TC_TEXT, 0);
	table_col(t, "unit_name", "Địa điểm", NULL, TC_TEXT, 0);
	table_col(t, "category", "Lĩnh vực", NULL, TC_TEXT, 0);
	table_col(t, "status", "Tình trạng", NULL, TC_TEXT, 0);
	table_col(t, "cost_mvnd", "Kinh phí (triệu đồng)", "Kinh phí (tr.đ)", TC_MVND, 0);
	for (i = 0; i < n; i++) {
		if (i == 0 || w[i].year != w[i - 1].year) {
			ycost = NAN;
			ycount = 0;
			nyear++;
		}
		table_row(t, ROW_BODY);
		table_num(t, 0, i + 1);
		table_num(t, 1, w[i].year);
		snprintf(text, sizeof text, "Quý %d", w[i].quarter);
		snprintf(qcode, sizeof qcode, "%d", w[i].quarter);
		table_text(t, 2, w[i].quarter ? text : "Cả năm", qcode);
		table_text(t, 3, w[i].name, NULL);
		table_text(t, 4, w[i].unit_name, NULL);
		table_text(t, 5, word(categories, w[i].category), w[i].category);
		table_text(t, 6, word(states, w[i].status), w[i].status);
		table_num(t, 7, w[i].cost);
		ycost = add(ycost, w[i].cost);
		cost = add(cost, w[i].cost);
		ycount++;
		nocost += isnan(w[i].cost);
		for (k = 0; k < 3; k++)
			if (strcmp(w[i].status, states[k].code) == 0) {
				count[k]++;
				scost[k] = add(scost[k], w[i].cost);
			}
		if (i == n - 1 || w[i + 1].year != w[i].year) {
			table_row(t, ROW_TOTAL);
			snprintf(text, sizeof text, "Cộng năm %d: %d công trình", w[i].year, ycount);
			table_text(t, 3, text, NULL);
			table_num(t, 7, ycost);
		}
	}
	if (nyear > 1) {
		table_row(t, ROW_TOTAL);
		snprintf(text, sizeof text, "Tổng cộng: %d công trình", n);
		table_text(t, 3, text, NULL);
		table_num(t, 7, cost);
	}
	for (k = 0; k < 3; k++) {
		if (!count[k])
			continue;
		table_row(t, ROW_TOTAL);
		snprintf(text, sizeof text, "Trong đó %s: %d công trình", states[k].word, count[k]);
		table_text(t, 3, text, NULL);
		table_num(t, 7, scost[k]);
	}
	if (nocost)
		table_note(t, "%d công trình chưa có kinh phí trong kế hoạch (ô trống), không tính vào tổng.", nocost);
	reads_projects_free(w, n);
	return 0;
}

static int t_summary(struct rep *p, struct table *t)
{
	struct ctx *c = p->c;
	struct evalrun r;
	struct results R = { 0 };
	struct reads_funding *f = NULL;
	const struct critset *s;
	int nf = 0, ya, yb, y, i, k, lv, rc = -1;
	char head[256];

	if (evaluate(p, 0, &r, &R, &ya, &yb) < 0)
		return -1;
	s = r.set;
	lv = store_level_parse(s->level);
	lv = lv < 0 ? LV_COMMUNE : lv;
	if (reads_funding(c->db, c->units.u[p->top].id, ya, yb, &f, &nf, &c->err) < 0)
		goto done;
	annex_head(p, t, 3, "Tổng hợp", ya, yb);
	table_set(t, &t->title, "Tổng hợp kết quả xây dựng nông thôn mới: %s", s->title);
	eval_source(p, t, s);
	table_set(t, &t->measure, "Đơn vị tính: số %s; vốn: triệu đồng; xi măng: tấn", level_word[lv]);
	t->freeze_cols = 1;
	table_col(t, "year", "Năm", NULL, TC_YEAR, 0);
	snprintf(head, sizeof head, "Số %s được đánh giá", level_word[lv]);
	table_col(t, "units", head, "Số đơn vị", TC_INT, 0);
	table_col(t, "met", "Đạt chuẩn (chắc chắn)", "Đạt", TC_INT, 0);
	table_col(t, "could", "Có thể đạt", NULL, TC_INT, 0);
	table_col(t, "could_open", "trong đó chờ ngưỡng", "chờ ngưỡng", TC_INT, 0);
	table_col(t, "could_missing", "trong đó thiếu số liệu", "thiếu số liệu", TC_INT, 0);
	table_col(t, "cannot", "Chưa đạt", NULL, TC_INT, 0);
	snprintf(head, sizeof head, "Tiêu chí đạt bình quân (trên %d)", s->ncrit);
	table_col(t, "criteria_met_mean", head, "TC đạt bình quân", TC_NUM, 1);
	funding_cols(t);
	for (y = ya; y <= yb; y++) {
		struct fsum fy = fsum_none;
		int n = 0, met = 0, open = 0, miss = 0, unmet = 0;
		long sum = 0;

		for (i = 0; i < r.nunit; i++) {
			int st;

			if (!results_judged(&R, i, y))
				continue;
			st = results_status(&R, i, y);
			n++;
			met += st == ST_MET;
			open += st == ST_OPEN;
			miss += st == ST_UNKNOWN;
			unmet += st == ST_UNMET;
			sum += results_ncrit(&R, i, y);
		}
		for (k = 0; k < nf; k++)
			if (f[k].year == y)
				fsum_add(&fy, &f[k]);
		table_row(t, ROW_BODY);
		table_num(t, 0, y);
		table_num(t, 1, n);
		table_num(t, 2, met);
		table_num(t, 3, open + miss);
		table_num(t, 4, open);
		table_num(t, 5, miss);
		table_num(t, 6, unmet);
		table_num(t, 7, n ? (double)sum / n : (double)NAN);
		fsum_cells(t, 8, &fy);
	}
	table_note(t, "Đạt chuẩn (chắc chắn): đạt với mọi ngưỡng bộ tiêu chí cho phép. Có thể đạt: kết quả "
	           "tùy vào ngưỡng chưa quy định (chờ ngưỡng) hoặc thiếu số liệu (có thể kèm ngưỡng chưa "
	           "quy định). Chưa đạt: không đạt với mọi ngưỡng.");
	if (c->strict)
		table_note(t, "Ngưỡng dự thảo được coi như chưa quy định (--strict).");
	table_note(t, "Vốn: mọi nguồn của đơn vị và các đơn vị cấp dưới; tỷ lệ giải ngân tính trên phần "
	           "vốn đã báo cáo giải ngân.");
	thr_note(t, &R, ya, yb);
	rc = 0;
done:
	free(f);
	results_free(&R);
	evalrun_free(&r);
	return rc;
}

/* Writes t as fmt as name in od (through a hidden file renamed into
 * place), or to stdout when name is NULL. An xlsx is made in a temporary
 * file first: libxlsxwriter writes to a path of its own choosing. */
static int emit(struct ctx *c, const struct table *t, int fmt, const struct outdir *od,
                const char *name, int bom)
{
	struct outfile o;
	char tmp[4096], shown[512];
	int rc = -1, fd, i, body = 0;

	if (!name) {
		int bad = fmt == TF_CSV ? table_csv_write(stdout, t, bom) :
		          fmt == TF_MD ? table_md_write(stdout, t) :
		          fmt == TF_HTML ? report_html_table(stdout, t) : table_text_write(stdout, t);

		return bad < 0 ? err_set(&c->err, "%s", _("report: the table could not be written")) : 0;
	}
	if (fmt == TF_XLSX) {
		const char *dir = getenv("TMPDIR");

		snprintf(tmp, sizeof tmp, "%s/ntm-xlsx-XXXXXX", dir && *dir ? dir : "/tmp");
		if ((fd = mkstemp(tmp)) < 0)
			return err_set(&c->err, _("report: cannot make a temporary file in %s: %s (set TMPDIR)"),
			               dir && *dir ? dir : "/tmp", strerror(errno));
		if (table_xlsx_write(tmp, &t, 1, &c->err) == 0 && outfile_copy(od, name, fd, &c->err) == 0)
			rc = 0;
		unlink(tmp);
		close(fd);
	} else if (outfile_begin(&o, od, name, &c->err) == 0) {
		if ((fmt == TF_CSV ? table_csv_write(o.f, t, bom) :
		     fmt == TF_MD ? table_md_write(o.f, t) :
		     fmt == TF_HTML ? report_html_table(o.f, t) : table_text_write(o.f, t)) < 0) {
			err_set(&c->err, _("%s: cannot write"), outfile_shown(od, name, shown, sizeof shown));
			outfile_abort(&o);
		} else {
			rc = outfile_commit(&o, &c->err);
		}
	}
	if (rc < 0)
		return -1;
	for (i = 0; i < t->nrow; i++)
		body += t->row[i].kind == ROW_BODY;
	printf(_("wrote %s: %s, %d row%s\n"), outfile_shown(od, name, shown, sizeof shown),
	       t->form ? t->form : "", body, body == 1 || i18n_lang() == LANG_VI ? "" : "s");
	return 0;
}

/* An annex table for a page (report_html.h), built as `ntm report TABLE`
 * builds it over the years the page asks for. */
static int page_table(void *ud, int kind, int y0, int y1, const char *criterion,
                      struct html_refs *refs, struct table *t)
{
	struct rep q = *(const struct rep *)ud;

	q.y0 = y0;
	q.y1 = y1;
	q.criterion = criterion;
	q.refs = refs;
	switch (kind) {
	case RH_CRITERIA: return t_criteria(&q, t);
	case RH_INDICATORS: return t_indicators(&q, t);
	case RH_SUMMARY: return t_summary(&q, t);
	case RH_FUNDING: return t_funding(&q, t);
	default: return t_projects(&q, t);
	}
}

/* `ntm report html`: the set and the years as the summary takes them, then
 * the page, written whole as name in od or not at all. */
static int page(struct rep *p, const struct outdir *od, const char *name, const char *rules)
{
	struct ctx *c = p->c;
	struct report_page pg = { 0 };
	struct report_html_stats st = { 0 };
	struct evalrun r;
	struct results R = { 0 };
	struct outfile o;
	char where[512], shown[512];
	int ya, yb;

	if (evaluate(p, 0, &r, &R, &ya, &yb) < 0)
		return -1;
	results_free(&R);
	evalrun_free(&r);
	place(c, p->top, where, sizeof where);
	pg.c = c;
	pg.top = p->top;
	pg.place = where;
	pg.y0 = ya;
	pg.y1 = yb;
	pg.set = p->set;
	pg.rules = rules;
	pg.table = page_table;
	pg.ud = p;
	if (outfile_begin(&o, od, name, &c->err) < 0)
		return -1;
	if (report_html_write(o.f, &pg, &st) < 0) {
		outfile_abort(&o);
		return -1;
	}
	if (outfile_commit(&o, &c->err) < 0)
		return -1;
	if (ya == yb)
		snprintf(where, sizeof where, "%d", ya);
	else
		snprintf(where, sizeof where, "%d-%d", ya, yb);
	printf(_("wrote %s: report page %s, %d tables, %d charts, %d finding%s, %d source%s\n"),
	       outfile_shown(od, name, shown, sizeof shown), where, st.tables, st.charts, st.findings,
	       st.findings == 1 || i18n_lang() == LANG_VI ? "" : "s", st.sources, st.sources == 1 || i18n_lang() == LANG_VI ? "" : "s");
	return 0;
}

int cmd_report(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "unit", OPT_ARG, "NAME|CODE", "the unit: a district, a province, a commune", NULL },
		{ "year", OPT_ARG, "Y", "one year", NULL },
		{ "years", OPT_ARG, "A-B", "a span of years", NULL },
		{ "set", OPT_ARG, "SET", "the criteria set (default: the commune set in force)", NULL },
		{ "criterion", OPT_ARG, "ID", "indicators: the criterion", NULL },
		{ "out", OPT_ARG, "FILE", "write FILE (.xlsx, .csv, .md, .txt) instead of printing", NULL },
		{ "format", OPT_ARG, "FMT", "text (default), csv or md on stdout; with --out, as its extension", NULL },
		{ "bom", OPT_FLAG, NULL, "csv: start with a UTF-8 byte order mark", NULL },
		{ "rules", OPT_ARG, "DIR", "html: the audit's rules folders, as ntm check (default $NTM_CHECKS "
		  "or scripts/checks)", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	struct rep p = { 0 };
	struct table t;
	struct outdir od = { .fd = -1 };
	const char *out, *fa, *yarg, *name = NULL, *rules, *e;
	int npos, done, rc, which, fmt = TF_TEXT, built, whole;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, usage, &done)) || done)
		return rc;
	if (npos != 1) {
		err_set(&c->err, "%s", _("report: give one table: criteria, indicators, summary, funding or projects, "
		        "or html (see 'ntm report --help')"));
		return 2;
	}
	for (which = 0; which < NTABLES && strcmp(table_names[which], argv[1]) != 0; which++)
		;
	if (which == NTABLES) {
		struct suggest sg;
		int k;

		err_set(&c->err, _("report: unknown table '%s' (criteria, indicators, summary, funding or projects, "
		        "or html)"), argv[1]);
		suggest_init(&sg, argv[1]);
		for (k = 0; k < NTABLES; k++)
			suggest_add(&sg, table_names[k]);
		suggest_append(&sg, &c->err);
		return 2;
	}
	out = opt_get(opts, "out");
	whole = which == NTABLES - 1;   /* html: the page */
	if (whole && (!out || table_format_of(out) != TF_HTML || opt_get(opts, "format"))) {
		err_set(&c->err, "%s", _("report html: give --out FILE.html (the page is one file)"));
		return 2;
	}
	if (opt_get(opts, "rules") && !whole) {
		err_set(&c->err, "%s", _("report: --rules goes with html (the page's audit)"));
		return 2;
	}
	if (out && (fmt = table_format_of(out)) < 0) {
		err_set(&c->err, _("report: --out '%s': give a file ending in .xlsx, .csv, .md, .txt or .html"), out);
		return 2;
	}
	if ((fa = opt_get(opts, "format"))) {
		int f = table_format_parse(fa);

		if (f < 0 || f == TF_XLSX) {
			err_set(&c->err, _("report: --format '%s' is not text, csv, md or html%s"), fa,
			        f == TF_XLSX ? _(" (an xlsx is a file: give --out FILE.xlsx)") : "");
			return 2;
		}
		if (out && f != fmt) {
			err_set(&c->err, _("report: --format %s and --out '%s' disagree; the extension of --out "
			        "picks the format"), fa, out);
			return 2;
		}
		fmt = f;
	}
	if (opt_get(opts, "bom") && fmt != TF_CSV) {
		err_set(&c->err, "%s", _("report: --bom goes with csv (--out FILE.csv or --format csv)"));
		return 2;
	}
	if (opt_get(opts, "criterion") && which != 1) {
		err_set(&c->err, "%s", _("report: --criterion goes with the indicators table"));
		return 2;
	}
	if (!opt_get(opts, "criterion") && which == 1) {
		err_set(&c->err, "%s", _("report indicators: give --criterion ID (e.g. --criterion 2)"));
		return 2;
	}
	if (!opt_get(opts, "unit")) {
		err_set(&c->err, "%s", _("report: give --unit NAME|CODE (a district, a province or a commune)"));
		return 2;
	}
	if (opt_get(opts, "year") && opt_get(opts, "years")) {
		err_set(&c->err, "%s", _("report: give --year or --years, not both"));
		return 2;
	}
	if ((yarg = opt_get(opts, "year") ? opt_get(opts, "year") : opt_get(opts, "years")) &&
	    (opt_years(yarg, &p.y0, &p.y1) < 0 || (opt_get(opts, "year") && p.y0 != p.y1))) {
		err_set(&c->err, opt_get(opts, "year") ? _("report: '%s' is not a year (e.g. 2023)")
		        : _("report: '%s' is not a year span (e.g. 2021-2023)"), yarg);
		return 2;
	}
	p.c = c;
	p.set = opt_get(opts, "set");
	p.criterion = opt_get(opts, "criterion");
	if (ctx_db(c) < 0 || ctx_units(c) < 0 || ctx_vars(c) < 0 ||
	    (p.top = ctx_find_unit(c, opt_get(opts, "unit"))) < 0)
		return 1;
	/* a folder that is not there is said before the work, not after */
	if (out && outdir_of(&od, out, &name, &c->err) < 0)
		return 1;
	if (out && outfile_bad_name(name)) {
		char shown[512];

		err_set(&c->err, "%s: %s", outfile_shown(&od, name, shown, sizeof shown), outfile_bad_name(name));
		outdir_close(&od);
		return 2;
	}
	if (whole) {
		rules = opt_get(opts, "rules");
		if (!rules)
			rules = (e = getenv("NTM_CHECKS")) && *e ? e : "scripts/checks";
		rc = page(&p, &od, name, rules) < 0 ? 1 : 0;
		outdir_close(&od);
		return rc;
	}
	table_init(&t);
	switch (which) {
	case 0: built = t_criteria(&p, &t); break;
	case 1: built = t_indicators(&p, &t); break;
	case 2: built = t_summary(&p, &t); break;
	case 3: built = t_funding(&p, &t); break;
	default: built = t_projects(&p, &t); break;
	}
	if (built == 0 && t.oom)
		built = err_set(&c->err, "%s", _("out of memory"));
	rc = built < 0 ? 1 : emit(c, &t, fmt, &od, name, opt_get(opts, "bom") != NULL) < 0 ? 1 : 0;
	table_free(&t);
	outdir_close(&od);
	return rc;
}
