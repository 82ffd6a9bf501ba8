/* cmd_test.c - `ntm test [FILE...]`: runs criteria test cases (NAME.test.lua
 * beside the sets) through the same evaluator as `ntm eval`, and reports
 * each case. Calls lua_crit for the cases and eval for the results. */
#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmds.h"
#include "eval.h"
#include "i18n.h"
#include "lua_crit.h"
#include "report.h"
#include "suggest.h"

static const char usage[] =
	"usage: ntm test [FILE.test.lua...]\n\n"
	"Runs the criteria tests: every *.test.lua on the criteria path, or the\n"
	"files given. A test file names its set (tests_for \"id\") and holds cases:\n"
	"  test \"2.2 exactly at the threshold\" {\n"
	"    region = \"tdmnpb\", year = 2023,\n"
	"    data = { road_village_hardened_km = 70, road_village_total_km = 100 },\n"
	"    expect = { [\"2.2\"] = \"met\" },   -- indicators\n"
	"    criteria = { [\"2\"] = \"unknown\" }, -- criteria\n"
	"    result = \"unmet\",                 -- the whole set\n"
	"  }\n"
	"Ends with a line 'N passed, N failed'.\n";

static int status_of(const char *s)
{
	int i;

	for (i = 0; i < ST_N; i++)
		if (strcmp(eval_status_name[i], s) == 0)
			return i;
	return -1;
}

/* Runs one case; prints a line; returns 1 passed, 0 failed. */
/* A case's figures of other years ("name@2019", from past = { ... }) as
 * the unit's history d (one unit, the years from the earliest given to
 * year; the case's own year is filled by the caller's vals), and its
 * recognitions ("recognised:ntm", from recognised = { ... }) by the set's
 * titles. Returns 0, or -1 with why. */
static int history(const struct critset *s, const struct crit_case *k, int year,
                   struct evaldata *d, int **recog, char *why, size_t cap)
{
	int i, j, y0 = year;
	size_t n;

	for (i = 0; i < k->ndata; i++) {
		const char *at = strchr(k->var[i], '@');

		if (at && atoi(at + 1) < y0)
			y0 = atoi(at + 1);
	}
	d->set = s;
	d->nunit = 1;
	d->year_from = y0;
	d->nyear = year - y0 + 1;
	n = (size_t)d->nyear * (size_t)(s->nvar ? s->nvar : 1);
	if (!(d->vals = malloc(n * sizeof *d->vals)) ||
	    !(*recog = calloc((size_t)s->nrtitle + 1, sizeof **recog))) {
		snprintf(why, cap, "%s", _("out of memory"));
		return -1;
	}
	for (n = 0; n < (size_t)d->nyear * (size_t)s->nvar; n++)
		d->vals[n] = NAN;
	for (i = 0; i < k->ndata; i++) {
		const char *at = strchr(k->var[i], '@');

		if (strncmp(k->var[i], "recognised:", 11) == 0) {
			for (j = 0; j < s->nrtitle; j++)
				if (strcmp(s->rtitle[j], k->var[i] + 11) == 0)
					(*recog)[j] = (int)k->val[i];
			continue;
		}
		if (!at)
			continue;
		if (atoi(at + 1) >= year) {
			snprintf(why, cap, _("past: year %d is not before the case's year %d"), atoi(at + 1), year);
			return -1;
		}
		for (j = 0; j < s->nvar && (strncmp(s->var[j], k->var[i], (size_t)(at - k->var[i])) != 0 ||
		                            s->var[j][at - k->var[i]] != '\0'); j++)
			;
		if (j == s->nvar) {
			snprintf(why, cap, _("past: set %s uses no variable '%.*s'"), s->id,
			         (int)(at - k->var[i]), k->var[i]);
			return -1;
		}
		eval_vals(d, 0, atoi(at + 1) - y0)[j] = k->val[i];
	}
	return 0;
}

