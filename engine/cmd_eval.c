/* cmd_eval.c - `ntm eval SET`: picks the units and years, loads their
 * figures, evaluates (eval.h), stores the run (runs.h) and prints the
 * report (report.h). */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmds.h"
#include "bounds.h"
#include "evalrun.h"
#include "outfile.h"
#include "i18n.h"
#include "hier.h"
#include "inforce.h"
#include "report.h"
#include "runs.h"
#include "table.h"
#include "utf8.h"

static const char usage[] =
	"usage: ntm eval SET [--year Y | --years A-B] [--unit NAME|CODE]\n"
	"                    [--format table|csv|json] [--explain] [--assume-recognitions]\n"
	"                    [--criterion ID,ID] [--status S,S] [--out FILE] [--bom]\n"
	"       ntm eval --level LEVEL [--province NAME] [--recognises TITLE] [--years A-B]\n"
	"                    [--unit NAME|CODE] [--explain] [--assume-recognitions]\n\n"
	"Evaluates the criteria set SET (an id from `ntm criteria list`, or a .lua\n"
	"file) for every unit of the set's level, or for --unit and the units of\n"
	"that level below it. Each indicator is met or unmet when that is certain\n"
	"whatever the thresholds the set does not know (unset, or a range) turn out\n"
	"to be, open when it depends on them (with the break-even), unknown when\n"
	"figures are missing (they are named); criteria and units combine the same\n"
	"way. The summary counts per year the units meeting the set for certain,\n"
	"those that could, and those that cannot. The global --strict judges draft\n"
	"thresholds as unset. --assume-recognitions narrows the unknown thresholds\n"
	"by what the recognitions on record imply (`ntm criteria bounds`) and says\n"
	"so in every result it decides. Names match without diacritics: \"dinh\n"
	"hoa\" finds Định Hóa.\n"
	"--criterion and --status pick what is shown: the table's rows (unit-years)\n"
	"whose status, or that of one of the criteria picked, is one of those given;\n"
	"the csv's rows (indicators) by their own status. The run stores every\n"
	"result and the summary counts them all. --out FILE writes the report to\n"
	"FILE, whole or not at all, in the format its extension names (.txt, .csv,\n"
	".json); --bom starts a csv with the mark Excel needs to read UTF-8.\n"
	"The years default to those with figures within the set's years. The run\n"
	"and its results are stored in the database (`ntm runs`; NTM_KEEP_RUNS=N keeps\n"
	"the newest N), unless --no-store.\n\n"
	"With --level instead of SET, each year is judged by the set in force: the\n"
	"province's own set for that level and recognition (--recognises) if one\n"
	"covers the year, else the national one; a span crossing from one decision\n"
	"to the next is one run per set. The province is --province or that of --unit.\n"
	"A set that uses other sets' results (share_meeting, meets) evaluates them\n"
	"first, on the units below; --explain lists the results it used.\n\n"
	"Each year is judged on the units that existed that year. With the global\n"
	"--as-of YEAR (ntm --as-of 2023 eval ...), the units of YEAR are judged in\n"
	"every year, their figures before a merge combined with those of the units\n"
	"merged into them; the output lists what was combined.\n";

/* The year span with figures for any unit, within [lo, hi]. */
static int data_years(sqlite3 *db, int lo, int hi, int *a, int *b, struct ntm_err *err)
{
	sqlite3_stmt *st;
	int rc = -1;

	if (store_prepare(db, &st, "SELECT min(year), max(year) FROM observation "
	                  "WHERE year BETWEEN ?1 AND ?2", err) < 0)
		return -1;
	sqlite3_bind_int(st, 1, lo);
	sqlite3_bind_int(st, 2, hi);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		*a = sqlite3_column_int(st, 0);
		*b = sqlite3_column_int(st, 1);
		rc = 0;
	}
	sqlite3_finalize(st);
	if (rc < 0)
		err_set(err, _("no figures in the database for %d-%d (import observations first, or give --years)"),
		        lo, hi);
	return rc;
}

/* Stores the results of the sets the run depended on, each as a run of its
 * own that names the run it served; in the table format, says so. */
