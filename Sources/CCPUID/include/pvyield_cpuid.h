#ifndef PVYIELD_CPUID_H
#define PVYIELD_CPUID_H
#include <stdint.h>

/* Registers returned by one CPUID execution. */
typedef struct {
    uint32_t eax, ebx, ecx, edx;
} pvyield_cpuid_regs;

/* Executes CPUID with the given leaf and subleaf. Returns 1 when the
   instruction ran (x86), 0 on other architectures, where regs are zeroed. */
int pvyield_cpuid(uint32_t leaf, uint32_t subleaf, pvyield_cpuid_regs *regs);
#endif
