/* cmd_plot.c - `ntm plot KIND`: standard charts from the store through
 * gnuplot (gnuplot.h), in one house style: funding by fund per year with
 * the disbursement rate, and one variable over the years for some units. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "chart.h"
#include "evalrun.h"

static const char usage[] =
	"usage: ntm plot funding --unit NAME|CODE --out FILE [options]\n"
	"       ntm plot variable --var NAME --unit NAME|CODE[,NAME|CODE...] --out FILE [options]\n"
	"       ntm plot units-met --set SET --unit NAME|CODE --out FILE [--years A-B]\n"
	"       ntm plot heatmap --set SET --unit NAME|CODE --out FILE [--year Y | --years A-B]\n"
	"       ntm plot share --var NAME --of NAME --unit NAME|CODE --out FILE\n"
	"       ntm plot runs --run ID --against ID --out FILE\n\n"
	"funding   money allocated per year, stacked by fund (million VND), with the\n"
	"          share disbursed (%) as a line; cement (tonnes) is left out\n"
	"variable  one variable over the years, a line per unit\n"
	"units-met units of the set's level below --unit meeting the set, per year,\n"
	"          with the mean number of criteria met\n"
	"share     100 x var / of over every year and quarter with both figures\n"
	"runs      units meeting the set per year in two stored runs side by side\n"
	"heatmap   criteria met (green), unmet (red), unknown (yellow): units x\n"
	"          criteria in one year, or, for one unit, years x criteria\n"
	"The terminal follows the file name (.png, .svg, .txt for a text preview)\n"
	"unless --format says; labels are Vietnamese, numbers as 1.234,5.\n";

static const char *const fund_color[] = {
	"#1b6ca8", "#e07b39", "#3a9e5a", "#c9a227", "#8e5ea2", "#d1495b", "#5f6b73", "#66a3a3",
};

static const struct { const char *fund, *label; } funds[] = {
	{ "central", "Ngân sách trung ương" }, { "province", "Ngân sách tỉnh" },
	{ "district", "Ngân sách huyện" }, { "commune", "Ngân sách xã" },
	{ "sponsor", "Tài trợ" }, { "people", "Nhân dân đóng góp" },
	{ "credit", "Tín dụng" }, { "other", "Nguồn khác" },
};
#define NFUND ((int)(sizeof funds / sizeof funds[0]))
/* The unit of measure as a Vietnamese axis label. */
static const char *uom_label(const char *uom)
{
	static const char *const map[][2] = {
		{ "km", "km" }, { "ha", "ha" }, { "pct", "%" }, { "mvnd", "triệu đồng" },
		{ "mvnd_person_year", "triệu đồng/người/năm" }, { "households", "hộ" },
		{ "persons", "người" }, { "count", "số lượng" }, { "tonnes", "tấn" },
		{ "bool", "có (1) / không (0)" }, { "works", "công trình" },
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i][0], uom) == 0)
			return map[i][1];
	return uom;
}

/* Draws c (and its CSV when asked) as the options say; frees c. */
static int finish(struct ctx *c, struct chart *ch, struct opt *opts)
{
	const char *size = opt_get(opts, "size"), *csv = opt_get(opts, "csv");
	int w = 0, h = 0, rc = 0;

	if (opt_get(opts, "title")) {
		free(ch->title);
		ch->title = strdup(opt_get(opts, "title"));
	}
	if (size && (sscanf(size, "%dx%d", &w, &h) != 2 || w < 10 || h < 10 || w > 10000 || h > 10000))
		rc = err_set(&c->err, "plot: --size '%s' is not WIDTHxHEIGHT (e.g. 900x540)", size);
	if (rc == 0 && csv)
		rc = chart_csv(ch, csv, &c->err);
	if (rc == 0)
		rc = chart_draw(ch, opt_get(opts, "out"), opt_get(opts, "format"), w, h, &c->err);
	chart_free(ch);
	return rc;
}

