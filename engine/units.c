/* units.c - the unit set (units.h): loaded from the store into one arena,
 * sorted and linked; periods in words; a unit found by what a person types.
 * Calls store (statements, level and region words), utf8, map, suggest. */
#include "units.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "suggest.h"
#include "utf8.h"

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

/* Refuses a parent chain that loops (written by another program: ntm's
 * importer only names parents defined before): every walk up the tree
 * would never end. Returns 0, or -1 with err naming the units of the loop. */
static int no_cycle(const struct unitset *us, struct ntm_err *err)
{
	unsigned char *mark = calloc(us->n ? us->n : 1, 1);  /* 1: on this walk, 2: leads to a root */
	size_t i;
	int j, k, rc = 0;

	if (!mark)
		return err_set(err, _("out of memory loading units"));
	for (i = 0; i < us->n && rc == 0; i++) {
		for (j = (int)i; j >= 0 && mark[j] == 0; j = us->u[j].parent)
			mark[j] = 1;
		if (j >= 0 && mark[j] == 1) {
			err_set(err, "%s", _("the units' parents form a loop: "));
			k = j;
			do {
				err_append(err, "%s (%s) -> ", us->u[k].code, us->u[k].name);
				k = us->u[k].parent;
			} while (k != j);
			err_append(err, _("%s; the database was changed outside ntm: set the parent_id of "
			           "one of them right, or re-import units.csv"), us->u[j].code);
			rc = -1;
		}
		for (j = (int)i; j >= 0 && mark[j] == 1; j = us->u[j].parent)
			mark[j] = 2;
	}
	free(mark);
	return rc;
}

/* Whether a began after b (an open start is the earliest). */
static int starts_after(const struct unit *a, const struct unit *b)
{
	return a->valid_from > b->valid_from;
}

int unitset_code(const struct unitset *us, const char *code, int year)
{
	int64_t k;
	int i;

	if (!map_get(&us->by_code, code, &k))
		return -1;
	if (!year)
		return (int)k;
	for (i = (int)k; i >= 0; i = us->u[i].same_code)
		if (unit_exists(&us->u[i], year))
			return i;
	return -1;
}

int unitset_at(const struct unitset *us, int u, long long year)
{
	int k;

	if (u < 0 || year < 1 || year > 9999 || unit_exists(&us->u[u], (int)year))
		return u;
	k = unitset_code(us, us->u[u].code, (int)year);
	return k >= 0 ? k : u;
}

int unitset_code_count(const struct unitset *us, const char *code)
{
	int64_t k;
	int i, n = 0;

	if (!map_get(&us->by_code, code, &k))
		return 0;
	for (i = (int)k; i >= 0; i = us->u[i].same_code)
		n++;
	return n;
}

int units_load(sqlite3 *db, struct unitset *us, struct ntm_err *err)
{
	return units_load_near(db, 0, us, err);
}

int64_t units_lookup(sqlite3 *db, const char *code, const char *key, int year)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	int n = 0, pass;

	/* the code (of the unit of year when several were given it, else the
	 * latest, as unitset_code), else the one unit whose folded name is key */
	for (pass = 0; pass < 2 && n == 0; pass++) {
		if (sqlite3_prepare_v2(db, pass ? "SELECT id FROM unit WHERE name_key = ?1 LIMIT 2" :
		                       "SELECT id FROM unit WHERE code = ?1 ORDER BY "
		                       "?2 BETWEEN coalesce(valid_from, 0) AND coalesce(valid_to, 9999) DESC, "
		                       "coalesce(valid_from, 0) DESC LIMIT 1", -1, &st, NULL) != SQLITE_OK)
			return 0;
		sqlite3_bind_text(st, 1, pass ? key : code, -1, SQLITE_STATIC);
		if (!pass && year)   /* no year: NULL, and the latest comes first */
			sqlite3_bind_int(st, 2, year);
		while (sqlite3_step(st) == SQLITE_ROW) {
			id = sqlite3_column_int64(st, 0);
			n++;
		}
		sqlite3_finalize(st);
	}
	return n == 1 ? id : 0;
}

