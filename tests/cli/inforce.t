# Which set applies when: ntm eval --level picks, year by year, the
# province's own set before the national one; ntm recognitions sets the
# recorded recognitions beside the results.
$ cp -r $T/* . && cp crit/roads.lua inforce/ && $NTM --db t.db import variables.csv units.csv observations.csv >/dev/null
$ $NTM --db t.db --criteria inforce eval --level commune --unit "dinh hoa" --years 2020-2023
~ 2020: no commune set (recognises ntm) in force for Thái Nguyên in inforce
~ 2021: roads is in force (QĐ test 1/2022)
~ 2022-2023: roads-tn is in force in Thái Nguyên (QĐ test 3/2022)
~ Bảo Cường   2023   ✓  ✓  ✓   3/3   met
~ stored as run 2 in t.db
# Quảng Giao is in Thanh Hóa: the national set throughout
$ $NTM --db t.db --criteria inforce eval --level commune --province "thanh hoa" --unit "quang giao" --years 2021-2023
~ 2021-2023: roads is in force (QĐ test 1/2022)
$ $NTM --db t.db --criteria inforce eval --level commune --format csv
? 2
2~ --level reports as a table
$ $NTM --db t.db --criteria inforce eval roads --level commune
? 2
2~ give a SET or --level, not both
$ $NTM --db t.db --criteria inforce eval --level hamlet --years 2022
? 2
2~ --level 'hamlet' is not a level
# before any recognition is recorded: a commune meeting the set, not recognised
$ $NTM --db t.db --criteria inforce recognitions --unit "dinh hoa"
? 1
2> ntm: recognitions: no recognitions on record for this unit (import a recognitions.csv, or give --years)
$ $NTM --db t.db --criteria inforce recognitions --unit "dinh hoa" --years 2022-2023
> Recognitions against the evaluation: Định Hóa, 2022-2023
>
> meets the set, not recognised: 1
>   Bảo Cường        2023  ntm             roads-tn                      met      3/3 criteria
$ $NTM --db t.db import inforce/recognitions.csv >/dev/null && $NTM --db t.db --criteria inforce recognitions --unit "dinh hoa"
> Recognitions against the evaluation: Định Hóa, 2022-2023
>
> recognised, not met in the data: 2
>   Bảo Cường        2022  ntm             roads-tn                      unmet    1/3 criteria  (QĐ test 9/2022)
>   Kim Phượng       2023  ntm             roads-tn                      unmet    1/3 criteria
>
> no set to check against: 1
>   Chợ Chu          2023  civilised-urban 
>
> agree: 1
>   Bảo Cường        2023  ntm-reconfirmed roads-tn                      met      3/3 criteria
# with Kim Phượng's income its result is known: still short of Thái Nguyên's 70 % roads
$ $NTM --db t.db import ladder/kimphuong-income.csv >/dev/null && $NTM --db t.db --criteria inforce recognitions --format csv
> unit_code,unit_name,year,title,decision,set,result,criteria_met,criteria_total,verdict
> TN-DH-BAOCUONG,Bảo Cường,2022,ntm,QĐ test 9/2022,roads-tn,unmet,1,3,recognised-not-met
> TN-DH-KIMPHUONG,Kim Phượng,2023,ntm,,roads-tn,unmet,2,3,recognised-not-met
> TN-DH-CHOCHU,Chợ Chu,2023,civilised-urban,,,,,,no-set
> TN-DH-BAOCUONG,Bảo Cường,2023,ntm-reconfirmed,,roads-tn,met,3,3,agree
$ $NTM --db t.db --criteria inforce recognitions --years 20x3
? 2
2~ is not a span of years
