# `ntm COMMAND --help` in Vietnamese (engine/po/vi-help-b.po): the usage
# text and the options' help of plot, project, cost, allocate, diff,
# scenario, recognitions and synth. Each msgid is the whole C string: a
# change of one character in the English makes the text English again, and
# the !~ line catches it. Option names and placeholders stay English.
$ NTM_LANG=vi $NTM plot --help
~ cách dùng: ntm plot funding --unit NAME|CODE --out FILE [tùy chọn]
~ heatmap   kết quả từng tiêu chí: đạt, chưa đạt, chưa có ngưỡng, thiếu số liệu,
~ --source TEXT ghi "Nguồn: TEXT" dưới biểu đồ; --values ghi giá trị của từng
~   --map-year Y             map: năm của các đơn vị trong tệp ranh giới (mặc định: năm khớp nhất)
~   --help                   hiện phần hướng dẫn này
!~ money allocated per year
!~ The terminal follows the file name
!~ the chart file
!~ show this help
$ NTM_LANG=vi $NTM project --help
~ cách dùng: ntm project SET [--unit NAME|CODE] [--to YEAR] [--method linear|theil-sen]
~ chắc chắn đạt (đầu xa; không bao giờ, nếu đầu đó là vô hạn). Chỉ tiêu có/không
~   --method M               linear (bình phương tối thiểu, mặc định) hoặc theil-sen
!~ Evaluates the criteria set SET over its years
!~ the horizon
$ NTM_LANG=vi $NTM cost --help
~ cách dùng: ntm cost SET --year Y [--unit NAME|CODE] [--costs FILE] [--format table|csv]
~ đầu xa của khoảng mà ngưỡng có thể nằm (chắc chắn đủ: 100 % với chỉ tiêu tỷ lệ)
~   --costs FILE             bảng đơn giá (mặc định data/costs.csv)
!~ For each unit not meeting SET in year Y
!~ the cost model
$ NTM_LANG=vi $NTM allocate --help
~ cách dùng: ntm allocate SET --year Y (--budget AMOUNT | --fund F) [--unit NAME|CODE]
~ sách (ví dụ 0.87: giải ngân 87 % dự toán). --fund lấy ngân sách từ nguồn vốn đã
~ Phương pháp: rẻ nhất trước.
~   --budget AMOUNT          tổng mức vốn, triệu đồng
!~ Splits a budget (million VND)
!~ Method: cheapest first.
!~ the envelope
$ NTM_LANG=vi $NTM diff --help
~ cách dùng: ntm diff SET... --scenario A [--against B] [--year Y | --years A-B]
~ Đánh giá từng SET theo kịch bản B (mặc định: số liệu gốc) và theo kịch bản A,
~   --against B              kịch bản dùng để so sánh (mặc định: số liệu gốc)
!~ Evaluates each SET under scenario B
!~ the scenario to compare with
$ NTM_LANG=vi $NTM scenario --help
~            ntm scenario set NAME --unit U --var V --year Y (--value X | --add X) [--note TEXT]
~ Kịch bản là một tập hợp thay đổi có tên trên số liệu gốc: số liệu được đặt lại
~   --all                    show: liệt kê mọi số liệu, kể cả số liệu chuyển tiếp
!~ A scenario is a named set of changes
!~ create: build on another scenario
$ NTM_LANG=vi $NTM recognitions --help
~ cách dùng: ntm recognitions [--unit NAME|CODE] [--years A-B] [--format table|csv]
~ Đặt các quyết định công nhận đã ghi nhận (recognitions.csv) cạnh kết quả đánh
~   --years A-B              các năm (mặc định: các năm có quyết định công nhận)
!~ Sets the recognitions on record
!~ the years (default
$ NTM_LANG=vi $NTM synth --help
~ cách dùng: ntm synth --out DIR [--units FILE] [--seed N] [--scale X] [--years A-B]
~ lập: 63 tỉnh, khoảng 700 huyện và 8.200 xã ở quy mô 1, với mọi biến mà bộ tiêu
~   ntm --db /tmp/national.db import data/variables.csv DIR/*.csv
~   --scale X                1 = cả nước (mặc định); 0.01 cho một mẫu nhỏ
!~ Writes units.csv, observations.csv and funding.csv
!~ random seed
# --lang vi says the same as NTM_LANG=vi; ntm help COMMAND too
$ $NTM --lang vi help allocate
~ Số tiền được đọc theo cách viết của người Việt: 20000, 20 000, 20.000,5 và 0,87
!~ Amounts are read as Vietnamese writes them
# in English (the transcripts' default) the texts stay as written
$ $NTM plot --help
~ funding   money allocated per year, stacked by fund (million VND), with the
~   --help                   show this help
!~ cách dùng
$ $NTM cost --help
~ where it can lie (certainly enough: 100 % for a share) and to the near end

# ntm --help itself: the header and the global options
$ NTM_LANG=vi $NTM --help
~ Đánh giá các bộ tiêu chí nông thôn mới của Việt Nam, viết bằng Lua trong thư
~ tùy chọn chung (đặt trước hoặc sau lệnh):
!~ global options (before or after the command)
