/// Pass 6: `''italic''`, `'''bold'''` and `'''''both'''''`, line by line, with
/// MediaWiki's apostrophe rules: runs of four are an apostrophe plus bold, runs
/// over five keep the extras as apostrophes, and when a line has an odd number
/// of both italics and bolds one bold becomes an apostrophe plus italics
/// (preferring one after a one-letter word, then after a longer word, then
/// after a space). Each line's tags are closed at its end. Linear: every run is
/// visited a fixed number of times.
enum Quotes {
    static func run(_ src: [UInt8], reusing spare: consuming [UInt8] = []) -> Emitter {
        var e = Emitter(capacity: src.count, reusing: spare)
        let n = src.count
        // Only lines holding `''` change; the text between them is copied in
        // one piece (the offset map is the same as for line-by-line copies).
        var cursor = 0
        var i = 0
        var runs: [Run] = [] // reused from line to line
        while true {
            let apos = Scan.firstOf(src, Byte.apos, Byte.apos, Byte.apos, from: i, to: n - 1)
            if apos >= n - 1 { break }
            if src[apos + 1] != Byte.apos { i = apos + 1; continue }
            var lineStart = apos
            while lineStart > cursor, src[lineStart - 1] != Byte.nl { lineStart -= 1 }
            let lineEnd = Scan.lineEnd(src, from: apos)
            e.copy(src, cursor, lineStart)
            quoteLine(src, lineStart, lineEnd, into: &e, runs: &runs)
            if lineEnd < n { e.copyByte(src, lineEnd) }
            cursor = lineEnd + 1
            i = cursor
        }
        e.copy(src, cursor, n)
        return e
    }

    /// One run of apostrophes, after the four/over-five fix-ups: `length` is 2, 3
    /// or 5, and the first `literal` apostrophes of the run are text.
    struct Run { var start: Int; var literal: Int; var length: Int }

    static func quoteLine(_ b: [UInt8], _ lo: Int, _ hi: Int, into e: inout Emitter) {
        var runs: [Run] = []
        quoteLine(b, lo, hi, into: &e, runs: &runs)
    }

    /// `runs` is scratch space, so that lines share one allocation.
    static func quoteLine(_ b: [UInt8], _ lo: Int, _ hi: Int, into e: inout Emitter, runs: inout [Run]) {
        runs.removeAll(keepingCapacity: true)
        var i = lo
        var italics = 0, bolds = 0
        while i < hi {
            i = Scan.firstOf(b, Byte.apos, Byte.apos, Byte.apos, from: i, to: hi)
            if i >= hi { break }
            if i + 1 < hi, b[i + 1] == Byte.apos {
                var j = i
                while j < hi, b[j] == Byte.apos { j += 1 }
                var count = j - i
                var literal = 0
                if count == 4 { literal = 1; count = 3 } else if count > 5 { literal = count - 5; count = 5 }
                runs.append(Run(start: i, literal: literal, length: count))
                if count == 2 { italics += 1 } else if count == 3 { bolds += 1 } else { italics += 1; bolds += 1 }
                i = j
            } else {
                i += 1
            }
        }
        if runs.isEmpty { e.copy(b, lo, hi); return }

        if italics % 2 == 1 && bolds % 2 == 1 {
            var singleLetter = -1, multiLetter = -1, space = -1
            for (k, run) in runs.enumerated() where run.length == 3 {
                // The two characters before the run (its own literal apostrophes included).
                let textEnd = run.start + run.literal
                let textStart = k == 0 ? lo : runs[k - 1].start + runs[k - 1].literal + runs[k - 1].length
                let x1: UInt8? = textEnd - 1 >= textStart ? b[textEnd - 1] : nil
                let x2: UInt8? = textEnd - 2 >= textStart ? b[textEnd - 2] : x1
                if x1 == Byte.space {
                    if space < 0 { space = k }
                } else if x2 == Byte.space {
                    singleLetter = k
                    break
                } else if multiLetter < 0 {
                    multiLetter = k
                }
            }
            let pick = singleLetter >= 0 ? singleLetter : multiLetter >= 0 ? multiLetter : space
            if pick >= 0 {
                runs[pick].literal += 1
                runs[pick].length = 2
            }
        }

        enum State { case none, i, b, bi, ib, both }
        var state = State.none
        // While both are open and undecided ('''''), text is held back.
        var bufferStart = -1
        var cursor = lo
        func open(_ s: StaticString, _ at: Int) { e.emit(s, at: at) }
        for run in runs {
            let textEnd = run.start + run.literal
            if state == .both {
                // Keep buffering: the text goes out when the order is known.
            } else {
                e.copy(b, cursor, textEnd)
            }
            let at = run.start
            switch run.length {
            case 2:
                switch state {
                case .i: open("</i>", at); state = .none
                case .bi: open("</i>", at); state = .b
                case .ib: open("</b></i><b>", at); state = .b
                case .both:
                    open("<b><i>", at); e.copy(b, bufferStart, textEnd); open("</i>", at); state = .b
                case .none: open("<i>", at); state = .i
                case .b: open("<i>", at); state = .bi
                }
            case 3:
                switch state {
                case .b: open("</b>", at); state = .none
                case .bi: open("</i></b><i>", at); state = .i
                case .ib: open("</b>", at); state = .i
                case .both:
                    open("<i><b>", at); e.copy(b, bufferStart, textEnd); open("</b>", at); state = .i
                case .none: open("<b>", at); state = .b
                case .i: open("<b>", at); state = .ib
                }
            default:
                switch state {
                case .b: open("</b><i>", at); state = .i
                case .i: open("</i><b>", at); state = .b
                case .bi: open("</i></b>", at); state = .none
                case .ib: open("</b></i>", at); state = .none
                case .both:
                    open("<i><b>", at); e.copy(b, bufferStart, textEnd); open("</b></i>", at); state = .none
                case .none: state = .both
                }
            }
            cursor = run.start + run.literal + run.length
            if state == .both { bufferStart = cursor }
        }
        if state == .both {
            if cursor < hi || bufferStart < hi {
                open("<b><i>", hi); e.copy(b, bufferStart, hi); open("</i></b>", hi)
            }
            return
        }
        e.copy(b, cursor, hi)
        if state == .b || state == .ib { open("</b>", hi) }
        if state == .i || state == .bi || state == .ib { open("</i>", hi) }
        if state == .bi { open("</b>", hi) }
    }
}
