/* report.c - evaluation output in four shapes (report.h). Column widths
 * count display columns (utf8_width), so names with diacritics line up. */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "fmt.h"
#include "i18n.h"
#include "store.h"
#include "utf8.h"

static const char *const mark[ST_N] = { "✓", "✗", "?", "~", "–" };

void report_num(char *buf, size_t cap, double v)
{
	fmt_num(buf, cap, v);
}

int report_status_width(void)
{
	int k, w = 0;

	for (k = 0; k < ST_N; k++)
		if ((int)utf8_width(_(eval_status_name[k])) > w)
			w = (int)utf8_width(_(eval_status_name[k]));
	return w;
}

/* A number a person reads: in Vietnamese the decimal mark is a comma. */
static void human_num(char *buf, size_t cap, double v)
{
	fmt_num(buf, cap, v);
	i18n_decimal(buf);
}

void report_json_str(FILE *f, const char *s)
{
	putc('"', f);
	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch == '"' || ch == '\\')
			fprintf(f, "\\%c", ch);
		else if (ch == '\n')
			fputs("\\n", f);
		else if (ch < 0x20)
			fprintf(f, "\\u%04x", ch);
		else
			putc(ch, f);
	}
	putc('"', f);
}

/* Pads s to w display columns. */

static int crit_shown(const struct report *r, int i)
{
	return !r->flt.crit || r->flt.crit[i];
}

static int status_shown(const struct report *r, int st)
{
	return !r->flt.status || (r->flt.status >> st & 1u);
}

/* A unit-year is shown when its status, or with criteria picked the
 * status of one of them, is picked. */
static int unit_shown(const struct report *r, const unsigned char *crit, int status)
{
	int i;

	if (!r->flt.status)
		return 1;
	if (!r->flt.crit)
		return status_shown(r, status);
	for (i = 0; i < r->set->ncrit; i++)
		if (r->flt.crit[i] && status_shown(r, crit[i]))
			return 1;
	return 0;
}

int report_begin(struct report *r, FILE *out, int format, int explain,
                 const struct critset *s, const struct unitset *us,
                 const int *units, int nunit, int year_from, int year_to,
                 const struct report_filter *flt)
{
	int i;

	memset(r, 0, sizeof *r);
	if (flt)
		r->flt = *flt;
	r->out = out;
	r->format = format;
	r->explain = explain;
	r->set = s;
	r->units = us;
	r->year_from = year_from;
	r->nyear = year_to - year_from + 1;
	r->met_by_year = calloc((size_t)r->nyear, sizeof *r->met_by_year);
	r->units_by_year = calloc((size_t)r->nyear, sizeof *r->units_by_year);
	r->crit_met_by_year = calloc((size_t)r->nyear, sizeof *r->crit_met_by_year);
	r->open_by_year = calloc((size_t)r->nyear, sizeof *r->open_by_year);
	r->missing_by_year = calloc((size_t)r->nyear, sizeof *r->missing_by_year);
	r->both_by_year = calloc((size_t)r->nyear, sizeof *r->both_by_year);
	r->thr_draft = calloc((size_t)s->nind + 1, sizeof *r->thr_draft);
	r->thr_unset = calloc((size_t)s->nind + 1, sizeof *r->thr_unset);
	r->thr_range = calloc((size_t)s->nind + 1, sizeof *r->thr_range);
	r->cond = calloc((size_t)r->nyear * (size_t)(s->nind + 1) * CRIT_NPLACE, sizeof *r->cond);
	r->group_unknown_by_year = calloc((size_t)r->nyear, sizeof *r->group_unknown_by_year);
	if (!r->met_by_year || !r->units_by_year || !r->crit_met_by_year || !r->open_by_year ||
	    !r->missing_by_year || !r->both_by_year || !r->thr_draft || !r->thr_unset ||
	    !r->thr_range || !r->cond || !r->group_unknown_by_year)
		return -1;
	r->name_w = 4;
	for (i = 0; i < nunit; i++) {
		int w = (int)utf8_width(us->u[units[i]].name);

		if (w > r->name_w)
			r->name_w = w > 40 ? 40 : w;
	}
	if (format == FMT_CSV) {
		fputs("unit_code,unit_name,year,set,criterion,indicator,status,value,threshold,gap,"
		      "threshold_state,threshold_low,threshold_high,break_even\n", out);
		if (!(r->ind_cells = calloc((size_t)s->nind + 1, sizeof *r->ind_cells)))
			return -1;
		for (i = 0; i < s->nind; i++) {
			char *a = csv_cell(s->id), *b = csv_cell(s->crit[s->ind[i].criterion].id);
			char *c = csv_cell(s->ind[i].id);
			size_t n = (a ? strlen(a) : 0) + (b ? strlen(b) : 0) + (c ? strlen(c) : 0) + 4;

			if (a && b && c && (r->ind_cells[i] = malloc(n)))
				snprintf(r->ind_cells[i], n, "%s,%s,%s,", a, b, c);
			free(a), free(b), free(c);
			if (!r->ind_cells[i])
				return -1;
		}
	} else if (format == FMT_JSON) {
		fputs("{\"set\": ", out);
		report_json_str(out, s->id);
		fputs(", \"title\": ", out);
		report_json_str(out, s->title);
		fputs(", \"decision\": ", out);
		report_json_str(out, s->decision);
		fputs(", \"results\": [", out);
	} else {
		fprintf(out, "%s — %s\n%s\n\n", s->id, s->title, s->decision);
		if (!explain) {
			utf8_pad(out, _("unit"), r->name_w);
			fputs("  ", out);
			utf8_pad(out, _("year"), 5);
			for (i = 0; i < s->ncrit; i++)
				if (crit_shown(r, i))
					fprintf(out, " %*s", (int)(strlen(s->crit[i].id) > 2 ?
					                           strlen(s->crit[i].id) : 2), s->crit[i].id);
			fprintf(out, "   %s  %s\n", _("met"), _("result"));
		}
	}
	return 0;
}

