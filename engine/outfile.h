/* outfile.h - the files ntm writes into a folder (charts, CSV): each is
 * written as a fresh hidden file created in the folder (O_EXCL|O_NOFOLLOW,
 * relative to the folder's descriptor) and renamed over its name when
 * complete, so a name that is a symbolic link, dangling or not, is replaced
 * and never followed, and a failed write leaves nothing. Plain POSIX. */
#ifndef NTM_OUTFILE_H
#define NTM_OUTFILE_H

#include <stdio.h>

#include "err.h"

#define OUTFILE_NAME_MAX 200    /* bytes of a file name */

struct outdir {
	int fd;                     /* the folder (AT_FDCWD for the current one); -1 closed */
	char path[4096];            /* as given, for messages; "" for the current folder */
};

struct outfile {
	const struct outdir *dir;
	FILE *f;                    /* the hidden file being written; NULL when done */
	char name[OUTFILE_NAME_MAX + 1];
	char tmp[OUTFILE_NAME_MAX + 16];
};

/* Opens the folder at path (the user's own path: a link to a folder is
 * followed). Returns 0, or -1 with err naming the folder. */
int outdir_open(struct outdir *d, const char *path, struct ntm_err *err);
/* For a command line's --out FILE: opens FILE's folder (the current one
 * when FILE has no '/') and sets *name to what follows the last '/'.
 * Returns 0, or -1 with err ("x/f.png: folder 'x' does not exist"). */
int outdir_of(struct outdir *d, const char *file, const char **name, struct ntm_err *err);
void outdir_close(struct outdir *d);

/* NULL when name is a plain file name (not empty, ".", ".."; no '/', no
 * control character; at most OUTFILE_NAME_MAX bytes), else what is wrong. */
const char *outfile_bad_name(const char *name);
/* "dir/name" as a user reads it, into buf; returns buf. */
char *outfile_shown(const struct outdir *d, const char *name, char *buf, size_t cap);

/* Starts name in d: o->f is open on a new hidden file in the folder.
 * Returns 0, or -1 with err. */
int outfile_begin(struct outfile *o, const struct outdir *d, const char *name, struct ntm_err *err);
/* Closes o->f and renames the hidden file over the name; on any failure
 * the hidden file is removed. Returns 0, or -1 with err. */
int outfile_commit(struct outfile *o, struct ntm_err *err);
/* Closes and removes the hidden file; nothing once committed or aborted. */
void outfile_abort(struct outfile *o);
/* Writes the whole of fd (from its start) as name in d: begin, copy,
 * commit. Returns 0, or -1 with err. */
int outfile_copy(const struct outdir *d, const char *name, int fd, struct ntm_err *err);

#endif
