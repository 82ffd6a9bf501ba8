/* lua_script.c - the `ntm` module of analysis scripts (lua_script.h). The
 * only binding of the store, evaluation and charts to Lua: every function
 * checks its arguments with luaL_check*, and every path a script names is
 * a plain file name inside the output directory. Calls ctx, evalrun, chart. */
#include "lua_script.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "chart.h"
#include "csv.h"
#include "evalrun.h"
#include "scenario.h"
#include "suggest.h"

struct script {
	struct ctx *c;
	const char *outdir;
};

static struct script *S(lua_State *L)
{
	return lua_touserdata(L, lua_upvalueindex(1));
}

/* Raises the context's error as a Lua error (at the script's line). */
static int raise_ctx(lua_State *L, struct ctx *c)
{
	lua_pushstring(L, c->err.msg);
	err_clear(&c->err);
	luaL_where(L, 1);
	lua_insert(L, -2);
	lua_concat(L, 2);
	return lua_error(L);
}

static int find_unit(lua_State *L, struct ctx *c, int arg)
{
	int u = ctx_find_unit(c, luaL_checkstring(L, arg));

	if (u < 0)
		raise_ctx(L, c);
	return u;
}

/* ntm.unit(name or code) -> { code, name, level, region, parent, children = {codes} } */
static int l_unit(lua_State *L)
{
	struct ctx *c = S(L)->c;
	int u = find_unit(L, c, 1), n = 0;
	const struct unit *x = &c->units.u[u];
	size_t i;

	lua_createtable(L, 0, 6);
	lua_pushstring(L, x->code);
	lua_setfield(L, -2, "code");
	lua_pushstring(L, x->name);
	lua_setfield(L, -2, "name");
	lua_pushstring(L, store_level_name[x->level]);
	lua_setfield(L, -2, "level");
	if (x->region >= 0) {
		lua_pushstring(L, store_region_name[x->region]);
		lua_setfield(L, -2, "region");
	}
	if (x->parent >= 0) {
		lua_pushstring(L, c->units.u[x->parent].code);
		lua_setfield(L, -2, "parent");
	}
	lua_newtable(L);                       /* [unit, children] */
	for (i = 0; i < c->units.n; i++) {
		if (c->units.u[i].parent == u) {
			lua_pushstring(L, c->units.u[i].code);
			lua_rawseti(L, -2, ++n);
		}
	}
	lua_setfield(L, -2, "children");
	return 1;
}

/* ntm.figures(variable, unit) -> { [year] = value } (annual figures) */
/* The dictionary index of the variable at arg; raises with the closest
 * names when it is unknown. */
static int64_t find_var(lua_State *L, struct ctx *c, int arg)
{
	const char *var = luaL_checkstring(L, arg);
	int64_t vi;

	if (ctx_vars(c) < 0)
		return raise_ctx(L, c);
	if (!map_get(&c->vars.by_name, var, &vi)) {
		struct suggest sg;
		size_t i;

		err_set(&c->err, "unknown variable '%s'", var);
		suggest_init(&sg, var);
		for (i = 0; i < c->vars.n; i++)
			suggest_add(&sg, c->vars.v[i].name);
		suggest_append(&sg, &c->err);
		return raise_ctx(L, c);
	}
	return vi;
}

static int l_figures(lua_State *L)
{
	struct ctx *c = S(L)->c;
	int64_t vi = find_var(L, c, 1);
	int u = find_unit(L, c, 2);
	sqlite3_stmt *st;

	if (store_prepare(c->db, &st, "SELECT year, value FROM observation WHERE unit_id = ?1 "
	                  "AND variable_id = ?2 AND quarter = 0 ORDER BY year", &c->err) < 0)
		return raise_ctx(L, c);
	sqlite3_bind_int64(st, 1, c->units.u[u].id);
	sqlite3_bind_int64(st, 2, c->vars.v[vi].id);
	lua_newtable(L);
	while (sqlite3_step(st) == SQLITE_ROW) {
		double v = sqlite3_column_double(st, 1);

		/* whole numbers as integers, so 58 prints as 58 */
		if (v == floor(v) && fabs(v) < 9e15)
			lua_pushinteger(L, (lua_Integer)v);
		else
			lua_pushnumber(L, v);
		lua_rawseti(L, -2, sqlite3_column_int(st, 0));
	}
	sqlite3_finalize(st);
	return 1;
}

