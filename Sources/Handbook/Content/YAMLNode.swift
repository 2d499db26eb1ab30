import Foundation
import Yams

/// A YAML node that remembers its file and position, with typed accessors
/// whose errors say where and what was expected. Content files are written by
/// people, so every mistake must point at its line.
public struct YAMLNode: @unchecked Sendable {
    // Yams.Node is a value type without Sendable conformance; it is never mutated here.
    let node: Node
    public let file: String

    /// Parses a whole file. Syntax errors carry libyaml's position.
    public static func parse(_ text: String, file: String) throws -> YAMLNode {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ContentError(file: file, line: 1, column: 1, expected: "a YAML document, found an empty file")
            }
            return YAMLNode(node: node, file: file)
        } catch let error as YamlError {
            throw Self.contentError(error, file: file)
        }
    }

    public static func load(_ url: URL, displayPath: String) throws -> YAMLNode {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ContentError(file: displayPath, line: 1, column: 1, expected: "a readable file (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ContentError(file: displayPath, line: 1, column: 1, expected: "UTF-8 text")
        }
        return try parse(text, file: displayPath)
    }

    static func contentError(_ error: YamlError, file: String) -> ContentError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return ContentError(file: file, line: mark.line, column: mark.column, expected: "valid YAML (\(what))")
        case .reader(let problem, _, _, _):
            return ContentError(file: file, line: 1, column: 1, expected: "readable YAML (\(problem))")
        default:
            return ContentError(file: file, line: 1, column: 1, expected: "valid YAML (\(error))")
        }
    }

    public var line: Int { node.mark?.line ?? 1 }
    public var column: Int { node.mark?.column ?? 1 }

    public func error(_ expected: String) -> ContentError {
        ContentError(file: file, line: line, column: column, expected: expected)
    }

    // MARK: Shapes

    public var isNull: Bool {
        if case .scalar(let s) = node { return s.string == "~" || s.string == "null" || (s.string.isEmpty && s.style == .plain) }
        return false
    }

    public func string(_ what: String = "a string") throws -> String {
        guard case .scalar(let s) = node else { throw error(what) }
        return s.string
    }

    public func int(_ what: String = "an integer") throws -> Int {
        guard case .scalar(let s) = node else { throw error(what) }
        let text = s.string
        if text.hasPrefix("0x") || text.hasPrefix("0X"), let v = Int(text.dropFirst(2), radix: 16) { return v }
        guard let v = Int(text) else { throw error(what + ", found \"\(text)\"") }
        return v
    }

    public func bool(_ what: String = "true or false") throws -> Bool {
        guard case .scalar(let s) = node else { throw error(what) }
        switch s.string {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error(what + ", found \"\(s.string)\"")
        }
    }

    public func sequence(_ what: String = "a list") throws -> [YAMLNode] {
        guard case .sequence(let seq) = node else { throw error(what) }
        return seq.map { YAMLNode(node: $0, file: file) }
    }

    /// A list of strings; a single string is taken as a list of one.
    public func strings(_ what: String = "a list of strings") throws -> [String] {
        if case .scalar = node { return [try string(what)] }
        return try sequence(what).map { try $0.string(what) }
    }

    /// The mapping's keys and values in written order.
    public func mapping(_ what: String = "a mapping") throws -> [(key: String, value: YAMLNode)] {
        guard case .mapping(let map) = node else { throw error(what) }
        return try map.map { pair in
            guard case .scalar(let k) = pair.key else { throw YAMLNode(node: pair.key, file: file).error("a plain key") }
            return (k.string, YAMLNode(node: pair.value, file: file))
        }
    }

    /// A view of a mapping that checks its keys: unknown keys are errors, so a
    /// typo never silently drops a field.
    public func fields(_ what: String, allowed: Set<String>) throws -> Fields {
        let pairs = try mapping(what)
        var seen: Set<String> = []
        for (key, value) in pairs {
            guard allowed.contains(key) else {
                let keyNode = keyNodes()[key]
                throw (keyNode ?? value).error("one of the fields \(allowed.sorted().joined(separator: ", ")) in \(what), found \"\(key)\"")
            }
            guard seen.insert(key).inserted else { throw value.error("\"\(key)\" only once in \(what)") }
        }
        return Fields(owner: self, what: what, values: Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, $0.value) }))
    }

    private func keyNodes() -> [String: YAMLNode] {
        guard case .mapping(let map) = node else { return [:] }
        var result: [String: YAMLNode] = [:]
        for pair in map {
            if case .scalar(let k) = pair.key { result[k.string] = YAMLNode(node: pair.key, file: file) }
        }
        return result
    }

    public struct Fields {
        public let owner: YAMLNode
        public let what: String
        let values: [String: YAMLNode]

        public subscript(key: String) -> YAMLNode? {
            guard let v = values[key], !v.isNull else { return nil }
            return v
        }

        public func required(_ key: String) throws -> YAMLNode {
            guard let v = self[key] else { throw owner.error("a \"\(key)\" field in \(what)") }
            return v
        }

        public var keys: [String] { Array(values.keys) }
    }
}
