/* plot_map.h - `ntm plot map`: the units of a province (or any unit) drawn
 * from GeoJSON boundaries (geojson.h), each filled by its status under a
 * criteria set, the number of criteria it meets, or a variable's value in
 * one year; through gnuplot (gnuplot.h). Called by cmd_plot.c. */
#ifndef NTM_PLOT_MAP_H
#define NTM_PLOT_MAP_H

#include "ctx.h"
#include "opt.h"

/* The folder searched for a unit's boundaries when --boundaries is not
 * given: $NTM_BOUNDARIES, else this (relative to the working directory, as
 * criteria/ is). A file named *-CODE_*.geojson or *-CODE.geojson, CODE the
 * unit's or an ancestor's. */
#define MAP_BOUNDARIES_DIR "plots/boundaries"

/* Draws the map the options ask for (--set/--by/--var, --unit, --year,
 * --out, --boundaries, --map-year, --csv, --title, --source, --size,
 * --format); notes on stderr, "wrote FILE" on stdout. Returns 0, or -1
 * with c->err. */
int plot_map(struct ctx *c, struct opt *opts);

/* A unit of measure of the dictionary ("mvnd_person_year") as a chart's
 * Vietnamese label ("triệu đồng/người/năm"); uom itself when unknown.
 * Defined in cmd_plot.c. */
const char *plot_uom_label(const char *uom);

#endif
