/* lua_sandbox.c - restricted Lua for criteria, test and analysis scripts
 * (lua_sandbox.h). Scripts get only what the prelude puts in their
 * environment: no io, os, debug, package, require, load or string.dump.
 * What a count hook cannot interrupt is bounded before it runs: library
 * functions that loop in C get limits, setmetatable refuses finalizers, and
 * a timer (setitimer) makes the hook fire at the deadline. Calls the Lua C
 * API and the embedded prelude (build/prelude.c, bytecode). */
#include "lua_sandbox.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lualib.h>

#include "i18n.h"
#include "infile.h"

extern const char ntm_prelude[];
extern const unsigned long ntm_prelude_len;

#define HOOK_EVERY 1000          /* instructions between two looks at budget and clock */

enum { RUNNING, STOP_BUDGET, STOP_WALL };

static struct sandbox *from(lua_State *L)
{
	void *ud;

	lua_getallocf(L, &ud);
	return ud;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

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

/* Lua calls this on an error outside any protected call, then aborts; the
 * sandbox runs everything of a script's under lua_pcall, so this is a bug
 * of ours, said in words rather than a bare abort. */
static int sb_panic(lua_State *L)
{
	const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;

	fprintf(stderr, "ntm: PANIC: unprotected error in call to Lua API (%s)\n",
	        msg ? msg : "error object is not a string");
	fflush(stderr);
	return 0;
}

/* userline() for the prelude: the line and file in the user's file that
 * called into it, the first frame whose source is a file ("@path"), or 0.
 * The prelude asks for it on every measure node and threshold it makes:
 * done here, it builds no table per call, as debug.getinfo would. */
static int user_line(lua_State *L)
{
	lua_Debug ar;
	int level;

	for (level = 1; level <= 40 && lua_getstack(L, level, &ar); level++) {
		lua_getinfo(L, "Sl", &ar);
		if (ar.source && ar.source[0] == '@') {
			lua_pushinteger(L, ar.currentline);
			lua_pushstring(L, ar.source + 1);
			return 2;
		}
	}
	lua_pushinteger(L, 0);
	return 1;
}

/* ---- budget and deadline ------------------------------------------------ */

/* The innermost Lua function's file and line: the hook may fire on the call
 * of a C function, which has none. */
static void where(lua_State *L, lua_Debug *ar, const char **src, int *line)
{
	int level;

	for (level = 0; lua_getstack(L, level, ar); level++) {
		lua_getinfo(L, "Sl", ar);
		if (ar->currentline > 0) {
			*src = ar->short_src;
			*line = ar->currentline;
			return;
		}
	}
	*src = "?";
	*line = 0;
}

/* Counts instructions and looks at the clock every HOOK_EVERY of them.
 * Once a script is to stop, the hook re-arms itself to fire on every
 * instruction and every call (of C functions too), so the error is raised
 * again the moment a script's own pcall returns: pcall cannot swallow it. */
static void sb_hook(lua_State *L, lua_Debug *ar)
{
	struct sandbox *sb = from(L);
	char limit[32];
	lua_Debug at;
	const char *src;
	int line;

	if (sb->stop == RUNNING) {
		if (sb->expired || now() >= sb->deadline)
			sb->stop = STOP_WALL;
		else if (ar->event == LUA_HOOKCOUNT && (sb->steps += HOOK_EVERY) > sb->budget)
			sb->stop = STOP_BUDGET;
		else
			return;
	}
	lua_sethook(L, sb_hook, LUA_MASKCOUNT | LUA_MASKCALL, 1);
	where(L, &at, &src, &line);
	if (sb->stop == STOP_BUDGET)
		luaL_error(L, _("%s:%d: instruction budget of %I exceeded (an endless loop?)"), src, line,
		           (lua_Integer)sb->budget);
	snprintf(limit, sizeof limit, "%g", (double)sb->wall_ms / 1000);
	luaL_error(L, _("%s:%d: time limit of %s s exceeded (too much work for a script?)"), src, line,
	           limit);
}

/* The timer: SIGALRM at the deadline sets the hook to fire at once, as
 * lua.c's laction does for Ctrl-C (lua_sethook may be called from a signal
 * handler). The hook then sees `expired`. One sandbox is timed at a time. */
static struct sandbox *volatile timed;
static struct sigaction old_alarm;
/* the timer someone else (a test harness, a profiler) had set, and when */
static struct itimerval old_timer;
static double armed_at;

static void on_alarm(int sig)
{
	struct sandbox *sb = timed;

	(void)sig;
	if (sb) {
		sb->expired = 1;
		lua_sethook(sb->L, sb_hook, LUA_MASKCOUNT | LUA_MASKCALL, 1);
	}
}

static void arm(struct sandbox *sb)
{
	struct sigaction sa;
	struct itimerval it;

	sb->expired = 0;
	sb->deadline = now() + (double)sb->wall_ms / 1000;
	if (timed)
		return;                /* another sandbox's script runs: the hook checks the clock */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	timed = sb;
	sigaction(SIGALRM, &sa, &old_alarm);
	/* then every 100 ms, in case the first came while hooks were off */
	it.it_value.tv_sec = sb->wall_ms / 1000;
	it.it_value.tv_usec = (sb->wall_ms % 1000) * 1000;
	it.it_interval.tv_sec = 0;
	it.it_interval.tv_usec = 100000;
	armed_at = now();
	setitimer(ITIMER_REAL, &it, &old_timer);
}

/* Stops the sandbox's timer and gives back the one it replaced, less the
 * time that went by meanwhile (at least a microsecond: it still fires). */
static void disarm(struct sandbox *sb)
{
	struct itimerval back;
	double left;

	if (timed != sb)
		return;
	memset(&back, 0, sizeof back);
	setitimer(ITIMER_REAL, &back, NULL);
	timed = NULL;
	sigaction(SIGALRM, &old_alarm, NULL);
	if (old_timer.it_value.tv_sec || old_timer.it_value.tv_usec) {
		left = (double)old_timer.it_value.tv_sec + (double)old_timer.it_value.tv_usec / 1e6 -
		       (now() - armed_at);
		if (left < 1e-6)
			left = 1e-6;
		back.it_value.tv_sec = (time_t)left;
		back.it_value.tv_usec = (suseconds_t)((left - (double)(time_t)left) * 1e6);
		if (!back.it_value.tv_sec && !back.it_value.tv_usec)
			back.it_value.tv_usec = 1;
		back.it_interval = old_timer.it_interval;
		setitimer(ITIMER_REAL, &back, NULL);
	}
}

/* ---- bounded library functions ------------------------------------------
 * The count hook fires between VM instructions, never inside a C function.
 * Each wrapper below checks that the C work it hands to Lua's own function
 * (upvalue 1) is bounded, then calls it with the same arguments. */

/* Message handler of call_original (upvalue 1: the library function): an
 * error the library function raised itself says where the script called
 * it, as it would have without the wrapper between them. Errors of the
 * script's own code called back, and the budget's, pass unchanged. */
static int locate(lua_State *L)
{
	lua_Debug ar;

	if (from(L)->stop == RUNNING && lua_type(L, 1) == LUA_TSTRING && lua_getstack(L, 1, &ar) &&
	    lua_getinfo(L, "f", &ar)) {        /* [msg, function that raised] */
		if (lua_rawequal(L, -1, lua_upvalueindex(1))) {
			luaL_where(L, 3);              /* 0 locate, 1 the function, 2 its wrapper */
			lua_pushvalue(L, 1);
			lua_concat(L, 2);
			return 1;
		}
	}
	lua_settop(L, 1);
	return 1;
}

/* Calls upvalue 1 with the wrapper's arguments; returns its nres results. */
static int call_original(lua_State *L, int nres)
{
	int n = lua_gettop(L);

	luaL_checkstack(L, 3, NULL);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_pushcclosure(L, locate, 1);
	lua_insert(L, 1);                      /* [locate, args] */
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 2);                      /* [locate, fn, args] */
	if (lua_pcall(L, n, nres, 1) != LUA_OK)
		return lua_error(L);
	lua_remove(L, 1);
	return lua_gettop(L);
}

