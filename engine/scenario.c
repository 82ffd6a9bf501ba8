/* scenario.c - what-if scenarios over the base data (scenario.h). Every
 * write goes to the scenario_* tables; reads of the base tables only. */
#include "scenario.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "import.h"
#include "suggest.h"

static int dberr(sqlite3 *db, struct ntm_err *err)
{
	return err_set(err, _("database: %s"), sqlite3_errmsg(db));
}

/* The id of scenario name, 0 when there is none, -1 on error. */
static int64_t lookup(sqlite3 *db, const char *name, int64_t *base, struct ntm_err *err)
{
	sqlite3_stmt *st;
	int64_t id = 0;

	if (store_prepare(db, &st, "SELECT id, base_id FROM scenario WHERE name = ?1", err) < 0)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (base)
			*base = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return id;
}

static int unknown(sqlite3 *db, const char *name, struct ntm_err *err)
{
	sqlite3_stmt *st;
	struct suggest sg;
	char *names[64];
	int n = 0, i;

	err_set(err, _("no scenario '%s'"), name);
	if (store_prepare(db, &st, "SELECT name FROM scenario ORDER BY name", err) < 0)
		return -1;
	suggest_init(&sg, name);
	while (n < 64 && sqlite3_step(st) == SQLITE_ROW)
		if ((names[n] = strdup((const char *)sqlite3_column_text(st, 0))))
			suggest_add(&sg, names[n++]);
	sqlite3_finalize(st);
	suggest_append(&sg, err);
	err_append(err, "%s", _(" (`ntm scenario list` shows them)"));
	for (i = 0; i < n; i++)
		free(names[i]);
	return -1;
}

int scenario_open(sqlite3 *db, const char *name, struct scenario *s, struct ntm_err *err)
{
	sqlite3_stmt *st;
	int64_t id, base = 0, rev[SCEN_DEPTH];
	int i;

	memset(s, 0, sizeof *s);
	if ((id = lookup(db, name, &base, err)) < 0)
		return -1;
	if (id == 0)
		return unknown(db, name, err);
	if (store_prepare(db, &st, "SELECT base_id FROM scenario WHERE id = ?1", err) < 0)
		return -1;
	while (id) {
		if (s->n == SCEN_DEPTH) {
			sqlite3_finalize(st);
			return err_set(err, _("scenario '%s' is built on more than %d others"), name,
			               SCEN_DEPTH - 1);
		}
		rev[s->n++] = id;
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, id);
		id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	}
	sqlite3_finalize(st);
	for (i = 0; i < s->n; i++)
		s->chain[i] = rev[s->n - 1 - i];
	if (!(s->name = strdup(name)))
		return err_set(err, "%s", _("out of memory"));
	return 0;
}

void scenario_close(struct scenario *s)
{
	free(s->name);
	memset(s, 0, sizeof *s);
}

int scenario_create(sqlite3 *db, const char *name, const char *base, const char *note,
                    int64_t *id, struct ntm_err *err)
{
	sqlite3_stmt *st;
	int64_t bid = 0, have;

	if (!*name)
		return err_set(err, "%s", _("a scenario needs a name"));
	if (import_check_text(name, _("scenario name "), err) < 0 ||
	    (note && import_check_text(note, "note: ", err) < 0))
		return -1;
	if ((have = lookup(db, name, NULL, err)) < 0)
		return -1;
	if (have)
		return err_set(err, _("scenario '%s' exists (`ntm scenario delete %s` first, or "
		               "choose another name)"), name, name);
	if (base && (bid = lookup(db, base, NULL, err)) <= 0)
		return bid < 0 ? -1 : unknown(db, base, err);
	if (store_prepare(db, &st, "INSERT INTO scenario(name, base_id, note) VALUES (?1, ?2, ?3)",
	                  err) < 0)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (bid)
		sqlite3_bind_int64(st, 2, bid);
	sqlite3_bind_text(st, 3, note ? note : "", -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sqlite3_finalize(st);
		return dberr(db, err);
	}
	sqlite3_finalize(st);
	*id = sqlite3_last_insert_rowid(db);
	return 0;
}

