/* synth.h - a deterministic synthetic country for benchmarks: units
 * (invented, or the real ones of a units file), figures for every variable
 * the commune set uses, and funding, written as interchange CSV files. Same
 * options, same bytes. */
#ifndef NTM_SYNTH_H
#define NTM_SYNTH_H

#include "err.h"

struct synth_opts {
	unsigned long long seed;   /* default 2021 */
	int year_from, year_to;    /* default 2021..2025 */
	double scale;              /* 1 = national (~700 districts, ~8,200 communes) */
	const char *units;         /* a units csv to take the units from ("-": stdin),
	                              or NULL to invent them (then scale applies) */
	int progress;              /* call on_progress while writing */
	void (*on_progress)(void *ctx, const char *what, long done, long total);
	void *ctx;
};

void synth_defaults(struct synth_opts *o);
/* Writes units.csv, observations.csv and funding.csv into dir (created if
 * missing), each through a temporary name renamed into place. With
 * o->units, units.csv is that file's bytes; every commune gets figures in
 * each year of the span it exists in (valid_from..valid_to), every district
 * funding in its years. Returns 0, or -1 with err naming the file (and the
 * line and field of a units file). */
int synth_generate(const char *dir, const struct synth_opts *o, struct ntm_err *err);

#endif
