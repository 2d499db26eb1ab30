/// The kernel release named by the top-level Makefile's first lines:
/// `VERSION = 6`, `PATCHLEVEL = 1`, `SUBLEVEL = 158`, `EXTRAVERSION =`.
struct MakefileVersion: Equatable {
    /// Whether a `VERSION =` assignment was found: what makes a Makefile a kernel's.
    let hasVersionLine: Bool
    /// "6.1.158", "6.13.0-rc1"; nil when VERSION or PATCHLEVEL is not a number.
    let release: String?

    init(makefile text: String) {
        var values: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(200) {
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            guard ["VERSION", "PATCHLEVEL", "SUBLEVEL", "EXTRAVERSION"].contains(key),
                  values[key] == nil else { continue }
            values[key] = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        }
        hasVersionLine = values["VERSION"] != nil
        release = Self.release(values)
    }

    // Mirrors KERNELVERSION in the Makefile:
    // $(VERSION)$(if $(PATCHLEVEL),.$(PATCHLEVEL)$(if $(SUBLEVEL),.$(SUBLEVEL)))$(EXTRAVERSION)
    private static func release(_ v: [String: String]) -> String? {
        guard let version = v["VERSION"], Int(version) != nil,
              let patch = v["PATCHLEVEL"], Int(patch) != nil else { return nil }
        var release = "\(version).\(patch)"
        if let sub = v["SUBLEVEL"], !sub.isEmpty {
            guard Int(sub) != nil else { return nil }
            release += ".\(sub)"
        }
        return release + (v["EXTRAVERSION"] ?? "")
    }
}
