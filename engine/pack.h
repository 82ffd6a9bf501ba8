/* pack.h - one unit-year's indicator results as a compact blob, the way a
 * stored run keeps them (runs.c writes, store.c's SQL functions and the
 * migration of old runs read): a version byte, the count, then one varint
 * per indicator holding its status (ST_*), whether the measure divided by
 * zero, and its value to the hundredth (the precision every report prints;
 * a negative or huge value keeps its 8 bytes). About 100 bytes for the 55
 * indicators of the national set, where text took 900. No SQLite, no Lua. */
#ifndef NTM_PACK_H
#define NTM_PACK_H

#include <stddef.h>

#define PACK_VERSION 1
#define PACK_DIV0 8          /* added to a status: the measure divided by zero */

/* The most bytes pack_results writes for n indicators. */
static inline size_t pack_max(int n)
{
	return 12 + (size_t)n * 18;
}

/* Packs n statuses (ST_*, PACK_DIV0 added when set) and values (NAN: none)
 * into out (pack_max(n) bytes); returns the length. */
size_t pack_results(int n, const unsigned char *status, const double *value, unsigned char *out);

/* Reads indicator i of a packed blob of len bytes: its status (with the
 * PACK_DIV0 flag) and value. Returns 0, or -1 for a blob that is not one
 * (a wrong version, cut short, i out of range). */
int pack_get(const unsigned char *p, size_t len, int i, int *status, double *value);
/* The number of indicators in a packed blob, or -1. */
int pack_count(const unsigned char *p, size_t len);

#endif
