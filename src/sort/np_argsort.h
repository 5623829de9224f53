/* Private to the library: NumPy's argsort order for code that must visit equal keys in
 * the order NumPy's np.argsort (kind 'quicksort') leaves them, e.g. the weighted
 * histogram, whose cumulative sums of sorted weights then match NumPy's last bits.
 * Each function sorts n (key, position) pairs in place by key (NaNs last). */
#ifndef ND_SORT_NP_ARGSORT_H
#define ND_SORT_NP_ARGSORT_H

#include <stdint.h>

typedef struct { double k; int64_t i; } nd__f64_pos;
typedef struct { int64_t k; int64_t i; } nd__i64_pos;
typedef struct { double re, im; } nd__c128_key;   /* complex order: real, then imaginary */
typedef struct { nd__c128_key k; int64_t i; } nd__c128_pos;

void nd__np_argsort_f64(nd__f64_pos *v, int64_t n);
void nd__np_argsort_i64(nd__i64_pos *v, int64_t n);
void nd__np_argsort_c128(nd__c128_pos *v, int64_t n);

#endif
