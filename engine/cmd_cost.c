/* cmd_cost.c - `ntm cost` (the works and cost that would bring each unit
 * up to a set's standard) and `ntm allocate` (a budget split across units
 * and works to meet the most criteria or units). Both evaluate the set for
 * one year (under --scenario when given), then price each unmet indicator
 * with the cost model (cost.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmds.h"
#include "cost.h"
#include "csv.h"
#include "evalrun.h"
#include "fmt.h"
#include "i18n.h"
#include "report.h"
#include "scenario.h"
#include "utf8.h"

#define DEFAULT_COSTS "data/costs.csv"

/* One unit's needs for the year; its results are in costrun.R. */
struct unitneeds {
	int unit;            /* index in c->units */
	int at;              /* index in costrun.R */
	int status, ncrit;   /* before: results_status, results_ncrit */
	struct need *need;
	int nneed;
	double *vals;        /* the unit's figures (a copy) */
};

struct costrun {
	struct evalrun r;
	struct results R;    /* the evaluation before any work */
	struct costmodel m;
	struct unitneeds *u; /* the units judged in the year */
	int n, year;
};

static void costrun_free(struct costrun *k)
{
	int i;

	for (i = 0; i < k->n; i++) {
		free(k->u[i].need);
		free(k->u[i].vals);
	}
	free(k->u);
	results_free(&k->R);
	cost_free(&k->m);
	evalrun_free(&k->r);
	memset(k, 0, sizeof *k);
}

static int costrun_open(struct ctx *c, const char *set, const char *unit, int year,
                        const char *costs, struct costrun *k)
{
	int top = -1, i;

	memset(k, 0, sizeof *k);
	k->year = year;
	if (ctx_db(c) < 0 || (!unit && ctx_units(c) < 0) || ctx_vars(c) < 0)
		return -1;
	if (unit && (top = ctx_units_near(c, unit)) < 0)
		return -1;
	if (!costs)
		costs = getenv("NTM_COSTS") && *getenv("NTM_COSTS") ? getenv("NTM_COSTS") : DEFAULT_COSTS;
	if (cost_load(costs, &c->vars, &k->m, &c->err) < 0) {
		/* the default is relative: run elsewhere, it names nothing */
		if (strcmp(costs, DEFAULT_COSTS) == 0 && access(costs, F_OK) < 0)
			err_append(&c->err, _(" (the default cost model is %s under the current folder: run "
			           "ntm in the project's folder, or give it with --costs FILE or NTM_COSTS)"),
			           DEFAULT_COSTS);
		return -1;
	}
	if (evalrun_open(c, set, top, year, year, &k->r) < 0 || evalrun_results(c, &k->r, &k->R) < 0)
		return -1;
	if (!(k->u = calloc((size_t)k->r.nunit, sizeof *k->u)))
		return err_set(&c->err, "%s", _("out of memory"));
	for (i = 0; i < k->r.nunit; i++) {
		struct unitneeds *x;
		const struct critset *s = k->r.set;

		if (!results_judged(&k->R, i, year))
			continue;
		x = &k->u[k->n++];
		x->unit = k->r.units[i];
		x->at = i;
		x->status = results_status(&k->R, i, year);
		x->ncrit = results_ncrit(&k->R, i, year);
		x->need = malloc(((size_t)s->nind + 1) * sizeof *x->need);
		x->vals = malloc(((size_t)s->nvar + 1) * sizeof *x->vals);
		if (!x->need || !x->vals)
			return err_set(&c->err, "%s", _("out of memory"));
		memcpy(x->vals, evalrun_vals(&k->r, i, year), (size_t)s->nvar * sizeof *x->vals);
		results_inds(&k->R, i, year, k->r.res);
		x->nneed = cost_needs(&k->m, s, x->vals, c->units.u[x->unit].region, year, k->r.res,
		                      x->need);
	}
	return 0;
}

