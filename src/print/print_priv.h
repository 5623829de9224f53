/* Shared between the files of src/print. */
#ifndef ND_PRINT_PRIV_H
#define ND_PRINT_PRIV_H
#include "print/print_internal.h"
#include <limits.h>

/* The calling thread's options (never NULL). */
const nd_printoptions *nd__printoptions(void);
/* "false" -> INT_MAX, "1.25"/"1.21" -> 125, "2.1" -> 201, "2.2" -> 202; -1 unknown. */
int nd__legacy_code(const char *legacy);
#endif
