/* lua_crit.h - loads a criteria set file through the sandbox and turns its
 * declarations into a struct critset (crit.h); follows `extends`. */
#ifndef NTM_LUA_CRIT_H
#define NTM_LUA_CRIT_H

#include "crit.h"
#include "lua_sandbox.h"
#include "store.h"

/* Finds the file of a set by id (for `extends`); returns a path the
 * resolver keeps alive, or NULL. */
typedef const char *(*lcrit_find_fn)(void *ctx, const char *id);

/* Loads the set at path. dict, when not NULL and not empty, is the variable
 * dictionary every variable must be in. Returns the set (free with
 * crit_free), or NULL with err naming file and line. */
struct critset *lcrit_load(struct sandbox *sb, const char *path, const struct varset *dict,
                           lcrit_find_fn find, void *ctx, struct ntm_err *err);



/* Runs the file and reads only its set id and extends (for the catalog).
 * *id and *extends are set to malloc'd strings (caller frees; extends may
 * be NULL). Returns 0 or -1 with err. */
int lcrit_peek(struct sandbox *sb, const char *path, char **id, char **extends,
               struct ntm_err *err);

/* Criteria test files (NAME.test.lua): cases for one set. */
enum { EXPECT_INDICATOR, EXPECT_CRITERION, EXPECT_SET };
struct crit_expect {
	int kind;            /* EXPECT_* */
	char *id;            /* indicator or criterion id; NULL for the set */
	char *status;        /* "met", "unmet", "unknown", "not_set", "n/a" */
};
struct crit_case {
	char *title;
	int line;
	char *region;        /* NULL: none */
	int group;           /* commune group 1..3; 0: not known */
	int year;            /* 0: the set's first year */
	int ndata;
	char **var;
	double *val;
	unsigned char *derived;  /* var[i] came from meets/below: may go unused */
	int nexpect;
	struct crit_expect *expect;
};
struct crit_tests {
	char *set_id;        /* from tests_for "id" */
	int n;
	struct crit_case *c;
};

/* Runs a test file and converts its cases. Returns 0 or -1 with err. */
int lcrit_tests(struct sandbox *sb, const char *path, struct crit_tests *t, struct ntm_err *err);
void lcrit_tests_free(struct crit_tests *t);

#endif
