#ifndef PVYIELD_CCMARK_SHIM_H
#define PVYIELD_CCMARK_SHIM_H
#include <cmark.h>
#endif
