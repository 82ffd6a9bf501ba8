/* inforce.c - which set applies when (inforce.h): loads the catalog's sets
 * for their declarations and picks among them. */
#include "inforce.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"

static char *dup(const char *s)
{
	return s ? strdup(s) : NULL;
}

int inforce_load(struct ctx *c, struct setlist *l)
{
	int i;

	memset(l, 0, sizeof *l);
	if (ctx_catalog(c) < 0)
		return -1;
	if (!(l->v = calloc((size_t)(c->ncat ? c->ncat : 1), sizeof *l->v)))
		return err_set(&c->err, "%s", _("out of memory"));
	for (i = 0; i < c->ncat; i++) {
		struct setinfo *x = &l->v[l->n];
		struct critset *s;
		int prov, ext;

		if (!c->cat[i].id) {
			fprintf(stderr, _("ntm: warning: skipping %s\n"), c->cat[i].error);
			continue;
		}
		if (!(s = ctx_load_set(c, c->cat[i].id))) {
			fprintf(stderr, _("ntm: warning: skipping %s\n"), c->err.msg);
			continue;
		}
		x->id = dup(s->id);
		x->level = dup(s->level);
		x->recognises = dup(s->recognises ? s->recognises : "ntm");
		x->decision = dup(s->decision);
		x->extends = dup(s->extends);
		x->province = dup(s->province);
		x->province_key = s->province ? utf8_fold(s->province) : NULL;
		x->year_from = s->year_from;
		x->year_to = s->year_to;
		prov = s->province != NULL;
		ext = s->extends != NULL;   /* s is freed before the check */
		crit_free(s);
		l->n++;
		if (!x->id || !x->level || !x->recognises || !x->decision || (ext && !x->extends) ||
		    (prov && (!x->province || !x->province_key))) {
			inforce_free(l);
			return err_set(&c->err, "%s", _("out of memory"));
		}
	}
	return 0;
}

void inforce_free(struct setlist *l)
{
	int i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].id);
		free(l->v[i].level);
		free(l->v[i].recognises);
		free(l->v[i].decision);
		free(l->v[i].extends);
		free(l->v[i].province);
		free(l->v[i].province_key);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Whether a amends b, directly or through sets it extends. */
static int amends(const struct setlist *l, const struct setinfo *a, const struct setinfo *b)
{
	int depth, i;

	for (depth = 0; a && a->extends && depth < 16; depth++) {
		if (strcmp(a->extends, b->id) == 0)
			return 1;
		for (i = 0; i < l->n && strcmp(l->v[i].id, a->extends) != 0; i++)
			;
		a = i < l->n ? &l->v[i] : NULL;
	}
	return 0;
}

int inforce_related(const struct setlist *l, const char *a, const char *b)
{
	const struct setinfo *x = NULL, *y = NULL;
	int i;

	if (strcmp(a, b) == 0)
		return 1;
	for (i = 0; i < l->n; i++) {
		if (strcmp(l->v[i].id, a) == 0)
			x = &l->v[i];
		if (strcmp(l->v[i].id, b) == 0)
			y = &l->v[i];
	}
	/* a province's set amending the national one is its own decision */
	if (!x || !y || !x->province != !y->province ||
	    (x->province && strcmp(x->province_key, y->province_key) != 0))
		return 0;
	return amends(l, x, y) || amends(l, y, x);
}

/* Whether a is preferred to b: the province's own set, then a set that
 * amends the other (a set written from the annex's sheet supersedes the one
 * it fills in), then the newer decision (later first year), then the id, so
 * the choice is stable. */
static int better(const struct setlist *l, const struct setinfo *a, const struct setinfo *b)
{
	if (!b)
		return 1;
	if (!a->province != !b->province)
		return a->province != NULL;
	if (amends(l, a, b) != amends(l, b, a))
		return amends(l, a, b);
	if (a->year_from != b->year_from)
		return a->year_from > b->year_from;
	return strcmp(a->id, b->id) < 0;
}

const struct setinfo *inforce_pick(const struct setlist *l, const char *level,
                                   const char *recognises, const char *province_key, int year)
{
	const struct setinfo *best = NULL;
	int i;

	for (i = 0; i < l->n; i++) {
		const struct setinfo *x = &l->v[i];

		if (strcmp(x->level, level) != 0 || strcmp(x->recognises, recognises) != 0 ||
		    year < x->year_from || year > x->year_to)
			continue;
		if (x->province && (!province_key || strcmp(x->province_key, province_key) != 0))
			continue;
		if (better(l, x, best))
			best = x;
	}
	return best;
}

int inforce_province_of(const struct ctx *c, int u)
{
	for (; u >= 0; u = c->units.u[u].parent)
		if (c->units.u[u].level == LV_PROVINCE)
			return u;
	return -1;
}
