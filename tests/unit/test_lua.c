/* test_lua.c - the sandbox (lua_sandbox.h), set loading (lua_crit.h) and
 * evaluation (eval.h): attacks on the sandbox, load errors with file and
 * line, extends/amend/remove, thresholds by region and year, and the
 * met/unmet/unknown/not_set/n/a rules, and what changed between two
 * sets (critdiff.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <signal.h>
#include <sys/time.h>
#include <unistd.h>

#include "critdiff.h"
#include "eval.h"
#include "i18n.h"
#include "lua_crit.h"

static char dir[64];

static const char *file(const char *name, const char *text)
{
	static char path[160];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static const char *find(void *ctx, const char *id)
{
	static char path[160];

	(void)ctx;
	snprintf(path, sizeof path, "%s/%s.lua", dir, id);
	return access(path, F_OK) == 0 ? path : NULL;
}

static int setup(void **state)
{
	struct sandbox *sb = calloc(1, sizeof *sb);
	struct ntm_err err = { 0 };

	strcpy(dir, "/tmp/ntm-lua-XXXXXX");
	assert_non_null(mkdtemp(dir));
	/* small limits so the runaway tests are quick */
	assert_int_equal(sandbox_open(sb, 16u << 20, 2000000, &err), 0);
	*state = sb;
	return 0;
}

