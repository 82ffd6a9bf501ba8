/* cmds.h - the subcommands. Each takes argv with argv[0] the command name,
 * returns an exit status (0 ok, 1 failed, 2 usage) and leaves any message
 * in c->err for main() to print. */
#ifndef NTM_CMDS_H
#define NTM_CMDS_H

#include "ctx.h"
#include "opt.h"

int cmd_import(struct ctx *c, int argc, char **argv);
int cmd_eval(struct ctx *c, int argc, char **argv);
int cmd_criteria(struct ctx *c, int argc, char **argv);
/* `ntm criteria sheet ...` (cmd_sheet.c); argv[0] is "sheet". */
int cmd_criteria_sheet(struct ctx *c, int argc, char **argv);
/* `ntm criteria bounds`: argv[0] is "bounds" (cmd_bounds.c). */
int cmd_criteria_bounds(struct ctx *c, int argc, char **argv);
int cmd_test(struct ctx *c, int argc, char **argv);
int cmd_units(struct ctx *c, int argc, char **argv);
int cmd_variables(struct ctx *c, int argc, char **argv);
int cmd_runs(struct ctx *c, int argc, char **argv);
/* `ntm sql QUERY`: one read-only statement (cmd_sql.c). */
int cmd_sql(struct ctx *c, int argc, char **argv);
int cmd_synth(struct ctx *c, int argc, char **argv);
int cmd_plot(struct ctx *c, int argc, char **argv);
int cmd_report(struct ctx *c, int argc, char **argv);
int cmd_run(struct ctx *c, int argc, char **argv);
int cmd_recognitions(struct ctx *c, int argc, char **argv);
int cmd_scenario(struct ctx *c, int argc, char **argv);
int cmd_diff(struct ctx *c, int argc, char **argv);
/* `ntm project SET`: trends to the year each indicator is met (cmd_project.c). */
int cmd_project(struct ctx *c, int argc, char **argv);
int cmd_cost(struct ctx *c, int argc, char **argv);
int cmd_allocate(struct ctx *c, int argc, char **argv);
/* `ntm check`: exit 0 without error findings, 1 with (cmd_check.c). */
int cmd_check(struct ctx *c, int argc, char **argv);

/* Parses opts for a command whose usage text is usage; handles --help
 * (prints usage and the options, returns 1 with *done set). Returns 0, or
 * 2 with c->err on a bad option. */
int cmd_options(struct ctx *c, struct opt *opts, int argc, char **argv, int *npos,
                const char *usage, int *done);

#endif