/* Whether the unit has no figure at all for the set in the year (only
 * what the data gives counts, not the results of other sets). */
static int no_figures(const struct critset *s, const struct unitneeds *x)
{
	int k;

	for (k = 0; k < s->nvar; k++)
		if ((!s->agg || s->agg[k].kind == AG_NONE) && !isnan(x->vals[k]))
			return 0;
	return 1;
}

/* When no unit judged has a figure for the year: says so (c->err) once,
 * with the years the database has figures for; returns -1. Else 0. */
static int any_figures(struct ctx *c, const char *cmd, const struct costrun *k)
{
	sqlite3_stmt *st;
	int i, y0 = 0, y1 = 0;

	for (i = 0; i < k->n; i++)
		if (!no_figures(k->r.set, &k->u[i]))
			return 0;
	if (k->n == 0)
		return 0;
	/* the years these units have figures for, through the primary key */
	if (store_prepare(c->db, &st, "SELECT min(year), max(year) FROM observation WHERE unit_id = ?1",
	                  &c->err) < 0)
		return -1;
	for (i = 0; i < k->n; i++) {
		sqlite3_bind_int64(st, 1, c->units.u[k->u[i].unit].id);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
			if (!y0 || sqlite3_column_int(st, 0) < y0)
				y0 = sqlite3_column_int(st, 0);
			if (sqlite3_column_int(st, 1) > y1)
				y1 = sqlite3_column_int(st, 1);
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	err_set(&c->err, k->n == 1 ?
	        _("%s: no figures on record for %d for the %d %s judged by %s, so there is nothing "
	          "to price") :
	        _("%s: no figures on record for %d for the %d %ss judged by %s, so there is nothing "
	          "to price"), cmd, k->year, k->n, _(k->r.set->level), k->r.set->id);
	if (y0)
		err_append(&c->err, _(" (they have figures for %d-%d: give one of those years, or import "
		           "%d's)"), y0, y1, k->year);
	else
		err_append(&c->err, "%s", _(" (they have no figures at all: import their observations first)"));
	return -1;
}

static void money(char *buf, size_t cap, double v)
{
	report_num(buf, cap, round(v * 10) / 10);
}


static int parse_year(struct ctx *c, const char *cmd, const char *arg, int *year)
{
	int y1;

	if (!arg) {
		err_set(&c->err, _("%s: give --year Y"), cmd);
		return -1;
	}
	if (opt_years(arg, year, &y1) < 0 || *year != y1) {
		err_set(&c->err, _("%s: '%s' is not a year (e.g. 2024)"), cmd, arg);
		return -1;
	}
	return 0;
}

static const char cost_usage[] =
	"usage: ntm cost SET --year Y [--unit NAME|CODE] [--costs FILE] [--format table|csv]\n\n"
	"For each unit not meeting SET in year Y: the works and estimated cost (million\n"
	"VND) that close each unmet indicator money can close, from the cost model\n"
	"($NTM_COSTS or data/costs.csv: a price per unit of work and the figure it moves),\n"
	"the total, and what money alone cannot close: indicators no work moves\n"
	"(income, poverty). Figures missing are listed as missing. Where the set does\n"
	"not know a threshold (unset, or a range), works are priced to the far end of\n"
	"where it can lie (certainly enough: 100 % for a share) and to the near end\n"
	"(may be enough: nothing for an open result); a count with no known upper\n"
	"end is not priced. An indicator is priced when its measure is one figure or\n"
	"a share of two (pct(v.x, v.total)).\n"
	"Under --scenario NAME the figures include the scenario's changes.\n";

int cmd_cost(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "year", OPT_ARG, "Y", "the year", NULL },
		{ "unit", OPT_ARG, "NAME|CODE", "a unit, or the units of the set's level below it", NULL },
		{ "costs", OPT_ARG, "FILE", "the cost model (default data/costs.csv)", NULL },
		{ "format", OPT_ARG, "FMT", "table (default) or csv", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	struct costrun k;
	int npos, done, rc, year, i, j, csv = 0, nshort = 0, nbare = 0;
	double total = 0, total_may = 0;
	const char *fmt;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, cost_usage, &done)) || done)
		return rc;
	if (npos != 1) {
		err_set(&c->err, "%s", _("cost: give one criteria set (usage: ntm cost SET --year Y)"));
		return 2;
	}
	if ((fmt = opt_get(opts, "format")) && strcmp(fmt, "csv") != 0 && strcmp(fmt, "table") != 0) {
		err_set(&c->err, _("cost: --format '%s' is not table or csv"), fmt);
		return 2;
	}
	csv = fmt && strcmp(fmt, "csv") == 0;
	if (parse_year(c, "cost", opt_get(opts, "year"), &year) < 0)
		return 2;
	if (costrun_open(c, argv[1], opt_get(opts, "unit"), year, opt_get(opts, "costs"), &k) < 0 ||
	    any_figures(c, "cost", &k) < 0) {
		costrun_free(&k);
		return 1;
	}
	if (csv)
		printf("unit_code,unit_name,year,indicator,kind,work,variable,quantity,uom,unit_cost,cost,"
		       "source,quantity_may,cost_may\n");
	else
		printf(_("%s, %d: works to the standard (million VND; prices: %s%s%s)\n\n"), k.r.set->id,
		       year, k.m.path, c->scenario_name ? _("; scenario ") : "",
		       c->scenario_name ? c->scenario_name : "");
	for (i = 0; i < k.n; i++) {
		const struct unitneeds *x = &k.u[i];
		const struct unit *u = &c->units.u[x->unit];
		const struct critset *s = k.r.set;
		double sum = 0, sum_may = 0;
		int kind, nlist;

		if (x->status == ST_MET)
			continue;
		nshort++;
		/* nothing to price without figures: one line at the end, not a block */
		if (!csv && no_figures(s, x)) {
			nbare++;
			continue;
		}
		if (!csv)
			printf(_("%s (%s), %d: %s, %d/%d criteria met\n"), u->name, u->code, year,
			       _(eval_status_name[x->status]), x->ncrit, s->ncrit);
		for (j = 0; j < x->nneed; j++) {
			const struct need *n = &x->need[j];
			const struct costrow *row = n->row >= 0 ? &k.m.r[n->row] : NULL;
			char q[32], uc[32], cost[32], qm[32], cm[32];

			if (n->kind != NEED_WORK)
				continue;
			report_num(q, sizeof q, n->qty);
			report_num(qm, sizeof qm, n->qty_may);
			money(uc, sizeof uc, row->cost);
			money(cost, sizeof cost, n->cost);
			money(cm, sizeof cm, n->cost_may);
			sum += n->cost;
			sum_may += n->cost_may;
			if (csv) {
				csv_put(stdout, u->code);
				putchar(',');
				csv_put(stdout, u->name);
				printf(",%d,%s,work,", year, s->ind[n->ind].id);
				csv_put(stdout, row->work);
				printf(",%s,%s%s,%s,%s,%s,", s->var[n->var], n->sign < 0 ? "-" : "", q,
				       row->uom, uc, cost);
				csv_put(stdout, row->source);
				printf(",%s%s,%s\n", n->sign < 0 && n->qty_may > 0 ? "-" : "", qm, cm);
				continue;
			}
			printf("  %-7s %s %s%s %s", s->ind[n->ind].id, row->work, n->sign < 0 ? "−" : "+",
			       i18n_decimal(q), row->uom);
			printf(" × %s = %s", i18n_decimal(uc), i18n_decimal(cost));
			if (k.r.res && s->ind[n->ind].cmp != CMP_MUST)
				printf("   (%s)", s->var[n->var]);
			if (n->cost_may != n->cost && n->qty_may == 0)
				fputs(_("   certainly enough; nothing may be needed"), stdout);
			else if (n->cost_may != n->cost)
				printf(_("   certainly enough; %s%s %s (%s) may suffice"),
				       n->sign < 0 ? "−" : "+", i18n_decimal(qm), row->uom, i18n_decimal(cm));
			putchar('\n');
		}
		/* the lists: kinds in order, money's "cannot" split by open or not */
		for (kind = NEED_NO_MONEY; kind <= NEED_NO_THRESHOLD + 1; kind++) {
			nlist = 0;
			for (j = 0; j < x->nneed; j++) {
				const struct need *n = &x->need[j];
				int open_nm = kind == NEED_NO_THRESHOLD + 1;

				if (open_nm ? n->kind != NEED_NO_MONEY || !n->open :
				    n->kind != kind || (kind == NEED_NO_MONEY && n->open))
					continue;
				if (csv) {
					csv_put(stdout, u->code);
					putchar(',');
					csv_put(stdout, u->name);
					printf(",%d,%s,%s,,,,,,,,,\n", year, s->ind[n->ind].id,
					       open_nm ? "open-no-money" : kind == NEED_NO_MONEY ? "no-money" :
					       kind == NEED_NO_DATA ? "figures-missing" : "threshold-unbounded");
					continue;
				}
				if (nlist++ == 0)
					printf("  %s:", open_nm ? _("open (may be met already), money cannot move it") :
					       kind == NEED_NO_MONEY ? _("money alone cannot close") :
					       kind == NEED_NO_DATA ? _("figures missing (collect them), not priced") :
					       _("threshold not known and without an upper end, not priced"));
				printf(" %s", s->ind[n->ind].id);
			}
			if (nlist && !csv)
				putchar('\n');
		}
		if (!csv) {
			char t[32], tm[32];

			money(t, sizeof t, sum);
			money(tm, sizeof tm, sum_may);
			if (sum_may != sum)
				printf(_("  works: %s million VND certainly enough; %s may suffice\n\n"), i18n_decimal(t),
				       i18n_decimal(tm));
			else
				printf(_("  works: %s million VND\n\n"), i18n_decimal(t));
		}
		total += sum;
		total_may += sum_may;
	}
	if (!csv) {
		char t[32], tm[32];

		money(t, sizeof t, total);
		money(tm, sizeof tm, total_may);
		i18n_decimal(t);
		i18n_decimal(tm);
		if (nbare) {
			int shown = 0;

			printf(nbare == 1 ? _("no figures for %d in %d unit, not priced:") :
			       _("no figures for %d in %d units, not priced:"), year, nbare);
			for (i = 0; i < k.n; i++)
				if (k.u[i].status != ST_MET && no_figures(k.r.set, &k.u[i]) && shown++ < 12)
					printf("%s %s", shown > 1 ? "," : "", c->units.u[k.u[i].unit].name);
			printf("%s\n\n", shown > 12 ? ", ..." : "");
		}
		printf(_("%d of %d units not certainly meeting %s in %d; works priced: %s million VND"),
		       nshort, k.n, k.r.set->id, year, t);
		if (total_may != total)
			printf(_(" certainly enough, %s may suffice"), tm);
		putchar('\n');
	}
	costrun_free(&k);
	return 0;
}