static void thr_text(const struct indicator *d, const struct ind_result *x, char *buf, size_t cap)
{
	char num[32];

	if (d->cmp == CMP_MUST) {
		snprintf(buf, cap, "%s", d->must ? _("must hold") : _("must not hold"));
		return;
	}
	if (x->thr_status == TS_UNSET) {
		snprintf(buf, cap, "%s", _("not set"));
		return;
	}
	if (x->thr_status == TS_EXPR && (isnan(x->thr_lo) || isinf(x->thr_lo))) {
		snprintf(buf, cap, "%s", _("computed"));   /* its figures are missing */
		return;
	}
	if (x->thr_status == TS_RANGE || (x->thr_status == TS_EXPR && x->thr_lo != x->thr_hi)) {
		char hi[24];

		human_num(num, sizeof num, x->thr_lo);
		human_num(hi, sizeof hi, x->thr_hi);
		snprintf(buf, cap, "%s %s–%s", d->cmp == CMP_MIN ? "≥" : "≤", num, isinf(x->thr_hi) ? "∞" : hi);
		return;
	}
	human_num(num, sizeof num, x->threshold);
	snprintf(buf, cap, "%s %s%s", d->cmp == CMP_MIN ? "≥" : "≤", num,
	         x->thr_status == TS_DRAFT ? _(" (draft)") : x->thr_status == TS_EXPR ? _(" (computed)") : "");
}

static void value_text(const struct indicator *d, const struct ind_result *x, char *buf, size_t cap)
{
	char num[32];

	if (isnan(x->value)) {
		snprintf(buf, cap, "%s", x->div0 ? "÷0" : "—");
		return;
	}
	if (d->cmp == CMP_MUST) {
		snprintf(buf, cap, "%s", x->value != 0 ? _("yes") : _("no"));
		return;
	}
	human_num(num, sizeof num, x->value);
	snprintf(buf, cap, "%s%s%s", num, *d->unit ? " " : "", d->unit);
}

void report_condition(const struct indicator *d, const struct ind_result *x, int region,
                      char *buf, size_t cap)
{
	char num[24];

	const char *place = crit_place_name(region);

	human_num(num, sizeof num, x->value);
	if (x->group_open) {   /* the threshold is its commune group's, not on record */
		snprintf(buf, cap, _("met if the %s of its commune group (not on record) is %s %s%s%s"),
		         d->cmp == CMP_MIN ? _("minimum") : _("maximum"), d->cmp == CMP_MIN ? "≤" : "≥",
		         num, *d->unit ? " " : "", d->unit);
		return;
	}
	snprintf(buf, cap, _("met if the %s%s%s is %s %s%s%s"), place,
	         *place ? " " : "", d->cmp == CMP_MIN ? _("minimum") : _("maximum"),
	         d->cmp == CMP_MIN ? "≤" : "≥", num, *d->unit ? " " : "", d->unit);
}

