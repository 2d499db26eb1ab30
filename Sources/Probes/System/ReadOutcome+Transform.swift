/// Helpers that carry a read's failure through a transformation unchanged, so
/// callers never have to re-spell the four cases.
extension ReadOutcome {
    public func map<T: Sendable & Equatable>(_ transform: (Value) -> T) -> ReadOutcome<T> {
        switch self {
        case .value(let v): return .value(transform(v))
        case .missing: return .missing
        case .denied(let m): return .denied(m)
        case .failed(let m): return .failed(m)
        }
    }

    /// The reason a read gave no value ("missing", "denied: …"), or nil when it did.
    public var problem: String? {
        switch self {
        case .value: return nil
        case .missing: return "missing"
        case .denied(let m): return "denied: \(m)"
        case .failed(let m): return "failed: \(m)"
        }
    }
}
