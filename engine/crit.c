/* crit.c - threshold resolution, look-ups, display and release of a
 * criteria set (crit.h). Plain C; store.h only for region names. */
#include "crit.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

const char *const crit_thr_state_name[TS_N] = { "set", "draft", "unset", "range", "expr" };

/* The span of t's values over the commune groups, for a unit whose group
 * is not known (crit.h). */
static void group_span(const struct thr *t, int place, int year, struct thr_value *out)
{
	struct thr_value g;
	int i, same = 1, unset = 0, draft = 0;
	double lo = INFINITY, hi = -INFINITY;

	for (i = 1; i <= CRIT_NGROUP; i++) {
		crit_thr_resolve(t, crit_place(crit_place_region(place), i), year, &g);
		if (i == 1)
			*out = g;
		else if (g.status != out->status || g.value != out->value || g.lo != out->lo ||
		         g.hi != out->hi || g.expr != out->expr)
			same = 0;
		switch (g.status) {
		case TS_SET:
		case TS_DRAFT:
			draft |= g.status == TS_DRAFT;
			lo = fmin(lo, g.value);
			hi = fmax(hi, g.value);
			break;
		case TS_RANGE:
			lo = fmin(lo, g.lo);
			hi = fmax(hi, g.hi);
			break;
		default:
			unset = 1;
		}
	}
	if (same && out->status != TS_EXPR) {
		/* one value for every group; unset in every group, the group's value
		 * still decides (the same reason, said once) */
		out->group_span = out->status != TS_SET && out->status != TS_DRAFT;
		return;
	}
	out->value = 0;
	out->expr = NULL;
	out->note = t->note ? t->note : "the threshold depends on the commune group, not on record";
	out->group_draft = draft;
	out->group_span = 1;
	if (unset) {
		out->status = TS_UNSET;
		out->lo = -INFINITY;
		out->hi = INFINITY;
	} else {
		out->status = TS_RANGE;
		out->lo = lo;
		out->hi = hi;
	}
}

void crit_thr_resolve(const struct thr *t, int place, int year, struct thr_value *out)
{
	const struct thr *sub;
	int i, region = crit_place_region(place), group = crit_place_group(place);

	out->value = 0;
	out->lo = -INFINITY;
	out->hi = INFINITY;
	out->expr = NULL;
	out->status = TS_UNSET;
	out->note = "threshold not set";
	out->group_draft = 0;
	out->group_span = 0;
	if (!t)
		return;
	switch (t->kind) {
	case T_NUM:
		out->value = t->num;
		out->status = TS_SET;
		out->note = NULL;
		return;
	case T_UNSET:
		out->note = t->note;
		return;
	case T_RANGE:
		out->lo = t->num;
		out->hi = t->hi;
		out->status = TS_RANGE;
		out->note = t->note;
		return;
	case T_EXPR:
		out->status = TS_EXPR;
		out->expr = t->expr;
		out->note = t->note;
		return;
	case T_DRAFT:
		crit_thr_resolve(t->inner, place, year, out);
		if (out->status == TS_SET) {
			out->status = TS_DRAFT;
			out->note = t->note;
		} else if (out->status == TS_RANGE && out->group_span) {
			/* draft(by_group{...}) for a unit whose group is not known: the
			 * span of draft values, which --strict must not judge on */
			out->group_draft = 1;
		}
		return;
	case T_REGION:
		sub = region >= 0 && region < RG_N && t->region[region] ? t->region[region] : t->dflt;
		if (!sub) {
			out->note = region < 0 ? "the unit has no threshold region" :
			            "no value for this region";
			return;
		}
		crit_thr_resolve(sub, place, year, out);
		return;
	case T_GROUP:
		if (group < 1 || group > CRIT_NGROUP) {
			group_span(t, place, year, out);
			return;
		}
		sub = t->region[group - 1] ? t->region[group - 1] : t->dflt;
		if (!sub) {
			out->note = "no value for this commune group";
			return;
		}
		crit_thr_resolve(sub, place, year, out);
		return;
	case T_YEAR:
		/* the latest year not after `year`; before the first, the first */
		sub = t->by_year[0];
		for (i = 0; i < t->nyear && t->year[i] <= year; i++)
			sub = t->by_year[i];
		crit_thr_resolve(sub, place, year, out);
		return;
	}
}

