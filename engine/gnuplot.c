/* gnuplot.c - the gnuplot child process (gnuplot.h): commands collected in
 * an anonymous file, then posix_spawnp with a fixed argv and that file as
 * stdin; stdout to the caller's descriptor, stderr to another anonymous
 * file that becomes the error message; a deadline, then SIGKILL. */
#include "gnuplot.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fmt.h"
#include "i18n.h"

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

int gp_color(const char *s, char hex[8])
{
	/* gnuplot's own values for these names (`show colornames`), sorted */
	static const char *const named[][2] = {
		{ "black", "#000000" }, { "blue", "#0000ff" }, { "brown", "#a52a2a" },
		{ "cyan", "#00ffff" }, { "dark-blue", "#00008b" }, { "dark-green", "#006400" },
		{ "dark-grey", "#a0a0a0" }, { "dark-orange", "#c04000" }, { "dark-red", "#8b0000" },
		{ "gold", "#ffd700" }, { "gray", "#bebebe" }, { "green", "#00ff00" },
		{ "grey", "#c0c0c0" }, { "light-blue", "#add8e6" }, { "light-green", "#90ee90" },
		{ "light-grey", "#d3d3d3" }, { "light-red", "#f03232" }, { "magenta", "#ff00ff" },
		{ "navy", "#000080" }, { "olive", "#a08020" }, { "orange", "#ffa500" },
		{ "pink", "#ffc0c0" }, { "purple", "#c080ff" }, { "red", "#ff0000" },
		{ "turquoise", "#40e0d0" }, { "violet", "#ee82ee" }, { "white", "#ffffff" },
		{ "yellow", "#ffff00" },
	};
	size_t i;

	if (s[0] == '#') {
		for (i = 1; i < 7; i++) {
			char ch = s[i];

			if (ch >= 'A' && ch <= 'F')
				ch = (char)(ch - 'A' + 'a');
			if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f')))
				return -1;
			hex[i] = ch;
		}
		if (s[7])
			return -1;
		hex[0] = '#';
		hex[7] = '\0';
		return 0;
	}
	for (i = 0; i < sizeof named / sizeof named[0]; i++) {
		if (strcasecmp(s, named[i][0]) == 0) {
			memcpy(hex, named[i][1], 8);
			return 0;
		}
	}
	return -1;
}

FILE *gp_tmpfile(struct ntm_err *err)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	FILE *f;
	int fd;

	if (!dir || !*dir || strlen(dir) > sizeof path - 16)
		dir = "/tmp";
	snprintf(path, sizeof path, "%s/ntm-XXXXXX", dir);
	if ((fd = mkstemp(path)) < 0) {
		err_set(err, _("cannot create a temporary file in %s: %s"), dir, strerror(errno));
		return NULL;
	}
	/* anonymous from here on: the data lives until the last close */
	unlink(path);
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	if (!(f = fdopen(fd, "w+"))) {
		close(fd);
		err_set(err, "%s", _("out of memory"));
	}
	return f;
}

int gp_open(struct gp *g, int term, int width, int height, struct ntm_err *err)
{
	const char *t = getenv("NTM_GNUPLOT_TIMEOUT");
	char *end;

	g->cmd = NULL;
	g->timeout = GP_TIMEOUT_DEFAULT;
	if (t && *t) {
		g->timeout = strtod(t, &end);
		if (*end || !(g->timeout > 0) || g->timeout > 86400)
			return err_set(err, _("NTM_GNUPLOT_TIMEOUT '%s' is not a number of seconds "
			               "(more than 0, at most 86400)"), t);
	}
	if (width < GP_SIZE_MIN || width > GP_SIZE_MAX || height < GP_SIZE_MIN || height > GP_SIZE_MAX)
		return err_set(err, _("chart size %dx%d: width and height are %d to %d"), width, height,
		               GP_SIZE_MIN, GP_SIZE_MAX);
	if (!(g->cmd = gp_tmpfile(err)))
		return -1;
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
	/* no file name: the chart goes to standard output, which gp_run gives
	 * gnuplot; gnuplot never opens a file of ours by name */
	gp_cmd(g, "set output\nset encoding utf8\nset decimalsign ','\nset termoption noenhanced\n");
	return 0;
}

void gp_cmd(struct gp *g, const char *fmt, ...)
{
	va_list ap;

	if (!g->cmd)
		return;
	va_start(ap, fmt);
	vfprintf(g->cmd, fmt, ap);
	va_end(ap);
}

/* what gp_str leaves out: a line break would start a new command */
static int dropped(unsigned char ch)
{
	return ch < 0x20 || ch == 0x7f;
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
		if (dropped((unsigned char)*s))
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
	if (!g->cmd)
		return;
	putc('\'', g->cmd);
	for (; *s; s++) {
		if (dropped((unsigned char)*s))
			continue;
		if (*s == '\'')
			putc('\'', g->cmd);
		putc(*s, g->cmd);
	}
	putc('\'', g->cmd);
}

