
/// The fast paths of the text measures in Terminal.swift, for "simple" text: text in which
/// every Unicode scalar is a character (grapheme cluster) of its own, one column wide, whatever
/// its neighbours are. Printed catalogue text nearly always is (ASCII, Latin letters, the
/// en dash of `1–3`), and for it the columns a text takes are its scalars, found in one pass
/// without Unicode's grapheme-breaking rules or property tables.
///
/// Simple scalars: every scalar below U+0300 but the carriage return (which joins a following
/// line feed into one character), and the general punctuation U+2010-U+2027 and U+2030-U+205E
/// (dashes, quotes, `…`, `‰`). None of them extends the scalar before it or joins the next one
/// (they are not combining marks, spacing marks, prepended concatenation marks, the zero-width
/// joiner, regional indicators, Hangul jamo or a carriage return), so each is a character
/// alone; and ``columns(of:)`` gives each of them 1. A text with any other scalar takes the
/// general path, a character at a time (`OutputFastPathTests` compares the two on generated
/// text).
enum SimpleText {
    /// Whether `scalar` is simple (see ``SimpleText``).
    @inline(__always)
    static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x300 ? v != 0x0D : (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v)
    }

    /// The columns `text` takes when it is simple (its count of scalars), else nil. ASCII text
    /// is told from its bytes alone.
    static func width<S: StringProtocol>(_ text: S) -> Int? {
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where byte >= 0x80 || byte == 0x0D { return false }
            return true
        }
        if ascii == true { return text.utf8.count }
        var count = 0
        for scalar in text.unicodeScalars {
            guard isSimple(scalar) else { return nil }
            count += 1
        }
        return count
    }

    /// The widest of `text`'s ``wrapChunks(_:)`` without their trailing spaces (its longest
    /// word), for simple `text`: a chunk ends after each space and each hyphen.
    static func longestWord(_ text: String) -> Int {
        var widest = 0
        var length = 0
        for scalar in text.unicodeScalars {
            length += 1
            if scalar == " " {
                widest = max(widest, length - 1)
                length = 0
            } else if scalar == "-" {
                widest = max(widest, length)
                length = 0
            }
        }
        return max(widest, length)
    }

    /// ``wrap(_:width:)`` for simple `text` wider than `width` (> 0): the same lines, with each
    /// chunk measured once and each line kept as a range of `text` until it is complete.
    static func wrap(_ text: String, width: Int) -> [String] {
        let scalars = text.unicodeScalars
        var lines: [String] = []
        // The line so far is text[lineStart..<lineEnd], lineWidth columns (trailing spaces too).
        var lineStart = scalars.startIndex
        var lineEnd = scalars.startIndex
        var lineWidth = 0
        func endLine() {
            var end = lineEnd
            while end > lineStart, scalars[scalars.index(before: end)] == " " { end = scalars.index(before: end) }
            if end > lineStart { lines.append(String(text[lineStart..<end])) }
            lineWidth = 0
        }
        var chunkStart = scalars.startIndex
        while chunkStart < scalars.endIndex {
            // The chunk: up to and with the next space or hyphen.
            var chunkEnd = chunkStart
            var length = 0
            var endsWithSpace = false
            while chunkEnd < scalars.endIndex {
                let scalar = scalars[chunkEnd]
                chunkEnd = scalars.index(after: chunkEnd)
                length += 1
                if scalar == " " { endsWithSpace = true }
                if scalar == " " || scalar == "-" { break }
            }
            let visible = endsWithSpace ? length - 1 : length
            // A chunk is a lone space only when it starts with one; a line never starts with it.
            let lone = endsWithSpace && length == 1
            if lineWidth + visible <= width {
                if lineWidth > 0 {
                    lineEnd = chunkEnd
                    lineWidth += length
                } else if !lone {
                    lineStart = chunkStart
                    lineEnd = chunkEnd
                    lineWidth = length
                }
            } else {
                if lineWidth > 0 { endLine() }
                // A word wider than the line is cut into lines of `width` characters.
                var restStart = lone ? chunkEnd : chunkStart
                var restWidth = visible
                while restWidth > width {
                    let head = scalars.index(restStart, offsetBy: width)
                    lines.append(String(text[restStart..<head]))
                    restWidth -= width
                    restStart = head
                }
                lineStart = restStart
                lineEnd = chunkEnd
                lineWidth = lone ? 0 : restWidth + (endsWithSpace ? 1 : 0)
            }
            chunkStart = chunkEnd
        }
        if lineWidth > 0 { endLine() }
        return lines.isEmpty ? [""] : lines
    }
}

/// Appends `count` spaces to `text`, in slices of one string of spaces (`String(repeating:
/// count:)` costs some thousand instructions a call, which a table pays for each padded cell).
func appendSpaces(_ count: Int, to text: inout String) {
    var left = count
    while left > 0 {
        let slice = min(left, spaces.utf8.count)
        text += spaces[..<spaces.utf8.index(spaces.startIndex, offsetBy: slice)]
        left -= slice
    }
}

private let spaces = String(repeating: " ", count: 128)

/// `text` with each line feed made a space (``replacingEvery(_:with:)``), which is left out
/// when `text` has no line feed (nearly always).
func oneLine(_ text: String) -> String {
    text.utf8.contains(0x0A) ? text.replacingEvery("\n", with: " ") : text
}

/// `text` with each tab made a space, which is left out when `text` has no tab.
func tabsAsSpaces(_ text: String) -> String {
    text.utf8.contains(0x09) ? text.replacingEvery("\t", with: " ") : text
}
