# Errors and notes of output, charts, maps and the criteria loader read Vietnamese by
# default (NTM_LANG=vi here; the other transcripts run in English); --lang en as before.

# the sandbox's limits, the ones a criteria author meets most
$ cp -r $T/evil . && $NTM --db t.db variables >/dev/null && sqlite3 t.db 'DELETE FROM variable'
$ NTM_LANG=vi timeout 20 $NTM --db t.db --criteria evil eval loop
? 1
2> ntm: evil/loop.lua:3: vượt quá giới hạn 20000000 lệnh (có vòng lặp vô tận?)
$ NTM_LANG=vi timeout 20 $NTM --db t.db --criteria evil eval hog
? 1
2> ntm: evil/hog.lua: vượt quá giới hạn bộ nhớ 64 MiB (có bảng phình to không kiểm soát?)
$ timeout 20 $NTM --lang en --db t.db --criteria evil eval hog
? 1
2> ntm: evil/hog.lua: memory limit of 64 MiB exceeded (a runaway table?)
$ printf 'while true do end\n' > loop.lua && NTM_LANG=vi $NTM --db t.db run loop.lua
? 1
2~ ntm: loop.lua:1: vượt quá giới hạn 20000000 lệnh (có vòng lặp vô tận?)

# the criteria loader
$ printf 'local x = 1\n' > empty.lua && NTM_LANG=vi $NTM --db t.db criteria check empty.lua
? 1
2~ empty.lua: không có khai báo set { id = ..., title = ..., ... } (đây có phải tệp bộ tiêu chí không?)
$ printf 'set { id = "x", title = "t", decision = "d", level = "commune", years = { 2021, 2025 } }\n' > nocrit.lua && NTM_LANG=vi $NTM --db t.db criteria check nocrit.lua
? 1
2~ nocrit.lua: bộ tiêu chí không có tiêu chí nào

# options of plot, report, synth
$ NTM_LANG=vi $NTM --db t.db plot pie --out x.png
? 2
2> ntm: plot: không có loại biểu đồ 'pie' (funding, variable, share, units-met, heatmap, projection, runs hoặc map)
$ NTM_LANG=vi $NTM --db t.db plot funding
? 2
2> ntm: plot: hãy ghi --out TỆP
$ NTM_LANG=vi $NTM --db t.db report criteria
? 2
2> ntm: report: hãy ghi --unit TÊN|MÃ (một huyện, một tỉnh hoặc một xã)
$ NTM_LANG=vi $NTM --db t.db report criteria --unit X --year 20x3
? 2
2> ntm: report: '20x3' không phải là một năm (ví dụ 2023)
$ NTM_LANG=vi $NTM --db t.db report criteria --unit X --years 2021-20x3
? 2
2> ntm: report: '2021-20x3' không phải là khoảng năm (ví dụ 2021-2023)
$ $NTM --lang en --db t.db report criteria --unit X --year 20x3
? 2
2> ntm: report: '20x3' is not a year (e.g. 2023)
$ NTM_LANG=vi $NTM synth
? 2
2> ntm: synth: hãy ghi --out THƯ_MỤC (cách dùng: ntm synth --out DIR [--units FILE] [--seed N] [--scale X])

# a script's chart
$ printf 'ntm.chart{ categories = {"a"}, series = {{ name = "x", values = {1} }}, out = "x.sh" }\n' > ext.lua && NTM_LANG=vi $NTM --db t.db run ext.lua --out out
? 1
2~ ntm: ext.lua:1: tên tệp 'x.sh': phải có đuôi .png hoặc .svg

# maps: a broken boundaries file, a geometry that cannot be drawn, the notes
$ cp -r $T/map/* . && $NTM --db m.db import units.csv observations.csv >/dev/null
$ NTM_LANG=vi $NTM --db m.db --criteria crit plot map --set homes --unit TT --year 2023 --boundaries bad-comma.geojson --out x.png
? 1
2> ntm: bad-comma.geojson:5:5: cần ',' hoặc ']' trong mảng, nhưng gặp '{'
$ NTM_LANG=vi $NTM --db m.db --criteria crit plot map --set homes --unit TT --year 2023 --boundaries point.geojson --out x.png
? 1
2> ntm: point.geojson:3:27: đối tượng 1 (TT001): không vẽ được hình loại "Point" (cần Polygon hoặc MultiPolygon)
$ NTM_LANG=vi $NTM --db m.db --criteria crit plot map --set homes --unit TT --year 2023 --boundaries map.geojson --out m.png >/dev/null
2~ ntm: lưu ý: 1 đơn vị của Tỉnh Thử năm 2024 không có ranh giới trong map.geojson: TT005 Bắc Hà
2~ ntm: lưu ý: 3/5 đơn vị được vẽ là không có số liệu: TT007 Trung Tâm (không có số liệu năm 2023), TT003 Chợ Mới (là thị trấn; bộ tiêu chí homes đánh giá cấp xã), TT009 Vùng Ngoài (không có đơn vị mang mã này thuộc Tỉnh Thử năm 2024)

# a filled criteria sheet read back: the column, its letter, what is wrong
$ mkdir sh && cp -r $T/sheet/* sh/ && cd sh && $NTM --db s.db import $ROOT/data/variables.csv units.csv observations.csv >/dev/null
$ cd sh && printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,4.1,dbsh,2023,set,1,,,TEST\n' > bad.csv && NTM_LANG=vi $NTM --db s.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: cột 'indicator' (cột B trong bảng tính): chỉ tiêu 4.1 là chỉ tiêu có/không (phải đạt): không có ngưỡng để điền
$ cd sh && printf 'set,indicator,region,year,state,value,lower,upper,source\nmini-318,2.2,dbsh,2030,set,80,,,QĐ\n' > bad.csv && NTM_LANG=vi $NTM --db s.db --criteria crit criteria sheet --apply bad.csv --id x --out-dir out
? 1
2> ntm: bad.csv:2: cột 'year' (cột D trong bảng tính): '2030' không phải là một năm của bộ tiêu chí mini-318 (2022-2024)
