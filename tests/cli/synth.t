# ntm synth --units: synthetic figures on the units of a units file. The
# fixture gives code X1 twice (a township until 2022, a commune from 2023,
# under the province), communes that end in 2022 (C1) or exist only in 2022
# (C2), and a district that ends in 2022 (D1).
$ $NTM synth --units $T/synth/units.csv --out out --years 2021-2023
> wrote units.csv, observations.csv and funding.csv to out
# units.csv is the file as given
$ cmp $T/synth/units.csv out/units.csv
# figures for a commune only in the years it exists; none for the township
$ cut -d, -f1,2 out/observations.csv | LC_ALL=C sort -u
> C1,2021
> C1,2022
> C2,2022
> C3,2021
> C3,2022
> C3,2023
> X1,2023
> unit,period
# funding for a district only in its years
$ cut -d, -f1,2 out/funding.csv | LC_ALL=C sort -u
> D1,2021
> D1,2022
> D2,2021
> D2,2022
> D2,2023
> unit,year
# the same options give the same bytes; so does the file read from stdin
$ $NTM synth --units - --out again --years 2021-2023 < $T/synth/units.csv > /dev/null && cmp out/observations.csv again/observations.csv && cmp out/funding.csv again/funding.csv
# a commune's figures hang on its code, not on the rows around it
$ printf 'code,name,level,parent,region\nP2,Tỉnh Bên,province,,dbscl\nD2,Huyện Hai,district,P2,\nC3,Xã Ba,commune,D2,\n' > c3.csv && $NTM synth --units c3.csv --out c3 --years 2021-2023 > /dev/null && cmp <(grep '^C3,' out/observations.csv) <(grep '^C3,' c3/observations.csv)

# the output imports cleanly, to the same units as the file itself
$ $NTM --db s.db import $ROOT/data/variables.csv out/units.csv out/observations.csv out/funding.csv
~ units              9 rows       9 new       0 replaced  out/units.csv
~ observations     512 rows     512 new       0 replaced  out/observations.csv
~ funding           11 rows      11 new       0 replaced  out/funding.csv
$ $NTM --db f.db import $T/synth/units.csv > /dev/null && diff <($NTM --db s.db units) <($NTM --db f.db units)
# and each commune is judged in each year it exists, with no figure missing
$ $NTM --db s.db --criteria $ROOT/criteria eval vn-318-commune --years 2021-2023 --no-store
~ 2021: 0 of 2 units meet vn-318-commune
~ 2022: 0 of 3 units meet vn-318-commune
~ 2023: 0 of 2 units meet vn-318-commune
~ Xã Một Mới  2023
!~ Thị trấn Một
$ $NTM --db s.db --criteria $ROOT/criteria eval vn-318-commune --years 2021-2023 --no-store --format csv
!~ ,unknown,

# a units file the importer would refuse is refused before anything is written
$ printf 'code,name,level,parent,region\nP1,A,province,,tdmnpb\nC1,B,commune,D9,\n' > bad.csv && $NTM synth --units bad.csv --out o
? 1
2> ntm: bad.csv:3: field 'parent': unknown parent 'D9' (define it on an earlier line)
$ test ! -e o
$ printf 'code,name,level,parent,region\nP1,A,province,,tdmnpb\nC1,B,hamlet,P1,\n' > bad.csv && $NTM synth --units bad.csv --out o
? 1
2> ntm: bad.csv:3: field 'level': 'hamlet' is not one of: province, district, commune, township, ward, village
$ printf 'code,name,level,parent,region,valid_from\nP1,A,province,,tdmnpb,\nC1,B,commune,P1,,20x3\n' > bad.csv && $NTM synth --units bad.csv --out o
? 1
2> ntm: bad.csv:3: field 'valid_from': '20x3' is not a year (expected YYYY, 1990-2100)
$ printf 'code,name,level,parent\nP1,A,province,\n' > bad.csv && $NTM synth --units bad.csv --out o
? 1
2> ntm: bad.csv:1: the header has no column 'region' (a units file begins code,name,level,parent,region)
$ printf 'code,name,level,parent,region\nD1,A,district,,\nC1,B,commune,D1,\n' > bad.csv && $NTM synth --units bad.csv --out o
? 1
2> ntm: bad.csv:3: commune 'C1': neither it nor a unit above it has a region (a province row gives its threshold region)
$ : > bad.csv && $NTM synth --units bad.csv --out o
? 1
2> ntm: bad.csv: empty file; expected a units file (code,name,level,parent,region[,valid_from,valid_to,merged_into,split_from])
$ $NTM synth --units nothere.csv --out o
? 1
2> ntm: nothere.csv: cannot open: No such file or directory
$ $NTM synth --units $T/synth/units.csv --scale 0.1 --out o
? 2
2> ntm: synth: --scale invents units; with --units FILE the units are FILE's (give one or the other)
$ test ! -e o
