/* lua_check.c - the Lua side of `ntm check` (lua_check.h): `rule{}` and
 * `finding{}` in the rule files' environment, and the read-only `data`
 * API a rule's check receives. Every function checks its arguments;
 * reading goes through check.c (no SQL here), one cursor per call, held by
 * a to-be-closed userdata so an error cannot leak a statement. Calls ctx,
 * check, lua_sandbox and utf8. */
#include "lua_check.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "i18n.h"
#include "suggest.h"
#include "utf8.h"

#define RULE_ID_MAX 32
#define RULE_TITLE_MAX 200

struct lrule {
	char id[RULE_ID_MAX + 1];
	int severity;
	int dir;               /* folder of the file it came from */
	int line;
	int replaced;          /* by a rule of the same id in a later folder */
	char *title, *file;
};

/* A rule's check runs once per province in scope (or once over --unit):
 * no consistency rule compares units of two provinces, and a province's
 * rows fit the sandbox's limits where the whole country's would not. */
struct lcheck {
	struct ctx *c;
	int y0, y1;            /* years findings are kept for (0: all) */
	unsigned char *scope;  /* per unit index: 1 when in the part checked now */
	int64_t root_id;       /* the unit whose subtree is checked now */
	struct check_findings *out;
	struct lrule *rule;
	int nrule, caprule;
	int dir;               /* folder of the file loading now */
	int cur;               /* index of the rule whose check runs, or -1 */
	int ref_fns;           /* registry: { [rule index] = check function } */
	int ref_extra;         /* registry: { rule, finding, print } for each file */
	int ref_data;          /* registry: the read-only data table */
	int *var_at;           /* variable id -> dictionary index, -1 for gaps */
	int64_t max_var_id;
};

static struct lcheck *K(lua_State *L)
{
	return lua_touserdata(L, lua_upvalueindex(1));
}

/* Raises the context's error at the caller's line. */
static int raise_ctx(lua_State *L, struct ctx *c)
{
	luaL_where(L, 1);
	lua_pushstring(L, c->err.msg);
	err_clear(&c->err);
	lua_concat(L, 2);
	return lua_error(L);
}

/* ---- declarations -------------------------------------------------------- */

/* Field k of the table at t, read raw (no metamethod of the script's runs):
 * pushed, and its type returned. */
static int rawfield(lua_State *L, int t, const char *k)
{
	lua_pushstring(L, k);
	return lua_rawget(L, t);
}

/* Refuses keys of the table at t that are not in names (NULL-ended); what
 * names the call for the message. */
static void only_fields(lua_State *L, int t, const char *const *names, const char *what)
{
	lua_pushnil(L);
	while (lua_next(L, t)) {               /* [.., key, value] */
		int i, ok = 0;

		lua_pop(L, 1);
		if (lua_type(L, -1) == LUA_TSTRING)
			for (i = 0; names[i]; i++)
				ok |= strcmp(lua_tostring(L, -1), names[i]) == 0;
		if (!ok) {
			luaL_Buffer b;

			luaL_buffinit(L, &b);
			for (i = 0; names[i]; i++) {
				luaL_addstring(&b, i ? ", " : "");
				luaL_addstring(&b, names[i]);
			}
			luaL_pushresult(&b);
			luaL_error(L, _("%s: unknown field '%s' (fields: %s)"), what,
			           lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) :
			           luaL_typename(L, -2), lua_tostring(L, -1));
		}
	}
}

static int valid_id(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > RULE_ID_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_' || s[i] == '.'))
			return 0;
	return 1;
}

/* A title or message: text without control characters, valid UTF-8. */
static int plain_text(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return utf8_valid(s, n);
}

/* rule { id = "X1", title = "...", severity = "error"|"warning"|"info",
 * check = function(data) ... end } */
