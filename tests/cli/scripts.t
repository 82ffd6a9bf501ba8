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
> set,unit_code,unit_name,year,indicator,status_before,status_after,value_before,value_after
> th-33-2022-advanced-commune,TH-QX-QUANGGIAO,"Quảng Giao",2024,18.1,unmet,met,40,60.16
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
