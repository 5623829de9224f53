/* Private to src/ufunc: the ufunc object, its loops, the kernel tables and the
 * engine entry points shared by engine.c, reduce.c, custom.c and api.c. */
#ifndef ND_UFUNC_INTERNAL_H
#define ND_UFUNC_INTERNAL_H

#include "core/internal.h"
#include "nd/ufunc.h"

#define ND__UF_MAXARGS 8      /* nin + nout */
#define ND__BUFSIZE 8192      /* elements per buffered chunk (NumPy's default bufsize) */

/* The built-ins, numbered from the table. */
enum {
#define X(name, nin, nout, id, flags, kern, loops) ND__UF_##name,
#include "ufunc/ufuncs.def"
#undef X
    ND__NUFUNCS
};

enum { ND__ID_NONE, ND__ID_ZERO, ND__ID_ONE, ND__ID_MINUS_ONE, ND__ID_TRUE, ND__ID_FALSE, ND__ID_VALUE };
enum { ND__F_REORD = 1, ND__F_IDEMP = 2, ND__F_NOBOOL = 4 };

/* One loop: the dtypes it is declared for (what type resolution sees) and the kernel
 * with the dtypes it really reads and writes; the engine casts between the two in
 * chunks when they differ (float16 loops computing in float32, int -> double loops). */
typedef struct nd__uloop {
    nd_type types[ND__UF_MAXARGS];   /* declared */
    nd_type ktypes[ND__UF_MAXARGS];  /* kernel's */
    nd_loop_fn fn;
    void *data;
    char sig[24];                    /* "ii->i" */
} nd__uloop;

/* The parsed core signature of a generalized ufunc (gufunc.c). */
#define ND__CORE_MAX 64              /* core dimensions over all operands */
typedef struct nd__coresig {
    char *text;                      /* the signature as given */
    int nnames;                      /* distinct dimension names */
    int64_t frozen[ND__CORE_MAX];    /* per name: fixed size, or -1 */
    bool flexible[ND__CORE_MAX];     /* per name: "n?" (may be missing) */
    int ndims[ND__UF_MAXARGS];       /* core ndim of each operand */
    int offset[ND__UF_MAXARGS];      /* its first entry in ix */
    int ix[ND__CORE_MAX];            /* name of each core dimension */
} nd__coresig;

/* Parse a signature for nin/nout operands (NumPy's messages); *out NULL when every
 * operand is "()" (an elementwise ufunc).  0 or -1. */
int nd__coresig_parse(const char *sig, int nin, int nout, nd__coresig **out);
void nd__coresig_free(nd__coresig *c);
/* A call of a generalized ufunc (gufunc.c); as nd__ufunc_call. */
int nd__gufunc_call(const nd_ufunc *uf, const nd_operand *in, nd_array **outs, const nd_ufunc_opts *o);

struct nd_ufunc {
    const char *name;
    int nin, nout;
    int identity;                    /* ND__ID_* */
    nd_value identity_value;         /* ND__ID_VALUE */
    int flags;
    int id;                          /* built-in number, -1 for custom ufuncs */
    int nloops, cap;
    nd__uloop *loops;
    bool custom;
    char *name_owned;
    void *scalar_fn, *scalar_data;   /* nd_ufunc_from_scalar */
    nd__coresig *core;               /* generalized ufuncs; NULL otherwise */
};

/* The built-in objects (engine.c); their loop lists are built on first use. */
extern struct nd_ufunc nd__ufuncs[ND__NUFUNCS];
int nd__ufunc_ready(const nd_ufunc *uf);

/* The kernel of a built-in for a kernel dtype (NULL if none); kernels.c. */
nd_loop_fn nd__kernel(int ufunc_id, nd_type t);
/* acc plus the pairwise sums of n elements at stride s (bytes), chunk by chunk of
 * ND__BUFSIZE, as NumPy's float64 / float32 / complex add reduction. */
double nd__pairwise_f64(double acc, const char *a, int64_t n, int64_t s);
float nd__pairwise_f32(float acc, const char *a, int64_t n, int64_t s);
_Complex double nd__pairwise_c128(_Complex double acc, const char *a, int64_t n, int64_t s);
_Complex float nd__pairwise_c64(_Complex float acc, const char *a, int64_t n, int64_t s);

