# Commune groups (nhóm 1, 2, 3 of QĐ 51/2025/QĐ-TTg): imported per unit and
# span of years (groups.csv), a threshold dimension like the region
# (by_group{}); a unit whose group is not on record is judged on every
# group's value. The 2026-2030 sets take over from QĐ 318 in 2026.
$ cp -r $T/groups/* . && $NTM --db t.db import units.csv observations.csv groups.csv
> units              8 rows       8 new       0 replaced  units.csv
> observations      18 rows      18 new       0 replaced  observations.csv
> groups             3 rows       3 new       0 replaced  groups.csv
> imported 29 rows from 3 files into t.db (a new database, which began with the bundled dictionary)
$ sqlite3 t.db "SELECT u.code, g.year_from, coalesce(g.year_to, ''), g.commune_group, s.text FROM unit_group g JOIN unit u ON u.id = g.unit_id JOIN source s ON s.id = g.source_id ORDER BY 1, 2"
> 05563|2026|2026|1|test: groups fixture (UBND tỉnh phân nhóm xã)
> 05563|2027||3|test: groups fixture (phân nhóm lại)
> 05587|2026||2|test: groups fixture (UBND tỉnh phân nhóm xã)
# refused rows name file, line and field; nothing is imported
$ printf 'unit,year_from,year_to,group,source\n05587,2026,2027,1,t\n05587,2027,,2,t\n' > ov.csv && $NTM --db t.db import ov.csv
? 1
2> ntm: ov.csv:3: field 'year_from': from 2027 overlaps 2026-2027 (nhóm 1), given to unit '05587' on an earlier line; the spans of one unit must not overlap
2> nothing was imported
$ printf 'unit,year_from,year_to,group,source\n05587,2026,,4,t\n' > g4.csv && $NTM --db t.db import g4.csv
? 1
2> ntm: g4.csv:2: field 'group': '4' is not a commune group (1, 2 or 3: nhóm 1, 2, 3 of QĐ 51/2025/QĐ-TTg)
2> nothing was imported
$ printf 'unit,year_from,year_to,group,source\nTN-DH-BINHYEN,2025,2026,1,t\n' > old.csv && $NTM --db t.db import old.csv
? 1
2> ntm: old.csv:2: field 'year_to': 2026: unit 'TN-DH-BINHYEN' existed until 2025; a row for 2026 is refused (it was merged into '05587', Bình Yên)
2> nothing was imported
$ printf 'unit,year_from,year_to,group,source\nTN-DH-BINHYEN,2024,,1,t\n' > open.csv && $NTM --db t.db import open.csv
? 1
2> ntm: open.csv:2: field 'year_to': is empty (the span is open), but unit 'TN-DH-BINHYEN' existed until 2025; give year_to
2> nothing was imported
$ printf 'unit,year_from,year_to,group,source\n05587,2028,2027,1,t\n' > rev.csv && $NTM --db t.db import rev.csv
? 1
2> ntm: rev.csv:2: field 'year_to': 2027 is before year_from 2028
2> nothing was imported
$ printf 'unit,year_from,year_to,group,source\n05587,2026,,1,\n' > nosrc.csv && $NTM --db t.db import nosrc.csv
? 1
2~ nosrc.csv:2: field 'source': is empty (every figure keeps its source
# a groups file gives the whole history of the units it names: imported again, it replaces
$ printf 'unit,year_from,year_to,group,source\n05587,2026,,2,test: again\n' > again.csv && $NTM --db t.db import again.csv >/dev/null && sqlite3 t.db "SELECT count(*) FROM unit_group"
> 3
# the thresholds by group, and a unit whose group is not on record
$ $NTM --criteria crit test
~ 6 passed, 0 failed
$ $NTM --db t.db --criteria crit eval grp --years 2026-2027
> grp — test: thresholds by commune group
> QĐ test 51/2026
>
> unit         year   1   met  result
> Bình Yên     2026   ✓   1/1   met
> Bình Yên     2027   ✓   1/1   met
> Định Hóa     2026   ~   0/1   open
> Định Hóa     2027   ~   0/1   open
> Phượng Tiến  2026   ✗   0/1   unmet
> Phượng Tiến  2027   ~   0/1   open
>
> ✓ met  ✗ unmet  ~ open (depends on a threshold the set does not know yet)  ? unknown (figures missing)  – not applicable
> 2026: 1 of 3 units meets grp for certain, 1 could (1 on open thresholds), 1 cannot; 0.3 of 1 criteria met per unit on average
>   what decides them (the law's numbers):
>     1.1    (commune group not on record) minimum: 1 unit meets it if it is ≤ 75 %
>     1.2    (commune group not on record) minimum: 1 unit meets it if it is ≤ 75 %
>     1 unit's thresholds depend on its commune group, not on record (import a groups.csv)
> 2027: 1 of 3 units meets grp for certain, 2 could (2 on open thresholds), 0 cannot; 0.3 of 1 criteria met per unit on average
>   what decides them (the law's numbers):
>     1.1    (commune group not on record) minimum: 1 unit meets it if it is ≤ 75 %
>     1.2    (commune group not on record) minimum: 1 unit meets it if it is ≤ 75 %
>     1.2    nhóm 3 minimum: 1 unit meets it if it is ≤ 75 %
>     1 unit's thresholds depend on its commune group, not on record (import a groups.csv)
> thresholds: this evaluation used 1 draft, 1 unset and 1 range threshold (1.1 range, 1.2 unset); see `ntm criteria show grp --drafts`
> stored as run 1 in t.db
$ $NTM --db t.db --criteria crit eval grp --year 2026 --unit 05569 --explain --no-store | sed -n 4,10p
> Định Hóa (05569), 2026: open, 0/1 criteria met
>   ~ 1 Đường
>     1.1    open     75 %           ≥ 60–80                   [QĐ test 51/2026, 1.1]
>            met if the minimum of its commune group (not on record) is ≤ 75 %
>            threshold is a range: depends on the commune group, not on record for this unit: by commune group {nhóm 1 80, nhóm 2 70, nhóm 3 60}
>     1.2    open     75 %           not set                   [QĐ test 51/2026, 1.2]
>            met if the minimum of its commune group (not on record) is ≤ 75 %
$ $NTM --db t.db --criteria crit eval grp --year 2027 --unit 05563 --explain --no-store | sed -n 6,9p
>     1.1    met      75 %           ≥ 60             +15      [QĐ test 51/2026, 1.1]
>     1.2    open     75 %           not set                   [QĐ test 51/2026, 1.2]
>            met if the nhóm 3 minimum is ≤ 75 %
>            threshold not set: test: the nhóm 3 column was not found
# stored: a group's thresholds under region + 8 × group (tdmnpb nhóm 1 = 8, nhóm 3 = 24); 0 the group not on record
$ sqlite3 t.db "SELECT idx, region, state, coalesce(value, ''), low, high FROM run_threshold WHERE run_id = 1 AND year = 2026 ORDER BY idx, region"
> 0|0|range||60.0|80.0
> 0|8|set|80.0|80.0|80.0
> 0|16|set|70.0|70.0|70.0
> 0|24|set|60.0|60.0|60.0
> 1|0|unset||0.0|100.0
> 1|8|set|70.0|70.0|70.0
> 1|16|draft|70.0|70.0|70.0
> 1|24|unset||0.0|100.0
$ sqlite3 t.db "SELECT region, count(*) FROM run_result_key WHERE run_id = 1 GROUP BY region"
> 0|2
> 8|1
> 16|2
> 24|1
# by_group keys are checked
$ printf 'set { id = "x", title = "x", decision = "x", level = "commune", years = { 2026, 2030 } }\ncriterion "1" { name = "a", indicator "1.1" { name = "a", measure = v.villages_total, min = by_group { [4] = 1 }, cite = "x" } }\n' > bad.lua && $NTM --db t.db criteria check bad.lua
? 1
2~ bad.lua:2: by_group: unknown commune group '4' (keys are [1], [2], [3] for nhóm 1, 2, 3, or default)
$ printf 'set { id = "x", title = "x", decision = "x", level = "commune", years = { 2026, 2030 } }\ncriterion "1" { name = "a", indicator "1.1" { name = "a", measure = v.villages_total, min = by_group { nhom1 = 1 }, cite = "x" } }\n' > bad2.lua && $NTM --db t.db criteria check bad2.lua
? 1
2~ bad2.lua:2: by_group: unknown commune group 'nhom1'
$ printf 'tests_for "grp"\ntest "t" { group = 5, year = 2026, data = {}, result = "open" }\n' > crit/bad.test.lua && $NTM --criteria crit test; r=$?; rm crit/bad.test.lua; exit $r
? 1
~ FAIL crit/bad.test.lua:2: test 't': group is a commune group, 1, 2 or 3 (leave it out for a unit whose group is not known)
# --level: QĐ 318 up to 2025, QĐ 51/2025 from 2026; the province on its communes directly
$ $NTM --db t.db --criteria $ROOT/criteria eval --level commune --years 2025-2026 --no-store
~ 2025: vn-318-commune is in force (QĐ 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ, Phụ lục I)
~ 2026: vn-51-2025-commune is in force (QĐ 51/2025/QĐ-TTg ngày 29/12/2025 của Thủ tướng Chính phủ, Phụ lục I)
~ Định Biên         2025   ✗
~     1      nhóm 2 minimum: 1 unit meets it if it is ≤ 4 chỉ tiêu
~     1 unit's thresholds depend on its commune group, not on record (import a groups.csv)
$ $NTM --db t.db --criteria $ROOT/criteria eval --level province --years 2026
~ 2026: vn-51-2025-province is in force
~ Thái Nguyên  2026    ?   0/1   unknown
~ the results under vn-51-2025-commune it used (3 communes) stored as run
# recognitions under QĐ 318 do not pass to the merged communes
$ $NTM --db t.db import recognitions.csv >/dev/null && $NTM --db t.db --criteria $ROOT/criteria recognitions --years 2023-2026
~ not carried over: recognitions of the units merged into a unit (they do not pass to it by themselves):
~   Bình Yên         from Bình Yên (cũ): ntm 2023
~   Phượng Tiến      from Phượng Tiến (cũ): ntm 2024
$ $NTM --db t.db --criteria crit eval grp --year 2026 --assume-recognitions --no-store | head -2
> assuming the recognitions on record: 0 recognitions narrow 0 threshold cells (`ntm criteria bounds grp` lists them)
> the 2 recognitions before 2026, under the sets then in force, are not taken: they do not carry over to grp by themselves
# a recognition bounds thresholds by region, not by group: a threshold by group is not narrowed
$ printf 'unit,year,title,decision,source\n05587,2026,ntm,QĐ test 9/2026,t\n' > r26.csv && $NTM --db t.db import r26.csv >/dev/null && $NTM --db t.db --criteria crit eval grp --year 2026 --assume-recognitions --no-store | sed -n '1p;8,10p'
> assuming the recognitions on record: 1 recognition narrows 0 threshold cells (`ntm criteria bounds grp` lists them)
> Bình Yên     2026   ✓   1/1   met
> Định Hóa     2026   ~   0/1   open
> Phượng Tiến  2026   ✗   0/1   unmet
# --strict judges drafts as unset: draft(by_group{...}) for a unit whose group is not on
# record is the span of draft values, and was judged on it (Định Hóa met for certain
# while the communes of a known group were open)
$ $NTM --db t.db --criteria strict --strict eval dg --year 2026 --no-store | sed -n 5,7p
> Bình Yên     2026   ~   0/1   open
> Định Hóa     2026   ~   0/1   open
> Phượng Tiến  2026   ~   0/1   open
# that span of drafts is a draft used, in the summary and in the stored run (it said 0)
$ $NTM --db t.db --criteria strict eval dg --year 2026 --unit 05569 | tail -2 | head -1
> thresholds: this evaluation used 1 draft, 0 unset and 1 range threshold (1.1 range); see `ntm criteria show dg --drafts`
$ sqlite3 t.db "SELECT draft_thresholds, unset_thresholds FROM run WHERE id = (SELECT max(id) FROM run)"
> 1|0

# ntm units --year shows each unit's commune group then (Định Hóa: none on record)
$ $NTM --db t.db units --year 2027 --level commune
> 05587                  Bình Yên  (commune, tdmnpb, group 2; from 2026; took in Bình Yên (cũ) (2026), Định Biên (2026))
> 05569                  Định Hóa  (commune, tdmnpb; from 2026)
> 05563                  Phượng Tiến  (commune, tdmnpb, group 3; from 2026; took in Phượng Tiến (cũ) (2026))
$ NTM_LANG=vi $NTM --db t.db units 05563 --year 2026
> 05563                  Phượng Tiến  (xã, tdmnpb, nhóm 1; từ 2026; nhận sáp nhập Phượng Tiến (cũ) (2026))
