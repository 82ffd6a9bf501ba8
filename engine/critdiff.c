/* critdiff.c - compares two criteria sets (critdiff.h). Thresholds are
 * resolved with crit_thr_resolve for each region and year, and the cells
 * that change the same way are reported together ("tdmnpb, tn 2022-2025"). */
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "critdiff.h"
#include "store.h"

const char *const critdiff_kind_name[CD_N] = {
	"added", "removed", "tightened", "loosened", "status", "changed",
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
	unsigned char *on;   /* [region * nyear + year - y0] */
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

/* "all regions 2022-2025", or regions grouped by the years they change in. */
static void where_text(const struct group *g, int y0, int ny, char *buf, size_t cap)
{
	char yt[RG_N][128];
	int done[RG_N] = { 0 };
	int r, s, all = 1;
	size_t len = 0;

	for (r = 0; r < RG_N; r++) {
		years_text(g->on + r * ny, y0, ny, yt[r], sizeof yt[r]);
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
 * every region and the years y0..y1. */
static int thresholds(struct critdiff *d, const char *crit, const struct indicator *ia,
                      const struct indicator *ib, int y0, int y1)
{
	int ny = y1 - y0 + 1, ng = 0, r, y, i, rc = 0;
	struct group *g = calloc((size_t)RG_N * (size_t)ny, sizeof *g);
	char before[64], after[64], where[512];

	if (!g)
		return -1;
	for (r = 0; r < RG_N && rc == 0; r++)
		for (y = y0; y <= y1; y++) {
			struct thr_value va, vb;
			struct cellkey k;

			crit_thr_resolve(ia->thr, r, y, &va);
			crit_thr_resolve(ib->thr, r, y, &vb);
			if (!classify(ia->cmp, &va, &vb, &k))
				continue;
			for (i = 0; i < ng && !same_key(&g[i].k, &k); i++)
				;
			if (i == ng) {
				g[ng].k = k;
				if (!(g[ng].on = calloc((size_t)RG_N * (size_t)ny, 1))) {
					rc = -1;
					break;
				}
				ng++;
			}
			g[i].on[r * ny + y - y0] = 1;
		}
	for (i = 0; i < ng && rc == 0; i++) {
		thr_text(ia->cmp, g[i].k.va, g[i].k.ha, g[i].k.sa, before, sizeof before);
		thr_text(ib->cmp, g[i].k.vb, g[i].k.hb, g[i].k.sb, after, sizeof after);
		where_text(&g[i], y0, ny, where, sizeof where);
		rc = add(d, g[i].k.kind, crit, ib->id, "threshold", where, before, after);
	}
	for (i = 0; i < ng; i++)
		free(g[i].on);
	free(g);
	return rc;
}

static const char *cmp_name(const struct indicator *d)
{
	if (d->cmp == CMP_MUST)
		return d->must ? "must hold" : "must not hold";
	return d->cmp == CMP_MIN ? "min" : "max";
}

static int indicator(struct critdiff *d, const struct critset *a, const struct indicator *ia,
                     const struct critset *b, const struct indicator *ib, int y0, int y1)
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
			crit_thr_format(ia->thr, xa, sizeof xa);
			crit_thr_format(ib->thr, xb, sizeof xb);
			rc |= field(d, crit, id, "threshold", xa, xb);
		}
	} else if (ia->cmp != CMP_MUST) {
		rc |= thresholds(d, crit, ia, ib, y0, y1);
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
		crit_thr_format(x->thr, thr, sizeof thr);
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

int critdiff(const struct critset *a, const struct critset *b, struct critdiff *d)
{
	int y0 = a->year_from < b->year_from ? a->year_from : b->year_from;
	int y1 = a->year_to > b->year_to ? a->year_to : b->year_to;
	int i, j, k, rc;

	memset(d, 0, sizeof *d);
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
		for (j = 0; k >= 0 && j < a->crit[k].n; j++) {
			const struct indicator *x = &a->ind[a->crit[k].first + j];

			if (crit_find_indicator(b, x->id) < 0)
				rc |= whole(d, CD_REMOVED, a, x);
		}
		for (j = cb->first; j < cb->first + cb->n; j++) {
			k = crit_find_indicator(a, b->ind[j].id);
			if (k < 0)
				rc |= whole(d, CD_ADDED, b, &b->ind[j]);
			else
				rc |= indicator(d, a, &a->ind[k], b, &b->ind[j], y0, y1);
		}
	}
	for (i = 0; i < a->ncrit && rc == 0; i++) {
		const struct criterion *ca = &a->crit[i];

		if (crit_find_criterion(b, ca->id) >= 0)
			continue;
		rc |= add(d, CD_REMOVED, ca->id, NULL, "criterion", NULL, ca->name, NULL);
		for (j = ca->first; j < ca->first + ca->n; j++)
			if (crit_find_indicator(b, a->ind[j].id) < 0)
				rc |= whole(d, CD_REMOVED, a, &a->ind[j]);
	}
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
