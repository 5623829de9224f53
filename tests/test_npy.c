/* .npy: nd_save / nd_load against files np.save wrote (tests/golden/npy, made by
 * make_npy_fixtures.py), malformed input of every kind, allocation failures, and
 * (when /usr/bin/python3 has NumPy) files nd writes loaded back by NumPy. */
#include "check.h"

#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#define GOLD ND_GOLDEN_DIR "/npy/"
#define OUT ND_TMP_DIR "/npy_out/"

/* ------------------------------------------------------------ a counting allocator */

static long long live_bytes, n_allocs, fail_at = -1;
static size_t max_alloc;

static void *t_malloc(size_t n, void *ctx) {
    (void)ctx;
    if (fail_at >= 0 && n_allocs++ == fail_at) return NULL;
    if (fail_at < 0) n_allocs++;
    if (n > max_alloc) max_alloc = n;
    void *p = malloc(n);
    if (p) live_bytes += (long long)n;
    return p;
}
static void t_free(void *p, size_t n, void *ctx) {
    (void)ctx;
    if (p) live_bytes -= (long long)n;
    free(p);
}

/* ------------------------------------------------------------ the manifest */

typedef struct tcase {
    char name[48], dtype[16], shape[64], order[4], op[64];
    unsigned char *data;
    size_t nbytes;
} tcase;

static tcase cases[200];
static int ncases;

static int parse_shape(const char *s, int64_t *dims) {
    if (!strcmp(s, "-")) return 0;
    int n = 0;
    while (*s) {
        dims[n++] = strtoll(s, (char **)&s, 10);
        if (*s == 'x') s++;
    }
    return n;
}

static void read_manifest(void) {
    FILE *f = fopen(GOLD "manifest.txt", "r");
    CHECK(f != NULL);
    if (!f) return;
    static char line[8192];
    char hex[4096];
    while (fgets(line, sizeof line, f) && ncases < 200) {
        tcase *c = &cases[ncases];
        if (sscanf(line, "%47s %15s %63s %3s %63s %4095s", c->name, c->dtype, c->shape, c->order, c->op, hex) != 6)
            continue;
        size_t n = strcmp(hex, "-") ? strlen(hex) / 2 : 0;
        c->data = malloc(n + 1);
        for (size_t i = 0; i < n; i++) {
            unsigned v;
            sscanf(hex + 2 * i, "%2x", &v);
            c->data[i] = (unsigned char)v;
        }
        c->nbytes = n;
        ncases++;
    }
    fclose(f);
}

static tcase *find_case(const char *name) {
    for (int i = 0; i < ncases; i++)
        if (!strcmp(cases[i].name, name)) return &cases[i];
    return NULL;
}

/* The array a case describes, built from its C-order bytes. */
static nd_array *case_array(const tcase *c) {
    int64_t dims[ND_MAXDIMS];
    int nd = parse_shape(c->shape, dims);
    const nd_dtype_t *dt = nd_dtype_parse(c->dtype);
    if (!dt) return NULL;
    nd_array *a = nd_from_data(c->data, (nd_shape_t){ nd, dims }, dt);
    nd_dtype_free(dt);
    return a;
}

/* The array np.save was given for a case (op C, F:, V:, T:). */
static nd_array *case_input(const tcase *c) {
    if (!strcmp(c->op, "C")) return case_array(c);
    char base[64];
    const char *ix = "";
    snprintf(base, sizeof base, "%s", c->op + 2);
    char *colon = strchr(base, ':');
    if (colon) { *colon = 0; ix = c->op + 2 + (colon - base) + 1; }
    const tcase *b = find_case(base);
    if (!b) return NULL;
    nd_array *ba = case_array(b), *r = NULL;
    if (!ba) return NULL;
    if (c->op[0] == 'F') r = nd_asfortranarray(ba);
    else if (c->op[0] == 'T') r = nd_transpose(ba, NULL);
    else if (c->op[0] == 'V') r = nd_get(ba, ix);
    nd_free(ba);
    return r;
}

static bool bytes_equal_file(const void *buf, size_t n, const char *path) {
    size_t len = 0;
    char *ref = check_read_file(path, &len);
    bool ok = ref && len == n && memcmp(ref, buf, n) == 0;
    if (!ok && ref) {
        size_t k = 0;
        while (k < n && k < len && ((const char *)buf)[k] == ref[k]) k++;
        fprintf(stderr, "  %s: %zu bytes vs %zu, first difference at %zu\n", path, n, len, k);
    }
    free(ref);
    return ok;
}

