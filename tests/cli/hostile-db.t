# Databases ntm did not make, or cannot write: refused with nothing changed,
# read without writing, or refused by name when another program broke them;
# two evaluations at once on one database.

# another program's database: refused, byte for byte unchanged, no -wal or -shm
$ mkdir a && cd a && sqlite3 other.sqlite 'CREATE TABLE x(a); INSERT INTO x VALUES (1)' && md5sum other.sqlite > ../other.md5
$ cd a && $NTM --db other.sqlite units
? 1
2> ntm: other.sqlite is not an ntm database: it holds another program's tables (x); ntm left it unchanged (give an ntm database, or a new file, with --db)
$ cd a && $NTM --db other.sqlite import $ROOT/data/variables.csv
? 1
2~ other.sqlite is not an ntm database
$ cd a && $NTM --db other.sqlite --criteria $ROOT/criteria eval vn-318-commune --year 2023
? 1
2~ other.sqlite is not an ntm database
$ cd a && md5sum -c --quiet ../other.md5 && ls
> other.sqlite

# a database of a newer schema: refused before anything is written (it stays out of WAL)
$ mkdir b && cd b && sqlite3 newer.db 'PRAGMA user_version = 9; CREATE TABLE unit(a)' && md5sum newer.db > ../newer.md5
$ cd b && $NTM --db newer.db units
? 1
2> ntm: newer.db: database schema version 9 is newer than this ntm (6); use a newer ntm
$ cd b && md5sum -c --quiet ../newer.md5 && sqlite3 newer.db 'PRAGMA journal_mode' && ls
> delete
> newer.db

# not an SQLite file at all (a mistyped --db)
$ mkdir c && cd c && printf 'code,name\n' > units.csv && $NTM --db units.csv units
? 1
2> ntm: units.csv is not an SQLite database (give the ntm database with --db)
$ cd c && cat units.csv && ls
> code,name
> units.csv

# an empty file, or a new one, becomes an ntm database
$ touch empty.db && $NTM --db empty.db variables | grep -c . && sqlite3 empty.db 'PRAGMA user_version; SELECT file FROM import'
> 193
> 6
> bundled dictionary

# a read-only database is read: units, criteria, eval (not stored). As root,
# permissions do not bind: ro.sh runs ntm as nobody then.
$ printf '#!/bin/sh\n[ "$(id -u)" = 0 ] && exec setpriv --reuid=65534 --regid=65534 --clear-groups "$@"\nexec "$@"\n' > ro.sh && chmod 755 ro.sh . && cp -r $T/* . && $NTM --db t.db import variables.csv units.csv observations.csv > /dev/null && mkdir file dir && cp t.db file/ && cp t.db dir/ && chmod 777 file && chmod 444 file/t.db && chmod 555 dir && chmod -R a+rX crit
$ ./ro.sh $NTM --db file/t.db units --level district
> TN-DH                  Định Hóa  (district, tdmnpb)
> TH-QX                  Quảng Xương  (district, btb)
$ ./ro.sh $NTM --db file/t.db --criteria crit eval roads --unit "dinh hoa" --year 2023 | tail -2
> thresholds: this evaluation used 0 draft and 0 unset thresholds
> not stored: file/t.db is read-only
$ ./ro.sh $NTM --db file/t.db --criteria crit eval roads --unit "dinh hoa" --year 2023 --format csv | wc -l
> 7
2> ntm: not stored: file/t.db is read-only
$ ./ro.sh $NTM --db file/t.db import variables.csv
? 1
2> ntm: file/t.db is read-only: cannot import into it (check the permissions of the file and of its directory)
$ ./ro.sh $NTM --db dir/t.db units --level district
> TN-DH                  Định Hóa  (district, tdmnpb)
> TH-QX                  Quảng Xương  (district, btb)
$ ./ro.sh $NTM --db dir/t.db --criteria crit eval roads --unit "dinh hoa" --year 2023 | tail -1
> not stored: dir/t.db is read-only
$ ./ro.sh $NTM --db dir/t.db --criteria crit criteria list
~ roads
~ QĐ test 1/2022
$ ./ro.sh $NTM --db dir/t.db scenario create x
? 1
2> ntm: dir/t.db is read-only: cannot change scenarios (check the permissions of the file and of its directory)
$ ls dir && chmod 755 dir && sqlite3 dir/t.db 'SELECT count(*) FROM run' && sqlite3 file/t.db 'SELECT count(*) FROM run'
> t.db
> 0
> 0

# a loop of parents written by another program: refused by name (it was a
# crash in `units` and a hang in `eval --unit`)
$ cp t.db loop.db && sqlite3 loop.db "UPDATE unit SET parent_id = (SELECT id FROM unit WHERE code = 'TN-DH') WHERE code = 'TN'"
$ $NTM --db loop.db units TN-DH
? 1
2> ntm: the units' parents form a loop: TN (Thái Nguyên) -> TN-DH (Định Hóa) -> TN; the database was changed outside ntm: set the parent_id of one of them right, or re-import units.csv
$ timeout 20 $NTM --db loop.db --criteria crit eval roads --unit TN-DH-BAOCUONG
? 1
2~ the units' parents form a loop: TN (Thái Nguyên) -> TN-DH (Định Hóa) -> TN;
$ cp t.db self.db && sqlite3 self.db "UPDATE unit SET parent_id = id WHERE code = 'TN-DH-KIMPHUONG'" && $NTM --db self.db units TN-DH-KIMPHUONG
? 1
2~ loop: TN-DH-KIMPHUONG (Kim Phượng) -> TN-DH-KIMPHUONG;
# a level ntm does not know, written past the schema's check
$ cp t.db level.db && sqlite3 level.db "PRAGMA ignore_check_constraints = 1; UPDATE unit SET level = 'planet' WHERE code = 'TN-DH'" && $NTM --db level.db units
? 1
2> ntm: unit 'TN-DH' has the level 'planet' in the database, not one of province, district, commune, township, ward, village (was it changed outside ntm? re-import units.csv)

# two evaluations at once: the first one's reader is slow (a pager), the
# second does not wait for it; both are stored and printed in full
$ $NTM synth --out small --scale 0.005 --seed 7 > /dev/null && $NTM --db p.db import $ROOT/data/variables.csv small/units.csv small/observations.csv > /dev/null
$ ($NTM --db p.db --criteria $ROOT/criteria eval vn-318-commune --year 2023 --format csv | (sleep 5; wc -l) > first.txt) & sleep 1; timeout 4 $NTM --db p.db --criteria $ROOT/criteria eval vn-318-commune --year 2023 --format csv | wc -l; wait; cat first.txt; sqlite3 p.db 'SELECT count(*) FROM run'
> 1541
> 1541
> 2
