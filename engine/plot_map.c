/* plot_map.c - `ntm plot map` (plot_map.h): boundaries from geojson.c,
 * matched by code to the units of the store that existed in the map's
 * year; results from evalrun.c (as of the map's year when the results'
 * year had other units, so a new unit's status combines its old units),
 * or a variable's figures from eval.c through ctx_overlay; drawn as filled
 * polygons through gnuplot.c, written through outfile.c. */
#include "plot_map.h"

#include <dirent.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "evalrun.h"
#include "geojson.h"
#include "gnuplot.h"
#include "i18n.h"
#include "outfile.h"
#include "utf8.h"

enum { MODE_STATUS, MODE_CRIT, MODE_VAR };

/* What a unit is drawn as in the status map: eval's statuses, then none. */
enum { M_MET, M_UNMET, M_OPEN, M_UNKNOWN, M_NA, M_NODATA, M_N };
static const struct {
	const char *label, *color, *code;    /* label: an i18n msgid; code: eval's csv */
} cls[M_N] = {
	{ "met", "#3a9e5a", "met" },
	{ "unmet", "#d1495b", "unmet" },
	{ "open (no threshold yet)", "#e9c46a", "open" },
	{ "unknown (figures missing)", "#9aa5ad", "unknown" },
	{ "n/a", "#cfe3d4", "n/a" },
	{ "no data", "#e6e6e6", "" },
};
#define HOLE_COLOR "#ffffff"
#define BORDER_COLOR "#5a5a5a"
/* the two ends of the sequential palettes (criteria met, a variable); the
 * light ends darker than no data's grey, or a unit at the bottom of the
 * scale looked like one with no figure */
static const char *const ramp[2][2] = { { "#b7e1ae", "#00441b" }, { "#b3cde6", "#08306b" } };

/* One feature of the boundaries and what it is drawn as. */
struct mapunit {
	int feat;            /* index in the boundaries */
	int unit;            /* index in c->units, or -1 */
	int cls;             /* M_*: the status, or M_NODATA */
	double value;        /* criteria met or the variable; NAN: no data */
	double area;         /* projected, outer rings less holes */
	char why[160];       /* why there is no data */
};

struct pmap {
	struct ctx *c;
	struct geojson g;
	struct mapunit *mu;
	int n;
	int mode, top, year, map_year, ncrit;
	const char *set_id, *var, *path;
	const char *uom;     /* the variable's unit of measure, as a label */
	char set_name[200];  /* the set's id, once the evaluation is freed */
	double coslat, x0, x1, y0, y1;   /* projection and its extent */
	double vmin, vmax;
};

/* ---- which boundaries, which units ---- */

static int name_matches(const char *name, const char *code)
{
	size_t n = strlen(name), k = strlen(code);
	const char *p;

	if (n < 9 || strcmp(name + n - 8, ".geojson") != 0)
		return 0;
	for (p = strchr(name, '-'); p; p = strchr(p + 1, '-'))
		if (strncmp(p + 1, code, k) == 0 && (p[1 + k] == '_' || strcmp(p + 1 + k, ".geojson") == 0))
			return 1;
	return 0;
}

/* The boundaries of unit top or of its nearest ancestor that has a file in
 * the folder: *-CODE_*.geojson or *-CODE.geojson, the last by name when
 * several (map-2026-... after map-2025-...). */
static int find_boundaries(struct ctx *c, int top, char *path, size_t cap)
{
	const char *e = getenv("NTM_BOUNDARIES"), *dir = e && *e ? e : MAP_BOUNDARIES_DIR;
	char best[256];
	int u;

	for (u = top; u >= 0; u = c->units.u[u].parent) {
		DIR *d = opendir(dir);
		struct dirent *de;

		if (!d)
			break;
		best[0] = '\0';
		while ((de = readdir(d)))
			if (strlen(de->d_name) < sizeof best && name_matches(de->d_name, c->units.u[u].code) &&
			    strcmp(de->d_name, best) > 0)
				snprintf(best, sizeof best, "%s", de->d_name);
		closedir(d);
		if (best[0]) {
			snprintf(path, cap, "%s/%s", dir, best);
			return 0;
		}
	}
	return err_set(&c->err, _("plot map: no boundaries for %s (%s) in %s (a file named *-%s_*.geojson); "
	               "give --boundaries FILE.geojson"), c->units.u[top].name, c->units.u[top].code, dir,
	               c->units.u[top].code);
}

static int under(const struct ctx *c, int u, int top)
{
	int hops = 0;

	for (; u >= 0 && hops < 64; u = c->units.u[u].parent, hops++)
		if (u == top)
			return 1;
	return 0;
}

struct coded {
	const char *code;
	int feat;
};

static int by_code(const void *a, const void *b)
{
	return strcmp(((const struct coded *)a)->code, ((const struct coded *)b)->code);
}

/* The units below top that existed in year and have a feature: unit[f]
 * for feature f (-1 for none). Returns how many features have one; *left
 * (when given) gets how many units of the levels a map draws (communes,
 * townships, wards) below top in year have none. */
static int match(const struct pmap *m, int top, const struct coded *cx, int year, int *unit, int *left)
{
	const struct unitset *us = &m->c->units;
	int k, n = 0;
	size_t u;

	for (k = 0; k < m->g.n; k++)
		unit[k] = -1;
	if (left)
		*left = 0;
	for (u = 0; u < us->n; u++) {
		struct coded key = { us->u[u].code, 0 }, *hit;

		if ((int)u == top || !unit_exists(&us->u[u], year) || !under(m->c, (int)u, top))
			continue;
		if (!(hit = bsearch(&key, cx, (size_t)m->g.n, sizeof *cx, by_code)) || unit[hit->feat] >= 0) {
			if (left && us->u[u].level > LV_DISTRICT && us->u[u].level != LV_VILLAGE)
				(*left)++;
			continue;
		}
		unit[hit->feat] = (int)u;
		n++;
	}
	return n;
}

