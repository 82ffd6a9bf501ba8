# ntm eval: table, csv, json, --explain; names without diacritics
$ cp -r $T/* . && $NTM --db t.db import variables.csv units.csv observations.csv >/dev/null
$ $NTM --db t.db --criteria crit eval roads --unit "dinh hoa"
> roads — Đường giao thông (test)
> QĐ test 1/2022
>
> unit        year   2 10 13   met  result
> Bảo Cường   2022   ✓  ✗  ✓   2/3   unmet
> Bảo Cường   2023   ✓  ✓  ✓   3/3   met
> Kim Phượng  2022   ?  ?  ?   0/3   unknown
> Kim Phượng  2023   ✓  ?  ✓   2/3   unknown
>
> ✓ met  ✗ unmet  ~ open (depends on a threshold the set does not know yet)  ? unknown (figures missing)  – not applicable
> 2022: 0 of 2 units meet roads for certain, 1 could (1 on missing figures), 1 cannot; 1.0 of 3 criteria met per unit on average
> 2023: 1 of 2 units meets roads for certain, 1 could (1 on missing figures), 0 cannot; 2.5 of 3 criteria met per unit on average
> thresholds: this evaluation used 0 draft and 0 unset thresholds
> stored as run 1 in t.db

# the other tone-mark spelling and upper case find the same district
$ $NTM --db t.db --criteria crit eval roads --unit "ĐỊNH HOÁ" --year 2023 --format csv
> unit_code,unit_name,year,set,criterion,indicator,status,value,threshold,gap,threshold_state,threshold_low,threshold_high,break_even
> TN-DH-BAOCUONG,Bảo Cường,2023,roads,2,2.2,met,70,65,5,set,65,65,
> TN-DH-BAOCUONG,Bảo Cường,2023,roads,10,10,met,47.5,45,2.5,set,45,45,
> TN-DH-BAOCUONG,Bảo Cường,2023,roads,13,13.4,n/a,,,,,,,
> TN-DH-KIMPHUONG,Kim Phượng,2023,roads,2,2.2,met,66.67,65,1.67,set,65,65,
> TN-DH-KIMPHUONG,Kim Phượng,2023,roads,10,10,unknown,,45,,set,45,45,
> TN-DH-KIMPHUONG,Kim Phượng,2023,roads,13,13.4,met,1,1,,,,,

# explain: value, threshold, gap, citation, the missing variables; the latest quarter is used
$ $NTM --db t.db --criteria crit eval roads --unit "kim phuong" --year 2023 --explain
~ Kim Phượng (TN-DH-KIMPHUONG), 2023: unknown, 2/3 criteria met
~     2.2    met      66.67 %        ≥ 65             +1.67    [QĐ test, 2.2]
~            missing: income_per_capita_mvnd
~     13.4   met      yes            must hold                 [QĐ test, 13.4]

# a draft threshold is counted and named; an unset one too (2025)
$ $NTM --db t.db --criteria crit eval roads --unit "Quảng Giao" --year 2023
~ thresholds: this evaluation used 1 draft and 0 unset thresholds (2.2); see `ntm criteria show roads --drafts`
$ $NTM --db t.db --criteria crit eval roads --unit TH-QX-QUANGGIAO --year 2025 --format json
~ "threshold_status": "unset"
~ "unset_thresholds_used": 1

# results are stored with their run
$ $NTM --db t.db sql "SELECT count(*) FROM run" && $NTM --db t.db sql "SELECT status FROM result_view WHERE run_id = 1 AND unit_code = 'TN-DH-BAOCUONG' AND year = 2022 AND indicator = '10'"
> 5
> unmet

# errors
$ $NTM --db t.db --criteria crit eval roads --unit "Quang Giau"
? 1
2> ntm: no unit 'Quang Giau' in t.db; did you mean 'Quảng Giao'?
$ $NTM --db t.db --criteria crit eval roads --year 2019
? 1
2> ntm: eval: set roads applies to 2021-2025 (QĐ test 1/2022); 2019-2019 is outside it
$ $NTM --db t.db --criteria crit eval road
? 1
2~ ntm: no criteria set 'road' in crit; did you mean 'roads'?
$ $NTM --db t.db --criteria crit eval roads --unit TN-DH-CHOCHU
? 1
2> ntm: eval: Chợ Chu (TN-DH-CHOCHU) is a township with no commune in or below it; set roads judges communes
$ $NTM --db t.db --criteria crit eval roads --frmat csv
? 2
2> ntm: eval: unknown option '--frmat'; did you mean 'format'? (see 'ntm eval --help')

# stored runs: compact (thresholds once per run, indicator, region and year;
# results packed), read back through ntm sql; --no-store stores nothing; prune
$ $NTM --db t.db sql "SELECT unit_name, indicator, status, value, threshold, threshold_state FROM result_view WHERE run_id = 1 AND year = 2023 ORDER BY unit_name, indicator" --format csv
> unit_name,indicator,status,value,threshold,threshold_state
> Bảo Cường,10,met,47.5,45.0,set
> Bảo Cường,13.4,n/a,,1.0,must
> Bảo Cường,2.2,met,70.0,65.0,set
> Kim Phượng,10,unknown,,45.0,set
> Kim Phượng,13.4,met,1.0,1.0,must
> Kim Phượng,2.2,met,66.67,65.0,set
$ $NTM --db t.db sql "SELECT status, criteria_met FROM run_unit_view WHERE run_id = 1 AND unit_code = 'TN-DH-BAOCUONG' ORDER BY year"
> unmet|2
> met|3
$ $NTM --db t.db sql "DELETE FROM run"
? 2
2> ntm: sql: the statement would change the database; ntm sql only reads (use ntm import and ntm scenario to change data)
$ $NTM --db t.db --criteria crit eval roads --year 2023 --no-store | tail -1 && $NTM --db t.db sql "SELECT count(*) FROM run"
> not stored (--no-store)
> 5
$ $NTM --db t.db runs prune --keep 2 --dry-run && $NTM --db t.db runs prune --keep 2 && $NTM --db t.db sql "SELECT group_concat(id) FROM run"
> would delete 3 runs, 2 kept
> deleted 3 runs, 2 kept
> 4,5
$ NTM_KEEP_RUNS=1 $NTM --db t.db --criteria crit eval roads --year 2023 >/dev/null && $NTM --db t.db sql "SELECT group_concat(id) FROM run"
> 6
$ $NTM --db t.db runs prune
? 2
2> ntm: runs prune: give --keep N or --older-than DAYS
