/* ctx.h - what a command works with: the database, the unit hierarchy, the
 * variable dictionary, the criteria path and the sandbox, each opened on
 * first use; and the look-ups every command shares (a unit by name or code,
 * a set by id or file). */
#ifndef NTM_CTX_H
#define NTM_CTX_H

#include <stdio.h>
#include <sqlite3.h>

#include "crit.h"
#include "err.h"
#include "lineage.h"
#include "lua_sandbox.h"
#include "scenario.h"
#include "store.h"
#include "units.h"

struct catalog_entry {
	char *path;
	char *id;            /* NULL when the file failed to load */
	char *extends;
	char *error;         /* why it failed */
};

struct ctx {
	const char *db_path;        /* --db, $NTM_DB, data/ntm.db */
	int db_given;               /* db_path came from --db or NTM_DB */
	int db_created;             /* ctx_db made the file a new database */
	char dict_origin[600];      /* which dictionary c->vars is, for messages */
	const char *criteria_path;  /* --criteria before $NTM_CRITERIA_PATH or criteria */
	char *criteria_owned;       /* criteria_path when main built it (freed by ctx_free) */
	const char *scenario_name;  /* --scenario: evaluate as if its changes were real */
	struct scenario scen;
	int have_scen;
	int as_of;                  /* --as-of: the hierarchy as it stood that year (0: each year's) */
	int unit_year;              /* the year a unit's code or name is read in (0: the latest) */
	int strict;                 /* --strict: drafts judged as unset (ctx_load_set) */
	const char **throf_chain;   /* sets whose thresholds are being resolved (ctx_load_set) */
	int throf_depth;
	struct lineage_notes notes; /* what evaluations combined across merges */
	int progress;               /* show progress (stderr is a terminal) */
	sqlite3 *db;
	struct unitset units;
	int have_units;
	struct varset vars;
	int have_vars;
	struct sandbox sb;
	int have_sb;
	struct catalog_entry *cat;
	int ncat, have_cat;
	struct ntm_err err;
};

void ctx_init(struct ctx *c);
void ctx_free(struct ctx *c);
int ctx_db(struct ctx *c);
int ctx_units(struct ctx *c);
/* The database's variable dictionary (opening the database). */
int ctx_vars(struct ctx *c);
/* The dictionary a set is checked against: the database's when the file
 * exists, else the bundled one (import.h) without making a database.
 * c->vars.origin says which. */
int ctx_dictionary(struct ctx *c);
int ctx_sandbox(struct ctx *c);
int ctx_catalog(struct ctx *c);
/* The file of the set id on the criteria path, or NULL (ctx is a struct
 * ctx; the shape lcrit_load takes to resolve `extends`). */
const char *ctx_set_path(void *ctx, const char *id);
/* Drops the cached units (after an import changed them). */
void ctx_forget_units(struct ctx *c);
/* Closes the database and drops what was read from it. */
void ctx_forget_db(struct ctx *c);

/* The scenario of --scenario (NULL when none), opened on first use; sets
 * c->err and returns -1 when it does not exist. */
int ctx_scenario(struct ctx *c, const struct scenario **out);
/* Evaluates under scenario name from here on (NULL: the base data). */
void ctx_use_scenario(struct ctx *c, const char *name);
/* Completes figures just loaded: with --as-of, the figures of units merged
 * into those loaded (lineage.h); then the --scenario changes over them. */
int ctx_overlay(struct ctx *c, struct evaldata *d);

/* A set by id (from the criteria path) or by file path. NULL with c->err. */
struct critset *ctx_load_set(struct ctx *c, const char *name);

/* A unit by code or name, read in c->unit_year (units_find over c->units;
 * "no unit" names c->db_path): exact code, then name ignoring case,
 * diacritics, tone-mark placement and a leading "xã", "huyện", "tỉnh"…
 * Returns the index in c->units, or -1 with c->err (no match, with
 * suggestions; or several, listed). Loads units if needed. */
int ctx_find_unit(struct ctx *c, const char *text);
/* The same, loading only the units around the one found (units_load_near)
 * when the units are not loaded yet and text names one unit by code or by
 * its folded name; for a command that works in and below one unit. */
int ctx_units_near(struct ctx *c, const char *text);

/* Prints "what: n" progress on stderr when c->progress; done < 0 clears. */
void ctx_progress(struct ctx *c, const char *what, long done, long total);

#endif
