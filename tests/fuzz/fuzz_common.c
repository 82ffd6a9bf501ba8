/* fuzz_common.c - the harnesses' shared set-up (fuzz.h): a work directory
 * per process, inputs as files, the small template database and copies of
 * it. Calls store (store_open) and import (import_run). */
#include "fuzz.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "import.h"
#include "store.h"

static char dir[512];
static struct itimerval fuzzer_timer;   /* libFuzzer's, as last seen running */

void fuzz_die(const char *fmt, ...)
{
	va_list ap;

	fputs("fuzz: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void fuzz_clear(const char *d)
{
	char path[1024];
	struct dirent *de;
	DIR *dp = opendir(d);

	if (!dp)
		return;
	while ((de = readdir(dp))) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", d, de->d_name);
		unlink(path);
	}
	closedir(dp);
}

/* At exit: the files, one level of subdirectories (a script's output
 * directory), then the directory. */
static void remove_dir(void)
{
	char path[1024];
	struct dirent *de;
	DIR *dp = opendir(dir);

	if (!dp)
		return;
	while ((de = readdir(dp))) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		if (unlink(path) < 0) {
			fuzz_clear(path);
			rmdir(path);
		}
	}
	closedir(dp);
	rmdir(dir);
}

const char *fuzz_dir(void)
{
	const char *t = getenv("TMPDIR");

	if (dir[0])
		return dir;
	snprintf(dir, sizeof dir, "%s/ntm-fuzz-XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(dir))
		fuzz_die("cannot create %s", dir);
	atexit(remove_dir);
	return dir;
}

const char *fuzz_put(const char *name, const uint8_t *data, size_t size)
{
	static char path[1024];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", fuzz_dir(), name);
	if (!(f = fopen(path, "wb")) || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
		fuzz_die("cannot write %s", path);
	return path;
}

sqlite3 *fuzz_store(void)
{
	struct ntm_err err = { 0 };
	sqlite3 *db;

	if (store_open(":memory:", &db, &err) < 0)
		fuzz_die("%s", err.msg);
	return db;
}

sqlite3 *fuzz_template(void)
{
	static const char *const names[] = {
		"data/variables.csv", "data/seeds/units.csv", "data/seeds/dinh-hoa-seed.csv",
		"data/seeds/dinh-hoa-funding.csv", "data/seeds/dinh-hoa-recognitions.csv",
		"data/seeds/quang-giao-seed.csv", "data/seeds/quang-giao-funding.csv",
		"data/seeds/quang-giao-projects.csv",
	};
	enum { N = sizeof names / sizeof names[0] };
	struct import_file files[N];
	struct import_opts o = { 0 };
	struct ntm_err err = { 0 };
	char paths[N][512];
	sqlite3 *db = fuzz_store();
	int i;

	memset(files, 0, sizeof files);
	for (i = 0; i < N; i++) {
		snprintf(paths[i], sizeof paths[i], "%s/%s", NTM_SRCDIR, names[i]);
		files[i].path = paths[i];
	}
	if (import_run(db, files, N, &o, &err) < 0)
		fuzz_die("the template database: %s", err.msg);
	return db;
}

void fuzz_restore(sqlite3 *dst, sqlite3 *src)
{
	sqlite3_backup *b;

	if (!sqlite3_get_autocommit(dst))
		sqlite3_exec(dst, "ROLLBACK", NULL, NULL, NULL);
	if (!(b = sqlite3_backup_init(dst, "main", src, "main")))
		fuzz_die("restoring the database: %s", sqlite3_errmsg(dst));
	if (sqlite3_backup_step(b, -1) != SQLITE_DONE)
		fuzz_die("restoring the database: %s", sqlite3_errmsg(dst));
	if (sqlite3_backup_finish(b) != SQLITE_OK)
		fuzz_die("restoring the database: %s", sqlite3_errmsg(dst));
}

void fuzz_quiet(void)
{
	if (!getenv("NTM_FUZZ_STDOUT") && !freopen("/dev/null", "w", stdout))
		fuzz_die("cannot send stdout to /dev/null");
}

void fuzz_timer_save(void)
{
	struct itimerval t;

	if (getitimer(ITIMER_REAL, &t) == 0 && (t.it_interval.tv_sec || t.it_interval.tv_usec))
		fuzzer_timer = t;
}

void fuzz_timer_restore(void)
{
	if (fuzzer_timer.it_interval.tv_sec || fuzzer_timer.it_interval.tv_usec)
		setitimer(ITIMER_REAL, &fuzzer_timer, NULL);
}
