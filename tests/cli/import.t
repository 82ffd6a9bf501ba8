# ntm import: all or nothing, messages naming file, line and field
$ cp -r $T/* . && $NTM --db t.db import variables.csv units.csv observations.csv
> variables          5 rows       0 new       5 replaced  variables.csv
> units              8 rows       8 new       0 replaced  units.csv
> observations      16 rows      16 new       0 replaced  observations.csv
> imported 29 rows from 3 files into t.db (a new database, which began with the bundled dictionary)

# a BOM and CRLF line ends were accepted (units.csv has both); names stored in NFC
$ sqlite3 t.db "SELECT name FROM unit WHERE code = 'TN-DH-KIMPHUONG'"
> Kim Phượng

# one bad row: the whole file is refused, and nothing of it is written
$ sqlite3 t.db "SELECT count(*) FROM observation" > before.txt
$ $NTM --db t.db import bad-variable.csv
? 1
2> ntm: bad-variable.csv:3: field 'variable': unknown variable 'road_vilage_hardened_km'; did you mean 'road_village_hardened_km', 'road_alley_hardened_km' or 'road_all_hardened_km'? (the dictionary is data/variables.csv; add the variable there and import it)
2> nothing was imported
$ sqlite3 t.db "SELECT count(*) FROM observation" | diff - before.txt
$ $NTM --db t.db import bad-unit.csv
? 1
2> ntm: bad-unit.csv:3: field 'unit': unknown unit 'TN-DH-BAOCUONGG'; did you mean 'TN-DH-BAOCUONG'? (units are named by code; `ntm units` lists them)
2> nothing was imported
$ $NTM --db t.db import bad-value.csv
? 1
2> ntm: bad-value.csv:2: field 'value': '41,5' is not a number (write decimals with a dot and no thousands separator, e.g. 1234.5)
2> nothing was imported
$ $NTM --db t.db import bad-header.csv
? 1
2~ bad-header.csv:1: unknown header 'unit,period,variable,amount,source'
2~   observations  unit,period,variable,value,source

# several files in one command: one bad file and none of them is written
$ printf 'unit,period,variable,value,source\nTN-DH-BAOCUONG,2024,road_village_total_km,41,fix\n' > good.csv && $NTM --db t.db import good.csv bad-variable.csv
? 1
2~ nothing was imported from any of the files
$ sqlite3 t.db "SELECT count(*) FROM observation" | diff - before.txt

# --dry-run checks and writes nothing
$ $NTM --db t.db import --dry-run good.csv
~ checked (dry run, nothing written): 1 rows from 1 file into t.db
$ sqlite3 t.db "SELECT count(*) FROM observation" | diff - before.txt

# a re-import replaces the figure and keeps its new source
$ $NTM --db t.db import good.csv && $NTM --db t.db import good.csv
~ observations       1 rows       0 new       1 replaced  good.csv
$ $NTM --db t.db import nothere.csv
? 1
2~ ntm: nothere.csv: cannot open: No such file or directory
$ $NTM --db t.db import
? 2
2> ntm: import: no file given (usage: ntm import FILE... [--dry-run])

# a subnormal figure is a number (strtod flags it ERANGE; it is finite)
$ printf 'unit,period,variable,value,source\nTN-DH-BAOCUONG,2021,road_village_total_km,4.9e-324,tiny\n' > tiny.csv && $NTM --db t.db import tiny.csv
~ observations       1 rows       1 new       0 replaced  tiny.csv
# control characters in a name or note are refused, and shown escaped
$ printf 'code,name,level,parent,region\nTN-DH-X,Xã\033[31m Đỏ,commune,TN-DH,\n' > esc.csv && $NTM --db t.db import esc.csv
? 1
2> ntm: esc.csv:2: field 'name': 'Xã\x1B[31m Đỏ' has a control character (a line break, tab, escape or the like); names and notes are plain text
2> nothing was imported
$ printf 'unit,year,title,decision,source\nTN-DH,2023,ntm,719/QĐ\a,S7\n' > bel.csv && $NTM --db t.db import bel.csv
? 1
2> ntm: bel.csv:2: field 'decision': '719/QĐ\x07' has a control character (a line break, tab, escape or the like); names and notes are plain text
2> nothing was imported
# a level or region not in the list is refused by name (the lists were read past their end)
$ printf 'code,name,level,parent,region\nTN-DH-X,Xã X,planet,TN-DH,\n' > lv.csv && $NTM --db t.db import lv.csv
? 1
2> ntm: lv.csv:2: field 'level': 'planet' is not one of: province, district, commune, township, ward, village
2> nothing was imported
$ printf 'code,name,level,parent,region\nTN-DH-X,Xã X,commune,TN-DH,mars\n' > rg.csv && $NTM --db t.db import rg.csv
? 1
2> ntm: rg.csv:2: field 'region': 'mars' is not a threshold region of QĐ 318: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl
2> nothing was imported
