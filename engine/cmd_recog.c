/* cmd_recog.c - `ntm recognitions`: the recorded recognitions beside what
 * the evaluation finds. Each recognition is checked against the set in
 * force for its unit's level, title, province and year (inforce.h); each
 * unit meeting a set in force without a recognition of that title (or a
 * higher one) in that year or before is listed too. */
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "csv.h"
#include "evalrun.h"
#include "i18n.h"
#include "inforce.h"
#include "report.h"
#include "utf8.h"

static const char usage[] =
	"usage: ntm recognitions [--unit NAME|CODE] [--years A-B] [--format table|csv]\n\n"
	"Sets the recognitions on record (recognitions.csv) beside the evaluation of\n"
	"the set in force for each unit's level, title and province that year:\n"
	"units recognised without meeting the set in the data, units meeting it\n"
	"without being recognised, and units whose data is too incomplete to say.\n"
	"'ntm-reconfirmed' is checked as 'ntm'; a higher title (advanced, model)\n"
	"counts as recognition of the lower ones. The years default to those of\n"
	"the recognitions.\n";

/* Titles that lead to a set, lowest first; a recognition implies those below. */
static const char *const ladder[] = { "ntm", "ntm-advanced", "ntm-model" };
#define NLADDER 3

static int rank(const char *title)
{
	int i;

	if (strcmp(title, "ntm-reconfirmed") == 0)
		return 0;
	for (i = 0; i < NLADDER; i++)
		if (strcmp(title, ladder[i]) == 0)
			return i;
	return -1;
}

struct recog {
	int unit, year, checked;
	char *title, *decision;
};

/* Which results judge a unit-year under a title: unit i of R (R NULL: no
 * set in force evaluated it). */
struct verdict {
	const struct results *R;
	int i;
};

/* The evaluations of the sets in force, kept while the verdicts point in. */
struct evals {
	struct evalrun *r;
	struct results *R;
	int n;
};

static int vstatus(const struct verdict *e, int year)
{
	return results_status(e->R, e->i, year);
}

/* A recognised unit whose result is open is no finding: the law's numbers
 * the set does not know may well allow it (ntm criteria bounds). vname is
 * English for _(); vkey the csv code. */
enum { V_NOT_MET, V_NOT_RECOGNISED, V_INCOMPLETE, V_OPEN, V_NO_SET, V_AGREE, V_N };
static const char *const vname[V_N] = {
	"recognised, not met in the data", "meets the set, not recognised",
	"figures missing, cannot say", "recognised; met if the thresholds the set does not know allow it",
	"no set to check against", "agree",
};
static const char *const vkey[V_N] = {
	"recognised-not-met", "met-not-recognised", "incomplete", "open", "no-set", "agree",
};

struct row {
	int v, unit, year;
	const char *title, *decision;
	const struct verdict *e;
};

static int cmp_row(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->v != y->v)
		return x->v - y->v;
	if (x->unit != y->unit)
		return x->unit - y->unit;
	return x->year - y->year;
}

static int in_scope(const struct ctx *c, int u, int top)
{
	for (; u >= 0; u = c->units.u[u].parent)
		if (u == top)
			return 1;
	return top < 0;
}

static int load_recogs(struct ctx *c, int top, struct recog **out, int *n, int *y0, int *y1)
{
	sqlite3_stmt *st;
	int cap = 0;

	*out = NULL;
	*n = 0;
	if (store_prepare(c->db, &st, "SELECT unit_id, year, title, decision FROM recognition "
	                  "ORDER BY year, title", &c->err) < 0)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		int u = id > 0 && id <= c->units.max_id ? c->units.by_id[id] : -1;
		struct recog *r;

		if (u < 0 || !in_scope(c, u, top))
			continue;
		if (*n == cap) {
			struct recog *nr = realloc(*out, (size_t)(cap = cap ? 2 * cap : 64) * sizeof *nr);

			if (!nr)
				goto oom;
			*out = nr;
		}
		r = &(*out)[(*n)++];
		r->unit = u;
		r->year = sqlite3_column_int(st, 1);
		r->checked = 0;
		r->title = strdup((const char *)sqlite3_column_text(st, 2));
		r->decision = strdup((const char *)sqlite3_column_text(st, 3));
		if (!r->title || !r->decision)
			goto oom;
		if (*y0 == 0 || r->year < *y0)
			*y0 = r->year;
		if (r->year > *y1)
			*y1 = r->year;
	}
	sqlite3_finalize(st);
	return 0;
