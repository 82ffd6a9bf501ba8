/* store.c - SQLite schema, migrations and loaders (store.h).
 * The schema is versioned by PRAGMA user_version; each migration runs in its
 * own transaction. Calls sqlite3, utf8 (folding, collation) and map. */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

const char *const store_level_name[LV_N] = {
	"province", "district", "commune", "township", "village",
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

static const char *const *const migrations[] = { schema_1, schema_2, schema_3 };

int store_exec(sqlite3 *db, const char *sql, struct ntm_err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(err, "database: %s", msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int store_prepare(sqlite3 *db, sqlite3_stmt **st, const char *sql, struct ntm_err *err)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		return err_set(err, "database: %s", sqlite3_errmsg(db));
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

static int user_version(sqlite3 *db, int *v, struct ntm_err *err)
{
	sqlite3_stmt *st;

	if (store_prepare(db, &st, "PRAGMA user_version", err) < 0)
		return -1;
	*v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return 0;
}

int store_migrate(sqlite3 *db, const char *path, int target, struct ntm_err *err)
{
	int v, n = (int)(sizeof migrations / sizeof migrations[0]), bad;
	const char *const *stmt;
	char sql[64];

	if (user_version(db, &v, err) < 0)
		return -1;
	if (v > n)
		return err_set(err, "%s: database schema version %d is newer than this ntm (%d); "
		               "use a newer ntm", path, v, n);
	if (target > 0 && target < n)
		n = target;
	for (; v < n; v++) {
		if (store_exec(db, "BEGIN IMMEDIATE", err) < 0)
			return -1;
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
		bad = 0;
		for (stmt = migrations[v]; *stmt && !bad; stmt++)
			bad = store_exec(db, *stmt, err) < 0;
		if (bad || store_exec(db, sql, err) < 0) {
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			err_append(err, " (migrating %s to schema %d)", path, v + 1);
			return -1;
		}
		if (store_exec(db, "COMMIT", err) < 0)
			return -1;
	}
	return 0;
}

int store_open(const char *path, sqlite3 **out, struct ntm_err *err)
{
	sqlite3 *db = NULL;

	*out = NULL;
	/* no global allocation statistics: their mutex costs on every row */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	                    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		err_set(err, "%s: cannot open database: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(db, 5000);
	if (store_exec(db, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;"
	                   "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY;"
	                   "PRAGMA cache_size = -65536;", err) < 0) {
		err_append(err, " (%s: is it an ntm database?)", path);
		goto fail;
	}
	if (sqlite3_create_collation(db, "vi", SQLITE_UTF8, NULL, collate_vi) != SQLITE_OK) {
		err_set(err, "database: %s", sqlite3_errmsg(db));
		goto fail;
	}
	if (store_migrate(db, path, 0, err) < 0)
		goto fail;
	*out = db;
	return 0;
fail:
	sqlite3_close(db);
	return -1;
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
		err_set(err, "database: %s", sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return -1;
	}
	id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (cache && map_put(cache, text, id) < 0)
		return err_set(err, "out of memory");
	return id;
}

static char *dup(const unsigned char *s)
{
	return strdup(s ? (const char *)s : "");
}

/* The units' text (code, name, folded name) and collation keys live in one
 * arena: a national hierarchy of 10,000 units loads with a handful of
 * allocations instead of 40,000. Offsets while loading, pointers after. */
struct arena {
	char *buf;
	size_t len, cap;
};

static int arena_put(struct arena *a, const void *p, size_t n, int nul, size_t *off)
{
	size_t need = a->len + n + (size_t)nul;

	if (need > a->cap) {
		size_t ncap = a->cap ? a->cap : 1 << 16;
		char *nb;

		while (ncap < need)
			ncap *= 2;
		if (!(nb = realloc(a->buf, ncap)))
			return -1;
		a->buf = nb;
		a->cap = ncap;
	}
	*off = a->len;
	if (n)
		memcpy(a->buf + a->len, p, n);
	a->len += n;
	if (nul)
		a->buf[a->len++] = '\0';
	return 0;
}

static int arena_str(struct arena *a, const unsigned char *s, size_t *off)
{
	const char *t = s ? (const char *)s : "";

	return arena_put(a, t, strlen(t), 1, off);
}

/* Units sort by level, then by name in Vietnamese order, by the stored
 * collation key (made at import; made here for rows without one). */
struct sortable {
	size_t unit;         /* index before sorting */
	int level;
	size_t key, len;     /* offset and length of the key in the arena */
};

static const char *sort_base;

static int cmp_unit(const void *a, const void *b)
{
	const struct sortable *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int r;

	if (x->level != y->level)
		return x->level - y->level;
	if ((r = memcmp(sort_base + x->key, sort_base + y->key, n)) != 0)
		return r;
	return (x->len > y->len) - (x->len < y->len);
}

int store_units(sqlite3 *db, struct unitset *us, struct ntm_err *err)
{
	sqlite3_stmt *st = NULL;
	struct arena a = { 0 };
	struct sortable *v = NULL;
	struct unit *sorted = NULL;
	size_t cap = 0, i, *off = NULL;   /* 3 per unit: code, name, key */
	int rc = -1;

	memset(us, 0, sizeof *us);
	map_init(&us->by_code);
	if (store_prepare(db, &st, "SELECT id, code, name, name_key, level, parent_id, region, "
	                           "sort_key, valid_from, valid_to, merged_into_id, split_from_id "
	                           "FROM unit", err) < 0)
		goto done;
	while (sqlite3_step(st) == SQLITE_ROW) {
		struct unit *u;
		struct sortable *x;

		if (us->n == cap) {
			size_t ncap = cap ? cap * 2 : 256;
			struct unit *nu = realloc(us->u, ncap * sizeof *nu);
			struct sortable *nv;
			size_t *no;

			if (!nu)
				goto oom;
			us->u = nu;
			if (!(nv = realloc(v, ncap * sizeof *nv)))
				goto oom;
			v = nv;
			if (!(no = realloc(off, 3 * ncap * sizeof *no)))
				goto oom;
			off = no;
			cap = ncap;
		}
		u = &us->u[us->n];
		x = &v[us->n];
		memset(u, 0, sizeof *u);
		u->id = sqlite3_column_int64(st, 0);
		if (arena_str(&a, sqlite3_column_text(st, 1), &off[3 * us->n]) < 0 ||
		    arena_str(&a, sqlite3_column_text(st, 2), &off[3 * us->n + 1]) < 0 ||
		    arena_str(&a, sqlite3_column_text(st, 3), &off[3 * us->n + 2]) < 0)
			goto oom;
		u->level = store_level_parse((const char *)sqlite3_column_text(st, 4));
		u->parent_id = sqlite3_column_int64(st, 5);
		u->own_region = sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 :
		                store_region_parse((const char *)sqlite3_column_text(st, 6));
		u->parent = -1;
		u->valid_from = sqlite3_column_int(st, 8);
		u->valid_to = sqlite3_column_int(st, 9);
		/* the linked units' ids until every unit is loaded, then indexes */
		u->merged_into = sqlite3_column_int(st, 10);
		u->split_from = sqlite3_column_int(st, 11);
		u->region = -1;
		x->unit = us->n;
		x->level = u->level;
		if (sqlite3_column_type(st, 7) == SQLITE_BLOB && sqlite3_column_bytes(st, 7) > 0) {
			x->len = (size_t)sqlite3_column_bytes(st, 7);
			if (arena_put(&a, sqlite3_column_blob(st, 7), x->len, 0, &x->key) < 0)
				goto oom;
		} else {
			const char *name = (const char *)sqlite3_column_text(st, 2);
			unsigned char small[512], *k = small;

			name = name ? name : "";
			x->len = utf8_sortkey(name, small, sizeof small);
			if (x->len > sizeof small) {
				if (!(k = malloc(x->len)))
					goto oom;
				utf8_sortkey(name, k, x->len);
			}
			rc = arena_put(&a, k, x->len, 0, &x->key);
			if (k != small)
				free(k);
			if (rc < 0)
				goto oom;
			rc = -1;
		}
		if (u->id > us->max_id)
			us->max_id = u->id;
		us->n++;
	}
	if (us->n) {
		sort_base = a.buf;
		qsort(v, us->n, sizeof *v, cmp_unit);
		if (!(sorted = malloc(us->n * sizeof *sorted)))
			goto oom;
		for (i = 0; i < us->n; i++) {
			size_t k = v[i].unit;

			sorted[i] = us->u[k];
			sorted[i].code = a.buf + off[3 * k];
			sorted[i].name = a.buf + off[3 * k + 1];
			sorted[i].key = a.buf + off[3 * k + 2];
		}
		free(us->u);
		us->u = sorted;
	}
	us->arena = a.buf;
	a.buf = NULL;
	if (!(us->by_id = malloc(((size_t)us->max_id + 1) * sizeof *us->by_id)))
		goto oom;
	for (i = 0; i <= (size_t)us->max_id; i++)
		us->by_id[i] = -1;
	for (i = 0; i < us->n; i++) {
		us->by_id[us->u[i].id] = (int)i;
		if (map_put(&us->by_code, us->u[i].code, (int64_t)i) < 0)
			goto oom;
	}
	/* Parents sort before children (by level), so one pass resolves parents
	 * and inherits regions top-down. */
	for (i = 0; i < us->n; i++) {
		struct unit *u = &us->u[i];
		int64_t pid = u->parent_id;

		u->parent = pid > 0 && pid <= us->max_id ? us->by_id[pid] : -1;
		u->region = u->own_region >= 0 ? u->own_region :
		            u->parent >= 0 ? us->u[u->parent].region : -1;
		u->merged_into = u->merged_into > 0 && u->merged_into <= us->max_id ?
		                 us->by_id[u->merged_into] : -1;
		u->split_from = u->split_from > 0 && u->split_from <= us->max_id ?
		                us->by_id[u->split_from] : -1;
		us->nmerged += u->merged_into >= 0;
	}
	rc = 0;
	goto done;
oom:
	err_set(err, "out of memory loading units");
done:
	sqlite3_finalize(st);
	free(a.buf);
	free(v);
	free(off);
	if (rc < 0) {
		if (!us->arena)   /* strings not yet pointers: nothing per unit to free */
			for (i = 0; i < us->n; i++)
				us->u[i].code = us->u[i].name = us->u[i].key = NULL;
		store_units_free(us);
	}
	return rc;
}

void store_period_text(int from, int to, char *buf, size_t cap)
{
	if (from && to)
		snprintf(buf, cap, "%d-%d", from, to);
	else if (to)
		snprintf(buf, cap, "until %d", to);
	else if (from)
		snprintf(buf, cap, "from %d", from);
	else if (cap)
		buf[0] = '\0';
}

void store_unit_history(const struct unitset *us, int i, char *buf, size_t cap)
{
	const struct unit *u = &us->u[i];
	size_t n;

	store_period_text(u->valid_from, u->valid_to, buf, cap);
	n = strlen(buf);
	if (u->merged_into >= 0 && n < cap)
		n += (size_t)snprintf(buf + n, cap - n, ", merged into %s (%s)",
		                      us->u[u->merged_into].name, us->u[u->merged_into].code);
	if (u->split_from >= 0 && n < cap)
		snprintf(buf + n, cap - n, ", split from %s (%s)", us->u[u->split_from].name,
		         us->u[u->split_from].code);
}

void store_units_free(struct unitset *us)
{
	free(us->u);
	free(us->arena);
	free(us->by_id);
	map_free(&us->by_code);
	memset(us, 0, sizeof *us);
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
	err_set(err, "out of memory loading the variable dictionary");
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
		err_set(err, "database: %s", sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}
