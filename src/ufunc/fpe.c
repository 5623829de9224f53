/* Floating-point error handling: np.seterr / np.geterr / np.errstate / np.seterrcall,
 * per thread.  The default is to ignore everything, and then the engine does not even
 * look at the FPU flags.  Kernels that detect an error in integer arithmetic (division
 * by zero) raise it through nd__fpe_raise, which the check folds in. */
#include "ufunc/ufunc_internal.h"

#include <fenv.h>
#include <stdio.h>

_Thread_local int nd__fpe_bits;

static _Thread_local nd_errstate state = { ND_FPE_IGNORE, ND_FPE_IGNORE, ND_FPE_IGNORE, ND_FPE_IGNORE, NULL, NULL };
static _Thread_local nd_warning_fn warn_fn;
static _Thread_local void *warn_data;

nd_errstate nd_geterr(void) { return state; }

static void set_mode(nd_fpe_mode *m, nd_fpe_mode v) {
    if (v > ND_FPE_DEFAULT && v <= ND_FPE_PRINT) *m = v;
}

nd_errstate nd_seterr_ex(const nd_seterr_opts *o) {
    nd_errstate old = state;
    if (!o) return old;
    set_mode(&state.divide, o->all);
    set_mode(&state.over, o->all);
    set_mode(&state.under, o->all);
    set_mode(&state.invalid, o->all);
    set_mode(&state.divide, o->divide);
    set_mode(&state.over, o->over);
    set_mode(&state.under, o->under);
    set_mode(&state.invalid, o->invalid);
    if (o->call) { state.call = o->call; state.call_data = o->call_data; }
    return old;
}

void nd_errstate_restore(const nd_errstate *s) {
    if (s) state = *s;
}

void nd_set_warning_handler(nd_warning_fn fn, void *userdata) {
    warn_fn = fn;
    warn_data = userdata;
}

/* Every warning nd emits goes here: the user's handler, else the default one. */
void nd__warn(const char *line) {
    if (warn_fn) warn_fn(line, warn_data);
    else fprintf(stderr, "%s\n", line); /* the default handler (replaceable) */
}

static bool active(void) {
    return state.divide != ND_FPE_IGNORE || state.over != ND_FPE_IGNORE ||
           state.under != ND_FPE_IGNORE || state.invalid != ND_FPE_IGNORE;
}

/* Open checks on this thread: a cast inside a ufunc leaves its flags to the ufunc. */
static _Thread_local int depth;

bool nd__fpe_nested(void) { return depth > 0; }

bool nd__fpe_begin(void) {
    depth++;
    if (!active()) return false;
    feclearexcept(FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INVALID);
    nd__fpe_bits = 0;
    return true;
}

int nd__fpe_end(bool on, const char *name) {
    if (depth > 0) depth--;
    if (!on) return 0;
    int hw = fetestexcept(FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INVALID);
    int bits = nd__fpe_bits;
    nd__fpe_bits = 0;
    if (hw & FE_DIVBYZERO) bits |= ND_FPE_DIVIDEBYZERO;
    if (hw & FE_OVERFLOW) bits |= ND_FPE_OVERFLOW;
    if (hw & FE_UNDERFLOW) bits |= ND_FPE_UNDERFLOW;
    if (hw & FE_INVALID) bits |= ND_FPE_INVALID;
    if (!bits) return 0;
    /* NumPy's order: divide, over, under, invalid; a raise stops at the first */
    static const struct { int flag; const char *text; } cat[4] = {
        { ND_FPE_DIVIDEBYZERO, "divide by zero" }, { ND_FPE_OVERFLOW, "overflow" },
        { ND_FPE_UNDERFLOW, "underflow" }, { ND_FPE_INVALID, "invalid value" } };
    nd_fpe_mode modes[4] = { state.divide, state.over, state.under, state.invalid };
    for (int k = 0; k < 4; k++) {
        if (!(bits & cat[k].flag)) continue;
        char msg[160];
        snprintf(msg, sizeof msg, "%s encountered in %s", cat[k].text, name ? name : "");
        switch (modes[k]) {
        case ND_FPE_RAISE:
            nd__err(ND_ERR_FLOATING, "%s", msg);
            return -1;
        case ND_FPE_WARN:
        case ND_FPE_PRINT: {
            char line[200];
            snprintf(line, sizeof line, "RuntimeWarning: %s", msg);
            nd__warn(line);
            break;
        }
        case ND_FPE_CALL:
            if (state.call) state.call(msg, cat[k].flag, state.call_data);
            break;
        default:
            break;
        }
    }
    return 0;
}

/* ------------------------------------------------------------ kernel errors */

static _Thread_local bool kernel_failed;

void nd__kernel_error(nd_error_code code, const char *msg) {
    if (!kernel_failed) {
        char copy[1024]; /* msg may be the error buffer itself */
        snprintf(copy, sizeof copy, "%s", msg ? msg : "");
        nd__err(code, "%s", copy);
    }
    kernel_failed = true;
}

int nd__kernel_failed(void) {
    if (!kernel_failed) return 0;
    kernel_failed = false;
    return -1;
}
