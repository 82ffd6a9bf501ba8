/* lua_script.c - the `ntm` module of analysis scripts (lua_script.h). The
 * only binding of the store, evaluation and charts to Lua: every function
 * checks its arguments with luaL_check*, and every path a script names is
 * a plain file name inside the output directory, opened under its
 * descriptor (outfile.h). Calls ctx, evalrun, project, chart, outfile. */
#include "lua_script.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "chart.h"
#include "csv.h"
#include "evalrun.h"
#include "i18n.h"
#include "import.h"
#include "gnuplot.h"
#include "outfile.h"
#include "project.h"
#include "scenario.h"
#include "suggest.h"

/* The most a script may write to one file (write_csv); charts are bounded
 * by the limits of chart.h. */
#define LSCRIPT_FILE_MAX (64 << 20)

struct script {
	struct ctx *c;
	struct outdir out;     /* the output folder, open while the script runs */
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

/* ntm.unit(name or code) -> { code, name, level, region, parent, valid_from,
 * valid_to, children = {codes} } */
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
	if (x->valid_from) {
		lua_pushinteger(L, x->valid_from);
		lua_setfield(L, -2, "valid_from");
	}
	if (x->valid_to) {
		lua_pushinteger(L, x->valid_to);
		lua_setfield(L, -2, "valid_to");
	}
	lua_newtable(L);                       /* [unit, children] */
	for (i = 0; i < c->units.n; i++) {
		const struct unit *k = &c->units.u[i];
		size_t j;

		if (k->parent != u)
			continue;
		/* each code once: a code its units kept from one period to the next
		 * (05569: Bảo Cường, then Chợ Chu) is one child to a script */
		for (j = 0; j < i && !(c->units.u[j].parent == u &&
		                       strcmp(c->units.u[j].code, k->code) == 0); j++)
			;
		if (j < i)
			continue;
		lua_pushstring(L, k->code);
		lua_rawseti(L, -2, ++n);
	}
	lua_setfield(L, -2, "children");
	return 1;
}

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

		err_set(&c->err, _("unknown variable '%s'"), var);
		suggest_init(&sg, var);
		for (i = 0; i < c->vars.n; i++)
			suggest_add(&sg, c->vars.v[i].name);
		suggest_append(&sg, &c->err);
		return raise_ctx(L, c);
	}
	return vi;
}

