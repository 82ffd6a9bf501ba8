/* cmd_criteria.c - `ntm criteria list|show|diff|check`: the sets found on
 * the criteria path, one set's criteria and thresholds (or only its draft
 * and unset thresholds), what changed between two sets (critdiff.c), and a
 * load check of set files. */
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "critdiff.h"
#include "csv.h"
#include "i18n.h"
#include "lua_crit.h"
#include "utf8.h"

static const char usage[] =
	"usage: ntm criteria list\n"
	"       ntm criteria show SET [--drafts]\n"
	"       ntm criteria diff OLD NEW [--format table|csv] [--exit-code] [--renumbered A=B,...]\n"
	"       ntm criteria check FILE...\n"
	"       ntm criteria bounds SET [--unit NAME|CODE] [--years A-B] [--format table|csv]\n"
	"       ntm criteria sheet SET [--region R] [--years A-B] [--out FILE.csv] [--bom]\n"
	"       ntm criteria sheet --apply FILE.csv --id NEW [--title T] [--out-dir DIR] [--force]\n\n"
	"list   the sets on the criteria path (--criteria DIR or NTM_CRITERIA_PATH),\n"
	"       by province and level, with their years, recognition and decision\n"
	"show   a set's criteria and indicators: measure, threshold, citation;\n"
	"       --drafts lists only the draft and unset thresholds, with where each\n"
	"       draft value came from, so they can be confirmed in the Lua file\n"
	"diff   what changed from set OLD to set NEW (a set id or a file):\n"
	"       criteria and indicators added or removed (matched by id), moved\n"
	"       (renumbered: NEW's renumbered_from = \"OLD-ID\", or --renumbered\n"
	"       17.9=17.10), thresholds tightened or loosened, set or unset, per\n"
	"       region, in the years both sets are in force (sets in force one\n"
	"       after the other: each in its own years), and changes of measure,\n"
	"       name, unit, citation and of the set's own fields;\n"
	"       --exit-code exits 1 when the sets differ, 0 when they do not\n"
	"check  loads set files and reports errors with file and line\n"
	"bounds what the recognitions imply about thresholds not set (ntm criteria bounds --help)\n"
	"sheet  the thresholds as CSV, a row per indicator, region and year, to fill\n"
	"       in a spreadsheet; --apply writes a filled sheet as a new set that\n"
	"       extends the set (ntm criteria sheet --help)\n";

static int by_place(const void *pa, const void *pb)
{
	const struct critset *a = *(struct critset *const *)pa, *b = *(struct critset *const *)pb;
	int r;

	if (!a->province != !b->province)
		return a->province ? 1 : -1;      /* national sets first */
	if (a->province && (r = utf8_collate(a->province, b->province)))
		return r;
	if ((r = store_level_parse(a->level) - store_level_parse(b->level)))
		return r;
	if (a->year_from != b->year_from)
		return a->year_from - b->year_from;
	if ((r = strcmp(a->recognises, b->recognises)))
		return r;
	return strcmp(a->id, b->id);
}


/* Says on stderr that a file on the criteria path is left out of the list
 * and why (the first line of msg; the traceback would drown the list). */
static void skipped(const char *path, const char *msg)
{
	size_t n, lp = strlen(path);

	if (!msg)
		msg = _("out of memory");
	n = strcspn(msg, "\n");

	if (strncmp(msg, path, lp) == 0 && msg[lp] == ':')
		fprintf(stderr, _("ntm: warning: skipping %.*s\n"), (int)n, msg);
	else
		fprintf(stderr, _("ntm: warning: skipping %s: %.*s\n"), path, (int)n, msg);
}

/* The sets on the path by province (national first), level and years; a
 * file that fails to load is skipped with its error on stderr, so one
 * broken file does not hide the others. */