static int years_opt(struct ctx *c, struct opt *opts, int *y0, int *y1)
{
	const char *yarg = opt_get(opts, "years");

	if (opt_get(opts, "year")) {
		if (opt_years(opt_get(opts, "year"), y0, y1) < 0 || *y0 != *y1)
			return err_set(&c->err, "plot: --year '%s' is not a year", opt_get(opts, "year"));
	} else if (yarg && opt_years(yarg, y0, y1) < 0) {
		return err_set(&c->err, "plot: --years '%s' is not a span like 2021-2023", yarg);
	}
	return 0;
}

static char *fmt(const char *f, const char *a)
{
	size_t n = strlen(f) + strlen(a) + 1;
	char *s = malloc(n);

	if (s)
		snprintf(s, n, f, a);
	return s;
}

static int plot_funding(struct ctx *c, struct opt *opts)
{
	sqlite3_stmt *st = NULL;
	double alloc[32][NFUND], disb[32], disb_alloc[32];
	int years[32], ny = 0, used[NFUND] = { 0 }, u, i, j, y0 = 1990, y1 = 2100;
	struct chart *ch;
	struct chart_series *rate;
	char num[8];

	if (!opt_get(opts, "unit"))
		return err_set(&c->err, "plot funding: give --unit NAME|CODE");
	if ((u = ctx_find_unit(c, opt_get(opts, "unit"))) < 0 || years_opt(c, opts, &y0, &y1) < 0)
		return -1;
	memset(alloc, 0, sizeof alloc);
	memset(disb, 0, sizeof disb);
	memset(disb_alloc, 0, sizeof disb_alloc);
	if (store_prepare(c->db, &st, "SELECT year, fund, sum(allocated), sum(disbursed), "
	                  "sum(CASE WHEN disbursed IS NOT NULL THEN allocated END) FROM funding "
	                  "WHERE unit_id = ?1 AND measure = 'mVND' AND year BETWEEN ?2 AND ?3 "
	                  "GROUP BY year, fund ORDER BY year", &c->err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, c->units.u[u].id);
	sqlite3_bind_int(st, 2, y0);
	sqlite3_bind_int(st, 3, y1);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int year = sqlite3_column_int(st, 0);
		const char *fund = (const char *)sqlite3_column_text(st, 1);

		if (ny == 0 || years[ny - 1] != year) {
			if (ny == 32)
				break;
			years[ny++] = year;
		}
		for (j = 0; j < NFUND && strcmp(funds[j].fund, fund) != 0; j++)
			;
		if (j == NFUND)
			continue;
		alloc[ny - 1][j] += sqlite3_column_double(st, 2);
		disb[ny - 1] += sqlite3_column_double(st, 3);
		disb_alloc[ny - 1] += sqlite3_column_double(st, 4);
		used[j] = 1;
	}
	sqlite3_finalize(st);
	if (ny == 0)
		return err_set(&c->err, "plot funding: no funding in million VND for %s (%s)",
		               c->units.u[u].name, c->units.u[u].code);
	if (!(ch = chart_new(CH_STACKED, ny)))
		return err_set(&c->err, "out of memory");
	ch->title = fmt("%s: vốn phân bổ theo nguồn và tỷ lệ giải ngân", c->units.u[u].name);
	ch->ylabel = strdup("Triệu đồng");
	ch->y2label = strdup("Tỷ lệ giải ngân (%)");
	for (i = 0; i < ny; i++) {
		snprintf(num, sizeof num, "%d", years[i]);
		chart_set_cat(ch, i, num);
	}
	for (j = 0; j < NFUND; j++) {
		struct chart_series *s;

		if (!used[j] || !(s = chart_add(ch, funds[j].label)))
			continue;
		s->color = strdup(fund_color[j]);
		for (i = 0; i < ny; i++)
			s->v[i] = alloc[i][j];
	}
	if ((rate = chart_add(ch, "Tỷ lệ giải ngân (%)"))) {
		rate->y2 = 1;
		rate->color = strdup("#222222");
		for (i = 0; i < ny; i++)
			rate->v[i] = disb_alloc[i] > 0 ? 100 * disb[i] / disb_alloc[i] : NAN;
	}
	return finish(c, ch, opts);
}

