/* lineage.c - figures across merges (lineage.h): finds the units merged into
 * each unit evaluated, loads their figures with eval_load and combines them
 * by unit of measure. */
#include "lineage.h"

#include "i18n.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CB_KEEP, CB_SUM, CB_WMEAN, CB_ALL };

/* How a variable of this unit of measure combines over units. */
static int combine_kind(const char *uom)
{
	static const char *const sums[] = {
		"km", "ha", "count", "households", "persons", "mvnd", "tonnes", "works", NULL,
	};
	int i;

	for (i = 0; sums[i]; i++)
		if (strcmp(uom, sums[i]) == 0)
			return CB_SUM;
	if (strcmp(uom, "pct") == 0 || strcmp(uom, "mvnd_person_year") == 0)
		return CB_WMEAN;
	return strcmp(uom, "bool") == 0 ? CB_ALL : CB_KEEP;
}

int lineage_note(struct lineage_notes *n, const char *line)
{
	int i;

	for (i = 0; i < n->n; i++)
		if (strcmp(n->line[i], line) == 0)
			return 0;
	if (n->n == n->cap) {
		int cap = n->cap ? 2 * n->cap : 8;
		char **p = realloc(n->line, (size_t)cap * sizeof *p);

		if (!p)
			return -1;
		n->line = p;
		n->cap = cap;
	}
	if (!(n->line[n->n] = strdup(line)))
		return -1;
	n->n++;
	return 0;
}

void lineage_notes_print(struct lineage_notes *n, int as_of, FILE *f)
{
	int i;

	if (n->n == 0)
		return;
	fprintf(f, _("units as they stood in %d; figures across merges:\n"), as_of);
	for (i = 0; i < n->n; i++)
		fprintf(f, "  %s\n", n->line[i]);
	lineage_notes_free(n);
}

void lineage_notes_free(struct lineage_notes *n)
{
	int i;

	for (i = 0; i < n->n; i++)
		free(n->line[i]);
	free(n->line);
	memset(n, 0, sizeof *n);
}

/* The population of a unit in a year (annual figure), or NAN. */
static double population(sqlite3 *db, sqlite3_stmt **st, int64_t var, int64_t unit, int year)
{
	double v = NAN;

	if (var < 0)
		return NAN;
	if (!*st && sqlite3_prepare_v2(db, "SELECT value FROM observation WHERE unit_id = ?1 AND "
	                               "variable_id = ?2 AND year = ?3 AND quarter = 0", -1, st,
	                               NULL) != SQLITE_OK)
		return NAN;
	sqlite3_bind_int64(*st, 1, unit);
	sqlite3_bind_int64(*st, 2, var);
	sqlite3_bind_int(*st, 3, year);
	if (sqlite3_step(*st) == SQLITE_ROW)
		v = sqlite3_column_double(*st, 0);
	sqlite3_reset(*st);
	return v;
}

/* The values of the units combined for one variable and year. */
struct acc {
	double sum, wsum, wv;
	int all, n;
};

static void take(struct acc *a, int kind, double v, double w)
{
	if (a->n++ == 0) {
		a->sum = a->wsum = a->wv = 0;
		a->all = 1;
	}
	a->sum += v;                      /* NAN stays NAN: unknown */
	a->wsum += w;
	a->wv += w * v;
	if (kind == CB_ALL)
		a->all = a->all && v != 0;
}

static double result(const struct acc *a, int kind, int any_nan)
{
	if (any_nan)
		return NAN;
	switch (kind) {
	case CB_SUM:
		return a->sum;
	case CB_WMEAN:
		return isnan(a->wsum) || a->wsum <= 0 ? NAN : a->wv / a->wsum;
	default:
		return a->all;
	}
}

int lineage_target(const struct unitset *us, int u, int as_of)
{
	int hops = 0;

	if (unit_exists(&us->u[u], as_of))
		return -1;
	for (u = us->u[u].merged_into; u >= 0 && hops < 64; u = us->u[u].merged_into, hops++)
		if (unit_exists(&us->u[u], as_of))
			return u;
	return -1;
}

