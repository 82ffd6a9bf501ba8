/* hier.c - evaluation across the hierarchy (hier.h). The sets a run
 * depends on are loaded by id, evaluated once for every unit of their level
 * in scope (in or below the root run's units) and kept by id, so a set used
 * twice (a district's share of communes meeting the commune set, and the
 * advanced set's own precondition on it) is evaluated once. A derived
 * figure is unknown (NAN) when any unit it counts has no result: a share of
 * communes meeting a set is not guessed from the communes that could be
 * judged. */
#include "hier.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"

static int cycle(struct ctx *c, struct hier *h, const char *id)
{
	int i;

	err_set(&c->err, "%s", _("sets depend on each other:"));
	for (i = 0; i < h->depth; i++)
		err_append(&c->err, " %s ->", h->chain[i]);
	err_append(&c->err, _(" %s (meets, share_meeting and count_meeting must "
	                  "not lead back to the set that uses them)"), id);
	return -1;
}

static int fill(struct ctx *c, struct hier *h, struct evalrun *r);

/* The units of level in scope, in unit order; *n set. NULL on no memory. */
static int *in_scope(struct ctx *c, const struct hier *h, int level, int *n)
{
	int *u = malloc((c->units.n ? c->units.n : 1) * sizeof *u);
	size_t k;

	*n = 0;
	for (k = 0; u && k < c->units.n; k++)
		if (h->scope[k] && c->units.u[k].level == level &&
		    lineage_judged(&c->units.u[k], c->as_of, h->year_from, h->year_from + h->nyear - 1))
			u[(*n)++] = (int)k;
	return u;
}

/* Evaluates the set hs names over its units in scope. */
static int evaluate(struct ctx *c, struct hier *h, struct hier_set *hs, struct critset *s)
{
	int y0 = h->year_from > s->year_from ? h->year_from : s->year_from;
	int y1 = h->year_from + h->nyear - 1, *units, n, rc;

	if (y1 > s->year_to)
		y1 = s->year_to;
	hs->level = store_level_parse(s->level);
	if (!(units = in_scope(c, h, hs->level, &n))) {
		crit_free(s);
		return err_set(&c->err, "%s", _("out of memory"));
	}
	hs->in_force = y0 <= y1;
	if (n == 0 || !hs->in_force) {
		/* nothing to evaluate; keep the set for its id and level */
		memset(&hs->run, 0, sizeof hs->run);
		hs->run.set = s;
		hs->run.units = units;
		return 0;
	}
	rc = evalrun_units(c, s, units, n, y0, y1, &hs->run);
	free(units);
	if (rc < 0)
		return -1;
	if (s->nagg > 0 && fill(c, h, &hs->run) < 0)
		return -1;
	return evalrun_results(c, &hs->run, &hs->res);
}

/* The set id, evaluated; NULL with c->err. */
static struct hier_set *need(struct ctx *c, struct hier *h, const char *id)
{
	struct hier_set *hs = NULL, **ns;
	struct critset *s;
	int i;

	for (i = 0; i < h->depth; i++)
		if (strcmp(h->chain[i], id) == 0) {
			cycle(c, h, id);
			return NULL;
		}
	for (i = 0; i < h->nset; i++)
		if (strcmp(h->set[i]->id, id) == 0)
			return h->set[i];
	if (h->depth == (int)(sizeof h->chain / sizeof h->chain[0])) {
		err_set(&c->err, _("sets depend on each other more than %d deep"), h->depth);
		return NULL;
	}
	if (!(s = ctx_load_set(c, id))) {
		char msg[NTM_ERR_MAX];

		snprintf(msg, sizeof msg, "%s", c->err.msg);
		err_set(&c->err, _("set %s uses the results of set %s: %s"), h->chain[h->depth - 1], id, msg);
		return NULL;
	}
	if (!(ns = realloc(h->set, (size_t)(h->nset + 1) * sizeof *ns)) ||
	    !(hs = calloc(1, sizeof *hs)) || !(hs->id = strdup(id))) {
		if (ns)
			h->set = ns;
		free(hs);
		crit_free(s);
		err_set(&c->err, "%s", _("out of memory"));
		return NULL;
	}
	h->set = ns;
	h->set[h->nset++] = hs;
	h->chain[h->depth++] = hs->id;
	i = evaluate(c, h, hs, s);
	h->depth--;
	return i < 0 ? NULL : hs;
}

