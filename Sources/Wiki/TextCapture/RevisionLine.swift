import Foundation

/// MediaWiki's revision line above an old revision, as a browser shows it:
/// "Revision as of 01:00, 8 August 2015 by Mcgrof (talk | contribs)".
/// "Latest revision as of …" and "Current revision as of …" have the same shape.
enum RevisionLine {
    static let months = ["January", "February", "March", "April", "May", "June", "July",
                         "August", "September", "October", "November", "December"]

    struct Parsed: Equatable {
        /// ISO 8601, UTC (MediaWiki shows times in the wiki's zone; the Xen wiki's is UTC).
        var timestamp: String
        var user: String
    }

    static func parse(_ line: String) -> Parsed? {
        var rest = Substring(line.trimmingWhitespace)
        var matchedPrefix = false
        for prefix in ["Revision as of ", "Latest revision as of ", "Current revision as of "] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            matchedPrefix = true
            break
        }
        guard matchedPrefix else { return nil }
        // "01:00, 8 August 2015 by Mcgrof (talk | contribs)"
        guard let comma = rest.firstIndex(of: ",") else { return nil }
        let time = rest[..<comma].split(separator: ":")
        guard time.count == 2, let hour = Int(time[0]), let minute = Int(time[1]),
              (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        rest = rest[rest.index(after: comma)...].drop { $0 == " " }
        guard let byRange = rest.range(of: " by ") else { return nil }
        let date = rest[..<byRange.lowerBound].split(separator: " ")
        guard date.count == 3, let day = Int(date[0]), (1...31).contains(day),
              let monthIndex = months.firstIndex(of: String(date[1])), let year = Int(date[2]) else { return nil }
        var user = rest[byRange.upperBound...]
        if let paren = user.range(of: " (talk") { user = user[..<paren.lowerBound] }
        let name = String(user).trimmingWhitespace
        guard !name.isEmpty else { return nil }
        let stamp = "\(year)-\(pad(monthIndex + 1))-\(pad(day))T\(pad(hour)):\(pad(minute)):00Z"
        return Parsed(timestamp: stamp, user: name)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
