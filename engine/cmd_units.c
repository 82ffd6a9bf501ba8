/* cmd_units.c - `ntm units`, `ntm variables`, `ntm runs`: what the
 * database holds, for finding codes and names. */
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "i18n.h"
#include "lineage.h"
#include "runs.h"
#include "units.h"
#include "utf8.h"

static const char units_usage[] =
	"usage: ntm units [NAME|CODE] [--level LEVEL] [--year Y]\n\n"
	"Lists the units as a tree (code, name, level, threshold region), sorted\n"
	"in Vietnamese order; with NAME, the unit that name matches and the units\n"
	"below it. Names match without diacritics (\"quang giao\").\n"
	"A unit that existed for a period only says so, with the unit it was\n"
	"merged into or split from; --year shows the hierarchy as it stood that year,\n"
	"with each unit's commune group then when groups.csv gives one. A unit gone\n"
	"by --year lists the units of that year its own became (ntm units \"Định Hóa\"\n"
	"--year 2026: the 8 communes of the 2025 map). A code given to several units\n"
	"in turn is the one of --year, or CODE@YEAR (05569@2023); a name found in\n"
	"several places is narrowed by a level word (\"xã Định Hóa\") or the unit it\n"
	"is in (\"Định Hóa/Tân Dương\").\n";

/* The code column: as wide as the widest code (codes are ASCII, but one
 * written by another program need not be). */
static int code_w = 22;

/* The tree as lists: each unit's first child and next sibling, and the
 * first unit merged into it and the next merged into the same, in unit
 * order; -1 ends. A national register of 20,000 units lists in one pass. */
struct links {
	int *child, *sib, *merged, *next_merged;
	unsigned char *group;   /* with --year: each unit's commune group then (1-3, 0 none) */
};

/* The commune groups on record for year (groups.csv), into l->group; the
 * list stays as it is when there are none or the database predates them. */
