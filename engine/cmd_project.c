/* cmd_project.c - `ntm project SET`: evaluates the set over its years
 * (evalrun.h), projects every indicator a unit does not meet in its last
 * year with figures at today's pace (project.h), and prints per unit the
 * year each would be met, the criterion that falls last, and per criterion
 * how many units reach it by the horizon: a table, csv or json. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "csv.h"
#include "evalrun.h"
#include "i18n.h"
#include "project.h"
#include "report.h"
#include "utf8.h"

static const char usage[] =
	"usage: ntm project SET [--unit NAME|CODE] [--to YEAR] [--method linear|theil-sen]\n"
	"                       [--format table|csv|json]\n\n"
	"Evaluates the criteria set SET over its years for every unit of its level (in\n"
	"or below --unit) and, for every indicator a unit does not meet in the last\n"
	"year with figures, fits the trend of its measure over the years on record\n"
	"(least squares, or Theil-Sen: the median of the pairwise slopes) and carries\n"
	"the last value on at that pace: the year it reaches the threshold of that\n"
	"year in the unit's region, or not by --to (default: the set's last year),\n"
	"or moving away, or flat. A threshold the set knows only as a range, or not\n"
	"at all, gives a span: the first year it may be met (the near end) and the\n"
	"year it certainly is (the far end; never, when that is infinite). Yes/no\n"
	"indicators have no trend. Fewer than 3 years of figures make a low-confidence\n"
	"projection; it says so. Past the set's last year, that year's thresholds hold.\n"
	"The summary gives each unit's last criterion to fall and when, and per\n"
	"criterion how many units reach it by --to. Nothing is stored. With the global\n"
	"--scenario NAME, the scenario's figures count as on record.\n";

struct popt {
	int format, method, to;
	FILE *out;
};

/* Per criterion (and, at index ncrit, the set): units by where they stand. */
struct tally {
	int n[PJ_N];
};

static void num(char *buf, size_t cap, double v)
{
	if (isinf(v))
		snprintf(buf, cap, "%s", v > 0 ? "∞" : "-∞");
	else
		report_num(buf, cap, v);
}

static void year_or_none(FILE *f, int y, const char *none)
{
	if (y == PROJ_NEVER || y == 0)
		fputs(none, f);
	else
		fprintf(f, "%d", y);
}

/* "61.3 %" or "yes" */
static void value_text(const struct indicator *d, double v, char *buf, size_t cap)
{
	char n[40];

	if (isnan(v)) {
		snprintf(buf, cap, "—");
		return;
	}
	if (d->cmp == CMP_MUST) {
		snprintf(buf, cap, "%s", v != 0 ? "yes" : "no");
		return;
	}
	num(n, sizeof n, v);
	snprintf(buf, cap, "%s%s%s", n, *d->unit ? " " : "", d->unit);
}

/* "≥ 70 (draft)", "≥ 70–80", "not set", "must hold" */
static void thr_text(const struct indicator *d, const struct proj_ind *p, char *buf, size_t cap)
{
	const char *op = d->cmp == CMP_MIN ? "≥" : "≤";
	char a[40], b[40];

	if (d->cmp == CMP_MUST) {
		snprintf(buf, cap, "%s", d->must ? "must hold" : "must not hold");
		return;
	}
	if (isnan(p->thr_lo)) {
		snprintf(buf, cap, "—");
		return;
	}
	if (p->thr_status == TS_UNSET) {
		snprintf(buf, cap, "not set");
		return;
	}
	num(a, sizeof a, p->thr_lo);
	num(b, sizeof b, p->thr_hi);
	if (p->thr_lo != p->thr_hi)
		snprintf(buf, cap, "%s %s–%s", op, a, b);
	else
		snprintf(buf, cap, "%s %s%s", op, a, p->thr_status == TS_DRAFT ? " (draft)" :
		         p->thr_status == TS_EXPR ? " (computed)" : "");
}

/* the fitted pace a year: "+4.2", "-0.5", "0" */
static void pace_text(const struct proj_ind *p, int must, char *buf, size_t cap)
{
	double s = p->fit.slope;

	if (must || isnan(s))
		snprintf(buf, cap, "—");
	else if (s != 0 && fabs(s) < 0.005)
		snprintf(buf, cap, "%+.2g", s);
	else {
		char n[40];

		num(n, sizeof n, s);
		snprintf(buf, cap, "%s%s", s > 0 ? "+" : "", n);
	}
}

