/* check.c - the rows `ntm check` rules read, the rule files, and the
 * findings they report (check.h). The audit's SQL is all here: the binding
 * (lua_check.c) only calls these functions. Calls sqlite3, libc and i18n
 * (its messages) only. */
#include "check.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"

const char *const check_severity_name[CHK_NSEV] = { "error", "warning", "info" };

int check_severity_parse(const char *s)
{
	int i;

	for (i = 0; i < CHK_NSEV; i++)
		if (strcmp(s, check_severity_name[i]) == 0)
			return i;
	return -1;
}

/* ---- reading the store ------------------------------------------------ */

/* Each query is its kind's columns and table, the filters asked for, then
 * its order. Only the filters given are in the text, so SQLite can use the
 * keys; the values are bound (?1 unit, ?2 variable, ?3 year, ?4 quarter,
 * ?5 title, ?6 root). With a root, the units of its subtree drive the join
 * (CROSS JOIN keeps them outside), so a read costs what the subtree holds,
 * not the whole table. */
static const struct {
	const char *cols, *table, *unit, *var, *year, *quarter, *title, *order;
} sql[] = {
	[CHK_FIGURES] = {
		"x.unit_id, x.year, x.quarter, x.variable_id, x.value, s.text", "observation",
		" AND x.unit_id = ?1", " AND x.variable_id = ?2", " AND x.year = ?3",
		" AND x.quarter = ?4", NULL,
		" ORDER BY x.unit_id, x.variable_id, x.year, x.quarter" },
	[CHK_FUNDING] = {
		"x.unit_id, x.year, x.fund, x.kind, x.allocated, x.disbursed, x.measure, s.text", "funding",
		" AND x.unit_id = ?1", NULL, " AND x.year = ?3", NULL, NULL,
		" ORDER BY x.year, x.id" },
	[CHK_PROJECTS] = {
		"x.unit_id, x.year, x.quarter, x.name, x.category, x.cost, x.status, s.text", "project",
		" AND x.unit_id = ?1", NULL, " AND x.year = ?3", NULL, NULL,
		" ORDER BY x.year, x.quarter, x.id" },
	[CHK_RECOGNITIONS] = {
		"x.unit_id, x.year, x.title, x.decision, s.text", "recognition",
		" AND x.unit_id = ?1", NULL, " AND x.year = ?3", NULL, " AND x.title = ?5",
		" ORDER BY x.year, x.id" },
};

int check_open(sqlite3 *db, const struct check_query *q, struct check_cursor *cur,
               struct ntm_err *err)
{
	char text[1024];
	size_t n;