static int load_groups(struct ctx *c, struct links *l, int year)
{
	sqlite3_stmt *st;
	int rc = 0;

	l->group = NULL;
	if (!year || sqlite3_prepare_v2(c->db, "SELECT unit_id, commune_group FROM unit_group "
	                                "WHERE year_from <= ?1 AND (year_to IS NULL OR year_to >= ?1)",
	                                -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int(st, 1, year);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		int g = sqlite3_column_int(st, 1);

		if (id < 1 || id > c->units.max_id || c->units.by_id[id] < 0 || g < 1 || g > 3)
			continue;
		if (!l->group && !(l->group = calloc(c->units.n ? c->units.n : 1, 1))) {
			rc = err_set(&c->err, "%s", _("out of memory"));
			break;
		}
		l->group[c->units.by_id[id]] = (unsigned char)g;
	}
	sqlite3_finalize(st);
	return rc;
}

static int links_make(const struct unitset *us, struct links *l)
{
	size_t i;
	int *last_child, *last_merged;

	l->child = malloc((us->n + 1) * 4 * sizeof *l->child);
	last_child = malloc((us->n + 1) * 2 * sizeof *last_child);
	if (!l->child || !last_child) {
		free(l->child);
		free(last_child);
		return -1;
	}
	l->sib = l->child + us->n + 1;
	l->merged = l->sib + us->n + 1;
	l->next_merged = l->merged + us->n + 1;
	last_merged = last_child + us->n + 1;
	for (i = 0; i <= us->n; i++)
		l->child[i] = l->sib[i] = l->merged[i] = l->next_merged[i] = last_child[i] =
			last_merged[i] = -1;
	for (i = 0; i < us->n; i++) {
		int p = us->u[i].parent, m = us->u[i].merged_into;

		if (p >= 0) {
			if (last_child[p] < 0)
				l->child[p] = (int)i;
			else
				l->sib[last_child[p]] = (int)i;
			last_child[p] = (int)i;
		}
		if (m >= 0) {
			if (last_merged[m] < 0)
				l->merged[m] = (int)i;
			else
				l->next_merged[last_merged[m]] = (int)i;
			last_merged[m] = (int)i;
		}
	}
	free(last_child);
	return 0;
}

/* ", took in Kim Sơn (2020), Quảng Tân (2020)": the units merged into u. */
static void took_in(const struct unitset *us, const struct links *l, int at, char *buf, size_t cap)
{
	size_t n = 0;
	int i;

	buf[0] = '\0';
	for (i = l->merged[at]; i >= 0 && n < cap; i = l->next_merged[i])
		n += (size_t)snprintf(buf + n, cap - n, "%s%s (%d)", n ? ", " : _("; took in "),
		                      us->u[i].name, us->u[i].valid_to + 1);
}

/* The unit's level in the language chosen ("commune", "xã"). */
static const char *level_text(int level)
{
	static const char *const vi[LV_N] = {
		[LV_PROVINCE] = "tỉnh", [LV_DISTRICT] = "huyện", [LV_COMMUNE] = "xã",
		[LV_TOWNSHIP] = "thị trấn", [LV_WARD] = "phường", [LV_VILLAGE] = "thôn",
	};

	return i18n_lang() == LANG_VI ? vi[level] : store_level_name[level];
}

/* The widest code tree() would print from at, or w if wider. */
static int widest(const struct unitset *us, const struct links *l, int at, int level, int year,
                  int w)
{
	int i;

	if (!unit_exists(&us->u[at], year))
		return w;
	if ((level < 0 || us->u[at].level == level) && (int)utf8_width(us->u[at].code) > w)
		w = (int)utf8_width(us->u[at].code);
	for (i = l->child[at]; i >= 0; i = l->sib[i])
		w = widest(us, l, i, level, year, w);
	return w;
}

static void line(const struct unitset *us, const struct links *l, int at, int indent)
{
	const struct unit *u = &us->u[at];
	char hist[256], took[1024], grp[32] = "";

	units_history(us, at, hist, sizeof hist);
	took_in(us, l, at, took, sizeof took);
	if (l->group && l->group[at])
		snprintf(grp, sizeof grp, _(", group %d"), l->group[at]);
	utf8_pad(stdout, u->code, code_w);
	printf(" %*s%s  (%s%s%s%s%s%s%s)\n", indent, "", u->name, level_text(u->level),
	       u->region >= 0 ? ", " : "", u->region >= 0 ? store_region_name[u->region] : "",
	       grp, *hist ? "; " : "", hist, took);
}

static void tree(const struct unitset *us, const struct links *l, int at, int depth, int level,
                 int year)
{
	int i;

	if (!unit_exists(&us->u[at], year))
		return;
	if (level < 0 || us->u[at].level == level)
		line(us, l, at, level < 0 ? depth * 2 : 0);
	for (i = l->child[at]; i >= 0; i = l->sib[i])
		tree(us, l, i, depth + 1, level, year);
}

/* A unit gone by year: the units of that year its units were merged into
 * (Định Hóa district, 2026: the eight communes of the 2025 map, each with
 * the units it took in); those with no known successor are said. */
static int successors(struct ctx *c, const struct links *l, int at, int level, int year)
{
	const struct unitset *us = &c->units;
	/* the unit's area as the units of year cover it, as an evaluation
	 * --as-of year takes it (lineage.h) */
	unsigned char *hit = lineage_scope(us, at, year);
	size_t i;
	int n = 0, lost = 0;
	char hist[256];

	if (!hit) {
		err_set(&c->err, "%s", _("out of memory"));
		return 1;
	}
	for (i = 0; i < us->n; i++) {
		if (!hit[i] || unit_exists(&us->u[i], year))
			continue;
		hit[i] = 0;   /* below it, gone by year: became a unit of year, or nothing known */
		lost += (int)i != at && us->u[i].level != LV_DISTRICT && lineage_target(us, (int)i, year) < 0;
	}
	code_w = 22;
	for (i = 0; i < us->n; i++)
		if (hit[i] && (level < 0 || us->u[i].level == level)) {
			if ((int)utf8_width(us->u[i].code) > code_w)
				code_w = (int)utf8_width(us->u[i].code);
			n++;
		}
	if (!n) {
		units_history(us, at, hist, sizeof hist);
		err_set(&c->err, _("units: %s (%s) did not exist in %d (%s)"), us->u[at].name,
		        us->u[at].code, year, hist);
		free(hit);
		return 1;
	}
	units_history(us, at, hist, sizeof hist);
	fprintf(stderr, _("ntm: %s (%s) did not exist in %d (%s); the %d unit%s of %d its units "
	                  "became, each with the units it took in:\n"), us->u[at].name, us->u[at].code,
	        year, hist, n, n == 1 || i18n_lang() == LANG_VI ? "" : "s", year);
	for (i = 0; i < us->n; i++)
		if (hit[i] && (level < 0 || us->u[i].level == level))
			line(us, l, (int)i, 0);
	if (lost)
		fprintf(stderr, _("ntm: %d of its units have no known successor (parts of them may have "
		                  "gone to several units: see data/register/links-2025.csv)\n"), lost);
	free(hit);
	return 0;
}

int cmd_units(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "level", OPT_ARG, "LEVEL", "only units of this level (province, district, commune, township, ward, village)", NULL },
		{ "year", OPT_ARG, "Y", "only the units that existed in year Y", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	int npos, done, rc, level = -1, at, year = 0, y1;
	struct links l;
	size_t i;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, units_usage, &done)) || done)
		return rc;
	if (opt_get(opts, "level") && (level = store_level_parse(opt_get(opts, "level"))) < 0) {
		err_set(&c->err, _("units: '%s' is not a level (province, district, commune, township, "
		                   "ward, village)"),
		        opt_get(opts, "level"));
		return 2;
	}
	if (opt_get(opts, "year") && (opt_years(opt_get(opts, "year"), &year, &y1) < 0 || year != y1)) {
		err_set(&c->err, _("units: --year '%s' is not a year (e.g. 2019)"), opt_get(opts, "year"));
		return 2;
	}
	if (npos > 1) {
		/* a name of several words typed without quotes */
		err_set(&c->err, _("units: give one name; '%s' stands alone after '%s': a name of several "
		        "words needs quotes (ntm units \""), argv[2], argv[1]);
		for (i = 1; i <= (size_t)npos; i++)
			err_append(&c->err, "%s%s", i > 1 ? " " : "", argv[i]);
		err_append(&c->err, "\")");
		return 2;
	}
	if (ctx_units(c) < 0)
		return 1;
	if (links_make(&c->units, &l) < 0) {
		err_set(&c->err, "%s", _("out of memory"));
		return 1;
	}
	if (load_groups(c, &l, year) < 0) {
		free(l.child);
		return 1;
	}
	rc = 0;
	if (npos) {
		if ((at = ctx_find_unit(c, argv[1])) < 0) {
			rc = 1;
		} else if (!unit_exists(&c->units.u[at], year)) {
			rc = successors(c, &l, at, level, year);
		} else {
			code_w = widest(&c->units, &l, at, level, year, 22);
			tree(&c->units, &l, at, 0, level, year);
		}
		free(l.child);
		free(l.group);
		return rc;
	}
	code_w = 22;
	for (i = 0; i < c->units.n; i++)
		if (c->units.u[i].parent < 0)
			code_w = widest(&c->units, &l, (int)i, level, year, code_w);
	for (i = 0; i < c->units.n; i++)
		if (c->units.u[i].parent < 0)
			tree(&c->units, &l, (int)i, 0, level, year);
	if (c->units.n == 0)
		printf("no units in %s (import a units.csv)\n", c->db_path);
	free(l.child);
	free(l.group);
	return 0;
}

