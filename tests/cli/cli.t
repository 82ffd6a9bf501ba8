# the command line itself
$ $NTM --help
~ usage: ntm [--db PATH] [--criteria DIR] COMMAND [ARGS]
~   eval          evaluate a criteria set for units and years
$ $NTM
? 2
$ $NTM evl
? 2
2> ntm: 'evl' is not an ntm command; did you mean 'eval' or 'sql'? (see 'ntm --help')
$ $NTM eval --help
~ usage: ntm eval SET [--year Y | --years A-B] [--unit NAME|CODE]
~   --format FMT             table (default), csv or json
$ $NTM help import
~ All files go in as one transaction
$ $NTM --version
~ ntm 0.1.0
# a new database begins with the bundled dictionary
$ NTM_DB=env.db $NTM variables && test -f env.db
~ households_total                       households        Tổng số hộ
$ cp -r $T/* . && $NTM --db t.db import variables.csv units.csv >/dev/null && $NTM --db t.db units --level commune
> TN-DH-BAOCUONG         Bảo Cường  (commune, tdmnpb)
> TN-DH-KIMPHUONG        Kim Phượng  (commune, tdmnpb)
> TH-QX-QUANGGIAO        Quảng Giao  (commune, btb)
$ $NTM synth --out small --scale 0.005 --seed 7 && $NTM synth --out small2 --scale 0.005 --seed 7 && cmp small/observations.csv small2/observations.csv && head -1 small/units.csv
~ code,name,level,parent,region
$ $NTM --db s.db import $ROOT/data/variables.csv small/units.csv small/observations.csv small/funding.csv
~ imported
# the command list lines up whatever the longest command name
$ $NTM --help | grep -E '^  (recognitions|eval) '
>   eval          evaluate a criteria set for units and years
>   recognitions  recorded recognitions beside what the evaluation finds
