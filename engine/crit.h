/* crit.h - a criteria set as plain C data: criteria, indicators, measures
 * (expression trees over variables) and thresholds that vary by region and
 * year. Built by lua_crit.c from a set file; read by eval.c. No Lua here. */
#ifndef NTM_CRIT_H
#define NTM_CRIT_H

#include "err.h"

enum expr_op {
	X_NUM, X_VAR, X_ADD, X_SUB, X_MUL, X_DIV, X_NEG, X_PCT, X_SUM, X_MIN,
	X_MAX, X_COUNT, X_ALL, X_ANY, X_NOT, X_GT, X_GE, X_LT, X_LE, X_EQ,
	X_EITHER,
	/* across time: the year evaluated; arg[0] in the year arg[1] gives; the
	 * first year the unit was recognised with title str (critset.title
	 * index in var: critset.rtitle); another set's threshold (str "set:indicator", filled
	 * in at load: thr and its domain) */
	X_YEAR, X_AT, X_RECYEAR, X_THROF,
	X_N
};

struct thr;

struct expr {
	int op;
	int n;               /* number of arguments */
	double num;          /* X_NUM */
	int var;             /* X_VAR: index in critset.var; X_RECYEAR: in critset.rtitle */
	struct expr **arg;
	char *str;           /* X_RECYEAR: the title; X_THROF: "set-id:indicator-id" */
	struct thr *thr;     /* X_THROF: a copy of that indicator's threshold */
	double dom_lo, dom_hi;   /* X_THROF: that indicator's domain */
	int cmp;             /* X_THROF: its CMP_MIN or CMP_MAX */
};

/* T_GROUP (by_group{}): one value per commune group of QĐ 51/2025 (nhóm 1,
 * 2, 3). Its values sit in region[0..CRIT_NGROUP-1] (nhóm 1 in region[0])
 * and dflt: the region slots are reused so that code walking a threshold's
 * children (copy, free, look-back, threshold_of) needs no case of its own;
 * note holds what the evaluator says when the unit's group is not known. */
enum thr_kind { T_NUM, T_DRAFT, T_UNSET, T_REGION, T_YEAR, T_RANGE, T_EXPR, T_GROUP };

/* A unit's place for thresholds: its threshold region (0..6, -1 none) and
 * its commune group (1..3, 0 not known) in one int, so code that passes a
 * region passes a place unchanged: place = region + CRIT_PLACE_STRIDE *
 * group. A place of group 0 is the region itself; places run from -1 to
 * CRIT_NPLACE - 2 (30), so place + 1 fits the bits of an unsigned. Stored
 * runs keep the place in run_threshold.region and run_result.region. */
#define CRIT_NGROUP 3
#define CRIT_PLACE_STRIDE 8                        /* RG_N + 1 */
#define CRIT_NPLACE (CRIT_PLACE_STRIDE * (CRIT_NGROUP + 1))
static inline int crit_place(int region, int group)
{
	return region + CRIT_PLACE_STRIDE * (group >= 1 && group <= CRIT_NGROUP ? group : 0);
}
static inline int crit_place_region(int place)
{
	return (place + 1) % CRIT_PLACE_STRIDE - 1;
}
static inline int crit_place_group(int place)
{
	return place < -1 ? 0 : (place + 1) / CRIT_PLACE_STRIDE;
}

struct thr {
	int kind;
	double num;          /* T_NUM; T_RANGE: the lower end */
	double hi;           /* T_RANGE: the upper end (may be INFINITY) */
	char *note;          /* T_DRAFT, T_UNSET, T_RANGE: where from, why not set, why this range */
	struct thr *inner;   /* T_DRAFT: the drafted value (number, region, year) */
	struct thr *region[7], *dflt;   /* T_REGION (T_GROUP: region[0..2]); NULL = not given */
	int nyear;           /* T_YEAR: years ascending */
	int *year;
	struct thr **by_year;
	struct expr *expr;   /* T_EXPR: a threshold computed for each unit and year */
};

enum cmp { CMP_MIN, CMP_MAX, CMP_MUST };

