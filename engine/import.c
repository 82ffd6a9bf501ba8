/* import.c - interchange CSV files into the store (import.h).
 * One transaction for the whole command; the first refused row rolls it
 * back. Each row is checked field by field so the message can name the
 * file, line and field. Calls csv, store, units (periods in words), map,
 * suggest, utf8. */
#include "import.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "i18n.h"
#include "map.h"
#include "store.h"
#include "suggest.h"
#include "units.h"
#include "utf8.h"

const char *const import_kind_name[IK_N] = {
	"variables", "units", "observations", "funding", "projects", "recognitions", "groups",
};

const char *const import_kind_header[IK_N] = {
	"name,uom,meaning,source",
	"code,name,level,parent,region",
	"unit,period,variable,value,source",
	"unit,year,fund,kind,allocated,disbursed,measure,source",
	"unit,year,quarter,name,category,cost,status,source",
	"unit,year,title,decision,source",
	"unit,year_from,year_to,group,source",
};

/* Columns a file may add after its kind's header; empty when none. */
const char *const import_kind_optional[IK_N] = {
	"", "valid_from,valid_to,merged_into,split_from", "", "", "", "", "",
};

/* Commune groups of QĐ 51/2025/QĐ-TTg (crit.h CRIT_NGROUP; the importer
 * reads no criteria). */
#define CRIT_NGROUP_IMPORT 3

/* Name lists have no terminator: their size goes with them (LIST). */
#define LIST(a) (a), (int)(sizeof(a) / sizeof((a)[0]))

static const char *const uoms[] = {
	"km", "ha", "count", "households", "persons", "pct", "mvnd",
	"mvnd_person_year", "tonnes", "bool", "works",
};
static const char *const funds[] = {
	"central", "province", "district", "commune", "sponsor", "people", "credit", "other",
};
static const char *const fund_kinds[] = { "investment", "recurrent", "in_kind" };
static const char *const measures[] = { "mVND", "tonnes" };
static const char *const categories[] = {
	"road", "canal", "irrigation", "electricity", "school", "culture", "market", "ict",
	"housing", "water", "environment", "health", "admin", "production", "other",
};
static const char *const statuses[] = { "planned", "underway", "done" };
static const char *const titles[] = {
	"ntm", "ntm-advanced", "ntm-model", "ntm-reconfirmed", "model-village",
	"civilised-urban",
};

/* Everything one import command needs while it runs. */
struct imp {
	sqlite3 *db;
	struct ntm_err *err;
	struct csv csv;
	struct import_file *file;
	int64_t import_id;
	struct map units;       /* code -> index in uc of the last unit given it */
	struct ucode *uc;       /* the units on record and of this import */
	size_t nuc, capuc;
	int nperiod;            /* units with a period */
	int file_no;            /* the file being read: 1, 2, ... */
	struct map vars;        /* name -> id */
	struct map var_uom;     /* name -> index in uoms[] */
	struct map sources;     /* text -> id */
	int with_period;        /* a units file of this command has period columns */
	int col[12];            /* header position of each column, -1 when absent */
	size_t nhead;           /* the header's number of columns */
	sqlite3_stmt *st;
	sqlite3_stmt *unit_upd; /* a unit row that replaces one on record */
	struct pending *pend;   /* links to units given later in the command */
	size_t npend, cappend;
	int plain;              /* st is a plain INSERT: no row comes back */
	int obs_empty;          /* observation table empty when the command began */
	int batch_set;          /* temp.ntm_batch written */
};

/* A unit as the importer knows it. A code may name several units one after
 * another, each in its own years (05569: xã Bảo Cường until 2024, thị trấn Chợ
 * Chu in 2025, xã Định Hóa from 2026); a row names its unit by code and year. */
struct ucode {
	int64_t id;
	int level;
	int from, to;           /* the years it existed; 0: open */
	int mine;               /* written by this command: its file's number (1, 2, ...) */
	int next;               /* the unit given the same code before it, or -1 */
	int pend[2];            /* 1 + its entry in im->pend, a merged_into and a split_from
	                           link not yet made; 0: none */
};

/* A unit's years packed in one integer; 0 for either end: open. */
#define PERIOD(from, to) ((int64_t)(from) * 4096 + (to))
#define PERIOD_FROM(p) ((int)((p) / 4096))
#define PERIOD_TO(p) ((int)((p) % 4096))

/* A merge into (or split from) a unit not yet read (row_unit); linked after
 * the last units file of the command (the unit may be given by a later one). */
struct pending {
	int64_t id;             /* the unit merged (split); 0: restated since, link dropped */
	int uc;                 /* its index in im->uc */
	int split;              /* 0: merged_into (column 7), 1: split_from (column 8) */
	char *self, *code;      /* its code, and the code it links to */
	struct import_file *file;
	long line;
	int level, year;        /* its level; the year the linked unit must exist */
};

/* ---- field helpers ---------------------------------------------------- */

static int in_list(const char *const *list, int n, const char *s)
{
	int i;

	for (i = 0; s && i < n; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	return -1;
}

static void list_values(struct ntm_err *err, const char *const *list, int n)
{
	int i;

	for (i = 0; i < n; i++)
		err_append(err, "%s%s", i ? ", " : "", list[i]);
}

/* A level's name, also for a level read from a database another program
 * wrote (-1). */
static const char *level_name(int64_t lv)
{
	return lv >= 0 && lv < LV_N ? _(store_level_name[lv]) : _("unit of unknown level");
}

/* The row's value of column i (already trimmed); "" for an optional
 * column the file does not have. */
static char *F(struct imp *im, int i)
{
	static char none[1];

	return im->col[i] < 0 ? none : im->csv.field[im->col[i]];
}

static int count_cols(int kind);

/* ---- field checks shared with scenarios and scripts (import.h) -------- */

/* Length of the control character at s (C0, DEL, or C1 as UTF-8), or 0. */
static size_t control_at(const unsigned char *s)
{
	if (*s < 0x20 || *s == 0x7f)
		return 1;
	if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f)
		return 2;
	return 0;
}

/* s as it may be shown in a message: control characters written \xHH (or
 * \u00HH) so that an ESC in a name cannot drive the terminal. Returns s
 * itself when it has none, else buf. */
static const char *shown(const char *s, char *buf, size_t cap)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0, k;

	for (; *p && !control_at(p); p++)
		;
	if (!*p)
		return s;
	for (p = (const unsigned char *)s; *p && n + 8 < cap; p += k ? k : 1) {
		if ((k = control_at(p)) == 1)
			n += (size_t)snprintf(buf + n, cap - n, "\\x%02X", *p);
		else if (k == 2)
			n += (size_t)snprintf(buf + n, cap - n, "\\u00%02X", p[1]);
		else
			buf[n++] = (char)*p;
	}
	buf[n] = '\0';
	return buf;
}

/* A number as it is shown when the user did not write it as text. */
static const char *num_text(double v, char *buf, size_t cap)
{
	snprintf(buf, cap, "%.15g", v);
	return buf;
}

/* err = where + "'value' " + why. */
static int refuse(struct ntm_err *err, const char *where, const char *value, const char *why)
{
	char esc[256];

	return err_set(err, "%s'%s' %s", where ? where : "", shown(value, esc, sizeof esc), why);
}

int import_check_text(const char *s, const char *where, struct ntm_err *err)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++)
		if (control_at(p))
			return refuse(err, where, s, _("has a control character (a line break, tab, escape "
			              "or the like); names and notes are plain text"));
	return 0;
}

int import_check_year(long long year, const char *text, const char *where, struct ntm_err *err)
{
	char buf[32];

	if (year < IMPORT_YEAR_MIN || year > IMPORT_YEAR_MAX) {
		if (!text) {
			snprintf(buf, sizeof buf, "%lld", year);
			text = buf;
		}
		return refuse(err, where, text, _("is not a year (expected YYYY, 1990-2100)"));
	}
	return 0;
}

int import_check_number(double v, const char *text, const char *where, struct ntm_err *err)
{
	char buf[32];

	if (!isfinite(v))
		return refuse(err, where, text ? text : num_text(v, buf, sizeof buf), _("is not a number"));
	return 0;
}

int import_check_amount(double v, const char *text, const char *where, struct ntm_err *err)
{
	char buf[32];

	if (!text)
		text = num_text(v, buf, sizeof buf);
	if (import_check_number(v, text, where, err) < 0)
		return -1;
	if (v < 0)
		return refuse(err, where, text, _("is negative"));
	return 0;
}

int import_check_figure(const char *uom, double v, const char *text, const char *where,
                        struct ntm_err *err)
{
	char buf[32];

	if (!text)
		text = num_text(v, buf, sizeof buf);
	if (strcmp(uom, "bool") == 0) {
		if (v != 0 && v != 1)
			return refuse(err, where, text, _("is not a yes/no figure (use 1 or 0)"));
		return 0;
	}
	if (import_check_amount(v, text, where, err) < 0)
		return -1;
	if (strcmp(uom, "pct") == 0 && v > 100)
		return refuse(err, where, text, _("is a percentage above 100"));
	return 0;
}

