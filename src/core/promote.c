/* Promotion and casting rules: np.can_cast, np.promote_types, np.result_type.
 *
 * The numeric rules are derived from each type's kind and size rather than kept as a
 * 14x14 table: "safe" means every value of the source is exactly representable in the
 * target, which for integers into floats means fitting in the mantissa (8-bit ints
 * fit float16, 16-bit ints float32, wider ones float64 -- NumPy counts int64 -> float64
 * as safe too).  Promotion picks the first candidate in size order that both inputs
 * cast to safely.  String rules (NumPy's string-cast resolvers, unchanged in 2.x):
 * number -> S/U is safe when the string is wide enough for any value (bool 5, uint by
 * size 3/5/10/20, int one more for the sign, float 32, complex 64), same_kind otherwise;
 * S/U -> number is unsafe; S -> U is safe when wide enough; U -> S is unsafe;
 * a shorter string of the same kind is same_kind.  Width 0 means NumPy's unsized
 * 'S'/'U' and matches any width.  Numbers and strings still promote to strings in
 * NumPy 2 (the common DType of a number and S/U is S/U), so promote_types(int64, S5)
 * is S21; only void has no common type with others. */
#include "core/internal.h"

#include <stdio.h>

static int kind_rank(const nd_dtype_t *d)
{
    switch (d->kind) {
    case 'b': return 0;
    case 'u': return 1;
    case 'i': return 2;
    case 'f': return 3;
    case 'c': return 4;
    default: return 5;
    }
}

/* Bytes of mantissa-equivalent size: a complex counts as its component float. */
static int64_t float_size(const nd_dtype_t *d) { return d->kind == 'c' ? d->itemsize / 2 : d->itemsize; }

static bool numeric_safe(const nd_dtype_t *a, const nd_dtype_t *b)
{
    if (a->type == b->type || a->kind == 'b')
        return true;
    int64_t s = a->itemsize, t = b->itemsize;
    switch (b->kind) {
    case 'b':
        return false;
    case 'u':
        return a->kind == 'u' && t >= s;
    case 'i':
        return (a->kind == 'u' && t > s) || (a->kind == 'i' && t >= s);
    case 'f':
    case 'c': {
        int64_t ft = float_size(b);
        if (a->kind == 'u' || a->kind == 'i')
            return s == 1 ? ft >= 2 : s == 2 ? ft >= 4 : ft >= 8;
        if (a->kind == 'f')
            return ft >= s;
        return b->kind == 'c' && t >= s; /* complex only into wider complex */
    }
    default:
        return false;
    }
}

static bool is_string(const nd_dtype_t *d) { return d->type == ND_TYPE_BYTES || d->type == ND_TYPE_STR; }
static int64_t str_width(const nd_dtype_t *d) { return d->type == ND_TYPE_STR ? d->itemsize / 4 : d->itemsize; }

/* Characters NumPy reserves for any value of a number converted to text. */
static int64_t required_width(const nd_dtype_t *d)
{
    static const int64_t by_size[9] = { 0, 3, 5, 0, 10, 0, 0, 0, 20 };
    switch (d->kind) {
    case 'b': return 5;
    case 'u': return by_size[d->itemsize];
    case 'i': return by_size[d->itemsize] + 1;
    case 'f': return 32;
    case 'c': return 64;
    case 'S': return d->itemsize;
    case 'U': return d->itemsize / 4;
    default: return d->itemsize;
    }
}

/* The least casting level that allows from -> to (ND_CASTING_NO ... UNSAFE). */
static nd_casting cast_level(const nd_dtype_t *from, const nd_dtype_t *to)
{
    if (nd_dtype_equal(from, to))
        return ND_CASTING_NO;
    if (nd__is_numeric(from) && nd__is_numeric(to)) {
        if (numeric_safe(from, to))
            return ND_CASTING_SAFE;
        return kind_rank(from) <= kind_rank(to) ? ND_CASTING_SAME_KIND : ND_CASTING_UNSAFE;
    }
    if (is_string(to) && (nd__is_numeric(from) || is_string(from))) {
        if (from->type == ND_TYPE_STR && to->type == ND_TYPE_BYTES)
            return ND_CASTING_UNSAFE;
        int64_t need = required_width(from), have = str_width(to);
        if (have == 0)               /* unsized: whatever width is needed */
            have = need;
        if (from->type == to->type && have == need)
            return ND_CASTING_NO;
        return have >= need ? ND_CASTING_SAFE : ND_CASTING_SAME_KIND;
    }
    if (from->type == ND_TYPE_VOID && to->type == ND_TYPE_VOID && from->nfields == 0 &&
        to->nfields == 0)
        return from->itemsize <= to->itemsize ? ND_CASTING_SAFE : ND_CASTING_UNSAFE;
    return ND_CASTING_UNSAFE;
}

