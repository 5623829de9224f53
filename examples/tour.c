/* A short walk through nd: creation, views vs copies, broadcasting, dtypes,
 * printing, save/load.  Each step prints the NumPy line it mirrors and then what
 * NumPy would print (examples/tour.py is the same walk in NumPy). */
#include <nd.h>
#include <stdio.h>

#define STEP(numpy) printf(">>> %s\n", numpy)

static int show(nd_array *a) { /* print repr(a), then release a */
    if (!a) {
        fprintf(stderr, "error: %s: %s\n", nd_error_name(nd_error()), nd_error_message());
        return -1;
    }
    char *s = nd_array_repr(a);
    printf("%s\n", s ? s : nd_error_message());
    nd_free_bytes(s);
    nd_free(a);
    return 0;
}

int main(void) {
    /* creation */
    STEP("a = np.arange(12).reshape(3, 4)");
    nd_array *r = nd_arange(0, 12, 1);
    nd_array *a = nd_reshape(r, ND_SHAPE(3, 4));
    nd_free(r);
    STEP("a");
    show(nd_ref(a));
    STEP("np.linspace(0, 1, 5)");
    show(nd_linspace(0, 1, 5));
    STEP("np.eye(3, dtype=np.int32)");
    show(nd_eye(3, .dtype = ND_INT32));
    STEP("np.full((2, 3), 1.5, dtype=np.float32)");
    show(nd_full(ND_SHAPE(2, 3), 1.5, .dtype = ND_FLOAT32));

    /* views share memory; copies do not */
    STEP("b = a[1:, ::-1]          # a view");
    nd_array *b = nd_get(a, "1:, ::-1");
    STEP("b[0, 0] = 100");
    nd_itemset(b, ND_IDX(0, 0), 100);
    STEP("a");
    show(nd_ref(a));
    STEP("c = a.T.copy()           # a copy");
    nd_array *t = nd_T(a), *c = nd_copy(t, 'C');
    nd_free(t);
    STEP("c[...] = 0");
    nd_set_value(c, "...", 0);
    STEP("a[0]");
    show(nd_get(a, "0"));
    nd_free(c);
    nd_free(b);

    /* broadcasting: a row fills every row; a column is stretched */
    STEP("z = np.zeros((3, 4)); z[...] = np.arange(4); z");
    nd_array *z = nd_zeros(ND_SHAPE(3, 4)), *row = nd_arange(0, 4, 1);
    nd_set(z, "...", row);
    show(z);
    nd_free(row);
    STEP("np.broadcast_to(np.arange(3)[:, None], (3, 4))");
    nd_array *col0 = nd_arange(0, 3, 1), *col = nd_get(col0, ":, None");
    show(nd_broadcast_to(col, ND_SHAPE(3, 4)));
    nd_free(col);
    nd_free(col0);

    /* dtypes and casting */
    STEP("np.arange(5).astype(np.float32) * 0.5 -> via linspace");
    show(nd_linspace(0, 2, 5, .dtype = ND_FLOAT32));
    STEP("np.array([1.7, -2.5, 300.0]).astype(np.uint8)");
    nd_array *f = ND_ARRAY(double, ND_SHAPE(3), 1.7, -2.5, 300.0);
    show(nd_astype(f, ND_UINT8));
    nd_free(f);
    STEP("np.promote_types(np.int8, np.uint8)");
    const nd_dtype_t *p = nd_promote_types(ND_INT8, ND_UINT8);
    printf("dtype('%s')\n", nd_dtype_name(p));
    nd_dtype_free(p);

    /* printing */
    STEP("np.arange(2000)");
    show(nd_arange(0, 2000, 1));
    STEP("np.set_printoptions(precision=3); np.linspace(0, 1, 4)");
    nd_set_printoptions(.precision = 3);
    show(nd_linspace(0, 1, 4));
    nd_reset_printoptions();

    /* save and load */
    STEP("np.save('tour.npy', a); np.load('tour.npy')");
    if (nd_save("tour.npy", a) == 0) {
        show(nd_load("tour.npy"));
        remove("tour.npy");
    } else {
        fprintf(stderr, "save failed: %s\n", nd_error_message());
    }
    nd_free(a);
    return 0;
}