/* NumPy's pairwise tree as a statement, without recursion, so that the leaf (the
 * block loop) is expanded inside the calling function: inside each target_clones
 * version.  RES (type S) = the tree sum of N0 elements from A0 at byte stride STRIDE:
 * a run of at most LIMIT elements is LEAF(ptr, count); a longer run splits after
 * SPLIT(n) elements and sums left + right.  Pending right halves wait on a stack
 * (depth < 64: every split halves the run). */
#define ND__PW_TREE(S, RES, A0, N0, STRIDE, LIMIT, SPLIT, LEAF)                              \
    do {                                                                                     \
        struct { const char *a; int64_t n; S left; bool done; } pw_st_[64];                  \
        int pw_d_ = 0;                                                                       \
        const char *pw_a_ = (A0);                                                            \
        int64_t pw_n_ = (N0);                                                                \
        for (;;) {                                                                           \
            while (pw_n_ > (LIMIT)) {                                                        \
                int64_t pw_h_ = SPLIT(pw_n_);                                                \
                pw_st_[pw_d_].a = pw_a_ + pw_h_ * (STRIDE);                                  \
                pw_st_[pw_d_].n = pw_n_ - pw_h_;                                             \
                pw_st_[pw_d_].done = false;                                                  \
                pw_d_++;                                                                     \
                pw_n_ = pw_h_;                                                               \
            }                                                                                \
            S pw_v_ = LEAF(pw_a_, pw_n_);                                                    \
            while (pw_d_ > 0 && pw_st_[pw_d_ - 1].done) {                                    \
                pw_v_ = pw_st_[pw_d_ - 1].left + pw_v_;                                      \
                pw_d_--;                                                                     \
            }                                                                                \
            if (pw_d_ == 0) { (RES) = pw_v_; break; }                                        \
            pw_st_[pw_d_ - 1].left = pw_v_;                                                  \
            pw_st_[pw_d_ - 1].done = true;                                                   \
            pw_a_ = pw_st_[pw_d_ - 1].a;                                                     \
            pw_n_ = pw_st_[pw_d_ - 1].n;                                                     \
        }                                                                                    \
    } while (0)
/* NumPy's split of a real run: half, rounded down to a multiple of 8 */
#define ND__PW_SPLIT(n) ((n) / 2 - ((n) / 2) % 8)
/* String comparison loop (S or U, any widths); data points at an nd__strcmp_data. */
typedef struct nd__strcmp_data { int op; int64_t w0, w1; bool unicode; } nd__strcmp_data;
void nd__string_compare_loop(char **args, const int64_t *n, const int64_t *steps, void *data);

/* Flags kernels raise without touching the FPU (integer division by zero ...);
 * fpe.c folds them into the hardware flags after a call. */
extern _Thread_local int nd__fpe_bits;
static inline void nd__fpe_raise(int flag) { nd__fpe_bits |= flag; }
/* A kernel that must fail (integer ** negative) records the error here; the engine
 * checks nd__kernel_failed() after its loops (returns -1 once, then resets). */
void nd__kernel_error(nd_error_code code, const char *msg);
int nd__kernel_failed(void);

/* ------------------------------------------------------------ the engine */


/* One elementwise call with operands already known: inputs in[0..nin), outputs out[0..nout)
 * (NULL: allocate), the loop (resolved), where mask (may be NULL), order.  On success the
 * outputs are set; the caller owns those it did not pass. */
typedef struct nd__call {
    const nd_ufunc *uf;
    const nd__uloop *loop;
    nd_operand in[ND__UF_MAXARGS];
    const nd_dtype_t *in_dt[ND__UF_MAXARGS];   /* resolved operand dtypes (weak scalars) */
    nd_array *out[ND__UF_MAXARGS];
    bool out_given[ND__UF_MAXARGS];
    const nd_array *where;
    nd_casting casting;
    char order;
    const nd_dtype_t *out_dt[ND__UF_MAXARGS];  /* dtype of new outputs */
} nd__call;

