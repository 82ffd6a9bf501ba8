# ntm eval --criterion and --status show part of a run (the run stores it
# all; the summary counts it all); --out picks the format from the
# extension and writes the file whole or not at all; --bom for Excel.
$ cp -r $T/* . && $NTM --db t.db import variables.csv units.csv observations.csv >/dev/null
$ $NTM --db t.db --criteria open eval open-roads --years 2022-2023 --criterion 13 --no-store | head -10
> open-roads — Đường giao thông, ngưỡng chưa biết (test)
> QĐ test 2/2022
>
> unit        year  13   met  result
> Bảo Cường   2022   ✓   1/3   open
> Bảo Cường   2023   ✓   1/3   open
> Kim Phượng  2022   ?   0/3   unknown
> Kim Phượng  2023   ✓   1/3   unknown
> Quảng Giao  2022   ?   0/3   unknown
> Quảng Giao  2023   ?   2/3   unknown
$ $NTM --db t.db --criteria open eval open-roads --years 2022-2023 --status unknown --no-store | sed -n 4,12p
> unit        year   2 10 13   met  result
> Kim Phượng  2022   ?  ?  ?   0/3   unknown
> Kim Phượng  2023   ~  ?  ✓   1/3   unknown
> Quảng Giao  2022   ?  ?  ?   0/3   unknown
> Quảng Giao  2023   ✓  ✓  ?   2/3   unknown
>
> shown: 4 of 6 results (--status unknown); the summary counts them all
>
> ✓ met  ✗ unmet  ~ open (depends on a threshold the set does not know yet)  ? unknown (figures missing)  – not applicable
$ $NTM --db t.db --criteria open eval open-roads --years 2022-2023 --criterion 2,13 --status met --no-store | sed -n 4,8p
> unit        year   2 13   met  result
> Bảo Cường   2022   ~  ✓   1/3   open
> Bảo Cường   2023   ~  ✓   1/3   open
> Kim Phượng  2023   ~  ✓   1/3   unknown
> Quảng Giao  2023   ✓  ?   2/3   unknown
$ $NTM --db t.db --criteria open eval open-roads --year 2023 --criterion 10 --status open,unknown --format csv --no-store 2>/dev/null
> unit_code,unit_name,year,set,criterion,indicator,status,value,threshold,gap,threshold_state,threshold_low,threshold_high,break_even
> TN-DH-BAOCUONG,Bảo Cường,2023,open-roads,10,10,open,47.5,,,range,40,50,47.5
> TN-DH-KIMPHUONG,Kim Phượng,2023,open-roads,10,10,unknown,,,,range,40,50,
$ $NTM --db t.db --criteria open eval open-roads --year 2023 --unit "quang giao" --criterion 13 --explain --no-store | sed -n 4,9p
> Quảng Giao (TH-QX-QUANGGIAO), 2023: unknown, 2/3 criteria met
>   ? 13 Làng nghề
>     13.4   unknown  —              must hold                 [QĐ test 2, 13.4]
>            missing: craft_villages_count craft_village_plan_ok
>
>   figures on record for Quảng Giao, 2023 (* read by the set):
$ $NTM --db t.db --criteria open eval open-roads --year 2023 --status met --format json --no-store 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); print([(r["unit_name"], [c["id"] for c in r["criteria"]]) for r in d["results"]], d["summary"]["shown"])'
> [] {'filter': '--status met', 'results': 0}
$ $NTM --db t.db --criteria open eval open-roads --year 2023 --criterion 13 --status met --format json --no-store 2>/dev/null | python3 -c 'import json,sys; d=json.load(sys.stdin); print([(r["unit_name"], [c["id"] for c in r["criteria"]]) for r in d["results"]])'
> [('Bảo Cường', ['13']), ('Kim Phượng', ['13'])]
# the run stores every result whatever is shown
$ $NTM --db t.db --criteria open eval open-roads --year 2023 --criterion 13 --status met >/dev/null && $NTM --db t.db runs | tail -1 | awk '{print "units", $(NF-3)}'
> units 3
$ $NTM --db t.db --criteria open eval open-roads --year 2023 --criterion 99
? 1
2> ntm: eval: --criterion '99': open-roads has no such criterion (it has 2, 10, 13)
$ $NTM --db t.db --criteria open eval open-roads --year 2023 --status passed
? 2
2> ntm: eval: --status 'passed' is not a status (met, unmet, open, unknown, n/a)
# --out: the format from the extension
$ $NTM --db t.db --criteria open eval open-roads --year 2023 --out r.csv --bom --no-store && head -c 3 r.csv | od -An -tx1 && sed -n 2p r.csv
> wrote r.csv
>  ef bb bf
> TN-DH-BAOCUONG,Bảo Cường,2023,open-roads,2,2.2,open,70,,,unset,0,100,70
$ $NTM --db t.db --criteria open eval open-roads --year 2023 --out r.json --no-store && python3 -c 'import json; print(len(json.load(open("r.json"))["results"]))'
> wrote r.json
> 3
$ $NTM --db t.db --criteria open eval open-roads --year 2023 --out r.txt --no-store && sed -n 1p r.txt
> wrote r.txt
> open-roads — Đường giao thông, ngưỡng chưa biết (test)
$ $NTM --db t.db --criteria open eval open-roads --year 2023 --out r.xlsx
? 2
2> ntm: eval: --out 'r.xlsx': the extension says no format eval writes (.txt, .csv, .json); the Biểu tables as xlsx, md or html are `ntm report`'s
$ $NTM --db t.db --criteria open eval open-roads --year 2023 --out none/r.csv
? 1
2> ntm: none/r.csv: folder 'none' does not exist
$ $NTM --db t.db --criteria open eval open-roads --year 2023 --bom
? 2
2> ntm: eval: --bom goes with csv
# a failed evaluation leaves no file, and an old one as it was
$ echo old > keep.csv && $NTM --db t.db --criteria open eval open-roads --year 2023 --criterion 99 --out keep.csv; cat keep.csv && ls -A | grep '^\.keep' || true
2> ntm: eval: --criterion '99': open-roads has no such criterion (it has 2, 10, 13)
> old
# --format and --out's extension must agree; a name without one takes --format
$ $NTM --db t.db --criteria open eval open-roads --year 2023 --format csv --out r2.json
? 2
2> ntm: eval: --format csv, but --out 'r2.json' names json
$ $NTM --db t.db --criteria open eval open-roads --year 2023 --format csv --out results --no-store && head -1 results
> wrote results
> unit_code,unit_name,year,set,criterion,indicator,status,value,threshold,gap,threshold_state,threshold_low,threshold_high,break_even
# the extension in any case, as `ntm report` takes it
$ $NTM --db t.db --criteria open eval open-roads --year 2023 --out R.CSV --no-store 2>/dev/null && head -c 9 R.CSV
> wrote R.CSV
> unit_code
