/* i18n.c - the language and the catalogue (i18n.h). The catalogue is a .po
 * file embedded as text (Makefile, bin2c): msgid "..." msgstr "..." pairs,
 * with C escapes and adjacent strings joined, read once into a map. */
#include "i18n.h"

#include <stdlib.h>
#include <string.h>

#include "map.h"

extern const char ntm_vi_po[];

static int lang = LANG_VI;
static int loaded;
static struct map cat;       /* msgid -> index in strs */
static char **strs;
static size_t nstrs;

static int names(const char *v)
{
	if (!v || !*v)
		return -1;
	if (strncmp(v, "vi", 2) == 0)
		return LANG_VI;
	if (strncmp(v, "en", 2) == 0)
		return LANG_EN;
	return -1;
}

int i18n_init(const char *want)
{
	static const char *const vars[] = { "NTM_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	size_t i;
	int l;

	if (want) {
		if ((l = names(want)) < 0)
			return -1;
		lang = l;
		return 0;
	}
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++)
		if ((l = names(getenv(vars[i]))) >= 0) {
			lang = l;
			return 0;
		}
	lang = LANG_VI;
	return 0;
}

int i18n_lang(void)
{
	return lang;
}

/* Reads one "..." string at *p (escapes \" \\ \n \t), joined with the
 * strings that follow on the next lines; advances *p. NULL on no memory. */
static char *po_string(const char **p)
{
	size_t cap = 64, n = 0;
	char *s = malloc(cap);
	const char *q = *p;

	if (!s)
		return NULL;
	for (;;) {
		while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')
			q++;
		if (*q != '"')
			break;
		for (q++; *q && *q != '"'; q++) {
			char c = *q;

			if (c == '\\' && q[1]) {
				q++;
				c = *q == 'n' ? '\n' : *q == 't' ? '\t' : *q;
			}
			if (n + 2 > cap) {
				char *ns = realloc(s, cap *= 2);

				if (!ns) {
					free(s);
					return NULL;
				}
				s = ns;
			}
			s[n++] = c;
		}
		if (*q == '"')
			q++;
	}
	s[n] = '\0';
	*p = q;
	return s;
}

static void load(void)
{
	const char *p = ntm_vi_po;
	char *id = NULL;

	loaded = 1;
	map_init(&cat);
	while (*p) {
		if (strncmp(p, "msgid", 5) == 0 && (p[5] == ' ' || p[5] == '\t')) {
			p += 5;
			free(id);
			id = po_string(&p);
			continue;
		}
		if (strncmp(p, "msgstr", 6) == 0 && (p[6] == ' ' || p[6] == '\t')) {
			char *str, **ns;

			p += 6;
			str = po_string(&p);
			if (id && *id && str && *str && (ns = realloc(strs, (nstrs + 1) * sizeof *ns))) {
				strs = ns;
				strs[nstrs] = str;
				if (map_put(&cat, id, (int64_t)nstrs) == 0)
					nstrs++;
				else
					free(str);
			} else {
				free(str);
			}
			free(id);
			id = NULL;
			continue;
		}
		while (*p && *p != '\n')   /* a comment, a blank, anything else */
			p++;
		if (*p)
			p++;
	}
	free(id);
}

const char *i18n_tr(const char *msgid)
{
	int64_t k;

	if (lang == LANG_EN || !msgid)
		return msgid;
	if (!loaded)
		load();
	return map_get(&cat, msgid, &k) ? strs[k] : msgid;
}

char *i18n_decimal(char *num)
{
	char *p;

	if (i18n_lang() == LANG_VI && (p = strchr(num, '.')))
		*p = ',';
	return num;
}