static int store_used(struct ctx *c, struct evalrun *r, long long run_id, int format)
{
	char filter[64];
	int k, i, y;
	unsigned regions;

	snprintf(filter, sizeof filter, "used by run %lld", run_id);
	for (k = 0; r->hier && k < r->hier->nset; k++) {
		struct hier_set *hs = r->hier->set[k];
		struct run_writer w;
		int met = 0, nd, nu;

		if (hs->run.nunit == 0)
			continue;
		for (i = 0, regions = 0; i < hs->run.nunit; i++)
			for (regions |= RUNS_REGION(hs->res.region[i]), y = hs->run.year_from;
			     y <= hs->run.year_to; y++)
				if (results_judged(&hs->res, i, y))
					regions |= RUNS_REGION(results_place(&hs->res, i, y));
		if (runs_begin(&w, c->db, hs->run.set, hs->run.year_from, hs->run.year_to, filter,
		               run_id, regions, &c->err) < 0)
			return -1;
		/* the results the run used, as it used them */
		for (i = 0; i < hs->run.nunit; i++)
			for (y = hs->run.year_from; y <= hs->run.year_to; y++) {
				int st;

				if (!results_judged(&hs->res, i, y))
					continue;
				st = results_status(&hs->res, i, y);
				met += st == ST_MET;
				results_inds(&hs->res, i, y, hs->run.res);
				if (runs_add(&w, c->units.u[hs->run.units[i]].id, y, results_place(&hs->res, i, y),
				             hs->run.set, hs->run.res, st, results_ncrit(&hs->res, i, y),
				             &c->err) < 0) {
					runs_abort(&w);
					return -1;
				}
			}
		crit_thr_census(hs->run.set, &nd, &nu);
		if (runs_end(&w, hs->run.nunit, met, nd, nu, &c->err) < 0)
			return -1;
		runs_abort(&w);   /* frees the writer's buffer; the run is committed */
		if (format == FMT_TABLE)
			printf(_("the results under %s it used (%d %ss) stored as run %lld\n"), hs->id,
			       hs->run.nunit, _(store_level_name[hs->level]), (long long)w.run_id);
	}
	return 0;
}

/* Every figure on record for unit u in the year, with its source, those
 * the set reads marked '*'; why says whose they are when not the unit's. */
static int unit_record(struct ctx *c, FILE *out, const struct critset *set, int u, int year,
                       const char *why)
{
	sqlite3_stmt *st;
	int n = 0;

	if (store_prepare(c->db, &st, "SELECT v.name, o.quarter, o.value, v.uom, s.text "
	                  "FROM observation o JOIN variable v ON v.id = o.variable_id "
	                  "JOIN source s ON s.id = o.source_id "
	                  "WHERE o.unit_id = ?1 AND o.year = ?2 ORDER BY v.name, o.quarter",
	                  &c->err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, c->units.u[u].id);
	sqlite3_bind_int(st, 2, year);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		int q = sqlite3_column_int(st, 1), used = 0, k;
		char num[32], when[16];

		for (k = 0; k < set->nvar && !used; k++)
			used = strcmp(set->var[k], name) == 0;
		if (n++ == 0)
			fprintf(out, "  figures on record for %s, %d%s (* read by the set):\n",
			        c->units.u[u].name, year, why);
		report_num(num, sizeof num, sqlite3_column_double(st, 2));
		snprintf(when, sizeof when, q ? "%dQ%d" : "%d", year, q);
		fprintf(out, "    %c %-40s %12s %-16s %-7s %s\n", used ? '*' : ' ', name, num,
		        (const char *)sqlite3_column_text(st, 3), when,
		        (const char *)sqlite3_column_text(st, 4));
	}
	sqlite3_finalize(st);
	return 0;
}

/* For the explanation of a single unit: its figures on record for the year
 * and, with --as-of, those of the units merged into it that were combined. */
static int on_record(struct ctx *c, FILE *out, const struct evalrun *r, int i, int year)
{
	int u = r->units[i];
	size_t p;

	if (unit_exists(&c->units.u[u], year) && unit_record(c, out, r->set, u, year, "") < 0)
		return -1;
	for (p = 0; c->as_of && c->units.nmerged && p < c->units.n; p++) {
		const struct unit *x = &c->units.u[p];
		char why[256];

		if (x->merged_into < 0 || !unit_exists(x, year) ||
		    lineage_target(&c->units, (int)p, c->as_of) != u)
			continue;
		snprintf(why, sizeof why, ", merged into %s in %d, combined", c->units.u[x->merged_into].name,
		         x->valid_to + 1);
		if (unit_record(c, out, r->set, (int)p, year, why) < 0)
			return -1;
	}
	return 0;
}

