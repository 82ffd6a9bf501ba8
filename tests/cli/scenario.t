# What-if scenarios: overlays over the base data (never modified), diff,
# cost to standard and allocation, on the bundled data.
$ $NTM --db t.db import $ROOT/data/variables.csv $ROOT/data/seeds/*.csv >/dev/null && sqlite3 t.db 'SELECT * FROM observation; SELECT * FROM funding; SELECT * FROM project; SELECT * FROM unit; SELECT * FROM recognition' | md5sum > base.md5 && echo ok
> ok
$ $NTM --db t.db scenario list
> no scenarios (create one with `ntm scenario create NAME`)
$ $NTM --db t.db scenario create water --note "Quảng Giao clean water"
> created scenario water
$ $NTM --db t.db scenario create water
? 1
2~ scenario 'water' exists
$ $NTM --db t.db scenario create more --base waterr
? 1
2~ no scenario 'waterr'; did you mean 'water'?
$ $NTM --db t.db scenario set water --unit "quang giao" --var households_clean_water_centralised --year 2024 --value 800
> scenario water: Quảng Giao 2024 households_clean_water_centralised = 800
$ $NTM --db t.db scenario create more --base water && $NTM --db t.db scenario set more --unit "quang giao" --var households_clean_water_centralised --year 2024 --add -120
> created scenario more on water
> scenario more: Quảng Giao 2024 households_clean_water_centralised += -120
$ $NTM --db t.db scenario set water --unit "quang giao" --var no_such_var --year 2024 --value 1
? 1
2~ unknown variable 'no_such_var'
# the advanced set's clean-water indicator (draft 55 %): 752/1,250 in the base data
$ $NTM --db t.db --criteria $ROOT/criteria diff th-33-2022-advanced-commune --scenario water --unit "quang giao" --year 2024
> th-33-2022-advanced-commune: scenario water against the base data
>
> Quảng Giao 2024: unknown 0/20 → unknown 0/20 criteria
>   18.1     met 60.16              → met 64
>
> 2024: units meeting th-33-2022-advanced-commune for certain: 0 → 0 of 1 (could meet: 1 → 1)
# built on water: 800 - 120 = 680 households, 54.4 %: the draft 55 % is missed
$ $NTM --db t.db --criteria $ROOT/criteria diff th-33-2022-advanced-commune --scenario more --against water --unit "quang giao" --year 2024 --format csv
> set,unit_code,unit_name,year,criterion,indicator,status_before,status_after,value_before,value_after
> th-33-2022-advanced-commune,16519,Quảng Giao,2024,18,,unknown,unmet,,
> th-33-2022-advanced-commune,16519,Quảng Giao,2024,18,18.1,met,unmet,64,54.4
$ $NTM --db t.db --criteria $ROOT/criteria --scenario more eval th-33-2022-advanced-commune --unit "quang giao" --year 2024 --explain
~     18.1   unmet    54.4 %         ≥ 55 (draft)     -0.6
~ under scenario more: the base data is unchanged
$ $NTM --db t.db scenario delete water
? 1
2> ntm: scenario 'water' is the base of 'more': delete that first
$ $NTM --db t.db --criteria $ROOT/criteria eval vn-318-commune --scenario nope --year 2023
? 1
2~ no scenario 'nope'
# cost to standard and allocation, Định Hóa 2021 (the synthetic figures fall short)
$ $NTM --db t.db --criteria $ROOT/criteria cost --costs $ROOT/data/costs.csv vn-318-commune --unit "Bảo Cường" --year 2021
~ Bảo Cường (05569), 2021: unmet, 3/19 criteria met
~   6.3     village_culture_house +3 house × 2982 = 8946   (villages_with_culture_house)
~   money alone cannot close: 4.1 13.2 15.3 15.4 19.1
~   works: 78984.1 million VND certainly enough; 18276 may suffice
~   open (may be met already), money cannot move it: 11 12 14.2 14.3 15.1 16 17.2 17.9 17.10 17.11
~   2.2     village_road_concrete_mountain +4.5 km × 1500 = 6750   (road_village_hardened_km)   certainly enough; nothing may be needed
$ $NTM --db t.db --criteria $ROOT/criteria cost --costs $ROOT/data/costs.csv vn-318-commune --unit "Bảo Cường" --year 2021 --format csv
~ unit_code,unit_name,year,indicator,kind,work,variable,quantity,uom,unit_cost,cost,source,quantity_may,cost_may
~ 05569,Bảo Cường,2021,6.3,work,village_culture_house,villages_with_culture_house,3,house,2982,8946,"seed B (Quảng Giao plan 09/04/2024) §II.3.1 Q1: cultural house thôn Việt Trung 2,981,839,000 VND",3,8946
~ 05569,Bảo Cường,2021,2.2,work,village_road_concrete_mountain,road_village_hardened_km,4.5,km,1500,6750,"assumption: illustrative price, not from a source; replace with the province's unit price list (đơn giá); mountain terrain",0,0
~ 05569,Bảo Cường,2021,4.1,no-money,,,,,,,,,
~ 05569,Bảo Cường,2021,11,open-no-money,,,,,,,,,
$ $NTM --db t.db --criteria $ROOT/criteria allocate --costs $ROOT/data/costs.csv vn-318-commune --unit "Định Hóa" --year 2021 --budget 20000 --disbursement 0.87 --save dh-2021
~ vn-318-commune, 2021: 20000 million VND, 17400 to spend (disbursement 87 %), objective criteria-met
~ spent 17006 million VND in 10 units; left 394; not disbursed 2600
~ units meeting vn-318-commune for certain: 0 → 0 of 22 (could meet: 0 → 0)
~ criteria met: 107 → 118 (the budget alone would buy 11 criteria)
~ saved as scenario dh-2021
# the saved plan, re-evaluated: the same 11 criteria, each with its indicator
$ $NTM --db t.db --criteria $ROOT/criteria diff vn-318-commune --scenario dh-2021 --unit "Định Hóa" --year 2021 --format csv | tail -n +2 | wc -l
> 22
$ $NTM --db t.db --criteria $ROOT/criteria allocate --costs $ROOT/data/costs.csv vn-318-commune --unit "Định Hóa" --year 2021 --budget 20000 --max-per-unit 1500 | tail -3
> spent 4560 million VND in 4 units; left 15440
> units meeting vn-318-commune for certain: 0 → 0 of 22 (could meet: 0 → 0)
> criteria met: 107 → 111 (the budget alone would buy 12 criteria)
$ $NTM --db t.db --criteria $ROOT/criteria allocate --costs $ROOT/data/costs.csv vn-318-commune --unit "Định Hóa" --year 2021 --fund central
? 1
2~ no 'central' funding on record for 2021
$ $NTM --db t.db --criteria $ROOT/criteria allocate --costs $ROOT/data/costs.csv vn-318-commune --unit "Định Hóa" --year 2022 --fund central | head -1
> vn-318-commune, 2022: 35100 million VND on record, 35100 to spend (disbursement 100 %), objective criteria-met
$ $NTM --db t.db --criteria $ROOT/criteria allocate --costs $ROOT/data/costs.csv vn-318-commune --year 2021 --budget 100 --disbursement 1.2
? 2
2~ --disbursement is a share between 0 and 1
$ printf 'work,variable,uom,cost_mvnd,region,source\nroad,road_village_hardened_km,km,abc,,x\n' > bad-costs.csv && $NTM --db t.db --criteria $ROOT/criteria cost vn-318-commune --year 2021 --costs bad-costs.csv
? 1
2> ntm: bad-costs.csv:2: field 'cost_mvnd': 'abc' is not a positive amount (million VND per km)
# no base row changed by any of it
$ sqlite3 t.db 'SELECT * FROM observation; SELECT * FROM funding; SELECT * FROM project; SELECT * FROM unit; SELECT * FROM recognition' | md5sum | cmp - base.md5 && echo unchanged
> unchanged
$ $NTM --db t.db scenario delete more && $NTM --db t.db scenario delete water && $NTM --db t.db scenario list | cut -c1-40 | sed 's/ *$//'
> deleted scenario more
> deleted scenario water
> scenario                     built on
> dh-2021                      (base data)
