/* Generalized ufuncs (NumPy's gufuncs) for user kernels: the core signature parser
 * (NumPy's grammar and error texts) and the call: core dimensions taken from the
 * trailing axes (or .axes), loop dimensions broadcast, inputs cast by whole-array
 * copies (as NumPy's iterator does for gufuncs), outputs allocated as loop shape +
 * core shape, and one iterator walk over the loop dimensions whose inner loops go to
 * the kernel with NumPy's gufunc arguments (dims = [n, core sizes...], steps = [loop
 * strides..., core strides...]). */
#include "ufunc/ufunc_internal.h"

#include <ctype.h>
#include <stdio.h>

/* ------------------------------------------------------------ the signature */

static int skip_ws(const char *s, int i) {
    while (s[i] == ' ' || s[i] == '\t') i++;
    return i;
}
static bool alpha_us(char c) { return isalpha((unsigned char)c) || c == '_'; }
static bool alnum_us(char c) { return isalnum((unsigned char)c) || c == '_'; }

/* A frozen size at s, or -1 when s is not an integer standing alone. */
static int64_t frozen_size(const char *s) {
    char *stop;
    long long v = strtoll(s, &stop, 10);
    if (stop == s || alpha_us(*stop)) return -1;
    return v;
}

static int name_end(const char *s, int i) {
    while (alnum_us(s[i])) i++;
    if (s[i] == '?') i++;
    return i;
}

static bool same_name(const char *a, const char *b) {
    while (alnum_us(*a) && alnum_us(*b)) {
        if (*a != *b) return false;
        a++;
        b++;
    }
    return !alnum_us(*a) && !alnum_us(*b);
}

int nd__coresig_parse(const char *sig, int nin, int nout, nd__coresig **out) {
    *out = NULL;
    nd__coresig *c = nd__calloc(1, sizeof *c);
    if (!c) return -1;
    const char *names[ND__CORE_MAX];
    const char *err = NULL;
    int nargs = nin + nout, cur = 0, ncore = 0, i = skip_ws(sig, 0);
    while (sig[i] != '\0') {
        if (cur == nin) {
            if (sig[i] != '-' || sig[i + 1] != '>') { err = "expect '->'"; goto fail; }
            i = skip_ws(sig, i + 2);
        }
        if (sig[i] != '(') { err = "expect '('"; goto fail; }
        i = skip_ws(sig, i + 1);
        int nd = 0;
        while (sig[i] != ')') {
            if (sig[i] == '\0') { err = "unexpected end of signature string"; goto fail; }
            int64_t frozen = -1;
            if (!alpha_us(sig[i])) {
                frozen = frozen_size(sig + i);
                if (frozen <= 0) { err = "expect dimension name or non-zero frozen size"; goto fail; }
            }
            int end = name_end(sig, i);
            bool flexible = end > 0 && sig[end - 1] == '?';
            int ix = 0;
            while (ix < c->nnames && !same_name(sig + i, names[ix])) ix++;
            if (ix == c->nnames) {
                if (ix == ND__CORE_MAX) goto too_many;
                names[ix] = sig + i;
                c->frozen[ix] = frozen;
                c->flexible[ix] = flexible;
                c->nnames++;
            } else if (flexible && !c->flexible[ix]) {
                err = "? cannot be used, name already seen without ?";
                goto fail;
            } else if (!flexible && c->flexible[ix]) {
                err = "? must be used, name already seen with ?";
                goto fail;
            }
            if (ncore == ND__CORE_MAX) goto too_many;
            c->ix[ncore++] = ix;
            nd++;
            i = skip_ws(sig, end);
            if (sig[i] != ',' && sig[i] != ')') { err = "expect ',' or ')'"; goto fail; }
            if (sig[i] == ',') {
                i = skip_ws(sig, i + 1);
                if (sig[i] == ')') { err = "',' must not be followed by ')'"; goto fail; }
            }
        }
        if (cur < nargs) {
            c->ndims[cur] = nd;
            c->offset[cur] = ncore - nd;
        }
        cur++;
        i = skip_ws(sig, i + 1);
        if (cur != nin && cur != nargs) {
            if (sig[i] != ',') { err = "expect ','"; goto fail; }
            i = skip_ws(sig, i + 1);
        }
    }
    if (cur != nargs) { err = "incomplete signature: not all arguments found"; goto fail; }
    if (ncore == 0) { nd__free(c, sizeof *c); return 0; } /* "(),()->()": elementwise */
    c->text = nd__strdup(sig);
    if (!c->text) { nd__free(c, sizeof *c); return -1; }
    *out = c;
    return 0;
too_many:
    nd__free(c, sizeof *c);
    return nd_error_set(ND_ERR_VALUE, "gufunc signature \"%s\" has more than %d core dimensions", sig, ND__CORE_MAX);
fail:
    nd__free(c, sizeof *c);
    return nd_error_set(ND_ERR_VALUE, "%s at position %d in \"%s\"", err, i, sig);
}

