/* fuzz_script.c - libFuzzer target for analysis and scenario scripts: the
 * input is a script's Lua text, run through the `ntm run` entry (cmd_run:
 * the sandbox, the `ntm` module, one transaction for the scenarios it
 * writes) against a fresh copy of the small database, with criteria/ as
 * the criteria path, gnuplot replaced by tests/fuzz/gnuplot-sink and a
 * wall-clock limit of FUZZ_WALL_MS.
 * Calls cmds (cmd_run), ctx. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmds.h"
#include "fuzz.h"

static sqlite3 *tmpl, *work;
static char outdir[1024], dbfile[1024];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_quiet();
	/* the real gnuplot only when asked for: charts would cost a process
	 * each and a quoting bug would reach a program that runs commands */
	if (setenv("GNUPLOT", NTM_SRCDIR "/tests/fuzz/gnuplot-sink", 0) < 0)
		fuzz_die("setenv GNUPLOT");
	tmpl = fuzz_template();
	work = fuzz_store();
	snprintf(outdir, sizeof outdir, "%s/out", fuzz_dir());
	if (mkdir(outdir, 0777) < 0)
		fuzz_die("cannot create %s", outdir);
	/* ctx reads the dictionary only when its --db names a file that exists;
	 * the database itself is the in-memory copy handed to the context */
	snprintf(dbfile, sizeof dbfile, "%s", fuzz_put("ntm.db", (const uint8_t *)"", 0));
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[1024];
	char *argv[] = { "run", path, "--out", outdir, NULL };
	struct ctx c;

	snprintf(path, sizeof path, "%s", fuzz_put("script.lua", data, size));
	fuzz_restore(work, tmpl);
	ctx_init(&c);
	c.db_path = dbfile;
	c.criteria_path = NTM_SRCDIR "/criteria";
	c.progress = 0;
	c.db = work;
	fuzz_timer_save();
	/* the sandbox cmd_run would open, opened first to shorten its clock */
	if (ctx_sandbox(&c) < 0)
		fuzz_die("sandbox: %s", c.err.msg);
	c.sb.wall_ms = FUZZ_WALL_MS;
	cmd_run(&c, 4, argv);
	c.db = NULL;                /* ours: ctx_free must not close it */
	ctx_free(&c);
	fuzz_timer_restore();
	fuzz_clear(outdir);
	return 0;
}
