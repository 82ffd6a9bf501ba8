/* suggest.c - closest-name suggestions (suggest.h); calls utf8_distance. */
#include "suggest.h"

#include <string.h>

#include "i18n.h"
#include "utf8.h"

void suggest_init(struct suggest *s, const char *needle)
{
	memset(s, 0, sizeof *s);
	s->needle = needle;
}

void suggest_add(struct suggest *s, const char *cand)
{
	int d = utf8_distance(s->needle, cand), i, j;
	int len = (int)strlen(s->needle);
	int limit = len < 6 ? 2 : len / 3;

	if (d < 0 || d > limit)
		return;
	for (i = 0; i < s->n; i++)
		if (strcmp(s->best[i], cand) == 0)
			return;
	for (i = 0; i < s->n && s->dist[i] <= d; i++)
		;
	if (i >= SUGGEST_MAX)
		return;
	for (j = (s->n < SUGGEST_MAX ? s->n : SUGGEST_MAX - 1); j > i; j--) {
		s->best[j] = s->best[j - 1];
		s->dist[j] = s->dist[j - 1];
	}
	s->best[i] = cand;
	s->dist[i] = d;
	if (s->n < SUGGEST_MAX)
		s->n++;
}

void suggest_append(const struct suggest *s, struct ntm_err *err)
{
	int i;

	if (s->n == 0)
		return;
	err_append(err, "%s", _("; did you mean "));
	for (i = 0; i < s->n; i++)
		err_append(err, "%s'%s'", i == 0 ? "" : i == s->n - 1 ? _(" or ") : ", ", s->best[i]);
	err_append(err, "?");
}