void nd__coresig_free(nd__coresig *c) {
    if (!c) return;
    nd__dealloc(c->text);
    nd__free(c, sizeof *c);
}

const char *nd_ufunc_signature(const nd_ufunc *uf) { return uf && uf->core ? uf->core->text : NULL; }

/* ------------------------------------------------------------ the call */

/* NumPy's iterator shape text: leading "newaxis" entries (< 0) dropped, "(5,)" only
 * for a one-entry list. */
static void remap_str(char *buf, size_t cap, int n, const int64_t *v) {
    int i = 0;
    while (i < n && v[i] < 0) i++;
    if (i == n) { snprintf(buf, cap, "()"); return; }
    size_t len = (size_t)snprintf(buf, cap, "(%lld", (long long)v[i++]);
    for (; i < n && len < cap; i++) {
        if (v[i] < 0) len += (size_t)snprintf(buf + len, cap - len, ",newaxis");
        else len += (size_t)snprintf(buf + len, cap - len, ",%lld", (long long)v[i]);
    }
    if (len < cap) snprintf(buf + len, cap - len, n == 1 ? ",)" : ")");
}

typedef struct gu_state {
    const nd_ufunc *uf;
    const nd__coresig *sig;
    int nin, nop;
    nd_array *op[ND__UF_MAXARGS];      /* operands as the kernel sees them (core axes last) */
    nd_array *owned[4 * ND__UF_MAXARGS]; /* temporaries to free (at most 2 nop + nin) */
    int nowned;
    int64_t core[ND__CORE_MAX];        /* size of each dimension name */
    int ncore[ND__UF_MAXARGS];         /* core ndim of each operand, flexible ones dropped */
    bool missing[ND__CORE_MAX];        /* a flexible name dropped for this call */
    int L;                              /* loop ndim */
    int64_t loop[ND_MAXDIMS];          /* loop shape */
} gu_state;

static int keep(gu_state *s, nd_array *a) {
    if (!a) return -1;
    s->owned[s->nowned++] = a;
    return 0;
}

/* The permutation that moves the core axes .axes names for operand k (of ndim n) to
 * the end, in order.  0, or -1 with NumPy's error. */
static int core_perm(int k, int nd, int n, const nd_axes *ax, int *perm) {
    for (int i = 0; i < n; i++) perm[i] = i;
    if (!ax || nd == 0) return 0;
    if (ax->n != nd) {
        if (nd == 1) return nd_error_set(ND_ERR_VALUE, "axes item %d should be a tuple with a single element, or an integer", k);
        return nd_error_set(ND_ERR_VALUE, "axes item %d should be a tuple with %d elements", k, nd);
    }
    bool used[ND_MAXDIMS] = { false };
    int core[ND_MAXDIMS];
    for (int j = 0; j < nd; j++) {
        int x = nd__check_axis(ax->v[j], n);
        if (x < 0) return -1;
        if (used[x]) return nd_error_set(ND_ERR_VALUE, "axes item %d has value %d repeated", k, ax->v[j]);
        used[x] = true;
        core[j] = x;
    }
    int m = 0;
    for (int i = 0; i < n; i++)
        if (!used[i]) perm[m++] = i;
    for (int j = 0; j < nd; j++) perm[m++] = core[j];
    return 0;
}

