/* crit.c - threshold resolution, look-ups, display and release of a
 * criteria set (crit.h). Plain C; store.h only for region names. */
#include "crit.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

void crit_thr_resolve(const struct thr *t, int region, int year, struct thr_value *out)
{
	const struct thr *sub;
	int i;

	out->value = 0;
	out->status = TS_UNSET;
	out->note = "threshold not set";
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
	case T_DRAFT:
		crit_thr_resolve(t->inner, region, year, out);
		if (out->status == TS_SET) {
			out->status = TS_DRAFT;
			out->note = t->note;
		}
		return;
	case T_REGION:
		sub = region >= 0 && region < RG_N && t->region[region] ? t->region[region] : t->dflt;
		if (!sub) {
			out->note = region < 0 ? "the unit has no threshold region" :
			            "no value for this region";
			return;
		}
		crit_thr_resolve(sub, region, year, out);
		return;
	case T_YEAR:
		/* the latest year not after `year`; before the first, the first */
		sub = t->by_year[0];
		for (i = 0; i < t->nyear && t->year[i] <= year; i++)
			sub = t->by_year[i];
		crit_thr_resolve(sub, region, year, out);
		return;
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
		(*nu)++;
		break;
	case T_DRAFT:
		census(t->inner, 1, nd, nu);
		break;
	case T_REGION:
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

static void fmt_thr(const struct thr *t, struct sbuf *b)
{
	int i, first = 1;

	switch (t->kind) {
	case T_NUM:
		put(b, "%g", t->num);
		return;
	case T_UNSET:
		put(b, "not set");
		return;
	case T_DRAFT:
		fmt_thr(t->inner, b);
		put(b, " (draft)");
		return;
	case T_REGION:
		put(b, "by region {");
		for (i = 0; i < RG_N; i++) {
			if (!t->region[i])
				continue;
			put(b, "%s%s ", first ? "" : ", ", store_region_name[i]);
			fmt_thr(t->region[i], b);
			first = 0;
		}
		if (t->dflt) {
			put(b, "%sother ", first ? "" : ", ");
			fmt_thr(t->dflt, b);
		}
		put(b, "}");
		return;
	case T_YEAR:
		put(b, "by year {");
		for (i = 0; i < t->nyear; i++) {
			put(b, "%s%d: ", i ? ", " : "", t->year[i]);
			fmt_thr(t->by_year[i], b);
		}
		put(b, "}");
		return;
	}
}

void crit_thr_format(const struct thr *t, char *buf, size_t cap)
{
	struct sbuf b = { buf, cap, 0 };

	if (cap)
		buf[0] = '\0';
	if (t)
		fmt_thr(t, &b);
}

void crit_expr_free(struct expr *e)
{
	int i;

	if (!e)
		return;
	for (i = 0; i < e->n; i++)
		crit_expr_free(e->arg[i]);
	free(e->arg);
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
	free(t);
}

static void free_indicator(struct indicator *d)
{
	free(d->id);
	free(d->name);
	free(d->unit);
	free(d->cite);
	free(d->note);
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
