/* cmd_sql.c - `ntm sql QUERY`: one read-only SQL statement over the
 * database, through ntm's connection, so the views that read packed results
 * (result_view, run_unit_view) and the Vietnamese collation work as they do
 * inside ntm. Calls store.h and csv.h; writes nothing. */
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "csv.h"
#include "i18n.h"

static const char usage[] =
	"usage: ntm sql QUERY [--format list|csv]\n\n"
	"Runs one read-only SQL statement (SELECT, WITH, read-only PRAGMA) over the\n"
	"database and prints its rows: columns separated by '|' (list, as the sqlite3\n"
	"shell does), or csv with a header. Stored results are packed; their views\n"
	"(result_view: one row per indicator; run_unit_view: one per unit and year)\n"
	"unpack them through functions only ntm's connection has, so query them here:\n\n"
	"  ntm sql \"SELECT unit_name, indicator, value, threshold FROM result_view\n"
	"           WHERE run_id = 1 AND status = 'unmet'\"\n\n"
	"Names compare in Vietnamese order with COLLATE vi. A statement that would\n"
	"write is refused.\n";

int cmd_sql(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "format", OPT_ARG, "FMT", "list (default) or csv", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	sqlite3_stmt *st = NULL;
	const char *fmt, *tail = NULL;
	int npos, done, rc, csv, i, n, step;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, usage, &done)) || done)
		return rc;
	if (npos != 1) {
		err_set(&c->err, "%s", _("sql: give one query in quotes (usage: ntm sql \"SELECT ...\")"));
		return 2;
	}
	fmt = opt_get(opts, "format");
	if (fmt && strcmp(fmt, "csv") != 0 && strcmp(fmt, "list") != 0) {
		err_set(&c->err, _("sql: --format '%s' is not list or csv"), fmt);
		return 2;
	}
	csv = fmt && strcmp(fmt, "csv") == 0;
	if (ctx_db(c) < 0)
		return 1;
	if (sqlite3_prepare_v2(c->db, argv[1], -1, &st, &tail) != SQLITE_OK) {
		err_set(&c->err, "sql: %s", sqlite3_errmsg(c->db));
		return 1;
	}
	if (!st) {
		err_set(&c->err, "%s", _("sql: the query is empty"));
		return 2;
	}
	for (; tail && *tail && strchr(" \t\r\n;", *tail); tail++)
		;
	if (tail && *tail) {
		sqlite3_finalize(st);
		err_set(&c->err, _("sql: give one statement (found more after the first: '%.40s')"), tail);
		return 2;
	}
	if (!sqlite3_stmt_readonly(st)) {
		sqlite3_finalize(st);
		err_set(&c->err, "%s", _("sql: the statement would change the database; ntm sql only reads "
		        "(use ntm import and ntm scenario to change data)"));
		return 2;
	}
	n = sqlite3_column_count(st);
	if (csv) {
		for (i = 0; i < n; i++) {
			if (i)
				putchar(',');
			csv_put(stdout, sqlite3_column_name(st, i));
		}
		putchar('\n');
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < n; i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);

			if (i)
				putchar(csv ? ',' : '|');
			if (v && csv)
				csv_put(stdout, v);
			else if (v)
				fputs(v, stdout);
		}
		putchar('\n');
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		err_set(&c->err, "sql: %s", sqlite3_errmsg(c->db));
		return 1;
	}
	return 0;
}
