/* ctx.c - command context: lazy opening of the store (a new one with the
 * bundled dictionary, import.h), units, dictionary, sandbox and criteria
 * catalog; unit and set look-ups (ctx.h). */
#include "ctx.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import.h"
#include "lua_crit.h"
#include "suggest.h"
#include "utf8.h"

void ctx_init(struct ctx *c)
{
	const char *e;

	memset(c, 0, sizeof *c);
	c->db_path = (e = getenv("NTM_DB")) && *e ? e : "data/ntm.db";
	c->db_given = e && *e;
	c->criteria_path = (e = getenv("NTM_CRITERIA_PATH")) && *e ? e : "criteria";
	c->progress = isatty(2);
}

void ctx_free(struct ctx *c)
{
	int i;

	if (c->have_units)
		store_units_free(&c->units);
	if (c->have_vars)
		store_vars_free(&c->vars);
	if (c->have_sb)
		sandbox_close(&c->sb);
	lineage_notes_free(&c->notes);
	for (i = 0; i < c->ncat; i++) {
		free(c->cat[i].path);
		free(c->cat[i].id);
		free(c->cat[i].extends);
		free(c->cat[i].error);
	}
	free(c->cat);
	free(c->criteria_owned);
	if (c->have_scen)
		scenario_close(&c->scen);
	if (c->db)
		store_close(c->db);
	memset(c, 0, sizeof *c);
}

int ctx_scenario(struct ctx *c, const struct scenario **out)
{
	*out = NULL;
	if (!c->scenario_name)
		return 0;
	if (!c->have_scen) {
		if (ctx_db(c) < 0 || scenario_open(c->db, c->scenario_name, &c->scen, &c->err) < 0)
			return -1;
		c->have_scen = 1;
	}
	*out = &c->scen;
	return 0;
}

void ctx_use_scenario(struct ctx *c, const char *name)
{
	if (c->have_scen)
		scenario_close(&c->scen);
	c->have_scen = 0;
	c->scenario_name = name;
}

int ctx_overlay(struct ctx *c, struct evaldata *d)
{
	const struct scenario *s;

	/* the merged units' figures first: a scenario changes units as judged */
	if (lineage_fold(c->db, &c->units, &c->vars, c->as_of, d, &c->notes, &c->err) < 0)
		return -1;
	if (ctx_scenario(c, &s) < 0)
		return -1;
	return s ? scenario_overlay(c->db, s, &c->units, &c->vars, d, &c->err) : 0;
}

/* A new database starts with the bundled dictionary (import.h). */
static int new_db(sqlite3 *db, void *arg, struct ntm_err *err)
{
	struct ctx *c = arg;

	if (import_dictionary(db, err) < 0)
		return -1;
	c->db_created = 1;
	return 0;
}

int ctx_db(struct ctx *c)
{
	char cwd[512], dir[512];
	const char *slash;
	struct stat st;

	if (c->db)
		return 0;
	if (store_open_init(c->db_path, &c->db, new_db, c, &c->err) == 0)
		return 0;
	if (!strstr(c->err.msg, ": cannot open database") || access(c->db_path, F_OK) == 0)
		return -1;
	/* the default path is relative: run elsewhere, it names nothing */
	slash = strrchr(c->db_path, '/');
	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - c->db_path) : 1,
	         slash ? c->db_path : ".");
	if (!c->db_given && stat(dir, &st) < 0 && getcwd(cwd, sizeof cwd))
		err_append(&c->err, " (the default database is %s under the current folder, %s, "
		           "which has no folder '%s': run ntm in the project's folder, or give the "
		           "database with --db PATH or NTM_DB)", c->db_path, cwd, dir);
	else
		err_append(&c->err, " (check that the folder '%s' exists and can be written, or give "
		           "another database with --db PATH or NTM_DB)", dir);
	return -1;
}

void ctx_forget_db(struct ctx *c)
{
	ctx_forget_units(c);
	if (c->have_vars)
		store_vars_free(&c->vars);
	c->have_vars = 0;
	if (c->have_scen)
		scenario_close(&c->scen);
	c->have_scen = 0;
	if (c->db)
		store_close(c->db);
	c->db = NULL;
}

int ctx_units(struct ctx *c)
{
	if (c->have_units)
		return 0;
	if (ctx_db(c) < 0 || store_units(c->db, &c->units, &c->err) < 0)
		return -1;
	c->have_units = 1;
	return 0;
}

