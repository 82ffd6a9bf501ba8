/* evalrun.c - in-memory evaluations for charts and scripts (evalrun.h);
 * calls ctx for the set and units, eval for figures and statuses. */
#include "evalrun.h"

#include "hier.h"
#include "i18n.h"
#include "units.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int evalrun_open(struct ctx *c, const char *name, int top, int y0, int y1, struct evalrun *r)
{
	struct critset *s;

	memset(r, 0, sizeof *r);
	if (ctx_units(c) < 0 || ctx_vars(c) < 0 || !(s = ctx_load_set(c, name)))
		return -1;
	return evalrun_select(c, s, top, y0, y1, r);
}

/* Checks the years and allocates the scratch space; r->set is s. */
static int prepare(struct ctx *c, struct critset *s, int y0, int y1, struct evalrun *r)
{
	memset(r, 0, sizeof *r);
	r->set = s;
	if (ctx_units(c) < 0 || ctx_vars(c) < 0)
		return -1;
	r->year_from = y0 ? y0 : s->year_from;
	r->year_to = y1 ? y1 : s->year_to;
	if (r->year_from < s->year_from || r->year_to > s->year_to || r->year_from > r->year_to) {
		err_set(&c->err, _("set %s applies to %d-%d (%s); %d-%d is outside it"), s->id,
		        s->year_from, s->year_to, s->decision, r->year_from, r->year_to);
		return -1;
	}
	r->units = malloc((c->units.n ? c->units.n : 1) * sizeof *r->units);
	r->res = calloc((size_t)(s->nind ? s->nind : 1), sizeof *r->res);
	r->crit = calloc((size_t)(s->ncrit ? s->ncrit : 1), 1);
	if (!r->units || !r->res || !r->crit)
		return err_set(&c->err, "%s", _("out of memory"));
	return 0;
}

static int load(struct ctx *c, struct evalrun *r)
{
	/* and the years before that the set's measures read (at, change, growth) */
	if (eval_load(c->db, &c->units, &c->vars, r->set, r->units, r->nunit,
	              r->year_from - r->set->lookback, r->year_to, &r->data, &c->err) < 0)
		return -1;
	return ctx_overlay(c, &r->data);
}

int evalrun_units(struct ctx *c, struct critset *s, const int *units, int nunit,
                  int y0, int y1, struct evalrun *r)
{
	if (prepare(c, s, y0, y1, r) < 0)
		goto fail;
	memcpy(r->units, units, (size_t)nunit * sizeof *units);
	r->nunit = nunit;
	if (load(c, r) < 0)
		goto fail;
	return 0;
fail:
	evalrun_free(r);
	return -1;
}

int evalrun_select(struct ctx *c, struct critset *s, int top, int y0, int y1, struct evalrun *r)
{
	unsigned char *scope = NULL;
	int level, as;
	size_t k;

	if (prepare(c, s, y0, y1, r) < 0)
		goto fail;
	level = store_level_parse(s->level);
	/* top's area: with --as-of, a unit gone by then stands for the units
	 * its own were merged into; so does a unit gone before the years asked
	 * (Định Hóa district in 2026: its eight communes) */
	as = c->as_of;
	if (top >= 0 && !as && c->units.u[top].valid_to && c->units.u[top].valid_to < r->year_from) {
		as = r->year_to;
		fprintf(stderr, _("ntm: note: %s (%s) ended in %d; judged: the units of %d its own became\n"),
		        c->units.u[top].name, c->units.u[top].code, c->units.u[top].valid_to, as);
	}
	if (top >= 0 && !(scope = lineage_scope(&c->units, top, as))) {
		err_set(&c->err, "%s", _("out of memory"));
		goto fail;
	}
	for (k = 0; k < c->units.n; k++)
		if (c->units.u[k].level == level && (top < 0 || scope[k]) &&
		    lineage_judged(&c->units.u[k], c->as_of, r->year_from, r->year_to))
			r->units[r->nunit++] = (int)k;
	free(scope);
	scope = NULL;
	if (r->nunit == 0) {
		char hist[256];

		units_history(&c->units, top >= 0 ? top : 0, hist, sizeof hist);
		if (top >= 0 && as && !unit_exists(&c->units.u[top], as))
			err_set(&c->err, _("%s (%s) did not exist in %d (%s), and what its units became is "
			        "no %s; set %s judges %ss"), c->units.u[top].name, c->units.u[top].code, as,
			        hist, _(s->level), s->id, _(s->level));
		else if (top >= 0)
			err_set(&c->err, _("%s (%s) is a %s with no %s in or below it; set %s judges %ss"),
			        c->units.u[top].name, c->units.u[top].code,
			        _(store_level_name[c->units.u[top].level]), _(s->level), s->id, _(s->level));
		else
			err_set(&c->err, _("the database has no unit of level %s (set %s judges %ss)"),
			        _(s->level), s->id, _(s->level));
		goto fail;
	}
	if (load(c, r) < 0)
		goto fail;
	if (s->nagg > 0) {
		if (!(r->hier = calloc(1, sizeof *r->hier))) {
			err_set(&c->err, "%s", _("out of memory"));
			goto fail;
		}
		if (hier_fill(c, r->hier, r) < 0)
			goto fail;
	}
	return 0;
fail:
	evalrun_free(r);
	return -1;
}

int evalrun_unit(struct ctx *c, struct evalrun *r, int i, int y, int *ncrit_met)
{
	struct eval_hist h = evalrun_hist(r, i);

	return eval_unit_hist(r->set, evalrun_vals(r, i, y),
	                      eval_place(&r->data, i, y, c->units.u[r->units[i]].region), y, &h,
	                      r->res, r->crit, ncrit_met);
}

int evalrun_results(struct ctx *c, struct evalrun *r, struct results *R)
{
	int *region = malloc(((size_t)r->nunit + 1) * sizeof *region), i, y, ncm, st;

	if (!region)
		return err_set(&c->err, "%s", _("out of memory"));
	for (i = 0; i < r->nunit; i++)
		region[i] = c->units.u[r->units[i]].region;
	if (results_init(R, r->set, r->units, region, r->nunit, r->year_from, r->year_to) < 0) {
		free(region);
		return err_set(&c->err, "%s", _("out of memory"));
	}
	free(region);
	for (i = 0; i < r->nunit; i++) {
		for (y = r->year_from; y <= r->year_to; y++) {
			if (!evalrun_takes_part(c, r, i, y))
				continue;
			if (R->group)   /* the commune group it is judged in that year */
				R->group[results_cell(R, i, y)] =
					(unsigned char)crit_place_group(eval_place(&r->data, i, y, -1));
			st = evalrun_unit(c, r, i, y, &ncm);
			results_put(R, i, y, r->res, r->crit, st, ncm);
		}
		if (r->nunit > 500 && i % 256 == 0)
			ctx_progress(c, _("evaluating"), i, r->nunit);
	}
	if (r->nunit > 500)
		ctx_progress(c, NULL, -1, 0);
	return 0;
}

void evalrun_free(struct evalrun *r)
{
	if (r->hier) {
		hier_free(r->hier);
		free(r->hier);
	}
	eval_data_free(&r->data);
	free(r->units);
	free(r->res);
	free(r->crit);
	crit_free(r->set);
	memset(r, 0, sizeof *r);
}