/* The projection in words: "2025", "2024–2026", "may from 2023; certain not by 2025" */
static void when_text(const struct proj_when *w, int to, char *buf, size_t cap)
{
	switch (w->status) {
	case PJ_MET:
		snprintf(buf, cap, "met");
		break;
	case PJ_REACHES:
		if (w->first == w->certain)
			snprintf(buf, cap, "%d", w->certain);
		else
			snprintf(buf, cap, "%d–%d", w->first, w->certain);
		break;
	case PJ_MAY_REACH:
		if (w->far_inf)
			snprintf(buf, cap, "may from %d; never certain (no upper end)", w->first);
		else
			snprintf(buf, cap, "may from %d; certain not by %d", w->first, to);
		break;
	case PJ_NOT_BY:
		snprintf(buf, cap, "not by %d", to);
		break;
	case PJ_FLAT:
		snprintf(buf, cap, "flat");
		break;
	case PJ_AWAY:
		snprintf(buf, cap, "moving away");
		break;
	case PJ_TOO_FEW:
		if (w->first != PROJ_NEVER)
			snprintf(buf, cap, "may be met now; one year: no trend");
		else
			snprintf(buf, cap, "one year: no trend");
		break;
	case PJ_NO_TREND:
		snprintf(buf, cap, "yes/no, no trend");
		break;
	case PJ_NO_FIGURES:
		snprintf(buf, cap, "no figures");
		break;
	default:
		snprintf(buf, cap, "n/a");
	}
}

/* What qualifies the projection: few points, a held threshold. */
static void note_text(const struct indicator *d, const struct proj_ind *p, int to, char *buf,
                      size_t cap)
{
	buf[0] = '\0';
	if (p->when.status == PJ_NO_TREND || p->when.status == PJ_NO_FIGURES)
		return;
	if (p->fit.n > 0 && p->fit.n < 3)
		snprintf(buf, cap, "%d year%s only: low confidence", p->fit.n, p->fit.n == 1 ? "" : "s");
	if (p->held)
		snprintf(buf + strlen(buf), cap - strlen(buf), "%sthreshold computed for the unit, "
		         "held at %d's", *buf ? "; " : "", p->year);
	else if (d->cmp != CMP_MUST && !isnan(p->end_lo) && to > p->year &&
	         (p->end_lo != p->thr_lo || p->end_hi != p->thr_hi)) {
		/* a threshold that changes by year: where it stands at the horizon */
		struct proj_ind e = *p;
		char t[64];

		e.thr_lo = p->end_lo;
		e.thr_hi = p->end_hi;
		thr_text(d, &e, t, sizeof t);
		snprintf(buf + strlen(buf), cap - strlen(buf), "%sthreshold %s by %d", *buf ? "; " : "",
		         t, to);
	}
}

/* An indicator the output lists: not met in the unit's last year, and
 * applicable. */
static int listed(const struct proj_ind *p)
{
	return p->when.status != PJ_MET && p->when.status != PJ_NA;
}

#define NCOL 7
struct trow {
	char cell[NCOL][160];
};


/* Rows aligned by display width, two spaces between columns, none after
 * the last cell of a row; the columns in the mask right aligned. */
static void put_rows(FILE *f, const struct trow *rows, int n, const char *indent, unsigned right)
{
	int w[NCOL] = { 0 }, i, j, last;

	for (i = 0; i < n; i++)
		for (j = 0; j < NCOL; j++)
			if ((int)utf8_width(rows[i].cell[j]) > w[j])
				w[j] = (int)utf8_width(rows[i].cell[j]);
	for (i = 0; i < n; i++) {
		for (last = NCOL - 1; last > 0 && !rows[i].cell[last][0]; last--)
			;
		fputs(indent, f);
		for (j = 0; j <= last; j++) {
			int k = (int)utf8_width(rows[i].cell[j]);

			if (right & (1u << j))   /* numbers: right-aligned */
				for (; k < w[j]; k++)
					putc(' ', f);
			if (j < last && !(right & (1u << j)))
				utf8_pad(f, rows[i].cell[j], w[j]);
			else
				fputs(rows[i].cell[j], f);
			if (j < last)
				fputs("  ", f);
		}
		putc('\n', f);
	}
}

