/* The ufunc engine: the built-in objects and their loop lists (from ufuncs.def),
 * NumPy 2's type resolution with NEP 50 weak scalars, output allocation, overlap
 * handling, and the execution: one iterator walk whose inner loops either go straight
 * to the kernel or, when an operand's dtype differs from the kernel's (or it is
 * unaligned), through small buffers cast chunk by chunk (ND__BUFSIZE elements). */
#include "ufunc/ufunc_internal.h"
#include "core/cast.h"

#include <pthread.h>
#include <stdio.h>

/* ------------------------------------------------------------ the objects */

struct nd_ufunc nd__ufuncs[ND__NUFUNCS] = {
#define X(name_, nin_, nout_, id_, flags_, kern_, loops_) \
    [ND__UF_##name_] = { .name = #name_, .nin = nin_, .nout = nout_, .identity = ND__ID_##id_, \
                         .flags = (flags_), .id = ND__UF_##name_ },
#define REORD ND__F_REORD
#define IDEMP ND__F_IDEMP
#define NOBOOL ND__F_NOBOOL
#include "ufunc/ufuncs.def"
#undef REORD
#undef IDEMP
#undef NOBOOL
#undef X
};

#define X(name, nin, nout, id, flags, kern, loops) \
    const nd_ufunc *const nd_ufunc_##name = &nd__ufuncs[ND__UF_##name];
#include "ufunc/ufuncs.def"
#undef X

static const char *const loop_specs[ND__NUFUNCS] = {
#define X(name, nin, nout, id, flags, kern, loops) [ND__UF_##name] = loops,
#include "ufunc/ufuncs.def"
#undef X
};

#define MAXLOOPS 24
static nd__uloop loop_store[ND__NUFUNCS][MAXLOOPS];
static pthread_once_t loops_once = PTHREAD_ONCE_INIT;
static bool loops_ok, loops_done;

static int type_of_char(char c) {
    static const char codes[] = "?bhilBHILefdFD";
    static const nd_type types[] = { ND_TYPE_BOOL, ND_TYPE_INT8, ND_TYPE_INT16, ND_TYPE_INT32, ND_TYPE_INT64,
                                     ND_TYPE_UINT8, ND_TYPE_UINT16, ND_TYPE_UINT32, ND_TYPE_UINT64,
                                     ND_TYPE_FLOAT16, ND_TYPE_FLOAT32, ND_TYPE_FLOAT64,
                                     ND_TYPE_COMPLEX64, ND_TYPE_COMPLEX128 };
    const char *p = strchr(codes, c);
    return c && p ? (int)types[p - codes] : -1;
}

static char char_of_type(nd_type t) {
    static const char codes[ND_NTYPES] = { '?', 'b', 'h', 'i', 'l', 'B', 'H', 'I', 'L', 'e', 'f', 'd', 'F', 'D', 'S', 'U', 'V' };
    return (unsigned)t < ND_NTYPES ? codes[t] : '?';
}

/* Fill in a loop's kernel types and function: float16 runs as float32; a loop whose
 * input type has no kernel runs in its output type (int -> double true_divide). */
static bool finish_loop(nd__uloop *l, int id, int nin, int nout) {
    bool half_kernel = nd__kernel(id, ND_TYPE_FLOAT16) != NULL; /* nextafter, spacing */
    for (int k = 0; k < nin + nout; k++)
        l->ktypes[k] = l->types[k] == ND_TYPE_FLOAT16 && !half_kernel ? ND_TYPE_FLOAT32 : l->types[k];
    l->fn = nd__kernel(id, l->ktypes[0]);
    if (!l->fn) {
        for (int k = 0; k < nin; k++) l->ktypes[k] = l->ktypes[nin];
        l->fn = nd__kernel(id, l->ktypes[0]);
    }
    int n = 0;
    for (int k = 0; k < nin; k++) l->sig[n++] = char_of_type(l->types[k]);
    l->sig[n++] = '-';
    l->sig[n++] = '>';
    for (int k = 0; k < nout; k++) l->sig[n++] = char_of_type(l->types[nin + k]);
    l->sig[n] = 0;
    return l->fn != NULL;
}

static void build_loops(void) {
    bool ok = true;
    for (int id = 0; id < ND__NUFUNCS; id++) {
        struct nd_ufunc *uf = &nd__ufuncs[id];
        const char *p = loop_specs[id];
        int nl = 0;
        while (*p) {
            while (*p == ' ') p++;
            const char *e = p;
            while (*e && *e != ' ') e++;
            const char *gt = memchr(p, '>', (size_t)(e - p)), *colon = memchr(p, ':', (size_t)(e - p));
            if (colon) { /* one explicit loop */
                nd__uloop *l = &loop_store[id][nl++];
                for (int k = 0; k < uf->nin; k++) l->types[k] = (nd_type)type_of_char(p[k]);
                for (int k = 0; k < uf->nout; k++) l->types[uf->nin + k] = (nd_type)type_of_char(colon[1 + k]);
                ok &= finish_loop(l, id, uf->nin, uf->nout);
            } else {
                for (const char *c = p; c < (gt ? gt : e) && nl < MAXLOOPS; c++) {
                    nd__uloop *l = &loop_store[id][nl++];
                    for (int k = 0; k < uf->nin; k++) l->types[k] = (nd_type)type_of_char(*c);
                    for (int k = 0; k < uf->nout; k++)
                        l->types[uf->nin + k] = (nd_type)type_of_char(gt ? gt[1] : *c);
                    ok &= finish_loop(l, id, uf->nin, uf->nout);
                }
            }
            p = e;
        }
        uf->loops = loop_store[id];
        uf->nloops = nl;
    }
    loops_ok = ok;
}

/* The least casting rule that allows each numeric cast (ND_CASTING_NO ...). */
unsigned char nd__cast_level[ND_TYPE_COMPLEX128 + 1][ND_TYPE_COMPLEX128 + 1];
static pthread_once_t cast_once = PTHREAD_ONCE_INIT;
static void build_cast_levels(void) {
    unsigned char lv[ND_TYPE_COMPLEX128 + 1][ND_TYPE_COMPLEX128 + 1];
    for (int i = 0; i <= ND_TYPE_COMPLEX128; i++)
        for (int j = 0; j <= ND_TYPE_COMPLEX128; j++) {
            int c = ND_CASTING_NO;
            while (c < ND_CASTING_UNSAFE && !nd_can_cast(nd__dt((nd_type)i), nd__dt((nd_type)j), (nd_casting)c)) c++;
            lv[i][j] = (unsigned char)c;
        }
    /* [0][0] (bool -> bool: "no") is nonzero, so it marks the table ready: written last */
    lv[0][0] = ND_CASTING_NO;
    memcpy(&nd__cast_level[0][1], &lv[0][1], sizeof lv - 1);
    __atomic_store_n(&nd__cast_level[0][0], lv[0][0], __ATOMIC_RELEASE);
}

int nd__ufunc_ready(const nd_ufunc *uf) {
    if (!uf) return nd_error_set(ND_ERR_VALUE, "ufunc must not be NULL");
    if (!nd__cast_level[0][0]) pthread_once(&cast_once, build_cast_levels);
    if (uf->custom) return 0;
    if (!__atomic_load_n(&loops_done, __ATOMIC_ACQUIRE)) {
        pthread_once(&loops_once, build_loops);
        __atomic_store_n(&loops_done, true, __ATOMIC_RELEASE);
    }
    if (!loops_ok) return nd_error_set(ND_ERR_RUNTIME, "ufunc loop table is inconsistent");
    return 0;
}

/* ------------------------------------------------------------ introspection */

const char *nd_ufunc_name(const nd_ufunc *uf) { return uf ? uf->name : ""; }
int nd_ufunc_nin(const nd_ufunc *uf) { return uf ? uf->nin : 0; }
int nd_ufunc_nout(const nd_ufunc *uf) { return uf ? uf->nout : 0; }

bool nd_ufunc_identity(const nd_ufunc *uf, nd_value *v) {
    if (!uf) return false;
    nd_value r;
    switch (uf->identity) {
    case ND__ID_ZERO: r = nd_value_int(0); break;
    case ND__ID_ONE: r = nd_value_int(1); break;
    case ND__ID_MINUS_ONE: r = nd_value_int(-1); break;
    case ND__ID_TRUE: r = nd_value_bool(true); break;
    case ND__ID_FALSE: r = nd_value_bool(false); break;
    case ND__ID_VALUE: r = uf->identity_value; break;
    default: return false;
    }
    if (v) *v = r;
    return true;
}

int nd_ufunc_ntypes(const nd_ufunc *uf) {
    if (nd__ufunc_ready(uf) < 0) return 0;
    return uf->nloops;
}

const char *nd_ufunc_type(const nd_ufunc *uf, int k) {
    if (nd__ufunc_ready(uf) < 0 || k < 0 || k >= uf->nloops) return NULL;
    return uf->loops[k].sig;
}

const nd_ufunc *nd_ufunc_find(const char *name) {
    if (!name) return nd__err(ND_ERR_VALUE, "ufunc name must not be NULL");
    if (!strcmp(name, "true_divide")) name = "divide";
    else if (!strcmp(name, "mod")) name = "remainder";
    else if (!strcmp(name, "abs")) name = "absolute";
    else if (!strcmp(name, "bitwise_not")) name = "invert";
    for (int k = 0; k < ND__NUFUNCS; k++)
        if (!strcmp(nd__ufuncs[k].name, name)) return &nd__ufuncs[k];
    return nd__err(ND_ERR_VALUE, "no ufunc named '%s'", name);
}

/* ------------------------------------------------------------ helpers */

const char *nd__dtype_repr(char *buf, size_t cap, const nd_dtype_t *d) {
    if (!d) snprintf(buf, cap, "None");
    else if (d->type == ND_TYPE_STR) snprintf(buf, cap, "dtype('%s')", d->str);
    else if (d->type == ND_TYPE_BYTES || d->type == ND_TYPE_VOID) snprintf(buf, cap, "dtype('%s')", d->str + 1);
    else snprintf(buf, cap, "dtype('%s')", d->name);
    return buf;
}

const char *nd__casting_name(nd_casting c) {
    switch (c) {
    case ND_CASTING_NO: return "no";
    case ND_CASTING_EQUIV: return "equiv";
    case ND_CASTING_SAFE: return "safe";
    case ND_CASTING_UNSAFE: return "unsafe";
    default: return "same_kind";
    }
}

int nd__scalar_to(const nd_dtype_t *d, nd_value v, void *dst) {
    if (v.weak && v.dtype && (v.dtype->kind == 'i' || v.dtype->kind == 'u') && (d->kind == 'i' || d->kind == 'u')) {
        /* NEP 50: a Python int must fit the integer type it adopts */
        nd_iinfo_t ii;
        nd_iinfo(d, &ii);
        bool neg = v.dtype->kind == 'i' && v.v.i < 0;
        bool fits = neg ? (d->kind == 'i' && v.v.i >= ii.min) : v.v.u <= ii.umax;
        if (!fits) {
            if (neg) nd__err(ND_ERR_OVERFLOW, "Python integer %lld out of bounds for %s", (long long)v.v.i, d->name);
            else nd__err(ND_ERR_OVERFLOW, "Python integer %llu out of bounds for %s", (unsigned long long)v.v.u, d->name);
            return -1;
        }
    }
    return nd__value_store(d, dst, v);
}

/* NEP 50: the dtype a weak scalar takes among the strong operands' common dtype. */
static const nd_dtype_t *weak_dtype(nd_value v, const nd_dtype_t *strong) {
    char wk = v.dtype ? v.dtype->kind : 'f';
    if (wk == 'b') return ND_BOOL;
    if (!strong || !nd__is_numeric(strong)) return v.dtype;
    char sk = strong->kind;
    switch (wk) {
    case 'i':
    case 'u':
        return sk == 'b' ? v.dtype : strong;
    case 'f':
        return (sk == 'f' || sk == 'c') ? strong : ND_FLOAT64;
    default: /* complex */
        if (sk == 'c') return strong;
        if (sk == 'f') return strong->itemsize <= 4 ? ND_COMPLEX64 : ND_COMPLEX128;
        return ND_COMPLEX128;
    }
}

int nd__operand_dtypes(const nd_ufunc *uf, const nd_operand *in, const nd_dtype_t **dt) {
    const nd_dtype_t *strong[ND__UF_MAXARGS];
    int ns = 0;
    for (int k = 0; k < uf->nin; k++) {
        if (in[k].array) strong[ns++] = dt[k] = in[k].array->dtype;
        else if (!in[k].value.dtype) {
            nd__err(ND_ERR_TYPE, "ufunc '%s': input %d is NULL", uf->name, k);
            return -1;
        } else if (!in[k].value.weak) strong[ns++] = dt[k] = in[k].value.dtype;
        else dt[k] = NULL;
    }
    const nd_dtype_t *common = NULL;
    bool numeric = true, same = true;
    for (int k = 0; k < ns; k++) {
        numeric &= nd__is_numeric(strong[k]);
        same &= strong[k] == strong[0];
    }
    if (ns == uf->nin) return 0;           /* no weak scalar to place */
    if (ns && numeric && same) {
        common = strong[0];                /* a built-in: no reference to drop */
    } else if (ns && numeric) {
        common = nd_result_type(ns, strong);
        if (!common) { nd_error_clear(); common = NULL; }
    }
    for (int k = 0; k < uf->nin; k++)
        if (!dt[k]) dt[k] = weak_dtype(in[k].value, common);
    /* ldexp's exponent: a Python int is a C long for NumPy's ldexp resolver */
    if (uf->id == ND__UF_ldexp && !in[1].array && in[1].value.weak && in[1].value.dtype &&
        (in[1].value.dtype->kind == 'i' || in[1].value.dtype->kind == 'u'))
        dt[1] = ND_INT64;
    if (common && !same) nd_dtype_free(common);
    return 0;
}

static void *no_loop(const nd_ufunc *uf) {
    return nd__err(ND_ERR_TYPE, "ufunc '%s' not supported for the input types, and the inputs could not be "
                   "safely coerced to any supported types according to the casting rule ''safe''", uf->name);
}

/* NumPy's DType class name of a dtype (numpy.dtypes.Float64DType ...), NumPy 2's
 * spelling (1.24 wrote numpy.dtype[float64]). */
static const char *dtype_class(const nd_dtype_t *d) {
    static const char *const names[ND_NTYPES] = {
        "BoolDType", "Int8DType", "Int16DType", "Int32DType", "Int64DType", "UInt8DType", "UInt16DType",
        "UInt32DType", "UInt64DType", "Float16DType", "Float32DType", "Float64DType", "Complex64DType",
        "Complex128DType", "BytesDType", "StrDType", "VoidDType" };
    return d && (unsigned)d->type < ND_NTYPES ? names[d->type] : "ObjectDType";
}

enum { TEXT_LEGACY, TEXT_DTYPES, TEXT_CLASSES };
static void *no_loop_text(const nd_ufunc *uf, const nd_dtype_t *const *dt, int form);

void *nd__no_loop_error(const nd_ufunc *uf, const nd_dtype_t *const *dt) {
    /* Which text NumPy gives depends on the ufunc's type resolver: the arithmetic and
     * min/max family list the operand dtypes, the sign family, logical_and/or/xor and
     * comparisons list DType classes, the rest has the legacy "not supported" text. */
    int form = TEXT_LEGACY;
    if (!uf->custom) switch (uf->id) {
    case ND__UF_add: case ND__UF_subtract: case ND__UF_multiply: case ND__UF_maximum: case ND__UF_minimum:
    case ND__UF_fmax: case ND__UF_fmin: case ND__UF_gcd: case ND__UF_lcm:
        form = TEXT_DTYPES;
        break;
    case ND__UF_negative: case ND__UF_positive: case ND__UF_absolute: case ND__UF_sign:
    case ND__UF_logical_and: case ND__UF_logical_or: case ND__UF_logical_xor:
    case ND__UF_equal: case ND__UF_not_equal: case ND__UF_less: case ND__UF_less_equal:
    case ND__UF_greater: case ND__UF_greater_equal:
        form = TEXT_CLASSES;
        break;
    default:
        break;
    }
    return no_loop_text(uf, dt, form);
}

static void *no_loop_text(const nd_ufunc *uf, const nd_dtype_t *const *dt, int form) {
    if (form == TEXT_LEGACY) return no_loop(uf);
    char types[512];
    size_t n = 0;
    for (int k = 0; k < uf->nin && n < sizeof types; k++) {
        char one[128];
        if (form == TEXT_DTYPES) nd__dtype_repr(one, sizeof one, dt[k]);
        else snprintf(one, sizeof one, "<class 'numpy.dtypes.%s'>", dtype_class(dt[k]));
        n += (size_t)snprintf(types + n, sizeof types - n, "%s%s", k ? ", " : uf->nin > 1 ? "(" : "", one);
    }
    if (uf->nin > 1 && n < sizeof types) snprintf(types + n, sizeof types - n, ")");
    return nd__err(ND_ERR_TYPE, "ufunc '%s' did not contain a loop with signature matching types %s -> None",
                   uf->name, types);
}

/* Resolved loops of the built-ins by input types (index + 1; 0: not known yet), so
 * that repeated calls skip the linear search.  Only successes are remembered. */
#define NT (ND_TYPE_COMPLEX128 + 1)
static unsigned char resolve_cache[ND__NUFUNCS][NT][NT];

static const nd__uloop *resolve_search(const nd_ufunc *uf, const nd_dtype_t *const *dt, const nd_dtype_t *out_dt);

const nd__uloop *nd__resolve(const nd_ufunc *uf, const nd_dtype_t *const *dt, const nd_dtype_t *out_dt) {
    bool cacheable = !uf->custom && !out_dt && uf->nin <= 2 && nd__is_numeric(dt[0]) &&
                     (uf->nin == 1 || nd__is_numeric(dt[1]));
    if (!cacheable) return resolve_search(uf, dt, out_dt);
    unsigned char *slot = &resolve_cache[uf->id][dt[0]->type][uf->nin == 2 ? dt[1]->type : 0];
    unsigned char v = __atomic_load_n(slot, __ATOMIC_RELAXED);
    if (v) return &uf->loops[v - 1];
    const nd__uloop *l = resolve_search(uf, dt, out_dt);
    if (l) __atomic_store_n(slot, (unsigned char)(l - uf->loops + 1), __ATOMIC_RELAXED);
    return l;
}

static const nd__uloop *resolve_search(const nd_ufunc *uf, const nd_dtype_t *const *dt, const nd_dtype_t *out_dt) {
    if (uf->flags & ND__F_NOBOOL) {
        bool all_bool = true;
        for (int k = 0; k < uf->nin; k++) all_bool &= dt[k]->type == ND_TYPE_BOOL;
        if (all_bool && uf->id == ND__UF_subtract)
            return nd__err(ND_ERR_TYPE, "numpy boolean subtract, the `-` operator, is not supported, use the "
                           "bitwise_xor, the `^` operator, or the logical_xor function instead.");
        if (all_bool && uf->id == ND__UF_negative)
            return nd__err(ND_ERR_TYPE, "The numpy boolean negative, the `-` operator, is not supported, use the "
                           "`~` operator or the logical_not function instead.");
        if (all_bool && uf->id == ND__UF_positive)
            return nd__err(ND_ERR_TYPE, "ufunc 'positive' did not contain a loop with signature matching types "
                           "<class 'numpy.dtypes.BoolDType'> -> None");
        if (all_bool) /* sign, gcd, lcm */
            return nd__err(ND_ERR_TYPE, "ufunc '%s' did not contain a loop with signature matching types %s -> None",
                           uf->name, uf->nin == 1 ? "<class 'numpy.dtypes.BoolDType'>"
                           : "(<class 'numpy.dtypes.BoolDType'>, <class 'numpy.dtypes.BoolDType'>)");
    }
    for (int k = 0; k < uf->nin; k++)
        if (!nd__is_numeric(dt[k])) return nd__no_loop_error(uf, dt);
    if (out_dt) { /* dtype=: the loop whose outputs have that type; the casting check
                   * of the inputs comes after (NumPy: "Cannot cast ufunc 'add' input 0 ...") */
        for (int i = 0; i < uf->nloops; i++) {
            const nd__uloop *l = &uf->loops[i];
            bool ok = l->types[uf->nin] == out_dt->type;
            for (int k = 0; k < uf->nin && ok; k++) ok = nd__can_cast(dt[k], nd__dt(l->types[k]), ND_CASTING_SAFE);
            if (ok) return l;
        }
        for (int i = 0; i < uf->nloops; i++)
            if (uf->loops[i].types[uf->nin] == out_dt->type) return &uf->loops[i];
        return nd__err(ND_ERR_TYPE, "No loop matching the specified signature and casting was found for ufunc %s",
                       uf->name);
    }
    for (int i = 0; i < uf->nloops; i++) {
        const nd__uloop *l = &uf->loops[i];
        bool ok = true;
        for (int k = 0; k < uf->nin && ok; k++) ok = nd__can_cast(dt[k], nd__dt(l->types[k]), ND_CASTING_SAFE);
        if (ok) return l;
    }
    /* gcd/lcm of floats: NumPy's dispatcher lists the DType classes */
    if (!uf->custom && (uf->id == ND__UF_gcd || uf->id == ND__UF_lcm)) return no_loop_text(uf, dt, TEXT_CLASSES);
    return no_loop(uf);
}

/* ------------------------------------------------------------ running loops */

static int cast_n(const nd_dtype_t *dd, char *dst, int64_t ds, const nd_dtype_t *sd, const char *src, int64_t ss, int64_t n) {
    nd__get_cast(dd, sd)(dst, ds, src, ss, n, dd, sd);
    return 0;
}

static bool needs_buffer(const nd__run_op *o) {
    return o->dt->type != o->kdt->type || o->dt->itemsize != o->kdt->itemsize ||
           ((uintptr_t)o->data % (uintptr_t)(o->kdt->alignment ? o->kdt->alignment : 1)) != 0;
}

/* The kernel over [i, j) of an inner loop, honouring the mask in runs of True. */
static void call_masked(const nd__runner *r, char **p, int64_t n, const int64_t *s, const char *m, int64_t ms,
                        void (*after)(const nd__runner *, char **, char **, int64_t, int64_t, const int64_t *, const int64_t *),
                        char **orig, const int64_t *os) {
    if (!m) {
        r->fn(p, &n, s, r->fn_data);
        if (after) after(r, p, orig, 0, n, s, os);
        return;
    }
    int64_t i = 0;
    while (i < n) {
        while (i < n && !m[i * ms]) i++;
        int64_t j = i;
        while (j < n && m[j * ms]) j++;
        if (j > i) {
            char *q[ND__UF_MAXARGS];
            for (int k = 0; k < r->nop; k++) q[k] = p[k] + i * s[k];
            int64_t len = j - i;
            r->fn(q, &len, s, r->fn_data);
            if (after) after(r, p, orig, i, j, s, os);
        }
        i = j;
    }
}

/* Buffered outputs: cast [i, j) of the kernel's buffer back to the operand. */
static void write_back(const nd__runner *r, char **kp, char **orig, int64_t i, int64_t j, const int64_t *ks, const int64_t *os) {
    for (int k = 0; k < r->nop; k++) {
        const nd__run_op *o = &r->op[k];
        if (!o->out || kp[k] == orig[k]) continue;
        if (ks[k] == 0) continue; /* a stride-0 accumulator goes back once per chunk */
        cast_n(o->dt, orig[k] + i * os[k], os[k], o->kdt, kp[k] + i * ks[k], ks[k], j - i);
    }
}

int nd__run(nd__runner *r, int ndim, const int64_t *shape) {
    int nop = r->nop, nit = nop + (r->mask ? 1 : 0);
    char *data[ND__UF_MAXARGS + 1];
    const int64_t *st[ND__UF_MAXARGS + 1];
    bool buffered = false, buf[ND__UF_MAXARGS] = { false };
    for (int k = 0; k < nop; k++) {
        data[k] = r->op[k].data;
        st[k] = r->op[k].strides;
        buf[k] = needs_buffer(&r->op[k]);
        buffered |= buf[k];
    }
    if (r->mask) { data[nop] = (char *)r->mask; st[nop] = r->mask_strides; }
    nd__iter it;
    if (nd__iter_prepare(&it, nit, ndim, shape, data, st,
                         (r->c_order ? ND__ITER_C_ORDER : 0) | (r->keep_dir ? ND__ITER_KEEP_DIR : 0)) < 0)
        return -1;
    if (it.size == 0) return 0;
    int64_t n;
    if (!buffered) {
        while ((n = nd__iter_next(&it)) > 0)
            call_masked(r, it.ptr, n, it.inner_strides, r->mask ? it.ptr[nop] : NULL,
                        r->mask ? it.inner_strides[nop] : 0, NULL, NULL, NULL);
        return nd__kernel_failed();
    }
    /* buffers of up to ND__BUFSIZE kernel elements for the operands that need them */
    int64_t bn = it.size < ND__BUFSIZE ? it.size : ND__BUFSIZE;
    size_t off[ND__UF_MAXARGS], total = 0;
    for (int k = 0; k < nop; k++) {
        off[k] = total;
        if (buf[k] && r->op[k].alias < 0) total += (size_t)(bn * r->op[k].kdt->itemsize + 64) & ~(size_t)63;
    }
    char *mem = nd__malloc(total ? total : 1);
    if (!mem) return -1;
    int rc = 0;
    while (rc == 0 && (n = nd__iter_next(&it)) > 0) {
        for (int64_t c0 = 0; c0 < n; c0 += bn) {
            int64_t len = n - c0 < bn ? n - c0 : bn;
            char *kp[ND__UF_MAXARGS], *orig[ND__UF_MAXARGS];
            int64_t ks[ND__UF_MAXARGS], os[ND__UF_MAXARGS];
            for (int k = 0; k < nop; k++) {
                const nd__run_op *o = &r->op[k];
                os[k] = it.inner_strides[k];
                orig[k] = it.ptr[k] + c0 * os[k];
                if (!buf[k]) { kp[k] = orig[k]; ks[k] = os[k]; continue; }
                if (o->alias >= 0) { kp[k] = kp[o->alias]; ks[k] = ks[o->alias]; continue; }
                kp[k] = mem + off[k];
                ks[k] = os[k] == 0 ? 0 : o->kdt->itemsize;
                bool read = !o->out;
                for (int j = 0; j < nop && !read; j++) read = r->op[j].alias == k;
                if (read) cast_n(o->kdt, kp[k], ks[k], o->dt, orig[k], os[k], ks[k] ? len : 1);
            }
            call_masked(r, kp, len, ks, r->mask ? it.ptr[nop] + c0 * it.inner_strides[nop] : NULL,
                        r->mask ? it.inner_strides[nop] : 0, write_back, orig, os);
            for (int k = 0; k < nop; k++) { /* stride-0 accumulators */
                const nd__run_op *o = &r->op[k];
                if (o->out && buf[k] && ks[k] == 0) {
                    int a = o->alias;
                    const nd__run_op *src = a >= 0 ? &r->op[a] : o;
                    (void)src;
                    cast_n(o->dt, orig[k], 0, o->kdt, kp[k], 0, 1);
                }
            }
            if (nd__cast_failed() < 0 || nd__kernel_failed() < 0) { rc = -1; break; }
        }
    }
    nd__free(mem, total ? total : 1);
    return rc;
}

/* ------------------------------------------------------------ elementwise calls */

/* Strides of array a broadcast to (ndim, shape) (zeros on broadcast axes). */
static void bstrides(const nd_array *a, int ndim, const int64_t *shape, int64_t *out) {
    int off = ndim - a->ndim;
    for (int i = 0; i < ndim; i++)
        out[i] = (i < off || a->shape[i - off] == 1) ? 0 : a->strides[i - off];
    (void)shape;
}

static nd_array *alloc_out(const nd__call *c, const nd_dtype_t *dt, int ndim, const int64_t *shape) {
    char order = c->order ? c->order : 'K';
    if (order == 'F') return nd__new(dt, ndim, shape, 'F', false);
    if (order == 'K' || order == 'A') {
        const nd_array *proto = NULL;
        bool allf = true;
        for (int k = 0; k < c->uf->nin; k++) {
            const nd_array *a = c->in[k].array;
            if (!a || a->ndim != ndim || memcmp(a->shape, shape, (size_t)ndim * sizeof(int64_t))) continue;
            if (!proto) proto = a;
            allf &= (a->flags & ND_F_CONTIGUOUS) != 0;
        }
        if (order == 'A') return nd__new(dt, ndim, shape, proto && allf && ndim > 1 ? 'F' : 'C', false);
        if (proto && !(proto->flags & ND_C_CONTIGUOUS)) return nd__new_like_k(proto, dt);
    }
    return nd__new(dt, ndim, shape, 'C', false);
}

/* The input is a view that overlaps an output in a way elementwise order cannot
 * respect: NumPy then works from a copy. */
static bool bad_overlap(const nd_array *in, const nd_array *out, int ndim, const int64_t *shape) {
    if (!nd_may_share_memory(in, out)) return false;
    if (in->data == out->data && in->dtype->itemsize == out->dtype->itemsize) {
        int64_t a[ND_MAXDIMS], b[ND_MAXDIMS];
        bstrides(in, ndim, shape, a);
        bstrides(out, ndim, shape, b);
        bool same = true;
        for (int i = 0; i < ndim && same; i++) same = shape[i] <= 1 || a[i] == b[i];
        if (same) return false;
    }
    return nd_shares_memory(in, out);
}

/* NumPy lists every operand of the failed broadcast, a scalar as "()": "operands could
 * not be broadcast together with shapes (4,) () (3,) " (nd__broadcast saw arrays only). */
static int broadcast_error(const nd__call *c, int nin, int nout) {
    bool scalars = false;
    for (int k = 0; k < nin; k++) scalars |= !c->in[k].array;
    if (!scalars) return -1;
    char msg[1024], buf[512];
    int n = snprintf(msg, sizeof msg, "operands could not be broadcast together with shapes ");
    const nd_array *ops[ND__UF_MAXARGS + 1];
    int nop = 0;
    for (int k = 0; k < nin; k++) ops[nop++] = c->in[k].array;
    for (int k = 0; k < nout; k++)
        if (c->out[k]) ops[nop++] = c->out[k];
    if (c->where) ops[nop++] = c->where;
    for (int j = 0; j < nop && n < (int)sizeof msg; j++)
        n += snprintf(msg + n, sizeof msg - (size_t)n, "%s ",
                      ops[j] ? nd__shape_str(buf, sizeof buf, ops[j]->ndim, ops[j]->shape) : "()");
    return nd_error_set(ND_ERR_VALUE, "%s", msg);
}

int nd__execute(nd__call *c) {
    const nd_ufunc *uf = c->uf;
    const nd__uloop *l = c->loop;
    int nin = uf->nin, nout = uf->nout, nop = nin + nout;
    nd_casting casting = c->casting ? c->casting : ND_CASTING_SAME_KIND;
    char b1[64], b2[64];
    /* casting rules: inputs (not weak scalars) into the loop, the loop into outputs */
    for (int k = 0; k < nin; k++) {
        if (c->in[k].array == NULL && c->in[k].value.weak) continue;
        const nd_dtype_t *from = c->in_dt[k], *to = nd__dt(l->types[k]);
        if (!nd__can_cast(from, to, casting))
            return nd_error_set(ND_ERR_TYPE, "Cannot cast ufunc '%s' input %d from %s to %s with casting rule '%s'",
                                uf->name, k, nd__dtype_repr(b1, sizeof b1, from), nd__dtype_repr(b2, sizeof b2, to),
                                nd__casting_name(casting));
    }
    for (int k = 0; k < nout; k++) {
        if (!c->out[k]) continue;
        const nd_dtype_t *from = nd__dt(l->types[nin + k]), *to = c->out[k]->dtype;
        if (!nd__can_cast(from, to, casting)) {
            char idx[16] = "";
            if (nout > 1) snprintf(idx, sizeof idx, " %d", nin + k);
            return nd_error_set(ND_ERR_TYPE, "Cannot cast ufunc '%s' output%s from %s to %s with casting rule '%s'",
                                uf->name, idx, nd__dtype_repr(b1, sizeof b1, from), nd__dtype_repr(b2, sizeof b2, to),
                                nd__casting_name(casting));
        }
        if (!nd__check_writeable(c->out[k])) return -1;
    }
    if (c->where && c->where->dtype->type != ND_TYPE_BOOL)
        return nd_error_set(ND_ERR_TYPE, "Cannot cast array data from %s to dtype('bool') according to the rule 'safe'",
                            nd__dtype_repr(b1, sizeof b1, c->where->dtype));
    /* the broadcast shape of every array operand, outputs and mask included */
    const nd_array *arrs[ND__UF_MAXARGS + 1];
    int na = 0;
    for (int k = 0; k < nin; k++)
        if (c->in[k].array) arrs[na++] = c->in[k].array;
    for (int k = 0; k < nout; k++)
        if (c->out[k]) arrs[na++] = c->out[k];
    if (c->where) arrs[na++] = c->where;
    int ndim = 0;
    int64_t shape[ND_MAXDIMS];
    if (na) {
        static _Thread_local int64_t tmp[ND__UF_MAXARGS + 1][ND_MAXDIMS];
        if (nd__broadcast(na, arrs, &ndim, shape, tmp) < 0) return broadcast_error(c, nin, nout);
    }
    for (int k = 0; k < nout; k++) {
        nd_array *o = c->out[k];
        if (!o) continue;
        if (o->ndim != ndim || memcmp(o->shape, shape, (size_t)ndim * sizeof(int64_t))) {
            char s1[256], s2[256];
            return nd_error_set(ND_ERR_VALUE, "non-broadcastable output operand with shape %s doesn't match the broadcast shape %s",
                                nd__shape_str(s1, sizeof s1, o->ndim, o->shape), nd__shape_str(s2, sizeof s2, ndim, shape));
        }
    }
    /* scalars, converted to the kernel's dtype once */
    _Alignas(16) char sbuf[ND__UF_MAXARGS][32];
    for (int k = 0; k < nin; k++) {
        if (c->in[k].array) continue;
        _Alignas(16) char tmp[32];
        /* into the loop's dtype (NEP 50: a weak int must fit it), then the kernel's;
         * int -> float loops (true_divide) take the value straight as the float */
        const nd_dtype_t *kd = nd__dt(l->ktypes[k]), *ld = nd__dt(l->types[k]);
        if (nd_dtype_is_integer(ld) && !nd_dtype_is_integer(kd)) ld = kd;
        if (nd__scalar_to(ld, c->in[k].value, tmp) < 0) return -1;
        cast_n(kd, sbuf[k], 0, ld, tmp, 0, 1);
    }
    /* inputs that overlap a given output badly are copied first */
    nd_array *copies[ND__UF_MAXARGS] = { NULL };
    const nd_array *inarr[ND__UF_MAXARGS];
    for (int k = 0; k < nin; k++) {
        inarr[k] = c->in[k].array;
        if (!inarr[k]) continue;
        for (int j = 0; j < nout && !copies[k]; j++) {
            if (c->out[j] && bad_overlap(inarr[k], c->out[j], ndim, shape)) {
                copies[k] = nd_copy(inarr[k], 'K');
                if (!copies[k]) goto fail;
                inarr[k] = copies[k];
            }
        }
    }
    bool allocated[ND__UF_MAXARGS] = { false };
    for (int k = 0; k < nout; k++) {
        if (c->out[k]) continue;
        const nd_dtype_t *dt = c->out_dt[k] ? c->out_dt[k] : nd__dt(l->types[nin + k]);
        c->out[k] = alloc_out(c, dt, ndim, shape);
        if (!c->out[k]) goto fail;
        allocated[k] = true;
    }
    bool fpe = nd__fpe_begin();
    int64_t size = 1;
    for (int i = 0; i < ndim; i++) size *= shape[i];
    /* fast path: contiguous same-shape arrays or scalars, kernel dtypes, no mask */
    bool fast = !c->where;
    for (int k = 0; k < nop && fast; k++) {
        const nd_array *a = k < nin ? inarr[k] : c->out[k - nin];
        if (!a) continue;
        fast = (a->flags & ND_C_CONTIGUOUS) && (a->flags & ND_ALIGNED) && a->dtype->type == l->ktypes[k] &&
               (a->ndim == ndim ? !memcmp(a->shape, shape, (size_t)ndim * sizeof(int64_t)) : false);
        if (!fast && k < nin && a->dtype->type == l->ktypes[k] && nd_size(a) == 1 && (a->flags & ND_ALIGNED))
            fast = true; /* a one-element input acts as a scalar */
    }
    int rc = 0;
    if (fast) {
        char *args[ND__UF_MAXARGS];
        int64_t steps[ND__UF_MAXARGS];
        for (int k = 0; k < nop; k++) {
            const nd_array *a = k < nin ? inarr[k] : c->out[k - nin];
            if (!a) { args[k] = sbuf[k]; steps[k] = 0; continue; }
            args[k] = a->data;
            steps[k] = (nd_size(a) == 1 && k < nin && size != 1) ? 0 : a->dtype->itemsize;
        }
        if (size > 0) l->fn(args, &size, steps, l->data);
        rc = nd__kernel_failed();
    } else {
        nd__runner r = { .nop = nop, .fn = l->fn, .fn_data = l->data };
        int64_t st[ND__UF_MAXARGS + 1][ND_MAXDIMS];
        for (int k = 0; k < nop; k++) {
            const nd_array *a = k < nin ? inarr[k] : c->out[k - nin];
            nd__run_op *o = &r.op[k];
            o->alias = -1;
            o->out = k >= nin;
            o->kdt = nd__dt(l->ktypes[k]);
            if (a) {
                o->data = a->data;
                o->dt = a->dtype;
                bstrides(a, ndim, shape, st[k]);
            } else {
                o->data = sbuf[k];
                o->dt = o->kdt;
                memset(st[k], 0, sizeof st[k][0] * (size_t)(ndim ? ndim : 1));
            }
            o->strides = st[k];
        }
        if (c->where) {
            bstrides(c->where, ndim, shape, st[nop]);
            r.mask = c->where->data;
            r.mask_strides = st[nop];
        }
        rc = nd__run(&r, ndim, shape);
    }
    if (rc == 0) rc = nd__fpe_end(fpe, uf->name);
    else nd__fpe_end(false, NULL);
    for (int k = 0; k < nin; k++) nd_free(copies[k]);
    if (rc < 0) {
        for (int k = 0; k < nout; k++)
            if (allocated[k]) { nd_free(c->out[k]); c->out[k] = NULL; }
        return -1;
    }
    return 0;
fail:
    for (int k = 0; k < nin; k++) nd_free(copies[k]);
    for (int k = 0; k < nout; k++)
        if (allocated[k]) { nd_free(c->out[k]); c->out[k] = NULL; }
    return -1;
}

/* S/U comparisons: both inputs strings of the same kind. */
static int string_compare(nd__call *c) {
    const nd_array *a = c->in[0].array, *b = c->in[1].array;
    nd_type ta = a->dtype->type, tb = b->dtype->type;
    if (ta != tb) return nd_error_set(ND_ERR_TYPE, "ufunc '%s' did not contain a loop with signature matching types "
                                      "(<class 'numpy.dtypes.%s'>, <class 'numpy.dtypes.%s'>) -> None", c->uf->name,
                                      ta == ND_TYPE_STR ? "StrDType" : "BytesDType", tb == ND_TYPE_STR ? "StrDType" : "BytesDType");
    static const int ops[] = { [ND__UF_equal] = 0, [ND__UF_not_equal] = 1, [ND__UF_less] = 2,
                               [ND__UF_less_equal] = 3, [ND__UF_greater] = 4, [ND__UF_greater_equal] = 5 };
    bool u = ta == ND_TYPE_STR;
    nd__strcmp_data d = { ops[c->uf->id], u ? a->dtype->itemsize / 4 : a->dtype->itemsize,
                          u ? b->dtype->itemsize / 4 : b->dtype->itemsize, u };
    nd__uloop l = { .types = { ta, tb, ND_TYPE_BOOL }, .ktypes = { ta, tb, ND_TYPE_BOOL },
                    .fn = nd__string_compare_loop, .data = &d };
    /* kernel dtypes are the operands' own (no casting): run directly */
    int ndim;
    int64_t shape[ND_MAXDIMS], st[4][ND_MAXDIMS];
    const nd_array *arrs[4] = { a, b };
    int na = 2;
    if (c->out[0]) arrs[na++] = c->out[0];
    if (c->where) arrs[na++] = c->where;
    if (nd__broadcast(na, arrs, &ndim, shape, st) < 0) return -1;
    (void)l;
    bool alloc = false;
    if (c->out[0]) {
        if (c->out[0]->dtype->type != ND_TYPE_BOOL && !nd__can_cast(ND_BOOL, c->out[0]->dtype, c->casting ? c->casting : ND_CASTING_SAME_KIND))
            return nd_error_set(ND_ERR_TYPE, "Cannot cast ufunc '%s' output from dtype('bool') to %s with casting rule '%s'",
                                c->uf->name, nd__dtype_repr((char[64]){ 0 }, 64, c->out[0]->dtype),
                                nd__casting_name(c->casting ? c->casting : ND_CASTING_SAME_KIND));
        if (!nd__check_writeable(c->out[0])) return -1;
    } else {
        c->out[0] = nd__new(ND_BOOL, ndim, shape, 'C', false);
        if (!c->out[0]) return -1;
        alloc = true;
    }
    nd__runner r = { .nop = 3, .fn = nd__string_compare_loop, .fn_data = &d };
    const nd_array *ops3[3] = { a, b, c->out[0] };
    for (int k = 0; k < 3; k++) {
        r.op[k] = (nd__run_op){ .data = ops3[k]->data, .dt = ops3[k]->dtype, .kdt = ops3[k]->dtype, .out = k == 2, .alias = -1 };
        bstrides(ops3[k], ndim, shape, st[k]);
        r.op[k].strides = st[k];
    }
    r.op[2].kdt = ND_BOOL;
    if (c->where) {
        bstrides(c->where, ndim, shape, st[3]);
        r.mask = c->where->data;
        r.mask_strides = st[3];
    }
    /* string operands are never "cast": mark them as already in kernel form */
    int rc = nd__run(&r, ndim, shape);
    if (rc < 0 && alloc) { nd_free(c->out[0]); c->out[0] = NULL; }
    return rc;
}

/* The per-call fast path: one output to allocate, no option, array inputs of one
 * shape that are C contiguous, aligned and of the kernel's dtypes (weak scalars
 * allowed): no broadcasting, no buffers, no overlap to consider.  Returns 1 when done
 * (outs[0] set), 0 when the general path must run, -1 on error. */
static int fast_call(const nd_ufunc *uf, const nd_operand *in, nd_array **outs, const nd_ufunc_opts *o) {
    int nin = uf->nin;
    if (uf->nout != 1 || nin > 2 || uf->core || (outs && outs[0])) return 0;
    if (o && (o->out || o->out2 || o->where || o->dtype || o->casting || (o->order && o->order != 'K') || o->axes))
        return 0;
    const nd_array *shape_of = NULL;
    for (int k = 0; k < nin; k++) {
        const nd_array *a = in[k].array;
        if (!a) {
            if (!in[k].value.weak || !in[k].value.dtype) return 0;
            continue;
        }
        if ((a->flags & (ND_C_CONTIGUOUS | ND_ALIGNED)) != (ND_C_CONTIGUOUS | ND_ALIGNED) || !nd__is_numeric(a->dtype))
            return 0;
        if (shape_of && (a->ndim != shape_of->ndim || memcmp(a->shape, shape_of->shape, sizeof(int64_t) * (size_t)a->ndim)))
            return 0;
        shape_of = a;
    }
    if (!shape_of) return 0;
    const nd_dtype_t *dt[2];
    if (nin == 1 || (in[0].array && in[1].array)) {
        for (int k = 0; k < nin; k++) dt[k] = in[k].array->dtype;
    } else if (nd__operand_dtypes(uf, in, dt) < 0) {
        return -1;
    }
    const nd__uloop *l = nd__resolve(uf, dt, NULL);
    if (!l) return -1;
    if (l->ktypes[nin] != l->types[nin]) return 0;
    for (int k = 0; k < nin; k++)
        if (l->ktypes[k] != l->types[k] || dt[k]->type != l->types[k]) return 0;
    _Alignas(16) char sbuf[2][32];
    char *args[3];
    int64_t steps[3], size = 1;
    for (int i = 0; i < shape_of->ndim; i++) size *= shape_of->shape[i];
    for (int k = 0; k < nin; k++) {
        if (in[k].array) {
            args[k] = in[k].array->data;
            steps[k] = dt[k]->itemsize;
        } else {
            if (nd__scalar_to(dt[k], in[k].value, sbuf[k]) < 0) return -1;
            args[k] = sbuf[k];
            steps[k] = 0;
        }
    }
    const nd_dtype_t *odt = nd__dt(l->types[nin]);
    nd_array *out = nd__new(odt, shape_of->ndim, shape_of->shape, 'C', false);
    if (!out) return -1;
    args[nin] = out->data;
    steps[nin] = odt->itemsize;
    bool fpe = nd__fpe_begin();
    if (size > 0) l->fn(args, &size, steps, l->data);
    int rc = nd__kernel_failed();
    if (rc == 0) rc = nd__fpe_end(fpe, uf->name);
    else nd__fpe_end(false, NULL);
    if (rc < 0) { nd_free(out); return -1; }
    if (outs) outs[0] = out;
    else nd_free(out);
    return 1;
}

/* The common entry: inputs, opts, output slots (outs[k] given or NULL). */
int nd__ufunc_call(const nd_ufunc *uf, const nd_operand *in, nd_array **outs, const nd_ufunc_opts *o) {
    if (nd__ufunc_ready(uf) < 0) return -1;
    int f = fast_call(uf, in, outs, o);
    if (f) return f < 0 ? -1 : 0;
    nd_ufunc_opts none = { 0 };
    if (!o) o = &none;
    nd__call c = { .uf = uf, .where = o->where, .casting = o->casting, .order = o->order };
    for (int k = 0; k < uf->nin; k++) c.in[k] = in[k];
    for (int k = 0; k < uf->nout; k++) {
        c.out[k] = outs && outs[k] ? outs[k] : k == 0 ? o->out : k == 1 ? o->out2 : NULL;
        c.out_given[k] = c.out[k] != NULL;
    }
    if (o->order && !strchr("CFAK", o->order))
        return nd_error_set(ND_ERR_VALUE, "order must be one of 'C', 'F', 'A', or 'K' (got '%c')", o->order);
    if (uf->core) return nd__gufunc_call(uf, in, outs, o);
    if (nd__operand_dtypes(uf, in, c.in_dt) < 0) return -1;
    int rc;
    bool strings = uf->nin == 2 && uf->id >= ND__UF_equal && uf->id <= ND__UF_greater_equal && !uf->custom &&
                   in[0].array && in[1].array && !nd__is_numeric(in[0].array->dtype) && !nd__is_numeric(in[1].array->dtype);
    if (strings) {
        rc = string_compare(&c);
    } else {
        c.loop = nd__resolve(uf, c.in_dt, o->dtype);
        if (!c.loop) return -1;
        if (o->dtype)
            for (int k = 0; k < uf->nout; k++) c.out_dt[k] = o->dtype;
        rc = nd__execute(&c);
    }
    if (rc < 0) return -1;
    if (outs)
        for (int k = 0; k < uf->nout; k++) outs[k] = c.out[k];
    return 0;
}

int nd_ufunc_call(const nd_ufunc *uf, const nd_operand *in, nd_array **outs, const nd_ufunc_opts *o) {
    if (!uf) return nd_error_set(ND_ERR_VALUE, "ufunc must not be NULL");
    if (!in) return nd_error_set(ND_ERR_VALUE, "ufunc inputs must not be NULL");
    nd_array *tmp[ND__UF_MAXARGS] = { NULL };
    if (!outs) outs = tmp;
    if (nd__ufunc_call(uf, in, outs, o) < 0) return -1;
    if (outs == tmp)
        for (int k = 0; k < uf->nout; k++)
            if (!(o && ((k == 0 && o->out) || (k == 1 && o->out2)))) nd_free(tmp[k]);
    return 0;
}
