/* main.c - ntm's entry point: global options, the command table, help,
 * and the one place errors are printed. Calls the cmd_* handlers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmds.h"
#include "i18n.h"
#include "suggest.h"

#define NTM_VERSION "0.1.0"

static const struct command {
	const char *name;
	int (*fn)(struct ctx *, int, char **);
	const char *summary;
} commands[] = {
	{ "import", cmd_import, "read interchange CSV files into the database (all or nothing)" },
	{ "eval", cmd_eval, "evaluate a criteria set for units and years" },
	{ "recognitions", cmd_recognitions, "recorded recognitions beside what the evaluation finds" },
	{ "check", cmd_check, "audit the data for inconsistencies (rules in scripts/checks)" },
	{ "scenario", cmd_scenario, "what-if scenarios: create, list, show, delete, set" },
	{ "diff", cmd_diff, "what a scenario changes: statuses and units meeting, before and after" },
	{ "project", cmd_project, "project each unit's unmet indicators at today's pace to the year they are met" },
	{ "cost", cmd_cost, "works and cost to bring units up to a set's standard" },
	{ "allocate", cmd_allocate, "split a budget across units and works to meet the most" },
	{ "criteria", cmd_criteria, "list, show or check criteria sets" },
	{ "test", cmd_test, "run the criteria tests (*.test.lua beside the sets)" },
	{ "units", cmd_units, "list units, or find one by name" },
	{ "variables", cmd_variables, "list the variable dictionary" },
	{ "runs", cmd_runs, "list stored evaluation runs, or prune old ones" },
	{ "sql", cmd_sql, "run one read-only SQL query (result_view and the other views)" },
	{ "plot", cmd_plot, "draw a chart through gnuplot (funding, a variable over the years)" },
	{ "report", cmd_report, "annex tables for the office (criteria, funding, ...) as xlsx, csv, md, text" },
	{ "run", cmd_run, "run an analysis script (scripts/), sandboxed" },
	{ "synth", cmd_synth, "write a national-scale synthetic dataset (for benchmarks)" },
	{ NULL, NULL, NULL },
};

static void usage(FILE *f)
{
	const struct command *k;
	int w = 0;

	for (k = commands; k->name; k++)
		if ((int)strlen(k->name) > w)
			w = (int)strlen(k->name);
	fputs(_("usage: ntm [--db PATH] [--criteria DIR] COMMAND [ARGS]\n\n"
	        "Evaluates Vietnamese New Rural Development (nông thôn mới) criteria sets,\n"
	        "written in Lua under criteria/, over figures kept in SQLite.\n\n"
	        "commands:\n"), f);
	for (k = commands; k->name; k++)
		fprintf(f, "  %-*s  %s\n", w, k->name, _(k->summary));
	fputs(_("\nglobal options (before or after the command):\n"
	        "  --db PATH            database file (default $NTM_DB or data/ntm.db)\n"
	        "  --criteria DIR       criteria directories, ':'-separated, searched before\n"
	        "                       $NTM_CRITERIA_PATH (or criteria, when it is here)\n"
	        "  --scenario NAME      evaluate as if the scenario's changes were real\n"
	        "  --as-of YEAR         judge the units as they stood in YEAR, in every year:\n"
	        "                       before a merge, a unit's figures combine those of\n"
	        "                       the units merged into it (default: each year's units)\n"
	        "  --lang vi|en         the language of what ntm writes for people (default:\n"
	        "                       NTM_LANG, LANGUAGE, LC_ALL, LC_MESSAGES or LANG when\n"
	        "                       one names vi or en, else Vietnamese); csv and json\n"
	        "                       keep their English codes\n"
	        "  --strict             judge every draft threshold as unset, so that only\n"
	        "                       numbers confirmed from a decision's text decide\n"
	        "  --help               this text; 'ntm COMMAND --help' for a command\n"
	        "  --version            print the version\n"), f);
}

/* --criteria DIR goes in front of the path it adds to: $NTM_CRITERIA_PATH,
 * else the bundled sets' folder when there is one here; so a province's
 * set in DIR can extend the national sets. */