/* string.rep: an empty string repeated math.maxinteger times loops for
 * ages making nothing; a long result is refused before it is built. */
static int sb_rep(lua_State *L)
{
	size_t l, lsep;
	lua_Integer n;
	double size;

	luaL_checklstring(L, 1, &l);
	n = luaL_checkinteger(L, 2);
	luaL_optlstring(L, 3, "", &lsep);
	size = n > 0 ? (double)n * (double)(l + lsep) - (double)lsep : 0;
	if (size > SANDBOX_STR_MAX) {
		char big[32];

		snprintf(big, sizeof big, "%.3g", size);
		return luaL_error(L, _("string.rep: the result would be %s bytes, over the limit of %d MiB"),
		                  big, (int)(SANDBOX_STR_MAX >> 20));
	}
	if (size == 0) {
		lua_pushliteral(L, "");
		return 1;
	}
	return call_original(L, 1);
}

/* Pattern matching backtracks inside C, where no hook reaches: a pattern of
 * k optional items can try 2^k ways at every start. Before a match runs,
 * its work is bounded from above and refused past SANDBOX_MATCH_MAX:
 * - the matcher tries each start position (one when anchored with '^');
 * - from one start it branches only at a quantified single-character item:
 *   x? two ways; x*, x+, x- one way per length of the run of characters x
 *   can match there, so at most the longest such run in the subject, plus
 *   one;
 * - along one way it visits each pattern item once, at a cost of at most
 *   the item's length, except %b and back-references (%1), which may scan
 *   the whole subject.
 * So steps <= starts * product(ways) * (2 * pattern length + 2 + subject
 * length * (number of %b and %1 items)). Plain finds (and patterns with no
 * special character) compare at most subject * pattern bytes. */