static int list(struct ctx *c)
{
	struct critset **v = calloc((size_t)c->ncat + 1, sizeof *v);
	const char *place = "";
	int i, n = 0;

	if (!v) {
		err_set(&c->err, "%s", _("criteria list: out of memory"));
		return 1;
	}
	for (i = 0; i < c->ncat; i++) {
		if (!c->cat[i].id) {
			skipped(c->cat[i].path, c->cat[i].error);
		} else if (!(v[n] = ctx_load_set(c, c->cat[i].path))) {
			skipped(c->cat[i].path, c->err.msg);
			err_clear(&c->err);
		} else {
			n++;
		}
	}
	qsort(v, (size_t)n, sizeof *v, by_place);
	printf("  %-9s %-10s %-28s %-13s %s\n", "level", "years", "set", "recognises", "decision");
	for (i = 0; i < n; i++) {
		const struct critset *s = v[i];
		const char *p = s->province ? s->province : "national";
		char years[24];

		if (strcmp(p, place) != 0)
			printf("%s\n", place = p);
		snprintf(years, sizeof years, "%d-%d", s->year_from, s->year_to);
		printf("  %-9s %-10s ", s->level, years);
		utf8_pad(stdout, s->id, 28);
		putchar(' ');
		utf8_pad(stdout, s->recognises, 13);
		putchar(' ');
		printf("%s\n", s->decision);
		printf("  %-20s %s (%d criteria, %d indicators)\n", "", s->title, s->ncrit, s->nind);
		printf("  %-20s %s%s%s\n", "", s->file, s->extends ? ", extends " : "",
		       s->extends ? s->extends : "");
	}
	for (i = 0; i < n; i++)
		crit_free(v[i]);
	free(v);
	return 0;
}

/* Prints the draft and unset leaves of t with the region/year they hold for. */
static int leaves(const struct thr *t, const char *where, int indraft, const char *draftnote,
                  const char *id)
{
	char sub[96];
	int i, n = 0;

	if (!t)
		return 0;
	switch (t->kind) {
	case T_NUM:
		if (indraft) {
			printf("    %-6s %-22s draft %-8g from: %s\n", id, *where ? where : "all", t->num, draftnote);
			n++;
		}
		break;
	case T_UNSET:
		printf("    %-6s %-22s NOT SET        %s\n", id, *where ? where : "all", t->note);
		n++;
		break;
	case T_DRAFT:
		n += leaves(t->inner, where, 1, t->note, id);
		break;
	case T_REGION:
		for (i = 0; i < RG_N; i++) {
			snprintf(sub, sizeof sub, "%s%s%s", where, *where ? " " : "", store_region_name[i]);
			n += leaves(t->region[i], sub, indraft, draftnote, id);
		}
		snprintf(sub, sizeof sub, "%s%sother regions", where, *where ? " " : "");
		n += leaves(t->dflt, sub, indraft, draftnote, id);
		break;
	case T_GROUP:   /* nhóm 1..3 in region[0..2] (crit.h) */
		for (i = 0; i < CRIT_NGROUP; i++) {
			snprintf(sub, sizeof sub, "%s%snhóm %d", where, *where ? " " : "", i + 1);
			n += leaves(t->region[i], sub, indraft, draftnote, id);
		}
		snprintf(sub, sizeof sub, "%s%sother groups", where, *where ? " " : "");
		n += leaves(t->dflt, sub, indraft, draftnote, id);
		break;
	case T_YEAR:
		for (i = 0; i < t->nyear; i++) {
			snprintf(sub, sizeof sub, "%s%sfrom %d", where, *where ? " " : "", t->year[i]);
			n += leaves(t->by_year[i], sub, indraft, draftnote, id);
		}
		break;
	}
	return n;
}

static void show(const struct critset *s, int drafts)
{
	char buf[1024];
	int i, j, nd, nu, n = 0;

	crit_thr_census(s, &nd, &nu);
	printf("%s — %s\n%s\nlevel %s, years %d-%d%s%s\nfile %s\n", s->id, s->title, s->decision,
	       s->level, s->year_from, s->year_to, s->extends ? ", extends " : "",
	       s->extends ? s->extends : "", s->file);
	if (s->note)
		printf("note: %s\n", s->note);
	printf("%d criteria, %d indicators; thresholds: %d draft value%s, %d not set\n\n",
	       s->ncrit, s->nind, nd, nd == 1 ? "" : "s", nu);
	if (drafts)
		printf("Draft and unset thresholds (confirm them against the decision and edit %s):\n", s->file);
	for (i = 0; i < s->ncrit; i++) {
		const struct criterion *c = &s->crit[i];

		if (!drafts && c->group)
			printf("%s %s  (group %s)\n", c->id, c->name, c->group);
		else if (!drafts)
			printf("%s %s\n", c->id, c->name);
		for (j = c->first; j < c->first + c->n; j++) {
			const struct indicator *d = &s->ind[j];

			if (drafts) {
				n += leaves(d->thr, "", 0, NULL, d->id);
				continue;
			}
			printf("  %-6s %s\n", d->id, d->name);
			crit_expr_format(s, d->measure, buf, sizeof buf);
			printf("         measure  %s%s%s\n", buf, *d->unit ? "  " : "", d->unit);
			if (d->applies) {
				crit_expr_format(s, d->applies, buf, sizeof buf);
				printf("         applies  when %s\n", buf);
			}
			if (d->cmp == CMP_MUST) {
				printf("         must     %s\n", d->must ? "hold (Đạt)" : "not hold");
			} else {
				crit_thr_format_in(s, d->thr, buf, sizeof buf);
				printf("         %s      %s\n", d->cmp == CMP_MIN ? "min" : "max", buf);
			}
			printf("         cite     %s\n", d->cite);
			if (d->note)
				printf("         note     %s\n", d->note);
		}
	}
	if (drafts && n == 0)
		printf("    none: every threshold is confirmed\n");
}