/* Loaded array a matches case c: dtype, shape, order, values. */
static void check_loaded(const nd_array *a, const tcase *c, const char *how) {
    CHECK_MSG(a != NULL, "%s %s: %s", how, c->name, nd_error_message());
    if (!a) return;
    CHECK_EQ_STR(nd_dtype_str_repr(nd_dtype(a)), c->dtype);
    int64_t dims[ND_MAXDIMS];
    int nd = parse_shape(c->shape, dims);
    CHECK_EQ_INT(nd_ndim(a), nd);
    bool shape_ok = nd_ndim(a) == nd;
    for (int i = 0; shape_ok && i < nd; i++) shape_ok = nd_shape(a)[i] == dims[i];
    CHECK_MSG(shape_ok, "%s %s: shape", how, c->name);
    if (c->order[0] == 'F') CHECK_MSG(nd_is_f_contiguous(a) && !nd_is_c_contiguous(a), "%s %s: not F", how, c->name);
    else CHECK_MSG(nd_is_c_contiguous(a), "%s %s: not C", how, c->name);
    CHECK(nd_is_writeable(a));
    int64_t n = -1;
    void *b = nd_tobytes(a, 'C', &n);
    CHECK_MSG(b && n == (int64_t)c->nbytes && (n == 0 || !memcmp(b, c->data, (size_t)n)),
              "%s %s: values differ", how, c->name);
    nd_free_bytes(b);
}

/* ------------------------------------------------------------ both directions */

static void test_fixtures(void) {
    CHECK(ncases > 80);
    for (int i = 0; i < ncases; i++) {
        const tcase *c = &cases[i];
        char path[512], out[512];
        snprintf(path, sizeof path, GOLD "%.47s.npy", c->name);

        /* NumPy -> nd, through the path, a FILE and a memory image */
        nd_array *a = nd_load(path);
        check_loaded(a, c, "nd_load");
        FILE *f = fopen(path, "rb");
        nd_array *a2 = f ? nd_load_file(f) : NULL;
        check_loaded(a2, c, "nd_load_file");
        if (f) { CHECK(fgetc(f) == EOF); fclose(f); }
        size_t len = 0;
        char *img = check_read_file(path, &len);
        nd_array *a3 = img ? nd_load_buffer(img, len) : NULL;
        check_loaded(a3, c, "nd_load_buffer");
        free(img);
        /* what nd loaded, saved again, for NumPy to check */
        snprintf(out, sizeof out, OUT "rt_%.47s.npy", c->name);
        if (a) CHECK_MSG(nd_save(out, a) == 0, "%s: %s", out, nd_error_message());
        nd_free(a);
        nd_free(a2);
        nd_free(a3);

        /* nd -> NumPy: the same array saved by nd is the same file, byte for byte */
        if (!strcmp(c->op, "L")) continue;
        nd_array *in = case_input(c);
        CHECK_MSG(in != NULL, "%s: cannot build input: %s", c->name, nd_error_message());
        if (!in) continue;
        snprintf(out, sizeof out, OUT "%.47s.npy", c->name);
        CHECK_MSG(nd_save(out, in) == 0, "%s: %s", out, nd_error_message());
        size_t olen = 0;
        char *written = check_read_file(out, &olen);
        CHECK_MSG(written && bytes_equal_file(written, olen, path), "nd_save %s differs from np.save", c->name);
        free(written);
        int64_t bn = 0;
        void *buf = nd_save_buffer(in, &bn);
        CHECK_MSG(buf && bytes_equal_file(buf, (size_t)bn, path), "nd_save_buffer %s differs", c->name);
        nd_free_bytes(buf);
        FILE *tf = tmpfile();
        if (tf) {
            CHECK(nd_save_file(tf, in) == 0);
            long n = ftell(tf);
            rewind(tf);
            char *tb = malloc((size_t)n + 1);
            CHECK(tb && fread(tb, 1, (size_t)n, tf) == (size_t)n && bytes_equal_file(tb, (size_t)n, path));
            free(tb);
            fclose(tf);
        }
        nd_free(in);
    }
}

/* ------------------------------------------------------------ crafted files */

/* A .npy image with the given version and header text (unpadded, as given) and data. */
static unsigned char *craft(int major, const char *header, const void *data, size_t ndata, size_t *len) {
    size_t hl = strlen(header), pre = major == 1 ? 10 : 12;
    *len = pre + hl + ndata;
    unsigned char *b = malloc(*len + 1);
    memcpy(b, "\x93NUMPY", 6);
    b[6] = (unsigned char)major;
    b[7] = 0;
    for (size_t k = 0; k < pre - 8; k++) b[8 + k] = (unsigned char)(hl >> (8 * k));
    memcpy(b + pre, header, hl);
    if (ndata) memcpy(b + pre + hl, data, ndata);
    return b;
}

static nd_array *load_crafted(int major, const char *header, const void *data, size_t ndata) {
    size_t len;
    unsigned char *b = craft(major, header, data, ndata, &len);
    nd_error_clear();
    nd_array *a = nd_load_buffer(b, len);
    free(b);
    return a;
}

