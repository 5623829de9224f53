/* The dtype descriptors: one traits table for the built-in types, constructors for
 * the flexible ones (S, U), parsing of NumPy's dtype spellings, and queries. */
#include "core/internal.h"

#include <ctype.h>
#include <stdlib.h>

#define BUILTIN(T, kind_, code_, size_, name_, str_) \
    { .type = T, .kind = kind_, .code = code_, .alignment = size_, .itemsize = size_, \
      .refcount = -1, .name = name_, .str = str_ }

const struct nd_dtype_t nd_dtype_bool_ = BUILTIN(ND_TYPE_BOOL, 'b', '?', 1, "bool", "|b1");
const struct nd_dtype_t nd_dtype_int8_ = BUILTIN(ND_TYPE_INT8, 'i', 'b', 1, "int8", "|i1");
const struct nd_dtype_t nd_dtype_int16_ = BUILTIN(ND_TYPE_INT16, 'i', 'h', 2, "int16", "<i2");
const struct nd_dtype_t nd_dtype_int32_ = BUILTIN(ND_TYPE_INT32, 'i', 'i', 4, "int32", "<i4");
const struct nd_dtype_t nd_dtype_int64_ = BUILTIN(ND_TYPE_INT64, 'i', 'l', 8, "int64", "<i8");
const struct nd_dtype_t nd_dtype_uint8_ = BUILTIN(ND_TYPE_UINT8, 'u', 'B', 1, "uint8", "|u1");
const struct nd_dtype_t nd_dtype_uint16_ = BUILTIN(ND_TYPE_UINT16, 'u', 'H', 2, "uint16", "<u2");
const struct nd_dtype_t nd_dtype_uint32_ = BUILTIN(ND_TYPE_UINT32, 'u', 'I', 4, "uint32", "<u4");
const struct nd_dtype_t nd_dtype_uint64_ = BUILTIN(ND_TYPE_UINT64, 'u', 'L', 8, "uint64", "<u8");
const struct nd_dtype_t nd_dtype_float16_ = BUILTIN(ND_TYPE_FLOAT16, 'f', 'e', 2, "float16", "<f2");
const struct nd_dtype_t nd_dtype_float32_ = BUILTIN(ND_TYPE_FLOAT32, 'f', 'f', 4, "float32", "<f4");
const struct nd_dtype_t nd_dtype_float64_ = BUILTIN(ND_TYPE_FLOAT64, 'f', 'd', 8, "float64", "<f8");
/* complex alignment is that of its parts, as NumPy's */
const struct nd_dtype_t nd_dtype_complex64_ = { .type = ND_TYPE_COMPLEX64, .kind = 'c', .code = 'F',
    .alignment = 4, .itemsize = 8, .refcount = -1, .name = "complex64", .str = "<c8" };
const struct nd_dtype_t nd_dtype_complex128_ = { .type = ND_TYPE_COMPLEX128, .kind = 'c', .code = 'D',
    .alignment = 8, .itemsize = 16, .refcount = -1, .name = "complex128", .str = "<c16" };

static const nd_dtype_t *const builtins[] = {
    [ND_TYPE_BOOL] = &nd_dtype_bool_,
    [ND_TYPE_INT8] = &nd_dtype_int8_, [ND_TYPE_INT16] = &nd_dtype_int16_,
    [ND_TYPE_INT32] = &nd_dtype_int32_, [ND_TYPE_INT64] = &nd_dtype_int64_,
    [ND_TYPE_UINT8] = &nd_dtype_uint8_, [ND_TYPE_UINT16] = &nd_dtype_uint16_,
    [ND_TYPE_UINT32] = &nd_dtype_uint32_, [ND_TYPE_UINT64] = &nd_dtype_uint64_,
    [ND_TYPE_FLOAT16] = &nd_dtype_float16_, [ND_TYPE_FLOAT32] = &nd_dtype_float32_,
    [ND_TYPE_FLOAT64] = &nd_dtype_float64_,
    [ND_TYPE_COMPLEX64] = &nd_dtype_complex64_, [ND_TYPE_COMPLEX128] = &nd_dtype_complex128_,
};
_Static_assert(sizeof builtins / sizeof *builtins == ND_TYPE_COMPLEX128 + 1, "one entry per numeric type");

