# criteria scripts cannot touch files, run programs or loop forever
$ cp -r $T/* . && rm -f /tmp/ntm-pwned
$ $NTM --db t.db --criteria evil eval escape
? 1
2~ ntm: evil/escape.lua:2: unknown name 'os'
2~ stack traceback:
$ test ! -e /tmp/ntm-pwned
$ $NTM --db t.db --criteria evil eval loop
? 1
2~ ntm: evil/loop.lua:3: instruction budget of 20000000 exceeded (an endless loop?)
$ $NTM --db t.db --criteria evil eval hog
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
2> _VERSION all amend any assert by_region by_year count count_meeting criterion draft either eq error ge getmetatable gt indicator ipairs le lt math max_below max_of mean_below meets min_below min_of next no pairs pcall pct range ratio rawequal rawlen remove select set setmetatable share_meeting string sum sum_below table test tests_for tonumber tostring type units_below unset utf8 v xpcall yes
2> stack traceback:
2> 	names.lua:4: in main chunk
2> ntm: criteria check: 1 file failed
