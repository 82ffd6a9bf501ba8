/* lua_check.h - the rules of `ntm check`, written in Lua: loads the rule
 * files of a folder path into the sandbox, runs each rule's check with a
 * read-only data API over the units and years in scope, and collects what
 * the rules report as findings (check.h). */
#ifndef NTM_LUA_CHECK_H
#define NTM_LUA_CHECK_H

#include "check.h"
#include "ctx.h"

/* Runs the rules of path (folders joined with ':'; a rule of a later
 * folder replaces the one of the same id in an earlier folder). top is the
 * unit in scope with the units below it (-1: every unit); y0..y1 the years
 * findings are kept for (0, 0: every year). Findings go into out
 * (unsorted); *nrules gets the number of rules run. Returns 0, or -1 with
 * c->err (a rule that fails to load or to run names its file and line). */
int lcheck_run(struct ctx *c, const char *path, int top, int y0, int y1,
               struct check_findings *out, int *nrules);

#endif
