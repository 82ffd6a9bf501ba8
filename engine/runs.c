/* runs.c - evaluation runs and results into the store (runs.h).
 * Prepared once, bound and stepped per row; calls store.h helpers and
 * pack.h. A national run (7,600 communes x 5 years x 55 indicators) is
 * some 38,000 short rows plus the thresholds, a few megabytes. */
#include "runs.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pack.h"

struct run_row {
	int64_t unit_id;
	int year, region, status, ncrit;
	size_t at, len;      /* in the arena */
};

static int fail(struct run_writer *w, struct ntm_err *err)
{
	err_set(err, "database: storing the run: %s", sqlite3_errmsg(w->db));
	runs_abort(w);
	return -1;
}

static void bind_num(sqlite3_stmt *st, int i, double v)
{
	if (isnan(v) || isinf(v))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_double(st, i, v);
}

/* The thresholds of every indicator, region judged and year, once. */
static int thresholds(struct run_writer *w, const struct critset *s, int y0, int y1,
                      unsigned regions, struct ntm_err *err)
{
	sqlite3_stmt *st;
	int i, g, y;

	if (store_prepare(w->db, &st, "INSERT INTO run_threshold(run_id, idx, region, year, state, "
	                  "value, low, high) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err) < 0)
		return -1;
	for (i = 0; i < s->nind; i++)
		for (g = -1; g + 1 < CRIT_NPLACE; g++)   /* places: crit.h */
			for (y = y0; y <= y1 && (regions & RUNS_REGION(g)); y++) {
				const struct indicator *d = &s->ind[i];
				struct thr_value tv;

				sqlite3_bind_int64(st, 1, w->run_id);
				sqlite3_bind_int(st, 2, i);
				sqlite3_bind_int(st, 3, g);
				sqlite3_bind_int(st, 4, y);
				if (d->cmp == CMP_MUST) {
					sqlite3_bind_text(st, 5, "must", -1, SQLITE_STATIC);
					sqlite3_bind_int(st, 6, d->must);
					sqlite3_bind_null(st, 7);
					sqlite3_bind_null(st, 8);
				} else {
					crit_thr_bounds(d, s->strict, g, y, &tv);
					sqlite3_bind_text(st, 5, crit_thr_state_name[tv.status], -1, SQLITE_STATIC);
					bind_num(st, 6, tv.status == TS_SET || tv.status == TS_DRAFT ? tv.value : NAN);
					bind_num(st, 7, tv.lo);
					bind_num(st, 8, tv.hi);
				}
				if (sqlite3_step(st) != SQLITE_DONE) {
					sqlite3_finalize(st);
					return err_set(err, "database: storing the run: %s", sqlite3_errmsg(w->db));
				}
				sqlite3_reset(st);
			}
	sqlite3_finalize(st);
	return 0;
}

int runs_begin(struct run_writer *w, sqlite3 *db, const struct critset *s, int year_from,
               int year_to, const char *filter, int64_t used_by, unsigned regions,
               struct ntm_err *err)
{
	sqlite3_stmt *st = NULL;
	int i;

	memset(w, 0, sizeof *w);
	w->db = db;
	w->nind = s->nind;
	w->st = malloc((size_t)s->nind + 1);
	w->val = malloc(((size_t)s->nind + 1) * sizeof *w->val);
	if (!w->st || !w->val) {
		runs_abort(w);
		return err_set(err, "out of memory");
	}
	if (store_exec(db, "BEGIN IMMEDIATE", err) < 0) {
		runs_abort(w);
		return -1;
	}
	w->open = 1;
	if (store_prepare(db, &st, "INSERT INTO run(set_id, set_title, set_decision, set_file, "
	                  "year_from, year_to, unit_filter, used_by) "
	                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err) < 0)
		goto fail;
	sqlite3_bind_text(st, 1, s->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, s->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, s->decision, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, s->file, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, year_from);
	sqlite3_bind_int(st, 6, year_to);
	if (filter)
		sqlite3_bind_text(st, 7, filter, -1, SQLITE_STATIC);
	if (used_by > 0)
		sqlite3_bind_int64(st, 8, used_by);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto dberr;
	sqlite3_finalize(st);
	w->run_id = sqlite3_last_insert_rowid(db);
	if (store_prepare(db, &st, "INSERT INTO run_indicator(run_id, idx, criterion, indicator, "
	                  "name, cite) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err) < 0)
		goto fail;
	for (i = 0; i < s->nind; i++) {
		const struct indicator *d = &s->ind[i];

		sqlite3_bind_int64(st, 1, w->run_id);
		sqlite3_bind_int(st, 2, i);
		sqlite3_bind_text(st, 3, s->crit[d->criterion].id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, d->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, d->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, d->cite, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			goto dberr;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (thresholds(w, s, year_from, year_to, regions, err) < 0)
		goto fail;
	return 0;
dberr:
	sqlite3_finalize(st);
	return fail(w, err);
fail:
	sqlite3_finalize(st);
	runs_abort(w);
	return -1;
}

int runs_add(struct run_writer *w, int64_t unit_id, int year, int region,
             const struct critset *s, const struct ind_result *r, int unit_status,
             int ncrit_met, struct ntm_err *err)
{
	struct run_row *x;
	int i;

	if (w->nrow == w->row_cap) {
		size_t cap = w->row_cap ? 2 * w->row_cap : 1024;
		struct run_row *nr = realloc(w->row, cap * sizeof *nr);

		if (!nr)
			goto oom;
		w->row = nr;
		w->row_cap = cap;
	}
	if (w->used + pack_max(s->nind) > w->arena_cap) {
		size_t cap = (w->used + pack_max(s->nind)) * 2;
		unsigned char *na = realloc(w->arena, cap);

		if (!na)
			goto oom;
		w->arena = na;
		w->arena_cap = cap;
	}
	for (i = 0; i < s->nind; i++) {
		w->st[i] = (unsigned char)(r[i].status | (r[i].div0 ? PACK_DIV0 : 0));
		w->val[i] = r[i].value;
	}
	x = &w->row[w->nrow++];
	x->unit_id = unit_id;
	x->year = year;
	x->region = region;
	x->status = unit_status;
	x->ncrit = ncrit_met;
	x->at = w->used;
	x->len = pack_results(s->nind, w->st, w->val, w->arena + w->used);
	w->used += x->len;
	return 0;
oom:
	runs_abort(w);
	return err_set(err, "out of memory");
}

static int cmp_row(const void *a, const void *b)
{
	const struct run_row *x = a, *y = b;

	if (x->unit_id != y->unit_id)
		return x->unit_id < y->unit_id ? -1 : 1;
	return x->year - y->year;
}

/* The unit-years in key order, so each page of run_result fills. */
static int write_rows(struct run_writer *w, struct ntm_err *err)
{
	sqlite3_stmt *st;
	size_t i;

	qsort(w->row, w->nrow, sizeof *w->row, cmp_row);
	if (store_prepare(w->db, &st, "INSERT INTO run_result(id, region, status, criteria_met, "
	                  "results) VALUES (?1, ?2, ?3, ?4, ?5)", err) < 0)
		return -1;
	for (i = 0; i < w->nrow; i++) {
		const struct run_row *x = &w->row[i];

		sqlite3_bind_int64(st, 1, STORE_RESULT_ID(w->run_id, x->unit_id, x->year));
		sqlite3_bind_int(st, 2, x->region);
		sqlite3_bind_int(st, 3, x->status);
		sqlite3_bind_int(st, 4, x->ncrit);
		sqlite3_bind_blob(st, 5, w->arena + x->at, (int)x->len, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return err_set(err, "database: storing the run: %s", sqlite3_errmsg(w->db));
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return 0;
}

int runs_end(struct run_writer *w, int units, int units_met, int ndraft, int nunset,
             struct ntm_err *err)
{
	sqlite3_stmt *st;

	if (write_rows(w, err) < 0) {
		runs_abort(w);
		return -1;
	}
	if (store_prepare(w->db, &st, "UPDATE run SET units = ?1, units_met = ?2, "
	                  "draft_thresholds = ?3, unset_thresholds = ?4 WHERE id = ?5", err) < 0) {
		runs_abort(w);
		return -1;
	}
	sqlite3_bind_int(st, 1, units);
	sqlite3_bind_int(st, 2, units_met);
	sqlite3_bind_int(st, 3, ndraft);
	sqlite3_bind_int(st, 4, nunset);
	sqlite3_bind_int64(st, 5, w->run_id);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_finalize(st);
		return fail(w, err);
	}
	sqlite3_finalize(st);
	if (store_exec(w->db, "COMMIT", err) < 0) {
		runs_abort(w);
		return -1;
	}
	w->open = 0;
	return 0;
}

void runs_abort(struct run_writer *w)
{
	free(w->st);
	free(w->val);
	free(w->row);
	free(w->arena);
	w->st = w->arena = NULL;
	w->val = NULL;
	w->row = NULL;
	w->nrow = w->row_cap = w->used = w->arena_cap = 0;
	if (w->open)
		sqlite3_exec(w->db, "ROLLBACK", NULL, NULL, NULL);
	w->open = 0;
}

int runs_prune(sqlite3 *db, int keep, int days, int dry_run, int *removed, int *kept,
               struct ntm_err *err)
{
	sqlite3_stmt *st = NULL;
	char age[32];
	int rc = -1;

	*removed = *kept = 0;
	if (store_exec(db, "BEGIN IMMEDIATE", err) < 0)
		return -1;
	/* the runs to go: only runs made for nobody; those made for them go
	 * with them (ON DELETE CASCADE on run.used_by) */
	snprintf(age, sizeof age, "-%d days", days < 0 ? 0 : days);
	if (store_prepare(db, &st,
	                  "CREATE TEMP TABLE prune AS SELECT id FROM run WHERE used_by IS NULL AND ("
	                  "  (?1 >= 0 AND id NOT IN (SELECT id FROM run WHERE used_by IS NULL "
	                  "                          ORDER BY id DESC LIMIT ?1))"
	                  "  OR (?2 >= 0 AND at < strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?3)))", err) < 0)
		goto done;
	sqlite3_bind_int(st, 1, keep);
	sqlite3_bind_int(st, 2, days);
	sqlite3_bind_text(st, 3, age, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		goto dberr;
	sqlite3_finalize(st);
	st = NULL;
	if (store_prepare(db, &st, "SELECT (SELECT count(*) FROM run WHERE id IN (SELECT id FROM prune)"
	                  "   OR used_by IN (SELECT id FROM prune)),"
	                  " (SELECT count(*) FROM run) ", err) < 0)
		goto done;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*removed = sqlite3_column_int(st, 0);
		*kept = sqlite3_column_int(st, 1) - *removed;
	}
	sqlite3_finalize(st);
	st = NULL;
	if (!dry_run && store_exec(db, "DELETE FROM run WHERE id IN (SELECT id FROM prune)", err) < 0)
		goto done;
	if (store_exec(db, "DROP TABLE temp.prune", err) < 0)
		goto done;
	rc = 0;
	goto done;
dberr:
	err_set(err, "database: pruning runs: %s", sqlite3_errmsg(db));
done:
	sqlite3_finalize(st);
	if (rc == 0 && store_exec(db, "COMMIT", err) < 0)
		rc = -1;
	if (rc < 0)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}
