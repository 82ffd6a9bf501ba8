/* cmd_scenario.c - `ntm scenario create|list|show|delete|set`: what-if
 * scenarios over the base data (scenario.h). */
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "i18n.h"
#include "import.h"
#include "report.h"
#include "scenario.h"
#include "utf8.h"

static const char usage[] =
	"usage: ntm scenario create NAME [--base OTHER] [--note TEXT]\n"
	"       ntm scenario list\n"
	"       ntm scenario show NAME [--all]\n"
	"       ntm scenario delete NAME\n"
	"       ntm scenario set NAME --unit U --var V --year Y (--value X | --add X) [--note TEXT]\n\n"
	"A scenario is a named set of changes over the base data: figures set or\n"
	"added, funding, and projects that move figures (a road project adds km of\n"
	"hardened road). It may be built on another scenario (--base). The base\n"
	"data is never modified: `ntm eval SET --scenario NAME` evaluates as if the\n"
	"changes were real, `ntm diff --scenario NAME` compares. Scripts (`ntm run`)\n"
	"and `ntm allocate --save NAME` write scenarios too.\n"
	"show counts the figures a scenario carries over (set to the unit's figure\n"
	"of the year before: \"1,609 carried from 2023 into 2024\") and lists the\n"
	"other changes; --all lists every figure.\n";

/* Pads s to w display columns (names may be Vietnamese). */

/* n with thousands separated by commas: 1,609. */
static void count_text(char *buf, size_t cap, long n)
{
	char raw[32];
	size_t len, i, o = 0;

	snprintf(raw, sizeof raw, "%ld", n);
	len = strlen(raw);
	for (i = 0; i < len && o + 2 < cap; i++) {
		if (i && (len - i) % 3 == 0 && raw[i - 1] != '-')
			buf[o++] = ',';
		buf[o++] = raw[i];
	}
	buf[o] = '\0';
}

static int list(struct ctx *c)
{
	sqlite3_stmt *st;
	int n = 0;

	if (store_prepare(c->db, &st, "SELECT s.name, coalesce(b.name, ''), s.created, s.note, "
	                  "(SELECT count(*) FROM scenario_figure f WHERE f.scenario_id = s.id), "
	                  "(SELECT count(*) FROM scenario_project p WHERE p.scenario_id = s.id), "
	                  "(SELECT count(*) FROM scenario_funding g WHERE g.scenario_id = s.id) "
	                  "FROM scenario s LEFT JOIN scenario b ON b.id = s.base_id ORDER BY s.name",
	                  &c->err) < 0)
		return 1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n++ == 0)
			printf("%-28s %-20s %-19s %7s %8s %7s  note\n", "scenario", "built on", "created",
			       "figures", "projects", "funding");
		utf8_pad(stdout, (const char *)sqlite3_column_text(st, 0), 28);
		putchar(' ');
		utf8_pad(stdout, *sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1) : "(base data)", 20);
		printf(" %-19s %7d %8d %7d  %s\n", sqlite3_column_text(st, 2), sqlite3_column_int(st, 4),
		       sqlite3_column_int(st, 5), sqlite3_column_int(st, 6), sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
	if (n == 0)
		printf("no scenarios (create one with `ntm scenario create NAME`)\n");
	return 0;
}

/* A figure set to what the unit had the year before (any period of it) is
 * carried: a baseline that repeats last year's figures. show counts these
 * per pair of years instead of listing each; they are column 6. */
#define CARRIED "(f.op = 'set' AND EXISTS (SELECT 1 FROM observation o WHERE " \
	"o.unit_id = f.unit_id AND o.variable_id = f.variable_id AND o.year = f.year - 1 " \
	"AND abs(o.value - f.value) <= 1e-9 * max(1, abs(f.value))))"

