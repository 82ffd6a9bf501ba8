# analysis scripts: the bundled example runs on the bundled data; scripts are sandboxed
$ $NTM --db d.db import $ROOT/data/variables.csv $ROOT/data/seeds/*.csv >/dev/null
$ $NTM --db d.db --criteria $ROOT/criteria run $ROOT/scripts/dinh-hoa-charts.lua "dinh hoa" 2023 --out out
> wrote out/criteria-met-2023.svg
> wrote out/income.png
$ head -2 out/criteria-met-2023.csv
> category,Tiêu chí đạt (vn-318-commune)
> Bảo Cường,11
$ grep -q 'Định Hóa: số tiêu chí đạt theo xã, năm 2023' out/criteria-met-2023.svg && grep -q 'Điềm Mặc' out/criteria-met-2023.svg
$ od -An -tx1 -N4 out/income.png | tr -d ' '
> 89504e47

# a script writes only plain file names under --out
$ printf 'ntm.chart{ categories = {"a"}, series = {{ name = "x", values = {1} }}, out = "../escape.png" }\n' > esc.lua && $NTM --db d.db run esc.lua --out out
? 1
2~ esc.lua:1: file name '../escape.png': give a plain name (no directory); it is written under out
$ test ! -e escape.png
$ printf 'ntm.chart{ categories = {"a"}, series = {{ name = "x", values = {1} }}, out = "x.sh" }\n' > ext.lua && $NTM --db d.db run ext.lua --out out
? 1
2~ ext.lua:1: file name 'x.sh': must end in .png or .svg
$ printf 'local f = io.open("/etc/passwd")\n' > io.lua && $NTM --db d.db run io.lua
? 1
2~ io.lua:1: unknown name 'io'
$ printf 'print(ntm.figures("income_per_capita", "Quảng Giao"))\n' > typo.lua && $NTM --db d.db run typo.lua
? 1
2~ typo.lua:1: unknown variable 'income_per_capita'; did you mean 'income_per_capita_mvnd'?
$ printf 'local f = ntm.figures("income_per_capita_mvnd", "quang giao")\nprint(f[2023], #args, args[1])\n' > fig.lua && $NTM --db d.db run fig.lua hello
> 58	1	hello
$ printf 'ntm.chart{ kind = "pie", categories = {"a"}, series = {} , out = "p.png" }\n' > pie.lua && $NTM --db d.db run pie.lua --out out
? 1
2~ pie.lua:1: chart: kind 'pie' is not line, bars, stacked or heatmap
$ printf 'while true do end\n' > loop.lua && $NTM --db d.db run loop.lua
? 1
2~ loop.lua:1: instruction budget of 20000000 exceeded

# scenario scripts: the seeds' 2024 plans; scenarios rebuilt on each run; the base data untouched
$ sqlite3 d.db 'SELECT * FROM observation; SELECT * FROM funding; SELECT * FROM project' | md5sum > base.md5 && echo ok
> ok
$ $NTM --db d.db --criteria $ROOT/criteria run $ROOT/scripts/quang-giao-2024.lua --out out
~ Quảng Giao, 2024 (77 figures carried from 2023)
~   base: th-33 clean water 40.00 % (unmet)
~   Q1  th-33-2022-advanced-commune  unknown   0 criteria met  spent  3481.839  clean water 60.16 met
~   Q4  th-33-2022-advanced-commune  unknown   0 criteria met  spent  8873.725  clean water 60.16 met
~ out/quang-giao-2024.csv
$ head -3 out/quang-giao-2024.csv
> quarter,scenario,set,status,criteria_met,spent_mvnd,clean_water_pct,clean_water_status
> Q1,qg-2024-q1,th-32-2022-commune,open,10,3481.839,,
> Q1,qg-2024-q1,th-33-2022-advanced-commune,unknown,0,3481.839,60.16,met
$ $NTM --db d.db --criteria $ROOT/criteria run $ROOT/scripts/quang-giao-2024.lua --out out >/dev/null && $NTM --db d.db scenario list | cut -c1-50 | sed 's/ *$//'
> scenario                     built on
> qg-2024-base                 (base data)
> qg-2024-q1                   qg-2024-base
> qg-2024-q2                   qg-2024-q1
> qg-2024-q3                   qg-2024-q2
> qg-2024-q4                   qg-2024-q3
$ $NTM --db d.db --criteria $ROOT/criteria diff th-33-2022-advanced-commune --scenario qg-2024-q1 --against qg-2024-base --unit "quang giao" --year 2024 --format csv
> set,unit_code,unit_name,year,criterion,indicator,status_before,status_after,value_before,value_after
> th-33-2022-advanced-commune,16519,Quảng Giao,2024,18,,unmet,unknown,,
> th-33-2022-advanced-commune,16519,Quảng Giao,2024,18,18.1,unmet,met,40,60.16
$ $NTM --db d.db --criteria $ROOT/criteria run $ROOT/scripts/dinh-hoa-2024.lua "dinh hoa" 0.87 --out out
~ Định Hóa, 2024: envelope 61081 million VND, 53140 disbursed at 87 %; 1609 figures carried from 2023
~   vn-318-commune             communes meeting 0 -> 0 of 22; criteria met 242 -> 242
$ $NTM --db d.db scenario show dh-2024-plan | grep -c 'Sơn Phú 2024: model_villages_count = 4\|Định Hóa 2024 central: allocated 27135'
> 2
$ sqlite3 d.db 'SELECT * FROM observation; SELECT * FROM funding; SELECT * FROM project' | md5sum | cmp - base.md5 && echo unchanged
> unchanged
# a script that fails leaves no scenario behind
$ printf 'ntm.scenario("half")\nntm.set_figure("half", "quang giao", "households_total", 2024, 1)\nerror("stop")\n' > half.lua && $NTM --db d.db run half.lua
? 1
2~ half.lua:3: stop
$ $NTM --db d.db scenario show half
? 1
2~ no scenario 'half'
$ printf 'ntm.scenario("x")\nntm.add_project("x", { unit = "quang giao", year = 2024, name = "n", variable = "households_total" })\n' > proj.lua && $NTM --db d.db run proj.lua
? 1
2~ add_project: variable and quantity go together

# hostile scripts (issue 10). A colour reaches gnuplot only as "#rrggbb": one
# that would close the quote and run a shell command is refused, and runs nothing
$ $NTM --db d.db run $T/hostile/color.lua --out hc
? 1
2~ color.lua:2: chart: series[1].color 'red'?!touch pwned?#' is not "#rrggbb" or one of black, blue, brown,
$ ls -A hc | wc -l; test ! -e pwned
> 0
# names are colour names (any case) or #rrggbb
$ printf 'print(ntm.chart{ categories = {"a"}, out = "k.svg", series = {{ name = "x", values = {1}, color = "Dark-Green" }, { name = "y", values = {2}, color = "#AABBCC" }} })\n' > colors.lua && $NTM --db d.db run colors.lua --out hc && grep -o 'rgb(  0, 100,   0)\|rgb(170, 187, 204)' hc/k.svg | sort -u
> hc/k.svg
> rgb(  0, 100,   0)
> rgb(170, 187, 204)

# links planted in the output folder, one dangling, are replaced, never followed
$ mkdir lo && echo keep > victim.csv && echo keep > victim.svg && ln -s ../victim.csv lo/planted.csv && ln -s ../nowhere.csv lo/dangling.csv && ln -s ../victim.svg lo/planted.svg && ln -s ../nowhere2.csv lo/chart.csv
$ $NTM --db d.db run $T/hostile/links.lua --out lo
> lo/planted.csv
> lo/dangling.csv
> lo/planted.svg
$ cat victim.csv victim.svg; ls nowhere.csv nowhere2.csv 2>&1 | wc -l
> keep
> keep
> 2
$ ls -A lo; find lo -type l | wc -l; cat lo/planted.csv lo/dangling.csv lo/chart.csv
> chart.csv
> dangling.csv
> planted.csv
> planted.svg
> 0
> a
> 1
> a
> 2
> category,x
> a,1
$ grep -c '<svg' lo/planted.svg
> 1

# a line break in a file name is refused (gnuplot would have written another file)
$ $NTM --db d.db run $T/hostile/newline.lua --out nl
? 1
2~ newline.lua:5: file name 'a?b.png': it has a control character (a line break?); give a plain name
$ $NTM --db d.db run $T/hostile/newline.lua csv --out nl
? 1
2~ newline.lua:3: file name 'a?b.csv': it has a control character (a line break?); give a plain name
$ ls -A nl | wc -l
> 0

# every parameter is bounded (scripts/README.md), before anything is drawn
$ timeout 20 $NTM --db d.db run $T/hostile/limits.lua decimals --out lim
? 1
2~ limits.lua:12: chart: decimals is a whole number from 0 to 6
$ timeout 20 $NTM --db d.db run $T/hostile/limits.lua title --out lim
? 1
2~ limits.lua:12: chart: title is 1048576 bytes long, more than 500
$ timeout 20 $NTM --db d.db run $T/hostile/limits.lua label --out lim
? 1
2~ limits.lua:12: chart: categories[1] is 201 bytes long, more than 200
$ timeout 20 $NTM --db d.db run $T/hostile/limits.lua width --out lim
? 1
2~ limits.lua:12: chart: width is a whole number from 10 to 10000
$ timeout 20 $NTM --db d.db run $T/hostile/limits.lua wrap --out lim
? 1
2~ limits.lua:12: chart: width is a whole number from 10 to 10000
$ timeout 20 $NTM --db d.db run $T/hostile/limits.lua infinite --out lim
? 1
2~ limits.lua:12: chart: series[1].values[1] is infinite
$ ls -A lim | wc -l
> 0
# a chart's copy of the script's data counts against the script's memory cap
$ timeout 60 $NTM --db d.db run $T/hostile/cap.lua --out cap
? 1
2~ cap.lua: memory limit of 64 MiB exceeded
$ ls -A cap | wc -l
> 0
# one file holds at most 64 MiB; the half-written file is removed
$ timeout 60 $NTM --db d.db run $T/hostile/bigcsv.lua --out big
? 1
2~ bigcsv.lua:4: write_csv: big/big.csv would be larger than 64 MiB, the most a script may write to one file
$ ls -A big | wc -l
> 0

# gnuplot is stopped past its time limit; its files have no name on disk and
# the chart's file is not begun, so a killed chart leaves nothing behind
$ cp $T/hostile/hang-gnuplot hang && GNUPLOT=./hang NTM_GNUPLOT_TIMEOUT=0.5 timeout 20 $NTM --db d.db run $T/hostile/chart.lua --out slow
? 1
2~ chart.lua:2: gnuplot did not finish within 0.5 s and was stopped (NTM_GNUPLOT_TIMEOUT sets the limit in seconds)
$ test ! -e named && ls -A slow | wc -l
> 0
