/* cost.c - the cost model and the works that close unmet indicators
 * (cost.h). */
#include "cost.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "i18n.h"

static const char *const header[] = { "work", "variable", "uom", "cost_mvnd", "region", "source" };
#define NCOL 6

/* Units of work counted whole: no one builds half a house. */
static int whole_uom(const char *u)
{
	static const char *const frac[] = { "km", "ha", "m", "m2", "tonnes", NULL };
	int i;

	for (i = 0; frac[i]; i++)
		if (strcmp(u, frac[i]) == 0)
			return 0;
	return 1;
}

int cost_load(const char *path, const struct varset *vs, struct costmodel *m,
              struct ntm_err *err)
{
	struct csv c;
	int rc, i, cap = 0;

	memset(m, 0, sizeof *m);
	if (csv_open(&c, path, err) < 0)
		return -1;
	if ((rc = csv_next(&c, err)) <= 0) {
		csv_close(&c);
		return rc < 0 ? -1 : err_set(err, _("%s: empty (expected the header %s,%s,%s,%s,%s,%s)"),
		                             path, header[0], header[1], header[2], header[3],
		                             header[4], header[5]);
	}
	for (i = 0; i < NCOL; i++)
		if ((size_t)i >= c.nfield || strcmp(c.field[i], header[i]) != 0) {
			err_set(err, _("%s:%ld: the header must be %s,%s,%s,%s,%s,%s"), path, c.line, header[0],
			        header[1], header[2], header[3], header[4], header[5]);
			csv_close(&c);
			return -1;
		}
	while ((rc = csv_next(&c, err)) > 0) {
		struct costrow *r;
		char *end;

		if (c.nfield != NCOL) {
			err_set(err, _("%s:%ld: %zu fields, expected %d"), path, c.line, c.nfield, NCOL);
			goto fail;
		}
		if (vs && vs->n > 0 && !map_get(&vs->by_name, c.field[1], NULL)) {
			err_set(err, _("%s:%ld: field 'variable': unknown variable '%s' (`ntm variables` "
			        "lists them)"), path, c.line, c.field[1]);
			goto fail;
		}
		if (m->n == cap) {
			struct costrow *nr = realloc(m->r, (size_t)(cap = cap ? 2 * cap : 32) * sizeof *nr);

			if (!nr)
				goto oom;
			m->r = nr;
		}
		r = &m->r[m->n];
		memset(r, 0, sizeof *r);
		r->cost = strtod(c.field[3], &end);
		if (end == c.field[3] || *end || !isfinite(r->cost) || r->cost <= 0) {
			err_set(err, _("%s:%ld: field 'cost_mvnd': '%s' is not a positive amount (million "
			        "VND per %s)"), path, c.line, c.field[3], c.field[2]);
			goto fail;
		}
		r->region = -1;
		if (*c.field[4] && (r->region = store_region_parse(c.field[4])) < 0) {
			err_set(err, _("%s:%ld: field 'region': '%s' is not a threshold region (tdmnpb, dbsh, "
			        "btb, dhntb, tn, dnb, dbscl) or empty"), path, c.line, c.field[4]);
			goto fail;
		}
		if (!*c.field[0] || !*c.field[2] || !*c.field[5]) {
			err_set(err, _("%s:%ld: field '%s' is empty (every price needs its work, unit and "
			        "source)"), path, c.line, !*c.field[0] ? "work" : !*c.field[2] ? "uom" : "source");
			goto fail;
		}
		for (i = 0; i < m->n; i++)
			if (strcmp(m->r[i].var, c.field[1]) == 0 && m->r[i].region == r->region) {
				if (*c.field[4])
					err_set(err, _("%s:%ld: a second price for '%s' in %s (the first is '%s')"),
					        path, c.line, c.field[1], c.field[4], m->r[i].work);
				else
					err_set(err, _("%s:%ld: a second price for '%s' (the first is '%s')"), path,
					        c.line, c.field[1], m->r[i].work);
				goto fail;
			}
		r->work = strdup(c.field[0]);
		r->var = strdup(c.field[1]);
		r->uom = strdup(c.field[2]);
		r->source = strdup(c.field[5]);
		r->whole = whole_uom(c.field[2]);
		m->n++;
		if (!r->work || !r->var || !r->uom || !r->source)
			goto oom;
	}
	csv_close(&c);
	if (rc < 0) {
		cost_free(m);
		return -1;
	}
	if (!(m->path = strdup(path)))
		goto oom;
	return 0;
oom:
	err_set(err, "%s", _("out of memory"));
fail:
	csv_close(&c);
	cost_free(m);
	return -1;
}

