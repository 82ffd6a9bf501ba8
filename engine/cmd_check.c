/* cmd_check.c - `ntm check`: the consistency audit. Runs the rules of
 * scripts/checks (lua_check.h) over the units and years asked for and
 * prints their findings, sorted by severity, unit and year, each with the
 * figures it rests on and their sources; as a table or CSV. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cmds.h"
#include "csv.h"
#include "i18n.h"
#include "lua_check.h"

static const char usage[] =
	"usage: ntm check [--unit NAME|CODE] [--years A-B] [--format table|csv] [--rules DIR]\n\n"
	"Audits the data for internal inconsistencies: totals against the sum of\n"
	"their parts, the same work counted in two years, money disbursed above\n"
	"what was allocated, shares against the amounts they come from, parts\n"
	"above their totals, money and tonnes summed, recognitions against the\n"
	"units they count, jumps from one year to the next. Each rule is a Lua\n"
	"file in the rules folders (default scripts/checks, or $NTM_CHECKS; folders\n"
	"joined with ':', a rule of a later folder replacing the one of the same id),\n"
	"run in the sandbox, so a rule is added without rebuilding (scripts/README.md);\n"
	"each rule runs once per province (once over --unit) and reads its units only.\n"
	"Findings are sorted by severity (error, warning, info), unit and year.\n\n"
	"Exit status: 0 when no finding is an error, 1 when one is (or a rule\n"
	"failed), 2 for a usage error.\n";

/* Shortest decimal form that reads back as v: 19700, 2981.839, 0.6016
 * (at most 15 significant digits). */
static void fmt_value(char *buf, size_t cap, double v)
{
	int p;

	for (p = 0; p <= 12 && fabs(v) < 1e15; p++) {
		snprintf(buf, cap, "%.*f", p, v);
		if (strtod(buf, NULL) == v)
			return;
	}
	snprintf(buf, cap, "%.15g", v);
}

static void unit_text(const struct ctx *c, int u, char *buf, size_t cap)
{
	if (u < 0)
		snprintf(buf, cap, "(no unit)");
	else
		snprintf(buf, cap, "%s (%s)", c->units.u[u].name, c->units.u[u].code);
}

static void print_table(FILE *out, const struct ctx *c, const struct check_findings *fs)
{
	char unit[600], val[64];
	size_t i;
	int j, m, nsrc;

	for (i = 0; i < fs->n; i++) {
		const struct check_finding *x = &fs->f[i];
		const char **src = NULL;
		size_t vcol = 0;
		int *ref = NULL;

		unit_text(c, x->unit, unit, sizeof unit);
		fprintf(out, "%s%-7s %s  %s", i ? "\n" : "", check_severity_name[x->severity], x->rule,
		        unit);
		if (x->year)
			fprintf(out, ", %d", x->year);
		fprintf(out, ": %s\n", x->title);
		fprintf(out, "        %s\n", x->message);
		if (x->nfig == 0)
			continue;
		/* sources numbered once per finding, in the order first used */
		src = calloc((size_t)x->nfig, sizeof *src);
		ref = calloc((size_t)x->nfig, sizeof *ref);
		nsrc = 0;
		for (j = 0; j < x->nfig; j++) {
			if (x->fig[j].has_value) {
				fmt_value(val, sizeof val, x->fig[j].value);
				if (strlen(val) > vcol)
					vcol = strlen(val);
			}
			if (!src || !ref || !x->fig[j].source)
				continue;
			for (m = 0; m < nsrc && strcmp(src[m], x->fig[j].source) != 0; m++)
				;
			if (m == nsrc)
				src[nsrc++] = x->fig[j].source;
			ref[j] = m + 1;
		}
		/* value, what it is, the source's number */
		for (j = 0; j < x->nfig; j++) {
			if (x->fig[j].has_value)
				fmt_value(val, sizeof val, x->fig[j].value);
			else
				val[0] = '\0';
			fprintf(out, "          %*s  %s", (int)vcol, val, x->fig[j].what);
			if (ref && ref[j])
				fprintf(out, "  [%d]", ref[j]);
			else if (!ref && x->fig[j].source)
				fprintf(out, "  (%s)", x->fig[j].source);   /* out of memory: inline */
			fputc('\n', out);
		}
		for (m = 0; src && m < nsrc; m++)
			fprintf(out, "        [%d] %s\n", m + 1, src[m]);
		free(src);
		free(ref);
	}
}

