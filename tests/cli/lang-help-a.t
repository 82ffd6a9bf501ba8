# `ntm COMMAND --help` in Vietnamese (engine/po/vi-help-a.po): the usage text
# and each option's help of eval, import, units, variables, runs, criteria
# (bounds, sheet), test, check, sql, run and report; option names and
# placeholders stay as typed. A ~ line is Vietnamese the catalogue gives; a
# !~ line English prose that would show if the msgid stopped matching.
$ NTM_LANG=vi $NTM eval --help
~ cách dùng: ntm eval SET [--year Y | --years A-B] [--unit NAME|CODE]
~ Tên được so khớp không cần dấu: "dinh hoa" tìm được Định Hóa.
~ tùy chọn:
~   --assume-recognitions    thu hẹp các ngưỡng chưa biết theo các quyết định công nhận đã ghi
~   --help                   hiện phần hướng dẫn này
!~ Evaluates the criteria set SET
!~ options:
!~ show this help
$ NTM_LANG=vi $NTM import --help
~ cách dùng: ntm import FILE... [--dry-run]
~ Đọc các tệp CSV trao đổi vào cơ sở dữ liệu.
~   groups        unit,year_from,year_to,group,source  (nhóm xã 1-3, QĐ 51/2025)
~   --dry-run                kiểm tra các tệp, không ghi gì
!~ Reads interchange CSV files into the database.
!~ check the files, write nothing
$ NTM_LANG=vi $NTM units --help
~ cách dùng: ntm units [NAME|CODE] [--level LEVEL] [--year Y]
~ Liệt kê các đơn vị dạng cây (mã, tên, cấp, vùng áp ngưỡng)
~   --year Y                 chỉ các đơn vị tồn tại trong năm Y
!~ Lists the units as a tree
!~ only the units that existed in year Y
$ NTM_LANG=vi $NTM variables --help
~ cách dùng: ntm variables [WORDS]
~ Liệt kê từ điển biến: tên, đơn vị tính và ý nghĩa.
!~ Lists the variable dictionary
$ NTM_LANG=vi $NTM runs --help
~ cách dùng: ntm runs [--limit N]
~            ntm runs prune [--keep N] [--older-than DAYS] [--dry-run]
~ Liệt kê các lần đánh giá đã lưu, mới nhất trước
~   --limit N                chỉ N lần đánh giá mới nhất
!~ Lists the stored evaluation runs
!~ the newest N runs only
$ NTM_LANG=vi $NTM runs prune --help
~ prune xóa các lần đánh giá ngoài N lần mới nhất (--keep)
~   --older-than DAYS        xóa các lần đánh giá cũ hơn DAYS ngày
!~ prune deletes the runs beyond the newest N
!~ delete runs older than DAYS days
$ NTM_LANG=vi $NTM criteria --help
~ cách dùng: ntm criteria list
~            ntm criteria diff OLD NEW [--format table|csv] [--exit-code] [--renumbered A=B,...]
~ check  nạp các tệp bộ tiêu chí và báo lỗi kèm tệp và dòng
~   --renumbered OLD=NEW,... diff: các chỉ tiêu bộ mới đã đánh số lại
!~ loads set files and reports errors with file and line
!~ diff: indicators the new set renumbered
$ NTM_LANG=vi $NTM criteria bounds --help
~ cách dùng: ntm criteria bounds SET [--unit NAME|CODE] [--years A-B] [--format table|csv]
~ Các quyết định công nhận đã ghi cho biết gì về các ngưỡng SET chưa biết.
~   --format FMT             table (mặc định) hoặc csv
!~ What the recognitions on record imply
!~ table (default) or csv
$ NTM_LANG=vi $NTM criteria sheet --help
~ cách dùng: ntm criteria sheet SET [--region R] [--years A-B] [--out FILE.csv] [--bom]
~ Dạng thứ nhất ghi một dòng cho mỗi chỉ tiêu có ngưỡng tối thiểu hoặc tối đa,
~   --force                  --apply: thay thế NEW.lua đã có
!~ The first form writes one row per indicator
!~ replace an existing NEW.lua
$ NTM_LANG=vi $NTM test --help
~ cách dùng: ntm test [FILE.test.lua...]
~ Chạy các bài kiểm tra bộ tiêu chí: mọi tệp *.test.lua
~     result = "unmet",                 -- cả bộ tiêu chí
!~ Runs the criteria tests
!~ -- the whole set
$ NTM_LANG=vi $NTM check --help
~ cách dùng: ntm check [--unit NAME|CODE] [--years A-B] [--format table|csv] [--rules DIR]
~ Mã thoát: 0 khi không phát hiện nào là lỗi, 1 khi có
~   --years A-B              các năm cần báo cáo phát hiện (mặc định: tất cả)
!~ Audits the data for internal inconsistencies
!~ the years findings are reported for
$ NTM_LANG=vi $NTM sql --help
~ cách dùng: ntm sql QUERY [--format list|csv]
~ Chạy một câu lệnh SQL chỉ đọc (SELECT, WITH, PRAGMA chỉ đọc)
~            WHERE run_id = 1 AND status = 'unmet'"
~   --format FMT             list (mặc định) hoặc csv
!~ Runs one read-only SQL statement
!~ list (default) or csv
$ NTM_LANG=vi $NTM run --help
~ cách dùng: ntm run SCRIPT.lua [ARGS...] [--out DIR]
~ Chạy một script phân tích (scripts/README.md)
~   --out DIR                thư mục chứa các tệp script ghi ra (mặc định plots)
!~ Runs an analysis script
!~ where the script's files go
$ NTM_LANG=vi $NTM report --help
~ cách dùng: ntm report TABLE --unit NAME|CODE [--year Y | --years A-B] [--set SET]
~   criteria    Biểu số 01: mỗi dòng một xã, mỗi cột một tiêu chí
~   --out FILE               ghi ra FILE (.xlsx, .csv, .md, .txt) thay vì in ra
!~ The tables an office sends upward
!~ instead of printing
# English on request: the C strings themselves
$ NTM_LANG=en $NTM eval --help
~ usage: ntm eval SET [--year Y | --years A-B] [--unit NAME|CODE]
~ Evaluates the criteria set SET
~   --help                   show this help
!~ cách dùng