static int teardown(void **state)
{
	char cmd[96];

	sandbox_close(*state);
	free(*state);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Runs a script expected to fail; checks the message holds want. */
static void refused(struct sandbox *sb, const char *body, const char *want)
{
	struct ntm_err err = { 0 };
	const char *p = file("attack.lua", body);

	if (sandbox_run_file(sb, p, &err) == 0) {
		lua_pop(sb->L, 1);
		fail_msg("script ran: %s", body);
	}
	if (!strstr(err.msg, want))
		fail_msg("script %s\n  message: %s\n  wanted: %s", body, err.msg, want);
	assert_int_equal(lua_gettop(sb->L), 0);
}

static void sandbox_attacks(void **state)
{
	struct sandbox *sb = *state;

	refused(sb, "io.open('/etc/passwd')", "unknown name 'io'");
	refused(sb, "os.execute('true')", "unknown name 'os'");
	refused(sb, "require('os')", "unknown name 'require'");
	refused(sb, "load('return 1')", "unknown name 'load'");
	refused(sb, "dofile('/etc/passwd')", "unknown name 'dofile'");
	refused(sb, "debug.getinfo(1)", "unknown name 'debug'");
	refused(sb, "string.dump(pairs)", "attempt to call a nil value (field 'dump')");
	refused(sb, "x = 1", "assignment to global 'x'");
	refused(sb, "_G.x = 1", "unknown name '_G'");
	refused(sb, "string.rep = nil", "cannot change string.rep");
	refused(sb, "getmetatable('').__index = {}", "attempt to index a boolean value");
	refused(sb, "setmetatable(v, {})", "cannot change a protected metatable");
	refused(sb, "while true do end", "instruction budget of 2000000 exceeded");
	refused(sb, "while true do pcall(function() while true do end end) end",
	        "instruction budget of 2000000 exceeded");
	refused(sb, "local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(100) .. i end",
	        "attack.lua: memory limit of 16 MiB exceeded");
	refused(sb, "local t = setmetatable({}, { __index = function(t, k) return t[k] end }) local x = t.x",
	        "stack overflow");
	refused(sb, "error('boom')", "attack.lua:1: boom");
	/* a precompiled chunk is refused by the text-only load */
	refused(sb, "\x1bLua", "attempt to load a binary chunk");

	/* string.dump through the string metatable */
	refused(sb, "local d = ('').dump\nd(pairs)", "attempt to call a nil value (local 'd')");
	refused(sb, "getmetatable('').__index.dump = 1", "attempt to index a boolean value");
	/* finalizers run with hooks off (during the run, at a collection, at
	 * close): a looping __gc would never stop */
	refused(sb, "setmetatable({}, { __gc = function() while true do end end })",
	        "attack.lua:1: bad argument #2 to 'setmetatable' (__gc is not allowed in a script");
	refused(sb, "local mt = setmetatable({}, { __index = function() return nil end })\n"
	        "mt.__gc = function() while true do end end\nsetmetatable({}, mt)",
	        "attack.lua:3: bad argument #2 to 'setmetatable' (__gc is not allowed");
	refused(sb, "local x <close> = setmetatable({}, { __close = function() end })",
	        "(__close is not allowed in a script");
	refused(sb, "setmetatable({}, { __mode = 'k' })", "(__mode is not allowed in a script");
	/* xpcall's handler runs inside the hook that raised the budget error */
	refused(sb, "xpcall(function() while true do end end, function() while true do end end)",
	        "instruction budget of 2000000 exceeded");
	refused(sb, "while true do xpcall(function() while true do end end, function(m) return m end) end",
	        "instruction budget of 2000000 exceeded");
	/* work inside C functions, where the count hook never fires */
	refused(sb, "local s = string.rep('', math.maxinteger) error('made ' .. #s .. ' bytes', 0)",
	        "made 0 bytes");
	refused(sb, "local s = ('x'):rep(1 << 40)", "attack.lua:1: string.rep: the result would be 1.1e+12 bytes, over the limit of 16 MiB");
	refused(sb, "string.find(('a'):rep(30), ('a?'):rep(30) .. ('a'):rep(30))",
	        "attack.lua:1: pattern too costly: matching it on a string of 30 bytes could take");
	refused(sb, "local s = ('a'):rep(1 << 20)\nfor w in s:gmatch('a*a*a*b') do end",
	        "attack.lua:2: pattern too costly");
	refused(sb, "(''):gsub('%', '')", "attack.lua:1: malformed pattern (ends with '%')");
	refused(sb, "('x'):gsub('x', '%2')", "attack.lua:1: invalid capture index %2");
	refused(sb, "local s = ('a'):rep(1 << 21)\ns:find(s:sub(2) .. 'b', 1, true)",
	        "attack.lua:2: pattern too costly");
	refused(sb, "table.move({}, 1, math.maxinteger, 2)",
	        "attack.lua:1: table.move: 1 to 9223372036854775807 is more than 16777216 elements");
	refused(sb, "table.concat(setmetatable({}, { __index = type }), '', 1, math.maxinteger)",
	        "table.concat: 1 to 9223372036854775807 is more than 16777216 elements");
	refused(sb, "local t = setmetatable({}, { __len = function() return math.maxinteger - 1 end })\n"
	        "table.insert(t, 1, 'x')", "attack.lua:2: table.insert: 1 to 9223372036854775806 is more");
	refused(sb, "local t = setmetatable({}, { __len = function() return math.maxinteger end })\n"
	        "table.remove(t, 1)", "attack.lua:2: table.remove: 1 to 9223372036854775807 is more");
}

/* The libraries still do their job within the limits. */
static void sandbox_libraries_work(void **state)
{
	struct sandbox *sb = *state;
	struct ntm_err err = { 0 };
	const char *p = file("libs.lua",
		"local s = ('  hello world  '):match('^%s*(.-)%s*$')\n"
		"assert(s == 'hello world', s)\n"
		"assert(select(2, ('a,b,,c'):gsub(',', ';')) == 3)\n"
		"assert(('x=1, y=22'):find('(%a)=(%d+)', 5) == 6)\n"
		"local n = 0 for k, v in ('a=1 b=2'):gmatch('(%w+)=(%w+)') do n = n + v end\n"
		"assert(n == 3)\n"
		"assert(('[x]'):find('[', 1, true) == 1)\n"
		"assert(('abc'):rep(3, '-') == 'abc-abc-abc' and ('ab'):rep(0) == '')\n"
		"local t = { 1, 2, 3 }\n"
		"table.insert(t, 4) table.insert(t, 1, 0)\n"
		"assert(table.concat(t, ',') == '0,1,2,3,4')\n"
		"assert(table.remove(t) == 4 and table.remove(t, 1) == 0 and #t == 3)\n"
		"assert(table.concat(table.move(t, 1, 3, 2, {}), ',', 2, 4) == '1,2,3')\n"
		"local mt = { __index = function(_, k) return k * 2 end }\n"
		"assert(setmetatable({}, mt)[21] == 42 and getmetatable(setmetatable({}, mt)) == mt)\n"
		"local ok, m = xpcall(function() error('x') end, function(m) return 'handled ' .. m end)\n"
		"assert(not ok and m:find('^handled .*libs.lua:16: x$'), m)\n");

	if (sandbox_run_file(sb, p, &err) < 0)
		fail_msg("%s", err.msg);
	lua_pop(sb->L, 1);
}

/* Work the hook cannot see (C calling C) still ends at the deadline. */
static void sandbox_deadline(void **state)
{
	struct sandbox *sb = *state;
	long wall = sb->wall_ms;
	time_t t0 = time(NULL);

	sb->wall_ms = 500;
	refused(sb, "table.sort(setmetatable({}, { __len = function() return 1 << 30 end,\n"
	        "  __index = rawlen, __newindex = rawequal }))",
	        "attack.lua:1: time limit of 0.5 s exceeded");
	assert_true(time(NULL) - t0 < 5);
	sb->wall_ms = wall;
}

/* A timer the host had set (a harness's, a profiler's) is given back, less
 * the time the script took, when the sandbox's own is done. */
static void sandbox_gives_back_the_timer(void **state)
{
	struct sandbox *sb = *state;
	struct ntm_err err = { 0 };
	struct itimerval host = { { 0, 0 }, { 50, 0 } }, after;
	void (*prev)(int) = signal(SIGALRM, SIG_IGN);

	assert_int_equal(setitimer(ITIMER_REAL, &host, NULL), 0);
	assert_int_equal(sandbox_run_file(sb, file("t.lua", "local x = 1\n"), &err), 0);
	lua_pop(sb->L, 1);
	assert_int_equal(getitimer(ITIMER_REAL, &after), 0);
	assert_true(after.it_value.tv_sec > 40 && after.it_value.tv_sec <= 50);
	memset(&host, 0, sizeof host);
	setitimer(ITIMER_REAL, &host, NULL);
	signal(SIGALRM, prev);
}

static void sandbox_survives_and_reports_traceback(void **state)
{
	struct sandbox *sb = *state;
	struct ntm_err err = { 0 };
	const char *p = file("tb.lua", "local function inner() error('deep') end\n"
	                               "local function outer() inner() end\nouter()\n");

	/* a set or test file: the message ends at the author's line */
	assert_int_equal(sandbox_run_file(sb, p, &err), -1);
	assert_non_null(strstr(err.msg, "tb.lua:1: deep"));
	assert_null(strchr(err.msg, '\n'));
	/* without a place of its own, the innermost line of the file */
	p = file("tb0.lua", "local function inner() error('deep', 0) end\n"
	                    "local function outer() inner() end\nouter()\n");
	assert_int_equal(sandbox_run_file(sb, p, &err), -1);
	assert_non_null(strstr(err.msg, "tb0.lua:1: deep"));
	assert_null(strstr(err.msg, "traceback"));
	/* an analysis script keeps the traceback: it calls functions */
	p = file("tb.lua", "local function inner() error('deep') end\n"
	                   "local function outer() inner() end\nouter()\n");
	lua_newtable(sb->L);
	assert_int_equal(sandbox_run_script(sb, p, &err), -1);
	assert_non_null(strstr(err.msg, "tb.lua:1: deep"));
	assert_non_null(strstr(err.msg, "stack traceback:"));
	assert_non_null(strstr(err.msg, "tb.lua:2: in"));
	/* the state is still usable after budget and memory failures */
	p = file("ok.lua", "local x = 0 for i = 1, 1000 do x = x + i end\n");
	assert_int_equal(sandbox_run_file(sb, p, &err), 0);
	lua_pop(sb->L, 1);
}

static const char base_set[] =
	"set { id = 'base', title = 'Base', decision = 'QĐ 1', level = 'commune', years = { 2021, 2025 } }\n"
	"criterion '2' { name = 'Roads',\n"
	"  indicator '2.2' { name = 'village roads', measure = pct(v.a, v.b),\n"
	"    min = by_region { tdmnpb = 70, btb = draft(80, 'a press report'), dbsh = unset('not found') },\n"
	"    cite = 'QĐ 1, 2.2' },\n"
	"}\n"
	"criterion '10' { name = 'Income',\n"
	"  indicator '10' { name = 'income', measure = v.income, min = by_year { [2022] = 45, [2025] = 60 },\n"
	"    cite = 'QĐ 1, 10' },\n"
	"}\n"
	"criterion '13' { name = 'Production',\n"
	"  indicator '13.4' { name = 'craft plan', measure = v.plan, must = true,\n"
	"    applies = gt(v.crafts, 0), cite = 'QĐ 1, 13.4' },\n"
	"  indicator '13.5' { name = 'craft income', measure = v.income, min = 40,\n"
	"    applies = gt(v.crafts, 0), cite = 'QĐ 1, 13.5' },\n"
	"  indicator '13.9' { name = 'poverty', measure = v.poor, max = 0, cite = 'QĐ 1, 13.9' },\n"
	"}\n";

static struct critset *load(struct sandbox *sb, const char *name, const char *text,
                            struct ntm_err *err)
{
	return lcrit_load(sb, file(name, text), NULL, find, NULL, err);
}

static int status(const struct critset *s, double *vals, int region, int year, const char *id,
                  struct ind_result *res)
{
	unsigned char crit[16];
	int ncm, i = crit_find_indicator(s, id);

	assert_true(i >= 0);
	eval_unit(s, vals, region, year, res, crit, &ncm);
	return res[i].status;
}

static void evaluation_rules(void **state)
{
	struct ntm_err err = { 0 };
	struct critset *s = load(*state, "base.lua", base_set, &err);
	struct ind_result res[8];
	double vals[8];
	int a, b, income, plan, crafts, poor, i;

	if (!s)
		fail_msg("%s", err.msg);
	a = 0, b = 1, income = 2, plan = 3, crafts = 4, poor = 5;
	assert_int_equal(s->nvar, 6);
	assert_string_equal(s->var[income], "income");
	for (i = 0; i < 8; i++)
		vals[i] = NAN;
	vals[a] = 7, vals[b] = 10;   /* 70 % exactly */
	assert_int_equal(status(s, vals, 0, 2023, "2.2", res), ST_MET);
	vals[a] = 6.999;
	assert_int_equal(status(s, vals, 0, 2023, "2.2", res), ST_UNMET);
	assert_true(fabs(eval_gap(&s->ind[0], &res[0]) + 0.01) < 1e-9);
	assert_int_equal(status(s, vals, 2, 2023, "2.2", res), ST_UNMET);   /* btb draft 80 */
	assert_int_equal(res[0].thr_status, TS_DRAFT);
	assert_int_equal(status(s, vals, 1, 2023, "2.2", res), ST_OPEN); /* dbsh: 69.99 % vs 0..100 */
	assert_int_equal(status(s, vals, 4, 2023, "2.2", res), ST_OPEN);   /* tn: no value */
	assert_int_equal(status(s, vals, -1, 2023, "2.2", res), ST_OPEN);
	vals[b] = 0;
	assert_int_equal(status(s, vals, 0, 2023, "2.2", res), ST_UNKNOWN);
	assert_int_equal(res[0].div0, 1);
	vals[b] = NAN;
	assert_int_equal(status(s, vals, 0, 2023, "2.2", res), ST_UNKNOWN);
	/* income: 2021 before the first year uses 2022; 2024 uses 2022; 2025 its own */
	vals[income] = 50;
	assert_int_equal(status(s, vals, 0, 2021, "10", res), ST_MET);
	assert_int_equal(status(s, vals, 0, 2024, "10", res), ST_MET);
	assert_int_equal(status(s, vals, 0, 2025, "10", res), ST_UNMET);
	/* nếu có: no craft village, not applicable whatever the plan */
	vals[crafts] = 0;
	assert_int_equal(status(s, vals, 0, 2023, "13.4", res), ST_NA);
	vals[crafts] = 2, vals[plan] = 0;
	assert_int_equal(status(s, vals, 0, 2023, "13.4", res), ST_UNMET);
	vals[plan] = 1;
	assert_int_equal(status(s, vals, 0, 2023, "13.4", res), ST_MET);
	/* applicability unknown: unknown, and the threshold is still shown */
	vals[crafts] = NAN;
	assert_int_equal(status(s, vals, 0, 2023, "13.5", res), ST_UNKNOWN);
	assert_true(res[crit_find_indicator(s, "13.5")].threshold == 40);
	/* "Không": max = 0 */
	vals[poor] = 0;
	assert_int_equal(status(s, vals, 0, 2023, "13.9", res), ST_MET);
	vals[poor] = 1;
	assert_int_equal(status(s, vals, 0, 2023, "13.9", res), ST_UNMET);
	crit_free(s);
}

static void criterion_and_unit_status(void **state)
{
	struct ntm_err err = { 0 };
	struct critset *s = load(*state, "base.lua", base_set, &err);
	struct ind_result res[8];
	unsigned char crit[8];
	double vals[8];
	int ncm, i;

	assert_non_null(s);
	for (i = 0; i < 8; i++)
		vals[i] = NAN;
	/* unknown everywhere: unknown */
	assert_int_equal(eval_unit(s, vals, 0, 2023, res, crit, &ncm), ST_UNKNOWN);
	/* one unmet decides, even with unknowns beside it */
	vals[2] = 10;
	assert_int_equal(eval_unit(s, vals, 0, 2023, res, crit, &ncm), ST_UNMET);
	vals[0] = 9, vals[1] = 10, vals[2] = 50, vals[4] = 0, vals[5] = 0;
	assert_int_equal(eval_unit(s, vals, 0, 2023, res, crit, &ncm), ST_MET);
	assert_int_equal(ncm, 3);
	crit_free(s);
}

static void extends_amend_remove(void **state)
{
	struct ntm_err err = { 0 };
	struct critset *s;
	struct thr_value tv;

	crit_free(load(*state, "base.lua", base_set, &err));
	s = load(*state, "child.lua",
	         "set { id = 'child', extends = 'base', title = 'Child', decision = 'QĐ 2',\n"
	         "      level = 'commune', years = { 2022, 2025 } }\n"
	         "amend '10' { min = by_year { [2022] = 48, [2023] = 53 }, cite = 'QĐ 2, 10' }\n"
	         "remove '13.9'\n"
	         "criterion '20' { name = 'Extra', indicator '20.1' { name = 'x', measure = v.a,\n"
	         "  min = 1, cite = 'QĐ 2, 20.1' } }\n", &err);
	if (!s)
		fail_msg("%s", err.msg);
	assert_string_equal(s->id, "child");
	assert_int_equal(s->ncrit, 4);
	assert_int_equal(s->nind, 5);
	assert_true(crit_find_indicator(s, "13.9") < 0);
	assert_true(crit_find_indicator(s, "20.1") >= 0);
	crit_thr_resolve(s->ind[crit_find_indicator(s, "10")].thr, 0, 2024, &tv);
	assert_true(tv.value == 53);
	assert_string_equal(s->ind[crit_find_indicator(s, "10")].cite, "QĐ 2, 10");
	/* untouched indicators keep the parent's citation */
	assert_string_equal(s->ind[crit_find_indicator(s, "2.2")].cite, "QĐ 1, 2.2");
	crit_free(s);
}

static void load_errors_name_file_and_line(void **state)
{
	static const struct { const char *text, *want; } cases[] = {
		{ "set { id = 'x', title = 't', decision = 'd', level = 'commune', years = {2021, 2025} }\n"
		  "criterion '1' { name = 'n',\n"
		  "  indicator '1.1' { name = 'n', measure = v.a, cite = 'c' } }\n",
		  "bad.lua:3: indicator 1.1: threshold missing" },
		{ "set { id = 'x', title = 't', decision = 'd', level = 'commune', years = {2021, 2025} }\n"
		  "criterion '1' { name = 'n',\n"
		  "  indicator '1.1' { name = 'n', measure = v.a, min = 1, cite = 'c', mni = 2 } }\n",
		  "bad.lua:3: indicator 1.1: unknown field 'mni'" },
		{ "set { id = 'x', title = 't', decision = 'd', level = 'commune', years = {2021, 2025} }\n"
		  "criterion '1' { name = 'n',\n"
		  "  indicator '1.1' { name = 'n', measure = v.a, min = by_region { tdmnbp = 1 }, cite = 'c' } }\n",
		  "bad.lua:3: by_region: unknown region 'tdmnbp'" },
		{ "set { id = 'x', title = 't', decision = 'd', level = 'comune', years = {2021, 2025} }\n",
		  "bad.lua:1: set: level 'comune' is not one of" },
		{ "set { id = 'x', title = 't', decision = 'd', level = 'commune', years = {2021, 2025} }\n"
		  "criterion '1' { name = 'n',\n"
		  "  indicator '1.1' { name = 'n', measure = v.a < 3, min = 1, cite = 'c' } }\n",
		  "bad.lua:3: compare measures with gt(a, b)" },
		{ "set { id = 'x', extends = 'nothere', title = 't', decision = 'd', level = 'commune', years = {2021, 2025} }\n",
		  "bad.lua:1: set 'x' extends 'nothere', which is not in the criteria path" },
		{ "criterion '1' { name = 'n', indicator '1.1' { name = 'n', measure = v.a, min = 1, cite = 'c' } }\n",
		  "bad.lua: no set { id = ..." },
	};
	struct ntm_err err = { 0 };
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct critset *s = load(*state, "bad.lua", cases[i].text, &err);

		if (s)
			fail_msg("case %zu loaded", i);
		if (!strstr(err.msg, cases[i].want))
			fail_msg("case %zu: got '%s', wanted '%s'", i, err.msg, cases[i].want);
	}
}

