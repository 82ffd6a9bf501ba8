/* test_import.c - the store and the importer (store.h, import.h): schema
 * creation, all-or-nothing imports, messages naming file, line and field,
 * replacement on re-import, units loaded with inherited regions; databases
 * ntm did not make (refused unchanged), parent loops, and the field checks
 * scenarios share with the importer (scenario.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "import.h"
#include "scenario.h"
#include "store.h"
#include "units.h"

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
	/* schema 4: compact runs */
	assert_int_equal(count(f, "SELECT count(*) FROM sqlite_master WHERE name IN "
	                          "('run_result', 'run_threshold', 'result_view', 'run_unit_view', "
	                          "'run_result_key', 'run_result_gone')"), 6);
	assert_int_equal(count(f, "SELECT count(*) FROM sqlite_master WHERE name = 'run_unit'"), 0);
	/* schema 5: a code given to several units in turn; wards */
	assert_int_equal(count(f, "SELECT count(*) FROM pragma_index_list('unit') WHERE \"unique\""), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM sqlite_master WHERE sql LIKE '%''ward''%'"), 1);
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

/* Runs stored by schema 3 (one JSON text per unit-year, thresholds in every
 * row) become packed results and thresholds once per run, indicator,
 * region and year; result_view reads them back through ntm's functions. */
static void schema_3_runs_migrate(void **state)
{
	struct fx *f = *state;
	struct ntm_err err = { 0 };
	char path[96];
	sqlite3 *raw, *db;
	sqlite3_stmt *st;

	snprintf(path, sizeof path, "%s/runs3.db", f->dir);
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(store_migrate(raw, path, 3, &err), 0);
	assert_int_equal(sqlite3_exec(raw,
		"INSERT INTO unit(id, code, name, name_key, level, region) VALUES "
		"  (1, 'TN', 'Thái Nguyên', 'thai nguyen', 'province', 'tdmnpb'),"
		"  (2, 'TN-A', 'Bảo Cường', 'bao cuong', 'commune', NULL);"
		"UPDATE unit SET parent_id = 1 WHERE id = 2;"
		"INSERT INTO run(id, set_id, set_title, set_decision, set_file, year_from, year_to) "
		"  VALUES (1, 's', 't', 'd', 'f', 2023, 2023), (2, 's2', 't', 'd', 'f', 2023, 2023);"
		"UPDATE run SET unit_filter = 'used by run 1' WHERE id = 2;"
		"INSERT INTO run_indicator VALUES (1, 0, '2', '2.2', 'roads', 'c'), (1, 1, '10', '10', 'income', 'c');"
		"INSERT INTO run_unit VALUES (1, 2, 2023, 1, 2, 'not_set', '[[3,70,null],[1,44.5,45]]');",
		NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);

	assert_int_equal(store_open(path, &db, &err), 0);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT indicator, status, value, threshold, threshold_state "
	                                    "FROM result_view ORDER BY indicator DESC", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "2.2");
	assert_string_equal((const char *)sqlite3_column_text(st, 1), "open");
	assert_true(sqlite3_column_double(st, 2) == 70);
	assert_int_equal(sqlite3_column_type(st, 3), SQLITE_NULL);
	assert_string_equal((const char *)sqlite3_column_text(st, 4), "unset");
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 1), "unmet");
	assert_true(sqlite3_column_double(st, 2) == 44.5);
	assert_true(sqlite3_column_double(st, 3) == 45);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	/* the unit's region came from its province; run 2 served run 1 */
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT (SELECT region FROM run_result), "
	                                    "(SELECT used_by FROM run WHERE id = 2), "
	                                    "(SELECT count(*) FROM sqlite_master WHERE name = 'run_unit')",
	                                    -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 0);
	assert_int_equal(sqlite3_column_int(st, 1), 1);
	assert_int_equal(sqlite3_column_int(st, 2), 0);
	sqlite3_finalize(st);
	/* deleting a run takes its results, thresholds and the runs made for it */
	assert_int_equal(sqlite3_exec(db, "DELETE FROM run WHERE id = 1", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM run), "
	                                    "(SELECT count(*) FROM run_result), (SELECT count(*) FROM run_threshold)",
	                                    -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 0);
	assert_int_equal(sqlite3_column_int(st, 1), 0);
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
	assert_int_equal(units_load(f->h, &us, &err), 0);
	assert_int_equal(us.n, 4);
	/* parents before children; regions inherited unless a unit has its own */
	assert_string_equal(us.u[0].code, "TN");
	for (size_t i = 0; i < us.n; i++) {
		if (strcmp(us.u[i].code, "TN-DH-KP") == 0)
			assert_string_equal(store_region_name[us.u[i].region], "tdmnpb");
		if (strcmp(us.u[i].code, "TN-DH-SP") == 0)
			assert_string_equal(store_region_name[us.u[i].region], "btb");
	}
	units_free(&us);
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


/* One code given to two units in turn (a simplified 05569: Chợ Chu until 2025, Định Hóa
 * from 2026): the lookup that loads the units around one picks the unit of
 * the year asked, else the latest, so a one-commune evaluation never falls
 * back to loading the whole country; the loaded set chains the two. */
static void code_given_twice(void **state)
{
	struct fx *f = *state;
	struct ntm_err err = { 0 };
	struct unitset us;
	int64_t old_id, new_id;
	int k;

	put(f, "u.csv", "code,name,level,parent,region,valid_from,valid_to,merged_into,split_from\n"
	    "19,Thái Nguyên,province,,tdmnpb,,,,\n"
	    "05569,Chợ Chu,township,19,,,2025,05569,\n"
	    "05569,Định Hóa,commune,19,,2026,,,\n");
	assert_int_equal(import(f, "u.csv", NULL, NULL, 0, &err), 0);
	old_id = units_lookup(f->h, "05569", "", 2023);
	new_id = units_lookup(f->h, "05569", "", 2026);
	assert_true(old_id > 0 && new_id > 0 && old_id != new_id);
	assert_int_equal(units_lookup(f->h, "05569", "", 0), new_id);
	assert_int_equal(units_lookup(f->h, "05569", "", 2030), new_id);
	assert_int_equal(units_lookup(f->h, "05569", "", 1999), old_id);
	assert_int_equal(units_load(f->h, &us, &err), 0);
	k = unitset_code(&us, "05569", 0);
	assert_int_equal(us.u[k].id, new_id);
	assert_int_equal(us.u[us.u[k].same_code].id, old_id);
	assert_int_equal(us.u[us.u[k].same_code].same_code, -1);
	assert_int_equal(us.u[unitset_code(&us, "05569", 2025)].id, old_id);
	assert_int_equal(unitset_code(&us, "05570", 2025), -1);
	assert_int_equal(unitset_code_count(&us, "05569"), 2);
	/* the old unit was merged into the new one, given after it in the file */
	assert_int_equal(us.u[us.u[us.u[k].same_code].merged_into].id, new_id);
	units_free(&us);
}

/* Level and region names have no terminator: a bad one must be refused
 * by name, without reading past the list (ASan saw the overrun). */
static void bad_level_or_region(void **state)
{
	struct fx *f = *state;
	struct ntm_err err = { 0 };

	put(f, "u.csv", "code,name,level,parent,region\nX,Xã X,planet,,tdmnpb\n");
	assert_int_equal(import(f, "u.csv", NULL, NULL, 0, &err), -1);
	assert_string_equal(strstr(err.msg, "u.csv:2:"), "u.csv:2: field 'level': 'planet' is not one "
	                    "of: province, district, commune, township, ward, village");
	put(f, "u.csv", "code,name,level,parent,region\nX,Tỉnh X,province,,mars\n");
	assert_int_equal(import(f, "u.csv", NULL, NULL, 0, &err), -1);
	assert_string_equal(strstr(err.msg, "u.csv:2:"), "u.csv:2: field 'region': 'mars' is not a "
	                    "threshold region of QĐ 318: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl");
	assert_int_equal(count(f, "SELECT count(*) FROM unit"), 0);
}

/* ESC, BEL, other C0 controls, DEL and C1 in a name or note are refused
 * with file, line and field, and shown escaped, never raw. */
static void control_characters_refused(void **state)
{
	static const struct { const char *file, *text, *msg; } cases[] = {
		{ "u.csv", "code,name,level,parent,region\nX,Kim\033[31mPhượng,province,,tdmnpb\n",
		  "u.csv:2: field 'name': 'Kim\\x1B[31mPhượng' has a control character" },
		{ "u.csv", "code,name,level,parent,region\nX,Ding\adong,province,,tdmnpb\n",
		  "u.csv:2: field 'name': 'Ding\\x07dong' has a control character" },
		{ "u.csv", "code,name,level,parent,region\nX,\"two\nlines\",province,,tdmnpb\n",
		  "u.csv:2: field 'name': 'two\\x0Alines' has a control character" },
		{ "u.csv", "code,name,level,parent,region\nX,Del\177,province,,tdmnpb\n",
		  "u.csv:2: field 'name': 'Del\\x7F' has a control character" },
		{ "u.csv", "code,name,level,parent,region\nX,C1\302\233x,province,,tdmnpb\n",
		  "u.csv:2: field 'name': 'C1\\u009Bx' has a control character" },
		{ "p.csv", "unit,year,quarter,name,category,cost,status,source\n"
		           "TN-DH-KP,2024,,Road\033]0;x\007,road,1,planned,s\n",
		  "p.csv:2: field 'name': 'Road\\x1B]0;x\\x07' has a control character" },
		{ "v.csv", "name,uom,meaning,source\nx_km,km,mean\033ing,s\n",
		  "v.csv:2: field 'meaning': 'mean\\x1Bing' has a control character" },
		{ "o.csv", "unit,period,variable,value,source\nTN-DH-KP,2023,road_village_total_km,1,doc\tA\n",
		  "o.csv:2: field 'source': 'doc\\x09A' has a control character" },
	};
	struct fx *f = *state;
	struct ntm_err err = { 0 };
	size_t i;

	assert_int_equal(import(f, "vars.csv", "units.csv", NULL, 0, &err), 0);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		put(f, cases[i].file, cases[i].text);
		err_clear(&err);
		assert_int_equal(import(f, cases[i].file, NULL, NULL, 0, &err), -1);
		if (!strstr(err.msg, cases[i].msg))
			fail_msg("case %zu: got '%s', wanted '%s'", i, err.msg, cases[i].msg);
		assert_null(strchr(err.msg, '\033'));
	}
	assert_int_equal(count(f, "SELECT count(*) FROM unit"), 4);
	assert_int_equal(count(f, "SELECT count(*) FROM project"), 0);
}

/* What a script or `ntm scenario set` hands over is checked as an
 * imported field is: one function for each kind of value. */
static void field_checks(void **state)
{
	struct ntm_err err = { 0 };
	double v;
	int y;

	(void)state;
	assert_int_equal(import_check_year(4294969319LL, NULL, "year: ", &err), -1);
	assert_string_equal(err.msg, "year: '4294969319' is not a year (expected YYYY, 1990-2100)");
	assert_int_equal(import_check_year(2023, NULL, "year: ", &err), 0);
	assert_int_equal(import_check_fund("nonsense", "fund: ", &err), -1);
	assert_string_equal(err.msg, "fund: 'nonsense' is not one of: central, province, district, "
	                    "commune, sponsor, people, credit, other");
	assert_int_equal(import_check_fund("credit", NULL, &err), 6);
	assert_int_equal(import_check_amount(-1e308, NULL, "allocated: ", &err), -1);
	assert_string_equal(err.msg, "allocated: '-1e+308' is negative");
	assert_int_equal(import_check_amount(NAN, NULL, "cost: ", &err), -1);
	assert_string_equal(err.msg, "cost: 'nan' is not a number");
	assert_int_equal(import_check_figure("bool", 2, NULL, NULL, &err), -1);
	assert_string_equal(err.msg, "'2' is not a yes/no figure (use 1 or 0)");
	assert_int_equal(import_check_figure("pct", 100.5, NULL, NULL, &err), -1);
	assert_int_equal(import_check_figure("pct", 100, NULL, NULL, &err), 0);
	assert_int_equal(import_check_figure("km", -0.5, "-0.5", NULL, &err), -1);
	assert_string_equal(err.msg, "'-0.5' is negative");
	assert_int_equal(import_text_figure("bool", "có", &v, NULL, &err), 0);
	assert_true(v == 1);
	assert_int_equal(import_text_year("2024Q1", &y, NULL, &err), -1);
	/* a subnormal is a number (strtod says ERANGE); an overflow is not */
	assert_int_equal(import_parse_number("4.9e-324", &v), 0);
	assert_true(v > 0);
	assert_int_equal(import_parse_number("1e999", &v), -1);
	assert_int_equal(import_check_text("Quảng Giao", NULL, &err), 0);
}

/* scenario_put_* refuse what the importer refuses, whoever calls them. */
static void scenario_changes_checked(void **state)
{
	struct fx *f = *state;
	struct ntm_err err = { 0 };
	int64_t id, unit, var, flag;

	assert_int_equal(import(f, "vars.csv", "units.csv", NULL, 0, &err), 0);
	assert_int_equal(scenario_create(f->h, "plan", NULL, NULL, &id, &err), 0);
	unit = count(f, "SELECT id FROM unit WHERE code = 'TN-DH-KP'");
	var = count(f, "SELECT id FROM variable WHERE name = 'road_village_total_km'");
	flag = count(f, "SELECT id FROM variable WHERE name = 'landscape_ok'");
	assert_int_equal(scenario_put_figure(f->h, id, unit, var, 4294969319LL, "set", 1, NULL, &err), -1);
	assert_string_equal(err.msg, "year: '4294969319' is not a year (expected YYYY, 1990-2100)");
	assert_int_equal(scenario_put_figure(f->h, id, unit, var, 2024, "set", -1, NULL, &err), -1);
	assert_string_equal(err.msg, "value: '-1' is negative");
	assert_int_equal(scenario_put_figure(f->h, id, unit, flag, 2024, "set", 0.5, NULL, &err), -1);
	assert_string_equal(err.msg, "value: '0.5' is not a yes/no figure (use 1 or 0)");
	assert_int_equal(scenario_put_figure(f->h, id, unit, var, 2024, "add", INFINITY, NULL, &err), -1);
	assert_int_equal(scenario_put_figure(f->h, id, unit, var, 2024, "add", -2, "fell", &err), 0);
	assert_int_equal(scenario_put_funding(f->h, id, unit, 2024, "nonsense", 1, NAN, NULL, &err), -1);
	assert_string_equal(err.msg, "fund: 'nonsense' is not one of: central, province, district, "
	                    "commune, sponsor, people, credit, other");
	assert_int_equal(scenario_put_funding(f->h, id, unit, 2024, "central", -1e308, NAN, NULL, &err), -1);
	assert_string_equal(err.msg, "allocated: '-1e+308' is negative");
	assert_int_equal(scenario_put_funding(f->h, id, unit, 2024, "central", NAN, NAN, NULL, &err), -1);
	assert_int_equal(scenario_put_project(f->h, id, unit, 2024, 5, "road", NULL, 0, NAN, NAN, NULL,
	                                      &err), -1);
	assert_int_equal(scenario_put_project(f->h, id, unit, 2024, 1, "road\033[2J", NULL, 0, NAN, NAN,
	                                      NULL, &err), -1);
	assert_string_equal(err.msg, "name: 'road\\x1B[2J' has a control character (a line break, tab, "
	                    "escape or the like); names and notes are plain text");
	assert_int_equal(scenario_put_project(f->h, id, unit, 2024, 1, "road", NULL, 0, NAN, INFINITY,
	                                      NULL, &err), -1);
	assert_int_equal(count(f, "SELECT count(*) FROM scenario_figure"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM scenario_funding"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM scenario_project"), 0);
}

/* The bytes of a file, for comparing before and after. Caller frees. */
static char *slurp(const char *path, long *n)
{
	FILE *fp = fopen(path, "rb");
	char *buf;

	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	*n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)*n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)*n, fp), (size_t)*n);
	fclose(fp);
	return buf;
}

/* A database store_open must refuse, its bytes unchanged and no -wal or
 * -shm left beside it. */
static void refused_unchanged(struct fx *f, const char *name, const char *sql, const char *msg)
{
	struct ntm_err err = { 0 };
	char path[160], side[170];
	sqlite3 *raw, *db = NULL;
	long n0, n1;
	char *before, *after;

	snprintf(path, sizeof path, "%s/%s", f->dir, name);
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	before = slurp(path, &n0);
	assert_int_equal(store_open(path, &db, &err), -1);
	assert_null(db);
	if (!strstr(err.msg, msg))
		fail_msg("%s: got '%s', wanted '%s'", name, err.msg, msg);
	after = slurp(path, &n1);
	assert_int_equal(n0, n1);
	assert_memory_equal(before, after, (size_t)n0);
	snprintf(side, sizeof side, "%s-wal", path);
	assert_int_equal(access(side, F_OK), -1);
	snprintf(side, sizeof side, "%s-shm", path);
	assert_int_equal(access(side, F_OK), -1);
	free(before);
	free(after);
}

static void foreign_databases_refused(void **state)
{
	struct fx *f = *state;

	refused_unchanged(f, "other.sqlite", "CREATE TABLE x(a); INSERT INTO x VALUES (1);",
	                  "other.sqlite is not an ntm database: it holds another program's tables (x); "
	                  "ntm left it unchanged");
	refused_unchanged(f, "newer.db", "PRAGMA user_version = 9; CREATE TABLE unit(a);",
	                  "newer.db: database schema version 9 is newer than this ntm");
	refused_unchanged(f, "vers.db", "PRAGMA user_version = 2; CREATE TABLE notes(a);",
	                  "vers.db is not an ntm database: it holds another program's tables (notes)");
	refused_unchanged(f, "app.db", "PRAGMA application_id = 77;",
	                  "app.db is not an ntm database: it belongs to another program (application_id 77)");
}

/* A loop of parents written by another program: refused by name, not
 * followed for ever. */
static void parent_loop_refused(void **state)
{
	struct fx *f = *state;
	struct ntm_err err = { 0 };
	struct unitset us;

	assert_int_equal(import(f, "vars.csv", "units.csv", NULL, 0, &err), 0);
	assert_int_equal(sqlite3_exec(f->h, "UPDATE unit SET parent_id = (SELECT id FROM unit WHERE "
	                              "code = 'TN-DH-KP') WHERE code = 'TN'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(units_load(f->h, &us, &err), -1);
	assert_non_null(strstr(err.msg, "the units' parents form a loop: "));
	assert_non_null(strstr(err.msg, "TN (Thái Nguyên) -> TN-DH-KP (Kim Phượng) -> TN-DH (Định Hóa) -> TN;"));
	assert_int_equal(sqlite3_exec(f->h, "UPDATE unit SET parent_id = NULL WHERE code = 'TN'; "
	                              "UPDATE unit SET parent_id = id WHERE code = 'TN-DH-SP'",
	                              NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(units_load(f->h, &us, &err), -1);
	assert_non_null(strstr(err.msg, "loop: TN-DH-SP (Sơn Phú) -> TN-DH-SP;"));
	/* a level ntm does not know, written past the schema's check */
	assert_int_equal(sqlite3_exec(f->h, "UPDATE unit SET parent_id = (SELECT id FROM unit WHERE "
	                              "code = 'TN-DH') WHERE code = 'TN-DH-SP'; "
	                              "PRAGMA ignore_check_constraints = 1; "
	                              "UPDATE unit SET level = 'planet' WHERE code = 'TN-DH'",
	                              NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(units_load(f->h, &us, &err), -1);
	assert_non_null(strstr(err.msg, "unit 'TN-DH' has the level 'planet' in the database"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(schema_version, setup, teardown),
		cmocka_unit_test_setup_teardown(schema_2_migrates, setup, teardown),
		cmocka_unit_test_setup_teardown(schema_3_runs_migrate, setup, teardown),
		cmocka_unit_test_setup_teardown(imports_in_dependency_order, setup, teardown),
		cmocka_unit_test_setup_teardown(one_bad_row_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(field_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(units_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(reimport_replaces_and_dry_run_writes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(funding_projects_recognitions, setup, teardown),
		cmocka_unit_test(periods_and_numbers),
		cmocka_unit_test_setup_teardown(bad_level_or_region, setup, teardown),
		cmocka_unit_test_setup_teardown(code_given_twice, setup, teardown),
		cmocka_unit_test_setup_teardown(control_characters_refused, setup, teardown),
		cmocka_unit_test(field_checks),
		cmocka_unit_test_setup_teardown(scenario_changes_checked, setup, teardown),
		cmocka_unit_test_setup_teardown(foreign_databases_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(parent_loop_refused, setup, teardown),
	};

	i18n_init("en");   /* the messages compared are the English ones */
	return cmocka_run_group_tests_name("import", tests, NULL, NULL);
}
