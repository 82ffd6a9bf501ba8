/* cmd_criteria.c - `ntm criteria list|show|check`: the sets found on the
 * criteria path, one set's criteria and thresholds (or only its draft and
 * unset thresholds), and a load check of set files. */
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "lua_crit.h"
#include "utf8.h"

static const char usage[] =
	"usage: ntm criteria list\n"
	"       ntm criteria show SET [--drafts]\n"
	"       ntm criteria check FILE...\n\n"
	"list   the sets on the criteria path (--criteria DIR or NTM_CRITERIA_PATH),\n"
	"       with their level, years and decision\n"
	"show   a set's criteria and indicators: measure, threshold, citation;\n"
	"       --drafts lists only the draft and unset thresholds, with where each\n"
	"       draft value came from, so they can be confirmed in the Lua file\n"
	"check  loads set files and reports errors with file and line\n";

static void list(struct ctx *c)
{
	int i;

	printf("%-24s %-9s %-10s %-20s %s\n", "set", "level", "years", "extends", "decision");
	for (i = 0; i < c->ncat; i++) {
		struct critset *s;

		if (!c->cat[i].id) {
			printf("%-24s error: %s\n", c->cat[i].path, c->cat[i].error);
			continue;
		}
		if (!(s = ctx_load_set(c, c->cat[i].path))) {
			printf("%-24s error: %s\n", c->cat[i].path, c->err.msg);
			err_clear(&c->err);
			continue;
		}
		printf("%-24s %-9s %d-%d  %-20s %s\n", s->id, s->level, s->year_from, s->year_to,
		       s->extends ? s->extends : "-", s->decision);
		printf("%-24s %s (%d criteria, %d indicators; %s)\n", "", s->title, s->ncrit, s->nind,
		       s->file);
		crit_free(s);
	}
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
				crit_thr_format(d->thr, buf, sizeof buf);
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

int cmd_criteria(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "drafts", OPT_FLAG, NULL, "show: only draft and unset thresholds", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	struct critset *s;
	int npos, done, rc, i, bad = 0;
	const char *sub;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, usage, &done)) || done)
		return rc;
	sub = npos ? argv[1] : "list";
	if (strcmp(sub, "list") == 0) {
		if (ctx_catalog(c) < 0)
			return 1;
		list(c);
		return 0;
	}
	if (strcmp(sub, "show") == 0) {
		if (npos != 2) {
			err_set(&c->err, "criteria show: give one set (usage: ntm criteria show SET [--drafts])");
			return 2;
		}
		if (!(s = ctx_load_set(c, argv[2])))
			return 1;
		show(s, opt_get(opts, "drafts") != NULL);
		crit_free(s);
		return 0;
	}
	if (strcmp(sub, "check") == 0) {
		if (npos < 2) {
			err_set(&c->err, "criteria check: give one or more set files");
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
			printf("ok  %s: set %s, %d criteria, %d indicators, %d draft and %d unset thresholds\n",
			       argv[i], s->id, s->ncrit, s->nind, nd, nu);
			crit_free(s);
		}
		if (bad)
			err_set(&c->err, "criteria check: %d file%s failed", bad, bad == 1 ? "" : "s");
		return bad ? 1 : 0;
	}
	err_set(&c->err, "criteria: unknown subcommand '%s' (list, show or check)", sub);
	return 2;
}
