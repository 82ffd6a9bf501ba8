/* cmd_diff.c - `ntm diff SET... --scenario A [--against B]`: evaluates each
 * set under B (or the base data) and under A and lists the units and
 * indicators whose status changes, with the values before and after, and
 * the units meeting each set before and after. Nothing is stored. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "evalrun.h"
#include "report.h"

static const char usage[] =
	"usage: ntm diff SET... --scenario A [--against B] [--year Y | --years A-B]\n"
	"                [--unit NAME|CODE] [--format table|csv]\n\n"
	"Evaluates each SET under scenario B (default: the base data) and under\n"
	"scenario A, and lists the units and indicators whose status changes, with\n"
	"the values before and after, then the units meeting each set before and\n"
	"after. The years default to the set's years that have figures.\n";

struct side {
	unsigned char *unit;      /* [i * nyear + y]: ST_* */
	unsigned char *ncrit;
	struct ind_result *ind;   /* [(i * nyear + y) * nind + k] */
};

static int run_side(struct ctx *c, const char *set, int top, int y0, int y1, struct side *sd,
                    struct evalrun *r)
{
	int i, y, ny;

	if (evalrun_open(c, set, top, y0, y1, r) < 0)
		return -1;
	y0 = r->year_from;
	y1 = r->year_to;
	ny = y1 - y0 + 1;
	sd->unit = malloc((size_t)r->nunit * (size_t)ny + 1);
	sd->ncrit = malloc((size_t)r->nunit * (size_t)ny + 1);
	sd->ind = malloc((size_t)r->nunit * (size_t)ny * (size_t)r->set->nind * sizeof *sd->ind + 1);
	if (!sd->unit || !sd->ncrit || !sd->ind)
		return err_set(&c->err, "out of memory");
	for (i = 0; i < r->nunit; i++)
		for (y = y0; y <= y1; y++) {
			size_t at = (size_t)i * (size_t)ny + (size_t)(y - y0);
			int ncm;

			sd->unit[at] = (unsigned char)evalrun_unit(c, r, i, y, &ncm);
			sd->ncrit[at] = (unsigned char)(ncm > 255 ? 255 : ncm);
			memcpy(&sd->ind[at * (size_t)r->set->nind], r->res,
			       (size_t)r->set->nind * sizeof *r->res);
		}
	return 0;
}

static void side_free(struct side *sd)
{
	free(sd->unit);
	free(sd->ncrit);
	free(sd->ind);
	memset(sd, 0, sizeof *sd);
}

static void value(char *buf, size_t cap, const struct ind_result *x)
{
	char num[32];

	if (isnan(x->value))
		snprintf(buf, cap, "%s", eval_status_name[x->status]);
	else {
		report_num(num, sizeof num, x->value);
		snprintf(buf, cap, "%s %s", eval_status_name[x->status], num);
	}
}

static int diff_set(struct ctx *c, const char *set, const char *a, const char *b, int top,
                    int y0, int y1, int csv)
{
	struct evalrun ra = { 0 }, rb = { 0 };
	struct side sa = { 0 }, sb = { 0 };
	int ny, i, y, k, rc = 1, nchg = 0;

	ctx_use_scenario(c, b);
	if (run_side(c, set, top, y0, y1, &sb, &rb) < 0)
		goto out;
	ctx_use_scenario(c, a);
	if (run_side(c, set, top, y0, y1, &sa, &ra) < 0)
		goto out;
	y0 = ra.year_from;
	y1 = ra.year_to;
	ny = y1 - y0 + 1;
	if (!csv)
		printf("%s: scenario %s against %s%s\n\n", ra.set->id, a, b ? "scenario " : "the base data",
		       b ? b : "");
	for (i = 0; i < ra.nunit; i++)
		for (y = y0; y <= y1; y++) {
			size_t at = (size_t)i * (size_t)ny + (size_t)(y - y0);
			const struct unit *u = &c->units.u[ra.units[i]];
			int header = 0;

			for (k = 0; k < ra.set->nind; k++) {
				const struct ind_result *x = &sb.ind[at * (size_t)ra.set->nind + (size_t)k];
				const struct ind_result *z = &sa.ind[at * (size_t)ra.set->nind + (size_t)k];
				char before[48], after[48];

				if (x->status == z->status &&
				    (x->value == z->value || (isnan(x->value) && isnan(z->value))))
					continue;
				value(before, sizeof before, x);
				value(after, sizeof after, z);
				if (csv) {
					printf("%s,%s,\"%s\",%d,%s,%s,%s,", ra.set->id, u->code, u->name, y,
					       ra.set->ind[k].id, eval_status_name[x->status],
					       eval_status_name[z->status]);
					if (!isnan(x->value))
						printf("%.10g", x->value);
					putchar(',');
					if (!isnan(z->value))
						printf("%.10g", z->value);
					putchar('\n');
					continue;
				}
				if (!header++)
					printf("%s %d: %s %d/%d → %s %d/%d criteria\n", u->name, y,
					       eval_status_name[sb.unit[at]], sb.ncrit[at], ra.set->ncrit,
					       eval_status_name[sa.unit[at]], sa.ncrit[at], ra.set->ncrit);
				printf("  %-8s %-22s → %s\n", ra.set->ind[k].id, before, after);
				nchg++;
			}
		}
	if (!csv) {
		if (nchg == 0)
			printf("no indicator changes\n");
		printf("\n");
		for (y = y0; y <= y1; y++) {
			int mb = 0, ma = 0;

			for (i = 0; i < ra.nunit; i++) {
				mb += sb.unit[(size_t)i * (size_t)ny + (size_t)(y - y0)] == ST_MET;
				ma += sa.unit[(size_t)i * (size_t)ny + (size_t)(y - y0)] == ST_MET;
			}
			printf("%d: units meeting %s: %d → %d of %d\n", y, ra.set->id, mb, ma, ra.nunit);
		}
	}
	rc = 0;
out:
	side_free(&sa);
	side_free(&sb);
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
		err_set(&c->err, "diff: give at least one SET and --scenario A (usage: ntm diff SET "
		        "--scenario A [--against B])");
		return 2;
	}
	fmt = opt_get(opts, "format");
	if (fmt && strcmp(fmt, "csv") != 0 && strcmp(fmt, "table") != 0) {
		err_set(&c->err, "diff: --format '%s' is not table or csv", fmt);
		return 2;
	}
	csv = fmt && strcmp(fmt, "csv") == 0;
	yarg = opt_get(opts, "year") ? opt_get(opts, "year") : opt_get(opts, "years");
	if (yarg && (opt_years(yarg, &y0, &y1) < 0 || (opt_get(opts, "year") && y0 != y1))) {
		err_set(&c->err, "diff: '%s' is not a year or span of years", yarg);
		return 2;
	}
	if (ctx_db(c) < 0 || ctx_units(c) < 0 || ctx_vars(c) < 0)
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
	if (opt_get(opts, "unit") && (top = ctx_find_unit(c, opt_get(opts, "unit"))) < 0)
		return 1;
	if (csv)
		printf("set,unit_code,unit_name,year,indicator,status_before,status_after,value_before,"
		       "value_after\n");
	for (i = 1; i <= npos; i++) {
		if (i > 1 && !csv)
			printf("\n");
		if (diff_set(c, argv[i], a, opt_get(opts, "against"), top, y0, y1, csv))
			return 1;
	}
	return 0;
}