#define HDR(descr, fortran, shape) "{'descr': " descr ", 'fortran_order': " fortran ", 'shape': " shape ", }"

static const double two[2] = { 1.5, -2.25 };

static void test_header_forms(void) {
    /* byte-order prefixes, spellings NumPy's dtype() accepts, Python literal forms */
    const char *ok_headers[] = {
        HDR("'<f8'", "False", "(2,)"), HDR("'=f8'", "False", "(2,)"), HDR("'|f8'", "False", "(2,)"),
        HDR("'float64'", "False", "(2,)"), HDR("u'<f8'", "False", "(2,)"), HDR("\"<f8\"", "False", "(2,)"),
        HDR("'<' 'f8'", "False", "(2,)"), HDR("'\\x3cf8'", "False", "(2,)"), HDR("r'<f8'", "False", "(2,)"),
        "{\"shape\":(2,),\"fortran_order\":False,\"descr\":\"<f8\"}",
        "  {'descr': '<f8', 'fortran_order': False, 'shape': (2,)}\n",
        "{'descr': '<f8', # a comment\n 'fortran_order': False, 'shape': ((2),), }",
        "{'descr': '<i4', 'fortran_order': False, 'shape': (2,), 'descr': '<f8'}",  /* last wins */
        HDR("'<f8'", "False", "(0x2,)"), HDR("'<f8'", "False", "(+2,)"),
        HDR("'<f8'", "True", "(2,)"), HDR("'<f8'", "False", "(1, 2, 1)"),
    };
    for (size_t i = 0; i < sizeof ok_headers / sizeof *ok_headers; i++) {
        nd_array *a = load_crafted(1, ok_headers[i], two, sizeof two);
        CHECK_MSG(a && nd_dtype(a) == ND_FLOAT64 && nd_size(a) == 2, "header %zu [%s]: %s", i, ok_headers[i],
                  nd_error_message());
        int64_t n = 0;
        void *b = a ? nd_tobytes(a, 'C', &n) : NULL;
        CHECK_MSG(b && n == 16 && !memcmp(b, two, 16), "header %zu: values", i);
        nd_free_bytes(b);
        nd_free(a);
    }
    /* values: big-endian double, F order */
    const unsigned char be[16] = { 0x3f, 0xf8, 0, 0, 0, 0, 0, 0, 0xc0, 0x02, 0, 0, 0, 0, 0, 0 };
    nd_array *a = load_crafted(1, HDR("'>f8'", "False", "(2,)"), be, 16);
    CHECK(a && nd_item_double(a, ND_IDX(0)) == 1.5 && nd_item_double(a, ND_IDX(1)) == -2.25);
    nd_free(a);
    const int32_t m[6] = { 1, 4, 2, 5, 3, 6 };  /* F order of [[1,2,3],[4,5,6]] */
    a = load_crafted(1, HDR("'<i4'", "True", "(2, 3)"), m, sizeof m);
    CHECK(a && nd_is_f_contiguous(a) && nd_item_int(a, ND_IDX(0, 1)) == 2 && nd_item_int(a, ND_IDX(1, 0)) == 4);
    nd_free(a);
    /* Python 2's long suffix is accepted in versions 1.0 and 2.0 only */
    a = load_crafted(1, HDR("'<f8'", "False", "(2L,)"), two, sizeof two);
    CHECK(a && nd_size(a) == 2);
    nd_free(a);
    a = load_crafted(2, HDR("'<f8'", "False", "(2L,)"), two, sizeof two);
    CHECK(a && nd_size(a) == 2);
    nd_free(a);
    CHECK_ERR(load_crafted(3, HDR("'<f8'", "False", "(2L,)"), two, sizeof two), ND_ERR_VALUE, "Cannot parse header");
    /* version 3.0: UTF-8 header; 2.0: 4-byte length */
    a = load_crafted(3, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), } # \xc3\xa9\n", two, sizeof two);
    CHECK(a && nd_size(a) == 2);
    nd_free(a);
    /* bools are normalized to 0/1 */
    a = load_crafted(1, HDR("'|b1'", "False", "(3,)"), "\x00\x02\x01", 3);
    CHECK(a && ((unsigned char *)nd_data(a))[1] == 1 && ((unsigned char *)nd_data(a))[0] == 0);
    nd_free(a);
    /* zero itemsize and empty data */
    a = load_crafted(1, HDR("'|S0'", "False", "(3,)"), NULL, 0);
    CHECK(a && nd_size(a) == 3 && nd_nbytes(a) == 0);
    nd_free(a);
    a = load_crafted(1, HDR("'<f8'", "False", "(0, 5)"), NULL, 0);
    CHECK(a && nd_size(a) == 0 && nd_ndim(a) == 2);
    nd_free(a);
    /* trailing data is ignored, as np.load does */
    unsigned char extra[24] = { 0 };
    memcpy(extra, two, 16);
    a = load_crafted(1, HDR("'<f8'", "False", "(2,)"), extra, sizeof extra);
    CHECK(a && nd_size(a) == 2 && nd_item_double(a, ND_IDX(1)) == -2.25);
    nd_free(a);
}

