#ifndef PVYIELD_CLIBXML2_SHIM_H
#define PVYIELD_CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU, so encoding.h would include ICU's headers,
   whose UErrorCode clashes with Foundation's own copy of ICU in any module
   that sees both. pvyield never touches the ICU-typed members of
   xmlCharEncodingHandler (it only holds pointers to libxml2 structures), so
   the headers are read without them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function-pointer variable, which Swift 6 rejects as
   shared mutable state; call it through this wrapper instead. */
static inline void pvyield_xmlFree(void *p) { xmlFree(p); }
#endif
