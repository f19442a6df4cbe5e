/*
 * fs.c - file system access; see fs.h.
 */
#include "fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

int fs_read_file(struct arena *a, const char *path, char **data, size_t *len, struct err *e)
{
	struct buf b = BUF_INIT;
	char chunk[65536];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int rc = -1;

	if (fd < 0)
		return err_at(e, ERR_IO, path, 0, "%s: %s", path, strerror(errno));
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			err_at(e, ERR_IO, path, 0, "%s: %s", path, strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		buf_add(&b, chunk, (size_t)n);
	}
	*len = b.len;
	*data = buf_to_arena(&b, a);
	rc = 0;
out:
	buf_release(&b);
	close(fd);
	return rc;
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Creates a fresh temporary file beside path: "<path>.tmp-<pid>-<n>", opened
 * with O_EXCL (and O_NOFOLLOW), so a leftover file or a symlink planted under
 * that name is never followed nor truncated; the next n is tried instead.
 * Returns the fd (name in tmp) or -1 with errno set. */
static int fs_open_temp(const char *path, struct buf *tmp)
{
	for (int n = 0; n < 100; n++) {
		int fd;

		buf_reset(tmp);
		buf_addf(tmp, "%s.tmp-%ld-%d", path, (long)getpid(), n);
		fd = open(tmp->ptr, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}

int fs_write_file(const char *path, const char *data, size_t len, bool exclusive, struct err *e)
{
	struct buf tmp = BUF_INIT;
	int fd, rc = -1;

	if (exclusive && fs_exists(path))
		return err_at(e, ERR_IO, path, 0, "%s: file exists", path);
	fd = fs_open_temp(path, &tmp);
	if (fd < 0) {
		err_at(e, ERR_IO, path, 0, "%s: %s", path, strerror(errno));
		goto out;
	}
	if (write_all(fd, data, len) || fsync(fd)) {
		err_at(e, ERR_IO, path, 0, "%s: %s", path, strerror(errno));
		close(fd);
		goto unlink_tmp;
	}
	if (close(fd)) {
		err_at(e, ERR_IO, path, 0, "%s: %s", path, strerror(errno));
		goto unlink_tmp;
	}
	if (exclusive ? link(tmp.ptr, path) : rename(tmp.ptr, path)) {
		err_at(e, ERR_IO, path, 0, "%s: %s", path, strerror(errno));
		goto unlink_tmp;
	}
	rc = 0;
	if (!exclusive)
		goto out;
unlink_tmp:
	unlink(tmp.ptr);
out:
	buf_release(&tmp);
	return rc;
}

int fs_list_dir(struct arena *a, const char *dir, struct strvec *names, struct err *e)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	if (!d)
		return err_at(e, ERR_IO, dir, 0, "%s: %s", dir, strerror(errno));
	errno = 0;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		strvec_push(a, names, arena_strdup(a, de->d_name));
	}
	if (errno) {
		int saved = errno;
		closedir(d);
		return err_at(e, ERR_IO, dir, 0, "%s: %s", dir, strerror(saved));
	}
	closedir(d);
	strvec_sort(names);
	return 0;
}

bool fs_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool fs_is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool fs_exists(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0;
}

int fs_mkdir(const char *path, struct err *e)
{
	if (mkdir(path, 0777) == 0 || (errno == EEXIST && fs_is_dir(path)))
		return 0;
	return err_at(e, ERR_IO, path, 0, "%s: %s", path, strerror(errno));
}

char *fs_join(struct arena *a, const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (name[0] == '/' || n == 0)
		return arena_strdup(a, name);
	if (dir[n - 1] == '/')
		return arena_printf(a, "%s%s", dir, name);
	return arena_printf(a, "%s/%s", dir, name);
}

char *fs_normpath(struct arena *a, const char *path)
{
	struct strvec parts = STRVEC_INIT;
	bool absolute = path[0] == '/';
	const char *p = path;
	struct buf b = BUF_INIT;
	char *out;

	if (!*path)
		return arena_strdup(a, ".");
	while (*p) {
		const char *end = strchr(p, '/');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (n == 0 || (n == 1 && p[0] == '.')) {
			/* skip */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (parts.n && strcmp(parts.v[parts.n - 1], ".."))
				parts.n--;
			else if (!absolute)
				strvec_push(a, &parts, "..");
		} else {
			strvec_push(a, &parts, arena_strndup(a, p, n));
		}
		p += n;
		while (*p == '/')
			p++;
	}
	if (absolute)
		buf_addch(&b, '/');
	for (size_t i = 0; i < parts.n; i++) {
		if (i)
			buf_addch(&b, '/');
		buf_adds(&b, parts.v[i]);
	}
	if (!b.len)
		buf_addch(&b, '.');
	out = buf_to_arena(&b, a);
	buf_release(&b);
	return out;
}

char *fs_abspath(struct arena *a, const char *path)
{
	char cwd[PATH_MAX];

	if (path[0] == '/')
		return fs_normpath(a, path);
	if (!getcwd(cwd, sizeof(cwd)))
		return fs_normpath(a, path);
	return fs_normpath(a, fs_join(a, cwd, path));
}

char *fs_dirname(struct arena *a, const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t n;

	if (!slash)
		return arena_strdup(a, "");
	n = (size_t)(slash - path);
	while (n > 0 && path[n - 1] == '/')
		n--;
	if (n == 0)
		return arena_strdup(a, "/");
	return arena_strndup(a, path, n);
}

const char *fs_basename(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}
