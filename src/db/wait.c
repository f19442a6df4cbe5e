/*
 * wait.c - what the drivers share for waiting (see db.h): the interruption
 * state (the recorded signal, the self-pipe every wait polls, the
 * connection the signal handler cancels), waits on the monotonic clock,
 * the migration lock's wait loop that names the holder, and the folding of
 * database error text into one primary line plus prefixed detail lines.
 */
#include "db/db.h"

#include <poll.h>

#include "base/arena.h"

/* ---- interruption ---- */

static volatile sig_atomic_t db_signal; /* the recorded signal, 0 = none */
static int db_wake[2] = {-1, -1};       /* self-pipe: read end polled, write end
						written by the handler */
static struct db *volatile db_active;   /* the connection the handler cancels */

int db_interrupt_init(struct err *e)
{
	if (db_wake[0] >= 0)
		return 0;
	if (pipe(db_wake) < 0)
		return err_set(e, ERR_IO, "could not create a pipe: %s", strerror(errno));
	for (int i = 0; i < 2; i++) {
		fcntl(db_wake[i], F_SETFL, fcntl(db_wake[i], F_GETFL) | O_NONBLOCK);
		fcntl(db_wake[i], F_SETFD, FD_CLOEXEC);
	}
	return 0;
}

void db_interrupt(int signo)
{
	int saved = errno;
	struct db *db = db_active;

	if (!db_signal)
		db_signal = signo;
	if (db_wake[1] >= 0) {
		ssize_t w = write(db_wake[1], "!", 1);
		(void)w; /* a full pipe is already awake */
	}
	if (db && !db->cleanup && db->interrupt)
		db->interrupt(db);
	errno = saved;
}

int db_interrupted(void)
{
	return db_signal;
}

void db_interrupt_reset(void)
{
	char buf[64];

	db_signal = 0;
	while (db_wake[0] >= 0 && read(db_wake[0], buf, sizeof(buf)) > 0)
		;
}

/* Sets the connection the handler cancels, with the signals blocked so
 * the handler never sees a half-written pointer. */
static void db_set_active(struct db *db)
{
	sigset_t block, old;

	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old);
	db_active = db;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void db_interrupt_track(struct db *db)
{
	db_set_active(db);
}

void db_interrupt_untrack(struct db *db)
{
	if (db_active == db)
		db_set_active(NULL);
}

long db_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Empties the wake pipe; true if it held anything. */
static bool db_wake_drain(void)
{
	char buf[64];
	bool any = false;

	while (db_wake[0] >= 0 && read(db_wake[0], buf, sizeof(buf)) > 0)
		any = true;
	return any;
}

int db_wait(struct db *db, int fd, short events, long timeout_ms)
{
	long deadline = timeout_ms >= 0 ? db_now_ms() + timeout_ms : -1;

	for (;;) {
		struct pollfd p[2] = {{fd, events, 0}, {db_wake[0], POLLIN, 0}};
		long left = deadline >= 0 ? deadline - db_now_ms() : -1;
		int n;

		if (db_signal && db && !db->cleanup)
			return -1;
		if (deadline >= 0 && left < 0)
			left = 0;
		n = poll(p, 2, left > INT_MAX ? INT_MAX : (int)left);
		if (n < 0 && errno != EINTR)
			return -1;
		if (n > 0 && p[1].revents)
			db_wake_drain();
		if (n > 0 && p[0].revents)
			return 1;
		if (n == 0)
			return 0;
	}
}

/* ---- the lock wait ---- */

/* "Timed out after 300 ms waiting for ... held by ..." */
static int db_lock_timeout(struct db *db, const char *what, const char *held, struct err *e)
{
	if (held)
		return err_set(e, ERR_LOCK, "Timed out after %ld ms waiting for %s held by %s",
			       db->lock_timeout_ms, what, held);
	return err_set(e, ERR_LOCK,
		       "Timed out after %ld ms waiting for %s (another alembic run is migrating "
		       "this database)",
		       db->lock_timeout_ms, what);
}

/* The one "waiting for ..." line when a wait begins. */
static void db_lock_notice(struct db *db, struct arena *a, const char *what, const char *held)
{
	if (!db->notice)
		return;
	if (held)
		db->notice(db->notice_ctx,
			   arena_printf(a, "waiting for %s held by %s", what, held));
	else
		db->notice(db->notice_ctx, arena_printf(a, "waiting for %s", what));
}

int db_lock_wait(struct db *db, const char *key, const char *what, long step_ms,
		 int (*try_lock)(struct db *db, const char *key, struct err *e),
		 const char *(*holder)(struct db *db, struct arena *a, const char *key),
		 struct err *e)
{
	struct arena a = ARENA_INIT;
	long start = db_now_ms();
	int rc = -1;

	for (bool told = false;; told = true) {
		long left;
		int got = try_lock(db, key, e);

		if (got != 0) {
			rc = got > 0 ? 0 : -1;
			break;
		}
		left = db->lock_timeout_ms - (db_now_ms() - start);
		if (left <= 0) {
			db_lock_timeout(db, what, holder(db, &a, key), e);
			break;
		}
		if (!told)
			db_lock_notice(db, &a, what, holder(db, &a, key));
		if (db_wait(db, -1, 0, left < step_ms ? left : step_ms) < 0) {
			err_set(e, ERR_INTERRUPTED, "interrupted while waiting for %s", what);
			break;
		}
	}
	arena_release(&a);
	return rc;
}

/* ---- error text ---- */

void db_err_add_detail(struct err *e, const char *prefix, const char *text)
{
	size_t len = strlen(e->detail);

	while (text && *text) {
		size_t n;

		text += strspn(text, "\t");
		n = strcspn(text, "\n");
		while (n && (text[n - 1] == '\r' || text[n - 1] == ' '))
			n--;
		if (n && len + 1 < sizeof(e->detail)) {
			snprintf(e->detail + len, sizeof(e->detail) - len, "%s%s%.*s",
				 len ? "\n" : "", prefix, (int)n, text);
			len = strlen(e->detail);
		}
		text = strchr(text, '\n');
		text = text ? text + 1 : NULL;
	}
}

int db_err_lines(struct err *e, enum err_code code, const char *text)
{
	const char *p = text ? text : "";
	size_t n;

	p += strspn(p, " \t\n");
	n = strcspn(p, "\n");
	err_set(e, code, "%.*s", (int)n, p);
	if (p[n])
		db_err_add_detail(e, "DETAIL:  ", p + n + 1);
	return -1;
}
