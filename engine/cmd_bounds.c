/* cmd_bounds.c - `ntm criteria bounds SET`: what the recognitions on record
 * imply about the thresholds SET does not know, and the recognised units
 * whose figures contradict the ones it does. Calls bounds.c for the work
 * and report.c for numbers; cmd_criteria.c dispatches here. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bounds.h"
#include "cmds.h"
#include "csv.h"
#include "i18n.h"
#include "report.h"
#include "utf8.h"

static const char usage[] =
	"usage: ntm criteria bounds SET [--unit NAME|CODE] [--years A-B] [--format table|csv]\n\n"
	"What the recognitions on record imply about the thresholds SET does not\n"
	"know. A unit recognised under the set's title in year Y (ntm-reconfirmed\n"
	"counts as ntm) met every threshold of the set in Y, judged on its year-Y\n"
	"figures: so a minimum nobody has set is at most the least value among the\n"
	"recognised units of its region that year, and a maximum at least the\n"
	"greatest. Per indicator, region and year: that bound, the range it leaves\n"
	"and the units that set it; a draft is consistent with the recognitions or\n"
	"contradicted by them. Then the recognised units whose figures fail a known\n"
	"threshold (a number, a draft, a range, a must-indicator): a data error or a\n"
	"wrong recognition. Only recognitions where SET is the set in force count;\n"
	"units with figures missing contribute nothing (they are counted). The\n"
	"figures are those on record, without --scenario or --as-of.\n";


/* "≥ 95 (draft)", "not set", "≥ 60–100", "must hold". */
static void thr_text(const struct indicator *d, int state, double lo, double hi, char *buf,
                     size_t cap)
{
	char a[32], b[32];
	const char *op = d->cmp == CMP_MIN ? "≥" : "≤";

	report_num(a, sizeof a, lo);
	report_num(b, sizeof b, hi);
	if (state < 0)
		snprintf(buf, cap, "%s", d->must ? "must hold" : "must not hold");
	else if (state == TS_UNSET)
		snprintf(buf, cap, "not set");
	else if (state == TS_RANGE)
		snprintf(buf, cap, "%s %s–%s", op, a, isinf(hi) ? "∞" : b);
	else
		snprintf(buf, cap, "%s %s%s", op, a, state == TS_DRAFT ? " (draft)" : "");
}

static void value_text(const struct indicator *d, double v, char *buf, size_t cap)
{
	char num[32];

	if (isnan(v)) {
		snprintf(buf, cap, "unknown");
	} else if (d->cmp == CMP_MUST) {
		snprintf(buf, cap, "%s", v != 0 ? "yes" : "no");
	} else {
		report_num(num, sizeof num, v);
		snprintf(buf, cap, "%s%s%s", num, *d->unit ? " " : "", d->unit);
	}
}

/* "5 of 6 recognitions, 1 without figures" */
static void counts_text(const struct bounds_cell *x, char *buf, size_t cap)
{
	size_t n;

	n = (size_t)snprintf(buf, cap, "%d of %d recognition%s", x->nvalue, x->nrecog,
	                     x->nrecog == 1 ? "" : "s");
	if (x->nmissing && n < cap)
		n += (size_t)snprintf(buf + n, cap - n, ", %d without figures", x->nmissing);
	if (x->nna && n < cap)
		n += (size_t)snprintf(buf + n, cap - n, ", %d not applicable", x->nna);
	if (x->ncontra && n < cap)
		snprintf(buf + n, cap - n, ", %d contradicting", x->ncontra);
}

/* What cell x says: the bound and the range it leaves, or whether a known
 * number stands with the recognitions. */
static void verdict_text(const struct indicator *d, const struct bounds_cell *x, char *buf,
                         size_t cap)
{
	char b[32], lo[32], hi[32];
	int min = d->cmp == CMP_MIN;

	report_num(b, sizeof b, x->bound);
	report_num(lo, sizeof lo, x->new_lo);
	report_num(hi, sizeof hi, x->new_hi);
	if (x->state == TS_UNSET || x->state == TS_RANGE) {
		if (isnan(x->bound))
			snprintf(buf, cap, "nothing implied");
		else if (!x->narrows)
			snprintf(buf, cap, "%s %s, narrows nothing", min ? "≤" : "≥", b);
		else
			snprintf(buf, cap, "%s %s, leaves %s–%s", min ? "≤" : "≥", b, lo,
			         isinf(x->new_hi) ? "∞" : hi);
	} else if (x->ncontra) {
		snprintf(buf, cap, "contradicted by %d", x->ncontra);
	} else if (isnan(x->bound)) {
		snprintf(buf, cap, "nothing to check");
	} else {
		snprintf(buf, cap, "consistent (%s %s)", min ? "least" : "greatest", b);
	}
}

