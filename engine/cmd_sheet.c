/* cmd_sheet.c - `ntm criteria sheet`: a set's threshold sheet as CSV, and a
 * filled sheet applied as a new set file extending the set (sheet.c). The
 * new file is written hidden (outfile.h), loaded back and its sheet
 * compared with what was applied before it is renamed into place. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmds.h"
#include "i18n.h"
#include "lua_crit.h"
#include "outfile.h"
#include "sheet.h"
#include "store.h"
#include "suggest.h"

static const char usage[] =
	"usage: ntm criteria sheet SET [--region R] [--years A-B] [--out FILE.csv] [--bom]\n"
	"       ntm criteria sheet --apply FILE.csv --id NEW [--title T] [--out-dir DIR] [--force]\n\n"
	"The first form writes one row per indicator with a min or max threshold,\n"
	"region and year of SET: set, indicator, name, direction, unit, region,\n"
	"year, state (set, draft, range, unset), value, lower, upper, source (the\n"
	"cite, or the draft's, range's or unset's note). Fill value (lower/upper\n"
	"for a range), state and source in a spreadsheet.\n"
	"The second reads the filled sheet (comma or semicolon, \"95,5\" with a\n"
	"semicolon, with or without a byte order mark) and writes DIR/NEW.lua, a set\n"
	"that extends SET and amends exactly the thresholds whose rows changed;\n"
	"a sheet with any error is refused whole and nothing is written. DIR is\n"
	"the first directory of the criteria path unless --out-dir says.\n";

/* The set of a sheet's set column, by id (or file) on the criteria path. */
static struct critset *load_set(void *ctx, const char *id, const char *where, struct ntm_err *err)
{
	struct ctx *c = ctx;
	struct critset *s = ctx_load_set(c, id);
	char msg[NTM_ERR_MAX];

	if (!s) {
		snprintf(msg, sizeof msg, "%s", c->err.msg);
		err_set(err, "%s: %s", where, msg);
	}
	return s;
}

static int write_sheet(struct ctx *c, const char *name, const char *region, const char *yrs,
                       const char *out, int bom)
{
	struct critset *s;
	struct sheet sh = { 0 };
	struct outdir d = { .fd = -1 };
	struct outfile o = { 0 };
	const char *file;
	int rg = -1, y0, y1, i, rc = 1, count[TS_N] = { 0 };
	char shown[600];

	if (!(s = ctx_load_set(c, name)))
		return 1;
	y0 = s->year_from;
	y1 = s->year_to;
	if (region && (rg = store_region_parse(region)) < 0) {
		struct suggest sg;

		err_set(&c->err, _("criteria sheet: --region '%s' is not a threshold region"), region);
		suggest_init(&sg, region);
		for (i = 0; i < RG_N; i++)
			suggest_add(&sg, store_region_name[i]);
		suggest_append(&sg, &c->err);
		err_append(&c->err, " (tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl)");
		rc = 2;
		goto done;
	}
	if (yrs) {
		if (opt_years(yrs, &y0, &y1) < 0) {
			err_set(&c->err, _("criteria sheet: --years '%s' is not YYYY or YYYY-YYYY"), yrs);
			rc = 2;
			goto done;
		}
		if (y1 < s->year_from || y0 > s->year_to) {
			err_set(&c->err, _("criteria sheet: set %s applies to %d-%d; --years %s is outside it"),
			        s->id, s->year_from, s->year_to, yrs);
			goto done;
		}
		y0 = y0 < s->year_from ? s->year_from : y0;
		y1 = y1 > s->year_to ? s->year_to : y1;
	}
	if (sheet_build(s, rg, y0, y1, &sh, &c->err) < 0)
		goto done;
	if (!out) {
		rc = sheet_write(stdout, s, &sh, bom) < 0 ? 1 : 0;
		if (rc)
			err_set(&c->err, "%s", _("criteria sheet: cannot write to standard output"));
		goto done;
	}
	if (outdir_of(&d, out, &file, &c->err) < 0 || outfile_begin(&o, &d, file, &c->err) < 0)
		goto done;
	if (sheet_write(o.f, s, &sh, bom) < 0) {
		outfile_abort(&o);
		err_set(&c->err, _("%s: cannot write"), outfile_shown(&d, file, shown, sizeof shown));
		goto done;
	}
	if (outfile_commit(&o, &c->err) < 0)
		goto done;
	for (i = 0; i < sh.n; i++)
		count[sh.r[i].c.state]++;
	printf(_("wrote %s: %d rows of set %s (%d set, %d draft, %d range, %d unset)\n"),
	       outfile_shown(&d, file, shown, sizeof shown), sh.n, s->id, count[TS_SET],
	       count[TS_DRAFT], count[TS_RANGE], count[TS_UNSET]);
	rc = 0;
done:
	outdir_close(&d);
	sheet_free(&sh);
	crit_free(s);
	return rc;
}