/* The operand's view with its core axes last (a new handle). */
static nd_array *core_last(const gu_state *s, int k, const nd_array *a, const nd_axes *ax) {
    int perm[ND_MAXDIMS];
    if (!ax || s->ncore[k] == 0) return nd_ref((nd_array *)a);
    if (core_perm(k, s->ncore[k], a->ndim, ax, perm) < 0) return NULL;
    return nd_transpose(a, perm);
}

/* NumPy's flexible core dimensions ("n?", matmul's (n?,k),(k,m?)->(n?,m?)): an operand
 * with fewer dimensions than its core drops its flexible names, first to last, until it
 * has enough.  A dropped name is missing from every operand for the call: size 1 for
 * the kernel, stride 0, no axis in a new output.  Sets s->ncore and s->missing. */
static void drop_flexible(gu_state *s, nd_array *const *ops) {
    const nd__coresig *sig = s->sig;
    for (int k = 0; k < s->nop; k++) s->ncore[k] = sig->ndims[k];
    for (int k = 0; k < s->nop; k++) {
        if (!ops[k]) continue;
        for (int j = 0; j < sig->ndims[k] && ops[k]->ndim < s->ncore[k]; j++) {
            int d = sig->ix[sig->offset[k] + j];
            if (!sig->flexible[d] || s->missing[d]) continue;
            s->missing[d] = true;
            for (int i = 0; i < s->nop; i++)
                for (int q = 0; q < sig->ndims[i]; q++) s->ncore[i] -= sig->ix[sig->offset[i] + q] == d;
        }
    }
}

static void *broadcast_error(const gu_state *s, nd_array *const *ops) {
    char msg[2048], a[512], b[512];
    size_t len = (size_t)snprintf(msg, sizeof msg, "operands could not be broadcast together with remapped shapes [original->remapped]: ");
    /* the iterator's space: loop dims, then every output's core dims */
    int itn = s->L;
    for (int k = s->nin; k < s->nop; k++) itn += s->ncore[k];
    if (itn > ND_MAXDIMS) itn = ND_MAXDIMS;
    int64_t req[ND_MAXDIMS];
    for (int i = 0; i < s->L; i++) req[i] = -1;
    int pos = s->L;
    for (int k = s->nin; k < s->nop; k++)
        for (int j = 0; j < s->sig->ndims[k] && pos < itn; j++) {
            int d = s->sig->ix[s->sig->offset[k] + j];
            if (!s->missing[d]) req[pos++] = s->core[d];
        }
    int coreat = s->L;
    for (int k = 0; k < s->nop; k++) {
        const nd_array *o = ops[k];
        int nd = s->ncore[k];
        if (!o) { if (k >= s->nin) coreat += nd; continue; }
        int lk = o->ndim - nd;
        int64_t rem[ND_MAXDIMS];
        for (int i = 0; i < itn; i++) rem[i] = -1;
        for (int i = 0; i < s->L; i++) {
            int ax = i - (s->L - lk);
            if (ax >= 0) rem[i] = o->shape[ax];
        }
        if (k >= s->nin) {
            for (int j = 0; j < nd && coreat + j < itn; j++) rem[coreat + j] = o->shape[lk + j];
            coreat += nd;
        }
        nd__shape_str(a, sizeof a, o->ndim, o->shape);
        remap_str(b, sizeof b, itn, rem);
        if (len < sizeof msg) len += (size_t)snprintf(msg + len, sizeof msg - len, "%s->%s ", a, b);
    }
    remap_str(a, sizeof a, itn, req);
    if (len < sizeof msg) snprintf(msg + len, sizeof msg - len, " and requested shape %s", a);
    return nd__err(ND_ERR_VALUE, "%s", msg);
}

static void gu_cleanup(gu_state *s) {
    for (int i = 0; i < s->nowned; i++) nd_free(s->owned[i]);
}

