/* Private to the library: the parts of cast.c that internal.h does not declare. */
#ifndef ND_CORE_CAST_H
#define ND_CORE_CAST_H

#include "core/internal.h"

/* Cast loops have no return value (nd__cast_fn), but casts from S/U text to numbers
 * and U -> S can fail (ValueError "invalid literal for int() ...", OverflowError,
 * UnicodeEncodeError).  Such a loop records the error with nd__err on the first bad
 * element, writes 0 there, and raises a thread-local flag.  Whoever runs cast loops
 * calls nd__cast_failed() after them: it returns -1 (and lowers the flag) if a loop
 * failed since the last call, else 0. */
int nd__cast_failed(void);
/* True when the (dd <- sd) cast can fail at run time (text parsing, U -> S). */
bool nd__cast_can_fail(const nd_dtype_t *dd, const nd_dtype_t *sd);
/* Run one cast loop and report its failure: 0 or -1. */
int nd__cast_run(const nd_dtype_t *dd, const nd_dtype_t *sd, char *dst, int64_t ds,
                 const char *src, int64_t ss, int64_t n);
/* Width NumPy gives a number converted to text with astype('S') / astype('U'):
 * bool 5, uint8 3, int8 4, ..., int64 21, uint64 20, floats 32, complex 64; a string
 * keeps its own width. */
int64_t nd__cast_string_width(const nd_dtype_t *sd);
/* NumPy's str() of one element (what astype('S'/'U') writes), NUL-terminated in buf
 * (cap >= 80 is always enough). Returns the length. */
int nd__format_scalar(const nd_dtype_t *d, const void *src, char *buf, size_t cap);

#endif