/* The criteria whose year (certain, or with may the first) is latest, as
 * "17" or "2, 17"; their year in *year. */
static void last_to_fall(const struct critset *s, const struct proj_when *crit, int may,
                         char *buf, size_t cap, int *year)
{
	int c, best = 0;
	size_t n = 0;

	for (c = 0; c < s->ncrit; c++)
		if (crit[c].status != PJ_MET) {
			int y = may ? crit[c].first : crit[c].certain;

			if (y != PROJ_NEVER && y > best)
				best = y;
		}
	buf[0] = '\0';
	for (c = 0; c < s->ncrit && best; c++) {
		int y = may ? crit[c].first : crit[c].certain;

		if (crit[c].status != PJ_MET && y == best && n < cap)
			n += (size_t)snprintf(buf + n, cap - n, "%s%s", n ? ", " : "", s->crit[c].id);
	}
	*year = best;
}

/* The ids of the criteria not reached by the horizon (certain: not
 * certainly; else not even possibly), or without figures. */
static void not_reached(const struct critset *s, const struct proj_when *crit, int certain,
                        int nofig, char *buf, size_t cap)
{
	size_t n = 0;
	int c;

	buf[0] = '\0';
	for (c = 0; c < s->ncrit && n < cap; c++) {
		int st = crit[c].status, hit;

		if (nofig)
			hit = st == PJ_NO_FIGURES;
		else if (certain)
			hit = st == PJ_MAY_REACH || st == PJ_NOT_BY;
		else
			hit = st == PJ_NOT_BY;
		if (hit)
			n += (size_t)snprintf(buf + n, cap - n, "%s%s", n ? ", " : "", s->crit[c].id);
	}
}

/* "criterion" for one id, "criteria" for a list */
static const char *crit_word(const char *ids)
{
	return strchr(ids, ',') ? "criteria" : "criterion";
}

/* The unit's line: when it meets the set at today's pace. */
static void unit_text(const struct critset *s, const struct proj_when *u, const struct proj_when *crit,
                      int last, int to, char *buf, size_t cap)
{
	char ids[512], more[512];
	int y;

	switch (u->status) {
	case PJ_MET:
		snprintf(buf, cap, "meets the set in %d", last);
		return;
	case PJ_REACHES:
		last_to_fall(s, crit, 0, ids, sizeof ids, &y);
		if (u->first == u->certain)
			snprintf(buf, cap, "meets the set in %d at today's pace; last to fall: %s %s",
			         u->certain, crit_word(ids), ids);
		else
			snprintf(buf, cap, "may meet the set from %d, certainly in %d at today's pace; "
			         "last to fall: %s %s", u->first, u->certain, crit_word(ids), ids);
		return;
	case PJ_MAY_REACH:
		not_reached(s, crit, 1, 0, more, sizeof more);
		if (u->first <= last) {
			snprintf(buf, cap, "may meet the set in %d already (open thresholds); certainly: "
			         "not by %d at today's pace (%s %s)", last, to, crit_word(more), more);
			return;
		}
		last_to_fall(s, crit, 1, ids, sizeof ids, &y);
		snprintf(buf, cap, "may meet the set from %d at today's pace (last to fall: %s %s); "
		         "certainly: not by %d (%s %s)", u->first, crit_word(ids), ids, to, crit_word(more),
		         more);
		return;
	default:
		not_reached(s, crit, 0, 0, ids, sizeof ids);
		not_reached(s, crit, 0, 1, more, sizeof more);
		if (*ids)
			snprintf(buf, cap, "does not meet the set by %d at today's pace: %s %s%s%s%s%s",
			         to, crit_word(ids), ids, *more ? "; no figures for " : "",
			         *more ? crit_word(more) : "", *more ? " " : "", more);
		else
			snprintf(buf, cap, "cannot be projected: no figures for %s %s", crit_word(more), more);
	}
}

