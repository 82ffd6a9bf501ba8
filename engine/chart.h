/* chart.h - charts as data (categories along x, named series of values),
 * drawn through gnuplot (gnuplot.h) in the house style, or written as CSV.
 * Used by `ntm plot` and by the scripting API. */
#ifndef NTM_CHART_H
#define NTM_CHART_H

#include "err.h"

enum { CH_LINE, CH_BARS, CH_STACKED, CH_HEAT, CH_N };
extern const char *const chart_kind_name[CH_N];

struct chart_series {
	char *name;
	double *v;           /* one value per category; NAN = none */
	int y2;              /* drawn as a line on the right axis (bars, stacked) */
	char *color;         /* "#rrggbb" or NULL for the house palette */
};

struct chart {
	int kind;
	char *title, *xlabel, *ylabel, *y2label;
	int ncat;
	char **cat;          /* x labels: years, units, criteria */
	int nser;
	struct chart_series *ser;   /* heat map: one row per series */
	int ydecimals;       /* decimals of the y axis labels */
	/* heat map: values are statuses; legend labels of 0, 0.5, 1 */
	int status_map;
};

/* Allocates an empty chart of kind with ncat categories; NULL if OOM. */
struct chart *chart_new(int kind, int ncat);
/* Adds a series (values NAN); returns it or NULL. Copies name. The
 * returned pointer is valid until the next chart_add. */
struct chart_series *chart_add(struct chart *c, const char *name);
int chart_set_cat(struct chart *c, int i, const char *label);
void chart_free(struct chart *c);

/* Draws to out: term from the name (.png, .svg, .txt) unless fmt is given;
 * w, h of 0 take the defaults. Returns 0 or -1 with err. */
int chart_draw(const struct chart *c, const char *out, const char *fmt, int w, int h,
               struct ntm_err *err);
/* Writes the chart's data as CSV: category, then one column per series. */
int chart_csv(const struct chart *c, const char *path, struct ntm_err *err);

#endif
