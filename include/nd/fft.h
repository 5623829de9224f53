/* nd/fft.h: np.fft, discrete Fourier transforms.  Include <nd.h>, not this file.
 *
 *     nd_array *X = nd_fft_fft(x);                                  np.fft.fft(x)
 *     nd_array *Y = nd_fft_rfft(x, .n = 16, .axis = ND_AXIS(0), .norm = ND_FFT_ORTHO);
 *     nd_array *Z = nd_fft_fft2(img, .s = ND_SHAPE(64, 64), .axes = ND_AXIS(0, 1));
 *
 * Precision follows NumPy 2: float16, float32 and complex64 inputs are transformed in
 * single precision and give complex64 (real results: float32, float16 for float16 input);
 * everything else (bool, integers, float64, complex128) in double, giving complex128 /
 * float64.  NumPy 1.x computed everything in double.
 *
 * Every length works: mixed radix (4, 2, 3, 5, generic odd factors) and Bluestein's
 * algorithm for lengths with large prime factors.  Plans (factorization, twiddles) are
 * cached per length and precision and shared between threads; nd_fft_cache_clear frees
 * them (they are also freed at exit).
 *
 * Results are new arrays owned by the caller (nd_free), except when `.out` is given:
 * then the result is written there and `out` itself is returned (not a new reference).
 * Failures return NULL with NumPy's error: an invalid length gives ValueError
 * "Invalid number of FFT data points (0) specified.", a bad axis AxisError. */
#ifndef ND_FFT_H
#define ND_FFT_H

#include "core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** NumPy's norm= of every transform. */
typedef enum nd_fft_norm {
    ND_FFT_BACKWARD = 0, /* "backward" (default): no scaling forward, 1/n on the inverse */
    ND_FFT_ORTHO,        /* "ortho": 1/sqrt(n) both ways */
    ND_FFT_FORWARD       /* "forward": 1/n forward, none on the inverse */
} nd_fft_norm;

/** Options of the one-dimensional transforms (fft, ifft, rfft, irfft, hfft, ihfft). */
typedef struct nd_fft_opts {
    int _;
    int64_t n;        /* NumPy's n: 0 = default (the input length; 2*(m-1) for irfft/hfft);
                         the input is cropped or zero-padded to it.  Negative: ValueError. */
    nd_axes axis;     /* ND_AXIS(k), one axis; default -1 */
    nd_fft_norm norm; /* default ND_FFT_BACKWARD */
    nd_array *out;    /* write the result here (shape and dtype kind must match) */
} nd_fft_opts;

/** Options of the n-dimensional transforms (fft2, ifft2, rfft2, irfft2, fftn, ...). */
typedef struct nd_fft_nd_opts {
    int _;
    nd_shape_t s;     /* NumPy's s: ND_SHAPE(...) lengths of the transformed axes (-1: the
                         input's length); ndim 0 = default.  Without axes, the last len(s)
                         axes (NumPy 2 deprecates that; it is what it does). */
    nd_axes axes;     /* ND_AXIS(...); default: all axes (fftn) or (-2, -1) (the *2 forms).
                         Repeated axes are transformed repeatedly, as NumPy. */
    nd_fft_norm norm;
    nd_array *out;    /* receives the last stage's result */
} nd_fft_nd_opts;

nd_array *nd_fft_fft_ex(const nd_array *a, const nd_fft_opts *o);
nd_array *nd_fft_ifft_ex(const nd_array *a, const nd_fft_opts *o);
nd_array *nd_fft_rfft_ex(const nd_array *a, const nd_fft_opts *o);
nd_array *nd_fft_irfft_ex(const nd_array *a, const nd_fft_opts *o);
nd_array *nd_fft_hfft_ex(const nd_array *a, const nd_fft_opts *o);
nd_array *nd_fft_ihfft_ex(const nd_array *a, const nd_fft_opts *o);

/** np.fft.fft(a, n=None, axis=-1, norm=None, out=None): complex DFT along one axis. */
#define nd_fft_fft(a, ...) nd_fft_fft_ex((a), &(nd_fft_opts){ ._ = 0, __VA_ARGS__ })
/** np.fft.ifft: inverse complex DFT (scaled 1/n by default). */
#define nd_fft_ifft(a, ...) nd_fft_ifft_ex((a), &(nd_fft_opts){ ._ = 0, __VA_ARGS__ })
/** np.fft.rfft: DFT of real input, the n//2+1 non-negative frequencies.  Complex
 *  input is a TypeError (NumPy 2's ufunc has no complex loop). */
#define nd_fft_rfft(a, ...) nd_fft_rfft_ex((a), &(nd_fft_opts){ ._ = 0, __VA_ARGS__ })
/** np.fft.irfft: inverse of rfft; n real outputs (default 2*(m-1)) from n//2+1 inputs;
 *  the imaginary parts of the zero (and, n even, Nyquist) terms are ignored. */
#define nd_fft_irfft(a, ...) nd_fft_irfft_ex((a), &(nd_fft_opts){ ._ = 0, __VA_ARGS__ })
/** np.fft.hfft: FFT of a Hermitian-symmetric signal given by its first half; real result. */
#define nd_fft_hfft(a, ...) nd_fft_hfft_ex((a), &(nd_fft_opts){ ._ = 0, __VA_ARGS__ })
/** np.fft.ihfft: inverse of hfft (real input, n//2+1 complex outputs). */
#define nd_fft_ihfft(a, ...) nd_fft_ihfft_ex((a), &(nd_fft_opts){ ._ = 0, __VA_ARGS__ })

