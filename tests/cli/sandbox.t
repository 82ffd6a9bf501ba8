# criteria scripts cannot touch files, run programs or loop forever
$ cp -r $T/* . && rm -f /tmp/ntm-pwned
# the files here use made-up variables (v.a): a database whose dictionary
# is empty checks none
$ $NTM --db t.db variables >/dev/null && sqlite3 t.db 'DELETE FROM variable'
$ timeout 20 $NTM --db t.db --criteria evil eval escape
? 1
2~ ntm: evil/escape.lua:2: unknown name 'os'
$ test ! -e /tmp/ntm-pwned
$ timeout 20 $NTM --db t.db --criteria evil eval loop
? 1
2~ ntm: evil/loop.lua:3: instruction budget of 20000000 exceeded (an endless loop?)
$ timeout 20 $NTM --db t.db --criteria evil eval hog
? 1
2> ntm: evil/hog.lua: memory limit of 64 MiB exceeded (a runaway table?)
$ printf 'set { id = "x", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }\nlocal f = io.open("/etc/passwd")\n' > io.lua && $NTM --db t.db criteria check io.lua
? 1
2~ io.lua:2: unknown name 'io'
$ printf 'set { id = "x", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }\nrequire("os")\n' > req.lua && $NTM --db t.db criteria check req.lua
? 1
2~ req.lua:2: unknown name 'require'

# the names a criteria script can see: a new one shows up here in review
$ printf 'local names = {}\nfor k in pairs(_ENV) do names[#names + 1] = k end\ntable.sort(names)\nerror(table.concat(names, " "), 0)\n' > names.lua && $NTM --db t.db criteria check names.lua
? 1
2> names.lua:4: _VERSION add_to all amend any assert at by_group by_region by_year change count count_meeting criterion draft either eq error ge getmetatable growth gt indicator ipairs le lt math max_below max_of mean_below meets min_below min_of next no pairs pcall pct range ratio rawequal rawlen recognised_year remove select set setmetatable share_meeting string sum sum_below table test tests_for threshold_of tonumber tostring type units_below unset utf8 v xpcall year yes
2> ntm: criteria check: 1 file failed

# a criteria file cannot crash, hang or reach past itself (issue 10). The
# tables a script built are read raw after it ran: its metamethods do not
# run, whether they raise or never return
$ timeout 10 $NTM --db t.db criteria check evil/index-error.lua evil/index-loop.lua
> ok  evil/index-error.lua: set index-error, 1 criteria, 1 indicators, 0 draft and 0 unset thresholds; variables not checked (the dictionary in t.db is empty: ntm import data/variables.csv)
> ok  evil/index-loop.lua: set index-loop, 1 criteria, 1 indicators, 0 draft and 0 unset thresholds; variables not checked (the dictionary in t.db is empty: ntm import data/variables.csv)
# ordinary long measures convert; past 200 deep or 10000 operations is an error
$ timeout 10 $NTM --db t.db criteria check evil/long-sum.lua evil/long-chain.lua
> ok  evil/long-sum.lua: set long-sum, 1 criteria, 1 indicators, 0 draft and 0 unset thresholds; variables not checked (the dictionary in t.db is empty: ntm import data/variables.csv)
> ok  evil/long-chain.lua: set long-chain, 1 criteria, 1 indicators, 0 draft and 0 unset thresholds; variables not checked (the dictionary in t.db is empty: ntm import data/variables.csv)
$ printf 'set { id = "x", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }\nlocal m = v.a\nfor i = 1, 40 do m = m + m end\ncriterion "1" { name = "n", indicator "1.1" { name = "n", measure = m, min = 1, cite = "c" } }\n' > wide.lua && timeout 10 $NTM --db t.db criteria check wide.lua
? 1
2~ wide.lua:4: indicator 1.1: a measure of more than 10000 operations
# a finalizer would run with no budget, at a collection or at exit
$ timeout 10 $NTM --db t.db criteria check evil/gc-loop.lua
? 1
2> evil/gc-loop.lua:3: bad argument #2 to 'setmetatable' (__gc is not allowed in a script (it would run outside the sandbox's limits))
2> ntm: criteria check: 1 file failed
$ timeout 10 $NTM --db t.db criteria check evil/dump.lua
? 1
2~ evil/dump.lua:4: attempt to call a nil value (local 'dump')
# a precompiled chunk (Lua 5.4 bytecode's header) is refused, whatever
# runs it: the built-in prelude is the only bytecode ntm loads
$ printf '\033LuaT\000\031\223\r\n\032\n\004\010\010xV' > luac.lua && $NTM --db t.db criteria check luac.lua
? 1
2> luac.lua: attempt to load a binary chunk: scripts are loaded as Lua source text only, never precompiled
2> ntm: criteria check: 1 file failed
$ printf '\357\273\277\033LuaT\000' > bom.lua && $NTM --db t.db run bom.lua
? 1
2> ntm: bom.lua: attempt to load a binary chunk: scripts are loaded as Lua source text only, never precompiled
$ printf '#!/usr/bin/env lua\n\033LuaT\000' > hash.lua && $NTM --db t.db run hash.lua
? 1
2~ hash.lua:2: unexpected symbol near '<\27>'
# work inside C functions, which count no instructions, is bounded before it runs
$ timeout 10 $NTM --db t.db criteria check evil/rep.lua
? 1
2~ evil/rep.lua:5: string.rep: the result would be 1.1e+12 bytes, over the limit of 16 MiB
$ timeout 10 $NTM --db t.db criteria check evil/pattern.lua
? 1
2~ evil/pattern.lua:3: pattern too costly: matching it on a string of 30 bytes could take 6.06e+12 steps, over the limit of 1e+09 (use fewer '?', '*', '+' and '-' items, or a shorter string)

# a FIFO named *.lua is not opened (reading it would wait for ever); a file
# that fails is skipped by the listings, with its error on stderr
$ mkdir fifo && cp crit/roads.lua crit/roads.test.lua fifo/ && mkfifo fifo/x.lua fifo/x.test.lua && timeout 10 $NTM --db t.db --criteria fifo criteria list
~   commune   2021-2025  roads                        ntm           QĐ test 1/2022
2> ntm: warning: skipping fifo/x.lua: cannot open: not a regular file
$ timeout 10 $NTM --db t.db criteria check fifo/x.lua
? 1
2> fifo/x.lua: cannot open: not a regular file
2> ntm: criteria check: 1 file failed
$ timeout 10 $NTM --db t.db --criteria fifo test
~ 2 passed, 0 failed
2> ntm: warning: skipping fifo/x.test.lua: not a regular file
$ mkdir broken && cp crit/roads.lua evil/gc-loop.lua evil/index-loop.lua broken/ && printf 'error("boom")\n' > broken/bad.lua && timeout 10 $NTM --db t.db --criteria broken criteria list
~   commune   2021-2025  index-loop                   ntm           d
~   commune   2021-2025  roads                        ntm           QĐ test 1/2022
2> ntm: warning: skipping broken/bad.lua:1: boom
2> ntm: warning: skipping broken/gc-loop.lua:3: bad argument #2 to 'setmetatable' (__gc is not allowed in a script (it would run outside the sandbox's limits))

# one set cannot change another's values: every file on the path runs when
# the catalog is read, and poison/village.lua, which nothing evaluates,
# reaches for the measures' shared metatable to turn + into -
$ timeout 10 $NTM --db t.db --criteria evil/poison test
> ok   evil/poison/commune.test.lua:2: 6 + 5 is 11, at least 10
> 1 passed, 0 failed
$ timeout 10 $NTM --db t.db --criteria evil/poison criteria list
2> ntm: warning: skipping evil/poison/village.lua:5: attempt to index a nil value (local 'Expr')

# an analysis script stopped part way leaves the database as it was
$ $NTM --db s.db import variables.csv units.csv observations.csv >/dev/null && printf 'ntm.scenario("half")\nntm.set_figure("half", "Bảo Cường", "road_village_total_km", 2023, 1)\nwhile true do end\n' > half.lua && timeout 20 $NTM --db s.db run half.lua
? 1
2~ ntm: half.lua:3: instruction budget of 20000000 exceeded (an endless loop?)
$ $NTM --db s.db scenario list
> no scenarios (create one with `ntm scenario create NAME`)
