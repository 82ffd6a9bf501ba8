# ntm criteria sheet: a set's numeric thresholds as a spreadsheet, one row per
# indicator × region × year, and a filled sheet applied as a new set file.
# The set (fixtures/sheet/crit/mini-318.lua) and every value filled here are
# TEST FIXTURES, made up, not the law.
$ cp -r $T/sheet/* . && mkdir out && $NTM --db t.db import $ROOT/data/variables.csv units.csv observations.csv >/dev/null

# a row per indicator with a min or max, region and year; 4.1 (must hold) has none
$ $NTM --db t.db --criteria crit criteria sheet mini-318 --region tn --years 2023-2030
> set,indicator,name,direction,unit,region,year,state,value,lower,upper,source
> mini-318,2.2,"Tỷ lệ đường thôn, bản được cứng hóa",min,%,tn,2023,unset,,,,the region's column was not found (test)
> mini-318,2.2,"Tỷ lệ đường thôn, bản được cứng hóa",min,%,tn,2024,unset,,,,the region's column was not found (test)
> mini-318,4.2,Tỷ lệ hộ sử dụng điện an toàn,min,%,tn,2023,draft,95,,,"recalled, not read in a text (test)"
> mini-318,4.2,Tỷ lệ hộ sử dụng điện an toàn,min,%,tn,2024,draft,95,,,"recalled, not read in a text (test)"
> mini-318,10,Thu nhập bình quân đầu người,min,mVND/person/year,tn,2023,draft,45,,,"recalled, not read in a text (test)"
> mini-318,10,Thu nhập bình quân đầu người,min,mVND/person/year,tn,2024,draft,45,,,"recalled, not read in a text (test)"
> mini-318,11,Tỷ lệ nghèo đa chiều,max,%,tn,2023,unset,,,,the annex's column was not found (test)
> mini-318,11,Tỷ lệ nghèo đa chiều,max,%,tn,2024,unset,,,,the annex's column was not found (test)
$ $NTM --db t.db --criteria crit criteria sheet mini-318 --out s.csv --bom
> wrote s.csv: 84 rows of set mini-318 (3 set, 42 draft, 0 range, 39 unset)
$ head -c 3 s.csv | od -An -tx1 && tail -c +4 s.csv | cmp - <($NTM --db t.db --criteria crit criteria sheet mini-318) && echo same
>  ef bb bf
> same
$ $NTM --db t.db --criteria crit criteria sheet mini-318 --region tnn
? 2
2> ntm: criteria sheet: --region 'tnn' is not a threshold region; did you mean 'tn' or 'dnb'? (tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl)
$ $NTM --db t.db --criteria crit criteria sheet mini-318 --years 2030
? 1
2> ntm: criteria sheet: set mini-318 applies to 2022-2024; --years 2030 is outside it

# before: what the unset thresholds leave open
$ $NTM --db t.db --criteria crit eval mini-318 --year 2023 --format csv | cut -d, -f1,6,7,11 | grep open
> TQ-H-AN,11,open,unset
> HS-H-BINH,2.2,open,unset
> HS-H-BINH,11,open,unset

# a filled sheet (fixtures/sheet/filled.csv: 11 set everywhere, 2.2 dbsh a
# draft, 4.2 tdmnpb confirmed, 10 tn 2024 changed) becomes a set extending
# mini-318 that amends exactly those thresholds
$ $NTM --db t.db --criteria crit criteria sheet --apply filled.csv --id mini-annex --out-dir out
> wrote out/mini-annex.lua: set mini-annex extends mini-318, 4 indicators amended from 28 changed rows of 84 in filled.csv
> compare: ntm criteria diff mini-318 out/mini-annex.lua
$ cat out/mini-annex.lua
~   extends    = "mini-318",
~ local S1 = "TEST FIXTURE — made-up values, not the law"
~ --   filled.csv lines 5-7: TEST FIXTURE — made-up values, not the law
~     dbsh    = draft(85, S1),
~     tn      = by_year { [2022] = draft(45, S3), [2024] = draft(60, S1) },
~   max  = 10,
~   cite = S1,
$ $NTM --db t.db --criteria crit criteria check out/mini-annex.lua
> ok  out/mini-annex.lua: set mini-annex, 4 criteria, 5 indicators, 18 draft and 6 unset thresholds; variables checked against the dictionary in t.db
$ $NTM --db t.db --criteria crit criteria diff mini-318 out/mini-annex.lua
> criteria diff mini-318 -> mini-annex
>   QĐ thử 1/2022 (test fixture, not the law) (crit/mini-318.lua)
>   QĐ thử 1/2022 (test fixture, not the law) (out/mini-annex.lua)
>
> status     2.2      threshold      not set -> ≥ 85 (draft)  (dbsh 2022-2024)
> status     4.2      threshold      ≥ 95 (draft) -> ≥ 95  (tdmnpb 2022-2024)
> changed    4.2      cite           QĐ thử 1/2022, 4.2 -> TEST FIXTURE — made-up values, not the law
> tightened  10       threshold      ≥ 45 (draft) -> ≥ 60 (draft)  (tn 2024)
> status     11       threshold      not set -> ≤ 10  (all regions 2022-2024)
> changed    11       cite           QĐ thử 1/2022, 11 -> TEST FIXTURE — made-up values, not the law
>
> 6 changes: 0 added, 0 removed, 1 tightened, 0 loosened, 3 status, 2 changed

# after: the results the filled thresholds cover are certain
$ $NTM --db t.db --criteria crit:out eval mini-annex --year 2023 --format csv | cut -d, -f1,6,7,11
> unit_code,indicator,status,threshold_state
> TQ-H-AN,2.2,met,set
> TQ-H-AN,4.1,met,
> TQ-H-AN,4.2,met,set
> TQ-H-AN,10,met,draft
> TQ-H-AN,11,met,set
> HS-H-BINH,2.2,unmet,draft
> HS-H-BINH,4.1,met,
> HS-H-BINH,4.2,met,draft
> HS-H-BINH,10,met,draft
> HS-H-BINH,11,unmet,set

# round trip: the new set's sheet is the sheet applied (but for the set column)
$ $NTM --db t.db --criteria crit:out criteria sheet mini-annex | cut -d, -f2- | cmp - <(cut -d, -f2- filled.csv) && echo same
> same

# the file is not replaced without --force
$ $NTM --db t.db --criteria crit criteria sheet --apply filled.csv --id mini-annex --out-dir out
? 1
2> ntm: out/mini-annex.lua exists; --force replaces it
$ $NTM --db t.db --criteria crit criteria sheet --apply filled.csv --id mini-annex --out-dir out --force --title "Bộ tiêu chí thử, bảng vùng (test)"
~ wrote out/mini-annex.lua: set mini-annex extends mini-318
$ $NTM --db t.db --criteria crit criteria diff mini-318 out/mini-annex.lua | grep title
> changed    set      title          Bộ tiêu chí thử (test fixture) -> Bộ tiêu chí thử, bảng vùng (test)

# as Excel writes it on a Vietnamese Windows machine: semicolons, a byte
# order mark, CRLF, "85,5" for 85.5
$ $NTM --db t.db --criteria crit criteria sheet --apply filled-excel.csv --id mini-vi --out-dir out
> wrote out/mini-vi.lua: set mini-vi extends mini-318, 4 indicators amended from 28 changed rows of 84 in filled-excel.csv
> compare: ntm criteria diff mini-318 out/mini-vi.lua
$ $NTM --db t.db --criteria crit:out criteria sheet mini-vi | cut -d, -f2- | cmp - <(sed 's/,dbsh,\(202[234]\),draft,85,/,dbsh,\1,draft,85.5,/' filled.csv | cut -d, -f2-) && echo same
> same

# ranges (fixtures/sheet/range/mini-r.lua: 2.2 in tn lies in 60..90): lower
# and upper, an open end empty; an unchanged row produces nothing
$ $NTM --db t.db --criteria crit:range criteria sheet mini-r --region tn --years 2022 | grep ,2.2,
> mini-r,2.2,"Tỷ lệ đường thôn, bản được cứng hóa",min,%,tn,2022,range,,60,90,between the neighbouring regions' values (test)
$ $NTM --db t.db --criteria crit:range criteria sheet --apply filled-range.csv --id mini-range --out-dir out
> wrote out/mini-range.lua: set mini-range extends mini-r, 1 indicator amended from 5 changed rows of 6 in filled-range.csv
> compare: ntm criteria diff mini-r out/mini-range.lua
$ cat out/mini-range.lua
~     btb     = range(50, math.huge, "TEST FIXTURE — made-up values: at least the 2016-2020 value"),
~     tn      = by_year { [2022] = range(60, 90, "between the neighbouring regions' values (test)"), [2023] = range(65, 80, "TEST FIXTURE — made-up values: narrowed") },
$ $NTM --db t.db --criteria crit:range:out criteria sheet mini-range | cut -d, -f2- | cmp - <($NTM --db t.db --criteria crit:range criteria sheet mini-r | cut -d, -f2- | sed '/^2\.2,/{ s/,btb,\(202[234]\),unset,,,,.*/,btb,\1,range,,50,,TEST FIXTURE — made-up values: at least the 2016-2020 value/; s/,tn,\(202[34]\),range,,60,90,.*/,tn,\1,range,,65,80,TEST FIXTURE — made-up values: narrowed/; }') && echo same
> same
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-r,2.2,btb,2023,range,,-1,50,TEST\n' > bad.csv && $NTM --db t.db --criteria crit:range criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'lower' (column G): -1 is outside what indicator 2.2 measures (0 to 100)
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-r,2.2,dbsh,2023,range,,80,60,TEST\n' > bad.csv && $NTM --db t.db --criteria crit:range criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'lower' (column G): 80 is above upper 60
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-r,2.2,dbsh,2023,range,,,,TEST\n' > bad.csv && $NTM --db t.db --criteria crit:range criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'lower' (column G): lower and upper are both empty (state 'range' needs at least one end)

