/* Scopes for temporaries: every array handle created on this thread while a scope
 * is open is recorded in it and released when the scope ends, unless nd_keep moved
 * it out.  Expression chains then need no bookkeeping:
 *
 *     nd_scope_begin();
 *     nd_array *z = nd_keep(nd_divide(nd_subtract(x, nd_mean(x, ...)), nd_std(x, ...)));
 *     nd_scope_end();
 */
#include "core/internal.h"

typedef struct frame {
    nd_array **items;
    int64_t n, cap;
} frame;

static _Thread_local frame *frames;
static _Thread_local int nframes, capframes;

int nd_scope_begin(void) {
    if (nframes == capframes) {
        int cap = capframes ? 2 * capframes : 8;
        frame *f = nd__alloc_realloc(frames, (size_t)cap * sizeof *f);
        if (!f) return -1;
        frames = f;
        capframes = cap;
    }
    frames[nframes++] = (frame){ NULL, 0, 0 };
    return nframes;
}

void nd_scope_end(void) {
    if (nframes == 0) return;
    frame f = frames[--nframes];
    /* newest first: views go before the arrays they look at */
    for (int64_t i = f.n - 1; i >= 0; i--) nd__release(f.items[i]);
    nd__dealloc(f.items);
    if (nframes == 0) {
        nd__dealloc(frames);
        frames = NULL;
        capframes = 0;
    }
}

int nd_scope_depth(void) { return nframes; }

static int push(frame *f, nd_array *a) {
    if (f->n == f->cap) {
        int64_t cap = f->cap ? 2 * f->cap : 16;
        nd_array **items = nd__alloc_realloc(f->items, (size_t)cap * sizeof *items);
        if (!items) return -1;
        f->items = items;
        f->cap = cap;
    }
    f->items[f->n++] = a;
    return 0;
}

int nd__scope_add(nd_array *a) {
    return nframes ? push(&frames[nframes - 1], a) : 0;
}

/* Forget one record of a (the newest), searching from the innermost scope out. */
static bool forget(nd_array *a, int *which) {
    for (int k = nframes - 1; k >= 0; k--) {
        frame *f = &frames[k];
        for (int64_t i = f->n - 1; i >= 0; i--)
            if (f->items[i] == a) {
                memmove(f->items + i, f->items + i + 1, (size_t)(f->n - i - 1) * sizeof *f->items);
                f->n--;
                if (which) *which = k;
                return true;
            }
    }
    return false;
}

void nd__scope_forget(nd_array *a) {
    if (nframes) forget(a, NULL);
}

nd_array *nd_keep(nd_array *a) {
    if (!a || !nframes) return a;
    int k;
    if (forget(a, &k) && k > 0 && push(&frames[k - 1], a) < 0) {
        /* cannot record it outside: hand it over unrecorded rather than lose it */
        nd_error_clear();
    }
    return a;
}
