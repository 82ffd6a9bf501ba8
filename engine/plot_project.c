/* plot_project.c - projection charts (plot_project.h): units meeting a set
 * on record and at today's pace, and dashed trend lines. Calls evalrun,
 * project and chart; the options are cmd_plot.c's. */
#include "plot_project.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "evalrun.h"
#include "fmt.h"
#include "i18n.h"
#include "project.h"

/* chart.c's palette, so that a trend takes its series' colour */
static const char *const palette[] = {
	"#1b6ca8", "#e07b39", "#3a9e5a", "#c9a227", "#8e5ea2", "#d1495b", "#5f6b73", "#66a3a3",
};

/* --to YEAR into *to (left as it is when not given). Returns 0 or -1. */
static int to_opt(struct ctx *c, struct opt *opts, int *to)
{
	const char *s = opt_get(opts, "to");
	int a, b;

	if (!s)
		return 0;
	if (opt_years(s, &a, &b) < 0 || a != b)
		return err_set(&c->err, _("plot: --to '%s' is not a year (1990-2100, e.g. 2025)"), s);
	*to = a;
	return 0;
}

/* The Vietnamese name of a level, plural as a chart counts it. */
static const char *level_vi(const char *level)
{
	static const char *const map[][2] = {
		{ "province", "tỉnh" }, { "district", "huyện" }, { "commune", "xã" },
		{ "township", "thị trấn" }, { "ward", "phường" }, { "village", "thôn" },
	};
	size_t i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(map[i][0], level) == 0)
			return map[i][1];
	return "đơn vị";
}

