/* outfile.c - files written into a folder through a hidden file and a
 * rename (outfile.h). Calls openat, renameat and unlinkat relative to the
 * folder's descriptor only. */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"

/* folder at path for messages about file (NULL: about the folder itself) */
static int open_dir(struct outdir *d, const char *path, const char *file, struct ntm_err *err)
{
	const char *what;
	int e;

	d->fd = -1;
	d->path[0] = '\0';
	if (strlen(path) >= sizeof d->path)
		return err_set(err, _("folder '%.60s...': the path is too long"), path);
	if ((d->fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		strcpy(d->path, path);
		return 0;
	}
	e = errno;
	what = e == ENOENT ? _("folder '%s' does not exist") : e == ENOTDIR ? _("'%s' is not a folder") :
	       _("cannot open folder '%s'");
	err_set(err, "%s%s", file ? file : "", file ? ": " : "");
	err_append(err, what, path);
	if (e != ENOENT && e != ENOTDIR)
		err_append(err, ": %s", strerror(e));
	return -1;
}

int outdir_open(struct outdir *d, const char *path, struct ntm_err *err)
{
	return open_dir(d, path, NULL, err);
}

int outdir_of(struct outdir *d, const char *file, const char **name, struct ntm_err *err)
{
	const char *slash = strrchr(file, '/');
	char dir[sizeof d->path];
	size_t n;

	*name = slash ? slash + 1 : file;
	if (!slash) {
		d->fd = AT_FDCWD;
		d->path[0] = '\0';
		return 0;
	}
	/* "/f.png" is in the root folder */
	n = slash == file ? 1 : (size_t)(slash - file);
	if (n >= sizeof dir)
		return err_set(err, _("%.60s...: the path is too long"), file);
	memcpy(dir, file, n);
	dir[n] = '\0';
	return open_dir(d, dir, file, err);
}

void outdir_close(struct outdir *d)
{
	if (d->fd >= 0)
		close(d->fd);
	d->fd = -1;
}

const char *outfile_bad_name(const char *name)
{
	const unsigned char *p;

	if (!*name || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		return _("give a file name");
	if (strlen(name) > OUTFILE_NAME_MAX)
		return _("the name is longer than 200 bytes");
	for (p = (const unsigned char *)name; *p; p++) {
		if (*p == '/')
			return _("give a plain name (no directory)");
		if (*p < 0x20 || *p == 0x7f)
			return _("the name has a control character (a line break?)");
	}
	return NULL;
}

char *outfile_shown(const struct outdir *d, const char *name, char *buf, size_t cap)
{
	size_t n = strlen(d->path);
	char *p;

	snprintf(buf, cap, "%s%s%s", d->path, n && d->path[n - 1] != '/' ? "/" : "", name);
	/* a control character would break the message it is shown in */
	for (p = buf; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return buf;
}

int outfile_begin(struct outfile *o, const struct outdir *d, const char *name, struct ntm_err *err)
{
	static const char digits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	static unsigned counter;
	char shown[512];
	const char *bad;
	struct timespec ts;
	uint32_t x;
	int fd = -1, tries, i;

	memset(o, 0, sizeof *o);
	o->dir = d;
	if ((bad = outfile_bad_name(name)))
		return err_set(err, "%s: %s", outfile_shown(d, name, shown, sizeof shown), bad);
	strcpy(o->name, name);
	/* a hidden name no other writer uses: O_EXCL refuses any entry already
	 * there, a symbolic link included, so nothing is ever followed */
	for (tries = 0; fd < 0 && tries < 100; tries++) {
		clock_gettime(CLOCK_MONOTONIC, &ts);
		x = (uint32_t)ts.tv_nsec ^ (uint32_t)getpid() * 2654435761u ^ ++counter * 40503u;
		snprintf(o->tmp, sizeof o->tmp, ".%s.", name);
		for (i = 0; i < 6; i++, x /= 36)
			o->tmp[strlen(name) + 2 + i] = digits[x % 36];
		o->tmp[strlen(name) + 8] = '\0';
		fd = openat(d->fd, o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0)
		return err_set(err, _("%s: cannot write: %s"), outfile_shown(d, name, shown, sizeof shown),
		               strerror(errno));
	if (!(o->f = fdopen(fd, "w"))) {
		close(fd);
		unlinkat(d->fd, o->tmp, 0);
		return err_set(err, "%s", _("out of memory"));
	}
	return 0;
}

int outfile_commit(struct outfile *o, struct ntm_err *err)
{
	char shown[512];
	int bad = 0, e = EIO;

	if (!o->f)
		return err_set(err, _("%s: nothing to write"), o->name);
	errno = 0;
	if (fflush(o->f) != 0 || ferror(o->f)) {
		bad = 1;
		e = errno ? errno : EIO;
	}
	if (fclose(o->f) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	o->f = NULL;
	/* renameat replaces the entry, whatever it was, and follows nothing */
	if (!bad && renameat(o->dir->fd, o->tmp, o->dir->fd, o->name) == 0)
		return 0;
	if (!bad)
		e = errno;
	unlinkat(o->dir->fd, o->tmp, 0);
	return err_set(err, _("%s: cannot write: %s"), outfile_shown(o->dir, o->name, shown, sizeof shown),
	               strerror(e));
}

void outfile_abort(struct outfile *o)
{
	if (!o->f)
		return;
	fclose(o->f);
	o->f = NULL;
	unlinkat(o->dir->fd, o->tmp, 0);
}

int outfile_copy(const struct outdir *d, const char *name, int fd, struct ntm_err *err)
{
	struct outfile o;
	char buf[65536], shown[512];
	ssize_t n;

	if (lseek(fd, 0, SEEK_SET) < 0)
		return err_set(err, _("%s: cannot read the chart back: %s"),
		               outfile_shown(d, name, shown, sizeof shown), strerror(errno));
	if (outfile_begin(&o, d, name, err) < 0)
		return -1;
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || fwrite(buf, 1, (size_t)n, o.f) != (size_t)n) {
			err_set(err, _("%s: cannot write: %s"), outfile_shown(d, name, shown, sizeof shown),
			        strerror(errno));
			outfile_abort(&o);
			return -1;
		}
	}
	return outfile_commit(&o, err);
}