static void test_malformed(void) {
    /* truncated at every byte: path of a small file, its image, and a FILE */
    const char *tpaths[] = { GOLD "f8_c.npy", GOLD "u3_v3.npy", GOLD "f8_0d.npy", GOLD "c16_f.npy" };
    for (size_t t = 0; t < sizeof tpaths / sizeof *tpaths; t++) {
        size_t len = 0;
        char *img = check_read_file(tpaths[t], &len);
        CHECK(img != NULL);
        if (!img) continue;
        for (size_t n = 0; n < len; n++) {
            nd_error_clear();
            nd_array *a = nd_load_buffer(img, n);
            CHECK_MSG(!a && nd_error() == ND_ERR_VALUE && !strncmp(nd_error_message(), "EOF: reading ", 13),
                      "%s truncated to %zu: %s", tpaths[t], n, nd_error_message());
            nd_free(a);
            FILE *f = tmpfile();
            if (f && n % 7 == 0) {
                fwrite(img, 1, n, f);
                rewind(f);
                nd_error_clear();
                a = nd_load_file(f);
                CHECK_MSG(!a && nd_error() == ND_ERR_VALUE && !strncmp(nd_error_message(), "EOF: reading ", 13),
                          "FILE %s truncated to %zu: %s", tpaths[t], n, nd_error_message());
                nd_free(a);
            }
            if (f) fclose(f);
        }
        free(img);
    }
    size_t len = 0;
    char *img = check_read_file(GOLD "f8_c.npy", &len);
    CHECK(img && len == 128 + 96);
    if (!img) return;
    CHECK_ERR(nd_load_buffer(img, 5), ND_ERR_VALUE, "EOF: reading magic string, expected 8 bytes got 5");
    CHECK_ERR(nd_load_buffer(img, 9), ND_ERR_VALUE, "EOF: reading array header length, expected 2 bytes got 1");
    CHECK_ERR(nd_load_buffer(img, 100), ND_ERR_VALUE, "EOF: reading array header, expected 118 bytes got 90");
    CHECK_ERR(nd_load_buffer(img, 200), ND_ERR_VALUE, "EOF: reading array data, expected 96 bytes got 72");
    char *bad = malloc(len);
    memcpy(bad, img, len);
    bad[1] = 'X';
    CHECK_ERR(nd_load_buffer(bad, len), ND_ERR_VALUE,
              "the magic string is not correct; expected b'\\x93NUMPY', got b'\\x93XUMPY'");
    memcpy(bad, "PK\x03\x04\x14\x00\x00\x00", 8);  /* an .npz is a zip */
    CHECK_ERR(nd_load_buffer(bad, len), ND_ERR_VALUE, "got b'PK\\x03\\x04\\x14\\x00'");
    memcpy(bad, img, len);
    bad[6] = 4;
    CHECK_ERR(nd_load_buffer(bad, len), ND_ERR_VALUE,
              "we only support format version (1,0), (2,0), and (3,0), not (4, 0)");
    bad[6] = 1;
    bad[7] = 1;
    CHECK_ERR(nd_load_buffer(bad, len), ND_ERR_VALUE, "not (1, 1)");
    bad[6] = 0;
    bad[7] = 0;
    CHECK_ERR(nd_load_buffer(bad, len), ND_ERR_VALUE, "not (0, 0)");
    /* header length too long / too short */
    memcpy(bad, img, len);
    bad[8] = (char)0xff;
    bad[9] = (char)0xff;
    CHECK_ERR(nd_load_buffer(bad, len), ND_ERR_VALUE, "EOF: reading array header, expected 65535 bytes got 214");
    bad[8] = 20;
    bad[9] = 0;
    CHECK_ERR(nd_load_buffer(bad, len), ND_ERR_VALUE, "Cannot parse header: \"{'descr': '<f8', 'fo\"");
    bad[8] = 0;
    CHECK_ERR(nd_load_buffer(bad, len), ND_ERR_VALUE, "Cannot parse header: ''");
    /* version 2.0 with a 4 GiB header length: no allocation, EOF error */
    memcpy(bad, img, len);
    free(img);
    size_t l2;
    unsigned char *v2 = craft(2, HDR("'<f8'", "False", "(2,)"), two, 16, &l2);
    v2[8] = v2[9] = v2[10] = v2[11] = 0xff;
    max_alloc = 0;
    CHECK_ERR(nd_load_buffer(v2, l2), ND_ERR_VALUE, "expected 4294967295 bytes got");
    CHECK(max_alloc < 4096);
    /* ... and on a pipe (size unknown): allocation grows with the data only */
    FILE *tf = fopen(OUT "lying_header.npy", "wb");
    CHECK(tf != NULL);
    if (tf) {
        fwrite(v2, 1, 12, tf);
        fwrite("{'descr'", 1, 8, tf);
        fclose(tf);
    }
    FILE *p = popen("cat " OUT "lying_header.npy", "r");
    if (p) {
        max_alloc = 0;
        CHECK_ERR(nd_load_file(p), ND_ERR_VALUE, "EOF: reading array header, expected 4294967295 bytes got 8");
        CHECK(max_alloc <= 65536 + 64);
        pclose(p);
    }
    /* a pipe claiming 8 GB of data but holding 16 bytes */
    tf = fopen(OUT "lying_data.npy", "wb");
    if (tf) {
        size_t ln;
        unsigned char *lie = craft(1, HDR("'<f8'", "False", "(1000000000,)"), two, 16, &ln);
        fwrite(lie, 1, ln, tf);
        fclose(tf);
        free(lie);
    }
    p = popen("cat " OUT "lying_data.npy", "r");
    if (p) {
        max_alloc = 0;
        CHECK_ERR(nd_load_file(p), ND_ERR_VALUE, "EOF: reading array data, expected 8000000000 bytes got 16");
        CHECK(max_alloc <= (1 << 20) + 64);
        pclose(p);
    }
    free(v2);
    free(bad);

    struct { const char *header; nd_error_code code; const char *msg; } cases_[] = {
        { "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), ", ND_ERR_VALUE, "Cannot parse header: " },
        { "{'descr': '<f8' 'fortran_order': False, 'shape': (2,)}", ND_ERR_VALUE, "Cannot parse header: " },
        { "{'descr': '<f8', 'fortran_order': False, 'shape': (2,)} x", ND_ERR_VALUE, "Cannot parse header: " },
        { "{'descr': '<f8', 'fortran_order': false, 'shape': (2,)}", ND_ERR_VALUE, "Cannot parse header: " },
        { "{'descr': '<f8', 'fortran_order': False, 'shape': (02,)}", ND_ERR_VALUE, "Cannot parse header: " },
        { "{'descr': '<f8', 'fortran_order': False, 'shape': (2,,)}", ND_ERR_VALUE, "Cannot parse header: " },
        { "{'descr': '<f8\", 'fortran_order': False, 'shape': (2,)}", ND_ERR_VALUE, "Cannot parse header: " },
        { "{'descr': '<f8', 'fortran_order': False, 'shape': f'(2,)'}", ND_ERR_VALUE, "Cannot parse header: " },
        { "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }\x01", ND_ERR_VALUE, "Cannot parse header: " },
        { "((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))",
          ND_ERR_VALUE, "Cannot parse header: " },
        { "[1, 2]", ND_ERR_VALUE, "Header is not a dictionary: [1, 2]" },
        { "{1, 2}", ND_ERR_VALUE, "Header is not a dictionary: {1, 2}" },
        { "'<f8'", ND_ERR_VALUE, "Header is not a dictionary: '<f8'" },
        { "{'descr': '<f8', 'shape': (2,), }", ND_ERR_VALUE,
          "Header does not contain the correct keys: ['descr', 'shape']" },
        { "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'extra': 1}", ND_ERR_VALUE,
          "Header does not contain the correct keys: ['descr', 'extra', 'fortran_order', 'shape']" },
        { "{}", ND_ERR_VALUE, "Header does not contain the correct keys: []" },
        { HDR("'<f8'", "False", "[2]"), ND_ERR_VALUE, "shape is not valid: [2]" },
        { HDR("'<f8'", "False", "(2.0,)"), ND_ERR_VALUE, "shape is not valid: (2.0,)" },
        { HDR("'<f8'", "False", "(2)"), ND_ERR_VALUE, "shape is not valid: 2" },
        { HDR("'<f8'", "False", "(True, 2)"), ND_ERR_VALUE, "shape is not valid: (True, 2)" },
        { HDR("'<f8'", "False", "('2',)"), ND_ERR_VALUE, "shape is not valid: ('2',)" },
        { HDR("'<f8'", "False", "None"), ND_ERR_VALUE, "shape is not valid: None" },
        { HDR("'<f8'", "0", "(2,)"), ND_ERR_VALUE, "fortran_order is not a valid bool: 0" },
        { HDR("'<f8'", "'False'", "(2,)"), ND_ERR_VALUE, "fortran_order is not a valid bool: 'False'" },
        { HDR("'<q9'", "False", "(2,)"), ND_ERR_VALUE, "descr is not a valid dtype descriptor: '<q9'" },
        { HDR("5", "False", "(2,)"), ND_ERR_VALUE, "descr is not a valid dtype descriptor: 5" },
        { HDR("''", "False", "(2,)"), ND_ERR_VALUE, "descr is not a valid dtype descriptor: ''" },
        { HDR("'<f8\\x00'", "False", "(2,)"), ND_ERR_VALUE, "descr is not a valid dtype descriptor" },
        { HDR("'<M8[ns]'", "False", "(2,)"), ND_ERR_NOT_SUPPORTED, "descr '<M8[ns]' is not supported" },
        { HDR("'<m8'", "False", "(2,)"), ND_ERR_NOT_SUPPORTED, "not supported" },
        { HDR("'|O'", "False", "(2,)"), ND_ERR_NOT_SUPPORTED, "Object arrays cannot be loaded" },
        { HDR("'<f16'", "False", "(2,)"), ND_ERR_NOT_SUPPORTED, "not supported" },
        { HDR("'<c32'", "False", "(2,)"), ND_ERR_NOT_SUPPORTED, "not supported" },
        { HDR("[('x', '<i4'), ('y', '<f8')]", "False", "(2,)"), ND_ERR_NOT_SUPPORTED,
          "not supported yet: descr [('x', '<i4'), ('y', '<f8')]" },
        { HDR("('<i4', (2,))", "False", "(2,)"), ND_ERR_NOT_SUPPORTED, "not supported" },
        { HDR("'<f8'", "False", "(-1,)"), ND_ERR_VALUE, "negative dimensions are not allowed" },
        { HDR("'<f8'", "False", "(2, -3)"), ND_ERR_VALUE, "negative dimensions are not allowed" },
        { HDR("'<f8'", "False", "(4611686018427387904, 4)"), ND_ERR_VALUE, "array is too big" },
        { HDR("'<f8'", "False", "(1152921504606846976,)"), ND_ERR_VALUE, "array is too big" },
        { HDR("'<f8'", "False", "(100000000000000000000000,)"), ND_ERR_VALUE, "array is too big" },
        { HDR("'<f8'", "False", "(-100000000000000000000000,)"), ND_ERR_VALUE, "negative dimensions" },
        { HDR("'<f8'", "False", "(1000000000,)"), ND_ERR_VALUE,
          "EOF: reading array data, expected 8000000000 bytes got 16" },
        { HDR("'<f8'", "False", "(3,)"), ND_ERR_VALUE, "EOF: reading array data, expected 24 bytes got 16" },
        { HDR("'<U100000000'", "False", "(1000,)"), ND_ERR_VALUE, "EOF: reading array data" },
        { HDR("'<f8'", "False", "(1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,"
                                "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1)"),
          ND_ERR_VALUE, "maximum supported dimension for an ndarray is currently 64, found 65" },
    };
    for (size_t i = 0; i < sizeof cases_ / sizeof *cases_; i++) {
        max_alloc = 0;
        long long before = live_bytes;
        nd_array *a = load_crafted(1, cases_[i].header, two, sizeof two);
        CHECK_MSG(!a && nd_error() == cases_[i].code && strstr(nd_error_message(), cases_[i].msg),
                  "case %zu [%s]: got %s [%s], expected %s [%s]", i, cases_[i].header, nd_error_name(nd_error()),
                  nd_error_message(), nd_error_name(cases_[i].code), cases_[i].msg);
        CHECK_MSG(max_alloc < 4096, "case %zu allocated %zu bytes", i, max_alloc);
        nd_free(a);
        CHECK_EQ_INT(live_bytes, before);
    }
}

