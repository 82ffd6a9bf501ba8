# criteria sets as files: listed, shown, checked; a new file needs no rebuild
$ cp -r $T/* . && $NTM --db t.db import variables.csv >/dev/null
$ $NTM --db t.db --criteria crit criteria list
~ national
~   commune   2021-2025  roads                        ntm           QĐ test 1/2022
$ $NTM --db t.db --criteria crit criteria show roads --drafts
~ 2.2    btb                    draft 90       from: a provincial press report
~ 10     from 2025              NOT SET        not in the test decision

# a province's set dropped into the directory: listed and evaluated at once
$ mkdir -p mine && cp crit/roads.lua mine/ && printf 'set { id = "my-province", extends = "roads", title = "Tỉnh tôi", decision = "QĐ 9/2023", level = "commune", years = { 2023, 2025 } }\namend "2.2" { min = 80, cite = "QĐ 9/2023, 2.2" }\n' > mine/my-province.lua
$ $NTM --db t.db --criteria mine criteria list
~   commune   2023-2025  my-province                  ntm           QĐ 9/2023
~                        mine/my-province.lua, extends roads
$ $NTM --db t.db import units.csv observations.csv >/dev/null && $NTM --db t.db --criteria mine eval my-province --unit "bao cuong" --year 2023 --explain
~     2.2    unmet    70 %           ≥ 80             -10      [QĐ 9/2023, 2.2]
~     10     met      47.5 mVND      ≥ 45             +2.5     [QĐ test, 10]

# what changed from one decision to the next, per region and year
$ $NTM --db t.db --criteria mine criteria diff roads my-province
~   thresholds compared in 2023-2025, the years both are in force
~ tightened  2.2      threshold      ≥ 65 -> ≥ 80  (tdmnpb 2023-2025)
~ loosened   2.2      threshold      ≥ 90 (draft) -> ≥ 80  (btb 2023-2025)
~ status     2.2      threshold      not set -> ≥ 80  (dbsh, dhntb, tn, dnb, dbscl 2023-2025)
~ changed    2.2      cite           QĐ test, 2.2 -> QĐ 9/2023, 2.2
~ changed    set      years          2021-2025 -> 2023-2025
~ 7 changes: 0 added, 0 removed, 1 tightened, 1 loosened, 1 status, 4 changed
$ $NTM --db t.db --criteria mine criteria diff roads my-province --format csv --exit-code
? 1
~ change,criterion,indicator,field,where,before,after
~ status,2,2.2,threshold,"dbsh, dhntb, tn, dnb, dbscl 2023-2025",not set,≥ 80
$ $NTM --db t.db --criteria mine criteria diff roads mine/roads.lua --exit-code
~ 0 changes
$ printf 'set { id = "next", extends = "roads", title = "t", decision = "QĐ 10/2024", level = "commune", years = { 2024, 2025 } }\nremove "13.4"\ncriterion "5" { name = "Trường học", indicator "5.1" { name = "Trường đạt chuẩn", measure = v.road_village_total_km, min = 70, cite = "QĐ 10/2024, 5.1" } }\n' > mine/next.lua && $NTM --db t.db --criteria mine criteria diff my-province next
~ removed    13.4     indicator      Kế hoạch làng nghề (nếu có): must hold
~ added      5        criterion      Trường học
~ added      5.1      indicator      Trường đạt chuẩn: min 70
$ $NTM --db t.db --criteria mine criteria diff roads
? 2
2~ criteria diff: give two sets
$ $NTM --db t.db --criteria mine criteria diff roads nope
? 1
2~ no criteria set 'nope'
$ $NTM --db t.db --criteria mine criteria diff roads next --format xml
? 2
2~ --format 'xml' is not table or csv

# load errors name the file and line, with the closest variable
$ printf 'set { id = "x", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }\ncriterion "2" { name = "n",\n  indicator "2.2" { name = "n", measure = pct(v.road_vilage_hardened_km, v.road_village_total_km), min = 1, cite = "c" } }\n' > typo.lua
$ $NTM --db t.db criteria check typo.lua
? 1
2~ typo.lua:3: unknown variable 'road_vilage_hardened_km'; did you mean 'road_village_hardened_km', 'road_all_hardened_km' or 'road_alley_hardened_km'? (variables come from the dictionary in t.db)
$ printf 'set { id = "x", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }\ncriterion "2" { name = "n",\n  indicator "2.2" { name = "n", measure = v.road_village_total_km, cite = "c" } }\n' > nothr.lua
$ $NTM --db t.db criteria check nothr.lua
? 1
2~ nothr.lua:3: indicator 2.2: threshold missing: give min =, max = or must =
$ $NTM --db t.db --criteria crit test
~ ok   crit/roads.test.lua:2: 2.2 exactly at the tdmnpb threshold
~ 2 passed, 0 failed

# a wrong expectation fails, says why, and the exit status says so
$ printf 'tests_for "roads"\ntest "wrong on purpose" { region = "tdmnpb", data = { road_village_hardened_km = 1, road_village_total_km = 100 }, expect = { ["2.2"] = "met" } }\n' > wrong.test.lua && $NTM --db t.db --criteria crit test wrong.test.lua
? 1
> FAIL wrong.test.lua:2: wrong on purpose: indicator 2.2: expected met, got unmet (value 1, threshold 65)
> 0 passed, 1 failed
2> ntm: test: 1 case failed

# add_to: indicators added to a criterion of the set extended; amend, remove and
# add_to in a set that extends none are errors, not dropped
$ mkdir -p addto && printf 'set { id = "base-a", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }\ncriterion "1" { name = "x", indicator "1.1" { name = "n", measure = v.villages_total, min = 1, cite = "c" } }\n' > addto/base-a.lua && printf 'set { id = "child-a", extends = "base-a", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }\nadd_to "1" { indicator "1.2" { name = "m", measure = v.households_total, min = 10, cite = "c2" } }\n' > addto/child-a.lua && $NTM --criteria addto criteria show child-a | grep -c '^ *1\.[12] '
> 2
$ printf 'set { id = "child-b", extends = "base-a", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }\nadd_to "9" { indicator "9.1" { name = "m", measure = v.households_total, min = 10, cite = "c2" } }\n' > addto/child-b.lua && $NTM --criteria addto criteria check addto/child-b.lua
? 1
2~ addto/child-b.lua:2: add_to 9: set 'base-a' has no criterion 9
$ printf 'set { id = "child-c", extends = "base-a", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }\nadd_to "1" { indicator "1.1" { name = "m", measure = v.households_total, min = 10, cite = "c2" } }\n' > addto/child-c.lua && $NTM --criteria addto criteria check addto/child-c.lua
? 1
2~ addto/child-c.lua:2: add_to 1: indicator 1.1 is already in criterion 1 (amend it instead)
$ printf 'set { id = "alone", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }\ncriterion "1" { name = "x", indicator "1.1" { name = "n", measure = v.villages_total, min = 1, cite = "c" } }\namend "1.1" { min = 2 }\n' > alone.lua && $NTM criteria check alone.lua
? 1
2~ alone.lua:3: amend needs a set to change: set alone extends none (add extends = "SET" to set { ... })
