/* cmd_import.c - `ntm import FILE... [--dry-run]`: the interchange files
 * into the store in one transaction (import.h), then a per-file report. A
 * database this command made (it began with the bundled dictionary) is
 * taken away again when nothing could be imported into it. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmds.h"
#include "i18n.h"
#include "import.h"

static const char usage[] =
	"usage: ntm import FILE... [--dry-run]\n\n"
	"Reads interchange CSV files into the database. The kind of each file is\n"
	"told by its header (data/README.md lists them):\n"
	"  variables     name,uom,meaning,source\n"
	"  units         code,name,level,parent,region\n"
	"  observations  unit,period,variable,value,source\n"
	"  funding       unit,year,fund,kind,allocated,disbursed,measure,source\n"
	"  projects      unit,year,quarter,name,category,cost,status,source\n"
	"  recognitions  unit,year,title,decision,source\n"
	"  groups        unit,year_from,year_to,group,source  (commune group 1-3, QĐ 51/2025)\n"
	"All files go in as one transaction, dictionary and units first: one bad\n"
	"row and nothing is written, and the error names the file, line and field.\n"
	"A row whose key is already in the database replaces it.\n"
	"A new database begins with the bundled dictionary (data/variables.csv as\n"
	"ntm was built with it); importing a variables file replaces its rows.\n";

static void progress(void *ctx, const char *path, long rows)
{
	char what[512];

	snprintf(what, sizeof what, "importing %s", path);
	ctx_progress(ctx, what, rows, 0);
}

/* Closes and deletes the database this command made, with its WAL files. */
static void drop_new(struct ctx *c)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char path[4096];
	size_t i;

	ctx_forget_db(c);
	for (i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(path, sizeof path, "%s%s", c->db_path, suffix[i]);
		if (strlen(c->db_path) + strlen(suffix[i]) < sizeof path)
			unlink(path);
	}
}

int cmd_import(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "dry-run", OPT_FLAG, NULL, "check the files, write nothing", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	struct import_opts io = { 0 };
	struct import_file *files = NULL;
	int npos, done, rc, i, existed;
	long total = 0;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, usage, &done)) || done)
		return rc;
	if (npos == 0) {
		err_set(&c->err, "%s", _("import: no file given (usage: ntm import FILE... [--dry-run])"));
		return 2;
	}
	existed = access(c->db_path, F_OK) == 0;
	if (ctx_db(c) < 0 || store_writable(c->db, c->db_path, "import into it", &c->err) < 0)
		return 1;
	if (!(files = calloc((size_t)npos, sizeof *files))) {
		err_set(&c->err, "%s", _("out of memory"));
		return 1;
	}
	for (i = 0; i < npos; i++)
		files[i].path = argv[i + 1];
	io.dry_run = opt_get(opts, "dry-run") != NULL;
	io.progress = progress;
	io.ctx = c;
	rc = import_run(c->db, files, npos, &io, &c->err);
	ctx_progress(c, NULL, -1, 0);
	/* a file this command made holds nothing the user gave: take it away
	 * when nothing went in (a failure, or a dry run) */
	if ((rc < 0 || io.dry_run) && c->db_created && !existed)
		drop_new(c);
	if (rc < 0) {
		err_append(&c->err, _("\nnothing was imported%s%s"), npos > 1 ? _(" from any of the files") : "",
		           c->db_created && !existed ? _(", and no database was made") : "");
		free(files);
		return 1;
	}
	for (i = 0; i < npos; i++) {
		printf(_("%-13s %6ld rows  %6ld new  %6ld replaced  %s\n"),
		       import_kind_name[files[i].kind], files[i].rows, files[i].added,
		       files[i].updated, files[i].path);
		total += files[i].rows;
	}
	printf(_("%s %ld rows from %d file%s into %s%s\n"),
	       io.dry_run ? _("checked (dry run, nothing written):") : _("imported"), total, npos,
	       npos == 1 || i18n_lang() == LANG_VI ? "" : "s", c->db_path,
	       !c->db_created ? "" : io.dry_run ? _(" (a new database: not made)") :
	       _(" (a new database, which began with the bundled dictionary)"));
	free(files);
	return 0;
}