int plot_projection(struct ctx *c, struct opt *opts, struct chart **out)
{
	struct evalrun r;
	struct results R = { 0 };
	struct chart *ch = NULL;
	struct proj_ind *ind = NULL;
	struct proj_when *crit = NULL, u;
	const char *tg = opt_get(opts, "target");
	int top, to = 0, i, y, y0 = 0, y1 = 0, rc = -1, *last = NULL;
	double target = NAN;
	char title[512], num[16];

	if (!opt_get(opts, "set") || !opt_get(opts, "unit"))
		return err_set(&c->err, "%s", _("plot projection: give --set SET and --unit NAME|CODE"));
	if (tg) {
		char why[200];

		if (fmt_amount_parse(tg, &target, why, sizeof why) < 0)
			return err_set(&c->err, _("plot projection: --target '%s': %s"), tg, why);
		if (target > 1e6)
			return err_set(&c->err, _("plot projection: --target '%s' is not a number of units "
			               "(0 to 1000000)"), tg);
	}
	if (to_opt(c, opts, &to) < 0 || (top = ctx_find_unit(c, opt_get(opts, "unit"))) < 0)
		return -1;
	if (evalrun_open(c, opt_get(opts, "set"), top, 0, 0, &r) < 0)
		return -1;
	if (!to)
		to = r.set->year_to;
	if (to < r.year_from) {
		err_set(&c->err, _("plot projection: --to %d is before the set's first year, %d"), to,
		        r.year_from);
		goto done;
	}
	if (evalrun_results(c, &r, &R) < 0)
		goto done;
	ind = calloc((size_t)r.set->nind + 1, sizeof *ind);
	crit = calloc((size_t)r.set->ncrit + 1, sizeof *crit);
	last = calloc((size_t)r.nunit + 1, sizeof *last);
	if (!ind || !crit || !last) {
		err_set(&c->err, "%s", _("out of memory"));
		goto done;
	}
	/* the years drawn: from the first with figures to the horizon */
	for (i = 0; i < r.nunit; i++)
		for (y = r.year_from; y <= r.year_to && (!y0 || y < y0); y++) {
			const double *v = R.value + results_cell(&R, i, y) * (size_t)r.set->nind;
			int k;

			for (k = 0; results_judged(&R, i, y) && k < r.set->nind && isnan(v[k]); k++)
				;
			if (results_judged(&R, i, y) && k < r.set->nind) {
				y0 = y;
				break;
			}
		}
	if (!y0) {
		err_set(&c->err, _("plot projection: no figures for the %ss of %s under %s"),
		        _(r.set->level), c->units.u[top].name, r.set->id);
		goto done;
	}
	y1 = to > y0 ? to : y0;
	/* chart_add may move the series: take the pointers after the adds */
	if (!(ch = chart_new(CH_STACKED, y1 - y0 + 1)) || !chart_add(ch, "Đạt chuẩn (số liệu)") ||
	    !chart_add(ch, "Dự kiến đạt (xu hướng hiện tại)") ||
	    !chart_add(ch, "Có thể đạt (chờ ngưỡng)")) {
		err_set(&c->err, "%s", _("out of memory"));
		goto done;
	}
	chart_color(&ch->ser[0], "#3a9e5a");
	chart_color(&ch->ser[1], "#1b6ca8");
	chart_color(&ch->ser[2], "#e9c46a");
	for (y = y0; y <= y1; y++) {
		snprintf(num, sizeof num, "%d", y);
		chart_set_cat(ch, y - y0, num);
		for (i = 0; i < 3; i++)
			ch->ser[i].v[y - y0] = 0;
	}
	for (i = 0; i < r.nunit; i++) {
		last[i] = proj_unit(&R, i, PROJ_LINEAR, to, ind, crit, &u);
		for (y = y0; last[i] && y <= y1; y++) {
			double *on = &ch->ser[0].v[y - y0];

			if (y <= last[i]) {
				/* on record: met, or could be (only open thresholds in the way) */
				if (!results_judged(&R, i, y))
					continue;
				*on += results_status(&R, i, y) == ST_MET;
				ch->ser[2].v[y - y0] += results_status(&R, i, y) == ST_OPEN;
			} else if (u.status == PJ_MET)
				*on += 1;   /* met in its last year with figures: it stays so */
			else if (u.certain <= y)
				ch->ser[1].v[y - y0]++;
			else if (u.first <= y)
				ch->ser[2].v[y - y0]++;
		}
	}
	snprintf(title, sizeof title, "%s: số %s đạt %s theo số liệu và theo xu hướng hiện tại đến %d%s%s%s",
	         c->units.u[top].name, level_vi(r.set->level), r.set->id, to,
	         c->scenario_name ? " (kịch bản " : "", c->scenario_name ? c->scenario_name : "",
	         c->scenario_name ? ")" : "");
	chart_text(ch, &ch->title, title);
	chart_text(ch, &ch->ylabel, "Số đơn vị");
	if (tg) {
		char label[96];

		snprintf(label, sizeof label, "Mục tiêu: %s %s", tg, level_vi(r.set->level));
		if (chart_threshold(ch, label) < 0) {
			err_set(&c->err, "%s", _("out of memory"));
			goto done;
		}
		for (y = y0; y <= y1; y++)
			ch->thr_lo[y - y0] = ch->thr_hi[y - y0] = target;
	}
	*out = ch;
	ch = NULL;
	rc = 0;
done:
	chart_free(ch);
	free(last);
	free(crit);
	free(ind);
	results_free(&R);
	evalrun_free(&r);
	return rc;
}

/* The year (2023) or the end of the quarter (2024Q1: 2023.25) a category
 * stands for; -1 when it is neither. */
static double cat_x(const char *s)
{
	char *end;
	long y = s ? strtol(s, &end, 10) : 0;

	if (!s || end == s || y < 1900 || y > 2200)
		return -1;
	if (!*end)
		return (double)y;
	if (end[0] == 'Q' && end[1] >= '1' && end[1] <= '4' && !end[2])
		return (double)(y - 1) + (end[1] - '0') / 4.0;
	return -1;
}

/* A copy of ch with extra more years along x (each "YYYY" after last);
 * NULL when out of memory. */
static struct chart *extend(const struct chart *ch, int last, int more)
{
	struct chart *n = chart_new_in(ch->kind, ch->ncat + more, ch->alloc, ch->ud);
	char num[16];
	int i, j;

