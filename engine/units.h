/* units.h - the unit set: units as a code and a period, loaded from the
 * store whole or around one unit, their periods and links in words, one
 * found by code, CODE@YEAR, name or PLACE/NAME. Plain C over store.h. */
#ifndef NTM_UNITS_H
#define NTM_UNITS_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "err.h"
#include "map.h"
#include "store.h"

struct unit {
	int64_t id;
	char *code, *name;
	char *key;          /* utf8_fold(name): "dinh hoa" */
	int level;          /* LV_* */
	int64_t parent_id;  /* 0 for none */
	int parent;         /* index in the unit set, or -1 */
	int region;         /* own or inherited RG_* index, or -1 */
	int own_region;     /* as stored on this unit, or -1 */
	int valid_from;     /* first year the unit existed, 0 = always */
	int valid_to;       /* last year it existed, 0 = still exists */
	int merged_into;    /* index of the unit it was merged into, or -1 */
	int split_from;     /* index of the unit it was split from, or -1 */
	int same_code;      /* index of another unit given the same code (in other
	                       years: 05569 is Bảo Cường until 2024, Chợ Chu in
	                       2025, Định Hóa from 2026), latest first; -1 after
	                       the last */
};

/* Whether u existed in year (0: any year). */
static inline int unit_exists(const struct unit *u, int year)
{
	return year == 0 || ((u->valid_from == 0 || year >= u->valid_from) &&
	                     (u->valid_to == 0 || year <= u->valid_to));
}

struct unitset {
	struct unit *u;     /* sorted: parents before children, then by name */
	size_t n;
	struct map by_code; /* code -> index of its latest unit (same_code: the others) */
	int *by_id;         /* id -> index, -1 for gaps; size max_id + 1 */
	int64_t max_id;
	char *arena;        /* the units' strings */
	int nmerged;        /* units with a merged_into link */
};

/* The unit given code that existed in year; year 0: the latest given it.
 * -1 when none did. */
int unitset_code(const struct unitset *us, const char *code, int year);
/* Unit u, or the unit given the same code that existed in year when u did
 * not (05569: Bảo Cường in 2023, Định Hóa in 2026); u for a year out of
 * range. */
int unitset_at(const struct unitset *us, int u, long long year);
/* How many units were given code (in different years). */
int unitset_code_count(const struct unitset *us, const char *code);

/* Loads every unit, parents resolved and regions inherited. Refuses what
 * another program may have written: a level ntm does not know, an id out
 * of range (above STORE_MAX_ID), parents that loop (err names the units).
 * Returns 0 or -1; the caller frees with units_free. */
int units_load(sqlite3 *db, struct unitset *us, struct ntm_err *err);
/* The same for the units around one (id near): it, the units below it,
 * those merged into or split from any of them, and every ancestor: enough
 * to judge near and what is below it, without the country. */
int units_load_near(sqlite3 *db, int64_t near, struct unitset *us, struct ntm_err *err);
/* The id of the unit whose code is code (of those given it, the one that
 * existed in year, else the latest), else of the one whose folded name is
 * key; 0 when there is none or more than one. Reads the store, not a set:
 * what units_load_near is then asked for. */
int64_t units_lookup(sqlite3 *db, const char *code, const char *key, int year);
void units_free(struct unitset *us);

/* A period in words: "2005-2019", "until 2019", "from 2020" (0: open),
 * or "" when both ends are open. */
void units_period_text(int from, int to, char *buf, size_t cap);
/* The unit's period and links in words: "until 2019, merged into Kim
 * Phượng (TN-DH-KIMPHUONG)"; "" for a unit with neither. */
void units_history(const struct unitset *us, int i, char *buf, size_t cap);

/* The most parts a PLACE/NAME may have ("Thái Nguyên/Định Hóa/Kim Phượng/Thôn 1"
 * is four). */
#define UNITS_MAX_PARTS 8

/* A unit by what a person types: its code (the unit of year when several
 * were given it, else the latest; year 0: the latest), CODE@YEAR, its name
 * ignoring case, diacritics, tone-mark placement and a leading level word
 * ("xã", "huyện", "tỉnh"…, which also narrows to that level), the name as
 * written before names that only fold alike, the larger unit before a
 * smaller one of the same name, or PLACE/NAME (NAME within PLACE). Returns
 * the index in us, or -1 with err: several units (listed with what to type
 * for each), none (with suggestions; "no unit 'X' in WHERE", where says
 * what us was loaded from, e.g. the database's path). */
int units_find(const struct unitset *us, const char *text, int year, const char *where,
               struct ntm_err *err);

#endif
