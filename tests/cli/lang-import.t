# the import side's errors and warnings speak Vietnamese by default (NTM_LANG=vi
# or --lang vi); file names, column names, codes and options stay as written
$ cp -r $T/* . && $NTM --db t.db import variables.csv units.csv observations.csv >/dev/null

# a bad figure, an unknown unit or variable, a bad header: the whole file is refused
$ NTM_LANG=vi $NTM --db t.db import bad-value.csv
? 1
2> ntm: bad-value.csv:2: cột 'value': '41,5' không phải là số (viết phần thập phân sau dấu chấm, không dùng dấu phân cách hàng nghìn, ví dụ 1234.5)
2> không có gì được nhập
$ NTM_LANG=vi $NTM --db t.db import bad-unit.csv
? 1
2~ ntm: bad-unit.csv:3: cột 'unit': không tìm thấy đơn vị 'TN-DH-BAOCUONGG'
2~ (đơn vị được ghi bằng mã; `ntm units` liệt kê các đơn vị)
2~ không có gì được nhập
$ NTM_LANG=vi $NTM --db t.db import bad-variable.csv
? 1
2~ ntm: bad-variable.csv:3: cột 'variable': không tìm thấy biến 'road_vilage_hardened_km'
2~ (danh mục biến là data/variables.csv; hãy thêm biến vào đó rồi nhập tệp này)
$ $NTM --lang vi --db t.db import bad-header.csv
? 1
2~ ntm: bad-header.csv:1: dòng tiêu đề không hợp lệ 'unit,period,variable,amount,source'; tệp nhập phải bắt đầu bằng một trong các dòng tiêu đề sau:
2~   observations  unit,period,variable,value,source

# a unit's name where its code belongs: which code to write
$ printf 'unit,period,variable,value,source\nBảo Cường,2024,road_village_total_km,41,x\n' > name.csv && NTM_LANG=vi $NTM --db t.db import name.csv
? 1
2> ntm: name.csv:2: cột 'unit': không tìm thấy đơn vị 'Bảo Cường': đây là tên đơn vị, không phải mã; trong tệp observations, đơn vị được ghi bằng mã: hãy ghi TN-DH-BAOCUONG (Bảo Cường, xã thuộc Định Hóa)
2> không có gì được nhập

# a period, a year out of range, a row given twice, a parent not known
$ printf 'unit,period,variable,value,source\nTN-DH-BAOCUONG,20x4,road_village_total_km,41,x\n' > p.csv && NTM_LANG=vi $NTM --db t.db import p.csv
? 1
2> ntm: p.csv:2: cột 'period': '20x4' không phải là kỳ số liệu (cần dạng YYYY hoặc YYYYQn, ví dụ 2023 hoặc 2024Q1)
2> không có gì được nhập
$ printf 'unit,year,fund,kind,allocated,disbursed,measure,source\nTN-DH-BAOCUONG,1890,central,investment,100,1,,x\n' > y.csv && NTM_LANG=vi $NTM --db t.db import y.csv
? 1
2> ntm: y.csv:2: cột 'year': '1890' không phải là năm (cần dạng YYYY, từ 1990 đến 2100)
2> không có gì được nhập
$ printf 'unit,period,variable,value,source\nTN-DH-BAOCUONG,2024,road_village_total_km,41,x\nTN-DH-BAOCUONG,2024,road_village_total_km,42,x\n' > dup.csv && NTM_LANG=vi $NTM --db t.db import dup.csv
? 1
2> ntm: dup.csv:3: số liệu này (unit, period, variable) được ghi hai lần trong lần nhập này (xem dòng phía trên)
2> không có gì được nhập
$ printf 'code,name,level,parent,region\nTN-DH-X,Xã X,commune,TN-DH-NOPE,\n' > parent.csv && NTM_LANG=vi $NTM --db t.db import parent.csv
? 1
2> ntm: parent.csv:2: cột 'parent': không tìm thấy đơn vị cấp trên 'TN-DH-NOPE' (hãy khai báo ở một dòng phía trên hoặc nhập trước)
2> không có gì được nhập

# the file itself: too few fields, semicolons, a quote left open, no file at all
$ printf 'unit,period,variable,value,source\nTN-DH-BAOCUONG,2024,road_village_total_km,41\n' > few.csv && NTM_LANG=vi $NTM --db t.db import few.csv
? 1
2> ntm: few.csv:2: cần 5 cột (unit,period,variable,value,source) nhưng dòng này có 4
2> không có gì được nhập
$ printf 'unit;period;variable;value;source\n' > semi.csv && NTM_LANG=vi $NTM --db t.db import semi.csv
? 1
2~ ntm: semi.csv:1: các cột được phân cách bằng dấu chấm phẩy ('unit;period;variable;value;source'), như Excel lưu CSV khi dấu phẩy là dấu thập phân
$ printf 'unit,period,variable,value,source\nTN-DH-BAOCUONG,2024,road_village_total_km,"41\n' > open.csv && NTM_LANG=vi $NTM --db t.db import open.csv
? 1
2> ntm: open.csv:2: một giá trị mở ngoặc kép chưa được đóng ngoặc trước khi hết tệp
2> không có gì được nhập
$ NTM_LANG=vi $NTM --db t.db import nothere.csv
? 1
2~ ntm: nothere.csv: không mở được:
$ NTM_LANG=vi $NTM --db t.db import
? 2
2> ntm: import: chưa ghi tệp nào (cách dùng: ntm import FILE... [--dry-run])
$ NTM_LANG=vi $NTM --db new.db import bad-value.csv
? 1
2~ không có gì được nhập, và không có cơ sở dữ liệu nào được tạo

# a warning: the row goes in, the warning is said in Vietnamese
$ printf 'unit,year,fund,kind,allocated,disbursed,measure,source\nTN-DH-BAOCUONG,2024,central,investment,100,100.01,,x\n' > over.csv && NTM_LANG=vi $NTM --db t.db import over.csv >/dev/null
2> ntm: cảnh báo: over.csv:2: cột 'disbursed': 100.01 lớn hơn số được giao là 100; dòng vẫn được nhập (ntm check sẽ liệt kê)

# scenarios, ntm check's options, a folder that is not there
$ $NTM --db t.db scenario create w1 >/dev/null && NTM_LANG=vi $NTM --db t.db scenario create w1
? 1
2> ntm: kịch bản 'w1' đã có (hãy chạy `ntm scenario delete w1` trước, hoặc chọn tên khác)
$ NTM_LANG=vi $NTM --db t.db scenario create w2 --base nope
? 1
2~ ntm: không có kịch bản 'nope'
2~ (`ntm scenario list` liệt kê các kịch bản)
$ NTM_LANG=vi $NTM --db t.db check --years 2021x
? 2
2> ntm: check: --years '2021x' không phải là một khoảng năm (ví dụ 2021-2023)
$ NTM_LANG=vi $NTM --db t.db check --format xlsx
? 2
2> ntm: check: --format 'xlsx' không phải là table hoặc csv
$ NTM_LANG=vi $NTM --db t.db --criteria crit eval roads --year 2023 --out none/r.csv --no-store
? 1
2> ntm: none/r.csv: thư mục 'none' không tồn tại

# English on request: the same texts as ever
$ NTM_LANG=en $NTM --db t.db import bad-value.csv
? 1
2> ntm: bad-value.csv:2: field 'value': '41,5' is not a number (write decimals with a dot and no thousands separator, e.g. 1234.5)
2> nothing was imported

# what was imported, in Vietnamese (English with --lang en, as the other transcripts read it)
$ NTM_LANG=vi $NTM --db vi-sum.db import $ROOT/data/variables.csv $T/reuse/units.csv
~ units             10 dòng      10 mới       0 thay thế
~ đã nhập 203 dòng từ 2 tệp vào vi-sum.db (cơ sở dữ liệu mới, bắt đầu với từ điển biến có sẵn)
$ NTM_LANG=vi $NTM --db vi-sum.db import --dry-run $T/reuse/units.csv
~ đã kiểm tra (chạy thử, không ghi gì): 10 dòng từ 1 tệp vào vi-sum.db
