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

int err_prefix(struct ntm_err *e, const char *fmt, ...)
{
	char pre[512];
	va_list ap;
	size_t n, m;
	int k;

	if (!e)
		return -1;
	va_start(ap, fmt);
	k = vsnprintf(pre, sizeof pre, fmt, ap);
	va_end(ap);
	n = k < 0 ? 0 : (size_t)k < sizeof pre ? (size_t)k : sizeof pre - 1;
	m = strlen(e->msg);
	if (n + m + 1 > sizeof e->msg)
		m = sizeof e->msg - n - 1;
	memmove(e->msg + n, e->msg, m);
	memcpy(e->msg, pre, n);
	e->msg[n + m] = '\0';
	e->set = 1;
	return -1;
}

void err_clear(struct ntm_err *e)
{
	if (!e)
		return;
	e->set = 0;
	e->msg[0] = '\0';
}
