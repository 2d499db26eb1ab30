import Testing
@testable import KernelSource

@Suite("Prefilter byte search")
struct NeedleSetTests {
    private func matches(_ needles: [String], in text: String) -> UInt64 {
        Array(text.utf8).withUnsafeBytes { NeedleSet(needles).matches(in: $0) }
    }

    @Test func reportsEachNeedleItsOwnBit() {
        let text = "if (paravirt_enabled() || dis_ucode_ldr) return 0;"
        #expect(matches(["dis_ucode_ldr", "IOMMU_INIT_FINISH", "paravirt_enabled"], in: text) == 0b101)
    }

    @Test func needlesAtTheVeryStartAndEnd() {
        #expect(matches(["abc", "xyz"], in: "abc---xyz") == 0b11)
        #expect(matches(["abcd"], in: "abc") == 0)
        #expect(matches(["a", ""], in: "xa") == 0b11)  // 0- and 1-byte needles take the plain path
    }

    /// Compares against `String.contains` on pseudo-random text over a small
    /// alphabet, where partial matches and overlaps are frequent.
    @Test func agreesWithPlainSearchOnRandomText() {
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        let alphabet = Array("ab_c")
        func word(_ length: Int) -> String { String((0..<length).map { _ in alphabet[next(alphabet.count)] }) }
        for _ in 0..<300 {
            let text = word(next(200))
            let needles = (0..<(1 + next(5))).map { _ in word(2 + next(5)) }
            var expected: UInt64 = 0
            for (i, needle) in needles.enumerated() where text.contains(needle) { expected |= 1 << UInt64(i) }
            #expect(matches(needles, in: text) == expected, "\(needles) in \(text)")
        }
    }
}