const char *crit_place_name(int place)
{
	static const char *const group[CRIT_NGROUP] = { "nhóm 1", "nhóm 2", "nhóm 3" };
	int g = crit_place_group(place), r = crit_place_region(place);

	if (g >= 1 && g <= CRIT_NGROUP)
		return group[g - 1];
	return r >= 0 && r < RG_N ? store_region_name[r] : "";
}

void crit_thr_bounds(const struct indicator *d, int strict, int region, int year,
                     struct thr_value *out)
{
	crit_thr_resolve(d->thr, region, year, out);
	if (strict && (out->status == TS_DRAFT || (out->status == TS_RANGE && out->group_draft)))
		out->status = TS_UNSET;   /* the note still says where the draft came from */
	switch (out->status) {
	case TS_SET:
	case TS_DRAFT:
		out->lo = out->hi = out->value;
		return;
	case TS_RANGE:
		out->lo = fmax(out->lo, d->dom_lo);
		out->hi = fmin(out->hi, d->dom_hi);
		return;
	case TS_EXPR:   /* the evaluator computes it for each unit; until then, anything */
	default:
		out->lo = d->dom_lo;
		out->hi = d->dom_hi;
	}
}

/* Interval arithmetic over the measure. An interval is [lo, hi]; NAN never
 * appears (the ends are finite or infinite). */
struct ival {
	double lo, hi;
};

static struct ival iv(double lo, double hi)
{
	struct ival r = { lo, hi };
	return r;
}

/* lo * hi products where 0 * inf counts as 0 (a bound of 0 stays 0). */
static double mul0(double a, double b)
{
	return a == 0 || b == 0 ? 0 : a * b;
}

static struct ival domain(const struct critset *s, const struct expr *e, const struct varset *dict)
{
	struct ival a, b, r;
	double p[4];
	int i;