int import_check_fund(const char *fund, const char *where, struct ntm_err *err)
{
	int k = in_list(LIST(funds), fund);

	if (k < 0) {
		refuse(err, where, fund, _("is not one of: "));
		list_values(err, LIST(funds));
	}
	return k;
}

int import_text_number(const char *s, double *v, const char *where, struct ntm_err *err)
{
	if (import_parse_number(s, v) == 0)
		return 0;
	if (!*s)
		return err_set(err, _("%sis empty (a number is required)"), where ? where : "");
	if (strchr(s, ','))
		return refuse(err, where, s, _("is not a number (write decimals with a dot and no "
		              "thousands separator, e.g. 1234.5)"));
	return refuse(err, where, s, _("is not a number"));
}

int import_text_year(const char *s, int *year, const char *where, struct ntm_err *err)
{
	int q;

	if (import_parse_period(s, year, &q) < 0 || q)
		return refuse(err, where, s, _("is not a year (expected YYYY, 1990-2100)"));
	return 0;
}

int import_text_figure(const char *uom, const char *s, double *v, const char *where,
                       struct ntm_err *err)
{
	if (strcmp(uom, "bool") == 0) {
		if (import_parse_bool(s, v) < 0)
			return refuse(err, where, s, _("is not a yes/no figure (use 1 or 0)"));
		return 0;
	}
	if (import_text_number(s, v, where, err) < 0)
		return -1;
	return import_check_figure(uom, *v, s, where, err);
}

/* ---- the importer's own field helpers ---------------------------------- */

/* "file:line: field 'name': ", the prefix of a message about column i. */
static const char *where(struct imp *im, int i, char *buf, size_t cap)
{
	const char *names = import_kind_header[im->file->kind];
	int k = 0;
	size_t n;

	/* the i-th name of the header, then of the optional columns */
	if (i >= count_cols(im->file->kind)) {
		names = import_kind_optional[im->file->kind];
		i -= count_cols(im->file->kind);
	}
	while (k < i && (names = strchr(names, ',')))
		names++, k++;
	n = strcspn(names, ",");
	snprintf(buf, cap, _("%s:%ld: field '%.*s': "), im->file->path, im->csv.line, (int)n, names);
	return buf;
}

#define WHERE_MAX 1200   /* a path, a line number, a column name */

/* err = where(i) + fmt with val, val shown without control characters. */
static int bad(struct imp *im, int i, const char *fmt, const char *val)
{
	char w[WHERE_MAX], esc[256];

	err_set(im->err, "%s", where(im, i, w, sizeof w));
	err_append(im->err, fmt, shown(val, esc, sizeof esc));
	return -1;
}

int import_parse_number(const char *s, double *v)
{
	char *end;

	if (!*s)
		return -1;
	errno = 0;
	*v = strtod(s, &end);
	/* ERANGE also flags a subnormal (4.9e-324) or an underflow to 0: both
	 * are finite figures; only an overflow (inf) is refused */
	if (*end || !isfinite(*v) || isspace((unsigned char)*s))
		return -1;
	/* strtod accepts hex and "inf"; figures are plain decimals */
	for (; *s; s++)
		if (!strchr("0123456789+-.eE", *s))
			return -1;
	return 0;
}

int import_parse_bool(const char *s, double *v)
{
	static const char *const yes[] = { "1", "true", "yes", "co", "dat" };
	static const char *const no[] = { "0", "false", "no", "khong", "khong dat", "chua dat" };
	char *k;
	int r = -1;

	if ((s[0] == '0' || s[0] == '1') && !s[1]) {
		*v = s[0] - '0';
		return 0;
	}
	if (!(k = utf8_fold(s)))
		return -1;
	if (in_list(LIST(yes), k) >= 0) {
		*v = 1;
		r = 0;
	} else if (in_list(LIST(no), k) >= 0) {
		*v = 0;
		r = 0;
	}
	free(k);
	return r;
}

