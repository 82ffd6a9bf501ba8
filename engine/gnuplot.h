/* gnuplot.h - drives gnuplot as a child process through a pipe: a fixed
 * argv and no shell; user text only through gp_str, quoted so it can run no
 * command; data in inline datablocks. Errors carry gnuplot's own message. */
#ifndef NTM_GNUPLOT_H
#define NTM_GNUPLOT_H

#include <stdio.h>
#include <sys/types.h>

#include "err.h"

enum { GP_PNG, GP_SVG, GP_DUMB };

/* The house style: one font with Vietnamese glyphs, one palette. */
#define GP_FONT "DejaVu Sans"

struct gp {
	pid_t pid;
	FILE *in;            /* gnuplot's standard input */
	int errfd;           /* read end of its standard error */
	char errpath[64];    /* temporary file collecting stderr */
};

/* Starts gnuplot (GNUPLOT env var, else "gnuplot") with the terminal,
 * size and output file set; out NULL for dumb writes to our stdout.
 * Returns 0, or -1 with err (with what to install when it is missing). */
int gp_open(struct gp *g, int term, int width, int height, const char *out, struct ntm_err *err);
/* Writes fixed command text (never user text: use gp_str for that). */
void gp_cmd(struct gp *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Writes s as a gnuplot string literal: single quotes (no backquote or
 * escape is processed inside), ' doubled, CR and LF dropped; and it turns
 * off nothing else, so callers set `noenhanced` on the label. */
void gp_str(struct gp *g, const char *s);
/* Formats s into buf as gp_str would write it; returns buf. */
char *gp_quote(const char *s, char *buf, size_t cap);
/* Ends the script, waits for gnuplot; -1 with its stderr on failure. */
int gp_close(struct gp *g, struct ntm_err *err);

/* Kinds of terminal by name ("png", "svg", "dumb"); -1 if unknown. */
int gp_term_parse(const char *s);
/* Number in the Vietnamese way: 1.234,5 (dot thousands, comma decimal). */
void gp_vnnum(char *buf, size_t cap, double v, int decimals);

#endif
