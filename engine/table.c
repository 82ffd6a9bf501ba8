/* table.c - the table model (table.h): building it, the cell as text for a
 * person or for csv, numbers in the Vietnamese way, the format a file name
 * asks for. Calls eval.h for the status codes only. */
#include "table.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fmt.h"
#include "eval.h"

const char *const table_status_word[ST_N] = {
	"đạt", "chưa đạt", "chưa rõ", "chưa có ngưỡng", "không áp dụng",
};

void table_init(struct table *t)
{
	memset(t, 0, sizeof *t);
}

static void cell_free(struct table_cell *c)
{
	free(c->text);
	free(c->code);
	memset(c, 0, sizeof *c);
}

void table_free(struct table *t)
{
	int i, j;

	for (i = 0; i < t->nrow; i++) {
		for (j = 0; j < t->ncol; j++)
			cell_free(&t->row[i].cell[j]);
		free(t->row[i].cell);
	}
	for (j = 0; j < t->ncol; j++) {
		free(t->col[j].key);
		free(t->col[j].head);
		free(t->col[j].brief);
	}
	for (i = 0; i < t->nnote; i++)
		free(t->note[i]);
	free(t->row);
	free(t->col);
	free(t->note);
	free(t->sheet);
	free(t->form);
	free(t->title);
	free(t->place);
	free(t->period);
	free(t->source);
	free(t->measure);
	memset(t, 0, sizeof *t);
}