static void explain(struct report *r, const struct unit *u, int year, const double *vals,
                    const struct eval_hist *h, const struct ind_result *res,
                    const unsigned char *crit, int status, int ncrit_met)
{
	const struct critset *s = r->set;
	FILE *f = r->out;
	int i, j, k, valw = 14, thrw = 16, place = h ? eval_place(h->data, h->unit, year, u->region) :
	                                             u->region;
	char val[64], thr[64];

	/* the value and threshold columns as wide as the widest of the unit's
	 * rows ("58 mVND/person/year"), so every row's citation lines up */
	for (j = 0; j < s->nind; j++) {
		if (res[j].status == ST_NA)
			continue;
		value_text(&s->ind[j], &res[j], val, sizeof val);
		thr_text(&s->ind[j], &res[j], thr, sizeof thr);
		if ((int)utf8_width(val) > valw)
			valw = (int)utf8_width(val);
		if ((int)utf8_width(thr) > thrw)
			thrw = (int)utf8_width(thr);
	}
	fprintf(f, _("%s (%s), %d: %s, %d/%d criteria met\n"), u->name, u->code, year,
	        _(eval_status_name[status]), ncrit_met, s->ncrit);
	for (i = 0; i < s->ncrit; i++) {
		const struct criterion *c = &s->crit[i];

		if (!crit_shown(r, i))
			continue;
		fprintf(f, "  %s %s %s\n", mark[crit[i]], c->id, c->name);
		for (j = c->first; j < c->first + c->n; j++) {
			const struct indicator *d = &s->ind[j];
			const struct ind_result *x = &res[j];
			char gap[32];
			double g = eval_gap(d, x);

			value_text(d, x, val, sizeof val);
			thr_text(d, x, thr, sizeof thr);
			gap[0] = '\0';
			if (!isnan(g)) {
				human_num(gap + 1, sizeof gap - 1, g);
				gap[0] = g >= 0 ? '+' : ' ';
				if (g < 0)
					memmove(gap, gap + 1, strlen(gap));
			}
			fprintf(f, "    %-6s ", d->id);
			utf8_pad(f, _(eval_status_name[x->status]), report_status_width() + 1);
			putc(' ', f);
			if (x->status == ST_NA) {
				fprintf(f, "%s  [%s]\n", _("not applicable"), d->cite);
				continue;
			}
			utf8_pad(f, val, valw);
			fputs(" ", f);
			utf8_pad(f, thr, thrw);
			fprintf(f, " %-8s [%s]\n", gap, d->cite);
			if (x->status == ST_UNKNOWN) {
				struct eval_miss miss[16];
				int n = eval_missing_at(s, j, vals, place, year, h, miss, 16);

				if (n) {
					fprintf(f, "           %s:", _("missing"));
					for (k = 0; k < n; k++)
						if (miss[k].year == year)
							fprintf(f, " %s", s->var[miss[k].var]);
						else
							fprintf(f, " %s (%d)", s->var[miss[k].var], miss[k].year);
					putc('\n', f);
				} else if (x->div0) {
					fprintf(f, "           %s\n", _("cannot divide by zero (the denominator is 0)"));
				}
			}
			if (x->status == ST_OPEN) {
				char cond[160];

				report_condition(d, x, place, cond, sizeof cond);
				fprintf(f, "           %s\n", cond);
			}
			if (x->thr_status != TS_SET && x->thr_note)
				fprintf(f, "           %s: %s\n",
				        x->thr_status == TS_DRAFT ? _("threshold is a draft") :
				        x->thr_status == TS_RANGE ? _("threshold is a range") : _("threshold not set"),
				        x->thr_note);
		}
	}
	putc('\n', f);
}

/* An appender into r->line; every row fits in what reserve asked for. */
static int reserve(struct report *r, size_t n, size_t more)
{
	if (n + more > r->line_cap) {
		size_t cap = (n + more) * 2;
		char *p = realloc(r->line, cap);

		if (!p)
			return -1;
		r->line = p;
		r->line_cap = cap;
	}
	return 0;
}

static size_t put_str(char *p, const char *s)
{
	size_t n = strlen(s);

	memcpy(p, s, n);
	return n;
}