/* " (from NAME, a base scenario)" for scenario id, in buf. */
static int base_name(struct ctx *c, int64_t id, char *buf, size_t cap)
{
	sqlite3_stmt *st;

	if (store_prepare(c->db, &st, "SELECT name FROM scenario WHERE id = ?1", &c->err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, cap, " (from %s, a base scenario)", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return 0;
}

/* "1,609 carried from 2023 into 2024, in 22 units": the carried figures of
 * scenario id, summed per year, under a header saying from where. Returns
 * how many, or -1 with c->err. */
static long carried(struct ctx *c, int64_t id, const char *from)
{
	sqlite3_stmt *st;
	long total = 0;
	char n[32];

	if (store_prepare(c->db, &st, "SELECT f.year, count(*), count(DISTINCT f.unit_id) "
	                  "FROM scenario_figure f WHERE f.scenario_id = ?1 AND " CARRIED
	                  " GROUP BY f.year ORDER BY f.year", &c->err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int y = sqlite3_column_int(st, 0), units = sqlite3_column_int(st, 2);

		if (total == 0)
			printf("\nfigures%s:\n", from);
		count_text(n, sizeof n, sqlite3_column_int64(st, 1));
		printf("  %s carried from %d into %d (the year before's figure set again), in %d unit%s\n",
		       n, y - 1, y, units, units == 1 ? "" : "s");
		total += sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return total;
}

static int show(struct ctx *c, const char *name, int all)
{
	static const char *const q[4] = {
		"SELECT u.name, v.name, f.year, f.op, f.value, f.note FROM scenario_figure f "
		"JOIN unit u ON u.id = f.unit_id JOIN variable v ON v.id = f.variable_id "
		"WHERE f.scenario_id = ?1 ORDER BY f.seq",
		"SELECT u.name, p.name, p.year, p.quarter, p.work, coalesce(v.name, ''), p.quantity, "
		"p.cost, p.note FROM scenario_project p JOIN unit u ON u.id = p.unit_id "
		"LEFT JOIN variable v ON v.id = p.variable_id WHERE p.scenario_id = ?1 ORDER BY p.id",
		"SELECT u.name, g.year, g.fund, g.allocated, g.disbursed, g.note FROM scenario_funding g "
		"JOIN unit u ON u.id = g.unit_id WHERE g.scenario_id = ?1 ORDER BY g.year, u.name",
		/* the figures but those carried */
		"SELECT u.name, v.name, f.year, f.op, f.value, f.note FROM scenario_figure f "
		"JOIN unit u ON u.id = f.unit_id JOIN variable v ON v.id = f.variable_id "
		"WHERE f.scenario_id = ?1 AND NOT " CARRIED " ORDER BY f.seq",
	};
	struct scenario s;
	int i, k;
	long nc = 0;
	char from[300];

	if (scenario_open(c->db, name, &s, &c->err) < 0)
		return 1;
	printf("scenario %s", name);
	if (s.n > 1)
		printf(" (built on %d other%s, applied first)", s.n - 1, s.n > 2 ? "s" : "");
	printf("\n");
	for (i = 0; i < s.n; i++) {
		from[0] = '\0';
		if (i < s.n - 1 && base_name(c, s.chain[i], from, sizeof from) < 0) {
			scenario_close(&s);
			return 1;
		}
		/* carried figures in a line, unless --all lists them */
		if (!all && (nc = carried(c, s.chain[i], from)) < 0) {
			scenario_close(&s);
			return 1;
		}
		for (k = 0; k < 3; k++) {
			sqlite3_stmt *st;
			int n = k == 0 && nc > 0;

			if (store_prepare(c->db, &st, k == 0 && !all ? q[3] : q[k == 0 ? 0 : k], &c->err) < 0) {
				scenario_close(&s);
				return 1;
			}
			sqlite3_bind_int64(st, 1, s.chain[i]);
			while (sqlite3_step(st) == SQLITE_ROW) {
				char a[32], b[32];

				if (n++ == 0)
					printf("\n%s%s:\n", k == 0 ? "figures" : k == 1 ? "projects" : "funding", from);
				if (k == 0) {
					report_num(a, sizeof a, sqlite3_column_double(st, 4));
					printf("  %s %d: %s %s %s%s%s\n", sqlite3_column_text(st, 0),
					       sqlite3_column_int(st, 2), sqlite3_column_text(st, 1),
					       strcmp((const char *)sqlite3_column_text(st, 3), "add") == 0 ? "+=" : "=",
					       a, *sqlite3_column_text(st, 5) ? "  — " : "",
					       sqlite3_column_text(st, 5));
				} else if (k == 1) {
					report_num(a, sizeof a, sqlite3_column_double(st, 6));
					report_num(b, sizeof b, sqlite3_column_double(st, 7));
					printf("  %s %d%s%.0d: %s", sqlite3_column_text(st, 0),
					       sqlite3_column_int(st, 2), sqlite3_column_int(st, 3) ? "Q" : "",
					       sqlite3_column_int(st, 3), sqlite3_column_text(st, 1));
					if (*sqlite3_column_text(st, 5))
						printf(" (%s += %s)", sqlite3_column_text(st, 5), a);
					if (sqlite3_column_type(st, 7) != SQLITE_NULL)
						printf(", %s million VND", b);
					putchar('\n');
				} else {
					report_num(a, sizeof a, sqlite3_column_double(st, 3));
					report_num(b, sizeof b, sqlite3_column_double(st, 4));
					printf("  %s %d %s: allocated %s, disbursed %s million VND\n",
					       sqlite3_column_text(st, 0), sqlite3_column_int(st, 1),
					       sqlite3_column_text(st, 2), a, b);
				}
			}
			sqlite3_finalize(st);
		}
	}
	scenario_close(&s);
	return 0;
}

static int set_figure(struct ctx *c, const char *name, struct opt *opts)
{
	const char *unit = opt_get(opts, "unit"), *var = opt_get(opts, "var");
	const char *year = opt_get(opts, "year"), *val = opt_get(opts, "value");
	const char *add = opt_get(opts, "add");
	struct scenario s;
	int u, y, rc;
	int64_t vi;
	double x;

	if (!unit || !var || !year || !val == !add) {
		err_set(&c->err, "%s", _("scenario set: give --unit, --var, --year and one of --value, --add"));
		return 2;
	}
	/* the text as the importer reads it; the value's range is checked by
	 * scenario_put_figure, as for every other way a figure enters */
	if (import_text_year(year, &y, "scenario set: --year ", &c->err) < 0)
		return 2;
	if (ctx_units(c) < 0 || ctx_vars(c) < 0 || (u = ctx_find_unit(c, unit)) < 0)
		return 1;
	if (!map_get(&c->vars.by_name, var, &vi)) {
		err_set(&c->err, _("scenario set: unknown variable '%s' (`ntm variables` lists them)"), var);
		return 1;
	}
	rc = val ? import_text_figure(c->vars.v[vi].uom, val, &x, "scenario set: --value ", &c->err) :
	     import_text_number(add, &x, "scenario set: --add ", &c->err);
	if (rc < 0)
		return 2;
	if (scenario_open(c->db, name, &s, &c->err) < 0)
		return 1;
	rc = scenario_put_figure(c->db, s.chain[s.n - 1], c->units.u[u].id, c->vars.v[vi].id, y,
	                         val ? "set" : "add", x, opt_get(opts, "note"), &c->err) < 0;
	if (rc) {
		char msg[NTM_ERR_MAX];

		snprintf(msg, sizeof msg, "%s", c->err.msg);
		err_set(&c->err, _("scenario set: %s"), msg);
	} else {
		printf("scenario %s: %s %d %s %s %s\n", name, c->units.u[u].name, y, var,
		       val ? "=" : "+=", val ? val : add);
	}
	scenario_close(&s);
	return rc;
}

int cmd_scenario(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "base", OPT_ARG, "OTHER", "create: build on another scenario", NULL },
		{ "note", OPT_ARG, "TEXT", "create, set: a note", NULL },
		{ "unit", OPT_ARG, "NAME|CODE", "set: the unit", NULL },
		{ "var", OPT_ARG, "VARIABLE", "set: the variable", NULL },
		{ "year", OPT_ARG, "Y", "set: the year", NULL },
		{ "value", OPT_ARG, "X", "set: the figure becomes X", NULL },
		{ "add", OPT_ARG, "X", "set: X is added to the figure", NULL },
		{ "all", OPT_FLAG, NULL, "show: list every figure, the carried ones too", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	const char *verb;
	int npos, done, rc;
	int64_t id;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, usage, &done)) || done)
		return rc;
	verb = npos >= 1 ? argv[1] : "";
	if (strcmp(verb, "list") != 0 && npos != 2) {
		err_set(&c->err, "%s", _("scenario: give create, show, delete or set with a NAME, or list "
		        "(see ntm scenario --help)"));
		return 2;
	}
	if (ctx_db(c) < 0)
		return 1;
	if ((strcmp(verb, "set") == 0 || strcmp(verb, "create") == 0 || strcmp(verb, "delete") == 0) &&
	    store_writable(c->db, c->db_path, "change scenarios", &c->err) < 0)
		return 1;
	if (strcmp(verb, "list") == 0)
		return list(c);
	if (strcmp(verb, "show") == 0)
		return show(c, argv[2], opt_get(opts, "all") != NULL);
	if (strcmp(verb, "set") == 0)
		return set_figure(c, argv[2], opts);
	if (strcmp(verb, "create") == 0) {
		if (scenario_create(c->db, argv[2], opt_get(opts, "base"), opt_get(opts, "note"), &id,
		                    &c->err) < 0)
			return 1;
		printf("created scenario %s%s%s\n", argv[2], opt_get(opts, "base") ? " on " : "",
		       opt_get(opts, "base") ? opt_get(opts, "base") : "");
		return 0;
	}
	if (strcmp(verb, "delete") == 0) {
		if (scenario_delete(c->db, argv[2], &c->err) < 0)
			return 1;
		printf("deleted scenario %s\n", argv[2]);
		return 0;
	}
	err_set(&c->err, _("scenario: unknown action '%s' (create, list, show, delete, set)"), verb);
	return 2;
}
