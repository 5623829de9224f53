/* The test harness: CHECK-style assertions that count failures and keep going,
 * so one run reports every broken case.  A test's main returns check_done(). */
#ifndef ND_CHECK_H
#define ND_CHECK_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"

static int check_failures_ = 0;
static int check_count_ = 0;

#define CHECK(cond) do { check_count_++; if (!(cond)) { check_failures_++; \
    fprintf(stderr, "%s:%d: CHECK(%s) failed [nd error: %s]\n", __FILE__, __LINE__, #cond, \
            nd_error_message()); } } while (0)

#define CHECK_MSG(cond, ...) do { check_count_++; if (!(cond)) { check_failures_++; \
    fprintf(stderr, "%s:%d: CHECK(%s) failed: ", __FILE__, __LINE__, #cond); \
    fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } while (0)

#define CHECK_EQ_INT(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); check_count_++; \
    if (a_ != b_) { check_failures_++; fprintf(stderr, "%s:%d: %s == %s failed: %lld != %lld\n", \
    __FILE__, __LINE__, #a, #b, a_, b_); } } while (0)

#define CHECK_EQ_STR(a, b) do { const char *a_ = (a), *b_ = (b); check_count_++; \
    if (!a_ || !b_ || strcmp(a_, b_) != 0) { check_failures_++; \
    fprintf(stderr, "%s:%d: %s == %s failed:\n  got:      [%s]\n  expected: [%s]\n", \
    __FILE__, __LINE__, #a, #b, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); } } while (0)

/* Doubles equal, NaN equal to NaN, or within rel/abs tolerance tol (0: exact). */
#define CHECK_NEAR(a, b, tol) do { double a_ = (a), b_ = (b), t_ = (tol); check_count_++; \
    int ok_ = (isnan(a_) && isnan(b_)) || a_ == b_ || \
              (t_ > 0 && fabs(a_ - b_) <= t_ * (1 + fabs(b_))); \
    if (!ok_) { check_failures_++; fprintf(stderr, "%s:%d: %s ~ %s failed: %.17g vs %.17g\n", \
    __FILE__, __LINE__, #a, #b, a_, b_); } } while (0)

/* An nd call that must fail with the given code (and message containing `text` if non-NULL). */
#define CHECK_ERR(expr, code, text) do { nd_error_clear(); check_count_++; \
    __typeof__(expr) r_ = (expr); (void)r_; \
    const char *m_ = nd_error_message(); \
    if (nd_error() != (code) || ((text) && !strstr(m_, (text) ? (text) : ""))) { check_failures_++; \
    fprintf(stderr, "%s:%d: %s: expected error %s containing [%s], got %s [%s]\n", __FILE__, \
    __LINE__, #expr, nd_error_name(code), (text) ? (text) : "", nd_error_name(nd_error()), m_); } \
    } while (0)

static inline int check_done(void) {
    fprintf(stderr, "%d checks, %d failures\n", check_count_, check_failures_);
    return check_failures_ ? 1 : 0;
}

/* Exit code CTest reports as "skipped". */
#define CHECK_SKIP 77

/* Read a whole file (NUL-terminated); NULL if missing.  Caller frees with free(). */
static inline char *check_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = (char *)malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) { free(buf); buf = NULL; }
    fclose(f);
    if (buf) { buf[n] = 0; if (len) *len = (size_t)n; }
    return buf;
}

#endif
