/// Where each byte of a pass's output came from in that pass's input, so that
/// block source ranges survive the rewriting passes. Runs copied verbatim map
/// exactly; generated text maps to the position of the construct that made it.
struct OffsetMap: Sendable {
    var outStarts: [Int] = []
    var inStarts: [Int] = []
    var exact: [Bool] = []

    /// Whether the map sends every offset to itself (a pass that copied its
    /// input whole): source lookups can skip it.
    var isIdentity: Bool { outStarts == [0] && inStarts == [0] && exact == [true] }

    /// As `inputOffset(_:)`, searching outward from the segment `hint` (which
    /// it updates): lookups in text order cost O(log distance), not O(log n).
    func inputOffset(_ out: Int, hint: inout Int) -> Int {
        let n = outStarts.count
        if n == 0 { return out }
        let k = outStarts.withUnsafeBufferPointer { starts -> Int in
            if out < starts[0] { return 0 }
            var lo = min(max(hint, 0), n - 1)
            var hi: Int
            if starts[lo] <= out {
                // Still in the hinted segment (the usual case), else gallop forward.
                if lo + 1 == n || out < starts[lo + 1] { return lo }
                var step = 1
                hi = lo + 1
                while hi < n, starts[hi] <= out { lo = hi; hi = lo + step; step *= 2 }
                hi = min(hi, n) - 1
            } else {
                var step = 1
                hi = lo - 1
                lo = hi - step
                while lo > 0, starts[lo] > out { hi = lo - 1; step *= 2; lo = hi - step }
                lo = max(lo, 0)
            }
            // Largest k in lo...hi with starts[k] <= out.
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if starts[mid] <= out { lo = mid } else { hi = mid - 1 }
            }
            return lo
        }
        hint = k
        if out < outStarts[0] { return inStarts[0] }
        return exact[k] ? inStarts[k] + (out - outStarts[k]) : inStarts[k]
    }

    func inputOffset(_ out: Int) -> Int {
        if outStarts.isEmpty { return out }
        var lo = 0, hi = outStarts.count - 1
        if out < outStarts[0] { return inStarts[0] }
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if outStarts[mid] <= out { lo = mid } else { hi = mid - 1 }
        }
        return exact[lo] ? inStarts[lo] + (out - outStarts[lo]) : inStarts[lo]
    }
}

/// The output buffer of one pass, recording an `OffsetMap` as it is written.
struct Emitter {
    var bytes: [UInt8]
    var map = OffsetMap()
    /// The map's last segment, mirrored here so the per-write check reads
    /// scalars rather than the ends of three arrays. `runKind`: 0 none yet,
    /// 1 exact (copied), 2 generated.
    private var runKind: UInt8 = 0
    private var runIn = 0
    private var runOut = 0

    init(capacity: Int) { self.init(capacity: capacity, reusing: []) }

    /// Writes into `storage`'s memory (its contents are dropped): reusing the
    /// buffer of a pass two steps back saves faulting in ~input-sized fresh
    /// memory on every pass.
    init(capacity: Int, reusing storage: consuming [UInt8]) {
        let needed = capacity + capacity / 8 + 16
        if storage.capacity >= needed {
            bytes = storage
            bytes.removeAll(keepingCapacity: true)
        } else {
            bytes = LargeBuffer.reserved(needed)
        }
    }

    /// Copies `src[lo..<hi]` (the pass's input) verbatim.
    @inline(__always)
    mutating func copy(_ src: [UInt8], _ lo: Int, _ hi: Int) {
        guard lo < hi else { return }
        precondition(lo >= 0 && hi <= src.count)
        markCopied(from: lo)
        src.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
    }

    @inline(__always)
    mutating func copyByte(_ src: [UInt8], _ i: Int) {
        let b = src[i]
        markCopied(from: i)
        bytes.append(b)
    }

    /// Writes generated text attributed to input position `at`.
    @inline(__always)
    mutating func emit(_ generated: [UInt8], at: Int) {
        guard !generated.isEmpty else { return }
        markGenerated(at: at)
        bytes.append(contentsOf: generated)
    }

    @inline(__always)
    mutating func emit(_ generated: UnsafeBufferPointer<UInt8>, at: Int) {
        guard !generated.isEmpty else { return }
        markGenerated(at: at)
        bytes.append(contentsOf: generated)
    }

    /// Generated ASCII text without an intermediate array.
    @inline(__always)
    mutating func emit(_ generated: StaticString, at: Int) {
        markGenerated(at: at)
        generated.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// The decimal digits of `value` (not negative), made right to left in a
    /// word and appended at once.
    mutating func appendDecimal(_ value: Int) {
        precondition(value >= 0)
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0) // room for Int.max's 19 digits
        withUnsafeMutableBytes(of: &digits) { buf in
            var v = value
            var k = buf.count
            repeat {
                k -= 1
                buf[k] = 0x30 + UInt8(v % 10)
                v /= 10
            } while v > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buf[k...]))
        }
    }

    /// A strip marker for piece `index`.
    mutating func emitMarker(_ index: Int, at: Int) {
        markGenerated(at: at)
        bytes.append(Byte.marker)
        appendDecimal(index)
        bytes.append(Byte.marker)
    }

    /// `<a k=N>`, the opening of link piece `index`.
    mutating func emitLinkOpen(_ index: Int, at: Int) {
        emit("<a k=", at: at)
        appendDecimal(index)
        bytes.append(Byte.gt)
    }

    @inline(__always)
    mutating func emitByte(_ b: UInt8, at: Int) {
        markGenerated(at: at)
        bytes.append(b)
    }

    /// Starts an exact segment at input `lo` unless the current one continues there.
    @inline(__always)
    private mutating func markCopied(from lo: Int) {
        if runKind == 1 && runIn &+ (bytes.count &- runOut) == lo { return }
        startSegment(out: bytes.count, input: lo, exact: true)
    }

    @inline(__always)
    private mutating func markGenerated(at: Int) {
        if runKind == 2 && runIn == at { return }
        startSegment(out: bytes.count, input: at, exact: false)
    }

    private mutating func startSegment(out: Int, input: Int, exact: Bool) {
        runKind = exact ? 1 : 2
        runIn = input
        runOut = out
        map.outStarts.append(out); map.inStarts.append(input); map.exact.append(exact)
    }
}