static const char vars_usage[] =
	"usage: ntm variables [WORDS]\n\n"
	"Lists the variable dictionary: name, unit of measure and meaning. With\n"
	"WORDS, the variables whose name or meaning holds every word, diacritics\n"
	"and case aside: `ntm variables bao hiem` finds health insurance. The\n"
	"dictionary is data: extend data/variables.csv and import it, no rebuild\n"
	"needed.\n";

/* The words of the query, folded; n gets their count. */
static int vars_words(int argc, char **argv, char **w, int cap)
{
	int i, n = 0;

	for (i = 1; i < argc; i++) {
		char *f = utf8_fold(argv[i]), *tok, *save = NULL;

		if (!f)
			return -1;
		for (tok = strtok_r(f, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save))
			if (n < cap && !(w[n++] = strdup(tok)))
				n--;
		free(f);
	}
	return n;
}

/* Every word in the variable's name (underscores as spaces) or meaning. */
static int vars_match(const struct variable *v, char *const *w, int n)
{
	char *name, *meaning, *p;
	int i, ok = 1;

	if (n == 0)
		return 1;
	name = utf8_fold(v->name);
	meaning = utf8_fold(v->meaning ? v->meaning : "");
	if (!name || !meaning) {
		free(name), free(meaning);
		return 0;
	}
	for (p = name; *p; p++)
		if (*p == '_')
			*p = ' ';
	for (i = 0; i < n && ok; i++)
		ok = strstr(name, w[i]) || strstr(meaning, w[i]);
	free(name), free(meaning);
	return ok;
}

