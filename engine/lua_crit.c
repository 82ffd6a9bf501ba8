/* lua_crit.c - criteria set files to struct critset (lua_crit.h).
 * Runs the file in the sandbox, merges it onto the set it extends (the
 * prelude's merge), then walks the declaration tables into plain C data,
 * checking every variable against the dictionary. The only file that reads
 * criteria declarations through the Lua C API. */
#include "lua_crit.h"

#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "suggest.h"

#define MAX_DEPTH 8

struct conv {
	lua_State *L;
	struct critset *s;
	const struct varset *dict;
	struct ntm_err *err;
	struct map vars;         /* name -> index in s->var */
	const char *file;        /* of the indicator being converted */
	int line;
	int ncap_var;
};

/* ---- table access -------------------------------------------------------
 * Each helper leaves the stack as it found it. */

static char *get_str(lua_State *L, int idx, const char *k)
{
	char *r = NULL;

	if (lua_getfield(L, idx, k) == LUA_TSTRING)
		r = strdup(lua_tostring(L, -1));
	lua_pop(L, 1);
	return r;
}

static int get_int(lua_State *L, int idx, const char *k, int dflt)
{
	int r = dflt;

	if (lua_getfield(L, idx, k) == LUA_TNUMBER)
		r = (int)lua_tointeger(L, -1);
	lua_pop(L, 1);
	return r;
}

static int fail(struct conv *c, const char *fmt, const char *a)
{
	err_set(c->err, "%s:%d: ", c->file ? c->file : "?", c->line);
	err_append(c->err, fmt, a);
	return -1;
}

/* ---- measures ----------------------------------------------------------- */

static const struct { const char *name; int op; } ops[] = {
	{ "num", X_NUM }, { "var", X_VAR }, { "+", X_ADD }, { "-", X_SUB },
	{ "*", X_MUL }, { "/", X_DIV }, { "neg", X_NEG }, { "pct", X_PCT },
	{ "sum", X_SUM }, { "min", X_MIN }, { "max", X_MAX }, { "count", X_COUNT },
	{ "all", X_ALL }, { "any", X_ANY }, { "not", X_NOT }, { "gt", X_GT },
	{ "ge", X_GE }, { "lt", X_LT }, { "le", X_LE }, { "eq", X_EQ },
	{ "either", X_EITHER },
};

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
	fail(c, "unknown variable '%s'", name);
	suggest_init(&sg, name);
	for (i = 0; i < c->dict->n; i++)
		suggest_add(&sg, c->dict->v[i].name);
	suggest_append(&sg, c->err);
	err_append(c->err, " (variables come from the dictionary, data/variables.csv)");
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
			return fail(c, "malformed derived figure '%s'", name);
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
			return err_set(c->err, "out of memory");
		c->s->var = nv;
		if (!(ng = realloc(c->s->agg, (size_t)ncap * sizeof *ng)))
			return err_set(c->err, "out of memory");
		c->s->agg = ng;
		c->ncap_var = ncap;
	}
	g = &c->s->agg[c->s->nvar];
	memset(g, 0, sizeof *g);
	g->kind = k;
	if (!(c->s->var[c->s->nvar] = strdup(name)))
		return err_set(c->err, "out of memory");
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
			return err_set(c->err, "out of memory");
	}
	if (map_put(&c->vars, name, c->s->nvar - 1) < 0)
		return err_set(c->err, "out of memory");
	return c->s->nvar - 1;
}

/* Converts the measure table at the stack top. */
static struct expr *conv_expr(struct conv *c, int depth)
{
	lua_State *L = c->L;
	int top = lua_gettop(L), i, n, line;
	struct expr *e = NULL;
	const char *op;