/* ---- allocate ----------------------------------------------------------- */

/* A choice: closing one criterion (objective criteria-met) or every unmet
 * criterion (units-meeting) of one unit. */
struct item {
	int u;               /* index in costrun.u */
	int crit;            /* -1: the whole unit */
	double cost;
	int chosen;
};

static int cmp_item(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	if (x->cost != y->cost)
		return x->cost < y->cost ? -1 : 1;
	if (x->u != y->u)
		return x->u - y->u;
	return x->crit - y->crit;
}

static const char alloc_usage[] =
	"usage: ntm allocate SET --year Y (--budget AMOUNT | --fund F) [--unit NAME|CODE]\n"
	"                    [--disbursement RATE] [--objective criteria-met|units-meeting]\n"
	"                    [--eligible U1,U2,...] [--min-per-unit X] [--max-per-unit X]\n"
	"                    [--costs FILE] [--save SCENARIO]\n\n"
	"Splits a budget (million VND) across the units of SET's level (below --unit)\n"
	"and the works that close their unmet criteria, to meet the most criteria\n"
	"(default) or the most units. Only RATE of the budget is spent (e.g. 0.87:\n"
	"87 % disbursed). --fund takes the budget from the funding on record for\n"
	"the unit and year. The plan lists unit, work, quantity and cost; the\n"
	"outcome is re-evaluated against the baseline; --save stores the plan as a\n"
	"scenario of projects (`ntm eval SET --scenario NAME`, `ntm diff`).\n"
	"Where the set does not know a threshold, works are priced to what is\n"
	"certainly enough (see `ntm cost`), so a unit counted as meeting the set\n"
	"meets it for certain.\n"
	"Amounts are read as Vietnamese writes them: 20000, 20 000, 20.000,5 and\n"
	"0,87 (0.87 too); 20.000 or 20,000 alone could be read two ways and is\n"
	"refused with both readings.\n"
	"Method: cheapest first. Each choice counts one (a criterion, or a unit),\n"
	"so cheapest-first is optimal for the budget alone; per-unit limits can\n"
	"make it fall short, and the report gives the count without them as a bound.\n";