/* ntm.figures(variable, unit) -> { [year] = value } (annual figures) */
static int l_figures(lua_State *L)
{
	struct ctx *c = S(L)->c;
	int64_t vi = find_var(L, c, 1);
	int u = find_unit(L, c, 2);
	sqlite3_stmt *st;

	/* by the unit's code: a code given to a new unit (05602, Phú Đình until
	 * 2025 and from 2026) keeps one series, each year from the unit of then */
	if (store_prepare(c->db, &st, "SELECT o.year, o.value FROM observation o "
	                  "JOIN unit u ON u.id = o.unit_id WHERE u.code = (SELECT code FROM unit "
	                  "WHERE id = ?1) AND o.variable_id = ?2 AND o.quarter = 0 ORDER BY o.year",
	                  &c->err) < 0)
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

/* What ntm.project holds while it builds its answer: released by __close
 * whether it returns or raises (a memory cap hit while the tables are
 * built), so a script cannot leak it. */
struct projhold {
	struct evalrun r;
	struct results R;
	struct proj_ind *ind;
	struct proj_when *crit;
	int open;            /* r and R hold what evalrun gave */
};

static int projhold_close(lua_State *L)
{
	struct projhold *h = luaL_checkudata(L, 1, "ntm.Projection");

	if (h->open) {
		results_free(&h->R);
		evalrun_free(&h->r);
	}
	free(h->ind);
	free(h->crit);
	memset(h, 0, sizeof *h);
	return 0;
}

/* t[key] = y when y is a year */
static void set_year(lua_State *L, const char *key, int y)
{
	if (y && y != PROJ_NEVER) {
		lua_pushinteger(L, y);
		lua_setfield(L, -2, key);
	}
}

/* Pushes { status, year, first } of w. */
static void push_when(lua_State *L, const struct proj_when *w, int n)
{
	lua_createtable(L, 0, n);
	lua_pushstring(L, proj_status_name[w->status]);
	lua_setfield(L, -2, "status");
	set_year(L, "year", w->certain);
	set_year(L, "first", w->first);
}

/* ntm.project(set, unit [, to [, method [, scenario]]]) -> array of { code,
 * name, last_year, status, year, first, criteria = { [id] = { status, year,
 * first } }, indicators = { [id] = { status, year, first, points, from,
 * value, now, slope, pace, low_confidence } } } for the units of the set's
 * level in or below unit: the indicators not met in the unit's last year
 * with figures, projected at today's pace to the year to (default the
 * set's last); year is when it is certainly met, first when it may be (an
 * open threshold gives a span). Nothing is stored. */
static int l_project(lua_State *L)
{
	static const char *const methods[] = { "linear", "theil-sen", NULL };
	struct ctx *c = S(L)->c;
	const char *set = luaL_checkstring(L, 1), *scen, *was = c->scenario_name;
	int u = find_unit(L, c, 2), method, i, k, rc, to, last;
	lua_Integer lto = luaL_optinteger(L, 3, 0);
	struct projhold *h;
	struct proj_when uw;

	method = luaL_checkoption(L, 4, "linear", methods);
	scen = luaL_optstring(L, 5, NULL);
	if (lto != 0 && (lto < 1990 || lto > 2100))
		return luaL_argerror(L, 3, "a year from 1990 to 2100 expected");
	to = (int)lto;
	h = lua_newuserdatauv(L, sizeof *h, 0);   /* [args, h], closed until evalrun fills it */
	memset(h, 0, sizeof *h);
	if (luaL_newmetatable(L, "ntm.Projection")) {
		lua_pushcfunction(L, projhold_close);
		lua_setfield(L, -2, "__close");
		lua_pushcfunction(L, projhold_close);
		lua_setfield(L, -2, "__gc");
	}
	lua_setmetatable(L, -2);
	lua_toclose(L, -1);
	ctx_use_scenario(c, scen);
	rc = evalrun_open(c, set, u, 0, 0, &h->r);   /* frees itself when it fails */
	ctx_use_scenario(c, was);
	if (rc < 0)
		return raise_ctx(L, c);
	h->open = 1;
	if (!to)
		to = h->r.set->year_to;
	if (to < h->r.year_from)
		return luaL_error(L, _("project: to %d is before the set's first year, %d"), to, h->r.year_from);
	if (evalrun_results(c, &h->r, &h->R) < 0)
		return raise_ctx(L, c);
	h->ind = calloc((size_t)h->r.set->nind + 1, sizeof *h->ind);
	h->crit = calloc((size_t)h->r.set->ncrit + 1, sizeof *h->crit);
	if (!h->ind || !h->crit)
		return luaL_error(L, "%s", _("project: out of memory"));
	lua_createtable(L, h->r.nunit, 0);     /* [args, h, units] */
	for (i = 0; i < h->r.nunit; i++) {
		const struct unit *x = &c->units.u[h->r.units[i]];
		const struct critset *s = h->r.set;

		last = proj_unit(&h->R, i, method, to, h->ind, h->crit, &uw);
		push_when(L, &uw, 8);              /* [.., units, unit] */
		lua_pushstring(L, x->code);
		lua_setfield(L, -2, "code");
		lua_pushstring(L, x->name);
		lua_setfield(L, -2, "name");
		set_year(L, "last_year", last);
		lua_createtable(L, 0, s->ncrit);   /* [.., unit, criteria] */
		for (k = 0; k < s->ncrit; k++) {
			push_when(L, &h->crit[k], 3);
			lua_setfield(L, -2, s->crit[k].id);
		}
		lua_setfield(L, -2, "criteria");
		lua_newtable(L);                   /* [.., unit, indicators] */
		for (k = 0; k < s->nind && last; k++) {
			const struct proj_ind *p = &h->ind[k];

			if (p->when.status == PJ_MET || p->when.status == PJ_NA)
				continue;
			push_when(L, &p->when, 10);    /* [.., indicators, ind] */
			lua_pushinteger(L, p->fit.n);
			lua_setfield(L, -2, "points");
			if (p->fit.n > 0) {
				lua_pushinteger(L, (lua_Integer)p->fit.x_first);
				lua_setfield(L, -2, "from");
				set_year(L, "to", p->year);
				lua_pushnumber(L, p->value);
				lua_setfield(L, -2, "value");
				lua_pushstring(L, eval_status_name[p->now]);
				lua_setfield(L, -2, "now");
			}
			if (!isnan(p->fit.slope) && s->ind[k].cmp != CMP_MUST) {
				lua_pushnumber(L, p->fit.slope);
				lua_setfield(L, -2, "slope");
				lua_pushstring(L, proj_pace_name[p->when.pace]);
				lua_setfield(L, -2, "pace");
			}
			lua_pushboolean(L, p->fit.n > 0 && p->fit.n < 3);
			lua_setfield(L, -2, "low_confidence");
			lua_setfield(L, -2, s->ind[k].id);
		}
		lua_setfield(L, -2, "indicators");
		lua_rawseti(L, -2, i + 1);         /* [args, h, units] */
	}
	return 1;
}

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
			return luaL_error(L, _("scenario '%s' cannot be built on itself"), name);
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
				return luaL_error(L, _("database: %s"), sqlite3_errmsg(c->db));
		}
	} else {
		err_clear(&c->err);
		if (scenario_create(c->db, name, base, note, &id, &c->err) < 0)
			return raise_ctx(L, c);
	}
	lua_pushstring(L, name);
	return 1;
}

