# measures across time: figures of other years (at, change, growth), the year
# a unit was recognised, thresholds computed for each unit, another set's
# threshold; missing past figures make the result unknown and are named
$ cp -r $T/* . && $NTM --db t.db import variables.csv units.csv observations.csv >/dev/null
$ $NTM --db t.db --criteria time test | tail -1
> 11 passed, 0 failed
$ printf 'unit,year,title,decision,source\nTN-DH-BAOCUONG,2022,ntm,QĐ test 5/2022,test\n' > r.csv && $NTM --db t.db import r.csv >/dev/null
# --year 2023 alone: 2022 is read too, for change() and the recognition year
$ $NTM --db t.db --criteria time eval model-2018-test --unit "bao cuong" --year 2023 --explain | grep -A3 '^    TN\.'
>     TN.1   unmet    47.5 mVND      ≥ 66 (computed)  -18.5    [test: 1.5 x income in the year of NTM recognition]
>     TN.2   met      yes            must hold                 [test: income rises every year]
>   ? NG Nghèo
>     NG.1   unknown  —              ≤ -1                      [test: poverty falls by at least 1 point a year]
>            missing: households_poor_multidim households_total households_poor_multidim (2022) households_total (2022)
$ $NTM --db t.db --criteria time eval model-2018-test --unit "kim phuong" --year 2023 --explain | grep -A1 '^    TN\.'
>     TN.1   unknown  —              computed                  [test: 1.5 x income in the year of NTM recognition]
>            missing: income_per_capita_mvnd
>     TN.2   unknown  —              must hold                 [test: income rises every year]
>            missing: income_per_capita_mvnd income_per_capita_mvnd (2022)
$ $NTM --db t.db --criteria time eval model-2018-test --year 2023 --format json | tr -d '\n' | grep -o '"id": "TN.2", "status": "unknown"[^}]*}'
> "id": "TN.2", "status": "unknown", "value": null, "threshold": 1, "threshold_status": "set", "gap": null, "cite": "test: income rises every year", "missing": ["income_per_capita_mvnd", "income_per_capita_mvnd (2022)"]}
> "id": "TN.2", "status": "unknown", "value": null, "threshold": 1, "threshold_status": "set", "gap": null, "cite": "test: income rises every year", "missing": ["income_per_capita_mvnd (2022)"]}
# another set's threshold: the model set is 10 % above the advanced set's income threshold
$ $NTM --db t.db --criteria $ROOT/criteria criteria show vn-319-model-commune | grep -A2 '^  KM.2'
>   KM.2   Thu nhập bình quân đầu người ≥ 1,1 lần mức thu nhập của xã NTM nâng cao cùng thời điểm
>          measure  income_per_capita_mvnd  triệu đồng/người/năm
>          min      threshold_of("vn-318-advanced-commune", "10") × 1.1
$ $NTM --db t.db --criteria cycle-thr criteria check cycle-thr/thr-a.lua
? 1
2~ leads back to it