/* ntm.evaluate(set, unit, year [, scenario]) -> array of { code, name,
 * status, criteria_met, criteria = { [id] = status }, indicators = { [id] =
 * { status, value } } } for the units of the set's level in or below unit,
 * on the base data or as if the scenario's changes were real. */
static int l_evaluate(lua_State *L)
{
	struct ctx *c = S(L)->c;
	const char *set = luaL_checkstring(L, 1);
	int u = find_unit(L, c, 2), year = (int)luaL_checkinteger(L, 3), i, j, st, ncm, rc;
	const char *scen = luaL_optstring(L, 4, NULL), *was = c->scenario_name;
	struct evalrun r;

	ctx_use_scenario(c, scen);
	rc = evalrun_open(c, set, u, year, year, &r);
	ctx_use_scenario(c, was);
	if (rc < 0)
		return raise_ctx(L, c);
	lua_createtable(L, r.nunit, 0);
	for (i = 0; i < r.nunit; i++) {
		const struct unit *x = &c->units.u[r.units[i]];

		st = evalrun_unit(c, &r, i, year, &ncm);
		lua_createtable(L, 0, 5);
		lua_pushstring(L, x->code);
		lua_setfield(L, -2, "code");
		lua_pushstring(L, x->name);
		lua_setfield(L, -2, "name");
		lua_pushstring(L, eval_status_name[st]);
		lua_setfield(L, -2, "status");
		lua_pushinteger(L, ncm);
		lua_setfield(L, -2, "criteria_met");
		lua_createtable(L, 0, r.set->ncrit);
		for (j = 0; j < r.set->ncrit; j++) {
			lua_pushstring(L, eval_status_name[r.crit[j]]);
			lua_setfield(L, -2, r.set->crit[j].id);
		}
		lua_setfield(L, -2, "criteria");
		lua_createtable(L, 0, r.set->nind);
		for (j = 0; j < r.set->nind; j++) {
			lua_createtable(L, 0, 2);
			lua_pushstring(L, eval_status_name[r.res[j].status]);
			lua_setfield(L, -2, "status");
			if (!isnan(r.res[j].value)) {
				lua_pushnumber(L, r.res[j].value);
				lua_setfield(L, -2, "value");
			}
			lua_setfield(L, -2, r.set->ind[j].id);
		}
		lua_setfield(L, -2, "indicators");
		lua_rawseti(L, -2, i + 1);
	}
	evalrun_free(&r);
	return 1;
}

static const char *out_path(lua_State *L, struct script *s, const char *name,
                            const char *const *ext, char *buf, size_t cap);

/* The id of scenario name (argument arg), raising when there is none. */
static int64_t scen_id(lua_State *L, struct ctx *c, int arg)
{
	struct scenario sc;
	int64_t id;

	if (ctx_db(c) < 0 || scenario_open(c->db, luaL_checkstring(L, arg), &sc, &c->err) < 0)
		return raise_ctx(L, c);
	id = sc.chain[sc.n - 1];
	scenario_close(&sc);
	return id;
}

/* ntm.scenario(name [, { base = "other", note = "..." }]) -> name. An
 * existing scenario of that name is emptied and rebuilt by the script, so a
 * scenario script can be run again; scenarios built on it are kept. */