/* Records the scenario a run was made under. */
static int mark_scenario(struct ctx *c, int64_t run_id)
{
	sqlite3_stmt *st;
	int rc = 0;

	if (store_prepare(c->db, &st, "UPDATE run SET scenario = ?1 WHERE id = ?2", &c->err) < 0)
		return -1;
	sqlite3_bind_text(st, 1, c->scenario_name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, run_id);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = err_set(&c->err, _("database: %s"), sqlite3_errmsg(c->db));
	sqlite3_finalize(st);
	return rc;
}

struct evalopt {
	int format, explain, top;
	const char *unit_arg;
	int assume;          /* --assume-recognitions */
	int no_store;        /* --no-store */
	const char *criteria;  /* --criterion ID,ID: shown (resolved in each set) */
	unsigned status;       /* --status: 1u << ST_* shown; 0 all */
	const char *desc;      /* the filter as given, for the summary */
	FILE *out;             /* where the report goes (stdout, or --out's file) */
	int bom;               /* --bom: csv starts with a byte-order mark */
};

/* --criterion "17,18.1" for set s: crit[i] = 1 for each criterion named.
 * Returns 0, or -1 with err naming the first id the set does not have. */
static int pick_criteria(struct ctx *c, const struct critset *s, const char *list,
                         unsigned char *crit)
{
	char *copy = strdup(list), *tok, *save = NULL;
	int i, rc = 0;

	if (!copy)
		return err_set(&c->err, "%s", _("out of memory"));
	for (tok = strtok_r(copy, ",", &save); tok && rc == 0; tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ')
			tok++;
		for (i = 0; i < s->ncrit && strcmp(s->crit[i].id, tok) != 0; i++)
			;
		if (i < s->ncrit) {
			crit[i] = 1;
		} else {
			char ids[512];
			size_t n = 0;
			int k;

			ids[0] = '\0';
			for (k = 0; k < s->ncrit && n < sizeof ids - 32; k++)
				n += (size_t)snprintf(ids + n, sizeof ids - n, "%s%s", k ? ", " : "", s->crit[k].id);
			rc = err_set(&c->err, _("eval: --criterion '%s': %s has no such criterion (it has %s)"),
			             tok, s->id, ids);
		}
	}
	free(copy);
	return rc;
}

/* --status "unmet,open": the bits of the statuses named. Returns 0, or -1
 * with err listing the statuses. */
static int pick_statuses(struct ctx *c, const char *list, unsigned *bits)
{
	char *copy = strdup(list), *tok, *save = NULL;
	int k, rc = 0;

	if (!copy)
		return err_set(&c->err, "%s", _("out of memory"));
	*bits = 0;
	for (tok = strtok_r(copy, ",", &save); tok && rc == 0; tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ')
			tok++;
		for (k = 0; k < ST_N && strcmp(eval_status_name[k], tok) != 0 &&
		     !(k == ST_NA && strcmp(tok, "na") == 0); k++)
			;
		if (k < ST_N)
			*bits |= 1u << k;
		else
			rc = err_set(&c->err, _("eval: --status '%s' is not a status (met, unmet, open, "
			             "unknown, n/a)"), tok);
	}
	free(copy);
	if (rc == 0 && !*bits)
		rc = err_set(&c->err, "%s", _("eval: --status names no status (met, unmet, open, unknown, n/a)"));
	return rc;
}

/* NTM_KEEP_RUNS=N: after a stored run, the newest N runs stay. */
static int keep_runs(struct ctx *c)
{
	const char *k = getenv("NTM_KEEP_RUNS");
	int removed, kept;
	char *end;
	long n;

	if (!k || !*k)
		return 0;
	n = strtol(k, &end, 10);
	if (end == k || *end || n < 1 || n > 1000000)
		return err_set(&c->err, _("NTM_KEEP_RUNS '%s' is not a number of runs (1 or more)"), k);
	return runs_prune(c->db, (int)n, -1, 0, &removed, &kept, &c->err);
}

/* --assume-recognitions: narrows s by the bounds its recognitions on record
 * imply (every recognition of its title, wherever it is in force) and
 * appends a line saying so to head. Returns 0 or -1 with c->err. */
