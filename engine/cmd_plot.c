/* cmd_plot.c - `ntm plot KIND`: standard charts from the store through
 * gnuplot (gnuplot.h), in one house style: funding by fund per year with
 * the disbursement rate, and one variable over the years for some units. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "chart.h"
#include "evalrun.h"
#include "gnuplot.h"
#include "i18n.h"
#include "scenario.h"
#include "plot_project.h"
#include "plot_map.h"

static const char usage[] =
	"usage: ntm plot funding --unit NAME|CODE --out FILE [options]\n"
	"       ntm plot variable --var NAME --unit NAME|CODE[,NAME|CODE...] --out FILE [options]\n"
	"       ntm plot units-met --set SET --unit NAME|CODE --out FILE [--years A-B]\n"
	"       ntm plot heatmap --set SET --unit NAME|CODE --out FILE [--year Y | --years A-B]\n"
	"       ntm plot projection --set SET --unit NAME|CODE --out FILE [--to YEAR] [--target N]\n"
	"       ntm plot share --var NAME --of NAME --unit NAME|CODE --out FILE\n"
	"                          [--threshold SET:INDICATOR [--region R]]\n"
	"       ntm plot runs --run ID --against ID --out FILE\n"
	"       ntm plot map --set SET [--by status|criteria] | --var NAME --unit PROVINCE --year Y\n"
	"                          --out FILE [--boundaries FILE.geojson] [--map-year Y]\n\n"
	"funding   money allocated per year, stacked by fund (million VND), with the\n"
	"          share disbursed (%) as a line; cement (tonnes) is left out, and a\n"
	"          footnote says how much\n"
	"variable  one variable over the years, a line per unit; the title is the\n"
	"          variable's meaning in the dictionary (Vietnamese) unless --title\n"
	"units-met units of the set's level below --unit per year, stacked: meeting\n"
	"          the set for certain, could (open thresholds or missing figures),\n"
	"          cannot; with the mean number of criteria met\n"
	"share     100 x var / of over every year and quarter with both figures\n"
	"runs      units meeting the set per year in two stored runs side by side\n"
	"heatmap   each criterion's status: met, unmet, open (no threshold yet),\n"
	"          missing figures, not applicable, not judged that year; units x\n"
	"          criteria in one year, or, for one unit, years x criteria\n"
	"map       the units of --unit from GeoJSON boundaries (default: plots/boundaries/\n"
	"          *-CODE_*.geojson, CODE the unit's), each filled by its status under\n"
	"          --set in --year, the criteria it meets (--by criteria) or a variable's\n"
	"          value (--var); the map's units are those of --map-year (default: the\n"
	"          year whose units match the boundaries' codes best), judged as of that\n"
	"          year; also .pdf (plots/README.md)\n"
	"projection units meeting --set below --unit on record and, after their last\n"
	"          year with figures, at today's pace (`ntm project`) to --to, against\n"
	"          --target N units drawn as a line\n"
	"--trend draws on variable and share each series' fitted trend, dashed, to --to.\n"
	"--threshold SET:INDICATOR draws on variable and share the indicator's\n"
	"threshold for the unit's region (or --region): a dashed line when it is a\n"
	"number, a band when the set only knows where it lies.\n"
	"The terminal follows the file name (.png, .svg, .txt for a text preview)\n"
	"unless --format says; labels are Vietnamese, numbers as 1.234,5.\n"
	"Under --scenario NAME, funding, variable, units-met and heatmap draw the\n"
	"scenario's figures and say so in the title; share draws figures as\n"
	"recorded and refuses it; runs names each run's scenario in its legend.\n"
	"--source TEXT puts \"Nguồn: TEXT\" under the chart; --values writes each\n"
	"bar's value (a stack's total) above it. The file written is named on\n"
	"stdout.\n";

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
const char *plot_uom_label(const char *uom)
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

static int draw_threshold(struct ctx *c, struct chart *ch, struct opt *opts, int unit);

/* WIDTHxHEIGHT, each GP_SIZE_MIN to GP_SIZE_MAX; -1 otherwise */
static int parse_size(const char *s, int *w, int *h)
{
	char *end;
	long a, b;

	a = strtol(s, &end, 10);
	if (end == s || *end != 'x')
		return -1;
	s = end + 1;
	b = strtol(s, &end, 10);
	if (end == s || *end || a < GP_SIZE_MIN || a > GP_SIZE_MAX || b < GP_SIZE_MIN || b > GP_SIZE_MAX)
		return -1;
	*w = (int)a;
	*h = (int)b;
	return 0;
}