static int l_scenario(lua_State *L)
{
	struct ctx *c = S(L)->c;
	const char *name = luaL_checkstring(L, 1), *base = NULL, *note = NULL;
	sqlite3_stmt *st;
	int64_t id, bid = 0;
	struct scenario sc;

	if (!lua_isnoneornil(L, 2)) {
		luaL_checktype(L, 2, LUA_TTABLE);
		lua_getfield(L, 2, "base");
		base = lua_tostring(L, -1);
		lua_getfield(L, 2, "note");
		note = lua_tostring(L, -1);
	}
	if (ctx_db(c) < 0)
		return raise_ctx(L, c);
	if (base) {
		if (scenario_open(c->db, base, &sc, &c->err) < 0)
			return raise_ctx(L, c);
		bid = sc.chain[sc.n - 1];
		scenario_close(&sc);
	}
	if (scenario_open(c->db, name, &sc, &c->err) == 0) {
		static const char *const wipe[] = {
			"DELETE FROM scenario_figure WHERE scenario_id = ?1",
			"DELETE FROM scenario_project WHERE scenario_id = ?1",
			"DELETE FROM scenario_funding WHERE scenario_id = ?1",
			"UPDATE scenario SET base_id = ?2, note = ?3 WHERE id = ?1",
		};
		int k;

		id = sc.chain[sc.n - 1];
		scenario_close(&sc);
		if (bid == id)
			return luaL_error(L, "scenario '%s' cannot be built on itself", name);
		for (k = 0; k < 4; k++) {
			int done;

			if (store_prepare(c->db, &st, wipe[k], &c->err) < 0)
				return raise_ctx(L, c);
			sqlite3_bind_int64(st, 1, id);
			if (k == 3) {
				if (bid)
					sqlite3_bind_int64(st, 2, bid);
				sqlite3_bind_text(st, 3, note ? note : "", -1, SQLITE_TRANSIENT);
			}
			done = sqlite3_step(st) == SQLITE_DONE;
			sqlite3_finalize(st);
			if (!done)
				return luaL_error(L, "database: %s", sqlite3_errmsg(c->db));
		}
	} else {
		err_clear(&c->err);
		if (scenario_create(c->db, name, base, note, &id, &c->err) < 0)
			return raise_ctx(L, c);
	}
	lua_pushstring(L, name);
	return 1;
}

static int put_figure(lua_State *L, const char *op)
{
	struct ctx *c = S(L)->c;
	int64_t id = scen_id(L, c, 1), vi;
	int u = find_unit(L, c, 2);

	vi = find_var(L, c, 3);
	if (scenario_put_figure(c->db, id, c->units.u[u].id, c->vars.v[vi].id,
	                        (int)luaL_checkinteger(L, 4), op, luaL_checknumber(L, 5),
	                        luaL_optstring(L, 6, NULL), &c->err) < 0)
		return raise_ctx(L, c);
	return 0;
}

/* ntm.set_figure(scenario, unit, variable, year, value [, note]) */
static int l_set_figure(lua_State *L)
{
	return put_figure(L, "set");
}

/* ntm.add_figure(scenario, unit, variable, year, amount [, note]) */
static int l_add_figure(lua_State *L)
{
	return put_figure(L, "add");
}

static double opt_num(lua_State *L, int t, const char *k)
{
	double x = NAN;

	if (lua_getfield(L, t, k) != LUA_TNIL)
		x = luaL_checknumber(L, -1);
	lua_pop(L, 1);
	return x;
}

/* ntm.add_project(scenario, { unit, year, quarter, name, work, variable,
 * quantity, cost, note }): a project; with variable and quantity it adds
 * quantity to that figure in its year. */
static int l_add_project(lua_State *L)
{
	struct ctx *c = S(L)->c;
	int64_t id = scen_id(L, c, 1), vi = -1;
	const char *name, *work, *note;
	double qty, cost;
	int u, year, q;

	luaL_checktype(L, 2, LUA_TTABLE);
	lua_getfield(L, 2, "unit");
	u = find_unit(L, c, -1);
	lua_getfield(L, 2, "name");
	name = luaL_checkstring(L, -1);
	lua_getfield(L, 2, "work");
	work = lua_tostring(L, -1);
	lua_getfield(L, 2, "note");
	note = lua_tostring(L, -1);
	if (lua_getfield(L, 2, "variable") != LUA_TNIL)
		vi = find_var(L, c, -1);
	year = (int)opt_num(L, 2, "year");
	q = isnan(opt_num(L, 2, "quarter")) ? 0 : (int)opt_num(L, 2, "quarter");
	qty = opt_num(L, 2, "quantity");
	cost = opt_num(L, 2, "cost");
	if (isnan(opt_num(L, 2, "year")) || q < 0 || q > 4)
		return luaL_error(L, "add_project: give year (and quarter 1-4 if any)");
	if ((vi >= 0) != !isnan(qty))
		return luaL_error(L, "add_project: variable and quantity go together");
	if (scenario_put_project(c->db, id, c->units.u[u].id, year, q, name, work,
	                         vi >= 0 ? c->vars.v[vi].id : 0, qty, cost, note, &c->err) < 0)
		return raise_ctx(L, c);
	return 0;
}

