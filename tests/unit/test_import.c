/* test_import.c - the store and the importer (store.h, import.h): schema
 * creation, all-or-nothing imports, messages naming file, line and field,
 * replacement on re-import, units loaded with inherited regions. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import.h"
#include "store.h"

struct fx {
	char dir[64];
	char db[96];
	sqlite3 *h;
};

static const char vars[] =
	"name,uom,meaning,source\n"
	"road_village_total_km,km,village roads,t\n"
	"road_village_hardened_km,km,hardened,t\n"
	"landscape_ok,bool,landscape,t\n";
static const char units[] =
	"code,name,level,parent,region\n"
	"TN,Thái Nguyên,province,,tdmnpb\n"
	"TN-DH,Định Hóa,district,TN,\n"
	"TN-DH-KP,Kim Phượng,commune,TN-DH,\n"
	"TN-DH-SP,Sơn Phú,commune,TN-DH,btb\n";
static const char obs[] =
	"unit,period,variable,value,source\n"
	"TN-DH-KP,2023,road_village_total_km,40,doc §1\n"
	"TN-DH-KP,2023,road_village_hardened_km,38.5,doc §1\n"
	"TN-DH-KP,2024Q1,landscape_ok,đạt,doc §2\n";

static void put(struct fx *f, const char *name, const char *text)
{
	char path[160];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", f->dir, name);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct ntm_err err = { 0 };

	strcpy(f->dir, "/tmp/ntm-imp-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->db, sizeof f->db, "%s/t.db", f->dir);
	assert_int_equal(store_open(f->db, &f->h, &err), 0);
	put(f, "vars.csv", vars);
	put(f, "units.csv", units);
	put(f, "obs.csv", obs);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	char cmd[128];

	store_close(f->h);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

static long count(struct fx *f, const char *sql)
{
	sqlite3_stmt *st;
	long n = -1;

	assert_int_equal(sqlite3_prepare_v2(f->h, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int import(struct fx *f, const char *a, const char *b, const char *c, int dry,
                  struct ntm_err *err)
{
	struct import_file files[3];
	struct import_opts o = { 0 };
	char pa[3][160];
	const char *names[3] = { a, b, c };
	int n = 0, i;

	memset(files, 0, sizeof files);
	for (i = 0; i < 3; i++) {
		if (!names[i])
			continue;
		snprintf(pa[n], sizeof pa[n], "%s/%s", f->dir, names[i]);
		files[n].path = pa[n];
		n++;
	}
	o.dry_run = dry;
	return import_run(f->h, files, n, &o, err);
}

static void schema_version(void **state)
{
	struct fx *f = *state;

	assert_int_equal(count(f, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(count(f, "PRAGMA foreign_keys"), 1);
	/* schema 2: scenarios beside the base tables, units with collation keys */
	assert_int_equal(count(f, "SELECT count(*) FROM sqlite_master WHERE name = 'scenario_figure'"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM pragma_table_info('unit') WHERE name = 'sort_key'"), 1);
	/* schema 3: units over time */
	assert_int_equal(count(f, "SELECT count(*) FROM pragma_table_info('unit') WHERE name IN "
	                          "('valid_from', 'valid_to', 'merged_into_id', 'split_from_id')"), 4);
}

/* A database left at schema 2 by an older ntm: opening it adds the unit
 * periods and keeps what it holds. */
static void schema_2_migrates(void **state)
{
	struct fx *f = *state;
	struct ntm_err err = { 0 };
	char path[96];
	sqlite3 *raw, *db;
	sqlite3_stmt *st;

	snprintf(path, sizeof path, "%s/old.db", f->dir);
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(store_migrate(raw, path, 2, &err), 0);
	assert_int_equal(sqlite3_exec(raw, "INSERT INTO unit(code, name, name_key, level, region) "
	                              "VALUES ('TN', 'Thái Nguyên', 'thai nguyen', 'province', 'tdmnpb')",
	                              NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(raw, "SELECT count(*) FROM pragma_table_info('unit') "
	                                    "WHERE name = 'valid_from'", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 0);
	sqlite3_finalize(st);
	sqlite3_close(raw);

	assert_int_equal(store_open(path, &db, &err), 0);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT (SELECT user_version FROM pragma_user_version), "
	                                    "count(*), coalesce(max(valid_to), 0) FROM unit", -1, &st,
	                                    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), STORE_SCHEMA_VERSION);
	assert_int_equal(sqlite3_column_int(st, 1), 1);
	assert_int_equal(sqlite3_column_int(st, 2), 0);
	sqlite3_finalize(st);
	store_close(db);
}

static void imports_in_dependency_order(void **state)
{
	struct fx *f = *state;
	struct ntm_err err = { 0 };
	struct unitset us;

	/* figures first on the command line: still imported after units */
	assert_int_equal(import(f, "obs.csv", "units.csv", "vars.csv", 0, &err), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM observation"), 3);
	assert_int_equal(count(f, "SELECT value FROM observation WHERE quarter = 1"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM unit WHERE name_key = 'kim phuong'"), 1);
	assert_int_equal(store_units(f->h, &us, &err), 0);
	assert_int_equal(us.n, 4);
	/* parents before children; regions inherited unless a unit has its own */
	assert_string_equal(us.u[0].code, "TN");
	for (size_t i = 0; i < us.n; i++) {
		if (strcmp(us.u[i].code, "TN-DH-KP") == 0)
			assert_string_equal(store_region_name[us.u[i].region], "tdmnpb");
		if (strcmp(us.u[i].code, "TN-DH-SP") == 0)
			assert_string_equal(store_region_name[us.u[i].region], "btb");
	}
	store_units_free(&us);
}

static void one_bad_row_writes_nothing(void **state)
{
	struct fx *f = *state;
	struct ntm_err err = { 0 };

	assert_int_equal(import(f, "vars.csv", "units.csv", NULL, 0, &err), 0);
	put(f, "bad.csv", "unit,period,variable,value,source\n"
	                  "TN-DH-KP,2023,road_village_total_km,40,doc\n"
	                  "TN-DH-KP,2023,road_vilage_hardened_km,38,doc\n");
	assert_int_equal(import(f, "bad.csv", NULL, NULL, 0, &err), -1);
	assert_non_null(strstr(err.msg, "bad.csv:3: field 'variable': unknown variable "
	                                "'road_vilage_hardened_km'; did you mean 'road_village_hardened_km'"));
	assert_int_equal(count(f, "SELECT count(*) FROM observation"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM import"), 2);
}

static void field_errors(void **state)
{
	static const struct { const char *row, *msg; } cases[] = {
		{ "TN-DH-XX,2023,road_village_total_km,1,d", ":2: field 'unit': unknown unit 'TN-DH-XX'" },
		{ "TN-DH-KP,23,road_village_total_km,1,d", ":2: field 'period': '23' is not a period" },
		{ "TN-DH-KP,2023Q5,road_village_total_km,1,d", "field 'period'" },
		{ "TN-DH-KP,2023,road_village_total_km,\"1,5\",d", "field 'value': '1,5' is not a number (write decimals with a dot" },
		{ "TN-DH-KP,2023,road_village_total_km,-3,d", "field 'value': '-3' is negative" },
		{ "TN-DH-KP,2023,landscape_ok,maybe,d", "field 'value': 'maybe' is not a yes/no figure" },
		{ "TN-DH-KP,2023,road_village_total_km,4,", "field 'source': is empty" },
		{ "TN-DH-KP,2023,road_village_total_km,4", ":2: expected 5 fields" },
	};
	struct fx *f = *state;
	struct ntm_err err = { 0 };
	char text[512];
	size_t i;

	assert_int_equal(import(f, "vars.csv", "units.csv", NULL, 0, &err), 0);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(text, sizeof text, "unit,period,variable,value,source\n%s\n", cases[i].row);
		put(f, "bad.csv", text);
		err.msg[0] = '\0';
		assert_int_equal(import(f, "bad.csv", NULL, NULL, 0, &err), -1);
		if (!strstr(err.msg, cases[i].msg))
			fail_msg("row %s: got '%s', wanted '%s'", cases[i].row, err.msg, cases[i].msg);
	}
	assert_int_equal(count(f, "SELECT count(*) FROM observation"), 0);
}

static void units_errors(void **state)
{
	struct fx *f = *state;
	struct ntm_err err = { 0 };

	put(f, "u.csv", "code,name,level,parent,region\nTN,Thái Nguyên,province,,\n");
	assert_int_equal(import(f, "u.csv", NULL, NULL, 0, &err), -1);
	assert_non_null(strstr(err.msg, "u.csv:2: field 'region': is empty: a province needs"));
	put(f, "u.csv", "code,name,level,parent,region\nX-1,Xã Một,commune,NOPE,\n");
	assert_int_equal(import(f, "u.csv", NULL, NULL, 0, &err), -1);
	assert_non_null(strstr(err.msg, "field 'parent': unknown parent 'NOPE'"));
	put(f, "u.csv", "code,name,level,parent,region\nTN,Thái Nguyên,province,,tdmnpb\nTN,Again,province,,tdmnpb\n");
	assert_int_equal(import(f, "u.csv", NULL, NULL, 0, &err), -1);
	assert_non_null(strstr(err.msg, "u.csv:3: the unit code is given twice in this import"));
	put(f, "u.csv", "code,name,lvl,parent,region\n");
	assert_int_equal(import(f, "u.csv", NULL, NULL, 0, &err), -1);
	assert_non_null(strstr(err.msg, "u.csv:1: unknown header"));
	assert_int_equal(count(f, "SELECT count(*) FROM unit"), 0);
}

static void reimport_replaces_and_dry_run_writes_nothing(void **state)
{
	struct fx *f = *state;
	struct ntm_err err = { 0 };

	assert_int_equal(import(f, "vars.csv", "units.csv", "obs.csv", 1, &err), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM unit"), 0);
	assert_int_equal(import(f, "vars.csv", "units.csv", "obs.csv", 0, &err), 0);
	put(f, "fix.csv", "unit,period,variable,value,source\nTN-DH-KP,2023,road_village_total_km,41,fixed\n");
	assert_int_equal(import(f, "fix.csv", NULL, NULL, 0, &err), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM observation"), 3);
	assert_int_equal(count(f, "SELECT value FROM observation o JOIN variable v ON v.id = o.variable_id "
	                          "WHERE v.name = 'road_village_total_km'"), 41);
}

static void funding_projects_recognitions(void **state)
{
	struct fx *f = *state;
	struct ntm_err err = { 0 };

	assert_int_equal(import(f, "vars.csv", "units.csv", NULL, 0, &err), 0);
	put(f, "fund.csv", "unit,year,fund,kind,allocated,disbursed,measure,source\n"
	                   "TN-DH,2022,central,investment,35100,32579,,seed A\n"
	                   "TN-DH,2022,province,in_kind,12000,12000,tonnes,seed A\n");
	put(f, "proj.csv", "unit,year,quarter,name,category,cost,status,source\n"
	                   "TN-DH-KP,2024,3,\"Nhà văn hóa, thôn 5\",culture,500,planned,seed B\n"
	                   "TN-DH-KP,2024,,Rác thải nguy hại,environment,,planned,seed B\n");
	put(f, "rec.csv", "unit,year,title,decision,source\nTN-DH,2023,ntm,719/QĐ-TTg 29/07/2024,S7\n");
	assert_int_equal(import(f, "fund.csv", "proj.csv", "rec.csv", 0, &err), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM funding WHERE measure = 'tonnes'"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM project WHERE cost IS NULL"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM recognition"), 1);
	put(f, "fund.csv", "unit,year,fund,kind,allocated,disbursed,measure,source\n"
	                   "TN-DH,2022,bank,investment,1,1,,x\n");
	assert_int_equal(import(f, "fund.csv", NULL, NULL, 0, &err), -1);
	assert_non_null(strstr(err.msg, "field 'fund': 'bank' is not one of: central, province"));
	put(f, "fund.csv", "unit,year,fund,kind,allocated,disbursed,measure,source\n"
	                   "TN-DH,2022,province,investment,1,1,tonnes,x\n");
	assert_int_equal(import(f, "fund.csv", NULL, NULL, 0, &err), -1);
	assert_non_null(strstr(err.msg, "field 'measure': 'tonnes' is for in-kind support"));
}

static void periods_and_numbers(void **state)
{
	int y, q;
	double v;

	(void)state;
	assert_int_equal(import_parse_period("2024Q1", &y, &q), 0);
	assert_int_equal(y * 10 + q, 20241);
	assert_int_equal(import_parse_period("2024-Q4", &y, &q), 0);
	assert_int_equal(q, 4);
	assert_int_equal(import_parse_period("2024", &y, &q), 0);
	assert_int_equal(q, 0);
	assert_int_equal(import_parse_period("2024-", &y, &q), -1);
	assert_int_equal(import_parse_period("1800", &y, &q), -1);
	assert_int_equal(import_parse_number("0x10", &v), -1);
	assert_int_equal(import_parse_number("inf", &v), -1);
	assert_int_equal(import_parse_number("12.5e1", &v), 0);
	assert_int_equal(import_parse_bool("Không đạt", &v), 0);
	assert_true(v == 0);
	assert_int_equal(import_parse_bool("Có", &v), 0);
	assert_true(v == 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(schema_version, setup, teardown),
		cmocka_unit_test_setup_teardown(schema_2_migrates, setup, teardown),
		cmocka_unit_test_setup_teardown(imports_in_dependency_order, setup, teardown),
		cmocka_unit_test_setup_teardown(one_bad_row_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(field_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(units_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(reimport_replaces_and_dry_run_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(funding_projects_recognitions, setup, teardown),
		cmocka_unit_test(periods_and_numbers),
	};

	return cmocka_run_group_tests_name("import", tests, NULL, NULL);
}
