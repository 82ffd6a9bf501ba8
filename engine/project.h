/* project.h - projections at today's pace: a trend fitted to a measure's
 * values on record (least squares, or Theil-Sen: the median of the pairwise
 * slopes), carried on from the last value to the year it reaches a threshold
 * that may change by year and may be known only to lie in a range (then a
 * span: the first year it may be met, the year it certainly is); indicators
 * combined into criteria and units. Plain C over results.h and crit.h: no
 * store, no Lua. Used by cmd_project.c, plot_project.c and lua_script.c. */
#ifndef NTM_PROJECT_H
#define NTM_PROJECT_H

#include <limits.h>

#include "results.h"

enum { PROJ_LINEAR, PROJ_THEIL_SEN, PROJ_NMETHOD };
extern const char *const proj_method_name[PROJ_NMETHOD];   /* "linear", "theil-sen" */
/* The method named s, or -1. */
int proj_method_parse(const char *s);

/* The points a fit takes at most (the last ones), and the years a
 * projection looks ahead at most. */
#define PROJ_MAX_POINTS 64
#define PROJ_MAX_YEARS 128
/* A year not reached (by the horizon, or ever). */
#define PROJ_NEVER INT_MAX

struct proj_fit {
	int n;               /* points used */
	double x_first, x_last;
	double last;         /* the value at x_last, where the projection starts */
	double slope;        /* per unit of x (a year); NAN with fewer than 2 points */
};

/* Fits the n points (x ascending, the values finite; only the last
 * PROJ_MAX_POINTS are used). A slope too small to tell from rounding is 0.
 * Returns 0, or -1 with fewer than 2 distinct x (f->slope NAN; f->n, x_last
 * and last filled when n > 0). */
int proj_fit(int method, const double *x, const double *v, int n, struct proj_fit *f);
/* The value at x at the fitted pace, from the last value. */
static inline double proj_at(const struct proj_fit *f, double x)
{
	return f->last + f->slope * (x - f->x_last);
}

/* Where a projection, a criterion or a unit stands (stable codes:
 * proj_status_name). */
enum {
	PJ_MET,        /* met in the last year with figures */
	PJ_REACHES,    /* certainly met by the horizon */
	PJ_MAY_REACH,  /* may be met by the horizon (an open threshold), not certainly */
	PJ_NOT_BY,     /* moving toward it, not there by the horizon */
	PJ_FLAT,       /* not moving */
	PJ_AWAY,       /* moving away from it */
	PJ_TOO_FEW,    /* one year on record: no trend */
	PJ_NO_TREND,   /* a yes/no indicator, not met */
	PJ_NO_FIGURES, /* no value on record */
	PJ_NA,         /* not applicable */
	PJ_N
};
extern const char *const proj_status_name[PJ_N];

enum { PJ_PACE_NONE, PJ_TOWARD, PJ_STILL, PJ_AWAY_PACE, PJ_NPACE };
extern const char *const proj_pace_name[PJ_NPACE];   /* "", "toward", "flat", "away" */

struct proj_when {
	int status;          /* PJ_* */
	int pace;            /* PJ_PACE_NONE .. (indicators only) */
	int first;           /* the first year it may be met (the threshold's near end), or PROJ_NEVER */
	int certain;         /* the year it is certainly met (the far end), or PROJ_NEVER */
	int far_inf;         /* the far end is infinite: never certain */
	int nofig;           /* combined: some part has no figures */
};

/* Projects fit f against a minimum (CMP_MIN) or maximum (CMP_MAX) whose
 * bounds in years y0 .. y0 + nyear - 1 (y0 = f->x_last, nyear >= 1) are
 * lo[y - y0], hi[y - y0] (lo == hi: a number; hi infinite: no upper end).
 * The horizon is the last of those years. Fills w. */
void proj_cross(const struct proj_fit *f, int cmp, const double *lo, const double *hi, int nyear,
                struct proj_when *w);

/* Combining: a criterion is met when all its indicators are, a unit when
 * all its criteria are; the years are the latest of the parts'. Start with
 * proj_when_start, add each part (not the n/a ones), then proj_when_end
 * with the horizon. */
void proj_when_start(struct proj_when *w);
void proj_when_add(struct proj_when *w, const struct proj_when *part);
void proj_when_end(struct proj_when *w, int horizon);

/* One indicator of a unit, projected. */
struct proj_ind {
	struct proj_when when;
	struct proj_fit fit;
	int year;            /* the last year with a value (0: none) */
	int now;             /* its status then (ST_*) */
	double value;        /* its value then */
	double thr_lo, thr_hi;   /* where its threshold lay then */
	double end_lo, end_hi;   /* ... and where it lies at the horizon */
	int thr_status;      /* TS_* then */
	int held;            /* a threshold computed for the unit, held at that year's */
};

/* Projects unit i of R to the horizon to (its thresholds in later years
 * from its region; past the set's last year, that year's): ind[nind],
 * crit[ncrit] and *unit filled. Returns the last year with figures for
 * the unit, 0 when it has none. */
int proj_unit(const struct results *R, int i, int method, int to, struct proj_ind *ind,
              struct proj_when *crit, struct proj_when *unit);

#endif