#define HEAD "set { id = 'x', title = 't', decision = 'd', level = 'commune', years = { 2021, 2025 } }\n"

/* The conversion to C reads what the script built raw, inside a protected
 * call, so metamethods neither run nor abort; what was checked is what is
 * converted, whatever the script changes afterwards. */
static void declarations_read_raw_and_copied(void **state)
{
	struct sandbox *sb = *state;
	struct ntm_err err = { 0 };
	struct critset *s;
	struct crit_tests t;

	/* __index raising on the set table, looping on an indicator table */
	s = load(sb, "idx.lua",
	         "set(setmetatable({ id = 'x', title = 't', decision = 'd', level = 'commune',\n"
	         "  years = { 2021, 2025 } }, { __index = function(_, k)\n"
	         "  if k == 'province' or k == 'note' then error('x') end end }))\n"
	         "criterion '1' { name = 'n', indicator '1.1' (setmetatable(\n"
	         "  { name = 'n', measure = v.a, min = 1, cite = 'c' },\n"
	         "  { __index = function(_, k) if k == 'unit' or k == 'note' then while true do end end end })) }\n",
	         &err);
	if (!s)
		fail_msg("%s", err.msg);
	assert_null(s->province);
	assert_string_equal(s->ind[0].unit, "");
	crit_free(s);
	s = load(sb, "loop.lua",
	         "set(setmetatable({ id = 'x', title = 't', decision = 'd', level = 'commune',\n"
	         "  years = { 2021, 2025 } }, { __index = function(_, k)\n"
	         "  if k == 'province' then while true do end end end }))\n"
	         "criterion '1' { name = 'n', indicator '1.1' (setmetatable(\n"
	         "  { name = 'n', measure = v.a, min = 1, cite = 'c' },\n"
	         "  { __index = function(_, k) if k == 'unit' then error('x') end end })) }\n", &err);
	if (!s)
		fail_msg("%s", err.msg);
	crit_free(s);

	/* a sum of 100 terms, and 100 terms joined by + (100 deep) */
	s = load(sb, "long.lua", HEAD
	         "local t, m = {}, v.b0\n"
	         "for i = 1, 100 do t[i] = v['a' .. i]; m = m + v['b' .. i] end\n"
	         "criterion '1' { name = 'n',\n"
	         "  indicator '1.1' { name = 'n', measure = sum(table.unpack(t)), min = 1, cite = 'c' },\n"
	         "  indicator '1.2' { name = 'n', measure = m, min = 1, cite = 'c' } }\n", &err);
	if (!s)
		fail_msg("%s", err.msg);
	assert_int_equal(s->nvar, 201);
	assert_int_equal(s->ind[0].measure->n, 100);
	crit_free(s);
	/* past the stated limits: a message */
	assert_null(load(sb, "deep.lua", HEAD "local m = v.a for i = 1, 300 do m = -m end\n"
	                 "criterion '1' { name = 'n', indicator '1.1' { name = 'n', measure = m, min = 1, cite = 'c' } }\n",
	                 &err));
	if (!strstr(err.msg, "deep.lua:3: indicator 1.1: a measure nested more than 200 deep"))
		fail_msg("%s", err.msg);
	assert_null(load(sb, "wide.lua", HEAD "local m = v.a for i = 1, 40 do m = m + m end\n"
	                 "criterion '1' { name = 'n', indicator '1.1' { name = 'n', measure = m, min = 1, cite = 'c' } }\n",
	                 &err));
	if (!strstr(err.msg, "wide.lua:3: indicator 1.1: a measure of more than 10000 operations"))
		fail_msg("%s", err.msg);

	/* changed after the check: the set keeps what was checked */
	s = load(sb, "later.lua",
	         "local m, y = v.a + v.b, { 2021, 2025 }\n"
	         "local t = { id = 'x', title = 't', decision = 'd', level = 'commune', years = y }\n"
	         "set(t)\n"
	         "local r = by_region { tn = 5 }\n"
	         "local i = indicator '1.1' { name = 'n', measure = m, min = r, cite = 'c' }\n"
	         "criterion '1' { name = 'n', i }\n"
	         "m.op = 'neg'; m[1] = 'x'; m[2] = nil\n"
	         "t.id = 42; t.years = 'soon'; y[1] = 'x'\n"
	         "r.kind = 'year'; r.values = 5\n"
	         "i.measure = 7; i.min = {}; i.name = nil\n", &err);
	if (!s)
		fail_msg("%s", err.msg);
	assert_string_equal(s->id, "x");
	assert_int_equal(s->year_from, 2021);
	assert_int_equal(s->ind[0].measure->op, X_ADD);
	assert_int_equal(s->ind[0].measure->n, 2);
	assert_int_equal(s->ind[0].thr->kind, T_REGION);
	assert_true(s->ind[0].thr->region[4] && s->ind[0].thr->region[4]->num == 5);
	assert_string_equal(s->ind[0].name, "n");
	crit_free(s);
	/* changed between indicator{} and criterion{}: checked again */
	assert_null(load(sb, "between.lua", HEAD
	                 "local i = indicator '1.1' { name = 'n', measure = v.a, min = 1, cite = 'c' }\n"
	                 "i.min = 'x'\ncriterion '1' { name = 'n', i }\n", &err));
	if (!strstr(err.msg, "between.lua:4: indicator 1.1: min: expected a number"))
		fail_msg("%s", err.msg);

	/* test files too */
	if (lcrit_tests(sb, file("t.test.lua", "tests_for 'x'\n"
	                "test 't' (setmetatable({ data = { a = 1 }, expect = { ['1.1'] = 'met' } },\n"
	                "  { __index = function() error('x') end }))\n"), &t, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(t.n, 1);
	assert_int_equal(t.c[0].ndata, 1);
	assert_null(t.c[0].region);
	lcrit_tests_free(&t);
}

/* Every set of a process runs in the same Lua state: nothing one reaches
 * may change how another is read. */
static void sets_cannot_reach_each_other(void **state)
{
	struct sandbox *sb = *state;
	struct ntm_err err = { 0 };
	struct critset *s;

	/* the measures' shared metatable, through a measure's __index */
	refused(sb, HEAD "local E = v.x.__index\nE.__add = E.__sub\n",
	        "attack.lua:3: attempt to index a nil value (local 'E')");
	refused(sb, HEAD "getmetatable(v.x).__add = nil\n", "attempt to index a string value");
	refused(sb, HEAD "getmetatable(string).rep = nil\n", "attempt to index a boolean value");
	s = load(sb, "after.lua", HEAD "criterion '1' { name = 'n',\n"
	         "  indicator '1.1' { name = 'n', measure = v.a + v.b, min = 10, cite = 'c' } }\n", &err);
	if (!s)
		fail_msg("%s", err.msg);
	assert_int_equal(s->ind[0].measure->op, X_ADD);
	crit_free(s);
}

static void extends_cycle_refused(void **state)
{
	struct ntm_err err = { 0 };

	file("cy-a.lua", "set { id = 'cy-a', extends = 'cy-b', title = 't', decision = 'd', level = 'commune', years = {2021, 2025} }\n");
	file("cy-b.lua", "set { id = 'cy-b', extends = 'cy-a', title = 't', decision = 'd', level = 'commune', years = {2021, 2025} }\n");
	assert_null(lcrit_load(*state, file("cy-a.lua",
	            "set { id = 'cy-a', extends = 'cy-b', title = 't', decision = 'd', level = 'commune', years = {2021, 2025} }\n"),
	            NULL, find, NULL, &err));
	assert_non_null(strstr(err.msg, "(a cycle: cy-a -> cy-b -> cy-a)"));
}

static void dictionary_checks_variables(void **state)
{
	struct ntm_err err = { 0 };
	struct varset vs;
	struct critset *s;

	memset(&vs, 0, sizeof vs);
	map_init(&vs.by_name);
	vs.v = calloc(2, sizeof *vs.v);
	vs.v[0].name = "road_village_total_km";
	vs.v[1].name = "road_village_hardened_km";
	vs.n = 2;
	map_put(&vs.by_name, "road_village_total_km", 0);
	map_put(&vs.by_name, "road_village_hardened_km", 1);
	s = lcrit_load(*state, file("d.lua",
	    "set { id = 'd', title = 't', decision = 'd', level = 'commune', years = {2021, 2025} }\n"
	    "criterion '2' { name = 'n',\n"
	    "  indicator '2.2' { name = 'n',\n"
	    "    measure = pct(v.road_vilage_hardened_km, v.road_village_total_km), min = 1, cite = 'c' } }\n"),
	    &vs, find, NULL, &err);
	assert_null(s);
	assert_non_null(strstr(err.msg, "d.lua:4: unknown variable 'road_vilage_hardened_km'; "
	                                "did you mean 'road_village_hardened_km'?"));
	free(vs.v);
	map_free(&vs.by_name);
}

/* The change reported for indicator id and field, at most one expected. */
static const struct cdchange *change(const struct critdiff *d, const char *id, const char *field,
                                     int kind)
{
	const struct cdchange *hit = NULL;
	int i;

	for (i = 0; i < d->n; i++) {
		const struct cdchange *x = &d->c[i];

		if (x->kind == kind && strcmp(x->field, field) == 0 &&
		    strcmp(x->indicator ? x->indicator : x->criterion ? x->criterion : "set", id) == 0) {
			if (hit)
				fail_msg("two %s changes of %s %s", critdiff_kind_name[kind], id, field);
			hit = x;
		}
	}
	if (!hit)
		fail_msg("no %s change of %s %s", critdiff_kind_name[kind], id, field);
	return hit;
}

static void decisions_compared(void **state)
{
	struct ntm_err err = { 0 };
	struct critset *a, *b;
	struct critdiff d;
	const struct cdchange *x;

	a = load(*state, "base.lua", base_set, &err);
	b = load(*state, "next.lua",
	         "set { id = 'next', extends = 'base', title = 'Next', decision = 'QĐ 2',\n"
	         "      level = 'commune', years = { 2022, 2026 } }\n"
	         "amend '2.2' { min = by_region { tdmnpb = 75, btb = 80, dbsh = 60 } }\n"
	         "amend '10' { min = by_year { [2022] = 45, [2024] = 50 }, cite = 'QĐ 2, 10' }\n"
	         "amend '13.9' { max = 1 }\n"
	         "remove '13.5'\n"
	         "criterion '20' { name = 'Extra', indicator '20.1' { name = 'x', measure = v.a,\n"
	         "  min = 1, cite = 'QĐ 2, 20.1' } }\n", &err);
	if (!a || !b)
		fail_msg("%s", err.msg);
	assert_int_equal(critdiff(a, b, &d), 0);

	x = change(&d, "2.2", "threshold", CD_TIGHTENED);
	assert_string_equal(x->before, "≥ 70");
	assert_string_equal(x->after, "≥ 75");
	/* compared in the years both are in force */
	assert_string_equal(x->where, "tdmnpb 2022-2025");
	assert_int_equal(d.y0, 2022);
	assert_int_equal(d.y1, 2025);
	assert_false(d.apart);
	/* the same value no longer a draft, and a value where there was none */
	assert_int_equal(d.count[CD_STATUS], 2);
	x = change(&d, "10", "threshold", CD_TIGHTENED);
	assert_string_equal(x->before, "≥ 45");
	assert_string_equal(x->after, "≥ 50");
	assert_string_equal(x->where, "all regions 2024");
	x = change(&d, "13.9", "threshold", CD_LOOSENED);
	assert_string_equal(x->before, "≤ 0");
	assert_string_equal(x->after, "≤ 1");
	/* 10 in 2025: 60 before, 50 after (2026 is the new set's alone) */
	assert_int_equal(d.count[CD_LOOSENED], 2);
	x = change(&d, "10", "threshold", CD_LOOSENED);
	assert_string_equal(x->where, "all regions 2025");
	x = change(&d, "13.5", "indicator", CD_REMOVED);
	assert_null(x->after);
	assert_non_null(strstr(x->before, "craft income: min 40"));
	change(&d, "20", "criterion", CD_ADDED);
	change(&d, "20.1", "indicator", CD_ADDED);
	x = change(&d, "10", "cite", CD_CHANGED);
	assert_string_equal(x->after, "QĐ 2, 10");
	x = change(&d, "set", "years", CD_CHANGED);
	assert_string_equal(x->before, "2021-2025");
	assert_string_equal(x->after, "2022-2026");
	critdiff_free(&d);

	/* a set against itself: nothing */
	assert_int_equal(critdiff(a, a, &d), 0);
	assert_int_equal(d.n, 0);
	critdiff_free(&d);
	crit_free(b);

	/* the decision that replaced it, in force after it: each in its own
	 * years, and the renumbered indicators moved, not removed and added */
	b = load(*state, "later.lua",
	         "set { id = 'later', title = 'Later', decision = 'QĐ 3', level = 'commune',\n"
	         "      years = { 2026, 2030 } }\n"
	         "criterion '2' { name = 'Roads',\n"
	         "  indicator '2.2' { name = 'village roads', measure = pct(v.a, v.b),\n"
	         "    min = by_region { tdmnpb = 90, default = 70 }, cite = 'QĐ 3, 2.2' } }\n"
	         "criterion '13' { name = 'Production',\n"
	         "  indicator '13.5' { name = 'craft plan', measure = v.plan, must = true,\n"
	         "    applies = gt(v.crafts, 0), cite = 'QĐ 1, 13.4', renumbered_from = '13.4' },\n"
	         "  indicator '13.6' { name = 'craft income', measure = v.income, min = 40,\n"
	         "    applies = gt(v.crafts, 0), cite = 'QĐ 1, 13.5' },\n"
	         "  indicator '13.9' { name = 'poverty', measure = v.poor, max = 0, cite = 'QĐ 1, 13.9' } }\n",
	         &err);
	if (!b)
		fail_msg("%s", err.msg);
	assert_int_equal(critdiff(a, b, &d), 0);
	assert_true(d.apart);
	x = change(&d, "2.2", "threshold", CD_TIGHTENED);
	assert_string_equal(x->before, "≥ 70");
	assert_string_equal(x->after, "≥ 90");
	assert_string_equal(x->where, "tdmnpb 2021-2025 -> 2026-2030");
	x = change(&d, "13.5", "indicator", CD_MOVED);
	assert_string_equal(x->before, "13.4");
	assert_string_equal(x->after, "13.5");
	/* later's 13.5 is base's 13.4, so base's 13.5, whose renumbering to
	 * 13.6 is not declared, is removed and 13.6 added */
	change(&d, "13.5", "indicator", CD_REMOVED);
	change(&d, "13.6", "indicator", CD_ADDED);
	assert_int_equal(d.count[CD_MOVED], 1);
	critdiff_free(&d);
	/* ... unless the diff is told: --renumbered 13.5=13.6 */
	{
		const struct cdrenum map[] = { { "13.5", "13.6" } };

		assert_int_equal(critdiff_map(a, b, map, 1, &d), 0);
		assert_int_equal(d.count[CD_MOVED], 2);
		x = change(&d, "13.6", "indicator", CD_MOVED);
		assert_string_equal(x->before, "13.5");
		/* what is left removed: criterion 10 and its indicator */
		assert_int_equal(d.count[CD_REMOVED], 2);
		assert_int_equal(d.count[CD_ADDED], 0);
		critdiff_free(&d);
	}
	crit_free(a);
	crit_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sandbox_attacks),
		cmocka_unit_test(sandbox_libraries_work),
		cmocka_unit_test(sandbox_deadline),
		cmocka_unit_test(declarations_read_raw_and_copied),
		cmocka_unit_test(sets_cannot_reach_each_other),
		cmocka_unit_test(sandbox_survives_and_reports_traceback),
		cmocka_unit_test(sandbox_gives_back_the_timer),
		cmocka_unit_test(evaluation_rules),
		cmocka_unit_test(criterion_and_unit_status),
		cmocka_unit_test(extends_amend_remove),
		cmocka_unit_test(load_errors_name_file_and_line),
		cmocka_unit_test(extends_cycle_refused),
		cmocka_unit_test(dictionary_checks_variables),
		cmocka_unit_test(decisions_compared),
	};

	i18n_init("en");   /* the messages compared are the English ones */
	return cmocka_run_group_tests_name("lua", tests, setup, teardown);
}
