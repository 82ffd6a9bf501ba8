/* gnuplot.c - the gnuplot child process (gnuplot.h): posix_spawnp with a
 * fixed argv, commands on a pipe, stderr into a temporary file that becomes
 * the error message when gnuplot fails. */
#include "gnuplot.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int gp_term_parse(const char *s)
{
	if (strcmp(s, "png") == 0)
		return GP_PNG;
	if (strcmp(s, "svg") == 0)
		return GP_SVG;
	if (strcmp(s, "dumb") == 0 || strcmp(s, "text") == 0)
		return GP_DUMB;
	return -1;
}

int gp_open(struct gp *g, int term, int width, int height, const char *out, struct ntm_err *err)
{
	const char *prog = getenv("GNUPLOT");
	char *argv[] = { NULL, "-", NULL };
	posix_spawn_file_actions_t fa;
	int pin[2] = { -1, -1 }, efd = -1, rc;

	memset(g, 0, sizeof *g);
	g->errfd = -1;
	prog = prog && *prog ? prog : "gnuplot";
	argv[0] = (char *)prog;
	strcpy(g->errpath, "/tmp/ntm-gnuplot-XXXXXX");
	if ((efd = mkstemp(g->errpath)) < 0)
		return err_set(err, "cannot create a temporary file for gnuplot: %s", strerror(errno));
	if (pipe(pin) < 0) {
		close(efd);
		unlink(g->errpath);
		return err_set(err, "cannot make a pipe to gnuplot: %s", strerror(errno));
	}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, pin[0], 0);
	posix_spawn_file_actions_adddup2(&fa, efd, 2);
	posix_spawn_file_actions_addclose(&fa, pin[1]);
	rc = posix_spawnp(&g->pid, prog, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(pin[0]);
	if (rc != 0) {
		close(pin[1]);
		close(efd);
		unlink(g->errpath);
		return err_set(err, "cannot run %s: %s (install the Debian package gnuplot-nox, "
		               "or `make deps`)", prog, strerror(rc));
	}
	g->errfd = efd;
	if (!(g->in = fdopen(pin[1], "w"))) {
		close(pin[1]);
		return err_set(err, "cannot write to gnuplot: %s", strerror(errno));
	}
	/* a closed pipe must be an error return, not a signal that kills us */
	signal(SIGPIPE, SIG_IGN);
	switch (term) {
	case GP_PNG:
		gp_cmd(g, "set terminal pngcairo size %d,%d font '%s,10' noenhanced\n",
		       width, height, GP_FONT);
		break;
	case GP_SVG:
		gp_cmd(g, "set terminal svg size %d,%d font '%s,10' noenhanced\n", width, height, GP_FONT);
		break;
	default:
		gp_cmd(g, "set terminal dumb size %d,%d\n", width, height);
	}
	if (out) {
		gp_cmd(g, "set output ");
		gp_str(g, out);
		gp_cmd(g, "\n");
	}
	gp_cmd(g, "set encoding utf8\nset decimalsign ','\nset termoption noenhanced\n");
	return 0;
}

void gp_cmd(struct gp *g, const char *fmt, ...)
{
	va_list ap;

	if (!g->in)
		return;
	va_start(ap, fmt);
	vfprintf(g->in, fmt, ap);
	va_end(ap);
}

char *gp_quote(const char *s, char *buf, size_t cap)
{
	size_t o = 0;

	if (cap < 3) {
		if (cap)
			buf[0] = '\0';
		return buf;
	}
	buf[o++] = '\'';
	for (; *s && o + 3 < cap; s++) {
		if (*s == '\n' || *s == '\r')
			continue;
		if (*s == '\'')
			buf[o++] = '\'';
		buf[o++] = *s;
	}
	buf[o++] = '\'';
	buf[o] = '\0';
	return buf;
}

void gp_str(struct gp *g, const char *s)
{
	if (!g->in)
		return;
	putc('\'', g->in);
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r')
			continue;
		if (*s == '\'')
			putc('\'', g->in);
		putc(*s, g->in);
	}
	putc('\'', g->in);
}

int gp_close(struct gp *g, struct ntm_err *err)
{
	int status = 0, bad;
	char msg[1024];
	ssize_t n = 0;

	if (g->in) {
		fputs("\nunset output\nquit\n", g->in);
		bad = fclose(g->in) != 0;
		g->in = NULL;
	} else {
		bad = 1;
	}
	while (waitpid(g->pid, &status, 0) < 0 && errno == EINTR)
		;
	if (g->errfd >= 0) {
		lseek(g->errfd, 0, SEEK_SET);
		n = read(g->errfd, msg, sizeof msg - 1);
		close(g->errfd);
		unlink(g->errpath);
		g->errfd = -1;
	}
	msg[n > 0 ? n : 0] = '\0';
	if (bad || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || strstr(msg, "error")) {
		while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
			msg[--n] = '\0';
		return err_set(err, "gnuplot failed%s%s", *msg ? ": " : "", msg);
	}
	return 0;
}

void gp_vnnum(char *buf, size_t cap, double v, int decimals)
{
	char raw[64], *dot, out[96];
	size_t o = 0, i, ilen;
	int neg = v < 0;

	if (isnan(v)) {
		snprintf(buf, cap, "—");
		return;
	}
	snprintf(raw, sizeof raw, "%.*f", decimals, fabs(v));
	dot = strchr(raw, '.');
	ilen = dot ? (size_t)(dot - raw) : strlen(raw);
	if (neg)
		out[o++] = '-';
	for (i = 0; i < ilen; i++) {
		if (i && (ilen - i) % 3 == 0)
			out[o++] = '.';
		out[o++] = raw[i];
	}
	if (dot) {
		out[o++] = ',';
		for (i = 1; dot[i] && o < sizeof out - 1; i++)
			out[o++] = dot[i];
	}
	out[o] = '\0';
	snprintf(buf, cap, "%s", out);
}
