/* suggest.h - "did you mean" for mistyped names: keeps the closest few
 * candidates by edit distance over folded text (utf8_distance). */
#ifndef NTM_SUGGEST_H
#define NTM_SUGGEST_H

#include "err.h"

#define SUGGEST_MAX 3

struct suggest {
	const char *needle;
	const char *best[SUGGEST_MAX];  /* not owned: candidates must outlive */
	int dist[SUGGEST_MAX];
	int n;
};

void suggest_init(struct suggest *s, const char *needle);
void suggest_add(struct suggest *s, const char *cand);
/* Appends "; did you mean 'a', 'b'?" (or nothing when none is close). */
void suggest_append(const struct suggest *s, struct ntm_err *err);

#endif