static int l_rule(lua_State *L)
{
	static const char *const fields[] = { "id", "title", "severity", "check", NULL };
	struct lcheck *k = K(L);
	const char *id, *title, *file = "?";
	size_t nid, ntitle;
	struct lrule *r;
	lua_Debug ar;
	int severity, line = 0, i, at;

	if (k->cur >= 0)
		return luaL_error(L, "%s", _("rule{} is declared at the top of a rule file, not inside a check"));
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 1);
	only_fields(L, 1, fields, "rule");
	if (rawfield(L, 1, "id") != LUA_TSTRING)           /* [t, id] */
		return luaL_error(L, "%s", _("rule: id is missing (e.g. id = \"X1\")"));
	id = lua_tolstring(L, 2, &nid);
	if (!valid_id(id, nid))
		return luaL_error(L, _("rule: id '%s' must be 1 to %d letters, digits, '-', '_' or '.'"),
		                  id, RULE_ID_MAX);
	if (rawfield(L, 1, "title") != LUA_TSTRING)        /* [t, id, title] */
		return luaL_error(L, _("rule %s: title is missing (what the rule checks, in a line)"), id);
	title = lua_tolstring(L, 3, &ntitle);
	if (ntitle == 0 || ntitle > RULE_TITLE_MAX || !plain_text(title, ntitle))
		return luaL_error(L, _("rule %s: title must be one line of 1 to %d bytes"), id,
		                  RULE_TITLE_MAX);
	if (rawfield(L, 1, "severity") != LUA_TSTRING)     /* [t, id, title, severity] */
		return luaL_error(L, _("rule %s: severity is missing (\"error\", \"warning\" or \"info\")"), id);
	if ((severity = check_severity_parse(lua_tostring(L, 4))) < 0)
		return luaL_error(L, _("rule %s: severity '%s' is not \"error\", \"warning\" or \"info\""),
		                  id, lua_tostring(L, 4));
	if (rawfield(L, 1, "check") != LUA_TFUNCTION)      /* [t, id, title, sev, check] */
		return luaL_error(L, _("rule %s: check = function(data) ... end is missing"), id);
	if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar)) {
		file = ar.source[0] == '@' ? ar.source + 1 : ar.short_src;
		line = ar.currentline;
	}
	/* the same id: an error within a folder, a replacement from a later one */
	for (at = -1, i = 0; i < k->nrule; i++) {
		if (k->rule[i].replaced || strcmp(k->rule[i].id, id) != 0)
			continue;
		if (k->rule[i].dir == k->dir)
			return luaL_error(L, _("rule %s is declared twice (also at %s:%d)"), id,
			                  k->rule[i].file, k->rule[i].line);
		at = i;
	}
	/* the function first: a memory error there leaves no rule without one */
	lua_rawgeti(L, LUA_REGISTRYINDEX, k->ref_fns);    /* [.., check, fns] */
	lua_insert(L, -2);
	lua_rawseti(L, -2, k->nrule + 1);                 /* fns[n + 1] = check */
	if (k->nrule == k->caprule) {
		int nc = k->caprule ? 2 * k->caprule : 16;
		struct lrule *nr = realloc(k->rule, (size_t)nc * sizeof *nr);

		if (!nr)
			return luaL_error(L, "%s", _("out of memory"));
		k->rule = nr;
		k->caprule = nc;
	}
	r = &k->rule[k->nrule];
	memset(r, 0, sizeof *r);
	memcpy(r->id, id, nid + 1);
	r->severity = severity;
	r->dir = k->dir;
	r->line = line;
	if (!(r->title = strdup(title)) || !(r->file = strdup(file))) {
		free(r->title);
		return luaL_error(L, "%s", _("out of memory"));
	}
	k->nrule++;
	if (at >= 0)
		k->rule[at].replaced = 1;
	return 0;
}

/* ---- findings -------------------------------------------------------------- */

/* The text field k of the table at t: a string kept on the stack (so the
 * pointer stays valid), NULL when absent. Raises for another type. */
static const char *text_at(lua_State *L, int t, const char *k, int i, const char *what)
{
	int type = i ? lua_rawgeti(L, t, i) : rawfield(L, t, k);
	size_t n;
	const char *s;

	if (type == LUA_TNIL) {
		lua_pop(L, 1);
		return NULL;
	}
	if (type != LUA_TSTRING)
		luaL_error(L, _("finding: %s: a string expected, got %s"), what, luaL_typename(L, -1));
	s = lua_tolstring(L, -1, &n);
	if (!utf8_valid(s, n) || strlen(s) != n)
		luaL_error(L, _("finding: %s: not valid UTF-8 text"), what);
	return s;
}

/* Reads figure i (the table at the stack top) into *f, its strings kept on
 * the stack. { what, value, source }, or named: what (or var, variable),
 * value, source. */
static void read_figure(lua_State *L, int i, struct check_fig *f)
{
	static const char *const fields[] = { "what", "var", "variable", "value", "source",
	                                      NULL };
	int t = lua_gettop(L), type;
	char what[64];
	const char *w;

	snprintf(what, sizeof what, "figures[%d]", i);
	if (lua_type(L, t) != LUA_TTABLE)
		luaL_error(L, _("finding: %s is not a table { what, value, source }"), what);
	/* positional entries 1-3, or the named fields */
	if (lua_rawlen(L, t) > 0) {
		if (lua_rawlen(L, t) > 3)
			luaL_error(L, _("finding: %s: at most 3 items { what, value, source }"), what);
	} else {
		only_fields(L, t, fields, what);
	}
	w = text_at(L, t, "what", 1, what);
	if (!w && !(w = text_at(L, t, "what", 0, what)) && !(w = text_at(L, t, "var", 0, what)))
		w = text_at(L, t, "variable", 0, what);
	if (!w)
		luaL_error(L, _("finding: %s: say what the figure is (what = \"...\")"), what);
	f->what = (char *)w;
	type = lua_rawgeti(L, t, 2);
	if (type == LUA_TNIL) {
		lua_pop(L, 1);
		type = rawfield(L, t, "value");
	}
	f->has_value = type != LUA_TNIL;
	if (f->has_value) {
		if (type != LUA_TNUMBER)
			luaL_error(L, _("finding: %s: value: a number expected, got %s"), what,
			           luaL_typename(L, -1));
		f->value = lua_tonumber(L, -1);
	}
	lua_pop(L, 1);
	if (!(f->source = (char *)text_at(L, t, "source", 3, what)))
		f->source = (char *)text_at(L, t, "source", 0, what);
}

