# The machine formats on the bundled data, byte for byte: the fast number
# writer, the row buffers and the stored results must not change a byte of
# what scripts read. A change meant to change the output updates these sums
# (and says so in its commit).
$ $NTM --db t.db import $ROOT/data/variables.csv $ROOT/data/seeds/*.csv >/dev/null && echo ok
> ok
$ $NTM --db t.db --criteria $ROOT/criteria eval vn-318-commune --format csv 2>/dev/null | md5sum
> 07960a72d8e38b9243fb8e31e26784a6  -
$ $NTM --db t.db --criteria $ROOT/criteria eval th-32-2022-commune --format csv --no-store 2>/dev/null | md5sum
> faacc1b732618901a27a0643cfb5b92c  -
$ $NTM --db t.db --criteria $ROOT/criteria eval vn-318-commune --format json --no-store 2>/dev/null | sed 's/"run": [0-9]*//' | md5sum
> ed2f39a27b81cc2631061dbf54f535e3  -
$ $NTM --db t.db --criteria $ROOT/criteria eval tn-district --format csv --no-store 2>/dev/null | md5sum
> 1acafbf89688c948a2e8980e59b2cab3  -
# what the run stored reads back as what was printed: each status's count
$ $NTM --db t.db --criteria $ROOT/criteria eval vn-318-commune --format csv --no-store 2>/dev/null | awk -F, 'NR > 1 { n[$7]++ } END { for (k in n) print k, n[k] }' | sort > printed && $NTM --db t.db sql "SELECT status, count(*) FROM result_view WHERE run_id = 1 GROUP BY status ORDER BY status" | tr '|' ' ' > stored && diff printed stored && wc -l < stored
> 5
