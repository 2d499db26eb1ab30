// pvyield-kernel-scan: run a list of KernelSource queries against one kernel
// tree and time them. Used by scripts/bench/kernel-src.sh; the probe engine
// calls the KernelSource library directly.
//
//   pvyield-kernel-scan --tree DIR [--queries FILE]   (queries from stdin without --queries)
//   pvyield-kernel-scan --tree DIR --dump PATH...      (list what PATHs define, for checking the scanner)
//
// Exit status: 0 when every expectation (`+`/`-` in the list) held, 1 when
// one did not, 2 for usage errors or a tree that cannot be opened.
import Foundation
import KernelSource

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("pvyield-kernel-scan: \(message)\n".utf8))
    exit(2)
}

var treePath: String?
var queriesPath: String?
var dumpPaths: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--tree": treePath = arguments.popFirst()
    case "--queries": queriesPath = arguments.popFirst()
    case "--dump": dumpPaths += arguments; arguments = []
    default: fail("unknown argument \(argument); usage: --tree DIR [--queries FILE | --dump PATH...]")
    }
}
guard let treePath else { fail("usage: --tree DIR [--queries FILE | --dump PATH...]") }

if !dumpPaths.isEmpty {
    do {
        let tree = try KernelTree(root: URL(fileURLWithPath: treePath))
        for path in dumpPaths {
            guard let file = try tree.source(at: path) else { fail("\(path) does not exist") }
            for d in file.definitions {
                let body = d.bodyLines.map { " body \($0.lowerBound)-\($0.upperBound)" } ?? ""
                print("\(path):\(d.line): \(d.kind.rawValue)\(d.isFunctionLike ? "()" : "") \(d.name)\(body)")
            }
        }
    } catch { fail("\(error)") }
    exit(0)
}

let listText: String
if let queriesPath {
    guard let data = FileManager.default.contents(atPath: queriesPath) else { fail("cannot read \(queriesPath)") }
    listText = String(decoding: data, as: UTF8.self)
} else {
    listText = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
}

let queries: [QueryLine]
do { queries = try QueryLine.parseList(listText) } catch { fail("\(error)") }

let clock = ContinuousClock()
let started = clock.now
let tree: KernelTree
do { tree = try KernelTree(root: URL(fileURLWithPath: treePath)) } catch { fail("\(error)") }
print("tree \(treePath): Linux \(tree.version ?? "(unknown version)")")

// One read per scope for every name the queries search by.
let needs = queries.compactMap(\.query.prefilterNeed)
let prefilterStart = clock.now
tree.prefilter(for: queries.map(\.query))
print(String(format: "prefilter: %d file(s) listed, %d name(s) in %d scope(s) searched in %.1f ms",
             tree.sourcePaths().count, Set(needs.flatMap(\.names)).count, Set(needs.map(\.directories)).count,
             (clock.now - prefilterStart).milliseconds))

var unmet = 0
for line in queries {
    let before = clock.now
    let result: QueryResult
    do { result = try line.run(on: tree) } catch { fail("\(line.text): \(error)") }
    let ms = (clock.now - before).milliseconds
    let met: Bool
    switch line.expectation {
    case .holds: met = result.found
    case .fails: met = !result.found
    case .none: met = true
    }
    if !met { unmet += 1 }
    let verdict = (result.found ? "yes" : "no ").padding(toLength: 4, withPad: " ", startingAt: 0)
    print("\(met ? "  " : "!!") \(verdict) \(String(format: "%7.1f ms", ms))  \(line.text)")
    for evidence in result.evidence.prefix(3) { print("                     \(evidence)") }
    if result.evidence.count > 3 { print("                     … \(result.evidence.count - 3) more") }
    if !result.found {
        for scope in result.scopes { print("                     searched \(scope)") }
        for note in result.notes { print("                     note: \(note)") }
    }
}
let total = (clock.now - started).milliseconds
print(String(format: "%d queries, %d expectation(s) unmet, wall %.1f ms (open + list + queries)", queries.count, unmet, total))
exit(unmet == 0 ? 0 : 1)

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
