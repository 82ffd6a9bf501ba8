/* chart.c - the house style (chart.h): DejaVu Sans, one palette,
 * Vietnamese number labels, data in datablocks; every text a user gave
 * goes through gp_str, every colour through gp_color. Calls gnuplot.c,
 * outfile.c and csv.c. */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "eval.h"
#include "gnuplot.h"
#include "i18n.h"

const char *const chart_kind_name[CH_N] = { "line", "bars", "stacked", "heatmap" };

/* CH_ST_UNMET .. CH_ST_MET as eval's csv writes them */
static const char *const status_code[] = { "unmet", "unknown", "open", "n/a", "met" };

static const char *const palette[] = {
	"#1b6ca8", "#e07b39", "#3a9e5a", "#c9a227", "#8e5ea2", "#d1495b", "#5f6b73", "#66a3a3",
};

/* Every byte of a chart comes and goes here, sized, so that a counting
 * allocator (a script's) sees the frees match the allocations. */
static void *mem(const struct chart *c, void *p, size_t osize, size_t nsize)
{
	if (c->alloc)
		return c->alloc(c->ud, p, osize, nsize);
	if (nsize == 0) {
		free(p);
		return NULL;
	}
	return realloc(p, nsize);
}

static char *copy(const struct chart *c, const char *s)
{
	size_t n = strlen(s) + 1;
	char *r = mem(c, NULL, 0, n);

	if (r)
		memcpy(r, s, n);
	return r;
}

static void drop(const struct chart *c, char *s)
{
	if (s)
		mem(c, s, strlen(s) + 1, 0);
}

/* the size of one value array */
static size_t vsize(const struct chart *c)
{
	return (size_t)(c->ncat ? c->ncat : 1) * sizeof(double);
}

struct chart *chart_new_in(int kind, int ncat, chart_alloc *alloc, void *ud)
{
	struct chart proto = { 0 }, *c;
	size_t n = (size_t)(ncat > 0 ? ncat : 1) * sizeof *c->cat;

	if (ncat < 0)
		return NULL;
	proto.kind = kind;
	proto.ncat = ncat;
	proto.alloc = alloc;
	proto.ud = ud;
	if (!(c = mem(&proto, NULL, 0, sizeof *c)))
		return NULL;
	*c = proto;
	if (!(c->cat = mem(c, NULL, 0, n))) {
		mem(c, c, sizeof *c, 0);
		return NULL;
	}
	memset(c->cat, 0, n);
	return c;
}

struct chart *chart_new(int kind, int ncat)
{
	return chart_new_in(kind, ncat, NULL, NULL);
}

struct chart_series *chart_add(struct chart *c, const char *name)
{
	struct chart_series *ns, *s;
	char *nm;
	double *v;
	int i;

	/* the parts first, the array last: a failure leaves c as it was */
	if (!(nm = copy(c, name ? name : "")))
		return NULL;
	if (!(v = mem(c, NULL, 0, vsize(c)))) {
		drop(c, nm);
		return NULL;
	}
	if (!(ns = mem(c, c->ser, (size_t)c->nser * sizeof *ns, (size_t)(c->nser + 1) * sizeof *ns))) {
		mem(c, v, vsize(c), 0);
		drop(c, nm);
		return NULL;
	}
	c->ser = ns;
	s = &c->ser[c->nser++];
	memset(s, 0, sizeof *s);
	s->name = nm;
	s->v = v;
	for (i = 0; i < c->ncat; i++)
		s->v[i] = NAN;
	return s;
}

int chart_text(struct chart *c, char **field, const char *s)
{
	char *r = NULL;

	if (s && !(r = copy(c, s)))
		return -1;
	drop(c, *field);
	*field = r;
	return 0;
}

int chart_set_cat(struct chart *c, int i, const char *label)
{
	return chart_text(c, &c->cat[i], label);
}

int chart_color(struct chart_series *s, const char *spec)
{
	return gp_color(spec, s->color);
}

int chart_threshold(struct chart *c, const char *label)
{
	int j;

	if (!(c->thr_lo = mem(c, NULL, 0, vsize(c))) || !(c->thr_hi = mem(c, NULL, 0, vsize(c))) ||
	    chart_text(c, &c->thr_label, label) < 0)
		return -1;
	for (j = 0; j < c->ncat; j++)
		c->thr_lo[j] = c->thr_hi[j] = NAN;
	return 0;
}

