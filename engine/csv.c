/* csv.c - RFC 4180 record reader and field writer (csv.h).
 * Reads through a 64 KiB buffer, so a large file costs no more memory than
 * its longest record; checks each record is valid UTF-8 (utf8.h). */
#include "csv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"

int csv_open(struct csv *c, const char *path, struct ntm_err *err)
{
	memset(c, 0, sizeof *c);
	c->path = path;
	c->sep = ',';
	c->next_line = 1;
	if (strcmp(path, "-") == 0) {
		c->fp = stdin;
	} else if (!(c->fp = fopen(path, "rb"))) {
		return err_set(err, _("%s: cannot open: %s"), path, strerror(errno));
	}
	return 0;
}

int csv_open_mem(struct csv *c, const char *name, const char *data, size_t len,
                 struct ntm_err *err)
{
	memset(c, 0, sizeof *c);
	c->path = name;
	c->sep = ',';
	c->next_line = 1;
	/* fmemopen refuses a size of 0: an empty text reads as at its end */
	if (len == 0)
		c->eof = 1;
	else if (!(c->fp = fmemopen((void *)data, len, "rb")))
		return err_set(err, _("%s: cannot open: %s"), name, strerror(errno));
	return 0;
}

void csv_close(struct csv *c)
{
	if (c->fp && c->fp != stdin)
		fclose(c->fp);
	free(c->buf);
	free(c->field);
	free(c->off);
	memset(c, 0, sizeof *c);
}

/* Next input byte, or EOF. */
static int get(struct csv *c)
{
	if (c->ipos == c->ilen) {
		if (c->eof)
			return EOF;
		c->ilen = fread(c->in, 1, sizeof c->in, c->fp);
		c->ipos = 0;
		if (c->ilen == 0) {
			c->eof = 1;
			return EOF;
		}
	}
	return (unsigned char)c->in[c->ipos++];
}

static int peek(struct csv *c)
{
	int ch = get(c);

	if (ch != EOF)
		c->ipos--;
	return ch;
}

static int put(struct csv *c, char ch)
{
	if (c->len + 1 >= c->cap) {
		size_t ncap = c->cap ? c->cap * 2 : 256;
		char *nb = realloc(c->buf, ncap);

		if (!nb)
			return -1;
		c->buf = nb;
		c->cap = ncap;
	}
	c->buf[c->len++] = ch;
	return 0;
}

/* Ends the current field: NUL-terminates it and records where it starts. */
static int end_field(struct csv *c, size_t start)
{
	if (c->nfield == c->fcap) {
		size_t ncap = c->fcap ? c->fcap * 2 : 16;
		size_t *no = realloc(c->off, ncap * sizeof *no);

		if (!no)
			return -1;
		c->off = no;
		c->fcap = ncap;
	}
	c->off[c->nfield++] = start;
	return put(c, '\0');
}

int csv_next(struct csv *c, struct ntm_err *err)
{
	int ch;
	size_t start, i, bad;

	for (;;) {
		c->len = 0;
		c->nfield = 0;
		c->line = c->next_line;
		ch = get(c);
		if (!c->started) {
			c->started = 1;
			/* A UTF-8 byte order mark is accepted and dropped. */
			if (ch == 0xEF) {
				if (get(c) != 0xBB || get(c) != 0xBF)
					return err_set(err, _("%s:1: the file starts with a broken byte order mark"),
					               c->path);
				ch = get(c);
			}
		}
		if (ch == EOF)
			return 0;
		if (ch == '\n') {
			c->next_line++;
			continue;
		}
		if (ch == '\r' && peek(c) == '\n') {
			get(c);
			c->next_line++;
			continue;
		}
		break;
	}

	start = 0;
	for (;;) {
		if (ch == '"' && c->len == start) {
			/* Quoted field: runs to the closing quote; "" is one quote. */
			for (;;) {
				ch = get(c);
				if (ch == EOF)
					return err_set(err, _("%s:%ld: a quoted field is not closed before the end "
					                      "of the file"),
					               c->path, c->line);
				if (ch == '"') {
					if (peek(c) == '"') {
						get(c);
					} else {
						break;
					}
				} else if (ch == '\n') {
					c->next_line++;
				}
				if (ch == '\0')
					return err_set(err, _("%s:%ld: field %zu holds a NUL byte"), c->path,
					               c->next_line, c->nfield + 1);
				if (put(c, (char)ch) < 0)
					goto oom;
			}
			ch = get(c);
			if (ch != c->sep && ch != '\n' && ch != '\r' && ch != EOF)
				return err_set(err, _("%s:%ld: field %zu: unexpected character after a closing quote "
				               "(a quote inside a quoted field must be doubled)"),
				               c->path, c->next_line, c->nfield + 1);
		}
		if (ch == c->sep) {
			if (end_field(c, start) < 0)
				goto oom;
			start = c->len;
			ch = get(c);
			continue;
		}
		if (ch == '\r' && peek(c) == '\n')
			ch = get(c);
		if (ch == '\n' || ch == EOF) {
			if (ch == '\n')
				c->next_line++;
			if (end_field(c, start) < 0)
				goto oom;
			break;
		}
		if (ch == '"')
			return err_set(err, _("%s:%ld: field %zu: a quote inside an unquoted field "
			               "(quote the whole field and double the quote)"),
			               c->path, c->next_line, c->nfield + 1);
		if (ch == '\0')
			return err_set(err, _("%s:%ld: field %zu holds a NUL byte"), c->path,
			               c->next_line, c->nfield + 1);
		if (put(c, (char)ch) < 0)
			goto oom;
		ch = get(c);
	}

	if (c->fieldcap < c->fcap) {
		char **nf = realloc(c->field, c->fcap * sizeof *nf);

		if (!nf)
			goto oom;
		c->field = nf;
		c->fieldcap = c->fcap;
	}
	for (i = 0; i < c->nfield; i++)
		c->field[i] = c->buf + c->off[i];
	if ((bad = utf8_invalid_at(c->buf, c->len)) != (size_t)-1) {
		for (i = 0; i + 1 < c->nfield && c->off[i + 1] <= bad; i++)
			;
		return err_set(err, _("%s:%ld: field %zu is not valid UTF-8 (save the file as UTF-8)"),
		               c->path, c->line, i + 1);
	}
	return 1;
oom:
	return err_set(err, _("%s:%ld: out of memory reading the record"), c->path, c->line);
}

char *csv_cell(const char *s)
{
	size_t n = 3;
	const char *p;
	char *out, *o;

	for (p = s ? s : ""; *p; p++)
		n += *p == '"' ? 2 : 1;
	if (!(o = out = malloc(n)))
		return NULL;
	if (s && strpbrk(s, ",\"\r\n")) {
		*o++ = '"';
		for (; *s; s++) {
			if (*s == '"')
				*o++ = '"';
			*o++ = *s;
		}
		*o++ = '"';
	} else if (s) {
		memcpy(o, s, strlen(s));
		o += strlen(s);
	}
	*o = '\0';
	return out;
}

void csv_put(FILE *f, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	putc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', f);
		putc(*s, f);
	}
	putc('"', f);
}

char *csv_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		*--e = '\0';
	return s;
}