static int assume(struct ctx *c, struct critset *s, char *head, size_t cap)
{
	struct bounds b;
	int n;

	if (bounds_load(c, s, -1, 0, 0, &b) < 0)
		return -1;
	n = bounds_narrow(s, &b, &c->err);
	if (n >= 0)
		snprintf(head + strlen(head), cap - strlen(head),
		         b.nrecog == 1 ? _("assuming the recognitions on record: %d recognition narrows %d "
		                           "threshold cells (`ntm criteria bounds %s` lists them)\n\n") :
		         _("assuming the recognitions on record: %d recognitions narrow %d threshold cells "
		           "(`ntm criteria bounds %s` lists them)\n\n"), b.nrecog, n, s->id);
	bounds_free(&b);
	if (n >= 0) {   /* those of an earlier period (QĐ 318 before 2026) are not taken */
		sqlite3_stmt *st;
		int before = 0;

		if (store_prepare(c->db, &st, "SELECT count(*) FROM recognition WHERE year < ?1",
		                  &c->err) < 0)
			return -1;
		sqlite3_bind_int(st, 1, s->year_from);
		if (sqlite3_step(st) == SQLITE_ROW)
			before = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		if (before && strlen(head) >= 2)   /* before the blank line */
			snprintf(head + strlen(head) - 1, cap - strlen(head) + 1,
			         _("the %d recognitions before %d, under the sets then in force, are not "
			           "taken: they do not carry over to %s by themselves\n\n"),
			         before, s->year_from, s->id);
	}
	return n < 0 ? -1 : 0;
}

/* Stores R as a run (committed before anything is printed). */
static int store_run(struct ctx *c, struct evalrun *r, const struct results *R, int y0, int y1,
                     const struct evalopt *o, struct run_writer *w)
{
	char filter[256];
	int i, y, met = 0, nd, nu;
	unsigned regions = 0;

	/* the run says which hierarchy it judged */
	if (c->as_of)
		snprintf(filter, sizeof filter, "%s%sas of %d", o->unit_arg ? o->unit_arg : "",
		         o->unit_arg ? ", " : "", c->as_of);
	for (i = 0; i < r->nunit; i++)   /* every unit's region; with groups, the places judged */
		for (regions |= RUNS_REGION(R->region[i]), y = y0; y <= y1; y++)
			if (results_judged(R, i, y))
				regions |= RUNS_REGION(results_place(R, i, y));
	if (runs_begin(w, c->db, r->set, y0, y1, c->as_of ? filter : o->unit_arg, 0, regions,
	               &c->err) < 0)
		return -1;
	for (i = 0; i < r->nunit; i++)
		for (y = y0; y <= y1; y++) {
			const struct unit *u = &c->units.u[r->units[i]];

			if (!results_judged(R, i, y))
				continue;
			met += results_status(R, i, y) == ST_MET;
			results_inds(R, i, y, r->res);
			if (runs_add(w, u->id, y, results_place(R, i, y), r->set, r->res, results_status(R, i, y),
			             results_ncrit(R, i, y), &c->err) < 0)
				return -1;
		}
	results_thr_used(R, &nd, &nu);
	if ((c->scenario_name && mark_scenario(c, w->run_id) < 0) ||
	    runs_end(w, r->nunit, met, nd, nu, &c->err) < 0)
		return -1;
	return 0;
}

/* Evaluates set s (owned from here) for years y0..y1 into one results
 * value, stores it as a run and commits, then prints the report, head first
 * (NULL: none): nothing is printed that was not stored, and no lock is held
 * while a slow reader of stdout (a pager) takes it. A read-only database,
 * or --no-store, is evaluated and printed, and not stored. Returns 0 or 1
 * with c->err. */