int units_load_near(sqlite3 *db, int64_t near, struct unitset *us, struct ntm_err *err)
{
	sqlite3_stmt *st = NULL;
	struct arena a = { 0 };
	struct sortable *v = NULL;
	struct unit *sorted = NULL;
	size_t cap = 0, i, *off = NULL;   /* 3 per unit: code, name, key */
	int rc = -1;

	memset(us, 0, sizeof *us);
	map_init(&us->by_code);
	/* near: the unit and the units below it; what they became (merged into
	 * or split from, followed to the end: Định Hóa's communes to the eight of
	 * 2026) and every unit that went into any of those (a 2026 commune's
	 * other predecessors, for --as-of); and all their ancestors */
	if (store_prepare(db, &st, near > 0 ?
	                  "WITH RECURSIVE"
	                  " down(id) AS (SELECT ?1 UNION SELECT u.id FROM unit u JOIN down ON u.parent_id = down.id),"
	                  " succ(id) AS (SELECT id FROM down"
	                  "   UNION SELECT u.merged_into_id FROM unit u JOIN succ ON u.id = succ.id"
	                  "   WHERE u.merged_into_id IS NOT NULL"
	                  "   UNION SELECT u.split_from_id FROM unit u JOIN succ ON u.id = succ.id"
	                  "   WHERE u.split_from_id IS NOT NULL),"
	                  " hop(id) AS (SELECT id FROM succ"
	                  "   UNION SELECT u.id FROM unit u JOIN hop ON u.merged_into_id = hop.id"
	                  "   UNION SELECT u.id FROM unit u JOIN hop ON u.split_from_id = hop.id),"
	                  " up(id, n) AS (SELECT id, 0 FROM hop UNION SELECT u.parent_id, up.n + 1 FROM unit u"
	                  "   JOIN up ON u.id = up.id WHERE u.parent_id IS NOT NULL AND up.n < 64)"
	                  "SELECT id, code, name, name_key, level, parent_id, region, "
	                  "sort_key, valid_from, valid_to, merged_into_id, split_from_id "
	                  "FROM unit WHERE id IN (SELECT id FROM up)" :
	                  "SELECT id, code, name, name_key, level, parent_id, region, "
	                  "sort_key, valid_from, valid_to, merged_into_id, split_from_id "
	                  "FROM unit", err) < 0)
		goto done;
	if (near > 0)
		sqlite3_bind_int64(st, 1, near);
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
		/* the schema's checks hold for what ntm wrote; another program may
		 * have written anything */
		if (u->level < 0 || u->id < 1 || u->id > STORE_MAX_ID) {
			const char *code = (const char *)sqlite3_column_text(st, 1);

			if (u->level < 0)
				err_set(err, _("unit '%s' has the level '%s' in the database, not one of province, "
				        "district, commune, township, ward, village (was it changed outside ntm? "
				        "re-import units.csv)"), code ? code : "",
				        sqlite3_column_text(st, 4) ? (const char *)sqlite3_column_text(st, 4) : "");
			else
				err_set(err, _("unit '%s' has the id %lld in the database (expected 1 to %d; "
				        "was it changed outside ntm? re-import units.csv)"), code ? code : "",
				        (long long)u->id, STORE_MAX_ID);
			goto done;
		}
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
		int64_t prev;
		struct unit *u = &us->u[i];

		us->by_id[u->id] = (int)i;
		u->same_code = -1;
		/* a code's units chained latest first (by the years they began) */
		if (map_get(&us->by_code, u->code, &prev)) {
			int *at = NULL, k = (int)prev;

			if (starts_after(u, &us->u[k])) {
				u->same_code = k;
			} else {
				for (; k >= 0 && !starts_after(u, &us->u[k]); k = us->u[k].same_code)
					at = &us->u[k].same_code;
				u->same_code = k;
				*at = (int)i;
				continue;
			}
		}
		if (map_put(&us->by_code, u->code, (int64_t)i) < 0)
			goto oom;
	}
	for (i = 0; i < us->n; i++) {
		struct unit *u = &us->u[i];
		int64_t pid = u->parent_id;

		u->parent = pid > 0 && pid <= us->max_id ? us->by_id[pid] : -1;
		u->merged_into = u->merged_into > 0 && u->merged_into <= us->max_id ?
		                 us->by_id[u->merged_into] : -1;
		u->split_from = u->split_from > 0 && u->split_from <= us->max_id ?
		                us->by_id[u->split_from] : -1;
		us->nmerged += u->merged_into >= 0;
	}
	if (no_cycle(us, err) < 0)
		goto done;
	/* a unit without a region of its own has its nearest ancestor's */
	for (i = 0; i < us->n; i++) {
		int up;

		for (up = (int)i; up >= 0 && us->u[up].own_region < 0; up = us->u[up].parent)
			;
		us->u[i].region = up >= 0 ? us->u[up].own_region : -1;
	}
	rc = 0;
	goto done;