	if (depth > 200) {
		fail(c, "a measure is nested too deeply%s", "");
		return NULL;
	}
	if (!lua_istable(L, -1) || lua_getfield(L, -1, "op") != LUA_TSTRING) {
		lua_settop(L, top);
		fail(c, "malformed measure (build measures with v.name, pct(), sum(), ...)%s", "");
		return NULL;
	}
	op = lua_tostring(L, -1);
	line = get_int(L, top, "line", 0);
	if (line)
		c->line = line;
	if (!(e = calloc(1, sizeof *e)))
		goto oom;
	e->op = -1;
	for (i = 0; i < (int)(sizeof ops / sizeof ops[0]); i++)
		if (strcmp(ops[i].name, op) == 0)
			e->op = ops[i].op;
	lua_pop(L, 1);
	if (e->op < 0) {
		fail(c, "unknown measure operation '%s'", op);
		goto fail;
	}
	n = (int)lua_rawlen(L, top);
	if (e->op == X_NUM) {
		lua_rawgeti(L, top, 1);
		e->num = lua_tonumber(L, -1);
		lua_settop(L, top);
		return e;
	}
	if (e->op == X_VAR) {
		lua_rawgeti(L, top, 1);
		lua_rawgeti(L, top, 2);
		lua_rawgeti(L, top, 3);
		lua_rawgeti(L, top, 4);
		e->var = intern_var(c, lua_tostring(L, -4), lua_tostring(L, -3),
		                    lua_tostring(L, -2), lua_tostring(L, -1));
		lua_settop(L, top);
		if (e->var < 0)
			goto fail;
		return e;
	}
	if (!(e->arg = calloc((size_t)n, sizeof *e->arg)))
		goto oom;
	for (i = 0; i < n; i++) {
		lua_rawgeti(L, top, i + 1);
		e->arg[i] = conv_expr(c, depth + 1);
		lua_settop(L, top);
		if (!e->arg[i])
			goto fail;
		e->n++;
	}
	return e;
oom:
	err_set(c->err, "out of memory");
fail:
	lua_settop(L, top);
	crit_expr_free(e);
	return NULL;
}

/* ---- thresholds --------------------------------------------------------- */

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* Converts the threshold value at the stack top. */
static struct thr *conv_thr(struct conv *c, int depth)
{
	lua_State *L = c->L;
	int top = lua_gettop(L), i;
	struct thr *t;
	char *kind = NULL;

	if (depth > 10) {
		fail(c, "a threshold is nested too deeply%s", "");
		return NULL;
	}
	if (!(t = calloc(1, sizeof *t)))
		goto oom;
	if (lua_type(L, -1) == LUA_TNUMBER) {
		t->kind = T_NUM;
		t->num = lua_tonumber(L, -1);
		return t;
	}
	if (!lua_istable(L, -1) || !(kind = get_str(L, top, "kind"))) {
		fail(c, "malformed threshold (use a number, draft(), unset(), by_region{} or by_year{})%s", "");
		goto fail;
	}
	if (strcmp(kind, "draft") == 0) {
		t->kind = T_DRAFT;
		t->note = get_str(L, top, "note");
		lua_getfield(L, top, "value");
		t->inner = conv_thr(c, depth + 1);
		lua_settop(L, top);
		if (!t->inner)
			goto fail;
	} else if (strcmp(kind, "unset") == 0) {
		t->kind = T_UNSET;
		t->note = get_str(L, top, "note");
	} else if (strcmp(kind, "region") == 0) {
		t->kind = T_REGION;
		lua_getfield(L, top, "values");
		for (i = 0; i < RG_N; i++) {
			lua_getfield(L, top + 1, store_region_name[i]);
			if (!lua_isnil(L, -1) && !(t->region[i] = conv_thr(c, depth + 1)))
				goto fail;
			lua_settop(L, top + 1);
		}
		lua_getfield(L, top + 1, "default");
		if (!lua_isnil(L, -1) && !(t->dflt = conv_thr(c, depth + 1)))
			goto fail;
		lua_settop(L, top);
	} else if (strcmp(kind, "year") == 0) {
		int n = 0;

		t->kind = T_YEAR;
		lua_getfield(L, top, "values");
		lua_pushnil(L);
		while (lua_next(L, top + 1)) {
			n++;
			lua_pop(L, 1);
		}
		if (!(t->year = calloc((size_t)n, sizeof *t->year)) ||
		    !(t->by_year = calloc((size_t)n, sizeof *t->by_year)))
			goto oom;
		lua_pushnil(L);
		while (lua_next(L, top + 1)) {
			if (t->nyear < n)
				t->year[t->nyear++] = (int)lua_tointeger(L, -2);
			lua_pop(L, 1);
		}
		qsort(t->year, (size_t)t->nyear, sizeof *t->year, cmp_int);
		for (i = 0; i < t->nyear; i++) {
			lua_rawgeti(L, top + 1, t->year[i]);
			if (!(t->by_year[i] = conv_thr(c, depth + 1)))
				goto fail;
			lua_settop(L, top + 1);
		}
		lua_settop(L, top);
	} else {
		fail(c, "unknown threshold kind '%s'", kind);
		goto fail;
	}
	free(kind);
	return t;
oom:
	err_set(c->err, "out of memory");
fail:
	lua_settop(L, top);
	free(kind);
	crit_thr_free(t);
	return NULL;
}

