/* The .npy format: np.save / np.load.
 *
 * Writing reproduces np.save byte for byte (header text, growth padding, 64-byte
 * alignment).  Reading parses the header dict with a small parser for the subset of
 * Python literal syntax np.load's ast.literal_eval accepts (dicts, tuples, lists,
 * sets, strings with prefixes and escapes, numbers, True/False/None), then checks
 * the values as NumPy does.  The input is a FILE or a memory buffer behind one small
 * reader; the data is never allocated before the input is known to hold it when the
 * input's size is known, and is read in growing chunks when it is not. */
#include "core/internal.h"

#include <errno.h>
#include <limits.h>
#include <sys/stat.h>

#define NPY_MAGIC "\x93NUMPY"
#define NPY_MAGIC_LEN 8          /* prefix + major + minor */
#define NPY_ALIGN 64             /* data starts on this boundary */
#define NPY_GROWTH_DIGITS 21     /* np.save leaves room to rewrite the growth axis */
#define NPY_STAGE (64 * 1024)    /* chunk for writing non-contiguous arrays */
#define NPY_DIRECT_MAX ((int64_t)1 << 20) /* unknown-size input: allocate the data up front below this */
#define NPY_FIRST_CHUNK ((size_t)64 << 10) /* unknown-size input: first read of a large item */

/* ================================================================ messages */

/* Python's repr of a str or bytes value: quotes chosen as Python does, escapes for
 * control characters.  `latin1`: bytes >= 0x80 are latin-1 characters (header of
 * versions 1.0/2.0); otherwise they pass through (UTF-8, version 3.0) or, for
 * bytes objects, are escaped. */
typedef enum { REPR_STR_LATIN1, REPR_STR_UTF8, REPR_BYTES } repr_mode;

static void py_repr(char *out, size_t cap, const unsigned char *s, size_t n, repr_mode mode) {
    size_t o = 0;
    bool sq = memchr(s, '\'', n) != NULL, dq = memchr(s, '"', n) != NULL;
    char q = (sq && !dq) ? '"' : '\'';
#define PUT(...) do { int w_ = snprintf(out + o, o < cap ? cap - o : 0, __VA_ARGS__); \
                      if (w_ > 0) o += (size_t)w_; } while (0)
    if (mode == REPR_BYTES) PUT("b");
    PUT("%c", q);
    for (size_t i = 0; i < n && o < cap; i++) {
        unsigned char c = s[i];
        if (c == q || c == '\\') PUT("\\%c", c);
        else if (c == '\n') PUT("\\n");
        else if (c == '\r') PUT("\\r");
        else if (c == '\t') PUT("\\t");
        else if (c < 0x20 || c == 0x7f) PUT("\\x%02x", c);
        else if (c < 0x80) PUT("%c", c);
        else if (mode == REPR_BYTES) PUT("\\x%02x", c);
        else if (mode == REPR_STR_UTF8) PUT("%c", c);
        else if (c < 0xa0 || c == 0xad) PUT("\\x%02x", c);
        else PUT("%c%c", 0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    }
    PUT("%c", q);
#undef PUT
    if (cap) out[o < cap ? o : cap - 1] = 0;
}

static void *io_errno(int e, const char *path) {
    if (path) return nd__err(ND_ERR_IO, "[Errno %d] %s: '%s'", e, strerror(e), path);
    return nd__err(ND_ERR_IO, "[Errno %d] %s", e, strerror(e));
}

/* ================================================================ input */

typedef struct npy_in {
    FILE *f;                  /* a stream, or */
    const unsigned char *buf; /* a memory image of len bytes */
    size_t len, pos;
    int64_t avail;            /* bytes left when known, else -1 */
} npy_in;

/* Bytes left in a regular file from the current position; -1 when unknown. */
static int64_t stream_avail(FILE *f) {
#if defined(__unix__) || defined(__APPLE__)
    int fd = fileno(f);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return -1;
    off_t pos = ftello(f);
    if (pos < 0) return -1;
    return st.st_size > pos ? (int64_t)(st.st_size - pos) : 0;
#else
    (void)f;
    return -1;
#endif
}

static size_t in_read(npy_in *in, void *dst, size_t n) {
    size_t got;
    if (in->f) {
        got = n ? fread(dst, 1, n, in->f) : 0;
    } else {
        size_t left = in->len - in->pos;
        got = n < left ? n : left;
        if (got) memcpy(dst, in->buf + in->pos, got);
        in->pos += got;
    }
    if (in->avail >= 0) in->avail = in->avail > (int64_t)got ? in->avail - (int64_t)got : 0;
    return got;
}

/* Read exactly n bytes or fail with np.load's EOF message (`got_before` bytes of
 * the same item were read by earlier calls). */
static int in_exact(npy_in *in, void *dst, size_t n, const char *what, uint64_t total, uint64_t got_before) {
    size_t got = in_read(in, dst, n);
    if (got == n) return 0;
    if (in->f && ferror(in->f)) {
        int e = errno ? errno : EIO;
        io_errno(e, NULL);
        return -1;
    }
    nd__err(ND_ERR_VALUE, "EOF: reading %s, expected %llu bytes got %llu", what,
            (unsigned long long)total, (unsigned long long)(got_before + got));
    return -1;
}