static const char *item(const struct cdchange *x)
{
	if (x->indicator)
		return x->indicator;
	return x->criterion ? x->criterion : "set";
}

static void diff_table(const struct critset *a, const struct critset *b, const struct critdiff *d)
{
	int i, k;

	printf("criteria diff %s -> %s\n", a->id, b->id);
	printf("  %s (%s)\n  %s (%s)\n", a->decision, a->file, b->decision, b->file);
	/* which years the thresholds were compared in */
	if (d->apart)
		printf("  compared each in its own years: %s in %d-%d, %s in %d-%d\n\n", a->id,
		       a->year_from, a->year_to, b->id, b->year_from, b->year_to);
	else if (a->year_from != b->year_from || a->year_to != b->year_to)
		printf("  thresholds compared in %d-%d, the years both are in force\n\n", d->y0, d->y1);
	else
		printf("\n");
	for (i = 0; i < d->n; i++) {
		const struct cdchange *x = &d->c[i];

		printf("%-10s %-8s %-14s ", critdiff_kind_name[x->kind], item(x), x->field);
		if (!x->before)
			printf("%s", x->after);
		else if (!x->after)
			printf("%s", x->before);
		else
			printf("%s -> %s", x->before, x->after);
		if (x->where)
			printf("  (%s)", x->where);
		printf("\n");
	}
	if (d->n)
		printf("\n");
	printf("%d change%s:", d->n, d->n == 1 ? "" : "s");
	for (k = 0; k < CD_N; k++)   /* renumberings only where there are some */
		if (k != CD_MOVED || d->count[k])
			printf(" %d %s%s", d->count[k], critdiff_kind_name[k], k + 1 < CD_N ? "," : "\n");
}

static void diff_csv(const struct critdiff *d)
{
	int i;

	printf("change,criterion,indicator,field,where,before,after\n");
	for (i = 0; i < d->n; i++) {
		const struct cdchange *x = &d->c[i];
		const char *f[] = { critdiff_kind_name[x->kind], x->criterion, x->indicator, x->field,
		                    x->where, x->before, x->after };
		size_t k;

		for (k = 0; k < sizeof f / sizeof f[0]; k++) {
			if (k)
				putchar(',');
			csv_put(stdout, f[k] ? f[k] : "");
		}
		putchar('\n');
	}
}

#define MAX_RENUM 64

/* --renumbered OLD=NEW[,OLD=NEW...] into map (pointing into text, which
 * is cut in place); the ids must be in a and b. Returns how many, or -1
 * with c->err. */
static int renumbered(struct ctx *c, char *text, const struct critset *a, const struct critset *b,
                      struct cdrenum *map)
{
	char *tok, *save = NULL, *eq;
	int n = 0;

	for (tok = strtok_r(text, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!(eq = strchr(tok, '=')) || eq == tok || !eq[1])
			return err_set(&c->err, _("criteria diff: --renumbered '%s' is not OLD=NEW "
			               "(e.g. --renumbered 17.9=17.10,17.10=17.11)"), tok);
		*eq = '\0';
		if (crit_find_indicator(a, tok) < 0)
			return err_set(&c->err, _("criteria diff: --renumbered %s=%s: %s has no indicator %s"),
			               tok, eq + 1, a->id, tok);
		if (crit_find_indicator(b, eq + 1) < 0)
			return err_set(&c->err, _("criteria diff: --renumbered %s=%s: %s has no indicator %s"),
			               tok, eq + 1, b->id, eq + 1);
		if (n == MAX_RENUM)
			return err_set(&c->err, _("criteria diff: --renumbered: more than %d pairs"), MAX_RENUM);
		map[n].old = tok;
		map[n++].new = eq + 1;
	}
	return n;
}

