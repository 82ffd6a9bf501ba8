# the errors met most often, in Vietnamese by default (engine/po/vi-core.po):
# options, commands, units, criteria sets, years and the database; option
# names, codes and paths stay as typed
$ cp -r $T/* . && $NTM --db t.db import variables.csv units.csv observations.csv >/dev/null
$ NTM_LANG=vi $NTM --db t.db --criteria crit eval roads --yeer 2023
? 2
2> ntm: eval: không có tùy chọn '--yeer'; có phải ý bạn là 'year' hoặc 'years'? (xem 'ntm eval --help')
$ NTM_LANG=vi $NTM --db t.db --criteria crit eval roads --year 2023 --year 2022
? 2
2> ntm: eval: tùy chọn '--year' được nhập hai lần ('2023', sau đó '2022'); chỉ nhập một lần
$ NTM_LANG=vi $NTM --db t.db --criteria crit eval roads --year
? 2
2> ntm: eval: tùy chọn '--year' cần một giá trị (Y)
$ NTM_LANG=vi $NTM --db t.db --criteria crit eval roads -y 2023
? 2
2> ntm: eval: không có tùy chọn '-y' (tên tùy chọn viết đầy đủ, ví dụ --help)
$ NTM_LANG=vi $NTM --db t.db --criteria crit eval roads --unit Kim Phượng
? 2
2> ntm: eval: 'Phượng' đứng riêng sau --unit Kim: tên gồm nhiều từ cần đặt trong dấu ngoặc kép (--unit "Kim Phượng")
$ NTM_LANG=vi $NTM --db t.db --db u.db units
? 2
2> ntm: tùy chọn '--db' được nhập hai lần ('t.db', sau đó 'u.db'); chỉ nhập một lần
$ NTM_LANG=vi $NTM evl
? 2
2> ntm: 'evl' không phải là lệnh của ntm; có phải ý bạn là 'eval' hoặc 'sql'? (xem 'ntm --help')
$ NTM_LANG=vi $NTM --db t.db --as-of 20x units
? 2
2> ntm: --as-of '20x' không phải là một năm (ví dụ 2023)
# a --lang that names neither language is told in the environment's language
$ NTM_LANG=vi $NTM --lang fr units
? 2
2> ntm: --lang 'fr' không phải vi hoặc en

# units: unknown (with the nearest names), ambiguous (what to type for each)
$ NTM_LANG=vi $NTM --db t.db --criteria crit eval roads --unit "Kim Phuongg"
? 1
2> ntm: không có đơn vị 'Kim Phuongg' trong t.db; có phải ý bạn là 'Kim Phượng'?
$ printf 'code,name,level,parent,region\nTH-QX-KIMPHUONG,Kim Phượng,commune,TH-QX,\n' > more.csv && cp t.db amb.db && $NTM --db amb.db import more.csv >/dev/null && NTM_LANG=vi $NTM --db amb.db units "kim phuong"
? 1
2> ntm: có nhiều đơn vị tên 'kim phuong'; hãy ghi mã của đơn vị, hoặc ghi kèm đơn vị cấp trên ("NƠI/kim phuong"):
2>   TN-DH-KIMPHUONG      Kim Phượng (xã thuộc Định Hóa)
2>   TH-QX-KIMPHUONG      Kim Phượng (xã thuộc Quảng Xương)
$ NTM_LANG=vi $NTM --db new.db units "Định Hóa"
? 1
2> ntm: không có đơn vị 'Định Hóa' trong new.db (cơ sở dữ liệu chưa có đơn vị nào: hãy nhập tệp units.csv trước)

# criteria sets, criteria, statuses and years
$ NTM_LANG=vi $NTM --db t.db --criteria crit eval roadz
? 1
2> ntm: không có bộ tiêu chí 'roadz' trong crit; có phải ý bạn là 'roads'? (lệnh `ntm criteria list` liệt kê các bộ tiêu chí)
$ NTM_LANG=vi $NTM --db t.db --criteria nodir eval roads
? 1
2> ntm: không đọc được thư mục bộ tiêu chí 'nodir' (hãy đặt --criteria DIR hoặc NTM_CRITERIA_PATH)
$ NTM_LANG=vi $NTM --db t.db --criteria crit eval roads --criterion 99 --year 2023
? 1
2> ntm: eval: --criterion '99': bộ tiêu chí roads không có tiêu chí này (các tiêu chí của bộ: 2, 10, 13)
$ NTM_LANG=vi $NTM --db t.db --criteria crit eval roads --year 2023 --status met,foo
? 2
2> ntm: eval: --status 'foo' không phải là một trạng thái (met, unmet, open, unknown, n/a)
$ NTM_LANG=vi $NTM --db t.db --criteria crit eval roads --year 20233
? 2
2> ntm: eval: '20233' không phải là một năm (ví dụ 2023)
$ NTM_LANG=vi $NTM --db t.db --criteria crit eval roads --years 2023-2021
? 2
2> ntm: eval: '2023-2021' không phải là một khoảng năm (ví dụ 2021-2023)
$ NTM_LANG=vi $NTM --db t.db --criteria crit eval roads --year 2030
? 1
2> ntm: eval: bộ tiêu chí roads áp dụng cho các năm 2021-2025 (QĐ test 1/2022); 2030-2030 nằm ngoài khoảng này

# the database: the default one where there is no data folder, a folder
# that is not there, a file that is not SQLite
$ mkdir sub && cd sub && NTM_DB= NTM_LANG=vi $NTM units
? 1
2~ ntm: data/ntm.db: không mở được cơ sở dữ liệu: unable to open database file (cơ sở dữ liệu mặc định là data/ntm.db trong thư mục hiện tại, /
2~ /sub, nhưng thư mục này không có thư mục con 'data': hãy chạy ntm trong thư mục của dự án, hoặc chỉ rõ cơ sở dữ liệu bằng --db PATH hay NTM_DB)
$ NTM_LANG=vi $NTM --db nofolder/x.db units
? 1
2> ntm: nofolder/x.db: không mở được cơ sở dữ liệu: unable to open database file (hãy kiểm tra thư mục 'nofolder' có tồn tại và ghi được không, hoặc chỉ định cơ sở dữ liệu khác bằng --db PATH hay NTM_DB)
$ echo 'not a database, not at all' > bad.db && NTM_LANG=vi $NTM --db bad.db units
? 1
2> ntm: bad.db không phải là cơ sở dữ liệu SQLite (hãy chỉ định cơ sở dữ liệu của ntm bằng --db)

# --lang en speaks English whatever the environment says
$ NTM_LANG=vi $NTM --lang en --db t.db --criteria crit eval roads --yeer 2023
? 2
2> ntm: eval: unknown option '--yeer'; did you mean 'year' or 'years'? (see 'ntm eval --help')

# the commands' own refusals
$ NTM_LANG=vi $NTM --db t.db units --level xa
? 2
2> ntm: units: 'xa' không phải là một cấp đơn vị (province, district, commune, township, ward, village)
$ NTM_LANG=vi $NTM --db t.db runs prune
? 2
2> ntm: runs prune: hãy nhập --keep N hoặc --older-than DAYS
$ NTM_LANG=vi $NTM --db t.db sql "DELETE FROM unit"
? 2
2> ntm: sql: câu lệnh này sẽ làm thay đổi cơ sở dữ liệu; ntm sql chỉ đọc (hãy dùng ntm import và ntm scenario để thay đổi số liệu)
$ NTM_LANG=vi $NTM --db t.db scenario set a
? 2
2> ntm: scenario set: hãy nhập --unit, --var, --year và một trong hai tùy chọn --value, --add
$ NTM_LANG=vi $NTM --db t.db --criteria crit criteria foo
? 2
2> ntm: criteria: không có lệnh con 'foo' (list, show, diff hoặc check)
$ NTM_LANG=vi $NTM --db t.db --criteria crit project roads --to 20x
? 2
2> ntm: project: --to '20x' không phải là một năm (1990-2100, ví dụ 2025)
$ NTM_LANG=vi $NTM --db t.db --criteria crit cost roads
? 2
2> ntm: cost: hãy nhập --year Y
