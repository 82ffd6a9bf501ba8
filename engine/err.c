/* err.c - fills the error record (err.h); formats with vsnprintf only. */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int err_set(struct ntm_err *e, const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return -1;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	e->set = 1;
	return -1;
}

void err_append(struct ntm_err *e, const char *fmt, ...)
{
	va_list ap;
	size_t n;

	if (!e)
		return;
	n = strlen(e->msg);
	if (n + 1 >= sizeof e->msg)
		return;
	va_start(ap, fmt);
	vsnprintf(e->msg + n, sizeof e->msg - n, fmt, ap);
	va_end(ap);
	e->set = 1;
}

void err_clear(struct ntm_err *e)
{
	if (!e)
		return;
	e->set = 0;
	e->msg[0] = '\0';
}