enum { M_FIND, M_MATCH, M_GMATCH, M_GSUB };

static int class_has(int c, int cl)
{
	int r;

	switch (tolower(cl)) {
	case 'a': r = isalpha(c); break;
	case 'c': r = iscntrl(c); break;
	case 'd': r = isdigit(c); break;
	case 'g': r = isgraph(c); break;
	case 'l': r = islower(c); break;
	case 'p': r = ispunct(c); break;
	case 's': r = isspace(c); break;
	case 'u': r = isupper(c); break;
	case 'w': r = isalnum(c); break;
	case 'x': r = isxdigit(c); break;
	default: return cl == c;
	}
	return isupper(cl) ? !r : r != 0;
}

/* Whether c is in the set p[0..e), written "[...]" (p[e - 1] is ']'). */
static int set_has(int c, const unsigned char *p, const unsigned char *e)
{
	const unsigned char *q = p + 1, *close = e - 1;
	int in = 1;

	if (*q == '^') {
		in = 0;
		q++;
	}
	while (q < close) {
		if (*q == '%' && q + 1 < close) {
			if (class_has(c, q[1]))
				return in;
			q += 2;
		} else if (q[1] == '-' && q + 2 < close) {
			if (q[0] <= c && c <= q[2])
				return in;
			q += 3;
		} else {
			if (*q == c)
				return in;
			q++;
		}
	}
	return !in;
}

static int item_has(int c, const unsigned char *p, const unsigned char *e)
{
	switch (*p) {
	case '.': return 1;
	case '%': return class_has(c, p[1]);
	case '[': return set_has(c, p, e);
	default: return *p == c;
	}
}

/* The end of the single-character class starting at p[i], or 0 with *err
 * (the same errors, in the same words, as Lua's matcher). */
static size_t class_end(const unsigned char *p, size_t pl, size_t i, const char **err)
{
	unsigned char c = p[i++];

	if (c == '%') {
		if (i >= pl) {
			*err = "malformed pattern (ends with '%')";
			return 0;
		}
		return i + 1;
	}
	if (c == '[') {
		if (i < pl && p[i] == '^')
			i++;
		do {                   /* the first character is in the set even if it is ']' */
			if (i >= pl) {
				*err = "malformed pattern (missing ']')";
				return 0;
			}
			c = p[i++];
			if (c == '%' && i < pl)
				i++;
		} while (i >= pl || p[i] != ']');
		return i + 1;
	}
	return i;
}

/* The longest run of subject characters the class p[0..e) matches; the
 * whole subject when counting would itself cost more than *left steps. */