/* The map's year: --map-year, else --as-of, else the year whose units
 * match the boundaries best, over the whole province of top (the
 * boundaries are of one time; a district of old has no units in a later
 * one): the most features matched, then the fewest units left without one
 * (a code the GSO gave again to a merged unit matches the old unit too, so
 * counting matches alone took the old units for the new boundaries); then
 * the year judged, else the latest. */
static int map_year(struct pmap *m, const struct coded *cx, int *unit, const char *given)
{
	struct ctx *c = m->c;
	const struct unitset *us = &c->units;
	int y0, y1, best, bestn, bestleft, n, left, k, prov = m->top;
	size_t u;

	if (given) {
		if (opt_years(given, &y0, &y1) < 0 || y0 != y1)
			return err_set(&c->err, _("plot map: --map-year '%s' is not a year"), given);
		if (c->as_of && c->as_of != y0)
			return err_set(&c->err, _("plot map: --as-of %d and --map-year %d differ; the map's units "
			               "are judged as of the map's year: give one"), c->as_of, y0);
		m->map_year = y0;
	} else if (c->as_of) {
		m->map_year = c->as_of;
	} else {
		/* the years the units below the province change: each one's first
		 * and last year, and the year after its last; each tried once */
		int *cand = malloc((3 * us->n + 1) * sizeof *cand), nc = 0, i;

		if (!cand)
			return err_set(&c->err, "%s", _("out of memory"));
		for (k = 0; k < 64 && us->u[prov].parent >= 0; k++)
			prov = us->u[prov].parent;
		for (u = 0; u < us->n; u++) {
			const struct unit *x = &us->u[u];

			if (!under(c, (int)u, prov))
				continue;
			for (k = 0; k < 3; k++) {
				y0 = k == 0 ? x->valid_from : k == 1 ? x->valid_to : x->valid_to ? x->valid_to + 1 : 0;
				for (i = 0; i < nc && cand[i] != y0; i++)
					;
				if (y0 && y0 != m->year && i == nc)
					cand[nc++] = y0;
			}
		}
		best = m->year;
		bestn = match(m, prov, cx, m->year, unit, &bestleft);
		for (i = 0; i < nc; i++) {
			n = match(m, prov, cx, cand[i], unit, &left);
			if (n > bestn || (n == bestn && (left < bestleft ||
			                                 (left == bestleft && best != m->year && cand[i] > best)))) {
				best = cand[i];
				bestn = n;
				bestleft = left;
			}
		}
		free(cand);
		m->map_year = best;
	}
	if (match(m, m->top, cx, m->map_year, unit, NULL) == 0) {
		const struct unit *t = &us->u[m->top];
		char gone[200] = "";

		if (!unit_exists(t, m->map_year) && t->valid_to && t->valid_to < m->map_year)
			snprintf(gone, sizeof gone, _(": %s (%s) was a %s until %d"), t->name, t->code,
			         _(store_level_name[t->level]), t->valid_to);
		return err_set(&c->err, _("plot map: none of the %d features of %s has the code of a unit of %s "
		               "in %d (properties.code)%s%s"), m->g.n, m->path, t->name, m->map_year,
		               *gone ? gone : _(": the boundaries of another place or time?"),
		               given || c->as_of ? "" : _(" (--map-year Y draws the units of Y)"));
	}
	return 0;
}

/* ---- the figures ---- */