void cost_free(struct costmodel *m)
{
	int i;

	for (i = 0; i < m->n; i++) {
		free(m->r[i].work);
		free(m->r[i].var);
		free(m->r[i].uom);
		free(m->r[i].source);
	}
	free(m->r);
	free(m->path);
	memset(m, 0, sizeof *m);
}

/* The price of moving variable name in region: the region's own row, else
 * the row for any region; -1 when no work moves it. */
static int price(const struct costmodel *m, const char *name, int region)
{
	int i, any = -1;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->r[i].var, name) == 0) {
			if (m->r[i].region == region && region >= 0)
				return i;
			if (m->r[i].region < 0)
				any = i;
		}
	return any;
}

/* A quantity of work as it is bought: whole houses, or to the 10 m, 0.01 ha. */
static double quantity(const struct costrow *row, double q)
{
	return row->whole ? ceil(q - 1e-9) : ceil(q * 100 - 1e-9) / 100;
}

int cost_needs(const struct costmodel *m, const struct critset *s, const double *vals,
               int region, int year, const struct ind_result *res, struct need *out)
{
	int i, n = 0;

	(void)year;
	for (i = 0; i < s->nind; i++) {
		const struct indicator *d = &s->ind[i];
		const struct ind_result *x = &res[i];
		const struct expr *e = d->measure;
		struct need *k;
		int v = -1, den = -1;
		double have, want, may;

		if (x->status == ST_MET || x->status == ST_NA)
			continue;
		k = &out[n++];
		memset(k, 0, sizeof *k);
		k->ind = i;
		k->row = -1;
		k->open = x->status == ST_OPEN;
		if (e->op == X_VAR)
			v = e->var;
		else if (e->op == X_PCT && e->arg[0]->op == X_VAR && e->arg[1]->op == X_VAR)
			v = e->arg[0]->var, den = e->arg[1]->var;
		if (v < 0 || (s->agg && s->agg[v].kind != AG_NONE)) {
			k->kind = NEED_NO_MONEY;
			k->why = "the measure is not one figure works can move";
			continue;
		}
		if ((k->row = price(m, s->var[v], region)) < 0) {
			k->kind = NEED_NO_MONEY;
			k->why = "no work in the cost model moves it";
			continue;
		}
		if (isnan(vals[v]) || (den >= 0 && isnan(vals[den])) || x->status == ST_UNKNOWN) {
			k->kind = NEED_NO_DATA;
			continue;
		}
		have = vals[v];
		if (d->cmp == CMP_MUST) {
			want = may = d->must ? 1 : 0;
		} else {
			/* certainly enough: the far end of where the threshold can lie;
			 * may be enough: the near end */
			want = d->cmp == CMP_MIN ? x->thr_hi : x->thr_lo;
			may = d->cmp == CMP_MIN ? x->thr_lo : x->thr_hi;
			if (isinf(want)) {
				k->kind = NEED_NO_THRESHOLD;
				continue;
			}
			if (den >= 0) {
				want = want * vals[den] / 100.0;
				may = isinf(may) ? have : may * vals[den] / 100.0;
			}
		}
		k->kind = NEED_WORK;
		k->var = v;
		k->sign = want >= have ? 1 : -1;
		k->qty = quantity(&m->r[k->row], fabs(want - have));
		k->cost = k->qty * m->r[k->row].cost;
		/* the near end needs nothing when the value is already past it */
		k->qty_may = (k->sign > 0 ? may > have : may < have) ?
		             quantity(&m->r[k->row], fabs(may - have)) : 0;
		k->cost_may = k->qty_may * m->r[k->row].cost;
	}
	return n;
}

double cost_criterion(const struct critset *s, int crit, const struct need *n, int nn)
{
	const struct criterion *c = &s->crit[crit];
	double sum = 0;
	int i;

	for (i = 0; i < nn; i++) {
		if (n[i].ind < c->first || n[i].ind >= c->first + c->n)
			continue;
		if (n[i].kind != NEED_WORK)
			return -1;
		sum += n[i].cost;
	}
	return sum;
}