/* ---- declarations ------------------------------------------------------- */

/* Converts the indicator table at the stack top into d. */
static int conv_indicator(struct conv *c, struct indicator *d)
{
	lua_State *L = c->L;
	int top = lua_gettop(L), t;

	d->id = get_str(L, top, "id");
	d->name = get_str(L, top, "name");
	d->unit = get_str(L, top, "unit");
	d->cite = get_str(L, top, "cite");
	d->note = get_str(L, top, "note");
	d->file = get_str(L, top, "file");
	d->line = get_int(L, top, "line", 0);
	c->file = d->file;
	c->line = d->line;
	if (!d->id || !d->name || !d->cite)
		return fail(c, "indicator %s: name and cite are required", d->id ? d->id : "?");
	lua_getfield(L, top, "measure");
	d->measure = conv_expr(c, 0);
	lua_settop(L, top);
	if (!d->measure)
		return -1;
	if (lua_getfield(L, top, "applies") != LUA_TNIL) {
		c->line = d->line;
		if (!(d->applies = conv_expr(c, 0)))
			return -1;
	}
	lua_settop(L, top);
	c->line = d->line;
	if ((t = lua_getfield(L, top, "must")) != LUA_TNIL) {
		d->cmp = CMP_MUST;
		d->must = lua_toboolean(L, -1);
	} else if (lua_pop(L, 1), (t = lua_getfield(L, top, "min")) != LUA_TNIL) {
		d->cmp = CMP_MIN;
		d->thr = conv_thr(c, 0);
	} else if (lua_pop(L, 1), (t = lua_getfield(L, top, "max")) != LUA_TNIL) {
		d->cmp = CMP_MAX;
		d->thr = conv_thr(c, 0);
	} else {
		lua_settop(L, top);
		return fail(c, "indicator %s: threshold missing (min, max or must)", d->id);
	}
	lua_settop(L, top);
	if (d->cmp != CMP_MUST && !d->thr)
		return -1;
	if (!d->unit)
		d->unit = strdup(d->cmp == CMP_MUST ? "yes/no" : d->measure->op == X_PCT ? "%" : "");
	return d->unit ? 0 : err_set(c->err, "out of memory");
}

