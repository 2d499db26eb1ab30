/// Finds `{{template}}` and `{{{parameter}}}` calls with MediaWiki's
/// preprocessor rules, in one pass with a stack (so runs of thousands of braces
/// stay linear): an opening run matches the next closing run, three braces on
/// both sides make a parameter, two a template; a single brace is text. `[[…]]`
/// is tracked so that `}}` and `|` inside a link do not end or split a call.
struct BraceMatcher {
    struct Match {
        var start: Int
        var end: Int
        var isParameter: Bool
        /// Positions of the `|` that separate the call's parts.
        var pipes: [Int]
        /// For each part after the name, the position of its first `=`, or -1.
        var equals: [Int]
    }

    private struct Open {
        var pos: Int
        var count: Int
        var isBrace: Bool
        var pipes: [Int] = []
        var equals: [Int] = []
    }

    private var stack: [Open] = []

    /// Whether no run is open: then `|`, `=` and closing runs change nothing.
    var isIdle: Bool { stack.isEmpty }
    private(set) var matches: [Match] = []

    /// A run of `count` copies of `{` or `[` at `pos`.
    mutating func open(at pos: Int, count: Int, brace: Bool) {
        if count >= 2 { stack.append(Open(pos: pos, count: count, isBrace: brace)) }
    }

    mutating func pipe(at pos: Int) {
        guard !stack.isEmpty, stack[stack.count - 1].isBrace else { return }
        stack[stack.count - 1].pipes.append(pos)
        stack[stack.count - 1].equals.append(-1)
    }

    mutating func equals(at pos: Int) {
        guard !stack.isEmpty, stack[stack.count - 1].isBrace else { return }
        let top = stack.count - 1
        if let last = stack[top].equals.last, last == -1 {
            stack[top].equals[stack[top].equals.count - 1] = pos
        }
    }

    /// A closing run of `count` copies of `}` (brace) or `]` at `pos`.
    mutating func close(at pos: Int, count: Int, brace: Bool) {
        var pos = pos, count = count
        while count >= 2, let top = stack.last, top.isBrace == brace {
            var m = min(count, top.count)
            if brace {
                m = m >= 3 ? 3 : m
                if m < 2 { break }
                let start = top.pos + top.count - m
                matches.append(Match(start: start, end: pos + m, isParameter: m == 3,
                                     pipes: top.pipes, equals: top.equals))
            } else {
                m = 2
            }
            stack[stack.count - 1].count -= m
            stack[stack.count - 1].pipes = []
            stack[stack.count - 1].equals = []
            if stack[stack.count - 1].count < 2 { stack.removeLast() }
            pos += m
            count -= m
        }
    }

    /// The calls not contained in another call, in text order.
    func outermost() -> [Match] {
        let sorted = matches.sorted { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        var out: [Match] = []
        var coveredTo = -1
        for m in sorted where m.start >= coveredTo {
            out.append(m)
            coveredTo = m.end
        }
        return out
    }
}
