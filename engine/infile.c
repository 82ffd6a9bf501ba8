/* infile.c - a whole regular file into memory (infile.h). Calls only the C
 * library and POSIX open/fstat/read. */
#include "infile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

int infile_read(const char *path, size_t max, char **text, size_t *len, struct ntm_err *err)
{
	struct stat st;
	size_t n = 0, cap;
	ssize_t r;
	char *buf, *nb;
	int fd;

	*text = NULL;
	*len = 0;
	if (stat(path, &st) < 0)
		return err_set(err, _("%s: cannot open: %s"), path, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return -3;
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
		return err_set(err, _("%s: cannot open: %s"), path, strerror(errno));
	/* the path may name something else since stat */
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return -3;
	}
	if ((size_t)st.st_size > max) {
		close(fd);
		*len = (size_t)st.st_size;
		return -2;
	}
	cap = (size_t)st.st_size + 1;
	if (!(buf = malloc(cap))) {
		close(fd);
		return err_set(err, _("out of memory reading %s"), path);
	}
	while ((r = read(fd, buf + n, cap - n)) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			err_set(err, _("%s: cannot read: %s"), path, strerror(errno));
			goto fail;
		}
		if ((n += (size_t)r) == cap) {     /* it grew since fstat */
			if (cap > max) {
				*len = max + 1;
				free(buf);
				close(fd);
				return -2;
			}
			if (!(nb = realloc(buf, cap * 2))) {
				err_set(err, _("out of memory reading %s"), path);
				goto fail;
			}
			buf = nb;
			cap *= 2;
		}
	}
	close(fd);
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return 0;
fail:
	close(fd);
	free(buf);
	return -1;
}