static int plot_variable(struct ctx *c, struct opt *opts)
{
	const char *var = opt_get(opts, "var"), *list = opt_get(opts, "unit");
	int units[16], nu = 0, i, y0 = 0, y1 = 0, y, rows = 0;
	char *copy, *tok, *save = NULL, num[8];
	sqlite3_stmt *st = NULL;
	struct chart *ch;
	int64_t vi;

	if (!var || !list)
		return err_set(&c->err, "plot variable: give --var NAME and --unit NAME|CODE[,...]");
	if (ctx_vars(c) < 0 || years_opt(c, opts, &y0, &y1) < 0)
		return -1;
	if (!map_get(&c->vars.by_name, var, &vi))
		return err_set(&c->err, "plot variable: unknown variable '%s' (`ntm variables` lists them)", var);
	if (!(copy = strdup(list)))
		return err_set(&c->err, "out of memory");
	for (tok = strtok_r(copy, ",", &save); tok && nu < 16; tok = strtok_r(NULL, ",", &save)) {
		if ((units[nu] = ctx_find_unit(c, tok)) < 0) {
			free(copy);
			return -1;
		}
		nu++;
	}
	free(copy);
	if (!y0) {
		if (store_prepare(c->db, &st, "SELECT min(year), max(year) FROM observation "
		                  "WHERE variable_id = ?1 AND quarter = 0", &c->err) < 0)
			return -1;
		sqlite3_bind_int64(st, 1, c->vars.v[vi].id);
		if (sqlite3_step(st) == SQLITE_ROW) {
			y0 = sqlite3_column_int(st, 0);
			y1 = sqlite3_column_int(st, 1);
		}
		sqlite3_finalize(st);
		if (!y0)
			return err_set(&c->err, "plot variable: no annual figure of %s", var);
	}
	if (y1 - y0 > 60)
		return err_set(&c->err, "plot variable: %d-%d is too many years", y0, y1);
	if (!(ch = chart_new(CH_LINE, y1 - y0 + 1)))
		return err_set(&c->err, "out of memory");
	for (y = y0; y <= y1; y++) {
		snprintf(num, sizeof num, "%d", y);
		chart_set_cat(ch, y - y0, num);
	}
	ch->title = strdup(c->vars.v[vi].meaning[0] ? c->vars.v[vi].meaning : var);
	ch->ylabel = strdup(uom_label(c->vars.v[vi].uom));
	ch->ydecimals = 0;
	if (store_prepare(c->db, &st, "SELECT year, value FROM observation WHERE unit_id = ?1 "
	                  "AND variable_id = ?2 AND quarter = 0 AND year BETWEEN ?3 AND ?4", &c->err) < 0) {
		chart_free(ch);
		return -1;
	}
	for (i = 0; i < nu; i++) {
		struct chart_series *s = chart_add(ch, c->units.u[units[i]].name);

		sqlite3_bind_int64(st, 1, c->units.u[units[i]].id);
		sqlite3_bind_int64(st, 2, c->vars.v[vi].id);
		sqlite3_bind_int(st, 3, y0);
		sqlite3_bind_int(st, 4, y1);
		while (s && sqlite3_step(st) == SQLITE_ROW) {
			double v = sqlite3_column_double(st, 1);

			s->v[sqlite3_column_int(st, 0) - y0] = v;
			if (v < 10 && v != (int)v)
				ch->ydecimals = 1;
			rows++;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rows == 0) {
		chart_free(ch);
		return err_set(&c->err, "plot variable: no annual figure of %s for the units given", var);
	}
	return finish(c, ch, opts);
}

/* Opens the evaluation --set and --unit ask for. */
static int evaluate(struct ctx *c, struct opt *opts, struct evalrun *r, int *top)
{
	int y0 = 0, y1 = 0;

	if (!opt_get(opts, "set") || !opt_get(opts, "unit"))
		return err_set(&c->err, "plot: give --set SET and --unit NAME|CODE");
	if (years_opt(c, opts, &y0, &y1) < 0 || (*top = ctx_find_unit(c, opt_get(opts, "unit"))) < 0)
		return -1;
	return evalrun_open(c, opt_get(opts, "set"), *top, y0, y1, r);
}

static int plot_units_met(struct ctx *c, struct opt *opts)
{
	struct evalrun r;
	struct chart *ch = NULL;
	int top, y, i, rc = -1;
	char num[16], title[512];

	if (evaluate(c, opts, &r, &top) < 0)
		return -1;
	/* chart_add may move the series: take the pointers after both adds */
	if (!(ch = chart_new(CH_BARS, r.year_to - r.year_from + 1)) ||
	    !chart_add(ch, "Số đơn vị đạt chuẩn") || !chart_add(ch, "Số tiêu chí đạt bình quân")) {
		err_set(&c->err, "out of memory");
		goto done;
	}
	snprintf(title, sizeof title, "%s: số đơn vị đạt chuẩn theo năm", c->units.u[top].name);
	ch->title = strdup(title);
	ch->ylabel = strdup("Số đơn vị");
	ch->y2label = strdup("Tiêu chí đạt bình quân");
	ch->ser[1].y2 = 1;
	for (y = r.year_from; y <= r.year_to; y++) {
		int n = 0, ncm, judged;
		long sum = 0;

		snprintf(num, sizeof num, "%d", y);
		chart_set_cat(ch, y - r.year_from, num);
		for (i = 0, judged = 0; i < r.nunit; i++) {
			if (!evalrun_takes_part(c, &r, i, y))
				continue;
			n += evalrun_unit(c, &r, i, y, &ncm) == ST_MET;
			sum += ncm;
			judged++;
		}
		ch->ser[0].v[y - r.year_from] = n;
		ch->ser[1].v[y - r.year_from] = judged ? (double)sum / judged : 0;
	}
	rc = finish(c, ch, opts);
	ch = NULL;
done:
	chart_free(ch);
	evalrun_free(&r);
	return rc;
}

static int plot_heatmap(struct ctx *c, struct opt *opts)
{
	/* -1 no data, 0 unmet, 1 unknown or not set, 2 met or not applicable */
	static const double shade[ST_N] = { 2, 0, 1, 1, 2 };
	struct evalrun r;
	struct chart *ch = NULL;
	int top, y, i, j, rc = -1, by_year, nrow;
	char num[16], title[512];

	if (evaluate(c, opts, &r, &top) < 0)
		return -1;
	/* one unit: its years as rows; several: the units in the last year */
	by_year = r.nunit == 1;
	nrow = by_year ? r.year_to - r.year_from + 1 : r.nunit;
	if (!(ch = chart_new(CH_HEAT, r.set->ncrit))) {
		err_set(&c->err, "out of memory");
		goto done;
	}
	ch->status_map = 1;
	for (j = 0; j < r.set->ncrit; j++)
		chart_set_cat(ch, j, r.set->crit[j].id);
	if (by_year)
		snprintf(title, sizeof title, "%s: tiêu chí đạt theo năm", c->units.u[r.units[0]].name);
	else
		snprintf(title, sizeof title, "%s: tiêu chí đạt theo đơn vị, năm %d",
		         c->units.u[top].name, r.year_to);
	ch->title = strdup(title);
	ch->xlabel = strdup("Tiêu chí");
	for (i = 0; i < nrow; i++) {
		int u = by_year ? 0 : i, ncm;
		struct chart_series *row;

		y = by_year ? r.year_from + i : r.year_to;
		snprintf(num, sizeof num, "%d", y);
		if (!(row = chart_add(ch, by_year ? num : c->units.u[r.units[u]].name))) {
			err_set(&c->err, "out of memory");
			goto done;
		}
		evalrun_unit(c, &r, u, y, &ncm);
		for (j = 0; j < r.set->ncrit; j++)
			row->v[j] = shade[r.crit[j]];
	}
	rc = finish(c, ch, opts);
	ch = NULL;
done:
	chart_free(ch);
	evalrun_free(&r);
	return rc;
}

/* One variable as a share of another, over every period both have: the
 * annual figures and the quarters (2024Q1), e.g. households on clean water. */
static int plot_share(struct ctx *c, struct opt *opts)
{
	const char *var = opt_get(opts, "var"), *of = opt_get(opts, "of");
	sqlite3_stmt *st = NULL;
	struct chart *ch = NULL;
	int64_t vi, di;
	int u, n = 0, cap = 64, rc = -1;
	double vals[64];
	char labels[64][12], title[512];

	if (!var || !of || !opt_get(opts, "unit"))
		return err_set(&c->err, "plot share: give --var NAME --of NAME --unit NAME|CODE");
	if (ctx_vars(c) < 0 || (u = ctx_find_unit(c, opt_get(opts, "unit"))) < 0)
		return -1;
	if (!map_get(&c->vars.by_name, var, &vi) || !map_get(&c->vars.by_name, of, &di))
		return err_set(&c->err, "plot share: unknown variable '%s' (`ntm variables` lists them)",
		               map_get(&c->vars.by_name, var, NULL) ? of : var);
	/* the denominator of a quarter may be the year's own figure */
	if (store_prepare(c->db, &st,
	                  "SELECT a.year, a.quarter, a.value, coalesce(b.value, "
	                  "  (SELECT value FROM observation WHERE unit_id = a.unit_id AND variable_id = ?3 "
	                  "   AND year = a.year AND quarter = 0)) FROM observation a "
	                  "LEFT JOIN observation b ON b.unit_id = a.unit_id AND b.variable_id = ?3 "
	                  "  AND b.year = a.year AND b.quarter = a.quarter "
	                  "WHERE a.unit_id = ?1 AND a.variable_id = ?2 ORDER BY a.year, a.quarter",
	                  &c->err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, c->units.u[u].id);
	sqlite3_bind_int64(st, 2, c->vars.v[vi].id);
	sqlite3_bind_int64(st, 3, c->vars.v[di].id);
	while (sqlite3_step(st) == SQLITE_ROW && n < cap) {
		int q = sqlite3_column_int(st, 1);
		double den = sqlite3_column_double(st, 3);

		if (sqlite3_column_type(st, 3) == SQLITE_NULL || den == 0)
			continue;
		if (q)
			snprintf(labels[n], sizeof labels[n], "%dQ%d", sqlite3_column_int(st, 0), q);
		else
			snprintf(labels[n], sizeof labels[n], "%d", sqlite3_column_int(st, 0));
		vals[n++] = 100 * sqlite3_column_double(st, 2) / den;
	}
	sqlite3_finalize(st);
	if (n == 0)
		return err_set(&c->err, "plot share: no period with both %s and %s for %s", var, of,
		               c->units.u[u].name);
	if (!(ch = chart_new(CH_BARS, n)) || !chart_add(ch, c->units.u[u].name)) {
		err_set(&c->err, "out of memory");
		goto done;
	}
	for (u = 0; u < n; u++) {
		chart_set_cat(ch, u, labels[u]);
		ch->ser[0].v[u] = vals[u];
	}
	snprintf(title, sizeof title, "%s / %s (%%)", var, of);
	ch->title = strdup(title);
	ch->ylabel = strdup("%");
	ch->ydecimals = 0;
	rc = finish(c, ch, opts);
	ch = NULL;
done:
	chart_free(ch);
	return rc;
}

/* Two stored runs side by side: units meeting the set per year (a scenario
 * against its baseline once scenarios exist; any two runs until then). */
static int plot_runs(struct ctx *c, struct opt *opts)
{
	const char *a = opt_get(opts, "run"), *b = opt_get(opts, "against");
	sqlite3_stmt *st = NULL;
	struct chart *ch = NULL;
	int years[64], ny = 0, k, rc = -1;
	double met[2][64];
	char num[64], title[512];
	long long run[2];

	if (!a || !b)
		return err_set(&c->err, "plot runs: give --run ID --against ID (`ntm runs` lists them)");
	run[0] = atoll(a);
	run[1] = atoll(b);
	for (k = 0; k < 64; k++)
		met[0][k] = met[1][k] = NAN;
	if (store_prepare(c->db, &st, "SELECT ru.run_id, ru.year, sum(ru.status = 'met'), "
	                  "(SELECT set_id FROM run WHERE id = ru.run_id) FROM run_unit ru "
	                  "WHERE ru.run_id IN (?1, ?2) GROUP BY ru.run_id, ru.year ORDER BY ru.year", &c->err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, run[0]);
	sqlite3_bind_int64(st, 2, run[1]);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int y = sqlite3_column_int(st, 1), i;

		for (i = 0; i < ny && years[i] != y; i++)
			;
		if (i == ny) {
			if (ny == 64)
				break;
			years[ny++] = y;
		}
		met[sqlite3_column_int64(st, 0) == run[0] ? 0 : 1][i] = sqlite3_column_double(st, 2);
	}
	sqlite3_finalize(st);
	if (ny == 0)
		return err_set(&c->err, "plot runs: no stored results for runs %lld and %lld", run[0], run[1]);
	if (!(ch = chart_new(CH_BARS, ny))) {
		err_set(&c->err, "out of memory");
		goto done;
	}
	snprintf(num, sizeof num, "Lần đánh giá %lld", run[0]);
	if (!chart_add(ch, num))
		goto done;
	snprintf(num, sizeof num, "Lần đánh giá %lld", run[1]);
	if (!chart_add(ch, num))
		goto done;
	for (k = 0; k < ny; k++) {
		char y[8];

		snprintf(y, sizeof y, "%d", years[k]);
		chart_set_cat(ch, k, y);
		ch->ser[0].v[k] = met[0][k];
		ch->ser[1].v[k] = met[1][k];
	}
	snprintf(title, sizeof title, "Số đơn vị đạt chuẩn: lần %lld so với lần %lld", run[0], run[1]);
	ch->title = strdup(title);
	ch->ylabel = strdup("Số đơn vị");
	rc = finish(c, ch, opts);
	ch = NULL;
done:
	if (rc < 0 && !c->err.set)
		err_set(&c->err, "out of memory");
	chart_free(ch);
	return rc;
}

int cmd_plot(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "out", OPT_ARG, "FILE", "the chart file (.png, .svg, .txt)", NULL },
		{ "unit", OPT_ARG, "NAME|CODE", "the unit (variable: several, comma-separated)", NULL },
		{ "var", OPT_ARG, "NAME", "variable, share: the variable to draw", NULL },
		{ "of", OPT_ARG, "NAME", "share: the denominator", NULL },
		{ "run", OPT_ARG, "ID", "runs: a stored run", NULL },
		{ "against", OPT_ARG, "ID", "runs: the run to compare it with", NULL },
		{ "set", OPT_ARG, "SET", "units-met, heatmap: the criteria set", NULL },
		{ "year", OPT_ARG, "Y", "one year", NULL },
		{ "years", OPT_ARG, "A-B", "only these years", NULL },
		{ "csv", OPT_ARG, "FILE", "also write the chart's data as CSV", NULL },
		{ "title", OPT_ARG, "TEXT", "the chart's title", NULL },
		{ "format", OPT_ARG, "FMT", "png, svg or dumb (default: from the file name)", NULL },
		{ "size", OPT_ARG, "WxH", "size in pixels (dumb: characters)", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	int npos, done, rc;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, usage, &done)) || done)
		return rc;
	if (npos != 1) {
		err_set(&c->err, "plot: give one kind of chart: funding, variable, share, units-met, heatmap or runs "
		        "(see 'ntm plot --help')");
		return 2;
	}
	if (!opt_get(opts, "out")) {
		err_set(&c->err, "plot: give --out FILE");
		return 2;
	}
	if (ctx_db(c) < 0 || ctx_units(c) < 0)
		return 1;
	if (strcmp(argv[1], "funding") == 0)
		return plot_funding(c, opts) < 0 ? 1 : 0;
	if (strcmp(argv[1], "variable") == 0)
		return plot_variable(c, opts) < 0 ? 1 : 0;
	if (strcmp(argv[1], "units-met") == 0)
		return plot_units_met(c, opts) < 0 ? 1 : 0;
	if (strcmp(argv[1], "heatmap") == 0)
		return plot_heatmap(c, opts) < 0 ? 1 : 0;
	if (strcmp(argv[1], "share") == 0)
		return plot_share(c, opts) < 0 ? 1 : 0;
	if (strcmp(argv[1], "runs") == 0)
		return plot_runs(c, opts) < 0 ? 1 : 0;
	err_set(&c->err, "plot: unknown kind '%s' (funding, variable, share, units-met, heatmap or runs)",
	        argv[1]);
	return 2;
}