/* One unit-year's csv rows, built in r->line and written whole: the cells
 * that repeat (unit, year, set, criterion, indicator) are made once. */
static void csv_rows(struct report *r, const struct unit *u, int year, const struct ind_result *res)
{
	const struct critset *s = r->set;
	char *code = csv_cell(u->code), *name = csv_cell(u->name), head[512];
	size_t hn, n = 0;
	int i;

	if (!code || !name) {
		free(code), free(name);
		return;
	}
	hn = (size_t)snprintf(head, sizeof head, "%s,%s,%d,", code, name, year);
	if (hn >= sizeof head)
		hn = sizeof head - 1;
	free(code), free(name);
	for (i = 0; i < s->nind; i++) {
		const struct indicator *d = &s->ind[i];
		const struct ind_result *x = &res[i];
		size_t k = strlen(r->ind_cells[i]);

		if ((r->flt.crit && !r->flt.crit[d->criterion]) || !status_shown(r, x->status))
			continue;
		r->shown++;
		if (reserve(r, n, hn + k + 256) < 0)
			return;
		memcpy(r->line + n, head, hn), n += hn;
		memcpy(r->line + n, r->ind_cells[i], k), n += k;
		n += put_str(r->line + n, eval_status_name[x->status]);
		r->line[n++] = ',';
		n += fmt_num(r->line + n, 32, x->value);
		r->line[n++] = ',';
		n += fmt_num(r->line + n, 32, x->threshold);
		r->line[n++] = ',';
		n += fmt_num(r->line + n, 32, eval_gap(d, x));
		r->line[n++] = ',';
		/* threshold_state,threshold_low,threshold_high,break_even */
		if (d->cmp != CMP_MUST) {
			n += put_str(r->line + n, crit_thr_state_name[x->thr_status]);
			r->line[n++] = ',';
			if (!isinf(x->thr_lo))
				n += fmt_num(r->line + n, 32, x->thr_lo);
			r->line[n++] = ',';
			if (!isinf(x->thr_hi))
				n += fmt_num(r->line + n, 32, x->thr_hi);
			r->line[n++] = ',';
			n += fmt_num(r->line + n, 32, eval_break_even(x));
		} else {
			n += put_str(r->line + n, ",,,");
		}
		r->line[n++] = '\n';
	}
	fwrite(r->line, 1, n, r->out);
}

static void json_bound(FILE *f, const char *key, double v)
{
	char num[32];

	report_num(num, sizeof num, v);
	fprintf(f, ", \"%s\": %s", key, *num && !isinf(v) ? num : "null");
}

