# A code given to a new unit: 05569 is thị trấn Chợ Chu until 2025 and xã Định
# Hóa from 2026 (the 2025 reorganisation). Units are identified by code and
# period: rows name their unit by code and year, merges may point at a unit
# given later in the file, names resolve to the unit of the years asked.
$ cp -r $T/reuse/* . && $NTM --db t.db import $ROOT/data/variables.csv units.csv observations.csv | tail -1
~ imported
$ $NTM --db t.db units --year 2023 | grep -c .
> 7
$ $NTM --db t.db units --year 2026
> 19                     Thái Nguyên  (province, tdmnpb; from 2026; took in Thái Nguyên (2026))
> 05569                    Định Hóa  (commune, tdmnpb; from 2026; took in Phúc Chu (2026), Chợ Chu (2026))
> 05551                    Kim Phượng  (commune, tdmnpb; from 2026; took in Kim Phượng (2026), Quy Kỳ (2026))

# the code alone is the latest unit given it; CODE@YEAR and --year say which
$ $NTM --db t.db units 05569
> 05569                  Định Hóa  (commune, tdmnpb; from 2026; took in Phúc Chu (2026), Chợ Chu (2026))
$ $NTM --db t.db units 05569 --year 2023
> 05569                  Chợ Chu  (township, tdmnpb; until 2025, merged into Định Hóa (05569); took in Bảo Cường (2025))
$ $NTM --db t.db units 05569@2019
> 05569                  Chợ Chu  (township, tdmnpb; until 2025, merged into Định Hóa (05569); took in Bảo Cường (2025))
$ $NTM --db t.db units 05569@2027
> 05569                  Định Hóa  (commune, tdmnpb; from 2026; took in Phúc Chu (2026), Chợ Chu (2026))

# a name: the district before the commune of the same name; a level word or
# the unit it is in narrows it ("xã Định Hóa", "Thái Nguyên/Kim Phượng")
$ $NTM --db t.db units "xã Định Hóa"
> 05569                  Định Hóa  (commune, tdmnpb; from 2026; took in Phúc Chu (2026), Chợ Chu (2026))
$ $NTM --db t.db units "Định Hóa/Kim Phượng"
> 05551                  Kim Phượng  (commune, tdmnpb; until 2025, merged into Kim Phượng (05551))
$ $NTM --db t.db units "Định Hóa/Nowhere"
? 1
2~ no unit 'Nowhere' in Định Hóa (167)

# a unit gone by the year asked: the units its own became, each with what it took in
$ $NTM --db t.db units "Định Hóa" --year 2026
> 05569                  Định Hóa  (commune, tdmnpb; from 2026; took in Phúc Chu (2026), Chợ Chu (2026))
> 05551                  Kim Phượng  (commune, tdmnpb; from 2026; took in Kim Phượng (2026), Quy Kỳ (2026))
2> ntm: Định Hóa (167) did not exist in 2026 (until 2025); the 2 units of 2026 its units became, each with the units it took in:

# figures by code and year: 05569's 2023 figures are Chợ Chu's, its 2026 ones
# Định Hóa's; --as-of 2026 judges 2023 on today's communes, Bảo Cường (into Chợ
# Chu, 2024) and Chợ Chu (into Định Hóa, 2025) combined
$ $NTM --db t.db --criteria crit --as-of 2026 eval homes --year 2023 --unit "Định Hóa" --format csv --no-store 2>/dev/null | cut -d, -f1-8
> unit_code,unit_name,year,set,criterion,indicator,status,value
> 05569,Định Hóa,2023,homes,1,1.1,met,2600
> 05551,Kim Phượng,2023,homes,1,1.1,met,1500
$ $NTM --db t.db --criteria crit eval homes --year 2026 --unit 05569 --format csv --no-store 2>/dev/null | cut -d, -f1-8
> unit_code,unit_name,year,set,criterion,indicator,status,value
> 05569,Định Hóa,2026,homes,1,1.1,met,2700

# rows outside a unit's years are refused with where they belong
$ printf 'unit,period,variable,value,source\n05572,2026,households_total,1,t\n' > late.csv && $NTM --db t.db import late.csv
? 1
2~ late.csv:2: field 'period': 2026: unit '05572' existed until 2025; a row for 2026 is refused (it was merged into '05569', Định Hóa)

# a units row must say which of a code's units it is
$ printf 'code,name,level,parent,region,valid_from,valid_to,merged_into,split_from\n05569,Chợ Chu,township,167,,2024,2026,,\n' > over.csv && $NTM --db t.db import over.csv
? 1
2~ over.csv:2: field 'code': '05569' names 2 units (from 2026, until 2025), and this row's years overlap more than one of them
$ printf 'code,name,level,parent,region\n05569,X,commune,19,\n' > noper.csv && $NTM --db t.db import noper.csv
? 1
2~ noper.csv:2: field 'code': '05569' names 2 units (from 2026, until 2025); give valid_from and valid_to so the row says which

# a merge into a unit never given is still refused, naming its line
$ printf 'code,name,level,parent,region,valid_from,valid_to,merged_into,split_from\n05999,Mới,commune,167,,,2025,05998,\n' > dangling.csv && $NTM --db t.db import dangling.csv
? 1
2~ dangling.csv:2: field 'merged_into': unknown unit '05998'

# the same unit restated by a later file of one import (the seeds restate the
# register's rows) replaces it; twice in one file is a slip
$ $NTM --db t2.db import $ROOT/data/variables.csv units.csv units.csv >/dev/null && $NTM --db t2.db units --year 2026 | grep -c .
> 3
$ (cat units.csv; tail -1 units.csv) > twice.csv && $NTM --db t3.db import twice.csv
? 1
2~ twice.csv:12: the unit code is given twice in this import (see an earlier line)