	switch (e->op) {
	case X_NUM:
		return iv(e->num, e->num);
	case X_VAR: {
		int64_t k;
		const char *uom = NULL;

		if (dict && dict->n && map_get(&dict->by_name, s->var[e->var], &k))
			uom = dict->v[k].uom;
		if (s->agg && s->agg[e->var].kind == AG_MEETS)
			return iv(0, 1);
		if (s->agg && s->agg[e->var].kind == AG_SHARE)
			return iv(0, 100);
		if (uom && strcmp(uom, "pct") == 0)
			return iv(0, 100);
		if (uom && strcmp(uom, "bool") == 0)
			return iv(0, 1);
		return iv(0, INFINITY);
	}
	case X_NEG:
		a = domain(s, e->arg[0], dict);
		return iv(-a.hi, -a.lo);
	case X_ADD: case X_SUB:
		a = domain(s, e->arg[0], dict);
		b = domain(s, e->arg[1], dict);
		if (e->op == X_SUB)
			b = iv(-b.hi, -b.lo);
		r = iv(a.lo + b.lo, a.hi + b.hi);
		return iv(isnan(r.lo) ? -INFINITY : r.lo, isnan(r.hi) ? INFINITY : r.hi);
	case X_MUL:
		a = domain(s, e->arg[0], dict);
		b = domain(s, e->arg[1], dict);
		p[0] = mul0(a.lo, b.lo), p[1] = mul0(a.lo, b.hi);
		p[2] = mul0(a.hi, b.lo), p[3] = mul0(a.hi, b.hi);
		r = iv(p[0], p[0]);
		for (i = 1; i < 4; i++)
			r = iv(fmin(r.lo, p[i]), fmax(r.hi, p[i]));
		return r;
	case X_DIV:
		a = domain(s, e->arg[0], dict);
		b = domain(s, e->arg[1], dict);
		return a.lo >= 0 && b.lo >= 0 ? iv(0, INFINITY) : iv(-INFINITY, INFINITY);
	case X_PCT:
		/* a share of a whole: the part is counted within the whole */
		return iv(0, 100);
	case X_GT: case X_GE: case X_LT: case X_LE: case X_EQ:
	case X_ALL: case X_ANY: case X_NOT:
		return iv(0, 1);
	case X_YEAR: case X_RECYEAR:
		return iv(0, INFINITY);
	case X_AT:
		return domain(s, e->arg[0], dict);
	case X_THROF:
		return iv(e->dom_lo, e->dom_hi);
	case X_COUNT:
		return iv(0, e->n);
	case X_SUM:
		r = iv(0, 0);
		for (i = 0; i < e->n; i++) {
			a = domain(s, e->arg[i], dict);
			r = iv(r.lo + a.lo, r.hi + a.hi);
			if (isnan(r.lo) || isnan(r.hi))
				return iv(-INFINITY, INFINITY);
		}
		return r;
	case X_MIN: case X_MAX: case X_EITHER:
		r = domain(s, e->arg[0], dict);
		for (i = 1; i < e->n; i++) {
			a = domain(s, e->arg[i], dict);
			if (e->op == X_MIN)
				r = iv(fmin(r.lo, a.lo), fmin(r.hi, a.hi));
			else if (e->op == X_MAX)
				r = iv(fmax(r.lo, a.lo), fmax(r.hi, a.hi));
			else
				r = iv(fmin(r.lo, a.lo), fmax(r.hi, a.hi));
		}
		return r;
	}
	return iv(-INFINITY, INFINITY);
}

static struct expr *expr_copy(const struct expr *e)
{
	struct expr *c;
	int i;

	if (!e || !(c = calloc(1, sizeof *c)))
		return NULL;
	*c = *e;
	c->arg = NULL;
	c->str = NULL;
	c->thr = NULL;
	c->n = 0;
	if ((e->str && !(c->str = strdup(e->str))) || (e->thr && !(c->thr = crit_thr_copy(e->thr))) ||
	    (e->n && !(c->arg = calloc((size_t)e->n, sizeof *c->arg)))) {
		crit_expr_free(c);
		return NULL;
	}
	for (i = 0; i < e->n; i++, c->n++)
		if (!(c->arg[i] = expr_copy(e->arg[i]))) {
			crit_expr_free(c);
			return NULL;
		}
	return c;
}

struct thr *crit_thr_copy(const struct thr *t)
{
	struct thr *c;
	int i, bad = 0;

	if (!t || !(c = calloc(1, sizeof *c)))
		return NULL;
	c->kind = t->kind;
	c->num = t->num;
	c->hi = t->hi;
	if (t->note && !(c->note = strdup(t->note)))
		bad = 1;
	if (t->inner && !(c->inner = crit_thr_copy(t->inner)))
		bad = 1;
	for (i = 0; i < RG_N; i++)
		if (t->region[i] && !(c->region[i] = crit_thr_copy(t->region[i])))
			bad = 1;
	if (t->dflt && !(c->dflt = crit_thr_copy(t->dflt)))
		bad = 1;
	if (t->expr && !(c->expr = expr_copy(t->expr)))
		bad = 1;
	if (t->nyear) {
		c->year = malloc((size_t)t->nyear * sizeof *c->year);
		c->by_year = calloc((size_t)t->nyear, sizeof *c->by_year);
		if (!c->year || !c->by_year)
			bad = 1;
		for (i = 0; !bad && i < t->nyear; i++, c->nyear++) {
			c->year[i] = t->year[i];
			if (!(c->by_year[i] = crit_thr_copy(t->by_year[i])))
				bad = 1;
		}
	}
	if (bad) {
		crit_thr_free(c);
		return NULL;
	}
	return c;
}