static void print_csv(FILE *out, const struct ctx *c, const struct check_findings *fs)
{
	char num[64];
	size_t i;
	int j;

	fputs("finding,severity,rule,title,unit_code,unit_name,year,message,figure,value,source\n", out);
	for (i = 0; i < fs->n; i++) {
		const struct check_finding *x = &fs->f[i];

		for (j = 0; j < (x->nfig ? x->nfig : 1); j++) {
			fprintf(out, "%zu,%s,", i + 1, check_severity_name[x->severity]);
			csv_put(out, x->rule);
			fputc(',', out);
			csv_put(out, x->title);
			fputc(',', out);
			if (x->unit >= 0) {
				csv_put(out, c->units.u[x->unit].code);
				fputc(',', out);
				csv_put(out, c->units.u[x->unit].name);
			} else {
				fputc(',', out);
			}
			fputc(',', out);
			if (x->year)
				fprintf(out, "%d", x->year);
			fputc(',', out);
			csv_put(out, x->message);
			fputc(',', out);
			if (x->nfig) {
				csv_put(out, x->fig[j].what);
				fputc(',', out);
				if (x->fig[j].has_value) {
					fmt_value(num, sizeof num, x->fig[j].value);
					fputs(num, out);
				}
				fputc(',', out);
				if (x->fig[j].source)
					csv_put(out, x->fig[j].source);
			} else {
				fputs(",,", out);
			}
			fputc('\n', out);
		}
	}
}

static void summary(FILE *out, const struct check_findings *fs, int nrules, size_t nunits,
                    int y0, int y1)
{
	static const char *const plural[CHK_NSEV] = { "errors", "warnings", "info" };
	int s, first = 1;

	fputs(fs->n ? "\n" : "", out);
	if (fs->n == 0)
		fputs("no findings", out);
	for (s = 0; s < CHK_NSEV; s++) {
		if (!fs->count[s])
			continue;
		fprintf(out, "%s%d %s", first ? "" : ", ", fs->count[s],
		        fs->count[s] == 1 ? check_severity_name[s] : plural[s]);
		first = 0;
	}
	fprintf(out, " from %d rule%s over %zu unit%s", nrules, nrules == 1 ? "" : "s", nunits,
	        nunits == 1 ? "" : "s");
	if (y0)
		fprintf(out, y0 == y1 ? ", %d" : ", %d-%d", y0, y1);
	fputc('\n', out);
}

int cmd_check(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "unit", OPT_ARG, "NAME|CODE", "a unit and the units below it (default: every unit)", NULL },
		{ "years", OPT_ARG, "A-B", "the years findings are reported for (default: all)", NULL },
		{ "format", OPT_ARG, "FMT", "table (default) or csv", NULL },
		{ "rules", OPT_ARG, "DIR", "rules folders, ':'-separated (default $NTM_CHECKS or "
		  "scripts/checks); replaces the default: give both to add to it", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	struct check_findings fs = { 0 };
	const char *fmt, *rules, *e;
	int npos, done, rc, top = -1, y0 = 0, y1 = 0, nrules = 0, csv;
	size_t nunits = 0, i;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, usage, &done)) || done)
		return rc;
	if (npos != 0) {
		err_set(&c->err, _("check: unexpected argument '%s' (see ntm check --help)"), argv[1]);
		return 2;
	}
	if ((fmt = opt_get(opts, "format")) && strcmp(fmt, "csv") != 0 && strcmp(fmt, "table") != 0) {
		err_set(&c->err, _("check: --format '%s' is not table or csv"), fmt);
		return 2;
	}
	csv = fmt && strcmp(fmt, "csv") == 0;
	if (opt_get(opts, "years") && opt_years(opt_get(opts, "years"), &y0, &y1) < 0) {
		err_set(&c->err, _("check: --years '%s' is not a span of years (e.g. 2021-2023)"),
		        opt_get(opts, "years"));
		return 2;
	}
	rules = opt_get(opts, "rules");
	if (!rules)
		rules = (e = getenv("NTM_CHECKS")) && *e ? e : "scripts/checks";
	if (ctx_db(c) < 0 || ctx_units(c) < 0)
		return 1;
	if (opt_get(opts, "unit") && (top = ctx_find_unit(c, opt_get(opts, "unit"))) < 0)
		return 2;
	if (lcheck_run(c, rules, top, y0, y1, &fs, &nrules) < 0) {
		check_findings_free(&fs);
		return 1;
	}
	check_sort(&fs);
	for (i = 0; i < c->units.n; i++) {
		int a = (int)i;

		while (top >= 0 && a >= 0 && a != top)
			a = c->units.u[a].parent;
		nunits += a >= 0;
	}
	if (csv) {
		print_csv(stdout, c, &fs);
	} else {
		print_table(stdout, c, &fs);
		summary(stdout, &fs, nrules, nunits, y0, y1);
	}
	rc = fs.count[CHK_ERROR] ? 1 : 0;
	check_findings_free(&fs);
	return rc;
}