void gp_discard(struct gp *g)
{
	if (g->cmd)
		fclose(g->cmd);
	g->cmd = NULL;
}

/* Waits for pid at most secs; past that kills it and reaps it. Returns 1
 * when it was killed, else 0 with *status. */
static int wait_for(pid_t pid, double secs, int *status)
{
	struct timespec now, end, nap = { 0, 1000000 };
	pid_t r;

	clock_gettime(CLOCK_MONOTONIC, &end);
	end.tv_sec += (time_t)secs;
	end.tv_nsec += (long)((secs - floor(secs)) * 1e9);
	if (end.tv_nsec >= 1000000000L) {
		end.tv_sec++;
		end.tv_nsec -= 1000000000L;
	}
	for (;;) {
		r = waitpid(pid, status, WNOHANG);
		if (r == pid || (r < 0 && errno != EINTR))
			return 0;
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec > end.tv_sec || (now.tv_sec == end.tv_sec && now.tv_nsec >= end.tv_nsec)) {
			kill(pid, SIGKILL);
			while (waitpid(pid, status, 0) < 0 && errno == EINTR)
				;
			return 1;
		}
		/* 1 ms first, then up to 64 ms: a quick chart is not held back */
		nanosleep(&nap, NULL);
		if (nap.tv_nsec < 64000000L)
			nap.tv_nsec *= 2;
	}
}

int gp_run(struct gp *g, int out, struct ntm_err *err)
{
	const char *prog = getenv("GNUPLOT");
	char *argv[] = { NULL, "-", NULL };
	posix_spawn_file_actions_t fa;
	FILE *errf = NULL;
	int fd[3] = { -1, -1, -1 }, status = 0, rc = -1, e, i, killed;
	pid_t pid;
	char msg[1024];
	ssize_t n = 0;

	prog = prog && *prog ? prog : "gnuplot";
	argv[0] = (char *)prog;
	if (!g->cmd)
		return err_set(err, "%s", _("gnuplot: no commands"));
	fputs("\nunset output\nquit\n", g->cmd);
	errno = 0;
	if (fflush(g->cmd) != 0 || ferror(g->cmd)) {
		err_set(err, _("cannot write gnuplot's commands: %s"), strerror(errno ? errno : EIO));
		goto done;
	}
	if (!(errf = gp_tmpfile(err)))
		goto done;
	/* gnuplot's 0, 1 and 2, first copied above 2 so that no dup2 of the
	 * child undoes another (our own 0-2 may be closed) */
	fd[0] = fcntl(fileno(g->cmd), F_DUPFD_CLOEXEC, 3);
	fd[1] = fcntl(out, F_DUPFD_CLOEXEC, 3);
	fd[2] = fcntl(fileno(errf), F_DUPFD_CLOEXEC, 3);
	if (fd[0] < 0 || fd[1] < 0 || fd[2] < 0 || lseek(fd[0], 0, SEEK_SET) < 0) {
		err_set(err, _("cannot prepare gnuplot's files: %s"), strerror(errno));
		goto done;
	}
	posix_spawn_file_actions_init(&fa);
	for (i = 0; i < 3; i++)
		posix_spawn_file_actions_adddup2(&fa, fd[i], i);
	e = posix_spawnp(&pid, prog, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (e != 0) {
		err_set(err, _("cannot run %s: %s (install the Debian package gnuplot-nox, "
		        "or `make deps`)"), prog, strerror(e));
		goto done;
	}
	killed = wait_for(pid, g->timeout, &status);
	if (lseek(fd[2], 0, SEEK_SET) == 0)
		n = read(fd[2], msg, sizeof msg - 1);
	msg[n > 0 ? n : 0] = '\0';
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	if (killed)
		err_set(err, _("gnuplot did not finish within %g s and was stopped "
		        "(NTM_GNUPLOT_TIMEOUT sets the limit in seconds)"), g->timeout);
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || strstr(msg, "error"))
		err_set(err, *msg ? _("gnuplot failed: %s") : "%s", *msg ? msg : _("gnuplot failed"));
	else
		rc = 0;
done:
	for (i = 0; i < 3; i++)
		if (fd[i] >= 0)
			close(fd[i]);
	if (errf)
		fclose(errf);
	gp_discard(g);
	return rc;
}

void gp_vnnum(char *buf, size_t cap, double v, int decimals)
{
	char raw[64];

	if (isnan(v)) {
		snprintf(buf, cap, "—");
		return;
	}
	decimals = decimals < 0 ? 0 : decimals > GP_DECIMALS_MAX ? GP_DECIMALS_MAX : decimals;
	snprintf(raw, sizeof raw, "%s%.*f", v < 0 ? "-" : "", decimals, fabs(v));
	fmt_group_vn(buf, cap, raw);
}