static void table_unit(FILE *f, const struct critset *s, const struct unit *x, int last,
                       const struct proj_ind *ind, const struct proj_when *crit,
                       const struct proj_when *u, int to, struct trow *rows)
{
	char line[2048];
	int k, n = 0, y0 = PROJ_NEVER;

	if (!last) {
		fprintf(f, "%s (%s): no figures on record\n\n", x->name, x->code);
		return;
	}
	for (k = 0; k < s->nind; k++)
		if (ind[k].fit.n > 0 && ind[k].fit.x_first < y0)
			y0 = (int)ind[k].fit.x_first;
	unit_text(s, u, crit, last, to, line, sizeof line);
	if (y0 != PROJ_NEVER && y0 < last)
		fprintf(f, "%s (%s), figures %d–%d: %s\n", x->name, x->code, y0, last, line);
	else
		fprintf(f, "%s (%s), figures %d: %s\n", x->name, x->code, last, line);
	if (u->status == PJ_MET) {
		putc('\n', f);
		return;
	}
	memset(&rows[0], 0, sizeof rows[0]);
	snprintf(rows[0].cell[0], sizeof rows[0].cell[0], "ind");
	snprintf(rows[0].cell[1], sizeof rows[0].cell[1], "in %d", last);
	snprintf(rows[0].cell[2], sizeof rows[0].cell[2], "threshold");
	snprintf(rows[0].cell[3], sizeof rows[0].cell[3], "a year");
	snprintf(rows[0].cell[4], sizeof rows[0].cell[4], "projected");
	snprintf(rows[0].cell[5], sizeof rows[0].cell[5], "years used");
	n = 1;
	for (k = 0; k < s->nind; k++) {
		const struct proj_ind *p = &ind[k];
		const struct indicator *d = &s->ind[k];
		struct trow *r = &rows[n];
		char v[64];

		if (!listed(p))
			continue;
		memset(r, 0, sizeof *r);
		snprintf(r->cell[0], sizeof r->cell[0], "%s", d->id);
		value_text(d, p->value, v, sizeof v);
		if (p->year && p->year != last)
			snprintf(r->cell[1], sizeof r->cell[1], "%s %s in %d", v, eval_status_name[p->now],
			         p->year);
		else if (p->year)
			snprintf(r->cell[1], sizeof r->cell[1], "%s %s", v, eval_status_name[p->now]);
		else
			snprintf(r->cell[1], sizeof r->cell[1], "—");
		thr_text(d, p, r->cell[2], sizeof r->cell[2]);
		pace_text(p, d->cmp == CMP_MUST, r->cell[3], sizeof r->cell[3]);
		when_text(&p->when, to, r->cell[4], sizeof r->cell[4]);
		if (p->fit.n > 1)
			snprintf(r->cell[5], sizeof r->cell[5], "%d–%d (%d)", (int)p->fit.x_first,
			         (int)p->fit.x_last, p->fit.n);
		else if (p->fit.n == 1)
			snprintf(r->cell[5], sizeof r->cell[5], "%d (1)", (int)p->fit.x_last);
		note_text(d, p, to, r->cell[6], sizeof r->cell[6]);
		n++;
	}
	put_rows(f, rows, n, "  ", 1u << 3);
	putc('\n', f);
}

static void csv_unit(FILE *f, const struct critset *s, const char *ucells,
                     const struct proj_ind *ind, const struct popt *o)
{
	int k;

	for (k = 0; k < s->nind; k++) {
		const struct proj_ind *p = &ind[k];
		const struct indicator *d = &s->ind[k];
		char a[40];

		if (!listed(p))
			continue;
		fputs(ucells, f);
		csv_put(f, s->crit[d->criterion].id);
		putc(',', f);
		csv_put(f, d->id);
		putc(',', f);
		if (p->fit.n > 0)
			fprintf(f, "%d,%d,%d,", (int)p->fit.x_first, p->year, p->fit.n);
		else
			fputs(",,0,", f);
		report_num(a, sizeof a, p->value);
		fprintf(f, "%s,%s,", a, p->year ? eval_status_name[p->now] : "");
		if (d->cmp == CMP_MUST || isnan(p->thr_lo)) {
			fputs(",,,", f);
		} else {
			if (isfinite(p->thr_lo))
				report_num(a, sizeof a, p->thr_lo), fputs(a, f);
			putc(',', f);
			if (isfinite(p->thr_hi))
				report_num(a, sizeof a, p->thr_hi), fputs(a, f);
			fprintf(f, ",%s,", crit_thr_state_name[p->thr_status]);
		}
		fprintf(f, "%s,", proj_method_name[o->method]);
		if (d->cmp != CMP_MUST && !isnan(p->fit.slope))
			fprintf(f, "%.6g", p->fit.slope);
		fprintf(f, ",%s,%s,", d->cmp == CMP_MUST ? "" : proj_pace_name[p->when.pace],
		        proj_status_name[p->when.status]);
		year_or_none(f, p->when.first, "");
		putc(',', f);
		year_or_none(f, p->when.certain, "");
		fprintf(f, ",%d,%s\n", o->to, p->fit.n > 0 && p->fit.n < 3 ? "low" : "");
	}
}