static int criteria_path(struct ctx *c)
{
	const char *e = getenv("NTM_CRITERIA_PATH"), *base = e && *e ? e : "criteria";
	struct stat st, mine;
	size_t n;

	if (!(e && *e) && (stat(base, &st) < 0 || !S_ISDIR(st.st_mode)))
		return 0;
	/* the same folder twice would declare every set in it twice */
	if (strcmp(c->criteria_path, base) == 0 ||
	    (stat(base, &st) == 0 && stat(c->criteria_path, &mine) == 0 &&
	     st.st_dev == mine.st_dev && st.st_ino == mine.st_ino))
		return 0;
	n = strlen(c->criteria_path) + strlen(base) + 2;
	if (!(c->criteria_owned = malloc(n)))
		return err_set(&c->err, "%s", _("out of memory"));
	snprintf(c->criteria_owned, n, "%s:%s", c->criteria_path, base);
	c->criteria_path = c->criteria_owned;
	return 0;
}

/* Takes the global options out of argv wherever they stand; each may be
 * given once. */
static int globals(struct ctx *c, int *argc, char **argv)
{
	static const char *const names[] = { "--db", "--criteria", "--scenario", "--as-of", "--lang" };
	const char *as_of = NULL, *lang = NULL, *given[5] = { NULL, NULL, NULL, NULL, NULL };
	const char **dst[5];
	int i, j = 1, k, last;

	dst[0] = &c->db_path;
	dst[1] = &c->criteria_path;
	dst[2] = &c->scenario_name;
	dst[3] = &as_of;
	dst[4] = &lang;
	i18n_init(NULL);   /* the environment's language until --lang is read */
	for (i = 1; i < *argc; i++) {
		const char *a = argv[i], *val = NULL;
		size_t n = 0;

		if (strcmp(a, "--") == 0) {
			while (i < *argc)
				argv[j++] = argv[i++];
			break;
		}
		if (strcmp(a, "--strict") == 0) {   /* a flag: judge drafts as unset */
			c->strict = 1;
			continue;
		}
		for (k = 0; k < 5; k++) {
			n = strlen(names[k]);
			if (strncmp(a, names[k], n) == 0 && (a[n] == '\0' || a[n] == '='))
				break;
		}
		if (k == 5) {
			argv[j++] = argv[i];
			continue;
		}
		if (a[n] == '=')
			val = a + n + 1;
		else if (i + 1 < *argc)
			val = argv[++i];
		if (!val || !*val) {
			err_set(&c->err, _("option '%s' needs a value"), a);
			return -1;
		}
		if (given[k]) {
			err_set(&c->err, _("option '%s' is given twice ('%s', then '%s'); give it once"),
			        names[k], given[k], val);
			return -1;
		}
		given[k] = *dst[k] = val;
	}
	*argc = j;
	argv[j] = NULL;
	if (given[0])
		c->db_given = 1;
	if (given[1] && criteria_path(c) < 0)
		return -1;
	if (lang && i18n_init(lang) < 0) {   /* said in the language of the environment */
		err_set(&c->err, _("--lang '%s' is not vi or en"), lang);
		return -1;
	}
	if (as_of && (opt_years(as_of, &c->as_of, &last) < 0 || last != c->as_of)) {
		err_set(&c->err, _("--as-of '%s' is not a year (e.g. 2023)"), as_of);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const struct command *k;
	struct ctx c;
	int rc = 2;

	ctx_init(&c);
	if (globals(&c, &argc, argv) < 0)
		goto done;
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		if (argc >= 3 && strcmp(argv[1], "help") == 0) {
			char *hargv[] = { argv[2], "--help", NULL };

			for (k = commands; k->name; k++)
				if (strcmp(k->name, argv[2]) == 0) {
					rc = k->fn(&c, 2, hargv);
					goto done;
				}
		}
		usage(argc < 2 ? stderr : stdout);
		rc = argc < 2 ? 2 : 0;
		goto done;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
		printf("ntm %s\n", NTM_VERSION);
		rc = 0;
		goto done;
	}
	for (k = commands; k->name; k++) {
		if (strcmp(k->name, argv[1]) == 0) {
			rc = k->fn(&c, argc - 1, argv + 1);
			goto done;
		}
	}
	{
		struct suggest sg;

		err_set(&c.err, _("'%s' is not an ntm command"), argv[1]);
		suggest_init(&sg, argv[1]);
		for (k = commands; k->name; k++)
			suggest_add(&sg, k->name);
		suggest_append(&sg, &c.err);
		err_append(&c.err, "%s", _(" (see 'ntm --help')"));
	}
done:
	fflush(stdout);
	if (c.err.set && rc != 0)
		fprintf(stderr, "ntm: %s\n", c.err.msg);
	ctx_free(&c);
	return rc;
}
