/// Which kernels a claim speaks of: `6.1` (that series), `>=6.2`, `<6.13`,
/// `>=5.19`… A release string such as `6.1.0-56-amd64` is compared by its
/// numbers (major, minor, patch).
public struct KernelRange: Sendable, Hashable, CustomStringConvertible {
    public enum Relation: String, Sendable, Hashable {
        case series = ""
        case atLeast = ">="
        case below = "<"
    }

    public var relation: Relation
    public var version: [Int]

    public init?(_ text: String) {
        var rest = Substring(text.filter { $0 != " " })
        if rest.hasPrefix(">=") { relation = .atLeast; rest = rest.dropFirst(2) }
        else if rest.hasPrefix("<") { relation = .below; rest = rest.dropFirst() }
        else { relation = .series }
        let numbers = rest.split(separator: ".").map { Int($0) }
        guard !numbers.isEmpty, numbers.count <= 3, numbers.allSatisfy({ $0 != nil }) else { return nil }
        version = numbers.map { $0! }
    }

    public var description: String { relation.rawValue + version.map(String.init).joined(separator: ".") }

    /// The leading numbers of a release: `6.1.0-56-amd64` → [6, 1, 0].
    public static func numbers(of release: String) -> [Int] {
        var out: [Int] = []
        var current = ""
        for c in release {
            if c.isNumber { current.append(c) }
            else if c == ".", !current.isEmpty { out.append(Int(current)!); current = "" }
            else { break }
        }
        if !current.isEmpty { out.append(Int(current)!) }
        return out
    }

    public func contains(release: String) -> Bool {
        let have = Self.numbers(of: release)
        switch relation {
        case .series:
            return Array(have.prefix(version.count)) == version
        case .atLeast:
            return !Self.less(have, version)
        case .below:
            return Self.less(have, version)
        }
    }

    /// Lexicographic on the numbers, missing parts counting as 0.
    static func less(_ a: [Int], _ b: [Int]) -> Bool {
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : 0, y = i < b.count ? b[i] : 0
            if x != y { return x < y }
        }
        return false
    }
}