static int eval_set(struct ctx *c, struct critset *s, int y0, int y1, const struct evalopt *o,
                    const char *head)
{
	struct evalrun r = { 0 };
	struct results R = { 0 };
	struct report rep;
	struct run_writer w = { 0 };
	struct report_filter flt = { NULL, o->status, o->desc };
	unsigned char *keep = NULL;
	int have_rep = 0, rc = 1, i, y;
	int store = !o->no_store && !store_readonly(c->db);
	FILE *out = o->out;

	/* the criteria asked for, before any figure is read */
	if (o->criteria) {
		if (!(keep = calloc((size_t)s->ncrit + 1, 1)))
			err_set(&c->err, "%s", _("out of memory"));
		if (!keep || pick_criteria(c, s, o->criteria, keep) < 0) {
			free(keep);
			crit_free(s);
			return 1;
		}
		flt.crit = keep;
	}
	if (evalrun_select(c, s, o->top, y0, y1, &r) < 0) {
		char msg[NTM_ERR_MAX];

		snprintf(msg, sizeof msg, "%s", c->err.msg);
		err_set(&c->err, _("eval: %s"), msg);
		free(keep);
		return 1;
	}
	if (evalrun_results(c, &r, &R) < 0 || (store && store_run(c, &r, &R, y0, y1, o, &w) < 0))
		goto done;
	if (head)
		fputs(head, out);
	if (o->bom && o->format == FMT_CSV)
		fputs("\xef\xbb\xbf", out);
	if (report_begin(&rep, out, o->format, o->explain, r.set, &c->units, r.units, r.nunit,
	                 y0, y1, o->desc ? &flt : NULL) < 0) {
		err_set(&c->err, "%s", _("out of memory"));
		goto done;
	}
	have_rep = 1;
	for (i = 0; i < r.nunit; i++)
		for (y = y0; y <= y1; y++) {
			if (!results_judged(&R, i, y))
				continue;
			struct eval_hist h = evalrun_hist(&r, i);

			results_inds(&R, i, y, r.res);
			report_unit(&rep, r.units[i], y, evalrun_vals(&r, i, y), &h, r.res,
			            R.crit + results_cell(&R, i, y) * (size_t)r.set->ncrit,
			            results_status(&R, i, y), results_ncrit(&R, i, y));
			if (r.hier && o->format == FMT_TABLE && o->explain)
				hier_explain(c, r.hier, &r, i, y, out);
			if (r.nunit == 1 && o->format == FMT_TABLE && o->explain &&
			    on_record(c, out, &r, i, y) < 0)
				goto done;
		}
	report_end(&rep, store ? (long long)w.run_id : -1, c->db_path);
	if (!store && o->no_store)
		fprintf(o->format == FMT_TABLE ? out : stderr, "%s%s\n",
		        o->format == FMT_TABLE ? "" : "ntm: ", _("not stored (--no-store)"));
	else if (!store)
		fprintf(o->format == FMT_TABLE ? out : stderr, _("%snot stored: %s is read-only\n"),
		        o->format == FMT_TABLE ? "" : "ntm: ", c->db_path);
	if (c->scenario_name && o->format == FMT_TABLE)
		fprintf(out, _("under scenario %s: the base data is unchanged\n"), c->scenario_name);
	if (fflush(out) != 0 || ferror(out)) {
		err_set(&c->err, _("eval: the report could not be written%s"),
		        store ? _(" (the run is stored)") : "");
		goto done;
	}
	/* each of these is printed once its own run is committed */
	if (store && store_used(c, &r, (long long)w.run_id, o->format) < 0)
		goto done;
	if (store && keep_runs(c) < 0)
		goto done;
	/* what was combined across merges: on stderr when stdout is csv or json */
	lineage_notes_print(&c->notes, c->as_of, o->format == FMT_TABLE ? stdout : stderr);
	rc = 0;
done:
	runs_abort(&w);
	free(keep);
	if (have_rep)
		report_free(&rep);
	results_free(&R);
	evalrun_free(&r);
	return rc;
}

static void span(char *buf, size_t cap, int a, int b)
{
	if (a == b)
		snprintf(buf, cap, "%d", a);
	else
		snprintf(buf, cap, "%d-%d", a, b);
}

/* ntm eval --level L: for each year the set in force for the level, the
 * recognition and the province (given, or that of --unit); consecutive
 * years under one set are one run. */