	cur->st = NULL;
	cur->what = q->what;
	if (q->what < CHK_FIGURES || q->what > CHK_RECOGNITIONS)
		return err_set(err, _("check: unknown kind of row %d"), q->what);
	if (q->root_id > 0)
		n = (size_t)snprintf(text, sizeof text, "WITH RECURSIVE sub(id) AS (SELECT ?6 UNION ALL "
		                     "SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id) "
		                     "SELECT %s FROM sub CROSS JOIN %s x ON x.unit_id = sub.id "
		                     "JOIN source s ON s.id = x.source_id WHERE 1",
		                     sql[q->what].cols, sql[q->what].table);
	else
		n = (size_t)snprintf(text, sizeof text, "SELECT %s FROM %s x "
		                     "JOIN source s ON s.id = x.source_id WHERE 1",
		                     sql[q->what].cols, sql[q->what].table);
#define ADD(cond, frag) \
	if ((cond) && (frag)) n += (size_t)snprintf(text + n, sizeof text - n, "%s", (frag))
	ADD(q->unit_id > 0, sql[q->what].unit);
	ADD(q->variable_id > 0, sql[q->what].var);
	ADD(q->year != 0, sql[q->what].year);
	ADD(q->quarter >= 0, sql[q->what].quarter);
	ADD(q->title != NULL, sql[q->what].title);
	ADD(1, sql[q->what].order);
#undef ADD
	if (sqlite3_prepare_v2(db, text, -1, &cur->st, NULL) != SQLITE_OK) {
		err_set(err, _("database: %s"), sqlite3_errmsg(db));
		check_close(cur);
		return -1;
	}
	/* a parameter the text does not hold is ignored by bind (SQLITE_RANGE) */
	sqlite3_bind_int64(cur->st, 1, q->unit_id);
	sqlite3_bind_int64(cur->st, 2, q->variable_id);
	sqlite3_bind_int(cur->st, 3, q->year);
	sqlite3_bind_int(cur->st, 4, q->quarter);
	if (q->title)
		sqlite3_bind_text(cur->st, 5, q->title, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(cur->st, 6, q->root_id);
	return 0;
}

static double real_or_nan(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

/* Column i as text, "" for NULL (a database another program wrote). */
static const char *text_col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? s : "";
}

int check_next(struct check_cursor *cur, struct check_row *r, struct ntm_err *err)
{
	sqlite3_stmt *st = cur->st;
	int rc;

	if (!st)
		return 0;
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc != SQLITE_ROW)
		return err_set(err, _("database: %s"), sqlite3_errmsg(sqlite3_db_handle(st)));
	memset(r, 0, sizeof *r);
	r->value = r->allocated = r->disbursed = r->cost = NAN;
	r->fund = r->kind = r->measure = r->name = r->category = r->status = "";
	r->title = r->decision = "";
	r->unit_id = sqlite3_column_int64(st, 0);
	r->year = sqlite3_column_int(st, 1);
	switch (cur->what) {
	case CHK_FIGURES:
		r->quarter = sqlite3_column_int(st, 2);
		r->variable_id = sqlite3_column_int64(st, 3);
		r->value = sqlite3_column_double(st, 4);
		r->source = text_col(st, 5);
		break;
	case CHK_FUNDING:
		r->fund = text_col(st, 2);
		r->kind = text_col(st, 3);
		r->allocated = real_or_nan(st, 4);
		r->disbursed = real_or_nan(st, 5);
		r->measure = text_col(st, 6);
		r->source = text_col(st, 7);
		break;
	case CHK_PROJECTS:
		r->quarter = sqlite3_column_int(st, 2);
		r->name = text_col(st, 3);
		r->category = text_col(st, 4);
		r->cost = real_or_nan(st, 5);
		r->status = text_col(st, 6);
		r->source = text_col(st, 7);
		break;
	default:
		r->title = text_col(st, 2);
		r->decision = text_col(st, 3);
		r->source = text_col(st, 4);
		break;
	}
	return 1;
}

void check_close(struct check_cursor *cur)
{
	if (cur->st)
		sqlite3_finalize(cur->st);
	cur->st = NULL;
}

/* ---- rule files --------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_file(struct check_files *fs, int *cap, const char *dir, const char *name, int d)
{
	size_t n = strlen(dir) + strlen(name) + 2;
	char *p;

	if (fs->n == *cap) {
		int nc = *cap ? *cap * 2 : 16;
		char **np = realloc(fs->path, (size_t)nc * sizeof *np);
		int *nd;

		if (!np)
			return -1;
		fs->path = np;
		if (!(nd = realloc(fs->dir, (size_t)nc * sizeof *nd)))
			return -1;
		fs->dir = nd;
		*cap = nc;
	}
	if (!(p = malloc(n)))
		return -1;
	snprintf(p, n, "%s/%s", dir, name);
	fs->path[fs->n] = p;
	fs->dir[fs->n++] = d;
	return 0;
}

int check_rule_files(const char *path, struct check_files *fs, struct ntm_err *err)
{
	char *dirs, *dir, *save = NULL;
	int cap = 0, d = 0, first;

	memset(fs, 0, sizeof *fs);
	if (!(dirs = strdup(path)))
		return err_set(err, "%s", _("out of memory"));
	for (dir = strtok_r(dirs, ":", &save); dir; dir = strtok_r(NULL, ":", &save), d++) {
		DIR *dp = opendir(dir);
		struct dirent *de;

		if (!dp) {
			err_set(err, _("rules folder '%s' cannot be read: %s (give --rules DIR or set "
			        "NTM_CHECKS)"), dir, strerror(errno));
			goto fail;
		}
		first = fs->n;
		while ((de = readdir(dp))) {
			size_t n = strlen(de->d_name);
			struct stat sb;
			char full[4096];

			if (de->d_name[0] == '.' || n < 5 || strcmp(de->d_name + n - 4, ".lua") != 0)
				continue;
			/* a folder or a FIFO named x.lua is no rule (the sandbox refuses
			 * it too, but saying nothing of it is kinder than failing) */
			snprintf(full, sizeof full, "%s/%s", dir, de->d_name);
			if (stat(full, &sb) < 0 || !S_ISREG(sb.st_mode))
				continue;
			if (add_file(fs, &cap, dir, de->d_name, d) < 0) {
				closedir(dp);
				err_set(err, "%s", _("out of memory"));
				goto fail;
			}
		}
		closedir(dp);
		if (fs->n - first > 1)
			qsort(fs->path + first, (size_t)(fs->n - first), sizeof *fs->path, cmp_str);
	}
	free(dirs);
	return 0;
