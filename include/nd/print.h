/* nd/print.h: array printing (np.array_repr, np.array_str, print, np.set_printoptions).
 * Include <nd.h>, not this file.
 *
 * Output is NumPy 2.x's text by default; `.legacy = "1.25"` gives NumPy 1.x's text. */
#ifndef ND_PRINT_H
#define ND_PRINT_H

#include <limits.h>
#include "nd/core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** np.printoptions' floatmode. */
typedef enum nd_floatmode {
    ND_FLOATMODE_KEEP = 0,      /* in nd_set_printoptions: leave unchanged */
    ND_FLOATMODE_MAXPREC,       /* 'maxprec' (NumPy's default) */
    ND_FLOATMODE_FIXED,         /* 'fixed' */
    ND_FLOATMODE_UNIQUE,        /* 'unique' */
    ND_FLOATMODE_MAXPREC_EQUAL  /* 'maxprec_equal' */
} nd_floatmode;

/** "Leave this option unchanged": the value every integer field of
 *  nd_set_printoptions starts from, so 0 can be set explicitly. */
#define ND_PRINT_KEEP INT_MIN

/** The print options of np.get_printoptions(), per thread (as NumPy >= 2.1's context
 *  variable: a new thread starts from the defaults).  nd_get_printoptions fills every
 *  field; in nd_set_printoptions a field left out keeps its current value. */
typedef struct nd_printoptions {
    int precision;          /* 8: digits after the point (>= 0) */
    int64_t threshold;      /* 1000: summarize when size > threshold; INT64_MAX: never */
    int edgeitems;          /* 3: items kept at each end of a summarized axis (>= 0) */
    int linewidth;          /* 75: characters per line */
    int suppress;           /* 0 (false): 1 turns off scientific notation for small values */
    char sign;              /* '-' (default), '+' or ' ' for positive floats (and ints in 2.x) */
    nd_floatmode floatmode; /* ND_FLOATMODE_MAXPREC */
    char nanstr[32];        /* "nan" (at most 31 bytes, UTF-8) */
    char infstr[32];        /* "inf" */
    char legacy[8];         /* "false" (NumPy 2.x output), "1.25" (NumPy 1.x output; "1.21"
                             * is the same for nd's dtypes), "2.1" (no shape= in summarized
                             * reprs), "2.2" (also 1.x float16/32 notation thresholds) */
} nd_printoptions;

/** np.set_printoptions(**kw): only the given fields change, as NumPy:
 *      nd_set_printoptions(.precision = 3, .suppress = true);
 *  Returns 0, or -1 with NumPy's ValueError (bad sign, floatmode or legacy; negative
 *  precision or edgeitems; strings too long) and nothing changed.  The macro is an
 *  expression on GCC/Clang (it silences their -Woverride-init warning about the
 *  "keep" defaults it places before your fields).  C++ and other languages fill an
 *  nd_printoptions from ND_PRINTOPTIONS_KEEP and call nd_set_printoptions_ex. */
int nd_set_printoptions_ex(const nd_printoptions *o);
#define ND_PRINTOPTIONS_KEEP { .precision = ND_PRINT_KEEP, .threshold = ND_PRINT_KEEP, \
    .edgeitems = ND_PRINT_KEEP, .linewidth = ND_PRINT_KEEP, .suppress = ND_PRINT_KEEP }
#if defined(__GNUC__) && !defined(__cplusplus)
#define nd_set_printoptions(...) __extension__ ({ \
    _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Woverride-init\"") \
    int nd_r_ = nd_set_printoptions_ex(&(nd_printoptions){ .precision = ND_PRINT_KEEP, \
        .threshold = ND_PRINT_KEEP, .edgeitems = ND_PRINT_KEEP, .linewidth = ND_PRINT_KEEP, \
        .suppress = ND_PRINT_KEEP, __VA_ARGS__ }); \
    _Pragma("GCC diagnostic pop") nd_r_; })
#else
#define nd_set_printoptions(...) nd_set_printoptions_ex(&(nd_printoptions){ \
    .precision = ND_PRINT_KEEP, .threshold = ND_PRINT_KEEP, .edgeitems = ND_PRINT_KEEP, \
    .linewidth = ND_PRINT_KEEP, .suppress = ND_PRINT_KEEP, __VA_ARGS__ })
#endif
/** np.get_printoptions(): every field filled.  Save it and pass it back to
 *  nd_set_printoptions_ex to restore (NumPy's `with np.printoptions(...)`). */
nd_printoptions nd_get_printoptions(void);
/** Back to NumPy's defaults on this thread. */
void nd_reset_printoptions(void);

/** repr(a) (np.array_repr): "array([1., 2.])".  A new string the caller releases
 *  with nd_free_bytes; NULL + error on failure (NULL array, memory, structured
 *  dtypes: not supported yet). */
char *nd_array_repr(const nd_array *a);
/** str(a) (np.array_str): "[1. 2.]".  Caller frees with nd_free_bytes. */
char *nd_array_str(const nd_array *a);
/** print(a): str(a) and a newline to stdout.  Returns 0 or -1. */
int nd_print(const nd_array *a);
/** print(a, file=f): str(a) and a newline to f.  Returns 0 or -1. */
int nd_fprint(FILE *f, const nd_array *a);

/** repr of a NumPy scalar: NumPy 2 writes "np.float64(1.5)", "np.int64(5)",
 *  "np.True_", "np.complex128(1+2j)"; legacy "1.25" writes "1.5", "5", "True",
 *  "(1+2j)".  A weak value is printed as its default dtype (int64, float64...).
 *  Caller frees with nd_free_bytes; NULL + error on failure. */
char *nd_value_repr(nd_value v);
/** str of a NumPy scalar ("1.5", "5", "True", "(1+2j)"; no options apply). */
char *nd_value_str(nd_value v);

#ifdef __cplusplus
}
#endif
#endif
