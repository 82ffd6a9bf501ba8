/* lua_sandbox.c - restricted Lua for criteria and test scripts
 * (lua_sandbox.h). Scripts get only what the prelude puts in their
 * environment: no io, os, debug, package, require, load or string.dump.
 * Calls the Lua C API and the embedded prelude (build/prelude.c). */
#include "lua_sandbox.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

extern const char ntm_prelude[];
extern const unsigned long ntm_prelude_len;

/* Counts every byte; refuses growth past the cap (shrinking always works,
 * so Lua can free its way out of trouble). */
static void *sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	struct sandbox *sb = ud;
	size_t old = ptr ? osize : 0;
	void *p;

	if (nsize == 0) {
		free(ptr);
		sb->used -= old;
		return NULL;
	}
	if (nsize > old && sb->used - old + nsize > sb->cap) {
		sb->over_cap = 1;
		return NULL;
	}
	if (!(p = realloc(ptr, nsize)))
		return NULL;
	sb->used = sb->used - old + nsize;
	return p;
}

/* Once over budget the hook re-arms itself to fire on every instruction,
 * so the error is raised again the moment a script's own pcall returns:
 * pcall cannot swallow it. */
static void sb_hook(lua_State *L, lua_Debug *ar)
{
	struct sandbox *sb;

	lua_getallocf(L, (void **)&sb);
	sb->steps += 1000;
	if (sb->steps > sb->budget) {
		lua_sethook(L, sb_hook, LUA_MASKCOUNT, 1);
		lua_getinfo(L, "Sl", ar);
		luaL_error(L, "%s:%d: instruction budget of %I exceeded (an endless loop?)",
		           ar->short_src, ar->currentline, (lua_Integer)sb->budget);
	}
}

static int msghandler(lua_State *L)
{
	const char *msg = lua_tostring(L, 1);

	if (!msg) {
		if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
			return 1;
		msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
	}
	luaL_traceback(L, L, msg, 1);
	return 1;
}

/* Set-up runs protected: an allocation failure here is an error, not a
 * panic. Stack: [sandbox*] -> [] */
static int setup(lua_State *L)
{
	struct sandbox *sb = lua_touserdata(L, 1);

	luaL_openlibs(L);
	if (luaL_loadbufferx(L, ntm_prelude, ntm_prelude_len, "=prelude", "t") != LUA_OK)
		return lua_error(L);
	/* the prelude gets debug.getinfo for line numbers; scripts never do */
	lua_getglobal(L, "debug");
	lua_getfield(L, -1, "getinfo");        /* [chunk, debug, getinfo] */
	lua_remove(L, -2);                     /* [chunk, getinfo] */
	lua_call(L, 1, 2);                     /* [new_env, merge] */
	sb->ref_merge = luaL_ref(L, LUA_REGISTRYINDEX);
	sb->ref_new_env = luaL_ref(L, LUA_REGISTRYINDEX);
	/* every string shares one metatable: hide it from scripts */
	lua_pushliteral(L, "");
	lua_getmetatable(L, -1);               /* ["", mt] */
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "__metatable");
	lua_pop(L, 2);
	return 0;
}

int sandbox_open(struct sandbox *sb, size_t mem_cap, long budget, struct ntm_err *err)
{
	memset(sb, 0, sizeof *sb);
	sb->cap = mem_cap ? mem_cap : SANDBOX_MEM_DEFAULT;
	sb->budget = budget ? budget : SANDBOX_STEPS_DEFAULT;
	sb->script = "prelude";
	if (!(sb->L = lua_newstate(sb_alloc, sb)))
		return err_set(err, "cannot create the Lua state: out of memory");
	lua_pushcfunction(sb->L, setup);
	lua_pushlightuserdata(sb->L, sb);
	if (lua_pcall(sb->L, 1, 0, 0) != LUA_OK) {
		err_set(err, "cannot load the criteria prelude: %s", lua_tostring(sb->L, -1));
		lua_close(sb->L);
		sb->L = NULL;
		return -1;
	}
	return 0;
}