int import_parse_period(const char *s, int *year, int *quarter)
{
	int y = 0, i;

	for (i = 0; i < 4; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	if (y < IMPORT_YEAR_MIN || y > IMPORT_YEAR_MAX)
		return -1;
	s += 4;
	if (*s == '-')
		s++;
	*year = y;
	*quarter = 0;
	if (s[-1] == '-' && *s != 'Q' && *s != 'q')
		return -1;
	if (!*s)
		return 0;
	if ((*s != 'Q' && *s != 'q') || s[1] < '1' || s[1] > '4' || s[2])
		return -1;
	*quarter = s[1] - '0';
	return 0;
}

static int parse_year(struct imp *im, int i, int *year)
{
	char w[WHERE_MAX];

	return import_text_year(F(im, i), year, where(im, i, w, sizeof w), im->err);
}

/* A non-negative amount; empty is allowed when opt (then *isnull = 1). */
static int parse_amount(struct imp *im, int i, int opt, double *v, int *isnull)
{
	const char *s = F(im, i);
	char w[WHERE_MAX];

	*isnull = 0;
	if (!*s && opt) {
		*isnull = 1;
		return 0;
	}
	where(im, i, w, sizeof w);
	if (import_text_number(s, v, w, im->err) < 0)
		return -1;
	return import_check_amount(*v, s, w, im->err);
}

static int pick(struct imp *im, int i, const char *const *list, int n, int opt)
{
	const char *s = F(im, i);
	int k;

	if (!*s && opt)
		return -2;
	if ((k = in_list(list, n, s)) >= 0)
		return k;
	bad(im, i, _("'%s' is not one of: "), s);
	list_values(im->err, list, n);
	return -1;
}

/* NFC copy of a text field, refused with a control character. Caller
 * frees. */
static char *text(struct imp *im, int i, int required)
{
	const char *s = F(im, i);
	char w[WHERE_MAX];
	char *t;

	if (required && !*s) {
		bad(im, i, _("is empty%s"), "");
		return NULL;
	}
	if (import_check_text(s, where(im, i, w, sizeof w), im->err) < 0)
		return NULL;
	if (!(t = utf8_nfc(s)))
		err_set(im->err, _("%s:%ld: out of memory"), im->file->path, im->csv.line);
	return t;
}

static int64_t source(struct imp *im, int i)
{
	char *t;
	int64_t id;

	/* most rows repeat the source of the row before: look it up as read */
	if (map_get(&im->sources, F(im, i), &id))
		return id;
	t = text(im, i, 1);

	if (!t) {
		if (!F(im, i)[0])
			err_append(im->err, "%s",
			           _(" (every figure keeps its source: the document and section)"));
		return -1;
	}
	id = store_source_id(im->db, &im->sources, t, im->err);
	if (id >= 0 && strcmp(t, F(im, i)) != 0 && map_put(&im->sources, F(im, i), id) < 0)
		id = err_set(im->err, "%s", _("out of memory"));
	free(t);
	return id;
}

/* When s is a unit's name rather than its code, says which code to write
 * (appended to err); returns how many units bear the name. */
static int unit_by_name(struct imp *im, const char *s)
{
	sqlite3_stmt *st;
	char *key = utf8_fold(s);
	int n = 0;

	if (!key)
		return 0;
	/* the units of this import are in the same transaction: they count */
	if (sqlite3_prepare_v2(im->db, "SELECT u.code, u.name, u.level, coalesce(p.name, '') "
	                       "FROM unit u LEFT JOIN unit p ON p.id = u.parent_id "
	                       "WHERE u.name_key = ?1 ORDER BY u.code LIMIT 6", -1, &st, NULL) != SQLITE_OK) {
		free(key);
		return 0;
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		const char *parent = (const char *)sqlite3_column_text(st, 3);

		if (n++ == 0)
			err_append(im->err, _(": a unit's name, not its code; units are named by code in %s"),
			           import_kind_name[im->file->kind]);
		err_append(im->err, "%s%s (%s, %s%s%s)", n == 1 ? _(": write ") : n == 2 ? _(", or ") : ", ",
		           code, (const char *)sqlite3_column_text(st, 1),
		           _((const char *)sqlite3_column_text(st, 2)), *parent ? _(" in ") : "", parent);
	}
	sqlite3_finalize(st);
	free(key);
	if (n > 1)
		err_append(im->err, "%s", _(" (`ntm units NAME` shows where each is)"));
	return n;
}

/* Records a unit under its code: the last given heads the code's chain. */
static int uc_add(struct imp *im, const char *code, int64_t id, int level, int from, int to,
                  int mine)
{
	int64_t head = -1;
	struct ucode *u;

	if (im->nuc == im->capuc) {
		size_t ncap = im->capuc ? im->capuc * 2 : 1024;
		struct ucode *n = realloc(im->uc, ncap * sizeof *n);

		if (!n)
			return err_set(im->err, "%s", _("out of memory"));
		im->uc = n;
		im->capuc = ncap;
	}
	map_get(&im->units, code, &head);
	u = &im->uc[im->nuc];
	u->id = id;
	u->level = level;
	u->from = from;
	u->to = to;
	u->mine = mine;
	u->next = (int)head;
	u->pend[0] = u->pend[1] = 0;
	if (map_put(&im->units, code, (int64_t)im->nuc) < 0)
		return err_set(im->err, "%s", _("out of memory"));
	im->nperiod += from || to;
	im->nuc++;
	return 0;
}

static int period_has(int64_t p, int year);

/* Of the units given code (chain from head), the one that existed in year;
 * year 0, or none that did: the one still existing, else the last given. */
static int uc_at(const struct imp *im, int head, int year)
{
	int k, open = -1;

	if (head < 0 || im->uc[head].next < 0)
		return head;
	for (k = head; k >= 0; k = im->uc[k].next) {
		if (year && period_has(PERIOD(im->uc[k].from, im->uc[k].to), year))
			return k;
		if (!im->uc[k].to && open < 0)
			open = k;
	}
	return open >= 0 ? open : head;
}

/* Index in im->uc of the unit code s of column i names (the latest of its
 * code), or -1 with err: an unknown code, with what was meant. */
static int unit_code_of(struct imp *im, int i, const char *s)
{
	struct suggest sg;
	const char *key;
	int64_t id;
	size_t it = 0;

	if (map_get(&im->units, s, &id))
		return (int)id;
	if (!*s)
		return bad(im, i, _("is empty (a unit code is required)%s"), "");
	bad(im, i, _("unknown unit '%s'"), s);
	if (unit_by_name(im, s) > 0)
		return -1;
	suggest_init(&sg, s);
	while (map_next(&im->units, &it, &key, &id))
		suggest_add(&sg, key);
	suggest_append(&sg, im->err);
	err_append(im->err, "%s", _(" (units are named by code; `ntm units` lists them)"));
	return -1;
}

static int unit_code(struct imp *im, int i)
{
	return unit_code_of(im, i, F(im, i));
}


/* Runs the row's upsert. Every statement returns one row (the unit id for
 * units) unless the key was already written by this same import: the
 * conflict clause skips such rows, so no row back means a duplicate. */
static int step_row(struct imp *im, const char *what, int64_t *id)
{
	int rc = sqlite3_step(im->st);

	if (im->plain) {
		sqlite3_reset(im->st);
		if (rc == SQLITE_DONE)
			return 0;
		if (rc == SQLITE_CONSTRAINT)
			return err_set(im->err, _("%s:%ld: %s is given twice in this import (see an earlier line)"),
			               im->file->path, im->csv.line, what);
		return err_set(im->err, _("%s:%ld: database refused the row: %s"), im->file->path,
		               im->csv.line, sqlite3_errmsg(im->db));
	}

	if (rc == SQLITE_ROW) {
		if (id)
			*id = sqlite3_column_int64(im->st, 0);
		rc = sqlite3_step(im->st);
		sqlite3_reset(im->st);
		if (rc == SQLITE_DONE)
			return 0;
	} else {
		sqlite3_reset(im->st);
		if (rc == SQLITE_DONE)
			return err_set(im->err, _("%s:%ld: %s is given twice in this import (see an earlier line)"),
			               im->file->path, im->csv.line, what);
	}
	return err_set(im->err, _("%s:%ld: database refused the row: %s"), im->file->path,
	               im->csv.line, sqlite3_errmsg(im->db));
}

/* ---- one row of each kind --------------------------------------------- */

static int row_variable(struct imp *im)
{
	const char *name = F(im, 0), *p;
	int u;

	if (!*name)
		return bad(im, 0, _("is empty%s"), "");
	for (p = name; *p; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '_'))
			return bad(im, 0, _("'%s' is not a variable name (lower-case letters, digits "
			           "and _)"), name);
	if (!islower((unsigned char)name[0]))
		return bad(im, 0, _("'%s' must start with a letter"), name);
	if ((u = pick(im, 1, LIST(uoms), 0)) < 0)
		return -1;
	{
		char w[WHERE_MAX];

		if (import_check_text(F(im, 2), where(im, 2, w, sizeof w), im->err) < 0 ||
		    import_check_text(F(im, 3), where(im, 3, w, sizeof w), im->err) < 0)
			return -1;
	}
	sqlite3_bind_text(im->st, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(im->st, 2, uoms[u], -1, SQLITE_STATIC);
	sqlite3_bind_text(im->st, 3, F(im, 2), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(im->st, 4, F(im, 3), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(im->st, 5, im->import_id);
	if (step_row(im, _("the variable"), NULL) < 0)
		return -1;
	if (map_put(&im->var_uom, name, u) < 0 || map_put(&im->vars, name, 0) < 0)
		return err_set(im->err, "%s", _("out of memory"));
	return 0;
}

/* ---- units over time --------------------------------------------------- */

/* Binds v, or NULL for 0 (an id or year not given). */
static void bind_or_null(sqlite3_stmt *st, int i, int64_t v)
{
	if (v)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}


/* Communes, townships and wards are one tier (cấp xã): they merge into
 * one another. */
static int commune_like(int level)
{
	return level == LV_COMMUNE || level == LV_TOWNSHIP || level == LV_WARD;
}

static int period_has(int64_t p, int year)
{
	return (!PERIOD_FROM(p) || year >= PERIOD_FROM(p)) && (!PERIOD_TO(p) || year <= PERIOD_TO(p));
}

static void period_text(int64_t p, char *buf, size_t cap)
{
	units_period_text(PERIOD_FROM(p), PERIOD_TO(p), buf, cap);
}

/* An optional year column; 0 when empty. */
static int opt_year(struct imp *im, int i, int *year)
{
	*year = 0;
	return *F(im, i) ? parse_year(im, i, year) : 0;
}

/* The unit named in optional column i (merged_into, split_from), which must
 * be of a level a unit of `level` can become or come from and must exist in
 * `year`. Returns its id, or -1. */
static int64_t linked_unit(struct imp *im, int i, const char *self, const char *code, int level,
                           int year, const char *when)
{
	int64_t id, lv, p;
	int k;

	if ((k = unit_code_of(im, i, code)) < 0) {
		err_append(im->err, "%s", _("; define it in a units file of this import or import it first"));
		return -1;
	}
	k = uc_at(im, k, year);
	id = im->uc[k].id;
	lv = im->uc[k].level;
	p = PERIOD(im->uc[k].from, im->uc[k].to);
	/* the same code may go on as another unit (a new period), not as itself */
	if (strcmp(code, self) == 0 && !(p && period_has(p, year)))
		return bad(im, i, _("'%s' is the unit itself"), code);
	if (lv != level && !(commune_like(level) && commune_like((int)lv))) {
		char msg[160];

		snprintf(msg, sizeof msg, _("'%s' is a %s; a %s links to a unit of its own level"), code,
		         level_name(lv), _(store_level_name[level]));
		return bad(im, i, "%s", msg);
	}
	if (p && !period_has(p, year)) {
		char msg[200], pt[32];

		period_text(p, pt, sizeof pt);
		snprintf(msg, sizeof msg, _("'%s' existed %s, not in %d, %s"), code, pt, year, when);
		return bad(im, i, "%s", msg);
	}
	return id;
}

/* Refuses a row for unit k (column ucol) in a year it did not exist
 * (column ycol holds the year or period). */
static int check_period(struct imp *im, int k, int ucol, int ycol, int year)
{
	sqlite3_stmt *st;
	char msg[320], pt[32];
	int64_t p = PERIOD(im->uc[k].from, im->uc[k].to);
	int n, after;

	if (!p || period_has(p, year))
		return 0;
	after = PERIOD_TO(p) && year > PERIOD_TO(p);
	period_text(p, pt, sizeof pt);
	n = snprintf(msg, sizeof msg, _("%s: unit '%s' existed %s; a row for %d is refused"), F(im, ycol),
	             F(im, ucol), pt, year);
	/* where the figure belongs instead */
	if (n > 0 && (size_t)n < sizeof msg &&
	    sqlite3_prepare_v2(im->db, "SELECT s.code, s.name FROM unit u JOIN unit s ON s.id = "
	                       "CASE WHEN ?2 THEN u.merged_into_id ELSE u.split_from_id END "
	                       "WHERE u.id = ?1", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, im->uc[k].id);
		sqlite3_bind_int(st, 2, after);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(msg + n, sizeof msg - (size_t)n, _(" (it was %s '%s', %s)"),
			         after ? _("merged into") : _("split from"),
			         (const char *)sqlite3_column_text(st, 0),
			         (const char *)sqlite3_column_text(st, 1));
		sqlite3_finalize(st);
	}
	return bad(im, ycol, "%s", msg);
}

/* The id of the unit column ucol names in year (column ycol), or -1 with
 * err: an unknown code, or a year the unit did not exist. */
static int64_t unit_in(struct imp *im, int ucol, int ycol, int year)
{
	int k = unit_code(im, ucol);

	if (k < 0)
		return -1;
	k = uc_at(im, k, year);
	return check_period(im, k, ucol, ycol, year) < 0 ? -1 : im->uc[k].id;
}

/* Whether a unit given code existed in year (as far as read so far). */
static int known_at(struct imp *im, const char *code, int year)
{
	int64_t head;
	int k;

	if (!map_get(&im->units, code, &head))
		return 0;
	k = uc_at(im, (int)head, year);
	return period_has(PERIOD(im->uc[k].from, im->uc[k].to), year);
}

static int add_pending(struct imp *im, int uc, int split, const char *self, const char *code,
                       int level, int year)
{
	struct pending *p;

	if (im->npend == im->cappend) {
		size_t ncap = im->cappend ? im->cappend * 2 : 64;
		struct pending *n = realloc(im->pend, ncap * sizeof *n);

		if (!n)
			return err_set(im->err, "%s", _("out of memory"));
		im->pend = n;
		im->cappend = ncap;
	}
	p = &im->pend[im->npend];
	p->id = im->uc[uc].id;
	p->uc = uc;
	p->split = split;
	p->file = im->file;
	p->line = im->csv.line;
	p->level = level;
	p->year = year;
	if (!(p->self = strdup(self)) || !(p->code = strdup(code))) {
		free(p->self);
		return err_set(im->err, "%s", _("out of memory"));
	}
	im->uc[uc].pend[split] = (int)++im->npend;
	return 0;
}

static void free_pending(struct imp *im)
{
	size_t i;

	for (i = 0; i < im->npend; i++) {
		free(im->pend[i].self);
		free(im->pend[i].code);
		if (im->pend[i].uc < (int)im->nuc)
			im->uc[im->pend[i].uc].pend[im->pend[i].split] = 0;
	}
	im->npend = 0;
}

/* The merges the units files gave before the unit merged into: linked
 * after the last units file, each checked as it would have been on its
 * line (and its file). */
static int link_pending(struct imp *im)
{
	sqlite3_stmt *st = NULL;
	struct import_file *file = im->file;
	long line = im->csv.line;
	size_t i;
	int rc = 0;

	if (!im->npend)
		return 0;
	if (store_prepare(im->db, &st, "UPDATE unit SET merged_into_id = iif(?3, merged_into_id, ?2), "
	                  "split_from_id = iif(?3, ?2, split_from_id) WHERE id = ?1", im->err) < 0)
		rc = -1;
	for (i = 0; i < im->npend && rc == 0; i++) {
		struct pending *p = &im->pend[i];
		int64_t to;

		if (!p->id)
			continue;
		im->file = p->file;
		im->csv.line = p->line;
		if ((to = linked_unit(im, 7 + p->split, p->self, p->code, p->level, p->year,
		                      p->split ? _("the year before valid_from") :
		                      _("the year after valid_to"))) < 0) {
			rc = -1;
			break;
		}
		sqlite3_bind_int64(st, 1, p->id);
		sqlite3_bind_int64(st, 2, to);
		sqlite3_bind_int(st, 3, p->split);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = err_set(im->err, _("database: %s"), sqlite3_errmsg(im->db));
		sqlite3_reset(st);
	}
	im->file = file;
	im->csv.line = line;
	sqlite3_finalize(st);
	free_pending(im);
	return rc;
}

/* A units row for a unit on record: its code, and years that overlap. */
static const char unit_update_sql[] =
	"UPDATE unit SET code = ?1, name = ?2, name_key = ?3, level = ?4, parent_id = ?5, "
	"region = ?6, import_id = ?7, sort_key = ?8, "
	/* a file without the period columns keeps the periods on record */
	"valid_from = iif(?13, ?9, valid_from), valid_to = iif(?13, ?10, valid_to), "
	"merged_into_id = iif(?13, ?11, merged_into_id), "
	"split_from_id = iif(?13, ?12, split_from_id) WHERE id = ?14 RETURNING id";

static int overlap(int from1, int to1, int from2, int to2)
{
	return (!to1 || !from2 || from2 <= to1) && (!to2 || !from1 || from1 <= to2);
}

/* The unit on record (or of this import) that a units row for code
 * replaces: the one whose years overlap the row's (any, for a row without
 * period columns); -1 for none (the row adds a unit), -2 with err when the
 * row could be more than one. */
static int same_unit(struct imp *im, const char *code, int has_period, int from, int to)
{
	int64_t head;
	int k, hit = -1, n = 0;
	char pt[32];

	if (!map_get(&im->units, code, &head))
		return -1;
	for (k = (int)head; k >= 0; k = im->uc[k].next)
		if (!has_period || overlap(from, to, im->uc[k].from, im->uc[k].to)) {
			hit = hit < 0 ? k : hit;
			n++;
		}
	if (n <= 1)
		return hit;
	err_set(im->err, _("%s:%ld: field 'code': '%s' names %d units"), im->file->path, im->csv.line,
	        code, n);
	for (k = (int)head; k >= 0; k = im->uc[k].next) {
		units_period_text(im->uc[k].from, im->uc[k].to, pt, sizeof pt);
		err_append(im->err, "%s%s", k == (int)head ? " (" : ", ", *pt ? pt : _("always"));
	}
	err_append(im->err, "%s", has_period ? _("), and this row's years overlap more than one of them") :
	           _("); give valid_from and valid_to so the row says which"));
	return -2;
}

static int row_unit(struct imp *im)
{
	static const int parent_level[LV_N][4] = {
		/* allowed parent levels per level; -1 ends */
		[LV_PROVINCE] = { -1, -1, -1, -1 },
		[LV_DISTRICT] = { LV_PROVINCE, -1, -1, -1 },
		[LV_COMMUNE] = { LV_DISTRICT, LV_PROVINCE, -1, -1 },
		[LV_TOWNSHIP] = { LV_DISTRICT, LV_PROVINCE, -1, -1 },
		[LV_WARD] = { LV_DISTRICT, LV_PROVINCE, -1, -1 },
		[LV_VILLAGE] = { LV_COMMUNE, LV_TOWNSHIP, LV_WARD, -1 },
	};
	const char *code = F(im, 0), *p, *pcode = F(im, 3), *rs = F(im, 4);
	char *name = NULL, *key = NULL;
	int level, region = -1, k, rc = -1, from, to, same, defer_merge = 0, defer_split = 0;
	int yfrom, yto;
	int has_period = im->col[5] >= 0 || im->col[6] >= 0 || im->col[7] >= 0 || im->col[8] >= 0;
	int64_t parent = 0, plevel = -1, id, merged = 0, split = 0;
	sqlite3_stmt *st;

	if (!*code)
		return bad(im, 0, _("is empty%s"), "");
	for (p = code; *p; p++)
		if (*p == ' ' || *p == ',' || (unsigned char)*p < 0x21 || (unsigned char)*p > 0x7e)
			return bad(im, 0, _("'%s': a code is ASCII without spaces"), code);
	if ((level = pick(im, 2, store_level_name, LV_N, 0)) < 0)
		return -1;
	if (*rs && (region = store_region_parse(rs)) < 0) {
		bad(im, 4, _("'%s' is not a threshold region of QĐ 318: "), rs);
		list_values(im->err, store_region_name, RG_N);
		return -1;
	}
	if (opt_year(im, 5, &from) < 0 || opt_year(im, 6, &to) < 0)
		return -1;
	if (from && to && from > to)
		return bad(im, 6, _("'%s' is before valid_from"), F(im, 6));
	yfrom = from;
	yto = to;
	/* a row replaces the unit of its code whose years it overlaps, or
	 * adds one (a code given again to a new unit in later years) */
	if ((same = same_unit(im, code, has_period, from, to)) == -2)
		return -1;
	/* the years the unit will have: a row without the period columns keeps
	 * those on record */
	if (!has_period && same >= 0) {
		yfrom = im->uc[same].from;
		yto = im->uc[same].to;
	}
	if (level == LV_PROVINCE) {
		if (*pcode)
			return bad(im, 3, _("'%s': a province has no parent"), pcode);
		if (region < 0)
			return bad(im, 4, _("is empty: a province needs its threshold region (%s)"),
			           "tdmnpb, dbsh, btb, dhntb, tn, dnb or dbscl");
	} else {
		if (!*pcode)
			return bad(im, 3, _("is empty: a %s needs its parent's code"),
			           _(store_level_name[level]));
		if (!map_get(&im->units, pcode, &parent)) {
			bad(im, 3, _("unknown parent '%s' (define it on an earlier line or import it "
			           "first)"), pcode);
			return -1;
		}
		/* the parent's code names the unit of that code in the unit's years */
		k = uc_at(im, (int)parent, yfrom ? yfrom : yto);
		/* a parent none of whose years are the unit's would hang it under
		 * a unit gone (or not yet made) in its own years */
		if (!overlap(yfrom, yto, im->uc[k].from, im->uc[k].to)) {
			char msg[240], a[32], b[32];

			units_period_text(im->uc[k].from, im->uc[k].to, a, sizeof a);
			units_period_text(yfrom, yto, b, sizeof b);
			snprintf(msg, sizeof msg, _("'%%s' existed %s; a unit that existed %s cannot sit "
			         "under it (give the parent of the unit's own years)"), a, b);
			return bad(im, 3, msg, pcode);
		}
		parent = im->uc[k].id;
		plevel = im->uc[k].level;
		for (k = 0; k < 4 && parent_level[level][k] >= 0; k++)
			if (parent_level[level][k] == plevel)
				break;
		if (k == 4 || parent_level[level][k] < 0) {
			err_set(im->err, _("%s:%ld: field 'parent': a %s cannot sit under %s '%s' (a %s)"),
			        im->file->path, im->csv.line, _(store_level_name[level]),
			        _("the unit"), pcode, level_name(plevel));
			return -1;
		}
	}
	if (*F(im, 7)) {
		if (!to)
			return bad(im, 7, _("'%s': a unit merged into another needs valid_to, the last "
			           "year it existed"), F(im, 7));
		/* what a unit became is often given after it (the same code
		 * going on, a new commune): linked when the file is read */
		if (!known_at(im, F(im, 7), to + 1))
			defer_merge = 1;
		else if ((merged = linked_unit(im, 7, code, F(im, 7), level, to + 1,
		                               _("the year after valid_to"))) < 0)
			return -1;
	}
	if (*F(im, 8)) {
		if (!from)
			return bad(im, 8, _("'%s': a unit split from another needs valid_from, the first "
			           "year it existed"), F(im, 8));
		/* the unit split from may be given later too */
		if (!known_at(im, F(im, 8), from - 1))
			defer_split = 1;
		else if ((split = linked_unit(im, 8, code, F(im, 8), level, from - 1,
		                              _("the year before valid_from"))) < 0)
			return -1;
	}
	/* twice in one file is a slip; a later file restates or corrects what an
	 * earlier one gave, as a later import would (the seeds restate the
	 * register's rows for their districts) */
	if (same >= 0 && im->uc[same].mine == im->file_no)
		return err_set(im->err, _("%s:%ld: the unit code is given twice in this import (see an "
		               "earlier line)"), im->file->path, im->csv.line);
	if (same >= 0 && !im->unit_upd &&
	    store_prepare(im->db, &im->unit_upd, unit_update_sql, im->err) < 0)
		return -1;
	if (!(name = text(im, 1, 1)))
		goto done;
	if (!(key = utf8_fold(name))) {
		err_set(im->err, "%s", _("out of memory"));
		goto done;
	}
	st = same >= 0 ? im->unit_upd : im->st;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, store_level_name[level], -1, SQLITE_STATIC);
	bind_or_null(st, 5, parent);
	if (region >= 0)
		sqlite3_bind_text(st, 6, store_region_name[region], -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 6);
	sqlite3_bind_int64(st, 7, im->import_id);
	{
		/* the name's Vietnamese collation key, so units load sorted cheaply */
		unsigned char sk[512];
		size_t n = utf8_sortkey(name, sk, sizeof sk);

		if (n <= sizeof sk)
			sqlite3_bind_blob(st, 8, sk, (int)n, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(st, 8);
	}
	bind_or_null(st, 9, from);
	bind_or_null(st, 10, to);
	bind_or_null(st, 11, merged);
	bind_or_null(st, 12, split);
	sqlite3_bind_int(st, 13, has_period);
	if (same >= 0) {
		sqlite3_stmt *ins = im->st;

		sqlite3_bind_int64(st, 14, im->uc[same].id);
		im->st = st;
		k = step_row(im, _("the unit code"), &id);
		im->st = ins;
	} else {
		k = step_row(im, _("the unit code"), &id);
	}
	if (k < 0)
		goto done;
	if (same >= 0) {
		struct ucode *u = &im->uc[same];

		im->nperiod -= u->from || u->to;
		u->level = level;
		if (has_period) {
			u->from = from;
			u->to = to;
			/* the row says what became of the unit and where it came
			 * from: an earlier file's links still to make give way */
			for (k = 0; k < 2; k++) {
				if (u->pend[k])
					im->pend[u->pend[k] - 1].id = 0;
				u->pend[k] = 0;
			}
		}
		u->mine = im->file_no;
		im->nperiod += u->from || u->to;
	} else if (uc_add(im, code, id, level, from, to, im->file_no) < 0) {
		goto done;
	}
	k = same >= 0 ? same : (int)im->nuc - 1;
	if ((defer_merge && add_pending(im, k, 0, code, F(im, 7), level, to + 1) < 0) ||
	    (defer_split && add_pending(im, k, 1, code, F(im, 8), level, from - 1) < 0))
		goto done;
	im->with_period |= has_period;
	rc = 0;
done:
	free(name);
	free(key);
	return rc;
}

static int row_observation(struct imp *im)
{
	const char *vname = F(im, 2), *vs = F(im, 3);
	int64_t unit, var, src, u;
	int year, quarter;
	double v;

	if (unit_code(im, 0) < 0)
		return -1;
	if (import_parse_period(F(im, 1), &year, &quarter) < 0)
		return bad(im, 1, _("'%s' is not a period (expected YYYY or YYYYQn, e.g. 2023 or "
		                     "2024Q1)"), F(im, 1));
	if ((unit = unit_in(im, 0, 1, year)) < 0)
		return -1;
	if (!map_get(&im->vars, vname, &var)) {
		struct suggest sg;
		const char *key;
		int64_t val;
		size_t it = 0;

		bad(im, 2, _("unknown variable '%s'"), vname);
		if (im->vars.n == 0) {
			err_append(im->err, "%s", _(": the database has no variable dictionary (import "
			           "data/variables.csv with the figures, or first)"));
			return -1;
		}
		suggest_init(&sg, vname);
		while (map_next(&im->vars, &it, &key, &val))
			suggest_add(&sg, key);
		suggest_append(&sg, im->err);
		if (import_bundled_has(vname))
			err_append(im->err, "%s", _(" (the bundled dictionary has it but this database's "
			           "dictionary does not: import data/variables.csv)"));
		else
			err_append(im->err, "%s", _(" (the dictionary is data/variables.csv; add the variable "
			           "there and import it)"));
		return -1;
	}
	map_get(&im->var_uom, vname, &u);
	{
		char w[WHERE_MAX];

		if (import_text_figure(uoms[u], vs, &v, where(im, 3, w, sizeof w), im->err) < 0)
			return -1;
	}
	if ((src = source(im, 4)) < 0)
		return -1;
	sqlite3_bind_int64(im->st, 1, unit);
	sqlite3_bind_int64(im->st, 2, var);
	sqlite3_bind_int(im->st, 3, year);
	sqlite3_bind_int(im->st, 4, quarter);
	sqlite3_bind_double(im->st, 5, v);
	sqlite3_bind_int64(im->st, 6, src);
	sqlite3_bind_int64(im->st, 7, im->import_id);
	return step_row(im, _("this figure (unit, period, variable)"), NULL);
}

static int row_funding(struct imp *im)
{
	int64_t unit, src;
	int year, fund, kind, measure, na, nd;
	double alloc = 0, disb = 0;

	if (unit_code(im, 0) < 0 || parse_year(im, 1, &year) < 0 ||
	    (unit = unit_in(im, 0, 1, year)) < 0)
		return -1;
	if ((fund = pick(im, 2, LIST(funds), 0)) < 0 || (kind = pick(im, 3, LIST(fund_kinds), 0)) < 0)
		return -1;
	if (parse_amount(im, 4, 1, &alloc, &na) < 0 || parse_amount(im, 5, 1, &disb, &nd) < 0)
		return -1;
	if (na && nd)
		return bad(im, 4, _("is empty, and so is disbursed: a funding row needs an amount%s"), "");
	if ((measure = pick(im, 6, LIST(measures), 1)) == -1)
		return -1;
	if (measure == -2)
		measure = 0;
	if (measure == 1 && kind != 2)
		return bad(im, 6, _("'%s' is for in-kind support (cement); set kind to in_kind"), F(im, 6));
	/* accepted (a supplementary allocation may be missing), but said; the
	 * values are numbers parse_amount read, shown as written */
	if (!na && !nd && disb > alloc) {
		char w[WHERE_MAX];

		fprintf(stderr, _("ntm: warning: %s%s is above the %s allocated; the row is imported "
		        "(ntm check lists it)\n"), where(im, 5, w, sizeof w), F(im, 5), F(im, 4));
	}
	if ((src = source(im, 7)) < 0)
		return -1;
	sqlite3_bind_int64(im->st, 1, unit);
	sqlite3_bind_int(im->st, 2, year);
	sqlite3_bind_text(im->st, 3, funds[fund], -1, SQLITE_STATIC);
	sqlite3_bind_text(im->st, 4, fund_kinds[kind], -1, SQLITE_STATIC);
	if (na)
		sqlite3_bind_null(im->st, 5);
	else
		sqlite3_bind_double(im->st, 5, alloc);
	if (nd)
		sqlite3_bind_null(im->st, 6);
	else
		sqlite3_bind_double(im->st, 6, disb);
	sqlite3_bind_text(im->st, 7, measures[measure], -1, SQLITE_STATIC);
	sqlite3_bind_int64(im->st, 8, src);
	sqlite3_bind_int64(im->st, 9, im->import_id);
	return step_row(im, _("this funding row (unit, year, fund, kind, measure)"), NULL);
}

static int row_project(struct imp *im)
{
	int64_t unit, src;
	int year, quarter = 0, cat, status, nc, rc;
	double cost = 0;
	char *name;
	const char *qs = F(im, 2);

	if (unit_code(im, 0) < 0 || parse_year(im, 1, &year) < 0 ||
	    (unit = unit_in(im, 0, 1, year)) < 0)
		return -1;
	if (*qs) {
		if (qs[1] || qs[0] < '1' || qs[0] > '4')
			return bad(im, 2, _("'%s' is not a quarter (1-4, or empty for the whole year)"), qs);
		quarter = qs[0] - '0';
	}
	if ((cat = pick(im, 4, LIST(categories), 0)) < 0 || parse_amount(im, 5, 1, &cost, &nc) < 0)
		return -1;
	if ((status = pick(im, 6, LIST(statuses), 0)) < 0 || (src = source(im, 7)) < 0)
		return -1;
	if (!(name = text(im, 3, 1)))
		return -1;
	sqlite3_bind_int64(im->st, 1, unit);
	sqlite3_bind_int(im->st, 2, year);
	sqlite3_bind_int(im->st, 3, quarter);
	sqlite3_bind_text(im->st, 4, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(im->st, 5, categories[cat], -1, SQLITE_STATIC);
	if (nc)
		sqlite3_bind_null(im->st, 6);
	else
		sqlite3_bind_double(im->st, 6, cost);
	sqlite3_bind_text(im->st, 7, statuses[status], -1, SQLITE_STATIC);
	sqlite3_bind_int64(im->st, 8, src);
	sqlite3_bind_int64(im->st, 9, im->import_id);
	rc = step_row(im, _("this project (unit, year, quarter, name)"), NULL);
	free(name);
	return rc;
}

static int row_recognition(struct imp *im)
{
	int64_t unit, src;
	int year, title, rc;
	char *decision;

	if (unit_code(im, 0) < 0 || parse_year(im, 1, &year) < 0 ||
	    (unit = unit_in(im, 0, 1, year)) < 0)
		return -1;
	if ((title = pick(im, 2, LIST(titles), 0)) < 0 || (src = source(im, 4)) < 0)
		return -1;
	if (!(decision = text(im, 3, 0)))
		return -1;
	sqlite3_bind_int64(im->st, 1, unit);
	sqlite3_bind_int(im->st, 2, year);
	sqlite3_bind_text(im->st, 3, titles[title], -1, SQLITE_STATIC);
	sqlite3_bind_text(im->st, 4, decision, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(im->st, 5, src);
	sqlite3_bind_int64(im->st, 6, im->import_id);
	rc = step_row(im, _("this recognition (unit, year, title)"), NULL);
	free(decision);
	return rc;
}

/* A unit's commune group (nhóm 1, 2, 3 of QĐ 51/2025/QĐ-TTg) for a span of
 * years; year_to empty: still so. A groups file gives the whole history of
 * the units it names: their spans from earlier imports go, and the spans of
 * one unit in this command must not overlap. The unit must exist in every
 * year of the span (an open span: up to its end, if it has one). */
static int row_group(struct imp *im)
{
	sqlite3_stmt *st = NULL;
	int64_t unit, src;
	int y0, y1, k, head, g, rc = -1;
	const char *gs = F(im, 3);

	if ((head = unit_code(im, 0)) < 0 || parse_year(im, 1, &y0) < 0 || opt_year(im, 2, &y1) < 0)
		return -1;
	if (y1 && y1 < y0) {
		char msg[96];

		snprintf(msg, sizeof msg, _("%d is before year_from %d"), y1, y0);
		return bad(im, 2, "%s", msg);
	}
	if (!(gs[0] >= '1' && gs[0] <= '0' + CRIT_NGROUP_IMPORT && !gs[1]))
		return bad(im, 3, _("'%s' is not a commune group (1, 2 or 3: nhóm 1, 2, 3 of "
		           "QĐ 51/2025/QĐ-TTg)"), gs);
	g = gs[0] - '0';
	k = uc_at(im, head, y0);
	if (check_period(im, k, 0, 1, y0) < 0 || (y1 && check_period(im, k, 0, 2, y1) < 0))
		return -1;
	if (!y1 && im->uc[k].to) {
		char msg[200];

		snprintf(msg, sizeof msg, _("is empty (the span is open), but unit '%s' existed until %d; "
		         "give year_to"), F(im, 0), im->uc[k].to);
		return bad(im, 2, "%s", msg);
	}
	unit = im->uc[k].id;
	if ((src = source(im, 4)) < 0)
		return -1;
	/* the unit's spans of earlier imports give way; this command's must not overlap */
	if (store_prepare(im->db, &st, "DELETE FROM unit_group WHERE unit_id = ?1 AND "
	                  "import_id < (SELECT value FROM temp.ntm_batch)", im->err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, unit);
	if (sqlite3_step(st) != SQLITE_DONE) {
		err_set(im->err, _("database: %s"), sqlite3_errmsg(im->db));
		goto done;
	}
	sqlite3_finalize(st);
	if (store_prepare(im->db, &st, "SELECT year_from, coalesce(year_to, 0), commune_group "
	                  "FROM unit_group WHERE unit_id = ?1 AND year_from <= ?3 AND "
	                  "coalesce(year_to, 9999) >= ?2 LIMIT 1", im->err) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, unit);
	sqlite3_bind_int(st, 2, y0);
	sqlite3_bind_int(st, 3, y1 ? y1 : 9999);
	if (sqlite3_step(st) == SQLITE_ROW) {
		char msg[320], a[32], b[32];

		units_period_text(y0, y1, a, sizeof a);
		units_period_text(sqlite3_column_int(st, 0), sqlite3_column_int(st, 1), b, sizeof b);
		snprintf(msg, sizeof msg, _("%s overlaps %s (nhóm %d), given to unit '%s' on an earlier "
		         "line; the spans of one unit must not overlap"), a, b, sqlite3_column_int(st, 2),
		         F(im, 0));
		bad(im, 1, "%s", msg);
		goto done;
	}
	sqlite3_bind_int64(im->st, 1, unit);
	sqlite3_bind_int(im->st, 2, y0);
	if (y1)
		sqlite3_bind_int(im->st, 3, y1);
	else
		sqlite3_bind_null(im->st, 3);
	sqlite3_bind_int(im->st, 4, g);
	sqlite3_bind_int64(im->st, 5, src);
	sqlite3_bind_int64(im->st, 6, im->import_id);
	rc = step_row(im, _("this span (unit, year_from)"), NULL);
done:
	sqlite3_finalize(st);
	return rc;
}

/* Upserts: a later import replaces a figure; the same key twice within one
 * command is refused (the conflict clause's WHERE fails, no row returns):
 * temp.ntm_batch holds the first import id of the running command. */
static const char *const insert_sql[IK_N] = {
	"INSERT INTO variable(name, uom, meaning, source, import_id) VALUES (?1, ?2, ?3, ?4, ?5) "
	"ON CONFLICT(name) DO UPDATE SET uom = excluded.uom, meaning = excluded.meaning, "
	"source = excluded.source, import_id = excluded.import_id "
	"WHERE coalesce(variable.import_id, 0) < (SELECT value FROM temp.ntm_batch) RETURNING id",
	/* a new unit; row_unit finds the one a row replaces (unit_update_sql) */
	"INSERT INTO unit(code, name, name_key, level, parent_id, region, import_id, sort_key, "
	"valid_from, valid_to, merged_into_id, split_from_id) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
	"RETURNING id",
	"INSERT INTO observation(unit_id, variable_id, year, quarter, value, source_id, import_id) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO UPDATE SET value = excluded.value, "
	"source_id = excluded.source_id, import_id = excluded.import_id "
	"WHERE coalesce(observation.import_id, 0) < (SELECT value FROM temp.ntm_batch) RETURNING 1",
	"INSERT INTO funding(unit_id, year, fund, kind, allocated, disbursed, measure, source_id, import_id) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO UPDATE SET "
	"allocated = excluded.allocated, disbursed = excluded.disbursed, "
	"source_id = excluded.source_id, import_id = excluded.import_id "
	"WHERE coalesce(funding.import_id, 0) < (SELECT value FROM temp.ntm_batch) RETURNING 1",
	"INSERT INTO project(unit_id, year, quarter, name, category, cost, status, source_id, import_id) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO UPDATE SET "
	"category = excluded.category, cost = excluded.cost, status = excluded.status, "
	"source_id = excluded.source_id, import_id = excluded.import_id "
	"WHERE coalesce(project.import_id, 0) < (SELECT value FROM temp.ntm_batch) RETURNING 1",
	"INSERT INTO recognition(unit_id, year, title, decision, source_id, import_id) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO UPDATE SET decision = excluded.decision, "
	"source_id = excluded.source_id, import_id = excluded.import_id "
	"WHERE coalesce(recognition.import_id, 0) < (SELECT value FROM temp.ntm_batch) RETURNING 1",
	("INSERT INTO unit_group(unit_id, year_from, year_to, commune_group, source_id, import_id) "
	 "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING 1"),
};

static const char obs_plain_sql[] =
	"INSERT INTO observation(unit_id, variable_id, year, quarter, value, source_id, import_id) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

static const char *const table_of[IK_N] = {
	"variable", "unit", "observation", "funding", "project", "recognition", "unit_group",
};

static int (*const row_fn[IK_N])(struct imp *) = {
	row_variable, row_unit, row_observation, row_funding, row_project, row_recognition,
	row_group,
};

/* ---- files ------------------------------------------------------------ */

static int count_cols(int kind)
{
	const char *h = import_kind_header[kind];
	int n = 1;

	for (; *h; h++)
		n += *h == ',';
	return n;
}

static int count_rows(sqlite3 *db, const char *table, long *n, struct ntm_err *err)
{
	sqlite3_stmt *st;
	char *sql = sqlite3_mprintf("SELECT count(*) FROM \"%w\"", table);

	if (!sql)
		return err_set(err, "%s", _("out of memory"));
	if (store_prepare(db, &st, sql, err) < 0) {
		sqlite3_free(sql);
		return -1;
	}
	sqlite3_free(sql);
	*n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return 0;
}

/* Finds each name of the comma-separated list among the header's fields:
 * col[j] gets its position or -1. Returns how many were found. */
static int match_cols(struct csv *c, const char *h, int *col, int *ncol)
{
	int j, found = 0;
	size_t i;

	for (j = 0; h && *h; j++) {
		size_t n = strcspn(h, ",");

		col[j] = -1;
		for (i = 0; i < c->nfield; i++) {
			if (strlen(c->field[i]) == n && strncmp(c->field[i], h, n) == 0) {
				col[j] = (int)i;
				found++;
				break;
			}
		}
		h = h[n] ? h + n + 1 : NULL;
	}
	*ncol = j;
	return found;
}

/* Maps the header's columns to the kind's columns. The kind is the one whose
 * column names the header holds, in any order, with any of its optional
 * columns. */
static int read_header(struct imp *im, struct ntm_err *err)
{
	struct csv *c = &im->csv;
	size_t i;
	int k, j, r;

	if ((r = csv_next(c, err)) <= 0)
		return r < 0 ? -1 : err_set(err, _("%s: the file is empty (expected a header row)"), c->path);
	for (i = 0; i < c->nfield; i++)
		c->field[i] = csv_trim(c->field[i]);
	for (k = 0; k < IK_N; k++) {
		int ncol, nopt, found = match_cols(c, import_kind_header[k], im->col, &ncol);
		int fopt = match_cols(c, import_kind_optional[k], im->col + ncol, &nopt);

		if (found == ncol && (size_t)(ncol + fopt) == c->nfield) {
			im->file->kind = k;
			im->nhead = c->nfield;
			return 0;
		}
		if (found == ncol) {
			/* all expected columns and some more: name the extra ones */
			err_set(err, _("%s:1: unexpected column(s) for a %s file:"), c->path,
			        import_kind_name[k]);
			for (i = 0; i < c->nfield; i++) {
				int known = 0;

				for (j = 0; j < ncol + nopt; j++)
					known |= im->col[j] == (int)i;
				if (!known) {
					char esc[256];

					err_append(err, " '%s'", shown(c->field[i], esc, sizeof esc));
				}
			}
			err_append(err, _(" (expected: %s"), import_kind_header[k]);
			if (*import_kind_optional[k])
				err_append(err, _("; optional: %s"), import_kind_optional[k]);
			err_append(err, ")");
			return -1;
		}
	}
	if (c->nfield == 1 && strchr(c->field[0], ';')) {
		/* Excel in Vietnamese (and many other) settings saves "CSV" with
		 * semicolons, and numbers with a decimal comma */
		char esc[256];

		return err_set(err, _("%s:1: the columns are separated by semicolons ('%s'), as Excel "
		               "saves CSV where a comma is the decimal separator; ntm reads a comma "
		               "between columns and a dot in numbers: save the file again with ',' as "
		               "the list separator and '.' as the decimal separator (in LibreOffice: "
		               "field delimiter ',')"), c->path, shown(c->field[0], esc, sizeof esc));
	}
	err_set(err, _("%s:1: unknown header '"), c->path);
	for (i = 0; i < c->nfield; i++) {
		char esc[256];

		err_append(err, "%s%s", i ? "," : "", shown(c->field[i], esc, sizeof esc));
	}
	err_append(err, "%s", _("'; an import file starts with one of these headers:"));
	for (k = 0; k < IK_N; k++)
		err_append(err, "\n  %-13s %s", import_kind_name[k], import_kind_header[k]);
	return -1;
}

static int load_maps(struct imp *im)
{
	sqlite3_stmt *st;

	/* in id order: a code's units were given in the order of their years */
	if (store_prepare(im->db, &st, "SELECT code, id, level, coalesce(valid_from, 0), "
	                  "coalesce(valid_to, 0) FROM unit ORDER BY id", im->err) < 0)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (uc_add(im, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1),
		           store_level_parse((const char *)sqlite3_column_text(st, 2)),
		           sqlite3_column_int(st, 3), sqlite3_column_int(st, 4), 0) < 0) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	if (store_prepare(im->db, &st, "SELECT name, id, uom FROM variable", im->err) < 0)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		int u = in_list(LIST(uoms), (const char *)sqlite3_column_text(st, 2));

		if (map_put(&im->vars, name, sqlite3_column_int64(st, 1)) < 0 ||
		    map_put(&im->var_uom, name, u < 0 ? 0 : u) < 0)
			goto oom;
	}
	sqlite3_finalize(st);
	return 0;
oom:
	sqlite3_finalize(st);
	return err_set(im->err, "%s", _("out of memory"));
}

/* Variables imported in this command get their ids once the file is done
 * (row_variable records the name only). */
static int refresh_var_ids(struct imp *im)
{
	sqlite3_stmt *st;

	if (store_prepare(im->db, &st, "SELECT name, id FROM variable", im->err) < 0)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (map_put(&im->vars, (const char *)sqlite3_column_text(st, 0),
		            sqlite3_column_int64(st, 1)) < 0) {
			sqlite3_finalize(st);
			return err_set(im->err, "%s", _("out of memory"));
		}
	}
	sqlite3_finalize(st);
	return 0;
}

/* The file, or the text it stands for (f->text). */
static int open_file(struct imp *im, struct import_file *f)
{
	if (f->text)
		return csv_open_mem(&im->csv, f->path, f->text, f->len, im->err);
	return csv_open(&im->csv, f->path, im->err);
}

static int import_one(struct imp *im, struct import_file *f, const struct import_opts *o)
{
	sqlite3_stmt *ins = NULL;
	long before = 0, after = 0;
	size_t i;
	int r, rc = -1;

	im->file = f;
	im->file_no++;
	if (open_file(im, f) < 0)
		return -1;
	if (read_header(im, im->err) < 0)
		goto done;
	if (count_rows(im->db, table_of[f->kind], &before, im->err) < 0)
		goto done;
	if (store_prepare(im->db, &ins, "INSERT INTO import(file, kind, rows) VALUES (?1, ?2, 0)",
	                  im->err) < 0)
		goto done;
	sqlite3_bind_text(ins, 1, f->path, -1, SQLITE_STATIC);
	sqlite3_bind_text(ins, 2, import_kind_name[f->kind], -1, SQLITE_STATIC);
	if (sqlite3_step(ins) != SQLITE_DONE) {
		err_set(im->err, _("database: %s"), sqlite3_errmsg(im->db));
		goto done;
	}
	im->import_id = sqlite3_last_insert_rowid(im->db);
	if (!im->batch_set) {
		char *sql = sqlite3_mprintf("CREATE TEMP TABLE IF NOT EXISTS ntm_batch(value INTEGER);"
		                            "DELETE FROM temp.ntm_batch;"
		                            "INSERT INTO temp.ntm_batch VALUES (%lld)", (long long)im->import_id);
		int made = sql ? store_exec(im->db, sql, im->err) : err_set(im->err, "%s", _("out of memory"));

		sqlite3_free(sql);
		if (made < 0)
			goto done;
		im->batch_set = 1;
	}
	/* Into an empty table nothing can be replaced: a plain INSERT is much
	 * quicker than an upsert, and a conflict can only be a duplicate. */
	im->plain = f->kind == IK_OBSERVATIONS && im->obs_empty;
	if (store_prepare(im->db, &im->st, im->plain ? obs_plain_sql : insert_sql[f->kind], im->err) < 0)
		goto done;
	while ((r = csv_next(&im->csv, im->err)) > 0) {
		if (im->csv.nfield != im->nhead) {
			err_set(im->err, _("%s:%ld: expected %zu fields (%s) but found %zu"),
			        f->path, im->csv.line, im->nhead,
			        im->nhead == (size_t)count_cols(f->kind) ? import_kind_header[f->kind] :
			        _("as many as the header"), im->csv.nfield);
			goto done;
		}
		for (i = 0; i < im->csv.nfield; i++)
			im->csv.field[i] = csv_trim(im->csv.field[i]);
		if (row_fn[f->kind](im) < 0)
			goto done;
		f->rows++;
		if (o->progress && f->rows % 100000 == 0)
			o->progress(o->ctx, f->path, f->rows);
	}
	if (r < 0)
		goto done;
	if (f->kind == IK_VARIABLES && refresh_var_ids(im) < 0)
		goto done;
	if (count_rows(im->db, table_of[f->kind], &after, im->err) < 0)
		goto done;
	f->added = after - before;
	f->updated = f->rows - f->added;
	{
		char *sql = sqlite3_mprintf("UPDATE import SET rows = %ld WHERE id = %lld",
		                            f->rows, (long long)im->import_id);

		if (!sql || store_exec(im->db, sql, im->err) < 0) {
			sqlite3_free(sql);
			goto done;
		}
		sqlite3_free(sql);
	}
	rc = 0;
done:
	sqlite3_finalize(ins);
	sqlite3_finalize(im->st);
	im->st = NULL;
	sqlite3_finalize(im->unit_upd);
	im->unit_upd = NULL;
	csv_close(&im->csv);
	return rc;
}

/* After a units file with periods: no row left outside its unit's period
 * (figures imported before the period was given), and every merge or split
 * joins units that exist on either side of it. */
static int check_periods_kept(struct imp *im)
{
	static const char *const tables[] = { "observation", "funding", "project", "recognition" };
	static const char *const rows[] = { "a figure", "a funding row", "a project", "a recognition" };
	sqlite3_stmt *st;
	size_t k;
	int rc = 0;

	for (k = 0; k < sizeof tables / sizeof tables[0] && rc == 0; k++) {
		char *sql = sqlite3_mprintf("SELECT u.code, u.valid_from, u.valid_to, x.year FROM unit u "
		                            "JOIN \"%w\" x ON x.unit_id = u.id "
		                            "WHERE (u.valid_from IS NOT NULL OR u.valid_to IS NOT NULL) AND "
		                            "(x.year < coalesce(u.valid_from, 0) OR "
		                            "x.year > coalesce(u.valid_to, 9999)) LIMIT 1", tables[k]);

		if (!sql)
			return err_set(im->err, "%s", _("out of memory"));
		rc = store_prepare(im->db, &st, sql, im->err);
		sqlite3_free(sql);
		if (rc < 0)
			return -1;
		if (sqlite3_step(st) == SQLITE_ROW) {
			char pt[32];

			period_text(PERIOD(sqlite3_column_int(st, 1), sqlite3_column_int(st, 2)), pt, sizeof pt);
			rc = err_set(im->err, _("unit '%s' is given the period %s, but the database holds "
			             "%s for it in %d; move or delete those rows first (nothing was "
			             "imported)"),
			             (const char *)sqlite3_column_text(st, 0), pt, _(rows[k]),
			             sqlite3_column_int(st, 3));
		}
		sqlite3_finalize(st);
	}
	if (rc < 0)
		return -1;
	if (store_prepare(im->db, &st, "SELECT u.code, s.code, u.merged_into_id IS NOT NULL FROM unit u "
	                  "JOIN unit s ON s.id = u.merged_into_id OR s.id = u.split_from_id WHERE "
	                  "(s.id = u.merged_into_id AND (u.valid_to IS NULL OR "
	                  " u.valid_to + 1 < coalesce(s.valid_from, 0) OR "
	                  " u.valid_to + 1 > coalesce(s.valid_to, 9999))) OR "
	                  "(s.id = u.split_from_id AND (u.valid_from IS NULL OR "
	                  " u.valid_from - 1 < coalesce(s.valid_from, 0) OR "
	                  " u.valid_from - 1 > coalesce(s.valid_to, 9999))) LIMIT 1", im->err) < 0)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		rc = err_set(im->err, _("unit '%s' is %s '%s', which did not exist %s (check both "
		             "units' valid_from and valid_to; nothing was imported)"),
		             (const char *)sqlite3_column_text(st, 0),
		             sqlite3_column_int(st, 2) ? _("merged into") : _("split from"),
		             (const char *)sqlite3_column_text(st, 1),
		             sqlite3_column_int(st, 2) ? _("the year after it ended") :
		             _("the year before it began"));
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	/* a parent given new years by a later row or file must still share
	 * some with each unit under it (row_unit checked them as they were) */
	if (store_prepare(im->db, &st, "SELECT u.code, p.code, coalesce(u.valid_from, 0), "
	                  "coalesce(u.valid_to, 0), coalesce(p.valid_from, 0), coalesce(p.valid_to, 0) "
	                  "FROM unit u JOIN unit p ON p.id = u.parent_id WHERE "
	                  "(u.valid_to < p.valid_from OR p.valid_to < u.valid_from) LIMIT 1", im->err) < 0)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		char a[32], b[32];

		units_period_text(sqlite3_column_int(st, 2), sqlite3_column_int(st, 3), a, sizeof a);
		units_period_text(sqlite3_column_int(st, 4), sqlite3_column_int(st, 5), b, sizeof b);
		rc = err_set(im->err, _("unit '%s' (%s) sits under '%s', which existed %s: none of the "
		             "same years (check both units' valid_from and valid_to; nothing was "
		             "imported)"), (const char *)sqlite3_column_text(st, 0), a,
		             (const char *)sqlite3_column_text(st, 1), b);
	}
	sqlite3_finalize(st);
	return rc;
}

static int by_kind(const void *a, const void *b)
{
	const struct import_file *x = a, *y = b;

	return x->kind - y->kind;
}

int import_run(sqlite3 *db, struct import_file *files, int nfiles,
               const struct import_opts *o, struct ntm_err *err)
{
	struct imp im;
	int i, rc = -1, began = 0, fk_off = 0;

	memset(&im, 0, sizeof im);
	im.db = db;
	im.err = err;
	map_init(&im.units);
	map_init(&im.vars);
	map_init(&im.var_uom);
	map_init(&im.sources);
	/* Read every header first: a file of unknown kind stops the command
	 * before anything is written, and the order can follow dependencies. */
	for (i = 0; i < nfiles; i++) {
		files[i].rows = files[i].added = files[i].updated = 0;
		im.file = &files[i];
		if (open_file(&im, &files[i]) < 0)
			goto done;
		{
			int r = read_header(&im, err);

			csv_close(&im.csv);
			if (r < 0)
				goto done;
		}
	}
	/* by kind, keeping the order given within a kind: a later units file
	 * restates what an earlier one gave (qsort need not be stable) */
	for (i = 1; i < nfiles; i++) {
		struct import_file f = files[i];
		int j;

		for (j = i; j > 0 && by_kind(&files[j - 1], &f) > 0; j--)
			files[j] = files[j - 1];
		files[j] = f;
	}
	/* Every reference a row makes (unit, variable, parent, source, import)
	 * is resolved through the maps above before the row is written, so the
	 * per-row foreign key look-ups would only repeat that work; they are
	 * turned back on when the import ends, whatever its outcome. Inside
	 * the caller's transaction the pragma would do nothing: they stay on. */
	if (!o->in_transaction) {
		if (store_exec(db, "PRAGMA foreign_keys = OFF", err) < 0)
			goto done;
		fk_off = 1;
		/* a larger page cache while the indexes grow (STORE_CACHE_KB otherwise) */
		sqlite3_exec(db, "PRAGMA cache_size = -65536", NULL, NULL, NULL);
		if (store_exec(db, "BEGIN IMMEDIATE", err) < 0)
			goto done;
		began = 1;
	}
	if (load_maps(&im) < 0)
		goto done;
	{
		long n = 0;

		if (count_rows(db, "observation", &n, err) < 0)
			goto done;
		im.obs_empty = n == 0;
	}
	for (i = 0; i < nfiles; i++) {
		if (import_one(&im, &files[i], o) < 0)
			goto done;
		/* merges into units given later, by any units file of the command */
		if (files[i].kind == IK_UNITS && (i + 1 == nfiles || files[i + 1].kind != IK_UNITS) &&
		    link_pending(&im) < 0)
			goto done;
	}
	if (im.with_period && check_periods_kept(&im) < 0)
		goto done;
	/* Foreign keys are checked per statement; this catches nothing new but
	 * guards a future deferred constraint. */
	if (o->in_transaction) {
		rc = 0;
		goto done;
	}
	if (o->dry_run) {
		rc = store_exec(db, "ROLLBACK", err);
		began = 0;
		goto done;
	}
	if (store_exec(db, "COMMIT", err) < 0)
		goto done;
	began = 0;
	rc = 0;
done:
	if (began)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	if (fk_off) {
		sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
		sqlite3_exec(db, "PRAGMA cache_size = -" STORE_CACHE_KB, NULL, NULL, NULL);
	}
	map_free(&im.units);
	map_free(&im.vars);
	map_free(&im.var_uom);
	map_free(&im.sources);
	free_pending(&im);   /* before im.uc: it clears the units' marks */
	free(im.pend);
	free(im.uc);
	return rc;
}

/* ---- the bundled dictionary -------------------------------------------- */

int import_bundled_has(const char *name)
{
	const char *p = ntm_dictionary;
	size_t n = strlen(name);

	if (!n)
		return 0;
	/* a row starts a line with its name and a comma (names need no quotes) */
	while ((p = strstr(p, name))) {
		if ((p == ntm_dictionary || p[-1] == '\n') && p[n] == ',')
			return 1;
		p += n;
	}
	return 0;
}

int import_dictionary(sqlite3 *db, struct ntm_err *err)
{
	struct import_file f = { .path = IMPORT_BUNDLED, .text = ntm_dictionary,
	                         .len = (size_t)ntm_dictionary_len };
	struct import_opts o = { .in_transaction = 1 };

	return import_run(db, &f, 1, &o, err);
}
