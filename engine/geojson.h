/* geojson.h - the boundaries a map is drawn from: a GeoJSON FeatureCollection
 * of units, one Feature each with a Polygon or MultiPolygon geometry and
 * properties.code (the unit's code) and .name, read through a small strict
 * JSON parser of its own, bounded in depth and size. Plain C; calls utf8.c.
 * Used by plot_map.c. */
#ifndef NTM_GEOJSON_H
#define NTM_GEOJSON_H

#include <stddef.h>

#include "err.h"

/* What a boundaries file may hold: it is a user's file. */
#define GJ_MAX_BYTES (64 << 20)     /* bytes of the file */
#define GJ_MAX_DEPTH 32             /* arrays and objects inside one another */
#define GJ_MAX_VALUES 8000000       /* JSON values in all (a position is 3) */
#define GJ_MAX_FEATURES 50000
#define GJ_MAX_TEXT 1000            /* bytes of a unit's code or name */

/* One ring: n positions from g->pt[2 * off] (longitude, latitude pairs),
 * the last repeating the first. A polygon's outer ring comes first, its
 * holes after it. */
struct gj_ring {
	size_t off;
	int n;
	int poly;            /* the polygon of its feature it belongs to, from 0 */
	int hole;            /* 0: the polygon's outer ring; 1: a hole in it */
};

struct gj_feature {
	char *code, *name;   /* properties.code, properties.name ("" when none) */
	int ring0, nring;    /* its rings: g->ring[ring0 .. ring0 + nring) */
	int npoly;
	int line;            /* where the feature starts in the file */
};

struct geojson {
	struct gj_feature *f;
	int n;
	struct gj_ring *ring;
	int nring;
	double *pt;          /* 2 * npt numbers */
	size_t npt;
};

/* Reads the FeatureCollection in text[0..len) (not NUL-terminated), name
 * being the file for messages, into g. Errors name the file, line and
 * column and what was expected ("x.geojson:3:17: expected ',' or ']' in an
 * array, found '}'"); those of a feature name it by its place (the first
 * is 1) and code. Returns 0, or -1 with err (g is then empty); free g with
 * geojson_free either way. */
int geojson_parse(const char *text, size_t len, const char *name, struct geojson *g,
                  struct ntm_err *err);
/* The same for the file at path (a regular file of at most GJ_MAX_BYTES). */
int geojson_read(const char *path, struct geojson *g, struct ntm_err *err);
void geojson_free(struct geojson *g);

#endif