/* Draws c (and its CSV when asked) as the options say; frees c. The
 * folders of --out and --csv must exist; the files are written through
 * outfile.h, so a link planted under a name is replaced, not followed. */
static int finish(struct ctx *c, struct chart *ch, struct opt *opts, const char *note)
{
	const char *size = opt_get(opts, "size"), *csv = opt_get(opts, "csv"), *name, *cname;
	const char *src = opt_get(opts, "source");
	struct outdir od = { .fd = -1 }, cd = { .fd = -1 };
	int w = 0, h = 0, rc = 0;
	char text[1200];

	if (opt_get(opts, "title") && chart_text(ch, &ch->title, opt_get(opts, "title")) < 0)
		rc = err_set(&c->err, "%s", _("out of memory"));
	/* a chart of a scenario says so, whoever wrote the title */
	if (rc == 0 && c->scenario_name && ch->title && !strstr(ch->title, c->scenario_name)) {
		snprintf(text, sizeof text, "%s (kịch bản %s)", ch->title, c->scenario_name);
		if (chart_text(ch, &ch->title, text) < 0)
			rc = err_set(&c->err, "%s", _("out of memory"));
	}
	/* under the chart: its source (--source), then what it leaves out */
	if (rc == 0 && (src || note)) {
		snprintf(text, sizeof text, "%s%s%s%s", src ? "Nguồn: " : "", src ? src : "",
		         src && note ? ". " : "", note ? note : "");
		if (chart_text(ch, &ch->footnote, text) < 0)
			rc = err_set(&c->err, "%s", _("out of memory"));
	}
	ch->bar_values = opt_get(opts, "values") != NULL;
	if (rc == 0 && size && parse_size(size, &w, &h) < 0)
		rc = err_set(&c->err, _("plot: --size '%s' is not WIDTHxHEIGHT, each %d to %d (e.g. 900x540)"),
		             size, GP_SIZE_MIN, GP_SIZE_MAX);
	if (rc == 0)
		rc = outdir_of(&od, opt_get(opts, "out"), &name, &c->err);
	if (rc == 0 && csv && (rc = outdir_of(&cd, csv, &cname, &c->err)) == 0)
		rc = chart_csv(ch, &cd, cname, &c->err);
	if (rc == 0)
		rc = chart_draw(ch, &od, name, opt_get(opts, "format"), w, h, &c->err);
	if (rc == 0)
		printf(_("wrote %s%s%s\n"), opt_get(opts, "out"), csv ? _(" and ") : "", csv ? csv : "");
	outdir_close(&cd);
	outdir_close(&od);
	chart_free(ch);
	return rc;
}

static int years_opt(struct ctx *c, struct opt *opts, int *y0, int *y1)
{
	const char *yarg = opt_get(opts, "years");

	if (opt_get(opts, "year")) {
		if (opt_years(opt_get(opts, "year"), y0, y1) < 0 || *y0 != *y1)
			return err_set(&c->err, _("plot: --year '%s' is not a year"), opt_get(opts, "year"));
	} else if (yarg && opt_years(yarg, y0, y1) < 0) {
		return err_set(&c->err, _("plot: --years '%s' is not a span like 2021-2023"), yarg);
	}
	return 0;
}

/* The funding of unit id in million VND over y0..y1, by year and fund: the
 * rows on record, and under --scenario the funding each scenario of its
 * chain adds. */
static const char funding_sql[] =
	"WITH f(year, fund, allocated, disbursed) AS ("
	"  SELECT year, fund, allocated, disbursed FROM funding "
	"  WHERE unit_id = ?1 AND measure = 'mVND' AND year BETWEEN ?2 AND ?3 "
	"  UNION ALL SELECT year, fund, allocated, disbursed FROM scenario_funding "
	"  WHERE scenario_id IN (SELECT value FROM json_each(?4)) AND unit_id = ?1 "
	"  AND measure = 'mVND' AND year BETWEEN ?2 AND ?3) "
	"SELECT year, fund, sum(allocated), sum(disbursed), "
	"sum(CASE WHEN disbursed IS NOT NULL THEN allocated END) FROM f "
	"GROUP BY year, fund ORDER BY year";

/* The ids of the --scenario chain as a JSON array ("[]" without one), for
 * json_each in a query. */
static int chain_ids(struct ctx *c, char *buf, size_t cap)
{
	const struct scenario *sc;
	size_t n;
	int i;

	if (ctx_scenario(c, &sc) < 0)
		return -1;
	n = (size_t)snprintf(buf, cap, "[");
	for (i = 0; sc && i < sc->n && n < cap; i++)
		n += (size_t)snprintf(buf + n, cap - n, "%s%lld", i ? "," : "", (long long)sc->chain[i]);
	if (n < cap)
		snprintf(buf + n, cap - n, "]");
	return 0;
}

