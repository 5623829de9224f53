/* Printing against NumPy: repr() and str() of arrays of every dtype and shape (0-d,
 * empty, nested, summarized, wrapped) under print options.  The golden file
 * tests/golden/conform_core/conform_print.npys (made by make_conform_print.py with
 * NumPy 1.24) holds per case a label "name|opt=value|...", the array, repr and str.
 * NumPy 1.24 is the oracle, so nd prints here with legacy = "1.25" (NumPy 1.x text);
 * NumPy 2's differences (scalar reprs, shape= in summarized reprs) are checked by
 * tests/test_print*.c. */
#include "golden.h"

static nd_array *next_record(void) { return nd_load_file(G); }

static char *text_of(nd_array *t) {
    int64_t n = nd_itemsize(t);
    char *s = malloc((size_t)n + 1);
    memcpy(s, nd_data(t), (size_t)n);
    s[n] = 0;
    return s;
}

/* Apply "opt=value" pieces of the label (after the first '|') on top of legacy 1.25. */
static void apply_options(char *label) {
    nd_reset_printoptions();
    nd_printoptions o = ND_PRINTOPTIONS_KEEP;
    snprintf(o.legacy, sizeof o.legacy, "1.25");
    char *save = NULL;
    strtok_r(label, "|", &save);
    for (char *kv; (kv = strtok_r(NULL, "|", &save));) {
        char *v = strchr(kv, '=');
        *v++ = 0;
        if (!strcmp(kv, "precision")) o.precision = atoi(v);
        else if (!strcmp(kv, "suppress")) o.suppress = !strcmp(v, "True");
        else if (!strcmp(kv, "threshold")) o.threshold = atoll(v);
        else if (!strcmp(kv, "edgeitems")) o.edgeitems = atoi(v);
        else if (!strcmp(kv, "linewidth")) o.linewidth = atoi(v);
        else if (!strcmp(kv, "sign")) o.sign = v[0];
        else if (!strcmp(kv, "nanstr")) snprintf(o.nanstr, sizeof o.nanstr, "%s", v);
        else if (!strcmp(kv, "infstr")) snprintf(o.infstr, sizeof o.infstr, "%s", v);
        else if (!strcmp(kv, "floatmode"))
            o.floatmode = !strcmp(v, "fixed") ? ND_FLOATMODE_FIXED : !strcmp(v, "unique") ? ND_FLOATMODE_UNIQUE
                        : !strcmp(v, "maxprec_equal") ? ND_FLOATMODE_MAXPREC_EQUAL : ND_FLOATMODE_MAXPREC;
        else { fprintf(stderr, "unknown option %s\n", kv); check_failures_++; }
    }
    CHECK(nd_set_printoptions_ex(&o) == 0);
}

static void compare(const char *what, const char *name, char *got, const char *want) {
    check_count_++;
    if (!got || strcmp(got, want)) {
        check_failures_++;
        fprintf(stderr, "case [%s] %s:\n--- got\n%s\n--- expected\n%s\n", name, what, got ? got : nd_error_message(), want);
    }
    nd_free_bytes(got);
}

int main(void) {
    G = fopen(ND_GOLDEN_DIR "/conform_core/conform_print.npys", "rb");
    if (!G) { fprintf(stderr, "no golden file\n"); return 1; }
    for (nd_array *l; (l = next_record());) {
        char *label = text_of(l), *name = strdup(label);
        nd_array *a = next_record(), *r = next_record(), *s = next_record();
        char *rt = text_of(r), *st = text_of(s);
        apply_options(label);
        ncases++;
        compare("repr", name, nd_array_repr(a), rt);
        compare("str", name, nd_array_str(a), st);
        free(label); free(name); free(rt); free(st);
        nd_free(l); nd_free(a); nd_free(r); nd_free(s);
    }
    nd_error_clear();
    nd_reset_printoptions();
    fclose(G);
    fprintf(stderr, "%d cases\n", ncases);
    return check_done();
}
