/* cmd_plot.c - `ntm plot KIND`: standard charts from the store through
 * gnuplot (gnuplot.h), in one house style: funding by fund per year with
 * the disbursement rate, and one variable over the years for some units. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "gnuplot.h"

static const char usage[] =
	"usage: ntm plot funding --unit NAME|CODE --out FILE [options]\n"
	"       ntm plot variable --var NAME --unit NAME|CODE[,NAME|CODE...] --out FILE [options]\n\n"
	"funding   money allocated per year, stacked by fund (million VND), with the\n"
	"          share disbursed (%) as a line; cement (tonnes) is left out\n"
	"variable  one variable over the years, a line per unit\n"
	"The terminal follows the file name (.png, .svg, .txt for a text preview)\n"
	"unless --format says; labels are Vietnamese, numbers as 1.234,5.\n";

static const struct { const char *fund, *label; } funds[] = {
	{ "central", "Ngân sách trung ương" }, { "province", "Ngân sách tỉnh" },
	{ "district", "Ngân sách huyện" }, { "commune", "Ngân sách xã" },
	{ "sponsor", "Tài trợ" }, { "people", "Nhân dân đóng góp" },
	{ "credit", "Tín dụng" }, { "other", "Nguồn khác" },
};
#define NFUND ((int)(sizeof funds / sizeof funds[0]))
static const char *const palette[] = {
	"#1b6ca8", "#e07b39", "#3a9e5a", "#c9a227", "#8e5ea2", "#d1495b", "#5f6b73", "#66a3a3",
};

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

/* y tics with Vietnamese number labels, about five of them up to max */
static void vn_ytics(struct gp *g, const char *axis, double max, int decimals)
{
	double step, mag;
	char num[64];
	int i;

	if (!(max > 0))
		max = 1;
	mag = pow(10, floor(log10(max / 5)));
	step = mag * (max / 5 / mag > 5 ? 10 : max / 5 / mag > 2 ? 5 : max / 5 / mag > 1 ? 2 : 1);
	gp_cmd(g, "set %stics (", axis);
	for (i = 0; i * step <= max * 1.05 + 1e-9; i++) {
		gp_vnnum(num, sizeof num, i * step, decimals);
		gp_cmd(g, "%s", i ? ", " : "");
		gp_str(g, num);
		gp_cmd(g, " %g", i * step);
	}
	gp_cmd(g, ")\nset %srange [0:%g]\n", axis, (i - 1) * step > max ? (i - 1) * step : i * step);
}

static int open_chart(struct ctx *c, struct gp *g, struct opt *opts, const char *title)
{
	const char *out = opt_get(opts, "out"), *fmt = opt_get(opts, "format"), *size = opt_get(opts, "size");
	int term, w = 900, h = 540;
	size_t n = strlen(out);

	if (fmt)
		term = gp_term_parse(fmt);
	else
		term = n > 4 && strcmp(out + n - 4, ".svg") == 0 ? GP_SVG :
		       n > 4 && strcmp(out + n - 4, ".txt") == 0 ? GP_DUMB : GP_PNG;
	if (term < 0)
		return err_set(&c->err, "plot: --format '%s' is not png, svg or dumb", fmt);
	if (term == GP_DUMB)
		w = 100, h = 30;
	if (size && (sscanf(size, "%dx%d", &w, &h) != 2 || w < 10 || h < 10 || w > 10000 || h > 10000))
		return err_set(&c->err, "plot: --size '%s' is not WIDTHxHEIGHT (e.g. 900x540)", size);
	if (gp_open(g, term, w, h, out, &c->err) < 0)
		return -1;
	gp_cmd(g, "set title ");
	gp_str(g, title);
	gp_cmd(g, " noenhanced\nset key outside bottom center horizontal noenhanced\n"
	          "set grid ytics lc rgb '#dddddd'\nset border 3\nset tics nomirror\n");
	return 0;
}

