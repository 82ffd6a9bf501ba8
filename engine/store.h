/* store.h - the SQLite store: opening, schema and migrations, statements,
 * the level and region words of the schema, sources, the variable
 * dictionary and figures (the unit set is units.h; stored runs, runs.h).
 * Plain C over the sqlite3 API; no Lua here. */
#ifndef NTM_STORE_H
#define NTM_STORE_H

#include <stdint.h>
#include <sqlite3.h>

#include "err.h"
#include "map.h"

#define STORE_SCHEMA_VERSION 6
/* The page cache of a connection, in KiB (as PRAGMA cache_size takes it,
 * negated): an evaluation reads each page once, so a small cache loses
 * nothing; an import raises it while its indexes grow. */
#define STORE_CACHE_KB "16384"

/* The id of a stored result row (run_result.id): run, unit and year in one
 * integer, so a run's rows, written in (unit, year) order, are appended. */
#define STORE_RESULT_ID(run, unit, year) \
	((int64_t)(run) << 36 | (int64_t)(unit) << 8 | (int64_t)(((year) - 1900) & 0xff))

enum { LV_PROVINCE, LV_DISTRICT, LV_COMMUNE, LV_TOWNSHIP, LV_WARD, LV_VILLAGE, LV_N };
enum { RG_N = 7 };
extern const char *const store_level_name[LV_N];
extern const char *const store_region_name[RG_N];
extern const char *const store_region_title[RG_N];
/* Index of a level or region name, or -1. */
int store_level_parse(const char *s);
int store_region_parse(const char *s);

/* How long a write waits for another process's transaction to end. */
#define STORE_BUSY_MS 10000

/* Opens the database at path; foreign keys on, a Vietnamese collation "vi"
 * registered. A new or empty file gets ntm's schema; an older ntm schema is
 * migrated. Refused, with nothing written to the file: one that is not
 * SQLite, one holding another program's tables, one of a newer schema. A
 * file that cannot be written opens read-only (store_readonly); a WAL
 * database in a read-only directory is read as immutable. Returns 0 or -1
 * with err. */
int store_open(const char *path, sqlite3 **db, struct ntm_err *err);
/* What a new database starts with: called once, when store_open_init gives
 * a new (or empty) file its schema, inside the same transaction; returns 0,
 * or -1 with err (nothing is then written). */
typedef int (*store_init_fn)(sqlite3 *db, void *arg, struct ntm_err *err);
/* store_open, with init run on a new file (NULL: nothing but the schema). */
int store_open_init(const char *path, sqlite3 **db, store_init_fn init, void *arg,
                    struct ntm_err *err);
/* Whether db was opened read-only. */
int store_readonly(sqlite3 *db);
/* 0 when db can be written; else -1 with err "PATH is read-only: cannot
 * <what>". */
int store_writable(sqlite3 *db, const char *path, const char *what, struct ntm_err *err);
/* Brings db (named path in errors) up to schema version target, or to the
 * latest when target is 0; store_open calls it. Each step is one
 * transaction. Returns 0 or -1 with err (also for a newer database). */
int store_migrate(sqlite3 *db, const char *path, int target, struct ntm_err *err);
void store_close(sqlite3 *db);
/* Runs sql (no results wanted). On failure err says what and where. */
int store_exec(sqlite3 *db, const char *sql, struct ntm_err *err);
int store_prepare(sqlite3 *db, sqlite3_stmt **st, const char *sql, struct ntm_err *err);
/* Interns a source text; returns its id or -1 with err. */
int64_t store_source_id(sqlite3 *db, struct map *cache, const char *text, struct ntm_err *err);

/* The largest id the loaders accept (ids index arrays: units_load's
 * by_id, the variables of `ntm check`). */
#define STORE_MAX_ID 100000000

struct variable {
	int64_t id;
	char *name, *uom, *meaning;
};

struct varset {
	struct variable *v;
	size_t n;
	struct map by_name; /* name -> index */
	const char *origin; /* which dictionary, for messages (not owned; NULL: unsaid) */
};

int store_vars(sqlite3 *db, struct varset *vs, struct ntm_err *err);
void store_vars_free(struct varset *vs);

/* Calls fn for every figure of the given years (quarter 0 = the annual
 * figure), ordered by unit, variable, year, quarter. fn returns 0 to go on. */
typedef int (*store_obs_fn)(void *ctx, int64_t unit_id, int64_t var_id,
                            int year, int quarter, double value);
int store_obs_each(sqlite3 *db, int year_from, int year_to,
                   store_obs_fn fn, void *ctx, struct ntm_err *err);
/* The same for one unit (unit_id > 0), through the primary key. */
int store_obs_unit(sqlite3 *db, int64_t unit_id, int year_from, int year_to,
                   store_obs_fn fn, void *ctx, struct ntm_err *err);

#endif
