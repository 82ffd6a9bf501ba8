/* cmds.c - what every subcommand shares: option parsing with --help
 * (cmds.h). Kept out of main.c so the tests can link the commands. */
#include <stdio.h>

#include "cmds.h"
#include "i18n.h"

int cmd_options(struct ctx *c, struct opt *opts, int argc, char **argv, int *npos,
                const char *usage_text, int *done)
{
	*done = 0;
	if (opt_parse(opts, argc, argv, npos, argv[0], &c->err) < 0)
		return 2;
	/* a unit named by a code given to several units, one after another, is
	 * the one of the years asked about (ctx_find_unit) */
	{
		const char *y = opt_get(opts, "year") ? opt_get(opts, "year") : opt_get(opts, "years");
		int first, last;

		if (c->as_of)
			c->unit_year = c->as_of;
		else if (y && opt_years(y, &first, &last) == 0)
			c->unit_year = last;
	}
	if (opt_get(opts, "help")) {
		/* the usage text and each option's help, whole, as catalogue
		 * entries (engine/po/vi-help.po) */
		fputs(_(usage_text), stdout);
		fputs(_("\noptions:\n"), stdout);
		opt_help(opts, stdout);
		*done = 1;
	}
	return 0;
}
