/* chart.h - charts as data (categories along x, named series of values),
 * drawn through gnuplot (gnuplot.h) in the house style, or written as CSV,
 * into a folder through outfile.h, or into memory (a page's inline SVG).
 * Used by `ntm plot`, `ntm report html` and by the scripting API, whose
 * charts live in the script's own counted memory. */
#ifndef NTM_CHART_H
#define NTM_CHART_H

#include <stddef.h>

#include "err.h"
#include "outfile.h"

enum { CH_LINE, CH_BARS, CH_STACKED, CH_HEAT, CH_N };
extern const char *const chart_kind_name[CH_N];

/* What a script may ask of one chart (scripts/README.md). */
#define CHART_MAX_CAT 1000      /* categories */
#define CHART_MAX_SER 200       /* series */
#define CHART_MAX_LABEL 200     /* bytes of a category or a series name */
#define CHART_MAX_TITLE 500     /* bytes of the title and of an axis label */
#define CHART_MAX_RENDER (16 << 20)   /* bytes chart_render reads back */

/* An allocator with lua_Alloc's contract (nsize 0 frees; osize is the old
 * size of ptr), so a script's chart counts against its memory cap. */
typedef void *chart_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

struct chart_series {
	char *name;
	double *v;           /* one value per category; NAN = none */
	int y2;              /* drawn as a line on the right axis (bars, stacked) */
	char color[8];       /* "#rrggbb" (set by chart_color), "" for the house palette */
	int dashed;          /* drawn as a dashed line without points (a trend), over bars too;
	                        not for stacked charts */
};

struct chart {
	int kind;
	char *title, *xlabel, *ylabel, *y2label;   /* set by chart_text */
	int ncat;
	char **cat;          /* x labels: years, units, criteria */
	int nser;
	struct chart_series *ser;   /* heat map: one row per series */
	int ydecimals;       /* decimals of the y axis labels, 0 to GP_DECIMALS_MAX */
	/* heat map: values are CH_ST_* statuses, each with its colour and a
	 * Vietnamese legend */
	int status_map;
	/* line charts: a threshold per category, drawn as a dashed line where
	 * lo == hi and as a band where it is only known to lie in lo..hi;
	 * NULL for none (chart_threshold) */
	double *thr_lo, *thr_hi;
	char *thr_label;
	/* a line under the chart in small type: its source, what it leaves
	 * out (set by chart_text; NULL: none) */
	char *footnote;
	/* bars and stacked bars: each bar (each stack) labelled with its value */
	int bar_values;
	chart_alloc *alloc;  /* where every part of the chart lives (NULL: malloc) */
	void *ud;
};

/* Heat map statuses (status_map). */
enum { CH_ST_NONE = -1, CH_ST_UNMET, CH_ST_MISSING, CH_ST_OPEN, CH_ST_NA, CH_ST_MET };
/* The heat map's shade of an evaluation status (ST_*, eval.h). */
double chart_status_shade(int st);

/* Allocates an empty chart of kind with ncat categories; NULL if OOM.
 * chart_new_in takes its memory (all of it) from alloc. */
struct chart *chart_new(int kind, int ncat);
struct chart *chart_new_in(int kind, int ncat, chart_alloc *alloc, void *ud);
/* Adds a series (values NAN); returns it or NULL. Copies name. The
 * returned pointer is valid until the next chart_add. */
struct chart_series *chart_add(struct chart *c, const char *name);
/* Sets category i, or a text field of c (&c->title...), to a copy of s
 * (NULL clears a field). Returns 0, or -1 when out of memory. */
int chart_set_cat(struct chart *c, int i, const char *label);
int chart_text(struct chart *c, char **field, const char *s);
/* Sets the series' colour from "#rrggbb" or a name (gp_color). Returns 0,
 * or -1 when spec is neither. */
int chart_color(struct chart_series *s, const char *spec);
/* Gives a line chart a threshold row (values NAN) labelled label; returns
 * 0, or -1 when out of memory. Fill c->thr_lo[i], c->thr_hi[i] after. */
int chart_threshold(struct chart *c, const char *label);
void chart_free(struct chart *c);

/* Draws c as name in folder d: the terminal from the name (.png, .svg,
 * .txt) unless fmt is given; w, h of 0 take the defaults. The file appears
 * whole or not at all. Returns 0 or -1 with err. */
int chart_draw(const struct chart *c, const struct outdir *d, const char *name, const char *fmt,
               int w, int h, struct ntm_err *err);
/* Draws c as chart_draw does but into memory: *out gets what gnuplot drew
 * in format fmt ("svg", "png", "dumb"), NUL-terminated (caller frees), and
 * *len its length (at most CHART_MAX_RENDER). Returns 0 or -1 with err. */
int chart_render(const struct chart *c, const char *fmt, int w, int h, char **out, size_t *len,
                 struct ntm_err *err);
/* Writes the chart's data as CSV: category, then one column per series. */
int chart_csv(const struct chart *c, const struct outdir *d, const char *name, struct ntm_err *err);

#endif
