-- prelude.lua - the criteria language, compiled into the engine as Lua bytecode at build time.
-- Returns new_env(kind): a fresh sandboxed environment for one set or
-- test file, and the table the file's declarations are collected into.
-- The C side (lua_crit.c) reads that table and builds the evaluator's
-- structures; nothing here touches files or the database.
--
-- Nothing a script can reach is shared between scripts and writable: the
-- libraries are read-only views, the metatables of measures and
-- thresholds answer getmetatable with a name and lend no fields, and what
-- a declaration was checked with is copied (read raw), so changing a
-- table after handing it over changes nothing.
local safe, userline = ...   -- the sandbox's bounded library functions, and
                             -- userline(): the line and file in the user's file that
                             -- called into the prelude (the first frame whose source
                             -- is a file), or 0 (both lua_sandbox.c)
local base = {}
for _, k in ipairs { "assert", "error", "ipairs", "next", "pairs", "pcall",
	"rawequal", "rawlen", "select", "tonumber", "tostring", "type",
	"getmetatable" } do
	base[k] = _G[k]
end
-- setmetatable refuses __gc, __close and __mode; xpcall's handler does not
-- run once the script is being stopped
base.setmetatable, base.xpcall = safe.setmetatable, safe.xpcall
base._VERSION = _VERSION

-- Read-only views of the libraries a script may use.
local function readonly(t, name)
	return setmetatable({}, {
		__index = t,
		__newindex = function(_, k) error("cannot change " .. name .. "." .. tostring(k), 2) end,
		__metatable = false,
	})