/* Converts the merged declaration table at the stack top. */
static int conv_set(struct conv *c, const char *path)
{
	lua_State *L = c->L;
	int top = lua_gettop(L), i, j, nc, ni = 0, k;
	struct critset *s = c->s;

	c->file = path;
	lua_getfield(L, top, "set");                /* [decl, set] */
	s->id = get_str(L, top + 1, "id");
	s->title = get_str(L, top + 1, "title");
	s->decision = get_str(L, top + 1, "decision");
	s->level = get_str(L, top + 1, "level");
	s->extends = get_str(L, top + 1, "extends");
	s->province = get_str(L, top + 1, "province");
	s->recognises = get_str(L, top + 1, "recognises");
	s->note = get_str(L, top + 1, "note");
	s->file = strdup(path);
	lua_getfield(L, top + 1, "years");          /* [decl, set, years] */
	lua_rawgeti(L, -1, 1);
	lua_rawgeti(L, -2, 2);
	s->year_from = (int)lua_tointeger(L, -2);
	s->year_to = (int)lua_tointeger(L, -1);
	lua_settop(L, top);
	if (!s->id || !s->title || !s->decision || !s->level || !s->file)
		return err_set(c->err, "%s: the set declaration is incomplete", path);

	lua_getfield(L, top, "criteria");           /* [decl, criteria] */
	nc = (int)lua_rawlen(L, top + 1);
	for (i = 1; i <= nc; i++) {
		lua_rawgeti(L, top + 1, i);
		lua_getfield(L, -1, "indicators");
		ni += (int)lua_rawlen(L, -1);
		lua_pop(L, 2);
	}
	if (nc == 0)
		return err_set(c->err, "%s: the set has no criterion", path);
	if (!(s->crit = calloc((size_t)nc, sizeof *s->crit)) ||
	    !(s->ind = calloc((size_t)ni, sizeof *s->ind)))
		return err_set(c->err, "out of memory");
	for (i = 1; i <= nc; i++) {
		struct criterion *cr = &s->crit[s->ncrit];
		int n;

		lua_rawgeti(L, top + 1, i);             /* [decl, criteria, crit] */
		cr->id = get_str(L, top + 2, "id");
		cr->name = get_str(L, top + 2, "name");
		cr->group = get_str(L, top + 2, "group");
		cr->first = s->nind;
		s->ncrit++;
		if (!cr->id || !cr->name)
			return err_set(c->err, "%s: criterion %d is incomplete", path, i);
		for (k = 0; k < s->ncrit - 1; k++)
			if (strcmp(s->crit[k].id, cr->id) == 0)
				return err_set(c->err, "%s:%d: criterion %s is declared twice", path,
				               get_int(L, top + 2, "line", 0), cr->id);
		lua_getfield(L, top + 2, "indicators"); /* [decl, criteria, crit, inds] */
		n = (int)lua_rawlen(L, top + 3);
		for (j = 1; j <= n; j++) {
			struct indicator *d = &s->ind[s->nind];

			lua_rawgeti(L, top + 3, j);
			s->nind++;
			cr->n++;
			d->criterion = s->ncrit - 1;
			if (conv_indicator(c, d) < 0)
				return -1;
			lua_pop(L, 1);
			for (k = 0; k < s->nind - 1; k++)
				if (strcmp(s->ind[k].id, d->id) == 0)
					return err_set(c->err, "%s:%d: indicator %s is declared twice (also in criterion %s)",
					               d->file, d->line, d->id, s->crit[s->ind[k].criterion].id);
		}
		lua_settop(L, top + 1);
	}
	lua_settop(L, top);
	return 0;
}

/* Runs path and, through `extends`, its ancestors; pushes the merged
 * declaration table. chain holds the ids being loaded, to refuse cycles. */
