/* scenario.h - what-if scenarios: a named set of changes over the base data
 * (figures set or added, funding, projects that move figures), optionally
 * built on another scenario. They live in their own tables (schema 2); the
 * base tables are never written. An evaluation under a scenario loads the
 * base figures and lays the chain of changes over them, oldest first. */
#ifndef NTM_SCENARIO_H
#define NTM_SCENARIO_H

#include <stdint.h>

#include <sqlite3.h>

#include "eval.h"
#include "store.h"
#include "units.h"

#define SCEN_DEPTH 16

struct scenario {
	int64_t chain[SCEN_DEPTH];   /* ids, the base-most first, this one last */
	int n;
	char *name;
};

/* Finds scenario name and its chain. Returns 0, or -1 with err (an
 * unknown name lists the closest ones). */
int scenario_open(sqlite3 *db, const char *name, struct scenario *s, struct ntm_err *err);
void scenario_close(struct scenario *s);

/* Creates a scenario on base (NULL: on the base data); *id set. */
int scenario_create(sqlite3 *db, const char *name, const char *base, const char *note,
                    int64_t *id, struct ntm_err *err);
/* Deletes it and its changes; refused while another builds on it. */
int scenario_delete(sqlite3 *db, const char *name, struct ntm_err *err);

/* Each change is checked as the importer checks a row (import.h: the unit
 * existing in a year of 1990-2100, figures, amounts, fund names, texts
 * without control characters); a refused one returns -1 with err saying
 * "field: 'value' what is wrong". */
/* Records a change: op "set" replaces the figure (checked as an imported
 * figure of the variable), "add" adds a finite amount to it. */
int scenario_put_figure(sqlite3 *db, int64_t id, int64_t unit_id, int64_t var_id, long long year,
                        const char *op, double value, const char *note, struct ntm_err *err);
/* A project (quarter 0: the whole year; cost NaN: none; cost an amount):
 * when var_id > 0 it adds quantity (finite, may be negative) to that
 * figure in its year. */
int scenario_put_project(sqlite3 *db, int64_t id, int64_t unit_id, long long year,
                         long long quarter, const char *name, const char *work, int64_t var_id,
                         double quantity, double cost, const char *note, struct ntm_err *err);
/* Funding from fund (a fund name of funding.csv); allocated and disbursed
 * are amounts, NaN for none, not both none. */
int scenario_put_funding(sqlite3 *db, int64_t id, int64_t unit_id, long long year,
                         const char *fund, double allocated, double disbursed, const char *note,
                         struct ntm_err *err);

/* Lays the scenario's changes over figures loaded by eval_load. */
int scenario_overlay(sqlite3 *db, const struct scenario *s, const struct unitset *us,
                     const struct varset *vs, struct evaldata *d, struct ntm_err *err);

#endif