void report_unit(struct report *r, int unit, int year, const double *vals,
                 const struct eval_hist *h, const struct ind_result *res,
                 const unsigned char *crit, int status, int ncrit_met)
{
	const struct critset *s = r->set;
	const struct unit *u = &r->units->u[unit];
	FILE *f = r->out;
	char num[32];
	int i, j, nc, place = h ? eval_place(h->data, h->unit, year, u->region) : u->region;
	int group_open = 0;

	for (i = 0; i < s->nind; i++) {
		r->thr_draft[i] |= res[i].thr_status == TS_DRAFT;
		r->thr_unset[i] |= res[i].thr_status == TS_UNSET;
		r->thr_range[i] |= res[i].thr_status == TS_RANGE;
		if (res[i].thr_status == TS_RANGE && res[i].group_open && !r->thr_draft[i]) {
			/* the span of its groups' values, some of them drafts: a draft used */
			struct thr_value tv;

			crit_thr_resolve(s->ind[i].thr, place, year, &tv);
			r->thr_draft[i] |= tv.group_draft;
		}
	}
	r->units_by_year[year - r->year_from]++;
	r->crit_met_by_year[year - r->year_from] += ncrit_met;
	if (status == ST_MET)
		r->met_by_year[year - r->year_from]++;
	if (status == ST_OPEN || status == ST_UNKNOWN) {
		int nopen = 0, nmiss = 0;

		for (i = 0; i < s->nind; i++) {
			nopen += res[i].status == ST_OPEN;
			nmiss += res[i].status == ST_UNKNOWN;
			group_open |= res[i].status == ST_OPEN && res[i].group_open;
			/* by place; a group not on record in slot 0 (place -1 is no region, no group) */
			if (res[i].status == ST_OPEN && (res[i].group_open || *crit_place_name(place))) {
				struct report_cond *k = &r->cond[((size_t)(year - r->year_from) * (size_t)s->nind +
				                                  (size_t)i) * CRIT_NPLACE +
				                                 (size_t)(res[i].group_open ? 0 : place + 1)];

				if (!k->n++)
					k->lo = k->hi = res[i].value;
				k->lo = fmin(k->lo, res[i].value);
				k->hi = fmax(k->hi, res[i].value);
			}
		}
		r->group_unknown_by_year[year - r->year_from] += group_open;
		if (nopen && nmiss)
			r->both_by_year[year - r->year_from]++;
		else if (nopen)
			r->open_by_year[year - r->year_from]++;
		else
			r->missing_by_year[year - r->year_from]++;
	}
	if (r->format == FMT_CSV) {
		csv_rows(r, u, year, res);
		r->rows++;
		return;
	}
	if (!unit_shown(r, crit, status))
		return;
	r->shown++;
	if (r->format == FMT_JSON) {
		fprintf(f, "%s\n {\"unit_code\": ", r->rows ? "," : "");
		report_json_str(f, u->code);
		fputs(", \"unit_name\": ", f);
		report_json_str(f, u->name);
		fprintf(f, ", \"year\": %d, \"status\": \"%s\", \"criteria_met\": %d, "
		        "\"criteria_total\": %d, \"criteria\": [", year, eval_status_name[status],
		        ncrit_met, s->ncrit);
		for (nc = 0, i = 0; i < s->ncrit; i++) {
			const struct criterion *c = &s->crit[i];

			if (!crit_shown(r, i))
				continue;
			fprintf(f, "%s\n  {\"id\": ", nc++ ? "," : "");
			report_json_str(f, c->id);
			fprintf(f, ", \"status\": \"%s\", \"indicators\": [", eval_status_name[crit[i]]);
			for (j = c->first; j < c->first + c->n; j++) {
				const struct indicator *d = &s->ind[j];
				const struct ind_result *x = &res[j];
				double g = eval_gap(d, x);
				struct eval_miss miss[16];
				int n, k;

				fprintf(f, "%s\n   {\"id\": ", j > c->first ? "," : "");
				report_json_str(f, d->id);
				fprintf(f, ", \"status\": \"%s\"", eval_status_name[x->status]);
				report_num(num, sizeof num, x->value);
				fprintf(f, ", \"value\": %s", *num ? num : "null");
				report_num(num, sizeof num, x->threshold);
				fprintf(f, ", \"threshold\": %s, \"threshold_status\": \"%s\"",
				        *num ? num : "null",
				        d->cmp == CMP_MUST ? "set" : crit_thr_state_name[x->thr_status]);
				if (d->cmp != CMP_MUST) {
					json_bound(f, "threshold_low", x->thr_lo);
					json_bound(f, "threshold_high", x->thr_hi);
					json_bound(f, "break_even", eval_break_even(x));
				}
				report_num(num, sizeof num, g);
				fprintf(f, ", \"gap\": %s, \"cite\": ", *num ? num : "null");
				report_json_str(f, d->cite);
				n = x->status == ST_UNKNOWN ? eval_missing_at(s, j, vals, place, year, h, miss, 16) : 0;
				fputs(", \"missing\": [", f);
				for (k = 0; k < n; k++) {
					char name[320];

					if (miss[k].year == year)
						snprintf(name, sizeof name, "%s", s->var[miss[k].var]);
					else
						snprintf(name, sizeof name, "%s (%d)", s->var[miss[k].var], miss[k].year);
					if (k)
						fputs(", ", f);
					report_json_str(f, name);
				}
				fputs("]}", f);
			}
			fputs("]}", f);
		}
		fputs("]}", f);
	} else if (r->explain) {
		explain(r, u, year, vals, h, res, crit, status, ncrit_met);
	} else {
		char name[256];
		size_t keep = utf8_prefix_cols(u->name, (size_t)r->name_w);

		snprintf(name, sizeof name, "%.*s", (int)(keep < 255 ? keep : 255), u->name);
		utf8_pad(f, name, r->name_w);
		fprintf(f, "  %d ", year);
		for (i = 0; i < s->ncrit; i++) {
			int w = (int)(strlen(s->crit[i].id) > 2 ? strlen(s->crit[i].id) : 2);

			if (!crit_shown(r, i))
				continue;
			fprintf(f, " %*s%s", w - 1, "", mark[crit[i]]);
		}
		fprintf(f, "  %2d/%-2d  %s\n", ncrit_met, s->ncrit, _(eval_status_name[status]));
	}
	r->rows++;
}

