/* plot_project.h - the charts of projections (project.h) for `ntm plot`:
 * units meeting a set on record and expected to at today's pace against a
 * target, and the fitted trend of each series of a chart of years. Built
 * from evalrun.h and chart.h; drawn by cmd_plot.c. */
#ifndef NTM_PLOT_PROJECT_H
#define NTM_PLOT_PROJECT_H

#include "chart.h"
#include "ctx.h"
#include "opt.h"

/* `ntm plot projection --set SET --unit U [--to YEAR] [--target N]`: per
 * year, the units of the set's level below U meeting it on record and,
 * after each unit's last year with figures, those expected to meet it at
 * today's pace (for certain, and that may: open thresholds), against the
 * target drawn as a line. Returns 0 with the chart in *out (caller draws
 * and frees it), or -1 with c->err. */
int plot_projection(struct ctx *c, struct opt *opts, struct chart **out);

/* --trend: adds to *ch, a chart whose categories are years (2023) or
 * quarters (2024Q1), each series' fitted trend (least squares over its
 * values) carried on from its last value as a dashed line of its colour,
 * the years extended to --to; values kept within 0..cap. Without --trend,
 * nothing (and --to alone is refused). *ch may be replaced by a larger chart (the
 * old one freed). Returns 0 or -1 with c->err (*ch still the caller's). */
int plot_trend(struct ctx *c, struct chart **ch, struct opt *opts, double cap);

#endif