oom:
	sqlite3_finalize(st);
	return err_set(&c->err, "%s", _("out of memory"));
}

/* Evaluates every set of the list over the units of its level in scope and
 * keeps each result where that set is the one in force for the unit's
 * province, year and title: ev[(unit * nyear + year - y0) * NLADDER + rank]. */
static int evaluate(struct ctx *c, const struct setlist *l, int top, int y0, int y1,
                    struct verdict *ev, struct evals *es)
{
	int nyear = y1 - y0 + 1, k;

	es->r = calloc((size_t)l->n + 1, sizeof *es->r);
	es->R = calloc((size_t)l->n + 1, sizeof *es->R);
	if (!es->r || !es->R)
		return err_set(&c->err, "%s", _("out of memory"));
	for (k = 0; k < l->n; k++) {
		const struct setinfo *x = &l->v[k];
		int rk = rank(x->recognises), a = y0 > x->year_from ? y0 : x->year_from;
		int b = y1 < x->year_to ? y1 : x->year_to, i, y;
		struct critset *s;
		struct evalrun *r = &es->r[es->n];
		struct results *R = &es->R[es->n];
		int level = store_level_parse(x->level), any = 0;
		size_t q;

		for (q = 0; q < c->units.n && !any; q++)
			any = c->units.u[q].level == level && in_scope(c, (int)q, top);
		if (rk < 0 || a > b || !any)
			continue;   /* no unit of the set's level here: nothing to compare */
		if (!(s = ctx_load_set(c, x->id)) || evalrun_select(c, s, top, a, b, r) < 0)
			return -1;
		es->n++;
		if (evalrun_results(c, r, R) < 0)
			return -1;
		for (i = 0; i < r->nunit; i++) {
			int u = r->units[i], p = inforce_province_of(c, u);
			char *key = p >= 0 ? utf8_fold(c->units.u[p].name) : NULL;

			for (y = a; y <= b; y++) {
				struct verdict *e = &ev[((size_t)u * (size_t)nyear + (size_t)(y - y0)) * NLADDER + (size_t)rk];

				if (!results_judged(R, i, y) || inforce_pick(l, x->level, x->recognises, key, y) != x)
					continue;
				e->R = R;
				e->i = i;
			}
			free(key);
		}
	}
	return 0;
}

static void evals_free(struct evals *es)
{
	int k;

	for (k = 0; k < es->n; k++) {
		results_free(&es->R[k]);
		evalrun_free(&es->r[k]);
	}
	free(es->R);
	free(es->r);
}


/* A unit judged in these years that others were merged into does not hold
 * their recognitions made before the set judging it began: a recognition
 * under QĐ 318 does not carry over to the commune merged in 2025 by itself
 * (no transition rule of QĐ 51/2025/QĐ-TTg was found). Says so, naming
 * them, under the table. */
static int merged_note(struct ctx *c, const struct verdict *ev, int nyear, int top)
{
	sqlite3_stmt *st;
	int k, j, y, i, first = 1, *head, *next;

	if (c->units.nmerged == 0)
		return 0;
	/* the units merged into each, in the units' order: once, not a walk of
	 * every unit for each unit judged */
	head = malloc((c->units.n + 1) * sizeof *head);
	next = malloc((c->units.n + 1) * sizeof *next);
	if (!head || !next) {
		free(head);
		free(next);
		return err_set(&c->err, "%s", _("out of memory"));
	}
	for (k = 0; k < (int)c->units.n; k++)
		head[k] = next[k] = -1;
	for (j = (int)c->units.n - 1; j >= 0; j--) {
		int m = c->units.u[j].merged_into;

		if (m >= 0 && m < (int)c->units.n) {
			next[j] = head[m];
			head[m] = j;
		}
	}
	if (store_prepare(c->db, &st, "SELECT year, title FROM recognition WHERE unit_id = ?1 "
	                  "ORDER BY year, title", &c->err) < 0) {
		free(head);
		free(next);
		return -1;
	}
	for (k = 0; k < (int)c->units.n; k++) {
		int from = 0;   /* the latest first year of a set judging k: recognitions before it */

		for (y = 0; y < nyear; y++)
			for (i = 0; i < NLADDER; i++) {
				const struct results *R = ev[((size_t)k * (size_t)nyear + (size_t)y) * NLADDER +
				                             (size_t)i].R;

				if (R && R->set->year_from > from)
					from = R->set->year_from;
			}
		if (!from || !in_scope(c, k, top))
			continue;
		for (j = head[k]; j >= 0; j = next[j]) {
			sqlite3_bind_int64(st, 1, c->units.u[j].id);
			while (sqlite3_step(st) == SQLITE_ROW) {
				if (sqlite3_column_int(st, 0) >= from)
					continue;
				if (first)
					fputs(_("\nnot carried over: recognitions of the units merged into a unit "
					        "(they do not pass to it by themselves):\n"), stdout);
				first = 0;
				fputs("  ", stdout);
				utf8_pad(stdout, c->units.u[k].name, 16);
				printf(_(" from %s: %s %d\n"), c->units.u[j].name,
				       (const char *)sqlite3_column_text(st, 1), sqlite3_column_int(st, 0));
			}
			sqlite3_reset(st);
		}
	}
	sqlite3_finalize(st);
	free(head);
	free(next);
	return 0;
}

