/* cmd_diff.c - `ntm diff SET... --scenario A [--against B]`: evaluates each
 * set under B (or the base data) and under A and lists the units and
 * criteria and indicators whose status changes, with the values before and
 * after, and the units meeting each set before and after. Both sides are
 * results values (results.h). Nothing is stored. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "csv.h"
#include "evalrun.h"
#include "i18n.h"
#include "report.h"
#include "utf8.h"

static const char usage[] =
	"usage: ntm diff SET... --scenario A [--against B] [--year Y | --years A-B]\n"
	"                [--unit NAME|CODE] [--format table|csv]\n\n"
	"Evaluates each SET under scenario B (default: the base data) and under\n"
	"scenario A, and lists the units, criteria and indicators whose status\n"
	"changes (met, unmet, open, unknown), with the values before and after, then\n"
	"the units meeting each set for certain, and those that could, before and\n"
	"after. In csv a criterion's row has an empty indicator. The years default\n"
	"to the set's years.\n";

/* The status and value a person reads: in Vietnamese with a decimal comma. */
static void value(char *buf, size_t cap, const struct ind_result *x)
{
	char num[32];

	if (isnan(x->value))
		snprintf(buf, cap, "%s", _(eval_status_name[x->status]));
	else {
		report_num(num, sizeof num, x->value);
		i18n_decimal(num);
		snprintf(buf, cap, "%s %s", _(eval_status_name[x->status]), num);
	}
}


static void csv_value(double v)
{
	if (!isnan(v))
		printf("%.10g", v);
}

/* One side: the set evaluated under scenario name (NULL: the base data). */
static int side(struct ctx *c, const char *set, const char *name, int top, int y0, int y1,
                struct evalrun *r, struct results *R)
{
	ctx_use_scenario(c, name);
	if (evalrun_open(c, set, top, y0, y1, r) < 0)
		return -1;
	return evalrun_results(c, r, R);
}

/* Prints what changed for unit i in year y; returns the number of lines. */
static int diff_unit(struct ctx *c, const struct results *B, const struct results *A, int i, int y,
                     int csv)
{
	const struct critset *s = A->set;
	const struct unit *u = &c->units.u[A->unit[i]];
	int k, j, n = 0;

	if (!results_judged(A, i, y) && !results_judged(B, i, y))
		return 0;
	for (j = 0; j < s->ncrit; j++) {
		const struct criterion *cr = &s->crit[j];
		int cb = results_crit(B, i, y, j), ca = results_crit(A, i, y, j), first = 1;

		for (k = cr->first; k < cr->first + cr->n; k++) {
			struct ind_result x, z;
			char before[64], after[64];

			results_ind(B, i, y, k, &x);
			results_ind(A, i, y, k, &z);
			if (x.status == z.status && (x.value == z.value || (isnan(x.value) && isnan(z.value))))
				continue;
			if (csv) {
				if (first && ca != cb) {
					printf("%s,", s->id);
					csv_put(stdout, u->code);
					putchar(',');
					csv_put(stdout, u->name);
					printf(",%d,", y);
					csv_put(stdout, cr->id);
					printf(",,%s,%s,,\n", eval_status_name[cb], eval_status_name[ca]);
				}
				first = 0;
				printf("%s,", s->id);
				csv_put(stdout, u->code);
				putchar(',');
				csv_put(stdout, u->name);
				printf(",%d,", y);
				csv_put(stdout, cr->id);
				putchar(',');
				csv_put(stdout, s->ind[k].id);
				printf(",%s,%s,", eval_status_name[x.status], eval_status_name[z.status]);
				csv_value(x.value);
				putchar(',');
				csv_value(z.value);
				putchar('\n');
				n++;
				continue;
			}
			if (!n)
				printf(_("%s %d: %s %d/%d → %s %d/%d criteria\n"), u->name, y,
				       _(eval_status_name[results_status(B, i, y)]), results_ncrit(B, i, y), s->ncrit,
				       _(eval_status_name[results_status(A, i, y)]), results_ncrit(A, i, y), s->ncrit);
			if (first && ca != cb)
				printf(_("  criterion %-4s %s → %s\n"), cr->id, _(eval_status_name[cb]),
				       _(eval_status_name[ca]));
			first = 0;
			value(before, sizeof before, &x);
			value(after, sizeof after, &z);
			printf("  %-8s ", s->ind[k].id);
			utf8_pad(stdout, before, 22);
			printf(" → %s\n", after);
			n++;
		}
	}
	return n;
}

