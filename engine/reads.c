/* reads.c - the store reads behind ntm report's tables (reads.h). Each
 * statement is prepared once, stepped, and finalized on every path; values
 * only through sqlite3_bind_*. Calls store_prepare (store.h). */
#include "reads.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

/* The unit and every unit below it: "unit_id IN sub" in what follows.
 * UNION, not UNION ALL, so that parents looping in a foreign file end. */
#define SUBTREE "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION " \
                "SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id) "

static double col_num(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

static char *col_dup(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return strdup(s ? s : "");
}

static void col_copy(sqlite3_stmt *st, int i, char *buf, size_t cap)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	snprintf(buf, cap, "%s", s ? s : "");
}

/* Makes room for one more item of size sz in *v holding n of cap. */
static int grow(void **v, int *cap, int n, size_t sz)
{
	void *nv;
	int nc;

	if (n < *cap)
		return 0;
	nc = *cap ? 2 * *cap : 32;
	if (!(nv = realloc(*v, (size_t)nc * sz)))
		return -1;
	*v = nv;
	*cap = nc;
	return 0;
}

/* The end of a read: the step's verdict, the statement finalized. */
static int finish(sqlite3 *db, sqlite3_stmt *st, int rc, struct ntm_err *err)
{
	if (rc != SQLITE_DONE && rc != SQLITE_ROW && !err->set)
		err_set(err, "database: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int reads_funding(sqlite3 *db, int64_t unit_id, int y0, int y1, struct reads_funding **out,
                  int *n, struct ntm_err *err)
{
	sqlite3_stmt *st;
	int cap = 0, rc;

	*out = NULL;
	*n = 0;
	if (store_prepare(db, &st, SUBTREE
	                  "SELECT year, fund, kind,"
	                  " sum(CASE WHEN measure = 'mVND' THEN allocated END),"
	                  " sum(CASE WHEN measure = 'mVND' THEN disbursed END),"
	                  " sum(CASE WHEN measure = 'mVND' AND disbursed IS NOT NULL THEN allocated END),"
	                  " sum(CASE WHEN measure = 'tonnes' THEN allocated END),"
	                  " sum(CASE WHEN measure = 'tonnes' THEN disbursed END),"
	                  " sum(CASE WHEN measure = 'tonnes' AND disbursed IS NOT NULL THEN allocated END) "
	                  "FROM funding WHERE unit_id IN sub AND year BETWEEN ?2 AND ?3 "
	                  "GROUP BY year, fund, kind ORDER BY year, "
	                  " CASE fund WHEN 'central' THEN 0 WHEN 'province' THEN 1 WHEN 'district' THEN 2"
	                  "  WHEN 'commune' THEN 3 WHEN 'sponsor' THEN 4 WHEN 'people' THEN 5"
	                  "  WHEN 'credit' THEN 6 ELSE 7 END, fund,"
	                  " CASE kind WHEN 'investment' THEN 0 WHEN 'recurrent' THEN 1 ELSE 2 END, kind",
	                  err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, unit_id);
	sqlite3_bind_int(st, 2, y0);
	sqlite3_bind_int(st, 3, y1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct reads_funding *f;

		if (grow((void **)out, &cap, *n, sizeof **out) < 0) {
			err_set(err, "out of memory");
			break;
		}
		f = &(*out)[(*n)++];
		f->year = sqlite3_column_int(st, 0);
		col_copy(st, 1, f->fund, sizeof f->fund);
		col_copy(st, 2, f->kind, sizeof f->kind);
		f->alloc_mvnd = col_num(st, 3);
		f->disb_mvnd = col_num(st, 4);
		f->rep_mvnd = col_num(st, 5);
		f->alloc_t = col_num(st, 6);
		f->disb_t = col_num(st, 7);
		f->rep_t = col_num(st, 8);
	}
	if (finish(db, st, rc, err) < 0) {
		free(*out);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void reads_projects_free(struct reads_project *p, int n)
{
	int i;

	for (i = 0; p && i < n; i++) {
		free(p[i].name);
		free(p[i].category);
		free(p[i].status);
		free(p[i].unit_name);
	}
	free(p);
}

int reads_projects(sqlite3 *db, int64_t unit_id, int y0, int y1, struct reads_project **out,
                   int *n, struct ntm_err *err)
{
	sqlite3_stmt *st;
	int cap = 0, rc;

	*out = NULL;
	*n = 0;
	if (store_prepare(db, &st, SUBTREE
	                  "SELECT p.year, p.quarter, p.name, p.category, p.status, p.cost, u.name "
	                  "FROM project p JOIN unit u ON u.id = p.unit_id "
	                  "WHERE p.unit_id IN sub AND p.year BETWEEN ?2 AND ?3 "
	                  "ORDER BY p.year, p.quarter, "
	                  " coalesce(nullif(instr(',road,canal,irrigation,electricity,school,culture,market,ict,"
	                  "housing,water,environment,health,admin,production,other,', ',' || p.category || ','), 0),"
	                  " 1000), p.category, "
	                  " CASE p.status WHEN 'done' THEN 0 WHEN 'underway' THEN 1 ELSE 2 END, "
	                  " p.name COLLATE vi, p.id", err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, unit_id);
	sqlite3_bind_int(st, 2, y0);
	sqlite3_bind_int(st, 3, y1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct reads_project *p;

		if (grow((void **)out, &cap, *n, sizeof **out) < 0) {
			err_set(err, "out of memory");
			break;
		}
		p = &(*out)[(*n)++];
		p->year = sqlite3_column_int(st, 0);
		p->quarter = sqlite3_column_int(st, 1);
		p->name = col_dup(st, 2);
		p->category = col_dup(st, 3);
		p->status = col_dup(st, 4);
		p->cost = col_num(st, 5);
		p->unit_name = col_dup(st, 6);
		if (!p->name || !p->category || !p->status || !p->unit_name) {
			err_set(err, "out of memory");
			break;
		}
	}
	if (finish(db, st, rc, err) < 0) {
		reads_projects_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

void reads_recogs_free(struct reads_recog *r, int n)
{
	int i;

	for (i = 0; r && i < n; i++) {
		free(r[i].title);
		free(r[i].decision);
	}
	free(r);
}

int reads_recognitions(sqlite3 *db, int64_t unit_id, int year_max, struct reads_recog **out,
                       int *n, struct ntm_err *err)
{
	sqlite3_stmt *st;
	int cap = 0, rc;

	*out = NULL;
	*n = 0;
	if (store_prepare(db, &st, SUBTREE
	                  "SELECT unit_id, year, title, decision FROM recognition "
	                  "WHERE unit_id IN sub AND year <= ?2 ORDER BY unit_id, year, title", err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, unit_id);
	sqlite3_bind_int(st, 2, year_max);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct reads_recog *r;

		if (grow((void **)out, &cap, *n, sizeof **out) < 0) {
			err_set(err, "out of memory");
			break;
		}
		r = &(*out)[(*n)++];
		r->unit_id = sqlite3_column_int64(st, 0);
		r->year = sqlite3_column_int(st, 1);
		r->title = col_dup(st, 2);
		r->decision = col_dup(st, 3);
		if (!r->title || !r->decision) {
			err_set(err, "out of memory");
			break;
		}
	}
	if (finish(db, st, rc, err) < 0) {
		reads_recogs_free(*out, *n);
		*out = NULL;
		*n = 0;
		return -1;
	}
	return 0;
}

int reads_data_years(sqlite3 *db, int64_t unit_id, int lo, int hi, int *first, int *last,
                     struct ntm_err *err)
{
	sqlite3_stmt *st;
	int rc, found = 0;

	if (store_prepare(db, &st, SUBTREE
	                  "SELECT min(year), max(year) FROM observation "
	                  "WHERE unit_id IN sub AND year BETWEEN ?2 AND ?3", err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, unit_id);
	sqlite3_bind_int(st, 2, lo);
	sqlite3_bind_int(st, 3, hi);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) != SQLITE_NULL) {
			*first = sqlite3_column_int(st, 0);
			*last = sqlite3_column_int(st, 1);
			found = 1;
		}
		rc = SQLITE_DONE;
	}
	if (finish(db, st, rc, err) < 0)
		return -1;
	return found;
}

int reads_source_open(struct reads_source *s, sqlite3 *db, struct ntm_err *err)
{
	s->text = NULL;
	return store_prepare(db, &s->st, "SELECT s.text, o.value FROM observation o "
	                     "JOIN variable v ON v.id = o.variable_id JOIN source s ON s.id = o.source_id "
	                     "WHERE o.unit_id = ?1 AND v.name = ?2 AND o.year = ?3 AND o.quarter = ?4",
	                     err);
}

const char *reads_source_of(struct reads_source *s, int64_t unit_id, const char *var, int year,
                            int quarter, double *value)
{
	free(s->text);
	s->text = NULL;
	*value = NAN;
	sqlite3_bind_int64(s->st, 1, unit_id);
	sqlite3_bind_text(s->st, 2, var, -1, SQLITE_STATIC);
	sqlite3_bind_int(s->st, 3, year);
	sqlite3_bind_int(s->st, 4, quarter);
	if (sqlite3_step(s->st) == SQLITE_ROW && sqlite3_column_text(s->st, 0)) {
		s->text = strdup((const char *)sqlite3_column_text(s->st, 0));
		*value = col_num(s->st, 1);
	}
	sqlite3_reset(s->st);
	sqlite3_clear_bindings(s->st);
	return s->text;
}

void reads_source_close(struct reads_source *s)
{
	sqlite3_finalize(s->st);
	s->st = NULL;
	free(s->text);
	s->text = NULL;
}
