// Hand-written: FoundationEssentials has neither `replacingOccurrences(of:with:)` nor
// `range(of:options: .backwards)`, and all of Foundation (6.8 MiB resident at every start) is
// not linked for them. The standard library's `replacing(_:with:)` and `ranges(of:)` match
// whole characters, so that a line feed in "\r\n" (one character) would be left alone, where
// Foundation replaces it.
//
// Matched byte for byte (UTF-8), as Foundation matches the texts this tool looks for (ASCII
// marks, paths it wrote itself), skipping, as Foundation does, a match followed by a scalar
// that joins it (a grapheme extender such as a combining mark, or an emoji skin tone), so that
// `'\u{301}` stays as it is. Foundation's tables are of an older Unicode: a few extenders added
// since (about 100 of some 2,100) join here and not there. `TextReplacingTests` and
// `OutputFastPathTests` compare both with Foundation.

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
            if text[index] == first, text[index..<(index + needle.count)].elementsEqual(needle),
               !joinsPrevious(text, at: index + needle.count) {
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
            if text[start..<(start + needle.count)].elementsEqual(needle), !joinsPrevious(text, at: start + needle.count) {
                let lower = utf8.index(utf8.startIndex, offsetBy: start)
                return lower..<utf8.index(lower, offsetBy: needle.count)
            }
            start -= 1
        }
        return nil
    }
}

/// Whether the scalar starting at byte `index` of the UTF-8 `text` joins the one before it as
/// Foundation's search sees it: a grapheme extender or an emoji modifier (U+1F3FB-U+1F3FF).
private func joinsPrevious(_ text: [UInt8], at index: Int) -> Bool {
    guard index < text.count, text[index] >= 0x80 else { return false }  // ASCII joins nothing
    var end = index + 1
    while end < text.count, text[end] & 0xC0 == 0x80 { end += 1 }
    guard let scalar = String(decoding: text[index..<end], as: UTF8.self).unicodeScalars.first else { return false }
    return scalar.properties.isGraphemeExtend || (0x1F3FB...0x1F3FF).contains(scalar.value)
}