static void json_year(FILE *f, const char *key, int y)
{
	fprintf(f, ", \"%s\": ", key);
	year_or_none(f, y, "null");
}

static void json_num(FILE *f, const char *key, double v)
{
	char a[40];

	fprintf(f, ", \"%s\": ", key);
	if (isfinite(v)) {
		report_num(a, sizeof a, v);
		fputs(a, f);
	} else {
		fputs("null", f);
	}
}

/* ", \"key\": [...]": the ids of a list "a, b, c" (cut up in place) */
static void json_ids(FILE *f, const char *key, char *ids)
{
	char *p, *tok, *save = NULL;
	int first = 1;

	fprintf(f, ", \"%s\": [", key);
	for (p = ids; (tok = strtok_r(p, ",", &save)); p = NULL) {
		while (*tok == ' ')
			tok++;
		fputs(first ? "" : ", ", f);
		report_json_str(f, tok);
		first = 0;
	}
	putc(']', f);
}

/* the ids of criteria matching a test, as a JSON array */
static void json_crits(FILE *f, const char *key, const struct critset *s, const struct proj_when *crit,
                       int certain, int nofig)
{
	char ids[2048];

	not_reached(s, crit, certain, nofig, ids, sizeof ids);
	json_ids(f, key, ids);
}

static void json_unit(FILE *f, const struct critset *s, const struct unit *x, int last,
                      const struct proj_ind *ind, const struct proj_when *crit,
                      const struct proj_when *u, int first_unit)
{
	char ids[512];
	int k, first, y;

	fputs(first_unit ? "\n  {\"code\": " : ",\n  {\"code\": ", f);
	report_json_str(f, x->code);
	fputs(", \"name\": ", f);
	report_json_str(f, x->name);
	json_year(f, "last_year", last);
	fprintf(f, ", \"status\": \"%s\"", proj_status_name[u->status]);
	json_year(f, "first_year", u->first);
	json_year(f, "certain_year", u->certain);
	ids[0] = '\0';
	y = 0;
	if (u->status == PJ_REACHES || u->status == PJ_MAY_REACH)
		last_to_fall(s, crit, u->status == PJ_MAY_REACH, ids, sizeof ids, &y);
	json_ids(f, "last_to_fall", ids);
	json_crits(f, "not_certain", s, crit, 1, 0);
	json_crits(f, "no_figures", s, crit, 0, 1);
	fputs(", \"criteria\": {", f);
	for (k = 0; k < s->ncrit; k++) {
		fputs(k ? ", " : "", f);
		report_json_str(f, s->crit[k].id);
		fprintf(f, ": {\"status\": \"%s\"", proj_status_name[crit[k].status]);
		json_year(f, "first_year", crit[k].first);
		json_year(f, "certain_year", crit[k].certain);
		putc('}', f);
	}
	fputs("}, \"indicators\": [", f);
	for (k = 0, first = 1; k < s->nind; k++) {
		const struct proj_ind *q = &ind[k];
		const struct indicator *d = &s->ind[k];

		if (!listed(q) || !last)
			continue;
		fputs(first ? "\n    {\"criterion\": " : ",\n    {\"criterion\": ", f);
		first = 0;
		report_json_str(f, s->crit[d->criterion].id);
		fputs(", \"indicator\": ", f);
		report_json_str(f, d->id);
		json_year(f, "year", q->year);
		fprintf(f, ", \"points\": %d", q->fit.n);
		json_year(f, "points_from", q->fit.n ? (int)q->fit.x_first : 0);
		json_num(f, "value", q->value);
		fprintf(f, ", \"status\": \"%s\"", q->year ? eval_status_name[q->now] : "unknown");
		if (d->cmp != CMP_MUST) {
			json_num(f, "threshold_low", q->thr_lo);
			json_num(f, "threshold_high", q->thr_hi);
			fprintf(f, ", \"threshold_state\": \"%s\"", crit_thr_state_name[q->thr_status]);
			fprintf(f, ", \"slope\": ");
			if (isnan(q->fit.slope))
				fputs("null", f);
			else
				fprintf(f, "%.6g", q->fit.slope);
			fprintf(f, ", \"pace\": \"%s\"", proj_pace_name[q->when.pace]);
		}
		fprintf(f, ", \"projection\": \"%s\"", proj_status_name[q->when.status]);
		json_year(f, "first_year", q->when.first);
		json_year(f, "certain_year", q->when.certain);
		fprintf(f, ", \"low_confidence\": %s}", q->fit.n > 0 && q->fit.n < 3 ? "true" : "false");
	}
	fputs(first ? "]}" : "\n  ]}", f);
}

