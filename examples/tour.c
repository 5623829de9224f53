#include <nd.h>
#include <stdio.h>
int main(void) {
    nd_array *a = nd_zeros(ND_SHAPE(2, 3));
    printf("%d\n", nd_ndim(a));
    nd_free(a);
    return 0;
}