void chart_free(struct chart *c)
{
	int i;

	if (!c)
		return;
	for (i = 0; i < c->ncat; i++)
		drop(c, c->cat[i]);
	for (i = 0; i < c->nser; i++) {
		drop(c, c->ser[i].name);
		mem(c, c->ser[i].v, vsize(c), 0);
	}
	mem(c, c->cat, (size_t)(c->ncat > 0 ? c->ncat : 1) * sizeof *c->cat, 0);
	if (c->ser)
		mem(c, c->ser, (size_t)c->nser * sizeof *c->ser, 0);
	drop(c, c->title);
	drop(c, c->xlabel);
	drop(c, c->ylabel);
	drop(c, c->y2label);
	drop(c, c->thr_label);
	drop(c, c->footnote);
	if (c->thr_lo)
		mem(c, c->thr_lo, vsize(c), 0);
	if (c->thr_hi)
		mem(c, c->thr_hi, vsize(c), 0);
	mem(c, c, sizeof *c, 0);
}

/* a value to draw: infinities are drawn as none, like NAN */
static double val(const struct chart_series *s, int j)
{
	return isfinite(s->v[j]) ? s->v[j] : NAN;
}

/* y tics with Vietnamese number labels, about five of them up to max; the
 * axis reaches at least max * room (room for labels above the bars) */
static void vn_ytics(struct gp *g, const char *axis, double max, int decimals, double room)
{
	double step, mag, top;
	char num[64];
	int i, n;

	/* the ends of the doubles would make the steps below infinite or 0 */
	if (!(max > 0))
		max = 1;
	max = max < 1e-300 ? 1e-300 : max > 1e300 ? 1e300 : max;
	mag = pow(10, floor(log10(max / 5)));
	step = mag * (max / 5 / mag > 5 ? 10 : max / 5 / mag > 2 ? 5 : max / 5 / mag > 1 ? 2 : 1);
	/* whole-number axes step by whole numbers */
	if (decimals == 0 && step < 1)
		step = 1;
	n = (int)ceil(max / step - 1e-9);
	n = n < 1 ? 1 : n > 20 ? 20 : n;
	top = n * step;
	gp_cmd(g, "set %stics (", axis);
	for (i = 0; i <= n; i++) {
		gp_vnnum(num, sizeof num, i * step, decimals);
		gp_cmd(g, "%s", i ? ", " : "");
		gp_str(g, num);
		gp_cmd(g, " %g", i * step);
	}
	gp_cmd(g, ")\nset %srange [0:%g]\n", axis, fmax(top * 1.02, max * room));
}

static void label(struct gp *g, const char *what, const char *text)
{
	if (!text || !*text)
		return;
	gp_cmd(g, "set %s ", what);
	gp_str(g, text);
	gp_cmd(g, " noenhanced\n");
}

/* the series' colour, checked again here: nothing but "#rrggbb" reaches
 * `lc rgb`, whoever filled the field */
static const char *color(const struct chart_series *s, int i, char hex[8])
{
	return s->color[0] && gp_color(s->color, hex) == 0 ? hex : palette[i % 8];
}

static void draw_heat(struct gp *g, const struct chart *c)
{
	int i, j;

	/* one row per series (e.g. units), one column per category; gnuplot
	 * draws no image one cell high or wide, so a lone row or column is
	 * written twice, the copy outside the range shown */
	gp_cmd(g, "$heat << EOD\n");
	for (i = 0; i < (c->nser == 1 ? 2 : c->nser); i++) {
		for (j = 0; j < (c->ncat == 1 ? 2 : c->ncat); j++) {
			double v = val(&c->ser[i < c->nser ? i : 0], j < c->ncat ? j : 0);

			gp_cmd(g, "%s%.6g", j ? " " : "", isnan(v) ? -1 : v);
		}
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
		/* six bands, one per CH_ST_* status, each its own colour and name */
		gp_cmd(g, "set rmargin 26\nset palette maxcolors 6\n"
		          "set palette defined (0 '#ffffff', 1 '#d1495b', 2 '#9aa5ad', 3 '#e9c46a', "
		          "4 '#cfe3d4', 5 '#3a9e5a')\n"
		          "set cbrange [-1.5:4.5]\n"
		          "set cbtics ('không đánh giá năm này' -1, 'chưa đạt' 0, 'thiếu số liệu' 1, "
		          "'chưa có ngưỡng' 2, 'không áp dụng' 3, 'đạt' 4) scale 0\n");
	} else {
		gp_cmd(g, "set palette defined (0 '#f7fbff', 1 '#1b6ca8')\n");
	}
	gp_cmd(g, "plot $heat matrix with image notitle\n");
}

/* $v: each bar's value (a stack's total) where its label goes, as the
 * Vietnamese write numbers; nb bars side by side per category. */
