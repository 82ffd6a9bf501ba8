/* opt.h - command-line options declared once as data: parsing and the
 * --help text both come from the declaration. */
#ifndef NTM_OPT_H
#define NTM_OPT_H

#include <stdio.h>
#include "err.h"

enum { OPT_FLAG, OPT_ARG };

struct opt {
	const char *name;    /* long name without "--" */
	int kind;            /* OPT_FLAG or OPT_ARG */
	const char *arg;     /* placeholder shown in help, e.g. "PATH" */
	const char *help;
	/* filled by opt_parse */
	const char *val;     /* the argument, or "1" for a flag given */
};

/* Parses argv[1..argc) (argv[0] is the command name). Options may come
 * before or after positional arguments; "--" ends options. Positionals are
 * moved to the front of argv from index 1; *npos gets their count.
 * Accepts --name=value and --name value; an option with a value may be
 * given once (a flag any number of times). Returns 0, or -1 with err naming
 * the option (with the nearest known name for a typo, or given twice). */
int opt_parse(struct opt *opts, int argc, char **argv, int *npos, const char *cmd,
              struct ntm_err *err);
/* Value of the named option, or NULL when not given. */
const char *opt_get(const struct opt *opts, const char *name);
/* Parses "2023" or "2021-2023" (an en dash too), years 1990-2100, first
 * not after last. Returns 0, or -1. */
int opt_years(const char *s, int *first, int *last);
/* Writes the options list, aligned, for --help. */
void opt_help(const struct opt *opts, FILE *f);

#endif
