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
2> ntm: plot: unknown kind 'pie' (funding, variable, share, units-met, heatmap or runs)

# units meeting a set per year, and the criteria heat map, with their data as CSV
$ $NTM --db t.db --criteria crit plot units-met --set roads --unit "dinh hoa" --years 2022-2023 --out m.svg --csv m.csv && cat m.csv
> category,Số đơn vị đạt chuẩn,Số tiêu chí đạt bình quân
> 2022,0,1
> 2023,1,2.5
$ grep -q 'Định Hóa: số đơn vị đạt chuẩn theo năm' m.svg
$ $NTM --db t.db --criteria crit plot heatmap --set roads --unit TN-DH --year 2023 --out h.png --csv h.csv && cat h.csv
> category,Bảo Cường,Kim Phượng
> 2,2,2
> 10,2,1
> 13,2,2
$ od -An -tx1 -N4 h.png | tr -d ' '
> 89504e47

# a share over years and quarters; two runs side by side
$ printf 'unit,period,variable,value,source\nTN-DH-KIMPHUONG,2024Q1,road_village_total_km,30,test\n' > q.csv && $NTM --db t.db import q.csv >/dev/null && $NTM --db t.db plot share --var road_village_hardened_km --of road_village_total_km --unit "kim phuong" --out s.png --csv s.csv && cat s.csv
> category,Kim Phượng
> 2023Q2,60
> 2023Q4,66.66666667
$ $NTM --db t.db --criteria crit eval roads --years 2022-2023 >/dev/null && $NTM --db t.db --criteria crit eval roads --unit "dinh hoa" --year 2023 >/dev/null
$ $NTM --db t.db plot runs --run 1 --against 2 --out r.svg --csv r.csv && cat r.csv
> category,Lần đánh giá 1,Lần đánh giá 2
> 2022,0,
> 2023,1,1