/* Whether predecessor p (folding into row target) is one of row's in ya..yb. */
static int folds_in(const struct unit *p, int target, int row, int ya, int yb)
{
	return target == row && p->valid_to >= ya && !(p->valid_from && p->valid_from > yb);
}

static int note_fold(struct lineage_notes *notes, const struct unitset *us, int s, const int *pred,
                     const int *target, int npred, int row, int ya, int yb, int own_existed)
{
	char line[1024], yrs[24];
	size_t n;
	int k, first = 1;

	snprintf(yrs, sizeof yrs, ya == yb ? "%d" : "%d-%d", ya, yb);
	n = (size_t)snprintf(line, sizeof line, "%s (%s), %s: %s", us->u[s].name, us->u[s].code, yrs,
	                     own_existed ? _("its figures plus those of ") : _("the figures of "));
	for (k = 0; k < npred && n < sizeof line; k++) {
		const struct unit *p = &us->u[pred[k]];
		int j, twin = 0;

		if (!folds_in(p, target[k], row, ya, yb))
			continue;
		/* two units of one name (a commune and a township) told apart by code */
		for (j = 0; j < npred && !twin; j++)
			twin = j != k && folds_in(&us->u[pred[j]], target[j], row, ya, yb) &&
			       strcmp(us->u[pred[j]].name, p->name) == 0;
		if (twin)
			n += (size_t)snprintf(line + n, sizeof line - n, _("%s%s (%s, merged in %d)"),
			                      first ? "" : ", ", p->name, p->code, p->valid_to + 1);
		else
			n += (size_t)snprintf(line + n, sizeof line - n, _("%s%s (merged in %d)"),
			                      first ? "" : ", ", p->name, p->valid_to + 1);
		first = 0;
	}
	return lineage_note(notes, line);
}

int lineage_fold(sqlite3 *db, const struct unitset *us, const struct varset *vs, int as_of,
                 struct evaldata *d, struct lineage_notes *notes, struct ntm_err *err)
{
	const struct critset *s = d->set;
	struct evaldata pd;
	sqlite3_stmt *pop = NULL;
	int *row = NULL, *pred = NULL, *target = NULL, *kind = NULL;
	double *w = NULL, own_w;
	int npred = 0, i, k, t, col, rc = -1, weighted = 0;
	int64_t popvar = -1, idx;
	size_t u;

