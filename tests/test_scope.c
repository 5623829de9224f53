/* Scopes release temporaries: counted with a tracking allocator. */
#include "check.h"

static long live = 0;
static void *t_malloc(size_t n, void *c) { (void)c; void *p = malloc(n); if (p) live++; return p; }
static void *t_realloc(void *p, size_t o, size_t n, void *c) { (void)c; (void)o; if (!p) live++; return realloc(p, n); }
static void t_free(void *p, size_t n, void *c) { (void)c; (void)n; if (p) { live--; free(p); } }

int main(void) {
    nd_set_allocator(&(nd_allocator){ t_malloc, t_realloc, t_free, NULL });
    CHECK_EQ_INT(nd_scope_depth(), 0);
    CHECK_EQ_INT(nd_scope_begin(), 1);
    nd_array *a = nd_arange(0, 12, 1);
    nd_array *m = nd_reshape(a, ND_SHAPE(3, 4));
    nd_array *t = nd_T(m);
    nd_array *kept = nd_keep(nd_copy(t, 'C'));
    nd_array *freed_by_hand = nd_zeros(ND_SHAPE(5));
    nd_free(freed_by_hand);                       /* freeing inside a scope is fine */
    CHECK_EQ_INT(nd_scope_begin(), 2);            /* nested */
    nd_array *inner = nd_get(kept, "1");
    nd_array *up = nd_keep(nd_get(kept, "2"));    /* moves to the outer scope */
    nd_scope_end();
    (void)inner;
    CHECK_EQ_INT(nd_item_int(up, ND_IDX(0)), 2);
    nd_scope_end();
    CHECK_EQ_INT(nd_scope_depth(), 0);
    /* only `kept` (and what it owns) is alive: 3 blocks (struct, data, nothing else) */
    CHECK_EQ_INT(nd_item_int(kept, ND_IDX(2, 1)), 6);
    nd_free(kept);
    CHECK_EQ_INT(live, 0);
    nd_scope_end();                               /* no scope open: harmless */
    nd_set_allocator(NULL);
    return check_done();
}
