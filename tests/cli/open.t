# judging with thresholds the set does not know: met, unmet, open with the
# break-even, unknown kept apart; the summary's three counts; --strict
$ cp -r $T/* . && $NTM --db t.db import variables.csv units.csv observations.csv >/dev/null
$ $NTM --db t.db --criteria open eval open-roads --years 2022-2023
> open-roads — Đường giao thông, ngưỡng chưa biết (test)
> QĐ test 2/2022
>
> unit        year   2 10 13   met  result
> Bảo Cường   2022   ~  ~  ✓   1/3   open
> Bảo Cường   2023   ~  ~  ✓   1/3   open
> Kim Phượng  2022   ?  ?  ?   0/3   unknown
> Kim Phượng  2023   ~  ?  ✓   1/3   unknown
> Quảng Giao  2022   ?  ?  ?   0/3   unknown
> Quảng Giao  2023   ✓  ✓  ?   2/3   unknown
>
> ✓ met  ✗ unmet  ~ open (depends on a threshold the set does not know yet)  ? unknown (figures missing)  – not applicable
> 2022: 0 of 3 units meet open-roads for certain, 3 could (1 on open thresholds, 2 on missing figures), 0 cannot; 0.3 of 3 criteria met per unit on average
>   what decides them (the law's numbers):
>     2.2    tdmnpb minimum: 1 unit meets it if it is ≤ 65 %
>     10     tdmnpb minimum: 1 unit meets it if it is ≤ 44 mVND
> 2023: 0 of 3 units meet open-roads for certain, 3 could (1 on open thresholds, 1 on missing figures, 1 on both), 0 cannot; 1.3 of 3 criteria met per unit on average
>   what decides them (the law's numbers):
>     2.2    tdmnpb minimum: all 2 meet it if it is ≤ 66.67 %, none if it is above 70
>     10     tdmnpb minimum: 1 unit meets it if it is ≤ 47.5 mVND
> thresholds: this evaluation used 1 draft, 1 unset and 1 range threshold (2.2 unset, 10 range); see `ntm criteria show open-roads --drafts`
> stored as run 1 in t.db

# --explain gives the condition on the unknown number
$ $NTM --db t.db --criteria open eval open-roads --unit "kim phuong" --year 2023 --explain
> open-roads — Đường giao thông, ngưỡng chưa biết (test)
> QĐ test 2/2022
>
> Kim Phượng (TN-DH-KIMPHUONG), 2023: unknown, 1/3 criteria met
>   ~ 2 Giao thông
>     2.2    open     66.67 %        not set                   [QĐ test 2, 2.2]
>            met if the tdmnpb minimum is ≤ 66.67 %
>            threshold not set: the test decision's column was not found
>   ? 10 Thu nhập
>     10     unknown  —              ≥ 40–50                   [QĐ test 2, 10]
>            missing: income_per_capita_mvnd
>            threshold is a range: not below the old value, not above the province's target
>   ✓ 13 Làng nghề
>     13.4   met      yes            must hold                 [QĐ test 2, 13.4]
>
>   figures on record for Kim Phượng, 2023 (* read by the set):
>     * craft_village_plan_ok                               1 bool             2023    test §2
>     * craft_villages_count                                2 count            2023    test §2
>     * road_village_hardened_km                           18 km               2023Q2  test §2
>     * road_village_hardened_km                           20 km               2023Q4  test §2
>     * road_village_total_km                              30 km               2023    test §2
> 2023: 0 of 1 unit meet open-roads for certain, 1 could (1 on both), 0 cannot; 1.0 of 3 criteria met per unit on average
>   what decides them (the law's numbers):
>     2.2    tdmnpb minimum: 1 unit meets it if it is ≤ 66.67 %
> thresholds: this evaluation used 0 draft, 1 unset and 1 range threshold (2.2 unset, 10 range); see `ntm criteria show open-roads --drafts`
> stored as run 2 in t.db

# csv and json carry the threshold's state, bounds and the break-even
$ $NTM --db t.db --criteria open eval open-roads --year 2023 --format csv
> unit_code,unit_name,year,set,criterion,indicator,status,value,threshold,gap,threshold_state,threshold_low,threshold_high,break_even
> TN-DH-BAOCUONG,Bảo Cường,2023,open-roads,2,2.2,open,70,,,unset,0,100,70
> TN-DH-BAOCUONG,Bảo Cường,2023,open-roads,10,10,open,47.5,,,range,40,50,47.5
> TN-DH-BAOCUONG,Bảo Cường,2023,open-roads,13,13.4,n/a,,,,,,,
> TN-DH-KIMPHUONG,Kim Phượng,2023,open-roads,2,2.2,open,66.67,,,unset,0,100,66.67
> TN-DH-KIMPHUONG,Kim Phượng,2023,open-roads,10,10,unknown,,,,range,40,50,
> TN-DH-KIMPHUONG,Kim Phượng,2023,open-roads,13,13.4,met,1,1,,,,,
> TH-QX-QUANGGIAO,Quảng Giao,2023,open-roads,2,2.2,met,100,,,unset,0,100,
> TH-QX-QUANGGIAO,Quảng Giao,2023,open-roads,10,10,met,58,45,13,draft,45,45,
> TH-QX-QUANGGIAO,Quảng Giao,2023,open-roads,13,13.4,unknown,,1,,,,,
$ $NTM --db t.db --criteria open eval open-roads --unit "bao cuong" --year 2023 --format json | tr -d '\n' | grep -o '"id": "10", "status": "open"[^}]*}'
> "id": "10", "status": "open", "indicators": [   {"id": "10", "status": "open", "value": 47.5, "threshold": null, "threshold_status": "range", "threshold_low": 40, "threshold_high": 50, "break_even": 47.5, "gap": null, "cite": "QĐ test 2, 10", "missing": []}

# --strict: the draft income minimum of btb no longer decides Quảng Giao
$ $NTM --db t.db --criteria open eval open-roads --unit "quang giao" --year 2023 | grep '^2023'
> 2023: 0 of 1 unit meet open-roads for certain, 1 could (1 on missing figures), 0 cannot; 2.0 of 3 criteria met per unit on average
$ $NTM --db t.db --criteria open --strict eval open-roads --unit "quang giao" --year 2023 | grep '^2023\|^    10'
> 2023: 0 of 1 unit meet open-roads for certain, 1 could (1 on both), 0 cannot; 1.0 of 3 criteria met per unit on average
>     10     btb minimum: 1 unit meets it if it is ≤ 58 mVND

# charts: the heat map's statuses in csv, a threshold band (unset: 0-100 %)
$ $NTM --db t.db --criteria open plot heatmap --set open-roads --unit TN-DH --year 2023 --out h.svg --csv h.csv && cat h.csv && grep -c 'chưa có ngưỡng' h.svg
> wrote h.svg and h.csv
> category,Bảo Cường,Kim Phượng
> 2,open,open
> 10,open,unknown
> 13,met,met
> 1
$ $NTM --db t.db --criteria open plot share --var road_village_hardened_km --of road_village_total_km --unit "bao cuong" --threshold open-roads:2.2 --out s.svg --csv s.csv && cat s.csv
> wrote s.svg and s.csv
> category,Bảo Cường,threshold_low,threshold_high
> 2022,65,0,100
> 2023,70,0,100
$ $NTM --db t.db --criteria open plot share --var road_village_hardened_km --of road_village_total_km --unit "bao cuong" --threshold open-roads:13.4 --out s.svg
? 1
2> ntm: plot: set open-roads has no indicator '13.4' with a minimum or maximum

# a scenario that closes an open indicator shows the criterion's change
$ $NTM --db t.db scenario create more && $NTM --db t.db scenario set more --unit "bao cuong" --var road_village_hardened_km --year 2023 --value 40 >/dev/null
$ $NTM --db t.db --criteria open diff open-roads --scenario more --unit "bao cuong" --year 2023
> open-roads: scenario more against the base data
>
> Bảo Cường 2023: open 1/3 → open 2/3 criteria
>   criterion 2    open → met
>   2.2      open 70                → met 100
>
> 2023: units meeting open-roads for certain: 0 → 0 of 1 (could meet: 1 → 1)

# cost: to what is certainly enough (100 %), and what may suffice (nothing)
$ $NTM --db t.db --criteria open cost --costs open/costs.csv open-roads --unit "bao cuong" --year 2023
> open-roads, 2023: works to the standard (million VND; prices: open/costs.csv)
>
> Bảo Cường (TN-DH-BAOCUONG), 2023: open, 1/3 criteria met
>   2.2     village_road_concrete +12 km × 1200 = 14400   (road_village_hardened_km)   certainly enough; nothing may be needed
>   open (may be met already), money cannot move it: 10
>   works: 14400 million VND certainly enough; 0 may suffice
>
> 1 of 1 units not certainly meeting open-roads in 2023; works priced: 14400 million VND certainly enough, 0 may suffice

# criteria diff tells a range that moved
$ $NTM --db t.db --criteria open criteria diff open-roads open-roads-2
> criteria diff open-roads -> open-roads-2
>   QĐ test 2/2022 (open/open-roads.lua)
>   QĐ test 3/2022 (open/open-roads-2.lua)
>
> changed    set      title          Đường giao thông, ngưỡng chưa biết (test) -> Đường giao thông, ngưỡng chưa biết (test 2)
> changed    set      decision       QĐ test 2/2022 -> QĐ test 3/2022
> status     2.2      threshold      not set -> ≥ 60–∞ (range)  (all regions 2021-2025)
> tightened  10       threshold      ≥ 40–50 (range) -> ≥ 45–55 (range)  (tdmnpb 2021-2025)
>
> 4 changes: 0 added, 0 removed, 1 tightened, 0 loosened, 1 status, 2 changed

# --assume-recognitions: Bảo Cường recognised in 2023 with 70 % bounds the
# tdmnpb minimum of 2.2 (at most 70), so Kim Phượng's 66.67 % stays open and
# a 70 % elsewhere would be met; the result says where the bound came from
$ printf 'unit,year,title,decision,source\nTN-DH-BAOCUONG,2023,ntm,QĐ test 9/2023,test\n' > r.csv && $NTM --db t.db import r.csv >/dev/null
$ $NTM --db t.db --criteria open eval open-roads --year 2023 --assume-recognitions | head -9
> assuming the recognitions on record: 1 recognition narrows 2 threshold cells (`ntm criteria bounds open-roads` lists them)
>
> open-roads — Đường giao thông, ngưỡng chưa biết (test)
> QĐ test 2/2022
>
> unit        year   2 10 13   met  result
> Bảo Cường   2023   ✓  ✓  ✓   3/3   met
> Kim Phượng  2023   ~  ?  ✓   1/3   unknown
> Quảng Giao  2023   ✓  ✓  ?   2/3   unknown
$ $NTM --db t.db --criteria open eval open-roads --unit "kim phuong" --year 2023 --assume-recognitions --explain | grep -A2 '^    2.2'
>     2.2    open     66.67 %        ≥ 0–70                    [QĐ test 2, 2.2]
>            met if the tdmnpb minimum is ≤ 66.67 %
>            threshold is a range: implied by the recognition of Bảo Cường (2023): a minimum above 70 would contradict it (the least value of 1 recognised unit); not set before: the test decision's column was not found
> --
>     2.2    tdmnpb minimum: 1 unit meets it if it is ≤ 66.67 %
> thresholds: this evaluation used 0 draft, 0 unset and 2 range thresholds (2.2 range, 10 range); see `ntm criteria show open-roads --drafts`
> stored as run 8 in t.db

# allocate prices open indicators to what is certainly enough, so the units it
# counts meet the set for certain: Bảo Cường 70 % -> 100 % (12 km), Kim
# Phượng 66.67 % -> 100 % (10 km)
$ $NTM --db t.db --criteria open1 allocate --costs open1/costs.csv open-one --unit "dinh hoa" --year 2023 --budget 15000 --objective units-meeting | tail -4
>
> spent 12000 million VND in 1 units; left 3000
> units meeting open-one for certain: 0 → 1 of 2 (could meet: 2 → 1)
> criteria met: 0 → 1 (the budget alone would buy 1 units)
