import Foundation
import KernelSource

/// One line of a query list: an optional expectation, then the query.
///
///     [+|-] defined KIND NAME [FILE...]       KIND: function, macro, variable, any
///     [+|-] used NAME in FUNCTION [FILE]
///     [+|-] exists PATH
///     [+|-] pattern FUNCTION FILE|* REGEX...  (the regex is the rest of the line)
///     [+|-] pattern-with-strings FUNCTION FILE|* REGEX...  (string literals not blanked)
///
/// `+` expects the query to hold, `-` expects it not to; without either the
/// answer is only reported. `#` starts a comment line.
struct QueryLine {
    enum Expectation { case holds, fails, none }

    let query: KernelQuery
    /// `pattern-with-strings`: run `query` (a `.pattern`) with string literals kept.
    let keepsStringLiterals: Bool
    let expectation: Expectation
    let text: String

    struct ParseError: Error, CustomStringConvertible {
        let line: Int
        let message: String
        var description: String { "query list line \(line): \(message)" }
    }

    /// Parses a whole list; blank and `#` lines are skipped.
    static func parseList(_ text: String) throws -> [QueryLine] {
        var lines: [QueryLine] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            do {
                lines.append(try QueryLine(line))
            } catch let problem as Problem {
                throw ParseError(line: index + 1, message: problem.message)
            }
        }
        return lines
    }

    private init(_ line: String) throws {
        var words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        switch words.first {
        case "+": expectation = .holds; words.removeFirst()
        case "-": expectation = .fails; words.removeFirst()
        default: expectation = .none
        }
        text = words.joined(separator: " ")
        keepsStringLiterals = words.first == "pattern-with-strings"
        guard let verb = words.first else { throw Problem("empty query") }
        let args = Array(words.dropFirst())
        switch verb {
        case "defined":
            guard args.count >= 2, let kind = SymbolKind(rawValue: args[0]) else {
                throw Problem("usage: defined function|macro|variable|any NAME [FILE...]")
            }
            query = .symbolDefined(name: args[1], kind: kind, files: args.count > 2 ? Array(args[2...]) : nil)
        case "used":
            guard args.count == 3 || args.count == 4, args[1] == "in" else { throw Problem("usage: used NAME in FUNCTION [FILE]") }
            query = .symbolUsed(name: args[0], insideFunction: args[2], file: args.count == 4 ? args[3] : nil)
        case "exists":
            guard args.count == 1 else { throw Problem("usage: exists PATH") }
            query = .fileExists(path: args[0])
        case "pattern", "pattern-with-strings":
            guard args.count >= 3 else { throw Problem("usage: \(verb) FUNCTION FILE|* REGEX") }
            // The regex keeps its own spacing: take the rest of the original line.
            let regex = Self.rest(of: line, after: 3 + (expectation == .none ? 0 : 1))
            query = .pattern(regex: regex, insideFunction: args[0], file: args[1] == "*" ? nil : args[1])
        default:
            throw Problem("unknown query \(verb)")
        }
    }

    func run(on tree: KernelTree) throws -> QueryResult {
        if keepsStringLiterals, case .pattern(let regex, let function, let file) = query {
            return try tree.pattern(regex, insideFunction: function, file: file, keepingStringLiterals: true)
        }
        return try tree.run(query)
    }

    /// The text after the first `count` space-separated words.
    private static func rest(of line: String, after count: Int) -> String {
        var rest = Substring(line)
        for _ in 0..<count {
            rest = rest.drop { $0 == " " }.drop { $0 != " " }
        }
        return String(rest.drop { $0 == " " })
    }
}

/// What is wrong with one line; `parseList` adds the line number.
private struct Problem: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