/* Read `total` bytes into a buffer nd__alloc'd here.  When the input's size is
 * unknown the buffer grows with the data actually read, so a lying length field
 * cannot make us allocate more than the input holds (plus one chunk). */
static char *in_read_alloc(npy_in *in, uint64_t total, const char *what) {
    if (in->avail >= 0 && total > (uint64_t)in->avail) {
        nd__err(ND_ERR_VALUE, "EOF: reading %s, expected %llu bytes got %lld", what,
                (unsigned long long)total, (long long)in->avail);
        return NULL;
    }
    if (total >= SIZE_MAX) return nd__nomem();
    size_t cap = (in->avail >= 0 || total <= NPY_FIRST_CHUNK) ? (size_t)total : NPY_FIRST_CHUNK;
    char *buf = nd__alloc(cap ? cap : 1);
    if (!buf) return NULL;
    size_t have = 0;
    for (;;) {
        if (in_exact(in, buf + have, cap - have, what, total, have) < 0) { nd__dealloc(buf); return NULL; }
        have = cap;
        if (have == total) return buf;
        size_t next = total - have > have ? 2 * have : (size_t)total;
        char *nb = nd__alloc_realloc(buf, next);
        if (!nb) { nd__dealloc(buf); return nd__nomem(); }
        buf = nb;
        cap = next;
    }
}

/* ================================================================ header parser */

/* The kinds of Python literal the header may hold. */
typedef enum {
    PV_STR, PV_BYTES, PV_INT, PV_BOOL, PV_NONE, PV_NUMBER, PV_TUPLE, PV_LIST, PV_DICT, PV_SET
} pv_kind;

#define PV_SHORT 80   /* decoded strings longer than this are kept only as text */
#define PV_MAXDEPTH 32

/* One parsed value: its kind, its source text, and what the .npy checks need. */
typedef struct pval {
    pv_kind kind;
    const char *src;
    size_t srclen;
    /* PV_INT / PV_BOOL */
    int64_t i;
    int big;               /* PV_INT beyond int64: +1 or -1 */
    /* PV_STR / PV_BYTES, decoded (UTF-8 for str) */
    char s[PV_SHORT + 1];
    size_t slen;
    bool slong;
    /* PV_TUPLE: the items when they are all integers (not bools: NumPy fails on those) */
    int n;
    bool all_int;
    int64_t items[ND_MAXDIMS];
    int items_big;         /* sign of the first item beyond int64, else 0 */
} pval;

typedef struct parser {
    const char *p, *end;
    bool old;              /* versions 1.0/2.0: latin-1 text, Python 2's 3L integers */
    int depth;
} parser;

static void skip_ws(parser *ps) {
    while (ps->p < ps->end) {
        char c = *ps->p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') ps->p++;
        else if (c == '\\' && ps->p + 1 < ps->end && ps->p[1] == '\n') ps->p += 2; /* continuation */
        else if (c == '#') { while (ps->p < ps->end && *ps->p != '\n') ps->p++; }
        else break;
    }
}

static bool is_ident(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static void put_utf8(pval *v, uint32_t cp) {
    char tmp[4];
    size_t n;
    if (cp < 0x80) { tmp[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { tmp[0] = (char)(0xc0 | (cp >> 6)); tmp[1] = (char)(0x80 | (cp & 0x3f)); n = 2; }
    else if (cp < 0x10000) {
        tmp[0] = (char)(0xe0 | (cp >> 12)); tmp[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        tmp[2] = (char)(0x80 | (cp & 0x3f)); n = 3;
    } else {
        tmp[0] = (char)(0xf0 | (cp >> 18)); tmp[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        tmp[2] = (char)(0x80 | ((cp >> 6) & 0x3f)); tmp[3] = (char)(0x80 | (cp & 0x3f)); n = 4;
    }
    if (v->slen + n > PV_SHORT) { v->slong = true; return; }
    memcpy(v->s + v->slen, tmp, n);
    v->slen += n;
    v->s[v->slen] = 0;
}

static void put_byte(pval *v, unsigned char c) {
    if (v->slen + 1 > PV_SHORT) { v->slong = true; return; }
    v->s[v->slen++] = (char)c;
    v->s[v->slen] = 0;
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* One string literal (prefix already consumed) appended to v.  -1 on a syntax error. */
static int parse_string_body(parser *ps, pval *v, bool raw, bool bytes, bool latin1) {
    char q = *ps->p;
    bool triple = ps->end - ps->p >= 3 && ps->p[1] == q && ps->p[2] == q;
    ps->p += triple ? 3 : 1;
    for (;;) {
        if (ps->p >= ps->end) return -1;
        unsigned char c = (unsigned char)*ps->p;
        if (c == (unsigned char)q) {
            if (!triple) { ps->p++; return 0; }
            if (ps->end - ps->p >= 3 && ps->p[1] == q && ps->p[2] == q) { ps->p += 3; return 0; }
        }
        if (c == '\n' && !triple) return -1;
        if (c == '\\' && ps->p + 1 < ps->end) {
            char e = ps->p[1];
            if (raw) { put_byte(v, '\\'); put_byte(v, (unsigned char)e); ps->p += 2; continue; }
            ps->p += 2;
            uint32_t cp;
            switch (e) {
            case '\n': continue;
            case '\\': case '\'': case '"': cp = (uint32_t)e; break;
            case 'a': cp = 7; break;
            case 'b': cp = 8; break;
            case 'f': cp = 12; break;
            case 'n': cp = 10; break;
            case 'r': cp = 13; break;
            case 't': cp = 9; break;
            case 'v': cp = 11; break;
            case 'x': case 'u': case 'U': {
                int nd = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                if (bytes && e != 'x') { put_byte(v, '\\'); put_byte(v, (unsigned char)e); continue; }
                cp = 0;
                for (int k = 0; k < nd; k++) {
                    int h = ps->p < ps->end ? hexval(*ps->p) : -1;
                    if (h < 0) return -1;
                    cp = cp * 16 + (uint32_t)h;
                    ps->p++;
                }
                if (cp > 0x10ffff) return -1;
                break;
            }
            default:
                if (e >= '0' && e <= '7') {
                    cp = (uint32_t)(e - '0');
                    for (int k = 0; k < 2 && ps->p < ps->end && *ps->p >= '0' && *ps->p <= '7'; k++)
                        cp = cp * 8 + (uint32_t)(*ps->p++ - '0');
                    break;
                }
                put_byte(v, '\\');
                ps->p--;  /* an unknown escape keeps its backslash; re-read the character */
                continue;
            }
            if (bytes) put_byte(v, (unsigned char)cp);
            else put_utf8(v, cp);
            continue;
        }
        /* a plain character: latin-1 headers decode each byte to one code point */
        if (bytes && c >= 0x80) return -1;  /* bytes literals are ASCII only */
        if (latin1 && c >= 0x80) put_utf8(v, c);
        else put_byte(v, c);
        ps->p++;
    }
}

static int parse_value(parser *ps, pval *v);

/* Strings, with optional prefixes and implicit concatenation of adjacent literals. */
static int parse_strings(parser *ps, pval *v) {
    bool first = true;
    for (;;) {
        const char *s = ps->p;
        bool raw = false, bytes = false, uni = false;
        while (s < ps->end && (*s == 'r' || *s == 'R' || *s == 'b' || *s == 'B' || *s == 'u' || *s == 'U')) {
            char c = (char)(*s | 0x20);
            if (c == 'r') { if (raw || uni) return -1; raw = true; }
            else if (c == 'b') { if (bytes || uni) return -1; bytes = true; }
            else { if (raw || bytes || uni) return -1; uni = true; }
            s++;
        }
        if (s >= ps->end || (*s != '\'' && *s != '"')) {
            if (first) return -1;
            return 0;
        }
        pv_kind k = bytes ? PV_BYTES : PV_STR;
        if (!first && k != v->kind) return -1;  /* b'' 'x' is a syntax error */
        v->kind = k;
        ps->p = s;
        if (parse_string_body(ps, v, raw, bytes, ps->old) < 0) return -1;
        first = false;
        skip_ws(ps);
    }
}

/* Python integer grammar (decimal, 0x, 0o, 0b, underscores); sets v->i / v->big. */
static bool parse_int_token(const char *t, size_t n, bool long_ok, pval *v) {
    if (long_ok && n > 1 && (t[n - 1] == 'L' || t[n - 1] == 'l')) n--;
    int base = 10;
    size_t i = 0;
    if (n > 2 && t[0] == '0' && strchr("xXoObB", t[1])) {
        base = (t[1] | 0x20) == 'x' ? 16 : (t[1] | 0x20) == 'o' ? 8 : 2;
        i = 2;
        if (t[i] == '_') i++;
    }
    if (i >= n) return false;
    bool nonzero = false, prev_us = false;
    uint64_t acc = 0;
    bool over = false;
    for (size_t k = i; k < n; k++) {
        if (t[k] == '_') { if (prev_us || k + 1 == n) return false; prev_us = true; continue; }
        prev_us = false;
        int d = hexval(t[k]);
        if (d < 0 || d >= base) return false;
        if (d) nonzero = true;
        if (acc > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) over = true;
        else acc = acc * (uint64_t)base + (uint64_t)d;
    }
    /* decimal literals other than zero may not start with 0 */
    if (base == 10 && t[0] == '0' && nonzero) return false;
    if (over || acc > (uint64_t)INT64_MAX) { v->big = 1; v->i = INT64_MAX; }
    else v->i = (int64_t)acc;
    return true;
}

static int parse_number(parser *ps, pval *v) {
    const char *s = ps->p;
    const char *q = s;
    bool hex = ps->end - q > 1 && q[0] == '0' && (q[1] == 'x' || q[1] == 'X');
    while (q < ps->end) {
        char c = *q;
        if (is_ident(c) || c == '.') { q++; continue; }
        if ((c == '+' || c == '-') && !hex && q > s && (q[-1] == 'e' || q[-1] == 'E')) { q++; continue; }
        break;
    }
    ps->p = q;
    if (parse_int_token(s, (size_t)(q - s), ps->old, v)) { v->kind = PV_INT; return 0; }
    /* floats and imaginary literals: valid Python, never a valid shape */
    bool digit = false, other = false;
    for (const char *t = s; t < q; t++) {
        if (*t >= '0' && *t <= '9') digit = true;
        else if (strchr(".eEjJ", *t)) other = true;
        else if (*t != '_' && *t != '+' && *t != '-') return -1;
    }
    if (!digit || !other) return -1;  /* 012 is a syntax error in Python 3 */
    v->kind = PV_NUMBER;
    return 0;
}

/* A parenthesised expression, tuple, list or set/dict body.  Items are parsed into
 * a scratch value; for tuples the integer items are kept. */
static int parse_container(parser *ps, pval *v) {
    char open = *ps->p++;
    char close = open == '(' ? ')' : open == '[' ? ']' : '}';
    int count = 0;
    bool trailing_comma = false, is_dict = false;
    pval item;
    v->n = 0;
    v->all_int = true;
    v->items_big = 0;
    for (;;) {
        skip_ws(ps);
        if (ps->p >= ps->end) return -1;
        if (*ps->p == close) { ps->p++; break; }
        if (count > 0 && !trailing_comma) return -1;
        memset(&item, 0, sizeof item);
        if (parse_value(ps, &item) < 0) return -1;
        skip_ws(ps);
        if (open == '{' && ps->p < ps->end && *ps->p == ':') {
            if (count > 0 && !is_dict) return -1;
            is_dict = true;
            ps->p++;
            skip_ws(ps);
            memset(&item, 0, sizeof item);
            if (parse_value(ps, &item) < 0) return -1;
            skip_ws(ps);
        } else if (is_dict) {
            return -1;
        }
        if (item.kind == PV_INT) {
            if (v->n < ND_MAXDIMS) v->items[v->n] = item.i;
            if (item.big && !v->items_big) v->items_big = item.big;
            v->n++;
        } else {
            v->all_int = false;
        }
        count++;
        trailing_comma = false;
        if (ps->p < ps->end && *ps->p == ',') { ps->p++; trailing_comma = true; }
    }
    if (open == '(') {
        if (count == 1 && !trailing_comma) {  /* (x) is x itself */
            *v = item;
            return 0;
        }
        v->kind = PV_TUPLE;
        v->n = count;
    } else if (open == '[') {
        v->kind = PV_LIST;
    } else {
        v->kind = (is_dict || count == 0) ? PV_DICT : PV_SET;
    }
    return 0;
}

static int parse_value(parser *ps, pval *v) {
    if (++ps->depth > PV_MAXDEPTH) return -1;
    skip_ws(ps);
    if (ps->p >= ps->end) return -1;
    const char *start = ps->p;
    char c = *ps->p;
    int r = 0;
    if (c == '(' || c == '[' || c == '{') {
        r = parse_container(ps, v);
        if (r == 0 && c == '(' && v->kind != PV_TUPLE) {  /* (x): keep x's own text, as repr(x) */
            ps->depth--;
            return 0;
        }
    } else if (c == '\'' || c == '"') {
        v->kind = PV_STR;
        r = parse_strings(ps, v);
    } else if (c == '-' || c == '+') {
        ps->p++;
        skip_ws(ps);
        if (ps->p >= ps->end || !((*ps->p >= '0' && *ps->p <= '9') || *ps->p == '.')) r = -1;
        else {
            r = parse_number(ps, v);
            if (r == 0 && v->kind == PV_INT && c == '-') {
                if (v->big) v->big = -1, v->i = INT64_MIN;
                else v->i = -v->i;
            }
        }
    } else if ((c >= '0' && c <= '9') || c == '.') {
        r = parse_number(ps, v);
    } else if (is_ident(c)) {
        const char *q = ps->p;
        while (q < ps->end && is_ident(*q)) q++;
        size_t n = (size_t)(q - ps->p);
        if (q < ps->end && (*q == '\'' || *q == '"') && n <= 2) {
            r = parse_strings(ps, v);
        } else {
            if (n == 4 && !memcmp(ps->p, "True", 4)) { v->kind = PV_BOOL; v->i = 1; }
            else if (n == 5 && !memcmp(ps->p, "False", 5)) { v->kind = PV_BOOL; v->i = 0; }
            else if (n == 4 && !memcmp(ps->p, "None", 4)) v->kind = PV_NONE;
            else r = -1;
            ps->p = q;
        }
    } else {
        r = -1;
    }
    ps->depth--;
    if (r < 0) return -1;
    v->src = start;
    v->srclen = (size_t)(ps->p - start);
    return 0;
}

/* ================================================================ the header */

typedef struct npy_header {
    int major, minor;
    const nd_dtype_t *dtype;  /* owned */
    bool swapped, fortran;
    int ndim;
    int64_t shape[ND_MAXDIMS];
} npy_header;

static const char *const expected_keys[3] = { "descr", "fortran_order", "shape" };

/* A value's source text for messages, whitespace-trimmed and bounded. */
static const char *src_text(char *buf, size_t cap, const pval *v) {
    size_t n = v->srclen < cap - 1 ? v->srclen : cap - 1;
    memcpy(buf, v->src, n);
    buf[n] = 0;
    return buf;
}

/* NumPy type strings that np.load accepts but nd has no dtype for. */
static bool numpy_only_descr(const char *s) {
    if (*s == '<' || *s == '>' || *s == '=' || *s == '|' || *s == '!') s++;
    static const char *const prefixes[] = {
        "M", "m", "O", "datetime64", "timedelta64", "object", "g", "G", "f16", "c32", "f12", "c24",
        "longdouble", "clongdouble", "float128", "complex256", "float96", "complex192", "T",
    };
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        size_t n = strlen(prefixes[i]);
        if (strncmp(s, prefixes[i], n) != 0) continue;
        const char *rest = s + n;
        if (n > 1 || !*rest || *rest == '[' || (*rest >= '0' && *rest <= '9')) return true;
    }
    return false;
}

static int check_descr(npy_header *h, const pval *d) {
    char txt[200];
    if (d->kind == PV_LIST || d->kind == PV_DICT || d->kind == PV_TUPLE) {
        nd__err(ND_ERR_NOT_SUPPORTED, "structured and sub-array dtypes are not supported yet: descr %s",
                src_text(txt, sizeof txt, d));
        return -1;
    }
    if ((d->kind != PV_STR && d->kind != PV_BYTES) || d->slong || strlen(d->s) != d->slen) {
        nd__err(ND_ERR_VALUE, "descr is not a valid dtype descriptor: %s", src_text(txt, sizeof txt, d));
        return -1;
    }
    if (numpy_only_descr(d->s)) {
        const char *p = d->s + (strchr("<>=|!", d->s[0]) && d->s[0] ? 1 : 0);
        if (*p == 'O' || !strncmp(p, "object", 6))
            nd__err(ND_ERR_NOT_SUPPORTED, "descr %s is not supported: nd has no object dtype "
                    "(NumPy: Object arrays cannot be loaded when allow_pickle=False)", src_text(txt, sizeof txt, d));
        else
            nd__err(ND_ERR_NOT_SUPPORTED, "descr %s is not supported: nd has no such dtype",
                    src_text(txt, sizeof txt, d));
        return -1;
    }
    bool sw = false;
    const nd_dtype_t *dt = nd_dtype_parse_byteorder(d->s, &sw);
    if (!dt) {
        if (nd_error() == ND_ERR_MEMORY) return -1;
        nd__err(ND_ERR_VALUE, "descr is not a valid dtype descriptor: %s", src_text(txt, sizeof txt, d));
        return -1;
    }
    h->dtype = dt;
    h->swapped = sw;
    return 0;
}

/* The dict of a header: keys, then shape, fortran_order and descr, checked in
 * NumPy's order and with its messages. */
static int parse_header_dict(npy_header *h, const char *text, size_t len) {
    char rep[900];
    bool latin1 = h->major < 3;
    parser ps = { text, text + len, latin1, 0 };
    skip_ws(&ps);
    bool ok = ps.p < ps.end && *ps.p == '{';
    pval vals[3];
    bool seen[3] = { false, false, false };
    /* other keys, for the message */
    enum { MAXK = 16 };
    char other[MAXK][48];
    int nother = 0;
    if (ok) {
        /* walk the dict by hand to keep each key's value */
        ps.p++;
        bool comma = true;
        for (;;) {
            skip_ws(&ps);
            if (ps.p >= ps.end) { ok = false; break; }
            if (*ps.p == '}') { ps.p++; break; }
            if (!comma) { ok = false; break; }
            pval key, val;
            memset(&key, 0, sizeof key);
            memset(&val, 0, sizeof val);
            if (parse_value(&ps, &key) < 0) { ok = false; break; }
            skip_ws(&ps);
            if (ps.p >= ps.end || *ps.p != ':') { ok = false; break; }
            ps.p++;
            if (parse_value(&ps, &val) < 0) { ok = false; break; }
            skip_ws(&ps);
            comma = ps.p < ps.end && *ps.p == ',';
            if (comma) ps.p++;
            int k = -1;
            if (key.kind == PV_STR && !key.slong)
                for (int j = 0; j < 3; j++)
                    if (key.slen == strlen(expected_keys[j]) && !strcmp(key.s, expected_keys[j])) k = j;
            if (k >= 0) { vals[k] = val; seen[k] = true; continue; }
            if (nother < MAXK) {
                char t[48];
                if (key.kind == PV_STR && !key.slong) py_repr(t, sizeof t, (const unsigned char *)key.s, key.slen, REPR_STR_UTF8);
                else src_text(t, sizeof t, &key);
                bool dup = false;
                for (int j = 0; j < nother; j++) dup |= !strcmp(other[j], t);
                if (!dup) strcpy(other[nother++], t);
            }
        }
        if (ok) {
            skip_ws(&ps);
            if (ps.p != ps.end) ok = false;
        }
    }
    if (!ok) {
        /* not a dict literal: is it some other valid literal? */
        parser p2 = { text, text + len, latin1, 0 };
        pval any;
        memset(&any, 0, sizeof any);
        bool literal = parse_value(&p2, &any) == 0;
        if (literal) { skip_ws(&p2); literal = p2.p == p2.end; }
        if (literal && any.kind != PV_DICT) {
            char t[800];
            nd__err(ND_ERR_VALUE, "Header is not a dictionary: %s", src_text(t, sizeof t, &any));
        } else {
            py_repr(rep, sizeof rep, (const unsigned char *)text, len, latin1 ? REPR_STR_LATIN1 : REPR_STR_UTF8);
            nd__err(ND_ERR_VALUE, "Cannot parse header: %s", rep);
        }
        return -1;
    }
    if (!seen[0] || !seen[1] || !seen[2] || nother) {
        /* sorted key list, as NumPy prints it */
        const char *all[MAXK + 3];
        char known[3][24];
        int n = 0;
        for (int j = 0; j < 3; j++)
            if (seen[j]) { snprintf(known[j], sizeof known[j], "'%s'", expected_keys[j]); all[n++] = known[j]; }
        for (int j = 0; j < nother; j++) all[n++] = other[j];
        for (int a = 1; a < n; a++)
            for (int b = a; b > 0 && strcmp(all[b - 1], all[b]) > 0; b--) {
                const char *t = all[b]; all[b] = all[b - 1]; all[b - 1] = t;
            }
        size_t o = 0;
        o += (size_t)snprintf(rep + o, sizeof rep - o, "[");
        for (int j = 0; j < n && o < sizeof rep; j++)
            o += (size_t)snprintf(rep + o, sizeof rep - o, j ? ", %s" : "%s", all[j]);
        if (o < sizeof rep) snprintf(rep + o, sizeof rep - o, "]");
        nd__err(ND_ERR_VALUE, "Header does not contain the correct keys: %s", rep);
        return -1;
    }
    const pval *shape = &vals[2], *fortran = &vals[1], *descr = &vals[0];
    char t[800];
    if (shape->kind != PV_TUPLE || !shape->all_int) {
        nd__err(ND_ERR_VALUE, "shape is not valid: %s", src_text(t, sizeof t, shape));
        return -1;
    }
    if (fortran->kind != PV_BOOL) {
        nd__err(ND_ERR_VALUE, "fortran_order is not a valid bool: %s", src_text(t, sizeof t, fortran));
        return -1;
    }
    if (check_descr(h, descr) < 0) return -1;
    if (shape->n > ND_MAXDIMS) {
        nd__err(ND_ERR_VALUE, "maximum supported dimension for an ndarray is currently %d, found %d", ND_MAXDIMS, shape->n);
        return -1;
    }
    h->ndim = shape->n;
    for (int j = 0; j < shape->n; j++) {
        if (shape->items[j] < 0) { nd__err(ND_ERR_VALUE, "negative dimensions are not allowed"); return -1; }
        h->shape[j] = shape->items[j];
    }
    if (shape->items_big > 0) {
        nd__err(ND_ERR_VALUE, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
        return -1;
    }
    h->fortran = fortran->i != 0;
    return 0;
}

/* Magic, version, header length and header dict.  On success h->dtype is owned. */
static int read_header(npy_in *in, npy_header *h) {
    unsigned char magic[NPY_MAGIC_LEN];
    if (in_exact(in, magic, NPY_MAGIC_LEN, "magic string", NPY_MAGIC_LEN, 0) < 0) return -1;
    if (memcmp(magic, NPY_MAGIC, 6) != 0) {
        char got[64];
        py_repr(got, sizeof got, magic, 6, REPR_BYTES);
        nd__err(ND_ERR_VALUE, "the magic string is not correct; expected b'\\x93NUMPY', got %s", got);
        return -1;
    }
    h->major = magic[6];
    h->minor = magic[7];
    if (!((h->major == 1 || h->major == 2 || h->major == 3) && h->minor == 0)) {
        nd__err(ND_ERR_VALUE, "we only support format version (1,0), (2,0), and (3,0), not (%d, %d)",
                h->major, h->minor);
        return -1;
    }
    unsigned char lenb[4] = { 0, 0, 0, 0 };
    size_t nlen = h->major == 1 ? 2 : 4;
    if (in_exact(in, lenb, nlen, "array header length", nlen, 0) < 0) return -1;
    uint64_t hlen = (uint64_t)lenb[0] | (uint64_t)lenb[1] << 8 | (uint64_t)lenb[2] << 16 | (uint64_t)lenb[3] << 24;
    char *text = in_read_alloc(in, hlen, "array header");
    if (!text) return -1;
    int r = parse_header_dict(h, text, (size_t)hlen);
    nd__dealloc(text);
    return r;
}

/* ================================================================ loading */

/* Byte-swap every `unit`-byte group of a contiguous buffer. */
static void swap_units(char *p, int64_t nbytes, int unit) {
    switch (unit) {
    case 2:
        for (int64_t k = 0; k + 2 <= nbytes; k += 2) {
            uint16_t v; memcpy(&v, p + k, 2); v = __builtin_bswap16(v); memcpy(p + k, &v, 2);
        }
        break;
    case 4:
        for (int64_t k = 0; k + 4 <= nbytes; k += 4) {
            uint32_t v; memcpy(&v, p + k, 4); v = __builtin_bswap32(v); memcpy(p + k, &v, 4);
        }
        break;
    case 8:
        for (int64_t k = 0; k + 8 <= nbytes; k += 8) {
            uint64_t v; memcpy(&v, p + k, 8); v = __builtin_bswap64(v); memcpy(p + k, &v, 8);
        }
        break;
    default:
        break;
    }
}

static nd_array *load(npy_in *in) {
    npy_header h;
    memset(&h, 0, sizeof h);
    if (read_header(in, &h) < 0) return NULL;
    const nd_dtype_t *dt = h.dtype;
    nd_array *a = NULL;
    int64_t size = nd__shape_size(h.ndim, h.shape), nbytes = 0;
    if (size < 0) goto done;
    if (!nd__mul_ok(size, dt->itemsize, &nbytes)) {
        nd__err(ND_ERR_VALUE, "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
        goto done;
    }
    if (in->avail >= 0 && nbytes > in->avail) {
        nd__err(ND_ERR_VALUE, "EOF: reading array data, expected %lld bytes got %lld",
                (long long)nbytes, (long long)in->avail);
        goto done;
    }
    if (in->avail >= 0 || nbytes <= NPY_DIRECT_MAX) {
        a = nd__new(dt, h.ndim, h.shape, h.fortran ? 'F' : 'C', false);
        if (!a) goto done;
        if (in_exact(in, a->data, (size_t)nbytes, "array data", (uint64_t)nbytes, 0) < 0) {
            nd_free(a);
            a = NULL;
            goto done;
        }
    } else {
        /* size unknown and large: read first, so a short stream cannot make us
         * allocate what it does not hold */
        char *tmp = in_read_alloc(in, (uint64_t)nbytes, "array data");
        if (!tmp) goto done;
        a = nd__new(dt, h.ndim, h.shape, h.fortran ? 'F' : 'C', false);
        if (a) memcpy(a->data, tmp, (size_t)nbytes);
        nd__dealloc(tmp);
        if (!a) goto done;
    }
    if (h.swapped) {
        int unit = dt->kind == 'c' ? (int)(dt->itemsize / 2) : dt->kind == 'U' ? 4 : (int)dt->itemsize;
        swap_units(a->data, nbytes, unit);
    }
    if (dt->kind == 'b')  /* a NumPy bool is 0 or 1; keep nd's kernels on that footing */
        for (int64_t k = 0; k < nbytes; k++) a->data[k] = a->data[k] != 0;
done:
    nd_dtype_free(dt);
    return a;
}

nd_array *nd_load_buffer(const void *buf, size_t nbytes) {
    if (!buf && nbytes) return nd__err(ND_ERR_VALUE, "buffer must not be NULL");
    npy_in in = { .buf = buf, .len = nbytes, .avail = (int64_t)(nbytes > INT64_MAX ? INT64_MAX : nbytes) };
    return load(&in);
}

nd_array *nd_load_file(FILE *f) {
    if (!f) return nd__err(ND_ERR_VALUE, "file must not be NULL");
    npy_in in = { .f = f, .avail = stream_avail(f) };
    return load(&in);
}

nd_array *nd_load(const char *path) {
    if (!path) return nd__err(ND_ERR_VALUE, "path must not be NULL");
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return io_errno(EISDIR, path);
    FILE *f = fopen(path, "rb");
    if (!f) return io_errno(errno, path);
    nd_array *a = nd_load_file(f);
    fclose(f);
    return a;
}

/* ================================================================ saving */

typedef struct npy_out {
    FILE *f;               /* a stream, or */
    char *mem;             /* a buffer big enough for everything */
    size_t len;
    char *stage;           /* stream: small writes gather here */
    size_t slen, scap;
    int err;               /* errno of the first failed write */
} npy_out;

static int out_flush(npy_out *o) {
    if (o->f && o->slen) {
        if (fwrite(o->stage, 1, o->slen, o->f) != o->slen) { o->err = errno ? errno : EIO; return -1; }
        o->slen = 0;
    }
    return 0;
}

static int out_put(npy_out *o, const void *p, size_t n) {
    if (!n) return 0;
    if (o->mem) { memcpy(o->mem + o->len, p, n); o->len += n; return 0; }
    if (o->stage && n <= o->scap) {
        if (o->slen + n > o->scap && out_flush(o) < 0) return -1;
        memcpy(o->stage + o->slen, p, n);
        o->slen += n;
        return 0;
    }
    if (out_flush(o) < 0) return -1;
    if (fwrite(p, 1, n, o->f) != n) { o->err = errno ? errno : EIO; return -1; }
    o->len += n;
    return 0;
}

/* The header bytes np.save writes for a: magic, version, length, dict, padding.
 * Returns its length (<= cap), or 0 on error. */
static size_t make_header(const nd_array *a, bool fortran, char *out, size_t cap) {
    char dict[64 * 24 + 128];
    size_t n = 0;
    n += (size_t)snprintf(dict + n, sizeof dict - n, "{'descr': '%s', 'fortran_order': %s, 'shape': (",
                          a->dtype->str, fortran ? "True" : "False");
    for (int i = 0; i < a->ndim; i++)
        n += (size_t)snprintf(dict + n, sizeof dict - n, i ? ", %lld" : "%lld", (long long)a->shape[i]);
    n += (size_t)snprintf(dict + n, sizeof dict - n, a->ndim == 1 ? ",), }" : "), }");
    if (a->ndim > 0) {
        /* room to grow the axis appended along without rewriting the file */
        char num[24];
        int digits = snprintf(num, sizeof num, "%lld", (long long)a->shape[fortran ? a->ndim - 1 : 0]);
        for (int k = digits; k < NPY_GROWTH_DIGITS; k++) dict[n++] = ' ';
    }
    size_t hlen = n + 1;  /* with the final newline */
    int version = 1;
    size_t pre = NPY_MAGIC_LEN + 2;
    size_t pad = NPY_ALIGN - (pre + hlen) % NPY_ALIGN;
    if (hlen + pad > 65535) {
        version = 2;
        pre = NPY_MAGIC_LEN + 4;
        pad = NPY_ALIGN - (pre + hlen) % NPY_ALIGN;
    }
    size_t total = pre + hlen + pad;
    if (total > cap) return 0;
    size_t len = hlen + pad;
    memcpy(out, NPY_MAGIC, 6);
    out[6] = (char)version;
    out[7] = 0;
    for (size_t k = 0; k < pre - NPY_MAGIC_LEN; k++) out[NPY_MAGIC_LEN + k] = (char)((len >> (8 * k)) & 0xff);
    memcpy(out + pre, dict, n);
    memset(out + pre + n, ' ', pad);
    out[total - 1] = '\n';
    return total;
}

#define NPY_HEADER_CAP (64 * 24 + 128 + 64 + 16)

typedef struct npy_walk { npy_out *o; size_t itemsize; } npy_walk;

static int copy_loop(char **ptrs, int64_t n, const int64_t *strides, void *ud) {
    npy_walk *w = ud;
    size_t isz = w->itemsize;
    if (strides[0] == (int64_t)isz) return out_put(w->o, ptrs[0], (size_t)n * isz);
    for (int64_t k = 0; k < n; k++)
        if (out_put(w->o, ptrs[0] + k * strides[0], isz) < 0) return -1;
    return 0;
}

/* np.save's rule: Fortran order only for arrays that are not also C-contiguous. */
static bool save_fortran(const nd_array *a) { return nd_is_f_contiguous(a) && !nd_is_c_contiguous(a); }

static bool check_savable(const nd_array *a) {
    if (!a) { nd__err(ND_ERR_VALUE, "array must not be NULL"); return false; }
    if (a->dtype->nfields || a->dtype->sub_ndim) {
        nd__err(ND_ERR_NOT_SUPPORTED, "saving structured dtypes to .npy is not supported yet");
        return false;
    }
    return true;
}

/* Header and data into o.  The non-contiguous copy goes through the iterator. */
static int write_npy(npy_out *o, const nd_array *a) {
    bool c = nd_is_c_contiguous(a), f = nd_is_f_contiguous(a);
    char head[NPY_HEADER_CAP];
    size_t hn = make_header(a, save_fortran(a), head, sizeof head);
    if (!hn) { nd__err(ND_ERR_VALUE, "header too long"); return -1; }
    if (out_put(o, head, hn) < 0) goto ioerr;
    int64_t nbytes = nd_nbytes(a);
    if (nbytes > 0) {
        if (c || f) {
            if (out_put(o, a->data, (size_t)nbytes) < 0) goto ioerr;
        } else {
            npy_walk w = { o, (size_t)a->dtype->itemsize };
            if (nd__iter_run(1, (const nd_array *const[]){ a }, true, copy_loop, &w) < 0) {
                if (o->err) goto ioerr;
                return -1;
            }
        }
    }
    if (out_flush(o) < 0) goto ioerr;
    return 0;
ioerr:
    io_errno(o->err ? o->err : EIO, NULL);
    return -1;
}

int nd_save_file(FILE *f, const nd_array *a) {
    if (!f) return nd_error_set(ND_ERR_VALUE, "file must not be NULL");
    if (!check_savable(a)) return -1;
    npy_out o = { .f = f };
    bool staged = !nd_is_c_contiguous(a) && !nd_is_f_contiguous(a);
    if (staged) {
        o.scap = NPY_STAGE;
        o.stage = nd__malloc(o.scap);
        if (!o.stage) { nd__nomem(); return -1; }
    }
    errno = 0;
    int r = write_npy(&o, a);
    if (o.stage) nd__free(o.stage, o.scap);
    return r;
}

void *nd_save_buffer(const nd_array *a, int64_t *nbytes) {
    if (!check_savable(a)) return NULL;
    if (!nbytes) return nd__err(ND_ERR_VALUE, "nbytes must not be NULL");
    char head[NPY_HEADER_CAP];
    size_t hn = make_header(a, save_fortran(a), head, sizeof head);
    int64_t total;
    if (!hn || !nd__add_ok(nd_nbytes(a), (int64_t)hn, &total) || (uint64_t)total >= SIZE_MAX)
        return nd__nomem();
    npy_out o = { .mem = nd__alloc((size_t)total) };
    if (!o.mem) return NULL;
    if (write_npy(&o, a) < 0) { nd__dealloc(o.mem); return NULL; }
    *nbytes = (int64_t)o.len;
    return o.mem;
}

int nd_save(const char *path, const nd_array *a) {
    if (!path) return nd_error_set(ND_ERR_VALUE, "path must not be NULL");
    if (!check_savable(a)) return -1;
    size_t n = strlen(path);
    bool ext = n >= 4 && !strcmp(path + n - 4, ".npy");
    char *full = nd__alloc(n + 5);
    if (!full) return -1;
    memcpy(full, path, n);
    memcpy(full + n, ext ? "" : ".npy", ext ? 1 : 5);
    FILE *f = fopen(full, "wb");
    if (!f) {
        io_errno(errno, full);
        nd__dealloc(full);
        return -1;
    }
    int r = nd_save_file(f, a);
    errno = 0;
    if (fclose(f) != 0 && r == 0) r = (io_errno(errno ? errno : EIO, full), -1);
    nd__dealloc(full);
    return r;
}
