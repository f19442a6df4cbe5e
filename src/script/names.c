/*
 * names.c - the pieces of a new revision's identity (reference §5.4, §5.5):
 * random id, id check, create date (local or a TZ database zone), slug and
 * file_template expansion (a subset of Python's %-operator with a mapping).
 */
#include "script/script.h"

#include "base/buf.h"
#include "base/fs.h"
#include "base/str.h"
#include "script/unicode.h"

/* langhelpers.py rev_id: uuid4().hex[-12:], i.e. 48 random bits as lowercase hex. */
char *script_new_rev_id(struct arena *a, struct err *e)
{
	unsigned char b[6];
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	ssize_t got = fd < 0 ? -1 : read(fd, b, sizeof(b));

	if (fd >= 0)
		close(fd);
	if (got != (ssize_t)sizeof(b)) {
		err_at(e, ERR_IO, "/dev/urandom", 0, "/dev/urandom: %s",
		       got < 0 ? strerror(errno) : "short read");
		return NULL;
	}
	return arena_printf(a, "%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5]);
}

/* revision.py Revision.verify_rev_id (_revision_illegal_chars = @ - +). */
int script_check_rev_id(const char *id, struct err *e)
{
	static const char illegal[] = "+-@"; /* sorted bytewise, as Python's sorted() */
	struct buf b = BUF_INIT;

	for (const char *c = illegal; *c; c++)
		if (strchr(id, *c)) {
			if (b.len)
				buf_adds(&b, ", ");
			buf_addch(&b, *c);
		}
	if (b.len) {
		err_set(e, ERR_COMMAND, "Character(s) '%s' not allowed in revision identifier '%s'",
			buf_cstr(&b), id);
		buf_release(&b);
		return -1;
	}
	return 0;
}

/* ---- create date ---- */

static bool is_tzif(const char *path)
{
	char magic[4];
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	bool ok;

	if (fd < 0)
		return false;
	ok = read(fd, magic, 4) == 4 && !memcmp(magic, "TZif", 4);
	close(fd);
	return ok && fs_is_file(path);
}

static char *upper_ascii(struct arena *a, const char *s)
{
	char *u = arena_strdup(a, s);

	for (char *p = u; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	return u;
}

/* dateutil tz.gettz(name) for TZ database names: the zone file path or NULL. */
static char *zone_file(struct arena *a, const char *name)
{
	char *path;

	if (!*name)
		return NULL;
	path = name[0] == '/' ? arena_strdup(a, name) : fs_join(a, "/usr/share/zoneinfo", name);
	for (char *p = path; *p; p++)
		if (*p == ' ')
			*p = '_';
	return strlen(path) < PATH_MAX && is_tzif(path) ? path : NULL;
}

/* localtime_r in the zone of file path (TZ=":path"), restoring TZ afterwards. */
static void zone_localtime(const char *path, time_t t, struct tm *tm)
{
	const char *old = getenv("TZ");
	char *saved = old ? strdup(old) : NULL;
	char tzval[PATH_MAX + 2];

	if (old && !saved)
		die_oom(strlen(old));
	snprintf(tzval, sizeof(tzval), ":%s", path);
	setenv("TZ", tzval, 1);
	tzset();
	localtime_r(&t, tm);
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
}

/* base.py ScriptDirectory._generate_create_date */
int script_create_date(const char *zone, const struct timespec *now, struct script_date *out,
		       struct err *e)
{
	struct arena a = ARENA_INIT;
	struct tm tm;

	memset(out, 0, sizeof(*out));
	if (zone) {
		char *path = zone_file(&a, zone);
		if (!path)
			path = zone_file(&a, upper_ascii(&a, zone));
		if (!path) {
			arena_release(&a);
			return err_set(e, ERR_COMMAND, "Can't locate timezone: %s", zone);
		}
		zone_localtime(path, now->tv_sec, &tm);
		out->has_offset = true;
		out->gmtoff = tm.tm_gmtoff;
		arena_release(&a);
	} else {
		localtime_r(&now->tv_sec, &tm);
	}
	out->year = tm.tm_year + 1900;
	out->month = tm.tm_mon + 1;
	out->day = tm.tm_mday;
	out->hour = tm.tm_hour;
	out->minute = tm.tm_min;
	out->second = tm.tm_sec;
	out->usec = now->tv_nsec / 1000;
	out->epoch = (long long)now->tv_sec;
	return 0;
}

/* Python str(datetime) / datetime.isoformat(" "). */
char *script_date_str(struct arena *a, const struct script_date *d)
{
	struct buf b = BUF_INIT;
	char *s;

	buf_addf(&b, "%04d-%02d-%02d %02d:%02d:%02d", d->year, d->month, d->day, d->hour, d->minute,
		 d->second);
	if (d->usec)
		buf_addf(&b, ".%06ld", d->usec);
	if (d->has_offset) {
		long off = d->gmtoff < 0 ? -d->gmtoff : d->gmtoff;
		buf_addf(&b, "%c%02ld:%02ld", d->gmtoff < 0 ? '-' : '+', off / 3600, off / 60 % 60);
		if (off % 60)
			buf_addf(&b, ":%02ld", off % 60);
	}
	s = buf_to_arena(&b, a);
	buf_release(&b);
	return s;
}

/* ---- slug ---- */

/* A growable array of code points (slug building). */
struct cps {
	unsigned *v; /* code points */
	size_t n;    /* used */
	size_t cap;  /* allocated */
};

static void cps_push(struct arena *a, struct cps *c, unsigned cp)
{
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		c->v = arena_grow(a, c->v, c->n, cap, sizeof(*c->v));
		c->cap = cap;
	}
	c->v[c->n++] = cp;
}

/* unicodeobject.c handle_capital_sigma: a cased letter (case-ignorables
 * skipped) before s[i], and none after it. */
static bool is_final_sigma(const struct cps *s, size_t i)
{
	size_t j = i;

	while (j > 0 && unicode_is_case_ignorable(s->v[j - 1]))
		j--;
	if (j == 0 || !unicode_is_cased(s->v[j - 1]))
		return false;
	for (j = i + 1; j < s->n && unicode_is_case_ignorable(s->v[j]); j++)
		;
	return j == s->n || !unicode_is_cased(s->v[j]);
}

static void add_cp(struct buf *b, unsigned cp)
{
	char tmp[4];
	int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;

	if (n == 1) {
		buf_addch(b, (int)cp);
		return;
	}
	for (int i = n - 1; i > 0; i--, cp >>= 6)
		tmp[i] = (char)(0x80 | (cp & 0x3F));
	tmp[0] = (char)((n == 2 ? 0xC0 : n == 3 ? 0xE0 : 0xF0) | cp);
	buf_add(b, tmp, (size_t)n);
}

/* "_".join(re.findall(r"\w+", message)) as code points. */
static void slug_words(struct arena *a, const char *p, struct cps *out)
{
	const char *end = p + strlen(p);
	bool in_word = false;

	while (p < end) {
		unsigned cp;
		size_t k = str_utf8_decode(p, end, &cp);
		if (!k)
			k = 1, cp = 0xFFFD;
		p += k;
		if (!unicode_is_word(cp)) {
			in_word = false;
			continue;
		}
		if (!in_word && out->n)
			cps_push(a, out, '_');
		in_word = true;
		cps_push(a, out, cp);
	}
}

/* base.py ScriptDirectory._rev_path: "_".join(_slug_re.findall(message)).lower(),
 * then slug[:N].rsplit("_", 1)[0] + "_" when longer than N code points. */
char *script_slug(struct arena *a, const char *message, int truncate_slug_length)
{
	struct cps words = {0}, low = {0};
	size_t limit = truncate_slug_length > 0 ? (size_t)truncate_slug_length : 40;
	struct buf b = BUF_INIT;
	char *slug;

	slug_words(a, message ? message : "", &words);
	for (size_t i = 0; i < words.n; i++) {
		unsigned cp = words.v[i];
		if (cp == 0x130) { /* 'İ'.lower() is 'i' + U+0307 */
			cps_push(a, &low, 'i');
			cps_push(a, &low, 0x307);
		} else if (cp == 0x3A3) {
			cps_push(a, &low, is_final_sigma(&words, i) ? 0x3C2 : 0x3C3);
		} else {
			cps_push(a, &low, unicode_lower(cp));
		}
	}
	if (low.n > limit) {
		low.n = limit;
		while (low.n && low.v[low.n - 1] != '_')
			low.n--;
		if (low.n)
			low.n--; /* rsplit("_", 1)[0] drops the "_" too */
		else
			low.n = limit; /* no "_": rsplit keeps everything */
		cps_push(a, &low, '_');
	}
	for (size_t i = 0; i < low.n; i++)
		add_cp(&b, low.v[i]);
	slug = buf_to_arena(&b, a);
	buf_release(&b);
	return slug;
}

/* ---- file_template ---- */

struct token_value {
	const char *name; /* token name in the template */
	const char *str;  /* string value, or NULL for an int */
	long long num;    /* int value */
};

struct fmt_spec {
	bool left, zero, plus, space; /* flags - 0 + ' ' */
	int width;                    /* minimum width */
	int prec;                     /* precision, -1 if none */
};

/* Appends s padded to spec.width (code points), '%s' style. */
static void fmt_pad(struct buf *out, const char *s, size_t n, const struct fmt_spec *f, char fill,
		    size_t after)
{
	size_t cps = 0;

	for (size_t i = 0; i < n; i++)
		cps += ((unsigned char)s[i] & 0xC0) != 0x80;
	if (f->left) {
		buf_add(out, s, n);
		for (; cps < (size_t)f->width; cps++)
			buf_addch(out, ' ');
		return;
	}
	buf_add(out, s, after); /* a sign goes before zero padding */
	for (; cps < (size_t)f->width; cps++)
		buf_addch(out, fill);
	buf_add(out, s + after, n - after);
}

/* Python's '%d' with flags, width and precision (precision = minimum digits). */
static void fmt_int(struct buf *out, long long v, const struct fmt_spec *f)
{
	char digits[32], text[80];
	unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
	int nd = snprintf(digits, sizeof(digits), "%llu", u), len = 0;

	if (v < 0 || f->plus || f->space)
		text[len++] = v < 0 ? '-' : f->plus ? '+' : ' ';
	for (int i = nd; i < f->prec && len < 40; i++)
		text[len++] = '0';
	memcpy(text + len, digits, (size_t)nd);
	len += nd;
	fmt_pad(out, text, (size_t)len, f, f->zero ? '0' : ' ',
		f->zero && (v < 0 || f->plus || f->space) ? 1 : 0);
}

/* One "%(name)<flags><width>[.<prec>]<conv>" conversion, *pp after "%(". */
static int fmt_one(const char **pp, const struct token_value *tv, size_t ntv, struct buf *out,
		   struct err *e)
{
	const char *p = *pp, *close = strchr(p, ')');
	const struct token_value *v = NULL;
	struct fmt_spec f = {false, false, false, false, 0, -1};

	if (!close)
		return err_set(e, ERR_COMMAND, "file_template: incomplete format key");
	for (size_t i = 0; i < ntv; i++)
		if (strlen(tv[i].name) == (size_t)(close - p) &&
		    !memcmp(tv[i].name, p, (size_t)(close - p)))
			v = &tv[i];
	if (!v)
		return err_set(e, ERR_COMMAND, "file_template: unknown token '%.*s'",
			       (int)(close - p), p);
	for (p = close + 1; *p && strchr("-0+ #", *p); p++) {
		f.left |= *p == '-';
		f.zero |= *p == '0';
		f.plus |= *p == '+';
		f.space |= *p == ' ';
	}
	for (; str_isdigit(*p) && f.width < 1000; p++)
		f.width = f.width * 10 + (*p - '0');
	if (*p == '.')
		for (f.prec = 0, p++; str_isdigit(*p) && f.prec < 1000; p++)
			f.prec = f.prec * 10 + (*p - '0');
	if ((*p == 'd' || *p == 'i') && !v->str) {
		fmt_int(out, v->num, &f);
	} else if (*p == 's') {
		char num[32];
		const char *s = v->str;
		size_t n;
		if (!s) {
			snprintf(num, sizeof(num), "%lld", v->num);
			s = num;
		}
		n = strlen(s);
		if (f.prec >= 0 && (size_t)f.prec < n)
			n = (size_t)f
				    .prec; /* tokens that are strings are rev and slug: bytes suffice */
		fmt_pad(out, s, n, &f, ' ', 0);
	} else if (*p == 'd' || *p == 'i') {
		return err_set(e, ERR_COMMAND,
			       "file_template: %%%c format: a number is required, not str (%s)", *p,
			       v->name);
	} else {
		return err_set(e, ERR_COMMAND, "file_template: unsupported format character '%c'",
			       *p ? *p : '?');
	}
	*pp = p + 1;
	return 0;
}

int script_file_name(struct arena *a, const char *file_template, const char *rev, const char *slug,
		     const struct script_date *d, char **out, struct err *e)
{
	const struct token_value tv[] = {
		{"rev", rev, 0},         {"slug", slug, 0},           {"epoch", NULL, d->epoch},
		{"year", NULL, d->year}, {"month", NULL, d->month},   {"day", NULL, d->day},
		{"hour", NULL, d->hour}, {"minute", NULL, d->minute}, {"second", NULL, d->second},
	};
	struct buf b = BUF_INIT;
	const char *p = file_template;

	while (*p) {
		const char *pct = strchr(p, '%');
		if (!pct) {
			buf_adds(&b, p);
			break;
		}
		buf_add(&b, p, (size_t)(pct - p));
		if (pct[1] == '%') {
			buf_addch(&b, '%');
			p = pct + 2;
			continue;
		}
		if (pct[1] != '(') {
			buf_release(&b);
			return err_set(e, ERR_COMMAND, "file_template: format requires a mapping");
		}
		p = pct + 2;
		if (fmt_one(&p, tv, sizeof(tv) / sizeof(tv[0]), &b, e)) {
			buf_release(&b);
			return -1;
		}
	}
	*out = buf_to_arena(&b, a);
	buf_release(&b);
	return 0;
}