/* Counts unit (its criteria and itself) into t[ncrit + 1]. */
static void count(struct tally *t, const struct critset *s, const struct proj_when *crit,
                  const struct proj_when *u)
{
	int c;

	for (c = 0; c < s->ncrit; c++)
		t[c].n[crit[c].status]++;
	t[s->ncrit].n[u->status]++;
}

static void table_summary(FILE *f, const struct critset *s, const struct tally *t, int nunit, int to)
{
	struct trow *rows = calloc((size_t)s->ncrit + 2, sizeof *rows);
	const struct tally *a = &t[s->ncrit];
	int c;

	if (rows) {
		fprintf(f, "by criterion, of %d unit%s, to %d at today's pace:\n", nunit,
		        nunit == 1 ? "" : "s", to);
		snprintf(rows[0].cell[0], sizeof rows[0].cell[0], "criterion");
		snprintf(rows[0].cell[1], sizeof rows[0].cell[1], "met");
		snprintf(rows[0].cell[2], sizeof rows[0].cell[2], "by %d", to);
		snprintf(rows[0].cell[3], sizeof rows[0].cell[3], "may by %d", to);
		snprintf(rows[0].cell[4], sizeof rows[0].cell[4], "not by %d", to);
		snprintf(rows[0].cell[5], sizeof rows[0].cell[5], "no figures");
		for (c = 0; c < s->ncrit; c++) {
			struct trow *r = &rows[c + 1];
			char name[120];
			size_t cut = utf8_prefix_cols(s->crit[c].name, 28);

			snprintf(name, sizeof name, "%.*s%s", (int)cut, s->crit[c].name,
			         s->crit[c].name[cut] ? "…" : "");
			snprintf(r->cell[0], sizeof r->cell[0], "%-3s %s", s->crit[c].id, name);
			snprintf(r->cell[1], sizeof r->cell[1], "%d", t[c].n[PJ_MET]);
			snprintf(r->cell[2], sizeof r->cell[2], "%d", t[c].n[PJ_MET] + t[c].n[PJ_REACHES]);
			snprintf(r->cell[3], sizeof r->cell[3], "%d", t[c].n[PJ_MAY_REACH]);
			snprintf(r->cell[4], sizeof r->cell[4], "%d", t[c].n[PJ_NOT_BY]);
			snprintf(r->cell[5], sizeof r->cell[5], "%d", t[c].n[PJ_NO_FIGURES]);
		}
		put_rows(f, rows, s->ncrit + 1, "  ", 0x3eu);
		free(rows);
	}
	fprintf(f, "the set: %d unit%s meet%s it now; %d by %d at today's pace, %d more may; %d not by %d",
	        a->n[PJ_MET], a->n[PJ_MET] == 1 ? "" : "s", a->n[PJ_MET] == 1 ? "s" : "",
	        a->n[PJ_MET] + a->n[PJ_REACHES], to, a->n[PJ_MAY_REACH], a->n[PJ_NOT_BY], to);
	if (a->n[PJ_NO_FIGURES])
		fprintf(f, "; %d without the figures to tell", a->n[PJ_NO_FIGURES]);
	fputs("\n", f);
}

