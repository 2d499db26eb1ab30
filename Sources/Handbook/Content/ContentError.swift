import Wiki

/// A content file that cannot be accepted. The same one-line
/// `file:line:column: expected …` error as the readers', so every bad input
/// reaches users the same way.
public typealias ContentError = ReadError