static double longest_run(const unsigned char *s, size_t n, const unsigned char *p,
                          const unsigned char *e, double *left)
{
	double cost = (double)n * (double)(e - p);
	size_t i, run = 0, best = 0;

	if (*p == '.' || cost > *left)
		return (double)n;
	*left -= cost;
	for (i = 0; i < n; i++) {
		run = item_has(s[i], p, e) ? run + 1 : 0;
		if (run > best)
			best = run;
	}
	return (double)best;
}

/* The bound above for p on s, or -1 with *err for a malformed pattern. */
static double match_bound(const unsigned char *s, size_t n, const unsigned char *p, size_t pl,
                          int anchors, const char **err)
{
	/* counting runs is itself work in C: a tenth of the limit at most */
	double starts = (double)n + 1, ways = 1, scans = 0, left = SANDBOX_MATCH_MAX / 10;
	size_t i = 0, e;

	if (anchors && pl > 0 && p[0] == '^') {
		starts = 1;
		i = 1;
	}
	while (i < pl) {
		if (p[i] == '(') {
			i += i + 1 < pl && p[i + 1] == ')' ? 2 : 1;
			continue;
		}
		if (p[i] == ')' || (p[i] == '$' && i + 1 == pl)) {
			i++;
			continue;
		}
		if (p[i] == '%' && i + 1 < pl && p[i + 1] == 'b') {
			if (pl - i < 4) {
				*err = "malformed pattern (missing arguments to '%b')";
				return -1;
			}
			scans++;
			i += 4;
			continue;
		}
		if (p[i] == '%' && i + 1 < pl && p[i + 1] == 'f') {
			i += 2;
			if (i >= pl || p[i] != '[') {
				*err = "missing '[' after '%f' in pattern";
				return -1;
			}
			if (!(i = class_end(p, pl, i, err)))
				return -1;
			continue;
		}
		if (p[i] == '%' && i + 1 < pl && isdigit(p[i + 1])) {
			scans++;
			i += 2;
			continue;
		}
		if (!(e = class_end(p, pl, i, err)))
			return -1;
		if (e < pl && (p[e] == '*' || p[e] == '+' || p[e] == '-')) {
			ways *= longest_run(s, n, p + i, p + e, &left) + 1;
			e++;
		} else if (e < pl && p[e] == '?') {
			ways *= 2;
			e++;
		}
		i = e;
	}
	return starts * ways * (2.0 * (double)pl + 2 + (double)n * scans);
}

/* string.find, match, gmatch, gsub; upvalue 2 says which (M_*). */
static int sb_pattern(lua_State *L)
{
	size_t n, pl, i;
	const unsigned char *s = (const unsigned char *)luaL_checklstring(L, 1, &n);
	const unsigned char *p = (const unsigned char *)luaL_checklstring(L, 2, &pl);
	int kind = (int)lua_tointeger(L, lua_upvalueindex(2)), plain = 0;
	const char *err = NULL;
	double steps;

	if (kind == M_FIND) {
		plain = lua_toboolean(L, 4);
		for (i = 0; i < pl && !plain && !memchr("^$*+?.([%-", p[i], 10); i++)
			;
		plain = plain || i == pl;
	}
	if (plain)
		steps = ((double)n + 1) * ((double)pl + 1);
	else if ((steps = match_bound(s, n, p, pl, kind != M_GMATCH, &err)) < 0)
		return luaL_error(L, "%s", err);
	if (steps > SANDBOX_MATCH_MAX) {
		char many[32], limit[32];

		snprintf(many, sizeof many, "%.3g", steps);
		snprintf(limit, sizeof limit, "%.3g", SANDBOX_MATCH_MAX);
		return luaL_error(L, _("pattern too costly: matching it on a string of %I bytes could take "
		                  "%s steps, over the limit of %s (use fewer '?', '*', '+' and '-' "
		                  "items, or a shorter string)"), (lua_Integer)n, many, limit);
	}
	return call_original(L, LUA_MULTRET);
}

/* The number of elements from i to j is within SANDBOX_RANGE_MAX. */
static void check_range(lua_State *L, const char *fn, lua_Integer i, lua_Integer j)
{
	if (j >= i && (lua_Unsigned)j - (lua_Unsigned)i >= (lua_Unsigned)SANDBOX_RANGE_MAX)
		luaL_error(L, _("table.%s: %I to %I is more than %I elements"), fn, i, j,
		           (lua_Integer)SANDBOX_RANGE_MAX);
}