static void json_summary(FILE *f, const struct critset *s, const struct tally *t)
{
	int c;

	fputs("\n], \"criteria\": [", f);
	for (c = 0; c <= s->ncrit; c++) {
		const struct tally *x = &t[c];

		if (c == s->ncrit)
			fputs("\n], \"summary\": {", f);
		else {
			fputs(c ? ",\n  {\"criterion\": " : "\n  {\"criterion\": ", f);
			report_json_str(f, s->crit[c].id);
			fputs(", \"name\": ", f);
			report_json_str(f, s->crit[c].name);
			fputs(", ", f);
		}
		fprintf(f, "\"met\": %d, \"reaches\": %d, \"may_reach\": %d, \"not_by\": %d, "
		        "\"no_figures\": %d}", x->n[PJ_MET], x->n[PJ_REACHES], x->n[PJ_MAY_REACH],
		        x->n[PJ_NOT_BY], x->n[PJ_NO_FIGURES]);
	}
	fputs("}\n", f);
}

static int project(struct ctx *c, const char *set, int top, struct popt *o)
{
	struct evalrun r;
	struct results R = { 0 };
	struct proj_ind *ind = NULL;
	struct proj_when *crit = NULL, u;
	struct tally *t = NULL;
	struct trow *rows = NULL;
	char *ucells = NULL;
	int i, rc = 1, first = 1;
	FILE *f = o->out;

	if (evalrun_open(c, set, top, 0, 0, &r) < 0) {
		char msg[NTM_ERR_MAX];

		snprintf(msg, sizeof msg, "%s", c->err.msg);
		err_set(&c->err, _("project: %s"), msg);
		return 1;
	}
	if (!o->to)
		o->to = r.set->year_to;
	if (o->to < r.year_from) {
		err_set(&c->err, _("project: --to %d is before the set's first year, %d (%s applies to %d-%d)"),
		        o->to, r.year_from, r.set->id, r.set->year_from, r.set->year_to);
		goto done;
	}
	if (evalrun_results(c, &r, &R) < 0)
		goto done;
	ind = calloc((size_t)r.set->nind + 1, sizeof *ind);
	crit = calloc((size_t)r.set->ncrit + 1, sizeof *crit);
	t = calloc((size_t)r.set->ncrit + 1, sizeof *t);
	rows = calloc((size_t)r.set->nind + 1, sizeof *rows);
	if (!ind || !crit || !t || !rows) {
		err_set(&c->err, "%s", _("out of memory"));
		goto done;
	}
	if (o->format == FMT_TABLE) {
		fprintf(f, "%s — %s\n%s\n", r.set->id, r.set->title, r.set->decision);
		fprintf(f, "projected to %d at today's pace: %s over the years on record, from each "
		        "last value", o->to, o->method == PROJ_THEIL_SEN ?
		        "Theil-Sen (the median of the pairwise slopes)" : "least squares");
		if (o->to > r.set->year_to)
			fprintf(f, ";\nthe thresholds after %d, the set's last year, as in %d", r.set->year_to,
			        r.set->year_to);
		fputs("\n\n", f);
	} else if (o->format == FMT_CSV) {
		fputs("unit_code,unit_name,criterion,indicator,points_from,year,points,value,status,"
		      "threshold_low,threshold_high,threshold_state,method,slope,pace,projection,"
		      "first_year,certain_year,to,confidence\n", f);
	} else {
		fputs("{\"set\": ", f);
		report_json_str(f, r.set->id);
		fputs(", \"title\": ", f);
		report_json_str(f, r.set->title);
		fprintf(f, ", \"method\": \"%s\", \"to\": %d, \"scenario\": ", proj_method_name[o->method],
		        o->to);
		if (c->scenario_name)
			report_json_str(f, c->scenario_name);
		else
			fputs("null", f);
		fputs(", \"units\": [", f);
	}
	for (i = 0; i < r.nunit; i++) {
		const struct unit *x = &c->units.u[r.units[i]];
		int last = proj_unit(&R, i, o->method, o->to, ind, crit, &u);

		count(t, r.set, crit, &u);
		if (o->format == FMT_TABLE) {
			table_unit(f, r.set, x, last, ind, crit, &u, o->to, rows);
		} else if (o->format == FMT_CSV) {
			char *a, *b;
			size_t n;

			if (!last)
				continue;
			a = csv_cell(x->code);
			b = csv_cell(x->name);
			n = (a ? strlen(a) : 0) + (b ? strlen(b) : 0) + 3;
			free(ucells);
			if (a && b && (ucells = malloc(n)))
				snprintf(ucells, n, "%s,%s,", a, b);
			free(a), free(b);
			if (!ucells) {
				err_set(&c->err, "%s", _("out of memory"));
				goto done;
			}
			csv_unit(f, r.set, ucells, ind, o);
		} else {
			json_unit(f, r.set, x, last, ind, crit, &u, first);
			first = 0;
		}
	}
	if (o->format == FMT_TABLE) {
		fputs("projected: the year it is met at today's pace; A–B where the set knows the\n"
		      "threshold only as a range, or not at all: it may be met from A, and is met\n"
		      "whatever the threshold turns out to be in B\n\n", f);
		table_summary(f, r.set, t, r.nunit, o->to);
		if (c->scenario_name)
			fprintf(f, "under scenario %s: the base data is unchanged\n", c->scenario_name);
	} else if (o->format == FMT_JSON) {
		json_summary(f, r.set, t);
	}
	if (fflush(f) != 0 || ferror(f)) {
		err_set(&c->err, "%s", _("project: the output could not be written"));
		goto done;
	}
	/* what was combined across merges: on stderr when stdout is csv or json */
	lineage_notes_print(&c->notes, c->as_of, o->format == FMT_TABLE ? stdout : stderr);
	rc = 0;
done:
	free(ucells);
	free(rows);
	free(t);
	free(crit);
	free(ind);
	results_free(&R);
	evalrun_free(&r);
	return rc;
}

