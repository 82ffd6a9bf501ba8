# Sets across the hierarchy: a district set written as a new file under
# --criteria DIR uses the results of a commune set on the communes below;
# the commune results it used are shown and stored; cycles are refused.
$ cp -r $T/* . && cp crit/roads.lua ladder/ && $NTM --db t.db import variables.csv units.csv observations.csv >/dev/null
$ $NTM --db t.db --criteria ladder eval district-test --unit "dinh hoa" --year 2023 --explain
> district-test — Huyện (test)
> QĐ test 2/2022
>
> Định Hóa (TN-DH), 2023: unknown, 0/1 criteria met
>   ? ĐK Điều kiện
>     ĐK.1  unknown  —              ≥ 50                      [QĐ test 2, ĐK.1]
>            missing: share_meeting("roads")
>     ĐK.2  unknown  —              ≥ 1                       [QĐ test 2, ĐK.2]
>            missing: count_meeting("roads")
>     ĐK.3  met      2              ≥ 2              +0       [QĐ test 2, ĐK.3]
>     ĐK.4  met      70 km          ≥ 60             +10      [QĐ test 2, ĐK.4]
>
>   results under roads used (2 communes, 2023): 1 met, 0 unmet, 1 unknown, 0 open
>     Bảo Cường                met          3/3 criteria
>     Kim Phượng               unknown      2/3 criteria
> 2023: 0 of 1 unit meet district-test for certain, 1 could (1 on missing figures), 0 cannot; 0.0 of 1 criteria met per unit on average
> thresholds: this evaluation used 0 draft and 0 unset thresholds
> stored as run 1 in t.db
> the results under roads it used (2 communes) stored as run 2
# the missing income makes Kim Phượng's result known: the district meets the set
$ $NTM --db t.db import ladder/kimphuong-income.csv >/dev/null && $NTM --db t.db --criteria ladder eval district-test --year 2023 --format csv
~ TN-DH,Định Hóa,2023,district-test,ĐK,ĐK.1,met,100,50,50
!~ stored as run
$ $NTM --db t.db --criteria ladder eval district-test --year 2023
~ Định Hóa     2023    ✓   1/1   met
~ Quảng Xương  2023    ✗   0/1   unmet
~ the results under roads it used (3 communes) stored as run 6
# the commune results are a run of their own, naming the run they served
$ $NTM --db t.db runs
~ used by run 5
$ $NTM --db t.db --criteria cycle eval cyc-a --year 2023
? 1
2> ntm: eval: sets depend on each other: cyc-a -> cyc-b -> cyc-a (meets, share_meeting and count_meeting must not lead back to the set that uses them)
$ $NTM --db t.db --criteria cycle eval cyc-self --year 2023
? 1
2~ cyc-self -> cyc-self
$ printf 'set { id = "x", title = "x", decision = "x", level = "district", years = { 2021, 2025 } }\ncriterion "1" { name = "x", indicator "1" { name = "x", measure = share_meeting("nowhere"), min = 1, cite = "x" } }\n' > ladder/bad.lua && $NTM --db t.db --criteria ladder eval x --year 2023
? 1
2~ set x uses the results of set nowhere:
$ printf 'set { id = "y", title = "y", decision = "y", level = "district", years = { 2021, 2025 } }\ncriterion "1" { name = "y", indicator "1" { name = "y", measure = sum_below("hamlet", v.x), min = 1, cite = "y" } }\n' > ladder/bad2.lua && $NTM --db t.db --criteria ladder criteria show y
? 1
2~ a file that may declare it has an error: ladder/bad2.lua:2: sum_below: 'hamlet' is not a level