	if (!as_of || d->nunit == 0)
		return 0;
	memset(&pd, 0, sizeof pd);
	/* a unit split from another has no figures of its own before */
	for (i = 0; i < d->nunit; i++) {
		const struct unit *x = &us->u[d->unit[i]];
		char line[512];

		if (x->split_from < 0 || x->valid_from <= d->year_from)
			continue;
		snprintf(line, sizeof line, _("%s (%s), before %d: split from %s (%s) in %d; its figures "
		                              "before are unknown (those of %s are not divided)"), x->name, x->code,
		         x->valid_from, us->u[x->split_from].name, us->u[x->split_from].code,
		         x->valid_from, us->u[x->split_from].name);
		if (lineage_note(notes, line) < 0)
			return err_set(err, "out of memory");
	}
	if (us->nmerged == 0)
		return 0;
	row = malloc(us->n * sizeof *row);
	pred = malloc(us->n * sizeof *pred);
	target = malloc(us->n * sizeof *target);
	w = malloc(us->n * sizeof *w);
	kind = calloc((size_t)(s->nvar ? s->nvar : 1), sizeof *kind);
	if (!row || !pred || !target || !w || !kind) {
		err_set(err, "out of memory");
		goto done;
	}
	for (u = 0; u < us->n; u++)
		row[u] = -1;
	for (i = 0; i < d->nunit; i++)
		row[d->unit[i]] = i;
	/* the units that fold into an evaluated unit and existed in the years */
	for (u = 0; u < us->n; u++) {
		const struct unit *p = &us->u[u];
		int tg;

		if (p->merged_into < 0 || (tg = lineage_target(us, (int)u, as_of)) < 0 || row[tg] < 0)
			continue;
		tg = row[tg];
		if (p->valid_to < d->year_from ||
		    (p->valid_from && p->valid_from > d->year_from + d->nyear - 1))
			continue;
		pred[npred] = (int)u;
		target[npred++] = tg;
	}
	if (npred == 0) {
		rc = 0;
		goto done;
	}
	for (col = 0; col < s->nvar; col++) {
		kind[col] = CB_KEEP;
		if (s->agg && s->agg[col].kind != AG_NONE)
			continue;      /* derived: filled after, from the units below */
		if (map_get(&vs->by_name, s->var[col], &idx))
			kind[col] = combine_kind(vs->v[idx].uom);
		weighted |= kind[col] == CB_WMEAN;
	}
	if (weighted && map_get(&vs->by_name, "population_total", &idx))
		popvar = vs->v[idx].id;
	if (eval_load(db, us, vs, s, pred, npred, d->year_from, d->year_from + d->nyear - 1, &pd,
	              err) < 0)
		goto done;
	for (i = 0; i < d->nunit; i++) {
		const struct unit *own = &us->u[d->unit[i]];
		int ya = 0, yb = 0, own_in_any = 0;

		for (t = 0; t < d->nyear; t++) {
			int y = d->year_from + t, any = 0, own_in = unit_exists(own, y);

			for (k = 0; k < npred && !any; k++)
				any = target[k] == i && unit_exists(&us->u[pred[k]], y);
			if (!any)
				continue;
			/* the population weights, once per unit and year */
			own_w = weighted && own_in ? population(db, &pop, popvar, own->id, y) : 0;
			for (k = 0; k < npred; k++)
				w[k] = weighted && target[k] == i && unit_exists(&us->u[pred[k]], y) ?
				       population(db, &pop, popvar, us->u[pred[k]].id, y) : 0;
			for (col = 0; col < s->nvar; col++) {
				struct acc a = { 0 };
				int nan = 0, wm = kind[col] == CB_WMEAN;
				double v;

				if (kind[col] == CB_KEEP)
					continue;
				if (own_in) {
					v = eval_vals(d, i, t)[col];
					nan |= isnan(v) || (wm && isnan(own_w));
					take(&a, kind[col], v, own_w);
				}
				for (k = 0; k < npred; k++) {
					if (target[k] != i || !unit_exists(&us->u[pred[k]], y))
						continue;
					v = eval_vals(&pd, k, t)[col];
					nan |= isnan(v) || (wm && isnan(w[k]));
					take(&a, kind[col], v, w[k]);
				}
				eval_vals(d, i, t)[col] = result(&a, kind[col], nan);
			}
			if (!ya)
				ya = y;
			yb = y;
			own_in_any |= own_in;
		}
		if (ya && note_fold(notes, us, d->unit[i], pred, target, npred, i, ya, yb, own_in_any) < 0) {
			err_set(err, "out of memory");
			goto done;
		}
	}
	if (lineage_note(notes, _("combined: counts, lengths, areas and amounts summed; per-head "
	                          "figures and percentages weighted by population_total; a yes/no holds "
	                          "only if it held in each unit; a figure missing in any leaves it unknown")) < 0) {
		err_set(err, "out of memory");
		goto done;
	}
	rc = 0;
done:
	sqlite3_finalize(pop);
	eval_data_free(&pd);
	free(row);
	free(pred);
	free(target);
	free(w);
	free(kind);
	return rc;
}

unsigned char *lineage_scope(const struct unitset *us, int top, int as_of)
{
	unsigned char *mark = calloc(us->n ? us->n : 1, 1);
	size_t i;
	int u, depth;

	if (!mark)
		return NULL;
	for (i = 0; i < us->n; i++) {
		for (u = (int)i, depth = 0; u >= 0 && u != top && depth < 64; depth++)
			u = us->u[u].parent;
		mark[i] = u == top;
	}
	if (!as_of || unit_exists(&us->u[top], as_of))
		return mark;
	/* what the units of top became by as_of */
	for (i = 0; i < us->n; i++) {
		if (mark[i] != 1)
			continue;
		for (u = (int)i, depth = 0; u >= 0 && !unit_exists(&us->u[u], as_of) && depth < 64; depth++)
			u = us->u[u].merged_into;
		if (u >= 0 && unit_exists(&us->u[u], as_of) && !mark[u])
			mark[u] = 2;
	}
	for (i = 0; i < us->n; i++)
		mark[i] = mark[i] != 0;
	return mark;
}