/* The scenario functions hand every value to scenario_put_*, which checks
 * it as the importer checks a row (import.h); a refused value raises
 * "script.lua:12: set_figure: year: '4294969319' is not a year (...)". */
static int raise_in(lua_State *L, struct ctx *c, const char *fn)
{
	char msg[NTM_ERR_MAX];

	snprintf(msg, sizeof msg, "%s", c->err.msg);
	err_set(&c->err, "%s: %s", fn, msg);
	return raise_ctx(L, c);
}

/* The string at idx, or NULL for nil; raises for one with a NUL byte,
 * which C would silently cut. */
static const char *opt_text(lua_State *L, int idx, const char *fn, const char *what)
{
	size_t n;
	const char *s;

	if (lua_isnoneornil(L, idx))
		return NULL;
	s = luaL_checklstring(L, idx, &n);
	if (strlen(s) != n)
		luaL_error(L, _("%s: %s: has a NUL byte; names and notes are plain text"), fn, what);
	return s;
}

static int put_figure(lua_State *L, const char *op, const char *fn)
{
	struct ctx *c = S(L)->c;
	int64_t id = scen_id(L, c, 1), vi;
	int u = find_unit(L, c, 2);
	lua_Integer year;
	double value;
	const char *note;

	vi = find_var(L, c, 3);
	year = luaL_checkinteger(L, 4);   /* whole, not cut to an int: the store checks the range */
	value = luaL_checknumber(L, 5);
	note = opt_text(L, 6, fn, "note");
	u = unitset_at(&c->units, u, year);   /* a code given to several units: that year's */
	if (scenario_put_figure(c->db, id, c->units.u[u].id, c->vars.v[vi].id, year, op, value,
	                        note, &c->err) < 0)
		return raise_in(L, c, fn);
	return 0;
}

/* ntm.set_figure(scenario, unit, variable, year, value [, note]) */
static int l_set_figure(lua_State *L)
{
	return put_figure(L, "set", "set_figure");
}

/* ntm.add_figure(scenario, unit, variable, year, amount [, note]) */
static int l_add_figure(lua_State *L)
{
	return put_figure(L, "add", "add_figure");
}