oom:
	err_set(err, "%s", _("out of memory loading units"));
done:
	sqlite3_finalize(st);
	free(a.buf);
	free(v);
	free(off);
	if (rc < 0) {
		if (!us->arena)   /* strings not yet pointers: nothing per unit to free */
			for (i = 0; i < us->n; i++)
				us->u[i].code = us->u[i].name = us->u[i].key = NULL;
		units_free(us);
	}
	return rc;
}

void units_period_text(int from, int to, char *buf, size_t cap)
{
	if (from && to)
		snprintf(buf, cap, "%d-%d", from, to);
	else if (to)
		snprintf(buf, cap, _("until %d"), to);
	else if (from)
		snprintf(buf, cap, _("from %d"), from);
	else if (cap)
		buf[0] = '\0';
}

void units_history(const struct unitset *us, int i, char *buf, size_t cap)
{
	const struct unit *u = &us->u[i];
	size_t n;

	units_period_text(u->valid_from, u->valid_to, buf, cap);
	n = strlen(buf);
	if (u->merged_into >= 0 && n < cap)
		n += (size_t)snprintf(buf + n, cap - n, _(", merged into %s (%s)"),
		                      us->u[u->merged_into].name, us->u[u->merged_into].code);
	if (u->split_from >= 0 && n < cap)
		snprintf(buf + n, cap - n, _(", split from %s (%s)"), us->u[u->split_from].name,
		         us->u[u->split_from].code);
}

void units_free(struct unitset *us)
{
	free(us->u);
	free(us->arena);
	free(us->by_id);
	map_free(&us->by_code);
	memset(us, 0, sizeof *us);
}

/* ---- finding a unit by what a person types (units_find) ---- */

/* Appends to err the units given code, with their years. */
static void list_code_units(const struct unitset *us, const char *code, struct ntm_err *err)
{
	char pt[32];
	int i;

	err_append(err, " (");
	for (i = unitset_code(us, code, 0); i >= 0; i = us->u[i].same_code) {
		units_period_text(us->u[i].valid_from, us->u[i].valid_to, pt, sizeof pt);
		err_append(err, "%s%s %s", i == unitset_code(us, code, 0) ? "" : "; ",
		           us->u[i].name, pt);
	}
	err_append(err, ")");
}

/* The level word a name may start with ("xã Định Hóa"): the folded name
 * after it, and in *level the level it names (-1: none; the province for
 * "thành phố", a province or a district). */
static const char *strip_level(const char *key, int *level)
{
	static const struct { const char *word; int level; } words[] = {
		{ "thanh pho ", -1 }, { "thi tran ", LV_TOWNSHIP }, { "thi xa ", LV_DISTRICT },
		{ "xa ", LV_COMMUNE }, { "huyen ", LV_DISTRICT }, { "quan ", LV_DISTRICT },
		{ "tinh ", LV_PROVINCE }, { "phuong ", LV_WARD }, { "thon ", LV_VILLAGE },
		{ "xom ", LV_VILLAGE }, { "ban ", LV_VILLAGE },
	};
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strncmp(key, words[i].word, strlen(words[i].word)) == 0) {
			if (level)
				*level = words[i].level;
			return key + strlen(words[i].word);
		}
	if (level)
		*level = -1;
	return key;
}

/* Of the units a name matched (hits), the ones to keep: the highest level
 * (a district's name before a commune's of the same name: "Định Hóa"), and
 * of those given one code one after another (Kim Phượng until 2025 and
 * from 2026), the one of year, else the latest. Returns the new count. */
static int narrow_hits(const struct unitset *us, int *hits, int nhit, int year)
{
	int i, j, top = LV_N, n = 0;

	for (i = 0; i < nhit; i++)
		if (us->u[hits[i]].level < top)
			top = us->u[hits[i]].level;
	for (i = 0; i < nhit; i++) {
		const struct unit *u = &us->u[hits[i]];

		if (u->level != top)
			continue;
		for (j = 0; j < n && strcmp(us->u[hits[j]].code, u->code) != 0; j++)
			;
		if (j == n) {
			hits[n++] = hits[i];
		} else {
			const struct unit *v = &us->u[hits[j]];
			int u_in = year && unit_exists(u, year), v_in = year && unit_exists(v, year);

			if ((u_in && !v_in) || (u_in == v_in && u->valid_from > v->valid_from))
				hits[j] = hits[i];
		}
	}
	return n;
}

