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
        tokens(text).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `text` folded, its words joined by one space.
    public static func fold(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// The folded words of `text` as UTF-8 bytes.
    static func tokens(_ text: String) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var current: [UInt8] = []
        func flush() {
            if !current.isEmpty {
                result.append(current)
                current.removeAll(keepingCapacity: true)
            }
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                if b >= 65 && b <= 90 {
                    current.append(b | 0x20)
                } else if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) {
                    current.append(b)
                } else {
                    flush()
                }
                continue
            }
            if v >= 0x300 && v <= 0x36F { continue }  // a combining accent: part of the word
            let lower = scalar.properties.lowercaseMapping
            var handled = false
            for l in lower.unicodeScalars {
                if let base = latinBase[l] {
                    current.append(contentsOf: base.utf8)
                    handled = true
                } else if l.properties.isAlphabetic || l.properties.numericType != nil {
                    current.append(contentsOf: String(l).utf8)
                    handled = true
                }
            }
            if !handled { flush() }
        }
        flush()
        return result
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
