/* runs.c - evaluation runs and results into the store (runs.h).
 * Prepared once, bound and stepped per row; calls store.h helpers. */
#include "runs.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(struct run_writer *w, struct ntm_err *err)
{
	err_set(err, "database: storing the run: %s", sqlite3_errmsg(w->db));
	runs_abort(w);
	return -1;
}

int runs_begin(struct run_writer *w, sqlite3 *db, const struct critset *s, int year_from,
               int year_to, const char *filter, struct ntm_err *err)
{
	sqlite3_stmt *st = NULL;
	int i;

	memset(w, 0, sizeof *w);
	w->db = db;
	if (store_exec(db, "BEGIN IMMEDIATE", err) < 0)
		return -1;
	w->open = 1;
	if (store_prepare(db, &st, "INSERT INTO run(set_id, set_title, set_decision, set_file, "
	                  "year_from, year_to, unit_filter) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	                  err) < 0)
		goto fail;
	sqlite3_bind_text(st, 1, s->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, s->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, s->decision, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, s->file, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, year_from);
	sqlite3_bind_int(st, 6, year_to);
	if (filter)
		sqlite3_bind_text(st, 7, filter, -1, SQLITE_STATIC);
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
	if (store_prepare(db, &w->unit, "INSERT INTO run_unit(run_id, unit_id, year, criteria_met, "
	                  "criteria_total, status, results) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", err) < 0)
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

/* Appends v to buf as a JSON number (null for NaN). */
static size_t json_num(char *buf, double v)
{
	if (isnan(v))
		return (size_t)sprintf(buf, "null");
	return (size_t)sprintf(buf, "%.10g", v);
}

int runs_add(struct run_writer *w, int64_t unit_id, int year, const struct critset *s,
             const struct ind_result *r, int unit_status,
             int ncrit_met, struct ntm_err *err)
{
	size_t need = (size_t)s->nind * 64 + 4, n = 0;
	int i;

	if (need > w->cap) {
		char *nb = realloc(w->buf, need);

		if (!nb) {
			runs_abort(w);
			return err_set(err, "out of memory");
		}
		w->buf = nb;
		w->cap = need;
	}
	w->buf[n++] = '[';
	for (i = 0; i < s->nind; i++) {
		n += (size_t)sprintf(w->buf + n, "%s[%d,", i ? "," : "", r[i].status);
		n += json_num(w->buf + n, r[i].value);
		w->buf[n++] = ',';
		n += json_num(w->buf + n, r[i].threshold);
		w->buf[n++] = ']';
	}
	w->buf[n++] = ']';
	sqlite3_bind_int64(w->unit, 1, w->run_id);
	sqlite3_bind_int64(w->unit, 2, unit_id);
	sqlite3_bind_int(w->unit, 3, year);
	sqlite3_bind_int(w->unit, 4, ncrit_met);
	sqlite3_bind_int(w->unit, 5, s->ncrit);
	sqlite3_bind_text(w->unit, 6, eval_status_name[unit_status], -1, SQLITE_STATIC);
	sqlite3_bind_text(w->unit, 7, w->buf, (int)n, SQLITE_STATIC);
	if (sqlite3_step(w->unit) != SQLITE_DONE)
		return fail(w, err);
	sqlite3_reset(w->unit);
	return 0;
}

int runs_end(struct run_writer *w, int units, int units_met, int ndraft, int nunset,
             struct ntm_err *err)
{
	sqlite3_stmt *st;

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
	sqlite3_finalize(w->unit);
	w->unit = NULL;
	if (store_exec(w->db, "COMMIT", err) < 0) {
		runs_abort(w);
		return -1;
	}
	w->open = 0;
	return 0;
}

void runs_abort(struct run_writer *w)
{
	sqlite3_finalize(w->unit);
	w->unit = NULL;
	free(w->buf);
	w->buf = NULL;
	w->cap = 0;
	if (w->open)
		sqlite3_exec(w->db, "ROLLBACK", NULL, NULL, NULL);
	w->open = 0;
}
