/* fuzz_geojson.c - libFuzzer target for the boundaries reader: the input is
 * a GeoJSON file's text, read by geojson_parse (as `ntm plot map
 * --boundaries` reads it, without the file); a file that is read has every
 * ring walked, so a ring pointing outside the positions shows. Calls
 * geojson.c only: no database, no gnuplot. */
#include <math.h>
#include <stdlib.h>

#include "fuzz.h"
#include "geojson.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_quiet();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ntm_err err = { 0 };
	struct geojson g;
	double sum = 0;
	int k, r, i;

	if (geojson_parse((const char *)data, size, "fuzz.geojson", &g, &err) == 0) {
		for (k = 0; k < g.n; k++)
			for (r = g.f[k].ring0; r < g.f[k].ring0 + g.f[k].nring; r++)
				for (i = 0; i < g.ring[r].n; i++)
					sum += g.pt[2 * (g.ring[r].off + (size_t)i)];
		if (isnan(sum))
			abort();   /* every position was checked to be in range */
	} else if (!err.set) {
		abort();       /* a refusal always says why */
	}
	geojson_free(&g);
	return 0;
}
