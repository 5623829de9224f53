/* Print options (np.set_printoptions / np.get_printoptions), one set per thread as
 * NumPy >= 2.1 keeps them in a context variable. */
#include "print/print_priv.h"

#include <stdlib.h>

static const nd_printoptions defaults_ = {
    .precision = 8, .threshold = 1000, .edgeitems = 3, .linewidth = 75, .suppress = 0,
    .sign = '-', .floatmode = ND_FLOATMODE_MAXPREC, .nanstr = "nan", .infstr = "inf",
    .legacy = "false",
};
static _Thread_local nd_printoptions current_ = {
    .precision = 8, .threshold = 1000, .edgeitems = 3, .linewidth = 75, .suppress = 0,
    .sign = '-', .floatmode = ND_FLOATMODE_MAXPREC, .nanstr = "nan", .infstr = "inf",
    .legacy = "false",
};

const nd_printoptions *nd__printoptions(void) { return &current_; }

int nd__legacy_code(const char *legacy) {
    if (!strcmp(legacy, "false") || !strcmp(legacy, "False")) return INT_MAX;
    if (!strcmp(legacy, "1.25") || !strcmp(legacy, "1.21")) return 125;
    if (!strcmp(legacy, "2.1")) return 201;
    if (!strcmp(legacy, "2.2")) return 202;
    return -1;
}

int nd_set_printoptions_ex(const nd_printoptions *o) {
    if (!o) return 0;
    nd_printoptions n = current_;
    if (o->precision != ND_PRINT_KEEP) {
        if (o->precision < 0) return nd_error_set(ND_ERR_VALUE, "precision must be >= 0");
        n.precision = o->precision;
    }
    if (o->threshold != ND_PRINT_KEEP) n.threshold = o->threshold;
    if (o->edgeitems != ND_PRINT_KEEP) {
        if (o->edgeitems < 0) return nd_error_set(ND_ERR_VALUE, "edgeitems must be >= 0");
        n.edgeitems = o->edgeitems;
    }
    if (o->linewidth != ND_PRINT_KEEP) n.linewidth = o->linewidth;
    if (o->suppress != ND_PRINT_KEEP) n.suppress = o->suppress != 0;
    if (o->sign) {
        if (o->sign != '-' && o->sign != '+' && o->sign != ' ')
            return nd_error_set(ND_ERR_VALUE, "sign option must be one of ' ', '+', or '-'");
        n.sign = o->sign;
    }
    if (o->floatmode != ND_FLOATMODE_KEEP) {
        if (o->floatmode < ND_FLOATMODE_MAXPREC || o->floatmode > ND_FLOATMODE_MAXPREC_EQUAL)
            return nd_error_set(ND_ERR_VALUE, "floatmode option must be one of \"fixed\", "
                                "\"unique\", \"maxprec\", \"maxprec_equal\"");
        n.floatmode = o->floatmode;
    }
    /* the char arrays are copied bounded: a caller's struct need not be terminated */
    if (o->nanstr[0]) {
        if (!memchr(o->nanstr, 0, sizeof o->nanstr))
            return nd_error_set(ND_ERR_VALUE, "nanstr must be at most %d bytes", (int)sizeof o->nanstr - 1);
        memcpy(n.nanstr, o->nanstr, sizeof n.nanstr);
    }
    if (o->infstr[0]) {
        if (!memchr(o->infstr, 0, sizeof o->infstr))
            return nd_error_set(ND_ERR_VALUE, "infstr must be at most %d bytes", (int)sizeof o->infstr - 1);
        memcpy(n.infstr, o->infstr, sizeof n.infstr);
    }
    if (o->legacy[0]) {
        char l[sizeof o->legacy + 1];
        memcpy(l, o->legacy, sizeof o->legacy);
        l[sizeof o->legacy] = 0;
        if (!strcmp(l, "1.13"))
            return nd_error_set(ND_ERR_NOT_SUPPORTED, "legacy='1.13' printing is not supported by nd");
        if (nd__legacy_code(l) < 0)
            return nd_error_set(ND_ERR_VALUE, "legacy printing option can currently only be "
                                "'1.13', '1.21', '1.25', '2.1', '2.2' or `False`");
        memset(n.legacy, 0, sizeof n.legacy);
        strcpy(n.legacy, !strcmp(l, "False") ? "false" : l);
    }
    current_ = n;
    return 0;
}

nd_printoptions nd_get_printoptions(void) { return current_; }

void nd_reset_printoptions(void) { current_ = defaults_; }