/* ntm.add_funding(scenario, { unit, year, fund, allocated, disbursed, note }) */
static int l_add_funding(lua_State *L)
{
	struct ctx *c = S(L)->c;
	int64_t id = scen_id(L, c, 1);
	const char *fund, *note;
	int u;

	luaL_checktype(L, 2, LUA_TTABLE);
	lua_getfield(L, 2, "unit");
	u = find_unit(L, c, -1);
	lua_getfield(L, 2, "fund");
	fund = luaL_checkstring(L, -1);
	lua_getfield(L, 2, "note");
	note = lua_tostring(L, -1);
	if (isnan(opt_num(L, 2, "year")))
		return luaL_error(L, "add_funding: give year");
	if (scenario_put_funding(c->db, id, c->units.u[u].id, (int)opt_num(L, 2, "year"), fund,
	                         opt_num(L, 2, "allocated"), opt_num(L, 2, "disbursed"), note,
	                         &c->err) < 0)
		return raise_ctx(L, c);
	return 0;
}

/* ntm.variables() -> { name = uom, ... }: the dictionary. */
static int l_variables(lua_State *L)
{
	struct ctx *c = S(L)->c;
	size_t i;

	if (ctx_vars(c) < 0)
		return raise_ctx(L, c);
	lua_createtable(L, 0, (int)c->vars.n);
	for (i = 0; i < c->vars.n; i++) {
		lua_pushstring(L, c->vars.v[i].uom);
		lua_setfield(L, -2, c->vars.v[i].name);
	}
	return 1;
}

/* ntm.write_csv(name, rows, columns): rows is an array of tables, columns
 * the keys to write, in order; the file goes under the output directory. */
static int l_write_csv(lua_State *L)
{
	static const char *const ext[] = { ".csv", NULL };
	struct script *s = S(L);
	char path[4096];
	FILE *f;
	lua_Integer i, j, nr, nc;

	out_path(L, s, luaL_checkstring(L, 1), ext, path, sizeof path);
	luaL_checktype(L, 2, LUA_TTABLE);
	luaL_checktype(L, 3, LUA_TTABLE);
	nr = (lua_Integer)lua_rawlen(L, 2);
	nc = (lua_Integer)lua_rawlen(L, 3);
	if (nc == 0)
		return luaL_error(L, "write_csv: give the columns to write");
	if (!(f = fopen(path, "w")))
		return luaL_error(L, "write_csv: cannot write %s", path);
	for (j = 1; j <= nc; j++) {
		lua_rawgeti(L, 3, j);
		if (j > 1)
			fputc(',', f);
		csv_put(f, luaL_checkstring(L, -1));
		lua_pop(L, 1);
	}
	fputc('\n', f);
	for (i = 1; i <= nr; i++) {
		lua_rawgeti(L, 2, i);
		if (!lua_istable(L, -1)) {
			fclose(f);
			return luaL_error(L, "write_csv: row %d is not a table", (int)i);
		}
		for (j = 1; j <= nc; j++) {
			lua_rawgeti(L, 3, j);
			lua_gettable(L, -2);
			if (j > 1)
				fputc(',', f);
			if (!lua_isnil(L, -1))
				csv_put(f, luaL_tolstring(L, -1, NULL)), lua_pop(L, 1);
			lua_pop(L, 1);
		}
		fputc('\n', f);
		lua_pop(L, 1);
	}
	if (fclose(f) != 0)
		return luaL_error(L, "write_csv: writing %s failed", path);
	lua_pushstring(L, path);
	return 1;
}

/* A file name a script may write: no directory part, a known extension. */
static const char *out_path(lua_State *L, struct script *s, const char *name, const char *const *ext,
                            char *buf, size_t cap)
{
	size_t n = strlen(name);
	int ok = 0, i;

	if (!*name || strchr(name, '/') || name[0] == '.' || n > 200)
		luaL_error(L, "file name '%s': give a plain name (no directory); it is written under %s",
		           name, s->outdir);
	for (i = 0; ext[i]; i++)
		ok |= n > strlen(ext[i]) && strcmp(name + n - strlen(ext[i]), ext[i]) == 0;
	if (!ok)
		luaL_error(L, "file name '%s': must end in %s%s%s", name, ext[0], ext[1] ? " or " : "",
		           ext[1] ? ext[1] : "");
	snprintf(buf, cap, "%s/%s", s->outdir, name);
	return buf;
}