/* The most units a name is matched with before narrowing. */
#define MAX_HITS 256

/* Whether a and b are one name as written: the same letters (ă, â, đ, ê,
 * ô, ơ, ư kept) and the same tone on each word, whatever the case and
 * wherever the tone mark sits ("Định Hoá" and "định hóa", not "Tân Thạnh"
 * and "Tân Thành"): utf8_sortkey's letters and tones, not its case. */
static int same_name(const char *a, const char *b)
{
	unsigned char ka[512], kb[512];
	size_t na = utf8_sortkey(a, ka, sizeof ka), nb = utf8_sortkey(b, kb, sizeof kb), i;

	if (na != nb || na > sizeof ka)
		return na == nb && strcmp(a, b) == 0;
	/* the letters come two bytes each, ended by two zero bytes; the case
	 * comes last, one byte a letter */
	for (i = 0; i + 1 < na && (ka[i] || ka[i + 1]); i += 2)
		;
	return memcmp(ka, kb, na - i / 2) == 0;
}

/* Of hits, those whose name is the one given as written (same_name), when
 * there are any, at whatever level: "Tân Thành" is the 45 communes of that
 * name, not the district Tân Thạnh its letters without marks also match;
 * else hits unchanged. Returns the new count. */
static int exact_first(const struct unitset *us, int *hits, int nhit, const char *nfc)
{
	int i, n = 0;
	unsigned char *same = calloc((size_t)nhit + 1, 1);

	if (!same)
		return nhit;
	for (i = 0; i < nhit; i++)
		n += same[i] = (unsigned char)same_name(us->u[hits[i]].name, nfc);
	if (n)
		for (i = 0, n = 0; i < nhit; i++)
			if (same[i])
				hits[n++] = hits[i];
	free(same);
	return n ? n : nhit;
}

/* The unit a code alone names (find_in): the one of year, else the
 * latest given it. */
static int code_names(const struct unitset *us, const char *code, int year)
{
	int r = year ? unitset_code(us, code, year) : -1;

	return r >= 0 ? r : unitset_code(us, code, 0);
}

/* Whether unit i is within unit top (or is it); top -1: any. */
static int within(const struct unitset *us, int i, int top)
{
	int depth;

	for (depth = 0; top >= 0 && i >= 0 && i != top && depth < 64; depth++)
		i = us->u[i].parent;
	return top < 0 || i == top;
}

/* units_find within unit top (-1: anywhere). "Định Hóa/Tân Dương" is
 * Tân Dương within Định Hóa. */