static int load_decl(struct sandbox *sb, const char *path, lcrit_find_fn find, void *ctx,
                     const char **chain, int depth, struct ntm_err *err)
{
	lua_State *L = sb->L;
	char *id = NULL, *ext = NULL;
	const char *ppath;
	int i, rc = -1, line;

	if (sandbox_run_file(sb, path, err) < 0)
		return -1;                              /* [decl] */
	if (lua_getfield(L, -1, "set") != LUA_TTABLE) {
		lua_pop(L, 2);
		return err_set(err, "%s: no set { id = ..., title = ..., ... } declaration "
		               "(is it a criteria set file?)", path);
	}
	id = get_str(L, -1, "id");
	ext = get_str(L, -1, "extends");
	line = get_int(L, -1, "line", 0);
	lua_pop(L, 1);                              /* [decl] */
	if (!id) {
		err_set(err, "out of memory");
		goto fail;
	}
	if (!ext) {
		rc = 0;
		goto done;
	}
	chain[depth] = id;
	for (i = 0; i <= depth; i++) {
		if (strcmp(chain[i], ext) == 0) {
			err_set(err, "%s:%d: set '%s' extends '%s', which extends it back (a cycle:", path,
			        line, id, ext);
			for (i = 0; i <= depth; i++)
				err_append(err, " %s ->", chain[i]);
			err_append(err, " %s)", ext);
			goto fail;
		}
	}
	if (depth + 1 >= MAX_DEPTH) {
		err_set(err, "%s:%d: sets extend each other more than %d deep", path, line, MAX_DEPTH);
		goto fail;
	}
	if (!find || !(ppath = find(ctx, ext))) {
		err_set(err, "%s:%d: set '%s' extends '%s', which is not in the criteria path "
		        "(`ntm criteria list` shows the sets found)", path, line, id, ext);
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
	free(id);
	free(ext);
	return rc;
}

struct critset *lcrit_load(struct sandbox *sb, const char *path, const struct varset *dict,
                           lcrit_find_fn find, void *ctx, struct ntm_err *err)
{
	const char *chain[MAX_DEPTH];
	struct conv c;
	int top = lua_gettop(sb->L);

	memset(&c, 0, sizeof c);
	c.L = sb->L;
	c.dict = dict;
	c.err = err;
	map_init(&c.vars);
	if (load_decl(sb, path, find, ctx, chain, 0, err) < 0)
		goto fail;
	if (!(c.s = calloc(1, sizeof *c.s))) {
		err_set(err, "out of memory");
		goto fail;
	}
	if (conv_set(&c, path) < 0)
		goto fail;
	crit_domains(c.s, dict);
	lua_settop(sb->L, top);
	map_free(&c.vars);
	/* the declarations are garbage now; give the memory back before the
	 * next file runs under the same cap */
	lua_gc(sb->L, LUA_GCCOLLECT);
	return c.s;
fail:
	lua_settop(sb->L, top);
	map_free(&c.vars);
	crit_free(c.s);
	return NULL;
}

int lcrit_peek(struct sandbox *sb, const char *path, char **id, char **extends,
               struct ntm_err *err)
{
	lua_State *L = sb->L;
	int top = lua_gettop(L);

	*id = *extends = NULL;
	if (sandbox_run_file(sb, path, err) < 0)
		return -1;
	if (lua_getfield(L, -1, "set") != LUA_TTABLE) {
		lua_settop(L, top);
		return err_set(err, "%s: no set { id = ..., title = ..., ... } declaration "
		               "(is it a criteria set file?)", path);
	}
	*id = get_str(L, -1, "id");
	*extends = get_str(L, -1, "extends");
	lua_settop(L, top);
	lua_gc(L, LUA_GCCOLLECT);
	return *id ? 0 : err_set(err, "out of memory");
}

/* ---- test files --------------------------------------------------------- */

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
	return 0;
}

/* Reads the map at the stack top (id -> status) into expectations. */
static int read_expect(lua_State *L, struct crit_case *k, int kind, const char *path,
                       struct ntm_err *err)
{
	int t = lua_gettop(L);

	lua_pushnil(L);
	while (lua_next(L, t)) {
		if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING) {
			lua_settop(L, t);
			return err_set(err, "%s:%d: test '%s': expectations are [\"id\"] = \"status\"",
			               path, k->line, k->title);
		}
		if (add_expect(k, kind, lua_tostring(L, -2), lua_tostring(L, -1)) < 0) {
			lua_settop(L, t);
			return err_set(err, "out of memory");
		}
		lua_pop(L, 1);
	}
	return 0;
}