int ctx_units_near(struct ctx *c, const char *text)
{
	char *key;
	int64_t id;

	if (c->have_units || ctx_db(c) < 0)
		return ctx_find_unit(c, text);
	if (!(key = utf8_fold(text)))
		return ctx_find_unit(c, text);
	id = store_unit_lookup(c->db, text, key, c->unit_year);
	free(key);
	if (id <= 0)   /* not one plain match: the whole set finds or suggests */
		return ctx_find_unit(c, text);
	if (store_units_near(c->db, id, &c->units, &c->err) < 0)
		return -1;
	c->have_units = 1;
	return id <= c->units.max_id ? c->units.by_id[id] : -1;
}

void ctx_forget_units(struct ctx *c)
{
	if (c->have_units)
		store_units_free(&c->units);
	c->have_units = 0;
}

int ctx_vars(struct ctx *c)
{
	if (c->have_vars)
		return 0;
	if (ctx_db(c) < 0 || store_vars(c->db, &c->vars, &c->err) < 0)
		return -1;
	snprintf(c->dict_origin, sizeof c->dict_origin, "the dictionary in %s", c->db_path);
	c->vars.origin = c->dict_origin;
	c->have_vars = 1;
	return 0;
}

static int bundled(sqlite3 *db, void *arg, struct ntm_err *err)
{
	(void)arg;
	return import_dictionary(db, err);
}

int ctx_dictionary(struct ctx *c)
{
	sqlite3 *mem = NULL;
	struct ntm_err e = { 0 };

	if (c->have_vars)
		return 0;
	if (access(c->db_path, F_OK) == 0)
		return ctx_vars(c);
	/* no database: the bundled dictionary, read as a new database gets it */
	if (store_open_init(":memory:", &mem, bundled, NULL, &e) < 0 ||
	    store_vars(mem, &c->vars, &e) < 0) {
		store_close(mem);
		return err_set(&c->err, "the bundled dictionary: %s", e.msg);
	}
	store_close(mem);
	snprintf(c->dict_origin, sizeof c->dict_origin,
	         "the bundled dictionary (no database at %s)", c->db_path);
	c->vars.origin = c->dict_origin;
	c->have_vars = 1;
	return 0;
}

int ctx_sandbox(struct ctx *c)
{
	if (c->have_sb)
		return 0;
	if (sandbox_open(&c->sb, 0, 0, &c->err) < 0)
		return -1;
	c->have_sb = 1;
	return 0;
}

static int ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n >= m && strcmp(s + n - m, suf) == 0;
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct catalog_entry *)a)->path, ((const struct catalog_entry *)b)->path);
}

/* Collects *.lua files (not *.test.lua) from each directory of the path
 * and reads each set's id. A file that fails (an error in it, or not a
 * regular file: a FIFO named x.lua would block the read) keeps its error
 * and no id; listings skip it, look-ups say why when it might be the one. */
