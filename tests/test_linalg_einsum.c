/* einsum_path's two results against NumPy's text (tests/golden/linalg_einsum, made by
 * make_einsum.py), and einsum's out= / dtype= / casting= with NumPy's errors. */
#include "check.h"

static void test_reports(void) {
    char path[512];
    snprintf(path, sizeof path, "%s/linalg_einsum/reports.txt", ND_GOLDEN_DIR);
    char *text = check_read_file(path, NULL);
    CHECK(text != NULL);
    if (!text) return;
    int count = 0;
    char *p = text;
    while (*p) {
        char *head = p, *nl = strchr(p, '\n');
        if (!nl) break;
        *nl = 0;
        char *pl = nl + 1, *pe = strchr(pl, '\n');
        if (!pe) break;
        *pe = 0;
        char *rep = pe + 1, *sep = strstr(rep, "\n====\n");
        if (!sep) break;
        *sep = 0;
        p = sep + 6;
        /* head: subscripts|shape;shape|optimize */
        char subs[128], shapes[256], opt[16];
        if (sscanf(head, "%127[^|]|%255[^|]|%15s", subs, shapes, opt) != 3) { CHECK(0); continue; }
        nd_array *ops[8] = { 0 };
        int n = 0;
        for (char *tok = strtok(shapes, ";"); tok && n < 8; tok = strtok(NULL, ";")) {
            int64_t dims[8];
            int nd = 0;
            for (char *q = tok; *q && nd < 8;) { dims[nd++] = strtoll(q, &q, 10); if (*q == ',') q++; }
            ops[n++] = nd_zeros_ex((nd_shape_t){ nd, dims }, NULL);
        }
        char *report = NULL;
        char *got = nd_einsum_path_ex(subs, n, (const nd_array *const *)ops,
                                      &(nd_einsum_path_opts){ .report = &report,
                                                              .optimize = strcmp(opt, "none") ? ND_EINSUM_GREEDY : ND_EINSUM_NONE });
        CHECK_MSG(got && !strcmp(got, pl), "%s: path %s, expected %s", head, got ? got : nd_error_message(), pl);
        CHECK_MSG(report && !strcmp(report, rep), "%s: report\n%s\nexpected\n%s", head, report ? report : "(null)", rep);
        nd_free_bytes(got);
        nd_free_bytes(report);
        for (int i = 0; i < n; i++) nd_free(ops[i]);
        count++;
    }
    free(text);
    CHECK(count == 18);
}

static void test_out_casting(void) {
    nd_array *af = nd_arange(0.0, 6.0, 1.0), *ai = nd_arange(0, 6, 1);
    nd_array *a = nd_reshape(af, ND_SHAPE(2, 3)), *i = nd_reshape(ai, ND_SHAPE(2, 3));
    nd_free(af);
    nd_free(ai);
    const nd_array *ops_a[] = { a }, *ops_i[] = { i };
    /* NumPy: np.einsum('ij->i', a, dtype=np.int32) */
    CHECK_ERR(nd_einsum_ex("ij->i", 1, ops_a, &(nd_einsum_opts){ .dtype = ND_INT32 }), ND_ERR_TYPE,
              "Iterator operand 0 dtype could not be cast from dtype('float64') to dtype('int32') according to the rule 'safe'");
    nd_array *o8 = nd_zeros(ND_SHAPE(2), .dtype = ND_INT8);
    CHECK_ERR(nd_einsum_ex("ij->i", 1, ops_i, &(nd_einsum_opts){ .out = o8 }), ND_ERR_TYPE,
              "Iterator requested dtype could not be cast from dtype('int64') to dtype('int8'), the operand 1 dtype, "
              "according to the rule 'safe'");
    nd_array *o3 = nd_zeros(ND_SHAPE(2, 1));
    CHECK_ERR(nd_einsum_ex("ij->i", 1, ops_a, &(nd_einsum_opts){ .out = o3 }), ND_ERR_VALUE,
              "out parameter does not have the correct number of dimensions, has 2 but should have 1");
    /* casting='unsafe' with dtype=int8: [3, 12] */
    nd_array *r = nd_einsum_ex("ij->i", 1, ops_i, &(nd_einsum_opts){ .dtype = ND_INT8, .casting = ND_CASTING_UNSAFE });
    CHECK(r && nd_dtype(r) == ND_INT8 && nd_item_double(r, ND_IDX(0)) == 3 && nd_item_double(r, ND_IDX(1)) == 12);
    /* out= of another dtype with unsafe casting: returned, filled */
    nd_array *oi = nd_zeros(ND_SHAPE(2), .dtype = ND_INT64);
    nd_array *r2 = nd_einsum_ex("ij->i", 1, ops_a, &(nd_einsum_opts){ .out = oi, .casting = ND_CASTING_UNSAFE });
    CHECK(r2 == oi && nd_item_double(oi, ND_IDX(1)) == 12);
    /* out= with matching dtype on the pairwise (GEMM) path, a strided view as out */
    nd_array *b = nd_T(a), *big = nd_zeros(ND_SHAPE(2, 4)), *ov = nd_get(big, ":, ::2");
    const nd_array *ops_ab[] = { a, b };
    nd_array *r3 = nd_einsum_ex("ij,jk->ik", 2, ops_ab, &(nd_einsum_opts){ .out = ov });
    CHECK(r3 == ov && nd_item_double(big, ND_IDX(1, 2)) == 50 && nd_item_double(big, ND_IDX(0, 2)) == 14 &&
          nd_item_double(big, ND_IDX(0, 1)) == 0);
    nd_free(a); nd_free(i); nd_free(o8); nd_free(o3); nd_free(r); nd_free(oi); nd_free(b); nd_free(big); nd_free(ov);
}

int main(void) {
    test_reports();
    test_out_casting();
    return check_done();
}