const nd_dtype_t *nd_dtype_from_type(nd_type t) {
    if ((unsigned)t > ND_TYPE_COMPLEX128) return nd__err(ND_ERR_TYPE, "not a numeric dtype");
    return builtins[t];
}

/* S<n>, U<n>, V<n> */
static const nd_dtype_t *flexible(nd_type t, int64_t n) {
    if (n < 0) return nd__err(ND_ERR_VALUE, "dtype width must be non-negative");
    int64_t unit = t == ND_TYPE_STR ? 4 : 1;
    if (n > INT32_MAX / unit) return nd__err(ND_ERR_VALUE, "dtype width %lld is too large", (long long)n);
    struct nd_dtype_t *d = nd__calloc(1, sizeof *d);
    if (!d) return NULL;
    d->type = t;
    d->itemsize = n * unit;
    d->alignment = (int)unit;
    atomic_init(&d->refcount, 1);
    if (t == ND_TYPE_BYTES) {
        d->kind = d->code = 'S';
        snprintf(d->name, sizeof d->name, "bytes%lld", (long long)(8 * d->itemsize));
        snprintf(d->str, sizeof d->str, "|S%lld", (long long)n);
    } else if (t == ND_TYPE_STR) {
        d->kind = d->code = 'U';
        snprintf(d->name, sizeof d->name, "str%lld", (long long)(8 * d->itemsize));
        snprintf(d->str, sizeof d->str, "<U%lld", (long long)n);
    } else {
        d->kind = d->code = 'V';
        snprintf(d->name, sizeof d->name, "void%lld", (long long)(8 * d->itemsize));
        snprintf(d->str, sizeof d->str, "|V%lld", (long long)n);
    }
    return d;
}

const nd_dtype_t *nd_dtype_bytes(int64_t n) { return flexible(ND_TYPE_BYTES, n); }
const nd_dtype_t *nd_dtype_str(int64_t n) { return flexible(ND_TYPE_STR, n); }

const nd_dtype_t *nd_dtype_ref(const nd_dtype_t *d) {
    if (d && atomic_load(&d->refcount) >= 0) atomic_fetch_add((atomic_long *)&d->refcount, 1);
    return d;
}

void nd_dtype_free(const nd_dtype_t *d) {
    if (!d || atomic_load(&d->refcount) < 0) return;
    if (atomic_fetch_sub((atomic_long *)&d->refcount, 1) != 1) return;
    struct nd_dtype_t *m = (struct nd_dtype_t *)d;
    for (int i = 0; i < m->nfields; i++) {
        nd__dealloc(m->fields[i].name);
        nd_dtype_free(m->fields[i].dtype);
    }
    nd__dealloc(m->fields);
    nd_dtype_free(m->sub_base);
    nd__dealloc(m->sub_shape);
    nd__free(m, sizeof *m);
}

/* ---------------------------------------------------------------- parsing */