int cmd_project(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "unit", OPT_ARG, "NAME|CODE", "a unit, or the units of the set's level below it", NULL },
		{ "to", OPT_ARG, "YEAR", "the horizon (default: the set's last year)", NULL },
		{ "method", OPT_ARG, "M", "linear (least squares, default) or theil-sen", NULL },
		{ "format", OPT_ARG, "FMT", "table (default), csv or json", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	struct popt o = { FMT_TABLE, PROJ_LINEAR, 0, stdout };
	const char *fmt, *m, *to, *unit;
	int npos, done, rc, top = -1, y1;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, usage, &done)) || done)
		return rc;
	if (npos != 1) {
		err_set(&c->err, "%s", _("project: give one criteria set (usage: ntm project SET "
		                         "[--unit U] [--to YEAR])"));
		return 2;
	}
	fmt = opt_get(opts, "format");
	if (fmt && strcmp(fmt, "csv") == 0)
		o.format = FMT_CSV;
	else if (fmt && strcmp(fmt, "json") == 0)
		o.format = FMT_JSON;
	else if (fmt && strcmp(fmt, "table") != 0) {
		err_set(&c->err, _("project: --format '%s' is not table, csv or json"), fmt);
		return 2;
	}
	if ((m = opt_get(opts, "method")) && (o.method = proj_method_parse(m)) < 0) {
		err_set(&c->err, _("project: --method '%s' is not linear or theil-sen"), m);
		return 2;
	}
	if ((to = opt_get(opts, "to")) && (opt_years(to, &o.to, &y1) < 0 || o.to != y1)) {
		err_set(&c->err, _("project: --to '%s' is not a year (1990-2100, e.g. 2025)"), to);
		return 2;
	}
	unit = opt_get(opts, "unit");
	if (ctx_db(c) < 0 || ctx_units(c) < 0 || ctx_vars(c) < 0)
		return 1;
	if (unit && (top = ctx_find_unit(c, unit)) < 0)
		return 1;
	return project(c, argv[1], top, &o);
}