/* finding { unit = code, year = y, message = "...", severity = "...",
 * figures = { { what, value, source }, ... } } */
static int l_finding(lua_State *L)
{
	static const char *const fields[] = { "unit", "year", "message", "severity", "figures",
	                                      NULL };
	struct lcheck *k = K(L);
	struct ctx *c = k->c;
	struct check_finding f;
	const struct lrule *r;
	lua_Integer year = 0;
	size_t n, i;
	int64_t u;
	int isnum;

	if (k->cur < 0)
		return luaL_error(L, "%s", _("finding{} is called from a rule's check function, not while "
		                  "the file loads"));
	r = &k->rule[k->cur];
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 1);
	only_fields(L, 1, fields, "finding");
	memset(&f, 0, sizeof f);
	f.rule = (char *)r->id;
	f.title = r->title;
	f.severity = r->severity;
	f.unit = -1;
	if (!(f.message = (char *)text_at(L, 1, "message", 0, "message")))
		return luaL_error(L, "%s", _("finding: message is missing (what is inconsistent, with the numbers)"));
	if (strpbrk(f.message, "\n\r\t"))
		return luaL_error(L, "%s", _("finding: message must be one line (the figures go in figures = {...})"));
	if (rawfield(L, 1, "severity") != LUA_TNIL &&
	    (lua_type(L, -1) != LUA_TSTRING || (f.severity = check_severity_parse(lua_tostring(L, -1))) < 0))
		return luaL_error(L, _("finding: severity '%s' is not \"error\", \"warning\" or \"info\""),
		                  luaL_tolstring(L, -1, NULL));
	if (rawfield(L, 1, "unit") != LUA_TSTRING)
		return luaL_error(L, _("finding: unit: the code of the unit it is about expected, got %s "
		                  "(rows give it as row.unit)"), luaL_typename(L, -1));
	if (!map_get(&c->units.by_code, lua_tostring(L, -1), &u))
		return luaL_error(L, _("finding: unit '%s' is not a unit code (rows give the code as "
		                  "row.unit)"), lua_tostring(L, -1));
	f.unit = (int)u;
	if (rawfield(L, 1, "year") != LUA_TNIL) {
		year = lua_tointegerx(L, -1, &isnum);
		if (!isnum || year < 1990 || year > 2100)
			return luaL_error(L, _("finding: year: a year from 1990 to 2100 expected, got %s"),
			                  luaL_tolstring(L, -1, NULL));
		f.year = (int)year;
		/* a code given to a new unit since: the unit of that year */
		if ((u = unitset_code(&c->units, c->units.u[f.unit].code, f.year)) >= 0)
			f.unit = (int)u;
	}
	if (rawfield(L, 1, "figures") != LUA_TNIL) {       /* [.., figures] */
		int t = lua_gettop(L);
		struct check_fig *fig;

		if (lua_type(L, t) != LUA_TTABLE)
			return luaL_error(L, _("finding: figures = { { what, value, source }, ... } expected, "
			                  "got %s"), luaL_typename(L, t));
		n = lua_rawlen(L, t);
		if (n > CHECK_MAX_FIGURES)
			return luaL_error(L, _("finding: %d figures, more than %d"), (int)n, CHECK_MAX_FIGURES);
		/* scratch memory from Lua's allocator: freed whatever raises below */
		fig = lua_newuserdatauv(L, n * sizeof *fig + 1, 0);
		luaL_checkstack(L, (int)n * 4 + 8, "finding: too many figures");
		for (i = 0; i < n; i++) {
			memset(&fig[i], 0, sizeof fig[i]);
			lua_rawgeti(L, t, (lua_Integer)i + 1);
			read_figure(L, (int)i + 1, &fig[i]);
		}
		f.fig = fig;
		f.nfig = (int)n;
	}
	/* only what falls in --unit and --years is kept; the rest was checked
	 * all the same, so a mistake in a rule shows whatever the scope */
	if (!k->scope[f.unit] ||
	    (f.year && k->y0 && (f.year < k->y0 || f.year > k->y1)))
		return 0;
	if (check_add(k->out, &f, &c->err) < 0)
		return raise_ctx(L, c);
	return 0;
}

/* print(...) writes to standard error: standard output holds the findings. */
static int l_print(lua_State *L)
{
	int n = lua_gettop(L), i;

	for (i = 1; i <= n; i++) {
		if (i > 1)
			fputc('\t', stderr);
		fputs(luaL_tolstring(L, i, NULL), stderr);
		lua_pop(L, 1);
	}
	fputc('\n', stderr);
	return 0;
}

