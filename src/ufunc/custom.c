/* Custom ufuncs: from typed inner loops (nd_ufunc_new + nd_ufunc_add_loop) or from a
 * per-element C function (nd_ufunc_from_scalar, the np.frompyfunc / np.vectorize
 * role).  They go through the same engine as the built-ins: broadcasting, chunked
 * casts, out/where, and every method. */
#include "ufunc/ufunc_internal.h"

nd_ufunc *nd_ufunc_new_ex(const char *name, int nin, int nout, const nd_ufunc_new_opts *o) {
    if (!name) return nd__err(ND_ERR_VALUE, "ufunc name must not be NULL");
    if (nin < 1 || nout < 1 || nin + nout > ND__UF_MAXARGS)
        return nd__err(ND_ERR_VALUE, "a ufunc needs 1 <= nin, 1 <= nout and nin + nout <= %d", ND__UF_MAXARGS);
    nd_ufunc *uf = nd__calloc(1, sizeof *uf);
    if (!uf) return NULL;
    uf->name_owned = nd__strdup(name);
    if (!uf->name_owned) { nd__free(uf, sizeof *uf); return NULL; }
    uf->name = uf->name_owned;
    uf->nin = nin;
    uf->nout = nout;
    uf->id = -1;
    uf->custom = true;
    if (o && o->identity.dtype) {
        uf->identity = ND__ID_VALUE;
        uf->identity_value = o->identity;
    }
    if (o && (o->reorderable || o->identity.dtype)) uf->flags |= ND__F_REORD;
    if (o && o->signature && nd__coresig_parse(o->signature, nin, nout, &uf->core) < 0) {
        nd_ufunc_free(uf);
        return NULL;
    }
    return uf;
}

int nd_ufunc_add_loop(nd_ufunc *uf, const nd_dtype_t *const *types, nd_loop_fn fn, void *data) {
    if (!uf || !uf->custom) return nd_error_set(ND_ERR_VALUE, "loops can only be added to custom ufuncs");
    if (!types || !fn) return nd_error_set(ND_ERR_VALUE, "loop types and function must not be NULL");
    for (int k = 0; k < uf->nin + uf->nout; k++)
        if (!types[k] || !nd__is_numeric(types[k]))
            return nd_error_set(ND_ERR_TYPE, "ufunc loops take built-in numeric dtypes");
    if (uf->nloops == uf->cap) {
        int cap = uf->cap ? 2 * uf->cap : 4;
        nd__uloop *p = nd__realloc(uf->loops, sizeof *p * (size_t)uf->cap, sizeof *p * (size_t)cap);
        if (!p) return -1;
        uf->loops = p;
        uf->cap = cap;
    }
    nd__uloop *l = &uf->loops[uf->nloops];
    memset(l, 0, sizeof *l);
    int n = 0;
    for (int k = 0; k < uf->nin + uf->nout; k++) {
        l->types[k] = l->ktypes[k] = types[k]->type;
        if (k == uf->nin) { l->sig[n++] = '-'; l->sig[n++] = '>'; }
        l->sig[n++] = types[k]->code;
    }
    l->sig[n] = 0;
    l->fn = fn;
    l->data = data;
    uf->nloops++;
    return 0;
}

/* The loop of scalar ufuncs: one call of the user's function per element. */
static void scalar_loop(char **args, const int64_t *n, const int64_t *steps, void *data) {
    const nd_ufunc *uf = data;
    nd_scalar_fn fn = (nd_scalar_fn)uf->scalar_fn;
    const void *in[ND__UF_MAXARGS];
    void *out[ND__UF_MAXARGS];
    for (int64_t i = 0; i < *n; i++) {
        for (int k = 0; k < uf->nin; k++) in[k] = args[k] + i * steps[k];
        for (int k = 0; k < uf->nout; k++) out[k] = args[uf->nin + k] + i * steps[uf->nin + k];
        nd_error_code before = nd_error();
        if (fn(in, out, uf->scalar_data) != 0) {
            if (nd_error() == ND_OK || nd_error() == before)
                nd__kernel_error(ND_ERR_VALUE, "the scalar function of a custom ufunc failed");
            else
                nd__kernel_error(nd_error(), nd_error_message());
            return;
        }
    }
}

nd_ufunc *nd_ufunc_from_scalar(const char *name, int nin, int nout, const nd_dtype_t *const *types,
                               nd_scalar_fn fn, void *userdata, const nd_ufunc_new_opts *o) {
    if (!fn) return nd__err(ND_ERR_VALUE, "scalar function must not be NULL");
    if (o && o->signature && *o->signature)
        return nd__err(ND_ERR_VALUE, "a ufunc from a scalar function has no core signature: use nd_ufunc_new and a loop");
    nd_ufunc *uf = nd_ufunc_new_ex(name, nin, nout, o);
    if (!uf) return NULL;
    uf->scalar_fn = (void *)fn;
    uf->scalar_data = userdata;
    if (nd_ufunc_add_loop(uf, types, scalar_loop, uf) < 0) { nd_ufunc_free(uf); return NULL; }
    return uf;
}

void nd_ufunc_free(nd_ufunc *uf) {
    if (!uf || !uf->custom) return;
    nd__free(uf->loops, sizeof *uf->loops * (size_t)uf->cap);
    nd__dealloc(uf->name_owned);
    nd__coresig_free(uf->core);
    nd__free(uf, sizeof *uf);
}
