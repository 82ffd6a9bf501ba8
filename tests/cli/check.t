# ntm check: the consistency audit (rules in scripts/checks, run sandboxed).
# Each rule at and past its bound on small fixtures (fixtures/check), then
# the bundled data: findings X1, X2, X5 and X8 of criteria-reference §8.3.

# ---- the bundled data, with the default rules folder (scripts/checks) ----
$ $NTM --db d.db import $ROOT/data/variables.csv $ROOT/data/seeds/*.csv >/dev/null
$ cd $ROOT && $NTM --db $W/d.db check --format csv | cut -d, -f1,2,3,5,7 | uniq
> finding,severity,rule,unit_code,year
> 1,error,X1,16519,2023
> 2,warning,X5,167,2023
> 3,warning,jump,167,2023
> 4,warning,jump,167,2024
> 5,warning,X2,16519,2024
> 6,warning,X2,16519,2024
> 7,warning,X2,TH-QX-QUANGGIAO-T4,2024
> 8,warning,X2,TH-QX-QUANGGIAO-VIETTRUNG,2024
> 9,info,X8,167,2022
> 10,info,X8,167,2022
> 11,info,X8,167,2022
> 12,info,X8,167,2023
> 13,info,X8,167,2023
> 14,info,X8,167,2023
> 15,info,X8,167,2023
> 16,info,X8,167,2023
> 17,info,X8,16519,2023
> 18,info,X8,16519,2023
> 19,info,X8,16519,2024
# an error finding: exit status 1; every finding names its figures and their sources
$ cd $ROOT && $NTM --db $W/d.db check
? 1
~ error   X1  Quảng Giao (16519), 2023: Reported totals against the sum of their parts
~         public investment 2023: the 9 works add up to 20,102 million VND, the stated total is 19,700 (402 more, +2.04 %)
~           19700  public_investment_total_mvnd  [1]
~            2400  Đường thôn 9 (Thôn 9)  [2]
~           20102  sum of the parts
~         [1] seed B (Quảng Giao plan 09/04/2024) §I.6: stated total of 2023 public investment (the items add up to 20,102; see README)
~         [2] seed B (Quảng Giao plan 09/04/2024) §I.6
~         'Sửa chữa trường Mầm non': 1,700 million VND in 2023 (done), 1,778.326 in 2024 Q4 (planned), 4.4 % apart: the same work counted in two years?
~         'Biển chỉ dẫn, gờ giảm tốc': 624 million VND in 2023 (done), 624.926 in 2024 Q3 (planned), 0.1 % apart: the same work counted in two years?
~         'Khuôn viên, khu vui chơi thôn 4': 228 million VND in 2023 (done), 228.634 in 2024 Q3 (planned), 0.3 % apart: the same work counted in two years?
~         'Nhà văn hóa thôn Việt Trung': 2,980 million VND in 2023 (done), 2,981.839 in 2024 Q1 (underway), 0.1 % apart: the same work counted in two years?
~         19 communes recognised NTM (5 ntm 2022 + 6 ntm 2023 + 8 ntm-reconfirmed 2023) + 3 recognised only above it with no NTM recognition on record (Kim Phượng, Sơn Phú, Trung Hội) = 22 of the 22 communes, only if these 3 are not among the 19
~            3  ntm-advanced 2023: Kim Phượng, Sơn Phú, Trung Hội  [4]
~         stated 93 % for central investment 2022 disbursed: 32,579 of 35,100 is 92.82 %: consistent (rounded)
~         stated 99 % for province investment 2022 disbursed: 16,871 of 17,000 is 99.24 %: consistent (rounded)
~         stated 87 % for central investment 2023 disbursed: 64,651 of 74,324 is 86.99 %: consistent (rounded)
~         stated 94 % for province investment 2023 disbursed: 116,575 of 124,000 is 94.01 %: consistent (rounded)
~         stated 89.1 % for road_all_hardened_km 2023: 813 of 912 is 89.14 %: consistent (rounded)
~         stated 62.3 % for canal_solid_km 2023: 329 of 528 is 62.31 %: consistent (rounded)
~         stated 88.3 % for commune investment 2023 in the year's funding: 19,700 of 22,300 is 88.34 %: consistent (rounded)
~         province funding (mVND): 17,000 in 2022, 124,000 in 2023: 7.29 times more
~ 1 error, 7 warnings, 11 info from 8 rules over 81 units
# money and tonnes are kept apart in the bundled data: X10 finds nothing
!~ X10
# --unit and --years narrow what is reported; a unit is named as anywhere else
$ cd $ROOT && $NTM --db $W/d.db check --unit "quang giao" --years 2024
> warning X2  Quảng Giao (16519), 2024: The same work counted in two years
>         'Sửa chữa trường Mầm non': 1,700 million VND in 2023 (done), 1,778.326 in 2024 Q4 (planned), 4.4 % apart: the same work counted in two years?
>               1700  Sửa chữa trường Mầm non (2023, done)  [1]
>           1778.326  Sửa chữa trường Mầm non (2024 Q4, planned)  [2]
>         [1] seed B (Quảng Giao plan 09/04/2024) §I.6
>         [2] seed B (Quảng Giao plan 09/04/2024) §II.3.1 Q4
>
> warning X2  Quảng Giao (16519), 2024: The same work counted in two years
>         'Biển chỉ dẫn, gờ giảm tốc': 624 million VND in 2023 (done), 624.926 in 2024 Q3 (planned), 0.1 % apart: the same work counted in two years?
>               624  Lắp biển chỉ dẫn ngõ, đường, gờ giảm tốc (2023, done)  [1]
>           624.926  Biển chỉ dẫn, gờ giảm tốc (2024 Q3, planned)  [2]
>         [1] seed B (Quảng Giao plan 09/04/2024) §I.6
>         [2] seed B (Quảng Giao plan 09/04/2024) §II.3.1 Q3
>
> warning X2  Thôn 4 (TH-QX-QUANGGIAO-T4), 2024: The same work counted in two years
>         'Khuôn viên, khu vui chơi thôn 4': 228 million VND in 2023 (done), 228.634 in 2024 Q3 (planned), 0.3 % apart: the same work counted in two years?
>               228  Cải tạo khuôn viên và lắp đặt khu vui chơi thôn 4 (2023, done)  [1]
>           228.634  Khuôn viên, khu vui chơi thôn 4 (2024 Q3, planned)  [2]
>         [1] seed B (Quảng Giao plan 09/04/2024) §I.6
>         [2] seed B (Quảng Giao plan 09/04/2024) §II.3.1 Q3
>
> warning X2  Thôn Việt Trung (TH-QX-QUANGGIAO-VIETTRUNG), 2024: The same work counted in two years
>         'Nhà văn hóa thôn Việt Trung': 2,980 million VND in 2023 (done), 2,981.839 in 2024 Q1 (underway), 0.1 % apart: the same work counted in two years?
>               2980  Mở rộng khuôn viên, xây dựng mới nhà văn hóa thôn Việt Trung (2023, done)  [1]
>           2981.839  Nhà văn hóa thôn Việt Trung (2024 Q1, underway)  [2]
>         [1] seed B (Quảng Giao plan 09/04/2024) §I.6
>         [2] seed B (Quảng Giao plan 09/04/2024) §II.3.1 Q1
>
> info    X8  Quảng Giao (16519), 2024: Shares stated against the amounts they come from
>         stated 60.16 % for households_clean_water_centralised 2024 Q1: 752 of 1,250 is 60.16 %: consistent
>            752  households_clean_water_centralised 2024 Q1  [1]
>           1250  households_total 2024 Q1  [2]
>         [1] seed B (Quảng Giao plan 09/04/2024) §II.3.1 Q1: 752 of 1,250 households (60.16 %)
>         [2] seed B (Quảng Giao plan 09/04/2024) §II.3.1 Q1: denominator of 752/1,250
>
> 4 warnings, 1 info from 8 rules over 5 units, 2024
# csv: stable English columns, one row per figure of a finding
$ cd $ROOT && $NTM --db $W/d.db check --unit TH-QX-QUANGGIAO-T4 --format csv
> finding,severity,rule,title,unit_code,unit_name,year,message,figure,value,source
> 1,warning,X2,The same work counted in two years,TH-QX-QUANGGIAO-T4,Thôn 4,2024,"'Khuôn viên, khu vui chơi thôn 4': 228 million VND in 2023 (done), 228.634 in 2024 Q3 (planned), 0.3 % apart: the same work counted in two years?","Cải tạo khuôn viên và lắp đặt khu vui chơi thôn 4 (2023, done)",228,seed B (Quảng Giao plan 09/04/2024) §I.6
> 1,warning,X2,The same work counted in two years,TH-QX-QUANGGIAO-T4,Thôn 4,2024,"'Khuôn viên, khu vui chơi thôn 4': 228 million VND in 2023 (done), 228.634 in 2024 Q3 (planned), 0.3 % apart: the same work counted in two years?","Khuôn viên, khu vui chơi thôn 4 (2024 Q3, planned)",228.634,seed B (Quảng Giao plan 09/04/2024) §II.3.1 Q3
$ cd $ROOT && $NTM --db $W/d.db check --unit "định hóa" --years 2021
> no findings from 8 rules over 26 units, 2021

# ---- X1: totals against the sum of their parts (1 % at most) ----
# Xã An: 1,010 for 1,000 (+1 %, at the bound); Xã Bình 1,010.5; Xã Châu 989.9;
# Thị trấn Một: funding 300 + 206 for 500 (its 50 tonnes of cement not summed)
$ $NTM --db x1.db import $ROOT/data/variables.csv $T/check/units.csv $T/check/sum-of-parts.csv $T/check/sum-of-parts-projects.csv $T/check/sum-of-parts-funding.csv >/dev/null
$ mkdir x1 && cp $ROOT/scripts/checks/sum-of-parts.lua x1/ && $NTM --db x1.db check --rules x1
? 1
> error   X1  Xã Bình (P-D-B), 2023: Reported totals against the sum of their parts
>         public investment 2023: the 2 works add up to 1,010.5 million VND, the stated total is 1,000 (10.5 more, +1.05 %)
>             1000  public_investment_total_mvnd  [1]
>              600  Đường trục xã Bình (Xã Bình)  [2]
>            410.5  Trường học xã Bình (Xã Bình)  [3]
>           1010.5  sum of the parts
>         [1] test: parts 1010.5 (past the bound)
>         [2] test §1
>         [3] test §2
>
> error   X1  Xã Châu (P-D-C), 2023: Reported totals against the sum of their parts
>         public investment 2023: the 1 work adds up to 989.9 million VND, the stated total is 1,000 (10.1 less, -1.01 %)
>            1000  public_investment_total_mvnd  [1]
>           989.9  Đường trục xã Châu (Xã Châu)  [2]
>           989.9  sum of the parts
>         [1] test: parts 989.9 (past the bound below)
>         [2] test §1
>
> error   X1  Thị trấn Một (P-D-T), 2023: Reported totals against the sum of their parts
>         NTM resources 2023: the 2 funding rows add up to 506 million VND, the stated total is 500 (6 more, +1.2 %)
>           500  ntm_resources_total_mvnd  [1]
>           300  commune investment (Thị trấn Một)  [2]
>           206  people in_kind (Thị trấn Một)  [3]
>           506  sum of the parts
>         [1] test: funding 506 (past the bound)
>         [2] test: commune budget
>         [3] test: residents
>
> 3 errors from 1 rule over 12 units
# at the bound: no finding, exit 0
$ $NTM --db x1.db check --rules x1 --unit P-D-A
> no findings from 1 rule over 2 units

# ---- X2: the same work in two years (names 80 % alike, costs 10 % apart) ----
# Xã An: costs 900 and 1,000 (10 %, at the bound); Xã Bình: 899.9 (past);
# Xã Châu: 4 of the shorter name's 5 words (at the bound); Thị trấn: 4 of 6
# (past), and the same name twice in one year (no repeat)
$ $NTM --db x2.db import $ROOT/data/variables.csv $T/check/units.csv $T/check/repeated-works.csv >/dev/null
$ mkdir x2 && cp $ROOT/scripts/checks/repeated-works.lua x2/ && $NTM --db x2.db check --rules x2 --format csv | cut -d, -f1-3,5,7
> finding,severity,rule,unit_code,year
> 1,warning,X2,P-D-A,2024
> 1,warning,X2,P-D-A,2024
> 2,warning,X2,P-D-C,2024
> 2,warning,X2,P-D-C,2024
# warnings only: exit 0
$ $NTM --db x2.db check --rules x2 --unit P-D-A
~ 'Trường Mầm non xã An, sửa chữa': 900 million VND in 2023 (done), 1,000 in 2024 Q2 (planned), 10 % apart: the same work counted in two years?
~ 1 warning from 1 rule over 2 units

# ---- disbursed above allocated: a warning, at import and in ntm check ----
$ cd $T/check && $NTM --db $W/dis.db import $ROOT/data/variables.csv units.csv disbursed.csv
2> ntm: warning: disbursed.csv:3: field 'disbursed': 100.01 is above the 100 allocated; the row is imported (ntm check lists it)
~ imported 208 rows from 3 files into
$ mkdir dis && cp $ROOT/scripts/checks/disbursed.lua dis/ && $NTM --db dis.db check --rules dis
> warning disbursed  Xã Bình (P-D-B), 2023: Disbursed above allocated
>         central investment 2023 (mVND): disbursed 100.01, above the 100 allocated (100.01 %)
>              100  central investment 2023 (mVND) allocated  [1]
>           100.01  central investment 2023 (mVND) disbursed
>         [1] test: disbursed above allocated
>
> 1 warning from 1 rule over 12 units

# ---- X8: shares stated in sources (within the rounding of the stated number) ----
# Xã An: "93 %" for 925 of 1,000 (92.5, at the bound) and 60 % of households
# against the year's total; Xã Bình: "93 %" for 924.9 (92.49) and 89.2 % for
# 813 of 912 (89.14); Xã Châu: "75,0 %" (a decimal comma) and 25.1 % for 25 %
$ $NTM --db x8.db import $ROOT/data/variables.csv $T/check/units.csv $T/check/shares.csv $T/check/shares-figures.csv >/dev/null
$ mkdir x8 && cp $ROOT/scripts/checks/shares-and-parts.lua x8/ && $NTM --db x8.db check --rules x8 --format csv | cut -d, -f1-3,5,7 | uniq
> finding,severity,rule,unit_code,year
> 1,error,X8,P-D-B,2023
> 2,error,X8,P-D-B,2023
> 3,error,X8,P-D-C,2023
> 4,info,X8,P-D-A,2023
> 5,info,X8,P-D-A,2023
> 6,info,X8,P-D-C,2023
$ $NTM --db x8.db check --rules x8
? 1
~         stated 93 % for central investment 2023 disbursed: 924.9 of 1,000 is 92.49 %, not 93 %
~         stated 89.2 % for road_all_hardened_km 2023: 813 of 912 is 89.14 %, not 89.2 %
~         stated 25.1 % for people in_kind 2023 in the year's funding: 250 of 1,000 is 25 %, not 25.1 %
~         stated 93 % for central investment 2023 disbursed: 925 of 1,000 is 92.5 %: consistent (rounded)
~         stated 60 % for households_clean_water_centralised 2023 Q1: 600 of 1,000 is 60 %: consistent
~         stated 75,0 % for commune investment 2023 in the year's funding: 750 of 1,000 is 75 %: consistent
~ 3 errors, 3 info from 2 rules over 12 units

# ---- parts above totals; a share above 100 % ----
# Xã An: 10 of 10 km and a share of 100 (at the bounds); Xã Bình: 10.001 of 10
# km, and 100.5 % written past the importer; Xã Châu: a quarter's households on
# clean water above the year's households
$ $NTM --db pt.db import $ROOT/data/variables.csv $T/check/units.csv $T/check/parts.csv >/dev/null && sqlite3 pt.db "UPDATE observation SET value = 100.5 WHERE value = 99"
$ $NTM --db pt.db check --rules x8
? 1
> error   part-total  Xã Bình (P-D-B), 2023: Parts above their totals
>         road_all_hardened_km 10.001 is above road_all_total_km 10 (2023)
>           10.001  road_all_hardened_km 2023  [1]
>               10  road_all_total_km 2023  [2]
>         [1] test: above the total
>         [2] test: total
>
> error   part-total  Xã Bình (P-D-B), 2023: Parts above their totals
>         schools_solid_pct is 100.5 %, above 100 % (2023)
>           100.5  schools_solid_pct 2023  [1]
>         [1] test: made 100.5 % below (the importer refuses it)
>
> error   part-total  Xã Châu (P-D-C), 2024: Parts above their totals
>         households_clean_water_centralised 1,251 is above households_total 1,250 (2024 Q1)
>           1251  households_clean_water_centralised 2024 Q1  [1]
>           1250  households_total 2024  [2]
>         [1] test: a quarter's figure against the year's total
>         [2] test: the year's total
>
> 3 errors from 2 rules over 12 units

# ---- X10: money and tonnes never summed ----
# Xã An: cement in tonnes, a money total of money only (right); Xã Bình: "500
# tấn" recorded as money; Xã Châu: a total of 700 money + 300 tonnes; Thị trấn:
# tonnes that are not in kind (written past the importer, which refuses it)
$ $NTM --db x10.db import $ROOT/data/variables.csv $T/check/units.csv $T/check/tonnes.csv $T/check/tonnes-totals.csv >/dev/null && sqlite3 x10.db "UPDATE funding SET kind = 'investment' WHERE allocated = 40"
$ mkdir x10 && cp $ROOT/scripts/checks/money-and-tonnes.lua x10/ && $NTM --db x10.db check --rules x10
? 1
> error   X10  Xã Châu (P-D-C), 2023: Money and tonnes never summed
>         ntm_resources_total_mvnd 1,000 matches 700 million VND plus 300 tonnes: the total counts tonnes as money
>           1000  ntm_resources_total_mvnd  [1]
>            300  province in_kind (tonnes)  [2]
>            700  central investment (mVND)  [3]
>         [1] test: the total stated
>         [2] test: cement 300 t
>         [3] test: money
>
> error   X10  Thị trấn Một (P-D-T), 2023: Money and tonnes never summed
>         province investment 2023: an amount in tonnes that is not in-kind support (kind investment)
>           40  province investment 2023 (tonnes)  [1]
>         [1] test: made kind investment below
>
> warning X10  Xã Bình (P-D-B), 2023: Money and tonnes never summed
>         province in_kind 2023: recorded in million VND, but its source gives tonnes; tonnes are recorded with measure = tonnes and kind = in_kind
>           500  province in_kind 2023 (mVND)  [1]
>         [1] test: xi măng 500 tấn
>
> 2 errors, 1 warning from 1 rule over 12 units

# ---- X5: recognitions against the units they count ----
# Huyện Một, NTM 2023: Xã Châu counts only as advanced (a warning); Huyện Hai,
# NTM 2023: Xã Tây recognised only in 2024 (an error); Huyện Ba: all recognised
$ $NTM --db x5.db import $ROOT/data/variables.csv $T/check/units.csv $T/check/recognitions.csv >/dev/null
$ mkdir x5 && cp $ROOT/scripts/checks/recognitions.lua x5/ && $NTM --db x5.db check --rules x5
? 1
> error   X5  Huyện Hai (P-E), 2023: Recognitions against the units they count
>         recognised ntm for 2023, but 1 of the units below holds no recognition that counts by then: Xã Tây
>              Huyện Hai recognised ntm for 2023 (2/QĐ-TTg)  [1]
>           2  communes of Huyện Hai in 2023
>           1  ntm 2021: Xã Đông  [2]
>         [1] test: district recognised
>         [2] test: ntm 2021
>
> warning X5  Huyện Một (P-D), 2023: Recognitions against the units they count
>         2 communes recognised NTM (1 ntm 2022 + 1 ntm-reconfirmed 2023) + 1 recognised only above it with no NTM recognition on record (Xã Châu) = 3 of the 3 communes, only if these 1 are not among the 2
>              Huyện Một recognised ntm for 2023 (1/QĐ-TTg)  [1]
>           3  communes of Huyện Một in 2023
>           1  townships of Huyện Một in 2023
>           1  ntm 2022: Xã An  [2]
>           1  ntm-reconfirmed 2023: Xã Bình  [3]
>           1  ntm-advanced 2023: Xã Châu  [4]
>           1  civilised-urban 2023: Thị trấn Một  [5]
>         [1] test: district recognised
>         [2] test: ntm 2022
>         [3] test: re-confirmed
>         [4] test: advanced without an NTM recognition
>         [5] test: township
>
> 1 error, 1 warning from 1 rule over 12 units
$ $NTM --db x5.db check --rules x5 --unit P-F
> no findings from 1 rule over 2 units

# ---- jumps from one year to the next (3 times at most) ----
# households: 100 -> 300 (at the bound), 100 -> 300.5 (past), 300 -> 100 (a
# third, at the bound), two years apart (not compared), a figure not watched;
# funding by fund: 100 -> 200 + 100 (at the bound), 100 -> 301 (past)
$ $NTM --db j.db import $ROOT/data/variables.csv $T/check/units.csv $T/check/jumps.csv $T/check/jumps-funding.csv >/dev/null
$ mkdir j && cp $ROOT/scripts/checks/year-jumps.lua j/ && $NTM --db j.db check --rules j
> warning jump  Xã Bình (P-D-B), 2023: Year-on-year jumps beyond 3 times
>         households_total: 100 in 2022, 300.5 in 2023: 3.005 times more
>             100  households_total 2022  [1]
>           300.5  households_total 2023  [2]
>         [1] test
>         [2] test: past the bound
>
> warning jump  Xã Bình (P-D-B), 2023: Year-on-year jumps beyond 3 times
>         province funding (mVND): 100 in 2022, 301 in 2023: 3.01 times more
>           100  province investment 2022 (mVND)  [1]
>           301  province investment 2023 (mVND)  [2]
>         [1] test
>         [2] test: past the bound
>
> 2 warnings from 1 rule over 12 units

# ---- writing rules: the API, the declarations and their errors ----
# the names of the data API (a new one shows here)
$ mkdir api && printf 'rule { id = "api", title = "t", severity = "info", check = function(data)\n  local t = {}\n  for k in pairs(data) do t[#t + 1] = k end\n  table.sort(t)\n  finding { unit = "19", message = table.concat(t, " ") }\nend }\n' > api/api.lua && $NTM --db d.db check --rules api --format csv | cut -d, -f8
> message
> children figure figures fold funding num projects recognitions unit units variables years
# rows carry codes, names, values and sources; data.figure and the helpers
# a check runs once per province (or once over --unit), seeing its units only
$ mkdir parts && printf 'rule { id = "parts", title = "t", severity = "info", check = function(data)\n  local u = data.units()\n  finding { unit = u[1].code, message = #u .. " units; " .. #data.funding() .. " funding rows" }\nend }\n' > parts/p.lua && $NTM --db d.db check --rules parts --format csv | cut -d, -f5,8
> unit_code,message
> 19,35 units; 12 funding rows
> 38,46 units; 2 funding rows
$ $NTM --db d.db check --rules parts --unit 05551 --format csv | cut -d, -f5,8
> unit_code,message
> 05551,1 units; 0 funding rows
$ mkdir rows && printf 'rule { id = "rows", title = "t", severity = "info", check = function(data)\n  local f = data.figures { unit = "quang giao", variable = "households_total", quarter = 1 }[1]\n  if not f then return end\n  local v, s = data.figure("16519", "households_clean_water_centralised", 2024, 1)\n  local p = data.projects { within = "16519", year = 2024 }\n  local r = data.recognitions { title = "model-village" }\n  finding { unit = f.unit, year = f.year, message = f.unit_name .. " " .. f.variable .. " " .. f.uom .. " " .. f.value .. " " .. v .. " " .. #p .. " " .. #r .. " " .. data.fold("Nhà Văn Hóa") .. " " .. data.num(2981839000) .. " " .. data.num(92.8205, 2) .. " " .. #data.children("406", 2019) .. " " .. #data.children("406", 2020), figures = { { "source", nil, s } } }\nend }\n' > rows/rows.lua && $NTM --db d.db check --rules rows --format csv | cut -d, -f8-
> message,figure,value,source
> "Quảng Giao households_total households 1250 752 8 0 nha van hoa 2,981,839,000 92.82 30 26",source,,"seed B (Quảng Giao plan 09/04/2024) §II.3.1 Q1: 752 of 1,250 households (60.16 %)"
# data is read-only; a finding names a unit by its code
$ mkdir ro && printf 'rule { id = "ro", title = "t", severity = "info", check = function(data) data.units = nil end }\n' > ro/ro.lua && $NTM --db d.db check --rules ro
? 1
2~ ntm: rule ro: ro/ro.lua:1: data is read-only (cannot set 'units')
$ mkdir badunit && printf 'rule { id = "u", title = "t", severity = "info", check = function(data) finding { unit = "Quảng Giao", message = "m" } end }\n' > badunit/u.lua && $NTM --db d.db check --rules badunit
? 1
2~ ntm: rule u: badunit/u.lua:1: finding: unit 'Quảng Giao' is not a unit code (rows give the code as row.unit)
$ mkdir badvar && printf 'rule { id = "v", title = "t", severity = "info", check = function(data) data.figures { variable = "households" } end }\n' > badvar/v.lua && $NTM --db d.db check --rules badvar
? 1
2~ ntm: rule v: badvar/v.lua:1: unknown variable 'households'
$ mkdir badfilter && printf 'rule { id = "f", title = "t", severity = "info", check = function(data) data.funding { variable = "x" } end }\n' > badfilter/f.lua && $NTM --db d.db check --rules badfilter
? 1
2~ badfilter/f.lua:1: funding: unknown field 'variable' (fields: unit, within, year)
# declarations are checked where they are made
$ mkdir decl && printf 'rule { id = "X1", title = "t", severity = "fatal", check = function() end }\n' > decl/a.lua && $NTM --db d.db check --rules decl
? 1
2~ ntm: decl/a.lua:1: rule X1: severity 'fatal' is not "error", "warning" or "info"
$ printf 'rule { id = "X1", title = "t", severity = "error" }\n' > decl/a.lua && $NTM --db d.db check --rules decl
? 1
2~ ntm: decl/a.lua:1: rule X1: check = function(data) ... end is missing
$ printf 'rule { id = "X1", title = "t", severity = "error", check = function() end, factor = 3 }\n' > decl/a.lua && $NTM --db d.db check --rules decl
? 1
2~ ntm: decl/a.lua:1: rule: unknown field 'factor' (fields: id, title, severity, check)
$ printf 'rule { id = "X1", title = "t", severity = "error", check = function() end }\n' > decl/a.lua && cp decl/a.lua decl/b.lua && $NTM --db d.db check --rules decl
? 1
2~ ntm: decl/b.lua:1: rule X1 is declared twice (also at decl/a.lua:1)
$ rm decl/b.lua && printf 'finding { message = "m" }\n' > decl/c.lua && $NTM --db d.db check --rules decl
? 1
2~ ntm: decl/c.lua:1: finding{} is called from a rule's check function, not while the file loads
$ printf 'limit = 3\n' > decl/c.lua && $NTM --db d.db check --rules decl
? 1
2~ ntm: decl/c.lua:1: assignment to global 'limit': declare it local
$ printf 'rule { id = "m", title = "t", severity = "info", check = function() finding { message = "two\\nlines" } end }\n' > decl/c.lua && $NTM --db d.db check --rules decl
? 1
2~ ntm: rule m: decl/c.lua:1: finding: message must be one line (the figures go in figures = {...})
# a rule runs in the sandbox: no io, an instruction budget
$ mkdir evil && printf 'rule { id = "io", title = "t", severity = "info", check = function() io.open("/etc/passwd") end }\n' > evil/io.lua && $NTM --db d.db check --rules evil
? 1
2~ ntm: rule io: evil/io.lua:1: unknown name 'io'
$ printf 'rule { id = "io", title = "t", severity = "info", check = function() while true do pcall(error) end end }\n' > evil/io.lua && $NTM --db d.db check --rules evil
? 1
2~ ntm: rule io: evil/io.lua:1: instruction budget of 20000000 exceeded
$ mkdir mem && printf 'rule { id = "mem", title = "t", severity = "info", check = function()\n  local t = {}\n  for i = 1, 10 do t[i] = string.rep("x", 15000000) .. i end\nend }\n' > mem/m.lua && $NTM --db d.db check --rules mem
? 1
2> ntm: rule mem: mem/m.lua: memory limit of 64 MiB exceeded (a runaway table?)
# a read that runs out of memory half-way raises in the rule, and its
# statement is finalized all the same (the sanitizer build sees a leak if not)
$ mkdir mem2 && printf 'rule { id = "mem", title = "t", severity = "info", check = function(data)\n  local t = {}\n  for _, size in ipairs { 1000000, 100000, 10000, 1000 } do\n    while pcall(function() t[#t + 1] = string.rep("x", size, tostring(#t)) end) do end\n  end\n  local ok, e = pcall(data.figures)\n  t = nil\n  finding { unit = "167", message = tostring(ok) .. " " .. e }\nend }\n' > mem2/m.lua && $NTM --db d.db check --rules mem2 --unit 167 --format csv | cut -d, -f8
> message
> false not enough memory
$ mkdir empty && $NTM --db d.db check --rules empty
? 1
2> ntm: no rules in empty (each *.lua file there declares rule { id = ..., check = function(data) ... end }; see scripts/README.md)

# ---- folders: --rules or NTM_CHECKS replaces scripts/checks; a later folder's
# rule replaces the one of the same id, and adds the others ----
$ mkdir mine && printf 'rule { id = "X1", title = "Mine", severity = "info", check = function(data) finding { unit = "167", message = "mine" } end }\nrule { id = "extra", title = "Extra", severity = "info", check = function(data) end }\n' > mine/x1.lua && $NTM --db d.db check --rules $ROOT/scripts/checks:mine --format csv | cut -d, -f2,3,8 | grep -c X1
> 1
$ $NTM --db d.db check --rules $ROOT/scripts/checks:mine | tail -1
> 7 warnings, 12 info from 9 rules over 81 units
$ NTM_CHECKS=mine $NTM --db d.db check
> info    X1  Định Hóa (167): Mine
>         mine
>
> 1 info from 2 rules over 81 units
$ $NTM --db d.db check --rules nowhere
? 1
2> ntm: rules folder 'nowhere' cannot be read: No such file or directory (give --rules DIR or set NTM_CHECKS)

# ---- usage errors: exit status 2 ----
$ $NTM --db d.db check --format json
? 2
2> ntm: check: --format 'json' is not table or csv
$ $NTM --db d.db check --years 2024-2021
? 2
2> ntm: check: --years '2024-2021' is not a span of years (e.g. 2021-2023)
$ $NTM --db d.db check --unit "quang giaoo"
? 2
2~ ntm: no unit 'quang giaoo' in d.db; did you mean
$ $NTM --db d.db check extra
? 2
2> ntm: check: unexpected argument 'extra' (see ntm check --help)
$ $NTM --db d.db check --rule x
? 2
2> ntm: check: unknown option '--rule'; did you mean 'rules'? (see 'ntm check --help')
