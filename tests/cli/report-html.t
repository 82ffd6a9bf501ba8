# ntm report html: the whole report as one self-contained page (the page in a
# real browser is tests/browser/run's); here the command, the file it writes,
# what the page holds and what it must not. And one table as a page (.html).

# the bundled data in a database; ./r runs ntm on it with the bundled sets and rules
$ printf '#!/bin/sh\nexec "$NTM" --db d.db --criteria "$ROOT/criteria" "$@"\n' > r && chmod +x r && ./r import $ROOT/data/variables.csv $ROOT/data/seeds/*.csv >/dev/null
$ ./r report --help
~ html        the whole report as one self-contained HTML page (--out
~ --rules DIR

$ ./r report html --unit "Định Hóa" --years 2021-2023 --rules $ROOT/scripts/checks --out p.html
> wrote p.html: report page 2021-2023, 11 tables, 3 charts, 10 findings, 19 sources
$ head -2 p.html
> <!DOCTYPE html>
> <html lang="vi">
# nothing loads from anywhere: a policy that forbids it, no script, link, img or url
$ grep -c "default-src 'none'" p.html
> 1
$ grep -Eic "<script|<link|<img|<iframe|@import|url\(http|(src|href)=[\"']?(https?:)?//" p.html
? 1
> 0
# the tables, in the page's order: the summary, criteria by commune, the
# indicators of each criterion some commune does not meet, funding, the
# audit's findings, the thresholds
$ grep -o 'data-table="[^"]*"' p.html
> data-table="bieu-03"
> data-table="bieu-01"
> data-table="bieu-02-2"
> data-table="bieu-02-3"
> data-table="bieu-02-9"
> data-table="bieu-02-11"
> data-table="bieu-02-12"
> data-table="bieu-02-14"
> data-table="bieu-02-15"
> data-table="bieu-02-17"
> data-table="bieu-04"
> data-table="kiem-tra-bang"
> data-table="nguon-nguong"
# three charts inline, their ids apart (gnuplot names the same things in each)
$ grep -c '^<svg role="img"' p.html
> 3
$ grep -o "id='h[0-9]-gpPt0'" p.html
> id='h1-gpPt0'
> id='h2-gpPt0'
> id='h3-gpPt0'
$ grep -c "href='#gp" p.html
? 1
> 0
# numbers and statuses as the annex writes them; sources numbered and linked
$ grep -o '<td class="num">246.324</td>' p.html | head -1
> <td class="num">246.324</td>
$ grep -o '<td class="st st-open">chưa có ngưỡng</td>' p.html | head -1
> <td class="st st-open">chưa có ngưỡng</td>
$ grep -o '<th class="st-head" title="17. Môi trường và an toàn thực phẩm">17</th>' p.html
> <th class="st-head" title="17. Môi trường và an toàn thực phẩm">17</th>
$ grep -o '<li id="nguon-[0-9]*">\[[0-9]*\] [^<]\{0,40\}' p.html | head -3
> <li id="nguon-1">[1] synthetic: per-commune figures consisten
> <li id="nguon-2">[2] seed A (Định Hóa report 14/03/2024) §II.
> <li id="nguon-3">[3] seed A (Định Hóa report 14/03/2024) §II.
$ grep -c '<a class="ref" href="#nguon-1">\[1\]</a>' p.html
> 638
# the audit: the findings of ntm check over the unit and years, in Vietnamese words
$ grep -o '<td>cảnh báo</td><td>X5</td><td>Định Hóa (167)</td>' p.html
> <td>cảnh báo</td><td>X5</td><td>Định Hóa (167)</td>
# the thresholds' sources: a draft with where it comes from
$ grep -o '<td>2.1</td>.\{0,400\}' p.html | grep -o '<td>100 (dự thảo)</td><td>dự thảo</td>'
> <td>100 (dự thảo)</td><td>dự thảo</td>

# the rules come from --rules, else $NTM_CHECKS, else scripts/checks (here, none)
$ ./r report html --unit "Định Hóa" --years 2021-2023 --out q.html
? 1
2> ntm: rules folder 'scripts/checks' cannot be read: No such file or directory (give --rules DIR or set NTM_CHECKS)
$ ls -A | grep -c 'q\.html'
? 1
> 0
$ NTM_CHECKS=$ROOT/scripts/checks ./r report html --unit "Quảng Giao" --year 2023 --out q.html
> wrote q.html: report page 2023, 13 tables, 3 charts, 3 findings, 6 sources
# one commune over several years: its heat map has the years as rows
$ NTM_CHECKS=$ROOT/scripts/checks ./r report html --unit "Quảng Giao" --years 2022-2023 --out q2.html && grep -o 'Quảng Giao: tiêu chí th-32-2022-commune theo năm, 2022–2023' q2.html
> wrote q2.html: report page 2022-2023, 13 tables, 3 charts, 3 findings, 6 sources
> Quảng Giao: tiêu chí th-32-2022-commune theo năm, 2022–2023
# a commune without funding: no Biểu 04, two charts
$ NTM_CHECKS=$ROOT/scripts/checks ./r report html --unit "Bảo Cường" --years 2021-2023 --out b.html && grep -c 'Biểu số 04: không có số liệu nguồn vốn' b.html
> wrote b.html: report page 2021-2023, 10 tables, 2 charts, 0 findings, 1 source
> 1

# hostile text is shown, never run: a commune named <script>, a source and a
# work that try to close tags
$ cp d.db h.db && "$NTM" --db h.db import $ROOT/tests/browser/fixtures/hostile-*.csv >/dev/null && "$NTM" --db h.db --criteria $ROOT/criteria report html --unit "Định Hóa" --years 2021-2023 --rules $ROOT/scripts/checks --out h.html
> wrote h.html: report page 2021-2023, 23 tables, 3 charts, 11 findings, 21 sources
$ grep -Eic '<script|<img|<a href="https|<[a-z][^<>]* onerror=' h.html
? 1
> 0
$ grep -c '&lt;script&gt;alert(1)&lt;/script&gt;' h.html
> 58
$ grep -o '<li id="nguon-[0-9]*">[^<]*alert(3)[^<]*</li>' h.html
> <li id="nguon-1">[1] &lt;img src=x onerror=alert(2)&gt; &amp; &quot;quoted&quot; &lt;/li&gt;&lt;/ol&gt;&lt;script&gt;alert(3)&lt;/script&gt;</li>

# text that reads like attributes is text in a chart too, and the page is made
$ cp d.db a.db && "$NTM" --db a.db import $T/html/attr-units.csv >/dev/null && "$NTM" --db a.db --criteria $ROOT/criteria report html --unit "Định Hóa" --years 2021-2023 --rules $ROOT/scripts/checks --out a.html && grep -o '<text>x onload[^<]*</text>' a.html
> wrote a.html: report page 2021-2023, 22 tables, 3 charts, 11 findings, 19 sources
> <text>x onload=alert(6) src=y href=https://e.org/ url(http://e.org/)</text>
# the SVG gnuplot draws is inlined only when it is drawing alone ($T/html/svg-gnuplot
# prints $SVG whatever it is asked); its ids are made the chart's own
$ printf '#!/bin/sh\nexec env GNUPLOT=%s "$NTM" --db d.db --criteria "$ROOT/criteria" report html --unit "Định Hóa" --rules "$ROOT/scripts/checks" --out e.html\n' "$T/html/svg-gnuplot" > g && chmod +x g
$ SVG="<svg><g id='a'><use xlink:href='#a'/></g></svg>" ./g && grep -o "<g id='h1-a'><use xlink:href='#h1-a'/></g></svg>" e.html
> wrote e.html: report page 2021-2023, 11 tables, 3 charts, 10 findings, 19 sources
> <g id='h1-a'><use xlink:href='#h1-a'/></g></svg>
$ SVG="<svg><script>alert(1)</script></svg>" ./g
? 1
2> ntm: report html: chart 1: gnuplot's SVG holds an element that is not drawing; refused
$ SVG="<svg><foreignObject><p>x</p></foreignObject></svg>" ./g
? 1
2> ntm: report html: chart 1: gnuplot's SVG holds an element that is not drawing; refused
$ SVG="<svg onload='alert(1)'></svg>" ./g
? 1
2> ntm: report html: chart 1: gnuplot's SVG holds an event handler; refused
$ SVG="<svg><use xlink:href='https://e.org/x.svg#a'/></svg>" ./g
? 1
2> ntm: report html: chart 1: gnuplot's SVG holds a link off the page; refused
$ SVG="<svg><image href='javascript:alert(1)'/></svg>" ./g
? 1
2> ntm: report html: chart 1: gnuplot's SVG holds a link off the page; refused
$ SVG="<svg><image src='x.png'/></svg>" ./g
? 1
2> ntm: report html: chart 1: gnuplot's SVG holds a src attribute; refused
$ SVG="<svg><rect fill='url(https://e.org/)'/></svg>" ./g
? 1
2> ntm: report html: chart 1: gnuplot's SVG holds a url() off the page; refused
$ SVG="not svg" ./g
? 1
2> ntm: report html: chart 1: gnuplot's output is not SVG
$ ls -A | grep -c 'e\.html\.'
? 1
> 0

# a name planted as a link is replaced, never followed
$ ln -s target.html l.html && ./r report html --unit "Bảo Cường" --rules $ROOT/scripts/checks --out l.html >/dev/null && test ! -e target.html && test ! -L l.html && echo ok
> ok

# one table as a page of its own
$ ./r report funding --unit "Quảng Giao" --out f.html
> wrote f.html: Biểu số 04, 2 rows
$ grep -o '<section class="bieu" id="bieu">\|<td class="num">19.700</td>\|<tr class="total">' f.html
> <section class="bieu" id="bieu">
> <td class="num">19.700</td>
> <td class="num">19.700</td>
> <tr class="total">
$ ./r report funding --unit "Quảng Giao" --format html | grep -c '<html lang="vi">'
> 1

# errors
$ ./r report html --unit "Định Hóa"
? 2
2> ntm: report html: give --out FILE.html (the page is one file)
$ ./r report html --unit "Định Hóa" --out p.pdf
? 2
2> ntm: report html: give --out FILE.html (the page is one file)
$ ./r report html --unit "Định Hóa" --out p.html --format md
? 2
2> ntm: report html: give --out FILE.html (the page is one file)
$ ./r report criteria --unit "Định Hóa" --rules x
? 2
2> ntm: report: --rules goes with html (the page's audit)
$ ./r report html --unit "Định Hóa" --criterion 2 --out p.html
? 2
2> ntm: report: --criterion goes with the indicators table
$ ./r report html --unit "Định Hóa" --rules $ROOT/scripts/checks --out nofolder/p.html
? 1
2> ntm: nofolder/p.html: folder 'nofolder' does not exist
$ ./r report htm --unit "Định Hóa"
? 2
2> ntm: report: unknown table 'htm' (criteria, indicators, summary, funding or projects, or html); did you mean 'html'?

# ntm plot heatmap of one unit in one year: gnuplot draws no image one row
# high, so the row is drawn twice, the copy outside the frame (it drew nothing)
$ ./r plot heatmap --set vn-318-commune --unit "Quảng Giao" --year 2023 --out one.svg >/dev/null && grep -c '<image' one.svg
> 1