int ctx_catalog(struct ctx *c)
{
	char *paths, *dir, *save = NULL;
	int cap = 0, i, first;

	if (c->have_cat)
		return 0;
	if (ctx_sandbox(c) < 0)
		return -1;
	if (!(paths = strdup(c->criteria_path)))
		return err_set(&c->err, "out of memory");
	for (dir = strtok_r(paths, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
		DIR *d = opendir(dir);
		struct dirent *de;

		if (!d) {
			err_set(&c->err, "criteria directory '%s' cannot be read (set --criteria DIR "
			        "or NTM_CRITERIA_PATH)", dir);
			free(paths);
			return -1;
		}
		first = c->ncat;
		while ((de = readdir(d))) {
			size_t n;
			char *p;

			if (!ends_with(de->d_name, ".lua") || ends_with(de->d_name, ".test.lua") ||
			    de->d_name[0] == '.')
				continue;
			n = strlen(dir) + strlen(de->d_name) + 2;
			if (c->ncat == cap) {
				int ncap = cap ? cap * 2 : 16;
				struct catalog_entry *ne = realloc(c->cat, (size_t)ncap * sizeof *ne);

				if (!ne)
					break;
				c->cat = ne;
				cap = ncap;
			}
			if (!(p = malloc(n)))
				break;
			snprintf(p, n, "%s/%s", dir, de->d_name);
			memset(&c->cat[c->ncat], 0, sizeof c->cat[0]);
			c->cat[c->ncat++].path = p;
		}
		closedir(d);
		if (c->ncat > first)
			qsort(c->cat + first, (size_t)(c->ncat - first), sizeof *c->cat, cmp_entry);
	}
	free(paths);
	for (i = 0; i < c->ncat; i++) {
		struct ntm_err e = { 0 };
		struct stat st;

		if (stat(c->cat[i].path, &st) < 0)
			err_set(&e, "%s: cannot open: %s", c->cat[i].path, strerror(errno));
		else if (!S_ISREG(st.st_mode))
			err_set(&e, "%s: cannot open: not a regular file", c->cat[i].path);
		else if (lcrit_peek(&c->sb, c->cat[i].path, &c->cat[i].id, &c->cat[i].extends, &e) == 0)
			continue;
		c->cat[i].error = strdup(e.msg);
	}
	c->have_cat = 1;
	return 0;
}

const char *ctx_set_path(void *ctx, const char *id)
{
	struct ctx *c = ctx;
	int i;

	if (ctx_catalog(c) < 0)
		return NULL;
	for (i = 0; i < c->ncat; i++)
		if (c->cat[i].id && strcmp(c->cat[i].id, id) == 0)
			return c->cat[i].path;
	return NULL;
}

/* DIR/name.lua in the first directory of the criteria path that has it
 * (malloc'd), or NULL. */
static char *named_file(const struct ctx *c, const char *name)
{
	const char *p = c->criteria_path, *e;

	if (strchr(name, '/'))
		return NULL;
	for (; *p; p = *e ? e + 1 : e) {
		size_t n;
		char *path;

		e = strchr(p, ':');
		if (!e)
			e = p + strlen(p);
		n = (size_t)(e - p) + strlen(name) + 6;
		if (!(path = malloc(n)))
			return NULL;
		snprintf(path, n, "%.*s/%s.lua", (int)(e - p), p, name);
		if (access(path, R_OK) == 0)
			return path;
		free(path);
	}
	return NULL;
}

static struct critset *load_set(struct ctx *c, const char *name);

/* threshold_of("set", "indicator") nodes of e: the other set's threshold,
 * domain and comparison copied in, that set loaded once per node; chain
 * holds the sets being resolved, to refuse a cycle. */
static int resolve_throf(struct ctx *c, const struct critset *s, struct expr *e,
                         const char **chain, int depth)
{
	int i;

	if (!e)
		return 0;
	for (i = 0; i < e->n; i++)
		if (resolve_throf(c, s, e->arg[i], chain, depth) < 0)
			return -1;
	if (e->op == X_THROF && !e->thr) {
		char id[256];
		const char *colon = strrchr(e->str, ':');
		struct critset *o;
		int k;

		snprintf(id, sizeof id, "%.*s", (int)(colon - e->str), e->str);
		for (i = 0; i <= depth; i++)
			if (strcmp(chain[i], id) == 0) {
				err_set(&c->err, "set %s: threshold_of(\"%s\", \"%s\") leads back to it (thresholds "
				        "of sets read each other:", s->id, id, colon + 1);
				for (k = 0; k <= depth; k++)
					err_append(&c->err, " %s ->", chain[k]);
				err_append(&c->err, " %s)", id);
				return -1;
			}
		if (depth + 1 >= 16)
			return err_set(&c->err, "set %s: threshold_of reads sets more than 16 deep", s->id);
		chain[depth + 1] = id;
		c->throf_chain = chain;
		c->throf_depth = depth + 1;
		o = ctx_load_set(c, id);
		c->throf_chain = NULL;
		c->throf_depth = 0;
		if (!o) {
			err_prefix(&c->err, "set %s: threshold_of(\"%s\", \"%s\"): ", s->id, id, colon + 1);
			return -1;
		}
		if ((k = crit_find_indicator(o, colon + 1)) < 0 || o->ind[k].cmp == CMP_MUST) {
			err_set(&c->err, "set %s: threshold_of(\"%s\", \"%s\"): set %s has no indicator %s with a "
			        "minimum or maximum", s->id, id, colon + 1, id, colon + 1);
			crit_free(o);
			return -1;
		}
		e->thr = crit_thr_copy(o->ind[k].thr);
		e->dom_lo = o->ind[k].dom_lo;
		e->dom_hi = o->ind[k].dom_hi;
		e->cmp = o->ind[k].cmp;
		crit_free(o);
		if (!e->thr)
			return err_set(&c->err, "out of memory");
	}
	return 0;
}

static int resolve_thr(struct ctx *c, const struct critset *s, struct thr *t, const char **chain,
                       int depth)
{
	int i;

	if (!t)
		return 0;
	if (resolve_throf(c, s, t->expr, chain, depth) < 0 ||
	    resolve_thr(c, s, t->inner, chain, depth) < 0 || resolve_thr(c, s, t->dflt, chain, depth) < 0)
		return -1;
	for (i = 0; i < RG_N; i++)
		if (resolve_thr(c, s, t->region[i], chain, depth) < 0)
			return -1;
	for (i = 0; i < t->nyear; i++)
		if (resolve_thr(c, s, t->by_year[i], chain, depth) < 0)
			return -1;
	return 0;
}

/* Every set the session loads is judged as --strict says, with the other
 * sets' thresholds it reads (threshold_of) copied in. */
struct critset *ctx_load_set(struct ctx *c, const char *name)
{
	struct critset *s = load_set(c, name);
	const char *own[16], **chain = c->throf_chain ? c->throf_chain : own;
	int depth = c->throf_chain ? c->throf_depth : 0, i;

	if (!s)
		return NULL;
	s->strict = c->strict;
	chain[depth] = s->id;
	for (i = 0; i < s->nind; i++)
		if (resolve_throf(c, s, s->ind[i].measure, chain, depth) < 0 ||
		    resolve_throf(c, s, s->ind[i].applies, chain, depth) < 0 ||
		    resolve_thr(c, s, s->ind[i].thr, chain, depth) < 0) {
			crit_free(s);
			return NULL;
		}
	return s;
}

static struct critset *load_set(struct ctx *c, const char *name)
{
	const char *path = NULL;
	struct stat st;
	int i, n = 0;

	if (ctx_sandbox(c) < 0)
		return NULL;
	/* the dictionary checks variables when the database has one */
	if (access(c->db_path, F_OK) == 0 && ctx_vars(c) < 0)
		return NULL;
	if (ends_with(name, ".lua") && stat(name, &st) == 0) {
		path = name;
	} else if ((path = named_file(c, name))) {
		/* a file named after the set: no need to read the whole catalog,
		 * provided it declares that id */
		struct critset *s = lcrit_load(&c->sb, path, c->have_vars ? &c->vars : NULL, ctx_set_path,
		                               c, &c->err);

		free((char *)path);
		path = NULL;
		if (s && strcmp(s->id, name) == 0)
			return s;
		crit_free(s);
		err_clear(&c->err);
	}
	if (!path) {
		if (ctx_catalog(c) < 0)
			return NULL;
		for (i = 0; i < c->ncat; i++) {
			if (c->cat[i].id && strcmp(c->cat[i].id, name) == 0) {
				if (n++)
					return err_set(&c->err, "set '%s' is declared by both %s and %s",
					               name, path, c->cat[i].path), NULL;
				path = c->cat[i].path;
			}
		}
		if (!path) {
			struct suggest sg;
			size_t nl = strlen(name);

			/* a file named after the set that failed to load says why */
			for (i = 0; i < c->ncat; i++) {
				const char *base = strrchr(c->cat[i].path, '/');

				base = base ? base + 1 : c->cat[i].path;
				if (!c->cat[i].id && strncmp(base, name, nl) == 0 && strcmp(base + nl, ".lua") == 0)
					return err_set(&c->err, "%s", c->cat[i].error), NULL;
			}

			err_set(&c->err, "no criteria set '%s' in %s", name, c->criteria_path);
			suggest_init(&sg, name);
			for (i = 0; i < c->ncat; i++) {
				if (c->cat[i].id)
					suggest_add(&sg, c->cat[i].id);
			}
			suggest_append(&sg, &c->err);
			err_append(&c->err, " (`ntm criteria list` shows the sets)");
			for (i = 0, n = 0; i < c->ncat; i++)
				if (!c->cat[i].id && n++ == 0)
					err_append(&c->err, "; a file that may declare it has an error: %s",
					           c->cat[i].error);
			if (n > 1)
				err_append(&c->err, " (and %d more files)", n - 1);
			return NULL;
		}
	}
	return lcrit_load(&c->sb, path, c->have_vars ? &c->vars : NULL, ctx_set_path, c, &c->err);
}

/* Words that name a level and may lead a unit name the user types. */
/* Appends to c->err the units given code, with their years. */
static void list_code_units(struct ctx *c, const char *code)
{
	const struct unitset *us = &c->units;
	char pt[32];
	int i;

	err_append(&c->err, " (");
	for (i = unitset_code(us, code, 0); i >= 0; i = us->u[i].same_code) {
		store_period_text(us->u[i].valid_from, us->u[i].valid_to, pt, sizeof pt);
		err_append(&c->err, "%s%s %s", i == unitset_code(us, code, 0) ? "" : "; ",
		           us->u[i].name, pt);
	}
	err_append(&c->err, ")");
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

/* The unit a code alone names (find_unit_in): the one of year, else the
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

static int find_unit_in(struct ctx *c, const char *text, int top);

int ctx_unit_at(const struct ctx *c, int u, int year)
{
	int k;

	if (u < 0 || unit_exists(&c->units.u[u], year))
		return u;
	k = unitset_code(&c->units, c->units.u[u].code, year);
	return k >= 0 ? k : u;
}

int ctx_find_unit(struct ctx *c, const char *text)
{
	if (ctx_units(c) < 0)
		return -1;
	return find_unit_in(c, text, -1);
}

/* ctx_find_unit within unit top (-1: anywhere). "Định Hóa/Tân Dương" is
 * Tân Dương within Định Hóa. */
static int find_unit_in(struct ctx *c, const char *text, int top)
{
	struct unitset *us = &c->units;
	char *key = NULL, *nfc = NULL, code[64];
	const char *bare, *at = strrchr(text, '@'), *slash = strrchr(text, '/');
	int hits[MAX_HITS], nhit = 0, pass, r = -1, year = c->unit_year, level;
	size_t i;

	if (slash && slash > text && slash[1] && unitset_code(us, text, 0) < 0) {
		char *outer = strndup(text, (size_t)(slash - text));

		if (!outer) {
			err_set(&c->err, "out of memory");
			return -1;
		}
		top = find_unit_in(c, outer, top);
		free(outer);
		return top < 0 ? -1 : find_unit_in(c, slash + 1, top);
	}
	/* CODE@YEAR: the unit given the code that existed that year */
	if (at && at > text && (size_t)(at - text) < sizeof code && at[1] &&
	    strspn(at + 1, "0123456789") == strlen(at + 1)) {
		memcpy(code, text, (size_t)(at - text));
		code[at - text] = '\0';
		if ((r = unitset_code(us, code, atoi(at + 1))) >= 0)
			return r;
		if (unitset_code_count(us, code) > 0) {
			err_set(&c->err, "unit '%s': no unit had the code %s in %s", text, code, at + 1);
			list_code_units(c, code);
			return -1;
		}
	}
	if (((r = unitset_code(us, text, year)) >= 0 || (r = unitset_code(us, text, 0)) >= 0) &&
	    within(us, r, top))
		return r;
	r = -1;
	if (!(nfc = utf8_nfc(text)) || !(key = utf8_fold(text))) {
		err_set(&c->err, "unit '%s': not valid UTF-8", text);
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
		err_set(&c->err, "unit '%s' is ambiguous; give its code, or the unit it is in "
		        "(\"PLACE/%s\"):", text, text);
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
			err_append(&c->err, "\n  %-20s %s (%s%s%s)", said, u->name,
			           store_level_name[u->level], u->parent >= 0 ? " in " : "",
			           u->parent >= 0 ? us->u[u->parent].name : "");
		}
		if (nhit > 8)
			err_append(&c->err, "\n  and %d more", nhit - 8);
	} else {
		struct suggest sg;

		if (top >= 0)
			err_set(&c->err, "no unit '%s' in %s (%s)", text, us->u[top].name, us->u[top].code);
		else
			err_set(&c->err, "no unit '%s' in %s", text, c->db_path);
		suggest_init(&sg, text);
		for (i = 0; i < us->n; i++) {
			suggest_add(&sg, us->u[i].name);
			suggest_add(&sg, us->u[i].code);
		}
		suggest_append(&sg, &c->err);
		if (us->n == 0)
			err_append(&c->err, " (the database has no units: import units.csv first)");
	}
done:
	free(nfc);
	free(key);
	return r;
}

void ctx_progress(struct ctx *c, const char *what, long done, long total)
{
	if (!c->progress)
		return;
	if (done < 0)
		fprintf(stderr, "\r\033[K");
	else if (total > 0)
		fprintf(stderr, "\r%s: %ld/%ld (%ld%%)\033[K", what, done, total, done * 100 / total);
	else
		fprintf(stderr, "\r%s: %ld\033[K", what, done);
	fflush(stderr);
}