static int run_case(const struct critset *s, const char *path, const struct crit_case *k)
{
	double *vals = malloc((size_t)(s->nvar ? s->nvar : 1) * sizeof *vals);
	struct evaldata hd = { 0 };
	int *recog = NULL;
	struct ind_result *res = calloc((size_t)s->nind, sizeof *res);
	unsigned char *crit = calloc((size_t)s->ncrit, 1);
	int i, j, region = -1, ncm, st, ok = 1, year = k->year ? k->year : s->year_from;
	char why[1024] = "";

	if (!vals || !res || !crit) {
		snprintf(why, sizeof why, "%s", _("out of memory"));
		ok = 0;
		goto done;
	}
	for (i = 0; i < s->nvar; i++)
		vals[i] = NAN;
	if (k->region && (region = store_region_parse(k->region)) < 0) {
		struct suggest sg;
		struct ntm_err e = { 0 };

		err_set(&e, _("unknown region '%s'"), k->region);
		suggest_init(&sg, k->region);
		for (i = 0; i < RG_N; i++)
			suggest_add(&sg, store_region_name[i]);
		suggest_append(&sg, &e);
		err_append(&e, "%s", _(" (regions: tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl)"));
		snprintf(why, sizeof why, "%.1000s", e.msg);
		ok = 0;
		goto done;
	}
	/* eval refuses a year the set does not apply to: so does a test */
	if (year < s->year_from || year > s->year_to) {
		snprintf(why, sizeof why, _("year %d: set %s applies to %d-%d (%s); eval refuses %d too"),
		         year, s->id, s->year_from, s->year_to, s->decision, year);
		ok = 0;
		goto done;
	}
	if (history(s, k, year, &hd, &recog, why, sizeof why) < 0) {
		ok = 0;
		goto done;
	}
	for (i = 0; i < k->ndata; i++) {
		if (strchr(k->var[i], '@') || strncmp(k->var[i], "recognised:", 11) == 0)
			continue;   /* other years, recognitions: in hd */
		for (j = 0; j < s->nvar && strcmp(s->var[j], k->var[i]) != 0; j++)
			;
		if (j == s->nvar && k->derived[i])
			continue;
		if (j == s->nvar) {
			snprintf(why, sizeof why, _("data: set %s uses no variable '%s'"), s->id, k->var[i]);
			ok = 0;
			goto done;
		}
		vals[j] = k->val[i];
	}
	{
		struct eval_hist h = { &hd, 0, recog };

		st = eval_unit_hist(s, vals, crit_place(region, k->group), year, &h, res, crit, &ncm);
	}
	for (i = 0; i < k->nexpect && ok; i++) {
		const struct crit_expect *e = &k->expect[i];
		int want = status_of(e->status), got, at;
		size_t n = strlen(why);

		if (want < 0) {
			snprintf(why + n, sizeof why - n, _("'%s' is not a status (met, unmet, open, unknown, n/a)"),
			         e->status);
			ok = 0;
			break;
		}
		if (e->kind == EXPECT_SET) {
			got = st;
		} else if (e->kind == EXPECT_CRITERION) {
			if ((at = crit_find_criterion(s, e->id)) < 0) {
				snprintf(why + n, sizeof why - n, _("set %s has no criterion %s"), s->id, e->id);
				ok = 0;
				break;
			}
			got = crit[at];
		} else {
			if ((at = crit_find_indicator(s, e->id)) < 0) {
				snprintf(why + n, sizeof why - n, _("set %s has no indicator %s"), s->id, e->id);
				ok = 0;
				break;
			}
			got = res[at].status;
			if (got != want) {
				char v[32], t[32];

				report_num(v, sizeof v, res[at].value);
				report_num(t, sizeof t, res[at].threshold);
				snprintf(why + n, sizeof why - n, _("indicator %s: expected %s, got %s "
				         "(value %s, threshold %s)"), e->id, e->status, eval_status_name[got],
				         *v ? v : _("none"), *t ? t : _("not set"));
				ok = 0;
				break;
			}
		}
		if (got != want) {
			snprintf(why + n, sizeof why - n, e->kind == EXPECT_SET ? _("set %s: expected %s, got %s") :
			         _("criterion %s: expected %s, got %s"), e->id ? e->id : s->id,
			         e->status, eval_status_name[got]);
			ok = 0;
		}
	}
done:
	printf("%s %s:%d: %s%s%s\n", ok ? "ok  " : "FAIL", path, k->line, k->title,
	       ok ? "" : ": ", why);
	free(vals);
	free(res);
	free(crit);
	free(hd.vals);
	free(recog);
	return ok;
}

