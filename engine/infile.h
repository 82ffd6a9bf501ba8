/* infile.h - a whole file read into memory, safely for a path a user gives:
 * only a regular file is opened, and without waiting (a FIFO or a device
 * named like the file would block the open or the read for ever). Used for
 * scripts and boundaries; csv files stream through csv.c instead. */
#ifndef NTM_INFILE_H
#define NTM_INFILE_H

#include <stddef.h>

#include "err.h"

/* Reads path into *text (malloc'd, NUL-terminated, caller frees), *len its
 * bytes. Returns 0; -1 with err (cannot open, cannot read); with nothing
 * read and err untouched, so that the caller says it in its own words: -2
 * when the file is larger than max bytes (*len: its size, or max + 1 when it
 * grew past max while read), -3 when it is not a regular file. */
int infile_read(const char *path, size_t max, char **text, size_t *len, struct ntm_err *err);

#endif