bool nd_can_cast(const nd_dtype_t *from, const nd_dtype_t *to, nd_casting casting)
{
    if (!from || !to)
        return false;
    if (casting == ND_CASTING_DEFAULT)
        casting = ND_CASTING_SAFE;
    return cast_level(from, to) <= casting;
}

/* NumPy 2's name of a dtype's DType class, as its promotion errors print it. */
static const char *dtype_class_name(const nd_dtype_t *d)
{
    static const char *const names[ND_NTYPES] = {
        "BoolDType", "Int8DType", "Int16DType", "Int32DType", "Int64DType",
        "UInt8DType", "UInt16DType", "UInt32DType", "UInt64DType",
        "Float16DType", "Float32DType", "Float64DType", "Complex64DType", "Complex128DType",
        "BytesDType", "StrDType", "VoidDType" };
    return (unsigned)d->type < ND_NTYPES ? names[d->type] : "VoidDType";
}

static void *no_common(const nd_dtype_t *a, const nd_dtype_t *b)
{
    return nd__err(ND_ERR_TYPE, "The DTypes <class 'numpy.dtypes.%s'> and <class "
                   "'numpy.dtypes.%s'> do not have a common DType. For example they cannot "
                   "be stored in a single array unless the dtype is `object`.",
                   dtype_class_name(a), dtype_class_name(b));
}

static const nd_dtype_t *numeric_promote(const nd_dtype_t *a, const nd_dtype_t *b)
{
    /* candidates in the order NumPy's table prefers: smallest first */
    static const nd_type order[] = {
        ND_TYPE_BOOL, ND_TYPE_UINT8, ND_TYPE_INT8, ND_TYPE_UINT16, ND_TYPE_INT16,
        ND_TYPE_FLOAT16, ND_TYPE_UINT32, ND_TYPE_INT32, ND_TYPE_FLOAT32, ND_TYPE_UINT64,
        ND_TYPE_INT64, ND_TYPE_FLOAT64, ND_TYPE_COMPLEX64, ND_TYPE_COMPLEX128 };
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        const nd_dtype_t *c = nd_dtype_from_type(order[k]);
        if (c && numeric_safe(a, c) && numeric_safe(b, c))
            return c;
    }
    return ND_COMPLEX128; /* not reached: complex128 holds every number */
}

static bool promotable(const nd_dtype_t *d) { return nd__is_numeric(d) || is_string(d); }

/* The common dtype of n dtypes (n >= 1, all numeric or string), NumPy 2's way: the
 * common class first, then for strings the widest width any input needs. */
static const nd_dtype_t *promote_n(int n, const nd_dtype_t *const *d)
{
    for (int k = 0; k < n; k++) {
        if (!promotable(d[k]) || d[k]->type == ND_TYPE_VOID) {
            for (int j = 0; j < n; j++)
                if (j != k && !nd_dtype_equal(d[j], d[k]))
                    return no_common(d[j < k ? j : k], d[j < k ? k : j]);
            return nd_dtype_ref(d[0]); /* all the same void */
        }
    }
    nd_type string = ND_NTYPES;
    for (int k = 0; k < n; k++)
        if (d[k]->type == ND_TYPE_STR || (d[k]->type == ND_TYPE_BYTES && string != ND_TYPE_STR))
            string = d[k]->type;
    if (string == ND_NTYPES) {
        /* NumPy's sequence promotion: the "most knowledgeable" dtype (highest legacy
         * type number; float16 is last of all) promotes with each of the others and
         * those results are combined.  Not a left fold: (int8, uint16, float16) gives
         * float32, where ((int8+uint16)+float16) would give float64. */
        static const int type_num[] = { 0, 1, 3, 5, 7, 2, 4, 6, 8, 23, 11, 12, 14, 15 };
        const nd_dtype_t *main = d[0];
        for (int k = 1; k < n; k++)
            if (type_num[d[k]->type] > type_num[main->type])
                main = d[k];
        const nd_dtype_t *r = main;
        for (int k = 0; k < n; k++)
            r = numeric_promote(r, numeric_promote(main, d[k]));
        return r;
    }
    int64_t width = 0;
    for (int k = 0; k < n; k++) {
        int64_t w = required_width(d[k]);
        if (w > width)
            width = w;
    }
    return string == ND_TYPE_STR ? nd_dtype_str(width) : nd_dtype_bytes(width);
}

const nd_dtype_t *nd_promote_types(const nd_dtype_t *a, const nd_dtype_t *b)
{
    if (!a || !b)
        return nd__err(ND_ERR_TYPE, "promote_types: a dtype is NULL");
    const nd_dtype_t *both[2] = { a, b };
    return promote_n(2, both);
}

const nd_dtype_t *nd_result_type(int n, const nd_dtype_t *const *dtypes)
{
    if (n <= 0 || !dtypes)
        return nd__err(ND_ERR_VALUE, "at least one array or dtype is required");
    for (int k = 0; k < n; k++)
        if (!dtypes[k])
            return nd__err(ND_ERR_TYPE, "result_type: a dtype is NULL");
    return promote_n(n, dtypes);
}
