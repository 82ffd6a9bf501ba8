# Amounts in options are read as Vietnamese writes them ("20 000",
# "20.000,5", "0,87"); a form with two readings is refused with both.
$ $NTM --db t.db import $ROOT/data/variables.csv $ROOT/data/seeds/*.csv >/dev/null && echo ok
> ok
$ for b in 20000 "20 000" "20.000,0" "20.000.000,0"; do $NTM --db t.db --criteria $ROOT/criteria allocate --costs $ROOT/data/costs.csv vn-318-commune --unit "Định Hóa" --year 2021 --budget "$b" --disbursement 0,87 | head -1; done
> vn-318-commune, 2021: 20000 million VND, 17400 to spend (disbursement 87 %), objective criteria-met
> vn-318-commune, 2021: 20000 million VND, 17400 to spend (disbursement 87 %), objective criteria-met
> vn-318-commune, 2021: 20000 million VND, 17400 to spend (disbursement 87 %), objective criteria-met
> vn-318-commune, 2021: 20000000 million VND, 17400000 to spend (disbursement 87 %), objective criteria-met
$ $NTM --db t.db --criteria $ROOT/criteria allocate --costs $ROOT/data/costs.csv vn-318-commune --unit "Định Hóa" --year 2021 --budget 20000 --disbursement 0.87 | head -1
> vn-318-commune, 2021: 20000 million VND, 17400 to spend (disbursement 87 %), objective criteria-met
$ $NTM --db t.db --criteria $ROOT/criteria allocate --costs $ROOT/data/costs.csv vn-318-commune --unit "Định Hóa" --year 2021 --budget 20.000
? 2
2> ntm: allocate: --budget '20.000': ambiguous: 20000 if '.' separates thousands (the Vietnamese way), 20 if it is a decimal point; write 20000 or 20
$ $NTM --db t.db --criteria $ROOT/criteria allocate --costs $ROOT/data/costs.csv vn-318-commune --unit "Định Hóa" --year 2021 --budget 20,000
? 2
2> ntm: allocate: --budget '20,000': ambiguous: 20 if ',' is the decimal comma (the Vietnamese way), 20000 if it separates thousands; write 20 or 20000
$ $NTM --db t.db --criteria $ROOT/criteria allocate --costs $ROOT/data/costs.csv vn-318-commune --unit "Định Hóa" --year 2021 --budget 2.00.000
? 2
2> ntm: allocate: --budget '2.00.000': the thousands are not in groups of three (write 6000, 6 000, 6.000,5 or 0,87)
$ $NTM --db t.db --criteria $ROOT/criteria allocate --costs $ROOT/data/costs.csv vn-318-commune --unit "Định Hóa" --year 2021 --budget 20000 --max-per-unit -5
? 2
2> ntm: allocate: --max-per-unit '-5': an amount cannot be negative
