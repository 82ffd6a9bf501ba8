/* chart.c - the house style (chart.h): DejaVu Sans, one palette,
 * Vietnamese number labels, data in datablocks; every text a user gave
 * goes through gp_str. Calls gnuplot.c and csv.c. */
#include "chart.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "gnuplot.h"

const char *const chart_kind_name[CH_N] = { "line", "bars", "stacked", "heatmap" };

static const char *const palette[] = {
	"#1b6ca8", "#e07b39", "#3a9e5a", "#c9a227", "#8e5ea2", "#d1495b", "#5f6b73", "#66a3a3",
};

struct chart *chart_new(int kind, int ncat)
{
	struct chart *c = calloc(1, sizeof *c);

	if (!c)
		return NULL;
	c->kind = kind;
	c->ncat = ncat;
	if (!(c->cat = calloc((size_t)(ncat ? ncat : 1), sizeof *c->cat))) {
		free(c);
		return NULL;
	}
	return c;
}

struct chart_series *chart_add(struct chart *c, const char *name)
{
	struct chart_series *ns = realloc(c->ser, (size_t)(c->nser + 1) * sizeof *ns), *s;
	int i;

	if (!ns)
		return NULL;
	c->ser = ns;
	s = &c->ser[c->nser];
	memset(s, 0, sizeof *s);
	if (!(s->name = strdup(name ? name : "")) ||
	    !(s->v = malloc((size_t)(c->ncat ? c->ncat : 1) * sizeof *s->v))) {
		free(s->name);
		return NULL;
	}
	for (i = 0; i < c->ncat; i++)
		s->v[i] = NAN;
	c->nser++;
	return s;
}

int chart_set_cat(struct chart *c, int i, const char *label)
{
	free(c->cat[i]);
	return (c->cat[i] = strdup(label)) ? 0 : -1;
}

void chart_free(struct chart *c)
{
	int i;

	if (!c)
		return;
	for (i = 0; i < c->ncat; i++)
		free(c->cat[i]);
	for (i = 0; i < c->nser; i++) {
		free(c->ser[i].name);
		free(c->ser[i].v);
		free(c->ser[i].color);
	}
	free(c->cat);
	free(c->ser);
	free(c->title);
	free(c->xlabel);
	free(c->ylabel);
	free(c->y2label);
	free(c);
}

/* y tics with Vietnamese number labels, about five of them up to max */
static void vn_ytics(struct gp *g, const char *axis, double max, int decimals)
{
	double step, mag, top;
	char num[64];
	int i, n;

	if (!(max > 0))
		max = 1;
	mag = pow(10, floor(log10(max / 5)));
	step = mag * (max / 5 / mag > 5 ? 10 : max / 5 / mag > 2 ? 5 : max / 5 / mag > 1 ? 2 : 1);
	/* whole-number axes step by whole numbers */
	if (decimals == 0 && step < 1)
		step = 1;
	n = (int)ceil(max / step - 1e-9);
	top = n * step;
	gp_cmd(g, "set %stics (", axis);
	for (i = 0; i <= n; i++) {
		gp_vnnum(num, sizeof num, i * step, decimals);
		gp_cmd(g, "%s", i ? ", " : "");
		gp_str(g, num);
		gp_cmd(g, " %g", i * step);
	}
	gp_cmd(g, ")\nset %srange [0:%g]\n", axis, top > 0 ? top * 1.02 : 1);
}

static void label(struct gp *g, const char *what, const char *text)
{
	if (!text || !*text)
		return;
	gp_cmd(g, "set %s ", what);
	gp_str(g, text);
	gp_cmd(g, " noenhanced\n");
}

static const char *color(const struct chart_series *s, int i)
{
	return s->color ? s->color : palette[i % 8];
}