/* ---- the data API ------------------------------------------------------------ */

/* The unit named by the value at idx; what names it in the message. */
static int find_unit(lua_State *L, struct ctx *c, int idx, const char *what)
{
	int u;

	if (lua_type(L, idx) != LUA_TSTRING)
		luaL_error(L, _("%s: a unit code or name expected, got %s"), what, luaL_typename(L, idx));
	if ((u = ctx_find_unit(c, lua_tostring(L, idx))) < 0)
		raise_ctx(L, c);
	return u;
}

static int64_t find_var(lua_State *L, struct ctx *c, int arg)
{
	const char *name = luaL_checkstring(L, arg);
	int64_t vi;

	if (!map_get(&c->vars.by_name, name, &vi)) {
		struct suggest sg;
		size_t i;

		err_set(&c->err, _("unknown variable '%s'"), name);
		suggest_init(&sg, name);
		for (i = 0; i < c->vars.n; i++)
			suggest_add(&sg, c->vars.v[i].name);
		suggest_append(&sg, &c->err);
		return raise_ctx(L, c);
	}
	return vi;
}

/* Pushes a number, whole ones as integers (58, not 58.0, in messages). */
static void push_num(lua_State *L, double v)
{
	if (v == floor(v) && fabs(v) < 9e15)
		lua_pushinteger(L, (lua_Integer)v);
	else
		lua_pushnumber(L, v);
}

static void set_str(lua_State *L, const char *k, const char *v)
{
	lua_pushstring(L, v);
	lua_setfield(L, -2, k);
}

static void set_int(lua_State *L, const char *k, lua_Integer v)
{
	lua_pushinteger(L, v);
	lua_setfield(L, -2, k);
}

/* Sets field k to v, or leaves it nil when v is NAN (not reported). */
static void set_num(lua_State *L, const char *k, double v)
{
	if (!isnan(v)) {
		push_num(L, v);
		lua_setfield(L, -2, k);
	}
}

/* Pushes { code, name, level, parent, region, from, to, merged_into,
 * split_from } of unit i (absent fields nil). */
static void push_unit(lua_State *L, const struct unitset *us, int i)
{
	const struct unit *u = &us->u[i];

	lua_createtable(L, 0, 9);
	set_str(L, "code", u->code);
	set_str(L, "name", u->name);
	set_str(L, "level", store_level_name[u->level]);
	if (u->parent >= 0)
		set_str(L, "parent", us->u[u->parent].code);
	if (u->region >= 0)
		set_str(L, "region", store_region_name[u->region]);
	if (u->valid_from)
		set_int(L, "from", u->valid_from);
	if (u->valid_to)
		set_int(L, "to", u->valid_to);
	if (u->merged_into >= 0)
		set_str(L, "merged_into", us->u[u->merged_into].code);
	if (u->split_from >= 0)
		set_str(L, "split_from", us->u[u->split_from].code);
}

/* data.units([level]) -> the units in scope, parents first, then by name */
static int d_units(lua_State *L)
{
	struct lcheck *k = K(L);
	const struct unitset *us = &k->c->units;
	const char *lv = luaL_optstring(L, 1, NULL);
	int level = lv ? store_level_parse(lv) : -1, n = 0;
	size_t i;

	if (lv && level < 0)
		return luaL_argerror(L, 1, "a level: province, district, commune, township, ward or village");
	lua_newtable(L);
	for (i = 0; i < us->n; i++) {
		if (!k->scope[i] || (level >= 0 && us->u[i].level != level))
			continue;
		push_unit(L, us, (int)i);
		lua_rawseti(L, -2, ++n);
	}
	return 1;
}

/* data.unit(code or name) -> the unit (in scope or not) */
static int d_unit(lua_State *L)
{
	struct lcheck *k = K(L);

	push_unit(L, &k->c->units, find_unit(L, k->c, 1, "unit"));
	return 1;
}

/* data.children(unit [, year]) -> the units in scope directly below it
 * (those that existed in year, when given) */
static int d_children(lua_State *L)
{
	struct lcheck *k = K(L);
	const struct unitset *us = &k->c->units;
	int u = find_unit(L, k->c, 1, "children"), year = (int)luaL_optinteger(L, 2, 0), n = 0;
	size_t i;

	lua_newtable(L);
	for (i = 0; i < us->n; i++) {
		if (us->u[i].parent != u || !k->scope[i] || !unit_exists(&us->u[i], year))
			continue;
		push_unit(L, us, (int)i);
		lua_rawseti(L, -2, ++n);
	}
	return 1;
}

/* data.years() -> first, last: the years findings are kept for (nil, nil
 * for every year) */
static int d_years(lua_State *L)
{
	struct lcheck *k = K(L);

	if (!k->y0) {
		lua_pushnil(L);
		lua_pushnil(L);
	} else {
		lua_pushinteger(L, k->y0);
		lua_pushinteger(L, k->y1);
	}
	return 2;
}

