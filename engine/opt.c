/* opt.c - option parsing and help from declarations (opt.h); suggests
 * the nearest option name for a typo (suggest.h), and names the stray word
 * of a two-word name that lost its quotes. */
#include "opt.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "suggest.h"

static struct opt *find(struct opt *opts, const char *name, size_t n)
{
	for (; opts->name; opts++)
		if (strlen(opts->name) == n && strncmp(opts->name, name, n) == 0)
			return opts;
	return NULL;
}

/* A word that can only be part of a name: one word, not an option, a path
 * or a file, with a capital letter first or a letter outside ASCII
 * ("Quảng", "Giao", "Phượng"). Set ids, commands and numbers are not. */
static int name_word(const char *w)
{
	const unsigned char *p = (const unsigned char *)w;

	if (!*w || *w == '-' || strpbrk(w, " /.=:") || access(w, F_OK) == 0)
		return 0;
	if (*p >= 'A' && *p <= 'Z')
		return 1;
	for (; *p; p++)
		if (*p >= 0x80)
			return 1;
	return 0;
}

int opt_parse(struct opt *opts, int argc, char **argv, int *npos, const char *cmd,
              struct ntm_err *err)
{
	int i, np = 1, only_pos = 0, after = -1;   /* after: the index of a value given apart */
	const struct opt *last = NULL;

	for (i = 1; i < argc; i++) {
		char *a = argv[i];
		const char *eq;
		struct opt *o;
		size_t n;

		if (only_pos || a[0] != '-' || a[1] != '-' || a[2] == '\0') {
			if (!only_pos && strcmp(a, "--") == 0) {
				only_pos = 1;
				continue;
			}
			if (!only_pos && a[0] == '-' && a[1] && a[1] != '-' && strcmp(a, "-") != 0) {
				if (strcmp(a, "-h") == 0) {
					o = find(opts, "help", 4);
					if (o) {
						o->val = "1";
						continue;
					}
				}
				return err_set(err, _("%s: unknown option '%s' (options are long, e.g. --help)"), cmd, a);
			}
			/* a pasted command whose two-word name lost its quotes:
			 * --unit Quảng Giao leaves Giao standing alone */
			if (!only_pos && last && after == i - 1 && name_word(argv[after]) && name_word(a))
				return err_set(err, _("%s: '%s' stands alone after --%s %s: a name of several "
				               "words needs quotes (--%s \"%s %s\")"), cmd, a, last->name,
				               argv[after], last->name, argv[after], a);
			argv[np++] = a;
			continue;
		}
		a += 2;
		eq = strchr(a, '=');
		n = eq ? (size_t)(eq - a) : strlen(a);
		if (!(o = find(opts, a, n))) {
			struct suggest sg;
			struct opt *k;
			char name[64];

			snprintf(name, sizeof name, "%.*s", (int)(n < 60 ? n : 60), a);
			err_set(err, _("%s: unknown option '--%s'"), cmd, name);
			suggest_init(&sg, name);
			for (k = opts; k->name; k++)
				suggest_add(&sg, k->name);
			suggest_append(&sg, err);
			err_append(err, _(" (see 'ntm %s --help')"), cmd);
			return -1;
		}
		if (o->kind == OPT_FLAG) {
			if (eq)
				return err_set(err, _("%s: option '--%s' takes no value"), cmd, o->name);
			o->val = "1";
			continue;
		}
		if (o->val)   /* one value each: a second would silently replace the first */
			return err_set(err, _("%s: option '--%s' is given twice ('%s', then '%s'); give it once"),
			               cmd, o->name, o->val, eq ? eq + 1 : i + 1 < argc ? argv[i + 1] : "");
		if (eq) {
			o->val = eq + 1;
		} else if (i + 1 < argc) {
			o->val = argv[++i];
			after = i;
			last = o;
		} else {
			return err_set(err, _("%s: option '--%s' needs a value (%s)"), cmd, o->name, o->arg);
		}
	}
	*npos = np - 1;
	return 0;
}

const char *opt_get(const struct opt *opts, const char *name)
{
	for (; opts->name; opts++)
		if (strcmp(opts->name, name) == 0)
			return opts->val;
	return NULL;
}

void opt_help(const struct opt *opts, FILE *f)
{
	const struct opt *o;
	char head[64];

	for (o = opts; o->name; o++) {
		if (o->kind == OPT_ARG)
			snprintf(head, sizeof head, "--%s %s", o->name, o->arg);
		else
			snprintf(head, sizeof head, "--%s", o->name);
		fprintf(f, "  %-24s %s\n", head, _(o->help));
	}
}

int opt_years(const char *s, int *a, int *b)
{
	char *end;
	long x = strtol(s, &end, 10), y = x;

	if (end == s)
		return -1;
	if (*end == '-' || strncmp(end, "–", strlen("–")) == 0) {
		const char *p = end + (*end == '-' ? 1 : strlen("–"));

		y = strtol(p, &end, 10);
		if (end == p)
			return -1;
	}
	if (*end || x < 1990 || y > 2100 || x > y)
		return -1;
	*a = (int)x;
	*b = (int)y;
	return 0;
}
