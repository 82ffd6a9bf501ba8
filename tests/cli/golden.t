# The machine formats on the bundled data, byte for byte: the fast number
# writer, the row buffers and the stored results must not change a byte of
# what scripts read. A change meant to change the output updates these sums
# (and says so in its commit).
$ $NTM --db t.db import $ROOT/data/variables.csv $ROOT/data/seeds/*.csv >/dev/null && echo ok
> ok
$ $NTM --db t.db --criteria $ROOT/criteria eval vn-318-commune --format csv 2>/dev/null | md5sum
> fd8f237d7e3031c3c7eddd85d1f7ccb0  -
$ $NTM --db t.db --criteria $ROOT/criteria eval th-32-2022-commune --format csv --no-store 2>/dev/null | md5sum
> 8f6f5401e6f520ff3625283050b38df6  -
$ $NTM --db t.db --criteria $ROOT/criteria eval vn-318-commune --format json --no-store 2>/dev/null | sed 's/"run": [0-9]*//' | md5sum
> c82d395f6d39dce8a0581e79cd4630ca  -
$ $NTM --db t.db --criteria $ROOT/criteria eval tn-district --format csv --no-store 2>/dev/null | md5sum
> 2438b7c63719634013f74002d74c9a6e  -
# what the run stored reads back as what was printed: each status's count
$ $NTM --db t.db --criteria $ROOT/criteria eval vn-318-commune --format csv --no-store 2>/dev/null | awk -F, 'NR > 1 { n[$7]++ } END { for (k in n) print k, n[k] }' | sort > printed && $NTM --db t.db sql "SELECT status, count(*) FROM result_view WHERE run_id = 1 GROUP BY status ORDER BY status" | tr '|' ' ' > stored && diff printed stored && wc -l < stored
> 5