/* pos[unit] = index of the unit in run r, or -1. */
static int *positions(struct ctx *c, const struct evalrun *r)
{
	int *pos = malloc((c->units.n ? c->units.n : 1) * sizeof *pos), i;
	size_t k;

	for (k = 0; pos && k < c->units.n; k++)
		pos[k] = -1;
	for (i = 0; pos && i < r->nunit; i++)
		pos[r->units[i]] = i;
	return pos;
}

struct acc {
	double sum, lo, hi;
	int n, met, missing;
};

/* Accumulates over the units below each unit of r, one year at a time,
 * and writes derived figure v. kind AG_SHARE/COUNT take statuses from hs;
 * AG_UNITS counts; AG_SUM..MAX take figure column col of d. */
static void derive(struct ctx *c, const struct hier *h, struct evalrun *r, const int *pos,
                   int v, int level, const struct hier_set *hs, const struct evaldata *d,
                   int col, struct acc *acc)
{
	int kind = r->set->agg[v].kind, nbelow = hs ? hs->run.nunit : d ? d->nunit : 0;
	const int *below = hs ? hs->run.units : d ? d->unit : NULL;
	int y, i, j;

	for (y = r->year_from; y <= r->year_to; y++) {
		for (i = 0; i < r->nunit; i++) {
			acc[i].sum = acc[i].n = acc[i].met = acc[i].missing = 0;
			acc[i].lo = INFINITY;
			acc[i].hi = -INFINITY;
		}
		if (kind == AG_UNITS) {
			/* every unit of the level in scope, with or without figures */
			size_t k;

			for (k = 0; k < c->units.n; k++) {
				const struct unit *u = &c->units.u[k];
				int a;

				if (!h->scope[k] || u->level != level || !lineage_in(u, c->as_of, y))
					continue;
				for (a = u->parent; a >= 0; a = c->units.u[a].parent)
					if (pos[a] >= 0)
						acc[pos[a]].n++;
			}
		}
		for (j = 0; j < nbelow && kind != AG_UNITS; j++) {
			const struct unit *u = &c->units.u[below[j]];
			double x = NAN;
			int st = ST_N, a;

			if (!lineage_in(u, c->as_of, y))
				continue;
			if (hs)
				st = hier_status(hs, j, y);
			else
				x = eval_vals(d, j, y - d->year_from)[col];
			for (a = u->parent; a >= 0; a = c->units.u[a].parent) {
				struct acc *p;

				if (pos[a] < 0)
					continue;
				p = &acc[pos[a]];
				p->n++;
				if (hs) {
					p->met += st == ST_MET;
					p->missing += st != ST_MET && st != ST_UNMET;
				} else if (isnan(x)) {
					p->missing++;
				} else {
					p->sum += x;
					p->lo = x < p->lo ? x : p->lo;
					p->hi = x > p->hi ? x : p->hi;
				}
			}
		}
		for (i = 0; i < r->nunit; i++) {
			const struct acc *p = &acc[i];
			double x = NAN;

			switch (kind) {
			case AG_UNITS: x = p->n; break;
			case AG_SHARE: x = p->missing || !p->n ? NAN : 100.0 * p->met / p->n; break;
			case AG_COUNT: x = p->missing ? NAN : p->met; break;
			case AG_SUM: x = p->missing ? NAN : p->sum; break;
			case AG_MEAN: x = p->missing || !p->n ? NAN : p->sum / p->n; break;
			case AG_MIN: x = p->missing || !p->n ? NAN : p->lo; break;
			case AG_MAX: x = p->missing || !p->n ? NAN : p->hi; break;
			}
			evalrun_vals(r, i, y)[v] = x;
		}
	}
}

