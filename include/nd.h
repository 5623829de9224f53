/* nd: NumPy's array model as a C library.
 *
 * The one header users include.  Each NumPy area has its own header beneath
 * include/nd/; this file pulls them all in.  See README.md for the NumPy-to-nd
 * cheat sheet. */
#ifndef ND_H
#define ND_H

#include "nd/core.h"
#include "nd/random.h"
#include "nd/io.h"
#include "nd/print.h"
#include "nd/ufunc.h"
#include "nd/umath.h"
#include "nd/fft.h"
#include "nd/index.h"
#include "nd/linalg.h"
#include "nd/manip.h"
#include "nd/sort.h"
#include "nd/numeric.h"
#include "nd/histogram.h"
#include "nd/sets.h"
#include "nd/stats.h"

#endif