/* data.variables() -> { [name] = uom } */
static int d_variables(lua_State *L)
{
	struct lcheck *k = K(L);
	const struct varset *vs = &k->c->vars;
	size_t i;

	lua_createtable(L, 0, (int)vs->n);
	for (i = 0; i < vs->n; i++)
		set_str(L, vs->v[i].name, vs->v[i].uom);
	return 1;
}

static int push_str(lua_State *L)
{
	lua_pushstring(L, lua_touserdata(L, 1));
	return 1;
}

/* Pushes s and frees it, also when pushing raises (out of memory): the
 * push runs protected, the error is raised again once s is freed. */
static void push_owned(lua_State *L, char *s)
{
	int rc;

	lua_pushcfunction(L, push_str);
	lua_pushlightuserdata(L, s);
	rc = lua_pcall(L, 1, 1, 0);
	free(s);
	if (rc != LUA_OK)
		lua_error(L);
}

/* data.fold(text) -> the key names are matched by: no diacritics, đ as d,
 * lower case, single spaces ("Nhà văn hóa" -> "nha van hoa") */
static int d_fold(lua_State *L)
{
	size_t n;
	const char *s = luaL_checklstring(L, 1, &n);
	char *f;

	if (strlen(s) != n || !utf8_valid(s, n))
		return luaL_argerror(L, 1, "not valid UTF-8 text");
	if (!(f = utf8_fold(s)))
		return luaL_error(L, "%s", _("out of memory"));
	push_owned(L, f);
	return 1;
}

/* data.num(x [, decimals]) -> "20,102", "2,981.839", "92.82": thousands
 * separated by commas; decimals rounded to the number given (default: up
 * to 6), trailing zeros dropped. */
