/* Helpers shared by tests/test_random*.c: SHA-256 (stream and table checksums) and
 * lookup of the NumPy vectors in vectors.txt / golden.txt ("name v1 v2 ..." lines). */
#ifndef ND_RAND_TEST_UTIL_H
#define ND_RAND_TEST_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { uint32_t h[8]; uint64_t len; unsigned char buf[64]; size_t n; } rt_sha256;

static const uint32_t rt_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define RT_ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
static inline void rt_sha_block(rt_sha256 *s, const unsigned char *p) {
    uint32_t w[64], a, b, c, d, e, f, g, h;
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = RT_ROR(w[i - 15], 7) ^ RT_ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = RT_ROR(w[i - 2], 17) ^ RT_ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    a = s->h[0]; b = s->h[1]; c = s->h[2]; d = s->h[3]; e = s->h[4]; f = s->h[5]; g = s->h[6]; h = s->h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (RT_ROR(e, 6) ^ RT_ROR(e, 11) ^ RT_ROR(e, 25)) + ((e & f) ^ (~e & g)) + rt_k[i] + w[i];
        uint32_t t2 = (RT_ROR(a, 2) ^ RT_ROR(a, 13) ^ RT_ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    s->h[0] += a; s->h[1] += b; s->h[2] += c; s->h[3] += d; s->h[4] += e; s->h[5] += f; s->h[6] += g; s->h[7] += h;
}

static inline void rt_sha_init(rt_sha256 *s) {
    static const uint32_t h0[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    memcpy(s->h, h0, sizeof h0);
    s->len = 0;
    s->n = 0;
}

static inline void rt_sha_update(rt_sha256 *s, const void *data, size_t len) {
    const unsigned char *p = (const unsigned char *)data;
    s->len += len;
    while (len) {
        size_t take = 64 - s->n < len ? 64 - s->n : len;
        memcpy(s->buf + s->n, p, take);
        s->n += take; p += take; len -= take;
        if (s->n == 64) { rt_sha_block(s, s->buf); s->n = 0; }
    }
}

/* Finish; writes 64 hex characters + NUL into hex. */
static inline void rt_sha_hex(rt_sha256 *s, char hex[65]) {
    uint64_t bits = s->len * 8;
    unsigned char pad = 0x80, z = 0, lenb[8];
    rt_sha_update(s, &pad, 1);
    while (s->n != 56) rt_sha_update(s, &z, 1);
    for (int i = 0; i < 8; i++) lenb[i] = (unsigned char)(bits >> (56 - 8 * i));
    rt_sha_update(s, lenb, 8);
    for (int i = 0; i < 8; i++) sprintf(hex + 8 * i, "%08x", s->h[i]);
}

static inline void rt_sha_buf(const void *data, size_t len, char hex[65]) {
    rt_sha256 s;
    rt_sha_init(&s);
    rt_sha_update(&s, data, len);
    rt_sha_hex(&s, hex);
}

/* Vector files: the whole text is loaded once per file. */
static char *rt_files[4];
static const char *rt_names[4];

/* The value tokens of vector `name` from file `fname` (in ND_GOLDEN_DIR/random/),
 * up to cap tokens copied into toks (pointers into a static copy). Returns count or -1. */
static inline int rt_vec(const char *fname, const char *name, char **toks, int cap) {
    int slot = -1;
    for (int i = 0; i < 4; i++) {
        if (rt_names[i] && strcmp(rt_names[i], fname) == 0) { slot = i; break; }
        if (!rt_names[i]) {
            char path[1024];
            snprintf(path, sizeof path, "%s/random/%s", ND_GOLDEN_DIR, fname);
            rt_files[i] = check_read_file(path, NULL);
            rt_names[i] = fname;
            slot = i;
            break;
        }
    }
    if (slot < 0 || !rt_files[slot]) return -1;
    size_t nl = strlen(name);
    for (char *line = rt_files[slot]; line && *line;) {
        char *end = strchr(line, '\n');
        if (strncmp(line, name, nl) == 0 && line[nl] == ' ') {
            static char copy[1 << 20];
            size_t len = end ? (size_t)(end - line) : strlen(line);
            if (len >= sizeof copy) return -1;
            memcpy(copy, line, len);
            copy[len] = 0;
            int n = 0;
            char *save = NULL;
            strtok_r(copy, " ", &save);
            for (char *t = strtok_r(NULL, " ", &save); t && n < cap; t = strtok_r(NULL, " ", &save)) toks[n++] = t;
            return n;
        }
        line = end ? end + 1 : NULL;
    }
    return -1;
}

/* Numeric forms of a vector: unsigned / signed integers and doubles (hex floats). */
static inline int rt_vec_u64(const char *file, const char *name, uint64_t *out, int cap) {
    char *t[4096];
    int n = rt_vec(file, name, t, cap < 4096 ? cap : 4096);
    for (int i = 0; i < n; i++) out[i] = strtoull(t[i], NULL, 10);
    return n;
}
static inline int rt_vec_i64(const char *file, const char *name, int64_t *out, int cap) {
    char *t[4096];
    int n = rt_vec(file, name, t, cap < 4096 ? cap : 4096);
    for (int i = 0; i < n; i++) out[i] = strtoll(t[i], NULL, 10);
    return n;
}
static inline int rt_vec_f64(const char *file, const char *name, double *out, int cap) {
    char *t[4096];
    int n = rt_vec(file, name, t, cap < 4096 ? cap : 4096);
    for (int i = 0; i < n; i++) out[i] = strtod(t[i], NULL);
    return n;
}

#endif