/* table.concat: the end is taken once (a __len could answer differently
 * the second time) and handed to Lua's concat explicitly. */
static int sb_concat(lua_State *L)
{
	lua_Integer i, j;

	luaL_checktype(L, 1, LUA_TTABLE);
	i = luaL_optinteger(L, 3, 1);
	j = lua_isnoneornil(L, 4) ? luaL_len(L, 1) : luaL_checkinteger(L, 4);
	check_range(L, "concat", i, j);
	lua_settop(L, 2);
	lua_pushinteger(L, i);
	lua_pushinteger(L, j);
	return call_original(L, 1);
}

/* table.move over an empty range of math.maxinteger elements copies
 * nothing for ages. */
static int sb_move(lua_State *L)
{
	check_range(L, "move", luaL_checkinteger(L, 2), luaL_checkinteger(L, 3));
	return call_original(L, 1);
}

/* table.insert and table.remove shift the elements from pos to #t: #t is
 * read once (a __len may answer differently the second time) and the
 * range bounded (a __len, or a sparse table's border, may be enormous). */
static lua_Integer length(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	return luaL_len(L, 1);
}

/* table.insert(t, [pos,] value) */
static int sb_insert(lua_State *L)
{
	lua_Integer n = length(L), pos, i;

	switch (lua_gettop(L)) {
	case 2:
		pos = luaL_intop(+, n, 1);
		break;
	case 3:
		pos = luaL_checkinteger(L, 2);
		luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)n, 2, "position out of bounds");
		check_range(L, "insert", pos, n);
		for (i = luaL_intop(+, n, 1); i > pos; i--) {  /* t[i] = t[i - 1]; the value stays on top */
			lua_geti(L, 1, i - 1);
			lua_seti(L, 1, i);
		}
		break;
	default:
		return luaL_error(L, "wrong number of arguments to 'insert'");
	}
	lua_seti(L, 1, pos);
	return 0;
}

/* table.remove(t [, pos]) -> the element removed */
static int sb_remove(lua_State *L)
{
	lua_Integer n = length(L), pos = luaL_optinteger(L, 2, n);

	if (pos != n)   /* pos may be n + 1, or 0 when the table is empty */
		luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)n, 2, "position out of bounds");
	check_range(L, "remove", pos, n);
	lua_geti(L, 1, pos);                   /* [.., removed] */
	for (; pos < n; pos++) {
		lua_geti(L, 1, pos + 1);
		lua_seti(L, 1, pos);
	}
	lua_pushnil(L);
	lua_seti(L, 1, pos);
	return 1;
}

/* setmetatable(t, mt) -> t, as Lua's, except that Lua runs __gc
 * finalizers with hooks off (lgc.c, GCTM), during the script, at a
 * collection or when the state closes, so no budget or deadline would stop
 * one; __close and weak tables are refused with them, leaving scripts
 * plain tables with plain metamethods. The fields are read raw, as Lua
 * reads __gc when it marks an object for finalization. */
static int sb_setmetatable(lua_State *L)
{
	static const char *const refused[] = { "__gc", "__close", "__mode" };
	int t = lua_type(L, 2);
	size_t i;

	luaL_checktype(L, 1, LUA_TTABLE);
	luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
	if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
		return luaL_error(L, "cannot change a protected metatable");
	for (i = 0; t == LUA_TTABLE && i < sizeof refused / sizeof refused[0]; i++) {
		lua_pushstring(L, refused[i]);
		if (lua_rawget(L, 2) != LUA_TNIL)
			return luaL_argerror(L, 2, lua_pushfstring(L, _("%s is not allowed in a script "
			                     "(it would run outside the sandbox's limits)"), refused[i]));
		lua_pop(L, 1);
	}
	lua_settop(L, 2);
	lua_setmetatable(L, 1);
	return 1;
}

/* xpcall's message handler runs inside the hook that raised a budget or
 * deadline error, with hooks off: a handler that loops would never stop.
 * Once the script is being stopped the handler is skipped and the error
 * passes through unchanged. */
static int guarded_handler(lua_State *L)
{
	if (from(L)->stop != RUNNING)
		return 1;
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, 1);
	return 1;
}

