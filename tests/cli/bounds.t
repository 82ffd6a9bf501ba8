# criteria bounds: what the recognitions on record imply about thresholds nobody has set
$ $NTM --db d.db import $ROOT/data/variables.csv $ROOT/data/seeds/*.csv >/dev/null
$ $NTM --db d.db --criteria $ROOT/criteria criteria bounds vn-318-commune --unit "dinh hoa" > b.txt && head -2 b.txt
> What the recognitions imply: vn-318-commune (recognises ntm), Định Hóa, 2022-2023
> 19 recognitions (ntm, ntm-reconfirmed) of communes where the set is in force
# a minimum: the least value among the recognised communes of the region that year
$ grep -A2 '^2.2 ' b.txt
> 2.2    min  Tỷ lệ đường thôn, bản và đường liên thôn, bản ít nhất được cứng hó…
>   tdmnpb 2022  not set       ≤ 79.73, leaves 0–79.73      set by Thanh Định; 5 of 5 recognitions
>   tdmnpb 2023  not set       ≤ 82.92, leaves 0–82.92      set by Bình Yên; 14 of 14 recognitions
# a maximum: the greatest
$ grep -A2 '^11 ' b.txt
> 11     max  Tỷ lệ nghèo đa chiều giai đoạn 2021-2025
>   tdmnpb 2022  not set       ≥ 4.5, leaves 4.5–100        set by Bình Thành; 5 of 5 recognitions
>   tdmnpb 2023  not set       ≥ 4, leaves 4–100            set by Bình Yên; 14 of 14 recognitions
# a draft is checked, not bounded; a bound at the end of the domain says nothing new
$ grep -A2 -E '^(4.2|5) ' b.txt
> 4.2    min  Tỷ lệ hộ có đăng ký trực tiếp và được sử dụng điện sinh hoạt, sản …
>   tdmnpb 2022  ≥ 95 (draft)  consistent (least 99.07)     at Tân Thịnh; 5 of 5 recognitions
>   tdmnpb 2023  ≥ 95 (draft)  consistent (least 99.08)     at Phúc Chu; 14 of 14 recognitions
> --
> 5      min  Tỷ lệ trường học các cấp (mầm non, tiểu học, THCS, hoặc trường phổ…
>   tdmnpb 2022  not set       ≤ 100, narrows nothing       set by Bảo Linh, Bình Thành and 3 others; 5 of 5 recognitions
>   tdmnpb 2023  not set       ≤ 100, narrows nothing       set by Bảo Cường, Bình Yên and 12 others; 14 of 14 recognitions
$ tail -1 b.txt
> Recognised units whose figures fail a known threshold (a data error or a wrong recognition): 0
# ntm-advanced recognitions bound the advanced set, not the basic one
$ $NTM --db d.db --criteria $ROOT/criteria criteria bounds vn-318-advanced-commune --unit "dinh hoa" | head -5
> What the recognitions imply: vn-318-advanced-commune (recognises ntm-advanced), Định Hóa, 2023
> 3 recognitions (ntm-advanced) of communes where the set is in force
>
> 10     min  Thu nhập bình quân đầu người khu vực nông thôn (triệu đồng/người/n…
>   tdmnpb 2023  not set       ≤ 42.55, leaves 0–42.55      set by Trung Hội; 3 of 3 recognitions
$ $NTM --db d.db --criteria $ROOT/criteria criteria bounds vn-318-commune --unit "dinh hoa" --years 2022 | head -2
> What the recognitions imply: vn-318-commune (recognises ntm), Định Hóa, 2022
> 5 recognitions (ntm, ntm-reconfirmed) of communes where the set is in force
$ $NTM --db d.db --criteria $ROOT/criteria criteria bounds vn-318-commune --unit "kim phuong"
> What the recognitions imply: vn-318-commune (recognises ntm), Kim Phượng
> 0 recognitions (ntm, ntm-reconfirmed) of communes where the set is in force
>
> no recognition of ntm on record for these units and years where vn-318-commune is in force
>
> Recognised units whose figures fail a known threshold (a data error or a wrong recognition): 0

# a typing error in a recognised commune's figures, and a figure gone missing
$ printf 'unit,period,variable,value,source\n05542,2023,households_electricity_safe,1600,typed\n05542,2023,commune_plan_valid,0,typed\n' > typo.csv && $NTM --db d.db import typo.csv >/dev/null
$ sqlite3 d.db "DELETE FROM observation WHERE year = 2023 AND unit_id = (SELECT id FROM unit WHERE code = '05545') AND variable_id = (SELECT id FROM variable WHERE name = 'road_village_hardened_km')"
$ $NTM --db d.db --criteria $ROOT/criteria criteria bounds vn-318-commune --unit "dinh hoa" > c.txt && grep -A2 -E '^(2.2|4.2) ' c.txt
> 2.2    min  Tỷ lệ đường thôn, bản và đường liên thôn, bản ít nhất được cứng hó…
>   tdmnpb 2022  not set       ≤ 79.73, leaves 0–79.73      set by Thanh Định; 5 of 5 recognitions
>   tdmnpb 2023  not set       ≤ 82.92, leaves 0–82.92      set by Bình Yên; 13 of 14 recognitions, 1 without figures
> --
> 4.2    min  Tỷ lệ hộ có đăng ký trực tiếp và được sử dụng điện sinh hoạt, sản …
>   tdmnpb 2022  ≥ 95 (draft)  consistent (least 99.07)     at Tân Thịnh; 5 of 5 recognitions
>   tdmnpb 2023  ≥ 95 (draft)  contradicted by 1            13 of 14 recognitions, 1 contradicting
$ tail -3 c.txt
> Recognised units whose figures fail a known threshold (a data error or a wrong recognition): 2
>   Lam Vỹ           2023  1.1    no             must hold
>   Lam Vỹ           2023  4.2    89.49 %        ≥ 95 (draft)
$ $NTM --db d.db --criteria $ROOT/criteria criteria bounds vn-318-commune --unit "dinh hoa" --format csv | grep -E '^(kind|bound,2.2,|bound,11,|contradiction)'
> kind,indicator,cmp,region,year,threshold,low,high,bound,low_after,high_after,narrows,set_by,recognitions,counted,missing,not_applicable,contradicting,unit_code,unit_name,value
> bound,2.2,min,tdmnpb,2022,unset,0,100,79.73,0,79.73,1,Thanh Định,5,5,0,0,0,,,
> bound,2.2,min,tdmnpb,2023,unset,0,100,82.92,0,82.92,1,Bình Yên,14,13,1,0,0,,,
> bound,11,max,tdmnpb,2022,unset,0,100,4.5,4.5,100,1,Bình Thành,5,5,0,0,0,,,
> bound,11,max,tdmnpb,2023,unset,0,100,4,4,100,1,Bình Yên,14,14,0,0,0,,,
> contradiction,1.1,must,tdmnpb,2023,must,1,1,,,,,,,,,,,05542,Lam Vỹ,0
> contradiction,4.2,min,tdmnpb,2023,draft,95,95,,,,,,,,,,,05542,Lam Vỹ,89.49

# usage errors
$ $NTM --db d.db --criteria $ROOT/criteria criteria bounds
? 2
2> ntm: criteria bounds: give one set (usage: ntm criteria bounds SET [--unit NAME|CODE] [--years A-B] [--format table|csv])
$ $NTM --db d.db --criteria $ROOT/criteria criteria bounds vn-318-commune --format xml
? 2
2> ntm: criteria bounds: --format 'xml' is not table or csv
$ $NTM --db d.db --criteria $ROOT/criteria criteria bounds vn-318-commune --years 2019-2020
? 1
2> ntm: set vn-318-commune applies to 2021-2025 (QĐ 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ, Phụ lục I); 2019-2020 is outside it
$ $NTM --db d.db --criteria $ROOT/criteria criteria bounds vn-318-commune --frmat csv
? 2
2> ntm: criteria bounds: unknown option '--frmat'; did you mean 'format'? (see 'ntm criteria bounds --help')
$ $NTM --db d.db --criteria $ROOT/criteria criteria bounds --help
~ usage: ntm criteria bounds SET [--unit NAME|CODE] [--years A-B] [--format table|csv]
$ $NTM --db d.db --criteria $ROOT/criteria criteria --help
~        ntm criteria bounds SET [--unit NAME|CODE] [--years A-B] [--format table|csv]