static void draw_heat(struct gp *g, const struct chart *c)
{
	int i, j;

	/* one row per series (e.g. units), one column per category */
	gp_cmd(g, "$heat << EOD\n");
	for (i = 0; i < c->nser; i++) {
		for (j = 0; j < c->ncat; j++)
			gp_cmd(g, "%s%g", j ? " " : "", isnan(c->ser[i].v[j]) ? -1 : c->ser[i].v[j]);
		gp_cmd(g, "\n");
	}
	gp_cmd(g, "EOD\nset xtics (");
	for (j = 0; j < c->ncat; j++) {
		gp_cmd(g, "%s", j ? ", " : "");
		gp_str(g, c->cat[j] ? c->cat[j] : "");
		gp_cmd(g, " %d", j);
	}
	gp_cmd(g, ") scale 0\nset ytics (");
	for (i = 0; i < c->nser; i++) {
		gp_cmd(g, "%s", i ? ", " : "");
		gp_str(g, c->ser[i].name);
		gp_cmd(g, " %d", i);
	}
	gp_cmd(g, ") scale 0\nset yrange [%g:-0.5] reverse\nset xrange [-0.5:%g]\nunset grid\nunset key\n",
	       c->nser - 0.5, c->ncat - 0.5);
	if (c->status_map) {
		/* four bands: -1 no data, 0 unmet, 1 unknown, 2 met */
		gp_cmd(g, "set palette maxcolors 4\n"
		          "set palette defined (0 '#ffffff', 1 '#d1495b', 2 '#e9c46a', 3 '#3a9e5a')\n"
		          "set cbrange [-1.5:2.5]\n"
		          "set cbtics ('không có' -1, 'chưa đạt' 0, 'chưa rõ' 1, 'đạt' 2) scale 0\n");
	} else {
		gp_cmd(g, "set palette defined (0 '#f7fbff', 1 '#1b6ca8')\n");
	}
	gp_cmd(g, "plot $heat matrix with image notitle\n");
}

int chart_draw(const struct chart *c, const char *out, const char *fmt, int w, int h,
               struct ntm_err *err)
{
	size_t n = strlen(out);
	double max = 0, max2 = 0, sum;
	int term, i, j, k;
	struct gp g;

	term = fmt ? gp_term_parse(fmt) :
	       n > 4 && strcmp(out + n - 4, ".svg") == 0 ? GP_SVG :
	       n > 4 && strcmp(out + n - 4, ".txt") == 0 ? GP_DUMB : GP_PNG;
	if (term < 0)
		return err_set(err, "chart: format '%s' is not png, svg or dumb", fmt);
	if (!w || !h) {
		w = term == GP_DUMB ? 100 : 900;
		h = term == GP_DUMB ? 30 : 540;
	}
	if (c->ncat == 0 || c->nser == 0)
		return err_set(err, "chart '%s': nothing to draw (no categories or no series)",
		               c->title ? c->title : "");
	if (gp_open(&g, term, w, h, out, err) < 0)
		return -1;
	label(&g, "title", c->title);
	gp_cmd(&g, "set key outside bottom center horizontal noenhanced\n"
	           "set grid ytics lc rgb '#dddddd'\nset border 3\nset tics nomirror\n");
	label(&g, "xlabel", c->xlabel);
	label(&g, "ylabel", c->ylabel);
	if (c->kind == CH_HEAT) {
		draw_heat(&g, c);
		return gp_close(&g, err);
	}
	/* the data: one row per category, one column per series */
	gp_cmd(&g, "$d << EOD\n");
	for (j = 0; j < c->ncat; j++) {
		gp_cmd(&g, "%d", j);
		sum = 0;
		for (i = 0; i < c->nser; i++) {
			double v = c->ser[i].v[j];

			gp_cmd(&g, isnan(v) ? " NaN" : " %.6g", v);
			if (isnan(v))
				continue;
			if (c->ser[i].y2)
				max2 = v > max2 ? v : max2;
			else if (c->kind == CH_STACKED)
				sum += v;
			else
				max = v > max ? v : max;
		}
		if (sum > max)
			max = sum;
		gp_cmd(&g, "\n");
	}
	gp_cmd(&g, "EOD\nset xtics (");
	for (j = 0; j < c->ncat; j++) {
		gp_cmd(&g, "%s", j ? ", " : "");
		gp_str(&g, c->cat[j] ? c->cat[j] : "");
		gp_cmd(&g, " %d", j);
	}
	gp_cmd(&g, ")\nset xrange [-0.6:%g]\n", c->ncat - 0.4);
	vn_ytics(&g, "y", max, c->ydecimals);
	for (i = 0; i < c->nser && !c->ser[i].y2; i++)
		;
	if (i < c->nser) {
		label(&g, "y2label", c->y2label);
		vn_ytics(&g, "y2", max2, c->ydecimals);
	}
	if (c->kind == CH_STACKED || c->kind == CH_BARS) {
		int nb = 0;

		for (i = 0; i < c->nser; i++)
			nb += !c->ser[i].y2;
		gp_cmd(&g, "set style fill solid 0.85 border -1\n");
		if (c->kind == CH_BARS)
			gp_cmd(&g, "set boxwidth %g\n", 0.8 / (nb ? nb : 1));
		else
			gp_cmd(&g, "set boxwidth 0.6\n");
	}
	/* drawing order: stacked boxes tallest (last) first so that none hides
	 * another, then the lines, which go on top */
	int *order = malloc((size_t)c->nser * sizeof *order), no = 0;