void report_thr_used(const struct report *r, int *ndraft, int *nunset)
{
	int i;

	*ndraft = *nunset = 0;
	for (i = 0; i < r->set->nind; i++) {
		*ndraft += r->thr_draft[i] != 0;
		*nunset += r->thr_unset[i] != 0;
	}
}

static int could(const struct report *r, int y)
{
	return r->open_by_year[y] + r->missing_by_year[y] + r->both_by_year[y];
}

/* Per year: for each open indicator and region, the thresholds under which
 * the units that could meet the set meet it. */
static void conditions(const struct report *r, int y)
{
	const struct critset *s = r->set;
	FILE *f = r->out;
	int i, g, first = 1;

	for (i = 0; i < s->nind; i++) {
		const struct indicator *d = &s->ind[i];

		for (g = -1; g + 1 < CRIT_NPLACE; g++) {   /* regions, then commune groups */
			const struct report_cond *k = &r->cond[((size_t)y * (size_t)s->nind + (size_t)i) *
			                                      CRIT_NPLACE + (size_t)(g + 1)];
			char lo[32], hi[32];
			const char *le = d->cmp == CMP_MIN ? "≤" : "≥";
			const char *where = g < 0 ? _("(commune group not on record)") : crit_place_name(g);

			if (!k->n)
				continue;
			if (first)
				fprintf(f, "  %s\n", _("what decides them (the law's numbers):"));
			first = 0;
			human_num(lo, sizeof lo, d->cmp == CMP_MIN ? k->lo : k->hi);
			human_num(hi, sizeof hi, d->cmp == CMP_MIN ? k->hi : k->lo);
			if (k->n == 1 || strcmp(lo, hi) == 0)
				fprintf(f, k->n == 1 ? _("    %-6s %s %s: %d unit meets it if it is %s %s%s%s\n") :
				        _("    %-6s %s %s: %d units meet it if it is %s %s%s%s\n"), d->id,
				        where, d->cmp == CMP_MIN ? _("minimum") : _("maximum"), k->n,
				        le, lo, *d->unit ? " " : "", d->unit);
			else
				fprintf(f, d->cmp == CMP_MIN ?
				        _("    %-6s %s %s: all %d meet it if it is %s %s%s%s, none if it is above %s\n") :
				        _("    %-6s %s %s: all %d meet it if it is %s %s%s%s, none if it is below %s\n"),
				        d->id, where, d->cmp == CMP_MIN ? _("minimum") : _("maximum"),
				        k->n, le, lo, *d->unit ? " " : "", d->unit, hi);
		}
	}
	if (r->group_unknown_by_year[y])
		fprintf(f, r->group_unknown_by_year[y] == 1 ?
		        _("    %d unit's thresholds depend on its commune group, not on record (import a groups.csv)\n") :
		        _("    %d units' thresholds depend on their commune group, not on record (import a groups.csv)\n"),
		        r->group_unknown_by_year[y]);
}