fail:
	free(dirs);
	check_files_free(fs);
	return -1;
}

void check_files_free(struct check_files *fs)
{
	int i;

	for (i = 0; i < fs->n; i++)
		free(fs->path[i]);
	free(fs->path);
	free(fs->dir);
	memset(fs, 0, sizeof *fs);
}

/* ---- findings ----------------------------------------------------------- */

/* A copy of s, at most CHECK_MAX_TEXT bytes (cut before a UTF-8
 * continuation byte, "..." after), control characters as '?'. NULL stays
 * NULL; *oom set when malloc fails. */
static char *text_copy(const char *s, int *oom)
{
	size_t n, i;
	char *p;

	if (!s)
		return NULL;
	n = strlen(s);
	if (n > CHECK_MAX_TEXT) {
		n = CHECK_MAX_TEXT;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	if (!(p = malloc(n + 4))) {
		*oom = 1;
		return NULL;
	}
	for (i = 0; i < n; i++)
		p[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i];
	strcpy(p + n, n < strlen(s) ? "..." : "");
	return p;
}

static void finding_free(struct check_finding *f)
{
	int i;

	for (i = 0; i < f->nfig; i++) {
		free(f->fig[i].what);
		free(f->fig[i].source);
	}
	free(f->fig);
	free(f->rule);
	free(f->title);
	free(f->message);
}

int check_add(struct check_findings *fs, const struct check_finding *x, struct ntm_err *err)
{
	struct check_finding f;
	int oom = 0, i;

	if (fs->n >= CHECK_MAX_FINDINGS)
		return err_set(err, _("more than %d findings: narrow the rule, or check fewer units "
		               "(--unit, --years)"), CHECK_MAX_FINDINGS);
	if (fs->n == fs->cap) {
		size_t nc = fs->cap ? fs->cap * 2 : 64;
		struct check_finding *nf = realloc(fs->f, nc * sizeof *nf);

		if (!nf)
			return err_set(err, "%s", _("out of memory"));
		fs->f = nf;
		fs->cap = nc;
	}
	memset(&f, 0, sizeof f);
	f.severity = x->severity;
	f.unit = x->unit;
	f.year = x->year;
	f.seq = (long)fs->n;
	f.rule = text_copy(x->rule, &oom);
	f.title = text_copy(x->title, &oom);
	f.message = text_copy(x->message, &oom);
	if (x->nfig > 0 && !oom && !(f.fig = calloc((size_t)x->nfig, sizeof *f.fig)))
		oom = 1;
	for (i = 0; i < x->nfig && !oom; i++) {
		f.nfig = i + 1;
		f.fig[i].what = text_copy(x->fig[i].what, &oom);
		f.fig[i].source = text_copy(x->fig[i].source, &oom);
		f.fig[i].value = x->fig[i].value;
		f.fig[i].has_value = x->fig[i].has_value;
	}
	if (oom) {
		finding_free(&f);
		return err_set(err, "%s", _("out of memory"));
	}
	fs->f[fs->n++] = f;
	fs->count[f.severity]++;
	return 0;
}

static int cmp_finding(const void *a, const void *b)
{
	const struct check_finding *x = a, *y = b;
	int c;

	if (x->severity != y->severity)
		return x->severity - y->severity;
	if (x->unit != y->unit)
		return x->unit < 0 ? 1 : y->unit < 0 ? -1 : x->unit - y->unit;
	if (x->year != y->year)
		return x->year == 0 ? 1 : y->year == 0 ? -1 : x->year - y->year;
	if ((c = strcmp(x->rule, y->rule)) != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void check_sort(struct check_findings *fs)
{
	if (fs->n > 1)
		qsort(fs->f, fs->n, sizeof *fs->f, cmp_finding);
}

void check_findings_free(struct check_findings *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		finding_free(&fs->f[i]);
	free(fs->f);
	memset(fs, 0, sizeof *fs);
}
