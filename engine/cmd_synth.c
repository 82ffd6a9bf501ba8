/* cmd_synth.c - `ntm synth --out DIR [--units FILE]`: writes the
 * deterministic national synthetic dataset (synth.h), on invented units or
 * the real ones of a units file, for benchmarks and scale tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "i18n.h"
#include "synth.h"

static const char usage[] =
	"usage: ntm synth --out DIR [--units FILE] [--seed N] [--scale X] [--years A-B]\n\n"
	"Writes units.csv, observations.csv and funding.csv of a synthetic\n"
	"country: 63 provinces, about 700 districts and 8,200 communes at scale 1,\n"
	"with every variable the shipped commune set uses, for each year. With\n"
	"--units, the units are those of FILE (a units csv, e.g.\n"
	"data/register/units.csv, copied as it is): figures for each commune in\n"
	"the years it exists, funding for each district in its years. The same\n"
	"options always give the same files. Import them into a database of their\n"
	"own: ntm --db /tmp/national.db import data/variables.csv DIR/*.csv\n";

static void progress(void *ctx, const char *what, long done, long total)
{
	ctx_progress(ctx, what, done, total);
}

int cmd_synth(struct ctx *c, int argc, char **argv)
{
	struct opt opts[] = {
		{ "out", OPT_ARG, "DIR", "directory to write (created if missing)", NULL },
		{ "units", OPT_ARG, "FILE", "take the units from FILE (a units csv) instead of inventing them", NULL },
		{ "seed", OPT_ARG, "N", "random seed (default 2021)", NULL },
		{ "scale", OPT_ARG, "X", "1 = national (default); 0.01 for a small sample", NULL },
		{ "years", OPT_ARG, "A-B", "years to generate (default 2021-2025)", NULL },
		{ "help", OPT_FLAG, NULL, "show this help", NULL },
		{ NULL, 0, NULL, NULL, NULL },
	};
	struct synth_opts so;
	const char *v;
	char *end;
	int npos, done, rc;

	if ((rc = cmd_options(c, opts, argc, argv, &npos, usage, &done)) || done)
		return rc;
	if (!opt_get(opts, "out") || npos) {
		err_set(&c->err, "%s", _("synth: give --out DIR (usage: ntm synth --out DIR [--units FILE] [--seed N] "
		        "[--scale X])"));
		return 2;
	}
	synth_defaults(&so);
	so.units = opt_get(opts, "units");
	if (so.units && opt_get(opts, "scale")) {
		err_set(&c->err, "%s", _("synth: --scale invents units; with --units FILE the units are FILE's "
		        "(give one or the other)"));
		return 2;
	}
	if ((v = opt_get(opts, "seed"))) {
		so.seed = strtoull(v, &end, 10);
		if (*end || !*v) {
			err_set(&c->err, _("synth: --seed '%s' is not a whole number"), v);
			return 2;
		}
	}
	if ((v = opt_get(opts, "scale"))) {
		so.scale = strtod(v, &end);
		if (*end || !*v || so.scale <= 0 || so.scale > 10) {
			err_set(&c->err, _("synth: --scale '%s' is not a number in (0, 10]"), v);
			return 2;
		}
	}
	if ((v = opt_get(opts, "years"))) {
		if (opt_years(v, &so.year_from, &so.year_to) < 0) {
			err_set(&c->err, _("synth: --years '%s' is not a span like 2021-2025"), v);
			return 2;
		}
	}
	so.progress = c->progress;
	so.on_progress = progress;
	so.ctx = c;
	if (synth_generate(opt_get(opts, "out"), &so, &c->err) < 0)
		return 1;
	ctx_progress(c, NULL, -1, 0);
	printf("wrote units.csv, observations.csv and funding.csv to %s\n", opt_get(opts, "out"));
	return 0;
}