/* Figures of the units below for AG_SUM..AG_MAX at one level: the
 * variables those derived figures read, loaded together. */
static int load_below(struct ctx *c, const struct hier *h, struct evalrun *r, int level,
                      struct critset *tmp, struct evaldata *d, int **cols)
{
	const struct critset *s = r->set;
	int v, *units, n, rc;

	memset(tmp, 0, sizeof *tmp);
	memset(d, 0, sizeof *d);
	tmp->var = calloc((size_t)s->nvar, sizeof *tmp->var);
	*cols = malloc((size_t)s->nvar * sizeof **cols);
	if (!tmp->var || !*cols)
		return err_set(&c->err, "%s", _("out of memory"));
	for (v = 0; v < s->nvar; v++) {
		const struct aggvar *g = &s->agg[v];
		int k;

		(*cols)[v] = -1;
		if (g->kind < AG_SUM || store_level_parse(g->level) != level)
			continue;
		for (k = 0; k < tmp->nvar && strcmp(tmp->var[k], g->var) != 0; k++)
			;
		if (k == tmp->nvar)
			tmp->var[tmp->nvar++] = g->var;     /* borrowed from s */
		(*cols)[v] = k;
	}
	if (!(units = in_scope(c, h, level, &n)))
		return err_set(&c->err, "%s", _("out of memory"));
	rc = eval_load(c->db, &c->units, &c->vars, tmp, units, n, r->year_from, r->year_to, d,
	               &c->err);
	free(units);
	return rc < 0 ? -1 : ctx_overlay(c, d);
}

static int fill(struct ctx *c, struct hier *h, struct evalrun *r)
{
	const struct critset *s = r->set;
	struct acc *acc = calloc((size_t)(r->nunit ? r->nunit : 1), sizeof *acc);
	int *pos = positions(c, r), v, rc = -1, done_level[LV_N] = { 0 };
	int lrc;

	if (!acc || !pos) {
		err_set(&c->err, "%s", _("out of memory"));
		goto out;
	}
	for (v = 0; v < s->nvar; v++) {
		const struct aggvar *g = &s->agg[v];
		struct hier_set *hs;
		int y, i;

		if (g->kind == AG_MEETS) {
			if (!(hs = need(c, h, g->set)))
				goto out;
			if (hs->level != store_level_parse(s->level)) {
				err_set(&c->err, _("set %s: meets(\"%s\") compares a %s with a set for %ss "
				        "(use share_meeting or count_meeting for the units below)"),
				        s->id, g->set, _(s->level), _(store_level_name[hs->level]));
				goto out;
			}
			for (y = r->year_from; y <= r->year_to; y++)
				for (i = 0; i < r->nunit; i++) {
					int j, st = ST_N;

					if ((j = hs->res.set ? results_find(&hs->res, r->units[i]) : -1) >= 0)
						st = hier_status(hs, j, y);
					evalrun_vals(r, i, y)[v] =
						st == ST_MET ? 1 : st == ST_UNMET ? 0 : NAN;
				}
		} else if (g->kind == AG_SHARE || g->kind == AG_COUNT) {
			if (!(hs = need(c, h, g->set)))
				goto out;
			derive(c, h, r, pos, v, hs->level, hs, NULL, 0, acc);
		} else if (g->kind == AG_UNITS) {
			derive(c, h, r, pos, v, store_level_parse(g->level), NULL, NULL, 0, acc);
		} else if (g->kind >= AG_SUM) {
			int level = store_level_parse(g->level), w, *cols = NULL;
			struct critset tmp;
			struct evaldata d;

			if (level < 0 || done_level[level])
				continue;
			done_level[level] = 1;
			if ((lrc = load_below(c, h, r, level, &tmp, &d, &cols)) == 0)
				for (w = v; w < s->nvar; w++)
					if (cols[w] >= 0)
						derive(c, h, r, pos, w, level, NULL, &d, cols[w], acc);
			eval_data_free(&d);
			free(tmp.var);
			free(cols);
			if (lrc < 0)
				goto out;
		}
	}
	rc = 0;
out:
	free(acc);
	free(pos);
	return rc;
}

