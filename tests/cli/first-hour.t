# A new analyst's first hour (issue 16): what a first session runs into, and
# what the messages say to do about it.

# 1. A new database knows its dictionary: it begins with the bundled one
# (data/variables.csv as ntm was built with it), marked so in its imports
$ cp $T/units.csv $T/observations.csv $T/bad-unit.csv . && $NTM --db new.db import units.csv observations.csv
> units              8 rows       8 new       0 replaced  units.csv
> observations      16 rows      16 new       0 replaced  observations.csv
> imported 24 rows from 2 files into new.db (a new database, which began with the bundled dictionary)
$ sqlite3 new.db "SELECT file, kind, rows FROM import ORDER BY id LIMIT 1"
> bundled dictionary|variables|193
# a failed import into a new file leaves no database behind, nor does a dry run
$ $NTM --db no.db import units.csv bad-unit.csv
? 1
2> ntm: bad-unit.csv:3: field 'unit': unknown unit 'TN-DH-BAOCUONGG'; did you mean 'TN-DH-BAOCUONG'? (units are named by code; `ntm units` lists them)
2> nothing was imported from any of the files, and no database was made
$ test ! -e no.db && test ! -e no.db-wal && test ! -e no.db-shm && echo gone
> gone
$ $NTM --db dry.db import --dry-run units.csv && test ! -e dry.db && echo gone
> units              8 rows       8 new       0 replaced  units.csv
> checked (dry run, nothing written): 8 rows from 1 file into dry.db (a new database: not made)
> gone
# run from outside the project, the default data/ntm.db names nothing: say how to point at one
$ mkdir elsewhere && cd elsewhere && env -u NTM_DB $NTM units
? 1
2~ ntm: data/ntm.db: cannot open database: unable to open database file (the default database is data/ntm.db under the current folder,
2~ which has no folder 'data': run ntm in the project's folder, or give the database with --db PATH or NTM_DB)
$ $NTM --db missing/x.db units
? 1
2> ntm: missing/x.db: cannot open database: unable to open database file (check that the folder 'missing' exists and can be written, or give another database with --db PATH or NTM_DB)
# a database without a dictionary, or without the variable the bundled one has, says what to import
$ $NTM --db old.db units >/dev/null && sqlite3 old.db "DELETE FROM variable" && $NTM --db old.db import units.csv observations.csv
? 1
2> ntm: observations.csv:2: field 'variable': unknown variable 'road_village_total_km': the database has no variable dictionary (import data/variables.csv with the figures, or first)
2> nothing was imported from any of the files
$ $NTM --db part.db units >/dev/null && sqlite3 part.db "DELETE FROM variable WHERE name = 'road_village_total_km'" && $NTM --db part.db import units.csv observations.csv
? 1
2> ntm: observations.csv:2: field 'variable': unknown variable 'road_village_total_km'; did you mean 'road_alley_total_km', 'road_field_total_km' or 'road_all_total_km'? (the bundled dictionary has it but this database's dictionary does not: import data/variables.csv)
2> nothing was imported from any of the files
# an import of data/variables.csv later replaces the bundled rows
$ $NTM --db part.db import $ROOT/data/variables.csv units.csv observations.csv | sed "s|$ROOT/||"
> variables        193 rows       1 new     192 replaced  data/variables.csv
> units              8 rows       8 new       0 replaced  units.csv
> observations      16 rows      16 new       0 replaced  observations.csv
> imported 217 rows from 3 files into part.db

# 2. One dictionary for checking sets: `criteria check` and `ntm test` read
# the database's when there is one, else the bundled one, and say which
$ mkdir -p sets && printf 'set { id = "mine", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }\ncriterion "2" { name = "Giao thông",\n  indicator "2.2" { name = "n", measure = pct(v.road_vilage_hardened_km, v.road_village_total_km), min = 70, cite = "c" } }\n' > sets/mine.lua && printf 'tests_for "mine"\ntest "at the threshold" { region = "tdmnpb", year = 2023, data = { road_village_hardened_km = 70, road_village_total_km = 100 }, expect = { ["2.2"] = "met" } }\n' > sets/mine.test.lua
$ cd elsewhere && env -u NTM_DB $NTM criteria check ../sets/mine.lua
? 1
2> ../sets/mine.lua:3: unknown variable 'road_vilage_hardened_km'; did you mean 'road_village_hardened_km', 'road_all_hardened_km' or 'road_alley_hardened_km'? (variables come from the bundled dictionary (no database at data/ntm.db))
2> ntm: criteria check: 1 file failed
$ cd elsewhere && env -u NTM_DB $NTM --criteria ../sets test
? 1
> FAIL ../sets/mine.test.lua: ../sets/mine.lua:3: unknown variable 'road_vilage_hardened_km'; did you mean 'road_village_hardened_km', 'road_all_hardened_km' or 'road_alley_hardened_km'? (variables come from the bundled dictionary (no database at data/ntm.db))
> 0 passed, 1 failed
$ sed -i 's/road_vilage/road_village/' sets/mine.lua && cd elsewhere && env -u NTM_DB $NTM criteria check ../sets/mine.lua && env -u NTM_DB $NTM --criteria ../sets test && test ! -e data
> ok  ../sets/mine.lua: set mine, 1 criteria, 1 indicators, 0 draft and 0 unset thresholds; variables checked against the bundled dictionary (no database at data/ntm.db)
> ok   ../sets/mine.test.lua:2: at the threshold
> 1 passed, 0 failed
# a variable the analyst added to a file counts, for both, once it is imported
$ sed -i 's/road_village_total_km/road_village_km/' sets/mine.lua sets/mine.test.lua && printf 'name,uom,meaning,source\nroad_village_km,km,Tổng chiều dài đường thôn,analyst\n' > mine-vars.csv
$ $NTM --db t.db criteria check sets/mine.lua
? 1
2> sets/mine.lua:3: unknown variable 'road_village_km'; did you mean 'road_new_village_km'? (variables come from the bundled dictionary (no database at t.db))
2> ntm: criteria check: 1 file failed
$ $NTM --db t.db --criteria sets test
? 1
> FAIL sets/mine.test.lua: sets/mine.lua:3: unknown variable 'road_village_km'; did you mean 'road_new_village_km'? (variables come from the bundled dictionary (no database at t.db))
> 0 passed, 1 failed
$ $NTM --db t.db import mine-vars.csv >/dev/null && $NTM --db t.db criteria check sets/mine.lua && $NTM --db t.db --criteria sets test
> ok  sets/mine.lua: set mine, 1 criteria, 1 indicators, 0 draft and 0 unset thresholds; variables checked against the dictionary in t.db
> ok   sets/mine.test.lua:2: at the threshold
> 1 passed, 0 failed

# 3. Errors that name the fix
# a unit given by name where its code goes
$ printf 'unit,period,variable,value,source\nBảo Cường,2023,road_village_total_km,40,test\n' > byname.csv && $NTM --db n.db import units.csv byname.csv
? 1
2> ntm: byname.csv:2: field 'unit': unknown unit 'Bảo Cường': a unit's name, not its code; units are named by code in observations: write TN-DH-BAOCUONG (Bảo Cường, commune in Định Hóa)
2> nothing was imported from any of the files, and no database was made
# a semicolon file from Excel
$ printf 'unit;period;variable;value;source\nTN-DH-BAOCUONG;2023;road_village_total_km;40,5;test\n' > excel.csv && $NTM --db n.db import excel.csv
? 1
2> ntm: excel.csv:1: the columns are separated by semicolons ('unit;period;variable;value;source'), as Excel saves CSV where a comma is the decimal separator; ntm reads a comma between columns and a dot in numbers: save the file again with ',' as the list separator and '.' as the decimal separator (in LibreOffice: field delimiter ',')
2> nothing was imported, and no database was made
# an unknown region lists the valid ones, in units.csv and in a criteria test;
# a test for a year the set does not cover is refused as eval refuses it
$ printf 'code,name,level,parent,region\nXX,Tỉnh X,province,,tdmbn\n' > region.csv && $NTM --db n.db import region.csv
? 1
2> ntm: region.csv:2: field 'region': 'tdmbn' is not a threshold region of QĐ 318: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl
2> nothing was imported, and no database was made
$ printf 'tests_for "vn-318-commune"\ntest "a region misspelt" { region = "tdmnbp", year = 2023, data = {}, expect = {} }\ntest "a year the set does not cover" { region = "tdmnpb", year = 2019, data = {}, expect = {} }\n' > years.test.lua && $NTM --db t.db --criteria $ROOT/criteria test years.test.lua
? 1
> FAIL years.test.lua:2: a region misspelt: unknown region 'tdmnbp'; did you mean 'tdmnpb'? (regions: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl)
> FAIL years.test.lua:3: a year the set does not cover: year 2019: set vn-318-commune applies to 2021-2025 (QĐ 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ, Phụ lục I); eval refuses 2019 too
> 0 passed, 2 failed
# a pasted command whose two-word name lost its quotes
$ $NTM --db t.db import units.csv observations.csv >/dev/null && $NTM --db t.db --criteria $ROOT/criteria eval vn-318-commune --unit Bảo Cường --year 2023
? 2
2> ntm: eval: 'Cường' stands alone after --unit Bảo: a name of several words needs quotes (--unit "Bảo Cường")
$ $NTM --db t.db units Kim Phượng
? 2
2> ntm: units: give one name; 'Phượng' stands alone after 'Kim': a name of several words needs quotes (ntm units "Kim Phượng")
$ $NTM --db t.db plot variable --var road_village_total_km --unit Kim Phượng --out v.svg
? 2
2> ntm: plot: 'Phượng' stands alone after --unit Kim: a name of several words needs quotes (--unit "Kim Phượng")
# --criteria DIR goes in front of the path, so a province's set can extend the national one
$ mkdir mine && printf 'set { id = "mine", extends = "vn-318-commune", title = "t", decision = "QĐ 9/2023", level = "commune", years = { 2023, 2025 }, province = "Thái Nguyên" }\namend "2.2" { min = 80, cite = "QĐ 9/2023, 2.2" }\n' > mine/mine.lua && cd $ROOT && $NTM --db $W/t.db --criteria $W/mine criteria list | grep -oE '^  commune   [0-9-]+  (mine|vn-318-commune) '
>   commune   2021-2025  vn-318-commune 
>   commune   2023-2025  mine 
$ cd $ROOT && $NTM --db $W/t.db --criteria $W/mine eval mine --unit "bao cuong" --year 2023 --no-store --explain | grep -E '^    2.2 '
>     2.2    unmet    70 %                  ≥ 80             -10      [QĐ 9/2023, 2.2]
$ cd $ROOT && $NTM --db $W/t.db --criteria $W/mine criteria show nope
? 1
2~ /mine:criteria (`ntm criteria list` shows the sets)
# Lua errors in set files end at the author's line, without the interpreter's traceback
$ printf 'set { id = "x", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }\nlocal function share(t) return pct(t.done.km, t.total) end\ncriterion "2" { name = "n",\n  indicator "2.2" { name = "n", measure = share({}), min = 70, cite = "c" } }\n' > helper.lua && $NTM --db t.db criteria check helper.lua
? 1
2> helper.lua:2: attempt to index a nil value (field 'done')
2> ntm: criteria check: 1 file failed
$ printf 'set { id = "y", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }\nerror("thresholds not filled in yet", 0)\n' > stop.lua && $NTM --db t.db criteria check stop.lua
? 1
2> stop.lua:2: thresholds not filled in yet
2> ntm: criteria check: 1 file failed

# 4. criteria diff across decisions: each set in its own years, and an
# indicator renumbered by the new decision shown as moved
$ $NTM --criteria $T/first-hour criteria diff qd-1980 qd-318 | sed "s|$T/||"
> criteria diff qd-1980 -> qd-318
>   QĐ 1980/QĐ-TTg (thử) (first-hour/qd-1980.lua)
>   QĐ 318/QĐ-TTg (thử) (first-hour/qd-318.lua)
>   compared each in its own years: qd-1980 in 2016-2020, qd-318 in 2021-2025
>
> changed    set      title          Bộ tiêu chí xã nông thôn mới 2016-2020 (thử) -> Bộ tiêu chí xã nông thôn mới 2021-2025 (thử)
> changed    set      decision       QĐ 1980/QĐ-TTg (thử) -> QĐ 318/QĐ-TTg (thử)
> changed    set      years          2016-2020 -> 2021-2025
> tightened  2.2      threshold      ≥ 50 -> ≥ 70  (tdmnpb 2016-2020 -> 2021-2025)
> changed    2.2      cite           QĐ 1980, 2.2 -> QĐ 318, 2.2
> moved      17.10    indicator      17.9 -> 17.10
> tightened  17.10    threshold      ≥ 70 -> ≥ 80  (all regions 2016-2020 -> 2021-2025)
> changed    17.10    cite           QĐ 1980, 17.9 -> QĐ 318, 17.10
> moved      17.11    indicator      17.10 -> 17.11
> changed    17.11    cite           QĐ 1980, 17.10 -> QĐ 318, 17.11
>
> 10 changes: 0 added, 0 removed, 2 moved, 2 tightened, 0 loosened, 0 status, 6 changed
# undeclared, the renumbering reads as a changed indicator and an added one;
# --renumbered declares it in the diff
$ $NTM --criteria $T/first-hour criteria diff qd-1980 qd-318-undeclared | grep -E '^(removed|added|changed    17.10    name)'
> removed    17.9     indicator      Hộ có nhà tiêu, nhà tắm hợp vệ sinh: min 70
> changed    17.10    name           Hộ chăn nuôi có chuồng trại hợp vệ sinh -> Hộ có nhà tiêu, nhà tắm hợp vệ sinh
> added      17.11    indicator      Hộ chăn nuôi có chuồng trại hợp vệ sinh: min 60
$ $NTM --criteria $T/first-hour criteria diff qd-1980 qd-318-undeclared --renumbered 17.9=17.10,17.10=17.11 --format csv | grep -E '^(moved|removed|added)'
> moved,17,17.10,indicator,,17.9,17.10
> moved,17,17.11,indicator,,17.10,17.11
$ $NTM --criteria $T/first-hour criteria diff qd-1980 qd-318-undeclared --renumbered 17.9=17.12
? 2
2> ntm: criteria diff: --renumbered 17.9=17.12: qd-318-undeclared has no indicator 17.12
$ sed 's/renumbered_from = "17.9"/renumbered_from = 17.9/' $T/first-hour/qd-318.lua > rn.lua && $NTM --db t.db criteria check rn.lua
? 1
2> rn.lua:11: indicator 17.10: renumbered_from is the id the indicator had in the earlier decision (a string other than its own id, e.g. renumbered_from = "17.9")
2> ntm: criteria check: 1 file failed
# sets in force together are compared in the years both are
$ $NTM --criteria $ROOT/criteria criteria diff vn-318-commune th-32-2022-commune | sed -n 4p
>   thresholds compared in 2022-2025, the years both are in force

# 5. cost and allocate say why there is nothing to do
$ $NTM --db s.db import $ROOT/data/variables.csv $ROOT/data/seeds/*.csv >/dev/null && $NTM --db s.db --criteria $ROOT/criteria cost vn-318-commune --costs $ROOT/data/costs.csv --unit "Định Hóa" --year 2025
? 1
2> ntm: cost: no figures on record for 2025 for the 21 communes judged by vn-318-commune, so there is nothing to price (they have figures for 2021-2024: give one of those years, or import 2025's)
$ $NTM --db s.db --criteria $ROOT/criteria allocate vn-318-commune --costs $ROOT/data/costs.csv --unit "Định Hóa" --year 2025 --budget 1000
? 1
2> ntm: allocate: no figures on record for 2025 for the 21 communes judged by vn-318-commune, so there is nothing to price (they have figures for 2021-2024: give one of those years, or import 2025's)
$ $NTM --db s.db --criteria $ROOT/criteria cost vn-318-commune --costs $ROOT/data/costs.csv --unit "Quảng Xương" --year 2024 | grep -c '^no figures for 2024 in 24 units, not priced: Quảng Bình, '
> 1
$ $NTM --db s.db --criteria $ROOT/criteria allocate vn-318-commune --costs $ROOT/data/costs.csv --unit "Định Hóa" --year 2023 --budget 1 --save tiny | grep -E 'nothing|saved'
>   nothing fits the budget: the cheapest of 66 priced choices costs 1924.2 million VND, more than the 1 to spend
> not saved: the plan is empty (no scenario tiny was made)
$ printf 'work,variable,uom,cost_mvnd,region,source\ncensus,villages_total,count,1,,test\n' > census.csv && $NTM --db s.db --criteria $ROOT/criteria allocate vn-318-commune --costs census.csv --unit "Định Hóa" --year 2023 --budget 1000 --save none | grep -E 'nothing|saved'
>   nothing: no unmet criterion can be priced (works alone close none, or the figures to price them are missing: see `ntm cost vn-318-commune --year 2023`)
> not saved: the plan is empty (no scenario none was made)
$ $NTM --db s.db scenario list
> no scenarios (create one with `ntm scenario create NAME`)
$ cd elsewhere && $NTM --db ../s.db --criteria $ROOT/criteria cost vn-318-commune --unit "Định Hóa" --year 2023
? 1
2> ntm: data/costs.csv: cannot open: No such file or directory (the default cost model is data/costs.csv under the current folder: run ntm in the project's folder, or give it with --costs FILE or NTM_COSTS)

# 6. Charts that say what they show, and the file they went to
$ $NTM --db s.db plot variable --var income_per_capita_mvnd --unit "Kim Phượng,Sơn Phú" --years 2021-2023 --out v.svg && grep -ao 'Thu nhập bình quân đầu người' v.svg | head -1
> wrote v.svg
> Thu nhập bình quân đầu người
# funding: the tonnes it leaves out, a source, each stack's total
$ printf 'ntm.scenario("more", { note = "test" })\nntm.add_funding("more", { unit = "167", year = 2023, fund = "central", allocated = 1000, disbursed = 500 })\n' > more.lua && $NTM --db s.db run more.lua && $NTM --db s.db plot funding --unit "Định Hóa" --years 2023 --out f.svg --csv f.csv --values --source "seed A" && cat f.csv && grep -ao 'Nguồn: seed A. Không tính 23.000 tấn xi măng hỗ trợ bằng hiện vật (không cộng với tiền)' f.svg && grep -ac '>246.324<' f.svg
> wrote f.svg and f.csv
> category,Ngân sách trung ương,Ngân sách tỉnh,Nguồn khác,Tỷ lệ giải ngân (%)
> 2023,74324,124000,48000,93.05873565
> Nguồn: seed A. Không tính 23.000 tấn xi măng hỗ trợ bằng hiện vật (không cộng với tiền)
> 1
# under --scenario, the scenario's funding and figures, and the title says so
$ $NTM --db s.db --scenario more plot funding --unit "Định Hóa" --years 2023 --out g.svg --csv g.csv && cat g.csv && grep -ao 'Định Hóa: vốn phân bổ theo nguồn và tỷ lệ giải ngân (kịch bản more)' g.svg
> wrote g.svg and g.csv
> category,Ngân sách trung ương,Ngân sách tỉnh,Nguồn khác,Tỷ lệ giải ngân (%)
> 2023,75324,124000,48000,92.88463716
> Định Hóa: vốn phân bổ theo nguồn và tỷ lệ giải ngân (kịch bản more)
$ $NTM --db s.db --criteria $ROOT/criteria run $ROOT/scripts/quang-giao-2024.lua --out . >/dev/null && $NTM --db s.db --scenario qg-2024-q1 plot variable --var households_clean_water_centralised --unit "Quảng Giao" --out w.svg --csv w.csv && cat w.csv && grep -ao 'Số hộ sử dụng nước sạch từ công trình cấp nước tập trung (kịch bản qg-2024-q1)' w.svg
> wrote w.svg and w.csv
> category,Quảng Giao
> 2021,388
> 2022,445
> 2023,500
> 2024,752
> Số hộ sử dụng nước sạch từ công trình cấp nước tập trung (kịch bản qg-2024-q1)
$ $NTM --db s.db --scenario qg-2024-q1 plot share --var households_clean_water_centralised --of households_total --unit "Quảng Giao" --out x.svg
? 1
2> ntm: plot share: draws every quarter as recorded, and a scenario changes a year's figures: leave out --scenario, or draw each with plot variable --scenario qg-2024-q1
# two runs of different units: a warning; each run's scenario in its legend
$ $NTM --db r.db import $ROOT/data/variables.csv $ROOT/data/seeds/*.csv >/dev/null && $NTM --db r.db run more.lua && $NTM --db r.db --criteria $ROOT/criteria eval vn-318-commune --year 2023 >/dev/null && $NTM --db r.db --criteria $ROOT/criteria --scenario more eval vn-318-commune --unit "Định Hóa" --year 2023 >/dev/null && $NTM --db r.db plot runs --run 1 --against 2 --out r.svg --csv r.csv && cat r.csv
> wrote r.svg and r.csv
> category,Lần đánh giá 1,Lần đánh giá 2 (kịch bản more)
> 2023,0,0
2> ntm: warning: run 1 judged all units and run 2 Định Hóa: the bars count different units

# 7. What the listings show
# scenario show counts the figures carried over and lists the changes
$ $NTM --db s.db scenario show qg-2024-q1
> scenario qg-2024-q1 (built on 1 other, applied first)
>
> figures (from qg-2024-base, a base scenario):
>   77 carried from 2023 into 2024 (the year before's figure set again), in 1 unit
>
> figures:
>   Quảng Giao 2024: households_clean_water_centralised = 752  — seed B (Quảng Giao plan 09/04/2024) §II.3.1 Q1 (B19)
>
> projects:
>   Quảng Giao 2024Q1: Nhà văn hóa thôn Việt Trung (xây mới, sân), 2981.84 million VND
>   Quảng Giao 2024Q1: Nhà văn hóa thôn 5 (nâng cấp, tường rào, sân), 500 million VND
$ $NTM --db s.db scenario show qg-2024-base --all | grep -c ' — carried from 2023$'
> 77
# columns line up whatever the width of a code or a value
$ $NTM --db s.db units "Quảng Giao"
> 16519                     Quảng Giao  (commune, btb; until 2025, merged into Nam Sầm Sơn (16516))
> TH-QX-QUANGGIAO-T4          Thôn 4  (village, btb; until 2025)
> TH-QX-QUANGGIAO-T5          Thôn 5  (village, btb; until 2025)
> TH-QX-QUANGGIAO-T9          Thôn 9  (village, btb; until 2025)
> TH-QX-QUANGGIAO-VIETTRUNG   Thôn Việt Trung  (village, btb; until 2025)
$ $NTM --db s.db --criteria $ROOT/criteria eval th-32-2022-commune --unit "Quảng Giao" --year 2023 --explain --no-store | grep -E '^    (9.2|10|11) +open'
>     9.2    open     96.16 %             not set                   [QĐ 318/QĐ-TTg, Phụ lục I, tiêu chí 9, chỉ tiêu 9.2]
>     10     open     58 mVND/person/year not set                   [QĐ 32/2022/QĐ-UBND tỉnh Thanh Hóa, tiêu chí 10 (thu nhập)]
>     11     open     4.08 %              not set                   [QĐ 318/QĐ-TTg, Phụ lục I, tiêu chí 11]