static int find_in(const struct unitset *us, const char *text, int year, const char *where,
                   int top, struct ntm_err *err)
{
	char *key = NULL, *nfc = NULL, code[64];
	const char *bare, *at = strrchr(text, '@'), *slash = strrchr(text, '/');
	int hits[MAX_HITS], nhit = 0, pass, r = -1, level;
	size_t i;

	if (slash && slash > text && slash[1] && unitset_code(us, text, 0) < 0) {
		char *outer = strndup(text, (size_t)(slash - text));

		if (!outer) {
			err_set(err, "%s", _("out of memory"));
			return -1;
		}
		top = find_in(us, outer, year, where, top, err);
		free(outer);
		return top < 0 ? -1 : find_in(us, slash + 1, year, where, top, err);
	}
	/* CODE@YEAR: the unit given the code that existed that year */
	if (at && at > text && (size_t)(at - text) < sizeof code && at[1] && strlen(at + 1) <= 4 &&
	    strspn(at + 1, "0123456789") == strlen(at + 1)) {
		memcpy(code, text, (size_t)(at - text));
		code[at - text] = '\0';
		if ((r = unitset_code(us, code, atoi(at + 1))) >= 0)
			return r;
		if (unitset_code_count(us, code) > 0) {
			err_set(err, _("unit '%s': no unit had the code %s in %s"), text, code, at + 1);
			list_code_units(us, code, err);
			return -1;
		}
	}
	if (((r = unitset_code(us, text, year)) >= 0 || (r = unitset_code(us, text, 0)) >= 0) &&
	    within(us, r, top))
		return r;
	r = -1;
	if (!(nfc = utf8_nfc(text)) || !(key = utf8_fold(text))) {
		err_set(err, _("unit '%s': not valid UTF-8"), text);
		goto done;
	}
	bare = strip_level(key, &level);
	/* pass 0: the name, folded ("dinh hoa", "Định Hoá" and "Định Hóa" alike);
	 * 1: without a level word (of the level the word names) */
	for (pass = 0; pass < 2 && nhit == 0; pass++) {
		for (i = 0; i < us->n; i++) {
			const struct unit *u = &us->u[i];
			int hit = pass == 0 ? strcmp(u->key, key) == 0 :
			          strcmp(strip_level(u->key, NULL), bare) == 0 &&
			          (level < 0 || bare == key || u->level == level ||
			           (level == LV_DISTRICT && u->level == LV_PROVINCE));

			if (hit && nhit < MAX_HITS && within(us, (int)i, top))
				hits[nhit++] = (int)i;
		}
	}
	/* the names written as given first ("Tân Thành" before "Tân Thạnh"),
	 * then the highest level */
	{
		/* matched without the level word: the name as written is the
		 * text after it ("xã Định Hóa": "Định Hóa", not "Định Hòa") */
		const char *as_written = nfc, *k;

		if (pass == 2 && bare != key)
			for (k = key; k < bare && as_written; k++)
				if (*k == ' ' && (as_written = strchr(as_written, ' ')))
					as_written++;
		nhit = exact_first(us, hits, nhit, as_written ? as_written : nfc);
	}
	nhit = narrow_hits(us, hits, nhit, year);
	if (nhit == 1) {
		r = hits[0];
	} else if (nhit > 1) {
		err_set(err, _("unit '%s' is ambiguous; give its code, or the unit it is in "
		        "(\"PLACE/%s\"):"), text, text);
		for (i = 0; i < (size_t)nhit && i < 8; i++) {
			const struct unit *u = &us->u[hits[i]];
			char said[80];

			/* what to type for it: the code alone names the unit of the
			 * year asked (else the latest), which may be another unit
			 * given the code since (05563: Tân Dương until 2025, Phượng
			 * Tiến from 2026); CODE@YEAR names this one */
			if (code_names(us, u->code, year) == hits[i] || (!u->valid_to && !u->valid_from))
				snprintf(said, sizeof said, "%s", u->code);
			else
				snprintf(said, sizeof said, "%s@%d", u->code,
				         u->valid_to ? u->valid_to : u->valid_from);
			err_append(err, "\n  %-20s %s (%s%s%s)", said, u->name,
			           _(store_level_name[u->level]), u->parent >= 0 ? _(" in ") : "",
			           u->parent >= 0 ? us->u[u->parent].name : "");
		}
		if (nhit > 8)
			err_append(err, _("\n  and %d more"), nhit - 8);
	} else {
		struct suggest sg;

		if (top >= 0)
			err_set(err, _("no unit '%s' in %s (%s)"), text, us->u[top].name, us->u[top].code);
		else
			err_set(err, _("no unit '%s' in %s"), text, where);
		suggest_init(&sg, text);
		for (i = 0; i < us->n; i++) {
			suggest_add(&sg, us->u[i].name);
			suggest_add(&sg, us->u[i].code);
		}
		suggest_append(&sg, err);
		if (us->n == 0)
			err_append(err, "%s", _(" (the database has no units: import units.csv first)"));
	}
done:
	free(nfc);
	free(key);
	return r;
}

int units_find(const struct unitset *us, const char *text, int year, const char *where,
               struct ntm_err *err)
{
	const char *p;
	int parts = 1;

	/* PLACE/NAME is read part by part, one call deeper each: a text of many
	 * parts (from a script) must not run the stack out; a unit is never
	 * more than a few levels down */
	for (p = text; *p; p++)
		parts += *p == '/';
	if (parts > UNITS_MAX_PARTS)
		return err_set(err, _("unit '%.80s...': %d parts separated by '/', more than the %d a "
		                      "place can have"), text, parts, UNITS_MAX_PARTS);
	return find_in(us, text, year, where, -1, err);
}
