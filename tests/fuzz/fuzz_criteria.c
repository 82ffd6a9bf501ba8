/* fuzz_criteria.c - libFuzzer target for the criteria loader: the input is
 * a set file's Lua text, run in a fresh sandbox (budget, memory cap) as
 * `ntm criteria list` peeks at it, as `ntm eval` loads it (against the
 * dictionary of data/variables.csv, `extends` resolved in criteria/ and the
 * test fixtures) and as `ntm test` reads a test file; the wall-clock limit
 * is FUZZ_WALL_MS. A set that loads is
 * formatted and evaluated for every region, three years and a few figures.
 * Calls lua_sandbox, lua_crit, crit, eval. */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crit.h"
#include "eval.h"
#include "fuzz.h"
#include "lua_crit.h"
#include "store.h"

/* The sets `extends` may name: every NAME.lua (not *.test.lua) of these
 * directories, by NAME, as ntm finds a set named after its file. */
static const char *const set_dirs[] = { "criteria", "tests/cli/fixtures/crit",
                                        "tests/cli/fixtures/ladder", "tests/cli/fixtures/inforce" };
static struct known { char *id, *path; } *known;
static int nknown;

static struct varset dict;

static void add_dir(const char *d)
{
	char path[1024];
	struct dirent *de;
	DIR *dp;

	snprintf(path, sizeof path, "%s/%s", NTM_SRCDIR, d);
	if (!(dp = opendir(path)))
		fuzz_die("cannot read %s", path);
	while ((de = readdir(dp))) {
		size_t n = strlen(de->d_name);
		struct known *k;

		if (n < 5 || strcmp(de->d_name + n - 4, ".lua") != 0 ||
		    (n > 9 && strcmp(de->d_name + n - 9, ".test.lua") == 0))
			continue;
		if (!(k = realloc(known, (size_t)(nknown + 1) * sizeof *known)))
			fuzz_die("out of memory");
		known = k;
		k = &known[nknown++];
		k->id = strndup(de->d_name, n - 4);
		k->path = malloc(strlen(path) + n + 2);
		if (!k->id || !k->path)
			fuzz_die("out of memory");
		sprintf(k->path, "%s/%s", path, de->d_name);
	}
	closedir(dp);
}

/* The paths live until exit, as lcrit_load wants. */
static const char *find(void *ctx, const char *id)
{
	int i;

	(void)ctx;
	for (i = 0; i < nknown; i++)
		if (strcmp(known[i].id, id) == 0)
			return known[i].path;
	return NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct ntm_err err = { 0 };
	sqlite3 *db;
	size_t i;

	(void)argc, (void)argv;
	fuzz_quiet();
	for (i = 0; i < sizeof set_dirs / sizeof set_dirs[0]; i++)
		add_dir(set_dirs[i]);
	db = fuzz_template();
	if (store_vars(db, &dict, &err) < 0)
		fuzz_die("the dictionary: %s", err.msg);
	store_close(db);
	return 0;
}

/* What `ntm criteria show` and `ntm eval` do with a set: format each
 * indicator, resolve its threshold, evaluate with figures missing, zero,
 * one, fifty and huge. */
static void use_set(struct critset *s)
{
	static const double fill[] = { NAN, 0, 1, 50, 1e12 };
	const int years[3] = { s->year_from, s->year_to, (s->year_from + s->year_to) / 2 };
	struct ind_result *res = calloc((size_t)s->nind + 1, sizeof *res);
	unsigned char *crit = calloc((size_t)s->ncrit + 1, 1);
	double *vals = malloc(((size_t)s->nvar + 1) * sizeof *vals);
	int missing[16];
	char buf[2048];
	int i, f, r, y, ncm, nd, nu;

	if (!res || !crit || !vals)
		fuzz_die("out of memory");
	crit_domains(s, &dict);
	crit_thr_census(s, &nd, &nu);
	for (i = 0; i < s->nind; i++) {
		crit_expr_format(s, s->ind[i].measure, buf, sizeof buf);
		if (s->ind[i].applies)
			crit_expr_format(s, s->ind[i].applies, buf, sizeof buf);
		if (s->ind[i].thr)
			crit_thr_format(s->ind[i].thr, buf, sizeof buf);
		crit_find_indicator(s, s->ind[i].id);
	}
	for (f = 0; f < (int)(sizeof fill / sizeof fill[0]); f++) {
		for (i = 0; i < s->nvar; i++)
			vals[i] = fill[f];
		for (r = -1; r < RG_N; r++) {
			for (y = 0; y < 3; y++) {
				eval_unit(s, vals, r, years[y], res, crit, &ncm);
				for (i = 0; i < s->nind; i++) {
					eval_gap(&s->ind[i], &res[i]);
					eval_missing(s, i, vals, missing, 16);
				}
			}
		}
	}
	free(vals);
	free(crit);
	free(res);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_put("fuzz.lua", data, size);
	struct ntm_err err = { 0 };
	struct sandbox sb;
	struct critset *s;
	struct crit_tests t;
	char *id = NULL, *ext = NULL;

	fuzz_timer_save();
	if (sandbox_open(&sb, 0, 0, &err) < 0)
		fuzz_die("sandbox: %s", err.msg);
	sb.wall_ms = FUZZ_WALL_MS;
	if (lcrit_peek(&sb, path, &id, &ext, &err) == 0) {
		free(id);
		free(ext);
	}
	fuzz_timer_restore();
	s = lcrit_load(&sb, path, &dict, find, NULL, &err);
	fuzz_timer_restore();
	if (s) {
		use_set(s);
		crit_free(s);
	}
	if (lcrit_tests(&sb, path, &t, &err) == 0)
		lcrit_tests_free(&t);
	sandbox_close(&sb);
	fuzz_timer_restore();
	return 0;
}