static int d_num(lua_State *L)
{
	double x = luaL_checknumber(L, 1);
	lua_Integer d = luaL_optinteger(L, 2, 6);
	char raw[400], out[520];
	const char *dot, *p;
	size_t n, o = 0, intlen, i;

	luaL_argcheck(L, d >= 0 && d <= 10, 2, "decimals from 0 to 10");
	if (!isfinite(x)) {
		lua_pushstring(L, isnan(x) ? "nan" : x > 0 ? "inf" : "-inf");
		return 1;
	}
	snprintf(raw, sizeof raw, "%.*f", (int)d, x);
	n = strlen(raw);
	if (strchr(raw, '.')) {
		while (raw[n - 1] == '0')
			raw[--n] = '\0';
		if (raw[n - 1] == '.')
			raw[--n] = '\0';
	}
	if (strcmp(raw, "-0") == 0)
		strcpy(raw, "0");
	p = raw;
	if (*p == '-')
		out[o++] = *p++;
	dot = strchr(p, '.');
	intlen = dot ? (size_t)(dot - p) : strlen(p);
	for (i = 0; i < intlen; i++) {
		if (i > 0 && (intlen - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = p[i];
	}
	if (dot)
		o += (size_t)snprintf(out + o, sizeof out - o, "%s", dot);
	out[o] = '\0';
	lua_pushstring(L, out);
	return 1;
}

/* ---- rows ---------------------------------------------------------------------- */

static int cursor_gc(lua_State *L)
{
	check_close(luaL_checkudata(L, 1, "ntm.CheckCursor"));
	return 0;
}

/* Pushes a closed cursor, marked to be closed: whatever raises while the
 * rows are turned into tables, the statement is finalized. */
static struct check_cursor *new_cursor(lua_State *L)
{
	struct check_cursor *cur = lua_newuserdatauv(L, sizeof *cur, 0);

	cur->st = NULL;
	if (luaL_newmetatable(L, "ntm.CheckCursor")) {
		lua_pushcfunction(L, cursor_gc);
		lua_setfield(L, -2, "__close");
		lua_pushcfunction(L, cursor_gc);
		lua_setfield(L, -2, "__gc");
	}
	lua_setmetatable(L, -2);
	lua_toclose(L, -1);
	return cur;
}

/* The filter of a read: { unit =, within =, variable =, year =, quarter =,
 * title = }, each allowed only where names lists it. */
struct filter {
	int unit, within;      /* unit indexes, -1: none */
	int64_t var;           /* dictionary index, -1: none */
	int year, quarter;     /* 0 / -1: none */
	const char *title;
};

static void read_filter(lua_State *L, struct lcheck *k, const char *fn,
                        const char *const *names, struct filter *f)
{
	struct ctx *c = k->c;
	lua_Integer v;
	int isnum;

	f->unit = f->within = -1;
	f->var = -1;
	f->year = 0;
	f->quarter = -1;
	f->title = NULL;
	if (lua_isnoneornil(L, 1))
		return;
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_settop(L, 1);
	only_fields(L, 1, names, fn);
	if (rawfield(L, 1, "unit") != LUA_TNIL)
		f->unit = find_unit(L, c, -1, "unit");
	if (rawfield(L, 1, "within") != LUA_TNIL)
		f->within = find_unit(L, c, -1, "within");
	if (rawfield(L, 1, "variable") != LUA_TNIL)
		f->var = find_var(L, c, -1);
	if (rawfield(L, 1, "year") != LUA_TNIL) {
		v = lua_tointegerx(L, -1, &isnum);
		if (!isnum || v < 1990 || v > 2100)
			luaL_error(L, _("%s: year: a year from 1990 to 2100 expected"), fn);
		f->year = (int)v;
	}
	if (rawfield(L, 1, "quarter") != LUA_TNIL) {
		v = lua_tointegerx(L, -1, &isnum);
		if (!isnum || v < 0 || v > 4)
			luaL_error(L, _("%s: quarter: 0 (the year's figure) or 1-4 expected"), fn);
		f->quarter = (int)v;
	}
	if (rawfield(L, 1, "title") != LUA_TNIL)
		f->title = luaL_checkstring(L, -1);   /* stays on the stack */
}

/* The unit index of a row, or -1 when it is out of scope or outside the
 * filter's within. */
static int row_unit(const struct lcheck *k, const struct filter *f, int64_t id)
{
	const struct unitset *us = &k->c->units;
	int u = id > 0 && id <= us->max_id ? us->by_id[id] : -1, a;

	if (u < 0 || !k->scope[u])
		return -1;
	if (f->within < 0)
		return u;
	for (a = u; a >= 0; a = us->u[a].parent)
		if (a == f->within)
			return u;
	return -1;
}

/* Reads rows of kind what under filter f into a new array at the top. */
static int read_rows(lua_State *L, struct lcheck *k, int what, const struct filter *f)
{
	struct ctx *c = k->c;
	const struct unitset *us = &c->units;
	struct check_query q = { .what = what, .root_id = k->root_id, .year = f->year,
	                         .quarter = f->quarter, .title = f->title };
	struct check_cursor *cur;
	struct check_row r;
	int rc, u, n = 0;

	if (f->unit >= 0)
		q.unit_id = us->u[f->unit].id;
	if (f->var >= 0)
		q.variable_id = c->vars.v[f->var].id;
	if (f->within >= 0)
		q.root_id = us->u[f->within].id;   /* row_unit keeps it to the scope */
	cur = new_cursor(L);                    /* [.., cursor] */
	if (check_open(c->db, &q, cur, &c->err) < 0)
		return raise_ctx(L, c);
	lua_newtable(L);                        /* [.., cursor, rows] */
	while ((rc = check_next(cur, &r, &c->err)) > 0) {
		if ((u = row_unit(k, f, r.unit_id)) < 0)
			continue;
		lua_createtable(L, 0, 10);
		set_str(L, "unit", us->u[u].code);
		set_str(L, "unit_name", us->u[u].name);
		set_int(L, "year", r.year);
		switch (what) {
		case CHK_FIGURES: {
			int vi = r.variable_id > 0 && r.variable_id <= k->max_var_id ?
			         k->var_at[r.variable_id] : -1;

			set_int(L, "quarter", r.quarter);
			if (vi >= 0) {
				set_str(L, "variable", c->vars.v[vi].name);
				set_str(L, "uom", c->vars.v[vi].uom);
			}
			set_num(L, "value", r.value);
			break;
		}
		case CHK_FUNDING:
			set_str(L, "fund", r.fund);
			set_str(L, "kind", r.kind);
			set_num(L, "allocated", r.allocated);
			set_num(L, "disbursed", r.disbursed);
			set_str(L, "measure", r.measure);
			break;
		case CHK_PROJECTS:
			set_int(L, "quarter", r.quarter);
			set_str(L, "name", r.name);
			set_str(L, "category", r.category);
			set_num(L, "cost", r.cost);
			set_str(L, "status", r.status);
			break;
		default:
			set_str(L, "title", r.title);
			if (*r.decision)
				set_str(L, "decision", r.decision);
			break;
		}
		set_str(L, "source", r.source);
		lua_rawseti(L, -2, ++n);
	}
	if (rc < 0)
		return raise_ctx(L, c);
	return 1;                               /* the cursor is closed on return */
}

/* data.figures{ unit =, within =, variable =, year =, quarter = } ->
 * { { unit, unit_name, variable, uom, year, quarter, value, source }, ... } */
static int d_figures(lua_State *L)
{
	static const char *const names[] = { "unit", "within", "variable", "year", "quarter", NULL };
	struct lcheck *k = K(L);
	struct filter f;

	read_filter(L, k, "figures", names, &f);
	return read_rows(L, k, CHK_FIGURES, &f);
}

/* data.figure(unit, variable, year [, quarter]) -> value, source (nil when
 * there is none in scope) */
static int d_figure(lua_State *L)
{
	struct lcheck *k = K(L);
	struct ctx *c = k->c;
	struct filter f = { -1, -1, -1, 0, 0, NULL };
	struct check_query q = { .what = CHK_FIGURES };
	struct check_cursor *cur;
	struct check_row r;
	int rc;

	f.unit = find_unit(L, c, 1, "figure");
	f.var = find_var(L, c, 2);
	q.year = (int)luaL_checkinteger(L, 3);
	q.quarter = (int)luaL_optinteger(L, 4, 0);
	luaL_argcheck(L, q.quarter >= 0 && q.quarter <= 4, 4, "0 (the year's figure) or 1-4");
	q.unit_id = c->units.u[f.unit].id;
	q.variable_id = c->vars.v[f.var].id;
	lua_settop(L, 4);
	cur = new_cursor(L);
	if (check_open(c->db, &q, cur, &c->err) < 0 || (rc = check_next(cur, &r, &c->err)) < 0)
		return raise_ctx(L, c);
	if (rc == 0 || row_unit(k, &f, r.unit_id) < 0) {
		lua_pushnil(L);
		return 1;
	}
	push_num(L, r.value);
	lua_pushstring(L, r.source);
	return 2;
}

/* data.funding{ unit =, within =, year = } -> { { unit, unit_name, year,
 * fund, kind, allocated, disbursed, measure, source }, ... } */
static int d_funding(lua_State *L)
{
	static const char *const names[] = { "unit", "within", "year", NULL };
	struct lcheck *k = K(L);
	struct filter f;

	read_filter(L, k, "funding", names, &f);
	return read_rows(L, k, CHK_FUNDING, &f);
}

/* data.projects{ unit =, within =, year = } -> { { unit, unit_name, year,
 * quarter, name, category, cost, status, source }, ... } */
static int d_projects(lua_State *L)
{
	static const char *const names[] = { "unit", "within", "year", NULL };
	struct lcheck *k = K(L);
	struct filter f;

	read_filter(L, k, "projects", names, &f);
	return read_rows(L, k, CHK_PROJECTS, &f);
}

/* data.recognitions{ unit =, within =, year =, title = } -> { { unit,
 * unit_name, year, title, decision, source }, ... } */
static int d_recognitions(lua_State *L)
{
	static const char *const names[] = { "unit", "within", "year", "title", NULL };
	struct lcheck *k = K(L);
	struct filter f;

	read_filter(L, k, "recognitions", names, &f);
	return read_rows(L, k, CHK_RECOGNITIONS, &f);
}

/* The iterator of pairs(data): the API's names, the table itself out of
 * reach (upvalue 1). */
static int api_next(lua_State *L)
{
	lua_settop(L, 2);
	if (lua_next(L, lua_upvalueindex(1)))
		return 2;
	lua_pushnil(L);
	return 1;
}

static int api_pairs(lua_State *L)
{
	lua_getmetatable(L, 1);                /* [data, mt] (the C side may read it) */
	lua_getfield(L, -1, "__index");        /* [data, mt, api] */
	lua_pushcclosure(L, api_next, 1);
	lua_pushnil(L);
	lua_pushnil(L);
	return 3;
}

static int readonly(lua_State *L)
{
	return luaL_error(L, _("data is read-only (cannot set '%s')"), luaL_tolstring(L, 2, NULL));
}

/* Builds, in the registry, the table of check functions, the names each
 * rule file gets (rule, finding, print) and the read-only data table.
 * Runs under lua_pcall: [lcheck*] -> [] */
static int setup(lua_State *L)
{
	static const luaL_Reg api[] = {
		{ "units", d_units }, { "unit", d_unit }, { "children", d_children },
		{ "years", d_years }, { "figures", d_figures }, { "figure", d_figure },
		{ "funding", d_funding }, { "projects", d_projects },
		{ "recognitions", d_recognitions }, { "variables", d_variables },
		{ "fold", d_fold }, { "num", d_num }, { NULL, NULL },
	};
	static const luaL_Reg decl[] = { { "rule", l_rule }, { "finding", l_finding }, { NULL, NULL } };
	struct lcheck *k = lua_touserdata(L, 1);

	lua_newtable(L);
	k->ref_fns = luaL_ref(L, LUA_REGISTRYINDEX);
	lua_createtable(L, 0, 3);              /* [k, extra] */
	lua_pushlightuserdata(L, k);
	luaL_setfuncs(L, decl, 1);
	lua_pushcfunction(L, l_print);
	lua_setfield(L, -2, "print");
	k->ref_extra = luaL_ref(L, LUA_REGISTRYINDEX);
	lua_newtable(L);                       /* [k, data] */
	lua_createtable(L, 0, 3);              /* [k, data, mt] */
	lua_createtable(L, 0, 12);             /* [k, data, mt, api] */
	lua_pushlightuserdata(L, k);
	luaL_setfuncs(L, api, 1);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, readonly);
	lua_setfield(L, -2, "__newindex");
	lua_pushcfunction(L, api_pairs);
	lua_setfield(L, -2, "__pairs");
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "__metatable");
	lua_setmetatable(L, -2);               /* [k, data] */
	k->ref_data = luaL_ref(L, LUA_REGISTRYINDEX);
	return 0;
}

