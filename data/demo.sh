#!/usr/bin/env bash
# data/demo.sh - `make demo`: a fresh data/ntm.db from the bundled data, then
# the evaluations the seed documents are about.
set -euo pipefail
cd "$(dirname "$0")/.."
NTM=${NTM:-./ntm}
DB=data/ntm.db
rm -f "$DB" "$DB-wal" "$DB-shm"
# each command printed as it can be pasted back into a shell: a word with a
# space or a character the shell reads quoted ("Quảng Giao")
shown() {
	local a out=""
	for a in "$@"; do
		case $a in
		*[!A-Za-z0-9_./:=,+%@-]* | '')
			a=${a//\\/\\\\}; a=${a//\"/\\\"}; a=${a//\$/\\\$}; a=${a//\`/\\\`}
			a="\"$a\"" ;;
		esac
		out+="${out:+ }$a"
	done
	printf '%s' "$out"
}
run() { printf '\n$ %s\n' "$(shown "$@")"; "$@"; }
# the whole country's units 2021-2026 (the register, data/register), then the
# seed documents' figures on their real units
run "$NTM" --db "$DB" import data/variables.csv data/register/units.csv data/seeds/*.csv
run "$NTM" --db "$DB" eval th-32-2022-commune --unit "Quảng Giao" --years 2022-2023 --explain
# judged three ways: what is certain whatever the law's missing numbers are,
# what could meet and which numbers decide it; --strict lets only
# text-confirmed numbers decide; the recognitions on record bound the rest
run "$NTM" --db "$DB" eval vn-318-commune --unit "Định Hóa" --years 2021-2023
run "$NTM" --db "$DB" --strict eval vn-318-commune --unit "Định Hóa" --year 2023
run "$NTM" --db "$DB" criteria bounds vn-318-commune --unit "Định Hóa" --years 2023-2023
# the ladder: the district set in force each year (national 2021, Thái Nguyên's
# from 2022) over the commune and advanced commune sets on its communes
run "$NTM" --db "$DB" eval --level district --unit "Định Hóa" --years 2021-2023
run "$NTM" --db "$DB" eval tn-district --unit "Định Hóa" --year 2023 --explain
run "$NTM" --db "$DB" recognitions --unit "Định Hóa"
# units over time: Kim Sơn, merged into Kim Phượng in 2020, is in 2019's tree only;
# since 2026 Định Hóa's 23 units are 8 communes (the 2025 map), and --as-of
# judges 2023's figures on them, each combining the old units it took in
run "$NTM" --db "$DB" units "Định Hóa" --year 2019 --level commune
run "$NTM" --db "$DB" units "Định Hóa" --year 2026
run "$NTM" --db "$DB" --as-of 2026 eval vn-318-commune --unit "Định Hóa" --year 2023
run "$NTM" --db "$DB" criteria diff vn-318-advanced-commune th-33-2022-advanced-commune
# what-if: Định Hóa's 2022 central budget, 87 % disbursed, to meet the most criteria
run "$NTM" --db "$DB" allocate vn-318-commune --unit "Định Hóa" --year 2022 --fund central \
	--disbursement 0.87 --save dh-2022-central
run "$NTM" --db "$DB" diff vn-318-commune --scenario dh-2022-central --unit "Định Hóa" --year 2022
# Quảng Giao's 2024 plan quarter by quarter, against Thanh Hóa's commune and advanced sets
run "$NTM" --db "$DB" run scripts/quang-giao-2024.lua --out plots
run "$NTM" --db "$DB" runs
run "$NTM" --db "$DB" plot funding --unit "Định Hóa" --years 2022-2024 --out plots/dinh-hoa-funding.png
run "$NTM" --db "$DB" plot variable --var income_per_capita_mvnd --years 2021-2023 \
	--unit "Định Hóa/Kim Phượng,Định Hóa/Sơn Phú,Định Hóa/Trung Hội,Định Hóa/Tân Dương" --title "Thu nhập bình quân đầu người (triệu đồng/người/năm)" \
	--out plots/dinh-hoa-income.svg
run "$NTM" --db "$DB" plot units-met --set vn-318-commune --unit "Định Hóa" --years 2021-2023 \
	--out plots/dinh-hoa-communes-meeting.png
# at today's pace: when each commune reaches what it misses, and the communes
# meeting the set against QĐ 320's condition 1 for the district (all 22 of them)
run "$NTM" --db "$DB" project vn-318-commune --unit "Định Hóa" --to 2025
run "$NTM" --db "$DB" plot projection --set vn-318-commune --unit "Định Hóa" --to 2025 --target 22 \
	--out plots/dinh-hoa-projection.png
run "$NTM" --db "$DB" plot heatmap --set vn-318-commune --unit "Định Hóa" --year 2023 \
	--out plots/dinh-hoa-criteria-2023.png
run "$NTM" --db "$DB" plot share --var households_clean_water_centralised --of households_total \
	--unit "Quảng Giao" --title "Quảng Giao: tỷ lệ hộ dùng nước sạch tập trung (%)" \
	--out plots/quang-giao-clean-water.png
run "$NTM" --db "$DB" plot funding --unit "Định Hóa" --years 2022-2024 --out plots/dinh-hoa-funding.txt
cat plots/dinh-hoa-funding.txt
run "$NTM" --db "$DB" run scripts/dinh-hoa-charts.lua "Định Hóa" 2023 --out plots
# maps of the provinces as they are since 2026 (bundled boundaries,
# plots/boundaries): each new commune coloured by the 2023 status of the old
# communes it took in; only Định Hóa's have figures here, the rest are "no data"
# (Quảng Giao is now part of a ward, which the commune sets do not judge)
run "$NTM" --db "$DB" plot map --set vn-318-commune --unit "Thái Nguyên" --year 2023 --map-year 2026 \
	--out plots/thai-nguyen-2026.png
run "$NTM" --db "$DB" plot map --set th-32-2022-commune --unit "Thanh Hóa" --year 2023 --map-year 2026 \
	--out plots/thanh-hoa-2026.png
# the office's annex tables: criteria by commune (Biểu số 01) and funding (Biểu số 04)
run "$NTM" --db "$DB" report criteria --unit "Định Hóa" --year 2023 --set vn-318-commune --out plots/dinh-hoa-criteria-2023.xlsx
run "$NTM" --db "$DB" report funding --unit "Định Hóa" --out plots/dinh-hoa-funding.xlsx
# the whole report as one page: summary, tables, charts, the audit, every source
run "$NTM" --db "$DB" report html --unit "Định Hóa" --years 2021-2023 --out plots/dinh-hoa-report.html
