/* slow-write.c: a test hook, preloaded into draft-writer by test-draft-crash
 * (LD_PRELOAD), that makes every large write to a regular file slow and
 * visible, so the test can kill the writer while a save is on its way to
 * the disk.
 *
 * A write of PUB_SLOW_WRITE_MIN bytes or more (default 4096) goes out in
 * 4 KiB pieces with PUB_SLOW_WRITE_USEC microseconds (default 200) between
 * them, and is framed on stderr by "write-start N" and "write-end N" lines
 * (N counts such writes from 1). Small writes, pipes and terminals pass
 * through untouched.
 *
 * Copyright 2026 The Publicador authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define PIECE 4096

typedef ssize_t (*WriteFunc) (int fd, const void *buf, size_t count);

static WriteFunc real_write;
static unsigned long n_writes;

static long
env_long (const char *name,
          long        fallback)
{
  const char *value = getenv (name);

  return value && *value ? strtol (value, NULL, 10) : fallback;
}

static void
mark (const char    *what,
      unsigned long  n)
{
  char line[64];
  int len = snprintf (line, sizeof line, "%s %lu\n", what, n);

  real_write (STDERR_FILENO, line, (size_t) len);
}

ssize_t
write (int         fd,
       const void *buf,
       size_t      count)
{
  const char *p = buf;
  struct stat st;
  struct timespec pause;
  size_t done = 0;
  unsigned long n;
  int saved_errno;

  if (!real_write)
    real_write = (WriteFunc) dlsym (RTLD_NEXT, "write");
  if (count < (size_t) env_long ("PUB_SLOW_WRITE_MIN", PIECE) ||
      fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    return real_write (fd, buf, count);

  pause.tv_sec = 0;
  pause.tv_nsec = env_long ("PUB_SLOW_WRITE_USEC", 200) * 1000;
  n = ++n_writes;
  mark ("write-start", n);
  while (done < count)
    {
      size_t piece = count - done < PIECE ? count - done : PIECE;
      ssize_t written = real_write (fd, p + done, piece);

      if (written < 0)
        {
          saved_errno = errno;
          if (saved_errno == EINTR)
            continue;
          mark ("write-failed", n);
          errno = saved_errno;
          return done > 0 ? (ssize_t) done : -1;
        }
      done += (size_t) written;
      nanosleep (&pause, NULL);
    }
  mark ("write-end", n);
  return (ssize_t) done;
}