static int sb_xpcall(lua_State *L)
{
	luaL_checktype(L, 2, LUA_TFUNCTION);
	lua_pushvalue(L, 2);
	lua_pushcclosure(L, guarded_handler, 1);
	lua_replace(L, 2);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
	return lua_gettop(L);
}

/* Sets lib[name] (lib at the stack top) to fn with the library's own
 * function global[name] and kind as upvalues. */
static void wrap(lua_State *L, const char *global, const char *name, lua_CFunction fn, int kind)
{
	lua_getglobal(L, global);
	lua_getfield(L, -1, name);             /* [lib, G.global, original] */
	lua_remove(L, -2);
	lua_pushinteger(L, kind);
	lua_pushcclosure(L, fn, 2);
	lua_setfield(L, -2, name);
}

/* Pushes a copy of the library global without the field skip. */
static void copy_lib(lua_State *L, const char *global, const char *skip)
{
	lua_newtable(L);
	lua_getglobal(L, global);              /* [copy, lib] */
	lua_pushnil(L);
	while (lua_next(L, -2)) {              /* [copy, lib, k, v] */
		if (!skip || lua_type(L, -2) != LUA_TSTRING || strcmp(lua_tostring(L, -2), skip) != 0) {
			lua_pushvalue(L, -2);
			lua_insert(L, -2);             /* [copy, lib, k, k, v] */
			lua_rawset(L, -5);
		} else {
			lua_pop(L, 1);
		}
	}
	lua_pop(L, 1);                         /* [copy] */
}

/* Pushes { string = ..., table = ..., setmetatable = ..., xpcall = ... }:
 * what the prelude hands to scripts in place of Lua's own. */
static void push_safe(lua_State *L)
{
	lua_newtable(L);                       /* [safe] */
	copy_lib(L, "string", "dump");
	wrap(L, "string", "rep", sb_rep, 0);
	wrap(L, "string", "find", sb_pattern, M_FIND);
	wrap(L, "string", "match", sb_pattern, M_MATCH);
	wrap(L, "string", "gmatch", sb_pattern, M_GMATCH);
	wrap(L, "string", "gsub", sb_pattern, M_GSUB);
	lua_setfield(L, -2, "string");
	copy_lib(L, "table", NULL);
	wrap(L, "table", "concat", sb_concat, 0);
	wrap(L, "table", "move", sb_move, 0);
	lua_pushcfunction(L, sb_insert);
	lua_setfield(L, -2, "insert");
	lua_pushcfunction(L, sb_remove);
	lua_setfield(L, -2, "remove");
	lua_setfield(L, -2, "table");
	lua_pushcfunction(L, sb_setmetatable);
	lua_setfield(L, -2, "setmetatable");
	lua_getglobal(L, "xpcall");
	lua_pushcclosure(L, sb_xpcall, 1);
	lua_setfield(L, -2, "xpcall");
}

/* ---- the state ---------------------------------------------------------- */

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
	/* the prelude is bytecode made at build time (engine/gen/luadump.c,
	 * chunk name "=prelude"): the one binary chunk ever loaded, and the
	 * host's own; scripts load text only (run) */
	switch (luaL_loadbufferx(L, ntm_prelude, ntm_prelude_len, "=prelude", "b")) {
	case LUA_OK:
		break;
	case LUA_ERRMEM:
		return lua_error(L);
	default:                               /* version, format or number sizes differ */
		return luaL_error(L, _("the built-in prelude was compiled for another Lua: rebuild ntm (%s)"),
		                  lua_tostring(L, -1));
	}
	push_safe(L);                          /* [chunk, safe] */
	/* every string shares one metatable: its methods are the filtered
	 * string library (("").dump is nil), and it is hidden from scripts */
	lua_getfield(L, -1, "string");         /* [.., safe, safestring] */
	lua_pushliteral(L, "");
	lua_getmetatable(L, -1);               /* [.., safestring, "", mt] */
	lua_pushvalue(L, -3);
	lua_setfield(L, -2, "__index");
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "__metatable");
	lua_pop(L, 3);                         /* [chunk, safe] */
	/* the prelude gets the user's line from C; scripts never see the stack */
	lua_pushcfunction(L, user_line);       /* [chunk, safe, userline] */
	lua_call(L, 2, 2);                     /* [new_env, merge] */
	sb->ref_merge = luaL_ref(L, LUA_REGISTRYINDEX);
	sb->ref_new_env = luaL_ref(L, LUA_REGISTRYINDEX);
	return 0;
}

