/*
 * compat.h - force-included first in every translation unit (Makefile -include).
 * Pulls in the system headers the project uses, then banned.h, so that a
 * banned function cannot sneak in through a later #include.
 */
#ifndef BASE_COMPAT_H
#define BASE_COMPAT_H

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "banned.h"

#endif