int cmd_variables(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	char *w[32];
	int npos, done, rc, nw, shown = 0;
	size_t i;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, vars_usage, &done)) || done)
		return rc;
	if (ctx_vars(c) < 0)
		return 1;
	if ((nw = vars_words(npos + 1, argv, w, 32)) < 0) {
		err_set(&c->err, "%s", _("out of memory"));
		return 1;
	}
	for (i = 0; i < c->vars.n; i++)
		if (vars_match(&c->vars.v[i], w, nw)) {
			printf("%-38s %-17s %s\n", c->vars.v[i].name, c->vars.v[i].uom, c->vars.v[i].meaning);
			shown++;
		}
	if (c->vars.n == 0)
		printf("the dictionary is empty (ntm import data/variables.csv)\n");
	else if (!shown) {
		char q[256];
		size_t n = 0;
		int k;

		q[0] = '\0';
		for (k = 1; k <= npos && n < sizeof q; k++)
			n += (size_t)snprintf(q + n, sizeof q - n, "%s%s", k > 1 ? " " : "", argv[k]);
		printf("no variable's name or meaning holds all of '%s' (%zu in the dictionary; "
		       "`ntm variables` lists them)\n", q, c->vars.n);
	}
	while (nw > 0)
		free(w[--nw]);
	return 0;
}

static const char runs_usage[] =
	"usage: ntm runs [--limit N]\n"
	"       ntm runs prune [--keep N] [--older-than DAYS] [--dry-run]\n\n"
	"Lists the stored evaluation runs, newest first: set, years, the units asked\n"
	"for, the scenario, units judged and meeting the set, draft and unset\n"
	"thresholds used. Results are in the database's result_view (one row per\n"
	"indicator) and run_unit_view (one per unit and year); query them with\n"
	"`ntm sql`, which knows how results are packed.\n\n"
	"prune deletes the runs beyond the newest N (--keep) or older than DAYS\n"
	"(--older-than), with the runs a district run stored for the sets it used; a\n"
	"run stored for another run goes only with it. NTM_KEEP_RUNS=N prunes so\n"
	"after every stored evaluation.\n";