int sandbox_open(struct sandbox *sb, size_t mem_cap, long budget, struct ntm_err *err)
{
	memset(sb, 0, sizeof *sb);
	sb->cap = mem_cap ? mem_cap : SANDBOX_MEM_DEFAULT;
	sb->budget = budget ? budget : SANDBOX_STEPS_DEFAULT;
	sb->wall_ms = SANDBOX_WALL_DEFAULT;
	sb->script = "prelude";
	if (!(sb->L = lua_newstate(sb_alloc, sb)))
		return err_set(err, "%s", _("cannot create the Lua state: out of memory"));
	lua_atpanic(sb->L, sb_panic);
	lua_pushcfunction(sb->L, setup);
	lua_pushlightuserdata(sb->L, sb);
	if (lua_pcall(sb->L, 1, 0, 0) != LUA_OK) {
		err_set(err, _("cannot load the criteria prelude: %s"), lua_tostring(sb->L, -1));
		lua_close(sb->L);
		sb->L = NULL;
		return -1;
	}
	return 0;
}

/* Finalizers are the host's only (scripts cannot set __gc) and run with
 * hooks off whatever we do; a pending __close of the main thread would run
 * with the hook, so it stays armed, without the timer (whose handler must
 * not see a state being freed). */
void sandbox_close(struct sandbox *sb)
{
	if (sb->L) {
		sb->steps = 0;
		sb->stop = RUNNING;
		sb->deadline = now() + (double)sb->wall_ms / 1000;
		lua_sethook(sb->L, sb_hook, LUA_MASKCOUNT, HOOK_EVERY);
		lua_close(sb->L);
	}
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

/* The length of a location "file:line:" that s starts with when the file
 * is the user's (not the prelude, not a C function); 0 when it has none. */
static size_t user_location(const char *s)
{
	const char *p = s;

	if (strncmp(s, "prelude:", 8) == 0 || strncmp(s, "[C]", 3) == 0 || *s == '(')
		return 0;
	while (*p && *p != '\n' && !(p[0] == ':' && p[1] >= '0' && p[1] <= '9'))
		p++;
	if (*p != ':' || p == s)
		return 0;
	for (p++; *p >= '0' && *p <= '9'; p++)
		;
	return *p == ':' ? (size_t)(p - s + 1) : 0;
}

/* A set or test file's error ends at the author's line: the traceback
 * goes, and a message without a place of its own (error("...", 0), an
 * error raised in C) takes the innermost line of the file that led there. */
static void brief(struct ntm_err *err)
{
	char *tb = strstr(err->msg, "\nstack traceback:"), *line;
	size_t n;

	if (!tb)
		return;
	*tb = '\0';
	if (user_location(err->msg))
		return;
	for (line = strchr(tb + 1, '\n'); line; line = strchr(line + 1, '\n')) {
		if (line[1] == '\t' && (n = user_location(line + 2)) > 0) {
			err_prefix(err, "%.*s ", (int)n, line + 2);   /* formatted before it moves */
			return;
		}
	}
}

int sandbox_pcall(struct sandbox *sb, int nargs, int nres, struct ntm_err *err)
{
	lua_State *L = sb->L;
	int base = lua_gettop(L) - nargs, rc;

	if (!lua_checkstack(L, 1)) {
		lua_settop(L, base - 1);
		return err_set(err, _("%s: out of memory"), sb->script);
	}
	lua_pushcfunction(L, msghandler);
	lua_insert(L, base);                   /* [msgh, fn, args...] */
	sb->over_cap = 0;
	if (sb->depth++ == 0) {
		sb->steps = 0;
		sb->stop = RUNNING;
		arm(sb);
		lua_sethook(L, sb_hook, LUA_MASKCOUNT, HOOK_EVERY);
	}
	rc = lua_pcall(L, nargs, nres, base);
	if (--sb->depth == 0) {
		disarm(sb);
		lua_sethook(L, NULL, 0, 0);
	}
	lua_remove(L, base);                   /* drop msgh */
	if (rc == LUA_OK)
		return 0;
	if (rc == LUA_ERRMEM || sb->over_cap) {
		err_set(err, _("%s: memory limit of %zu MiB exceeded (a runaway table?)"),
		        sb->script, sb->cap >> 20);
	} else {
		const char *m = lua_tostring(L, -1);

		err_set(err, "%s", "");
		traceback_filtered(err, m ? m : _("(error without a message)"));
	}
	lua_pop(L, 1);
	sb->over_cap = 0;
	return -1;
}

static int collect(lua_State *L)
{
	lua_gc(L, LUA_GCCOLLECT);
	return 0;
}

int sandbox_collect(struct sandbox *sb, struct ntm_err *err)
{
	lua_pushcfunction(sb->L, collect);
	return sandbox_pcall(sb, 0, 0, err);
}

/* Reads the script at path into *text (infile.c: a regular file only,
 * never waiting on a FIFO). */
static int read_text(const char *path, char **text, size_t *len, struct ntm_err *err)
{
	int rc = infile_read(path, SANDBOX_FILE_MAX, text, len, err);

	if (rc == -2)
		return err_set(err, _("%s: cannot read: larger than %u MiB"), path, SANDBOX_FILE_MAX >> 20);
	if (rc == -3)
		return err_set(err, _("%s: cannot open: not a regular file"), path);
	return rc;
}

/* Runs path in a new environment; extra: whether a table of host functions
 * sits at the stack top for new_env. Leaves [decl] on success. Nothing
 * here allocates in Lua outside a protected call (lua_load protects
 * itself): a memory error is a message, not a panic. */
static int run(struct sandbox *sb, const char *path, int extra, struct ntm_err *err)
{
	lua_State *L = sb->L;
	char *text = NULL, *name = NULL;
	size_t len = 0, skip = 0;
	int rc = -1;

	if (read_text(path, &text, &len, err) < 0 ||
	    ((!(name = malloc(strlen(path) + 2)) || !lua_checkstack(L, 4)) &&
	     err_set(err, _("%s: out of memory"), path) < 0)) {
		if (extra)
			lua_pop(L, 1);
		goto done;
	}
	name[0] = '@';                         /* chunk name "@path": messages read "path:line:" */
	strcpy(name + 1, path);
	sb->script = path;
	lua_rawgeti(L, LUA_REGISTRYINDEX, sb->ref_new_env);
	if (extra) {
		lua_insert(L, -2);                 /* [new_env, extra] */
		lua_pushboolean(L, 1);
		lua_insert(L, -2);                 /* [new_env, true, extra] */
	}
	if (sandbox_pcall(sb, extra ? 2 : 0, 2, err) < 0)  /* [env, decl] */
		goto done;
	/* as luaL_loadfile: a UTF-8 byte order mark and a first line "#..."
	 * are skipped (the newline stays, so line numbers hold); text only */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		skip = 3;
	if (skip < len && text[skip] == '#')
		while (skip < len && text[skip] != '\n')
			skip++;
	switch (luaL_loadbufferx(L, text + skip, len - skip, name, "t")) {  /* [env, decl, chunk] */
	case LUA_OK:
		break;
	case LUA_ERRMEM:
		err_set(err, _("%s: memory limit of %zu MiB exceeded (a runaway table?)"), path, sb->cap >> 20);
		lua_pop(L, 3);
		goto done;
	default:
		/* a precompiled chunk is refused by the mode; Lua's message for
		 * it names no file */
		if (skip < len && text[skip] == LUA_SIGNATURE[0])
			err_set(err, _("%s: attempt to load a binary chunk: scripts are loaded as Lua "
			        "source text only, never precompiled"), path);
		else
			err_set(err, "%s", lua_tostring(L, -1));
		lua_pop(L, 3);
		goto done;
	}
	lua_pushvalue(L, -3);
	if (!lua_setupvalue(L, -2, 1))         /* chunk's _ENV = env */
		lua_pop(L, 1);
	if (sandbox_pcall(sb, 0, 0, err) < 0) {
		if (!extra)                        /* a set or test file, not a script */
			brief(err);
		lua_pop(L, 2);
		goto done;
	}
	lua_remove(L, -2);                     /* [decl] */
	rc = 0;
done:
	free(text);
	free(name);
	return rc;
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
