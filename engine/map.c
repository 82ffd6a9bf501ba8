/* map.c - string hash map (map.h): FNV-1a hashing, linear probing,
 * keys stored in an append-only arena so lookups never free. */
#include "map.h"

#include <stdlib.h>
#include <string.h>

struct map_block {
	struct map_block *next;
	size_t used, cap;
	char data[];
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

void map_init(struct map *m)
{
	memset(m, 0, sizeof *m);
}

void map_free(struct map *m)
{
	struct map_block *b = m->arena, *next;

	for (; b; b = next) {
		next = b->next;
		free(b);
	}
	free(m->slot);
	memset(m, 0, sizeof *m);
}

static const char *keep(struct map *m, const char *key)
{
	size_t n = strlen(key) + 1;
	struct map_block *b = m->arena;
	char *p;

	if (!b || b->cap - b->used < n) {
		size_t cap = n > 65536 ? n : 65536;

		if (!(b = malloc(sizeof *b + cap)))
			return NULL;
		b->next = m->arena;
		b->used = 0;
		b->cap = cap;
		m->arena = b;
	}
	p = b->data + b->used;
	memcpy(p, key, n);
	b->used += n;
	return p;
}

static int grow(struct map *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64, i, j;
	struct map_slot *ns = calloc(ncap, sizeof *ns);

	if (!ns)
		return -1;
	for (i = 0; i < m->cap; i++) {
		if (!m->slot[i].key)
			continue;
		for (j = m->slot[i].hash & (ncap - 1); ns[j].key; j = (j + 1) & (ncap - 1))
			;
		ns[j] = m->slot[i];
	}
	free(m->slot);
	m->slot = ns;
	m->cap = ncap;
	return 0;
}

int map_put(struct map *m, const char *key, int64_t val)
{
	uint64_t h = hash(key);
	size_t i;

	if ((m->n + 1) * 4 > m->cap * 3 && grow(m) < 0)
		return -1;
	for (i = h & (m->cap - 1); m->slot[i].key; i = (i + 1) & (m->cap - 1)) {
		if (m->slot[i].hash == h && strcmp(m->slot[i].key, key) == 0) {
			m->slot[i].val = val;
			return 0;
		}
	}
	if (!(m->slot[i].key = keep(m, key)))
		return -1;
	m->slot[i].hash = h;
	m->slot[i].val = val;
	m->n++;
	return 0;
}

int map_get(const struct map *m, const char *key, int64_t *val)
{
	uint64_t h;
	size_t i;

	if (!m->cap)
		return 0;
	h = hash(key);
	for (i = h & (m->cap - 1); m->slot[i].key; i = (i + 1) & (m->cap - 1)) {
		if (m->slot[i].hash == h && strcmp(m->slot[i].key, key) == 0) {
			if (val)
				*val = m->slot[i].val;
			return 1;
		}
	}
	return 0;
}

int map_next(const struct map *m, size_t *i, const char **key, int64_t *val)
{
	for (; *i < m->cap; (*i)++) {
		if (m->slot[*i].key) {
			*key = m->slot[*i].key;
			*val = m->slot[*i].val;
			(*i)++;
			return 1;
		}
	}
	return 0;
}