/* Resolve the loop for operand dtypes (weak scalars substituted), honouring a forced
 * output dtype (may be NULL).  Records NumPy's error and returns NULL when none. */
const nd__uloop *nd__resolve(const nd_ufunc *uf, const nd_dtype_t *const *in_dt, const nd_dtype_t *out_dt);
/* NumPy's TypeError when no loop takes these operand dtypes (non-numeric ones):
 * "ufunc 'add' did not contain a loop with signature matching types (dtype('<U1'),
 * dtype('int64')) -> None" or its DType-class or "not supported" forms, per ufunc as
 * NumPy's type resolvers word it.  Returns NULL. */
void *nd__no_loop_error(const nd_ufunc *uf, const nd_dtype_t *const *dt);
/* The dtypes the operands have for type resolution (NEP 50 weak scalars); 0 or -1. */
int nd__operand_dtypes(const nd_ufunc *uf, const nd_operand *in, const nd_dtype_t **dt);
/* The common entry of every call: inputs, options, output slots (outs[k] on entry: a
 * given output or NULL; on success the results).  0 or -1. */
int nd__ufunc_call(const nd_ufunc *uf, const nd_operand *in, nd_array **outs, const nd_ufunc_opts *o);
/* Run an elementwise call (broadcast, allocate, cast, where, fp errors).  0 or -1. */
int nd__execute(nd__call *c);
/* Convert a weak or strong scalar into one element of dtype d (OverflowError for weak
 * Python-int style values out of range).  0 or -1. */
int nd__scalar_to(const nd_dtype_t *d, nd_value v, void *dst);
/* "dtype('int64')" text of a dtype into buf. */
const char *nd__dtype_repr(char *buf, size_t cap, const nd_dtype_t *d);
const char *nd__casting_name(nd_casting c);
/* The built-in dtype of a type, and of a loop character. */
static inline const nd_dtype_t *nd__dt(nd_type t) {
    static const nd_dtype_t *const tab[ND_TYPE_COMPLEX128 + 1] = {
        ND_BOOL, ND_INT8, ND_INT16, ND_INT32, ND_INT64, ND_UINT8, ND_UINT16, ND_UINT32, ND_UINT64,
        ND_FLOAT16, ND_FLOAT32, ND_FLOAT64, ND_COMPLEX64, ND_COMPLEX128 };
    return (unsigned)t <= ND_TYPE_COMPLEX128 ? tab[t] : NULL;
}
/* nd_can_cast through a table for the numeric built-ins (the hot path of every call). */
extern unsigned char nd__cast_level[ND_TYPE_COMPLEX128 + 1][ND_TYPE_COMPLEX128 + 1];
static inline bool nd__can_cast(const nd_dtype_t *from, const nd_dtype_t *to, nd_casting casting) {
    if (from == to) return true;
    if (!from || !to || !nd__is_numeric(from) || !nd__is_numeric(to) || !nd__cast_level[0][0])
        return nd_can_cast(from, to, casting);
    if (casting == ND_CASTING_DEFAULT) casting = ND_CASTING_SAFE;
    return nd__cast_level[from->type][to->type] <= casting;
}

/* One operand of a run: where it is and how it reaches the kernel. */
typedef struct nd__run_op {
    char *data;
    const int64_t *strides;      /* over the run's ndim (broadcast zeros included) */
    const nd_dtype_t *dt, *kdt;  /* stored and kernel dtypes */
    bool out;                    /* written */
    int alias;                   /* an output sharing input `alias`'s buffer (reductions); -1 */
} nd__run_op;

typedef struct nd__runner {
    int nop;                     /* kernel operands (mask excluded) */
    nd__run_op op[ND__UF_MAXARGS];
    const char *mask;            /* bool mask data, NULL if none */
    const int64_t *mask_strides;
    nd_loop_fn fn;
    void *fn_data;
    bool c_order;
    bool keep_dir;               /* reductions: never flip negative strides (ND__ITER_KEEP_DIR) */
} nd__runner;

/* Walk ndim/shape with the iterator and run the kernel over every inner loop, through
 * chunked cast buffers for operands whose dtype is not the kernel's.  0 or -1. */
int nd__run(nd__runner *r, int ndim, const int64_t *shape);

#endif