/* Field k of the table at t: a number, NAN when absent. A number given
 * must be one (NaN included: scenario_put_* refuses it, not taken for
 * "absent"); *given says whether it was. */
static double num_field(lua_State *L, int t, const char *k, const char *fn, int *given)
{
	double x = NAN;
	int isnum;

	*given = lua_getfield(L, t, k) != LUA_TNIL;   /* [.., t[k]] */
	if (*given) {
		x = lua_tonumberx(L, -1, &isnum);
		if (!isnum)
			luaL_error(L, _("%s: %s: a number expected, got %s"), fn, k, luaL_typename(L, -1));
	}
	lua_pop(L, 1);
	return x;
}

/* Field k as a whole number (a year, a quarter); 0 when absent. */
static lua_Integer int_field(lua_State *L, int t, const char *k, const char *fn, int *given)
{
	lua_Integer v = 0;
	int isnum = 1;

	*given = lua_getfield(L, t, k) != LUA_TNIL;   /* [.., t[k]] */
	if (*given)
		v = lua_tointegerx(L, -1, &isnum);
	if (!isnum) {
		const char *type = luaL_typename(L, -1);

		luaL_error(L, _("%s: %s: a whole number expected, got %s %s"), fn, k, type,
		           luaL_tolstring(L, -1, NULL));
	}
	lua_pop(L, 1);
	return v;
}

/* Field k as text (NULL when absent). Leaves the string on the stack, so
 * it stays alive while the function runs. */
static const char *text_field(lua_State *L, int t, const char *k, const char *fn)
{
	lua_getfield(L, t, k);                          /* [.., t[k]] */
	return opt_text(L, -1, fn, k);
}

/* ntm.add_project(scenario, { unit, year, quarter, name, work, variable,
 * quantity, cost, note }): a project; with variable and quantity it adds
 * quantity to that figure in its year. */
static int l_add_project(lua_State *L)
{
	static const char fn[] = "add_project";
	struct ctx *c = S(L)->c;
	int64_t id = scen_id(L, c, 1), vi = -1;
	const char *name, *work, *note;
	lua_Integer year, q;
	double qty, cost;
	int u, has_year, has_q, has_qty, has_cost;

	luaL_checktype(L, 2, LUA_TTABLE);
	lua_getfield(L, 2, "unit");
	u = find_unit(L, c, -1);
	if (!(name = text_field(L, 2, "name", fn)))
		return luaL_error(L, _("%s: give name"), fn);
	work = text_field(L, 2, "work", fn);
	note = text_field(L, 2, "note", fn);
	if (lua_getfield(L, 2, "variable") != LUA_TNIL)
		vi = find_var(L, c, -1);
	year = int_field(L, 2, "year", fn, &has_year);
	q = int_field(L, 2, "quarter", fn, &has_q);
	qty = num_field(L, 2, "quantity", fn, &has_qty);
	cost = num_field(L, 2, "cost", fn, &has_cost);
	if (!has_year)
		return luaL_error(L, _("%s: give year (and quarter 1-4 if any)"), fn);
	if (has_q && q == 0)
		return luaL_error(L, _("%s: quarter: '0' is not a quarter (1-4, or none for the whole year)"), fn);
	if ((vi >= 0) != has_qty)
		return luaL_error(L, _("%s: variable and quantity go together"), fn);
	/* a cost given as NaN must not read as "no cost" */
	if (has_cost && isnan(cost) && import_check_amount(cost, NULL, "cost: ", &c->err) < 0)
		return raise_in(L, c, fn);
	u = unitset_at(&c->units, u, year);   /* a code given to several units: that year's */
	if (scenario_put_project(c->db, id, c->units.u[u].id, year, q, name, work,
	                         vi >= 0 ? c->vars.v[vi].id : 0, qty, cost, note, &c->err) < 0)
		return raise_in(L, c, fn);
	return 0;
}

