/* map.h - string-keyed hash map to a 64-bit value (open addressing).
 * Keys are copied into an arena owned by the map. Used for code/name lookups
 * during import and evaluation; calls only malloc. */
#ifndef NTM_MAP_H
#define NTM_MAP_H

#include <stddef.h>
#include <stdint.h>

struct map {
	struct map_slot { const char *key; uint64_t hash; int64_t val; } *slot;
	size_t cap, n;
	struct map_block *arena;
};

void map_init(struct map *m);
void map_free(struct map *m);
/* Sets key to val (replacing). Returns 0, or -1 out of memory. */
int map_put(struct map *m, const char *key, int64_t val);
/* Returns 1 and stores the value in *val when key is present, else 0. */
int map_get(const struct map *m, const char *key, int64_t *val);
/* Iteration: i from 0 while map_next(m, &i, &key, &val) returns 1. */
int map_next(const struct map *m, size_t *i, const char **key, int64_t *val);

#endif