static void no_data(struct mapunit *mu, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void no_data(struct mapunit *mu, const char *fmt, ...)
{
	va_list ap;

	mu->cls = M_NODATA;
	mu->value = NAN;
	va_start(ap, fmt);
	vsnprintf(mu->why, sizeof mu->why, fmt, ap);
	va_end(ap);
}

/* Units of the evaluation with no feature, said on stderr. */
static void unmapped(struct pmap *m, const int *units, int nunits)
{
	struct ctx *c = m->c;
	int i, k, n = 0, shown = 0;
	char *seen = calloc(c->units.n ? c->units.n : 1, 1);

	if (!seen)
		return;
	for (k = 0; k < m->n; k++)
		if (m->mu[k].unit >= 0)
			seen[m->mu[k].unit] = 1;
	for (i = 0; i < nunits; i++)
		n += !seen[units[i]];
	if (n)
		fprintf(stderr, n == 1 ? _("ntm: note: %d unit of %s in %d has no boundary in %s:")
		        : _("ntm: note: %d units of %s in %d have no boundary in %s:"), n,
		        c->units.u[m->top].name, m->map_year, m->path);
	for (i = 0; i < nunits && shown < n; i++) {
		if (seen[units[i]])
			continue;
		if (shown == 12) {
			fprintf(stderr, _(" and %d more"), n - shown);
			break;
		}
		fprintf(stderr, "%s %s %s", shown ? "," : "", c->units.u[units[i]].code,
		        c->units.u[units[i]].name);
		shown++;
	}
	if (n)
		fprintf(stderr, "\n");
	free(seen);
}

/* Whether unit i of r has no figure at all for year y: drawn as no data,
 * not as unknown (a unit never reported on, rather than one missing some
 * figures). */
static int no_figure(const struct evalrun *r, int i, int y)
{
	const double *v = evalrun_vals(r, i, y);
	int k;

	for (k = 0; k < r->set->nvar; k++)
		if (!isnan(v[k]))
			return 0;
	return 1;
}

/* Each feature's status, or criteria met, under the set in the year. */
static int judge(struct pmap *m)
{
	struct ctx *c = m->c;
	struct evalrun r;
	struct results R = { 0 };
	int *pos = NULL, i, k, rc = -1;

	if (evalrun_open(c, m->set_id, m->top, m->year, m->year, &r) < 0)
		return -1;
	snprintf(m->set_name, sizeof m->set_name, "%s", r.set->id);
	m->set_id = m->set_name;
	m->ncrit = r.set->ncrit;
	if (evalrun_results(c, &r, &R) < 0)
		goto done;
	if (!(pos = malloc((c->units.n ? c->units.n : 1) * sizeof *pos))) {
		err_set(&c->err, "%s", _("out of memory"));
		goto done;
	}
	for (k = 0; k < (int)c->units.n; k++)
		pos[k] = -1;
	for (i = 0; i < r.nunit; i++)
		pos[r.units[i]] = i;
	for (k = 0; k < m->n; k++) {
		struct mapunit *mu = &m->mu[k];
		const struct unit *x = mu->unit >= 0 ? &c->units.u[mu->unit] : NULL;
		int st;

		if (!x)
			continue;
		if ((i = pos[mu->unit]) < 0) {
			no_data(mu, _("a %s; set %s judges %ss"), _(store_level_name[x->level]), r.set->id,
			        _(r.set->level));
			continue;
		}
		if (!results_judged(&R, i, m->year)) {
			no_data(mu, _("not judged in %d"), m->year);
			continue;
		}
		if (no_figure(&r, i, m->year)) {
			no_data(mu, _("no figure for %d"), m->year);
			continue;
		}
		st = results_status(&R, i, m->year);
		mu->cls = st == ST_MET ? M_MET : st == ST_UNMET ? M_UNMET : st == ST_OPEN ? M_OPEN :
		          st == ST_UNKNOWN ? M_UNKNOWN : M_NA;
		mu->value = results_ncrit(&R, i, m->year);
	}
	unmapped(m, r.units, r.nunit);
	rc = 0;
done:
	free(pos);
	results_free(&R);
	evalrun_free(&r);
	return rc;
}

/* Each feature's figure of the variable in the year; with the map's year
 * another than it, the figures of the units merged into each are combined
 * (lineage.h), as ctx_overlay does for an evaluation. */
static int figures(struct pmap *m)
{
	struct ctx *c = m->c;
	struct critset one;
	struct evaldata d;
	char *name;
	int64_t vi;
	int *units, n = 0, k, rc = -1, *below, nbelow = 0;
	size_t u;

	if (ctx_vars(c) < 0)
		return -1;
	if (!map_get(&c->vars.by_name, m->var, &vi))
		return err_set(&c->err, _("plot map: unknown variable '%s' (`ntm variables` lists them)"), m->var);
	name = c->vars.v[vi].name;
	m->uom = c->vars.v[vi].uom && *c->vars.v[vi].uom ? plot_uom_label(c->vars.v[vi].uom) : NULL;
	units = malloc((size_t)(m->n ? m->n : 1) * sizeof *units);
	below = malloc((c->units.n ? c->units.n : 1) * sizeof *below);
	if (!units || !below) {
		free(units);
		free(below);
		return err_set(&c->err, "%s", _("out of memory"));
	}
	for (k = 0; k < m->n; k++)
		if (m->mu[k].unit >= 0)
			units[n++] = m->mu[k].unit;
	/* a set of one variable is all eval_load and the overlay need */
	memset(&one, 0, sizeof one);
	one.var = &name;
	one.nvar = 1;
	if (eval_load(c->db, &c->units, &c->vars, &one, units, n, m->year, m->year, &d, &c->err) < 0)
		goto done;
	if (ctx_overlay(c, &d) == 0) {
		for (k = 0, n = 0; k < m->n; k++) {
			struct mapunit *mu = &m->mu[k];

			if (mu->unit < 0)
				continue;
			mu->value = d.vals[n++];
			if (isnan(mu->value))
				no_data(mu, _("no figure of %s in %d"), m->var, m->year);
			else
				mu->cls = M_MET;   /* drawn by its value */
		}
		/* the units a map of this level leaves out: communes, townships */
		for (u = 0; u < c->units.n; u++)
			if (c->units.u[u].level > LV_DISTRICT && c->units.u[u].level != LV_VILLAGE &&
			    unit_exists(&c->units.u[u], m->map_year) && under(c, (int)u, m->top))
				below[nbelow++] = (int)u;
		unmapped(m, below, nbelow);
		rc = 0;
	}
	eval_data_free(&d);
done:
	free(units);
	free(below);
	return rc;
}

/* ---- geometry ---- */

static double px(const struct pmap *m, double lon)
{
	return lon * m->coslat;
}

/* twice the signed area of ring r, projected */
static double ring_area(const struct pmap *m, const struct gj_ring *r)
{
	const double *p = m->g.pt + 2 * r->off;
	double a = 0;
	int i;

	for (i = 0; i + 1 < r->n; i++)
		a += px(m, p[2 * i]) * p[2 * i + 3] - px(m, p[2 * i + 2]) * p[2 * i + 1];
	return a;
}

/* The crossings of the horizontal line at y with the rings of f's polygon
 * poly (its outer ring and its holes), sorted, into xs (at most cap): the
 * spans inside it are xs[0..1], xs[2..3], ... Returns how many. */
static int crossings(const struct pmap *m, const struct gj_feature *f, int poly, double y, double *xs,
                     int cap)
{
	int i, j, k, n = 0;

	for (k = f->ring0; k < f->ring0 + f->nring; k++) {
		const struct gj_ring *r = &m->g.ring[k];
		const double *p = m->g.pt + 2 * r->off;

		for (i = 0; r->poly == poly && i + 1 < r->n && n < cap; i++) {
			double ya = p[2 * i + 1], yb = p[2 * i + 3];

			if ((ya <= y) == (yb <= y))
				continue;
			xs[n++] = px(m, p[2 * i]) + (y - ya) / (yb - ya) * (px(m, p[2 * i + 2]) - px(m, p[2 * i]));
		}
	}
	/* insertion sort: a line crosses a ring a few times */
	for (i = 1; i < n; i++) {
		double v = xs[i];

		for (j = i; j > 0 && xs[j - 1] > v; j--)
			xs[j] = xs[j - 1];
		xs[j] = v;
	}
	return n & ~1;
}

/* Where to write a feature's name: inside its largest ring (not in a hole), at the
 * centroid when that lies inside with need of room across, else in the
 * middle of the widest span across it at one of a few heights. *width
 * gets the span's width there. */
static void label_point(const struct pmap *m, const struct gj_feature *f, double need, double *lx,
                        double *ly, double *width)
{
	const struct gj_ring *big = NULL;
	double best = -1, a, cx = 0, cy = 0, xs[256], lo = 1e9, hi = -1e9;
	const double *p;
	int k, i, n, t;

	*width = 0;
	for (k = f->ring0; k < f->ring0 + f->nring; k++)
		if (!m->g.ring[k].hole && fabs(ring_area(m, &m->g.ring[k])) > best) {
			best = fabs(ring_area(m, &m->g.ring[k]));
			big = &m->g.ring[k];
		}
	if (!big)
		return;
	p = m->g.pt + 2 * big->off;
	a = ring_area(m, big);
	for (i = 0; i + 1 < big->n; i++) {
		double cross = px(m, p[2 * i]) * p[2 * i + 3] - px(m, p[2 * i + 2]) * p[2 * i + 1];

		cx += (px(m, p[2 * i]) + px(m, p[2 * i + 2])) * cross;
		cy += (p[2 * i + 1] + p[2 * i + 3]) * cross;
		lo = fmin(lo, p[2 * i + 1]);
		hi = fmax(hi, p[2 * i + 1]);
	}
	if (a != 0) {
		cx /= 3 * a;
		cy /= 3 * a;
	} else {
		cx = px(m, p[0]);
		cy = p[1];
	}
	*lx = cx;
	*ly = cy;
	/* the centroid, when inside; else the widest span at 9 heights */
	n = crossings(m, f, big->poly, cy, xs, 256);
	for (i = 0; i < n; i += 2)
		if (xs[i] <= cx && cx <= xs[i + 1]) {
			*width = 2 * fmin(cx - xs[i], xs[i + 1] - cx);
			if (*width >= need)
				return;
		}
	for (t = 1; t < 10; t++) {
		double y = lo + (hi - lo) * t / 10;

		n = crossings(m, f, big->poly, y, xs, 256);
		for (i = 0; i < n; i += 2)
			if (xs[i + 1] - xs[i] > *width) {
				*width = xs[i + 1] - xs[i];
				*lx = (xs[i] + xs[i + 1]) / 2;
				*ly = y;
			}
	}
}

static int by_area(const void *a, const void *b)
{
	const struct mapunit *x = a, *y = b;

	return x->area < y->area ? 1 : x->area > y->area ? -1 : x->feat - y->feat;
}

/* The projection (longitude scaled by the cosine of the middle latitude,
 * so that `size ratio -1` keeps shapes), the extent, each unit's area; the
 * units sorted largest first, so that one inside another's hole is drawn
 * over it. */
static void project(struct pmap *m)
{
	double lat0 = 0, lo = 1e9, hi = -1e9;
	size_t i;
	int k, r;

	for (i = 0; i < m->g.npt; i++) {
		lo = fmin(lo, m->g.pt[2 * i + 1]);
		hi = fmax(hi, m->g.pt[2 * i + 1]);
	}
	lat0 = m->g.npt ? (lo + hi) / 2 : 0;
	m->coslat = cos(lat0 * 3.14159265358979323846 / 180);
	m->x0 = m->y0 = 1e9;
	m->x1 = m->y1 = -1e9;
	for (i = 0; i < m->g.npt; i++) {
		m->x0 = fmin(m->x0, px(m, m->g.pt[2 * i]));
		m->x1 = fmax(m->x1, px(m, m->g.pt[2 * i]));
		m->y0 = fmin(m->y0, m->g.pt[2 * i + 1]);
		m->y1 = fmax(m->y1, m->g.pt[2 * i + 1]);
	}
	if (!(m->x1 > m->x0))
		m->x1 = m->x0 + 1e-3;
	if (!(m->y1 > m->y0))
		m->y1 = m->y0 + 1e-3;
	for (k = 0; k < m->n; k++) {
		const struct gj_feature *f = &m->g.f[m->mu[k].feat];
		double a = 0;

		for (r = f->ring0; r < f->ring0 + f->nring; r++)
			a += (m->g.ring[r].hole ? -1 : 1) * fabs(ring_area(m, &m->g.ring[r])) / 2;
		m->mu[k].area = a;
	}
	qsort(m->mu, (size_t)m->n, sizeof *m->mu, by_area);
}

/* ---- drawing ---- */

static unsigned rgb_of(const char *hex)
{
	return (unsigned)strtoul(hex + 1, NULL, 16);
}

/* t (0..1) along the ramp */
static unsigned ramp_at(int which, double t)
{
	unsigned a = rgb_of(ramp[which][0]), b = rgb_of(ramp[which][1]), out = 0;
	int s;

	t = t < 0 ? 0 : t > 1 ? 1 : t;
	for (s = 16; s >= 0; s -= 8) {
		double ca = (a >> s) & 255, cb = (b >> s) & 255;

		out |= (unsigned)lround(ca + (cb - ca) * t) << s;
	}
	return out;
}

static unsigned fill_of(const struct pmap *m, const struct mapunit *mu)
{
	if (mu->cls == M_NODATA)
		return rgb_of(cls[M_NODATA].color);
	if (m->mode == MODE_STATUS)
		return rgb_of(cls[mu->cls].color);
	if (m->mode == MODE_CRIT)
		return ramp_at(0, m->ncrit ? mu->value / m->ncrit : 1);
	return ramp_at(1, m->vmax > m->vmin ? (mu->value - m->vmin) / (m->vmax - m->vmin) : 0.5);
}

static const char *shown_name(const struct pmap *m, const struct mapunit *mu)
{
	const char *fname = m->g.f[mu->feat].name;

	if (mu->unit >= 0)
		return m->c->units.u[mu->unit].name;
	return *fname ? fname : m->g.f[mu->feat].code;
}

/* A legend swatch: "đạt (12)". */
static void key_entry(struct gp *g, const char *color, const char *label, int count, int *first)
{
	char text[300];

	snprintf(text, sizeof text, "%s (%d)", label, count);
	gp_cmd(g, "%skeyentry with boxes fs solid 1.0 border lc rgb '%s' fc rgb '%s' title ",
	       *first ? "" : ", ", BORDER_COLOR, color);
	gp_str(g, text);
	*first = 0;
}

/* Vietnamese tics on the colour box: about six from lo to hi. */
static void cb_tics(struct gp *g, double lo, double hi, int whole)
{
	double step = (hi - lo) / 5, mag, v;
	char num[64];
	int first = 1, dec, i;

	if (!(step > 0))
		step = 1;
	mag = pow(10, floor(log10(step)));
	step = mag * (step / mag > 5 ? 10 : step / mag > 2 ? 5 : step / mag > 1 ? 2 : 1);
	if (whole && step < 1)
		step = 1;
	dec = step >= 1 ? 0 : (int)ceil(-log10(step));
	gp_cmd(g, "set cbtics (");
	/* counted, not accumulated: a step too small for the values' precision
	 * would otherwise never get past them */
	for (i = 0, v = ceil(lo / step) * step; i < 12 && v <= hi + step * 1e-9;
	     i++, v = (ceil(lo / step) + i) * step) {
		gp_vnnum(num, sizeof num, fabs(v) < step * 1e-9 ? 0 : v, dec);
		gp_cmd(g, "%s", first ? "" : ", ");
		gp_str(g, num);
		gp_cmd(g, " %.10g", v);
		first = 0;
	}
	gp_cmd(g, ") scale 0.5\n");
}

/* The commands of the map for a w x h canvas; labels only where they fit. */
static void commands(struct pmap *m, struct gp *g, int w, int h, const char *title, const char *note)
{
	/* the plot area in screen fractions: the key and colour box on the right */
	double l = 0.02, r = 1 - fmin(0.4, 250.0 / w), b = note ? 0.05 : 0.02, t = 1 - fmin(0.2, 60.0 / h);
	double xr = m->x1 - m->x0, yr = m->y1 - m->y0, pad = 0.02 * fmax(xr, yr), s;
	double (*box)[4] = NULL;
	int count[M_N] = { 0 }, k, i, first = 1, nbox = 0, nlabel = 0, any_pal;

	xr += 2 * pad;
	yr += 2 * pad;
	/* pixels per projected unit: `size ratio -1` fits the extent inside the area */
	s = fmin((r - l) * w / xr, (t - b) * h / yr);
	/* the title from the left edge, above the map and the key: centred over
	 * a narrow province it would run off the picture */
	gp_cmd(g, "set label 9998 ");
	gp_str(g, title);
	gp_cmd(g, " at screen 0.02, screen %g left font ',13' noenhanced\n", 1 - 25.0 / h);
	if (note) {
		gp_cmd(g, "set label 9999 ");
		gp_str(g, note);
		gp_cmd(g, " at screen 0.01, screen 0.015 left font ',8' tc rgb '#555555' noenhanced\n");
	}
	gp_cmd(g, "unset border\nunset xtics\nunset ytics\nunset grid\nset size ratio -1\n"
	          "set lmargin at screen %g\nset rmargin at screen %g\n"
	          "set bmargin at screen %g\nset tmargin at screen %g\n"
	          "set xrange [%.6f:%.6f]\nset yrange [%.6f:%.6f]\n"
	          "set key at screen %g, screen %g left top Left reverse noenhanced samplen 1.5 spacing 1.3\n",
	          l, r, b, t, m->x0 - pad, m->x1 + pad, m->y0 - pad, m->y1 + pad, r + 0.02, t);
	/* the polygons: each ring a block, its colour in the third column; a
	 * unit's holes after it in the background colour */
	gp_cmd(g, "$p << EOD\n");
	for (k = 0; k < m->n; k++) {
		const struct gj_feature *f = &m->g.f[m->mu[k].feat];
		unsigned fill = fill_of(m, &m->mu[k]);

		count[m->mu[k].cls]++;
		for (i = f->ring0; i < f->ring0 + f->nring; i++) {
			const struct gj_ring *rg = &m->g.ring[i];
			const double *p = m->g.pt + 2 * rg->off;
			int j;

			for (j = 0; j < rg->n; j++)
				gp_cmd(g, "%.6f %.6f %u\n", px(m, p[2 * j]), p[2 * j + 1],
				       rg->hole ? rgb_of(HOLE_COLOR) : fill);
			gp_cmd(g, "\n");
		}
	}
	gp_cmd(g, "EOD\n");
	/* the names where they fit, largest units first, none over another */
	box = malloc((size_t)(m->n ? m->n : 1) * sizeof *box);
	for (k = 0; box && k < m->n; k++) {
		const char *name = shown_name(m, &m->mu[k]);
		/* 7 pt DejaVu Sans: about 5 pixels a letter to fit inside the unit
		 * (a little over its edge does no harm), 6 and a gap apart from
		 * another name (at 5, neighbours ran together: "Tam ThanhTam Lư") */
		double lx = 0, ly = 0, span, tw = 5.0 * (double)utf8_width(name) + 4, th = 11, bx, by;
		unsigned fill;

		label_point(m, &m->g.f[m->mu[k].feat], tw / s, &lx, &ly, &span);
		if (span * s < tw)
			continue;
		tw = 6.0 * (double)utf8_width(name) + 8;
		bx = (lx - m->x0 + pad) * s;
		by = (ly - m->y0 + pad) * s;
		for (i = 0; i < nbox; i++)
			if (fabs(box[i][0] - bx) < (box[i][2] + tw) / 2 && fabs(box[i][1] - by) < (box[i][3] + th) / 2)
				break;
		if (i < nbox)
			continue;
		box[nbox][0] = bx;
		box[nbox][1] = by;
		box[nbox][2] = tw;
		box[nbox][3] = th;
		nbox++;
		gp_cmd(g, "set label %d ", ++nlabel);
		gp_str(g, name);
		/* white on a dark fill: dark on the dark end of a ramp could not be read */
		fill = fill_of(m, &m->mu[k]);
		gp_cmd(g, " at %.6f, %.6f center front font ',7' tc rgb '%s' noenhanced\n", lx, ly,
		       0.299 * (fill >> 16) + 0.587 * (fill >> 8 & 255) + 0.114 * (fill & 255) < 120 ?
		       "#ffffff" : "#1a1a1a");
	}
	free(box);
	any_pal = m->mode != MODE_STATUS && count[M_NODATA] < m->n;
	if (any_pal) {
		double lo = m->mode == MODE_CRIT ? -0.5 : m->vmin, hi = m->mode == MODE_CRIT ? m->ncrit + 0.5 : m->vmax;

		if (!(hi > lo)) {
			lo -= 0.5;
			hi += 0.5;
		}
		gp_cmd(g, "set palette defined (0 '%s', 1 '%s')\n", ramp[m->mode == MODE_VAR][0],
		       ramp[m->mode == MODE_VAR][1]);
		if (m->mode == MODE_CRIT)
			gp_cmd(g, "set palette maxcolors %d\n", m->ncrit + 1);
		gp_cmd(g, "set cbrange [%.10g:%.10g]\n", lo, hi);
		cb_tics(g, m->mode == MODE_CRIT ? 0 : lo, m->mode == MODE_CRIT ? m->ncrit : hi,
		        m->mode == MODE_CRIT);
		gp_cmd(g, "set colorbox user origin screen %g, screen %g size screen 0.025, screen %g border\n",
		       r + 0.03, b + 0.05, (t - b) * 0.5);
		/* its name above it: beside it, the name would cross the tics; not
		 * label 9998, the title's; a variable's unit of measure (the title
		 * says its meaning), not its name, which ran off the picture */
		gp_cmd(g, "set label 9997 ");
		gp_str(g, m->mode == MODE_CRIT ? _("criteria met") : m->uom ? m->uom : m->var);
		gp_cmd(g, " at screen %g, screen %g left noenhanced\n", r + 0.03, b + 0.07 + (t - b) * 0.5);
	} else {
		gp_cmd(g, "unset colorbox\n");
	}
	gp_cmd(g, "plot $p using 1:2:3 with filledcurves closed lc rgb variable notitle, "
	          "$p using 1:2 with lines lw 0.6 lc rgb '%s' notitle", BORDER_COLOR);
	gp_cmd(g, ", \\\n  ");
	if (m->mode == MODE_STATUS) {
		for (k = 0; k < M_N; k++)
			if (count[k])
				key_entry(g, cls[k].color, _(cls[k].label), count[k], &first);
	} else if (count[M_NODATA]) {
		key_entry(g, cls[M_NODATA].color, _(cls[M_NODATA].label), count[M_NODATA], &first);
	}
	if (any_pal)
		/* nothing drawn: it only makes gnuplot show the colour box */
		gp_cmd(g, "%s$p using 1:(NaN):(0) with points lc palette z notitle", first ? "" : ", ");
	else if (first)
		gp_cmd(g, "keyentry notitle");
	gp_cmd(g, "\n");
}

/* ---- output ---- */

static int term_of(const char *name, const char *fmt, int *pdf)
{
	size_t n = strlen(name);

	*pdf = 0;
	if (fmt) {
		if (strcmp(fmt, "pdf") == 0) {
			*pdf = 1;
			return GP_PNG;
		}
		return gp_term_parse(fmt);
	}
	if (n > 4 && strcmp(name + n - 4, ".pdf") == 0) {
		*pdf = 1;
		return GP_PNG;
	}
	return n > 4 && strcmp(name + n - 4, ".svg") == 0 ? GP_SVG :
	       n > 4 && strcmp(name + n - 4, ".txt") == 0 ? GP_DUMB : GP_PNG;
}

static int draw(struct pmap *m, struct opt *opts, const char *title, const char *note)
{
	struct ctx *c = m->c;
	const char *out = opt_get(opts, "out"), *size = opt_get(opts, "size"), *name, *bad;
	struct outdir od = { .fd = -1 };
	struct gp g;
	FILE *img = NULL;
	int w = 1000, h = 0, term, pdf, rc = -1;
	char shown[512], *end;
	long a, b2;

	if (size) {
		a = strtol(size, &end, 10);
		b2 = *end == 'x' ? strtol(end + 1, &end, 10) : 0;
		if (*end || a < GP_SIZE_MIN || a > GP_SIZE_MAX || b2 < GP_SIZE_MIN || b2 > GP_SIZE_MAX)
			return err_set(&c->err, _("plot: --size '%s' is not WIDTHxHEIGHT, each %d to %d (e.g. 900x540)"),
			               size, GP_SIZE_MIN, GP_SIZE_MAX);
		w = (int)a;
		h = (int)b2;
	}
	if (outdir_of(&od, out, &name, &c->err) < 0)
		return -1;
	if ((bad = outfile_bad_name(name))) {
		err_set(&c->err, "%s: %s", outfile_shown(&od, name, shown, sizeof shown), bad);
		goto done;
	}
	if ((term = term_of(name, opt_get(opts, "format"), &pdf)) < 0 || term == GP_DUMB) {
		/* a text terminal has no fill: a map would be its borders at best */
		if (opt_get(opts, "format"))
			err_set(&c->err, _("plot map: a map is drawn as png, svg or pdf (--format '%s')"),
			        opt_get(opts, "format"));
		else
			err_set(&c->err, "%s", _("plot map: a map is drawn as png, svg or pdf (not as text)"));
		goto done;
	}
	if (!h) {
		/* tall enough for the province's shape beside a 250 px key */
		double ar = (m->y1 - m->y0) / (m->x1 - m->x0);

		h = (int)lround((w - 270) * ar + 90);
		h = h < 500 ? 500 : h > 1800 ? 1800 : h;
	}
	if (gp_open(&g, term, w, h, &c->err) < 0)
		goto done;
	/* gnuplot.h knows png, svg and dumb; pdf is cairo's too, sized in inches */
	if (pdf)
		gp_cmd(&g, "set terminal pdfcairo size %.2fin,%.2fin font '%s,10' noenhanced\nset output\n",
		       w / 96.0, h / 96.0, GP_FONT);
	commands(m, &g, w, h, title, note);
	if (!(img = gp_tmpfile(&c->err))) {
		gp_discard(&g);
		goto done;
	}
	if (gp_run(&g, fileno(img), &c->err) < 0)
		goto done;
	rc = outfile_copy(&od, name, fileno(img), &c->err);
done:
	if (img)
		fclose(img);
	outdir_close(&od);
	return rc;
}

/* --csv: each feature in the file's order: code, name, and what it was
 * drawn as (eval's status codes, criteria met, the figure; empty: none). */
static int write_csv(struct pmap *m, const char *file)
{
	struct ctx *c = m->c;
	struct outdir d = { .fd = -1 };
	struct outfile o;
	const char *name;
	struct mapunit **order;
	int k, rc = -1;

	if (!(order = calloc((size_t)(m->g.n ? m->g.n : 1), sizeof *order)))
		return err_set(&c->err, "%s", _("out of memory"));
	for (k = 0; k < m->n; k++)
		order[m->mu[k].feat] = &m->mu[k];
	if (outdir_of(&d, file, &name, &c->err) < 0 || outfile_begin(&o, &d, name, &c->err) < 0)
		goto done;
	fprintf(o.f, "code,name,%s\n", m->mode == MODE_STATUS ? "status" :
	        m->mode == MODE_CRIT ? "criteria_met" : m->var);
	for (k = 0; k < m->g.n; k++) {
		const struct mapunit *mu = order[k];

		csv_put(o.f, m->g.f[k].code);
		putc(',', o.f);
		csv_put(o.f, shown_name(m, mu));
		if (mu->cls == M_NODATA)
			fputs(",\n", o.f);
		else if (m->mode == MODE_STATUS)
			fprintf(o.f, ",%s\n", cls[mu->cls].code);
		else
			fprintf(o.f, ",%.10g\n", mu->value);
	}
	rc = outfile_commit(&o, &c->err);
done:
	outdir_close(&d);
	free(order);
	return rc;
}

/* Text from a user's file on stderr: control characters (a terminal's
 * escapes) left out. */
static void put_text(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x20 && *s != 0x7f)
			putc(*s, stderr);
}

