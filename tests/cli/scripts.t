# analysis scripts: the bundled example runs on the bundled data; scripts are sandboxed
$ $NTM --db d.db import $ROOT/data/variables.csv $ROOT/data/seeds/*.csv >/dev/null
$ $NTM --db d.db --criteria $ROOT/criteria run $ROOT/scripts/dinh-hoa-charts.lua "dinh hoa" 2023 --out out
> wrote out/criteria-met-2023.svg
> wrote out/income.png
$ head -2 out/criteria-met-2023.csv
> category,Tiêu chí đạt (vn-318-commune)
> Bảo Cường,9
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
