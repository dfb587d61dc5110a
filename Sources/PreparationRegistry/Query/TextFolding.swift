/// Case- and accent-insensitive words, for free-text search: `Éclat` and `eclat` fold to the
/// same word.
///
/// Folding lower-cases, maps the accented Latin letters (Latin-1 and Latin Extended-A: `é`,
/// `ç`, `ø`, `ł`...) to their base letters (`ß` to `ss`, `æ` to `ae`, `œ` to `oe`) and drops
/// combining accents (U+0300-U+036F), so decomposed text folds as composed text does. Words are
/// the runs of letters and digits; everything else separates them. ASCII text takes a fast path.
public enum TextFolding {
    /// The folded words of `text`, in order, repeats included.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var buffer: [UInt8] = []
        forEachWord(text, buffer: &buffer) { words.append($0) }
        return words
    }

    /// `text` folded, its words joined by one space.
    public static func fold(_ text: String) -> String {
        joined(text, separator: UInt8(ascii: " "))
    }

    /// The folded words of `text` joined by `separator`, built in one buffer.
    static func joined(_ text: String, separator: UInt8) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        fold(text, into: &out) { out in
            if !out.isEmpty { out.append(separator) }
        }
        if out.last == separator { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// Calls `body` with each folded word of `text`; `buffer` is scratch space that callers
    /// reuse between calls, so that short words (up to 15 bytes, which Swift stores inline)
    /// cost no allocation.
    static func forEachWord(_ text: String, buffer: inout [UInt8], _ body: (String) -> Void) {
        buffer.removeAll(keepingCapacity: true)
        fold(text, into: &buffer) { word in
            if !word.isEmpty { body(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
        }
        if !buffer.isEmpty { body(String(decoding: buffer, as: UTF8.self)) }
    }

    /// Appends the folded letters and digits of `text` to `out`, calling `wordEnd` where a
    /// separator ends a word (possibly several times in a row).
    private static func fold(_ text: String, into out: inout [UInt8], wordEnd: (inout [UInt8]) -> Void) {
        var previousWasSeparator = true
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                if b >= 65 && b <= 90 {
                    out.append(b | 0x20)
                    previousWasSeparator = false
                } else if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) {
                    out.append(b)
                    previousWasSeparator = false
                } else if !previousWasSeparator {
                    wordEnd(&out)
                    previousWasSeparator = true
                }
                continue
            }
            if v >= 0x300 && v <= 0x36F { continue }  // a combining accent: part of the word
            var handled = false
            for l in scalar.properties.lowercaseMapping.unicodeScalars {
                if let base = latinBase[l] {
                    out.append(contentsOf: base.utf8)
                    handled = true
                } else if l.properties.isAlphabetic || l.properties.numericType != nil {
                    out.append(contentsOf: String(l).utf8)
                    handled = true
                }
            }
            if handled {
                previousWasSeparator = false
            } else if !previousWasSeparator {
                wordEnd(&out)
                previousWasSeparator = true
            }
        }
    }

    /// Accented Latin letters (lower case) and what they fold to.
    private static let latinBase: [Unicode.Scalar: String] = {
        let groups: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđð", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"),
            ("ĥħ", "h"), ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"),
            ("òóôõöøōŏő", "o"), ("ŕŗř", "r"), ("śŝşšſ", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"),
            ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("þ", "th"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars { table[scalar] = base }
        }
        return table
    }()
}