void sandbox_close(struct sandbox *sb)
{
	if (sb->L)
		lua_close(sb->L);
	sb->L = NULL;
}

/* Copies msg into err without the traceback lines that point into the
 * prelude or at error() itself: they say nothing the script author can act
 * on. */
static void traceback_filtered(struct ntm_err *err, const char *msg)
{
	const char *line = msg, *nl;

	while (*line) {
		size_t n;

		nl = strchr(line, '\n');
		n = nl ? (size_t)(nl - line) : strlen(line);
		if (!(strncmp(line, "\tprelude:", 9) == 0 ||
		      strncmp(line, "\t[C]: in function 'error'", 25) == 0 ||
		      strncmp(line, "\t[C]: in ?", 10) == 0))
			err_append(err, "%s%.*s", line == msg ? "" : "\n", (int)n, line);
		if (!nl)
			break;
		line = nl + 1;
	}
}

int sandbox_pcall(struct sandbox *sb, int nargs, int nres, struct ntm_err *err)
{
	lua_State *L = sb->L;
	int base = lua_gettop(L) - nargs, rc;

	lua_pushcfunction(L, msghandler);
	lua_insert(L, base);                   /* [msgh, fn, args...] */
	sb->steps = 0;
	sb->over_cap = 0;
	lua_sethook(L, sb_hook, LUA_MASKCOUNT, 1000);
	rc = lua_pcall(L, nargs, nres, base);
	lua_sethook(L, NULL, 0, 0);
	lua_remove(L, base);                   /* drop msgh */
	if (rc == LUA_OK)
		return 0;
	if (rc == LUA_ERRMEM || sb->over_cap) {
		err_set(err, "%s: memory limit of %zu MiB exceeded (a runaway table?)",
		        sb->script, sb->cap >> 20);
	} else {
		const char *m = lua_tostring(L, -1);

		err_set(err, "%s", "");
		traceback_filtered(err, m ? m : "(error without a message)");
	}
	lua_pop(L, 1);
	sb->over_cap = 0;
	return -1;
}

/* Runs path in a new environment; extra: whether a table of host functions
 * sits at the stack top for new_env. Leaves [decl] on success. */
static int run(struct sandbox *sb, const char *path, int extra, struct ntm_err *err)
{
	lua_State *L = sb->L;
	int rc;
	FILE *f;

	sb->script = path;
	/* Load as text only: a precompiled chunk is refused by mode "t". */
	if (!(f = fopen(path, "rb"))) {
		if (extra)
			lua_pop(L, 1);
		return err_set(err, "%s: cannot open: %s", path, strerror(errno));
	}
	fclose(f);
	lua_rawgeti(L, LUA_REGISTRYINDEX, sb->ref_new_env);
	if (extra) {
		lua_insert(L, -2);                 /* [new_env, extra] */
		lua_pushliteral(L, "script");
		lua_insert(L, -2);                 /* [new_env, "script", extra] */
	}
	if (sandbox_pcall(sb, extra ? 2 : 0, 2, err) < 0)  /* [env, decl] */
		return -1;
	/* chunk name "@path", so messages read "path:line:" */
	rc = luaL_loadfilex(L, path, "t");     /* [env, decl, chunk] */
	if (rc != LUA_OK) {
		err_set(err, "%s", lua_tostring(L, -1));
		lua_pop(L, 3);
		return -1;
	}
	lua_pushvalue(L, -3);
	if (!lua_setupvalue(L, -2, 1))         /* chunk's _ENV = env */
		lua_pop(L, 1);
	if (sandbox_pcall(sb, 0, 0, err) < 0) {
		lua_pop(L, 2);
		return -1;
	}
	lua_remove(L, -2);                     /* [decl] */
	return 0;
}

int sandbox_run_file(struct sandbox *sb, const char *path, struct ntm_err *err)
{
	return run(sb, path, 0, err);
}

int sandbox_run_script(struct sandbox *sb, const char *path, struct ntm_err *err)
{
	if (run(sb, path, 1, err) < 0)
		return -1;
	lua_pop(sb->L, 1);
	return 0;
}