int lcrit_tests(struct sandbox *sb, const char *path, struct crit_tests *out, struct ntm_err *err)
{
	lua_State *L = sb->L;
	int top = lua_gettop(L), i, n;

	memset(out, 0, sizeof *out);
	if (sandbox_run_file(sb, path, err) < 0)
		return -1;                              /* [decl] */
	out->set_id = get_str(L, top + 1, "tests_for");
	if (!out->set_id) {
		lua_settop(L, top);
		return err_set(err, "%s: no tests_for \"set-id\" line (which set do the tests check?)", path);
	}
	lua_getfield(L, top + 1, "tests");         /* [decl, tests] */
	n = (int)lua_rawlen(L, top + 2);
	if (!(out->c = calloc((size_t)(n ? n : 1), sizeof *out->c))) {
		lua_settop(L, top);
		return err_set(err, "out of memory");
	}
	for (i = 1; i <= n; i++) {
		struct crit_case *k = &out->c[out->n++];
		int nd = 0;

		lua_rawgeti(L, top + 2, i);             /* [decl, tests, case] */
		k->title = get_str(L, top + 3, "title");
		k->line = get_int(L, top + 3, "line", 0);
		k->region = get_str(L, top + 3, "region");
		k->year = get_int(L, top + 3, "year", 0);
		lua_getfield(L, top + 3, "data");       /* [.., case, data] */
		lua_pushnil(L);
		while (lua_next(L, top + 4)) {
			nd++;
			lua_pop(L, 1);
		}
		k->var = calloc((size_t)(nd ? nd : 1), sizeof *k->var);
		k->val = calloc((size_t)(nd ? nd : 1), sizeof *k->val);
		k->derived = calloc((size_t)(nd ? nd : 1), 1);
		if (!k->var || !k->val || !k->derived || !k->title)
			goto oom;
		lua_pushnil(L);
		while (lua_next(L, top + 4)) {
			if (lua_type(L, -2) != LUA_TSTRING ||
			    (lua_type(L, -1) != LUA_TNUMBER && lua_type(L, -1) != LUA_TBOOLEAN)) {
				err_set(err, "%s:%d: test '%s': data is { variable = number or true/false, ... }",
				        path, k->line, k->title);
				goto fail;
			}
			if (k->ndata < nd) {
				k->var[k->ndata] = strdup(lua_tostring(L, -2));
				k->val[k->ndata] = lua_type(L, -1) == LUA_TBOOLEAN ?
				                   lua_toboolean(L, -1) : lua_tonumber(L, -1);
				if (lua_getfield(L, top + 3, "derived") == LUA_TTABLE) {
					lua_pushvalue(L, -3);
					k->derived[k->ndata] = lua_gettable(L, -2) != LUA_TNIL;
					lua_pop(L, 1);
				}
				lua_pop(L, 1);
				if (!k->var[k->ndata++])
					goto oom;
			}
			lua_pop(L, 1);
		}
		lua_settop(L, top + 3);
		if (lua_getfield(L, top + 3, "expect") == LUA_TTABLE &&
		    read_expect(L, k, EXPECT_INDICATOR, path, err) < 0)
			goto fail;
		lua_settop(L, top + 3);
		if (lua_getfield(L, top + 3, "criteria") == LUA_TTABLE &&
		    read_expect(L, k, EXPECT_CRITERION, path, err) < 0)
			goto fail;
		lua_settop(L, top + 3);
		if (lua_getfield(L, top + 3, "result") == LUA_TSTRING &&
		    add_expect(k, EXPECT_SET, NULL, lua_tostring(L, -1)) < 0)
			goto oom;
		lua_settop(L, top + 2);
	}
	lua_settop(L, top);
	return 0;
oom:
	err_set(err, "out of memory");
fail:
	lua_settop(L, top);
	lcrit_tests_free(out);
	return -1;
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