/* How many years before the evaluated one e reads: a fixed offset, or
 * CRIT_LOOKBACK_MAX when the year is computed otherwise. */
static int lookback(const struct expr *e, int *unit_dependent)
{
	int i, k = 0, b;

	if (!e)
		return 0;
	if (e->op == X_AT) {
		const struct expr *y = e->arg[1];

		if (y->op == X_YEAR)
			k = 0;
		else if (y->op == X_SUB && y->arg[0]->op == X_YEAR && y->arg[1]->op == X_NUM &&
		         y->arg[1]->num >= 0 && y->arg[1]->num <= CRIT_LOOKBACK_MAX)
			k = (int)y->arg[1]->num;
		else
			k = CRIT_LOOKBACK_MAX;
	}
	if (e->op == X_VAR || e->op == X_AT || e->op == X_RECYEAR)
		*unit_dependent = 1;
	for (i = 0; i < e->n; i++)
		if ((b = lookback(e->arg[i], unit_dependent)) > k)
			k = b;
	return k;
}

static int thr_lookback(const struct thr *t, int *unit_dependent, int *by_group)
{
	int i, k = 0, b;

	if (!t)
		return 0;
	if (t->kind == T_GROUP)
		*by_group = 1;
	if (t->kind == T_EXPR) {   /* computed per unit and year: results keep it per cell */
		int u = 0;

		k = lookback(t->expr, &u);
		*unit_dependent = 1;
	}
	if ((b = thr_lookback(t->inner, unit_dependent, by_group)) > k)
		k = b;
	for (i = 0; i < RG_N; i++)
		if ((b = thr_lookback(t->region[i], unit_dependent, by_group)) > k)
			k = b;
	if ((b = thr_lookback(t->dflt, unit_dependent, by_group)) > k)
		k = b;
	for (i = 0; i < t->nyear; i++)
		if ((b = thr_lookback(t->by_year[i], unit_dependent, by_group)) > k)
			k = b;
	return k;
}

int crit_thr_by_group(const struct thr *t)
{
	int u = 0, g = 0;

	thr_lookback(t, &u, &g);
	return g;
}

void crit_history(struct critset *s)
{
	int i, k, u = 0, g = 0, ignored = 0;

	s->lookback = 0;
	for (i = 0; i < s->nind; i++) {
		if ((k = lookback(s->ind[i].measure, &ignored)) > s->lookback)
			s->lookback = k;
		if ((k = lookback(s->ind[i].applies, &ignored)) > s->lookback)
			s->lookback = k;
		if ((k = thr_lookback(s->ind[i].thr, &u, &g)) > s->lookback)
			s->lookback = k;
	}
	s->has_unit_thr = u;
	s->has_group_thr = g;
}

void crit_domains(struct critset *s, const struct varset *dict)
{
	int i;

	for (i = 0; i < s->nind; i++) {
		struct indicator *d = &s->ind[i];
		struct ival r = d->measure ? domain(s, d->measure, dict) : iv(0, 1);

		d->dom_lo = r.lo;
		d->dom_hi = r.hi;
	}
}

static void census(const struct thr *t, int indraft, int *nd, int *nu)
{
	int i;

	if (!t)
		return;
	switch (t->kind) {
	case T_NUM:
		*nd += indraft;
		break;
	case T_UNSET:
	case T_RANGE:
		(*nu)++;
		break;
	case T_DRAFT:
		census(t->inner, 1, nd, nu);
		break;
	case T_REGION:
	case T_GROUP:
		for (i = 0; i < RG_N; i++)
			census(t->region[i], indraft, nd, nu);
		census(t->dflt, indraft, nd, nu);
		break;
	case T_YEAR:
		for (i = 0; i < t->nyear; i++)
			census(t->by_year[i], indraft, nd, nu);
		break;
	}
}

void crit_thr_census(const struct critset *s, int *ndraft, int *nunset)
{
	int i;

	*ndraft = *nunset = 0;
	for (i = 0; i < s->nind; i++)
		census(s->ind[i].thr, 0, ndraft, nunset);
}

