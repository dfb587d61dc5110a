// Hand-written: FoundationEssentials has neither `replacingOccurrences(of:with:)` nor
// `range(of:options: .backwards)`, and all of Foundation (6.8 MiB resident at every start) is
// not linked for them. The standard library's `replacing(_:with:)` and `ranges(of:)` match
// whole characters, so that a line feed in "\r\n" (one character) would be left alone.
//
// Matched byte for byte (UTF-8), which for the texts this tool looks for (ASCII marks, paths it
// wrote itself) finds what Foundation found, with one exception: Foundation skips a match
// followed by a combining mark (`'\u{301}`), so that `shellQuoted` left such a quote unescaped
// and a table cell kept such a line feed. `TextReplacingTests` compares both with Foundation.

extension StringProtocol {
    /// The text with every occurrence of `target` made `replacement`, from the start, left to
    /// right, none overlapping; the text itself when `target` is empty or absent.
    func replacingEvery(_ target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        guard let first = needle.first else { return String(self) }
        let text = Array(utf8)
        var out: [UInt8] = []
        var copied = 0, index = 0
        while index + needle.count <= text.count {
            if text[index] == first, text[index..<(index + needle.count)].elementsEqual(needle) {
                if out.isEmpty { out.reserveCapacity(text.count + replacement.utf8.count) }
                out += text[copied..<index]
                out += replacement.utf8
                index += needle.count
                copied = index
            } else {
                index += 1
            }
        }
        guard copied > 0 else { return String(self) }
        out += text[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The range of the last occurrence of `target`, or nil (none, or `target` empty).
    func lastRange(of target: String) -> Range<Index>? {
        let needle = Array(target.utf8)
        guard !needle.isEmpty else { return nil }
        let text = Array(utf8)
        var start = text.count - needle.count
        while start >= 0 {
            if text[start..<(start + needle.count)].elementsEqual(needle) {
                let lower = utf8.index(utf8.startIndex, offsetBy: start)
                return lower..<utf8.index(lower, offsetBy: needle.count)
            }
            start -= 1
        }
        return nil
    }
}
