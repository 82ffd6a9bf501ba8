# A unit gone before the years asked (Định Hóa district, 2026): an evaluation of
# it judges the units its own became, and says so; one whose units became no
# unit the set judges says that, not "no commune below it".
$ cp -r $T/reuse/* . && $NTM --db t.db import $ROOT/data/variables.csv units.csv observations.csv >/dev/null
$ $NTM --db t.db --criteria crit eval homes --unit "Định Hóa" --year 2026 --format csv --no-store | cut -d, -f1-8
> unit_code,unit_name,year,set,criterion,indicator,status,value
> 05569,Định Hóa,2026,homes,1,1.1,met,2700
> 05551,Kim Phượng,2026,homes,1,1.1,unknown,
2~ ntm: note: Định Hóa (167) ended in 2025; judged: the units of 2026 its own became
$ NTM_LANG=vi $NTM --db t.db --criteria crit eval homes --unit 167 --year 2026 --no-store >/dev/null
2~ ntm: ghi chú: Định Hóa (167) đã kết thúc năm 2025; đánh giá các đơn vị năm 2026 được lập từ các đơn vị của nó
# in the years it existed, the unit itself, as before
$ $NTM --db t.db --criteria crit eval homes --unit "Định Hóa" --year 2023 --format csv --no-store 2>/dev/null | cut -d, -f1,3,7
> unit_code,year,status
> 05575,2023,unmet
> 05551,2023,unmet
> 05572,2023,unmet
> 05554,2023,unmet
# a commune whose units became a ward only: said, for a commune set
$ printf 'code,name,level,parent,region,valid_from,valid_to,merged_into,split_from\n05590,Điềm Mặc,commune,167,,,2025,05593,\n05593,Phường Mới,ward,19,,2026,,,\n' > ward.csv && $NTM --db t.db import ward.csv >/dev/null && $NTM --db t.db --criteria crit --as-of 2026 eval homes --unit 05590 --year 2023
? 1
2> ntm: eval: Điềm Mặc (05590) did not exist in 2026 (until 2025, merged into Phường Mới (05593)), and what its units became is no commune; set homes judges communes
# two units of one name merged into one (a commune and a township): the note
# tells them apart by code
$ printf 'code,name,level,parent,region,valid_from,valid_to,merged_into,split_from\n05700,Quân Chu,commune,167,,,2024,05569,\n05701,Quân Chu,township,167,,,2024,05569,\n' > twins.csv && printf 'unit,period,variable,value,source\n05700,2023,households_total,10,t\n05701,2023,households_total,20,t\n' > twins-obs.csv && $NTM --db t.db import twins.csv twins-obs.csv >/dev/null && $NTM --db t.db --criteria crit --as-of 2026 eval homes --unit 05569 --year 2023 --no-store 2>/dev/null | grep 'figures of'
>   Định Hóa (05569), 2023: the figures of Bảo Cường (merged in 2025), Phúc Chu (merged in 2026), Quân Chu (05700, merged in 2025), Chợ Chu (merged in 2026), Quân Chu (05701, merged in 2025)
# ntm project says what it combined as eval does, in the language chosen
$ NTM_LANG=vi $NTM --db t.db --criteria crit --as-of 2026 project homes --unit 05569 | grep 'địa giới'
> đơn vị theo địa giới năm 2026; số liệu gộp qua các lần sáp nhập:
