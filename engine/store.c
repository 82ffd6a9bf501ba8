/* store.c - the SQLite store (store.h): opening, schema and migrations,
 * statements, sources, the dictionary and figures; the unit set is units.c.
 * The schema is versioned by PRAGMA user_version; each migration runs in its
 * own transaction, and a new file gets the whole schema (and what the
 * caller's init adds) in one. Calls sqlite3, utf8 (collation), pack and map. */
#include "store.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "pack.h"
#include "utf8.h"

const char *const store_level_name[LV_N] = {
	[LV_PROVINCE] = "province", [LV_DISTRICT] = "district", [LV_COMMUNE] = "commune",
	[LV_TOWNSHIP] = "township", [LV_WARD] = "ward", [LV_VILLAGE] = "village",
};

const char *const store_region_name[RG_N] = {
	"tdmnpb", "dbsh", "btb", "dhntb", "tn", "dnb", "dbscl",
};

const char *const store_region_title[RG_N] = {
	"Trung du miền núi phía Bắc", "Đồng bằng sông Hồng", "Bắc Trung Bộ",
	"Duyên hải Nam Trung Bộ", "Tây Nguyên", "Đông Nam Bộ",
	"Đồng bằng sông Cửu Long",
};

static int parse(const char *const *names, int n, const char *s)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

int store_level_parse(const char *s)
{
	return parse(store_level_name, LV_N, s);
}

int store_region_parse(const char *s)
{
	return parse(store_region_name, RG_N, s);
}

/* Migration i brings a database from user_version i to i + 1; each is a
 * list of statements, run in one transaction. */
static const char *const schema_1[] = {
	"CREATE TABLE source ("
	"  id INTEGER PRIMARY KEY,"
	"  text TEXT NOT NULL UNIQUE);",
	"CREATE TABLE import ("
	"  id INTEGER PRIMARY KEY,"
	"  file TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  rows INTEGER NOT NULL,"
	"  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));",
	"CREATE TABLE variable ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  uom TEXT NOT NULL,"
	"  meaning TEXT NOT NULL DEFAULT '',"
	"  source TEXT NOT NULL DEFAULT '',"
	"  import_id INTEGER REFERENCES import(id));",
	"CREATE TABLE unit ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  name_key TEXT NOT NULL,"
	"  level TEXT NOT NULL CHECK (level IN"
	"    ('province','district','commune','township','village')),"
	"  parent_id INTEGER REFERENCES unit(id),"
	"  region TEXT CHECK (region IN"
	"    ('tdmnpb','dbsh','btb','dhntb','tn','dnb','dbscl')),"
	"  source_id INTEGER REFERENCES source(id),"
	"  import_id INTEGER REFERENCES import(id));",
	"CREATE INDEX unit_parent ON unit(parent_id);",
	"CREATE INDEX unit_key ON unit(name_key);",
	"CREATE TABLE observation ("
	"  unit_id INTEGER NOT NULL REFERENCES unit(id),"
	"  variable_id INTEGER NOT NULL REFERENCES variable(id),"
	"  year INTEGER NOT NULL,"
	"  quarter INTEGER NOT NULL DEFAULT 0 CHECK (quarter BETWEEN 0 AND 4),"
	"  value REAL NOT NULL,"
	"  source_id INTEGER NOT NULL REFERENCES source(id),"
	"  import_id INTEGER REFERENCES import(id),"
	"  PRIMARY KEY (unit_id, variable_id, year, quarter)) WITHOUT ROWID;",
	"CREATE TABLE funding ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES unit(id),"
	"  year INTEGER NOT NULL,"
	"  fund TEXT NOT NULL CHECK (fund IN ('central','province','district',"
	"    'commune','sponsor','people','credit','other')),"
	"  kind TEXT NOT NULL CHECK (kind IN ('investment','recurrent','in_kind')),"
	"  allocated REAL,"
	"  disbursed REAL,"
	"  measure TEXT NOT NULL DEFAULT 'mVND' CHECK (measure IN ('mVND','tonnes')),"
	"  source_id INTEGER NOT NULL REFERENCES source(id),"
	"  import_id INTEGER REFERENCES import(id),"
	"  UNIQUE (unit_id, year, fund, kind, measure));",
	"CREATE TABLE project ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES unit(id),"
	"  year INTEGER NOT NULL,"
	"  quarter INTEGER NOT NULL DEFAULT 0 CHECK (quarter BETWEEN 0 AND 4),"
	"  name TEXT NOT NULL,"
	"  category TEXT NOT NULL,"
	"  cost REAL,"
	"  status TEXT NOT NULL CHECK (status IN ('planned','underway','done')),"
	"  source_id INTEGER NOT NULL REFERENCES source(id),"
	"  import_id INTEGER REFERENCES import(id),"
	"  UNIQUE (unit_id, year, quarter, name));",
	"CREATE TABLE recognition ("
	"  id INTEGER PRIMARY KEY,"
	"  unit_id INTEGER NOT NULL REFERENCES unit(id),"
	"  year INTEGER NOT NULL,"
	"  title TEXT NOT NULL,"
	"  decision TEXT NOT NULL DEFAULT '',"
	"  source_id INTEGER NOT NULL REFERENCES source(id),"
	"  import_id INTEGER REFERENCES import(id),"
	"  UNIQUE (unit_id, year, title));",
	"CREATE TABLE run ("
	"  id INTEGER PRIMARY KEY,"
	"  set_id TEXT NOT NULL,"
	"  set_title TEXT NOT NULL,"
	"  set_decision TEXT NOT NULL,"
	"  set_file TEXT NOT NULL,"
	"  year_from INTEGER NOT NULL,"
	"  year_to INTEGER NOT NULL,"
	"  unit_filter TEXT,"
	"  units INTEGER NOT NULL DEFAULT 0,"
	"  units_met INTEGER NOT NULL DEFAULT 0,"
	"  draft_thresholds INTEGER NOT NULL DEFAULT 0,"
	"  unset_thresholds INTEGER NOT NULL DEFAULT 0,"
	"  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));",
	"CREATE TABLE run_indicator ("
	"  run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,"
	"  idx INTEGER NOT NULL,"
	"  criterion TEXT NOT NULL,"
	"  indicator TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  cite TEXT NOT NULL,"
	"  PRIMARY KEY (run_id, idx)) WITHOUT ROWID;",
	"CREATE TABLE run_unit ("
	"  run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,"
	"  unit_id INTEGER NOT NULL REFERENCES unit(id),"
	"  year INTEGER NOT NULL,"
	"  criteria_met INTEGER NOT NULL,"
	"  criteria_total INTEGER NOT NULL,"
	"  status TEXT NOT NULL,"
	"  results TEXT NOT NULL,"
	"  PRIMARY KEY (run_id, unit_id, year)) WITHOUT ROWID;",
	/* run_unit.results holds one [status, value, threshold] per indicator
	 * (status 0 met, 1 unmet, 2 unknown, 3 not_set, 4 n/a): one row per unit
	 * and year keeps a national run small and quick to store; this view
	 * gives one row per indicator. */
	"CREATE VIEW result_view AS"
	"  SELECT ru.run_id, u.code AS unit_code, u.name AS unit_name, ru.year,"
	"         run.set_id, i.criterion, i.indicator,"
	"         CASE json_extract(j.value, '$[0]') WHEN 0 THEN 'met' WHEN 1 THEN 'unmet'"
	"           WHEN 2 THEN 'unknown' WHEN 3 THEN 'not_set' ELSE 'n/a' END AS status,"
	"         json_extract(j.value, '$[1]') AS value,"
	"         json_extract(j.value, '$[2]') AS threshold, i.cite"
	"  FROM run_unit ru JOIN run ON run.id = ru.run_id"
	"  JOIN unit u ON u.id = ru.unit_id"
	"  JOIN json_each(ru.results) j"
	"  JOIN run_indicator i ON i.run_id = ru.run_id AND i.idx = j.key;",
	NULL,
};

/* 2: what-if scenarios, overlays over the base tables (scenario.h). */
static const char *const schema_2[] = {
	"CREATE TABLE scenario ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  base_id INTEGER REFERENCES scenario(id),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now')));",
	"CREATE TABLE scenario_figure ("
	"  scenario_id INTEGER NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,"
	"  seq INTEGER NOT NULL,"
	"  unit_id INTEGER NOT NULL REFERENCES unit(id),"
	"  variable_id INTEGER NOT NULL REFERENCES variable(id),"
	"  year INTEGER NOT NULL,"
	"  op TEXT NOT NULL CHECK (op IN ('set', 'add')),"
	"  value REAL NOT NULL,"
	"  note TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (scenario_id, seq));",
	"CREATE TABLE scenario_funding ("
	"  scenario_id INTEGER NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,"
	"  unit_id INTEGER NOT NULL REFERENCES unit(id),"
	"  year INTEGER NOT NULL,"
	"  fund TEXT NOT NULL,"
	"  kind TEXT NOT NULL DEFAULT 'investment',"
	"  allocated REAL,"
	"  disbursed REAL,"
	"  measure TEXT NOT NULL DEFAULT 'mVND' CHECK (measure IN ('mVND','tonnes')),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (scenario_id, unit_id, year, fund, kind, measure));",
	"CREATE TABLE scenario_project ("
	"  id INTEGER PRIMARY KEY,"
	"  scenario_id INTEGER NOT NULL REFERENCES scenario(id) ON DELETE CASCADE,"
	"  unit_id INTEGER NOT NULL REFERENCES unit(id),"
	"  year INTEGER NOT NULL,"
	"  quarter INTEGER NOT NULL DEFAULT 0 CHECK (quarter BETWEEN 0 AND 4),"
	"  name TEXT NOT NULL,"
	"  work TEXT NOT NULL DEFAULT '',"
	"  variable_id INTEGER REFERENCES variable(id),"
	"  quantity REAL,"
	"  cost REAL,"
	"  note TEXT NOT NULL DEFAULT '');",
	"ALTER TABLE run ADD COLUMN scenario TEXT;",
	/* the Vietnamese collation key of the name (utf8_sortkey); NULL: made at load */
	"ALTER TABLE unit ADD COLUMN sort_key BLOB;",
	NULL,
};

/* Units over time: the years a unit existed (NULL: open-ended) and the
 * unit it was merged into, or split from. */
static const char *const schema_3[] = {
	"ALTER TABLE unit ADD COLUMN valid_from INTEGER;",
	"ALTER TABLE unit ADD COLUMN valid_to INTEGER;",
	"ALTER TABLE unit ADD COLUMN merged_into_id INTEGER REFERENCES unit(id);",
	"ALTER TABLE unit ADD COLUMN split_from_id INTEGER REFERENCES unit(id);",
	NULL,
};

/* Compact runs: thresholds once per run, indicator, region and year;
 * results as one packed blob per unit-year (pack.h), read through the SQL
 * functions ntm_status and ntm_value that store_open registers; runs that
 * other runs used point at them. convert_runs moves the runs of schema 1-3. */
static const char *const schema_4[] = {
	"CREATE TABLE run_threshold ("
	"  run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,"
	"  idx INTEGER NOT NULL,"
	"  region INTEGER NOT NULL,"      /* 0-6 as store_region_name, -1: none */
	"  year INTEGER NOT NULL,"
	"  state TEXT NOT NULL,"          /* set, draft, unset, range, must */
	"  value REAL,"
	"  low REAL,"
	"  high REAL,"
	"  PRIMARY KEY (run_id, idx, region, year)) WITHOUT ROWID;",
	/* id is STORE_RESULT_ID(run, unit, year), the run, unit and year in
	 * one integer: unique, and a run's rows are appended in id order, so
	 * every page fills (an index b-tree keeps a tenth of each page empty);
	 * the views take the three back out of it */
	"CREATE TABLE run_result ("
	"  id INTEGER PRIMARY KEY,"
	"  region INTEGER NOT NULL,"
	"  status INTEGER NOT NULL,"      /* ST_*: 0 met, 1 unmet, 2 unknown, 3 open, 4 n/a */
	"  criteria_met INTEGER NOT NULL,"
	"  results BLOB NOT NULL);",
	"CREATE TRIGGER run_result_gone AFTER DELETE ON run BEGIN"
	"  DELETE FROM run_result WHERE id BETWEEN old.id << 36 AND ((old.id + 1) << 36) - 1;"
	"  END;",
	"ALTER TABLE run ADD COLUMN used_by INTEGER REFERENCES run(id) ON DELETE CASCADE;",
	"CREATE INDEX run_used_by ON run(used_by);",
	/* the units around one unit load by key (units_load_near) */
	"CREATE INDEX unit_merged_into ON unit(merged_into_id) WHERE merged_into_id IS NOT NULL;",
	"CREATE INDEX unit_split_from ON unit(split_from_id) WHERE split_from_id IS NOT NULL;",
	"DROP VIEW result_view;",
	NULL,
};

/* The views over schema 4, made after convert_runs (schema 5 makes them
 * again around the new unit table). */
static const char *const schema_4_views[] = {
	"DROP TABLE run_unit;",
	"CREATE VIEW run_result_key AS"
	"  SELECT id >> 36 AS run_id, (id >> 8) & 268435455 AS unit_id, (id & 255) + 1900 AS year,"
	"         region, status, criteria_met, results FROM run_result;",
	NULL,
};

static const char *const unit_views[] = {
	/* one row per indicator result */
	"CREATE VIEW result_view AS"
	"  SELECT rr.run_id, u.code AS unit_code, u.name AS unit_name, rr.year,"
	"         run.set_id, i.criterion, i.indicator,"
	"         ntm_status(rr.results, i.idx) AS status,"
	"         ntm_value(rr.results, i.idx) AS value,"
	"         t.value AS threshold, t.state AS threshold_state,"
	"         t.low AS threshold_low, t.high AS threshold_high, i.cite"
	"  FROM run_result_key rr JOIN run ON run.id = rr.run_id"
	"  JOIN unit u ON u.id = rr.unit_id"
	"  JOIN run_indicator i ON i.run_id = rr.run_id"
	"  LEFT JOIN run_threshold t ON t.run_id = rr.run_id AND t.idx = i.idx"
	"    AND t.region = rr.region AND t.year = rr.year;",
	/* one row per unit-year */
	"CREATE VIEW run_unit_view AS"
	"  SELECT rr.run_id, u.code AS unit_code, u.name AS unit_name, rr.year,"
	"         CASE rr.status WHEN 0 THEN 'met' WHEN 1 THEN 'unmet' WHEN 2 THEN 'unknown'"
	"           WHEN 3 THEN 'open' ELSE 'n/a' END AS status, rr.criteria_met"
	"  FROM run_result_key rr JOIN unit u ON u.id = rr.unit_id;",
	NULL,
};

/* 5: units identified by code and period. A code may name several units, one
 * after another (05569: xã Bảo Cường until 2024, thị trấn Chợ Chu in 2025, xã
 * Định Hóa from 2026),
 * so it is no longer unique; a level for wards (phường). SQLite cannot drop
 * a constraint, so the table is made again with the same ids (the caller
 * turns foreign keys off around it and checks them before committing). */
static const char *const schema_5[] = {
	"DROP VIEW result_view;",
	"DROP VIEW run_unit_view;",
	"CREATE TABLE unit_new ("
	"  id INTEGER PRIMARY KEY,"
	"  code TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  name_key TEXT NOT NULL,"
	"  level TEXT NOT NULL CHECK (level IN"
	"    ('province','district','commune','township','ward','village')),"
	"  parent_id INTEGER REFERENCES unit(id),"
	"  region TEXT CHECK (region IN"
	"    ('tdmnpb','dbsh','btb','dhntb','tn','dnb','dbscl')),"
	"  source_id INTEGER REFERENCES source(id),"
	"  import_id INTEGER REFERENCES import(id),"
	"  sort_key BLOB,"
	"  valid_from INTEGER,"
	"  valid_to INTEGER,"
	"  merged_into_id INTEGER REFERENCES unit(id),"
	"  split_from_id INTEGER REFERENCES unit(id));",
	"INSERT INTO unit_new SELECT id, code, name, name_key, level, parent_id, region, source_id,"
	"  import_id, sort_key, valid_from, valid_to, merged_into_id, split_from_id FROM unit;",
	"DROP TABLE unit;",
	"ALTER TABLE unit_new RENAME TO unit;",
	"CREATE INDEX unit_code ON unit(code);",
	"CREATE INDEX unit_parent ON unit(parent_id);",
	"CREATE INDEX unit_key ON unit(name_key);",
	"CREATE INDEX unit_merged_into ON unit(merged_into_id) WHERE merged_into_id IS NOT NULL;",
	"CREATE INDEX unit_split_from ON unit(split_from_id) WHERE split_from_id IS NOT NULL;",
	NULL,
};

/* Commune groups (nhóm 1, 2, 3 of QĐ 51/2025/QĐ-TTg): the group a unit is
 * judged in for a span of years, each span with its source (groups.csv;
 * year_to NULL: still so). Nothing else refers to it: independent of the
 * unit table's own migrations. */
static const char *const schema_groups[] = {
	"CREATE TABLE unit_group ("
	"  unit_id INTEGER NOT NULL REFERENCES unit(id),"
	"  year_from INTEGER NOT NULL,"
	"  year_to INTEGER,"
	"  commune_group INTEGER NOT NULL CHECK (commune_group BETWEEN 1 AND 3),"
	"  source_id INTEGER NOT NULL REFERENCES source(id),"
	"  import_id INTEGER REFERENCES import(id),"
	"  CHECK (year_to IS NULL OR year_to >= year_from));",
	"CREATE INDEX unit_group_unit ON unit_group(unit_id, year_from);",
	NULL,
};

static int convert_runs(sqlite3 *db, struct ntm_err *err);

static const char *const *const migrations[] = { schema_1, schema_2, schema_3, schema_4, schema_5,
                                                 schema_groups };

int store_exec(sqlite3 *db, const char *sql, struct ntm_err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(err, _("database: %s"), msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int store_prepare(sqlite3 *db, sqlite3_stmt **st, const char *sql, struct ntm_err *err)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		return err_set(err, _("database: %s"), sqlite3_errmsg(db));
	return 0;
}

static int collate_vi(void *arg, int na, const void *a, int nb, const void *b)
{
	char *sa, *sb;
	int r;

	(void)arg;
	sa = malloc((size_t)na + 1);
	sb = malloc((size_t)nb + 1);
	if (!sa || !sb) {
		free(sa);
		free(sb);
		return na - nb;
	}
	memcpy(sa, a, (size_t)na);
	sa[na] = '\0';
	memcpy(sb, b, (size_t)nb);
	sb[nb] = '\0';
	r = utf8_collate(sa, sb);
	free(sa);
	free(sb);
	return r;
}

/* ntm_status(results, i): indicator i's status as text; ntm_value: its
 * value (NULL when none). NULL for a blob that is not packed results. */
static const char *const status_text[] = { "met", "unmet", "unknown", "open", "n/a" };

static void sql_status(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const unsigned char *p = sqlite3_value_blob(argv[0]);
	int st;
	double v;

	(void)argc;
	if (pack_get(p, (size_t)sqlite3_value_bytes(argv[0]), sqlite3_value_int(argv[1]), &st, &v) < 0 ||
	    (st & ~PACK_DIV0) > 4) {
		sqlite3_result_null(cx);
		return;
	}
	sqlite3_result_text(cx, status_text[st & ~PACK_DIV0], -1, SQLITE_STATIC);
}

static void sql_value(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const unsigned char *p = sqlite3_value_blob(argv[0]);
	int st;
	double v;

	(void)argc;
	if (pack_get(p, (size_t)sqlite3_value_bytes(argv[0]), sqlite3_value_int(argv[1]), &st, &v) < 0 ||
	    isnan(v))
		sqlite3_result_null(cx);
	else
		sqlite3_result_double(cx, v);
}

/* The number at *s ("null" is NAN); advances s. -1 when there is none. */
static int json_number(const char **s, double *v)
{
	char *end;

	while (**s == ' ')
		(*s)++;
	if (strncmp(*s, "null", 4) == 0) {
		*v = NAN;
		*s += 4;
		return 0;
	}
	*v = strtod(*s, &end);
	if (end == *s)
		return -1;
	*s = end;
	return 0;
}

/* Schema 3 to 4: each run_unit row's JSON results ([status, value,
 * threshold] per indicator) become a packed run_result row, and the
 * thresholds it repeated are kept once per run, indicator, region (the
 * unit's as it stands now: the old rows did not record it) and year, with
 * the state they can still tell: a number, or unset. */
static int convert_runs(sqlite3 *db, struct ntm_err *err)
{
	sqlite3_stmt *rd = NULL, *wr = NULL, *th = NULL;
	unsigned char *buf = NULL, *st = NULL;
	double *val = NULL, *thr = NULL;
	int cap = 0, rc = -1;

	if (store_prepare(db, &rd,
	                  "WITH RECURSIVE up(id, at, region, depth) AS ("
	                  "  SELECT id, parent_id, region, 0 FROM unit"
	                  "  UNION ALL SELECT up.id, p.parent_id, p.region, up.depth + 1"
	                  "  FROM up JOIN unit p ON p.id = up.at WHERE up.region IS NULL AND up.depth < 16)"
	                  "SELECT ru.run_id, ru.unit_id, ru.year, ru.status, ru.criteria_met, ru.results,"
	                  "  (SELECT region FROM up WHERE up.id = ru.unit_id AND region IS NOT NULL)"
	                  " FROM run_unit ru", err) < 0 ||
	    store_prepare(db, &wr, "INSERT INTO run_result(id, region, status, criteria_met, results) "
	                  "VALUES (?8, ?4, ?5, ?6, ?7)", err) < 0 ||
	    store_prepare(db, &th, "INSERT OR IGNORE INTO run_threshold(run_id, idx, region, year, "
	                  "state, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err) < 0)
		goto done;
	while (sqlite3_step(rd) == SQLITE_ROW) {
		const char *j = (const char *)sqlite3_column_text(rd, 5);
		const char *name = (const char *)sqlite3_column_text(rd, 3);
		const char *reg = (const char *)sqlite3_column_text(rd, 6);
		int n = 0, i, status = 2, region = reg ? store_region_parse(reg) : -1;
		size_t len;

		for (i = 0; i < 5; i++)
			if (name && (strcmp(name, status_text[i]) == 0 ||
			             (i == 3 && strcmp(name, "not_set") == 0)))
				status = i;
		/* [[s,v,t],...] */
		while (j && (j = strchr(j, '['))) {
			double s3, v, t;

			j++;
			if (*j == '[')
				continue;
			if (json_number(&j, &s3) < 0 || *j++ != ',' || json_number(&j, &v) < 0 ||
			    *j++ != ',' || json_number(&j, &t) < 0)
				break;
			if (n == cap) {
				int nc = cap ? 2 * cap : 64;
				unsigned char *ns = realloc(st, (size_t)nc);
				double *nv = realloc(val, (size_t)nc * sizeof *nv);
				double *nt = realloc(thr, (size_t)nc * sizeof *nt);
				unsigned char *nb = realloc(buf, pack_max(nc));

				st = ns ? ns : st, val = nv ? nv : val, thr = nt ? nt : thr, buf = nb ? nb : buf;
				if (!ns || !nv || !nt || !nb) {
					err_set(err, "%s", _("out of memory"));
					goto done;
				}
				cap = nc;
			}
			st[n] = (unsigned char)(isnan(s3) || s3 < 0 || s3 > 4 ? 2 : (int)s3);
			val[n] = v;
			thr[n] = t;
			n++;
		}
		if (n == 0 && !buf && !(buf = malloc(pack_max(0)))) {
			err_set(err, "%s", _("out of memory"));
			goto done;
		}
		len = pack_results(n, st, val, buf);
		sqlite3_bind_int(wr, 4, region);
		sqlite3_bind_int(wr, 5, status);
		sqlite3_bind_int(wr, 6, sqlite3_column_int(rd, 4));
		sqlite3_bind_blob(wr, 7, buf, (int)len, SQLITE_STATIC);
		sqlite3_bind_int64(wr, 8, STORE_RESULT_ID(sqlite3_column_int64(rd, 0),
		                                          sqlite3_column_int64(rd, 1),
		                                          sqlite3_column_int(rd, 2)));
		if (sqlite3_step(wr) != SQLITE_DONE)
			goto dberr;
		sqlite3_reset(wr);
		for (i = 0; i < n; i++) {
			sqlite3_bind_int64(th, 1, sqlite3_column_int64(rd, 0));
			sqlite3_bind_int(th, 2, i);
			sqlite3_bind_int(th, 3, region);
			sqlite3_bind_int(th, 4, sqlite3_column_int(rd, 2));
			sqlite3_bind_text(th, 5, isnan(thr[i]) ? "unset" : "set", -1, SQLITE_STATIC);
			if (isnan(thr[i]))
				sqlite3_bind_null(th, 6);
			else
				sqlite3_bind_double(th, 6, thr[i]);
			if (sqlite3_step(th) != SQLITE_DONE)
				goto dberr;
			sqlite3_reset(th);
		}
	}
	/* a dependent run said whose it was in its filter text */
	if (store_exec(db, "UPDATE run SET used_by = CAST(substr(unit_filter, 13) AS INTEGER) "
	               "WHERE unit_filter LIKE 'used by run %' AND "
	               "CAST(substr(unit_filter, 13) AS INTEGER) IN (SELECT id FROM run)", err) < 0)
		goto done;
	rc = 0;
	goto done;
dberr:
	err_set(err, _("database: converting the stored runs: %s"), sqlite3_errmsg(db));
done:
	sqlite3_finalize(rd);
	sqlite3_finalize(wr);
	sqlite3_finalize(th);
	free(buf);
	free(st);
	free(val);
	free(thr);
	return rc;
}

static int user_version(sqlite3 *db, int *v, struct ntm_err *err)
{
	sqlite3_stmt *st;

	if (store_prepare(db, &st, "PRAGMA user_version", err) < 0)
		return -1;
	*v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return 0;
}

/* After a table is made again with foreign keys off: every reference
 * still points at a row. */
static int no_dangling(sqlite3 *db, struct ntm_err *err)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (store_prepare(db, &st, "PRAGMA foreign_key_check", err) < 0)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		rc = err_set(err, _("database: table %s, row %lld refers to a missing row of %s"),
		             (const char *)sqlite3_column_text(st, 0),
		             (long long)sqlite3_column_int64(st, 1),
		             (const char *)sqlite3_column_text(st, 2));
	sqlite3_finalize(st);
	return rc;
}

/* Runs the statements that take a database from schema v to v + 1, and
 * records v + 1; the caller holds the transaction. */
static int migrate_step(sqlite3 *db, int v, struct ntm_err *err)
{
	const char *const *stmt;
	char sql[64];

	for (stmt = migrations[v]; *stmt; stmt++)
		if (store_exec(db, *stmt, err) < 0)
			return -1;
	if (v + 1 == 4) {
		if (convert_runs(db, err) < 0)
			return -1;
		for (stmt = schema_4_views; *stmt; stmt++)
			if (store_exec(db, *stmt, err) < 0)
				return -1;
	}
	if (v + 1 == 4 || v + 1 == 5)
		for (stmt = unit_views; *stmt; stmt++)
			if (store_exec(db, *stmt, err) < 0)
				return -1;
	if (v + 1 == 5 && no_dangling(db, err) < 0)
		return -1;
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
	return store_exec(db, sql, err);
}

int store_migrate(sqlite3 *db, const char *path, int target, struct ntm_err *err)
{
	int v, n = (int)(sizeof migrations / sizeof migrations[0]);

	if (user_version(db, &v, err) < 0)
		return -1;
	if (v > n)
		return err_set(err, _("%s: database schema version %d is newer than this ntm (%d); "
		               "use a newer ntm"), path, v, n);
	if (target > 0 && target < n)
		n = target;
	/* a table made again must not cascade into the rows that refer to it;
	 * no_dangling checks them instead (the pragma is only read outside a
	 * transaction) */
	if (v < n)
		sqlite3_exec(db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
	for (; v < n; v++) {
		if (store_exec(db, "BEGIN IMMEDIATE", err) < 0)
			break;
		if (migrate_step(db, v, err) < 0) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			err_append(err, _(" (migrating %s to schema %d)"), path, v + 1);
			break;
		}
		if (store_exec(db, "COMMIT", err) < 0)
			break;
	}
	sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	return v < n ? -1 : 0;
}

/* A new (empty) file: the whole schema and what init adds in one
 * transaction, so no database is ever seen without them. Another process
 * that made the file ours meanwhile leaves it to store_migrate. */
static int create(sqlite3 *db, const char *path, store_init_fn init, void *arg,
                  struct ntm_err *err)
{
	int v, n = (int)(sizeof migrations / sizeof migrations[0]);

	if (store_exec(db, "BEGIN IMMEDIATE", err) < 0)
		return -1;
	if (user_version(db, &v, err) < 0)
		goto fail;
	if (v != 0)                            /* made by another process meanwhile */
		return store_exec(db, "COMMIT", err);
	for (; v < n; v++)
		if (migrate_step(db, v, err) < 0)
			goto fail;
	if (init && init(db, arg, err) < 0)
		goto fail;
	return store_exec(db, "COMMIT", err);
fail:
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	err_append(err, _(" (creating %s)"), path);
	return -1;
}

/* ntm's tables; a database with a user_version must have the first
 * NTM_CORE (schema 1's), or it belongs to another program. */
static const char *const ntm_tables[] = {
	"source", "import", "variable", "unit", "observation", "funding", "project",
	"recognition", "run", "run_indicator",
	"run_unit", "scenario", "scenario_figure", "scenario_funding", "scenario_project",
	"run_threshold", "run_result", "unit_group",
};
#define NTM_CORE 10

/* What a database holds, read before anything is written to it. */
struct shape {
	int version;        /* PRAGMA user_version */
	int app_id;         /* PRAGMA application_id */
	int objects;        /* rows of sqlite_master */
	int core;           /* how many of ntm's schema-1 tables it has */
	char other[160];    /* the first names of tables that are not ntm's */
};

static int pragma_int(sqlite3 *db, const char *sql, int *v)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*v = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Reads sh from db; returns an SQLite result code. */
static int inspect(sqlite3 *db, struct shape *sh)
{
	sqlite3_stmt *st;
	size_t n = 0, k;
	int rc;

	memset(sh, 0, sizeof *sh);
	if ((rc = pragma_int(db, "PRAGMA user_version", &sh->version)) != SQLITE_OK ||
	    (rc = pragma_int(db, "PRAGMA application_id", &sh->app_id)) != SQLITE_OK ||
	    (rc = sqlite3_prepare_v2(db, "SELECT type, name FROM sqlite_master ORDER BY rowid", -1,
	                             &st, NULL)) != SQLITE_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(st, 0);
		const char *name = (const char *)sqlite3_column_text(st, 1);

		sh->objects++;
		if (!type || !name || strcmp(type, "table") != 0 || strncmp(name, "sqlite_", 7) == 0)
			continue;
		for (k = 0; k < sizeof ntm_tables / sizeof ntm_tables[0]; k++)
			if (strcmp(name, ntm_tables[k]) == 0)
				break;
		if (k < NTM_CORE)
			sh->core++;
		else if (k == sizeof ntm_tables / sizeof ntm_tables[0] && n < sizeof sh->other)
			n += (size_t)snprintf(sh->other + n, sizeof sh->other - n, "%s%s", n ? ", " : "", name);
	}
	sqlite3_finalize(st);
	if (n >= sizeof sh->other)
		memcpy(sh->other + sizeof sh->other - 4, "...", 4);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* "file:PATH?mode=ro&immutable=1", PATH escaped for a URI. Caller frees
 * (sqlite3_free). */
static char *immutable_uri(const char *path)
{
	sqlite3_str *s = sqlite3_str_new(NULL);
	const char *p;

	sqlite3_str_appendall(s, "file:");
	for (p = path; *p; p++) {
		/* '%', '?' and '#' end or escape a URI path; a leading "//" would
		 * start an authority */
		if (*p == '%' || *p == '?' || *p == '#' || (p == path && p[0] == '/' && p[1] == '/'))
			sqlite3_str_appendf(s, "%%%02X", (unsigned char)*p);
		else
			sqlite3_str_appendchar(s, 1, *p);
	}
	sqlite3_str_appendall(s, "?mode=ro&immutable=1");
	return sqlite3_str_finish(s);
}

static int is_wal(sqlite3 *db)
{
	sqlite3_stmt *st;
	int wal = 0;

	if (sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		wal = sqlite3_stricmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
	sqlite3_finalize(st);
	return wal;
}

static int open_as(const char *name, int flags, sqlite3 **db)
{
	int rc = sqlite3_open_v2(name, db, flags | SQLITE_OPEN_NOMUTEX, NULL);

	if (rc == SQLITE_OK)
		sqlite3_busy_timeout(*db, STORE_BUSY_MS);
	return rc;
}

int store_open(const char *path, sqlite3 **out, struct ntm_err *err)
{
	return store_open_init(path, out, NULL, NULL, err);
}

int store_open_init(const char *path, sqlite3 **out, store_init_fn init, void *arg,
                    struct ntm_err *err)
{
	sqlite3 *db = NULL;
	struct shape sh;
	int rc, n = (int)(sizeof migrations / sizeof migrations[0]);

	*out = NULL;
	/* no global allocation statistics: their mutex costs on every row */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if (open_as(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &db) != SQLITE_OK) {
		err_set(err, _("%s: cannot open database: %s"), path, db ? sqlite3_errmsg(db) : _("out of memory"));
		goto fail;
	}
	/* Nothing is written before we know the file is ours (or empty):
	 * inspect only reads, the settings after it are the connection's. */
	rc = inspect(db, &sh);
	if ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY) {
		/* A WAL database in a directory we cannot write: its -shm cannot be
		 * made, so it is read as immutable. Nobody writes it meanwhile: a
		 * writer would have had to make the -wal and -shm files we lack. */
		char *uri = immutable_uri(path);

		sqlite3_close(db);
		db = NULL;
		if (!uri) {
			err_set(err, "%s", _("out of memory"));
			goto fail;
		}
		rc = open_as(uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, &db);
		sqlite3_free(uri);
		if (rc == SQLITE_OK)
			rc = inspect(db, &sh);
	}
	if (rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_NOTADB)
			err_set(err, _("%s is not an SQLite database (give the ntm database with --db)"), path);
		else
			err_set(err, _("%s: cannot read the database: %s"), path,
			        db ? sqlite3_errmsg(db) : _("out of memory"));
		goto fail;
	}
	if (store_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"
	                   "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -" STORE_CACHE_KB ";",
	               err) < 0)
		goto fail;
	if (sqlite3_create_collation(db, "vi", SQLITE_UTF8, NULL, collate_vi) != SQLITE_OK ||
	    sqlite3_create_function(db, "ntm_status", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
	                            sql_status, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(db, "ntm_value", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
	                            sql_value, NULL, NULL) != SQLITE_OK) {
		err_set(err, _("database: %s"), sqlite3_errmsg(db));
		goto fail;
	}
	if (sh.version > n) {
		err_set(err, _("%s: database schema version %d is newer than this ntm (%d); "
		        "use a newer ntm"), path, sh.version, n);
		goto fail;
	}
	if ((sh.version == 0 && (sh.objects > 0 || sh.app_id != 0)) ||
	    (sh.version > 0 && sh.core < NTM_CORE)) {
		err_set(err, _("%s is not an ntm database"), path);
		if (*sh.other)
			err_append(err, _(": it holds another program's tables (%s)"), sh.other);
		else if (sh.version > 0)
			err_append(err, _(": it has schema version %d but not ntm's tables"), sh.version);
		else if (sh.app_id)
			err_append(err, _(": it belongs to another program (application_id %d)"), sh.app_id);
		err_append(err, "%s", _("; ntm left it unchanged (give an ntm database, or a new file, with --db)"));
		goto fail;
	}
	if (sqlite3_db_readonly(db, "main") == 1) {
		if (sh.version < n) {
			err_set(err, _("%s is read-only and %s; open it once where it can be written"),
			        path, sh.version ? _("needs upgrading to this ntm's schema") :
			        _("empty (it has no ntm schema yet)"));
			goto fail;
		}
	} else {
		/* ntm's own (or empty, and made ntm's now): WAL lets evaluations
		 * read while another process writes. A database already at this
		 * schema that cannot be switched (its directory is read-only) is
		 * still read. */
		if (!is_wal(db) && store_exec(db, "PRAGMA journal_mode = WAL", err) < 0) {
			if (sh.version < n)
				goto fail;
			err_clear(err);
		}
		if (sh.version == 0 && create(db, path, init, arg, err) < 0)
			goto fail;
		if (store_migrate(db, path, 0, err) < 0)
			goto fail;
	}
	*out = db;
	return 0;
fail:
	sqlite3_close(db);
	return -1;
}

int store_readonly(sqlite3 *db)
{
	return sqlite3_db_readonly(db, "main") == 1;
}

int store_writable(sqlite3 *db, const char *path, const char *what, struct ntm_err *err)
{
	if (!store_readonly(db))
		return 0;
	return err_set(err, _("%s is read-only: cannot %s (check the permissions of the file and of "
	               "its directory)"), path, _(what));
}

void store_close(sqlite3 *db)
{
	sqlite3_close(db);
}

int64_t store_source_id(sqlite3 *db, struct map *cache, const char *text, struct ntm_err *err)
{
	static const char ins[] = "INSERT INTO source(text) VALUES (?1) "
	                          "ON CONFLICT(text) DO UPDATE SET text = excluded.text RETURNING id";
	sqlite3_stmt *st;
	int64_t id;

	if (cache && map_get(cache, text, &id))
		return id;
	if (store_prepare(db, &st, ins, err) < 0)
		return -1;
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		err_set(err, _("database: %s"), sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return -1;
	}
	id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (cache && map_put(cache, text, id) < 0)
		return err_set(err, "%s", _("out of memory"));
	return id;
}

static char *dup(const unsigned char *s)
{
	return strdup(s ? (const char *)s : "");
}

int store_vars(sqlite3 *db, struct varset *vs, struct ntm_err *err)
{
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int rc = -1;

	memset(vs, 0, sizeof *vs);
	map_init(&vs->by_name);
	if (store_prepare(db, &st, "SELECT id, name, uom, meaning FROM variable ORDER BY name", err) < 0)
		goto done;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct variable *v;

		if (vs->n == cap) {
			size_t ncap = cap ? cap * 2 : 128;
			struct variable *nv = realloc(vs->v, ncap * sizeof *nv);

			if (!nv)
				goto oom;
			vs->v = nv;
			cap = ncap;
		}
		v = &vs->v[vs->n++];
		v->id = sqlite3_column_int64(st, 0);
		v->name = dup(sqlite3_column_text(st, 1));
		v->uom = dup(sqlite3_column_text(st, 2));
		v->meaning = dup(sqlite3_column_text(st, 3));
		if (!v->name || !v->uom || !v->meaning ||
		    map_put(&vs->by_name, v->name, (int64_t)(vs->n - 1)) < 0)
			goto oom;
	}
	rc = 0;
	goto done;
oom:
	err_set(err, "%s", _("out of memory loading the variable dictionary"));
done:
	sqlite3_finalize(st);
	if (rc < 0)
		store_vars_free(vs);
	return rc;
}

void store_vars_free(struct varset *vs)
{
	size_t i;

	for (i = 0; i < vs->n; i++) {
		free(vs->v[i].name);
		free(vs->v[i].uom);
		free(vs->v[i].meaning);
	}
	free(vs->v);
	map_free(&vs->by_name);
	memset(vs, 0, sizeof *vs);
}

int store_obs_each(sqlite3 *db, int year_from, int year_to,
                   store_obs_fn fn, void *ctx, struct ntm_err *err)
{
	return store_obs_unit(db, 0, year_from, year_to, fn, ctx, err);
}

int store_obs_unit(sqlite3 *db, int64_t unit_id, int year_from, int year_to,
                   store_obs_fn fn, void *ctx, struct ntm_err *err)
{
	sqlite3_stmt *st;
	int rc;

	/* one unit: the primary key (unit_id, ...) finds its rows; all: a scan */
	if (store_prepare(db, &st, unit_id ?
	                  "SELECT unit_id, variable_id, year, quarter, value FROM observation "
	                  "WHERE unit_id = ?3 AND year BETWEEN ?1 AND ?2" :
	                  "SELECT unit_id, variable_id, year, quarter, value "
	                  "FROM observation WHERE year BETWEEN ?1 AND ?2", err) < 0)
		return -1;
	sqlite3_bind_int(st, 1, year_from);
	sqlite3_bind_int(st, 2, year_to);
	if (unit_id)
		sqlite3_bind_int64(st, 3, unit_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (fn(ctx, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
		       sqlite3_column_int(st, 2), sqlite3_column_int(st, 3),
		       sqlite3_column_double(st, 4)) != 0)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		err_set(err, _("database: %s"), sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}
