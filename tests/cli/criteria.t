# criteria sets as files: listed, shown, checked; a new file needs no rebuild
$ cp -r $T/* . && $NTM --db t.db import variables.csv >/dev/null
$ $NTM --db t.db --criteria crit criteria list
~ roads                    commune   2021-2025  -                    QĐ test 1/2022
$ $NTM --db t.db --criteria crit criteria show roads --drafts
~ 2.2    btb                    draft 90       from: a provincial press report
~ 10     from 2025              NOT SET        not in the test decision

# a province's set dropped into the directory: listed and evaluated at once
$ mkdir -p mine && cp crit/roads.lua mine/ && printf 'set { id = "my-province", extends = "roads", title = "Tỉnh tôi", decision = "QĐ 9/2023", level = "commune", years = { 2023, 2025 } }\namend "2.2" { min = 80, cite = "QĐ 9/2023, 2.2" }\n' > mine/my-province.lua
$ $NTM --db t.db --criteria mine criteria list
~ my-province              commune   2023-2025  roads                QĐ 9/2023
$ $NTM --db t.db import units.csv observations.csv >/dev/null && $NTM --db t.db --criteria mine eval my-province --unit "bao cuong" --year 2023 --explain
~     2.2    unmet    70 %           ≥ 80             -10      [QĐ 9/2023, 2.2]
~     10     met      47.5 mVND      ≥ 45             +2.5     [QĐ test, 10]

# load errors name the file and line, with the closest variable
$ printf 'set { id = "x", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }\ncriterion "2" { name = "n",\n  indicator "2.2" { name = "n", measure = pct(v.road_vilage_hardened_km, v.road_village_total_km), min = 1, cite = "c" } }\n' > typo.lua
$ $NTM --db t.db criteria check typo.lua
? 1
2~ typo.lua:3: unknown variable 'road_vilage_hardened_km'; did you mean 'road_village_hardened_km'?
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
