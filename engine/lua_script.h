/* lua_script.h - analysis scripts (`ntm run`): the sandbox plus a small
 * `ntm` module to read figures and units, evaluate sets and draw charts,
 * writing files only under one output directory. */
#ifndef NTM_LUA_SCRIPT_H
#define NTM_LUA_SCRIPT_H

#include "ctx.h"

/* Runs the script at path with args; files go under outdir (which must
 * exist). Returns 0 or -1 with c->err (file, line and traceback). */
int lscript_run(struct ctx *c, const char *path, char **args, int nargs, const char *outdir);

#endif