int crit_find_indicator(const struct critset *s, const char *id)
{
	int i;

	for (i = 0; i < s->nind; i++)
		if (strcmp(s->ind[i].id, id) == 0)
			return i;
	return -1;
}

int crit_find_criterion(const struct critset *s, const char *id)
{
	int i;

	for (i = 0; i < s->ncrit; i++)
		if (strcmp(s->crit[i].id, id) == 0)
			return i;
	return -1;
}

/* Bounded appender: never overflows, always NUL-terminated. */
struct sbuf {
	char *p;
	size_t cap, len;
};

static void put(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->len + 1 >= b->cap)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		b->len = b->len + (size_t)n < b->cap ? b->len + (size_t)n : b->cap - 1;
}

static const char *const fn_name[X_N] = {
	[X_SUM] = "sum", [X_MIN] = "min_of", [X_MAX] = "max_of", [X_COUNT] = "count",
	[X_ALL] = "all", [X_ANY] = "any", [X_NOT] = "no", [X_GT] = "gt", [X_GE] = "ge",
	[X_LT] = "lt", [X_LE] = "le", [X_EQ] = "eq", [X_EITHER] = "either",
};

static void fmt_expr(const struct critset *s, const struct expr *e, struct sbuf *b, int paren)
{
	int i;

	switch (e->op) {
	case X_NUM:
		put(b, "%g", e->num);
		return;
	case X_VAR:
		put(b, "%s", s->var[e->var]);
		return;
	case X_PCT:
		put(b, "100 × ");
		fmt_expr(s, e->arg[0], b, 1);
		put(b, " / ");
		fmt_expr(s, e->arg[1], b, 1);
		return;
	case X_ADD: case X_SUB: case X_MUL: case X_DIV:
		if (paren)
			put(b, "(");
		fmt_expr(s, e->arg[0], b, 1);
		put(b, " %s ", e->op == X_ADD ? "+" : e->op == X_SUB ? "-" : e->op == X_MUL ? "×" : "/");
		fmt_expr(s, e->arg[1], b, 1);
		if (paren)
			put(b, ")");
		return;
	case X_NEG:
		put(b, "-");
		fmt_expr(s, e->arg[0], b, 1);
		return;
	case X_YEAR:
		put(b, "year");
		return;
	case X_RECYEAR:
		put(b, "recognised_year(\"%s\")", e->str ? e->str : "");
		return;
	case X_THROF: {
		const char *colon = e->str ? strrchr(e->str, ':') : NULL;

		if (colon)
			put(b, "threshold_of(\"%.*s\", \"%s\")", (int)(colon - e->str), e->str, colon + 1);
		return;
	}
	case X_AT:
		put(b, "at(");
		fmt_expr(s, e->arg[0], b, 0);
		put(b, ", ");
		fmt_expr(s, e->arg[1], b, 0);
		put(b, ")");
		return;
	default:
		put(b, "%s(", fn_name[e->op] ? fn_name[e->op] : "?");
		for (i = 0; i < e->n; i++) {
			if (i)
				put(b, ", ");
			fmt_expr(s, e->arg[i], b, 0);
		}
		put(b, ")");
	}
}

void crit_expr_format(const struct critset *s, const struct expr *e, char *buf, size_t cap)
{
	struct sbuf b = { buf, cap, 0 };

	if (cap)
		buf[0] = '\0';
	if (e)
		fmt_expr(s, e, &b, 0);
}