static int runs_prune_cmd(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "keep", OPT_ARG, "N", "keep the newest N runs", NULL },
		{ "older-than", OPT_ARG, "DAYS", "delete runs older than DAYS days", NULL },
		{ "dry-run", OPT_FLAG, NULL, "say what would go, delete nothing", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	int npos, done, rc, keep = -1, days = -1, removed, kept;
	const char *k, *d;
	char *end;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, runs_usage, &done)) || done)
		return rc;
	if (npos != 0) {
		err_set(&c->err, _("runs prune: unexpected argument '%s' (see --help)"), argv[1]);
		return 2;
	}
	if ((k = opt_get(opts, "keep"))) {
		long v = strtol(k, &end, 10);

		if (end == k || *end || v < 0 || v > 1000000) {
			err_set(&c->err, _("runs prune: --keep '%s' is not a number of runs (0 or more)"), k);
			return 2;
		}
		keep = (int)v;
	}
	if ((d = opt_get(opts, "older-than"))) {
		long v = strtol(d, &end, 10);

		if (end == d || *end || v < 0 || v > 100000) {
			err_set(&c->err, _("runs prune: --older-than '%s' is not a number of days"), d);
			return 2;
		}
		days = (int)v;
	}
	if (keep < 0 && days < 0) {
		err_set(&c->err, "%s", _("runs prune: give --keep N or --older-than DAYS"));
		return 2;
	}
	if (ctx_db(c) < 0 || store_writable(c->db, c->db_path, "prune runs", &c->err) < 0 ||
	    runs_prune(c->db, keep, days, opt_get(opts, "dry-run") != NULL, &removed, &kept, &c->err) < 0)
		return 1;
	printf("%s %d run%s, %d kept\n", opt_get(opts, "dry-run") ? "would delete" : "deleted", removed,
	       removed == 1 ? "" : "s", kept);
	return 0;
}

int cmd_runs(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "limit", OPT_ARG, "N", "the newest N runs only", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	sqlite3_stmt *st;
	int npos, done, rc, limit = -1;

	if (argc > 1 && strcmp(argv[1], "prune") == 0)
		return runs_prune_cmd(c, argc - 1, argv + 1);
	if ((rc = cmd_options(c, opts, argc, argv, &npos, runs_usage, &done)) || done)
		return rc;
	if (npos != 0) {
		err_set(&c->err, _("runs: unknown verb '%s' (prune; with none, the list)"), argv[1]);
		return 2;
	}
	if (opt_get(opts, "limit"))
		limit = atoi(opt_get(opts, "limit"));
	if (ctx_db(c) < 0 || store_prepare(c->db, &st, "SELECT id, at, set_id, year_from, year_to, "
	                                   "coalesce(unit_filter, 'all'), coalesce(scenario, '-'), units, "
	                                   "units_met, draft_thresholds, unset_thresholds FROM run "
	                                   "ORDER BY id DESC LIMIT ?1", &c->err) < 0)
		return 1;
	sqlite3_bind_int(st, 1, limit);
	printf("%5s  %-20s  %-28s %-9s ", "run", "at", "set", "years");
	utf8_pad(stdout, "units of", 20);
	utf8_pad(stdout, "scenario", 16);
	printf(" %6s %6s %6s %6s\n", "units", "met", "draft", "unset");
	while (sqlite3_step(st) == SQLITE_ROW) {
		printf("%5lld  %-20s  ", (long long)sqlite3_column_int64(st, 0), sqlite3_column_text(st, 1));
		utf8_pad(stdout, (const char *)sqlite3_column_text(st, 2), 28);
		printf(" %d-%d ", sqlite3_column_int(st, 3), sqlite3_column_int(st, 4));
		utf8_pad(stdout, (const char *)sqlite3_column_text(st, 5), 20);
		utf8_pad(stdout, (const char *)sqlite3_column_text(st, 6), 16);
		printf(" %6d %6d %6d %6d\n", sqlite3_column_int(st, 7), sqlite3_column_int(st, 8),
		       sqlite3_column_int(st, 9), sqlite3_column_int(st, 10));
	}
	sqlite3_finalize(st);
	return 0;
}
