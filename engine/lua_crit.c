/* lua_crit.c - criteria set files to struct critset (lua_crit.h).
 * Runs the file in the sandbox, merges it onto the set it extends (the
 * prelude's merge), then walks the declaration tables into plain C data,
 * checking every variable against the dictionary. The walk runs under
 * sandbox_pcall (budget, deadline; running out of memory is a message) and
 * reads tables raw, checking the type of every field, so no metamethod a
 * script left behind runs and nothing in the tables is trusted. What it
 * allocates hangs off the result as soon as it exists: an error raised
 * midway leaks nothing. The only file that reads criteria declarations
 * through the Lua C API. */
#include "lua_crit.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "i18n.h"
#include "suggest.h"

#define MAX_DEPTH   8           /* sets extending each other */
#define EXPR_DEPTH  200         /* nesting of a measure (the prelude checks the same) */
#define EXPR_NODES  10000       /* operations in one measure (likewise) */
#define THR_DEPTH   10          /* nesting of a threshold (likewise) */
#define YEAR_FIRST  1990        /* by_year keys */
#define YEAR_LAST   2100
#define MAX_ITEMS   1000000     /* criteria, indicators or test cases in one file */

struct conv {
	lua_State *L;
	struct critset *s;
	const struct varset *dict;
	struct ntm_err *err;
	struct map vars;         /* name -> index in s->var */
	struct map ids, cids;    /* indicator and criterion ids -> index */
	const char *path;        /* the set's file */
	const char *file;        /* of the declaration being converted */
	int line;
	int ncap_var;
	int nodes;               /* operations of the measure being converted */
	int failed;              /* err holds a message (no Lua error was raised) */
};

/* ---- protected, raw access ----------------------------------------------- */

/* Calls fn(ud, the nargs values at the stack top) under sandbox_pcall; the
 * values are popped. */
static int protected(struct sandbox *sb, lua_CFunction fn, void *ud, int nargs,
                     struct ntm_err *err)
{
	lua_State *L = sb->L;

	if (!lua_checkstack(L, 2)) {
		lua_pop(L, nargs);
		return err_set(err, _("%s: out of memory"), sb->script);
	}
	lua_pushcfunction(L, fn);
	lua_insert(L, -(nargs + 1));           /* [fn, args] */
	lua_pushlightuserdata(L, ud);
	lua_insert(L, -(nargs + 1));           /* [fn, ud, args] */
	return sandbox_pcall(sb, nargs + 1, 0, err);
}

/* Pushes the field k of the table at absolute index t, read raw; returns
 * its type. */
static int rawfield(lua_State *L, int t, const char *k)
{
	lua_pushstring(L, k);
	return lua_rawget(L, t);
}

/* The field k of the table at t if it is an integer that fits an int,
 * else dflt. */
static int int_field(lua_State *L, int t, const char *k, int dflt)
{
	lua_Integer v = dflt;

	if (rawfield(L, t, k) == LUA_TNUMBER && lua_isinteger(L, -1))
		v = lua_tointeger(L, -1);
	lua_pop(L, 1);
	return v >= INT_MIN && v <= INT_MAX ? (int)v : dflt;
}

