/// Words that can sit in a declaration without being the declared name.
///
/// The kernel decorates definitions with attribute macros (`__init`,
/// `__read_mostly`, `__printf(1, 2)`, …). Without knowing them, the last word of
/// `static bool dis_ucode_ldr __read_mostly = true;` would be taken for the
/// variable's name, and `__printf(1, 2)` for a function.
enum DeclarationVocabulary {
    /// C keywords that start or shape a declaration; never a declared name.
    static let keywords: Set<String> = [
        "auto", "bool", "_Bool", "char", "const", "double", "enum", "extern", "float",
        "inline", "__inline", "__inline__", "int", "long", "register", "restrict",
        "__restrict", "short", "signed", "__signed__", "static", "struct", "typedef",
        "union", "unsigned", "void", "volatile", "__volatile__", "_Atomic", "_Noreturn",
        "_Thread_local", "__thread", "__extension__",
    ]

    /// Keywords after which the next identifier is a tag, not a declared name.
    static let tagKeywords: Set<String> = ["struct", "union", "enum"]

    /// Attribute-like words, with or without an argument list.
    static let attributes: Set<String> = [
        "__attribute__", "__attribute", "__declspec", "asm", "__asm", "__asm__",
        "typeof", "__typeof", "__typeof__", "_Alignas", "alignas",
        "__aligned", "__section", "__printf", "__scanf", "__alloc_size", "__malloc",
        "__must_hold", "__acquires", "__releases", "__cond_acquires", "__cond_releases",
        "__assume_aligned", "__counted_by", "__nonstring", "__diagnose_as",
        "__init", "__exit", "__ref", "__refdata", "__refconst", "__head",
        "__meminit", "__cpuinit", "__devinit", "__init_or_module", "__initdata",
        "__initconst", "__exitdata", "__meminitdata", "__initdata_memblock",
        "__read_mostly", "__ro_after_init", "__weak", "__visible", "__used", "__unused",
        "__maybe_unused", "__always_unused", "__packed", "__percpu", "__rcu", "__iomem",
        "__user", "__kernel", "__force", "__must_check", "__cold", "__hot", "__pure",
        "__noreturn", "__always_inline", "noinline", "__noinline", "notrace", "noinstr",
        "__noinstr", "__flatten", "asmlinkage", "__nocfi", "__noclone", "__no_kcsan",
        "__no_sanitize_address", "__no_stack_protector", "__cacheline_aligned",
        "__cacheline_aligned_in_smp", "____cacheline_aligned", "____cacheline_aligned_in_smp",
        "__page_aligned_bss", "__page_aligned_data", "__bss_decrypted", "__nosavedata",
        "__initdata_or_meminfo", "__gnu_inline", "__latent_entropy", "__randomize_layout",
        "__no_randomize_layout", "__designated_init", "__ms_abi", "__sysv_abi",
        "__fix_address", "__always_used", "__section_aligned",
    ]

    static func isAttribute(_ word: String) -> Bool {
        attributes.contains(word)
    }

    /// A word that cannot be the name in a declaration.
    static func isNeverAName(_ word: String) -> Bool {
        keywords.contains(word) || attributes.contains(word)
    }
}
