/* scan.c - the floor `make bench` measures ntm against: a bare C program that
 * reads the same figures an evaluation reads, through SQLite, the same
 * query and the same columns, and does nothing with them but add them up.
 * usage: scan DB YEAR_FROM YEAR_TO [UNIT_ID]
 * (UNIT_ID: one unit's figures through the primary key, as ntm reads them
 * for one commune). Prints the rows read and their sum. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long long rows = 0, keys = 0;
	double sum = 0;
	int rc;

	if (argc < 4) {
		fprintf(stderr, "usage: scan DB YEAR_FROM YEAR_TO [UNIT_ID]\n");
		return 2;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "scan: %s: %s\n", argv[1], sqlite3_errmsg(db));
		return 1;
	}
	rc = sqlite3_prepare_v2(db, argc > 4 ?
	                        "SELECT unit_id, variable_id, year, quarter, value FROM observation "
	                        "WHERE unit_id = ?3 AND year BETWEEN ?1 AND ?2" :
	                        "SELECT unit_id, variable_id, year, quarter, value "
	                        "FROM observation WHERE year BETWEEN ?1 AND ?2", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		fprintf(stderr, "scan: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	sqlite3_bind_int(st, 1, atoi(argv[2]));
	sqlite3_bind_int(st, 2, atoi(argv[3]));
	if (argc > 4)
		sqlite3_bind_int64(st, 3, atoll(argv[4]));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		keys += sqlite3_column_int64(st, 0) + sqlite3_column_int64(st, 1) +
		        sqlite3_column_int(st, 2) + sqlite3_column_int(st, 3);
		sum += sqlite3_column_double(st, 4);
		rows++;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	if (rc != SQLITE_DONE)
		return 1;
	printf("%lld rows, sum %.6g (keys %lld)\n", rows, sum, keys);
	return 0;
}
