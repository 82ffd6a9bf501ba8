# ntm project: each unit's unmet indicators carried on at today's pace to the
# year they are met (tests/cli/fixtures/project: rising, falling, flat, one
# year, two years, a maximum, a range giving a span, a yes/no, a threshold
# that rises by year); the summaries; csv, json; a scenario; the chart; the
# trend lines; ntm.project in scripts
$ cp $T/project/* . && $NTM --db t.db import variables.csv units.csv observations.csv >/dev/null
$ $NTM --db t.db --criteria . project proj-trend
> proj-trend — Xu hướng (test)
> QĐ test 14/2024
> projected to 2025 at today's pace: least squares over the years on record, from each last value
>
> An Lạc (TN-DH-AN), figures 2021–2023: does not meet the set by 2025 at today's pace: criteria 1, 4, 5
>   ind  in 2023        threshold  a year  projected                           years used
>   1.1  60 % unmet     ≥ 75           +5  not by 2025                         2021–2023 (3)
>   2.1  6 % unmet      ≤ 3            -3  2024                                2021–2023 (3)
>   3.1  35 mVND unmet  ≥ 40–50        +5  may from 2024; certain not by 2025  2021–2023 (3)
>   4.1  no unmet       must hold       —  yes/no, no trend                    2021–2023 (3)
>   5.1  58 % unmet     ≥ 60           +5  not by 2025                         2021–2023 (3)  threshold ≥ 70 by 2025
>
> Bình Sơn (TN-DH-BINH), figures 2021–2023: does not meet the set by 2025 at today's pace: criteria 1, 2
>   ind  in 2023     threshold  a year  projected    years used
>   1.1  50 % unmet  ≥ 75           -5  moving away  2021–2023 (3)
>   2.1  5 % unmet   ≤ 3             0  flat         2021–2023 (3)
>
> Cẩm Khê (TN-DH-CAM), figures 2023: does not meet the set by 2025 at today's pace: criterion 1
>   ind  in 2023       threshold  a year  projected                           years used
>   1.1  50 % unmet    ≥ 75            —  one year: no trend                  2023 (1)    1 year only: low confidence
>   3.1  45 mVND open  ≥ 40–50         —  may be met now; one year: no trend  2023 (1)    1 year only: low confidence
>
> Đồng Tâm (TN-DH-DONG), figures 2022–2023: meets the set in 2025 at today's pace; last to fall: criterion 1
>   ind  in 2023     threshold  a year  projected  years used
>   1.1  66 % unmet  ≥ 75           +6  2025       2022–2023 (2)  2 years only: low confidence
>
> Phú Thọ (TN-DH-PHU), figures 2021–2023: meets the set in 2023
>
> projected: the year it is met at today's pace; A–B where the set knows the
> threshold only as a range, or not at all: it may be met from A, and is met
> whatever the threshold turns out to be in B
>
> by criterion, of 5 units, to 2025 at today's pace:
>   criterion           met  by 2025  may by 2025  not by 2025  no figures
>   1   Giao thông        1        2            0            3           0
>   2   Nghèo đa chiều    3        4            0            1           0
>   3   Thu nhập          3        3            2            0           0
>   4   Quy hoạch         4        4            0            1           0
>   5   Lao động          4        4            0            1           0
> the set: 1 unit meets it now; 2 by 2025 at today's pace, 0 more may; 3 not by 2025

# a year further: the road in 2026, the range's span 2024 (its near end, 40)
# to 2026 (its far end, 50), the threshold past the set's years as in 2025
$ $NTM --db t.db --criteria . project proj-trend --unit "an lac" --to 2026
~ projected to 2026 at today's pace: least squares over the years on record, from each last value;
~ the thresholds after 2025, the set's last year, as in 2025
~ An Lạc (TN-DH-AN), figures 2021–2023: does not meet the set by 2026 at today's pace: criterion 4
~   1.1  60 % unmet     ≥ 75           +5  2026
~   3.1  35 mVND unmet  ≥ 40–50        +5  2024–2026
~   5.1  58 % unmet     ≥ 60           +5  2026              2021–2023 (3)  threshold ≥ 70 by 2026

# csv: stable codes, one row per unmet indicator
$ $NTM --db t.db --criteria . project proj-trend --unit "Bình Sơn" --format csv
> unit_code,unit_name,criterion,indicator,points_from,year,points,value,status,threshold_low,threshold_high,threshold_state,method,slope,pace,projection,first_year,certain_year,to,confidence
> TN-DH-BINH,Bình Sơn,1,1.1,2021,2023,3,50,unmet,75,75,set,linear,-5,away,moving-away,,,2025,
> TN-DH-BINH,Bình Sơn,2,2.1,2021,2023,3,5,unmet,3,3,set,linear,0,flat,flat,,,2025,
$ $NTM --db t.db --criteria . project proj-trend --format csv --to 2026 | grep -E '^TN-DH-(AN,.*,3\.1|DONG|CAM)'
> TN-DH-AN,An Lạc,3,3.1,2021,2023,3,35,unmet,40,50,range,linear,5,toward,reaches,2024,2026,2026,
> TN-DH-CAM,Cẩm Khê,1,1.1,2023,2023,1,50,unmet,75,75,set,linear,,,too-few,,,2026,low
> TN-DH-CAM,Cẩm Khê,3,3.1,2023,2023,1,45,open,40,50,range,linear,,,too-few,2023,,2026,low
> TN-DH-DONG,Đồng Tâm,1,1.1,2022,2023,2,66,unmet,75,75,set,linear,6,toward,reaches,2025,2025,2026,low

# json: units with their criteria and indicators, the summaries
$ $NTM --db t.db --criteria . project proj-trend --method theil-sen --format json | python3 -c 'import json, sys; d = json.load(sys.stdin); u = d["units"][0]; print(d["method"], d["to"], u["name"], u["status"], u["not_certain"], [(i["indicator"], i["projection"], i["first_year"], i["certain_year"]) for i in u["indicators"]]); print(d["criteria"][0]); print(d["summary"])'
> theil-sen 2025 An Lạc not-by ['1', '3', '4', '5'] [('1.1', 'not-by', None, None), ('2.1', 'reaches', 2024, 2024), ('3.1', 'may-reach', 2024, None), ('4.1', 'no-trend', None, None), ('5.1', 'not-by', None, None)]
> {'criterion': '1', 'name': 'Giao thông', 'met': 1, 'reaches': 1, 'may_reach': 0, 'not_by': 3, 'no_figures': 0}
> {'met': 1, 'reaches': 1, 'may_reach': 0, 'not_by': 3, 'no_figures': 0}

# with a plan: 70 km of 100 hardened in 2024 brings criterion 1 to 2025
$ $NTM --db t.db scenario create plan >/dev/null && $NTM --db t.db scenario set plan --unit "An Lạc" --var road_village_hardened_km --year 2024 --value 70 >/dev/null && $NTM --db t.db scenario set plan --unit "An Lạc" --var road_village_total_km --year 2024 --value 100 >/dev/null
$ $NTM --db t.db --criteria . --scenario plan project proj-trend --unit "An Lạc"
~ An Lạc (TN-DH-AN), figures 2021–2024: does not meet the set by 2025 at today's pace: criteria 4, 5
~   1.1  70 % unmet             ≥ 75         +6.5  2025                                2021–2024 (4)
~   2.1  6 % unmet in 2023      ≤ 3            -3  2024                                2021–2023 (3)
~ under scenario plan: the base data is unchanged
$ $NTM --db t.db --criteria . project proj-trend --unit "An Lạc" --format csv | grep ',1\.1,'
> TN-DH-AN,An Lạc,1,1.1,2021,2023,3,60,unmet,75,75,set,linear,5,toward,not-by,,,2025,

# what is refused
$ $NTM --db t.db --criteria . project proj-trend --to 1999
? 1
2> ntm: project: --to 1999 is before the set's first year, 2021 (proj-trend applies to 2021-2025)
$ $NTM --db t.db --criteria . project proj-trend --to 20x5
? 2
2> ntm: project: --to '20x5' is not a year (1990-2100, e.g. 2025)
$ $NTM --db t.db --criteria . project proj-trend --method cubic
? 2
2> ntm: project: --method 'cubic' is not linear or theil-sen
$ $NTM --db t.db --criteria . project proj-trend --format xml
? 2
2> ntm: project: --format 'xml' is not table, csv or json
$ $NTM --db t.db project
? 2
2> ntm: project: give one criteria set (usage: ntm project SET [--unit U] [--to YEAR])
$ $NTM project --help
~ usage: ntm project SET [--unit NAME|CODE] [--to YEAR] [--method linear|theil-sen]
~   --method M               linear (least squares, default) or theil-sen

# the chart: met on record, then expected at today's pace, against a target
$ $NTM --db t.db --criteria . plot projection --set proj-trend --unit "Định Hóa" --to 2027 --target 4 --out p.svg --csv p.csv >/dev/null && cat p.csv && grep -q 'Mục tiêu: 4 xã' p.svg
> category,Đạt chuẩn (số liệu),Dự kiến đạt (xu hướng hiện tại),Có thể đạt (chờ ngưỡng),threshold_low,threshold_high
> 2021,1,0,0,4,4
> 2022,1,0,0,4,4
> 2023,1,0,0,4,4
> 2024,1,0,0,4,4
> 2025,1,1,0,4,4
> 2026,1,1,0,4,4
> 2027,1,1,0,4,4
$ $NTM --db t.db --criteria . --scenario plan plot projection --set proj-trend --unit "Định Hóa" --to 2026 --out q.svg --csv q.csv >/dev/null && cat q.csv && grep -c 'proj-trend theo số liệu và theo xu hướng hiện tại đến 2026 (kịch bản plan)' q.svg
> category,Đạt chuẩn (số liệu),Dự kiến đạt (xu hướng hiện tại),Có thể đạt (chờ ngưỡng)
> 2021,1,0,0
> 2022,1,0,0
> 2023,1,0,0
> 2024,1,0,0
> 2025,1,1,0
> 2026,1,1,0
> 1
$ $NTM --db t.db --criteria . plot projection --set proj-trend --unit "Định Hóa" --target many --out p.svg
? 1
2> ntm: plot projection: --target 'many': not an amount (write 6000, 6 000, 6.000,5 or 0,87)

# --trend: each unit's fitted trend, dashed, carried on from its last value to --to
$ $NTM --db t.db plot variable --var labour_trained_pct --unit "An Lạc,Đồng Tâm" --trend --to 2025 --out v.svg --csv v.csv >/dev/null && cat v.csv && grep -q 'stroke-dasharray' v.svg
> category,An Lạc,Đồng Tâm,Xu hướng An Lạc,Xu hướng Đồng Tâm
> 2021,48,,,
> 2022,53,75,,
> 2023,58,75,58,75
> 2024,,,63,75
> 2025,,,68,75
$ $NTM --db t.db plot share --var road_village_hardened_km --of road_village_total_km --unit "An Lạc" --trend --to 2026 --out s.svg --csv s.csv >/dev/null && cat s.csv
> category,An Lạc,Xu hướng An Lạc
> 2021,50,
> 2022,55,
> 2023,60,60
> 2024,,65
> 2025,,70
> 2026,,75
$ $NTM --db t.db plot variable --var labour_trained_pct --unit "An Lạc" --to 2025 --out v.svg
? 1
2> ntm: plot: --to goes with --trend (or with projection)
$ $NTM --db t.db plot variable --var labour_trained_pct --unit "Cẩm Khê" --trend --out v.svg
? 1
2> ntm: plot: --trend needs figures of two years or more for a series

# scripts: ntm.project, on the base data or under a scenario; what it holds
# is released when it raises (the sanitizer build would report a leak)
$ printf 'for _, sc in ipairs({ false, "plan" }) do\n  local r = ntm.project("proj-trend", "An Lạc", 2025, "linear", sc or nil)[1]\n  local p = r.indicators["1.1"]\n  print(sc or "base", r.status, p.status, p.year, p.points, p.from, p.to, p.low_confidence)\nend\nlocal s = ntm.project("proj-trend", "An Lạc", 2026).indicators\nlocal r = ntm.project("proj-trend", "An Lạc", 2026)[1].indicators["3.1"]\nprint(r.status, r.first, r.year, r.pace)\nprint(ntm.project("proj-trend", "Định Hóa")[4].year)\nprint(pcall(ntm.project, "proj-trend", "An Lạc", 3000))\nprint(pcall(ntm.project, "proj-trend", "An Lạc", 1995))\n' > p.lua && $NTM --db t.db --criteria . run p.lua
> base	not-by	not-by	nil	3	2021	2023	false
> plan	not-by	reaches	2025	4	2021	2024	false
> reaches	2024	2026	toward
> 2025
> false	bad argument #3 to '?' (a year from 1990 to 2100 expected)
> false	project: to 1995 is before the set's first year, 2021
