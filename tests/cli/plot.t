# charts through gnuplot: valid files of the asked size, Vietnamese labels, no injection
$ cp -r $T/* . && $NTM --db t.db import variables.csv units.csv observations.csv >/dev/null
$ printf 'unit,year,fund,kind,allocated,disbursed,measure,source\nTN-DH,2022,central,investment,35100,32579,,test\nTN-DH,2022,province,investment,17000,16871,,test\nTN-DH,2023,central,investment,74324,64651,,test\nTN-DH,2023,province,in_kind,23000,23000,tonnes,test\n' > funding.csv && $NTM --db t.db import funding.csv >/dev/null
$ $NTM --db t.db plot funding --unit "dinh hoa" --out f.png --size 640x480
$ od -An -tx1 -N8 f.png | tr -d ' '
> 89504e470d0a1a0a
$ od -An -tu1 -j16 -N8 f.png | tr -s ' '
>  0 0 2 128 0 0 1 224
$ $NTM --db t.db plot funding --unit TN-DH --out f.svg --size 800x400
$ grep -c '<svg' f.svg && grep -o 'width="800"' f.svg | head -1
> 1
> width="800"
~ 
$ grep -c 'Định Hóa: vốn phân bổ theo nguồn và tỷ lệ giải ngân' f.svg
> 1
$ grep -q 'Ngân sách trung ương' f.svg
# the Vietnamese number format on the axis: 60.000, not 60000
$ grep -c '>60.000<' f.svg
> 1
$ $NTM --db t.db plot variable --var road_village_total_km --unit "bao cuong,Kim Phượng" --out v.txt && cat v.txt
~ Bảo Cường
~ Kim Phượng

# a hostile title runs nothing: backquotes, a closing quote with system(), a newline
$ $NTM --db t.db plot funding --unit TN-DH --out h.svg --title "x\`touch pwned1\`'; system('touch pwned2'); print '"
$ $NTM --db t.db plot funding --unit TN-DH --out h2.svg --title "$(printf 'ok\nsystem("touch pwned3")')"
$ ls pwned1 pwned2 pwned3 2>/dev/null | wc -l
> 0
$ grep -c 'touch pwned2' h.svg
> 1

# errors
$ GNUPLOT=/nonexistent/gnuplot $NTM --db t.db plot funding --unit TN-DH --out x.png
? 1
2> ntm: cannot run /nonexistent/gnuplot: No such file or directory (install the Debian package gnuplot-nox, or `make deps`)
$ $NTM --db t.db plot funding --unit TN-DH-BAOCUONG --out x.png
? 1
2> ntm: plot funding: no funding in million VND for Bảo Cường (TN-DH-BAOCUONG)
$ $NTM --db t.db plot pie --out x.png
? 2
2> ntm: plot: unknown kind 'pie' (funding, variable, share, units-met, heatmap, projection, runs or map)
# --out into a missing folder is refused, with nothing on standard output
$ $NTM --db t.db plot funding --unit TN-DH --out missing/f.png > stdout.bin
? 1
2> ntm: missing/f.png: folder 'missing' does not exist
$ wc -c < stdout.bin
> 0
$ $NTM --db t.db plot funding --unit TN-DH --out f.svg --csv missing/f.csv
? 1
2> ntm: missing/f.csv: folder 'missing' does not exist
$ $NTM --db t.db plot funding --unit TN-DH --out f.svg/f.png
? 1
2> ntm: f.svg/f.png: 'f.svg' is not a folder
$ $NTM --db t.db plot funding --unit TN-DH --out "$(printf 'a\nb.png')"
? 1
2> ntm: a?b.png: the name has a control character (a line break?)
$ $NTM --db t.db plot funding --unit TN-DH --out f.png --size 5x5
? 1
2> ntm: plot: --size '5x5' is not WIDTHxHEIGHT, each 10 to 10000 (e.g. 900x540)
# a link planted under the name, dangling or not, is replaced, never followed
$ mkdir po && echo keep > victim.png && ln -s ../victim.png po/f.png && ln -s ../gone.csv po/f.csv && $NTM --db t.db plot funding --unit TN-DH --out po/f.png --csv po/f.csv
$ cat victim.png; test ! -e gone.csv && find po -type l | wc -l && od -An -tx1 -N4 po/f.png | tr -d ' ' && head -1 po/f.csv
> keep
> 0
> 89504e47
> category,Ngân sách trung ương,Ngân sách tỉnh,Tỷ lệ giải ngân (%)
# gnuplot is stopped past its time limit (NTM_GNUPLOT_TIMEOUT, default 60 s);
# its files have no name on disk, so nothing is left behind
$ cp $T/hostile/hang-gnuplot hang && GNUPLOT=./hang NTM_GNUPLOT_TIMEOUT=0.5 timeout 20 $NTM --db t.db plot funding --unit TN-DH --out slow.png
? 1
2> ntm: gnuplot did not finish within 0.5 s and was stopped (NTM_GNUPLOT_TIMEOUT sets the limit in seconds)
$ test ! -e named && test ! -e slow.png && ls -A | grep -c '^\.slow'
? 1
> 0
$ NTM_GNUPLOT_TIMEOUT=soon $NTM --db t.db plot funding --unit TN-DH --out x.png
? 1
2> ntm: NTM_GNUPLOT_TIMEOUT 'soon' is not a number of seconds (more than 0, at most 86400)

# units meeting a set per year, and the criteria heat map, with their data as CSV
$ $NTM --db t.db --criteria crit plot units-met --set roads --unit "dinh hoa" --years 2022-2023 --out m.svg --csv m.csv && cat m.csv
> wrote m.svg and m.csv
> category,Đạt chuẩn (chắc chắn),"Có thể đạt (chờ ngưỡng, thiếu số liệu)",Không đạt,Số tiêu chí đạt bình quân
> 2022,0,1,1,1
> 2023,1,1,0,2.5
$ grep -q 'Định Hóa: số đơn vị đạt roads, 2022–2023' m.svg
$ $NTM --db t.db --criteria crit plot heatmap --set roads --unit TN-DH --year 2023 --out h.png --csv h.csv && cat h.csv
> wrote h.png and h.csv
> category,Bảo Cường,Kim Phượng
> 2,met,met
> 10,met,unknown
> 13,met,met
$ od -An -tx1 -N4 h.png | tr -d ' '
> 89504e47

# a share over years and quarters; two runs side by side
$ printf 'unit,period,variable,value,source\nTN-DH-KIMPHUONG,2024Q1,road_village_total_km,30,test\n' > q.csv && $NTM --db t.db import q.csv >/dev/null && $NTM --db t.db plot share --var road_village_hardened_km --of road_village_total_km --unit "kim phuong" --out s.png --csv s.csv && cat s.csv
> wrote s.png and s.csv
> category,Kim Phượng
> 2023Q2,60
> 2023Q4,66.66666667
$ $NTM --db t.db --criteria crit eval roads --years 2022-2023 >/dev/null && $NTM --db t.db --criteria crit eval roads --unit "dinh hoa" --year 2023 >/dev/null
$ $NTM --db t.db plot runs --run 1 --against 2 --out r.svg --csv r.csv && cat r.csv
> wrote r.svg and r.csv
> category,Lần đánh giá 1,Lần đánh giá 2
> 2022,0,
> 2023,1,1