static char *opt_string(lua_State *L, int t, const char *k)
{
	char *r = NULL;

	if (lua_getfield(L, t, k) != LUA_TNIL)
		r = strdup(luaL_checkstring(L, -1));
	lua_pop(L, 1);
	return r;
}

/* Reads the chart table at index t into a struct chart. Raises on error;
 * *out owns the chart (freed by the caller, also after an error via the
 * to-be-closed guard below). */
static void read_chart(lua_State *L, int t, struct chart **out)
{
	static const char *const kinds[] = { "line", "bars", "stacked", "heatmap", NULL };
	int kind, ncat, nser, i, j;
	struct chart *ch;

	luaL_checktype(L, t, LUA_TTABLE);
	kind = 0;
	if (lua_getfield(L, t, "kind") != LUA_TNIL) {
		const char *k = luaL_checkstring(L, -1);

		for (kind = 0; kinds[kind] && strcmp(kinds[kind], k) != 0; kind++)
			;
		if (!kinds[kind])
			luaL_error(L, "chart: kind '%s' is not line, bars, stacked or heatmap", k);
	}
	lua_pop(L, 1);
	if (lua_getfield(L, t, "categories") != LUA_TTABLE)
		luaL_error(L, "chart: categories = { ... } (the x labels) is missing");
	ncat = (int)lua_rawlen(L, -1);
	if (ncat == 0 || ncat > 1000)
		luaL_error(L, "chart: categories must hold 1 to 1000 labels");
	if (!(ch = chart_new(kind, ncat)))
		luaL_error(L, "out of memory");
	*out = ch;
	for (i = 0; i < ncat; i++) {
		lua_rawgeti(L, -1, i + 1);
		if (!lua_isstring(L, -1))
			luaL_error(L, "chart: categories[%d] is not a string or number", i + 1);
		chart_set_cat(ch, i, lua_tostring(L, -1));
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	if (lua_getfield(L, t, "series") != LUA_TTABLE)
		luaL_error(L, "chart: series = { { name = ..., values = { ... } }, ... } is missing");
	nser = (int)lua_rawlen(L, -1);
	if (nser == 0 || nser > 200)
		luaL_error(L, "chart: series must hold 1 to 200 series");
	for (i = 0; i < nser; i++) {
		struct chart_series *s;

		if (lua_rawgeti(L, -1, i + 1) != LUA_TTABLE)
			luaL_error(L, "chart: series[%d] is not a table", i + 1);
		lua_getfield(L, -1, "name");
		if (!(s = chart_add(ch, luaL_optstring(L, -1, ""))))
			luaL_error(L, "out of memory");
		lua_pop(L, 1);
		s->y2 = lua_getfield(L, -1, "y2") != LUA_TNIL && lua_toboolean(L, -1);
		lua_pop(L, 1);
		s->color = opt_string(L, lua_gettop(L), "color");
		if (lua_getfield(L, -1, "values") != LUA_TTABLE)
			luaL_error(L, "chart: series[%d].values is missing", i + 1);
		for (j = 0; j < ncat; j++) {
			lua_rawgeti(L, -1, j + 1);
			s->v[j] = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : NAN;
			lua_pop(L, 1);
		}
		lua_pop(L, 2);
	}
	lua_pop(L, 1);
	ch->title = opt_string(L, t, "title");
	ch->xlabel = opt_string(L, t, "xlabel");
	ch->ylabel = opt_string(L, t, "ylabel");
	ch->y2label = opt_string(L, t, "y2label");
	ch->status_map = kind == CH_HEAT && lua_getfield(L, t, "statuses") != LUA_TNIL &&
	                 lua_toboolean(L, -1);
	if (kind == CH_HEAT)
		lua_pop(L, 1);
	if (lua_getfield(L, t, "decimals") != LUA_TNIL)
		ch->ydecimals = (int)luaL_checkinteger(L, -1);
	lua_pop(L, 1);
}

/* The chart being built, released by __close whether drawing worked or
 * raised: a Lua error cannot leak it. */
static int chart_close(lua_State *L)
{
	struct chart **p = luaL_checkudata(L, 1, "ntm.Chart");

	chart_free(*p);
	*p = NULL;
	return 0;
}

/* ntm.chart{ kind =, title =, categories =, series =, out = "x.png", csv = "x.csv" } */
static int l_chart(lua_State *L)
{
	static const char *const img[] = { ".png", ".svg", ".txt", NULL };
	static const char *const csv[] = { ".csv", NULL };
	struct script *s = S(L);
	struct chart **holder;
	char path[1024], cpath[1024];
	const char *out, *csvname;
	int w = 0, h = 0;

	luaL_checktype(L, 1, LUA_TTABLE);
	holder = lua_newuserdatauv(L, sizeof *holder, 0);
	*holder = NULL;
	if (luaL_newmetatable(L, "ntm.Chart")) {
		lua_pushcfunction(L, chart_close);
		lua_setfield(L, -2, "__close");
		lua_pushcfunction(L, chart_close);
		lua_setfield(L, -2, "__gc");
	}
	lua_setmetatable(L, -2);
	lua_toclose(L, -1);
	read_chart(L, 1, holder);
	lua_getfield(L, 1, "out");
	out = luaL_checkstring(L, -1);
	out_path(L, s, out, img, path, sizeof path);
	lua_pop(L, 1);
	if (lua_getfield(L, 1, "width") != LUA_TNIL)
		w = (int)luaL_checkinteger(L, -1);
	lua_pop(L, 1);
	if (lua_getfield(L, 1, "height") != LUA_TNIL)
		h = (int)luaL_checkinteger(L, -1);
	lua_pop(L, 1);
	if (w < 0 || h < 0 || w > 10000 || h > 10000)
		return luaL_error(L, "chart: width and height are 10 to 10000");
	if (lua_getfield(L, 1, "csv") != LUA_TNIL) {
		csvname = luaL_checkstring(L, -1);
		out_path(L, s, csvname, csv, cpath, sizeof cpath);
		if (chart_csv(*holder, cpath, &s->c->err) < 0)
			return raise_ctx(L, s->c);
	}
	lua_pop(L, 1);
	if (chart_draw(*holder, path, NULL, w, h, &s->c->err) < 0)
		return raise_ctx(L, s->c);
	lua_pushstring(L, path);
	return 1;
}

static int l_print(lua_State *L)
{
	int n = lua_gettop(L), i;

	for (i = 1; i <= n; i++) {
		if (i > 1)
			fputc('\t', stdout);
		fputs(luaL_tolstring(L, i, NULL), stdout);
		lua_pop(L, 1);
	}
	fputc('\n', stdout);
	return 0;
}

int lscript_run(struct ctx *c, const char *path, char **args, int nargs, const char *outdir)
{
	static const luaL_Reg fns[] = {
		{ "unit", l_unit }, { "figures", l_figures }, { "evaluate", l_evaluate },
		{ "chart", l_chart }, { "scenario", l_scenario }, { "set_figure", l_set_figure },
		{ "add_figure", l_add_figure }, { "add_project", l_add_project },
		{ "add_funding", l_add_funding }, { "write_csv", l_write_csv }, { "variables", l_variables },
		{ NULL, NULL },
	};
	struct script s = { c, outdir };
	lua_State *L;
	int i;

	if (ctx_sandbox(c) < 0 || ctx_units(c) < 0)
		return -1;
	L = c->sb.L;
	/* the extra names of a script's environment: ntm, print, args */
	lua_createtable(L, 0, 3);              /* [extra] */
	lua_createtable(L, 0, 4);              /* [extra, ntm] */
	lua_pushlightuserdata(L, &s);
	luaL_setfuncs(L, fns, 1);
	lua_setfield(L, -2, "ntm");            /* [extra] */
	lua_pushcfunction(L, l_print);
	lua_setfield(L, -2, "print");
	lua_createtable(L, nargs, 0);
	for (i = 0; i < nargs; i++) {
		lua_pushstring(L, args[i]);
		lua_rawseti(L, -2, i + 1);
	}
	lua_setfield(L, -2, "args");
	return sandbox_run_script(&c->sb, path, &c->err);
}
