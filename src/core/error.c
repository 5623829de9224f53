/* The error module: one thread-local error (code + NumPy's message) per thread.
 * Formatting never fails: the message buffer is fixed and static. */
#include "core/internal.h"

#include <stdarg.h>

static _Thread_local nd_error_code err_code;
static _Thread_local char err_msg[1024];

static const char *const err_names[] = {
    [ND_OK] = "",
    [ND_ERR_VALUE] = "ValueError",
    [ND_ERR_TYPE] = "TypeError",
    [ND_ERR_INDEX] = "IndexError",
    [ND_ERR_AXIS] = "AxisError",
    [ND_ERR_MEMORY] = "MemoryError",
    [ND_ERR_LINALG] = "LinAlgError",
    [ND_ERR_IO] = "OSError",
    [ND_ERR_OVERFLOW] = "OverflowError",
    [ND_ERR_FLOATING] = "FloatingPointError",
    [ND_ERR_NOT_SUPPORTED] = "NotImplementedError",
    [ND_ERR_RUNTIME] = "RuntimeError",
    [ND_ERR_ZERO_DIVISION] = "ZeroDivisionError",
};

nd_error_code nd_error(void) { return err_code; }
const char *nd_error_message(void) { return err_msg; }

const char *nd_error_name(nd_error_code code) {
    if ((unsigned)code >= sizeof err_names / sizeof *err_names) return "UnknownError";
    return err_names[code];
}

void nd_error_clear(void) {
    err_code = ND_OK;
    err_msg[0] = 0;
}

static void set_v(nd_error_code code, const char *fmt, va_list ap) {
    err_code = code;
    vsnprintf(err_msg, sizeof err_msg, fmt, ap);
}

int nd_error_set(nd_error_code code, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    set_v(code, fmt ? fmt : "", ap);
    va_end(ap);
    return -1;
}

void *nd__err(nd_error_code code, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    set_v(code, fmt, ap);
    va_end(ap);
    return NULL;
}

void *nd__nomem(void) {
    err_code = ND_ERR_MEMORY;
    strcpy(err_msg, "Unable to allocate memory");
    return NULL;
}

int nd__check_axis(int axis, int ndim) {
    if (axis < -ndim || axis >= ndim) {
        nd__err(ND_ERR_AXIS, "axis %d is out of bounds for array of dimension %d", axis, ndim);
        return -1;
    }
    return axis < 0 ? axis + ndim : axis;
}

char *nd__shape_str(char *buf, size_t cap, int ndim, const int64_t *shape) {
    size_t n = 0;
    buf[0] = 0;
    n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, "(");
    for (int i = 0; i < ndim; i++)
        n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, i ? ",%lld" : "%lld", (long long)shape[i]);
    if (ndim == 1) n += (size_t)snprintf(buf + n, n < cap ? cap - n : 0, ",");
    snprintf(buf + n, n < cap ? cap - n : 0, ")");
    return buf;
}
