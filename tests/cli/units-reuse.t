# A code given to a new unit, as the 2025 reorganisation did (the fixture
# simplifies the register, where 05569 is xã Bảo Cường until 2024, thị trấn Chợ
# Chu in 2025 and xã Định Hóa from 2026: here Chợ Chu holds it until 2025). Units are identified by code and
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

# review: an ambiguous name lists what to type for each unit: the code alone
# names the latest unit given it, so a unit whose code went on to another is
# listed as CODE@YEAR (05569 alone is Định Hóa)
$ cp t.db amb.db && printf 'code,name,level,parent,region,valid_from,valid_to,merged_into,split_from\n168,Phú Lương,district,19,,,2025,,\n05600,Chợ Chu,township,168,,,2025,,\n05700,Phú Lượng,commune,168,,,2025,,\n05703,Phú Lương,commune,168,,,2025,,\n' > more.csv && $NTM --db amb.db import more.csv >/dev/null && $NTM --db amb.db units "Chợ Chu"
? 1
2> ntm: unit 'Chợ Chu' is ambiguous; give its code, or the unit it is in ("PLACE/Chợ Chu"):
2>   05569@2025           Chợ Chu (township in Định Hóa)
2>   05600                Chợ Chu (township in Phú Lương)
$ $NTM --db amb.db units 05569@2025 | sed 's/  (.*//'
> 05569                  Chợ Chu

# a name as written (letters and tones, any case, the tone mark anywhere)
# goes before a larger unit that only its letters without marks match: "Phú
# Lượng" is the commune, not the district Phú Lương; after a level word, the
# name as written is the rest ("xã Phú Lương" is the commune Phú Lương)
$ $NTM --db amb.db units "Phú Lượng" | sed 's/  (.*//'
> 05700                  Phú Lượng
$ $NTM --db amb.db units "phú lượng" | sed 's/  (.*//'
> 05700                  Phú Lượng
$ $NTM --db amb.db units "xã Phú Lương" | sed 's/  (.*//'
> 05703                  Phú Lương
$ $NTM --db amb.db units "Phu Luong" | head -1 | sed 's/  (.*//'
> 168                    Phú Lương

# a parent is the unit of its code in the unit's own years: one that did not
# exist in any of them is refused, not hung under a district gone by then
$ printf 'code,name,level,parent,region,valid_from,valid_to,merged_into,split_from\n05999,Mới,commune,167,,2026,,,\n' > late-parent.csv && $NTM --db t.db import late-parent.csv
? 1
2~ late-parent.csv:2: field 'parent': '167' existed until 2025; a unit that existed from 2026 cannot sit under it (give the parent of the unit's own years)

# a merge into a unit given by a later units file of the same import is
# linked; a later file that restates the unit with its periods says anew
# what became of it
$ printf 'code,name,level,parent,region,valid_from,valid_to,merged_into,split_from\nP,Tỉnh,province,,tdmnpb,,,,\nD,Huyện,district,P,,,,,\nA,Xã A,commune,D,,,2025,B,\n' > fa.csv && printf 'code,name,level,parent,region,valid_from,valid_to,merged_into,split_from\nB,Xã B,commune,P,,2026,,,\n' > fb.csv && $NTM --db x.db import fa.csv fb.csv >/dev/null && $NTM --db x.db units A
> A                      Xã A  (commune, tdmnpb; until 2025, merged into Xã B (B))
$ printf 'code,name,level,parent,region,valid_from,valid_to,merged_into,split_from\nA,Xã A,commune,D,,,2025,,\n' > fa2.csv && $NTM --db x2.db import fa.csv fa2.csv fb.csv >/dev/null && $NTM --db x2.db units A
> A                      Xã A  (commune, tdmnpb; until 2025)
$ printf 'code,name,level,parent,region\nA,Xã A mới,commune,D,\n' > fa3.csv && $NTM --db x3.db import fa.csv fa3.csv fb.csv >/dev/null && $NTM --db x3.db units A
> A                      Xã A mới  (commune, tdmnpb; until 2025, merged into Xã B (B))
$ $NTM --db x4.db import fa.csv
? 1
2~ fa.csv:4: field 'merged_into': unknown unit 'B'

# the unit a unit was split from may come later in the file too, and must
# still exist the year before
$ printf 'code,name,level,parent,region,valid_from,valid_to,merged_into,split_from\nP,Tỉnh,province,,tdmnpb,,,,\nD,Huyện,district,P,,,,,\nN,Xã N,commune,D,,2026,,,A\nA,Xã A,commune,D,,,,,\n' > split.csv && $NTM --db sp.db import split.csv >/dev/null && $NTM --db sp.db units N
> N                      Xã N  (commune, tdmnpb; from 2026, split from Xã A (A))
$ sed 's/^A,Xã A,commune,D,,,/A,Xã A,commune,D,,2027,/' split.csv > split2.csv && $NTM --db sp2.db import split2.csv
? 1
2~ split2.csv:4: field 'split_from': 'A' existed from 2027, not in 2025, the year before valid_from

# the same holds for a row without the period columns (the unit keeps its
# years on record) and for a parent given other years by a later file
$ printf 'code,name,level,parent,region,valid_from,valid_to,merged_into,split_from\nP,Tỉnh,province,,tdmnpb,,,,\nD,Huyện,district,P,,,2025,,\nD2,Huyện 2,district,P,,,,,\nC,Xã C,commune,D2,,2026,,,\n' > pd.csv && printf 'code,name,level,parent,region\nC,Xã C,commune,D,\n' > pc.csv && $NTM --db pp.db import pd.csv >/dev/null && $NTM --db pp.db import pc.csv
? 1
2~ pc.csv:2: field 'parent': 'D' existed until 2025; a unit that existed from 2026 cannot sit under it (give the parent of the unit's own years)
$ printf 'code,name,level,parent,region,valid_from,valid_to,merged_into,split_from\nP,Tỉnh,province,,tdmnpb,,,,\nD,Huyện,district,P,,,,,\nC,Xã C,commune,D,,2026,,,\n' > pa.csv && printf 'code,name,level,parent,region,valid_from,valid_to,merged_into,split_from\nD,Huyện,district,P,,,2025,,\n' > pb.csv && $NTM --db pq.db import pa.csv pb.csv
? 1
2~ unit 'C' (from 2026) sits under 'D', which existed until 2025: none of the same years (check both units' valid_from and valid_to; nothing was imported)

# a PLACE/NAME of very many parts (from a script) is refused, not followed
# part by part until the stack runs out (it crashed the host)
$ printf 'ntm.unit(string.rep("a/", 300000) .. "a")\n' > deep.lua && $NTM --db t.db run deep.lua --out o
? 1
2~ parts separated by '/', more than the 8 a place can have
$ $NTM --db t.db units 05569@99999999999999999999
? 1
2~ no unit '05569@99999999999999999999'