/* ntm.add_funding(scenario, { unit, year, fund, allocated, disbursed, note }) */
static int l_add_funding(lua_State *L)
{
	static const char fn[] = "add_funding";
	struct ctx *c = S(L)->c;
	int64_t id = scen_id(L, c, 1);
	const char *fund, *note;
	lua_Integer year;
	double alloc, disb;
	int u, has_year, has_alloc, has_disb;

	luaL_checktype(L, 2, LUA_TTABLE);
	lua_getfield(L, 2, "unit");
	u = find_unit(L, c, -1);
	if (!(fund = text_field(L, 2, "fund", fn)))
		return luaL_error(L, _("%s: give fund"), fn);
	note = text_field(L, 2, "note", fn);
	year = int_field(L, 2, "year", fn, &has_year);
	alloc = num_field(L, 2, "allocated", fn, &has_alloc);
	disb = num_field(L, 2, "disbursed", fn, &has_disb);
	if (!has_year)
		return luaL_error(L, _("%s: give year"), fn);
	/* amounts given as NaN must not read as "none" */
	if ((has_alloc && isnan(alloc) && import_check_amount(alloc, NULL, "allocated: ", &c->err) < 0) ||
	    (has_disb && isnan(disb) && import_check_amount(disb, NULL, "disbursed: ", &c->err) < 0))
		return raise_in(L, c, fn);
	u = unitset_at(&c->units, u, year);   /* a code given to several units: that year's */
	if (scenario_put_funding(c->db, id, c->units.u[u].id, year, fund, alloc, disb, note,
	                         &c->err) < 0)
		return raise_in(L, c, fn);
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

/* s as a message may show it: at most cap - 4 bytes (cut between UTF-8
 * characters, "..." after), control characters as '?'. Returns buf. */
static const char *visible(const char *s, char *buf, size_t cap)
{
	size_t n = strlen(s), i;

	if (n > cap - 4) {
		n = cap - 4;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	for (i = 0; i < n; i++)
		buf[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i];
	strcpy(buf + n, n < strlen(s) ? "..." : "");
	return buf;
}

/* Checks a file name a script may write (len bytes, from Lua): a plain
 * name, no directory part, no control character, a known extension.
 * Raises otherwise. */
static void check_name(lua_State *L, struct script *s, const char *name, size_t len,
                       const char *const *ext)
{
	char shown[OUTFILE_NAME_MAX + 4];
	int ok = 0, i;

	visible(name, shown, sizeof shown);
	/* a line break would make the name printed another than the file's */
	for (i = 0; (size_t)i < len; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
			luaL_error(L, _("file name '%s': it has a control character (a line break?); give a "
			           "plain name"), shown);
	if (!*name || strchr(name, '/') || name[0] == '.' || len > OUTFILE_NAME_MAX)
		luaL_error(L, _("file name '%s': give a plain name (no directory); it is written under %s"),
		           shown, *s->out.path ? s->out.path : ".");
	for (i = 0; ext[i]; i++)
		ok |= len > strlen(ext[i]) && strcmp(name + len - strlen(ext[i]), ext[i]) == 0;
	if (!ok)
		luaL_error(L, ext[1] ? _("file name '%s': must end in %s or %s")
		           : _("file name '%s': must end in %s"), shown, ext[0], ext[1] ? ext[1] : "");
}

static int outfile_close(lua_State *L)
{
	outfile_abort(luaL_checkudata(L, 1, "ntm.OutFile"));
	return 0;
}

/* Pushes a to-be-closed, closed outfile: whatever raises before the
 * commit, __close removes the half-written file. */
static struct outfile *new_outfile(lua_State *L)
{
	struct outfile *o = lua_newuserdatauv(L, sizeof *o, 0);

	memset(o, 0, sizeof *o);
	if (luaL_newmetatable(L, "ntm.OutFile")) {
		lua_pushcfunction(L, outfile_close);
		lua_setfield(L, -2, "__close");
		lua_pushcfunction(L, outfile_close);
		lua_setfield(L, -2, "__gc");
	}
	lua_setmetatable(L, -2);
	lua_toclose(L, -1);
	return o;
}

/* Raises when the file o has grown past LSCRIPT_FILE_MAX: the disk is
 * not counted by the memory cap, so it is counted here, cell by cell. */
static void too_big(lua_State *L, struct outfile *o, const char *shown)
{
	if (ftello(o->f) > LSCRIPT_FILE_MAX)
		luaL_error(L, _("write_csv: %s would be larger than %d MiB, the most a script may write "
		           "to one file"), shown, LSCRIPT_FILE_MAX >> 20);
}

/* ntm.write_csv(name, rows, columns): rows is an array of tables, columns
 * the keys to write, in order; the file goes under the output directory,
 * at most LSCRIPT_FILE_MAX bytes. */
static int l_write_csv(lua_State *L)
{
	static const char *const ext[] = { ".csv", NULL };
	struct script *s = S(L);
	char shown[4096 + OUTFILE_NAME_MAX];
	struct outfile *o;
	lua_Integer i, j, nr, nc;
	const char *name;
	size_t len;

	name = luaL_checklstring(L, 1, &len);
	check_name(L, s, name, len, ext);
	luaL_checktype(L, 2, LUA_TTABLE);
	luaL_checktype(L, 3, LUA_TTABLE);
	nr = (lua_Integer)lua_rawlen(L, 2);
	nc = (lua_Integer)lua_rawlen(L, 3);
	if (nc == 0)
		return luaL_error(L, "%s", _("write_csv: give the columns to write"));
	outfile_shown(&s->out, name, shown, sizeof shown);
	o = new_outfile(L);                    /* [name, rows, columns, file] */
	if (outfile_begin(o, &s->out, name, &s->c->err) < 0)
		return raise_ctx(L, s->c);
	for (j = 1; j <= nc; j++) {
		lua_rawgeti(L, 3, j);
		if (j > 1)
			fputc(',', o->f);
		csv_put(o->f, luaL_checkstring(L, -1));
		lua_pop(L, 1);
		too_big(L, o, shown);
	}
	fputc('\n', o->f);
	for (i = 1; i <= nr; i++) {
		lua_rawgeti(L, 2, i);              /* [..., file, row] */
		if (!lua_istable(L, -1))
			return luaL_error(L, _("write_csv: row %d is not a table"), (int)i);
		for (j = 1; j <= nc; j++) {
			lua_rawgeti(L, 3, j);
			lua_gettable(L, -2);           /* [..., file, row, cell] */
			if (j > 1)
				fputc(',', o->f);
			if (!lua_isnil(L, -1))
				csv_put(o->f, luaL_tolstring(L, -1, NULL)), lua_pop(L, 1);
			lua_pop(L, 1);
			too_big(L, o, shown);
		}
		fputc('\n', o->f);
		lua_pop(L, 1);
	}
	if (outfile_commit(o, &s->c->err) < 0)
		return raise_ctx(L, s->c);
	lua_pushstring(L, shown);
	return 1;
}

/* The text at the top of the stack as a chart's text: a string or a
 * number, at most max bytes; name (a printf format of one int, i) names it
 * for messages. Raises. */
static const char *chart_string(lua_State *L, size_t max, const char *name, int i)
{
	char what[64];
	const char *v;
	size_t n;

	snprintf(what, sizeof what, name, i);
	if (!lua_isstring(L, -1))
		luaL_error(L, _("chart: %s is not a string or number"), what);
	v = lua_tolstring(L, -1, &n);
	if (n > max)
		luaL_error(L, _("chart: %s is %I bytes long, more than %d"), what, (lua_Integer)n, (int)max);
	return v;
}

/* Field k of the chart table t into *field, when given. Raises. */
static void chart_field(lua_State *L, struct chart *ch, int t, const char *k, char **field)
{
	if (lua_getfield(L, t, k) != LUA_TNIL &&
	    chart_text(ch, field, chart_string(L, CHART_MAX_TITLE, k, 0)) < 0)
		luaL_error(L, "%s", _("chart: out of memory"));
	lua_pop(L, 1);
}

/* Field k of t as a whole number from lo to hi, or 0 when absent. Raises. */
static int chart_int(lua_State *L, int t, const char *k, int lo, int hi)
{
	lua_Integer v = 0;
	int isnum = 1;

	if (lua_getfield(L, t, k) != LUA_TNIL) {
		v = lua_tointegerx(L, -1, &isnum);
		if (!isnum || v < lo || v > hi)
			luaL_error(L, _("chart: %s is a whole number from %d to %d"), k, lo, hi);
	}
	lua_pop(L, 1);
	return (int)v;
}

/* Reads the chart table at index t into a struct chart that lives in the
 * script's memory (its allocator, so the memory cap counts it). Raises on
 * error; *out owns the chart (freed by the caller, also after an error via
 * the to-be-closed guard below). */
static void read_chart(lua_State *L, int t, struct chart **out)
{
	static const char *const kinds[] = { "line", "bars", "stacked", "heatmap", NULL };
	char shown[48];
	int kind, ncat, nser, i, j;
	struct chart *ch;
	chart_alloc *alloc;
	void *ud;
	size_t n;

	luaL_checktype(L, t, LUA_TTABLE);
	kind = 0;
	if (lua_getfield(L, t, "kind") != LUA_TNIL) {
		const char *k = luaL_checkstring(L, -1);

		for (kind = 0; kinds[kind] && strcmp(kinds[kind], k) != 0; kind++)
			;
		if (!kinds[kind])
			luaL_error(L, _("chart: kind '%s' is not line, bars, stacked or heatmap"),
			           visible(k, shown, sizeof shown));
	}
	lua_pop(L, 1);
	if (lua_getfield(L, t, "categories") != LUA_TTABLE)
		luaL_error(L, "%s", _("chart: categories = { ... } (the x labels) is missing"));
	n = lua_rawlen(L, -1);
	if (n == 0 || n > CHART_MAX_CAT)
		luaL_error(L, _("chart: categories must hold 1 to %d labels"), CHART_MAX_CAT);
	ncat = (int)n;
	alloc = lua_getallocf(L, &ud);
	if (!(ch = chart_new_in(kind, ncat, alloc, ud)))
		luaL_error(L, "%s", _("chart: out of memory"));
	*out = ch;
	for (i = 0; i < ncat; i++) {
		lua_rawgeti(L, -1, i + 1);
		if (chart_set_cat(ch, i, chart_string(L, CHART_MAX_LABEL, "categories[%d]", i + 1)) < 0)
			luaL_error(L, "%s", _("chart: out of memory"));
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	if (lua_getfield(L, t, "series") != LUA_TTABLE)
		luaL_error(L, "%s", _("chart: series = { { name = ..., values = { ... } }, ... } is missing"));
	n = lua_rawlen(L, -1);
	if (n == 0 || n > CHART_MAX_SER)
		luaL_error(L, _("chart: series must hold 1 to %d series"), CHART_MAX_SER);
	nser = (int)n;
	for (i = 0; i < nser; i++) {
		struct chart_series *s;

		if (lua_rawgeti(L, -1, i + 1) != LUA_TTABLE)   /* [series, s] */
			luaL_error(L, _("chart: series[%d] is not a table"), i + 1);
		lua_getfield(L, -1, "name");       /* [series, s, name] */
		if (!(s = chart_add(ch, lua_isnil(L, -1) ? "" :
		                    chart_string(L, CHART_MAX_LABEL, "series[%d].name", i + 1))))
			luaL_error(L, "%s", _("chart: out of memory"));
		lua_pop(L, 1);
		s->y2 = lua_getfield(L, -1, "y2") != LUA_TNIL && lua_toboolean(L, -1);
		lua_pop(L, 1);
		/* nothing but "#rrggbb" or a known name reaches gnuplot's `lc rgb` */
		if (lua_getfield(L, -1, "color") != LUA_TNIL &&
		    (!lua_isstring(L, -1) || chart_color(s, lua_tostring(L, -1)) < 0))
			luaL_error(L, _("chart: series[%d].color '%s' is not \"#rrggbb\" or one of %s"), i + 1,
			           lua_isstring(L, -1) ? visible(lua_tostring(L, -1), shown, sizeof shown) :
			           luaL_typename(L, -1), GP_COLOR_NAMES);
		lua_pop(L, 1);
		if (lua_getfield(L, -1, "values") != LUA_TTABLE)   /* [series, s, values] */
			luaL_error(L, _("chart: series[%d].values is missing"), i + 1);
		for (j = 0; j < ncat; j++) {
			lua_rawgeti(L, -1, j + 1);
			s->v[j] = lua_isnumber(L, -1) ? lua_tonumber(L, -1) : NAN;
			if (isinf(s->v[j]))
				luaL_error(L, _("chart: series[%d].values[%d] is infinite"), i + 1, j + 1);
			lua_pop(L, 1);
		}
		lua_pop(L, 2);
	}
	lua_pop(L, 1);
	chart_field(L, ch, t, "title", &ch->title);
	chart_field(L, ch, t, "xlabel", &ch->xlabel);
	chart_field(L, ch, t, "ylabel", &ch->ylabel);
	chart_field(L, ch, t, "y2label", &ch->y2label);
	ch->status_map = kind == CH_HEAT && lua_getfield(L, t, "statuses") != LUA_TNIL &&
	                 lua_toboolean(L, -1);
	if (kind == CH_HEAT)
		lua_pop(L, 1);
	ch->ydecimals = chart_int(L, t, "decimals", 0, GP_DECIMALS_MAX);
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
	char shown[4096 + OUTFILE_NAME_MAX];
	const char *out, *csvname = NULL;
	size_t len;
	int w, h;

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
	lua_toclose(L, -1);                    /* [t, holder] */
	read_chart(L, 1, holder);
	if (lua_getfield(L, 1, "out") != LUA_TSTRING)   /* [t, holder, out] */
		return luaL_error(L, "%s", _("chart: out = \"NAME.png\" (the file to write) is missing"));
	out = lua_tolstring(L, -1, &len);
	check_name(L, s, out, len, img);
	w = chart_int(L, 1, "width", GP_SIZE_MIN, GP_SIZE_MAX);
	h = chart_int(L, 1, "height", GP_SIZE_MIN, GP_SIZE_MAX);
	if (lua_getfield(L, 1, "csv") != LUA_TNIL) {   /* [t, holder, out, csv] */
		if (!lua_isstring(L, -1))
			return luaL_error(L, "%s", _("chart: csv is not a file name"));
		csvname = lua_tolstring(L, -1, &len);
		check_name(L, s, csvname, len, csv);
	}
	if (csvname && chart_csv(*holder, &s->out, csvname, &s->c->err) < 0)
		return raise_ctx(L, s->c);
	if (chart_draw(*holder, &s->out, out, NULL, w, h, &s->c->err) < 0)
		return raise_ctx(L, s->c);
	lua_pushstring(L, outfile_shown(&s->out, out, shown, sizeof shown));
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
		{ "project", l_project },
		{ "chart", l_chart }, { "scenario", l_scenario }, { "set_figure", l_set_figure },
		{ "add_figure", l_add_figure }, { "add_project", l_add_project },
		{ "add_funding", l_add_funding }, { "write_csv", l_write_csv }, { "variables", l_variables },
		{ NULL, NULL },
	};
	struct script s = { c, { .fd = -1 } };
	lua_State *L;
	int i, rc;

	if (ctx_sandbox(c) < 0 || ctx_units(c) < 0)
		return -1;
	/* every file goes in through this descriptor, never by a path */
	if (outdir_open(&s.out, outdir, &c->err) < 0)
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
	rc = sandbox_run_script(&c->sb, path, &c->err);
	outdir_close(&s.out);
	return rc;
}