static int ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n >= m && strcmp(s + n - m, suf) == 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Test files on the criteria path, regular files only; caller frees each
 * and the array. */
static char **find_tests(struct ctx *c, int *n)
{
	char *paths = strdup(c->criteria_path), *dir, *save = NULL, **out = NULL;
	int cap = 0;

	*n = 0;
	for (dir = paths ? strtok_r(paths, ":", &save) : NULL; dir; dir = strtok_r(NULL, ":", &save)) {
		DIR *d = opendir(dir);
		struct dirent *de;

		if (!d)
			continue;
		while ((de = readdir(d))) {
			size_t len = strlen(dir) + strlen(de->d_name) + 2;

			if (!ends_with(de->d_name, ".test.lua"))
				continue;
			if (*n == cap) {
				char **no = realloc(out, (size_t)(cap = cap ? cap * 2 : 16) * sizeof *no);

				if (!no)
					break;
				out = no;
			}
			if ((out[*n] = malloc(len))) {
				struct stat st;

				snprintf(out[*n], len, "%s/%s", dir, de->d_name);
				/* a FIFO or a device would block the read: say so and go on */
				if (stat(out[*n], &st) == 0 && !S_ISREG(st.st_mode)) {
					fprintf(stderr, _("ntm: warning: skipping %s: not a regular file\n"), out[*n]);
					free(out[*n]);
				} else {
					(*n)++;
				}
			}
		}
		closedir(d);
	}
	free(paths);
	if (out)
		qsort(out, (size_t)*n, sizeof *out, cmp_str);
	return out;
}

int cmd_test(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	char **files = NULL;
	int npos, done, rc, i, j, nfiles, passed = 0, failed = 0, own = 0;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, usage, &done)) || done)
		return rc;
	/* sets are checked against the dictionary criteria check uses */
	if (ctx_sandbox(c) < 0 || ctx_dictionary(c) < 0)
		return 1;
	if (npos) {
		files = argv + 1;
		nfiles = npos;
	} else {
		files = find_tests(c, &nfiles);
		own = 1;
	}
	for (i = 0; i < nfiles; i++) {
		struct crit_tests t;
		struct critset *s;

		if (lcrit_tests(&c->sb, files[i], &t, &c->err) < 0) {
			printf("FAIL %s\n", c->err.msg);
			err_clear(&c->err);
			failed++;
			continue;
		}
		if (!(s = ctx_load_set(c, t.set_id))) {
			printf("FAIL %s: %s\n", files[i], c->err.msg);
			err_clear(&c->err);
			failed += t.n ? t.n : 1;
			lcrit_tests_free(&t);
			continue;
		}
		for (j = 0; j < t.n; j++) {
			if (run_case(s, files[i], &t.c[j]))
				passed++;
			else
				failed++;
		}
		crit_free(s);
		lcrit_tests_free(&t);
	}
	if (own) {
		for (i = 0; i < nfiles; i++)
			free(files[i]);
		free(files);
	}
	printf("%d passed, %d failed\n", passed, failed);
	if (failed)
		err_set(&c->err, failed == 1 ? _("test: %d case failed") : _("test: %d cases failed"), failed);
	return failed ? 1 : 0;
}