static const struct { const char *name; nd_type t; } aliases[] = {
    { "bool", ND_TYPE_BOOL }, { "bool_", ND_TYPE_BOOL }, { "?", ND_TYPE_BOOL }, { "b1", ND_TYPE_BOOL },
    { "int8", ND_TYPE_INT8 }, { "i1", ND_TYPE_INT8 }, { "b", ND_TYPE_INT8 }, { "byte", ND_TYPE_INT8 },
    { "int16", ND_TYPE_INT16 }, { "i2", ND_TYPE_INT16 }, { "h", ND_TYPE_INT16 }, { "short", ND_TYPE_INT16 },
    { "int32", ND_TYPE_INT32 }, { "i4", ND_TYPE_INT32 }, { "i", ND_TYPE_INT32 }, { "intc", ND_TYPE_INT32 },
    { "int64", ND_TYPE_INT64 }, { "i8", ND_TYPE_INT64 }, { "l", ND_TYPE_INT64 }, { "q", ND_TYPE_INT64 },
    { "p", ND_TYPE_INT64 }, { "int", ND_TYPE_INT64 }, { "int_", ND_TYPE_INT64 }, { "intp", ND_TYPE_INT64 },
    { "long", ND_TYPE_INT64 }, { "longlong", ND_TYPE_INT64 },
    { "uint8", ND_TYPE_UINT8 }, { "u1", ND_TYPE_UINT8 }, { "B", ND_TYPE_UINT8 }, { "ubyte", ND_TYPE_UINT8 },
    { "uint16", ND_TYPE_UINT16 }, { "u2", ND_TYPE_UINT16 }, { "H", ND_TYPE_UINT16 }, { "ushort", ND_TYPE_UINT16 },
    { "uint32", ND_TYPE_UINT32 }, { "u4", ND_TYPE_UINT32 }, { "I", ND_TYPE_UINT32 }, { "uintc", ND_TYPE_UINT32 },
    { "uint64", ND_TYPE_UINT64 }, { "u8", ND_TYPE_UINT64 }, { "L", ND_TYPE_UINT64 }, { "Q", ND_TYPE_UINT64 },
    { "P", ND_TYPE_UINT64 }, { "uint", ND_TYPE_UINT64 }, { "uintp", ND_TYPE_UINT64 },
    { "ulong", ND_TYPE_UINT64 }, { "ulonglong", ND_TYPE_UINT64 },
    { "float16", ND_TYPE_FLOAT16 }, { "f2", ND_TYPE_FLOAT16 }, { "e", ND_TYPE_FLOAT16 }, { "half", ND_TYPE_FLOAT16 },
    { "float32", ND_TYPE_FLOAT32 }, { "f4", ND_TYPE_FLOAT32 }, { "f", ND_TYPE_FLOAT32 }, { "single", ND_TYPE_FLOAT32 },
    { "float64", ND_TYPE_FLOAT64 }, { "f8", ND_TYPE_FLOAT64 }, { "d", ND_TYPE_FLOAT64 }, { "double", ND_TYPE_FLOAT64 },
    { "float", ND_TYPE_FLOAT64 }, { "float_", ND_TYPE_FLOAT64 },
    { "complex64", ND_TYPE_COMPLEX64 }, { "c8", ND_TYPE_COMPLEX64 }, { "F", ND_TYPE_COMPLEX64 },
    { "csingle", ND_TYPE_COMPLEX64 },
    { "complex128", ND_TYPE_COMPLEX128 }, { "c16", ND_TYPE_COMPLEX128 }, { "D", ND_TYPE_COMPLEX128 },
    { "complex", ND_TYPE_COMPLEX128 }, { "cdouble", ND_TYPE_COMPLEX128 }, { "complex_", ND_TYPE_COMPLEX128 },
};

