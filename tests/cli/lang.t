# what a person reads speaks Vietnamese by default, English on request;
# csv and json keep their English codes whatever the language
$ cp -r $T/* . && $NTM --db t.db import variables.csv units.csv observations.csv >/dev/null
$ NTM_LANG= LANG=vi_VN.UTF-8 $NTM --db t.db --criteria crit eval roads --unit "dinh hoa" --no-store
> roads — Đường giao thông (test)
> QĐ test 1/2022
>
> đơn vị      năm    2 10 13   đạt  kết quả
> Bảo Cường   2022   ✓  ✗  ✓   2/3   chưa đạt
> Bảo Cường   2023   ✓  ✓  ✓   3/3   đạt
> Kim Phượng  2022   ?  ?  ?   0/3   chưa rõ
> Kim Phượng  2023   ✓  ?  ✓   2/3   chưa rõ
>
> ✓ đạt  ✗ chưa đạt  ~ chưa có ngưỡng (tùy mức ngưỡng bộ tiêu chí chưa có)  ? chưa rõ (thiếu số liệu)  – không áp dụng
> 2022: 0/2 đơn vị chắc chắn đạt roads, 1 có thể đạt (1 do thiếu số liệu), 1 không thể đạt; bình quân mỗi đơn vị đạt 1,0/3 tiêu chí
> 2023: 1/2 đơn vị chắc chắn đạt roads, 1 có thể đạt (1 do thiếu số liệu), 0 không thể đạt; bình quân mỗi đơn vị đạt 2,5/3 tiêu chí
> ngưỡng: lần đánh giá này dùng 0 ngưỡng dự thảo và 0 ngưỡng chưa có
> không lưu (--no-store)
$ NTM_LANG= LANGUAGE= LC_ALL= LC_MESSAGES= LANG=C.UTF-8 $NTM --db t.db --criteria crit eval roads --unit "dinh hoa" --year 2023 --no-store | sed -n 4p
> đơn vị      năm    2 10 13   đạt  kết quả
$ NTM_LANG= LANG=vi_VN.UTF-8 $NTM --lang en --db t.db --criteria crit eval roads --unit "dinh hoa" --year 2023 --no-store | sed -n 4p
> unit        year   2 10 13   met  result
$ $NTM --lang vi --db t.db --criteria crit eval roads --unit "kim phuong" --year 2023 --explain --no-store | sed -n 4,9p
> Kim Phượng (TN-DH-KIMPHUONG), 2023: chưa rõ, đạt 2/3 tiêu chí
>   ✓ 2 Giao thông
>     2.2    đạt             66,67 %        ≥ 65             +1,67    [QĐ test, 2.2]
>   ? 10 Thu nhập
>     10     chưa rõ         —              ≥ 45                      [QĐ test, 10]
>            thiếu số liệu: income_per_capita_mvnd
$ $NTM --lang vi --db t.db --criteria crit eval roads --unit "dinh hoa" --year 2023 --format csv --no-store 2>/dev/null | head -3
> unit_code,unit_name,year,set,criterion,indicator,status,value,threshold,gap,threshold_state,threshold_low,threshold_high,break_even
> TN-DH-BAOCUONG,Bảo Cường,2023,roads,2,2.2,met,70,65,5,set,65,65,
> TN-DH-BAOCUONG,Bảo Cường,2023,roads,10,10,met,47.5,45,2.5,set,45,45,
$ $NTM --lang fr --db t.db units
? 2
2> ntm: --lang 'fr' is not vi or en
# ntm recognitions: the verdicts, statuses and counts in Vietnamese; csv keeps its codes
$ cp crit/roads.lua inforce/ && $NTM --db t.db import inforce/recognitions.csv >/dev/null && $NTM --lang vi --db t.db --criteria inforce recognitions --unit "dinh hoa"
> Quyết định công nhận đối chiếu với kết quả đánh giá: Định Hóa, 2022-2023
>
> đã công nhận, số liệu chưa đạt: 2
>   Bảo Cường        2022  ntm             roads-tn                      chưa đạt        1/3 tiêu chí  (QĐ test 9/2022)
>   Kim Phượng       2023  ntm             roads-tn                      chưa đạt        1/3 tiêu chí
>
> không có bộ tiêu chí để đối chiếu: 1
>   Chợ Chu          2023  civilised-urban 
>
> khớp: 1
>   Bảo Cường        2023  ntm-reconfirmed roads-tn                      đạt             3/3 tiêu chí
$ NTM_LANG=vi $NTM --lang en --db t.db --criteria inforce recognitions --unit "dinh hoa" | sed -n 1,4p
> Recognitions against the evaluation: Định Hóa, 2022-2023
>
> recognised, not met in the data: 2
>   Bảo Cường        2022  ntm             roads-tn                      unmet    1/3 criteria  (QĐ test 9/2022)
$ $NTM --lang vi --db t.db --criteria inforce recognitions --unit "dinh hoa" --format csv | head -2
> unit_code,unit_name,year,title,decision,set,result,criteria_met,criteria_total,verdict
> TN-DH-BAOCUONG,Bảo Cường,2022,ntm,QĐ test 9/2022,roads-tn,unmet,1,3,recognised-not-met
# ntm diff: statuses, counts and the decimal comma in Vietnamese; csv keeps its codes
$ $NTM --db t.db scenario create more >/dev/null && $NTM --db t.db scenario set more --unit "kim phuong" --var road_village_hardened_km --year 2023 --value 9 >/dev/null && $NTM --lang vi --db t.db --criteria crit diff roads --scenario more --unit "dinh hoa" --year 2023
> roads: kịch bản more so với số liệu gốc
>
> Kim Phượng 2023: chưa rõ 2/3 → chưa đạt 1/3 tiêu chí
>   tiêu chí 2    đạt → chưa đạt
>   2.2      đạt 66,67              → chưa đạt 30
>
> 2023: số đơn vị chắc chắn đạt roads: 1 → 1/2 (có thể đạt: 1 → 0)
$ NTM_LANG=vi $NTM --lang en --db t.db --criteria crit diff roads --scenario more --unit "dinh hoa" --year 2023
> roads: scenario more against the base data
>
> Kim Phượng 2023: unknown 2/3 → unmet 1/3 criteria
>   criterion 2    met → unmet
>   2.2      met 66.67              → unmet 30
>
> 2023: units meeting roads for certain: 1 → 1 of 2 (could meet: 1 → 0)
$ $NTM --lang vi --db t.db --criteria crit diff roads --scenario more --unit "dinh hoa" --year 2023 --format csv
> set,unit_code,unit_name,year,criterion,indicator,status_before,status_after,value_before,value_after
> roads,TN-DH-KIMPHUONG,Kim Phượng,2023,2,,met,unmet,,
> roads,TN-DH-KIMPHUONG,Kim Phượng,2023,2,2.2,met,unmet,66.66666667,30
# ntm cost: words, statuses, "triệu đồng" and the decimal comma in Vietnamese; csv keeps its codes
$ sed 's/,1200,/,1200.5,/' open/costs.csv > costs-dec.csv && $NTM --lang vi --db t.db --criteria open cost --costs costs-dec.csv open-roads --unit "dinh hoa" --year 2023
> open-roads, 2023: công trình để đạt chuẩn (triệu đồng; đơn giá: costs-dec.csv)
>
> Bảo Cường (TN-DH-BAOCUONG), 2023: chưa có ngưỡng, đạt 1/3 tiêu chí
>   2.2     village_road_concrete +12 km × 1200,5 = 14406   (road_village_hardened_km)   chắc chắn đủ; có thể không cần gì
>   chưa có ngưỡng (có thể đã đạt), tiền không thay đổi được: 10
>   công trình: 14406 triệu đồng chắc chắn đủ; 0 có thể đủ
>
> Kim Phượng (TN-DH-KIMPHUONG), 2023: chưa rõ, đạt 1/3 tiêu chí
>   2.2     village_road_concrete +10 km × 1200,5 = 12005   (road_village_hardened_km)   chắc chắn đủ; có thể không cần gì
>   chỉ có tiền thì không đạt được: 10
>   công trình: 12005 triệu đồng chắc chắn đủ; 0 có thể đủ
>
> 2/2 đơn vị chưa chắc chắn đạt open-roads năm 2023; chi phí công trình: 26411 triệu đồng chắc chắn đủ, 0 có thể đủ
$ NTM_LANG=vi $NTM --lang en --db t.db --criteria open cost --costs costs-dec.csv open-roads --unit "dinh hoa" --year 2023 | sed -n '1p;3,4p;13p'
> open-roads, 2023: works to the standard (million VND; prices: costs-dec.csv)
> Bảo Cường (TN-DH-BAOCUONG), 2023: open, 1/3 criteria met
>   2.2     village_road_concrete +12 km × 1200.5 = 14406   (road_village_hardened_km)   certainly enough; nothing may be needed
> 2 of 2 units not certainly meeting open-roads in 2023; works priced: 26411 million VND certainly enough, 0 may suffice
$ $NTM --lang vi --db t.db --criteria open cost --costs costs-dec.csv open-roads --unit "dinh hoa" --year 2023 --format csv | sed -n '1,3p'
> unit_code,unit_name,year,indicator,kind,work,variable,quantity,uom,unit_cost,cost,source,quantity_may,cost_may
> TN-DH-BAOCUONG,Bảo Cường,2023,2.2,work,village_road_concrete,road_village_hardened_km,12,km,1200.5,14406,TEST FIXTURE: made-up price,0,0
> TN-DH-BAOCUONG,Bảo Cường,2023,10,open-no-money,,,,,,,,,
# ntm allocate: the plan and its outcome in Vietnamese
$ $NTM --lang vi --db t.db --criteria open1 allocate --costs open1/costs.csv open-one --unit "dinh hoa" --year 2023 --budget 15000 --disbursement 0,875 --objective units-meeting --save plan
> open-one, 2023: 15000 triệu đồng, chi được 13125 (tỷ lệ giải ngân 87,5 %), mục tiêu units-meeting
>
> kế hoạch:
>   Kim Phượng         2.2    village_road_concrete        10 km         12000
>
> đã chi 12000 triệu đồng cho 1 đơn vị; còn lại 1125; không giải ngân 1875
> số đơn vị chắc chắn đạt open-one: 0 → 1/2 (có thể đạt: 2 → 1)
> số tiêu chí đạt: 0 → 1 (riêng ngân sách thì đủ cho 1 đơn vị)
> đã lưu thành kịch bản plan (`ntm diff open-one --scenario plan --year 2023`)
$ NTM_LANG=vi $NTM --lang en --db t.db --criteria open1 allocate --costs open1/costs.csv open-one --unit "dinh hoa" --year 2023 --budget 1 --disbursement 0,875 | sed -n '1p;4p;6,8p'
> open-one, 2023: 1 million VND, 0.9 to spend (disbursement 87.5 %), objective criteria-met
>   nothing fits the budget: the cheapest of 2 priced choices costs 12000 million VND, more than the 0.9 to spend
> spent 0 million VND in 0 units; left 0.9; not disbursed 0.1
> units meeting open-one for certain: 0 → 0 of 2 (could meet: 2 → 2)
> criteria met: 0 → 0 (the budget alone would buy 0 criteria)
$ $NTM --lang vi --db t.db --criteria open1 allocate --costs open1/costs.csv open-one --unit "dinh hoa" --year 2023 --budget 1 --disbursement 0,875 --save none | grep -E 'không'
>   không phương án nào vừa ngân sách: phương án rẻ nhất trong 2 phương án đã tính chi phí cần 12000 triệu đồng, nhiều hơn 0,9 chi được
> đã chi 0 triệu đồng cho 0 đơn vị; còn lại 0,9; không giải ngân 0,1
> không lưu: kế hoạch trống (không tạo kịch bản none nào)
# ntm --help: the command list in Vietnamese, English on request
$ $NTM --lang vi --help
~   eval          đánh giá một bộ tiêu chí cho các đơn vị và các năm
~   cost          công trình và chi phí để các đơn vị đạt chuẩn của bộ tiêu chí
!~ evaluate a criteria set for units and years
$ NTM_LANG=vi $NTM --lang en --help
~   eval          evaluate a criteria set for units and years
~   cost          works and cost to bring units up to a set's standard

# ntm units reads in Vietnamese: levels, years and merges in words, the
# successors of a unit gone by the year asked
$ mkdir u && cp -r $T/reuse/* u/ && $NTM --db u.db import $ROOT/data/variables.csv u/units.csv >/dev/null && $NTM --db u.db --lang vi units 05569@2023
> 05569                  Chợ Chu  (thị trấn, tdmnpb; đến 2025, sáp nhập vào Định Hóa (05569); nhận sáp nhập Bảo Cường (2025))
$ $NTM --db u.db --lang vi units "Định Hóa" --year 2026
> 05569                  Định Hóa  (xã, tdmnpb; từ 2026; nhận sáp nhập Phúc Chu (2026), Chợ Chu (2026))
> 05551                  Kim Phượng  (xã, tdmnpb; từ 2026; nhận sáp nhập Kim Phượng (2026), Quy Kỳ (2026))
2> ntm: Định Hóa (167) không còn năm 2026 (đến 2025); 2 đơn vị năm 2026 được lập từ các đơn vị của nó, mỗi đơn vị kèm các đơn vị đã nhập vào:
