# Units over time: periods and merge/split links in units.csv, figures
# outside a unit's period refused, the hierarchy as it stood in a year, and
# --as-of following a unit's predecessors across a merge.
$ cp -r $T/merge/* . && $NTM --db t.db import $ROOT/data/variables.csv units.csv observations.csv
~ units              6 rows       6 new       0 replaced  units.csv

# a figure for a unit after it was merged is refused, with where it belongs
$ $NTM --db t.db import late.csv
? 1
2~ late.csv:3: field 'period': 2021: unit 'TN-DH-KIMSON' existed 2005-2019; a row for 2021 is refused (it was merged into 'TN-DH-KIMPHUONG', Kim Phượng)
2~ nothing was imported
$ $NTM --db t.db --criteria crit eval homes --year 2022 --unit "kim phuong" --explain
~            missing: households_total
$ printf 'unit,year,fund,kind,allocated,disbursed,measure,source\nTN-DH-BAOCUONG-A,2020,central,investment,100,,,test\n' > f.csv && $NTM --db t.db import f.csv
? 1
2~ f.csv:2: field 'year': 2020: unit 'TN-DH-BAOCUONG-A' existed from 2021; a row for 2020 is refused (it was split from 'TN-DH-BAOCUONG', Bảo Cường)

# the units list says each unit's period and links; --year shows the tree of that year
$ $NTM --db t.db units
~ TN-DH-KIMSON               Kim Sơn  (commune, tdmnpb; 2005-2019, merged into Kim Phượng (TN-DH-KIMPHUONG))
~ TN-DH-KIMPHUONG            Kim Phượng  (commune, tdmnpb; took in Kim Sơn (2020))
~ TN-DH-BAOCUONG-A           Bảo Cường A  (commune, tdmnpb; from 2021, split from Bảo Cường (TN-DH-BAOCUONG))
$ $NTM --db t.db units --year 2019
~ Kim Sơn
~ Bảo Cường  (commune, tdmnpb; until 2020)
!~ Bảo Cường A
$ $NTM --db t.db units --year 2021
~ Bảo Cường A
!~ TN-DH-KIMSON
# a unit gone by the year asked: what it became that year, with what each took in
$ $NTM --db t.db units "kim son" --year 2021
> TN-DH-KIMPHUONG        Kim Phượng  (commune, tdmnpb; took in Kim Sơn (2020))
2> ntm: Kim Sơn (TN-DH-KIMSON) did not exist in 2021 (2005-2019, merged into Kim Phượng (TN-DH-KIMPHUONG)); the 1 unit of 2021 its units became, each with the units it took in:
# one with no successor on record: an error, as before
$ $NTM --db t.db units "bao cuong" --year 2021
? 1
2~ Bảo Cường (TN-DH-BAOCUONG) did not exist in 2021 (until 2020)

# by default each year is judged on the units of that year
$ $NTM --db t.db --criteria crit eval homes --years 2019-2021
~ Kim Sơn      2019   ✗   0/1   unmet
~ 2019: 0 of 3 units meet homes for certain
~ 2021: 1 of 2 units meets homes for certain
!~ Kim Sơn      2020
$ $NTM --db t.db --criteria crit eval district-homes --year 2019 --explain
~     1.1    met      3 xã
~     1.2    met      1800 hộ

# as of 2021: Kim Phượng's 2019 combines Kim Sơn's figures (summed, income
# weighted by population, a yes/no held by both), and says so
$ $NTM --db t.db --criteria crit --as-of 2021 eval homes --year 2019 --unit "kim phuong" --explain
~     1.1    met      1100 hộ
~     1.2    met      37 mVND
~     1.3    unmet    no
~   figures on record for Kim Sơn, 2019, merged into Kim Phượng in 2020, combined (* read by the set):
~ units as they stood in 2021; figures across merges:
~   Kim Phượng (TN-DH-KIMPHUONG), 2019: its figures plus those of Kim Sơn (merged in 2020)
# no commune is counted twice above it: two communes in 2021's tree, the split one unknown before
$ $NTM --db t.db --criteria crit --as-of 2021 eval district-homes --year 2019 --explain
~     1.1    met      2 xã
~     1.2    unknown
~   Bảo Cường A (TN-DH-BAOCUONG-A), before 2021: split from Bảo Cường (TN-DH-BAOCUONG) in 2021; its figures before are unknown (those of Bảo Cường are not divided)
$ $NTM --db t.db runs
~ as of 2021
$ $NTM --db t.db --as-of 20x1 units
? 2
2~ --as-of '20x1' is not a year

# a units file without the period columns keeps the periods on record
$ printf 'code,name,level,parent,region\nTN-DH-KIMSON,Kim Sơn,commune,TN-DH,\n' > plain.csv && $NTM --db t.db import plain.csv && $NTM --db t.db units "kim son"
~ 2005-2019, merged into Kim Phượng

# a period given later that would leave figures outside it is refused whole
$ printf 'code,name,level,parent,region,valid_to\nTN-DH-BAOCUONG-B,Bảo Cường B,commune,TN-DH,,\nTN-DH-KIMPHUONG,Kim Phượng,commune,TN-DH,,2020\n' > narrow.csv && $NTM --db t.db import narrow.csv
? 1
2~ unit 'TN-DH-KIMPHUONG' is given the period until 2020, but the database holds a figure for it in 2021
$ $NTM --db t.db units
!~ Bảo Cường B

# links are checked: the unit merged into must exist the year after
$ printf 'code,name,level,parent,region,valid_from,valid_to,merged_into\nTN-DH-X,X,commune,TN-DH,,,2018,TN-DH-BAOCUONG-A\n' > bad1.csv && $NTM --db t.db import bad1.csv
? 1
2~ bad1.csv:2: field 'merged_into': 'TN-DH-BAOCUONG-A' existed from 2021, not in 2019, the year after valid_to
$ printf 'code,name,level,parent,region,valid_from,valid_to,merged_into\nTN-DH-X,X,commune,TN-DH,,,,TN-DH-KIMPHUONG\n' > bad2.csv && $NTM --db t.db import bad2.csv
? 1
2~ bad2.csv:2: field 'merged_into': 'TN-DH-KIMPHUONG': a unit merged into another needs valid_to
$ printf 'code,name,level,parent,region,valid_from,valid_to,merged_into\nTN-DH-X,X,commune,TN-DH,,2021,2019,\n' > bad3.csv && $NTM --db t.db import bad3.csv
? 1
2~ bad3.csv:2: field 'valid_to': '2019' is before valid_from
$ printf 'code,name,level,parent,region,valid_form\nTN-DH-X,X,commune,TN-DH,,2021\n' > bad4.csv && $NTM --db t.db import bad4.csv
? 1
2~ bad4.csv:1: unexpected column(s) for a units file: 'valid_form' (expected: code,name,level,parent,region; optional: valid_from,valid_to,merged_into,split_from)