static const nd_dtype_t *parse(const char *text, bool *swapped) {
    if (!text) return nd__err(ND_ERR_TYPE, "data type must not be NULL");
    const char *s = text;
    bool sw = false;
    if (*s == '<' || *s == '=' || *s == '|') s++;
    else if (*s == '>' || *s == '!') { s++; sw = true; }
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
        if (strcmp(s, aliases[i].name) == 0) {
            const nd_dtype_t *d = builtins[aliases[i].t];
            if (swapped) *swapped = sw && d->itemsize > 1;
            return d;
        }
    /* S<n>, a<n>, U<n>, V<n>, and the words str / bytes */
    nd_type t;
    const char *num = s + 1;
    if (strcmp(s, "str") == 0 || strcmp(s, "unicode") == 0) { t = ND_TYPE_STR; num = ""; }
    else if (strcmp(s, "bytes") == 0 || strcmp(s, "bytes_") == 0) { t = ND_TYPE_BYTES; num = ""; }
    else if (*s == 'S' || *s == 'a') t = ND_TYPE_BYTES;
    else if (*s == 'U') t = ND_TYPE_STR;
    else if (*s == 'V') t = ND_TYPE_VOID;
    else return nd__err(ND_ERR_TYPE, "data type '%s' not understood", text);
    int64_t n = 0;
    for (const char *p = num; *p; p++) {
        if (!isdigit((unsigned char)*p) || n > INT32_MAX)
            return nd__err(ND_ERR_TYPE, "data type '%s' not understood", text);
        n = n * 10 + (*p - '0');
    }
    if (t == ND_TYPE_VOID && !*num) return nd__err(ND_ERR_TYPE, "data type '%s' not understood", text);
    if (swapped) *swapped = sw && t == ND_TYPE_STR;
    return flexible(t, n);
}

const nd_dtype_t *nd_dtype_parse(const char *text) { return parse(text, NULL); }

const nd_dtype_t *nd_dtype_parse_byteorder(const char *text, bool *swapped) {
    bool sw = false;
    const nd_dtype_t *d = parse(text, &sw);
    if (swapped) *swapped = sw;
    return d;
}

/* ---------------------------------------------------------------- queries */

nd_type nd_dtype_type(const nd_dtype_t *d) { return d ? d->type : ND_NTYPES; }
const char *nd_dtype_name(const nd_dtype_t *d) { return d ? d->name : ""; }
char nd_dtype_kind(const nd_dtype_t *d) { return d ? d->kind : 0; }
char nd_dtype_char(const nd_dtype_t *d) { return d ? d->code : 0; }
int64_t nd_dtype_itemsize(const nd_dtype_t *d) { return d ? d->itemsize : 0; }
int nd_dtype_alignment(const nd_dtype_t *d) { return d ? d->alignment : 0; }
const char *nd_dtype_str_repr(const nd_dtype_t *d) { return d ? d->str : ""; }

bool nd_dtype_equal(const nd_dtype_t *a, const nd_dtype_t *b) {
    if (a == b) return true;
    if (!a || !b || a->type != b->type || a->itemsize != b->itemsize) return false;
    if (a->nfields != b->nfields || a->sub_ndim != b->sub_ndim) return false;
    for (int i = 0; i < a->nfields; i++)
        if (strcmp(a->fields[i].name, b->fields[i].name) != 0 || a->fields[i].offset != b->fields[i].offset ||
            !nd_dtype_equal(a->fields[i].dtype, b->fields[i].dtype))
            return false;
    if (a->sub_ndim) {
        if (!nd_dtype_equal(a->sub_base, b->sub_base)) return false;
        for (int i = 0; i < a->sub_ndim; i++)
            if (a->sub_shape[i] != b->sub_shape[i]) return false;
    }
    return true;
}

bool nd_dtype_is_bool(const nd_dtype_t *d) { return d && d->kind == 'b'; }
bool nd_dtype_is_signed(const nd_dtype_t *d) { return d && d->kind == 'i'; }
bool nd_dtype_is_unsigned(const nd_dtype_t *d) { return d && d->kind == 'u'; }
bool nd_dtype_is_integer(const nd_dtype_t *d) { return d && (d->kind == 'i' || d->kind == 'u'); }
bool nd_dtype_is_float(const nd_dtype_t *d) { return d && d->kind == 'f'; }
bool nd_dtype_is_complex(const nd_dtype_t *d) { return d && d->kind == 'c'; }
bool nd_dtype_is_number(const nd_dtype_t *d) { return d && strchr("iufc", d->kind) && d->kind; }
bool nd_dtype_is_flexible(const nd_dtype_t *d) { return d && d->type >= ND_TYPE_BYTES && d->type < ND_NTYPES; }
