/* lua_sandbox.h - the Lua state user scripts run in: a counting allocator
 * with a memory cap, an instruction budget, a wall-clock deadline, library
 * functions whose work is bounded, text-only loading of regular files into
 * a fresh environment made by the prelude, and errors with a traceback. */
#ifndef NTM_LUA_SANDBOX_H
#define NTM_LUA_SANDBOX_H

#include <signal.h>
#include <stddef.h>
#include <lua.h>

#include "err.h"

#define SANDBOX_MEM_DEFAULT   (64u << 20)    /* bytes */
#define SANDBOX_STEPS_DEFAULT 20000000L      /* VM instructions per script */
#define SANDBOX_WALL_DEFAULT  30000L         /* milliseconds per script */
#define SANDBOX_FILE_MAX      (16u << 20)    /* bytes of a script file */
#define SANDBOX_STR_MAX       (16u << 20)    /* bytes of a string.rep result */
#define SANDBOX_RANGE_MAX     (1L << 24)     /* elements table.concat/move/insert/remove touch */
#define SANDBOX_MATCH_MAX     1e9            /* bound on the steps of one pattern match */

struct sandbox {
	lua_State *L;
	size_t used, cap;        /* bytes allocated, limit */
	int over_cap;            /* set when an allocation was refused */
	long steps, budget;      /* instructions run, limit (checked every 1000) */
	long wall_ms;            /* wall-clock limit of one script (set after open to change) */
	double deadline;         /* CLOCK_MONOTONIC seconds the running script must end by */
	volatile sig_atomic_t expired;  /* set by the timer at the deadline */
	int stop;                /* why the running script is being stopped (0: it is not) */
	int depth;               /* sandbox_pcall nesting: only the outermost arms and disarms */
	const char *script;      /* the file running now, for messages */
	int ref_new_env, ref_merge;
};

/* Creates the state and loads the prelude, inside lua_pcall. mem_cap and
 * budget of 0 take the defaults; wall_ms starts at SANDBOX_WALL_DEFAULT.
 * Returns 0, or -1 with err. */
int sandbox_open(struct sandbox *sb, size_t mem_cap, long budget, struct ntm_err *err);
void sandbox_close(struct sandbox *sb);

/* Runs the script at path (a regular file, never waited on) in a fresh
 * environment and pushes the table its declarations were collected into.
 * Returns 0, or -1 with err holding "file:line: message", the line the
 * author wrote (a set or test file: no traceback; nothing pushed). */
int sandbox_run_file(struct sandbox *sb, const char *path, struct ntm_err *err);

/* Like sandbox_run_file, for an analysis script: the table at the stack
 * top (popped) is merged into the script's environment. Nothing is pushed;
 * returns 0 or -1 with err (and the traceback: scripts call functions). */
int sandbox_run_script(struct sandbox *sb, const char *path, struct ntm_err *err);

/* Calls the function at the stack top with nargs arguments below it under
 * the budget, the deadline and the message handler; leaves nres results.
 * Calls may nest (a script whose host function loads a set): the inner
 * ones run on what is left of the outermost call's budget and time.
 * Returns 0 or -1 with err (the stack then holds nothing of the call). */
int sandbox_pcall(struct sandbox *sb, int nargs, int nres, struct ntm_err *err);

/* A full garbage collection under the budget and the deadline, protected.
 * Returns 0 or -1 with err. */
int sandbox_collect(struct sandbox *sb, struct ntm_err *err);

#endif