/* The budget from the funding on record: allocations of fund at or below
 * unit top in year, base data. */
static int fund_budget(struct ctx *c, int top, int year, const char *fund, double *out)
{
	sqlite3_stmt *st;
	double sum = 0;
	int n = 0;

	if (store_prepare(c->db, &st, "SELECT unit_id, allocated FROM funding WHERE year = ?1 AND "
	                  "fund = ?2 AND measure = 'mVND' AND allocated IS NOT NULL", &c->err) < 0)
		return -1;
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_text(st, 2, fund, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		int u = id <= c->units.max_id ? c->units.by_id[id] : -1;

		for (; u >= 0 && u != top && top >= 0; u = c->units.u[u].parent)
			;
		if (top < 0 || u == top) {
			sum += sqlite3_column_double(st, 1);
			n++;
		}
	}
	sqlite3_finalize(st);
	if (n == 0)
		return top >= 0 ?
		       err_set(&c->err, _("allocate: no '%s' funding on record for %d at or below %s "
		               "(give --budget)"), fund, year, c->units.u[top].name) :
		       err_set(&c->err, _("allocate: no '%s' funding on record for %d (give --budget)"),
		               fund, year);
	*out = sum;
	return 0;
}

static int64_t var_id(const struct ctx *c, const char *name)
{
	int64_t idx;

	return map_get(&c->vars.by_name, name, &idx) ? c->vars.v[idx].id : 0;
}

