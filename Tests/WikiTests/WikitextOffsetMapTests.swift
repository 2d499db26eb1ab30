import Testing
@testable import Wiki

@Suite struct WikitextOffsetMapTests {
    /// The cursor-based lookup must agree with the plain binary search, in any order.
    @Test func hintedLookupsAgreeWithBinarySearch() {
        var map = OffsetMap()
        var out = 0, input = 0
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            map.outStarts.append(out); map.inStarts.append(input); map.exact.append(Bool.random(using: &rng))
            out += Int.random(in: 1...9, using: &rng)
            input += Int.random(in: 0...9, using: &rng)
        }
        var hint = 0
        let queries = (0..<5_000).map { _ in Int.random(in: -3...(out + 5), using: &rng) } + Array(0..<out)
        for q in queries {
            #expect(map.inputOffset(q, hint: &hint) == map.inputOffset(q), "offset \(q)")
        }
    }
}