end
-- string (without dump; the string metatable's __index is the same table)
-- and table have their unbounded functions wrapped with limits
local libs = {
	string = readonly(safe.string, "string"), table = readonly(safe.table, "table"),
	math = readonly(math, "math"), utf8 = readonly(utf8, "utf8"),
}

-- A table's own fields, read raw: no metamethod of the script's runs, and
-- later changes to t do not reach the copy.
local function rawcopy(t)
	local c = {}
	for k, x in next, t do c[k] = x end
	return c
end

local REGIONS = { tdmnpb = true, dbsh = true, btb = true, dhntb = true,
	tn = true, dnb = true, dbscl = true }
-- what meeting a set leads to: the titles of recognitions.csv
local RECOGNITIONS = { ntm = true, ["ntm-advanced"] = true, ["ntm-model"] = true,
	["model-village"] = true, ["civilised-urban"] = true }
local LEVELS = { province = true, district = true, commune = true,
	township = true, village = true }



local function fail(msg)
	local ln, src = userline()
	error((src or "?") .. ":" .. ln .. ": " .. msg, 0)
end

---------------------------------------------------------------------------
-- Expressions: measures are built as trees, evaluated later in C.
-- No __index: a measure lends no fields, so its metatable (shared by every
-- script of the process) is out of a script's reach.
local Expr = {}
Expr.__metatable = "ntm.Expr"

local function node(op, ...)
	local ln, src = userline()
	return setmetatable({ op = op, line = ln, file = src, ... }, Expr)
end

local function isexpr(x) return getmetatable(x) == "ntm.Expr" end

local function lift(x, what)
	if isexpr(x) then return x end
	if type(x) == "number" then return node("num", x) end
	if type(x) == "boolean" then return node("num", x and 1 or 0) end
	fail((what or "operand") .. ": expected a number or a measure, got " .. type(x))
end

Expr.__add = function(a, b) return node("+", lift(a), lift(b)) end
Expr.__sub = function(a, b) return node("-", lift(a), lift(b)) end
Expr.__mul = function(a, b) return node("*", lift(a), lift(b)) end
Expr.__div = function(a, b) return node("/", lift(a), lift(b)) end
Expr.__unm = function(a) return node("neg", a) end
local function nocompare()
	fail("compare measures with gt(a, b), ge, lt, le, eq (Lua's < and == cannot build a measure)")
end
Expr.__lt = nocompare
Expr.__le = nocompare

local v = setmetatable({}, {
	__index = function(_, name)
		if type(name) ~= "string" then fail("v[...] needs a variable name") end
		return node("var", name)
	end,
	__newindex = function() fail("v is read-only: it names the variables of the data") end,
	__metatable = false,
})

local function varargs(op, min, ...)
	local n = select("#", ...)
	if n < min then fail(op .. " needs at least " .. min .. " measures") end
	local args = {}
	for i = 1, n do args[i] = lift((select(i, ...)), op) end
	return node(op, table.unpack(args))
end

local measures = {
	v = v,
	pct = function(a, b) return node("pct", lift(a, "pct"), lift(b, "pct")) end,
	ratio = function(a, b) return node("/", lift(a, "ratio"), lift(b, "ratio")) end,
	sum = function(...) return varargs("sum", 1, ...) end,
	min_of = function(...) return varargs("min", 1, ...) end,
	max_of = function(...) return varargs("max", 1, ...) end,
	count = function(...) return varargs("count", 1, ...) end,
	all = function(...) return varargs("all", 1, ...) end,
	any = function(...) return varargs("any", 1, ...) end,
	no = function(a) return node("not", lift(a, "no")) end,
	gt = function(a, b) return node("gt", lift(a), lift(b)) end,
	ge = function(a, b) return node("ge", lift(a), lift(b)) end,
	lt = function(a, b) return node("lt", lift(a), lift(b)) end,
	le = function(a, b) return node("le", lift(a), lift(b)) end,
	eq = function(a, b) return node("eq", lift(a), lift(b)) end,
	-- the value of a variable if known, else the fallback
	either = function(a, b) return node("either", lift(a), lift(b)) end,
}

-- Across time: the unit's figures of other years. `year` is the year being
-- judged; at(x, y) is x in year y (year - 1, a recognition's year, 2020);
-- change and growth compare with n years before; recognised_year(title) is
-- the first year the unit was recognised with title (from recognitions);
-- threshold_of(set, indicator) is another set's threshold for the same unit
-- and year. A figure of a year not on record makes the result unknown.
local function span(f, n)
	if math.type(n) ~= "integer" or n < 1 or n > 10 then
		fail(f .. "(x, n): n is a whole number of years from 1 to 10")
	end
	return n
end
measures.at = function(x, y) return node("at", lift(x, "at"), lift(y, "at")) end
measures.change = function(x, n)
	local e = lift(x, "change")
	return node("-", e, node("at", e, node("-", node("year"), node("num", span("change", n)))))
end
measures.growth = function(x, n)
	local e = lift(x, "growth")
	local past = node("at", e, node("-", node("year"), node("num", span("growth", n))))
	return node("*", node("num", 100), node("/", node("-", e, past), past))
end
measures.recognised_year = function(title)
	if type(title) ~= "string" or not RECOGNITIONS[title] then
		fail('recognised_year("title"): a recognition title (ntm, ntm-advanced, ntm-model, ...), got ' .. tostring(title))
	end
	return node("recyear", title)
end
-- Figures derived across the hierarchy: another set's result for this
-- unit, counts and shares of the units below meeting a set, sums and
-- averages of their figures. The engine evaluates the other sets first
-- (villages, then communes, then districts) and refuses a cycle. The
-- variable's name is the call as written, so reports show it as such.
local function set_id(f, id)
	if type(id) ~= "string" or not id:match("^[%w][%w%-%._]*$") then
		fail(f .. '("set-id"): name a criteria set by its id, e.g. ' .. f .. '("vn-318-commune")')
	end
	return id
end
local function level_arg(f, level)
	if type(level) ~= "string" or not LEVELS[level] then
		fail(f .. ": '" .. tostring(level) .. "' is not a level (village, commune, township, district, province)")
	end
	return level
end
local function below(kind, f)
	return function(level, x)
		level_arg(f, level)
		if not isexpr(x) or x.op ~= "var" or x[2] ~= nil then
			fail(f .. '("' .. level .. '", v.name): the second argument is a variable of the data')
		end
		return node("var", ('%s("%s", v.%s)'):format(f, level, x[1]), kind, level, x[1])
	end
end
measures.meets = function(id)
	return node("var", ('meets("%s")'):format(set_id("meets", id)), "meets", id)
end
measures.share_meeting = function(id)
	return node("var", ('share_meeting("%s")'):format(set_id("share_meeting", id)), "share", id)
end
measures.count_meeting = function(id)
	return node("var", ('count_meeting("%s")'):format(set_id("count_meeting", id)), "count", id)
end
measures.units_below = function(level)
	return node("var", ('units_below("%s")'):format(level_arg("units_below", level)), "units", level)
end
measures.threshold_of = function(id, ind)
	if type(ind) ~= "string" or ind == "" then
		fail('threshold_of("set-id", "indicator"): name the indicator whose threshold to read')
	end
	return node("throf", set_id("threshold_of", id) .. ":" .. ind)
end
measures.sum_below = below("sum", "sum_below")
measures.mean_below = below("mean", "mean_below")
measures.min_below = below("min", "min_below")
measures.max_below = below("max", "max_below")

-- Test cases give derived figures as what they stand for: the unit's own
-- results under other sets (meets = { [id] = "met" }) and the units below
-- by level (below = { commune = { count = 22, meeting = { [id] = 22 },
-- unknown = { [id] = 1 }, data = { var = { one value per unit } } } }).
-- They become data under the derived figures' names; *derived marks them
-- so a set that uses only some of them is not an error.
local STATUS_VALUE = { met = 1, unmet = 0 }
local function derive(title, t)
	local data, derived = t.data, {}
	local function put(k, x) data[k] = x; derived[k] = true end
	local function bad(msg) fail("test '" .. title .. "': " .. msg) end
	for id, st in pairs(t.meets or {}) do
		if type(id) ~= "string" or (st ~= "unknown" and STATUS_VALUE[st] == nil) then
			bad('meets = { ["set-id"] = "met" | "unmet" | "unknown" }')
		end
		if STATUS_VALUE[st] then put(('meets("%s")'):format(id), STATUS_VALUE[st]) end
	end
	local seen = {}
	for level, b in pairs(t.below or {}) do
		if not LEVELS[level] or type(b) ~= "table" then
			bad("below = { level = { count = n, meeting = {...}, data = {...} } } (levels: village, commune, township, district)")
		end
		local n = b.count
		if math.type(n) ~= "integer" or n < 0 then bad("below." .. level .. ".count: the number of units (an integer)") end
		put(('units_below("%s")'):format(level), n)
		for id, m in pairs(b.meeting or {}) do
			if seen[id] then bad("set " .. id .. " is counted at two levels") end
			seen[id] = true
			local unknown = (b.unknown or {})[id] or 0
			if math.type(m) ~= "integer" or m < 0 or m + unknown > n then
				bad("below." .. level .. ".meeting[" .. id .. "]: a count between 0 and " .. n)
			end
			if unknown == 0 then
				put(('count_meeting("%s")'):format(id), m)
				if n > 0 then put(('share_meeting("%s")'):format(id), 100 * m / n) end
			end
		end
		for var, xs in pairs(b.data or {}) do
			if type(xs) ~= "table" or #xs ~= n then
				bad("below." .. level .. ".data." .. tostring(var) .. ": a list of " .. n .. " values, one per unit")
			end
			local sum, lo, hi = 0, math.huge, -math.huge
			for _, x in ipairs(xs) do
				if type(x) ~= "number" then bad("below." .. level .. ".data." .. var .. ": numbers only") end
				sum, lo, hi = sum + x, math.min(lo, x), math.max(hi, x)
			end
			put(('sum_below("%s", v.%s)'):format(level, var), sum)
			if n > 0 then
				put(('mean_below("%s", v.%s)'):format(level, var), sum / n)
				put(('min_below("%s", v.%s)'):format(level, var), lo)
				put(('max_below("%s", v.%s)'):format(level, var), hi)
			end
		end
	end
	t.derived = derived
end

---------------------------------------------------------------------------
-- Thresholds: a number, or a table saying how it varies and how sure it is.
local Thr = { __metatable = "ntm.Threshold" }
local function thr(t) t.line = userline(); return setmetatable(t, Thr) end
local function isthr(x) return getmetatable(x) == "ntm.Threshold" end

local function checkvalue(x, what)
	if type(x) == "number" or isthr(x) or isexpr(x) then return x end
	fail(what .. ": expected a number, a measure (1.5 * at(v.x, 2020)), draft(...), range(...), unset(...), by_region{...}, by_group{...} or by_year{...}, got " .. type(x))
end

local thresholds = {
	draft = function(value, note)
		if type(value) ~= "number" and not isthr(value) then fail("draft(value, note): value must be a number") end
		if type(note) ~= "string" or note == "" then
			fail("draft(value, note): say where the draft value comes from")
		end
		return thr { kind = "draft", value = value, note = note }
	end,
	unset = function(note)
		if type(note) ~= "string" or note == "" then
			fail("unset(note): say why the threshold is not set (e.g. which column was not found)")
		end
		return thr { kind = "unset", note = note }
	end,
	range = function(lo, hi, note)
		if type(lo) ~= "number" or type(hi) ~= "number" or lo ~= lo or hi ~= hi then
			fail("range(lo, hi, why): lo and hi must be numbers (math.huge for no upper end)")
		end
		if lo > hi then fail("range(lo, hi, why): lo " .. lo .. " is above hi " .. hi) end
		if type(note) ~= "string" or note == "" then
			fail("range(lo, hi, why): say why the value lies in this range")
		end
		return thr { kind = "range", lo = lo, hi = hi, note = note }
	end,
	by_region = function(t)
		if type(t) ~= "table" then fail("by_region{...}: expected a table of region = value") end
		t = rawcopy(t)
		for k, x in next, t do
			if k ~= "default" and not REGIONS[k] then
				fail("by_region: unknown region '" .. tostring(k) ..
					"' (tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl or default)")
			end
			checkvalue(x, "by_region." .. k)
		end
		return thr { kind = "region", values = t }
	end,
	-- QĐ 51/2025 judges communes in three groups (nhóm 1, 2, 3), not regions
	by_group = function(t)
		if type(t) ~= "table" then fail("by_group{...}: expected a table of [group] = value") end
		t = rawcopy(t)
		local n = 0
		for k, x in next, t do
			if k ~= "default" and k ~= 1 and k ~= 2 and k ~= 3 then
				fail("by_group: unknown commune group '" .. tostring(k) ..
					"' (keys are [1], [2], [3] for nhóm 1, 2, 3, or default)")
			end
			checkvalue(x, "by_group[" .. tostring(k) .. "]")
			n = n + 1
		end
		if n == 0 then fail("by_group{...} is empty") end
		return thr { kind = "group", values = t }
	end,
	by_year = function(t)
		if type(t) ~= "table" then fail("by_year{...}: expected a table of [year] = value") end
		t = rawcopy(t)
		local n = 0
		for k, x in next, t do
			if math.type(k) ~= "integer" or k < 1990 or k > 2100 then
				fail("by_year: keys are years, e.g. [2022] = 45; got " .. tostring(k))
			end
			checkvalue(x, "by_year[" .. k .. "]")
			n = n + 1
		end
		if n == 0 then fail("by_year{...} is empty") end
		return thr { kind = "year", values = t }
	end,
}

-- The limits of one measure and one threshold; lua_crit.c checks the same.
local MEASURE_DEPTH, MEASURE_NODES, THRESHOLD_DEPTH = 200, 10000, 10

-- Private copies of a measure and a threshold, read raw, so that what an
-- indicator was checked with is what the engine reads, whatever the script
-- does to the tables it holds afterwards. A part that is not a measure or a
-- threshold (changed after its check) is left as it is: lua_crit.c refuses
-- it with the file and line. The size of the copy is bounded here, so a
-- measure that shares one part many times over (m = m + m in a loop) stops
-- with a message rather than growing without end.
local function copy_measure(x, what)
	local nodes, ln, src = 0, userline()
	local function toolarge(msg) error((src or "?") .. ":" .. ln .. ": " .. what .. ": " .. msg, 0) end
	local function copy(e, depth)
		if not isexpr(e) then return e end
		if depth > MEASURE_DEPTH then toolarge("a measure nested more than " .. MEASURE_DEPTH .. " deep") end
		nodes = nodes + 1
		if nodes > MEASURE_NODES then toolarge("a measure of more than " .. MEASURE_NODES .. " operations") end
		local c = { op = rawget(e, "op"), line = rawget(e, "line"), file = rawget(e, "file") }
		for i = 1, rawlen(e) do c[i] = copy(rawget(e, i), depth + 1) end
		return setmetatable(c, Expr)
	end
	return copy(x, 1)
end

local function copy_thr(x, what, depth)
	if isexpr(x) then return copy_measure(x, what) end   -- a threshold computed per unit
	if not isthr(x) then return x end
	depth = depth or 1
	if depth > THRESHOLD_DEPTH then
		local ln, src = userline()   -- at most 10 frames of copy_thr down
		error((src or "?") .. ":" .. ln .. ": " .. what .. ": thresholds nested more than " .. THRESHOLD_DEPTH .. " deep", 0)
	end
	local c = { kind = rawget(x, "kind"), note = rawget(x, "note"), line = rawget(x, "line"),
		lo = rawget(x, "lo"), hi = rawget(x, "hi") }
	c.value = copy_thr(rawget(x, "value"), what, depth + 1)
	local values = rawget(x, "values")
	if type(values) == "table" then
		c.values = {}
		for k, y in next, values do c.values[k] = copy_thr(y, what, depth + 1) end
	else
		c.values = values
	end
	return setmetatable(c, Thr)
end

---------------------------------------------------------------------------
-- Declarations.
local INDICATOR_FIELDS = { name = true, measure = true, unit = true, min = true,
	max = true, must = true, cite = true, applies = true, note = true, renumbered_from = true }

local INTERNAL = { id = true, line = true, file = true, tag = true }

local function new_env(kind, extra)
	local decl = { criteria = {}, amends = {}, removes = {}, adds = {}, tests = {} }
	local env = {}
	for k, f in pairs(base) do env[k] = f end
	for k, t in pairs(libs) do env[k] = t end
	-- analysis scripts get the host's functions (ntm, print, args) too
	if extra then for k, x in pairs(extra) do env[k] = x end end
	for k, f in pairs(measures) do env[k] = f end
	for k, f in pairs(thresholds) do env[k] = f end
	env.yes = true
	env.year = node("year")

	local function idarg(what, id)
		if type(id) ~= "string" or id == "" then
			fail(what .. ' needs an id string, e.g. ' .. what .. ' "2.1" { ... }')
		end
	end

	-- Checks the indicator (or amendment) t, a raw copy the script cannot
	-- reach, and replaces its measures and thresholds by private copies.
	local function check_indicator(t, amend)
		if type(t.id) ~= "string" then fail("indicator: the id is not a string") end
		for k in next, t do
			if type(k) ~= "string" or not (INDICATOR_FIELDS[k] or INTERNAL[k]) then
				fail("indicator " .. t.id .. ": unknown field '" .. tostring(k) .. "' (fields: name, measure, unit, min, max, must, cite, applies, note, renumbered_from)")
			end
		end
		local n = (t.min ~= nil and 1 or 0) + (t.max ~= nil and 1 or 0) + (t.must ~= nil and 1 or 0)
		if not amend then
			if type(t.name) ~= "string" then fail("indicator " .. t.id .. ": name is missing") end
			if not isexpr(t.measure) then
				fail("indicator " .. t.id .. ": measure is missing or not a measure (e.g. measure = pct(v.a, v.b))")
			end
			if n == 0 then
				fail("indicator " .. t.id .. ": threshold missing: give min =, max = or must = " ..
					"(unset(\"why\") when the decision's value is not known)")
			end
			if type(t.cite) ~= "string" or t.cite == "" then
				fail("indicator " .. t.id .. ": cite is missing (the decision and article that set it)")
			end
		end
		if n > 1 then fail("indicator " .. t.id .. ": give only one of min, max, must") end
		if t.min ~= nil then checkvalue(t.min, "indicator " .. t.id .. ": min") end
		if t.max ~= nil then checkvalue(t.max, "indicator " .. t.id .. ": max") end
		if t.must ~= nil and type(t.must) ~= "boolean" and not isthr(t.must) then
			fail("indicator " .. t.id .. ": must is true or false")
		end
		if t.applies ~= nil and not isexpr(t.applies) then
			fail("indicator " .. t.id .. ": applies must be a measure (e.g. gt(v.craft_villages_count, 0))")
		end
		if t.measure ~= nil and not isexpr(t.measure) then
			fail("indicator " .. t.id .. ": measure must be a measure")
		end
		if t.renumbered_from ~= nil and (type(t.renumbered_from) ~= "string" or
				t.renumbered_from == "" or t.renumbered_from == t.id) then
			fail("indicator " .. t.id .. ": renumbered_from is the id the indicator had in the " ..
				"earlier decision (a string other than its own id, e.g. renumbered_from = \"17.9\")")
		end
		local what = "indicator " .. t.id
		t.measure = copy_measure(t.measure, what)
		t.applies = copy_measure(t.applies, what)
		t.min, t.max, t.must = copy_thr(t.min, what), copy_thr(t.max, what), copy_thr(t.must, what)
		return t
	end

	env.indicator = function(id)
		idarg("indicator", id)
		local ln, src = userline()
		return function(t)
			if type(t) ~= "table" then fail("indicator " .. id .. " { ... }: expected a table") end
			t = rawcopy(t)
			t.id, t.line, t.file, t.tag = id, ln, src, "indicator"
			return check_indicator(t, false)
		end
	end

	-- Takes a copy of each indicator, checked again: the script may have
	-- changed the one indicator{} returned. Returns nothing, so the
	-- declaration stays out of the script's reach.
	env.criterion = function(id)
		idarg("criterion", id)
		local ln = userline()
		return function(t)
			if type(t) ~= "table" then fail("criterion " .. id .. " { ... }: expected a table") end
			t = rawcopy(t)
			if type(t.name) ~= "string" then fail("criterion " .. id .. ": name is missing") end
			if t.group ~= nil and type(t.group) ~= "string" then fail("criterion " .. id .. ": group is a name") end
			local c = { id = id, name = t.name, group = t.group, line = ln, indicators = {} }
			for k, x in next, t do
				if math.type(k) == "integer" then
					if type(x) ~= "table" or rawget(x, "tag") ~= "indicator" then
						fail("criterion " .. id .. ": item " .. k .. " is not an indicator \"id\" { ... }")
					end
				elseif k ~= "name" and k ~= "group" then
					fail("criterion " .. id .. ": unknown field '" .. tostring(k) .. "' (fields: name, group, then indicators)")
				end
			end
			local i = 1
			while t[i] ~= nil do
				c.indicators[i] = check_indicator(rawcopy(t[i]), false)
				i = i + 1
			end
			if #c.indicators == 0 then fail("criterion " .. id .. " has no indicator") end
			decl.criteria[#decl.criteria + 1] = c
		end
	end

	env.amend = function(id)
		idarg("amend", id)
		local ln, src = userline()
		return function(t)
			if type(t) ~= "table" then fail("amend " .. id .. " { ... }: expected a table") end
			t = rawcopy(t)
			t.id, t.line, t.file = id, ln, src
			decl.amends[#decl.amends + 1] = check_indicator(t, true)
		end
	end

	-- Indicators a set adds to a criterion of the set it extends, after that
	-- criterion's own: add_to "17" { indicator "17.12" { ... } }.
	env.add_to = function(id)
		idarg("add_to", id)
		local ln, src = userline()
		return function(t)
			if type(t) ~= "table" then fail("add_to " .. id .. " { ... }: expected a table of indicators") end
			t = rawcopy(t)
			local a = { id = id, line = ln, file = src, indicators = {} }
			for k, x in next, t do
				if math.type(k) ~= "integer" or type(x) ~= "table" or rawget(x, "tag") ~= "indicator" then
					fail("add_to " .. id .. ": give only indicators: add_to \"" .. id .. "\" { indicator \"ID\" { ... } }")
				end
			end
			local i = 1
			while t[i] ~= nil do
				a.indicators[i] = check_indicator(rawcopy(t[i]), false)
				i = i + 1
			end
			if #a.indicators == 0 then fail("add_to " .. id .. " has no indicator") end
			decl.adds[#decl.adds + 1] = a
		end
	end

	env.remove = function(id)
		idarg("remove", id)
		local ln, src = userline()
		decl.removes[#decl.removes + 1] = { id = id, line = ln, file = src }
	end

	env.set = function(t)
		if decl.set then fail("set { ... } is given twice") end
		if type(t) ~= "table" then fail("set { ... }: expected a table") end
		t = rawcopy(t)
		for k in next, t do
			if not ({ id = 1, title = 1, decision = 1, level = 1, years = 1, extends = 1,
				province = 1, note = 1, recognises = 1 })[k] then
				fail("set: unknown field '" .. tostring(k) .. "' (fields: id, title, decision, level, years, extends, province, recognises, note)")
			end
		end
		t.recognises = t.recognises or "ntm"
		if not RECOGNITIONS[t.recognises] then
			fail("set: recognises = '" .. tostring(t.recognises) .. "' is not a recognition (ntm, ntm-advanced, ntm-model, model-village, civilised-urban)")
		end
		for _, k in ipairs { "id", "title", "decision", "level" } do
			if type(t[k]) ~= "string" or t[k] == "" then fail("set: " .. k .. " is missing") end
		end
		if not t.id:match("^[%w][%w%-%._]*$") then
			fail("set: id '" .. t.id .. "' must be letters, digits, '-', '.' or '_'")
		end
		if not LEVELS[t.level] then
			fail("set: level '" .. t.level .. "' is not one of province, district, commune, township, village")
		end
		local y = t.years
		if type(y) == "table" then y = { rawget(y, 1), rawget(y, 2) } end
		if type(y) ~= "table" or math.type(y[1]) ~= "integer" or math.type(y[2]) ~= "integer" or y[1] > y[2] then
			fail("set: years = { first, last } (e.g. years = { 2021, 2025 })")
		end
		t.years = y
		for _, k in ipairs { "extends", "province", "note" } do
			if t[k] ~= nil and type(t[k]) ~= "string" then
				fail("set: " .. k .. (k == "extends" and " names a set id" or " is a string"))
			end
		end
		t.line = userline()
		decl.set = t
	end

	-- Test files: test "title" { region =, year =, data = {...}, expect = {...} }
	env.test = function(title)
		if type(title) ~= "string" then fail('test needs a title: test "what it checks" { ... }') end
		local ln = userline()
		return function(t)
			if type(t) ~= "table" then fail("test " .. title .. ": expected a table") end
			t = rawcopy(t)
			for k in next, t do
				if not ({ region = 1, group = 1, year = 1, data = 1, expect = 1, criteria = 1, result = 1,
					meets = 1, below = 1, past = 1, recognised = 1 })[k] then
					fail("test '" .. title .. "': unknown field '" .. tostring(k) .. "' (fields: region, group, year, data, past, recognised, meets, below, expect, criteria, result)")
				end
			end
			if type(t.data) ~= "table" then fail("test '" .. title .. "': data = { variable = value, ... } is missing") end
			if type(t.expect) ~= "table" and type(t.criteria) ~= "table" and t.result == nil then
				fail("test '" .. title .. "': say what to expect (expect, criteria or result)")
			end
			t.data = rawcopy(t.data)
			if type(t.expect) == "table" then t.expect = rawcopy(t.expect) end
			if type(t.criteria) == "table" then t.criteria = rawcopy(t.criteria) end
			t.title, t.line = title, ln
			-- figures of other years as "name@year", recognitions as "recognised:title"
			if t.past ~= nil then
				if type(t.past) ~= "table" then fail("test '" .. title .. "': past = { [2019] = { variable = value } }") end
				for y, d in next, rawcopy(t.past) do
					if math.type(y) ~= "integer" or type(d) ~= "table" then
						fail("test '" .. title .. "': past = { [2019] = { variable = value } }: keys are years")
					end
					for k, x in next, rawcopy(d) do
						if type(k) ~= "string" or (type(x) ~= "number" and type(x) ~= "boolean") then
							fail("test '" .. title .. "': past[" .. y .. "]: variable = number")
						end
						t.data[k .. "@" .. y] = x
					end
				end
			end
			if t.recognised ~= nil then
				if type(t.recognised) ~= "table" then fail("test '" .. title .. "': recognised = { ntm = 2019 }") end
				for k, y in next, rawcopy(t.recognised) do
					if not RECOGNITIONS[k] or math.type(y) ~= "integer" then
						fail("test '" .. title .. "': recognised = { title = year } (titles: ntm, ntm-advanced, ntm-model, ...)")
					end
					t.data["recognised:" .. k] = y
				end
			end
			t.past, t.recognised = nil, nil
			derive(title, t)
			decl.tests[#decl.tests + 1] = t
		end
	end
	env.tests_for = function(id)
		if type(id) ~= "string" then fail('tests_for "set-id"') end
		decl.tests_for = id
	end

	setmetatable(env, {
		__index = function(_, k)
			fail("unknown name '" .. tostring(k) .. "' (a typo? the criteria language is described in criteria/README.md)")
		end,
		__newindex = function(_, k)
			fail("assignment to global '" .. tostring(k) .. "': declare it local")
		end,
		__metatable = false,
	})
	return env, decl
end

---------------------------------------------------------------------------
-- A set that extends another: the parent's criteria, with the child's
-- criteria added or replacing those of the same id, its amendments
-- patched into single indicators, and its removals taken out.
local function merge(parent, child)
	local out = { set = child.set, criteria = {}, amends = {}, removes = {}, adds = {}, tests = {} }
	for i, c in ipairs(parent.criteria) do
		local copy = { id = c.id, name = c.name, group = c.group, line = c.line, indicators = {} }
		for j, ind in ipairs(c.indicators) do
			local t = {}
			for k, x in pairs(ind) do t[k] = x end
			copy.indicators[j] = t
		end
		out.criteria[i] = copy
	end
	local function where(t) return (t.file or "?") .. ":" .. (t.line or 0) .. ": " end
	for _, c in ipairs(child.criteria) do
		local done = false
		for i, pc in ipairs(out.criteria) do
			if pc.id == c.id then out.criteria[i] = c; done = true; break end
		end
		if not done then out.criteria[#out.criteria + 1] = c end
	end
	for _, a in ipairs(child.amends) do
		local found
		for _, c in ipairs(out.criteria) do
			for _, ind in ipairs(c.indicators) do
				if ind.id == a.id then found = ind end
			end
		end
		if not found then
			error(where(a) .. "amend " .. a.id .. ": set '" .. parent.set.id .. "' has no indicator " .. a.id, 0)
		end
		if a.min ~= nil or a.max ~= nil or a.must ~= nil then
			found.min, found.max, found.must = nil, nil, nil
		end
		for k, x in pairs(a) do
			if k ~= "id" then found[k] = x end
		end
	end
	for _, a in ipairs(child.adds or {}) do
		local into
		for _, c in ipairs(out.criteria) do
			if c.id == a.id then into = c end
		end
		if not into then
			error(where(a) .. "add_to " .. a.id .. ": set '" .. parent.set.id .. "' has no criterion " .. a.id, 0)
		end
		for _, ind in ipairs(a.indicators) do
			for _, c in ipairs(out.criteria) do
				for _, x in ipairs(c.indicators) do
					if x.id == ind.id then
						error(where(a) .. "add_to " .. a.id .. ": indicator " .. ind.id ..
							" is already in criterion " .. c.id .. " (amend it instead)", 0)
					end
				end
			end
			into.indicators[#into.indicators + 1] = ind
		end
	end
	for _, r in ipairs(child.removes) do
		local hit = false
		for i = #out.criteria, 1, -1 do
			local c = out.criteria[i]
			if c.id == r.id then table.remove(out.criteria, i); hit = true
			else
				for j = #c.indicators, 1, -1 do
					if c.indicators[j].id == r.id then table.remove(c.indicators, j); hit = true end
				end
			end
		end
		if not hit then
			error(where(r) .. "remove " .. r.id .. ": set '" .. parent.set.id .. "' has no criterion or indicator " .. r.id, 0)
		end
	end
	return out
end

return new_env, merge