int scenario_delete(sqlite3 *db, const char *name, struct ntm_err *err)
{
	sqlite3_stmt *st;
	int64_t id;
	int rc = 0;

	if ((id = lookup(db, name, NULL, err)) <= 0)
		return id < 0 ? -1 : unknown(db, name, err);
	if (store_prepare(db, &st, "SELECT name FROM scenario WHERE base_id = ?1 ORDER BY name",
	                  err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		rc = err_set(err, _("scenario '%s' is the base of '%s': delete that first"), name,
		             (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	if (store_prepare(db, &st, "DELETE FROM scenario WHERE id = ?1", err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = dberr(db, err);
	sqlite3_finalize(st);
	return rc;
}

/* ---- checks: the importer's (import.h), for every way a change enters -- */

/* The unit must exist and have existed in year (its period, schema 3). */
static int check_unit_year(sqlite3 *db, int64_t unit_id, long long year, struct ntm_err *err)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (import_check_year(year, NULL, "year: ", err) < 0)
		return -1;
	if (store_prepare(db, &st, "SELECT code, coalesce(valid_from, 0), coalesce(valid_to, 0) "
	                  "FROM unit WHERE id = ?1", err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, unit_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = err_set(err, _("no unit with id %lld in the database"), (long long)unit_id);
	} else {
		int from = sqlite3_column_int(st, 1), to = sqlite3_column_int(st, 2);

		if ((from && year < from) || (to && year > to)) {
			char pt[32];

			units_period_text(from, to, pt, sizeof pt);
			rc = err_set(err, _("year: unit '%s' existed %s; a change for %lld is refused"),
			             (const char *)sqlite3_column_text(st, 0), pt, year);
		}
	}
	sqlite3_finalize(st);
	return rc;
}

/* Texts: the name required, and none with a control character. */
static int check_texts(const char *name, const char *work, const char *note, struct ntm_err *err)
{
	if (name && !*name)
		return err_set(err, "%s", _("name: is empty"));
	if ((name && import_check_text(name, "name: ", err) < 0) ||
	    (work && import_check_text(work, "work: ", err) < 0) ||
	    (note && import_check_text(note, "note: ", err) < 0))
		return -1;
	return 0;
}

int scenario_put_figure(sqlite3 *db, int64_t id, int64_t unit_id, int64_t var_id, long long year,
                        const char *op, double value, const char *note, struct ntm_err *err)
{
	sqlite3_stmt *st;
	int rc = 0, add = strcmp(op, "add") == 0;
	char uom[32] = "";

	if (check_unit_year(db, unit_id, year, err) < 0 || check_texts(NULL, NULL, note, err) < 0)
		return -1;
	if (store_prepare(db, &st, "SELECT uom FROM variable WHERE id = ?1", err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, var_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(uom, sizeof uom, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (!*uom)
		return err_set(err, _("no variable with id %lld in the database"), (long long)var_id);
	/* the figure set is checked as the importer checks it; an amount added
	 * may be negative (a figure may fall), but a yes/no is only set */
	if (add && strcmp(uom, "bool") == 0)
		return err_set(err, "%s", _("amount: a yes/no figure is set, not added to (use set_figure, "
		               "or --value)"));
	if (add ? import_check_number(value, NULL, "amount: ", err) < 0 :
	          import_check_figure(uom, value, NULL, "value: ", err) < 0)
		return -1;
	if (store_prepare(db, &st, "INSERT INTO scenario_figure(scenario_id, seq, unit_id, "
	                  "variable_id, year, op, value, note) VALUES (?1, (SELECT "
	                  "coalesce(max(seq), 0) + 1 FROM scenario_figure WHERE scenario_id = ?1), "
	                  "?2, ?3, ?4, ?5, ?6, ?7)", err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, unit_id);
	sqlite3_bind_int64(st, 3, var_id);
	sqlite3_bind_int64(st, 4, year);
	sqlite3_bind_text(st, 5, add ? "add" : "set", -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 6, value);
	sqlite3_bind_text(st, 7, note ? note : "", -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = dberr(db, err);
	sqlite3_finalize(st);
	return rc;
}

int scenario_put_project(sqlite3 *db, int64_t id, int64_t unit_id, long long year,
                         long long quarter, const char *name, const char *work, int64_t var_id,
                         double quantity, double cost, const char *note, struct ntm_err *err)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (check_unit_year(db, unit_id, year, err) < 0 || check_texts(name, work, note, err) < 0)
		return -1;
	if (quarter < 0 || quarter > 4)
		return err_set(err, _("quarter: '%lld' is not a quarter (1-4, or 0 for the whole year)"),
		               quarter);
	if ((var_id > 0 && import_check_number(quantity, NULL, "quantity: ", err) < 0) ||
	    (!isnan(cost) && import_check_amount(cost, NULL, "cost: ", err) < 0))
		return -1;
	if (store_prepare(db, &st, "INSERT INTO scenario_project(scenario_id, unit_id, year, "
	                  "quarter, name, work, variable_id, quantity, cost, note) VALUES "
	                  "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, unit_id);
	sqlite3_bind_int64(st, 3, year);
	sqlite3_bind_int64(st, 4, quarter);
	sqlite3_bind_text(st, 5, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, work ? work : "", -1, SQLITE_STATIC);
	if (var_id > 0) {
		sqlite3_bind_int64(st, 7, var_id);
		sqlite3_bind_double(st, 8, quantity);
	}
	if (!isnan(cost))
		sqlite3_bind_double(st, 9, cost);
	sqlite3_bind_text(st, 10, note ? note : "", -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = dberr(db, err);
	sqlite3_finalize(st);
	return rc;
}

int scenario_put_funding(sqlite3 *db, int64_t id, int64_t unit_id, long long year,
                         const char *fund, double allocated, double disbursed, const char *note,
                         struct ntm_err *err)
{
	sqlite3_stmt *st;
	int rc = 0, f;

	if (check_unit_year(db, unit_id, year, err) < 0 || check_texts(NULL, NULL, note, err) < 0)
		return -1;
	if ((f = import_check_fund(fund, "fund: ", err)) < 0)
		return -1;
	if (isnan(allocated) && isnan(disbursed))
		return err_set(err, "%s", _("allocated: is empty, and so is disbursed: funding needs an amount"));
	if ((!isnan(allocated) && import_check_amount(allocated, NULL, "allocated: ", err) < 0) ||
	    (!isnan(disbursed) && import_check_amount(disbursed, NULL, "disbursed: ", err) < 0))
		return -1;
	if (store_prepare(db, &st, "INSERT OR REPLACE INTO scenario_funding(scenario_id, unit_id, "
	                  "year, fund, allocated, disbursed, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	                  err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, unit_id);
	sqlite3_bind_int64(st, 3, year);
	sqlite3_bind_text(st, 4, fund, -1, SQLITE_STATIC);
	if (!isnan(allocated))
		sqlite3_bind_double(st, 5, allocated);
	if (!isnan(disbursed))
		sqlite3_bind_double(st, 6, disbursed);
	sqlite3_bind_text(st, 7, note ? note : "", -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = dberr(db, err);
	sqlite3_finalize(st);
	return rc;
}

int scenario_overlay(sqlite3 *db, const struct scenario *s, const struct unitset *us,
                     const struct varset *vs, struct evaldata *d, struct ntm_err *err)
{
	static const char *const sql[2] = {
		"SELECT unit_id, variable_id, year, op = 'add', value FROM scenario_figure "
		"WHERE scenario_id = ?1 AND year BETWEEN ?2 AND ?3 ORDER BY seq",
		"SELECT unit_id, variable_id, year, 1, quantity FROM scenario_project "
		"WHERE scenario_id = ?1 AND year BETWEEN ?2 AND ?3 AND variable_id IS NOT NULL "
		"ORDER BY id",
	};
	int *pos = NULL, *col = NULL, i, k, q, rc = -1;
	int64_t max_var = 0;
	size_t j;

	if (!s || s->n == 0 || d->nunit == 0)
		return 0;
	for (j = 0; j < vs->n; j++)
		if (vs->v[j].id > max_var)
			max_var = vs->v[j].id;
	pos = malloc(((size_t)us->max_id + 1) * sizeof *pos);
	col = malloc(((size_t)max_var + 1) * sizeof *col);
	if (!pos || !col) {
		err_set(err, "%s", _("out of memory"));
		goto out;
	}
	for (j = 0; j <= (size_t)us->max_id; j++)
		pos[j] = -1;
	for (i = 0; i < d->nunit; i++)
		pos[us->u[d->unit[i]].id] = i;
	for (j = 0; j <= (size_t)max_var; j++)
		col[j] = -1;
	for (k = 0; k < d->set->nvar; k++) {
		int64_t idx;

		if (map_get(&vs->by_name, d->set->var[k], &idx))
			col[vs->v[idx].id] = k;
	}
	for (i = 0; i < s->n; i++)
		for (q = 0; q < 2; q++) {
			sqlite3_stmt *st;

			if (store_prepare(db, &st, sql[q], err) < 0)
				goto out;
			sqlite3_bind_int64(st, 1, s->chain[i]);
			sqlite3_bind_int(st, 2, d->year_from);
			sqlite3_bind_int(st, 3, d->year_from + d->nyear - 1);
			while (sqlite3_step(st) == SQLITE_ROW) {
				int64_t uid = sqlite3_column_int64(st, 0), vid = sqlite3_column_int64(st, 1);
				int y = sqlite3_column_int(st, 2), add = sqlite3_column_int(st, 3);
				double x = sqlite3_column_double(st, 4), *v;

				if (uid > us->max_id || pos[uid] < 0 || vid > max_var || col[vid] < 0)
					continue;
				v = &eval_vals(d, pos[uid], y - d->year_from)[col[vid]];
				*v = add ? *v + x : x;   /* adding to a missing figure leaves it missing */
			}
			sqlite3_finalize(st);
		}
	rc = 0;
out:
	free(pos);
	free(col);
	return rc;
}