static int eval_in_force(struct ctx *c, const char *level, const char *recognises,
                         const char *province, int y0, int y1, const struct evalopt *o)
{
	struct setlist l;
	char *key = NULL, years[32];
	const char *pname = province;
	int y, rc = 0, p;

	if (store_level_parse(level) < 0) {
		err_set(&c->err, _("eval: --level '%s' is not a level (province, district, commune, "
		        "township, village)"), level);
		return 2;
	}
	if (!province && o->top >= 0 && (p = inforce_province_of(c, o->top)) >= 0)
		pname = c->units.u[p].name;
	if (pname && !(key = utf8_fold(pname))) {
		err_set(&c->err, "%s", _("out of memory"));
		return 1;
	}
	if (inforce_load(c, &l) < 0) {
		free(key);
		return 1;
	}
	for (y = y0; y <= y1 && rc == 0;) {
		const struct setinfo *x = inforce_pick(&l, level, recognises, key, y);
		int z = y;
		struct critset *s;

		while (z < y1 && inforce_pick(&l, level, recognises, key, z + 1) == x)
			z++;
		span(years, sizeof years, y, z);
		if (!x) {
			fprintf(o->out, "%s: no %s set (recognises %s) in force%s%s in %s\n\n", years, level,
			       recognises, pname ? " for " : " nationally", pname ? pname : "",
			       c->criteria_path);
		} else {
			char head[512];

			snprintf(head, sizeof head, "%s: %s is in force%s%s (%s)\n\n", years, x->id,
			         x->province ? " in " : "", x->province ? x->province : "", x->decision);
			if (!(s = ctx_load_set(c, x->id)))
				rc = 1;
			else if (o->assume && assume(c, s, head, sizeof head) < 0)
				rc = 1, crit_free(s);
			else
				rc = eval_set(c, s, y, z, o, head);
			if (rc == 0 && z < y1)
				fputc('\n', o->out);
		}
		y = z + 1;
	}
	inforce_free(&l);
	free(key);
	return rc;
}

