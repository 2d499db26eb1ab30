/// Turns a time as MediaWiki displays it ("01:00, 8 August 2015", or the
/// mdy / ymd / ISO preferences) into ISO 8601 UTC, `2015-08-08T01:00:00Z`.
enum MediaWikiDisplayedTime {
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July",
                                "August", "September", "October", "November", "December"]

    /// `monthNames` are the wiki's own (from `wgMonthNames`), January first;
    /// English ones are tried too.
    static func iso8601(from text: String, monthNames: [String] = []) -> String? {
        let words = tokens(text)
        if let iso = isoForm(words) { return iso }
        guard let (hour, minute, second, timeIndex) = clockTime(words) else { return nil }
        var year: Int?, day: Int?, month: Int?
        for (index, word) in words.enumerated() where index != timeIndex {
            if let number = Int(word) {
                if word.count == 4, year == nil { year = number } else if word.count <= 2, day == nil { day = number }
            } else if month == nil, let found = monthNumber(word, monthNames) {
                month = found
            }
        }
        guard let year, let month, let day, (1...31).contains(day) else { return nil }
        return format(year, month, day, hour, minute, second)
    }

    /// Words and numbers, split at spaces and punctuation other than ':' and '-'.
    private static func tokens(_ text: String) -> [String] {
        text.split { $0.isWhitespace || $0 == "," || $0 == "." || $0 == "(" || $0 == ")" }.map(String.init)
    }

    /// "2015-08-08T01:00:00" (the ISO 8601 date preference).
    private static func isoForm(_ words: [String]) -> String? {
        for word in words {
            let parts = word.split(separator: "T")
            guard parts.count == 2 else { continue }
            let date = parts[0].split(separator: "-").compactMap { Int($0) }
            let time = parts[1].split(separator: ":").compactMap { Int($0) }
            if date.count == 3, time.count >= 2 {
                return format(date[0], date[1], date[2], time[0], time[1], time.count > 2 ? time[2] : 0)
            }
        }
        return nil
    }

    private static func clockTime(_ words: [String]) -> (Int, Int, Int, Int)? {
        for (index, word) in words.enumerated() {
            let parts = word.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 || parts.count == 3 else { continue }
            let numbers = parts.compactMap { Int($0) }
            guard numbers.count == parts.count, numbers[0] < 24, numbers[1] < 60 else { continue }
            return (numbers[0], numbers[1], numbers.count == 3 ? numbers[2] : 0, index)
        }
        return nil
    }

    private static func monthNumber(_ word: String, _ names: [String]) -> Int? {
        for list in [names, englishMonths] {
            if let index = list.firstIndex(where: { !$0.isEmpty && $0.lowercased() == word.lowercased() }) {
                return index + 1
            }
        }
        return nil
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))Z"
    }
}
