/* crit.h - a criteria set as plain C data: criteria, indicators, measures
 * (expression trees over variables) and thresholds that vary by region and
 * year. Built by lua_crit.c from a set file; read by eval.c. No Lua here. */
#ifndef NTM_CRIT_H
#define NTM_CRIT_H

#include "err.h"

enum expr_op {
	X_NUM, X_VAR, X_ADD, X_SUB, X_MUL, X_DIV, X_NEG, X_PCT, X_SUM, X_MIN,
	X_MAX, X_COUNT, X_ALL, X_ANY, X_NOT, X_GT, X_GE, X_LT, X_LE, X_EQ,
	X_EITHER, X_N
};

struct expr {
	int op;
	int n;               /* number of arguments */
	double num;          /* X_NUM */
	int var;             /* X_VAR: index in critset.var */
	struct expr **arg;
};

enum thr_kind { T_NUM, T_DRAFT, T_UNSET, T_REGION, T_YEAR };

struct thr {
	int kind;
	double num;          /* T_NUM */
	char *note;          /* T_DRAFT, T_UNSET: where from, or why not set */
	struct thr *inner;   /* T_DRAFT: the drafted value (number, region, year) */
	struct thr *region[7], *dflt;   /* T_REGION; NULL = not given */
	int nyear;           /* T_YEAR: years ascending */
	int *year;
	struct thr **by_year;
};

enum cmp { CMP_MIN, CMP_MAX, CMP_MUST };

struct indicator {
	char *id, *name, *unit, *cite, *note;
	char *file;          /* the set file that defined or last amended it */
	int line;
	struct expr *measure, *applies;
	int cmp;             /* CMP_* */
	int must;            /* CMP_MUST: 1 = must hold, 0 = must not */
	struct thr *thr;     /* NULL for CMP_MUST */
	int criterion;       /* index in critset.crit */
};

struct criterion {
	char *id, *name, *group;
	int first, n;        /* its indicators: ind[first .. first + n) */
};

/* A figure the engine derives instead of reading it: the result of another
 * set (for this unit, or counted over the units below) or an aggregate of
 * the figures of the units below. Filled by hier.c before evaluation. */
enum agg_kind {
	AG_NONE,    /* a variable of the data */
	AG_MEETS,   /* 1 when this unit meets set, 0 when not */
	AG_SHARE,   /* % of the units below, at set's level, meeting set */
	AG_COUNT,   /* how many of them meet it */
	AG_UNITS,   /* how many units of level there are below */
	AG_SUM, AG_MEAN, AG_MIN, AG_MAX,   /* of var over the units of level below */
	AG_N
};

struct aggvar {
	int kind;            /* AG_* */
	char *set;           /* AG_MEETS .. AG_COUNT */
	char *level;         /* AG_UNITS .. AG_MAX */
	char *var;           /* AG_SUM .. AG_MAX */
};

struct critset {
	char *id, *title, *decision, *level, *file, *extends, *province, *note;
	char *recognises;    /* the recognition it leads to: ntm, ntm-advanced, ... */
	int year_from, year_to;
	struct criterion *crit;
	int ncrit;
	struct indicator *ind;
	int nind;
	char **var;          /* variables the measures use, by index */
	int nvar;
	struct aggvar *agg;  /* per variable; kind AG_NONE for data variables */
	int nagg;            /* how many are derived (kind != AG_NONE) */
};

/* A threshold resolved for one region and year. */
enum { TS_SET, TS_DRAFT, TS_UNSET };
struct thr_value {
	double value;
	int status;          /* TS_* */
	const char *note;    /* for drafts and unset thresholds */
};

/* Resolves t for region (0..6, or -1 unknown) and year. */
void crit_thr_resolve(const struct thr *t, int region, int year, struct thr_value *out);
/* Counts of draft and unset leaves anywhere in the set's thresholds. */
void crit_thr_census(const struct critset *s, int *ndraft, int *nunset);
/* Index of an indicator or criterion by id, or -1. */
int crit_find_indicator(const struct critset *s, const char *id);
int crit_find_criterion(const struct critset *s, const char *id);
/* Appends a readable form of the measure ("100 × a / b") to buf. */
void crit_expr_format(const struct critset *s, const struct expr *e, char *buf, size_t cap);
/* Formats a threshold for display ("≥ 70", "by region: …"). */
void crit_thr_format(const struct thr *t, char *buf, size_t cap);

void crit_expr_free(struct expr *e);
void crit_thr_free(struct thr *t);
void crit_free(struct critset *s);

#endif
