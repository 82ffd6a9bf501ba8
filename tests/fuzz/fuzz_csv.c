/* fuzz_csv.c - libFuzzer target for the CSV importer: the input is one CSV
 * file, or several separated by a line "%%", imported together (import_run,
 * one transaction) into a fresh copy of the small database; after an import
 * that succeeds the units and the dictionary are read back and every unit's
 * history put in words. Calls import and store through fuzz_common.c. */
#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "import.h"
#include "store.h"
#include "units.h"

enum { MAX_FILES = IK_N };      /* one of each kind is as many as make sense */

static sqlite3 *tmpl, *work;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_quiet();
	tmpl = fuzz_template();
	work = fuzz_store();
	return 0;
}

/* Splits data at "\n%%\n" into at most MAX_FILES files (the last takes the
 * rest); each part keeps its final newline. Returns how many. */
static int split(const uint8_t *data, size_t size, const uint8_t **part, size_t *len)
{
	size_t start = 0, i;
	int n = 0;

	for (i = 0; n < MAX_FILES - 1 && i + 4 <= size; i++) {
		if (memcmp(data + i, "\n%%\n", 4) != 0)
			continue;
		part[n] = data + start;
		len[n++] = i + 1 - start;
		start = i + 4;
		i += 3;
	}
	part[n] = data + start;
	len[n++] = size - start;
	return n;
}

static void read_back(void)
{
	struct ntm_err err = { 0 };
	struct unitset us;
	struct varset vs;
	char buf[512];
	size_t i;

	if (units_load(work, &us, &err) == 0) {
		for (i = 0; i < us.n; i++)
			units_history(&us, (int)i, buf, sizeof buf);
		units_free(&us);
	}
	if (store_vars(work, &vs, &err) == 0)
		store_vars_free(&vs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *part[MAX_FILES];
	size_t len[MAX_FILES];
	struct import_file files[MAX_FILES];
	char paths[MAX_FILES][1024], name[32];
	struct import_opts o = { 0 };
	struct ntm_err err = { 0 };
	int n = split(data, size, part, len), i;

	memset(files, 0, sizeof files);
	for (i = 0; i < n; i++) {
		snprintf(name, sizeof name, "f%d.csv", i);
		snprintf(paths[i], sizeof paths[i], "%s", fuzz_put(name, part[i], len[i]));
		files[i].path = paths[i];
	}
	fuzz_restore(work, tmpl);
	if (import_run(work, files, n, &o, &err) == 0)
		read_back();
	return 0;
}