static void print_rows(struct ctx *c, const struct row *rows, int n, int csv)
{
	int i, v = -1, count[V_N] = { 0 };

	for (i = 0; i < n; i++)
		count[rows[i].v]++;
	if (csv)
		printf("unit_code,unit_name,year,title,decision,set,result,criteria_met,criteria_total,verdict\n");
	for (i = 0; i < n; i++) {
		const struct row *x = &rows[i];
		const struct unit *u = &c->units.u[x->unit];
		char buf[64];

		if (csv) {
			csv_put(stdout, u->code);
			putchar(',');
			csv_put(stdout, u->name);
			printf(",%d,", x->year);
			csv_put(stdout, x->title);
			putchar(',');
			csv_put(stdout, x->decision ? x->decision : "");
			printf(",%s,%s,", x->e ? x->e->R->set->id : "",
			       x->e ? eval_status_name[vstatus(x->e, x->year)] : "");
			if (x->e)
				printf("%d,%d", results_ncrit(x->e->R, x->e->i, x->year), x->e->R->set->ncrit);
			else
				putchar(',');
			printf(",%s\n", vkey[x->v]);
			continue;
		}
		if (x->v != v) {
			v = x->v;
			printf("%s%s: %d\n", i ? "\n" : "", _(vname[v]), count[v]);
		}
		fputs("  ", stdout);
		utf8_pad(stdout, u->name, 16);
		printf(" %d  ", x->year);
		utf8_pad(stdout, x->title, 16);
		if (x->e) {
			utf8_pad(stdout, x->e->R->set->id, 30);
			utf8_pad(stdout, _(eval_status_name[vstatus(x->e, x->year)]), report_status_width() + 2);
			snprintf(buf, sizeof buf, _("%d/%d criteria"), results_ncrit(x->e->R, x->e->i, x->year),
			         x->e->R->set->ncrit);
			fputs(buf, stdout);
		}
		if (x->decision && *x->decision)
			printf("  (%s)", x->decision);
		putchar('\n');
	}
	if (!csv && n == 0)
		fputs(_("no recognitions and no unit meeting a set in these years\n"), stdout);
}