	if (!n)
		return NULL;
	n->ydecimals = ch->ydecimals;
	n->status_map = ch->status_map;
	if (chart_text(n, &n->title, ch->title) < 0 || chart_text(n, &n->xlabel, ch->xlabel) < 0 ||
	    chart_text(n, &n->ylabel, ch->ylabel) < 0 || chart_text(n, &n->y2label, ch->y2label) < 0)
		goto fail;
	for (j = 0; j < n->ncat; j++) {
		if (j < ch->ncat)
			snprintf(num, sizeof num, "%s", ch->cat[j] ? ch->cat[j] : "");
		else
			snprintf(num, sizeof num, "%d", last + j - ch->ncat + 1);
		if (chart_set_cat(n, j, num) < 0)
			goto fail;
	}
	for (i = 0; i < ch->nser; i++) {
		struct chart_series *s = chart_add(n, ch->ser[i].name);

		if (!s)
			goto fail;
		memcpy(s->v, ch->ser[i].v, (size_t)ch->ncat * sizeof *s->v);
		s->y2 = ch->ser[i].y2;
		s->dashed = ch->ser[i].dashed;
		memcpy(s->color, ch->ser[i].color, sizeof s->color);
	}
	if (ch->thr_lo) {
		if (chart_threshold(n, ch->thr_label) < 0)
			goto fail;
		memcpy(n->thr_lo, ch->thr_lo, (size_t)ch->ncat * sizeof *n->thr_lo);
		memcpy(n->thr_hi, ch->thr_hi, (size_t)ch->ncat * sizeof *n->thr_hi);
	}
	return n;
fail:
	chart_free(n);
	return NULL;
}

int plot_trend(struct ctx *c, struct chart **chp, struct opt *opts, double cap)
{
	struct chart *ch = *chp;
	double x[PROJ_MAX_POINTS], v[PROJ_MAX_POINTS];
	int to = 0, last = 0, j, i, nser, drawn = 0;

	if (!opt_get(opts, "trend"))
		return opt_get(opts, "to") ? err_set(&c->err, "%s", _("plot: --to goes with --trend (or with "
		                                     "projection)")) : 0;
	if (to_opt(c, opts, &to) < 0)
		return -1;
	for (j = 0; j < ch->ncat; j++) {
		double xj = cat_x(ch->cat[j]);

		if (xj < 0)
			return err_set(&c->err, _("plot: --trend needs years along x; '%s' is not a year"),
			               ch->cat[j] ? ch->cat[j] : "");
		if ((int)ceil(xj) > last)
			last = (int)ceil(xj);
	}
	if (to > last) {
		struct chart *n;

		if (to - last > 60)
			return err_set(&c->err, _("plot: --to %d is more than 60 years after %d"), to, last);
		if (!(n = extend(ch, last, to - last)))
			return err_set(&c->err, "%s", _("out of memory"));
		chart_free(ch);
		*chp = ch = n;
	}
	nser = ch->nser;
	for (i = 0; i < nser; i++) {
		struct proj_fit f;
		struct chart_series *t;
		char name[256];
		int n = 0;

		if (ch->ser[i].y2 || ch->ser[i].dashed)
			continue;
		for (j = 0; j < ch->ncat; j++)
			if (isfinite(ch->ser[i].v[j]) && n < PROJ_MAX_POINTS) {
				x[n] = cat_x(ch->cat[j]);
				v[n++] = ch->ser[i].v[j];
			}
		if (proj_fit(PROJ_LINEAR, x, v, n, &f) < 0)
			continue;   /* one point: no trend */
		snprintf(name, sizeof name, "Xu hướng %s", ch->ser[i].name);
		if (!(t = chart_add(ch, name)))
			return err_set(&c->err, "%s", _("out of memory"));
		t->dashed = 1;
		memcpy(t->color, ch->ser[i].color, sizeof t->color);
		if (!t->color[0])
			chart_color(t, palette[i % 8]);
		for (j = 0; j < ch->ncat; j++) {
			double xj = cat_x(ch->cat[j]);

			if (xj >= f.x_last)   /* from the last value on, as `ntm project` carries it */
				t->v[j] = fmin(fmax(proj_at(&f, xj), 0), cap);
		}
		drawn++;
	}
	if (!drawn)
		return err_set(&c->err, "%s", _("plot: --trend needs figures of two years or more for a series"));
	return 0;
}