nd_array *nd_fft_fftn_ex(const nd_array *a, const nd_fft_nd_opts *o);
nd_array *nd_fft_ifftn_ex(const nd_array *a, const nd_fft_nd_opts *o);
nd_array *nd_fft_rfftn_ex(const nd_array *a, const nd_fft_nd_opts *o);
nd_array *nd_fft_irfftn_ex(const nd_array *a, const nd_fft_nd_opts *o);
nd_array *nd_fft_fft2_ex(const nd_array *a, const nd_fft_nd_opts *o);
nd_array *nd_fft_ifft2_ex(const nd_array *a, const nd_fft_nd_opts *o);
nd_array *nd_fft_rfft2_ex(const nd_array *a, const nd_fft_nd_opts *o);
nd_array *nd_fft_irfft2_ex(const nd_array *a, const nd_fft_nd_opts *o);

/** np.fft.fftn(a, s=None, axes=None, norm=None, out=None). */
#define nd_fft_fftn(a, ...) nd_fft_fftn_ex((a), &(nd_fft_nd_opts){ ._ = 0, __VA_ARGS__ })
/** np.fft.ifftn. */
#define nd_fft_ifftn(a, ...) nd_fft_ifftn_ex((a), &(nd_fft_nd_opts){ ._ = 0, __VA_ARGS__ })
/** np.fft.rfftn: rfft over the last of axes, then fft over the others. */
#define nd_fft_rfftn(a, ...) nd_fft_rfftn_ex((a), &(nd_fft_nd_opts){ ._ = 0, __VA_ARGS__ })
/** np.fft.irfftn: ifft over all but the last of axes, then irfft over it. */
#define nd_fft_irfftn(a, ...) nd_fft_irfftn_ex((a), &(nd_fft_nd_opts){ ._ = 0, __VA_ARGS__ })
/** np.fft.fft2 (axes default (-2, -1)). */
#define nd_fft_fft2(a, ...) nd_fft_fft2_ex((a), &(nd_fft_nd_opts){ ._ = 0, __VA_ARGS__ })
/** np.fft.ifft2. */
#define nd_fft_ifft2(a, ...) nd_fft_ifft2_ex((a), &(nd_fft_nd_opts){ ._ = 0, __VA_ARGS__ })
/** np.fft.rfft2. */
#define nd_fft_rfft2(a, ...) nd_fft_rfft2_ex((a), &(nd_fft_nd_opts){ ._ = 0, __VA_ARGS__ })
/** np.fft.irfft2. */
#define nd_fft_irfft2(a, ...) nd_fft_irfft2_ex((a), &(nd_fft_nd_opts){ ._ = 0, __VA_ARGS__ })

/** Options of fftfreq / rfftfreq: d = sample spacing; 0 means NumPy's default 1.0. */
typedef struct nd_fft_freq_opts { int _; double d; } nd_fft_freq_opts;
nd_array *nd_fft_fftfreq_ex(int64_t n, const nd_fft_freq_opts *o);
nd_array *nd_fft_rfftfreq_ex(int64_t n, const nd_fft_freq_opts *o);
/** np.fft.fftfreq(n, d=1.0): float64 [0, 1, ..., -(n//2), ..., -1] / (n*d).  n = 0 gives
 *  ZeroDivisionError "float division by zero", n < 0 ValueError. */
#define nd_fft_fftfreq(n, ...) nd_fft_fftfreq_ex((n), &(nd_fft_freq_opts){ ._ = 0, __VA_ARGS__ })
/** np.fft.rfftfreq(n, d=1.0): float64 [0, 1, ..., n//2] / (n*d); empty for n < 0 (as NumPy),
 *  ZeroDivisionError for n = 0. */
#define nd_fft_rfftfreq(n, ...) nd_fft_rfftfreq_ex((n), &(nd_fft_freq_opts){ ._ = 0, __VA_ARGS__ })

/** Options of fftshift / ifftshift: axes (default: all). */
typedef struct nd_fft_shift_opts { int _; nd_axes axes; } nd_fft_shift_opts;
nd_array *nd_fft_fftshift_ex(const nd_array *x, const nd_fft_shift_opts *o);
nd_array *nd_fft_ifftshift_ex(const nd_array *x, const nd_fft_shift_opts *o);
/** np.fft.fftshift(x, axes=None): a new array rolled by n//2 along each axis. */
#define nd_fft_fftshift(x, ...) nd_fft_fftshift_ex((x), &(nd_fft_shift_opts){ ._ = 0, __VA_ARGS__ })
/** np.fft.ifftshift(x, axes=None): rolled by -(n//2), the inverse of fftshift. */
#define nd_fft_ifftshift(x, ...) nd_fft_ifftshift_ex((x), &(nd_fft_shift_opts){ ._ = 0, __VA_ARGS__ })

/** Free every cached FFT plan (plans in use by running transforms stay alive until
 *  those finish).  Safe to call from any thread at any time. */
void nd_fft_cache_clear(void);

#ifdef __cplusplus
}
#endif
#endif
