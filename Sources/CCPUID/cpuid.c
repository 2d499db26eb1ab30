#include "pvyield_cpuid.h"

/* Executes the instruction itself: /proc/cpuinfo shows only what the kernel
   chose to report, while leaf 0x40000000 names the hypervisor directly. */
int pvyield_cpuid(uint32_t leaf, uint32_t subleaf, pvyield_cpuid_regs *regs) {
#if defined(__x86_64__) || defined(__i386__)
    uint32_t a, b, c, d;
    __asm__ volatile("cpuid"
                     : "=a"(a), "=b"(b), "=c"(c), "=d"(d)
                     : "a"(leaf), "c"(subleaf));
    regs->eax = a; regs->ebx = b; regs->ecx = c; regs->edx = d;
    return 1;
#else
    (void)leaf; (void)subleaf;
    regs->eax = regs->ebx = regs->ecx = regs->edx = 0;
    return 0;
#endif
}
