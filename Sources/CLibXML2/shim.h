#ifndef PVYIELD_CLIBXML2_SHIM_H
#define PVYIELD_CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function-pointer variable, which Swift 6 rejects as
   shared mutable state; call it through this wrapper instead. */
static inline void pvyield_xmlFree(void *p) { xmlFree(p); }
#endif