/* Every header byte of a few files replaced by characters that matter to the parser:
 * each load either succeeds or fails with an error; nothing crashes or leaks. */
static void test_mutations(void) {
    const char *paths[] = { GOLD "f8_c.npy", GOLD "u3_v3.npy", GOLD "i2_f.npy" };
    const char subst[] = { 0, '\'', '"', '(', ')', ',', ':', '{', '}', '[', '-', '9', '0', ' ', '\\', 'L', 'x',
                           '#', '\n', 'T', (char)0xff, (char)0xe9 };
    for (size_t t = 0; t < sizeof paths / sizeof *paths; t++) {
        size_t len = 0;
        char *img = check_read_file(paths[t], &len);
        CHECK(img != NULL);
        if (!img) continue;
        int loaded = 0, failed = 0;
        for (size_t pos = 0; pos < 128 && pos < len; pos++) {
            for (size_t k = 0; k < sizeof subst; k++) {
                char keep = img[pos];
                img[pos] = subst[k];
                long long before = live_bytes;
                nd_error_clear();
                nd_array *a = nd_load_buffer(img, len);
                if (a) loaded++;
                else {
                    failed++;
                    CHECK_MSG(nd_error() != ND_OK && nd_error_message()[0], "pos %zu char %d: no error", pos, subst[k]);
                }
                nd_free(a);
                CHECK_MSG(live_bytes == before, "pos %zu char %d leaked", pos, subst[k]);
                img[pos] = keep;
            }
        }
        CHECK(loaded > 0 && failed > 0);
        free(img);
    }
}

