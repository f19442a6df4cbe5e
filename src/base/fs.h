/*
 * fs.h - file system access for the whole program.  Paths are plain C
 * strings; results live in the caller's arena; failures fill struct err
 * (ERR_IO, with the path in err.file) and return -1.
 */
#ifndef BASE_FS_H
#define BASE_FS_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "err.h"
#include "vec.h"

/* Reads a whole file; *data is NUL-terminated (the NUL is not counted in *len). */
int fs_read_file(struct arena *a, const char *path, char **data, size_t *len, struct err *e);
/* Writes data to path through a temporary file in the same directory and
 * rename(2), so a reader never sees a half-written file.  The temporary file
 * is created with O_EXCL | O_NOFOLLOW under a fresh name: an existing file
 * or symlink of that name is never opened.  With exclusive, fails (ERR_IO)
 * if path already exists (link(2), not rename: no race with another writer). */
int fs_write_file(const char *path, const char *data, size_t len, bool exclusive, struct err *e);
/* Names in dir (not "." or ".."), sorted bytewise. */
int fs_list_dir(struct arena *a, const char *dir, struct strvec *names, struct err *e);
bool fs_is_dir(const char *path);
bool fs_is_file(const char *path);
bool fs_exists(const char *path);
/* mkdir(path, 0777); an existing directory is not an error. */
int fs_mkdir(const char *path, struct err *e);
/* a + "/" + b (b returned as is when absolute). */
char *fs_join(struct arena *a, const char *dir, const char *name);
/* Python os.path.normpath: collapses "//", "/./", "x/.." lexically. */
char *fs_normpath(struct arena *a, const char *path);
/* Python os.path.abspath: normpath(join(cwd, path)); symlinks are not resolved. */
char *fs_abspath(struct arena *a, const char *path);
/* Python os.path.dirname / basename. */
char *fs_dirname(struct arena *a, const char *path);
const char *fs_basename(const char *path);

#endif
