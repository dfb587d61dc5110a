/// The lines of a file's text, numbered from 1 the way the YAML reader numbers them: a line
/// ends at LF, CR LF or a lone CR. What a diagnostic shows under its message.
///
/// (Splitting a Swift `String` on `"\n"` does not do this: CR LF is one `Character`, so a file
/// with Windows line endings would be one long line.)
struct SourceLines: Sendable {
    private var lines: [String] = []

    /// The lines of `bytes` (UTF-8; invalid bytes are shown as U+FFFD; a leading byte-order
    /// mark, which the reader skips, is left out).
    init(_ bytes: [UInt8]) {
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var start = bom
        var index = bom
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(String(decoding: bytes[start..<index], as: UTF8.self))
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        lines.append(String(decoding: bytes[start..<bytes.count], as: UTF8.self))
    }

    /// Line `number` (from 1) without its line break, or nil past the end.
    subscript(number: Int) -> String? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// How many lines there are (a final line break starts an empty last line).
    var count: Int { lines.count }
}
