/* ctx.c - command context: lazy opening of the store (a new one with the
 * bundled dictionary, import.h), units (found by units_find), dictionary,
 * sandbox and criteria catalog; set look-ups (ctx.h). */
#include "ctx.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
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
		units_free(&c->units);
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
	/* store_open_init's "PATH: cannot open database: ...", in the language chosen */
	if (!strstr(c->err.msg, _(": cannot open database")) || access(c->db_path, F_OK) == 0)
		return -1;
	/* the default path is relative: run elsewhere, it names nothing */
	slash = strrchr(c->db_path, '/');
	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - c->db_path) : 1,
	         slash ? c->db_path : ".");
	if (!c->db_given && stat(dir, &st) < 0 && getcwd(cwd, sizeof cwd))
		err_append(&c->err, _(" (the default database is %s under the current folder, %s, "
		           "which has no folder '%s': run ntm in the project's folder, or give the "
		           "database with --db PATH or NTM_DB)"), c->db_path, cwd, dir);
	else
		err_append(&c->err, _(" (check that the folder '%s' exists and can be written, or give "
		           "another database with --db PATH or NTM_DB)"), dir);
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
	if (ctx_db(c) < 0 || units_load(c->db, &c->units, &c->err) < 0)
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
	id = units_lookup(c->db, text, key, c->unit_year);
	free(key);
	if (id <= 0)   /* not one plain match: the whole set finds or suggests */
		return ctx_find_unit(c, text);
	if (units_load_near(c->db, id, &c->units, &c->err) < 0)
		return -1;
	c->have_units = 1;
	return id <= c->units.max_id ? c->units.by_id[id] : -1;
}

void ctx_forget_units(struct ctx *c)
{
	if (c->have_units)
		units_free(&c->units);
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
		return err_set(&c->err, _("the bundled dictionary: %s"), e.msg);
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
		return err_set(&c->err, "%s", _("out of memory"));
	for (dir = strtok_r(paths, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
		DIR *d = opendir(dir);
		struct dirent *de;

		if (!d) {
			err_set(&c->err, _("criteria directory '%s' cannot be read (set --criteria DIR "
			        "or NTM_CRITERIA_PATH)"), dir);
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
			err_set(&e, _("%s: cannot open: %s"), c->cat[i].path, strerror(errno));
		else if (!S_ISREG(st.st_mode))
			err_set(&e, _("%s: cannot open: not a regular file"), c->cat[i].path);
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
				err_set(&c->err, _("set %s: threshold_of(\"%s\", \"%s\") leads back to it (thresholds "
				        "of sets read each other:"), s->id, id, colon + 1);
				for (k = 0; k <= depth; k++)
					err_append(&c->err, " %s ->", chain[k]);
				err_append(&c->err, " %s)", id);
				return -1;
			}
		if (depth + 1 >= 16)
			return err_set(&c->err, _("set %s: threshold_of reads sets more than 16 deep"), s->id);
		chain[depth + 1] = id;
		c->throf_chain = chain;
		c->throf_depth = depth + 1;
		o = ctx_load_set(c, id);
		c->throf_chain = NULL;
		c->throf_depth = 0;
		if (!o) {
			err_prefix(&c->err, _("set %s: threshold_of(\"%s\", \"%s\"): "), s->id, id, colon + 1);
			return -1;
		}
		if ((k = crit_find_indicator(o, colon + 1)) < 0 || o->ind[k].cmp == CMP_MUST) {
			err_set(&c->err, _("set %s: threshold_of(\"%s\", \"%s\"): set %s has no indicator %s with a "
			        "minimum or maximum"), s->id, id, colon + 1, id, colon + 1);
			crit_free(o);
			return -1;
		}
		e->thr = crit_thr_copy(o->ind[k].thr);
		e->dom_lo = o->ind[k].dom_lo;
		e->dom_hi = o->ind[k].dom_hi;
		e->cmp = o->ind[k].cmp;
		crit_free(o);
		if (!e->thr)
			return err_set(&c->err, "%s", _("out of memory"));
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
					return err_set(&c->err, _("set '%s' is declared by both %s and %s"),
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

			err_set(&c->err, _("no criteria set '%s' in %s"), name, c->criteria_path);
			suggest_init(&sg, name);
			for (i = 0; i < c->ncat; i++) {
				if (c->cat[i].id)
					suggest_add(&sg, c->cat[i].id);
			}
			suggest_append(&sg, &c->err);
			err_append(&c->err, "%s", _(" (`ntm criteria list` shows the sets)"));
			for (i = 0, n = 0; i < c->ncat; i++)
				if (!c->cat[i].id && n++ == 0)
					err_append(&c->err, _("; a file that may declare it has an error: %s"),
					           c->cat[i].error);
			if (n > 1)
				err_append(&c->err, _(" (and %d more files)"), n - 1);
			return NULL;
		}
	}
	return lcrit_load(&c->sb, path, c->have_vars ? &c->vars : NULL, ctx_set_path, c, &c->err);
}

int ctx_find_unit(struct ctx *c, const char *text)
{
	if (ctx_units(c) < 0)
		return -1;
	return units_find(&c->units, text, c->unit_year, c->db_path, &c->err);
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