/* ------------------------------------------------------------ files and streams */

static void test_files(void) {
    nd_array *a = ND_ARRAY(int, ND_SHAPE(2, 3), 1, 2, 3, 4, 5, 6);
    CHECK(a != NULL);
    /* ".npy" is appended unless present, as np.save does */
    remove(OUT "plain.npy");
    CHECK(nd_save(OUT "plain", a) == 0);
    nd_array *b = nd_load(OUT "plain.npy");
    CHECK(b && nd_dtype(b) == ND_INT32 && nd_item_int(b, ND_IDX(1, 2)) == 6);
    nd_free(b);
    CHECK(nd_save(OUT "plain2.npy", a) == 0);
    struct stat st;
    CHECK(stat(OUT "plain2.npy", &st) == 0 && stat(OUT "plain2.npy.npy", &st) != 0);
    /* OS errors as Python words them */
    CHECK_ERR(nd_load(OUT "missing.npy"), ND_ERR_IO,
              "[Errno 2] No such file or directory: '" OUT "missing.npy'");
    CHECK_ERR(nd_load(OUT), ND_ERR_IO, "[Errno 21] Is a directory");
    CHECK_ERR(nd_save(OUT "no/such/dir/x", a), ND_ERR_IO,
              "[Errno 2] No such file or directory: '" OUT "no/such/dir/x.npy'");
    /* NULL arguments */
    CHECK_ERR(nd_save(NULL, a), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_save(OUT "x", NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_save_file(NULL, a), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_save_buffer(NULL, &(int64_t){ 0 }), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_save_buffer(a, NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_load(NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_load_file(NULL), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_load_buffer(NULL, 10), ND_ERR_VALUE, NULL);
    CHECK_ERR(nd_load_buffer(NULL, 0), ND_ERR_VALUE, "EOF: reading magic string");

    /* several arrays on one stream, read back in turn (np.save(f, x); np.save(f, y)) */
    FILE *f = tmpfile();
    nd_array *c = nd_get(a, "::-1, 1:");
    nd_array *d = nd_T(a);
    CHECK(f && c && d);
    CHECK(nd_save_file(f, a) == 0 && nd_save_file(f, c) == 0 && nd_save_file(f, d) == 0);
    rewind(f);
    nd_array *r1 = nd_load_file(f), *r2 = nd_load_file(f), *r3 = nd_load_file(f);
    CHECK(r1 && nd_item_int(r1, ND_IDX(0, 1)) == 2);
    CHECK(r2 && nd_ndim(r2) == 2 && nd_shape(r2)[0] == 2 && nd_shape(r2)[1] == 2 &&
          nd_item_int(r2, ND_IDX(0, 0)) == 5 && nd_item_int(r2, ND_IDX(1, 1)) == 3);
    CHECK(r3 && nd_is_f_contiguous(r3) && !nd_is_c_contiguous(r3) && nd_item_int(r3, ND_IDX(2, 1)) == 6);
    CHECK_ERR(nd_load_file(f), ND_ERR_VALUE, "EOF: reading magic string, expected 8 bytes got 0");
    nd_free(r1);
    nd_free(r2);
    nd_free(r3);
    fclose(f);

    /* a pipe: the size is unknown; the data is still read exactly */
    FILE *p = popen("cat " GOLD "c16_f.npy " GOLD "u3_v3.npy", "r");
    if (p) {
        nd_array *x = nd_load_file(p), *y = nd_load_file(p);
        check_loaded(x, find_case("c16_f"), "pipe");
        check_loaded(y, find_case("u3_v3"), "pipe");
        nd_free(x);
        nd_free(y);
        pclose(p);
    }
    /* a write error surfaces as OSError */
    FILE *full = fopen("/dev/full", "wb");
    if (full) {
        nd_array *big = nd_zeros(ND_SHAPE(100000));
        setvbuf(full, NULL, _IONBF, 0);
        CHECK_ERR(nd_save_file(full, big), ND_ERR_IO, "No space left on device");
        nd_array *nc = nd_get(big, "::3");
        CHECK_ERR(nd_save_file(full, nc), ND_ERR_IO, "No space left on device");
        nd_free(nc);
        nd_free(big);
        fclose(full);
    }
    /* a large non-contiguous array goes out in chunks and comes back equal */
    nd_array *big = nd_arange(0, 300000, 1, .dtype = ND_INT64);
    nd_array *rs = big ? nd_reshape(big, ND_SHAPE(600, 500)) : NULL;
    nd_array *v = rs ? nd_get(rs, "::-1, ::2") : NULL;
    CHECK(v != NULL);
    CHECK(nd_save(OUT "big_view.npy", v) == 0);
    nd_array *w = nd_load(OUT "big_view.npy");
    CHECK(w && nd_size(w) == 150000 && nd_item_int(w, ND_IDX(0, 0)) == 299500 &&
          nd_item_int(w, ND_IDX(599, 249)) == 498);
    int64_t n1 = 0, n2 = 0;
    void *b1 = v ? nd_tobytes(v, 'C', &n1) : NULL, *b2 = w ? nd_tobytes(w, 'C', &n2) : NULL;
    CHECK(b1 && b2 && n1 == n2 && !memcmp(b1, b2, (size_t)n1));
    /* the same 1.2 MB file through a pipe: read in growing chunks */
    FILE *bp = popen("cat " OUT "big_view.npy", "r");
    if (bp) {
        max_alloc = 0;
        nd_array *pw = nd_load_file(bp);
        int64_t n3 = 0;
        void *b3 = pw ? nd_tobytes(pw, 'C', &n3) : NULL;
        CHECK(b1 && b3 && n3 == n1 && !memcmp(b1, b3, (size_t)n1));
        CHECK(max_alloc >= (size_t)n1);
        nd_free_bytes(b3);
        nd_free(pw);
        pclose(bp);
    }
    nd_free_bytes(b1);
    nd_free_bytes(b2);
    nd_free(w);
    nd_free(v);
    nd_free(rs);
    nd_free(big);
    nd_free(c);
    nd_free(d);
    nd_free(a);
}

/* ------------------------------------------------------------ allocation failures */

static void test_alloc_failures(void) {
    const char *names[] = { "u3_be", "f8_v", "c16_f", "s5_c" };
    for (size_t t = 0; t < sizeof names / sizeof *names; t++) {
        const tcase *c = find_case(names[t]);
        CHECK(c != NULL);
        if (!c) continue;
        char path[512];
        snprintf(path, sizeof path, GOLD "%s.npy", names[t]);
        size_t len = 0;
        char *img = check_read_file(path, &len);
        nd_array *in = strcmp(c->op, "L") ? case_input(c) : case_array(c);
        CHECK(img && in);
        bool load_done = false, save_done = false, file_done = false;
        for (long long k = 0; k < 100 && !(load_done && save_done && file_done); k++) {
            long long before = live_bytes;
            n_allocs = 0;
            fail_at = k;
            nd_error_clear();
            nd_array *a = load_done ? NULL : nd_load_buffer(img, len);
            if (!load_done) {
                if (a) load_done = true;
                else CHECK_MSG(nd_error() == ND_ERR_MEMORY, "load %s fail@%lld: %s", names[t], k, nd_error_message());
            }
            int64_t bn;
            void *buf = save_done ? NULL : nd_save_buffer(in, &bn);
            if (!save_done) {
                if (buf) save_done = true;
                else CHECK_MSG(nd_error() == ND_ERR_MEMORY, "save %s fail@%lld: %s", names[t], k, nd_error_message());
            }
            FILE *f = file_done ? NULL : tmpfile();
            if (f) {
                int r = nd_save_file(f, in);
                if (r == 0) file_done = true;
                else CHECK_MSG(nd_error() == ND_ERR_MEMORY, "save_file %s fail@%lld", names[t], k);
                fclose(f);
            }
            fail_at = -1;
            nd_free(a);
            nd_free_bytes(buf);
            CHECK_MSG(live_bytes == before, "%s fail@%lld leaked %lld bytes", names[t], k, live_bytes - before);
        }
        CHECK(load_done && save_done && file_done);
        nd_free(in);
        free(img);
    }
}

/* ------------------------------------------------------------ NumPy reads nd's files */

static int python_check(void) {
    if (access("/usr/bin/python3", X_OK) != 0 ||
        system("/usr/bin/python3 -c 'import numpy' >/dev/null 2>&1") != 0) {
        fprintf(stderr, "test_npy: /usr/bin/python3 with numpy not found: NumPy-side check skipped\n");
        return 0;
    }
    int r = system("/usr/bin/python3 " GOLD "check_nd_files.py " OUT);
    CHECK_MSG(r == 0, "check_nd_files.py failed (status %d)", r);
    return 1;
}

int main(void) {
    nd_set_allocator(&(nd_allocator){ .malloc = t_malloc, .free = t_free });
    mkdir(ND_TMP_DIR, 0777);
    mkdir(OUT, 0777);
    read_manifest();
    test_fixtures();
    test_header_forms();
    test_malformed();
    test_mutations();
    test_files();
    test_alloc_failures();
    python_check();
    for (int i = 0; i < ncases; i++) free(cases[i].data);
    return check_done();
}
