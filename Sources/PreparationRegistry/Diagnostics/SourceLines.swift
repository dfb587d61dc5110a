/// The lines of a file's text, numbered from 1 the way the YAML reader (libyaml, which reads
/// YAML 1.1) numbers them: a line ends at LF, CR LF or a lone CR, and also at NEL (U+0085),
/// LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029). What a diagnostic shows under its
/// message. The project's one line splitter: `add` uses it, and the loader's ``LineStarts``
/// counts lines the same way.
///
/// (Splitting a Swift `String` on `"\n"` does not do this: CR LF is one `Character`, so a file
/// with Windows line endings would be one long line.)
struct SourceLines: Sendable {
    /// A line longer than this many bytes is not kept: a diagnostic on it shows no source line.
    /// Cutting a window around a column costs a scan of the line up to it, so many diagnostics
    /// on one hostile 15 MiB line would cost their number times its length; minified or
    /// generated lines that long are not read by a person anyway.
    static let longestShown = 65_536

    private var lines: [Int: String] = [:]
    /// How many lines were counted.
    private var counted = 0

    /// The lines of `bytes` (UTF-8; invalid bytes are shown as U+FFFD; a leading byte-order
    /// mark, which the reader skips, is left out): all of them, or with `only`, just those
    /// (the text is not read past the last of them, and no other line is made a `String`: a
    /// file with thousands of warnings need not be split whole).
    init(_ bytes: [UInt8], only wanted: Set<Int>? = nil) {
        let last = wanted.map { $0.max() ?? 0 } ?? Int.max
        guard last >= 1 else { return }
        bytes.withUnsafeBufferPointer { all in
            var index = all.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var start = index
            var line = 1
            while true {
                let atEnd = index == all.count
                let breakLength = atEnd ? 0 : lineBreakLength(all, at: index)
                if atEnd || breakLength > 0 {
                    if wanted?.contains(line) ?? true, index - start <= Self.longestShown {
                        lines[line] = String(decoding: UnsafeBufferPointer(rebasing: all[start ..< index]), as: UTF8.self)
                    }
                    counted = line
                    if atEnd || line == last { break }
                    index += breakLength
                    start = index
                    line += 1
                    continue
                }
                index += 1
            }
        }
    }

    /// Line `number` (from 1) without its line break, or nil past the end (or not asked for, or
    /// longer than ``longestShown`` bytes).
    subscript(number: Int) -> String? {
        lines[number]
    }

    /// How many lines there are (a final line break starts an empty last line); with `only`,
    /// counted up to the last line asked for.
    var count: Int { counted }

    /// 3 when `bytes` start with a UTF-8 byte-order mark (which the reader skips), else 0.
    static func byteOrderMarkLength(_ bytes: [UInt8]) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }
}

/// The length in bytes of the line break at `index` as libyaml counts line breaks (CR LF 2,
/// LF 1, lone CR 1, NEL 2, LINE and PARAGRAPH SEPARATOR 3), or 0 when none starts there.
func lineBreakLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    switch bytes[index] {
    case 0x0A:
        return 1
    case 0x0D:
        return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
    case 0xC2:
        return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
    case 0xE2:
        return index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9) ? 3 : 0
    default:
        return 0
    }
}