struct indicator {
	char *id, *name, *unit, *cite, *note;
	char *renumbered_from;  /* its id in the earlier decision, or NULL */
	char *file;          /* the set file that defined or last amended it */
	int line;
	struct expr *measure, *applies;
	int cmp;             /* CMP_* */
	int must;            /* CMP_MUST: 1 = must hold, 0 = must not */
	struct thr *thr;     /* NULL for CMP_MUST */
	int criterion;       /* index in critset.crit */
	double dom_lo, dom_hi;  /* the measure's natural domain (crit_domains) */
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
	int strict;          /* judge drafts as unset: only cited numbers decide */
	/* across time (crit_history fills these at load) */
	char **rtitle;       /* recognition titles recognised_year() reads */
	int nrtitle;
	int lookback;        /* years before the evaluated ones the measures read */
	int has_unit_thr;    /* some threshold is an expression of the unit's figures */
	int has_group_thr;   /* some threshold varies by commune group (by_group) */
};

/* A threshold resolved for one region and year: a number (cited or
 * draft), a range the number is known to lie in, nothing known, or an
 * expression the evaluator computes for each unit (TS_EXPR, value in expr). */
enum { TS_SET, TS_DRAFT, TS_UNSET, TS_RANGE, TS_EXPR, TS_N };
extern const char *const crit_thr_state_name[TS_N];
struct thr_value {
	double value;        /* TS_SET, TS_DRAFT */
	double lo, hi;       /* TS_RANGE: the bounds as written (before the domain) */
	int status;          /* TS_* */
	const char *note;    /* for drafts, ranges and unset thresholds */
	const struct expr *expr;   /* TS_EXPR */
	int group_span;      /* the span of a by_group threshold: the group is not known */
	int group_draft;     /* such a span that includes a draft */
};

/* Resolves t for place (crit_place: region 0..6 or -1, and commune group)
 * and year. A by_group threshold for a unit whose group is not known is the
 * span of its groups' values: one value when they agree, else a range
 * (unset when a group's value is unset or computed), its note t->note. */
void crit_thr_resolve(const struct thr *t, int place, int year, struct thr_value *out);
/* The same for indicator d, as the evaluator judges it: lo..hi is where the
 * threshold can lie (a number: lo == hi; a range or nothing known: within
 * d's domain), and with strict a draft counts as unset. */
/* A place as the reports name it: "nhóm 2" when the group is known, else
 * the region's name ("tdmnpb"), else "". */
const char *crit_place_name(int place);
void crit_thr_bounds(const struct indicator *d, int strict, int region, int year,
                     struct thr_value *out);

/* Fills every indicator's dom_lo/dom_hi: the values its measure can take,
 * from the variables' units in dict (pct 0..100, bool 0..1, the rest >= 0;
 * without a dictionary every variable is >= 0, as every unit of the
 * dictionary is) and the shape of the expression (a pct() is 0..100, a
 * comparison 0..1). A threshold nobody has set ranges over this domain. */
struct varset;
void crit_domains(struct critset *s, const struct varset *dict);
/* Fills s's lookback, has_unit_thr and has_group_thr from its measures and thresholds.
 * A measure that reads another year by a fixed offset (at(v.x, year - 2),
 * change, growth) needs that many years before; one that reads a year it
 * computes (a recognition's, a fixed year) needs CRIT_LOOKBACK_MAX. */
#define CRIT_LOOKBACK_MAX 10
void crit_history(struct critset *s);
/* Whether t varies by commune group anywhere (a by_group in it). */
int crit_thr_by_group(const struct thr *t);
/* A deep copy of t (NULL when out of memory or t is NULL). */
struct thr *crit_thr_copy(const struct thr *t);
/* Counts of draft and unset leaves anywhere in the set's thresholds. */
void crit_thr_census(const struct critset *s, int *ndraft, int *nunset);
/* Index of an indicator or criterion by id, or -1. */
int crit_find_indicator(const struct critset *s, const char *id);
int crit_find_criterion(const struct critset *s, const char *id);
/* Appends a readable form of the measure ("100 × a / b") to buf. */
void crit_expr_format(const struct critset *s, const struct expr *e, char *buf, size_t cap);
/* Formats a threshold for display ("≥ 70", "by region: …"). */
void crit_thr_format(const struct thr *t, char *buf, size_t cap);
/* The same, a threshold computed per unit written as its expression in s. */
void crit_thr_format_in(const struct critset *s, const struct thr *t, char *buf, size_t cap);

void crit_expr_free(struct expr *e);
void crit_thr_free(struct thr *t);
void crit_free(struct critset *s);

#endif