static int fail(struct conv *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Records "file:line: message" (file: the declaration's, or the set's). */
static int fail(struct conv *c, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (c->line > 0)
		err_set(c->err, "%s:%d: %s", c->file ? c->file : c->path, c->line, msg);
	else
		err_set(c->err, "%s: %s", c->file ? c->file : c->path, msg);
	c->failed = 1;
	return -1;
}

static int oom(struct conv *c)
{
	err_set(c->err, _("%s: out of memory"), c->path);
	c->failed = 1;
	return -1;
}

/* Copies the string field k of the table at t into *out, which the
 * result being built owns; absent leaves *out NULL, or is an error when
 * required. what names the declaration for the message. */
static int str_field(struct conv *c, int t, const char *what, const char *k, int required,
                     char **out)
{
	lua_State *L = c->L;
	int ty = rawfield(L, t, k);

	if (ty == LUA_TSTRING) {
		*out = strdup(lua_tostring(L, -1));
		lua_pop(L, 1);
		return *out ? 0 : oom(c);
	}
	lua_pop(L, 1);
	if (ty == LUA_TNIL && !required)
		return 0;
	if (ty == LUA_TNIL)
		return fail(c, _("%s: %s is missing"), what, k);
	return fail(c, _("%s: %s is a %s, not a string"), what, k, lua_typename(L, ty));
}

/* ---- measures ----------------------------------------------------------- */

static const struct { const char *name; int op, min, max; } ops[] = {
	{ "num", X_NUM, 0, 0 }, { "var", X_VAR, 0, 0 },
	{ "+", X_ADD, 2, 2 }, { "-", X_SUB, 2, 2 }, { "*", X_MUL, 2, 2 }, { "/", X_DIV, 2, 2 },
	{ "neg", X_NEG, 1, 1 }, { "pct", X_PCT, 2, 2 }, { "sum", X_SUM, 1, EXPR_NODES },
	{ "min", X_MIN, 1, EXPR_NODES }, { "max", X_MAX, 1, EXPR_NODES },
	{ "count", X_COUNT, 1, EXPR_NODES }, { "all", X_ALL, 1, EXPR_NODES },
	{ "any", X_ANY, 1, EXPR_NODES }, { "not", X_NOT, 1, 1 }, { "gt", X_GT, 2, 2 },
	{ "ge", X_GE, 2, 2 }, { "lt", X_LT, 2, 2 }, { "le", X_LE, 2, 2 }, { "eq", X_EQ, 2, 2 },
	{ "either", X_EITHER, 2, 2 }, { "year", X_YEAR, 0, 0 }, { "at", X_AT, 2, 2 },
	{ "recyear", X_RECYEAR, 0, 0 }, { "throf", X_THROF, 0, 0 },
};
#define NOPS ((int)(sizeof ops / sizeof ops[0]))

static const char *const agg_names[AG_N] = {
	"", "meets", "share", "count", "units", "sum", "mean", "min", "max",
};

/* Checks a variable name against the dictionary; 0 or -1 with c->err. */
static int known_var(struct conv *c, const char *name)
{
	struct suggest sg;
	size_t i;

	if (!c->dict || c->dict->n == 0 || map_get(&c->dict->by_name, name, NULL))
		return 0;
	fail(c, _("unknown variable '%s'"), name);
	suggest_init(&sg, name);
	for (i = 0; i < c->dict->n; i++)
		suggest_add(&sg, c->dict->v[i].name);
	suggest_append(&sg, c->err);
	err_append(c->err, _(" (variables come from %s)"),
	           c->dict->origin ? c->dict->origin : _("the dictionary, data/variables.csv"));
	return -1;
}

/* The index of variable name in the set, added on first use. kind is NULL
 * for a data variable, or the prelude's name of a derived figure (meets,
 * share, ..., with its set or level in a and variable in b). */
static int intern_var(struct conv *c, const char *name, const char *kind,
                      const char *a, const char *b)
{
	struct aggvar *g;
	int64_t idx;
	int k = AG_NONE;

	if (map_get(&c->vars, name, &idx))
		return (int)idx;
	if (kind) {
		for (k = AG_MEETS; k < AG_N && strcmp(agg_names[k], kind) != 0; k++)
			;
		if (k == AG_N || !a || (k >= AG_SUM && !b))
			return fail(c, _("malformed derived figure '%s'"), name);
		if (k >= AG_SUM && known_var(c, b) < 0)
			return -1;
	} else if (known_var(c, name) < 0) {
		return -1;
	}
	if (c->s->nvar == c->ncap_var) {
		int ncap = c->ncap_var ? c->ncap_var * 2 : 32;
		char **nv = realloc(c->s->var, (size_t)ncap * sizeof *nv);
		struct aggvar *ng;

		if (!nv)
			return oom(c);
		c->s->var = nv;
		if (!(ng = realloc(c->s->agg, (size_t)ncap * sizeof *ng)))
			return oom(c);
		c->s->agg = ng;
		c->ncap_var = ncap;
	}
	g = &c->s->agg[c->s->nvar];
	memset(g, 0, sizeof *g);
	g->kind = k;
	if (!(c->s->var[c->s->nvar] = strdup(name)))
		return oom(c);
	c->s->nvar++;
	if (k != AG_NONE) {
		c->s->nagg++;
		if (k <= AG_COUNT)
			g->set = strdup(a);
		else
			g->level = strdup(a);
		if (b)
			g->var = strdup(b);
		if ((k <= AG_COUNT && !g->set) || (k > AG_COUNT && !g->level) || (b && !g->var))
			return oom(c);
	}
	if (map_put(&c->vars, name, c->s->nvar - 1) < 0)
		return oom(c);
	return c->s->nvar - 1;
}

/* The index of recognition title in s->rtitle, added when new; -1 OOM. */
static int intern_title(struct conv *c, const char *title)
{
	struct critset *s = c->s;
	char **nt;
	int i;

	for (i = 0; i < s->nrtitle; i++)
		if (strcmp(s->rtitle[i], title) == 0)
			return i;
	if (!(nt = realloc(s->rtitle, (size_t)(s->nrtitle + 1) * sizeof *nt)))
		return oom(c);
	s->rtitle = nt;
	if (!(nt[s->nrtitle] = strdup(title)))
		return oom(c);
	return s->nrtitle++;
}

/* Converts the measure at the stack top into *slot (set as soon as the
 * node exists). Leaves the stack as it found it. */
static int conv_expr(struct conv *c, struct expr **slot, int depth)
{
	lua_State *L = c->L;
	int t = lua_gettop(L), i, k, line, rc;
	lua_Unsigned n;
	struct expr *e;

	if (depth > EXPR_DEPTH)
		return fail(c, _("a measure nested more than %d deep"), EXPR_DEPTH);
	if (++c->nodes > EXPR_NODES)
		return fail(c, _("a measure of more than %d operations"), EXPR_NODES);
	if (!lua_checkstack(L, 8))
		return fail(c, "%s", _("a measure nested too deeply for the Lua stack"));
	if (lua_type(L, t) != LUA_TTABLE)
		return fail(c, _("malformed measure: a %s (build measures with v.name, pct(), sum(), ...)"),
		            luaL_typename(L, t));
	if ((line = int_field(L, t, "line", 0)) > 0)
		c->line = line;
	if (rawfield(L, t, "op") != LUA_TSTRING) {
		lua_settop(L, t);
		return fail(c, "%s", _("malformed measure (build measures with v.name, pct(), sum(), ...)"));
	}
	for (k = 0; k < NOPS && strcmp(ops[k].name, lua_tostring(L, -1)) != 0; k++)
		;
	if (k == NOPS) {
		rc = fail(c, _("unknown measure operation '%s'"), lua_tostring(L, -1));
		lua_settop(L, t);
		return rc;
	}
	lua_settop(L, t);
	if (!(e = calloc(1, sizeof *e)))
		return oom(c);
	*slot = e;
	e->op = ops[k].op;
	if (e->op == X_NUM) {
		rc = lua_rawgeti(L, t, 1) == LUA_TNUMBER ? 0 :
		     fail(c, "%s", _("malformed measure: a number without its value"));
		e->num = lua_tonumber(L, -1);
		lua_settop(L, t);
		return rc;
	}
	if (e->op == X_RECYEAR || e->op == X_THROF) {
		/* [1] the title, or "set-id:indicator-id" */
		if (lua_rawgeti(L, t, 1) != LUA_TSTRING || !(e->str = strdup(lua_tostring(L, -1)))) {
			lua_settop(L, t);
			return e->str || lua_type(L, -1) == LUA_TSTRING ? oom(c) :
			       fail(c, _("malformed measure: '%s' without its name"), ops[k].name);
		}
		lua_settop(L, t);
		return e->op == X_RECYEAR ? (e->var = intern_title(c, e->str)) < 0 ? -1 : 0 : 0;
	}
	if (e->op == X_YEAR)
		return 0;
	if (e->op == X_VAR) {
		const char *s[4];

		/* [1] the name; derived figures: [2] kind, [3] set or level, [4] variable */
		for (i = 0; i < 4; i++) {
			int ty = lua_rawgeti(L, t, i + 1);

			if (ty != LUA_TSTRING && (i == 0 || ty != LUA_TNIL)) {
				lua_settop(L, t);
				return fail(c, "%s", _("malformed measure: a variable without a name"));
			}
			s[i] = lua_tostring(L, -1);
		}
		e->var = intern_var(c, s[0], s[1], s[2], s[3]);
		lua_settop(L, t);
		return e->var < 0 ? -1 : 0;
	}
	n = lua_rawlen(L, t);
	if (n < (lua_Unsigned)ops[k].min || n > (lua_Unsigned)ops[k].max)
		return fail(c, _("malformed measure: '%s' with %llu operands"), ops[k].name,
		            (unsigned long long)n);
	if (!(e->arg = calloc((size_t)n, sizeof *e->arg)))
		return oom(c);
	e->n = (int)n;
	for (i = 0; i < e->n; i++) {
		lua_rawgeti(L, t, i + 1);
		rc = conv_expr(c, &e->arg[i], depth + 1);
		lua_settop(L, t);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* ---- thresholds --------------------------------------------------------- */

static int conv_thr(struct conv *c, struct thr **slot, int depth);

/* by_region: region name or "default" -> threshold. */
static int conv_regions(struct conv *c, struct thr *t, int v, int depth)
{
	lua_State *L = c->L;
	int vals, r;

	if (rawfield(L, v, "values") != LUA_TTABLE)
		return fail(c, "%s", _("by_region: malformed threshold (its values are not a table)"));
	vals = lua_gettop(L);
	lua_pushnil(L);
	while (lua_next(L, vals)) {            /* [values, key, value] */
		struct thr **slot = NULL;

		if (lua_type(L, -2) == LUA_TSTRING) {
			const char *k = lua_tostring(L, -2);

			if (strcmp(k, "default") == 0)
				slot = &t->dflt;
			for (r = 0; r < RG_N && !slot; r++)
				if (strcmp(k, store_region_name[r]) == 0)
					slot = &t->region[r];
		}
		if (!slot)
			return fail(c, "%s", _("by_region: a key is not a region (tdmnpb, dbsh, btb, dhntb, tn, "
			            "dnb, dbscl or default)"));
		if (conv_thr(c, slot, depth + 1) < 0)
			return -1;
		lua_settop(L, vals + 1);           /* [values, key] */
	}
	return 0;
}

/* by_group: [1], [2], [3] (nhóm 1..3 of QĐ 51/2025) or "default" ->
 * threshold, into region[0..2] and dflt (crit.h, T_GROUP). The note is
 * what a unit whose group is not on record is told. */
static int conv_groups(struct conv *c, struct thr *t, int v, int depth)
{
	lua_State *L = c->L;
	char shown[600];
	int vals;

	if (rawfield(L, v, "values") != LUA_TTABLE)
		return fail(c, "%s", _("by_group: malformed threshold (its values are not a table)"));
	vals = lua_gettop(L);
	lua_pushnil(L);
	while (lua_next(L, vals)) {            /* [values, key, value] */
		struct thr **slot = NULL;

		if (lua_type(L, -2) == LUA_TSTRING && strcmp(lua_tostring(L, -2), "default") == 0)
			slot = &t->dflt;
		else if (lua_isinteger(L, -2) && lua_tointeger(L, -2) >= 1 &&
		         lua_tointeger(L, -2) <= CRIT_NGROUP)
			slot = &t->region[lua_tointeger(L, -2) - 1];
		if (!slot)
			return fail(c, "%s", _("by_group: a key is not a commune group ([1], [2], [3] or default)"));
		if (conv_thr(c, slot, depth + 1) < 0)
			return -1;
		lua_settop(L, vals + 1);           /* [values, key] */
	}
	crit_thr_format(t, shown, sizeof shown);
	if (!(t->note = malloc(strlen(shown) + 96)))
		return oom(c);
	snprintf(t->note, strlen(shown) + 96, "depends on the commune group, not on record for this "
	         "unit: %s", shown);
	return 0;
}

/* by_year: [year] -> threshold, years ascending. */
static int conv_years(struct conv *c, struct thr *t, int v, int depth)
{
	lua_State *L = c->L;
	int vals, n = 0, y;

	if (rawfield(L, v, "values") != LUA_TTABLE)
		return fail(c, "%s", _("by_year: malformed threshold (its values are not a table)"));
	vals = lua_gettop(L);
	lua_pushnil(L);
	while (lua_next(L, vals)) {
		if (!lua_isinteger(L, -2) || lua_tointeger(L, -2) < YEAR_FIRST ||
		    lua_tointeger(L, -2) > YEAR_LAST)
			return fail(c, _("by_year: keys are years from %d to %d"), YEAR_FIRST, YEAR_LAST);
		n++;
		lua_pop(L, 1);
	}
	if (n == 0)
		return fail(c, "%s", _("by_year{...} is empty"));
	if (!(t->year = calloc((size_t)n, sizeof *t->year)) ||
	    !(t->by_year = calloc((size_t)n, sizeof *t->by_year)))
		return oom(c);
	t->nyear = n;
	for (n = 0, y = YEAR_FIRST; y <= YEAR_LAST && n < t->nyear; y++) {
		if (lua_rawgeti(L, vals, y) != LUA_TNIL) {
			t->year[n] = y;
			if (conv_thr(c, &t->by_year[n++], depth + 1) < 0)
				return -1;
		}
		lua_settop(L, vals);
	}
	return 0;
}

/* Converts the threshold at the stack top into *slot. Leaves the stack as
 * it found it. */
static int conv_thr(struct conv *c, struct thr **slot, int depth)
{
	static const char *const kinds[] = { "draft", "unset", "region", "year", "range", "group" };
	lua_State *L = c->L;
	int v = lua_gettop(L), ty = lua_type(L, v), k, rc;
	struct thr *t;

	if (depth > THR_DEPTH)
		return fail(c, _("a threshold nested more than %d deep"), THR_DEPTH);
	if (!lua_checkstack(L, 8))
		return fail(c, "%s", _("a threshold nested too deeply for the Lua stack"));
	if (ty != LUA_TNUMBER && ty != LUA_TTABLE)
		return fail(c, _("malformed threshold: a %s (use a number, draft(), range(), unset(), "
		            "by_region{}, by_group{} or by_year{})"), lua_typename(L, ty));
	if (!(t = calloc(1, sizeof *t)))
		return oom(c);
	*slot = t;
	if (ty == LUA_TNUMBER) {
		t->kind = T_NUM;
		t->num = lua_tonumber(L, v);
		return 0;
	}
	if (rawfield(L, v, "op") == LUA_TSTRING) {   /* a measure: computed for each unit */
		lua_settop(L, v);
		t->kind = T_EXPR;
		c->nodes = 0;
		return conv_expr(c, &t->expr, 0);
	}
	lua_settop(L, v);
	if (rawfield(L, v, "kind") != LUA_TSTRING) {
		lua_settop(L, v);
		return fail(c, "%s", _("malformed threshold (use a number, draft(), range(), unset(), by_region{}, "
		            "by_group{} or by_year{})"));
	}
	for (k = 0; k < 6 && strcmp(kinds[k], lua_tostring(L, -1)) != 0; k++)
		;
	if (k == 6) {
		rc = fail(c, _("unknown threshold kind '%s'"), lua_tostring(L, -1));
		lua_settop(L, v);
		return rc;
	}
	lua_settop(L, v);
	switch (k) {
	case 0:
		t->kind = T_DRAFT;
		if ((rc = str_field(c, v, "draft()", "note", 1, &t->note)) == 0) {
			rawfield(L, v, "value");
			rc = conv_thr(c, &t->inner, depth + 1);
		}
		break;
	case 1:
		t->kind = T_UNSET;
		rc = str_field(c, v, "unset()", "note", 1, &t->note);
		break;
	case 2:
		t->kind = T_REGION;
		rc = conv_regions(c, t, v, depth);
		break;
	case 3:
		t->kind = T_YEAR;
		rc = conv_years(c, t, v, depth);
		break;
	case 5:
		t->kind = T_GROUP;
		rc = conv_groups(c, t, v, depth);
		break;
	default:
		t->kind = T_RANGE;
		if ((rc = str_field(c, v, "range()", "note", 1, &t->note)) < 0)
			break;
		/* lo <= hi, neither NaN; hi may be math.huge */
		if (rawfield(L, v, "lo") != LUA_TNUMBER || rawfield(L, v, "hi") != LUA_TNUMBER ||
		    !((t->num = lua_tonumber(L, -2)) <= (t->hi = lua_tonumber(L, -1))))
			rc = fail(c, "%s", _("range(): malformed threshold (lo and hi are numbers, lo <= hi)"));
		break;
	}
	lua_settop(L, v);
	return rc;
}

/* ---- declarations ------------------------------------------------------- */

/* Converts the indicator table at t into d. */
static int conv_indicator(struct conv *c, int t, struct indicator *d)
{
	static const char *const cmps[] = { "min", "max", "must" };
	lua_State *L = c->L;
	char what[96];
	int i, n = 0, which = 0, ty;

	d->line = int_field(L, t, "line", 0);
	c->file = c->path;
	c->line = d->line;
	if (str_field(c, t, "indicator", "file", 0, &d->file) < 0)
		return -1;
	if (d->file)
		c->file = d->file;
	if (str_field(c, t, "indicator", "id", 1, &d->id) < 0)
		return -1;
	snprintf(what, sizeof what, "indicator %s", d->id);
	if (str_field(c, t, what, "name", 1, &d->name) < 0 ||
	    str_field(c, t, what, "cite", 1, &d->cite) < 0 ||
	    str_field(c, t, what, "unit", 0, &d->unit) < 0 ||
	    str_field(c, t, what, "note", 0, &d->note) < 0 ||
	    str_field(c, t, what, "renumbered_from", 0, &d->renumbered_from) < 0)
		return -1;
	if (rawfield(L, t, "measure") == LUA_TNIL) {
		lua_settop(L, t);
		return fail(c, _("%s: measure is missing"), what);
	}
	c->nodes = 0;
	if (conv_expr(c, &d->measure, 1) < 0)
		return -1;
	lua_settop(L, t);
	if (rawfield(L, t, "applies") != LUA_TNIL) {
		c->line = d->line;
		c->nodes = 0;
		if (conv_expr(c, &d->applies, 1) < 0)
			return -1;
	}
	lua_settop(L, t);
	c->line = d->line;
	for (i = 0; i < 3; i++) {
		if (rawfield(L, t, cmps[i]) != LUA_TNIL) {
			n++;
			which = i;
		}
		lua_pop(L, 1);
	}
	if (n == 0)
		return fail(c, _("%s: threshold missing (min, max or must)"), what);
	if (n > 1)
		return fail(c, _("%s: give only one of min, max, must"), what);
	ty = rawfield(L, t, cmps[which]);
	if (which == 2) {
		/* true or false; a threshold object counts as true, as it always has */
		if (ty != LUA_TBOOLEAN && ty != LUA_TTABLE) {
			lua_settop(L, t);
			return fail(c, _("%s: must is true or false"), what);
		}
		d->cmp = CMP_MUST;
		d->must = lua_toboolean(L, -1);
	} else {
		d->cmp = which == 0 ? CMP_MIN : CMP_MAX;
		if (conv_thr(c, &d->thr, 1) < 0)
			return -1;
	}
	lua_settop(L, t);
	if (!d->unit &&
	    !(d->unit = strdup(d->cmp == CMP_MUST ? "yes/no" : d->measure->op == X_PCT ? "%" : "")))
		return oom(c);
	return 0;
}

/* Counts the indicators of the criteria list at crits (for one array). */
static int count_indicators(struct conv *c, int crits, int nc, int *ni)
{
	lua_State *L = c->L;
	lua_Unsigned total = 0;
	int i;

	for (i = 1; i <= nc; i++) {
		if (lua_rawgeti(L, crits, i) != LUA_TTABLE) {
			lua_settop(L, crits);
			return fail(c, _("criterion %d is malformed"), i);
		}
		if (rawfield(L, crits + 1, "indicators") != LUA_TTABLE) {
			lua_settop(L, crits);
			return fail(c, _("criterion %d has no indicator list"), i);
		}
		total += lua_rawlen(L, -1);
		lua_settop(L, crits);
		if (total > MAX_ITEMS)
			return fail(c, _("more than %d indicators"), MAX_ITEMS);
	}
	*ni = (int)total;
	return 0;
}

/* Converts the merged declaration table at decl. */
static int conv_set(struct conv *c, int decl)
{
	lua_State *L = c->L;
	struct critset *s = c->s;
	int set, crits, inds, i, j, nc, ni = 0, n;
	lua_Integer y1, y2;
	lua_Unsigned ncrit;
	int64_t k;

	c->file = c->path;
	c->line = 0;
	if (rawfield(L, decl, "set") != LUA_TTABLE)
		return fail(c, "%s", _("no set { id = ..., title = ..., ... } declaration (is it a criteria set file?)"));
	set = lua_gettop(L);
	c->line = int_field(L, set, "line", 0);
	if (str_field(c, set, "set", "id", 1, &s->id) < 0 ||
	    str_field(c, set, "set", "title", 1, &s->title) < 0 ||
	    str_field(c, set, "set", "decision", 1, &s->decision) < 0 ||
	    str_field(c, set, "set", "level", 1, &s->level) < 0 ||
	    str_field(c, set, "set", "extends", 0, &s->extends) < 0 ||
	    str_field(c, set, "set", "province", 0, &s->province) < 0 ||
	    str_field(c, set, "set", "recognises", 0, &s->recognises) < 0 ||
	    str_field(c, set, "set", "note", 0, &s->note) < 0)
		return -1;
	if ((!s->recognises && !(s->recognises = strdup("ntm"))) || !(s->file = strdup(c->path)))
		return oom(c);
	if (rawfield(L, set, "years") != LUA_TTABLE || lua_rawgeti(L, set + 1, 1) != LUA_TNUMBER ||
	    !lua_isinteger(L, -1) || lua_rawgeti(L, set + 1, 2) != LUA_TNUMBER || !lua_isinteger(L, -1) ||
	    (y1 = lua_tointeger(L, -2)) > (y2 = lua_tointeger(L, -1)) || y1 < 0 || y2 > 9999)
		return fail(c, "%s", _("set: years = { first, last } (e.g. years = { 2021, 2025 })"));
	s->year_from = (int)y1;
	s->year_to = (int)y2;
	lua_settop(L, decl);
	c->line = 0;

	if (rawfield(L, decl, "criteria") != LUA_TTABLE || (ncrit = lua_rawlen(L, decl + 1)) == 0 ||
	    ncrit > MAX_ITEMS)
		return fail(c, "%s", _("the set has no criterion"));
	crits = decl + 1;
	nc = (int)ncrit;
	if (count_indicators(c, crits, nc, &ni) < 0)
		return -1;
	if (!(s->crit = calloc((size_t)ncrit, sizeof *s->crit)) ||
	    !(s->ind = calloc((size_t)(ni ? ni : 1), sizeof *s->ind)))
		return oom(c);
	for (i = 1; i <= nc; i++) {
		struct criterion *cr = &s->crit[s->ncrit++];
		char what[48];

		lua_rawgeti(L, crits, i);          /* [decl, criteria, crit] */
		c->file = c->path;
		c->line = int_field(L, crits + 1, "line", 0);
		snprintf(what, sizeof what, "criterion %d", i);
		if (str_field(c, crits + 1, what, "id", 1, &cr->id) < 0 ||
		    str_field(c, crits + 1, what, "name", 1, &cr->name) < 0 ||
		    str_field(c, crits + 1, what, "group", 0, &cr->group) < 0)
			return -1;
		if (map_get(&c->cids, cr->id, NULL))
			return fail(c, _("criterion %s is declared twice"), cr->id);
		if (map_put(&c->cids, cr->id, s->ncrit - 1) < 0)
			return oom(c);
		cr->first = s->nind;
		rawfield(L, crits + 1, "indicators");  /* [decl, criteria, crit, inds] */
		inds = crits + 2;
		n = (int)lua_rawlen(L, inds);
		for (j = 1; j <= n; j++) {
			struct indicator *d;

			if (s->nind == ni)
				return fail(c, _("criterion %s: its indicators changed while read"), cr->id);
			d = &s->ind[s->nind++];
			cr->n++;
			d->criterion = s->ncrit - 1;
			if (lua_rawgeti(L, inds, j) != LUA_TTABLE)
				return fail(c, _("criterion %s: item %d is not an indicator"), cr->id, j);
			if (conv_indicator(c, inds + 1, d) < 0)
				return -1;
			lua_settop(L, inds);
			if (map_get(&c->ids, d->id, &k)) {
				c->file = d->file ? d->file : c->path;
				c->line = d->line;
				return fail(c, _("indicator %s is declared twice (also in criterion %s)"), d->id,
				            s->crit[s->ind[k].criterion].id);
			}
			if (map_put(&c->ids, d->id, s->nind - 1) < 0)
				return oom(c);
		}
		lua_settop(L, crits);
	}
	lua_settop(L, decl);
	return 0;
}

/* [conv*, decl] -> [] */
static int pconv(lua_State *L)
{
	struct conv *c = lua_touserdata(L, 1);

	conv_set(c, 2);
	return 0;
}

/* What the catalog and `extends` need of a set: its id, extends and line. */
struct head {
	const char *path;
	struct ntm_err *err;
	char *id, *extends;      /* malloc'd */
	int line;
	int failed;
};

/* [head*, decl] -> [] */
static int phead(lua_State *L)
{
	struct head *h = lua_touserdata(L, 1);
	int ty;

	if (rawfield(L, 2, "set") != LUA_TTABLE) {
		h->failed = 1;
		err_set(h->err, _("%s: no set { id = ..., title = ..., ... } declaration "
		        "(is it a criteria set file?)"), h->path);
		return 0;
	}
	h->line = int_field(L, 3, "line", 0);
	if (rawfield(L, 3, "id") != LUA_TSTRING || !(h->id = strdup(lua_tostring(L, -1)))) {
		h->failed = 1;
		err_set(h->err, _("%s: set: id is missing"), h->path);
		return 0;
	}
	lua_pop(L, 1);
	if ((ty = rawfield(L, 3, "extends")) == LUA_TSTRING) {
		if (!(h->extends = strdup(lua_tostring(L, -1)))) {
			h->failed = 1;
			err_set(h->err, _("%s: out of memory"), h->path);
		}
	} else if (ty != LUA_TNIL) {
		h->failed = 1;
		err_set(h->err, _("%s: set: extends names a set id"), h->path);
	}
	return 0;
}

/* Reads the head of the declaration table at the stack top (left there).
 * Returns 0 (free h->id and h->extends) or -1 with err. */
static int read_head(struct sandbox *sb, const char *path, struct head *h, struct ntm_err *err)
{
	memset(h, 0, sizeof *h);
	h->path = path;
	h->err = err;
	if (!lua_checkstack(sb->L, 1))
		return err_set(err, _("%s: out of memory"), path);
	lua_pushvalue(sb->L, -1);
	if (protected(sb, phead, h, 1, err) < 0 || h->failed) {
		free(h->id);
		free(h->extends);
		return -1;
	}
	return 0;
}

/* A set that extends none has nothing to amend, remove or add to: say so
 * at the first such line rather than drop it. decl is at the stack top. */
static int changes_alone(lua_State *L, const char *path, const struct head *h, struct ntm_err *err)
{
	static const char *const kind[] = { "amends", "removes", "adds" };
	static const char *const word[] = { "amend", "remove", "add_to" };
	int top = lua_gettop(L), k, line;

	for (k = 0; k < 3; k++) {
		if (rawfield(L, top, kind[k]) == LUA_TTABLE && lua_rawgeti(L, -1, 1) == LUA_TTABLE) {
			line = int_field(L, lua_gettop(L), "line", 0);
			lua_settop(L, top);
			return err_set(err, _("%s:%d: %s needs a set to change: set %s extends none (add "
			               "extends = \"SET\" to set { ... })"), path, line, word[k], h->id);
		}
		lua_settop(L, top);
	}
	return 0;
}

/* Runs path and, through `extends`, its ancestors; pushes the merged
 * declaration table. chain holds the ids being loaded, to refuse cycles. */
static int load_decl(struct sandbox *sb, const char *path, lcrit_find_fn find, void *ctx,
                     const char **chain, int depth, struct ntm_err *err)
{
	lua_State *L = sb->L;
	struct head h;
	const char *ppath;
	int i, rc = -1;

	if (!lua_checkstack(L, 4))
		return err_set(err, _("%s: out of memory"), path);
	if (sandbox_run_file(sb, path, err) < 0)
		return -1;                              /* [decl] */
	if (read_head(sb, path, &h, err) < 0) {
		lua_pop(L, 1);
		return -1;
	}
	if (!h.extends) {
		if (changes_alone(L, path, &h, err) < 0)
			goto fail;
		rc = 0;
		goto done;
	}
	chain[depth] = h.id;
	for (i = 0; i <= depth; i++) {
		if (strcmp(chain[i], h.extends) == 0) {
			err_set(err, _("%s:%d: set '%s' extends '%s', which extends it back (a cycle:"), path,
			        h.line, h.id, h.extends);
			for (i = 0; i <= depth; i++)
				err_append(err, " %s ->", chain[i]);
			err_append(err, " %s)", h.extends);
			goto fail;
		}
	}
	if (depth + 1 >= MAX_DEPTH) {
		err_set(err, _("%s:%d: sets extend each other more than %d deep"), path, h.line, MAX_DEPTH);
		goto fail;
	}
	if (!find || !(ppath = find(ctx, h.extends))) {
		err_set(err, _("%s:%d: set '%s' extends '%s', which is not in the criteria path "
		        "(`ntm criteria list` shows the sets found)"), path, h.line, h.id, h.extends);
		goto fail;
	}
	if (load_decl(sb, ppath, find, ctx, chain, depth + 1, err) < 0)
		goto fail;                              /* [decl, pdecl] */
	lua_rawgeti(L, LUA_REGISTRYINDEX, sb->ref_merge);
	lua_insert(L, -3);                          /* [merge, decl, pdecl] */
	lua_insert(L, -2);                          /* [merge, pdecl, decl] */
	sb->script = path;
	if (sandbox_pcall(sb, 2, 1, err) < 0)       /* [merged] */
		goto done;
	rc = 0;
	goto done;
fail:
	lua_pop(L, 1);
done:
	free(h.id);
	free(h.extends);
	return rc;
}

struct critset *lcrit_load(struct sandbox *sb, const char *path, const struct varset *dict,
                           lcrit_find_fn find, void *ctx, struct ntm_err *err)
{
	const char *chain[MAX_DEPTH];
	struct ntm_err ignored = { 0 };
	struct conv c;
	int top = lua_gettop(sb->L);

	memset(&c, 0, sizeof c);
	c.L = sb->L;
	c.dict = dict;
	c.err = err;
	c.path = path;
	map_init(&c.vars);
	map_init(&c.ids);
	map_init(&c.cids);
	if (load_decl(sb, path, find, ctx, chain, 0, err) < 0)
		goto fail;                              /* [decl] */
	if (!(c.s = calloc(1, sizeof *c.s))) {
		err_set(err, _("%s: out of memory"), path);
		goto fail;
	}
	sb->script = path;
	if (protected(sb, pconv, &c, 1, err) < 0 || c.failed)
		goto fail;
	crit_domains(c.s, dict);
	crit_history(c.s);
	lua_settop(sb->L, top);
	map_free(&c.vars);
	map_free(&c.ids);
	map_free(&c.cids);
	/* the declarations are garbage now; give the memory back before the
	 * next file runs under the same cap */
	sandbox_collect(sb, &ignored);
	return c.s;
fail:
	lua_settop(sb->L, top);
	map_free(&c.vars);
	map_free(&c.ids);
	map_free(&c.cids);
	crit_free(c.s);
	return NULL;
}

int lcrit_peek(struct sandbox *sb, const char *path, char **id, char **extends,
               struct ntm_err *err)
{
	struct ntm_err ignored = { 0 };
	int top = lua_gettop(sb->L);
	struct head h;

	*id = *extends = NULL;
	if (sandbox_run_file(sb, path, err) < 0)
		return -1;
	if (read_head(sb, path, &h, err) < 0) {
		lua_settop(sb->L, top);
		return -1;
	}
	lua_settop(sb->L, top);
	*id = h.id;
	*extends = h.extends;
	sandbox_collect(sb, &ignored);
	return 0;
}

/* ---- test files --------------------------------------------------------- */

struct tconv {
	struct crit_tests *out;
	const char *path;
	struct ntm_err *err;
	int failed;
};

static int tfail(struct tconv *tc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int tfail(struct tconv *tc, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	err_set(tc->err, "%s", msg);
	tc->failed = 1;
	return -1;
}

static int add_expect(struct crit_case *k, int kind, const char *id, const char *status)
{
	struct crit_expect *ne = realloc(k->expect, (size_t)(k->nexpect + 1) * sizeof *ne);

	if (!ne)
		return -1;
	k->expect = ne;
	ne[k->nexpect].kind = kind;
	ne[k->nexpect].id = id ? strdup(id) : NULL;
	ne[k->nexpect].status = strdup(status);
	k->nexpect++;
	return (id && !ne[k->nexpect - 1].id) || !ne[k->nexpect - 1].status ? -1 : 0;
}

/* Reads the map at t (id -> status, raw) into expectations. */
static int read_expect(struct tconv *tc, lua_State *L, int t, struct crit_case *k, int kind)
{
	lua_pushnil(L);
	while (lua_next(L, t)) {
		if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
			return tfail(tc, _("%s:%d: test '%s': expectations are [\"id\"] = \"status\""),
			             tc->path, k->line, k->title);
		if (add_expect(k, kind, lua_tostring(L, -2), lua_tostring(L, -1)) < 0)
			return tfail(tc, _("%s: out of memory"), tc->path);
		lua_pop(L, 1);
	}
	return 0;
}

/* Reads the case table at cs into k. */
static int read_case(struct tconv *tc, lua_State *L, int cs, struct crit_case *k)
{
	int data, derived = 0, nd = 0, ty;

	k->line = int_field(L, cs, "line", 0);
	if (rawfield(L, cs, "title") != LUA_TSTRING)
		return tfail(tc, _("%s:%d: a test without a title"), tc->path, k->line);
	if (!(k->title = strdup(lua_tostring(L, -1))))
		return tfail(tc, _("%s: out of memory"), tc->path);
	lua_settop(L, cs);
	if ((ty = rawfield(L, cs, "region")) == LUA_TSTRING && !(k->region = strdup(lua_tostring(L, -1))))
		return tfail(tc, _("%s: out of memory"), tc->path);
	if (ty != LUA_TSTRING && ty != LUA_TNIL)
		return tfail(tc, _("%s:%d: test '%s': region is a region name"), tc->path, k->line, k->title);
	lua_settop(L, cs);
	if ((ty = rawfield(L, cs, "group")) != LUA_TNIL) {
		if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1 ||
		    lua_tointeger(L, -1) > CRIT_NGROUP)
			return tfail(tc, _("%s:%d: test '%s': group is a commune group, 1, 2 or 3 (leave it "
			             "out for a unit whose group is not known)"), tc->path, k->line, k->title);
		k->group = (int)lua_tointeger(L, -1);
	}
	lua_settop(L, cs);
	if ((ty = rawfield(L, cs, "year")) != LUA_TNIL) {
		if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 0 || lua_tointeger(L, -1) > 9999)
			return tfail(tc, _("%s:%d: test '%s': year is a year"), tc->path, k->line, k->title);
		k->year = (int)lua_tointeger(L, -1);
	}
	lua_settop(L, cs);
	if (rawfield(L, cs, "data") != LUA_TTABLE)
		return tfail(tc, _("%s:%d: test '%s': data = { variable = value, ... } is missing"),
		             tc->path, k->line, k->title);
	data = cs + 1;
	if (rawfield(L, cs, "derived") == LUA_TTABLE)
		derived = data + 1;
	lua_pushnil(L);
	while (lua_next(L, data)) {
		if (++nd > MAX_ITEMS)
			return tfail(tc, _("%s:%d: test '%s': more than %d figures"), tc->path, k->line,
			             k->title, MAX_ITEMS);
		lua_pop(L, 1);
	}
	k->var = calloc((size_t)(nd ? nd : 1), sizeof *k->var);
	k->val = calloc((size_t)(nd ? nd : 1), sizeof *k->val);
	k->derived = calloc((size_t)(nd ? nd : 1), 1);
	if (!k->var || !k->val || !k->derived)
		return tfail(tc, _("%s: out of memory"), tc->path);
	lua_pushnil(L);
	while (lua_next(L, data)) {            /* [.., key, value] */
		if (lua_type(L, -2) != LUA_TSTRING ||
		    (lua_type(L, -1) != LUA_TNUMBER && lua_type(L, -1) != LUA_TBOOLEAN))
			return tfail(tc, _("%s:%d: test '%s': data is { variable = number or true/false, ... }"),
			             tc->path, k->line, k->title);
		if (k->ndata < nd) {
			k->val[k->ndata] = lua_type(L, -1) == LUA_TBOOLEAN ? lua_toboolean(L, -1) :
			                   lua_tonumber(L, -1);
			if (derived) {
				lua_pushvalue(L, -2);
				k->derived[k->ndata] = lua_rawget(L, derived) != LUA_TNIL;
				lua_pop(L, 1);
			}
			if (!(k->var[k->ndata] = strdup(lua_tostring(L, -2))))
				return tfail(tc, _("%s: out of memory"), tc->path);
			k->ndata++;
		}
		lua_pop(L, 1);
	}
	lua_settop(L, cs);
	if (rawfield(L, cs, "expect") == LUA_TTABLE &&
	    read_expect(tc, L, cs + 1, k, EXPECT_INDICATOR) < 0)
		return -1;
	lua_settop(L, cs);
	if (rawfield(L, cs, "criteria") == LUA_TTABLE &&
	    read_expect(tc, L, cs + 1, k, EXPECT_CRITERION) < 0)
		return -1;
	lua_settop(L, cs);
	if ((ty = rawfield(L, cs, "result")) == LUA_TSTRING &&
	    add_expect(k, EXPECT_SET, NULL, lua_tostring(L, -1)) < 0)
		return tfail(tc, _("%s: out of memory"), tc->path);
	if (ty != LUA_TSTRING && ty != LUA_TNIL)
		return tfail(tc, _("%s:%d: test '%s': result is a status"), tc->path, k->line, k->title);
	lua_settop(L, cs);
	return 0;
}

/* Reads the test declarations at decl into tc->out. */
static int read_tests(struct tconv *tc, lua_State *L, int decl)
{
	struct crit_tests *out = tc->out;
	lua_Unsigned n;
	int tests, i;

	if (rawfield(L, decl, "tests_for") != LUA_TSTRING)
		return tfail(tc, _("%s: no tests_for \"set-id\" line (which set do the tests check?)"),
		             tc->path);
	if (!(out->set_id = strdup(lua_tostring(L, -1))))
		return tfail(tc, _("%s: out of memory"), tc->path);
	lua_settop(L, decl);
	if (rawfield(L, decl, "tests") != LUA_TTABLE || (n = lua_rawlen(L, decl + 1)) > MAX_ITEMS)
		return tfail(tc, _("%s: malformed tests"), tc->path);
	tests = decl + 1;
	if (!(out->c = calloc((size_t)(n ? n : 1), sizeof *out->c)))
		return tfail(tc, _("%s: out of memory"), tc->path);
	for (i = 1; i <= (int)n; i++) {
		struct crit_case *k = &out->c[out->n++];

		if (!lua_checkstack(L, 8))
			return tfail(tc, _("%s: out of memory"), tc->path);
		if (lua_rawgeti(L, tests, i) != LUA_TTABLE)
			return tfail(tc, _("%s: test %d is malformed"), tc->path, i);
		if (read_case(tc, L, tests + 1, k) < 0)
			return -1;
		lua_settop(L, tests);
	}
	return 0;
}

/* [tconv*, decl] -> [] */
static int ptests(lua_State *L)
{
	read_tests(lua_touserdata(L, 1), L, 2);
	return 0;
}

int lcrit_tests(struct sandbox *sb, const char *path, struct crit_tests *out, struct ntm_err *err)
{
	struct tconv tc = { out, path, err, 0 };
	struct ntm_err ignored = { 0 };
	int top = lua_gettop(sb->L);

	memset(out, 0, sizeof *out);
	if (sandbox_run_file(sb, path, err) < 0)
		return -1;                              /* [decl] */
	if (protected(sb, ptests, &tc, 1, err) < 0 || tc.failed) {
		lua_settop(sb->L, top);
		lcrit_tests_free(out);
		return -1;
	}
	lua_settop(sb->L, top);
	sandbox_collect(sb, &ignored);
	return 0;
}

void lcrit_tests_free(struct crit_tests *t)
{
	int i, j;

	for (i = 0; i < t->n; i++) {
		struct crit_case *k = &t->c[i];

		for (j = 0; j < k->ndata; j++)
			free(k->var[j]);
		for (j = 0; j < k->nexpect; j++) {
			free(k->expect[j].id);
			free(k->expect[j].status);
		}
		free(k->var);
		free(k->val);
		free(k->derived);
		free(k->expect);
		free(k->title);
		free(k->region);
	}
	free(t->c);
	free(t->set_id);
	memset(t, 0, sizeof *t);
}
