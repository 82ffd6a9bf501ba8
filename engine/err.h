/* err.h - the error record every module fills and main() prints once.
 * Modules return a status (0 ok, -1 failed) and describe the failure here;
 * nothing below main() prints or exits. */
#ifndef NTM_ERR_H
#define NTM_ERR_H

#include <stddef.h>

#define NTM_ERR_MAX 4096

struct ntm_err {
	int set;                /* 1 once a message is recorded */
	char msg[NTM_ERR_MAX];  /* "file:line: field: what is wrong" */
};

/* Records a printf-style message, replacing any earlier one. Returns -1 so
 * callers can write `return err_set(e, ...)`. e may be NULL. */
int err_set(struct ntm_err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Appends to the recorded message (a hint, a suggestion, a traceback). */
void err_append(struct ntm_err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Puts a printf-style prefix before the recorded message ("eval: "), the
 * message cut at the end if the two do not fit. Returns -1. */
int err_prefix(struct ntm_err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

void err_clear(struct ntm_err *e);

#endif
