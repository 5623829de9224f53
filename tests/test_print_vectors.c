/* Every vector of the printing spec (tests/golden/specs/print_vectors.json, NumPy
 * 1.24 output) whose dtype nd has, under legacy "1.25", plus a few views (reversed,
 * transposed, strided) and string cases.  Converted by
 * tests/golden/print/make_vectors.py into vectors.txt. */
#include "check.h"

static char *line(char **cur) {
    char *s = *cur, *e = strchr(s, '\n');
    if (!e) return NULL;
    *e = 0;
    *cur = e + 1;
    return s;
}

static char *blob(char **cur, size_t n) {
    char *s = *cur;
    s[n] = 0; /* the '\n' after the text */
    *cur = s + n + 1;
    return s;
}

static const nd_dtype_t *dtype_of(const char *name) {
    if (name[0] == 'U') return nd_dtype_str(atoll(name + 1));
    if (name[0] == 'S') return nd_dtype_bytes(atoll(name + 1));
    return nd_dtype_parse(name);
}

int main(void) {
    char *text = check_read_file(ND_GOLDEN_DIR "/print/vectors.txt", NULL);
    CHECK(text != NULL);
    if (!text) return check_done();
    char *cur = text, *l;
    int count = 0;
    while ((l = line(&cur)) != NULL) {
        if (strncmp(l, "vector ", 7) != 0) break;
        char id[16];
        snprintf(id, sizeof id, "%s", l + 7);
        int prec, edge, lw, sup;
        long long thr;
        char sign[8], fm[16], nan[32], inf[32];
        sscanf(line(&cur), "options %d %lld %d %d %d %7s %15s %31s %31s", &prec, &thr, &edge, &lw,
               &sup, sign, fm, nan, inf);
        nd_printoptions o = ND_PRINTOPTIONS_KEEP;
        o.precision = prec; o.threshold = thr; o.edgeitems = edge; o.linewidth = lw;
        o.suppress = sup;
        o.sign = sign[0] == 'm' ? '-' : sign[0] == 'p' ? '+' : ' ';
        o.floatmode = !strcmp(fm, "fixed") ? ND_FLOATMODE_FIXED : !strcmp(fm, "unique") ? ND_FLOATMODE_UNIQUE
                    : !strcmp(fm, "maxprec") ? ND_FLOATMODE_MAXPREC : ND_FLOATMODE_MAXPREC_EQUAL;
        snprintf(o.nanstr, sizeof o.nanstr, "%s", nan);
        snprintf(o.infstr, sizeof o.infstr, "%s", inf);
        snprintf(o.legacy, sizeof o.legacy, "1.25");
        CHECK(nd_set_printoptions_ex(&o) == 0);

        const nd_dtype_t *dt = dtype_of(line(&cur) + 6);
        char *sh = line(&cur) + 6;
        int ndim = (int)strtol(sh, &sh, 10);
        int64_t dims[8];
        for (int k = 0; k < ndim; k++) dims[k] = strtoll(sh, &sh, 10);
        char *hex = line(&cur) + 5;
        size_t nb = hex[0] == '-' ? 0 : strlen(hex) / 2;
        unsigned char *bytes = malloc(nb + 1);
        for (size_t k = 0; k < nb; k++) sscanf(hex + 2 * k, "%2hhx", &bytes[k]);
        char *view = line(&cur) + 5;
        nd_array *a = nd_from_data(bytes, (nd_shape_t){ ndim, dims }, dt);
        CHECK_MSG(a != NULL, "vector %s: cannot build the array: %s", id, nd_error_message());
        if (a && strcmp(view, "-") != 0) {
            nd_array *v = !strcmp(view, "T") ? nd_T(a) : nd_get(a, view);
            CHECK_MSG(v != NULL, "vector %s: view %s: %s", id, view, nd_error_message());
            nd_free(a);
            a = v;
        }
        size_t rn = (size_t)atoll(line(&cur) + 5);
        char *want_repr = blob(&cur, rn);
        size_t sn = (size_t)atoll(line(&cur) + 4);
        char *want_str = blob(&cur, sn);
        if (a) {
            char *r = nd_array_repr(a), *s = nd_array_str(a);
            CHECK_MSG(r && !strcmp(r, want_repr), "vector %s repr:\n  got:  [%s]\n  want: [%s]", id,
                      r ? r : nd_error_message(), want_repr);
            CHECK_MSG(s && !strcmp(s, want_str), "vector %s str:\n  got:  [%s]\n  want: [%s]", id,
                      s ? s : nd_error_message(), want_str);
            nd_free_bytes(r);
            nd_free_bytes(s);
        }
        nd_free(a);
        nd_dtype_free(dt);
        free(bytes);
        count++;
    }
    CHECK_EQ_INT(count, 252);
    free(text);
    nd_reset_printoptions();
    return check_done();
}