/* Runs the check of rule i: check(data) under the sandbox's limits. */
static int run_rule(struct lcheck *k, int i)
{
	struct ctx *c = k->c;
	lua_State *L = c->sb.L;
	const struct lrule *r = &k->rule[i];
	char msg[NTM_ERR_MAX];
	int rc;

	lua_rawgeti(L, LUA_REGISTRYINDEX, k->ref_fns);
	lua_rawgeti(L, -1, i + 1);             /* [fns, check] */
	lua_remove(L, -2);
	lua_rawgeti(L, LUA_REGISTRYINDEX, k->ref_data);   /* [check, data] */
	k->cur = i;
	c->sb.script = r->file;                /* for the sandbox's messages */
	rc = sandbox_pcall(&c->sb, 1, 0, &c->err);
	k->cur = -1;
	if (rc < 0) {
		snprintf(msg, sizeof msg, "%s", c->err.msg);
		err_set(&c->err, _("rule %s: %s"), r->id, msg);
	}
	return rc;
}

int lcheck_run(struct ctx *c, const char *path, int top, int y0, int y1,
               struct check_findings *out, int *nrules)
{
	struct lcheck k;
	struct check_files fs = { 0 };
	lua_State *L;
	size_t i;
	int rc = -1, f, a, r;

	memset(&k, 0, sizeof k);
	k.c = c;
	k.y0 = y0;
	k.y1 = y1;
	k.out = out;
	k.cur = -1;
	k.ref_fns = k.ref_extra = k.ref_data = LUA_NOREF;
	*nrules = 0;
	if (ctx_db(c) < 0 || ctx_units(c) < 0 || ctx_vars(c) < 0 || ctx_sandbox(c) < 0)
		return -1;
	if (check_rule_files(path, &fs, &c->err) < 0)
		return -1;
	if (!(k.scope = calloc(c->units.n + 1, 1))) {
		err_set(&c->err, "%s", _("out of memory"));
		goto done;
	}
	for (i = 0; i < c->vars.n; i++)
		if (c->vars.v[i].id > k.max_var_id)
			k.max_var_id = c->vars.v[i].id;
	if (k.max_var_id > STORE_MAX_ID) {
		err_set(&c->err, _("variable id %lld out of range"), (long long)k.max_var_id);
		goto done;
	}
	if (!(k.var_at = malloc(((size_t)k.max_var_id + 1) * sizeof *k.var_at))) {
		err_set(&c->err, "%s", _("out of memory"));
		goto done;
	}
	for (i = 0; i <= (size_t)k.max_var_id; i++)
		k.var_at[i] = -1;
	for (i = 0; i < c->vars.n; i++)
		if (c->vars.v[i].id > 0)
			k.var_at[c->vars.v[i].id] = (int)i;
	L = c->sb.L;
	lua_pushcfunction(L, setup);
	lua_pushlightuserdata(L, &k);
	if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
		err_set(&c->err, _("cannot set up the rules: %s"), lua_tostring(L, -1));
		lua_pop(L, 1);
		goto done;
	}
	for (f = 0; f < fs.n; f++) {
		k.dir = fs.dir[f];
		lua_rawgeti(L, LUA_REGISTRYINDEX, k.ref_extra);
		if (sandbox_run_script(&c->sb, fs.path[f], &c->err) < 0)
			goto done;
	}
	if (k.nrule == 0) {
		err_set(&c->err, _("no rules in %s (each *.lua file there declares rule { id = ..., "
		        "check = function(data) ... end }; see scripts/README.md)"), path);
		goto done;
	}
	/* the parts: the unit of --unit, else each unit at the top (a province) */
	for (r = 0; r < (int)c->units.n; r++) {
		if (top >= 0 ? r != top : c->units.u[r].parent >= 0)
			continue;
		for (i = 0; i < c->units.n; i++)
			for (k.scope[i] = 0, a = (int)i; a >= 0 && !k.scope[i]; a = c->units.u[a].parent)
				k.scope[i] = a == r;
		k.root_id = c->units.u[r].id;
		for (f = 0; f < k.nrule; f++)
			if (!k.rule[f].replaced && run_rule(&k, f) < 0)
				goto done;
	}
	for (f = 0; f < k.nrule; f++)
		*nrules += !k.rule[f].replaced;
	rc = 0;
done:
	L = c->sb.L;
	if (L) {
		luaL_unref(L, LUA_REGISTRYINDEX, k.ref_fns);
		luaL_unref(L, LUA_REGISTRYINDEX, k.ref_extra);
		luaL_unref(L, LUA_REGISTRYINDEX, k.ref_data);
	}
	for (f = 0; f < k.nrule; f++) {
		free(k.rule[f].title);
		free(k.rule[f].file);
	}
	free(k.rule);
	free(k.scope);
	free(k.var_at);
	c->sb.script = "check";
	check_files_free(&fs);
	return rc;
}
