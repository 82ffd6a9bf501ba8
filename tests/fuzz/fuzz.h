/* fuzz.h - what the libFuzzer harnesses (fuzz_*.c) share: a work directory
 * per process, inputs written to files in it, the small database the
 * importer and scripts run against, and a quiet stdout. Calls store, import. */
#ifndef NTM_FUZZ_H
#define NTM_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

/* libFuzzer's entry points. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The directory this process works in ($TMPDIR/ntm-fuzz-XXXXXX, made on
 * first use, emptied and removed at exit). */
const char *fuzz_dir(void);
/* Writes data to fuzz_dir()/name; returns the path (a static buffer that the
 * next call reuses). */
const char *fuzz_put(const char *name, const uint8_t *data, size_t size);
/* Removes the plain files in dir (not dir itself). */
void fuzz_clear(const char *dir);

/* The small database every input starts from, built once in memory:
 * data/variables.csv, data/seeds/units.csv and the seed documents'
 * figures, funding, projects and recognitions (not the synthetic ones). */
sqlite3 *fuzz_template(void);
/* An empty in-memory store (schema, collation, foreign keys) to restore into. */
sqlite3 *fuzz_store(void);
/* Makes dst a copy of src (the sqlite backup API); rolls back what dst had
 * open first. */
void fuzz_restore(sqlite3 *dst, sqlite3 *src);

/* The wall-clock limit of a script while fuzzing (sandbox.wall_ms): the
 * 30 s ntm gives one script is longer than libFuzzer's -timeout=10 for a
 * whole input, which may run three. */
#define FUZZ_WALL_MS 2000
/* libFuzzer's -timeout and the sandbox's wall clock share ITIMER_REAL, and
 * the sandbox turns the timer off when a script ends: fuzz_timer_save()
 * keeps libFuzzer's at the start of an input, fuzz_timer_restore() puts it
 * back after each engine call that ran a script. */
void fuzz_timer_save(void);
void fuzz_timer_restore(void);

/* Sends stdout (print in scripts, reports) to /dev/null unless
 * NTM_FUZZ_STDOUT is set; libFuzzer itself writes to stderr. */
void fuzz_quiet(void);
/* A harness set-up that cannot go on: prints "fuzz: ..." and aborts. */
void fuzz_die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#ifndef NTM_SRCDIR
#define NTM_SRCDIR "."       /* the source tree; the Makefile gives its absolute path */
#endif

#endif
