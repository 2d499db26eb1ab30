/// One step of turning sequence A into sequence B.
enum Edit<T> {
    case same(T, T)
    case removed(T)
    case added(T)
}

/// A shortest edit script by longest common subsequence. Quadratic, which is
/// fine for a page's blocks and a paragraph's words; past `limit` cells it
/// gives up on alignment and reports A removed, B added (still correct, just
/// coarse) so an enormous revision cannot stall a build.
enum EditScript {
    static func diff<T>(_ a: [T], _ b: [T], limit: Int = 4_000_000, equal: (T, T) -> Bool) -> [Edit<T>] {
        let n = a.count, m = b.count
        guard n * m <= limit else { return a.map { .removed($0) } + b.map { .added($0) } }
        // lengths[i][j]: LCS length of a[i...] and b[j...].
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lengths[i][j] = equal(a[i], b[j]) ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
                }
            }
        }
        var out: [Edit<T>] = []
        var i = 0, j = 0
        while i < n && j < m {
            if equal(a[i], b[j]) { out.append(.same(a[i], b[j])); i += 1; j += 1 }
            else if lengths[i + 1][j] >= lengths[i][j + 1] { out.append(.removed(a[i])); i += 1 }
            else { out.append(.added(b[j])); j += 1 }
        }
        while i < n { out.append(.removed(a[i])); i += 1 }
        while j < m { out.append(.added(b[j])); j += 1 }
        return out
    }
}
