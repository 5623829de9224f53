/* The public entry points of the built-in ufuncs, one per table row (nd_add_ex ...),
 * plus divmod with its two results. */
#include "ufunc/ufunc_internal.h"

static nd_array *call1(int id, const nd_operand *in, const nd_ufunc_opts *o) {
    nd_array *out[ND__UF_MAXARGS] = { NULL };
    if (nd__ufunc_call(&nd__ufuncs[id], in, out, o) < 0) return NULL;
    return out[0];
}

#define API_21(name) \
    nd_array *nd_##name##_ex(nd_operand x, nd_operand y, const nd_ufunc_opts *o) { \
        return call1(ND__UF_##name, (const nd_operand[]){ x, y }, o); }
#define API_11(name) \
    nd_array *nd_##name##_ex(nd_operand x, const nd_ufunc_opts *o) { \
        return call1(ND__UF_##name, (const nd_operand[]){ x }, o); }
#define API_22(name)
#define API_12(name) /* frexp, modf: composite.c */
#define API_(nin, nout) API_##nin##nout
#define X(name, nin, nout, id, flags, kern, loops) API_(nin, nout)(name)
#include "ufunc/ufuncs.def"
#undef X

int nd_divmod_ex(nd_operand x, nd_operand y, nd_array **quot, nd_array **rem, const nd_ufunc_opts *o) {
    nd_array *out[ND__UF_MAXARGS] = { NULL };
    if (quot) *quot = NULL;
    if (rem) *rem = NULL;
    if (nd__ufunc_call(&nd__ufuncs[ND__UF_divmod], (const nd_operand[]){ x, y }, out, o) < 0) return -1;
    if (quot) *quot = out[0];
    else if (!(o && o->out)) nd_free(out[0]);
    if (rem) *rem = out[1];
    else if (!(o && o->out2)) nd_free(out[1]);
    return 0;
}
