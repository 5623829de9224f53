/* nd/io.h: reading and writing arrays in NumPy's .npy format (np.save / np.load).
 * Include <nd.h>, not this file.
 *
 * Files nd writes are byte-for-byte what np.save writes for the same array: format
 * version 1.0 (2.0 only if the header would exceed 65535 bytes), the header dict
 * "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }" padded with spaces
 * and a final '\n' so the data starts on a 64-byte boundary.  An array that is
 * F-contiguous but not C-contiguous is written in Fortran order; any other layout
 * is written in C order (non-contiguous arrays are copied in small chunks).
 *
 * Reading accepts format versions 1.0, 2.0 and 3.0, either byte order ('<', '>',
 * '=', '|'; values are swapped to native on load), and every dtype nd has: bool,
 * int8..int64, uint8..uint64, float16/32/64, complex64/128, S<n>, U<n>, V<n>.
 * Dtypes NumPy has and nd lacks (datetime '<M8', object 'O', long double,
 * structured lists) fail with ND_ERR_NOT_SUPPORTED.  Malformed input (bad magic,
 * unsupported version, a header that is not the expected dict literal, bad shape,
 * truncated data) fails with ND_ERR_VALUE and NumPy's message; nothing is allocated
 * for the data before the input is known to hold it (when its size is known).
 * Trailing bytes after the data are ignored, as np.load does.
 *
 * Unlike np.load, the header size is not limited to 10000 bytes: nd's header parser
 * evaluates nothing, so the limit NumPy applies for safety is not needed. */
#ifndef ND_IO_H
#define ND_IO_H

#include "core.h"

#ifdef __cplusplus
extern "C" {
#endif

/** np.save(path, a): write a to the file `path` in .npy format.  As NumPy does,
 *  ".npy" is appended to path when it does not already end with ".npy" (use
 *  nd_save_file for an exact name).  Returns 0, or -1 with ND_ERR_IO (the file
 *  cannot be opened or written; a partly written file may remain) or ND_ERR_VALUE
 *  (a NULL argument). */
int nd_save(const char *path, const nd_array *a);

/** np.save(f, a) on an open stream: writes the .npy bytes at f's position and
 *  leaves f open, positioned after them (several arrays can follow each other).
 *  Returns 0 or -1 (ND_ERR_IO on a write error). */
int nd_save_file(FILE *f, const nd_array *a);

/** The .npy bytes of a as a buffer allocated by nd: *nbytes receives its size.
 *  Release it with nd_free_bytes.  NULL on failure (memory, NULL arguments). */
void *nd_save_buffer(const nd_array *a, int64_t *nbytes);

/** np.load(path) for a .npy file: a new array the caller owns (nd_free), C- or
 *  F-contiguous as stored, native byte order, writeable.  NULL on failure:
 *  ND_ERR_IO (cannot open: "[Errno 2] No such file or directory: 'x.npy'"),
 *  ND_ERR_VALUE (malformed file), ND_ERR_NOT_SUPPORTED (a dtype nd lacks),
 *  ND_ERR_MEMORY. */
nd_array *nd_load(const char *path);

/** np.load(f) on an open stream positioned at the start of a .npy record: reads
 *  exactly one array and leaves f positioned just after its data, so consecutive
 *  arrays written with nd_save_file / np.save(f, ...) are read back in turn.
 *  Works on pipes; when f is a regular file its size is checked before the data is
 *  allocated.  On failure f's position is unspecified. */
nd_array *nd_load_file(FILE *f);

/** np.load(io.BytesIO(buf)): read a .npy image held in memory (`nbytes` bytes at
 *  buf; the array is a copy, buf stays the caller's).  Bytes after the array's data
 *  are ignored. */
nd_array *nd_load_buffer(const void *buf, size_t nbytes);

#ifdef __cplusplus
}
#endif
#endif