# a set number confirmed from another text: only the cite changes
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,2.2,tdmnpb,2022,set,70,,,"QĐ thử 2/2023, 2.2"\nmini-318,2.2,tdmnpb,2023,set,70,,,"QĐ thử 2/2023, 2.2"\nmini-318,2.2,tdmnpb,2024,set,70,,,"QĐ thử 2/2023, 2.2"\n' > cite.csv && $NTM --db t.db --criteria crit criteria sheet --apply cite.csv --id mini-cite --out-dir out >/dev/null && tail -3 out/mini-cite.lua
> amend "2.2" {
>   cite = "QĐ thử 2/2023, 2.2",
> }
$ $NTM --db t.db --criteria crit criteria diff mini-318 out/mini-cite.lua | tail -3
> changed    2.2      cite           QĐ thử 1/2022, 2.2 -> QĐ thử 2/2023, 2.2
>
> 1 change: 0 added, 0 removed, 0 tightened, 0 loosened, 0 status, 1 changed

# without --out-dir the file goes to the first directory of the criteria path
$ mkdir mine && $NTM --db t.db --criteria mine:crit criteria sheet --apply filled.csv --id mini-mine
~ wrote mine/mini-mine.lua: set mini-mine extends mini-318
$ $NTM --db t.db --criteria mine:crit eval mini-mine --year 2023 --format csv | awk -F, '$7 == "open"' | wc -l
> 0