static int plot_funding(struct ctx *c, struct opt *opts)
{
	sqlite3_stmt *st = NULL;
	double alloc[32][NFUND], disb[32], disb_alloc[32], max = 0;
	int years[32], ny = 0, used[NFUND] = { 0 }, u, i, j, y0 = 1990, y1 = 2100, nused = 0;
	const char *yarg = opt_get(opts, "years");
	char title[512];
	struct gp g;

	if (!opt_get(opts, "unit"))
		return err_set(&c->err, "plot funding: give --unit NAME|CODE");
	if ((u = ctx_find_unit(c, opt_get(opts, "unit"))) < 0)
		return -1;
	if (yarg && sscanf(yarg, "%d-%d", &y0, &y1) != 2)
		return err_set(&c->err, "plot: --years '%s' is not a span like 2022-2024", yarg);
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
	for (i = 0; i < ny; i++) {
		double sum = 0;

		for (j = 0; j < NFUND; j++)
			sum += alloc[i][j];
		if (sum > max)
			max = sum;
	}
	snprintf(title, sizeof title, "%s", opt_get(opts, "title") ? opt_get(opts, "title") : "");
	if (!*title)
		snprintf(title, sizeof title, "%s: vốn phân bổ theo nguồn và tỷ lệ giải ngân", c->units.u[u].name);
	if (open_chart(c, &g, opts, title) < 0)
		return -1;
	/* the data first, in a datablock: one row a year, one column a fund */
	gp_cmd(&g, "$funding << EOD\n");
	for (i = 0; i < ny; i++) {
		gp_cmd(&g, "%d", years[i]);
		for (j = 0; j < NFUND; j++)
			if (used[j])
				gp_cmd(&g, " %.3f", alloc[i][j]);
		if (disb_alloc[i] > 0)
			gp_cmd(&g, " %.2f\n", 100 * disb[i] / disb_alloc[i]);
		else
			gp_cmd(&g, " NaN\n");
	}
	gp_cmd(&g, "EOD\n");
	gp_cmd(&g, "set style data histograms\nset style histogram rowstacked\n"
	           "set style fill solid 0.85 border -1\nset boxwidth 0.6\n");
	gp_cmd(&g, "set ylabel 'Triệu đồng'\nset y2label 'Tỷ lệ giải ngân (%%)'\nset y2tics\n");
	vn_ytics(&g, "y", max, 0);
	gp_cmd(&g, "set y2range [0:110]\nset y2tics 0,20,100\n");
	gp_cmd(&g, "plot ");
	for (j = 0, nused = 0; j < NFUND; j++) {
		if (!used[j])
			continue;
		gp_cmd(&g, "%s$funding using %d%s lc rgb '%s' title ", nused ? ", " : "", nused + 2,
		       nused ? "" : ":xtic(1)", palette[j]);
		gp_str(&g, funds[j].label);
		nused++;
	}
	gp_cmd(&g, ", $funding using 0:%d axes x1y2 with linespoints lw 2 pt 7 lc rgb '#222222' title ",
	       nused + 2);
	gp_str(&g, "Tỷ lệ giải ngân (%)");
	gp_cmd(&g, "\n");
	return gp_close(&g, &c->err);
}

static int plot_variable(struct ctx *c, struct opt *opts)
{
	const char *var = opt_get(opts, "var"), *list = opt_get(opts, "unit"), *yarg = opt_get(opts, "years");
	int units[16], nu = 0, i, y0 = 1990, y1 = 2100, rows = 0;
	char *copy, *tok, *save = NULL, title[512];
	sqlite3_stmt *st = NULL;
	double max = 0;
	int64_t vi;
	struct gp g;

	if (!var || !list)
		return err_set(&c->err, "plot variable: give --var NAME and --unit NAME|CODE[,...]");
	if (ctx_vars(c) < 0)
		return -1;
	if (!map_get(&c->vars.by_name, var, &vi))
		return err_set(&c->err, "plot variable: unknown variable '%s' (`ntm variables` lists them)", var);
	if (yarg && sscanf(yarg, "%d-%d", &y0, &y1) != 2)
		return err_set(&c->err, "plot: --years '%s' is not a span like 2021-2023", yarg);
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
	if (store_prepare(c->db, &st, "SELECT year, value FROM observation WHERE unit_id = ?1 "
	                  "AND variable_id = ?2 AND quarter = 0 AND year BETWEEN ?3 AND ?4 ORDER BY year",
	                  &c->err) < 0)
		return -1;
	snprintf(title, sizeof title, "%s", opt_get(opts, "title") ? opt_get(opts, "title") : var);
	if (open_chart(c, &g, opts, title) < 0) {
		sqlite3_finalize(st);
		return -1;
	}
	for (i = 0; i < nu; i++) {
		gp_cmd(&g, "$u%d << EOD\n", i);
		sqlite3_bind_int64(st, 1, c->units.u[units[i]].id);
		sqlite3_bind_int64(st, 2, c->vars.v[vi].id);
		sqlite3_bind_int(st, 3, y0);
		sqlite3_bind_int(st, 4, y1);
		while (sqlite3_step(st) == SQLITE_ROW) {
			double v = sqlite3_column_double(st, 1);

			gp_cmd(&g, "%d %.6g\n", sqlite3_column_int(st, 0), v);
			if (v > max)
				max = v;
			rows++;
		}
		sqlite3_reset(st);
		gp_cmd(&g, "EOD\n");
	}
	sqlite3_finalize(st);
	if (rows == 0) {
		gp_close(&g, &c->err);
		return err_set(&c->err, "plot variable: no annual figure of %s for the units given", var);
	}
	gp_cmd(&g, "set xtics 1\nset ylabel ");
	gp_str(&g, uom_label(c->vars.v[vi].uom));
	gp_cmd(&g, "\n");
	vn_ytics(&g, "y", max, max < 10 ? 1 : 0);
	gp_cmd(&g, "plot ");
	for (i = 0; i < nu; i++) {
		gp_cmd(&g, "%s$u%d using 1:2 with linespoints lw 2 pt 7 lc rgb '%s' title ", i ? ", " : "",
		       i, palette[i % 8]);
		gp_str(&g, c->units.u[units[i]].name);
	}
	gp_cmd(&g, "\n");
	return gp_close(&g, &c->err);
}

int cmd_plot(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "out", OPT_ARG, "FILE", "the chart file (.png, .svg, .txt)", NULL },
		{ "unit", OPT_ARG, "NAME|CODE", "the unit (variable: several, comma-separated)", NULL },
		{ "var", OPT_ARG, "NAME", "variable: the variable to draw", NULL },
		{ "years", OPT_ARG, "A-B", "only these years", NULL },
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
		err_set(&c->err, "plot: give one kind of chart: funding or variable (see 'ntm plot --help')");
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
	err_set(&c->err, "plot: unknown kind '%s' (funding or variable)", argv[1]);
	return 2;
}
