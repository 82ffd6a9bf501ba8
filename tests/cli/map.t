# ntm plot map: units filled by status, criteria met or a variable, from GeoJSON boundaries
$ cp -r $T/map/* . && $NTM --db t.db import units.csv observations.csv >/dev/null
# 2023 is drawn on the map's units, those of 2024 (the codes match best then): Hòa Thuận
# (from 2024) combines Đông Sơn and Tây Sơn; the township, an unknown code, a unit with
# no figure for the year (drawn as no data, not as unknown) and a unit without
# boundary are said
$ $NTM --db t.db --criteria crit plot map --set homes --unit TT --year 2023 --boundaries map.geojson --out m.png --csv m.csv
> wrote m.png and m.csv
2> ntm: note: the map's units are those of 2024; 2023 is judged on them, as with --as-of 2024
2> ntm: note: 1 unit of Tỉnh Thử in 2024 has no boundary in map.geojson: TT005 Bắc Hà
2> units as they stood in 2024; figures across merges:
2>   Hòa Thuận (TT002), 2023: the figures of Đông Sơn (merged in 2024), Tây Sơn (merged in 2024)
2>   combined: counts, lengths, areas and amounts summed; per-head figures and percentages weighted by population_total; a yes/no holds only if it held in each unit; a figure missing in any leaves it unknown
2> ntm: note: 3 of 5 units drawn as no data: TT007 Trung Tâm (no figure for 2023), TT003 Chợ Mới (a township; set homes judges communes), TT009 Vùng Ngoài (no unit with this code in Tỉnh Thử in 2024)
$ cat m.csv
> code,name,status
> TT001,An Bình,met
> TT002,Hòa Thuận,met
> TT007,Trung Tâm,
> TT003,Chợ Mới,
> TT009,Vùng Ngoài,
$ od -An -tx1 -N8 m.png | tr -d ' '
> 89504e470d0a1a0a
# the commands gnuplot gets: equal scales, filled rings largest first (the enclave
# Trung Tâm after the hole of Hòa Thuận, in white), a Vietnamese legend with counts,
# labels inside their unit (Hòa Thuận's not in its hole)
$ printf '#!/bin/sh\ncat > cmds.gp\n' > cap && chmod +x cap
$ GNUPLOT=./cap NTM_LANG=vi $NTM --db t.db --criteria crit plot map --set homes --unit TT --year 2023 --boundaries map.geojson --out g.png 2>/dev/null
> đã ghi g.png
# (the title from the left edge: centred over a narrow province it ran off the picture)
$ grep -c 'set size ratio -1' cmds.gp && grep -o "set label 9998 '[^']*' at screen 0.02" cmds.gp
> 1
> set label 9998 'Tỉnh Thử: kết quả theo bộ tiêu chí homes, năm 2023 (đơn vị hành chính năm 2024)' at screen 0.02
$ grep -o "title '[^']*'" cmds.gp
> title 'đạt (2)'
> title 'không có số liệu (3)'
$ grep -n ' 16777215$' cmds.gp | head -1 | cut -d: -f1; grep -n ' 15132390$' cmds.gp | head -1 | cut -d: -f1
> 26
> 37
$ grep -o "set label [0-9]* '[^']*' at [0-9.]*, [0-9.]*" cmds.gp
> set label 1 'Hòa Thuận' at 98.220312, 21.030000
> set label 2 'Chợ Mới' at 97.987232, 21.300000
> set label 3 'An Bình' at 97.987232, 21.100000
> set label 4 'Vùng Ngoài' at 98.220312, 21.350000
> set label 5 'Trung Tâm' at 98.220312, 21.150000
# the number of criteria met, a variable; svg and pdf by the name
$ $NTM --db t.db --criteria crit plot map --set homes --by criteria --unit TT --year 2023 --boundaries map.geojson --out c.pdf --csv c.csv 2>/dev/null && cat c.csv && head -c 5 c.pdf
> wrote c.pdf and c.csv
> code,name,criteria_met
> TT001,An Bình,1
> TT002,Hòa Thuận,1
> TT007,Trung Tâm,
> TT003,Chợ Mới,
> TT009,Vùng Ngoài,
> %PDF-
$ $NTM --db t.db plot map --var households_total --unit TT --year 2023 --boundaries map.geojson --out v.svg --csv v.csv 2>/dev/null && cat v.csv && grep -c '<svg' v.svg
> wrote v.svg and v.csv
> code,name,households_total
> TT001,An Bình,1200
> TT002,Hòa Thuận,1100
> TT007,Trung Tâm,
> TT003,Chợ Mới,900
> TT009,Vùng Ngoài,
> 1
# the map of another year: Hòa Thuận did not exist in 2023
$ $NTM --db t.db --criteria crit plot map --set homes --map-year 2023 --unit TT --year 2023 --boundaries map.geojson --out y.png --csv y.csv
2> ntm: note: 3 units of Tỉnh Thử in 2023 have no boundary in map.geojson: TT005 Bắc Hà, TT004 Đông Sơn, TT006 Tây Sơn
2> ntm: note: 4 of 5 units drawn as no data: TT002 Hòa Thuận (no unit with this code in Tỉnh Thử in 2023), TT007 Trung Tâm (no figure for 2023), TT003 Chợ Mới (a township; set homes judges communes), TT009 Vùng Ngoài (no unit with this code in Tỉnh Thử in 2023)
$ grep -c ',$' y.csv
> 4
# the bundled boundaries: plots/boundaries/*-CODE_*.geojson, the last by name
$ mkdir -p plots/boundaries && cp point.geojson plots/boundaries/map-2024-TT_tinh_thu.geojson && cp map.geojson plots/boundaries/map-2025-TT_tinh_thu.geojson && cp point.geojson plots/boundaries/map-2026-TTX_other.geojson
$ $NTM --db t.db --criteria crit plot map --set homes --unit "tinh thu" --year 2023 --out b.png 2>&1 >/dev/null | head -1
> ntm: note: boundaries from plots/boundaries/map-2025-TT_tinh_thu.geojson
# a hostile name runs nothing
$ sed "s/Vùng Ngoài/x'; system('touch pwned'); print '/" map.geojson > h.geojson && $NTM --db t.db --criteria crit plot map --set homes --unit TT --year 2023 --boundaries h.geojson --out h.svg 2>/dev/null && test ! -e pwned && grep -c "touch pwned" h.svg
> wrote h.svg
> 1

# errors: the file, line and column, the feature and its code
$ $NTM --db t.db --criteria crit plot map --set homes --unit TT --year 2023 --boundaries bad-comma.geojson --out x.png
? 1
2> ntm: bad-comma.geojson:5:5: expected ',' or ']' in an array, found '{'
$ $NTM --db t.db --criteria crit plot map --set homes --unit TT --year 2023 --boundaries point.geojson --out x.png
? 1
2> ntm: point.geojson:3:27: feature 1 (TT001): geometry type "Point" cannot be drawn (Polygon or MultiPolygon expected)
$ $NTM --db t.db --criteria crit plot map --set homes --unit TT --year 2023 --boundaries no-code.geojson --out x.png
? 1
2> ntm: no-code.geojson:2:38: feature 1: expected properties.code, the unit's code (a string), found nothing
$ $NTM --db t.db --criteria crit plot map --set homes --unit TT --year 2023 --boundaries short-ring.geojson --out x.png
? 1
2> ntm: short-ring.geojson:4:7: feature 1 (TT001): ring 1 has 3 positions; a ring has at least 4 (the last repeating the first)
$ $NTM --db t.db --criteria crit plot map --set homes --unit TT --year 2023 --boundaries swapped.geojson --out x.png
? 1
2> ntm: swapped.geojson:4:8: feature 1 (TT001): ring 1, position 1: [21, 105] is not a longitude (-180 to 180) and a latitude (-90 to 90)
$ $NTM --db t.db --criteria crit plot map --set homes --unit TT --year 2023 --boundaries missing.geojson --out x.png
? 1
2> ntm: missing.geojson: cannot open: No such file or directory
$ rm -r plots && $NTM --db t.db --criteria crit plot map --set homes --unit TT --year 2023 --out x.png
? 1
2> ntm: plot map: no boundaries for Tỉnh Thử (TT) in plots/boundaries (a file named *-TT_*.geojson); give --boundaries FILE.geojson
$ $NTM --db t.db plot map --set homes --var households_total --unit TT --year 2023 --out x.png
? 1
2> ntm: plot map: give --set SET or --var NAME, not both
$ $NTM --db t.db plot map --set homes --by colour --unit TT --year 2023 --out x.png
? 1
2> ntm: plot map: --by 'colour' is not status or criteria
$ $NTM --db t.db plot map --set homes --unit TT --out x.png
? 1
2> ntm: plot map: give --unit PROVINCE (a name or code) and --year Y
$ $NTM --db t.db --as-of 2025 --criteria crit plot map --set homes --map-year 2024 --unit TT --year 2023 --boundaries map.geojson --out x.png
? 1
2> ntm: plot map: --as-of 2025 and --map-year 2024 differ; the map's units are judged as of the map's year: give one
$ $NTM --db t.db plot map --var nonsense --unit TT --year 2023 --boundaries map.geojson --out x.png 2>&1 | tail -1
> ntm: plot map: unknown variable 'nonsense' (`ntm variables` lists them)
$ ls x.png 2>/dev/null | wc -l
> 0
$ $NTM --db t.db plot map --var households_total --unit TT --year 2023 --boundaries map.geojson --out x.txt 2>&1 | tail -1
> ntm: plot map: a map is drawn as png, svg or pdf (not as text)
$ $NTM --db t.db plot map --var households_total --unit TT --year 2023 --boundaries map.geojson --out x.png --format gif 2>&1 | tail -1
> ntm: plot map: a map is drawn as png, svg or pdf (--format 'gif')

# a code the GSO gave again to a merged commune matches the old commune too: the map's
# year is the one that leaves no unit without a boundary (2024), not the year judged with
# the old communes' names and statuses on the new boundaries
$ mkdir r && cp $T/map-reuse/* r/ && $NTM --db r.db import r/units.csv r/observations.csv >/dev/null && $NTM --db r.db --criteria crit plot map --set homes --unit RR --year 2023 --boundaries r/map.geojson --out r.png --csv r.csv 2>err >/dev/null; head -1 err && cat r.csv
> ntm: note: the map's units are those of 2024; 2023 is judged on them, as with --as-of 2024
> code,name,status
> RR1,Xã Mới Một,met
> RR3,Xã Mới Ba,unmet
# boundaries of another province, or of a district gone by the boundaries' time: refused,
# not a map all "no data"
$ $NTM --db r.db --criteria crit plot map --set homes --unit RR --year 2023 --boundaries map.geojson --out o.png
? 1
2> ntm: plot map: none of the 5 features of map.geojson has the code of a unit of Tỉnh Gộp in 2024 (properties.code): the boundaries of another place or time? (--map-year Y draws the units of Y)
$ $NTM --db r.db --criteria crit plot map --set homes --unit RRD --year 2023 --boundaries r/map.geojson --out o.png
? 1
2> ntm: plot map: none of the 2 features of r/map.geojson has the code of a unit of Huyện Cũ in 2024 (properties.code): Huyện Cũ (RRD) was a district until 2023 (--map-year Y draws the units of Y)
$ ls o.png 2>/dev/null | wc -l
> 0
# the colour box's name did not take the title's label (9998): maps by criteria met or by
# a variable had no title; a variable's box is named by its unit of measure (its name ran
# off the picture); the light end of a ramp is set apart from no data's grey, and a name
# on the dark end is written in white
$ GNUPLOT=./cap NTM_LANG=vi $NTM --db t.db --criteria crit plot map --set homes --by criteria --unit TT --year 2023 --boundaries map.geojson --out g.png 2>/dev/null && grep -o "set label 999[78] '[^']*'" cmds.gp
> đã ghi g.png
> set label 9998 'Tỉnh Thử: số tiêu chí homes đạt, năm 2023 (đơn vị hành chính năm 2024)'
> set label 9997 'số tiêu chí đạt'
$ GNUPLOT=./cap NTM_LANG=vi $NTM --db t.db plot map --var households_total --unit TT --year 2023 --boundaries map.geojson --out g.png 2>/dev/null && grep -o "set label 999[78] '[^']*'" cmds.gp && grep -o "set palette defined .*" cmds.gp && grep -o "'An Bình' at [0-9., ]* center front font ',7' tc rgb '#[0-9a-f]*'" cmds.gp | cut -d"'" -f6
> đã ghi g.png
> set label 9998 'Tỉnh Thử: Tổng số hộ, năm 2023 (đơn vị hành chính năm 2024)'
> set label 9997 'hộ'
> set palette defined (0 '#b3cde6', 1 '#08306b')
> #ffffff
# names are kept a letter's width apart: two names 47 pixels apart, centre to centre, on
# lines 9 pixels apart, ran into each other ("Tam ThanhTam Lư" on the Thanh Hóa map)
$ GNUPLOT=./cap $NTM --db t.db --criteria crit plot map --set homes --unit TT --year 2023 --boundaries labels.geojson --out g.png 2>/dev/null && grep -o "set label [0-9] '[^']*'" cmds.gp
> wrote g.png
> set label 1 'Tam Lư'

# boundaries that are not a regular file are refused at once, never waited on
$ mkfifo pipe.geojson && timeout 10 $NTM --db t.db --criteria crit plot map --set homes --unit TT --year 2023 --boundaries pipe.geojson --out f.png
? 1
2> ntm: pipe.geojson: not a file