/* printf into a fresh string; NULL on out of memory */
static char *vfmt(const char *fmt, va_list ap)
{
	va_list aq;
	char *s;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		return NULL;
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

static char *dup(struct table *t, const char *s)
{
	char *d;

	if (!s)
		return NULL;
	if (!(d = strdup(s)))
		t->oom = 1;
	return d;
}

void table_set(struct table *t, char **line, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = vfmt(fmt, ap);
	va_end(ap);
	if (!s) {
		t->oom = 1;
		return;
	}
	free(*line);
	*line = s;
}

/* Makes room for one more of *n items of size sz in *v. */
static int grow(struct table *t, void **v, int *cap, int n, size_t sz)
{
	void *nv;
	int nc;

	if (n < *cap)
		return 0;
	nc = *cap ? 2 * *cap : 16;
	if (!(nv = realloc(*v, (size_t)nc * sz))) {
		t->oom = 1;
		return -1;
	}
	*v = nv;
	*cap = nc;
	return 0;
}

int table_col(struct table *t, const char *key, const char *head, const char *brief,
              int type, int decimals)
{
	struct table_col *c;

	if (t->nrow > 0 || grow(t, (void **)&t->col, &t->capcol, t->ncol, sizeof *t->col) < 0)
		return -1;
	c = &t->col[t->ncol];
	c->key = dup(t, key);
	c->head = dup(t, head);
	c->brief = dup(t, brief);
	c->type = type;
	c->decimals = decimals;
	c->csv_only = head == NULL;
	if (t->oom) {
		free(c->key);
		free(c->head);
		free(c->brief);
		return -1;
	}
	return t->ncol++;
}

int table_row(struct table *t, int kind)
{
	struct table_row *r;

	if (grow(t, (void **)&t->row, &t->caprow, t->nrow, sizeof *t->row) < 0)
		return -1;
	r = &t->row[t->nrow];
	r->kind = kind;
	if (!(r->cell = calloc((size_t)(t->ncol ? t->ncol : 1), sizeof *r->cell))) {
		t->oom = 1;
		return -1;
	}
	return t->nrow++;
}

/* cell col of the last row, emptied; NULL when there is none */
static struct table_cell *last(struct table *t, int col)
{
	struct table_cell *c;

	if (t->nrow == 0 || col < 0 || col >= t->ncol)
		return NULL;
	c = &t->row[t->nrow - 1].cell[col];
	cell_free(c);
	return c;
}

void table_text(struct table *t, int col, const char *text, const char *code)
{
	struct table_cell *c = last(t, col);

	if (!c || !text)
		return;
	c->kind = CELL_TEXT;
	c->text = dup(t, text);
	c->code = dup(t, code);
}

void table_num(struct table *t, int col, double v)
{
	struct table_cell *c = last(t, col);

	if (!c || isnan(v))
		return;
	c->kind = CELL_NUM;
	c->num = v;
}

void table_status(struct table *t, int col, int status)
{
	struct table_cell *c = last(t, col);

	if (!c || status < 0 || status >= ST_N)
		return;
	c->kind = CELL_STATUS;
	c->status = status;
}

void table_note(struct table *t, const char *fmt, ...)
{
	va_list ap;
	char *s;

	if (grow(t, (void **)&t->note, &t->capnote, t->nnote, sizeof *t->note) < 0)
		return;
	va_start(ap, fmt);
	s = vfmt(fmt, ap);
	va_end(ap);
	if (!s) {
		t->oom = 1;
		return;
	}
	t->note[t->nnote++] = s;
}

void table_fmt_num(char *buf, size_t cap, double v, int decimals, int fixed, int vn)
{
	char raw[64], *dot;

	if (isnan(v) || isinf(v)) {
		snprintf(buf, cap, "%s", "");
		return;
	}
	decimals = decimals < 0 ? 0 : decimals > 6 ? 6 : decimals;
	snprintf(raw, sizeof raw, "%.*f", decimals, v);
	if (!fixed && (dot = strchr(raw, '.'))) {
		char *e = raw + strlen(raw) - 1;

		while (e > dot && *e == '0')
			*e-- = '\0';
		if (e == dot)
			*e = '\0';
	}
	if (strcmp(raw, "-0") == 0 || (strncmp(raw, "-0", 2) == 0 && strspn(raw + 1, "0.") == strlen(raw + 1)))
		memmove(raw, raw + 1, strlen(raw));
	if (!vn) {
		snprintf(buf, cap, "%s", raw);
		return;
	}
	fmt_group_vn(buf, cap, raw);
}

int table_col_shown(const struct table *t, int col, int fmt)
{
	return fmt == TF_CSV || !t->col[col].csv_only;
}

int table_col_numeric(const struct table *t, int col)
{
	int ty = t->col[col].type;

	return ty != TC_TEXT && ty != TC_STATUS;
}

void table_cell_text(const struct table *t, int col, const struct table_cell *c, int vn,
                     char *buf, size_t cap)
{
	const struct table_col *k = &t->col[col];

	switch (c->kind) {
	case CELL_TEXT:
		snprintf(buf, cap, "%s", !vn && c->code ? c->code : c->text);
		return;
	case CELL_STATUS:
		snprintf(buf, cap, "%s", vn ? table_status_word[c->status] : eval_status_name[c->status]);
		return;
	case CELL_NUM:
		/* the display follows the column; csv keeps more digits than it shows */
		switch (k->type) {
		case TC_NUM:
			table_fmt_num(buf, cap, c->num, k->decimals, 0, vn);
			return;
		case TC_YEAR:
			table_fmt_num(buf, cap, c->num, 0, 0, 0);
			return;
		case TC_PCT:
			table_fmt_num(buf, cap, c->num, vn ? 1 : 2, vn, vn);
			return;
		case TC_MVND:
		case TC_TONNES:
			table_fmt_num(buf, cap, c->num, vn ? 0 : 3, 0, vn);
			return;
		default:   /* integers, and counts in a text or status column */
			table_fmt_num(buf, cap, c->num, 0, 0, vn);
			return;
		}
	}
	snprintf(buf, cap, "%s", "");
}

int table_format_parse(const char *s)
{
	static const char *const name[TF_N] = { "text", "csv", "md", "xlsx", "html" };
	int i;

	for (i = 0; i < TF_N; i++)
		if (strcmp(s, name[i]) == 0)
			return i;
	return strcmp(s, "txt") == 0 ? TF_TEXT : -1;
}

int table_format_of(const char *name)
{
	const char *dot = strrchr(name, '.');

	if (!dot || strchr(dot, '/'))
		return -1;
	if (strcasecmp(dot, ".xlsx") == 0)
		return TF_XLSX;
	if (strcasecmp(dot, ".csv") == 0)
		return TF_CSV;
	if (strcasecmp(dot, ".md") == 0)
		return TF_MD;
	if (strcasecmp(dot, ".txt") == 0)
		return TF_TEXT;
	if (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0)
		return TF_HTML;
	return -1;
}
