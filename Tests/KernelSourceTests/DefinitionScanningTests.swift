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
