import Testing
@testable import KernelSource

@Suite("Definitions at file scope")
struct DefinitionScanningTests {
    @Test func initFunctionWithAttributes() throws {
        let file = parse("""
            // SPDX
            static int __init microcode_init(void)
            {
            \tstruct cpuinfo_x86 *c = &boot_cpu_data;
            \treturn 0;
            }
            late_initcall(microcode_init);
            """)
        #expect(file.names(.function) == ["microcode_init"])
        let f = try #require(file.functions(named: "microcode_init").first)
        #expect(f.line == 2)
        #expect(f.bodyLines == 3...6)
        #expect(file.names(.variable).isEmpty)
    }

    @Test func returnTypeOnItsOwnLineAndAttributeMacrosWithArguments() {
        let file = parse("""
            static unsigned long
            __init
            compute_thing(int a,
            \t      int b)
            {
            \treturn a + b;
            }

            __printf(2, 3) void log_it(int level, const char *fmt, ...) { }
            static void locked(void) __must_hold(&lock) { }
            FOO_NO_SEMICOLON(x)
            static int after_macro(void) { return 0; }
            """)
        #expect(file.names(.function) == ["compute_thing", "log_it", "locked", "after_macro"])
    }

    @Test func staticInlineFunctionInAHeaderAndItsStub() {
        let file = parse("""
            #ifdef CONFIG_IOMMU_API
            extern bool iommu_present(const struct bus_type *bus);
            #else
            static inline bool iommu_present(const struct bus_type *bus)
            {
            \treturn false;
            }
            #endif
            """, path: "include/linux/iommu.h")
        #expect(file.functions(named: "iommu_present").map(\.line) == [4])
        #expect(file.names(.variable).isEmpty)
    }

    @Test func prototypesAndMacroCallsAreNotDefinitions() {
        let file = parse("""
            int declared(void);
            extern bool dis_ucode_ldr;
            EXPORT_SYMBOL_GPL(iommu_present);
            static DEFINE_MUTEX(lock);
            typedef int handle_t;
            struct only_a_tag;
            struct with_body { int member; };
            OBJECT_LIKE_MACRO_AS_A_STATEMENT;
            """)
        #expect(file.definitions.isEmpty)
    }

    @Test func globalVariables() {
        let file = parse("""
            bool dis_ucode_ldr = true;
            static bool other_flag __read_mostly = true;
            unsigned long table[4] __initdata;
            static struct notifier_block nb = { .notifier_call = callback, };
            int first, second = 2;
            enum { MODE_A, MODE_B } mode;
            void (*hook)(void) = NULL;
            struct with_body { int member; } instance;
            static const char *names[] = { "a{", "}" };
            """)
        #expect(file.names(.variable) == ["dis_ucode_ldr", "other_flag", "table", "nb", "first", "second",
                                          "mode", "hook", "instance", "names"])
        #expect(file.names(.function).isEmpty)
    }

    @Test func macrosObjectLikeAndFunctionLike() {
        let file = parse("""
            #define IOMMU_INIT_POST(_detect) __IOMMU_INIT(_detect, 0, 0, 0)
            #  define SPACED_OUT 1
            #define NOT_FUNCTION_LIKE (x)
            #define MULTI_LINE(a) \\
            \tdo { } while (0)
            #undef SPACED_OUT
            """)
        let macros = file.definitions.filter { $0.kind == .macro }
        #expect(macros.map(\.name) == ["IOMMU_INIT_POST", "SPACED_OUT", "NOT_FUNCTION_LIKE", "MULTI_LINE"])
        #expect(macros.map(\.isFunctionLike) == [true, false, false, true])
        #expect(file.names(.function).isEmpty)
    }

    @Test func bracesInsideLiteralsCommentsAndMacrosDoNotUnbalanceBodies() throws {
        let file = parse("""
            #define OPEN_TWO { {
            static void f(void)
            {
            \tchar c = '{';
            \tconst char *s = "}}}";
            \t/* { */
            \t// }
            \tif (c) { g(); }
            }
            int after_f = 1;
            static void g(void) { }
            """)
        #expect(file.names(.function) == ["f", "g"])
        #expect(file.names(.variable) == ["after_f"])
        #expect(try #require(file.functions(named: "f").first).bodyLines == 3...9)
    }

    /// arch/x86/include/asm/frame.h: GNU as macros with `=` and no `;` under
    /// `#ifdef __ASSEMBLY__` must not swallow the C definitions after `#else`.
    @Test func assemblyBlocksInHeadersEndAtDirectives() {
        let file = parse("""
            #ifdef __ASSEMBLY__
            .macro ENCODE_FRAME_POINTER ptregs_offset=0
            	leaq 1+\\ptregs_offset(%rsp), %rbp
            .endm
            #else
            static inline unsigned long encode_frame_pointer(struct pt_regs *regs)
            {
            	return (unsigned long)regs + 1;
            }
            #endif
            #ifdef __ASSEMBLY__
            	mov %esp, %ebp
            #endif
            int after_asm;
            """)
        #expect(file.names(.function) == ["encode_frame_pointer"])
        #expect(file.names(.variable) == ["after_asm"])
    }

    /// Declarations that `#ifdef` lines cut in two (arch/x86/kernel/traps.c,
    /// arch/x86/entry/vsyscall/vsyscall_64.c).
    @Test func declarationsSplitByDirectives() {
        let file = parse("""
            #ifdef CONFIG_X86_F00F_BUG
            void handle_invalid_op(struct pt_regs *regs)
            #else
            static inline void handle_invalid_op(struct pt_regs *regs)
            #endif
            {
            	do_error_trap(regs);
            }
            static enum { EMULATE, XONLY, NONE } vsyscall_mode __ro_after_init =
            #ifdef CONFIG_LEGACY_VSYSCALL_NONE
            	NONE;
            #else
            	EMULATE;
            #endif
            """)
        #expect(file.functions(named: "handle_invalid_op").map(\.line) == [4])
        #expect(file.names(.variable) == ["vsyscall_mode"])
    }

    /// The scanner is no preprocessor: `#if 0` code and both `#ifdef` arms are
    /// read as code. Claims are about what source says, so a definition under
    /// `#if 0` is reported; a caller that cares can read the cited line.
    @Test func ifZeroBlocksAreTreatedAsCode() {
        let file = parse("""
            #if 0
            static int disabled_function(void) { return 0; }
            #endif
            """)
        #expect(file.names(.function) == ["disabled_function"])
    }
}