int cmd_eval(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "year", OPT_ARG, "Y", "evaluate one year", NULL },
		{ "years", OPT_ARG, "A-B", "evaluate a span of years", NULL },
		{ "unit", OPT_ARG, "NAME|CODE", "a unit, or the units of the set's level below it", NULL },
		{ "level", OPT_ARG, "LEVEL", "no SET: the set in force for this level, year by year", NULL },
		{ "province", OPT_ARG, "NAME", "with --level: the province whose sets apply (default: that of --unit)", NULL },
		{ "recognises", OPT_ARG, "TITLE", "with --level: ntm (default), ntm-advanced, ntm-model", NULL },
		{ "format", OPT_ARG, "FMT", "table (default), csv or json", NULL },
		{ "out", OPT_ARG, "FILE", "write to FILE, the format from its extension (.txt, .csv, .json)", NULL },
		{ "bom", OPT_FLAG, NULL, "csv: start with a byte-order mark (for Excel)", NULL },
		{ "criterion", OPT_ARG, "ID,ID", "show these criteria only (the run stores all)", NULL },
		{ "status", OPT_ARG, "S,S", "show results with these statuses only: met, unmet, open, unknown, n/a", NULL },
		{ "explain", OPT_FLAG, NULL, "value, threshold, gap and citation of every indicator", NULL },
		{ "assume-recognitions", OPT_FLAG, NULL, "narrow unknown thresholds by what the recognitions on record imply", NULL },
		{ "no-store", OPT_FLAG, NULL, "do not store the run (a one-off query)", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	struct critset *s = NULL;
	struct evalopt o = { FMT_TABLE, 0, -1, NULL, 0, 0, NULL, 0, NULL, NULL, 0 };
	struct outdir od = { -1, "" };
	struct outfile of = { 0 };
	const char *fmt, *yarg, *level, *out, *name = NULL;
	char desc[512] = "", shown[512];
	int y0, y1, npos, done, rc;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, usage, &done)) || done)
		return rc;
	level = opt_get(opts, "level");
	if (level ? npos != 0 : npos != 1) {
		err_set(&c->err, "%s", level ? _("eval: give a SET or --level, not both") :
		        _("eval: give one criteria set, or --level (usage: ntm eval SET [--year Y] [--unit U])"));
		return 2;
	}
	if (!level && (opt_get(opts, "province") || opt_get(opts, "recognises"))) {
		err_set(&c->err, "%s", _("eval: --province and --recognises go with --level"));
		return 2;
	}
	fmt = opt_get(opts, "format");
	out = opt_get(opts, "out");
	if (out) {
		/* the format from the extension; --format may say the same */
		const char *dot = strrchr(out, '.'), *ext;
		int tf = table_format_of(out);

		ext = tf == TF_CSV ? "csv" : tf == TF_TEXT ? "table" :
		      dot && !strchr(dot, '/') && strcasecmp(dot, ".json") == 0 ? "json" : NULL;
		if (fmt && ext && strcmp(fmt, ext) != 0) {
			err_set(&c->err, _("eval: --format %s, but --out '%s' names %s"), fmt, out, ext);
			return 2;
		}
		if (!fmt && !(fmt = ext)) {
			err_set(&c->err, _("eval: --out '%s': the extension says no format eval writes (.txt, "
			        ".csv, .json); the Biểu tables as xlsx, md or html are `ntm report`'s"), out);
			return 2;
		}
	}
	if (fmt && strcmp(fmt, "csv") == 0)
		o.format = FMT_CSV;
	else if (fmt && strcmp(fmt, "json") == 0)
		o.format = FMT_JSON;
	else if (fmt && strcmp(fmt, "table") != 0) {
		err_set(&c->err, _("eval: --format '%s' is not table, csv or json"), fmt);
		return 2;
	}
	o.bom = opt_get(opts, "bom") != NULL;
	if (o.bom && o.format != FMT_CSV) {
		err_set(&c->err, "%s", _("eval: --bom goes with csv"));
		return 2;
	}
	o.criteria = opt_get(opts, "criterion");
	if (opt_get(opts, "status") && pick_statuses(c, opt_get(opts, "status"), &o.status) < 0)
		return 2;
	if (o.criteria || o.status) {
		snprintf(desc, sizeof desc, "%s%s%s%s%s", o.criteria ? "--criterion " : "",
		         o.criteria ? o.criteria : "", o.criteria && o.status ? " " : "",
		         o.status ? "--status " : "", o.status ? opt_get(opts, "status") : "");
		o.desc = desc;
	}
	if (level && o.format != FMT_TABLE) {
		err_set(&c->err, "%s", _("eval: --level reports as a table (one section per set); for csv "
		        "or json, evaluate each SET"));
		return 2;
	}
	o.explain = opt_get(opts, "explain") != NULL;
	o.assume = opt_get(opts, "assume-recognitions") != NULL;
	o.no_store = opt_get(opts, "no-store") != NULL;
	if (opt_get(opts, "year") && opt_get(opts, "years")) {
		err_set(&c->err, "%s", _("eval: give --year or --years, not both"));
		return 2;
	}
	/* one unit and what is below it: the units around it only, unless the
	 * recognitions of every unit are read (--assume-recognitions) */
	o.unit_arg = opt_get(opts, "unit");
	if (ctx_db(c) < 0 || ((!o.unit_arg || o.assume) && ctx_units(c) < 0) || ctx_vars(c) < 0)
		return 1;
	if (o.unit_arg && (o.top = o.assume ? ctx_find_unit(c, o.unit_arg) :
	                           ctx_units_near(c, o.unit_arg)) < 0)
		return 1;
	if (!level && !(s = ctx_load_set(c, argv[1])))
		return 1;
	yarg = opt_get(opts, "year") ? opt_get(opts, "year") : opt_get(opts, "years");
	if (yarg) {
		if (opt_years(yarg, &y0, &y1) < 0 || (opt_get(opts, "year") && y0 != y1)) {
			err_set(&c->err, opt_get(opts, "year") ? _("eval: '%s' is not a year (e.g. 2023)") :
			        _("eval: '%s' is not a year span (e.g. 2021-2023)"), yarg);
			crit_free(s);
			return 2;
		}
	} else if (data_years(c->db, s ? s->year_from : 1900, s ? s->year_to : 2100, &y0, &y1,
	                      &c->err) < 0) {
		crit_free(s);
		return 1;
	}
	o.out = stdout;
	if (out) {
		if (outdir_of(&od, out, &name, &c->err) < 0 || outfile_begin(&of, &od, name, &c->err) < 0) {
			outdir_close(&od);
			crit_free(s);
			return 1;
		}
		o.out = of.f;
	}
	if (level) {
		rc = eval_in_force(c, level, opt_get(opts, "recognises") ? opt_get(opts, "recognises") :
		                   "ntm", opt_get(opts, "province"), y0, y1, &o);
	} else if (o.assume) {
		char head[512] = "";

		if (assume(c, s, head, sizeof head) < 0) {
			crit_free(s);
			rc = 1;
		} else {
			rc = eval_set(c, s, y0, y1, &o, o.format == FMT_TABLE ? head : NULL);
		}
	} else {
		rc = eval_set(c, s, y0, y1, &o, NULL);
	}
	if (out) {
		/* the file is whole or not there */
		if (rc == 0 && outfile_commit(&of, &c->err) < 0)
			rc = 1;
		else if (rc != 0)
			outfile_abort(&of);
		if (rc == 0)
			printf(_("wrote %s\n"), outfile_shown(&od, name, shown, sizeof shown));
		outdir_close(&od);
	}
	return rc;
}
