/* critdiff.c - compares two criteria sets (critdiff.h). Indicators match by
 * id or as declared renumbered; thresholds are resolved with
 * crit_thr_resolve for each region and for the years compared (both sets
 * in force, or each in its own), and the cells that change the same way
 * are reported together ("tdmnpb, tn 2022-2025"). */
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "critdiff.h"
#include "store.h"

const char *const critdiff_kind_name[CD_N] = {
	"added", "removed", "moved", "tightened", "loosened", "status", "changed",
};

static char *dup(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Appends a change; copies every string. Returns -1 when out of memory. */
static int add(struct critdiff *d, int kind, const char *crit, const char *ind,
               const char *field, const char *where, const char *before, const char *after)
{
	struct cdchange *c;

	if (d->n == d->cap) {
		int cap = d->cap ? 2 * d->cap : 16;
		void *p = realloc(d->c, (size_t)cap * sizeof *d->c);

		if (!p)
			return -1;
		d->c = p;
		d->cap = cap;
	}
	c = &d->c[d->n];
	c->kind = kind;
	c->criterion = dup(crit);
	c->indicator = dup(ind);
	c->field = dup(field);
	c->where = dup(where);
	c->before = dup(before);
	c->after = dup(after);
	d->n++;
	d->count[kind]++;
	if ((crit && !c->criterion) || (ind && !c->indicator) || !c->field ||
	    (where && !c->where) || (before && !c->before) || (after && !c->after))
		return -1;
	return 0;
}

/* A field that differs becomes a CD_CHANGED line. */
static int field(struct critdiff *d, const char *crit, const char *ind, const char *name,
                 const char *a, const char *b)
{
	if (same(a, b))
		return 0;
	return add(d, CD_CHANGED, crit, ind, name, NULL, a ? a : "-", b ? b : "-");
}

/* One region-and-year cell of a threshold comparison; cells with the same
 * key are reported on one line. */
struct cellkey {
	int kind;
	double va, vb;       /* the numbers; a range's lower ends */
	double ha, hb;       /* a range's upper ends (= va, vb for a number) */
	int sa, sb;
};

struct group {
	struct cellkey k;
	unsigned char *on;   /* [region * nyear + year - y0]: the years compared */
	unsigned char *on_b; /* sets apart: the later set's years, the same way */
};

/* The years compared: both sets' years when they are in force together,
 * else (apart) each set's own: a's in ya, b's in yb. */
struct span {
	int ya0, nya, yb0, nyb, apart;
};

static void thr_text(int cmp, double v, double h, int status, char *buf, size_t cap)
{
	if (status == TS_UNSET)
		snprintf(buf, cap, "not set");
	else if (status == TS_RANGE && isinf(h))
		snprintf(buf, cap, "%s %g–∞ (range)", cmp == CMP_MAX ? "≤" : "≥", v);
	else if (status == TS_RANGE)
		snprintf(buf, cap, "%s %g–%g (range)", cmp == CMP_MAX ? "≤" : "≥", v, h);
	else
		snprintf(buf, cap, "%s %g%s", cmp == CMP_MAX ? "≤" : "≥", v,
		         status == TS_DRAFT ? " (draft)" : "");
}

/* "2022-2025" or "2021, 2023-2024" for the years marked in on[0..ny). */
static void years_text(const unsigned char *on, int y0, int ny, char *buf, size_t cap)
{
	size_t len = 0;
	int i = 0, j;

	buf[0] = '\0';
	while (i < ny) {
		if (!on[i]) {
			i++;
			continue;
		}
		for (j = i; j + 1 < ny && on[j + 1]; j++)
			;
		if (len < cap)
			len += (size_t)snprintf(buf + len, cap - len, "%s%d", len ? ", " : "", y0 + i);
		if (j > i && len < cap)
			len += (size_t)snprintf(buf + len, cap - len, "-%d", y0 + j);
		i = j + 1;
	}
}

/* The years of region r a group holds, as text: "2022-2025", or for sets
 * apart "2016-2020 -> 2021-2025" (the earlier set's years, the later's). */
static void region_years(const struct group *g, const struct span *sp, int r, char *buf, size_t cap)
{
	char b[128];
	size_t n;

	years_text(g->on + r * sp->nya, sp->ya0, sp->nya, buf, cap);
	if (!sp->apart || !buf[0])
		return;
	years_text(g->on_b + r * sp->nyb, sp->yb0, sp->nyb, b, sizeof b);
	n = strlen(buf);
	snprintf(buf + n, cap - n, " -> %s", b);
}

/* "all regions 2022-2025", or regions grouped by the years they change in. */
static void where_text(const struct group *g, const struct span *sp, char *buf, size_t cap)
{
	char yt[RG_N][260];
	int done[RG_N] = { 0 };
	int r, s, all = 1;
	size_t len = 0;

	for (r = 0; r < RG_N; r++) {
		region_years(g, sp, r, yt[r], sizeof yt[r]);
		if (!yt[r][0] || strcmp(yt[r], yt[0]) != 0)
			all = 0;
	}
	if (all) {
		snprintf(buf, cap, "all regions %s", yt[0]);
		return;
	}
	buf[0] = '\0';
	for (r = 0; r < RG_N; r++) {
		if (done[r] || !yt[r][0])
			continue;
		if (len < cap)
			len += (size_t)snprintf(buf + len, cap - len, "%s%s", len ? "; " : "",
			                        store_region_name[r]);
		for (s = r + 1; s < RG_N; s++)
			if (!done[s] && strcmp(yt[s], yt[r]) == 0) {
				done[s] = 1;
				if (len < cap)
					len += (size_t)snprintf(buf + len, cap - len, ", %s", store_region_name[s]);
			}
		if (len < cap)
			len += (size_t)snprintf(buf + len, cap - len, " %s", yt[r]);
	}
}

static int same_key(const struct cellkey *x, const struct cellkey *y)
{
	return x->kind == y->kind && x->va == y->va && x->vb == y->vb && x->ha == y->ha &&
	       x->hb == y->hb && x->sa == y->sa &&
	       x->sb == y->sb;
}

static int classify(int cmp, const struct thr_value *a, const struct thr_value *b,
                    struct cellkey *k)
{
	memset(k, 0, sizeof *k);
	k->sa = a->status;
	k->sb = b->status;
	k->va = a->status == TS_UNSET ? 0 : a->status == TS_RANGE ? a->lo : a->value;
	k->vb = b->status == TS_UNSET ? 0 : b->status == TS_RANGE ? b->lo : b->value;
	k->ha = a->status == TS_RANGE ? a->hi : k->va;
	k->hb = b->status == TS_RANGE ? b->hi : k->vb;
	if (k->sa == TS_UNSET && k->sb == TS_UNSET)
		return 0;
	if (k->sa == TS_UNSET || k->sb == TS_UNSET) {
		k->kind = CD_STATUS;
		return 1;
	}
	if (k->va == k->vb && k->ha == k->hb) {
		k->kind = CD_STATUS;
		return k->sa != k->sb;
	}
	/* a range moves as a whole: both ends up (down) or it only changed */
	if ((k->vb >= k->va && k->hb >= k->ha) == (k->vb <= k->va && k->hb <= k->ha)) {
		k->kind = CD_CHANGED;
		return 1;
	}
	if (cmp == CMP_MAX)
		k->kind = k->vb <= k->va && k->hb <= k->ha ? CD_TIGHTENED : CD_LOOSENED;
	else
		k->kind = k->vb >= k->va && k->hb >= k->ha ? CD_TIGHTENED : CD_LOOSENED;
	return 1;
}

/* Thresholds of two indicators with the same comparison, cell by cell over
 * every region and the years compared: the same year in both sets, or for
 * sets apart every year of a's against every year of b's (a cell group is
 * then the years of a with one value against the years of b with another). */
static int thresholds(struct critdiff *d, const char *crit, const struct indicator *ia,
                      const struct indicator *ib, const struct span *sp)
{
	int ng = 0, r, i, j, rc = 0, nb = sp->apart ? sp->nyb : 1;
	size_t cells = (size_t)RG_N * (size_t)sp->nya * (size_t)nb;
	struct group *g = calloc(cells, sizeof *g);
	char before[64], after[64], where[600];

	if (!g)
		return -1;
	for (r = 0; r < RG_N && rc == 0; r++)
		for (i = 0; i < sp->nya && rc == 0; i++)
			for (j = 0; j < nb; j++) {
				struct thr_value va, vb;
				struct cellkey k;
				int m;

				crit_thr_resolve(ia->thr, r, sp->ya0 + i, &va);
				crit_thr_resolve(ib->thr, r, sp->apart ? sp->yb0 + j : sp->ya0 + i, &vb);
				if (!classify(ia->cmp, &va, &vb, &k))
					continue;
				for (m = 0; m < ng && !same_key(&g[m].k, &k); m++)
					;
				if (m == ng) {
					g[ng].k = k;
					g[ng].on = calloc((size_t)RG_N * (size_t)sp->nya, 1);
					g[ng].on_b = calloc((size_t)RG_N * (size_t)(sp->apart ? sp->nyb : 1), 1);
					ng++;
					if (!g[m].on || !g[m].on_b) {
						rc = -1;
						break;
					}
				}
				g[m].on[r * sp->nya + i] = 1;
				if (sp->apart)
					g[m].on_b[r * sp->nyb + j] = 1;
			}
	for (i = 0; i < ng && rc == 0; i++) {
		thr_text(ia->cmp, g[i].k.va, g[i].k.ha, g[i].k.sa, before, sizeof before);
		thr_text(ib->cmp, g[i].k.vb, g[i].k.hb, g[i].k.sb, after, sizeof after);
		where_text(&g[i], sp, where, sizeof where);
		rc = add(d, g[i].k.kind, crit, ib->id, "threshold", where, before, after);
	}
	for (i = 0; i < ng; i++) {
		free(g[i].on);
		free(g[i].on_b);
	}
	free(g);
	return rc;
}

/* Whether any part of t is computed for each unit and year (T_EXPR): such
 * a threshold has no value to resolve per region and year. */
static int thr_computed(const struct thr *t)
{
	int i;

	if (!t)
		return 0;
	if (t->kind == T_EXPR)
		return 1;
	if (thr_computed(t->inner) || thr_computed(t->dflt))
		return 1;
	for (i = 0; i < RG_N; i++)
		if (thr_computed(t->region[i]))
			return 1;
	for (i = 0; i < t->nyear; i++)
		if (thr_computed(t->by_year[i]))
			return 1;
	return 0;
}

static const char *cmp_name(const struct indicator *d)
{
	if (d->cmp == CMP_MUST)
		return d->must ? "must hold" : "must not hold";
	return d->cmp == CMP_MIN ? "min" : "max";
}

static int indicator(struct critdiff *d, const struct critset *a, const struct indicator *ia,
                     const struct critset *b, const struct indicator *ib, const struct span *sp)
{
	const char *crit = b->crit[ib->criterion].id, *id = ib->id;
	char xa[1024], xb[1024];
	int rc = 0;

	rc |= field(d, crit, id, "criterion", a->crit[ia->criterion].id, crit);
	rc |= field(d, crit, id, "name", ia->name, ib->name);
	crit_expr_format(a, ia->measure, xa, sizeof xa);
	crit_expr_format(b, ib->measure, xb, sizeof xb);
	rc |= field(d, crit, id, "measure", xa, xb);
	xa[0] = xb[0] = '\0';
	if (ia->applies)
		crit_expr_format(a, ia->applies, xa, sizeof xa);
	if (ib->applies)
		crit_expr_format(b, ib->applies, xb, sizeof xb);
	rc |= field(d, crit, id, "applies", *xa ? xa : "always", *xb ? xb : "always");
	rc |= field(d, crit, id, "unit", ia->unit, ib->unit);
	if (ia->cmp != ib->cmp || (ia->cmp == CMP_MUST && ia->must != ib->must)) {
		rc |= field(d, crit, id, "comparison", cmp_name(ia), cmp_name(ib));
		if (ia->cmp != CMP_MUST && ib->cmp != CMP_MUST) {
			crit_thr_format_in(a, ia->thr, xa, sizeof xa);
			crit_thr_format_in(b, ib->thr, xb, sizeof xb);
			rc |= field(d, crit, id, "threshold", xa, xb);
		}
	} else if (ia->cmp != CMP_MUST && (thr_computed(ia->thr) || thr_computed(ib->thr))) {
		/* a threshold computed per unit is compared as it is written */
		crit_thr_format_in(a, ia->thr, xa, sizeof xa);
		crit_thr_format_in(b, ib->thr, xb, sizeof xb);
		rc |= field(d, crit, id, "threshold", xa, xb);
	} else if (ia->cmp != CMP_MUST) {
		rc |= thresholds(d, crit, ia, ib, sp);
	}
	rc |= field(d, crit, id, "cite", ia->cite, ib->cite);
	return rc ? -1 : 0;
}

/* The indicator added or removed, with what it asks. */
static int whole(struct critdiff *d, int kind, const struct critset *s, const struct indicator *x)
{
	char thr[512], text[1024];

	thr[0] = '\0';
	if (x->cmp != CMP_MUST)
		crit_thr_format_in(s, x->thr, thr, sizeof thr);
	snprintf(text, sizeof text, "%s: %s%s%s", x->name, cmp_name(x), *thr ? " " : "", thr);
	return add(d, kind, s->crit[x->criterion].id, x->id, "indicator", NULL,
	           kind == CD_REMOVED ? text : NULL, kind == CD_ADDED ? text : NULL);
}

static int set_fields(struct critdiff *d, const struct critset *a, const struct critset *b)
{
	char ya[32], yb[32];
	int rc = 0;

	rc |= field(d, NULL, NULL, "title", a->title, b->title);
	rc |= field(d, NULL, NULL, "decision", a->decision, b->decision);
	rc |= field(d, NULL, NULL, "level", a->level, b->level);
	snprintf(ya, sizeof ya, "%d-%d", a->year_from, a->year_to);
	snprintf(yb, sizeof yb, "%d-%d", b->year_from, b->year_to);
	rc |= field(d, NULL, NULL, "years", ya, yb);
	rc |= field(d, NULL, NULL, "province", a->province ? a->province : "national",
	            b->province ? b->province : "national");
	rc |= field(d, NULL, NULL, "recognises", a->recognises, b->recognises);
	return rc ? -1 : 0;
}

/* Which indicator of a each of b's is (match[j], -1 for none), and whether
 * it was renumbered (moved[j]); taken[k] marks a's indicators matched. A
 * renumbering b inherited from a set a shares (a has b's id, declared
 * renumbered from the same id) is no renumbering between a and b. */
static void match_indicators(const struct critset *a, const struct critset *b,
                             const struct cdrenum *map, int nmap, int *match,
                             unsigned char *moved, unsigned char *taken)
{
	int i, j, k;

	for (j = 0; j < b->nind; j++)
		match[j] = -1;
	for (i = 0; i < nmap; i++) {
		j = crit_find_indicator(b, map[i].new);
		k = crit_find_indicator(a, map[i].old);
		if (j >= 0 && k >= 0 && match[j] < 0 && !taken[k] && strcmp(map[i].old, map[i].new) != 0) {
			match[j] = k;
			moved[j] = taken[k] = 1;
		}
	}
	for (j = 0; j < b->nind; j++) {
		const char *from = b->ind[j].renumbered_from;
		int same;

		if (match[j] >= 0 || !from || (k = crit_find_indicator(a, from)) < 0 || taken[k])
			continue;
		same = crit_find_indicator(a, b->ind[j].id);
		if (same >= 0 && a->ind[same].renumbered_from && strcmp(a->ind[same].renumbered_from, from) == 0)
			continue;
		match[j] = k;
		moved[j] = taken[k] = 1;
	}
	for (j = 0; j < b->nind; j++)
		if (match[j] < 0 && (k = crit_find_indicator(a, b->ind[j].id)) >= 0 && !taken[k]) {
			match[j] = k;
			taken[k] = 1;
		}
}

int critdiff(const struct critset *a, const struct critset *b, struct critdiff *d)
{
	return critdiff_map(a, b, NULL, 0, d);
}

int critdiff_map(const struct critset *a, const struct critset *b, const struct cdrenum *map,
                 int nmap, struct critdiff *d)
{
	int *match = calloc((size_t)b->nind + 1, sizeof *match);
	unsigned char *moved = calloc((size_t)b->nind + 1, 1), *taken = calloc((size_t)a->nind + 1, 1);
	struct span sp;
	int i, j, k, rc;

	memset(d, 0, sizeof *d);
	if (!match || !moved || !taken) {
		free(match), free(moved), free(taken);
		return -1;
	}
	/* the years both are in force; none: each set in its own */
	d->y0 = a->year_from > b->year_from ? a->year_from : b->year_from;
	d->y1 = a->year_to < b->year_to ? a->year_to : b->year_to;
	d->apart = d->y0 > d->y1;
	sp.apart = d->apart;
	sp.ya0 = d->apart ? a->year_from : d->y0;
	sp.nya = (d->apart ? a->year_to : d->y1) - sp.ya0 + 1;
	sp.yb0 = b->year_from;
	sp.nyb = b->year_to - b->year_from + 1;
	match_indicators(a, b, map, nmap, match, moved, taken);
	rc = set_fields(d, a, b);
	/* in the second set's order; what the first set alone has comes with
	 * the criterion it was in, or at the end when that criterion is gone */
	for (i = 0; i < b->ncrit && rc == 0; i++) {
		const struct criterion *cb = &b->crit[i];

		k = crit_find_criterion(a, cb->id);
		if (k < 0)
			rc |= add(d, CD_ADDED, cb->id, NULL, "criterion", NULL, NULL, cb->name);
		else
			rc |= field(d, cb->id, NULL, "criterion name", a->crit[k].name, cb->name);
		for (j = 0; k >= 0 && j < a->crit[k].n; j++)
			if (!taken[a->crit[k].first + j])
				rc |= whole(d, CD_REMOVED, a, &a->ind[a->crit[k].first + j]);
		for (j = cb->first; j < cb->first + cb->n; j++) {
			const struct indicator *ib = &b->ind[j];

			if (match[j] < 0) {
				rc |= whole(d, CD_ADDED, b, ib);
				continue;
			}
			if (moved[j])
				rc |= add(d, CD_MOVED, cb->id, ib->id, "indicator", NULL, a->ind[match[j]].id,
				          ib->id);
			rc |= indicator(d, a, &a->ind[match[j]], b, ib, &sp);
		}
	}
	for (i = 0; i < a->ncrit && rc == 0; i++) {
		const struct criterion *ca = &a->crit[i];

		if (crit_find_criterion(b, ca->id) >= 0)
			continue;
		rc |= add(d, CD_REMOVED, ca->id, NULL, "criterion", NULL, ca->name, NULL);
		for (j = ca->first; j < ca->first + ca->n; j++)
			if (!taken[j])
				rc |= whole(d, CD_REMOVED, a, &a->ind[j]);
	}
	free(match);
	free(moved);
	free(taken);
	if (rc) {
		critdiff_free(d);
		return -1;
	}
	return 0;
}

void critdiff_free(struct critdiff *d)
{
	int i;

	for (i = 0; i < d->n; i++) {
		free(d->c[i].criterion);
		free(d->c[i].indicator);
		free(d->c[i].field);
		free(d->c[i].where);
		free(d->c[i].before);
		free(d->c[i].after);
	}
	free(d->c);
	memset(d, 0, sizeof *d);
}
