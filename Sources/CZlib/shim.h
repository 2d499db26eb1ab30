#ifndef PVYIELD_CZLIB_SHIM_H
#define PVYIELD_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro; Swift cannot call macros with arguments. */
static inline int pvyield_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}
#endif