/* Whether unit x may take part: --eligible lists names or codes. */
static int eligible(struct ctx *c, const char *list, int unit)
{
	char *copy, *tok, *save = NULL;
	int ok = 0;

	if (!list)
		return 1;
	if (!(copy = strdup(list)))
		return 0;
	for (tok = strtok_r(copy, ",", &save); tok && !ok; tok = strtok_r(NULL, ",", &save))
		ok = ctx_find_unit(c, tok) == unit;
	free(copy);
	return ok;
}

static int parse_amount(struct ctx *c, const char *name, const char *arg, double *out)
{
	char why[200];

	if (fmt_amount_parse(arg, out, why, sizeof why) < 0)
		return err_set(&c->err, "allocate: --%s '%s': %s", name, arg, why);
	return 0;
}

int cmd_allocate(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "year", OPT_ARG, "Y", "the year the money is spent", NULL },
		{ "budget", OPT_ARG, "AMOUNT", "the envelope, million VND", NULL },
		{ "fund", OPT_ARG, "F", "the envelope from the funding on record (central, province, ...)", NULL },
		{ "unit", OPT_ARG, "NAME|CODE", "the units of the set's level below this one", NULL },
		{ "disbursement", OPT_ARG, "RATE", "share of the budget actually spent (default 1)", NULL },
		{ "objective", OPT_ARG, "OBJ", "criteria-met (default) or units-meeting", NULL },
		{ "eligible", OPT_ARG, "U1,U2", "only these units", NULL },
		{ "min-per-unit", OPT_ARG, "X", "each eligible unit first gets its cheapest works up to X", NULL },
		{ "max-per-unit", OPT_ARG, "X", "no unit gets more than X", NULL },
		{ "costs", OPT_ARG, "FILE", "the cost model (default data/costs.csv)", NULL },
		{ "save", OPT_ARG, "SCENARIO", "store the plan as a scenario of projects", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	struct costrun k;
	struct item *it = NULL;
	double budget = 0, rate = 1, spend, spent = 0, minpu = 0, maxpu = INFINITY, *given = NULL;
	int npos, done, rc, year, i, j, ni = 0, by_unit = 0, top = -1, nchosen = 0, bound = 0;
	int before_units = 0, after_units = 0, before_crit = 0, after_crit = 0, intx = 0;
	int before_could = 0, after_could = 0;
	const char *obj;
	double left;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, alloc_usage, &done)) || done)
		return rc;
	if (npos != 1) {
		err_set(&c->err, "%s", _("allocate: give one criteria set (usage: ntm allocate SET "
		                         "--budget X --year Y)"));
		return 2;
	}
	if (parse_year(c, "allocate", opt_get(opts, "year"), &year) < 0)
		return 2;
	if (!opt_get(opts, "budget") == !opt_get(opts, "fund")) {
		err_set(&c->err, "%s", _("allocate: give --budget AMOUNT or --fund F"));
		return 2;
	}
	if ((opt_get(opts, "budget") && parse_amount(c, "budget", opt_get(opts, "budget"), &budget) < 0) ||
	    (opt_get(opts, "disbursement") && parse_amount(c, "disbursement", opt_get(opts, "disbursement"), &rate) < 0) ||
	    (opt_get(opts, "min-per-unit") && parse_amount(c, "min-per-unit", opt_get(opts, "min-per-unit"), &minpu) < 0) ||
	    (opt_get(opts, "max-per-unit") && parse_amount(c, "max-per-unit", opt_get(opts, "max-per-unit"), &maxpu) < 0))
		return 2;
	if (rate > 1) {
		err_set(&c->err, "%s", _("allocate: --disbursement is a share between 0 and 1 (0.87 for 87 %)"));
		return 2;
	}
	obj = opt_get(opts, "objective") ? opt_get(opts, "objective") : "criteria-met";
	if (strcmp(obj, "units-meeting") == 0)
		by_unit = 1;
	else if (strcmp(obj, "criteria-met") != 0) {
		err_set(&c->err, _("allocate: --objective '%s' is not criteria-met or units-meeting"), obj);
		return 2;
	}
	if (costrun_open(c, argv[1], opt_get(opts, "unit"), year, opt_get(opts, "costs"), &k) < 0 ||
	    any_figures(c, "allocate", &k) < 0)
		goto fail;
	if (opt_get(opts, "unit"))
		top = ctx_find_unit(c, opt_get(opts, "unit"));
	if (opt_get(opts, "fund") && fund_budget(c, top, year, opt_get(opts, "fund"), &budget) < 0)
		goto fail;
	spend = budget * rate;
	it = calloc((size_t)k.n * ((size_t)k.r.set->ncrit + 1) + 1, sizeof *it);
	given = calloc((size_t)k.n + 1, sizeof *given);
	if (!it || !given) {
		err_set(&c->err, "%s", _("out of memory"));
		goto fail;
	}
	for (i = 0; i < k.n; i++) {
		const struct unitneeds *x = &k.u[i];
		double whole = 0;
		int ok = 1;

		before_units += x->status == ST_MET;
		before_could += x->status == ST_OPEN || x->status == ST_UNKNOWN;
		before_crit += x->ncrit;
		if (x->status == ST_MET || !eligible(c, opt_get(opts, "eligible"), x->unit))
			continue;
		for (j = 0; j < k.r.set->ncrit; j++) {
			double cc;

			int cs = results_crit(&k.R, x->at, year, j);

			if (cs == ST_MET || cs == ST_NA)
				continue;
			cc = cost_criterion(k.r.set, j, x->need, x->nneed);
			if (cc < 0) {
				ok = 0;
				continue;
			}
			whole += cc;
			if (!by_unit && cc > 0)
				it[ni++] = (struct item){ i, j, cc, 0 };
		}
		if (by_unit && ok && whole > 0)
			it[ni++] = (struct item){ i, -1, whole, 0 };
	}
	qsort(it, (size_t)ni, sizeof *it, cmp_item);
	/* the bound: how many the budget alone buys, cheapest first */
	for (i = 0, left = spend; i < ni && it[i].cost <= left; i++)
		left -= it[i].cost, bound++;
	/* floors first: each eligible unit's cheapest choices up to --min-per-unit */
	for (i = 0; minpu > 0 && i < ni; i++)
		if (given[it[i].u] < minpu && it[i].cost <= spend - spent &&
		    given[it[i].u] + it[i].cost <= maxpu) {
			it[i].chosen = 1;
			given[it[i].u] += it[i].cost;
			spent += it[i].cost;
		}
	for (i = 0; i < ni; i++)
		if (!it[i].chosen && it[i].cost <= spend - spent && given[it[i].u] + it[i].cost <= maxpu) {
			it[i].chosen = 1;
			given[it[i].u] += it[i].cost;
			spent += it[i].cost;
		}
	/* the plan, and the outcome re-evaluated with the works done */
	{
		struct scenario_save { int64_t id; } sv = { 0 };
		const struct critset *s = k.r.set;
		struct ind_result *res = malloc(((size_t)s->nind + 1) * sizeof *res);
		unsigned char *cr = malloc((size_t)s->ncrit + 1);
		double *vals = malloc(((size_t)s->nvar + 1) * sizeof *vals);
		char a[32], b[32], d[32], pct[32];

		if (!res || !cr || !vals) {
			free(res), free(cr), free(vals);
			err_set(&c->err, "%s", _("out of memory"));
			goto fail;
		}
		/* an empty plan is not saved: a scenario of nothing would only
		 * look like a plan */
		for (i = 0; i < ni && !it[i].chosen; i++)
			;
		if (opt_get(opts, "save") && i < ni &&
		    (store_exec(c->db, "BEGIN IMMEDIATE", &c->err) < 0 || (intx = 1, 0) ||
		     scenario_create(c->db, opt_get(opts, "save"), c->scenario_name, "ntm allocate", &sv.id,
		                    &c->err) < 0)) {
			free(res), free(cr), free(vals);
			goto fail;
		}
		money(a, sizeof a, budget);
		money(b, sizeof b, spend);
		snprintf(pct, sizeof pct, "%g", rate * 100);
		printf(_("%s, %d: %s million VND%s, %s to spend (disbursement %s %%), objective %s\n\n"),
		       s->id, year, i18n_decimal(a), opt_get(opts, "fund") ? _(" on record") : "", i18n_decimal(b),
		       i18n_decimal(pct), obj);
		fputs(_("plan:\n"), stdout);
		for (i = 0; i < k.n; i++) {
			struct unitneeds *x = &k.u[i];
			int any = 0, st, ncm;

			memcpy(vals, x->vals, (size_t)s->nvar * sizeof *vals);
			for (j = 0; j < ni; j++) {
				int m;

				if (!it[j].chosen || it[j].u != i)
					continue;
				for (m = 0; m < x->nneed; m++) {
					const struct need *n = &x->need[m];
					const struct costrow *row;
					char q[32], name[160];
					int cid = s->ind[n->ind].criterion;

					if (n->kind != NEED_WORK || (it[j].crit >= 0 && cid != it[j].crit))
						continue;
					row = &k.m.r[n->row];
					vals[n->var] += n->sign * n->qty;
					report_num(q, sizeof q, n->qty);
					money(d, sizeof d, n->cost);
					fputs("  ", stdout);
					utf8_pad(stdout, c->units.u[x->unit].name, 18);
					printf(" %-6s %-28s %s%s %-10s %s\n", s->ind[n->ind].id, row->work,
					       n->sign < 0 ? "−" : "", i18n_decimal(q), row->uom, i18n_decimal(d));
					snprintf(name, sizeof name, "%s for %s %s", row->work, s->id, s->ind[n->ind].id);
					if (sv.id && scenario_put_project(c->db, sv.id, c->units.u[x->unit].id, year,
					                                  0, name, row->work,
					                                  var_id(c, s->var[n->var]),
					                                  n->sign * n->qty, n->cost, row->source,
					                                  &c->err) < 0) {
						free(res), free(cr), free(vals);
						goto fail;
					}
					any = 1;
				}
			}
			struct eval_hist h = evalrun_hist(&k.r, x->at);

			st = any ? eval_unit_hist(s, vals, eval_place(h.data, h.unit, year,
			                                              c->units.u[x->unit].region),
			                          year, &h, res, cr, &ncm) :
			     x->status;
			if (!any)
				ncm = x->ncrit;
			after_units += st == ST_MET;
			after_could += st == ST_OPEN || st == ST_UNKNOWN;
			after_crit += ncm;
			nchosen += any;
		}
		if (nchosen == 0 && ni == 0)
			printf(_("  nothing: no unmet criterion can be priced (works alone close none, or the "
			         "figures to price them are missing: see `ntm cost %s --year %d`)\n"), s->id, year);
		else if (nchosen == 0)
			printf(ni == 1 ? _("  nothing fits the budget: the cheapest of %d priced choice costs %s "
			                   "million VND, more than the %s to spend\n") :
			       _("  nothing fits the budget: the cheapest of %d priced choices costs %s million "
			         "VND, more than the %s to spend\n"), ni,
			       (money(d, sizeof d, it[0].cost), i18n_decimal(d)), (money(b, sizeof b, spend), i18n_decimal(b)));
		money(a, sizeof a, spent);
		money(b, sizeof b, spend - spent);
		money(d, sizeof d, budget - spend);
		printf(_("\nspent %s million VND in %d units; left %s"), i18n_decimal(a), nchosen, i18n_decimal(b));
		if (rate < 1)
			printf(_("; not disbursed %s"), i18n_decimal(d));
		printf("\n");
		printf(_("units meeting %s for certain: %d → %d of %d (could meet: %d → %d)\n"), s->id,
		       before_units, after_units, k.n, before_could, after_could);
		printf(by_unit ? _("criteria met: %d → %d (the budget alone would buy %d units)\n") :
		       _("criteria met: %d → %d (the budget alone would buy %d criteria)\n"), before_crit,
		       after_crit, bound);
		if (intx && store_exec(c->db, "COMMIT", &c->err) < 0) {
			free(res), free(cr), free(vals);
			goto fail;
		}
		intx = 0;
		if (sv.id)
			printf(_("saved as scenario %s (`ntm diff %s --scenario %s --year %d`)\n"),
			       opt_get(opts, "save"), s->id, opt_get(opts, "save"), year);
		else if (opt_get(opts, "save"))
			printf(_("not saved: the plan is empty (no scenario %s was made)\n"), opt_get(opts, "save"));
		free(res), free(cr), free(vals);
	}
	free(it);
	free(given);
	costrun_free(&k);
	return 0;
fail:
	if (intx)
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
	free(it);
	free(given);
	costrun_free(&k);
	return 1;
}