/* Letters, digits, '-', '.', '_', starting with a letter or digit: a set id
 * (prelude.lua) and a plain file name. */
static int good_id(const char *id)
{
	const char *p;

	if (!((*id >= 'a' && *id <= 'z') || (*id >= 'A' && *id <= 'Z') || (*id >= '0' && *id <= '9')))
		return 0;
	for (p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '-' || *p == '.' || *p == '_'))
			return 0;
	return strlen(id) < 100;
}

/* The sheet's file name for the comments of the new set. */
static const char *base_name(const char *path)
{
	const char *b = strrchr(path, '/');

	return b ? b + 1 : path;
}

static int apply(struct ctx *c, const char *sheet, const char *id, const char *title,
                 const char *dir, int force)
{
	struct critset *s = NULL, *n = NULL;
	struct sheet_patch p = { 0 };
	struct sheet want = { 0 }, got = { 0 };
	struct outdir d = { .fd = -1 };
	struct outfile o = { 0 };
	struct stat st, other;
	char name[128], shown[600], tmp[4400], first[4096];
	int i, k, rc = 1, amended = 0;

	if (!good_id(id)) {
		err_set(&c->err, _("criteria sheet: --id '%s' must be letters, digits, '-', '.' or '_' "
		        "(it names the set and its file)"), id);
		return 2;
	}
	if (!dir) {
		/* the first directory of the criteria path */
		snprintf(first, sizeof first, "%.*s", (int)strcspn(c->criteria_path, ":"), c->criteria_path);
		dir = first;
	}
	if (sheet_read(sheet, load_set, c, &s, &p, &c->err) < 0)
		goto done;
	if (p.rows.n == 0) {
		err_set(&c->err, _("%s: no row differs from set %s: nothing written"), sheet, s->id);
		goto done;
	}
	snprintf(name, sizeof name, "%s.lua", id);
	if (outdir_open(&d, dir, &c->err) < 0)
		goto done;
	outfile_shown(&d, name, shown, sizeof shown);
	if (strcmp(id, s->id) == 0) {
		err_set(&c->err, _("criteria sheet: --id %s is the set the sheet fills; give the new set "
		        "its own id"), id);
		goto done;
	}
	if (fstatat(d.fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && !force) {
		err_set(&c->err, _("%s exists; --force replaces it"), shown);
		goto done;
	}
	/* a set of that id in another file would make the id ambiguous */
	if (ctx_catalog(c) < 0)
		goto done;
	for (i = 0; i < c->ncat; i++)
		if (c->cat[i].id && strcmp(c->cat[i].id, id) == 0 &&
		    !(stat(c->cat[i].path, &other) == 0 &&
		      fstatat(d.fd, name, &st, 0) == 0 && st.st_dev == other.st_dev && st.st_ino == other.st_ino)) {
			err_set(&c->err, _("criteria sheet: set '%s' is already declared by %s; choose another "
			        "--id"), id, c->cat[i].path);
			goto done;
		}

	if (outfile_begin(&o, &d, name, &c->err) < 0)
		goto done;
	if (sheet_lua(o.f, s, &p, id, title, base_name(sheet)) < 0 || fflush(o.f) != 0) {
		err_set(&c->err, _("%s: cannot write"), shown);
		goto done;
	}
	/* the hidden file must load and give back the sheet applied */
	snprintf(tmp, sizeof tmp, "%s/%s", dir, o.tmp);
	if (!(n = lcrit_load(&c->sb, tmp, c->have_vars ? &c->vars : NULL, ctx_set_path, c, &c->err))) {
		memcpy(first, c->err.msg, sizeof first);
		err_set(&c->err, _("%s: the set written does not load, nothing written: %s"), shown, first);
		goto done;
	}
	if (sheet_expected(s, &p, &want, &c->err) < 0 ||
	    sheet_build(n, -1, n->year_from, n->year_to, &got, &c->err) < 0)
		goto done;
	if ((k = sheet_compare(&want, &got)) >= 0 || strcmp(n->id, id) != 0) {
		err_set(&c->err, _("%s: internal error: the set written does not give back the sheet "
		        "(row %d); nothing written"), shown, k);
		goto done;
	}
	if (outfile_commit(&o, &c->err) < 0)
		goto done;
	for (i = 0; i < s->nind; i++) {
		for (k = 0; k < p.rows.n && p.rows.r[k].ind != i; k++)
			;
		amended += k < p.rows.n;
	}
	printf(_("wrote %s: set %s extends %s, %d indicator%s amended from %d changed row%s of %d in %s\n"),
	       shown, id, s->id, amended, amended == 1 || i18n_lang() == LANG_VI ? "" : "s", p.rows.n,
	       p.rows.n == 1 || i18n_lang() == LANG_VI ? "" : "s", p.nread, sheet);
	printf(_("compare: ntm criteria diff %s %s\n"), s->id, shown);
	rc = 0;
done:
	outfile_abort(&o);
	outdir_close(&d);
	sheet_free(&want);
	sheet_free(&got);
	sheet_patch_free(&p);
	crit_free(n);
	crit_free(s);
	return rc;
}

int cmd_criteria_sheet(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "region", OPT_ARG, "R", "only region R (tdmnpb, dbsh, btb, dhntb, tn, dnb, dbscl)", NULL },
		{ "years", OPT_ARG, "A-B", "only these years of the set", NULL },
		{ "out", OPT_ARG, "FILE.csv", "write the sheet to FILE.csv (default: standard output)", NULL },
		{ "bom", OPT_FLAG, NULL, "start the sheet with a UTF-8 byte order mark (for Excel)", NULL },
		{ "apply", OPT_ARG, "FILE.csv", "read a filled sheet and write a new set", NULL },
		{ "id", OPT_ARG, "NEW", "--apply: the new set's id and file name", NULL },
		{ "title", OPT_ARG, "T", "--apply: the new set's title (default: the set's)", NULL },
		{ "out-dir", OPT_ARG, "DIR", "--apply: where to write NEW.lua (default: the first criteria directory)", NULL },
		{ "force", OPT_FLAG, NULL, "--apply: replace an existing NEW.lua", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	const char *sheet, *id;
	int npos, done, rc;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, usage, &done)) || done)
		return rc;
	if ((sheet = opt_get(opts, "apply"))) {
		if (npos != 0) {
			err_set(&c->err, "%s", _("criteria sheet --apply: the set comes from the sheet's set column; "
			        "give no SET (usage: ntm criteria sheet --apply FILE.csv --id NEW)"));
			return 2;
		}
		if (!(id = opt_get(opts, "id"))) {
			err_set(&c->err, "%s", _("criteria sheet --apply: give the new set's id with --id NEW"));
			return 2;
		}
		return apply(c, sheet, id, opt_get(opts, "title"), opt_get(opts, "out-dir"),
		             opt_get(opts, "force") != NULL);
	}
	if (npos != 1) {
		err_set(&c->err, "%s", _("criteria sheet: give one set (usage: ntm criteria sheet SET [--out FILE.csv])"));
		return 2;
	}
	if (opt_get(opts, "id") || opt_get(opts, "title") || opt_get(opts, "out-dir") || opt_get(opts, "force")) {
		err_set(&c->err, "%s", _("criteria sheet: --id, --title, --out-dir and --force go with --apply"));
		return 2;
	}
	return write_sheet(c, argv[1], opt_get(opts, "region"), opt_get(opts, "years"),
	                   opt_get(opts, "out"), opt_get(opts, "bom") != NULL);
}