int nd__gufunc_call(const nd_ufunc *uf, const nd_operand *in, nd_array **outs, const nd_ufunc_opts *o) {
    const nd__coresig *sig = uf->core;
    int nin = uf->nin, nout = uf->nout, nop = nin + nout;
    char b1[64], b2[64];
    if (o->where) return nd_error_set(ND_ERR_TYPE, "%s() got an unexpected keyword argument 'where'", uf->name);
    gu_state s = { .uf = uf, .sig = sig, .nin = nin, .nop = nop };
    const nd_dtype_t *dt[ND__UF_MAXARGS];
    if (nd__operand_dtypes(uf, in, dt) < 0) return -1;
    const nd__uloop *l = nd__resolve(uf, dt, o->dtype);
    if (!l) return -1;
    nd_casting casting = o->casting ? o->casting : ND_CASTING_SAME_KIND;
    nd_array *given[ND__UF_MAXARGS] = { NULL };  /* the caller's arrays (outputs may be NULL) */
    nd_array *view[ND__UF_MAXARGS] = { NULL };   /* the same with core axes last */
    nd_array *result[ND__UF_MAXARGS] = { NULL };
    for (int k = 0; k < nout; k++)
        given[nin + k] = outs[k] ? outs[k] : k == 0 ? o->out : k == 1 ? o->out2 : NULL;
    for (int k = 0; k < nin; k++) {
        if (in[k].array) { given[k] = (nd_array *)in[k].array; continue; }
        nd_array *z = nd__new(dt[k], 0, NULL, 'C', false);
        if (keep(&s, z) < 0) goto fail;
        if (nd__scalar_to(dt[k], in[k].value, z->data) < 0) goto fail;
        given[k] = z;
    }
    for (int k = 0; k < nin; k++) {
        if (!in[k].array && in[k].value.weak) continue;
        if (!nd__can_cast(dt[k], nd__dt(l->types[k]), casting)) {
                        nd_error_set(ND_ERR_TYPE, "Cannot cast ufunc '%s' input %d from %s to %s with casting rule '%s'",
                                uf->name, k, nd__dtype_repr(b1, sizeof b1, dt[k]),
                                nd__dtype_repr(b2, sizeof b2, nd__dt(l->types[k])), nd__casting_name(casting));
            goto fail;
        }
    }
    for (int k = nin; k < nop; k++) {
        nd_array *a = given[k];
        if (!a) continue;
        const nd_dtype_t *from = nd__dt(l->types[k]);
        if (!nd__can_cast(from, a->dtype, casting)) {
            char idx[16] = "";
            if (nout > 1) snprintf(idx, sizeof idx, " %d", k);
                        nd_error_set(ND_ERR_TYPE, "Cannot cast ufunc '%s' output%s from %s to %s with casting rule '%s'",
                                uf->name, idx, nd__dtype_repr(b1, sizeof b1, from),
                                nd__dtype_repr(b2, sizeof b2, a->dtype), nd__casting_name(casting));
            goto fail;
        }
        if (!nd__check_writeable(a)) goto fail;
    }
    /* flexible names an operand is too small for are dropped; core axes last (axes=),
     * then enough dimensions for the core of each operand */
    drop_flexible(&s, given);
    for (int k = 0; k < nop; k++) {
        if (!given[k]) continue;
        view[k] = core_last(&s, k, given[k], o->axes ? &o->axes[k] : NULL);
        if (keep(&s, view[k]) < 0) goto fail;
    }
    for (int k = 0; k < nop; k++) {
        if (view[k] && view[k]->ndim < s.ncore[k]) {
            nd_error_set(ND_ERR_VALUE, "%s: %s operand %d does not have enough dimensions (has %d, gufunc core "
                         "with signature %s requires %d)", uf->name, k < nin ? "Input" : "Output",
                         k < nin ? k : k - nin, view[k]->ndim, sig->text, s.ncore[k]);
            goto fail;
        }
    }
    /* core sizes: frozen ones, then what the operands say (a missing name is 1) */
    for (int d = 0; d < sig->nnames; d++) s.core[d] = sig->frozen[d];
    for (int k = 0; k < nop; k++) {
        const nd_array *a = view[k];
        if (!a) continue;
        int lk = a->ndim - s.ncore[k], gone = 0;
        for (int j = 0; j < sig->ndims[k]; j++) {
            int d = sig->ix[sig->offset[k] + j];
            int64_t n = s.missing[d] ? 1 : a->shape[lk + j - gone];
            gone += s.missing[d];
            if (s.core[d] < 0) s.core[d] = n;
            else if (s.core[d] != n) {
                int64_t want = s.core[d];
                nd_error_set(ND_ERR_VALUE, "%s: %s operand %d has a mismatch in its core dimension %d, with gufunc "
                             "signature %s (size %lld is different from %lld)", uf->name, k < nin ? "Input" : "Output",
                             k < nin ? k : k - nin, j - gone, sig->text, (long long)n, (long long)want);
                goto fail;
            }
        }
    }
    for (int k = nin; k < nop; k++) {
        if (view[k]) continue;
        for (int j = 0; j < sig->ndims[k]; j++)
            if (s.core[sig->ix[sig->offset[k] + j]] < 0) {
                                nd_error_set(ND_ERR_VALUE, "%s: Output operand %d has core dimension %d unspecified, with gufunc "
                                    "signature %s", uf->name, k - nin, j, sig->text);
                goto fail;
            }
    }
    /* loop dimensions: broadcast every operand's leading axes (outputs included) */
    s.L = 0;
    for (int k = 0; k < nop; k++)
        if (view[k] && view[k]->ndim - s.ncore[k] > s.L) s.L = view[k]->ndim - s.ncore[k];
    for (int i = 0; i < s.L; i++) s.loop[i] = 1;
    for (int k = 0; k < nop; k++) {
        if (!view[k]) continue;
        int lk = view[k]->ndim - s.ncore[k];
        for (int i = 0; i < lk; i++) {
            int64_t n = view[k]->shape[i], *t = &s.loop[s.L - lk + i];
            if (n == 1 || n == *t) continue;
            if (*t == 1) *t = n;
            else { broadcast_error(&s, given); goto fail; }
        }
    }
    for (int k = nin; k < nop; k++) {
        const nd_array *a = view[k];
        if (!a) continue;
        int lk = a->ndim - s.ncore[k];
        bool ok = lk == s.L;
        for (int i = 0; i < lk && ok; i++) ok = a->shape[i] == s.loop[i];
        if (!ok) {
            char t1[256], t2[256], t3[256];
            int64_t rev[ND_MAXDIMS];
            for (int i = 0; i < a->ndim; i++) rev[i] = a->shape[a->ndim - 1 - i];
            if (lk < s.L) {
                nd_error_set(ND_ERR_VALUE, "output operand requires a reduction along dimension -1, but the "
                                    "reduction is not enabled. The dimension size of 1 does not match the expected "
                                    "output shape.");
                goto fail;
            }
            nd_error_set(ND_ERR_VALUE, "non-broadcastable output operand with shape %s [remapped to %s] doesn't "
                                "match the broadcast shape %s", nd__shape_str(t1, sizeof t1, a->ndim, a->shape),
                                nd__shape_str(t2, sizeof t2, a->ndim, rev), nd__shape_str(t3, sizeof t3, s.L, s.loop));
            goto fail;
        }
    }
    /* the kernel's operands: inputs cast to the loop types (whole copies), copies of
     * inputs overlapping an output, outputs allocated or in the loop type */
    for (int k = 0; k < nop; k++) {
        const nd_dtype_t *lt = nd__dt(l->types[k]);
        if (k < nin) {
            nd_array *a = view[k];
            bool overlap = false;
            for (int j = nin; j < nop && !overlap; j++)
                overlap = view[j] && nd_may_share_memory(a, view[j]) && nd_shares_memory(a, view[j]);
            if (a->dtype->type != lt->type || !(a->flags & ND_ALIGNED) || overlap) {
                a = nd_astype(a, lt);
                if (keep(&s, a) < 0) goto fail;
            }
            s.op[k] = a;
            continue;
        }
        if (view[k] && view[k]->dtype->type == lt->type && (view[k]->flags & ND_ALIGNED)) {
            s.op[k] = view[k];
            continue;
        }
        int nd = s.ncore[k];
        int64_t shape[ND_MAXDIMS];
        if (s.L + nd > ND_MAXDIMS) { nd__err(ND_ERR_VALUE, "too many dimensions for the gufunc output"); goto fail; }
        memcpy(shape, s.loop, sizeof shape[0] * (size_t)s.L);
        for (int j = 0, c = s.L; j < sig->ndims[k]; j++) {
            int d = sig->ix[sig->offset[k] + j];
            if (!s.missing[d]) shape[c++] = s.core[d];
        }
        const nd_dtype_t *odt = view[k] ? lt : o->dtype ? o->dtype : lt;
        nd_array *a = nd__new(odt->type == lt->type ? odt : lt, s.L + nd, shape, 'C', false);
        if (keep(&s, a) < 0) goto fail;
        s.op[k] = a;
    }
    /* the walk over the loop dimensions */
    int64_t st[ND__UF_MAXARGS][ND_MAXDIMS];
    const int64_t *sp[ND__UF_MAXARGS];
    char *data[ND__UF_MAXARGS];
    int64_t dims[1 + ND__CORE_MAX], steps[ND__UF_MAXARGS + ND__CORE_MAX];
    int ns = nop;
    for (int k = 0; k < nop; k++) {
        const nd_array *a = s.op[k];
        int lk = a->ndim - s.ncore[k];
        for (int i = 0; i < s.L; i++) {
            int ax = i - (s.L - lk);
            st[k][i] = ax < 0 || a->shape[ax] == 1 ? 0 : a->strides[ax];
        }
        sp[k] = st[k];
        data[k] = a->data;
    }
    /* core strides in signature order: 0 for a missing name or a length-1 axis */
    for (int k = 0; k < nop; k++) {
        const nd_array *a = s.op[k];
        for (int j = 0, c = a->ndim - s.ncore[k]; j < sig->ndims[k]; j++) {
            if (s.missing[sig->ix[sig->offset[k] + j]]) { steps[ns++] = 0; continue; }
            steps[ns++] = a->shape[c] == 1 ? 0 : a->strides[c];
            c++;
        }
    }
    for (int d = 0; d < sig->nnames; d++) dims[1 + d] = s.core[d];
    nd__iter it;
    if (nd__iter_prepare(&it, nop, s.L, s.loop, data, sp, false) < 0) goto fail;
    bool fpe = nd__fpe_begin();
    int64_t n;
    while ((n = nd__iter_next(&it)) > 0) {
        dims[0] = n;
        for (int k = 0; k < nop; k++) steps[k] = it.inner_strides[k];
        l->fn(it.ptr, dims, steps, l->data);
    }
    int rc = nd__kernel_failed();
    if (rc == 0) rc = nd__fpe_end(fpe, uf->name);
    else nd__fpe_end(false, NULL);
    if (rc < 0) goto fail;
    /* results: write back outputs computed in another type; new outputs take the
     * axes= layout (a view with the core axes where .axes put them) */
    for (int k = nin; k < nop; k++) {
        if (view[k]) {
            if (s.op[k] != view[k] && nd_copyto(view[k], s.op[k], ND_CASTING_UNSAFE) < 0) goto fail;
            result[k] = given[k];
            continue;
        }
        nd_array *a = s.op[k];
        if (o->dtype && o->dtype->type != a->dtype->type) {
            nd_array *c = nd_astype(a, o->dtype);
            if (keep(&s, c) < 0) goto fail;
            a = c;
        }
        int nd = s.ncore[k];
        if (o->axes && nd > 0) {
            /* the kernel layout has the core axes last: put them where .axes says */
            int p[ND_MAXDIMS], inv[ND_MAXDIMS];
            if (core_perm(k, nd, a->ndim, &o->axes[k], p) < 0) goto fail;
            for (int i = 0; i < a->ndim; i++) inv[p[i]] = i;
            result[k] = nd_transpose(a, inv);
            if (!result[k]) goto fail;
        } else {
            result[k] = nd_ref(a);
        }
    }
    gu_cleanup(&s);
    for (int k = 0; k < nout; k++) outs[k] = result[nin + k];
    return 0;
fail:
    for (int k = nin; k < nop; k++)
        if (result[k] && result[k] != given[k]) nd_free(result[k]);
    gu_cleanup(&s);
    return -1;
}