# a malformed sheet is refused whole, with file, line and field, and nothing is written
$ printf 'set,indicator,region,year,state,value,lower,upper,sourse\nmini-318,2.2,dbsh,2023,set,80,,,QĐ\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:1: missing column 'source'; did you mean 'sourse'? (a sheet has the columns set, indicator, region, year, state, value, lower, upper, source, and name, direction, unit to read by)
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,2.2,dbsh,2023,draft,120,,,TEST\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'value' (column F): 120 is outside what indicator 2.2 measures (0 to 100)
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,10,dbsh,2023,draft,-5,,,TEST\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'value' (column F): -5 is outside what indicator 10 measures (0 or more)
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,2.3,dbsh,2023,draft,12,,,TEST\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'indicator' (column B): set mini-318 has no indicator '2.3'; did you mean '2.2' or '4.2'?
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,4.1,dbsh,2023,set,1,,,TEST\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'indicator' (column B): indicator 4.1 is a yes/no indicator (must hold): it has no threshold to fill
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,2.2,tdmbp,2023,draft,12,,,TEST\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'region' (column C): 'tdmbp' is not a threshold region; did you mean 'tdmnpb'? (regions: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl)
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,2.2,dbsh,2030,set,80,,,QĐ\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'year' (column D): '2030' is not a year of set mini-318 (2022-2024)
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,2.2,dbsh,2023,draft,12,,,TEST\nmini-318,2.2,dbsh,2023,draft,13,,,TEST\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:3: indicator 2.2, region dbsh, year 2023 is also on line 2 (one row per indicator, region and year)
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,2.2,dbsh,2023,draft,abc,,,TEST\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'value' (column F): 'abc' is not a number
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,2.2,dbsh,2023,draft,"95,5",,,TEST\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'value' (column F): '95,5' is not a number (in a comma-separated sheet a decimal takes a dot: 95.5)
$ printf 'set;indicator;region;year;state;value;lower;upper;source\nmini-318;2.2;dbsh;2023;draft;1.234,5;;;TEST\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'value' (column F): '1.234,5' is not a number (write no thousands separator: 1234,5)
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,2.2,dbsh,2023,confirmed,95,,,TEST\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'state' (column E): 'confirmed' is not one of: set, draft, range, unset
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,2.2,dbsh,2023,set,,,,TEST\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'value' (column F): is empty (state 'set' needs a value)
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,2.2,dbsh,2023,unset,80,,,TEST\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'value' (column F): '80' but state 'unset' takes no value (a range fills lower and upper; unset fills neither)
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,2.2,dbsh,2023,set,80,,,\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'source' (column I): is empty (say where the value comes from: decision, annex and item; for unset, why there is none)
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,2.2,dbsh,2023,set,80,,,the region'"'"'s column was not found (test)\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'source' (column I): 'the region's column was not found (test)' is still the note of the unset threshold: write where the value comes from (decision, annex and item)
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,2.2,dbsh,2023,set,80,,,TEST\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'source' (column I): 'TEST' would become the cite of indicator 2.2, but its number for tdmnpb 2022, which the sheet does not change, is cited 'QĐ thử 1/2022, 2.2' (a number's source is its indicator's cite: give that source, change that row too, or state draft to keep 'TEST' as the draft's note)
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,11,dbsh,2023,set,10,,,A\nmini-318,11,btb,2023,set,10,,,B\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:3: field 'source' (column I): 'B' but line 2 gives 'A': the numbers of indicator 11 share one source, its cite (give one source, or state draft to keep this one as the draft's note)
$ printf 'set,indicator,name,region,year,state,value,lower,upper,source\nmini-318,4.2,"Tỷ lệ đường thôn, bản được cứng hóa",dbsh,2023,draft,12,,,TEST\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'name' (column C): the name of indicator 2.2, not of 4.2 (a spreadsheet may have read the id 2.2 as a number: format the indicator column as text)
$ printf 'set,indicator,direction,region,year,state,value,lower,upper,source\nmini-318,4.2,max,dbsh,2023,draft,12,,,TEST\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'direction' (column C): 'max' but indicator 4.2 has a min threshold (a sheet fills values; it cannot change the comparison)
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,2.2,dbsh,2023,draft,80,,,TEST\nmini-319,2.2,btb,2023,draft,80,,,TEST\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:3: field 'set' (column A): 'mini-319' but line 2 names 'mini-318' (a sheet fills one set)
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-31,2.2,dbsh,2023,draft,80,,,TEST\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: field 'set' (column A): no criteria set 'mini-31' in crit; did you mean 'mini-318'? (`ntm criteria list` shows the sets)
$ printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,2.2,dbsh,2023,draft,80,,,TEST,extra\n' > bad.csv && $NTM --db t.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: expected 9 fields as the header has but found 10
$ $NTM --db t.db --criteria crit criteria sheet --apply s.csv --id x --out-dir out
? 1
2> ntm: s.csv: no row differs from set mini-318: nothing written
$ $NTM --db t.db --criteria crit criteria sheet --apply filled.csv --id mini-318 --out-dir out
? 1
2> ntm: criteria sheet: --id mini-318 is the set the sheet fills; give the new set its own id
$ mkdir elsewhere && $NTM --db t.db --criteria crit:out criteria sheet --apply filled.csv --id mini-vi --out-dir elsewhere
? 1
2> ntm: criteria sheet: set 'mini-vi' is already declared by out/mini-vi.lua; choose another --id
$ $NTM --db t.db --criteria crit criteria sheet --apply filled.csv --id "x y"
? 2
2> ntm: criteria sheet: --id 'x y' must be letters, digits, '-', '.' or '_' (it names the set and its file)
$ ls -A out elsewhere crit
> crit:
> mini-318.lua
>
> elsewhere:
>
> out:
> mini-annex.lua
> mini-cite.lua
> mini-range.lua
> mini-vi.lua