int cmd_recognitions(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "unit", OPT_ARG, "NAME|CODE", "a unit and the units below it", NULL },
		{ "years", OPT_ARG, "A-B", "the years (default: those of the recognitions)", NULL },
		{ "format", OPT_ARG, "FMT", "table (default) or csv", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	struct recog *rec = NULL;
	struct verdict *ev = NULL;
	struct row *rows = NULL;
	struct setlist l = { 0 };
	struct evals es = { 0 };
	int npos, done, rc, top = -1, y0 = 0, y1 = 0, nrec = 0, nrow = 0, nyear, i, y, k, csv = 0;
	const char *fmt = NULL;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, usage, &done)) || done)
		return rc;
	if (npos != 0) {
		err_set(&c->err, _("recognitions: unexpected argument '%s' (see --help)"), argv[1]);
		return 2;
	}
	if ((fmt = opt_get(opts, "format")) && strcmp(fmt, "csv") != 0 && strcmp(fmt, "table") != 0) {
		err_set(&c->err, _("recognitions: --format '%s' is not table or csv"), fmt);
		return 2;
	}
	csv = fmt && strcmp(fmt, "csv") == 0;
	if (opt_get(opts, "years") && opt_years(opt_get(opts, "years"), &y0, &y1) < 0) {
		err_set(&c->err, _("recognitions: '%s' is not a span of years (e.g. 2021-2023)"),
		        opt_get(opts, "years"));
		return 2;
	}
	rc = 1;
	if (ctx_db(c) < 0 || ctx_units(c) < 0 || ctx_vars(c) < 0)
		goto out;
	if (opt_get(opts, "unit") && (top = ctx_find_unit(c, opt_get(opts, "unit"))) < 0)
		goto out;
	{
		int a = 0, b = 0;

		if (load_recogs(c, top, &rec, &nrec, &a, &b) < 0)
			goto out;
		if (!opt_get(opts, "years")) {
			y0 = a;
			y1 = b;
		}
	}
	if (y0 == 0) {
		err_set(&c->err, "%s", top >= 0 ?
		        _("recognitions: no recognitions on record for this unit (import a "
		          "recognitions.csv, or give --years)") :
		        _("recognitions: no recognitions on record (import a recognitions.csv, or "
		          "give --years)"));
		goto out;
	}
	nyear = y1 - y0 + 1;
	ev = malloc(c->units.n * (size_t)nyear * NLADDER * sizeof *ev + 1);
	rows = malloc(((size_t)nrec + c->units.n * (size_t)nyear * NLADDER) * sizeof *rows + 1);
	if (!ev || !rows) {
		err_set(&c->err, "%s", _("out of memory"));
		goto out;
	}
	for (k = 0; k < (int)(c->units.n * (size_t)nyear * NLADDER); k++)
		ev[k].R = NULL;
	if (inforce_load(c, &l) < 0 || evaluate(c, &l, top, y0, y1, ev, &es) < 0)
		goto out;
	for (i = 0; i < nrec; i++) {
		struct row *x = &rows[nrow];
		int rk = rank(rec[i].title), st;
		const struct verdict *e;

		if (rec[i].year < y0 || rec[i].year > y1)
			continue;
		nrow++;
		x->unit = rec[i].unit;
		x->year = rec[i].year;
		x->title = rec[i].title;
		x->decision = rec[i].decision;
		e = rk < 0 ? NULL : &ev[((size_t)x->unit * (size_t)nyear + (size_t)(x->year - y0)) * NLADDER + (size_t)rk];
		x->e = e && e->R ? e : NULL;
		st = x->e ? vstatus(e, x->year) : -1;
		x->v = !x->e ? V_NO_SET : st == ST_MET ? V_AGREE :
		       st == ST_UNMET ? V_NOT_MET : st == ST_OPEN ? V_OPEN : V_INCOMPLETE;
	}
	/* met without a recognition of that rank or higher, that year or before */
	for (k = 0; k < (int)c->units.n; k++)
		for (y = y0; y <= y1; y++)
			for (i = 0; i < NLADDER; i++) {
				const struct verdict *e = &ev[((size_t)k * (size_t)nyear + (size_t)(y - y0)) * NLADDER + (size_t)i];
				int j, held = 0;

				if (!e->R || vstatus(e, y) != ST_MET)
					continue;
				for (j = 0; j < nrec && !held; j++)
					held = rec[j].unit == k && rec[j].year <= y && rank(rec[j].title) >= i;
				if (held)
					continue;
				rows[nrow].v = V_NOT_RECOGNISED;
				rows[nrow].unit = k;
				rows[nrow].year = y;
				rows[nrow].title = ladder[i];
				rows[nrow].decision = NULL;
				rows[nrow++].e = e;
			}
	qsort(rows, (size_t)nrow, sizeof *rows, cmp_row);
	if (!csv)
		printf(_("Recognitions against the evaluation%s%s, %d-%d\n\n"), top >= 0 ? ": " : "",
		       top >= 0 ? c->units.u[top].name : "", y0, y1);
	print_rows(c, rows, nrow, csv);
	if (!csv && merged_note(c, ev, nyear, top) < 0)
		goto out;
	rc = 0;
out:
	for (i = 0; i < nrec; i++) {
		free(rec[i].title);
		free(rec[i].decision);
	}
	free(rec);
	free(ev);
	free(rows);
	evals_free(&es);
	inforce_free(&l);
	return rc;
}
