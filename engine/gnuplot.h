/* gnuplot.h - drives gnuplot as a child process: a fixed argv and no
 * shell; the commands go into an anonymous file that becomes its standard
 * input, the chart comes out on its standard output, its standard error
 * becomes our message, and it is stopped past a time limit. User text only
 * through gp_str, colours only through gp_color, everything else a number
 * from a printf conversion. */
#ifndef NTM_GNUPLOT_H
#define NTM_GNUPLOT_H

#include <stdio.h>

#include "err.h"

enum { GP_PNG, GP_SVG, GP_DUMB };

/* The house style: one font with Vietnamese glyphs, one palette. */
#define GP_FONT "DejaVu Sans"
#define GP_SIZE_MIN 10          /* pixels (characters for dumb) a side */
#define GP_SIZE_MAX 10000
#define GP_DECIMALS_MAX 6       /* of a number gp_vnnum writes */
#define GP_TIMEOUT_DEFAULT 60   /* seconds; NTM_GNUPLOT_TIMEOUT overrides */

/* The colour names gp_color knows, for messages. */
#define GP_COLOR_NAMES "black, blue, brown, cyan, dark-blue, dark-green, dark-grey, " \
	"dark-orange, dark-red, gold, gray, green, grey, light-blue, light-green, light-grey, " \
	"light-red, magenta, navy, olive, orange, pink, purple, red, turquoise, violet, white, yellow"

struct gp {
	FILE *cmd;           /* the commands so far: gnuplot's standard input */
	double timeout;      /* seconds gnuplot may take */
};

/* Starts the commands for terminal term of width x height (GP_SIZE_MIN to
 * GP_SIZE_MAX each), the output going to gnuplot's standard output; reads
 * the time limit from NTM_GNUPLOT_TIMEOUT. Returns 0, or -1 with err. */
int gp_open(struct gp *g, int term, int width, int height, struct ntm_err *err);
/* Writes fixed command text (never user text: use gp_str for that). */
void gp_cmd(struct gp *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Writes s as a gnuplot string literal: single quotes (no backquote or
 * escape is processed inside), ' doubled, control characters (CR, LF, ESC)
 * dropped; it turns off nothing else, so callers set `noenhanced`. */
void gp_str(struct gp *g, const char *s);
/* Formats s into buf as gp_str would write it; returns buf. */
char *gp_quote(const char *s, char *buf, size_t cap);
/* Runs gnuplot (GNUPLOT env var, else "gnuplot") on the commands, its
 * standard output going to the descriptor out (the caller's), and kills it
 * past the time limit. Releases g whatever happens. Returns 0, or -1 with
 * err (what gnuplot said; what to install when it is missing). */
int gp_run(struct gp *g, int out, struct ntm_err *err);
/* Releases g without running gnuplot. */
void gp_discard(struct gp *g);

/* An anonymous temporary file (in $TMPDIR, else /tmp): unlinked as soon
 * as it is created, so nothing is left behind however ntm or gnuplot end.
 * Caller fcloses. NULL with err. */
FILE *gp_tmpfile(struct ntm_err *err);
/* A colour as gnuplot gets it: "#rrggbb" or a name of GP_COLOR_NAMES
 * (either in any case), into hex as "#rrggbb". Returns 0, or -1 for anything
 * else (nothing else ever reaches `lc rgb`). */
int gp_color(const char *s, char hex[8]);
/* Kinds of terminal by name ("png", "svg", "dumb"); -1 if unknown. */
int gp_term_parse(const char *s);
/* Number in the Vietnamese way: 1.234,5 (dot thousands, comma decimal);
 * decimals is taken as 0 to GP_DECIMALS_MAX. */
void gp_vnnum(char *buf, size_t cap, double v, int decimals);

#endif