static int diff(struct ctx *c, const char *old, const char *new, const char *fmt, int exitcode,
                const char *renum)
{
	struct critset *a, *b = NULL;
	struct cdrenum map[MAX_RENUM];
	struct critdiff d;
	char *text = NULL;
	int rc, nmap = 0;

	if (!(a = ctx_load_set(c, old)) || !(b = ctx_load_set(c, new))) {
		crit_free(a);
		return 1;
	}
	if (renum && (!(text = strdup(renum)) || (nmap = renumbered(c, text, a, b, map)) < 0)) {
		if (!text)
			err_set(&c->err, "%s", _("out of memory"));
		free(text);
		crit_free(a);
		crit_free(b);
		return 2;
	}
	if (critdiff_map(a, b, map, nmap, &d) < 0) {
		err_set(&c->err, "%s", _("criteria diff: out of memory"));
		rc = 1;
	} else {
		if (fmt && strcmp(fmt, "csv") == 0)
			diff_csv(&d);
		else
			diff_table(a, b, &d);
		rc = exitcode && d.n ? 1 : 0;
		critdiff_free(&d);
	}
	free(text);
	crit_free(a);
	crit_free(b);
	return rc;
}

int cmd_criteria(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "drafts", OPT_FLAG, NULL, "show: only draft and unset thresholds", NULL },
		{ "format", OPT_ARG, "FMT", "diff: table (default) or csv", NULL },
		{ "exit-code", OPT_FLAG, NULL, "diff: exit 1 when the sets differ", NULL },
		{ "renumbered", OPT_ARG, "OLD=NEW,...", "diff: indicators the new set renumbered", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	struct critset *s;
	int npos, done, rc, i, bad = 0;
	const char *sub;

	if (argc > 1 && strcmp(argv[1], "bounds") == 0)   /* its own options: cmd_bounds.c */
		return cmd_criteria_bounds(c, argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "sheet") == 0)    /* its own options: cmd_sheet.c */
		return cmd_criteria_sheet(c, argc - 1, argv + 1);
	if ((rc = cmd_options(c, opts, argc, argv, &npos, usage, &done)) || done)
		return rc;
	sub = npos ? argv[1] : "list";
	/* every subcommand loads sets: they are checked against one dictionary,
	 * the database's, or the bundled one when there is no database */
	if (ctx_dictionary(c) < 0)
		return 1;
	if (strcmp(sub, "list") == 0) {
		if (ctx_catalog(c) < 0)
			return 1;
		return list(c);
	}
	if (strcmp(sub, "show") == 0) {
		if (npos != 2) {
			err_set(&c->err, "%s", _("criteria show: give one set (usage: ntm criteria show SET [--drafts])"));
			return 2;
		}
		if (!(s = ctx_load_set(c, argv[2])))
			return 1;
		show(s, opt_get(opts, "drafts") != NULL);
		crit_free(s);
		return 0;
	}
	if (strcmp(sub, "diff") == 0) {
		const char *fmt = opt_get(opts, "format");

		if (npos != 3) {
			err_set(&c->err, "%s", _("criteria diff: give two sets (usage: ntm criteria diff OLD NEW)"));
			return 2;
		}
		if (fmt && strcmp(fmt, "csv") != 0 && strcmp(fmt, "table") != 0) {
			err_set(&c->err, _("criteria diff: --format '%s' is not table or csv"), fmt);
			return 2;
		}
		return diff(c, argv[2], argv[3], fmt, opt_get(opts, "exit-code") != NULL,
		            opt_get(opts, "renumbered"));
	}
	if (strcmp(sub, "check") == 0) {
		if (npos < 2) {
			err_set(&c->err, "%s", _("criteria check: give one or more set files"));
			return 2;
		}
		for (i = 2; i <= npos; i++) {
			int nd, nu;

			if (!(s = ctx_load_set(c, argv[i]))) {
				fprintf(stderr, "%s\n", c->err.msg);
				err_clear(&c->err);
				bad++;
				continue;
			}
			crit_thr_census(s, &nd, &nu);
			printf("ok  %s: set %s, %d criteria, %d indicators, %d draft and %d unset thresholds; "
			       "variables %s%s%s\n", argv[i], s->id, s->ncrit, s->nind, nd, nu,
			       c->vars.n ? "checked against " : "not checked (", c->vars.origin,
			       c->vars.n ? "" : " is empty: ntm import data/variables.csv)");
			crit_free(s);
		}
		if (bad)
			err_set(&c->err, bad == 1 ? _("criteria check: %d file failed") :
			        _("criteria check: %d files failed"), bad);
		return bad ? 1 : 0;
	}
	err_set(&c->err, _("criteria: unknown subcommand '%s' (list, show, diff or check)"), sub);
	return 2;
}