/* "Không tính 1.234 tấn xi măng (hiện vật)": the funding in tonnes the
 * chart of money leaves out, in note (empty when there is none). */
static int tonnes_left_out(struct ctx *c, int u, int y0, int y1, char *note, size_t cap)
{
	sqlite3_stmt *st;
	char num[64];

	note[0] = '\0';
	if (store_prepare(c->db, &st, "SELECT sum(coalesce(allocated, disbursed)) FROM funding "
	                  "WHERE unit_id = ?1 AND measure = 'tonnes' AND year BETWEEN ?2 AND ?3",
	                  &c->err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, c->units.u[u].id);
	sqlite3_bind_int(st, 2, y0);
	sqlite3_bind_int(st, 3, y1);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		double t = sqlite3_column_double(st, 0);

		gp_vnnum(num, sizeof num, t, t == floor(t) ? 0 : 1);
		snprintf(note, cap, "Không tính %s tấn xi măng hỗ trợ bằng hiện vật (không cộng với tiền)",
		         num);
	}
	sqlite3_finalize(st);
	return 0;
}

static int plot_funding(struct ctx *c, struct opt *opts)
{
	sqlite3_stmt *st = NULL;
	double alloc[32][NFUND], disb[32], disb_alloc[32];
	int years[32], ny = 0, used[NFUND] = { 0 }, u, i, j, y0 = 1990, y1 = 2100;
	struct chart *ch;
	struct chart_series *rate;
	char num[8], title[512], tonnes[256], chain[SCEN_DEPTH * 24 + 4];

	if (!opt_get(opts, "unit"))
		return err_set(&c->err, "%s", _("plot funding: give --unit NAME|CODE"));
	if ((u = ctx_find_unit(c, opt_get(opts, "unit"))) < 0 || years_opt(c, opts, &y0, &y1) < 0)
		return -1;
	memset(alloc, 0, sizeof alloc);
	memset(disb, 0, sizeof disb);
	memset(disb_alloc, 0, sizeof disb_alloc);
	if (chain_ids(c, chain, sizeof chain) < 0 || store_prepare(c->db, &st, funding_sql, &c->err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, c->units.u[u].id);
	sqlite3_bind_int(st, 2, y0);
	sqlite3_bind_int(st, 3, y1);
	sqlite3_bind_text(st, 4, chain, -1, SQLITE_STATIC);
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
	if (tonnes_left_out(c, u, ny ? years[0] : y0, ny ? years[ny - 1] : y1, tonnes,
	                    sizeof tonnes) < 0)
		return -1;
	if (ny == 0)
		return err_set(&c->err, _("plot funding: no funding in million VND for %s (%s)"),
		               c->units.u[u].name, c->units.u[u].code);
	if (!(ch = chart_new(CH_STACKED, ny)))
		return err_set(&c->err, "%s", _("out of memory"));
	snprintf(title, sizeof title, "%s: vốn phân bổ theo nguồn và tỷ lệ giải ngân", c->units.u[u].name);
	chart_text(ch, &ch->title, title);
	chart_text(ch, &ch->ylabel, "Triệu đồng");
	chart_text(ch, &ch->y2label, "Tỷ lệ giải ngân (%)");
	for (i = 0; i < ny; i++) {
		snprintf(num, sizeof num, "%d", years[i]);
		chart_set_cat(ch, i, num);
	}
	for (j = 0; j < NFUND; j++) {
		struct chart_series *s;

		if (!used[j] || !(s = chart_add(ch, funds[j].label)))
			continue;
		chart_color(s, fund_color[j]);
		for (i = 0; i < ny; i++)
			s->v[i] = alloc[i][j];
	}
	if ((rate = chart_add(ch, "Tỷ lệ giải ngân (%)"))) {
		rate->y2 = 1;
		chart_color(rate, "#222222");
		for (i = 0; i < ny; i++)
			rate->v[i] = disb_alloc[i] > 0 ? 100 * disb[i] / disb_alloc[i] : NAN;
	}
	return finish(c, ch, opts, tonnes[0] ? tonnes : NULL);
}

/* The annual figures of variable vi for the units over y0..y1 (at most 61
 * years) into vals[u * years + y - y0], NAN where none; under --scenario,
 * as the scenario has them (scenario.h does the changing, as for eval). */
static int figures(struct ctx *c, const int *units, int nu, int64_t vi, int y0, int y1,
                   double *vals)
{
	const struct scenario *sc;
	sqlite3_stmt *st;
	int ny = y1 - y0 + 1, i;

	for (i = 0; i < nu * ny; i++)
		vals[i] = NAN;
	if (store_prepare(c->db, &st, "SELECT year, value FROM observation WHERE unit_id = ?1 "
	                  "AND variable_id = ?2 AND quarter = 0 AND year BETWEEN ?3 AND ?4", &c->err) < 0)
		return -1;
	for (i = 0; i < nu; i++) {
		sqlite3_bind_int64(st, 1, c->units.u[units[i]].id);
		sqlite3_bind_int64(st, 2, c->vars.v[vi].id);
		sqlite3_bind_int(st, 3, y0);
		sqlite3_bind_int(st, 4, y1);
		while (sqlite3_step(st) == SQLITE_ROW)
			vals[i * ny + sqlite3_column_int(st, 0) - y0] = sqlite3_column_double(st, 1);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (ctx_scenario(c, &sc) < 0)
		return -1;
	if (sc) {
		/* a set of one variable is all the overlay needs to know */
		struct critset one;
		struct evaldata d;
		char *name = c->vars.v[vi].name;

		memset(&one, 0, sizeof one);
		memset(&d, 0, sizeof d);
		one.var = &name;
		one.nvar = 1;
		d.set = &one;
		d.nunit = nu;
		d.unit = (int *)units;
		d.year_from = y0;
		d.nyear = ny;
		d.vals = vals;
		if (scenario_overlay(c->db, sc, &c->units, &c->vars, &d, &c->err) < 0)
			return -1;
	}
	return 0;
}

static int plot_variable(struct ctx *c, struct opt *opts)
{
	const char *var = opt_get(opts, "var"), *list = opt_get(opts, "unit");
	int units[16], nu = 0, i, y0 = 0, y1 = 0, y, rows = 0;
	double vals[16 * 61];
	char *copy, *tok, *save = NULL, num[8], chain[SCEN_DEPTH * 24 + 4];
	sqlite3_stmt *st = NULL;
	struct chart *ch;
	int64_t vi;

	if (!var || !list)
		return err_set(&c->err, "%s", _("plot variable: give --var NAME and --unit NAME|CODE[,...]"));
	if (ctx_vars(c) < 0 || years_opt(c, opts, &y0, &y1) < 0)
		return -1;
	if (!map_get(&c->vars.by_name, var, &vi))
		return err_set(&c->err, _("plot variable: unknown variable '%s' (`ntm variables` lists them)"), var);
	if (!(copy = strdup(list)))
		return err_set(&c->err, "%s", _("out of memory"));
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
		/* and the years a scenario gives it figures in */
		if (chain_ids(c, chain, sizeof chain) < 0 ||
		    store_prepare(c->db, &st, "SELECT min(year), max(year) FROM (SELECT year FROM "
		                  "scenario_figure WHERE variable_id = ?1 AND scenario_id IN "
		                  "(SELECT value FROM json_each(?2)) UNION ALL SELECT year FROM "
		                  "scenario_project WHERE variable_id = ?1 AND scenario_id IN "
		                  "(SELECT value FROM json_each(?2)))", &c->err) < 0)
			return -1;
		sqlite3_bind_int64(st, 1, c->vars.v[vi].id);
		sqlite3_bind_text(st, 2, chain, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
			if (!y0 || sqlite3_column_int(st, 0) < y0)
				y0 = sqlite3_column_int(st, 0);
			if (sqlite3_column_int(st, 1) > y1)
				y1 = sqlite3_column_int(st, 1);
		}
		sqlite3_finalize(st);
		if (!y0)
			return err_set(&c->err, _("plot variable: no annual figure of %s"), var);
	}
	if (y1 - y0 > 60)
		return err_set(&c->err, _("plot variable: %d-%d is too many years (at most 61)"), y0, y1);
	if (!(ch = chart_new(CH_LINE, y1 - y0 + 1)))
		return err_set(&c->err, "%s", _("out of memory"));
	for (y = y0; y <= y1; y++) {
		snprintf(num, sizeof num, "%d", y);
		chart_set_cat(ch, y - y0, num);
	}
	/* the variable's meaning, which the dictionary gives in Vietnamese */
	chart_text(ch, &ch->title, c->vars.v[vi].meaning[0] ? c->vars.v[vi].meaning : var);
	chart_text(ch, &ch->ylabel, plot_uom_label(c->vars.v[vi].uom));
	ch->ydecimals = 0;
	if (figures(c, units, nu, vi, y0, y1, vals) < 0) {
		chart_free(ch);
		return -1;
	}
	for (i = 0; i < nu; i++) {
		struct chart_series *s = chart_add(ch, c->units.u[units[i]].name);

		for (y = 0; s && y <= y1 - y0; y++) {
			double v = vals[i * (y1 - y0 + 1) + y];

			if (isnan(v))
				continue;
			s->v[y] = v;
			if (v < 10 && v != (int)v)
				ch->ydecimals = 1;
			rows++;
		}
	}
	if (rows == 0) {
		chart_free(ch);
		return err_set(&c->err, _("plot variable: no annual figure of %s for the units given"), var);
	}
	if (plot_trend(c, &ch, opts, INFINITY) < 0 || draw_threshold(c, ch, opts, units[0]) < 0) {
		chart_free(ch);
		return -1;
	}
	return finish(c, ch, opts, NULL);
}

/* Opens the evaluation --set and --unit ask for. */
static int evaluate(struct ctx *c, struct opt *opts, struct evalrun *r, int *top)
{
	int y0 = 0, y1 = 0;

	if (!opt_get(opts, "set") || !opt_get(opts, "unit"))
		return err_set(&c->err, "%s", _("plot: give --set SET and --unit NAME|CODE"));
	if (years_opt(c, opts, &y0, &y1) < 0 || (*top = ctx_find_unit(c, opt_get(opts, "unit"))) < 0)
		return -1;
	return evalrun_open(c, opt_get(opts, "set"), *top, y0, y1, r);
}

/* "Định Hóa: xã đạt vn-318-commune, 2021-2023" */
static void set_title(struct ctx *c, struct chart *ch, int top, const struct evalrun *r,
                      const char *what)
{
	char title[512], years[24];

	if (r->year_from == r->year_to)
		snprintf(years, sizeof years, "năm %d", r->year_from);
	else
		snprintf(years, sizeof years, "%d–%d", r->year_from, r->year_to);
	/* finish() adds the scenario */
	snprintf(title, sizeof title, "%s: %s %s, %s", c->units.u[top].name, what, r->set->id, years);
	chart_text(ch, &ch->title, title);
}

static int plot_units_met(struct ctx *c, struct opt *opts)
{
	struct evalrun r;
	struct results R = { 0 };
	struct chart *ch = NULL;
	int top, y, i, rc = -1;
	char num[16];

	if (evaluate(c, opts, &r, &top) < 0)
		return -1;
	if (evalrun_results(c, &r, &R) < 0)
		goto done;
	/* chart_add may move the series: take the pointers after the adds */
	if (!(ch = chart_new(CH_STACKED, r.year_to - r.year_from + 1)) ||
	    !chart_add(ch, "Đạt chuẩn (chắc chắn)") || !chart_add(ch, "Có thể đạt (chờ ngưỡng, thiếu số liệu)") ||
	    !chart_add(ch, "Không đạt") || !chart_add(ch, "Số tiêu chí đạt bình quân")) {
		err_set(&c->err, "%s", _("out of memory"));
		goto done;
	}
	chart_color(&ch->ser[0], "#3a9e5a");
	chart_color(&ch->ser[1], "#e9c46a");
	chart_color(&ch->ser[2], "#d1495b");
	chart_color(&ch->ser[3], "#1b6ca8");
	set_title(c, ch, top, &r, "số đơn vị đạt");
	chart_text(ch, &ch->ylabel, "Số đơn vị");
	chart_text(ch, &ch->y2label, "Tiêu chí đạt bình quân");
	ch->ser[3].y2 = 1;
	for (y = r.year_from; y <= r.year_to; y++) {
		int n[3] = { 0, 0, 0 }, judged = 0, st;
		long sum = 0;

		snprintf(num, sizeof num, "%d", y);
		chart_set_cat(ch, y - r.year_from, num);
		for (i = 0; i < r.nunit; i++) {
			if (!results_judged(&R, i, y))
				continue;
			st = results_status(&R, i, y);
			n[st == ST_MET ? 0 : st == ST_UNMET ? 2 : 1]++;
			sum += results_ncrit(&R, i, y);
			judged++;
		}
		for (i = 0; i < 3; i++)
			ch->ser[i].v[y - r.year_from] = n[i];
		ch->ser[3].v[y - r.year_from] = judged ? (double)sum / judged : NAN;
	}
	rc = finish(c, ch, opts, NULL);
	ch = NULL;
done:
	chart_free(ch);
	results_free(&R);
	evalrun_free(&r);
	return rc;
}

static int plot_heatmap(struct ctx *c, struct opt *opts)
{
	struct evalrun r;
	struct results R = { 0 };
	struct chart *ch = NULL;
	int top, y, i, j, rc = -1, by_year, nrow;
	char num[16];

	if (evaluate(c, opts, &r, &top) < 0)
		return -1;
	if (evalrun_results(c, &r, &R) < 0)
		goto done;
	/* one unit: its years as rows; several: the units in the last year */
	by_year = r.nunit == 1;
	nrow = by_year ? r.year_to - r.year_from + 1 : r.nunit;
	if (!(ch = chart_new(CH_HEAT, r.set->ncrit))) {
		err_set(&c->err, "%s", _("out of memory"));
		goto done;
	}
	ch->status_map = 1;
	for (j = 0; j < r.set->ncrit; j++)
		chart_set_cat(ch, j, r.set->crit[j].id);
	if (by_year) {
		set_title(c, ch, r.units[0], &r, "tiêu chí theo");
	} else {
		r.year_from = r.year_to;   /* the title's year; the results keep theirs */
		set_title(c, ch, top, &r, "tiêu chí theo đơn vị,");
	}
	chart_text(ch, &ch->xlabel, "Tiêu chí");
	for (i = 0; i < nrow; i++) {
		int u = by_year ? 0 : i;
		struct chart_series *row;

		y = by_year ? R.year_from + i : r.year_to;
		snprintf(num, sizeof num, "%d", y);
		if (!(row = chart_add(ch, by_year ? num : c->units.u[r.units[u]].name))) {
			err_set(&c->err, "%s", _("out of memory"));
			goto done;
		}
		for (j = 0; j < r.set->ncrit; j++)
			row->v[j] = results_judged(&R, u, y) ? chart_status_shade(results_crit(&R, u, y, j)) : CH_ST_NONE;
	}
	rc = finish(c, ch, opts, NULL);
	ch = NULL;
done:
	chart_free(ch);
	results_free(&R);
	evalrun_free(&r);
	return rc;
}

/* --threshold SET:INDICATOR [--region R]: the threshold of the indicator for
 * each category (a year, or a quarter of it) drawn on ch: a line where it is
 * a number, a band where it is only known to lie in a range (an unset one
 * spans the measure's domain). Categories outside the set's years get none. */
static int draw_threshold(struct ctx *c, struct chart *ch, struct opt *opts, int unit)
{
	const char *spec = opt_get(opts, "threshold"), *colon, *rg = opt_get(opts, "region");
	struct critset *s;
	char setid[128], label[256];
	int k, j, region;

	if (!spec)
		return rg ? err_set(&c->err, "%s", _("plot: --region goes with --threshold SET:INDICATOR")) : 0;
	if (!(colon = strrchr(spec, ':')) || colon == spec || !colon[1] ||
	    (size_t)(colon - spec) >= sizeof setid)
		return err_set(&c->err, _("plot: --threshold '%s' is not SET:INDICATOR (e.g. vn-318-commune:17.1)"),
		               spec);
	snprintf(setid, sizeof setid, "%.*s", (int)(colon - spec), spec);
	if (rg) {
		if ((region = store_region_parse(rg)) < 0)
			return err_set(&c->err, _("plot: --region '%s' is not one of tdmnpb, dbsh, btb, dhntb, tn, "
			               "dnb, dbscl"), rg);
	} else {
		region = c->units.u[unit].region;
	}
	if (!(s = ctx_load_set(c, setid)))
		return -1;
	s->strict = c->strict;
	if ((k = crit_find_indicator(s, colon + 1)) < 0 || s->ind[k].cmp == CMP_MUST) {
		err_set(&c->err, _("plot: set %s has no indicator '%s' with a minimum or maximum"), setid, colon + 1);
		crit_free(s);
		return -1;
	}
	snprintf(label, sizeof label, "Ngưỡng %s %s (%s%s%s)", s->ind[k].id,
	         s->ind[k].cmp == CMP_MIN ? "tối thiểu" : "tối đa", s->id, region >= 0 ? ", " : "",
	         region >= 0 ? store_region_name[region] : "");
	if (chart_threshold(ch, label) < 0) {
		crit_free(s);
		return err_set(&c->err, "%s", _("out of memory"));
	}
	for (j = 0; j < ch->ncat; j++) {
		int y = atoi(ch->cat[j] ? ch->cat[j] : "");
		struct thr_value tv;

		if (y < s->year_from || y > s->year_to)
			continue;
		crit_thr_bounds(&s->ind[k], s->strict, region, y, &tv);
		ch->thr_lo[j] = tv.lo;
		ch->thr_hi[j] = tv.hi;
	}
	crit_free(s);
	return 0;
}

/* One variable as a share of another, over every period both have: the
 * annual figures and the quarters (2024Q1), e.g. households on clean water. */
static int plot_share(struct ctx *c, struct opt *opts)
{
	const char *var = opt_get(opts, "var"), *of = opt_get(opts, "of");
	sqlite3_stmt *st = NULL;
	struct chart *ch = NULL;
	int64_t vi, di;
	int u, u0, n = 0, cap = 64, rc = -1;
	double vals[64];
	char labels[64][12], title[512];

	if (!var || !of || !opt_get(opts, "unit"))
		return err_set(&c->err, "%s", _("plot share: give --var NAME --of NAME --unit NAME|CODE"));
	if (c->scenario_name)
		return err_set(&c->err, _("plot share: draws every quarter as recorded, and a scenario "
		               "changes a year's figures: leave out --scenario, or draw each with "
		               "plot variable --scenario %s"), c->scenario_name);
	if (ctx_vars(c) < 0 || (u = u0 = ctx_find_unit(c, opt_get(opts, "unit"))) < 0)
		return -1;
	if (!map_get(&c->vars.by_name, var, &vi) || !map_get(&c->vars.by_name, of, &di))
		return err_set(&c->err, _("plot share: unknown variable '%s' (`ntm variables` lists them)"),
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
		return err_set(&c->err, _("plot share: no period with both %s and %s for %s"), var, of,
		               c->units.u[u].name);
	if (!(ch = chart_new(CH_BARS, n)) || !chart_add(ch, c->units.u[u].name)) {
		err_set(&c->err, "%s", _("out of memory"));
		goto done;
	}
	for (u = 0; u < n; u++) {
		chart_set_cat(ch, u, labels[u]);
		ch->ser[0].v[u] = vals[u];
	}
	snprintf(title, sizeof title, "%s / %s (%%)", var, of);
	chart_text(ch, &ch->title, title);
	chart_text(ch, &ch->ylabel, "%");
	ch->ydecimals = 0;
	if (plot_trend(c, &ch, opts, 100) < 0 || draw_threshold(c, ch, opts, u0) < 0)
		goto done;
	rc = finish(c, ch, opts, NULL);
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
	char num[400], title[512], scen[2][120];
	long long run[2];

	if (!a || !b)
		return err_set(&c->err, "%s", _("plot runs: give --run ID --against ID (`ntm runs` lists them)"));
	if (c->scenario_name)
		return err_set(&c->err, "%s", _("plot runs: --scenario does not apply: each run was stored under "
		               "its own scenario, which the chart names (`ntm runs` lists them)"));
	run[0] = atoll(a);
	run[1] = atoll(b);
	for (k = 0; k < 64; k++)
		met[0][k] = met[1][k] = NAN;
	/* two runs of different sets count different things: refuse; of
	 * different units, or one made for another run: say so */
	if (store_prepare(c->db, &st, "SELECT a.set_id, b.set_id, coalesce(a.unit_filter, 'all units'), "
	                  "coalesce(b.unit_filter, 'all units'), coalesce(a.scenario, ''), "
	                  "coalesce(b.scenario, '') FROM run a, run b WHERE a.id = ?1 AND b.id = ?2",
	                  &c->err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, run[0]);
	sqlite3_bind_int64(st, 2, run[1]);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return err_set(&c->err, _("plot runs: no run %lld or no run %lld (`ntm runs` lists them)"),
		               run[0], run[1]);
	}
	if (strcmp((const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1)) != 0) {
		err_set(&c->err, _("plot runs: run %lld is of set %s and run %lld of set %s; compare two runs "
		        "of one set"), run[0], (const char *)sqlite3_column_text(st, 0), run[1],
		        (const char *)sqlite3_column_text(st, 1));
		sqlite3_finalize(st);
		return -1;
	}
	if (strcmp((const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3)) != 0)
		fprintf(stderr, _("ntm: warning: run %lld judged %s and run %lld %s: the bars count "
		        "different units\n"), run[0], (const char *)sqlite3_column_text(st, 2), run[1],
		        (const char *)sqlite3_column_text(st, 3));
	for (k = 0; k < 2; k++)
		snprintf(scen[k], sizeof scen[k], "%.100s", (const char *)sqlite3_column_text(st, 4 + k));
	sqlite3_finalize(st);
	if (store_prepare(c->db, &st, "SELECT id >> 36, (id & 255) + 1900 AS y, sum(status = 0) "
	                  "FROM run_result WHERE id BETWEEN ?1 << 36 AND ((?1 + 1) << 36) - 1 "
	                  "OR id BETWEEN ?2 << 36 AND ((?2 + 1) << 36) - 1 "
	                  "GROUP BY id >> 36, y ORDER BY y", &c->err) < 0)
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
		return err_set(&c->err, _("plot runs: no stored results for runs %lld and %lld"), run[0], run[1]);
	if (!(ch = chart_new(CH_BARS, ny))) {
		err_set(&c->err, "%s", _("out of memory"));
		goto done;
	}
	/* each run with the scenario it was made under */
	for (k = 0; k < 2; k++) {
		snprintf(num, sizeof num, "Lần đánh giá %lld%s%s%s", run[k], *scen[k] ? " (kịch bản " : "",
		         scen[k], *scen[k] ? ")" : "");
		if (!chart_add(ch, num))
			goto done;
	}
	for (k = 0; k < ny; k++) {
		char y[8];

		snprintf(y, sizeof y, "%d", years[k]);
		chart_set_cat(ch, k, y);
		ch->ser[0].v[k] = met[0][k];
		ch->ser[1].v[k] = met[1][k];
	}
	snprintf(title, sizeof title, "Số đơn vị đạt chuẩn: lần %lld so với lần %lld", run[0], run[1]);
	chart_text(ch, &ch->title, title);
	chart_text(ch, &ch->ylabel, "Số đơn vị");
	rc = finish(c, ch, opts, NULL);
	ch = NULL;
done:
	if (rc < 0 && !c->err.set)
		err_set(&c->err, "%s", _("out of memory"));
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
		{ "threshold", OPT_ARG, "SET:IND", "variable, share: draw the indicator's threshold (a band when unknown)", NULL },
		{ "region", OPT_ARG, "R", "with --threshold: the threshold region (default: the unit's)", NULL },
		{ "year", OPT_ARG, "Y", "one year", NULL },
		{ "years", OPT_ARG, "A-B", "only these years", NULL },
		{ "to", OPT_ARG, "YEAR", "projection, --trend: the horizon (default: the set's last year; the data's)", NULL },
		{ "target", OPT_ARG, "N", "projection: the programme's target, in units, drawn as a line", NULL },
		{ "trend", OPT_FLAG, NULL, "variable, share: each series' fitted trend, dashed, to --to", NULL },
		{ "csv", OPT_ARG, "FILE", "also write the chart's data as CSV", NULL },
		{ "title", OPT_ARG, "TEXT", "the chart's title", NULL },
		{ "source", OPT_ARG, "TEXT", "a footnote naming the source of the figures", NULL },
		{ "values", OPT_FLAG, NULL, "funding, share, units-met, runs: each bar labelled with its value", NULL },
		{ "format", OPT_ARG, "FMT", "png, svg or dumb (default: from the file name)", NULL },
		{ "size", OPT_ARG, "WxH", "size in pixels (dumb: characters)", NULL },
		{ "boundaries", OPT_ARG, "FILE", "map: the GeoJSON boundaries (default: plots/boundaries/*-CODE_*.geojson)", NULL },
		{ "by", OPT_ARG, "WHAT", "map: status (default) or criteria (the number met)", NULL },
		{ "map-year", OPT_ARG, "Y", "map: the year of the boundaries' units (default: the best match)", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	int npos, done, rc;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, usage, &done)) || done)
		return rc;
	if (npos != 1) {
		err_set(&c->err, "%s", _("plot: give one kind of chart: funding, variable, share, units-met, heatmap, projection, "
		        "runs or map (see 'ntm plot --help')"));
		return 2;
	}
	if (!opt_get(opts, "out")) {
		err_set(&c->err, "%s", _("plot: give --out FILE"));
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
	if (strcmp(argv[1], "projection") == 0) {
		struct chart *ch = NULL;

		return plot_projection(c, opts, &ch) < 0 || finish(c, ch, opts, NULL) < 0 ? 1 : 0;
	}
	if (strcmp(argv[1], "runs") == 0)
		return plot_runs(c, opts) < 0 ? 1 : 0;
	if (strcmp(argv[1], "map") == 0)
		return plot_map(c, opts) < 0 ? 1 : 0;
	err_set(&c->err, _("plot: unknown kind '%s' (funding, variable, share, units-met, heatmap, projection, runs or map)"),
	        argv[1]);
	return 2;
}
