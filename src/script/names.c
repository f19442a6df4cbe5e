/*
 * names.c - the pieces of a new revision's identity (reference §5.4, §5.5):
 * random id, id check, create date (local or a TZ database zone), slug and
 * file_template expansion (a subset of Python's %-operator with a mapping).
 */
#include "script/script.h"

#include "base/buf.h"
#include "base/fs.h"
#include "base/str.h"

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

	buf_addf(&b, "%04d-%02d-%02d %02d:%02d:%02d", d->year, d->month, d->day, d->hour,
		 d->minute, d->second);
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

/* Code point ranges that are not \w (Python's str.isalnum() false and not '_')
 * outside ASCII: punctuation, symbols, spaces, combining marks, controls.
 * Everything else is taken as a letter or digit of some script. */
static const unsigned nonword[][2] = {
	{0x80, 0xA9},     {0xAB, 0xB1},     {0xB4, 0xB4},     {0xB6, 0xB8},
	{0xBB, 0xBB},     {0xBF, 0xBF},     {0xD7, 0xD7},     {0xF7, 0xF7},
	{0x02C2, 0x02C5}, {0x02D2, 0x02DF}, {0x02E5, 0x02EB}, {0x02ED, 0x02ED},
	{0x02EF, 0x036F}, {0x0375, 0x0375}, {0x037E, 0x037E}, {0x0384, 0x0385},
	{0x0387, 0x0387}, {0x03F6, 0x03F6}, {0x0482, 0x0489}, {0x055A, 0x055F},
	{0x0589, 0x058A}, {0x0591, 0x05CF}, {0x05F3, 0x05F4}, {0x0600, 0x061F},
	{0x064B, 0x065F}, {0x066A, 0x066D}, {0x0670, 0x0670}, {0x06D4, 0x06D4},
	{0x06D6, 0x06ED}, {0x0900, 0x0903}, {0x093A, 0x094F}, {0x0951, 0x0957},
	{0x0962, 0x0965}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3F}, {0x0E47, 0x0E4F},
	{0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x2000, 0x206F}, {0x207A, 0x207E},
	{0x208A, 0x208E}, {0x20A0, 0x20FF}, {0x2100, 0x2101}, {0x2103, 0x2106},
	{0x2108, 0x2109}, {0x2114, 0x2114}, {0x2116, 0x2118}, {0x211E, 0x2123},
	{0x2125, 0x2125}, {0x2127, 0x2127}, {0x2129, 0x2129}, {0x212E, 0x212E},
	{0x213A, 0x213B}, {0x2140, 0x2144}, {0x214A, 0x214D}, {0x214F, 0x214F},
	{0x218A, 0x245F}, {0x249C, 0x24E9}, {0x2500, 0x2775}, {0x2794, 0x2BFF},
	{0x2E00, 0x2E7F}, {0x3000, 0x3004}, {0x3008, 0x3020}, {0x302A, 0x3030},
	{0x3036, 0x3037}, {0x303D, 0x303F}, {0x3099, 0x309C}, {0x30A0, 0x30A0},
	{0x30FB, 0x30FB}, {0xD800, 0xF8FF}, {0xFE00, 0xFE6F}, {0xFEFF, 0xFEFF},
	{0xFF00, 0xFF0F}, {0xFF1A, 0xFF20}, {0xFF3B, 0xFF3E}, {0xFF40, 0xFF40},
	{0xFF5B, 0xFF65}, {0xFFE0, 0xFFFF}, {0x1F000, 0x1F0FF}, {0x1F10D, 0x1FAFF},
	{0xE0000, 0x10FFFF},
};

/* Python's \w (str.isalnum() or '_') for one code point. */
static bool is_word(unsigned c)
{
	if (c < 0x80)
		return c == '_' || str_isalnum((char)c);
	for (size_t i = 0; i < sizeof(nonword) / sizeof(nonword[0]); i++)
		if (c >= nonword[i][0] && c <= nonword[i][1])
			return false;
	return true;
}

/* Python's str.lower() for the scripts commonly seen in messages. */
static unsigned py_lower(unsigned c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
		return c + 0x20;
	if (c == 0x178)
		return 0xFF;
	if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177) ||
	    (c >= 0x1E00 && c <= 0x1E95) || (c >= 0x1EA0 && c <= 0x1EFF))
		return c % 2 == 0 ? c + 1 : c;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
		return c % 2 == 1 ? c + 1 : c;
	if ((c >= 0x391 && c <= 0x3A9 && c != 0x3A2) || (c >= 0x410 && c <= 0x42F))
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40F)
		return c + 0x50;
	if (c == 0x386)
		return 0x3AC;
	if (c >= 0x388 && c <= 0x38A)
		return c + 37;
	if (c == 0x38C)
		return 0x3CC;
	if (c == 0x38E || c == 0x38F)
		return c + 63;
	if (c == 0x1E9E)
		return 0xDF;
	return c;
}

/* After a capital sigma that follows a letter: is no letter next (Python's Final_Sigma)? */
static bool is_final_sigma(const char *next, const char *end)
{
	unsigned cp;
	size_t k = next < end ? str_utf8_decode(next, end, &cp) : 0;

	return !k || !is_word(cp) || cp == '_' || (cp >= '0' && cp <= '9');
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

/* base.py ScriptDirectory._rev_path: "_".join(_slug_re.findall(message)).lower(),
 * then slug[:N].rsplit("_", 1)[0] + "_" when longer than N code points. */
char *script_slug(struct arena *a, const char *message, int truncate_slug_length)
{
	struct buf b = BUF_INIT;
	const char *p = message ? message : "", *end = p + strlen(p);
	size_t n_cp = 0, limit = truncate_slug_length > 0 ? (size_t)truncate_slug_length : 40;
	size_t cut = 0; /* byte length of the first `limit` code points */
	bool in_word = false;
	char *slug;

	while (p < end) {
		unsigned cp;
		size_t k = str_utf8_decode(p, end, &cp);
		if (!k)
			k = 1, cp = 0xFFFD;
		p += k;
		if (!is_word(cp)) {
			in_word = false;
			continue;
		}
		if (!in_word && b.len) {
			if (++n_cp == limit)
				cut = b.len + 1;
			buf_addch(&b, '_');
		}
		in_word = true;
		if (cp == 0x3A3 && in_word && is_final_sigma(p, end))
			cp = 0x3C2; /* str.lower()'s final sigma rule */
		if (cp == 0x130) { /* 'İ'.lower() is 'i' + U+0307 */
			add_cp(&b, 'i');
			if (++n_cp == limit)
				cut = b.len;
			cp = 0x307;
		}
		add_cp(&b, py_lower(cp));
		if (++n_cp == limit)
			cut = b.len;
	}
	if (n_cp > limit) {
		const char *us;
		buf_truncate(&b, cut);
		us = strrchr(b.ptr, '_');
		if (us)
			buf_truncate(&b, (size_t)(us - b.ptr));
		buf_addch(&b, '_');
	}
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
			n = (size_t)f.prec; /* tokens that are strings are rev and slug: bytes suffice */
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

int script_file_name(struct arena *a, const char *file_template, const char *rev,
		     const char *slug, const struct script_date *d, char **out, struct err *e)
{
	const struct token_value tv[] = {
		{"rev", rev, 0},          {"slug", slug, 0},         {"epoch", NULL, d->epoch},
		{"year", NULL, d->year},  {"month", NULL, d->month}, {"day", NULL, d->day},
		{"hour", NULL, d->hour},  {"minute", NULL, d->minute}, {"second", NULL, d->second},
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
