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
>     2.2    đạt            66,67 %        ≥ 65             +1,67    [QĐ test, 2.2]
>   ? 10 Thu nhập
>     10     chưa rõ        —              ≥ 45                      [QĐ test, 10]
>            thiếu số liệu: income_per_capita_mvnd
$ $NTM --lang vi --db t.db --criteria crit eval roads --unit "dinh hoa" --year 2023 --format csv --no-store 2>/dev/null | head -3
> unit_code,unit_name,year,set,criterion,indicator,status,value,threshold,gap,threshold_state,threshold_low,threshold_high,break_even
> TN-DH-BAOCUONG,Bảo Cường,2023,roads,2,2.2,met,70,65,5,set,65,65,
> TN-DH-BAOCUONG,Bảo Cường,2023,roads,10,10,met,47.5,45,2.5,set,45,45,
$ $NTM --lang fr --db t.db units
? 2
2> ntm: --lang 'fr' is not vi or en