static void bar_labels(struct gp *g, const struct chart *c, int nb)
{
	char num[64];
	int i, j, k;

	gp_cmd(g, "$v << EOD\n");
	for (j = 0; j < c->ncat; j++) {
		double sum = 0;
		int any = 0;

		for (i = 0, k = 0; i < c->nser; i++) {
			double v = val(&c->ser[i], j);

			if (c->ser[i].y2)
				continue;
			if (c->kind == CH_BARS && !isnan(v)) {
				gp_vnnum(num, sizeof num, v, v == floor(v) || fabs(v) >= 100 ? 0 : 1);
				gp_cmd(g, "%g %.6g \"%s\"\n", j - 0.4 + 0.8 / nb * (k + 0.5), v, num);
			}
			k++;
			if (!isnan(v)) {
				sum += v;
				any = 1;
			}
		}
		if (c->kind == CH_STACKED && any) {
			gp_vnnum(num, sizeof num, sum, sum == floor(sum) || fabs(sum) >= 100 ? 0 : 1);
			gp_cmd(g, "%d %.6g \"%s\"\n", j, sum, num);
		}
	}
	gp_cmd(g, "EOD\n");
}

/* The commands of a line, bar or stacked chart. -1 when out of memory. */
static int draw_xy(struct gp *g, const struct chart *c)
{
	double max = 0, max2 = 0, sum;
	int i, j, k, nb = 0, no = 0, *order;
	char hex[8];

	/* the data: one row per category, one column per series */
	gp_cmd(g, "$d << EOD\n");
	for (j = 0; j < c->ncat; j++) {
		gp_cmd(g, "%d", j);
		sum = 0;
		for (i = 0; i < c->nser; i++) {
			double v = val(&c->ser[i], j);

			gp_cmd(g, isnan(v) ? " NaN" : " %.6g", v);
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
		gp_cmd(g, "\n");
	}
	gp_cmd(g, "EOD\nset xtics (");
	for (j = 0; j < c->ncat; j++) {
		gp_cmd(g, "%s", j ? ", " : "");
		gp_str(g, c->cat[j] ? c->cat[j] : "");
		gp_cmd(g, " %d", j);
	}
	gp_cmd(g, ")\nset xrange [-0.6:%g]\n", c->ncat - 0.4);
	for (j = 0; c->thr_lo && j < c->ncat; j++)
		if (isfinite(c->thr_hi[j]) && c->thr_hi[j] > max)
			max = c->thr_hi[j];
		else if (isfinite(c->thr_lo[j]) && c->thr_lo[j] > max)
			max = c->thr_lo[j];
	vn_ytics(g, "y", max, c->ydecimals, c->bar_values ? 1.1 : 0);
	for (i = 0; i < c->nser && !c->ser[i].y2; i++)
		;
	if (i < c->nser) {
		label(g, "y2label", c->y2label);
		vn_ytics(g, "y2", max2, c->ydecimals, 0);
	}
	for (i = 0; i < c->nser; i++)
		nb += !c->ser[i].y2 && !c->ser[i].dashed;
	if (c->kind == CH_STACKED || c->kind == CH_BARS) {
		gp_cmd(g, "set style fill solid 0.85 border -1\n");
		if (c->kind == CH_BARS)
			gp_cmd(g, "set boxwidth %g\n", 0.8 / (nb ? nb : 1));
		else
			gp_cmd(g, "set boxwidth 0.6\n");
	}
	/* drawing order: stacked boxes tallest (last) first so that none hides
	 * another, then the lines, which go on top */
	if (!(order = malloc((size_t)c->nser * sizeof *order)))
		return -1;
	for (j = c->kind == CH_STACKED ? c->nser - 1 : 0; j >= 0 && j < c->nser;
	     j += c->kind == CH_STACKED ? -1 : 1)
		if (!c->ser[j].y2 && !c->ser[j].dashed)
			order[no++] = j;
	for (j = 0; j < c->nser; j++)
		if (c->ser[j].y2 || c->ser[j].dashed)
			order[no++] = j;
	if (c->thr_lo) {
		/* the threshold: its own block, a band drawn under the lines; an open
		 * upper end stops at the top of the axis */
		double top = max * 1.05 + 1;

		gp_cmd(g, "$t << EOD\n");
		for (j = 0; j < c->ncat; j++) {
			double lo = c->thr_lo[j], hi = c->thr_hi[j];

			if (isnan(lo) || isnan(hi))
				gp_cmd(g, "%d NaN NaN\n", j);
			else
				gp_cmd(g, "%d %.6g %.6g\n", j, fmax(lo, 0), fmin(hi, top));
		}
		gp_cmd(g, "EOD\n");
	}
	if (c->bar_values && c->kind != CH_LINE)
		bar_labels(g, c, nb);
	gp_cmd(g, "plot ");
	if (c->thr_lo) {
		int band = 0;

		for (j = 0; j < c->ncat; j++)
			band |= !isnan(c->thr_lo[j]) && c->thr_lo[j] != c->thr_hi[j];
		if (band)
			gp_cmd(g, "$t using 1:2:3 with filledcurves "
			          "fs transparent solid 0.18 noborder lc rgb '#5f6b73' title ");
		else
			gp_cmd(g, "$t using 1:2 with lines dt 2 lw 2 lc rgb '#5f6b73' title ");
		gp_str(g, c->thr_label ? c->thr_label : "");
		gp_cmd(g, "%s", no ? ", " : "");
	}
	for (k = 0, j = 0; j < no; j++) {
		const struct chart_series *s = &c->ser[order[j]];
		int col, m;

		i = order[j];
		col = i + 2;
		gp_cmd(g, "%s", j ? ", " : "");
		if (s->dashed) {
			gp_cmd(g, "$d using 1:%d %swith lines dt 2 lw 2 lc rgb '%s' title ", col,
			       s->y2 ? "axes x1y2 " : "", color(s, i, hex));
		} else if (s->y2 || c->kind == CH_LINE) {
			gp_cmd(g, "$d using 1:%d %swith linespoints lw 2 pt 7 lc rgb '%s' title ", col,
			       s->y2 ? "axes x1y2 " : "", color(s, i, hex));
		} else if (c->kind == CH_STACKED) {
			/* stacked: each box spans the sum of this and the series before it */
			gp_cmd(g, "$d using 1:(0");
			for (m = 0; m <= i; m++)
				if (!c->ser[m].y2)
					gp_cmd(g, "+(valid(%d)?column(%d):0)", m + 2, m + 2);
			gp_cmd(g, "):(0.6) with boxes lc rgb '%s' title ", color(s, i, hex));
		} else {
			gp_cmd(g, "$d using ($1-0.4+%g):%d with boxes lc rgb '%s' title ",
			       0.8 / nb * (k + 0.5), col, color(s, i, hex));
			k++;
		}
		gp_str(g, s->name);
	}
	free(order);
	if (c->bar_values && c->kind != CH_LINE)
		gp_cmd(g, ", $v using 1:2:3 with labels offset character 0,0.7 notitle");
	gp_cmd(g, "\n");
	return 0;
}

/* Runs gnuplot on c for terminal term: the chart lands in *img, an
 * anonymous temporary file (caller fcloses). Returns 0 or -1 with err. */
static int render(const struct chart *c, int term, int w, int h, FILE **img, struct ntm_err *err)
{
	struct gp g;

	*img = NULL;
	/* a side of 0 takes the default */
	if (!w)
		w = term == GP_DUMB ? 100 : 900;
	if (!h)
		h = term == GP_DUMB ? 30 : 540;
	if (c->ncat == 0 || c->nser == 0)
		return err_set(err, _("chart '%s': nothing to draw (no categories or no series)"),
		               c->title ? c->title : "");
	if (c->ydecimals < 0 || c->ydecimals > GP_DECIMALS_MAX)
		return err_set(err, _("chart: decimals %d is not 0 to %d"), c->ydecimals, GP_DECIMALS_MAX);
	if (gp_open(&g, term, w, h, err) < 0)
		return -1;
	label(&g, "title", c->title);
	if (c->footnote && *c->footnote) {
		/* under everything, the key's box made taller to leave it room */
		gp_cmd(&g, "set label 99 ");
		gp_str(&g, c->footnote);
		gp_cmd(&g, " at screen 0.01, screen 0.015 left font ',8' tc rgb '#555555' noenhanced\n%s",
		       c->kind == CH_HEAT ? "set bmargin 5\n" : "");   /* a heat map has no key */
	}
	gp_cmd(&g, "set key outside bottom center horizontal noenhanced%s\n"
	           "set grid ytics lc rgb '#dddddd'\nset border 3\nset tics nomirror\n",
	       c->footnote && *c->footnote ? " height 3" : "");
	label(&g, "xlabel", c->xlabel);
	label(&g, "ylabel", c->ylabel);
	if (c->kind == CH_HEAT) {
		draw_heat(&g, c);
	} else if (draw_xy(&g, c) < 0) {
		gp_discard(&g);
		return err_set(err, "%s", _("out of memory"));
	}
	/* gnuplot draws into an anonymous file; the caller copies it whole */
	if (!(*img = gp_tmpfile(err))) {
		gp_discard(&g);
		return -1;
	}
	if (gp_run(&g, fileno(*img), err) < 0) {
		fclose(*img);
		*img = NULL;
		return -1;
	}
	return 0;
}

int chart_draw(const struct chart *c, const struct outdir *d, const char *name, const char *fmt,
               int w, int h, struct ntm_err *err)
{
	size_t n = strlen(name);
	const char *bad;
	char shown[512];
	FILE *img;
	int term, rc;

	if ((bad = outfile_bad_name(name)))
		return err_set(err, "%s: %s", outfile_shown(d, name, shown, sizeof shown), bad);
	term = fmt ? gp_term_parse(fmt) :
	       n > 4 && strcmp(name + n - 4, ".svg") == 0 ? GP_SVG :
	       n > 4 && strcmp(name + n - 4, ".txt") == 0 ? GP_DUMB : GP_PNG;
	if (term < 0)
		return err_set(err, _("chart: format '%s' is not png, svg or dumb"), fmt);
	if (render(c, term, w, h, &img, err) < 0)
		return -1;
	rc = outfile_copy(d, name, fileno(img), err);
	fclose(img);
	return rc;
}

int chart_render(const struct chart *c, const char *fmt, int w, int h, char **out, size_t *len,
                 struct ntm_err *err)
{
	FILE *img = NULL;
	char *buf = NULL;
	long size;
	int term = gp_term_parse(fmt), rc = -1;

	*out = NULL;
	*len = 0;
	if (term < 0)
		return err_set(err, _("chart: format '%s' is not png, svg or dumb"), fmt);
	if (render(c, term, w, h, &img, err) < 0)
		return -1;
	/* read the anonymous file back whole */
	if (fseek(img, 0, SEEK_END) != 0 || (size = ftell(img)) < 0 || fseek(img, 0, SEEK_SET) != 0) {
		err_set(err, "%s", _("chart: cannot read back what gnuplot drew"));
		goto done;
	}
	if (size > CHART_MAX_RENDER) {
		err_set(err, _("chart '%s': gnuplot drew %ld bytes, more than the %d a page may hold"),
		        c->title ? c->title : "", size, CHART_MAX_RENDER);
		goto done;
	}
	if (!(buf = malloc((size_t)size + 1))) {
		err_set(err, "%s", _("out of memory"));
		goto done;
	}
	if (fread(buf, 1, (size_t)size, img) != (size_t)size) {
		err_set(err, "%s", _("chart: cannot read back what gnuplot drew"));
		goto done;
	}
	buf[size] = '\0';
	*out = buf;
	*len = (size_t)size;
	buf = NULL;
	rc = 0;
done:
	free(buf);
	fclose(img);
	return rc;
}

int chart_csv(const struct chart *c, const struct outdir *d, const char *name, struct ntm_err *err)
{
	struct outfile o;
	int i, j;

	if (outfile_begin(&o, d, name, err) < 0)
		return -1;
	fputs("category", o.f);
	for (i = 0; i < c->nser; i++) {
		putc(',', o.f);
		csv_put(o.f, c->ser[i].name);
	}
	if (c->thr_lo)
		fputs(",threshold_low,threshold_high", o.f);
	putc('\n', o.f);
	for (j = 0; j < c->ncat; j++) {
		csv_put(o.f, c->cat[j] ? c->cat[j] : "");
		for (i = 0; i < c->nser; i++) {
			double v = c->ser[i].v[j];

			if (c->status_map)   /* the stable codes of ntm eval's csv */
				fprintf(o.f, ",%s", v >= CH_ST_UNMET && v <= CH_ST_MET ? status_code[(int)v] : "");
			else if (isnan(v))
				fputs(",", o.f);
			else
				fprintf(o.f, ",%.10g", v);
		}
		for (i = 0; c->thr_lo && i < 2; i++) {
			double v = i ? c->thr_hi[j] : c->thr_lo[j];

			if (isfinite(v))
				fprintf(o.f, ",%.10g", v);
			else
				fputs(",", o.f);
		}
		putc('\n', o.f);
	}
	return outfile_commit(&o, err);
}

double chart_status_shade(int st)
{
	switch (st) {
	case ST_MET: return CH_ST_MET;
	case ST_UNMET: return CH_ST_UNMET;
	case ST_UNKNOWN: return CH_ST_MISSING;
	case ST_OPEN: return CH_ST_OPEN;
	case ST_NA: return CH_ST_NA;
	}
	return CH_ST_NONE;
}