int hier_fill(struct ctx *c, struct hier *h, struct evalrun *r)
{
	size_t k;

	memset(h, 0, sizeof *h);
	h->year_from = r->year_from;
	h->nyear = r->year_to - r->year_from + 1;
	h->nunits = (int)c->units.n;
	if (!(h->scope = calloc(c->units.n ? c->units.n : 1, 1)))
		return err_set(&c->err, "%s", _("out of memory"));
	for (k = 0; k < (size_t)r->nunit; k++)
		h->scope[r->units[k]] = 1;
	/* units are sorted parents first: one pass marks every descendant */
	for (k = 0; k < c->units.n; k++)
		if (c->units.u[k].parent >= 0 && h->scope[c->units.u[k].parent])
			h->scope[k] = 1;
	h->chain[0] = r->set->id;
	h->depth = 1;
	return fill(c, h, r);
}

static const struct hier_set *find(const struct hier *h, const char *id)
{
	int i;

	for (i = 0; i < h->nset; i++)
		if (strcmp(h->set[i]->id, id) == 0)
			return h->set[i];
	return NULL;
}


static const char *status_text(int st)
{
	return st < ST_N ? eval_status_name[st] : "not in force";
}

void hier_explain(struct ctx *c, const struct hier *h, const struct evalrun *r, int i,
                  int year, FILE *out)
{
	const struct critset *s = r->set;
	int v, w, j, top = r->units[i];

	for (v = 0; v < s->nvar; v++) {
		const struct aggvar *g = &s->agg[v];
		const struct hier_set *hs;
		int n = 0, count[ST_N + 1] = { 0 };

		if (g->kind < AG_MEETS || g->kind > AG_COUNT || !(hs = find(h, g->set)))
			continue;
		for (w = 0; w < v; w++)       /* once per set */
			if (s->agg[w].kind >= AG_MEETS && s->agg[w].kind <= AG_COUNT &&
			    strcmp(s->agg[w].set, g->set) == 0)
				break;
		if (w < v)
			continue;
		for (j = 0; j < hs->run.nunit; j++) {
			int a = hs->run.units[j];

			if (!lineage_in(&c->units.u[a], c->as_of, year))
				continue;
			while (a >= 0 && a != top)
				a = c->units.u[a].parent;
			if (a == top)
				count[hier_status(hs, j, year)]++, n++;
		}
		fprintf(out, "  results under %s used (%d %s%s, %d): %d met, %d unmet, %d unknown, "
		        "%d open%s\n", hs->id, n, store_level_name[hs->level],
		        n == 1 ? "" : "s", year, count[ST_MET], count[ST_UNMET], count[ST_UNKNOWN],
		        count[ST_OPEN], count[ST_N] ? ", some not in force" : "");
		for (j = 0; j < hs->run.nunit; j++) {
			int a = hs->run.units[j], st;
			const struct unit *u = &c->units.u[a];

			if (!lineage_in(u, c->as_of, year))
				continue;
			while (a >= 0 && a != top)
				a = c->units.u[a].parent;
			if (a != top)
				continue;
			st = hier_status(hs, j, year);
			fputs("    ", out);
			utf8_pad(out, u->name, 24);
			fputc(' ', out);
			utf8_pad(out, status_text(st), 12);
			if (st < ST_N)
				fprintf(out, " %d/%d criteria", results_ncrit(&hs->res, j, year),
				        hs->run.set->ncrit);
			fputc('\n', out);
		}
	}
}

void hier_free(struct hier *h)
{
	int i;

	for (i = 0; i < h->nset; i++) {
		evalrun_free(&h->set[i]->run);
		results_free(&h->set[i]->res);
		free(h->set[i]->id);
		free(h->set[i]);
	}
	free(h->set);
	free(h->scope);
	memset(h, 0, sizeof *h);
}
