/* evalrun.c - in-memory evaluations for charts and scripts (evalrun.h);
 * calls ctx for the set and units, eval for figures and statuses. */
#include "evalrun.h"

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

int evalrun_select(struct ctx *c, struct critset *s, int top, int y0, int y1, struct evalrun *r)
{
	int level;
	size_t k;

	memset(r, 0, sizeof *r);
	r->set = s;
	if (ctx_units(c) < 0 || ctx_vars(c) < 0)
		goto fail;
	r->year_from = y0 ? y0 : s->year_from;
	r->year_to = y1 ? y1 : s->year_to;
	if (r->year_from < s->year_from || r->year_to > s->year_to || r->year_from > r->year_to) {
		err_set(&c->err, "set %s applies to %d-%d (%s); %d-%d is outside it", s->id,
		        s->year_from, s->year_to, s->decision, r->year_from, r->year_to);
		goto fail;
	}
	level = store_level_parse(s->level);
	r->units = malloc((c->units.n ? c->units.n : 1) * sizeof *r->units);
	r->res = calloc((size_t)s->nind, sizeof *r->res);
	r->crit = calloc((size_t)s->ncrit, 1);
	if (!r->units || !r->res || !r->crit) {
		err_set(&c->err, "out of memory");
		goto fail;
	}
	for (k = 0; k < c->units.n; k++) {
		int u = (int)k, in = top < 0;

		for (; u >= 0 && !in; u = c->units.u[u].parent)
			in = u == top;
		if (c->units.u[k].level == level && in)
			r->units[r->nunit++] = (int)k;
	}
	if (r->nunit == 0) {
		if (top >= 0)
			err_set(&c->err, "%s (%s) is a %s with no %s in or below it; set %s judges %ss",
			        c->units.u[top].name, c->units.u[top].code,
			        store_level_name[c->units.u[top].level], s->level, s->id, s->level);
		else
			err_set(&c->err, "the database has no unit of level %s (set %s judges %ss)",
			        s->level, s->id, s->level);
		goto fail;
	}
	if (eval_load(c->db, &c->units, &c->vars, s, r->units, r->nunit, r->year_from, r->year_to,
	              &r->data, &c->err) < 0)
		goto fail;
	return 0;
fail:
	evalrun_free(r);
	return -1;
}

int evalrun_unit(struct ctx *c, struct evalrun *r, int i, int y, int *ncrit_met)
{
	return eval_unit(r->set, eval_vals(&r->data, i, y - r->year_from),
	                 c->units.u[r->units[i]].region, y, r->res, r->crit, ncrit_met);
}

void evalrun_free(struct evalrun *r)
{
	eval_data_free(&r->data);
	free(r->units);
	free(r->res);
	free(r->crit);
	crit_free(r->set);
	memset(r, 0, sizeof *r);
}
