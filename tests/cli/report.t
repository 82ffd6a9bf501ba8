# ntm report: the office's annex tables on the bundled data, in text, csv,
# Markdown and xlsx; the xlsx read back by tests/cli/xlsx-check.py, which
# uses only Python's standard library (zipfile, xml.etree).

# the bundled data in a database; ./r runs ntm on it with the bundled sets
$ printf '#!/bin/sh\nexec "$NTM" --db d.db --criteria "$ROOT/criteria" "$@"\n' > r && chmod +x r && ./r import $ROOT/data/variables.csv $ROOT/data/seeds/*.csv >/dev/null
$ ./r report --help
~ Biểu số 01: a row per commune, a column per criterion
~ --bom

# criteria by commune; the set by default is the one in force (Thanh Hóa's here)
$ ./r report criteria --unit "Quảng Giao" --year 2023
> Biểu số 01
> Kết quả thực hiện các tiêu chí theo xã: Bộ tiêu chí xã nông thôn mới tỉnh Thanh Hóa giai đoạn 2022-2025
> Xã Quảng Giao, huyện Quảng Xương, tỉnh Thanh Hoá
> Năm 2023
> Nguồn: ntm đánh giá theo bộ tiêu chí th-32-2022-commune (QĐ 32/2022/QĐ-UBND ngày 10/8/2022 của UBND tỉnh Thanh Hóa) trên số liệu trong d.db
>
> STT  Xã          1    2               3               4    5    6    7    8    9               10              11              12              13   14              15              16   17              18   19   Số TC đạt  Kết quả         Công nhận
> ---  ----------  ---  --------------  --------------  ---  ---  ---  ---  ---  --------------  --------------  --------------  --------------  ---  --------------  --------------  ---  --------------  ---  ---  ---------  --------------  ---------
>   1  Quảng Giao  đạt  chưa có ngưỡng  chưa có ngưỡng  đạt  đạt  đạt  đạt  đạt  chưa có ngưỡng  chưa có ngưỡng  chưa có ngưỡng  chưa có ngưỡng  đạt  chưa có ngưỡng  chưa có ngưỡng  đạt  chưa có ngưỡng  đạt  đạt         10  chưa có ngưỡng
> ---  ----------  ---  --------------  --------------  ---  ---  ---  ---  ---  --------------  --------------  --------------  --------------  ---  --------------  --------------  ---  --------------  ---  ---  ---------  --------------  ---------
>      Số xã đạt   1    0               0               1    1    1    1    1    0               0               0               0               1    0               0               1    0               1    1               0
>
> Ghi chú: đạt: đạt với mọi ngưỡng bộ tiêu chí cho phép; chưa đạt: không đạt với mọi ngưỡng đó; chưa rõ: thiếu số liệu; chưa có ngưỡng: kết quả tùy vào ngưỡng bộ tiêu chí chưa quy định; không áp dụng: chỉ tiêu không áp dụng cho đơn vị.
> Ngưỡng: 4 chỉ tiêu theo ngưỡng dự thảo, 22 chỉ tiêu chưa có ngưỡng: 2.1 (dự thảo), 2.2 (chưa quy định), 2.3 (chưa quy định), 2.4 (chưa quy định), 3.1 (chưa quy định), 4.2 (dự thảo), 5 (chưa quy định), 6.3 (dự thảo), 9.2 (chưa quy định), 10 (chưa quy định), 11 (chưa quy định), 12 (chưa quy định), 14.2 (chưa quy định), 14.3 (chưa quy định), 15.1 (chưa quy định), 15.3 (dự thảo), 15.4 (chưa quy định), 16 (chưa quy định), 17.1 (chưa quy định), 17.2 (chưa quy định), 17.5 (chưa quy định), 17.7 (chưa quy định), 17.8 (chưa quy định), 17.9 (chưa quy định), 17.10 (chưa quy định), 17.11 (chưa quy định) (xem `ntm criteria show th-32-2022-commune --drafts`).
$ ./r report criteria --unit "Định Hóa" --year 2023 --out c.csv
> wrote c.csv: Biểu số 01, 22 rows
$ head -3 c.csv
> no,unit_code,unit_name,year,criterion_1,criterion_2,criterion_3,criterion_4,criterion_5,criterion_6,criterion_7,criterion_8,criterion_9,criterion_10,criterion_11,criterion_12,criterion_13,criterion_14,criterion_15,criterion_16,criterion_17,criterion_18,criterion_19,criteria_met,status,recognition
> 1,05569,Bảo Cường,2023,met,open,open,met,met,met,met,met,open,met,open,open,met,open,open,met,open,met,met,11,open,ntm-reconfirmed 2023
> 2,05554,Bảo Linh,2023,met,open,open,met,met,met,met,met,open,met,open,open,met,open,open,met,open,met,met,11,open,ntm 2022
$ tail -1 c.csv
> 22,05584,Trung Lương,2023,met,open,open,met,met,met,met,met,open,met,open,open,met,open,open,met,open,met,met,11,open,ntm 2023
$ wc -l < c.csv
> 23
$ ./r report criteria --unit "Quảng Giao" --years 2022-2023 --set vn-318-commune --format csv
> no,unit_code,unit_name,year,criterion_1,criterion_2,criterion_3,criterion_4,criterion_5,criterion_6,criterion_7,criterion_8,criterion_9,criterion_10,criterion_11,criterion_12,criterion_13,criterion_14,criterion_15,criterion_16,criterion_17,criterion_18,criterion_19,criteria_met,status,recognition
> 1,16519,Quảng Giao,2022,met,open,open,met,met,met,met,met,open,met,open,open,met,open,open,met,open,met,met,11,open,
> 2,16519,Quảng Giao,2023,met,open,open,met,met,met,met,met,open,met,open,open,met,open,open,met,open,met,met,11,open,

# indicators of one criterion: value, threshold or what is known of it, gap, source
$ ./r report indicators --unit "Quảng Giao" --criterion 2 --year 2023
> Biểu số 02
> Các chỉ tiêu của tiêu chí 2 (Giao thông) theo xã: Bộ tiêu chí xã nông thôn mới tỉnh Thanh Hóa giai đoạn 2022-2025
> Xã Quảng Giao, huyện Quảng Xương, tỉnh Thanh Hoá
> Năm 2023
> Nguồn: ntm đánh giá theo bộ tiêu chí th-32-2022-commune (QĐ 32/2022/QĐ-UBND ngày 10/8/2022 của UBND tỉnh Thanh Hóa) trên số liệu trong d.db
>
> STT  Xã          Chỉ tiêu  Nội dung                                          ĐVT  Giá trị  Yêu cầu           Ngưỡng  Ngưỡng là      Chênh lệch  Kết quả         Nguồn số liệu
> ---  ----------  --------  ------------------------------------------------  ---  -------  ---------  -------------  -------------  ----------  --------------  ------------------------------------------------
>   1  Quảng Giao  2.1       Tỷ lệ đường xã và đường từ trung tâm xã đến đườ…  %        100  tối thiểu            100  dự thảo                 0  đạt             synthetic: consistent with seed B (Quảng Giao p…
>   2  Quảng Giao  2.2       Tỷ lệ đường thôn, bản và đường liên thôn, bản í…  %        100  tối thiểu  chưa quy định  chưa quy định              đạt             synthetic: consistent with seed B (Quảng Giao p…
>   3  Quảng Giao  2.3       Tỷ lệ đường ngõ, xóm sạch và bảo đảm đi lại thu…  %      95,79  tối thiểu  chưa quy định  chưa quy định              chưa có ngưỡng  synthetic: consistent with seed B (Quảng Giao p…
>   4  Quảng Giao  2.4       Tỷ lệ đường trục chính nội đồng bảo đảm vận chu…  %      88,75  tối thiểu  chưa quy định  chưa quy định              chưa có ngưỡng  synthetic: consistent with seed B (Quảng Giao p…
>
> Ghi chú: đạt: đạt với mọi ngưỡng bộ tiêu chí cho phép; chưa đạt: không đạt với mọi ngưỡng đó; chưa rõ: thiếu số liệu; chưa có ngưỡng: kết quả tùy vào ngưỡng bộ tiêu chí chưa quy định; không áp dụng: chỉ tiêu không áp dụng cho đơn vị.
> Chênh lệch: phần vượt ngưỡng (dương) hoặc còn thiếu (âm); với ngưỡng chưa quy định hay chỉ biết khoảng, kết quả tính trên mọi ngưỡng trong khoảng đó.
> Ngưỡng: 4 chỉ tiêu theo ngưỡng dự thảo, 22 chỉ tiêu chưa có ngưỡng: 2.1 (dự thảo), 2.2 (chưa quy định), 2.3 (chưa quy định), 2.4 (chưa quy định), 3.1 (chưa quy định), 4.2 (dự thảo), 5 (chưa quy định), 6.3 (dự thảo), 9.2 (chưa quy định), 10 (chưa quy định), 11 (chưa quy định), 12 (chưa quy định), 14.2 (chưa quy định), 14.3 (chưa quy định), 15.1 (chưa quy định), 15.3 (dự thảo), 15.4 (chưa quy định), 16 (chưa quy định), 17.1 (chưa quy định), 17.2 (chưa quy định), 17.5 (chưa quy định), 17.7 (chưa quy định), 17.8 (chưa quy định), 17.9 (chưa quy định), 17.10 (chưa quy định), 17.11 (chưa quy định) (xem `ntm criteria show th-32-2022-commune --drafts`).
$ ./r report indicators --unit "Định Hóa" --criterion 17 --year 2023 --format csv | sed -n '1,3p'
> no,unit_code,unit_name,year,indicator,indicator_name,uom,value,requirement,threshold,threshold_state,threshold_low,threshold_high,gap,status,source
> 1,05569,Bảo Cường,2023,17.1,Tỷ lệ hộ được sử dụng nước sạch theo quy chuẩn,%,88.95,min,,unset,0,100,,open,synthetic: per-commune figures consistent with seed A (Định Hóa report 14/03/2024) totals
> 2,05569,Bảo Cường,2023,17.2,"Tỷ lệ cơ sở sản xuất, kinh doanh, nuôi trồng thủy sản, làng nghề bảo đảm quy định về bảo vệ môi trường",%,100,min,,unset,0,100,,met,synthetic: per-commune figures consistent with seed A (Định Hóa report 14/03/2024) totals
# under a scenario the table says so, and the figure the scenario changed is marked
$ ./r scenario create sch >/dev/null && ./r scenario set sch --unit "Lam Vỹ" --var schools_facility_standard --year 2022 --add 1 >/dev/null
$ ./r --scenario sch report indicators --criterion 5 --unit "Lam Vỹ" --year 2022 --format csv | sed -n 2p
~ 1,05542,Lam Vỹ,2022,5,
~ ,%,100,min,,unset,0,100,,met,synthetic: per-commune figures consistent with seed A (Định Hóa report 14/03/2024) totals; scenario sch
$ ./r report indicators --criterion 5 --unit "Lam Vỹ" --year 2022 --format csv | sed -n 2p
!~ scenario
~ ,75,min,,unset,0,100,,open,
$ ./r --scenario sch report indicators --criterion 5 --unit "Lam Vỹ" --year 2022 | sed -n 5p
> Nguồn: ntm đánh giá theo bộ tiêu chí vn-318-commune (QĐ 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ, Phụ lục I) trên số liệu trong d.db, theo kịch bản sch

# summary by year: certain, could, cannot; criteria met on average; funding
$ ./r report summary --unit "Định Hóa" --years 2021-2023
> Biểu số 03
> Tổng hợp kết quả xây dựng nông thôn mới: Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025
> Huyện Định Hóa, tỉnh Thái Nguyên
> Giai đoạn 2021–2023
> Nguồn: ntm đánh giá theo bộ tiêu chí vn-318-commune (QĐ 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ, Phụ lục I) trên số liệu trong d.db
> Đơn vị tính: số xã; vốn: triệu đồng; xi măng: tấn
>
>  Năm  Số đơn vị  Đạt  Có thể đạt  chờ ngưỡng  thiếu số liệu  Chưa đạt  TC đạt bình quân  Phân bổ (tr.đ)  Giải ngân (tr.đ)  Tỷ lệ (%)  Xi măng (tấn)  Đã cấp (tấn)  Tỷ lệ XM (%)
> ----  ---------  ---  ----------  ----------  -------------  --------  ----------------  --------------  ----------------  ---------  -------------  ------------  ------------
> 2021         22    0           0           0              0        22               4,9
> 2022         22    0          16          16              0         6               9,5         107.100           104.450       97,5         12.000        12.000         100,0
> 2023         22    0          22          22              0         0                11         246.324           229.226       93,1         23.000        23.000         100,0
>
> Đạt chuẩn (chắc chắn): đạt với mọi ngưỡng bộ tiêu chí cho phép. Có thể đạt: kết quả tùy vào ngưỡng chưa quy định (chờ ngưỡng) hoặc thiếu số liệu (có thể kèm ngưỡng chưa quy định). Chưa đạt: không đạt với mọi ngưỡng.
> Vốn: mọi nguồn của đơn vị và các đơn vị cấp dưới; tỷ lệ giải ngân tính trên phần vốn đã báo cáo giải ngân.
> Ngưỡng: 6 chỉ tiêu theo ngưỡng dự thảo, 20 chỉ tiêu chưa có ngưỡng: 2.1 (dự thảo), 2.2 (chưa quy định), 2.3 (chưa quy định), 2.4 (chưa quy định), 3.1 (chưa quy định), 4.2 (dự thảo), 5 (chưa quy định), 6.3 (dự thảo), 9.2 (chưa quy định), 10 (dự thảo), 11 (chưa quy định), 12 (chưa quy định), 14.2 (chưa quy định), 14.3 (chưa quy định), 15.1 (chưa quy định), 15.3 (dự thảo), 15.4 (dự thảo), 16 (chưa quy định), 17.1 (chưa quy định), 17.2 (chưa quy định), 17.5 (chưa quy định), 17.7 (chưa quy định), 17.8 (chưa quy định), 17.9 (chưa quy định), 17.10 (chưa quy định), 17.11 (chưa quy định) (xem `ntm criteria show vn-318-commune --drafts`).
$ ./r report summary --unit "Định Hóa" --format csv
> year,units,met,could,could_open,could_missing,cannot,criteria_met_mean,allocated_mvnd,disbursed_mvnd,disbursement_rate_pct,allocated_tonnes,disbursed_tonnes,disbursement_rate_tonnes_pct
> 2021,22,0,0,0,0,22,4.9,,,,,,
> 2022,22,0,16,16,0,6,9.5,107100,104450,97.53,12000,12000,100
> 2023,22,0,22,22,0,0,11,246324,229226,93.06,23000,23000,100

# funding by year and source; money and cement apart; csv with a byte order mark
$ ./r report funding --unit "Định Hóa"
> Biểu số 04
> Kết quả phân bổ và giải ngân các nguồn vốn xây dựng nông thôn mới
> Huyện Định Hóa, tỉnh Thái Nguyên
> Giai đoạn 2022–2024
> Nguồn: số liệu nguồn vốn trong d.db (nguồn của từng dòng ghi khi nhập)
> Đơn vị tính: triệu đồng; xi măng: tấn
>
> STT   Năm  Nguồn vốn             Loại vốn           Phân bổ (tr.đ)  Giải ngân (tr.đ)  Tỷ lệ (%)  Xi măng (tấn)  Đã cấp (tấn)  Tỷ lệ XM (%)
> ---  ----  --------------------  -----------------  --------------  ----------------  ---------  -------------  ------------  ------------
>   1  2022  Ngân sách trung ương  Đầu tư phát triển          35.100            32.579       92,8
>   2  2022  Ngân sách tỉnh        Đầu tư phát triển          17.000            16.871       99,2
>   3  2022  Ngân sách tỉnh        Hiện vật                                                               12.000        12.000         100,0
>   4  2022  Nguồn khác            Đầu tư phát triển          55.000            55.000      100,0
> ---  ----  --------------------  -----------------  --------------  ----------------  ---------  -------------  ------------  ------------
>            Cộng năm 2022                                   107.100           104.450       97,5         12.000        12.000         100,0
>   5  2023  Ngân sách trung ương  Đầu tư phát triển          74.324            64.651       87,0
>   6  2023  Ngân sách tỉnh        Đầu tư phát triển         124.000           116.575       94,0
>   7  2023  Ngân sách tỉnh        Hiện vật                                                               23.000        23.000         100,0
>   8  2023  Nguồn khác            Sự nghiệp                  48.000            48.000      100,0
> ---  ----  --------------------  -----------------  --------------  ----------------  ---------  -------------  ------------  ------------
>            Cộng năm 2023                                   246.324           229.226       93,1         23.000        23.000         100,0
>   9  2024  Ngân sách trung ương  Đầu tư phát triển          27.135
>  10  2024  Ngân sách tỉnh        Đầu tư phát triển          16.246
>  11  2024  Ngân sách tỉnh        Hiện vật                                                                9.600
>  12  2024  Tài trợ               Đầu tư phát triển          17.700
> ---  ----  --------------------  -----------------  --------------  ----------------  ---------  -------------  ------------  ------------
>            Cộng năm 2024                                    61.081                                       9.600
>            Tổng cộng                                       414.505           333.676       94,4         44.600        35.000         100,0
>
> Tỷ lệ giải ngân tính trên phần vốn đã báo cáo giải ngân; ô trống: chưa báo cáo. Tiền và xi măng không cộng với nhau.
$ ./r report funding --unit "Định Hóa" --out f.csv --bom
> wrote f.csv: Biểu số 04, 12 rows
$ head -c 3 f.csv | od -An -tx1
>  ef bb bf
$ tail -c +4 f.csv
> no,year,fund,kind,allocated_mvnd,disbursed_mvnd,disbursement_rate_pct,allocated_tonnes,disbursed_tonnes,disbursement_rate_tonnes_pct
> 1,2022,central,investment,35100,32579,92.82,,,
> 2,2022,province,investment,17000,16871,99.24,,,
> 3,2022,province,in_kind,,,,12000,12000,100
> 4,2022,other,investment,55000,55000,100,,,
> 5,2023,central,investment,74324,64651,86.99,,,
> 6,2023,province,investment,124000,116575,94.01,,,
> 7,2023,province,in_kind,,,,23000,23000,100
> 8,2023,other,recurrent,48000,48000,100,,,
> 9,2024,central,investment,27135,,,,,
> 10,2024,province,investment,16246,,,,,
> 11,2024,province,in_kind,,,,9600,,
> 12,2024,sponsor,investment,17700,,,,,
$ ./r report funding --unit "Quảng Giao" --format md
> **Biểu số 04**
>
> ### Kết quả phân bổ và giải ngân các nguồn vốn xây dựng nông thôn mới
>
> Xã Quảng Giao, huyện Quảng Xương, tỉnh Thanh Hoá\
> Năm 2023\
> Nguồn: số liệu nguồn vốn trong d.db (nguồn của từng dòng ghi khi nhập)\
> Đơn vị tính: triệu đồng; xi măng: tấn
>
> | STT | Năm | Nguồn vốn | Loại vốn | Vốn phân bổ (triệu đồng) | Vốn giải ngân (triệu đồng) | Tỷ lệ giải ngân vốn (%) | Xi măng phân bổ (tấn) | Xi măng giải ngân (tấn) | Tỷ lệ giải ngân xi măng (%) |
> | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |
> | 1 | 2023 | Ngân sách xã | Đầu tư phát triển | 19.700 | 19.700 | 100,0 |  |  |  |
> | 2 | 2023 | Nhân dân đóng góp | Hiện vật | 2.600 | 2.600 | 100,0 |  |  |  |
> |  |  | **Cộng năm 2023** |  | **22.300** | **22.300** | **100,0** |  |  |  |
>
> Tỷ lệ giải ngân tính trên phần vốn đã báo cáo giải ngân; ô trống: chưa báo cáo. Tiền và xi măng không cộng với nhau.

# works by year, quarter, category and status, with totals
$ ./r report projects --unit "Quảng Giao"
> Biểu số 05
> Danh mục công trình, dự án xây dựng nông thôn mới
> Xã Quảng Giao, huyện Quảng Xương, tỉnh Thanh Hoá
> Giai đoạn 2023–2024
> Nguồn: danh mục công trình, dự án trong d.db (nguồn của từng dòng ghi khi nhập)
> Đơn vị tính: triệu đồng
>
> STT   Năm  Quý     Công trình                                        Địa điểm         Lĩnh vực                   Tình trạng      Kinh phí (tr.đ)
> ---  ----  ------  ------------------------------------------------  ---------------  -------------------------  --------------  ---------------
>   1  2023  Cả năm  Đường bê tông Nắc Cửa thôn 5                      Thôn 5           Giao thông                 hoàn thành                  400
>   2  2023  Cả năm  Đường thôn 9                                      Thôn 9           Giao thông                 hoàn thành                2.400
>   3  2023  Cả năm  Đường trục và mương thoát nước 2 bên ngõ a Lực …  Quảng Giao       Giao thông                 hoàn thành                7.600
>   4  2023  Cả năm  Lắp biển chỉ dẫn ngõ, đường, gờ giảm tốc          Quảng Giao       Giao thông                 hoàn thành                  624
>   5  2023  Cả năm  Mương Nắc Cửa thôn 5                              Thôn 5           Kênh mương                 hoàn thành                  800
>   6  2023  Cả năm  Sửa chữa trường Mầm non                           Quảng Giao       Trường học                 hoàn thành                1.700
>   7  2023  Cả năm  Cải tạo khuôn viên và lắp đặt khu vui chơi thôn…  Thôn 4           Văn hóa                    hoàn thành                  228
>   8  2023  Cả năm  Mở rộng khuôn viên, xây dựng mới nhà văn hóa th…  Thôn Việt Trung  Văn hóa                    hoàn thành                2.980
>   9  2023  Cả năm  Rãnh thoát nước 2 bên đường ngõ đỏ đi Quảng Hùng  Quảng Giao       Môi trường                 hoàn thành                3.370
> ---  ----  ------  ------------------------------------------------  ---------------  -------------------------  --------------  ---------------
>                    Cộng năm 2023: 9 công trình                                                                                            20.102
>  10  2024  Quý 1   Nâng cấp nhà văn hóa, tường rào, khuôn viên thô…  Thôn 5           Văn hóa                    đang thực hiện              500
>  11  2024  Quý 1   Nhà văn hóa thôn Việt Trung                       Thôn Việt Trung  Văn hóa                    đang thực hiện            2.982
>  12  2024  Quý 3   Biển chỉ dẫn, gờ giảm tốc                         Quảng Giao       Giao thông                 kế hoạch                    625
>  13  2024  Quý 3   Khuôn viên, khu vui chơi thôn 4                   Thôn 4           Văn hóa                    kế hoạch                    229
>  14  2024  Quý 3   Hệ thống truyền thanh thông minh                  Quảng Giao       Thông tin và truyền thông  kế hoạch                  1.140
>  15  2024  Quý 4   Đường Nỗ Điều đến ngõ ông Hương                   Quảng Giao       Giao thông                 kế hoạch                  1.620
>  16  2024  Quý 4   Sửa chữa trường Mầm non                           Quảng Giao       Trường học                 kế hoạch                  1.778
>  17  2024  Quý 4   Hợp đồng thu gom chất thải nguy hại               Quảng Giao       Môi trường                 kế hoạch
> ---  ----  ------  ------------------------------------------------  ---------------  -------------------------  --------------  ---------------
>                    Cộng năm 2024: 8 công trình                                                                                             8.874
>                    Tổng cộng: 17 công trình                                                                                               28.976
>                    Trong đó hoàn thành: 9 công trình                                                                                      20.102
>                    Trong đó đang thực hiện: 2 công trình                                                                                   3.482
>                    Trong đó kế hoạch: 6 công trình                                                                                         5.392
>
> 1 công trình chưa có kinh phí trong kế hoạch (ô trống), không tính vào tổng.
$ ./r report projects --unit "Quảng Giao" --year 2024 --out p.csv && cat p.csv
> wrote p.csv: Biểu số 05, 8 rows
> no,year,quarter,name,unit_name,category,status,cost_mvnd
> 1,2024,1,"Nâng cấp nhà văn hóa, tường rào, khuôn viên thôn 5",Thôn 5,culture,underway,500
> 2,2024,1,Nhà văn hóa thôn Việt Trung,Thôn Việt Trung,culture,underway,2981.839
> 3,2024,3,"Biển chỉ dẫn, gờ giảm tốc",Quảng Giao,road,planned,624.926
> 4,2024,3,"Khuôn viên, khu vui chơi thôn 4",Thôn 4,culture,planned,228.634
> 5,2024,3,Hệ thống truyền thanh thông minh,Quảng Giao,ict,planned,1140
> 6,2024,4,Đường Nỗ Điều đến ngõ ông Hương,Quảng Giao,road,planned,1620
> 7,2024,4,Sửa chữa trường Mầm non,Quảng Giao,school,planned,1778.326
> 8,2024,4,Hợp đồng thu gom chất thải nguy hại,Quảng Giao,environment,planned,

# xlsx, read back by an independent reader (tests/cli/xlsx-check.py: zipfile and xml.etree only)
$ ./r report criteria --unit "Định Hóa" --year 2023 --out c.xlsx
> wrote c.xlsx: Biểu số 01, 22 rows
$ python3 $ROOT/tests/cli/xlsx-check.py c.xlsx "Biểu 01 Tiêu chí" frozen=7 text="Bảo Cường" text="Điềm Mặc" text="Huyện Định Hóa, tỉnh Thái Nguyên" cell=A1:"Biểu số 01" cell=B7:Xã cell=B8:"Bảo Cường" cell=C8:đạt cell=D8:"chưa có ngưỡng" numbers=A numbers=V cell=V8:11 format=V8:#,##0 cell=X9:"Đạt chuẩn NTM 2022" cell=C30:22
> ok
$ ./r report funding --unit "Định Hóa" --out f.xlsx
> wrote f.xlsx: Biểu số 04, 12 rows
$ python3 $ROOT/tests/cli/xlsx-check.py f.xlsx "Biểu 04 Nguồn vốn" frozen=8 text="Ngân sách trung ương" numbers=B numbers=E numbers=F numbers=G numbers=H numbers=I numbers=J cell=B9:2022 format=B9:0 cell=E9:35100 cell=F9:32579 format=E9:#,##0 cell=G9:0.9281766382 format=G9:0.0% cell=H11:12000 cell=E24:414505 cell=C24:"Tổng cộng"
> ok
# the reader can fail: a name is text, not a number; a sheet must exist
$ python3 $ROOT/tests/cli/xlsx-check.py c.xlsx "Biểu 01 Tiêu chí" numbers=B
? 1
> xlsx-check: B8 is stored as s ('Bảo Cường'), not as a number
$ python3 $ROOT/tests/cli/xlsx-check.py c.xlsx "Sheet1" frozen=7
? 1
> xlsx-check: no sheet named 'Sheet1' (sheets: Biểu 01 Tiêu chí)
$ ./r report projects --unit "Quảng Giao" --out p.xlsx && python3 $ROOT/tests/cli/xlsx-check.py p.xlsx "Biểu 05 Công trình" frozen=8 text="Nhà văn hóa thôn Việt Trung" numbers=H cell=H20:2981.839 format=H20:#,##0
> wrote p.xlsx: Biểu số 05, 17 rows
> ok
$ ./r report summary --unit "Định Hóa" --years 2022-2023 --out s.xlsx && python3 $ROOT/tests/cli/xlsx-check.py s.xlsx "Biểu 03 Tổng hợp" frozen=8 numbers=B numbers=C numbers=H cell=H9:9.5 format=H9:#,##0.0 cell=K10:0.93058735649
> wrote s.xlsx: Biểu số 03, 2 rows
> ok
$ ./r report indicators --unit "Quảng Giao" --criterion 2 --year 2023 --out i.xlsx && python3 $ROOT/tests/cli/xlsx-check.py i.xlsx "Biểu 02 Chỉ tiêu" frozen=7 cell=F8:100 cell=F10:95.789473684 format=F10:#,##0.00 cell=H9:"chưa quy định" cell=H8:100
> wrote i.xlsx: Biểu số 02, 4 rows
> ok

# a name planted as a link is replaced, never followed
$ ln -s target.csv l.csv && ln -s target.xlsx l.xlsx && ./r report funding --unit "Quảng Giao" --out l.csv >/dev/null && ./r report funding --unit "Quảng Giao" --out l.xlsx >/dev/null && test ! -e target.csv && test ! -e target.xlsx && test ! -L l.csv && test ! -L l.xlsx && echo ok
> ok

# errors
$ ./r report critera --unit "Định Hóa"
? 2
2> ntm: report: unknown table 'critera' (criteria, indicators, summary, funding or projects, or html); did you mean 'criteria'?
$ ./r report criteria
? 2
2> ntm: report: give --unit NAME|CODE (a district, a province or a commune)
$ ./r report funding --unit "Quảng Giao" --out f.pdf
? 2
2> ntm: report: --out 'f.pdf': give a file ending in .xlsx, .csv, .md, .txt or .html
$ ./r report funding --unit "Quảng Giao" --bom
? 2
2> ntm: report: --bom goes with csv (--out FILE.csv or --format csv)
$ ./r report funding --unit "Quảng Giao" --format xlsx
? 2
2> ntm: report: --format 'xlsx' is not text, csv, md or html (an xlsx is a file: give --out FILE.xlsx)
$ ./r report funding --unit "Quảng Giao" --out f.csv --format md
? 2
2> ntm: report: --format md and --out 'f.csv' disagree; the extension of --out picks the format
$ ./r report indicators --unit "Quảng Giao"
? 2
2> ntm: report indicators: give --criterion ID (e.g. --criterion 2)
$ ./r report criteria --unit "Quảng Giao" --criterion 2
? 2
2> ntm: report: --criterion goes with the indicators table
$ ./r report indicators --unit "Quảng Giao" --criterion 99 --year 2023
? 1
2> ntm: report indicators: set th-32-2022-commune has no criterion '99' (its criteria: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19)
$ ./r report funding --unit "Bảo Cường"
? 1
2> ntm: report funding: no funding on record for Bảo Cường (05569) or the units below it
$ ./r report criteria --unit "Quảng Giao" --year 2023 --out nofolder/c.xlsx
? 1
2> ntm: nofolder/c.xlsx: folder 'nofolder' does not exist
$ ./r report criteria --unit "Định Hóa" --set vn-318-commune --year 2019
? 1
2> ntm: report: set vn-318-commune applies to 2021-2025 (QĐ 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ, Phụ lục I); 2019-2019 is outside it
$ ./r report criteria --unit "Định Hóa" --year 2019
? 1
2~ ntm: report: no commune set in force in Thái Nguyên in 2019 on the criteria path
2~ ; give --set SET
$ ./r report criteria --unit "Định Hóa" --year 2021 --years 2021-2023
? 2
2> ntm: report: give --year or --years, not both
