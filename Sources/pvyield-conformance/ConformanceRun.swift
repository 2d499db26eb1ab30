import Document
import Wiki
import Writers

/// Renders each parser test's wikitext with WikitextReader + DocumentHTMLWriter,
/// normalises ours and MediaWiki's HTML the same way (`HTMLNormalizer`) and
/// compares. Reports pass rates (core, all, per construct) and the slowest case;
/// fails when a case is too slow or the core rate is under `minCore`.
enum ConformanceRun {
    struct Options {
        var verbose = false
        var minCore = 0.0
        var maxMilliseconds = 50.0
        var show: String?
    }

    struct Tally {
        var passed = 0
        var total = 0
        var percent: Double { total == 0 ? 0 : Double(passed) * 100 / Double(total) }
        mutating func add(_ ok: Bool) { total += 1; if ok { passed += 1 } }
    }

    static func run(path: String, options: Options) -> Int32 {
        guard let cases = ConformanceCase.load(path: path), !cases.isEmpty else {
            FileText.printError("cannot read test cases from \(path)")
            return 2
        }
        var core = Tally(), all = Tally()
        var byConstruct: [String: (core: Tally, all: Tally)] = [:]
        var slowest = (name: "", ms: 0.0)
        var tooSlow: [String] = []
        var failures: [(ConformanceCase, String, String)] = []
        let clock = ContinuousClock()
        for c in cases {
            var ours = ""
            let elapsed = clock.measure {
                ours = DocumentHTMLWriter.html(WikitextReader.read(c.wikitext))
            }
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            if ms > slowest.ms { slowest = (c.name, ms) }
            if ms > options.maxMilliseconds { tooSlow.append(c.name) }
            let expected = HTMLNormalizer.normalize(c.expectedHTML)
            let actual = HTMLNormalizer.normalize(ours)
            let ok = expected == actual
            let construct = Construct.of(name: c.name, wikitext: c.wikitext)
            all.add(ok)
            var entry = byConstruct[construct] ?? (Tally(), Tally())
            entry.all.add(ok)
            if c.isCore { core.add(ok); entry.core.add(ok) }
            byConstruct[construct] = entry
            if !ok && c.isCore { failures.append((c, expected, actual)) }
            if let show = options.show, c.name.lowercased().contains(show.lowercased()) {
                print("=== \(c.name) [\(ok ? "pass" : "FAIL")] core=\(c.isCore)")
                print("--- wikitext\n\(c.wikitext)")
                print("--- ours (raw)\n\(ours)")
                print("--- expected (normalised)\n\(expected)")
                print("--- ours (normalised)\n\(actual)")
            }
        }
        if options.verbose {
            print("Core failures:")
            for (c, expected, actual) in failures {
                print("  - \(c.name)")
                print("      expected: \(expected.prefix(300))")
                print("      ours:     \(actual.prefix(300))")
            }
        }
        print("core: \(core.passed)/\(core.total) = \(pct(core.percent))")
        print("all:  \(all.passed)/\(all.total) = \(pct(all.percent))")
        print("by construct (core passed/total, all passed/total):")
        for key in byConstruct.keys.sorted() {
            let e = byConstruct[key]!
            print("  \(key.padding(12)) core \(e.core.passed)/\(e.core.total) \(pct(e.core.percent)), all \(e.all.passed)/\(e.all.total) \(pct(e.all.percent))")
        }
        print("slowest: \(slowest.name) \(Bench.format(slowest.ms, 3)) ms")
        var status: Int32 = 0
        if !tooSlow.isEmpty {
            print("over \(options.maxMilliseconds) ms: \(tooSlow.joined(separator: ", "))")
            status = 1
        }
        if core.percent < options.minCore {
            print("core pass rate \(pct(core.percent)) is under the required \(options.minCore)%")
            status = 1
        }
        return status
    }

    static func pct(_ x: Double) -> String { Bench.format(x, 1) + "%" }
}

extension String {
    fileprivate func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