void report_end(struct report *r, long long run_id, const char *db_path)
{
	const struct critset *s = r->set;
	FILE *f = r->out;
	int y, nd, nu, nr, i, first;

	report_thr_used(r, &nd, &nu);
	if (r->format == FMT_JSON) {
		fputs("\n], \"summary\": {\"years\": [", f);
		for (first = 1, y = 0; y < r->nyear; y++) {
			if (!r->units_by_year[y])
				continue;
			fprintf(f, "%s{\"year\": %d, \"units\": %d, \"met\": %d, \"could\": %d, "
			        "\"could_open_only\": %d, \"could_missing_only\": %d, \"could_both\": %d, "
			        "\"cannot\": %d, \"criteria_met_mean\": %.2f}",
			        first ? "" : ", ", r->year_from + y, r->units_by_year[y], r->met_by_year[y],
			        could(r, y), r->open_by_year[y], r->missing_by_year[y], r->both_by_year[y],
			        r->units_by_year[y] - r->met_by_year[y] - could(r, y),
			        (double)r->crit_met_by_year[y] / r->units_by_year[y]);
			first = 0;
		}
		fprintf(f, "], \"draft_thresholds_used\": %d, \"unset_thresholds_used\": %d", nd, nu);
		if (r->flt.desc) {
			fputs(", \"shown\": {\"filter\": ", f);
			report_json_str(f, r->flt.desc);
			fprintf(f, ", \"results\": %d}", r->shown);
		}
		if (run_id >= 0)
			fprintf(f, ", \"run\": %lld", run_id);
		fputs("}}\n", f);
		return;
	}
	if (r->format == FMT_CSV)
		return;
	if (r->flt.desc) {
		int all = 0;

		for (y = 0; y < r->nyear; y++)
			all += r->units_by_year[y];
		fprintf(f, _("%sshown: %d of %d results (%s); the summary counts them all\n"),
		        r->explain ? "" : "\n", r->shown, all, r->flt.desc);
	}
	if (!r->explain)
		fprintf(f, "\n%s\n", _("✓ met  ✗ unmet  ~ open (depends on a threshold the set does not know yet)  "
		                       "? unknown (figures missing)  – not applicable"));
	for (y = 0; y < r->nyear; y++) {
		if (!r->units_by_year[y])
			continue;
		fprintf(f, r->units_by_year[y] == 1 ?
		        (r->met_by_year[y] == 1 ? _("%d: %d of %d unit meets %s for certain, %d could") :
		                                  _("%d: %d of %d unit meet %s for certain, %d could")) :
		        (r->met_by_year[y] == 1 ? _("%d: %d of %d units meets %s for certain, %d could") :
		                                  _("%d: %d of %d units meet %s for certain, %d could")),
		        r->year_from + y, r->met_by_year[y], r->units_by_year[y], s->id, could(r, y));
		if (could(r, y)) {
			const char *sep = " (";

			if (r->open_by_year[y])
				fprintf(f, _("%s%d on open thresholds"), sep, r->open_by_year[y]), sep = ", ";
			if (r->missing_by_year[y])
				fprintf(f, _("%s%d on missing figures"), sep, r->missing_by_year[y]), sep = ", ";
			if (r->both_by_year[y])
				fprintf(f, _("%s%d on both"), sep, r->both_by_year[y]);
			fputs(")", f);
		}
		{
			char avg[32];

			snprintf(avg, sizeof avg, "%.1f", (double)r->crit_met_by_year[y] / r->units_by_year[y]);
			i18n_decimal(avg);
			fprintf(f, _(", %d cannot; %s of %d criteria met per unit on average\n"),
			        r->units_by_year[y] - r->met_by_year[y] - could(r, y), avg, s->ncrit);
		}
		conditions(r, y);
	}
	for (nr = 0, i = 0; i < s->nind; i++)
		nr += r->thr_range[i] != 0;
	if (nr)
		fprintf(f, nr == 1 ? _("thresholds: this evaluation used %d draft, %d unset and %d range threshold") :
		        _("thresholds: this evaluation used %d draft, %d unset and %d range thresholds"), nd, nu, nr);
	else
		fprintf(f, nu == 1 ? _("thresholds: this evaluation used %d draft and %d unset threshold") :
		        _("thresholds: this evaluation used %d draft and %d unset thresholds"), nd, nu);
	if (nd || nu || nr) {
		fputs(" (", f);
		for (first = 1, i = 0; i < s->nind; i++) {
			if (!r->thr_draft[i] && !r->thr_unset[i] && !r->thr_range[i])
				continue;
			fprintf(f, "%s%s%s", first ? "" : ", ", s->ind[i].id,
			        r->thr_unset[i] ? _(" unset") : r->thr_range[i] ? _(" range") : "");
			first = 0;
		}
		fprintf(f, _("); see `ntm criteria show %s --drafts`"), s->id);
	}
	putc('\n', f);
	if (run_id >= 0)
		fprintf(f, _("stored as run %lld in %s\n"), run_id, db_path);
}

void report_free(struct report *r)
{
	int i;

	free(r->met_by_year);
	free(r->units_by_year);
	free(r->crit_met_by_year);
	free(r->open_by_year);
	free(r->missing_by_year);
	free(r->both_by_year);
	free(r->cond);
	free(r->group_unknown_by_year);
	if (r->ind_cells)
		for (i = 0; i < r->set->nind; i++)
			free(r->ind_cells[i]);
	free(r->ind_cells);
	free(r->line);
	free(r->thr_draft);
	free(r->thr_unset);
	free(r->thr_range);
}