static void fmt_thr(const struct critset *s, const struct thr *t, struct sbuf *b)
{
	int i, first = 1;

	switch (t->kind) {
	case T_NUM:
		put(b, "%g", t->num);
		return;
	case T_UNSET:
		put(b, "not set");
		return;
	case T_RANGE:
		put(b, "%g..%g (range)", t->num, t->hi);
		return;
	case T_EXPR:
		if (s && t->expr)
			fmt_expr(s, t->expr, b, 0);
		else
			put(b, "computed for each unit");
		return;
	case T_DRAFT:
		fmt_thr(s, t->inner, b);
		put(b, " (draft)");
		return;
	case T_REGION:
		put(b, "by region {");
		for (i = 0; i < RG_N; i++) {
			if (!t->region[i])
				continue;
			put(b, "%s%s ", first ? "" : ", ", store_region_name[i]);
			fmt_thr(s, t->region[i], b);
			first = 0;
		}
		if (t->dflt) {
			put(b, "%sother ", first ? "" : ", ");
			fmt_thr(s, t->dflt, b);
		}
		put(b, "}");
		return;
	case T_GROUP:
		put(b, "by commune group {");
		for (i = 0; i < CRIT_NGROUP; i++) {
			if (!t->region[i])
				continue;
			put(b, "%snhóm %d ", first ? "" : ", ", i + 1);
			fmt_thr(s, t->region[i], b);
			first = 0;
		}
		if (t->dflt) {
			put(b, "%sother ", first ? "" : ", ");
			fmt_thr(s, t->dflt, b);
		}
		put(b, "}");
		return;
	case T_YEAR:
		put(b, "by year {");
		for (i = 0; i < t->nyear; i++) {
			put(b, "%s%d: ", i ? ", " : "", t->year[i]);
			fmt_thr(s, t->by_year[i], b);
		}
		put(b, "}");
		return;
	}
}

void crit_thr_format(const struct thr *t, char *buf, size_t cap)
{
	crit_thr_format_in(NULL, t, buf, cap);
}

void crit_thr_format_in(const struct critset *s, const struct thr *t, char *buf, size_t cap)
{
	struct sbuf b = { buf, cap, 0 };

	if (cap)
		buf[0] = '\0';
	if (t)
		fmt_thr(s, t, &b);
}

void crit_expr_free(struct expr *e)
{
	int i;

	if (!e)
		return;
	for (i = 0; i < e->n; i++)
		crit_expr_free(e->arg[i]);
	free(e->arg);
	free(e->str);
	crit_thr_free(e->thr);
	free(e);
}

void crit_thr_free(struct thr *t)
{
	int i;

	if (!t)
		return;
	free(t->note);
	crit_thr_free(t->inner);
	for (i = 0; i < RG_N; i++)
		crit_thr_free(t->region[i]);
	crit_thr_free(t->dflt);
	for (i = 0; i < t->nyear; i++)
		crit_thr_free(t->by_year[i]);
	free(t->year);
	free(t->by_year);
	crit_expr_free(t->expr);
	free(t);
}

static void free_indicator(struct indicator *d)
{
	free(d->id);
	free(d->name);
	free(d->unit);
	free(d->cite);
	free(d->note);
	free(d->renumbered_from);
	free(d->file);
	crit_expr_free(d->measure);
	crit_expr_free(d->applies);
	crit_thr_free(d->thr);
}

void crit_free(struct critset *s)
{
	int i;

	if (!s)
		return;
	for (i = 0; i < s->nind; i++)
		free_indicator(&s->ind[i]);
	for (i = 0; i < s->ncrit; i++) {
		free(s->crit[i].id);
		free(s->crit[i].name);
		free(s->crit[i].group);
	}
	for (i = 0; i < s->nvar; i++) {
		free(s->var[i]);
		if (s->agg) {
			free(s->agg[i].set);
			free(s->agg[i].level);
			free(s->agg[i].var);
		}
	}
	free(s->var);
	free(s->agg);
	for (i = 0; i < s->nrtitle; i++)
		free(s->rtitle[i]);
	free(s->rtitle);
	free(s->ind);
	free(s->crit);
	free(s->id);
	free(s->title);
	free(s->decision);
	free(s->level);
	free(s->file);
	free(s->extends);
	free(s->province);
	free(s->recognises);
	free(s->note);
	free(s);
}