static void print_table(struct ctx *c, const struct critset *s, const struct bounds *b, int top)
{
	char buf[160], thr[96], cnt[128];
	int i, last = -1, shown = 0;

	printf("What the recognitions imply: %s (recognises %s)%s%s", s->id, s->recognises,
	       top >= 0 ? ", " : "", top >= 0 ? c->units.u[top].name : "");
	if (b->year_from && b->year_from < b->year_to)
		printf(", %d-%d", b->year_from, b->year_to);
	else if (b->year_from)
		printf(", %d", b->year_from);
	printf("\n%d recognition%s (%s%s) of %ss where the set is in force", b->nrecog,
	       b->nrecog == 1 ? "" : "s", s->recognises,
	       strcmp(s->recognises, "ntm") == 0 ? ", ntm-reconfirmed" : "", s->level);
	if (b->nnofig)
		printf(", %d of a unit with no figure that year", b->nnofig);
	if (b->nnoregion)
		printf(", %d skipped (no threshold region)", b->nnoregion);
	printf("\n");
	for (i = 0; i < b->ncell; i++) {
		const struct bounds_cell *x = &b->cell[i];
		const struct indicator *d = &s->ind[x->ind];
		size_t cut;

		if (x->state == TS_SET && !x->ncontra)
			continue;   /* a cited number the recognitions agree with: nothing to say */
		if (x->ind != last) {
			last = x->ind;
			cut = utf8_prefix_cols(d->name, 66);
			putchar('\n');
			utf8_pad(stdout, d->id, 6);   /* columns, not bytes: "ĐK.1" */
			printf(" %s  %.*s%s\n", d->cmp == CMP_MIN ? "min" : "max", (int)cut, d->name,
			       d->name[cut] ? "…" : "");
		}
		shown++;
		printf("  %-6s %d  ", store_region_name[x->region], x->year);
		thr_text(d, x->state, x->lo, x->hi, thr, sizeof thr);
		utf8_pad(stdout, thr, 13);
		putchar(' ');
		verdict_text(d, x, buf, sizeof buf);
		utf8_pad(stdout, buf, 28);
		counts_text(x, cnt, sizeof cnt);
		if (x->who && (x->state == TS_UNSET || x->state == TS_RANGE))
			printf(" set by %s; %s\n", x->who, cnt);
		else if (x->who && !x->ncontra)
			printf(" at %s; %s\n", x->who, cnt);
		else
			printf(" %s\n", cnt);
	}
	if (!b->nrecog)
		printf("\nno recognition of %s on record for these units and years where %s is in force\n",
		       s->recognises, s->id);
	else if (!shown)
		printf("\nno draft, unset threshold or range with recognised units\n");
	printf("\nRecognised units whose figures fail a known threshold (a data error or a wrong "
	       "recognition): %d\n", b->nfind);
	for (i = 0; i < b->nfind; i++) {
		const struct bounds_finding *f = &b->find[i];
		const struct indicator *d = &s->ind[f->ind];

		fputs("  ", stdout);
		utf8_pad(stdout, c->units.u[f->unit].name, 16);
		printf(" %d  ", f->year);
		utf8_pad(stdout, d->id, 6);
		putchar(' ');
		value_text(d, f->value, buf, sizeof buf);
		utf8_pad(stdout, buf, 14);
		thr_text(d, f->state, f->lo, f->hi, thr, sizeof thr);
		printf(" %s\n", thr);
	}
}

/* kind,indicator,cmp,region,year,threshold,low,high,bound,low_after,
 * high_after,narrows,set_by,recognitions,counted,missing,not_applicable,
 * contradicting,unit_code,unit_name,value: one "bound" row per cell (every
 * threshold state), one "contradiction" row per finding. */
