/* cmd_run.c - `ntm run SCRIPT [ARGS] --out DIR`: an analysis script in the
 * sandbox, with the `ntm` module (lua_script.h); files only under DIR. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "cmds.h"
#include "i18n.h"
#include "lua_script.h"

static const char usage[] =
	"usage: ntm run SCRIPT.lua [ARGS...] [--out DIR]\n\n"
	"Runs an analysis script (scripts/README.md) in the same sandbox as the\n"
	"criteria files: no io, os or require; an instruction budget and a memory\n"
	"cap. The script sees `args`, `print` and the `ntm` module (unit, figures,\n"
	"evaluate, chart); the files it writes go under --out (default plots),\n"
	"which is created if missing. Each file appears whole or not at all; a\n"
	"symbolic link under its name is replaced, never followed.\n";

int cmd_run(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "out", OPT_ARG, "DIR", "where the script's files go (default plots)", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	const char *out;
	int npos, done, rc;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, usage, &done)) || done)
		return rc;
	if (npos < 1) {
		err_set(&c->err, "%s", _("run: give a script (usage: ntm run SCRIPT.lua [ARGS...] [--out DIR])"));
		return 2;
	}
	out = opt_get(opts, "out") ? opt_get(opts, "out") : "plots";
	if (mkdir(out, 0777) < 0 && errno != EEXIST) {
		err_set(&c->err, _("run: cannot create %s: %s"), out, strerror(errno));
		return 1;
	}
	if (ctx_db(c) < 0)
		return 1;
	/* what a script writes to the database (scenarios) lands whole or not at all */
	if (ctx_db(c) < 0 || store_exec(c->db, "BEGIN", &c->err) < 0)
		return 1;
	if (lscript_run(c, argv[1], argv + 2, npos - 1, out) < 0) {
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
		return 1;
	}
	return store_exec(c->db, "COMMIT", &c->err) < 0 ? 1 : 0;
}