/* The features with no data, in the file's order (before project() sorts
 * them), said on stderr with the reason. */
static void say_no_data(const struct pmap *m)
{
	int k, n = 0, shown = 0;

	for (k = 0; k < m->n; k++)
		n += m->mu[k].cls == M_NODATA;
	if (!n)
		return;
	fprintf(stderr, _("ntm: note: %d of %d units drawn as no data:"), n, m->n);
	for (k = 0; k < m->n && shown < n; k++) {
		if (m->mu[k].cls != M_NODATA)
			continue;
		if (shown == 12) {
			fprintf(stderr, _(" and %d more"), n - shown);
			break;
		}
		fprintf(stderr, "%s ", shown ? "," : "");
		put_text(m->g.f[k].code);
		putc(' ', stderr);
		put_text(shown_name(m, &m->mu[k]));
		fprintf(stderr, " (%s)", m->mu[k].why);
		shown++;
	}
	fprintf(stderr, "\n");
}

int plot_map(struct ctx *c, struct opt *opts)
{
	const char *by = opt_get(opts, "by"), *bpath = opt_get(opts, "boundaries");
	struct pmap m;
	struct coded *cx = NULL;
	int *unit = NULL, k, y0, y1, rc = -1, as_of = c->as_of;
	char path[4400], title[1200], *note = NULL;

	memset(&m, 0, sizeof m);
	m.c = c;
	m.set_id = opt_get(opts, "set");
	m.var = opt_get(opts, "var");
	if (!m.set_id && !m.var)
		return err_set(&c->err, "%s", _("plot map: give --set SET (--by status or criteria) or --var NAME"));
	if (m.set_id && m.var)
		return err_set(&c->err, "%s", _("plot map: give --set SET or --var NAME, not both"));
	if (by && !m.set_id)
		return err_set(&c->err, "%s", _("plot map: --by goes with --set"));
	if (by && strcmp(by, "status") != 0 && strcmp(by, "criteria") != 0)
		return err_set(&c->err, _("plot map: --by '%s' is not status or criteria"), by);
	m.mode = m.var ? MODE_VAR : by && strcmp(by, "criteria") == 0 ? MODE_CRIT : MODE_STATUS;
	if (!opt_get(opts, "unit") || !opt_get(opts, "year"))
		return err_set(&c->err, "%s", _("plot map: give --unit PROVINCE (a name or code) and --year Y"));
	if (opt_years(opt_get(opts, "year"), &y0, &y1) < 0 || y0 != y1)
		return err_set(&c->err, _("plot map: --year '%s' is not a year"), opt_get(opts, "year"));
	m.year = y0;
	if ((m.top = ctx_find_unit(c, opt_get(opts, "unit"))) < 0)
		return -1;
	if (bpath)
		snprintf(path, sizeof path, "%s", bpath);
	else if (find_boundaries(c, m.top, path, sizeof path) < 0)
		return -1;
	m.path = path;
	if (geojson_read(path, &m.g, &c->err) < 0)
		goto done;
	if (m.g.n == 0) {
		err_set(&c->err, _("plot map: %s has no features: nothing to draw"), path);
		goto done;
	}
	if (!bpath)
		fprintf(stderr, _("ntm: note: boundaries from %s\n"), path);
	/* the features by code, to match the units */
	cx = malloc((size_t)m.g.n * sizeof *cx);
	unit = malloc((size_t)m.g.n * sizeof *unit);
	m.mu = calloc((size_t)m.g.n, sizeof *m.mu);
	if (!cx || !unit || !m.mu) {
		err_set(&c->err, "%s", _("out of memory"));
		goto done;
	}
	for (k = 0; k < m.g.n; k++) {
		cx[k].code = m.g.f[k].code;
		cx[k].feat = k;
	}
	qsort(cx, (size_t)m.g.n, sizeof *cx, by_code);
	if (map_year(&m, cx, unit, opt_get(opts, "map-year")) < 0)
		goto done;
	m.n = m.g.n;
	for (k = 0; k < m.n; k++) {
		m.mu[k].feat = k;
		m.mu[k].unit = unit[k];
		if (unit[k] < 0)
			no_data(&m.mu[k], _("no unit with this code in %s in %d"), c->units.u[m.top].name, m.map_year);
	}
	if (m.map_year != m.year) {
		/* the map's units judged in the year: each combines its old units */
		c->as_of = m.map_year;
		fprintf(stderr, _("ntm: note: the map's units are those of %d; %d is judged on them, as "
		        "with --as-of %d\n"), m.map_year, m.year, m.map_year);
	}
	if ((m.mode == MODE_VAR ? figures(&m) : judge(&m)) < 0)
		goto done;
	lineage_notes_print(&c->notes, c->as_of, stderr);
	say_no_data(&m);
	m.vmin = INFINITY;
	m.vmax = -INFINITY;
	for (k = 0; k < m.n; k++)
		if (m.mu[k].cls != M_NODATA) {
			m.vmin = fmin(m.vmin, m.mu[k].value);
			m.vmax = fmax(m.vmax, m.mu[k].value);
		}
	project(&m);
	/* the title: what, where, when; the map's year when another */
	if (opt_get(opts, "title"))
		snprintf(title, sizeof title, "%s", opt_get(opts, "title"));
	else if (m.mode == MODE_STATUS)
		snprintf(title, sizeof title, _("%s: status under %s, %d"), c->units.u[m.top].name, m.set_id,
		         m.year);
	else if (m.mode == MODE_CRIT)
		snprintf(title, sizeof title, _("%s: criteria of %s met, %d"), c->units.u[m.top].name,
		         m.set_id, m.year);
	else
		snprintf(title, sizeof title, _("%s: %s in %d"), c->units.u[m.top].name, m.var, m.year);
	if (m.mode == MODE_VAR && !opt_get(opts, "title")) {
		int64_t vi;

		if (map_get(&c->vars.by_name, m.var, &vi) && c->vars.v[vi].meaning[0])
			snprintf(title, sizeof title, _("%s: %s in %d"), c->units.u[m.top].name,
			         c->vars.v[vi].meaning, m.year);
	}
	if (m.map_year != m.year && strlen(title) + 80 < sizeof title)
		snprintf(title + strlen(title), sizeof title - strlen(title), _(" (units of %d)"), m.map_year);
	if (c->scenario_name && !strstr(title, c->scenario_name) && strlen(title) + 200 < sizeof title)
		snprintf(title + strlen(title), sizeof title - strlen(title), _(" (scenario %.150s)"),
		         c->scenario_name);
	if (opt_get(opts, "source")) {
		size_t n = strlen(opt_get(opts, "source")) + 32;

		if (!(note = malloc(n))) {
			err_set(&c->err, "%s", _("out of memory"));
			goto done;
		}
		snprintf(note, n, "%s%s", _("Source: "), opt_get(opts, "source"));
	}
	if (opt_get(opts, "csv") && write_csv(&m, opt_get(opts, "csv")) < 0)
		goto done;
	if (draw(&m, opts, title, note) < 0)
		goto done;
	printf(_("wrote %s%s%s\n"), opt_get(opts, "out"), opt_get(opts, "csv") ? _(" and ") : "",
	       opt_get(opts, "csv") ? opt_get(opts, "csv") : "");
	rc = 0;
done:
	c->as_of = as_of;
	free(note);
	free(cx);
	free(unit);
	free(m.mu);
	geojson_free(&m.g);
	return rc;
}
