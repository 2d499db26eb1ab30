import ArgumentParser
import Foundation
import Wiki

/// Reads a command's input (a file, or standard input when none is named) as
/// UTF-8, reporting the position of the first invalid byte.
enum InputText {
    static func read(_ path: String?) throws -> (text: String, name: String) {
        let name = path ?? "<stdin>"
        let data: Data
        if let path {
            guard let d = FileManager.default.contents(atPath: path) else {
                throw BadInput.fail("\(path):1:1: expected a readable file")
            }
            data = d
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        guard let text = String(validatingUTF8Data: data) else {
            let (line, column) = firstInvalidUTF8(data)
            throw BadInput.fail("\(name):\(line):\(column): expected valid UTF-8")
        }
        return (text, name)
    }

    /// Line and column (in characters) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ data: Data) -> (Int, Int) {
        var line = 1, column = 1
        let bytes = [UInt8](data)
        var k = 0
        while k < bytes.count {
            let b = bytes[k]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            guard length > 0, k + length <= bytes.count,
                  String(bytes: bytes[k..<(k + length)], encoding: .utf8) != nil else { return (line, column) }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            k += length
        }
        return (line, column)
    }
}

extension String {
    init?(validatingUTF8Data data: Data) {
        guard let s = String(data: data, encoding: .utf8) else { return nil }
        self = s
    }
}
