#ifndef PVYIELD_CZLIB_SHIM_H
#define PVYIELD_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro; Swift cannot call macros with arguments. */
static inline int pvyield_inflateInit2(z_streamp strm, int windowBits) {
    return inflateInit2(strm, windowBits);
}
/* deflateInit2 is a macro too. */
static inline int pvyield_deflateInit2(z_streamp strm, int level, int windowBits) {
    return deflateInit2(strm, level, Z_DEFLATED, windowBits, 9, Z_DEFAULT_STRATEGY);
}
#endif