static int diff_set(struct ctx *c, const char *set, const char *a, const char *b, int top,
                    int y0, int y1, int csv)
{
	struct evalrun ra = { 0 }, rb = { 0 };
	struct results A = { 0 }, B = { 0 };
	int i, y, rc = 1, nchg = 0;

	if (side(c, set, b, top, y0, y1, &rb, &B) < 0 || side(c, set, a, top, y0, y1, &ra, &A) < 0)
		goto out;
	if (!csv)
		printf(b ? _("%s: scenario %s against scenario %s\n\n") :
		       _("%s: scenario %s against the base data\n\n"), ra.set->id, a, b);
	for (i = 0; i < ra.nunit; i++)
		for (y = ra.year_from; y <= ra.year_to; y++)
			nchg += diff_unit(c, &B, &A, i, y, csv);
	if (!csv) {
		if (nchg == 0)
			fputs(_("no indicator changes\n"), stdout);
		printf("\n");
		for (y = ra.year_from; y <= ra.year_to; y++) {
			int mb = 0, ma = 0, cb = 0, ca = 0, sb, sa;

			for (i = 0; i < ra.nunit; i++) {
				sb = results_status(&B, i, y);
				sa = results_status(&A, i, y);
				mb += sb == ST_MET;
				ma += sa == ST_MET;
				cb += sb == ST_OPEN || sb == ST_UNKNOWN;
				ca += sa == ST_OPEN || sa == ST_UNKNOWN;
			}
			printf(_("%d: units meeting %s for certain: %d → %d of %d (could meet: %d → %d)\n"), y,
			       ra.set->id, mb, ma, ra.nunit, cb, ca);
		}
	}
	rc = 0;
out:
	results_free(&A);
	results_free(&B);
	evalrun_free(&ra);
	evalrun_free(&rb);
	return rc;
}

int cmd_diff(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "against", OPT_ARG, "B", "the scenario to compare with (default: the base data)", NULL },
		{ "year", OPT_ARG, "Y", "one year", NULL },
		{ "years", OPT_ARG, "A-B", "a span of years", NULL },
		{ "unit", OPT_ARG, "NAME|CODE", "a unit, or the units of the set's level below it", NULL },
		{ "format", OPT_ARG, "FMT", "table (default) or csv", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	const char *a = c->scenario_name, *yarg, *fmt;
	int npos, done, rc, top = -1, y0 = 0, y1 = 0, i, csv;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, usage, &done)) || done)
		return rc;
	if (npos < 1 || !a) {
		err_set(&c->err, "%s", _("diff: give at least one SET and --scenario A (usage: ntm diff SET "
		        "--scenario A [--against B])"));
		return 2;
	}
	fmt = opt_get(opts, "format");
	if (fmt && strcmp(fmt, "csv") != 0 && strcmp(fmt, "table") != 0) {
		err_set(&c->err, _("diff: --format '%s' is not table or csv"), fmt);
		return 2;
	}
	csv = fmt && strcmp(fmt, "csv") == 0;
	yarg = opt_get(opts, "year") ? opt_get(opts, "year") : opt_get(opts, "years");
	if (yarg && (opt_years(yarg, &y0, &y1) < 0 || (opt_get(opts, "year") && y0 != y1))) {
		err_set(&c->err, _("diff: '%s' is not a year or span of years"), yarg);
		return 2;
	}
	if (ctx_db(c) < 0 || (!opt_get(opts, "unit") && ctx_units(c) < 0) || ctx_vars(c) < 0)
		return 1;
	/* both scenarios must exist before anything is evaluated */
	{
		struct scenario s;

		if (scenario_open(c->db, a, &s, &c->err) < 0)
			return 1;
		scenario_close(&s);
		if (opt_get(opts, "against")) {
			if (scenario_open(c->db, opt_get(opts, "against"), &s, &c->err) < 0)
				return 1;
			scenario_close(&s);
		}
	}
	if (opt_get(opts, "unit") && (top = ctx_units_near(c, opt_get(opts, "unit"))) < 0)
		return 1;
	if (csv)
		printf("set,unit_code,unit_name,year,criterion,indicator,status_before,status_after,"
		       "value_before,value_after\n");
	for (i = 1; i <= npos; i++) {
		if (i > 1 && !csv)
			printf("\n");
		if (diff_set(c, argv[i], a, opt_get(opts, "against"), top, y0, y1, csv))
			return 1;
	}
	return 0;
}