	if (!order) {
		gp_close(&g, err);
		return err_set(err, "out of memory");
	}
	for (j = c->kind == CH_STACKED ? c->nser - 1 : 0; j >= 0 && j < c->nser;
	     j += c->kind == CH_STACKED ? -1 : 1)
		if (!c->ser[j].y2)
			order[no++] = j;
	for (j = 0; j < c->nser; j++)
		if (c->ser[j].y2)
			order[no++] = j;
	gp_cmd(&g, "plot ");
	for (k = 0, j = 0; j < no; j++) {
		const struct chart_series *s = &c->ser[order[j]];
		int col, m;

		i = order[j];
		col = i + 2;
		gp_cmd(&g, "%s", j ? ", " : "");
		if (s->y2 || c->kind == CH_LINE) {
			gp_cmd(&g, "$d using 1:%d %swith linespoints lw 2 pt 7 lc rgb '%s' title ", col,
			       s->y2 ? "axes x1y2 " : "", color(s, i));
		} else if (c->kind == CH_STACKED) {
			/* stacked: each box spans the sum of this and the series before it */
			gp_cmd(&g, "$d using 1:(0");
			for (m = 0; m <= i; m++)
				if (!c->ser[m].y2)
					gp_cmd(&g, "+(valid(%d)?column(%d):0)", m + 2, m + 2);
			gp_cmd(&g, "):(0.6) with boxes lc rgb '%s' title ", color(s, i));
		} else {
			int nb = 0;

			for (m = 0; m < c->nser; m++)
				nb += !c->ser[m].y2;
			gp_cmd(&g, "$d using ($1-0.4+%g):%d with boxes lc rgb '%s' title ",
			       0.8 / nb * (k + 0.5), col, color(s, i));
			k++;
		}
		gp_str(&g, s->name);
	}
	free(order);
	gp_cmd(&g, "\n");
	return gp_close(&g, err);
}

int chart_csv(const struct chart *c, const char *path, struct ntm_err *err)
{
	FILE *f = fopen(path, "w");
	int i, j;

	if (!f)
		return err_set(err, "%s: cannot write: %s", path, strerror(errno));
	fputs("category", f);
	for (i = 0; i < c->nser; i++) {
		putc(',', f);
		csv_put(f, c->ser[i].name);
	}
	putc('\n', f);
	for (j = 0; j < c->ncat; j++) {
		csv_put(f, c->cat[j] ? c->cat[j] : "");
		for (i = 0; i < c->nser; i++) {
			if (isnan(c->ser[i].v[j]))
				fputs(",", f);
			else
				fprintf(f, ",%.10g", c->ser[i].v[j]);
		}
		putc('\n', f);
	}
	if (fclose(f) != 0)
		return err_set(err, "%s: write failed: %s", path, strerror(errno));
	return 0;
}