static void num_field(double v)
{
	char num[32] = "";

	if (!isnan(v) && !isinf(v))
		report_num(num, sizeof num, v);
	printf(",%s", num);
}

static void print_csv(struct ctx *c, const struct critset *s, const struct bounds *b)
{
	int i;

	printf("kind,indicator,cmp,region,year,threshold,low,high,bound,low_after,high_after,narrows,"
	       "set_by,recognitions,counted,missing,not_applicable,contradicting,unit_code,unit_name,"
	       "value\n");
	for (i = 0; i < b->ncell; i++) {
		const struct bounds_cell *x = &b->cell[i];
		const struct indicator *d = &s->ind[x->ind];

		printf("bound,");
		csv_put(stdout, d->id);
		printf(",%s,%s,%d,%s", d->cmp == CMP_MIN ? "min" : "max", store_region_name[x->region],
		       x->year, crit_thr_state_name[x->state]);
		num_field(x->lo);
		num_field(x->hi);
		num_field(x->bound);
		num_field(x->new_lo);
		num_field(x->new_hi);
		printf(",%d,", x->narrows);
		csv_put(stdout, x->who ? x->who : "");
		printf(",%d,%d,%d,%d,%d,,,\n", x->nrecog, x->nvalue, x->nmissing, x->nna, x->ncontra);
	}
	for (i = 0; i < b->nfind; i++) {
		const struct bounds_finding *f = &b->find[i];
		const struct indicator *d = &s->ind[f->ind];
		const struct unit *u = &c->units.u[f->unit];

		printf("contradiction,");
		csv_put(stdout, d->id);
		printf(",%s,%s,%d,%s", d->cmp == CMP_MIN ? "min" : d->cmp == CMP_MAX ? "max" : "must",
		       store_region_name[f->region], f->year,
		       f->state < 0 ? "must" : crit_thr_state_name[f->state]);
		num_field(f->lo);
		num_field(f->hi);
		printf(",,,,,,,,,,,");
		csv_put(stdout, u->code);
		putchar(',');
		csv_put(stdout, u->name);
		num_field(f->value);
		putchar('\n');
	}
}

int cmd_criteria_bounds(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "unit", OPT_ARG, "NAME|CODE", "the recognitions of a unit and the units below it", NULL },
		{ "years", OPT_ARG, "A-B", "the years of the recognitions (default: the set's)", NULL },
		{ "format", OPT_ARG, "FMT", "table (default) or csv", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	struct critset *s = NULL;
	struct bounds b = { 0 };
	int npos, done, rc, top = -1, y0 = 0, y1 = 0;
	const char *fmt;
	static char name[] = "criteria bounds";

	argv[0] = name;   /* option errors say "see 'ntm criteria bounds --help'" */
	if ((rc = cmd_options(c, opts, argc, argv, &npos, usage, &done)) || done)
		return rc;
	if (npos != 1) {
		err_set(&c->err, "%s", _("criteria bounds: give one set (usage: ntm criteria bounds SET "
		        "[--unit NAME|CODE] [--years A-B] [--format table|csv])"));
		return 2;
	}
	if ((fmt = opt_get(opts, "format")) && strcmp(fmt, "csv") != 0 && strcmp(fmt, "table") != 0) {
		err_set(&c->err, _("criteria bounds: --format '%s' is not table or csv"), fmt);
		return 2;
	}
	if (opt_get(opts, "years") && opt_years(opt_get(opts, "years"), &y0, &y1) < 0) {
		err_set(&c->err, _("criteria bounds: '%s' is not a span of years (e.g. 2021-2023)"),
		        opt_get(opts, "years"));
		return 2;
	}
	rc = 1;
	if (ctx_db(c) < 0 || ctx_units(c) < 0 || ctx_vars(c) < 0 || !(s = ctx_load_set(c, argv[1])))
		goto out;
	if (opt_get(opts, "unit") && (top = ctx_find_unit(c, opt_get(opts, "unit"))) < 0)
		goto out;
	if (bounds_load(c, s, top, y0, y1, &b) < 0)
		goto out;
	if (fmt && strcmp(fmt, "csv") == 0)
		print_csv(c, s, &b);
	else
		print_table(c, s, &b, top);
	rc = 0;
out:
	bounds_free(&b);
	crit_free(s);
	return rc;
}
