/// Case- and accent-insensitive words, for free-text search: `Éclat` and `eclat` fold to the
/// same word.
///
/// Folding lower-cases, maps the accented Latin letters (Latin-1 and Latin Extended-A: `é`,
/// `ç`, `ø`, `ł`...) to their base letters (`ß` to `ss`, `æ` to `ae`, `œ` to `oe`) through a
/// table, and any other letter of the Latin, Greek and Cyrillic blocks, the Latin and Greek
/// extended blocks and the presentation forms through its Unicode compatibility decomposition
/// (`ở` to `o`, `ά` to `α`, `ǆ` to `dz`, `ﬁ` to `fi`, `Ａ` to `a`), then the Cyrillic and Greek
/// letters that look like Latin ones to those (`о` to `o`, `α` to `a`); it drops the combining
/// accents (U+0300-U+036F and the other combining diacritical blocks), so decomposed text folds
/// as composed text does, and the characters Unicode shows as nothing (default-ignorable: a
/// soft hyphen, a zero-width space, a variation selector...), so text reads as it looks. Words are the
/// runs of letters and digits; everything else separates them. ASCII text takes a fast path.
package enum TextFolding {
    /// The folded words of `text`, in order, repeats included.
    package static func words(_ text: String) -> [String] {
        var words: [String] = []
        var buffer: [UInt8] = []
        forEachWord(text, buffer: &buffer) { words.append($0) }
        return words
    }

    /// `text` folded, its words joined by one space.
    package static func fold(_ text: String) -> String {
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
            if isCombiningAccent(v) { continue }  // part of the word, folded away
            // Characters Unicode says to show as nothing (default-ignorable: a soft hyphen, a
            // zero-width space or joiner, a word joiner, a byte order mark, direction marks,
            // variation selectors, Hangul fillers) are dropped inside a word: text pasted from a
            // PDF as `Hyalu\u{AD}ronic acid` is the word a reader sees, and screens so.
            if scalar.properties.isDefaultIgnorableCodePoint { continue }
            var handled = false
            for l in scalar.properties.lowercaseMapping.unicodeScalars {
                if let base = latinBase[l] {
                    out.append(contentsOf: base.utf8)
                    handled = true
                } else if mayDecompose(l.value) {
                    for part in CompatibilityDecomposition.of(l) ?? [l] where !isCombiningAccent(part.value) {
                        for p in part.properties.lowercaseMapping.unicodeScalars where isWordScalar(p) {
                            appendLetter(p, to: &out)
                            handled = true
                        }
                    }
                } else if isWordScalar(l) {
                    appendLetter(l, to: &out)
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

    /// Appends a folded letter: a Cyrillic or Greek letter that looks like a Latin one as that
    /// Latin letter (``latinLookalike``), any other as itself.
    private static func appendLetter(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        if let latin = latinLookalike[scalar.value] {
            out.append(latin)
        } else {
            out.append(contentsOf: String(scalar).utf8)
        }
    }

    /// Cyrillic and Greek letters (lower case, and the lower case of capitals) that look like
    /// Latin ones, and those Latin letters: "Lid\u{43E}caine", typed with one Cyrillic о,
    /// escaped an allergy to lidocaine, as a screen shows them the same (an outside review).
    /// Both sides of every comparison are folded alike, so a search in Cyrillic or Greek still
    /// finds its words; a Russian or Greek name does not come to read as a Latin one, only
    /// look-alike letters are mapped.
    private static let latinLookalike: [UInt32: UInt8] = {
        let pairs: [(String, Character)] = [
            // Cyrillic (accented ones are decomposed first): а в е і ј к м н о р с т у х ѕ һ ԁ ԛ ԝ ӏ
            ("\u{430}", "a"), ("\u{432}", "b"), ("\u{435}", "e"), ("\u{456}", "i"), ("\u{458}", "j"),
            ("\u{43A}", "k"), ("\u{43C}", "m"), ("\u{43D}", "h"), ("\u{43E}", "o"), ("\u{440}", "p"),
            ("\u{441}", "c"), ("\u{442}", "t"), ("\u{443}", "y"), ("\u{445}", "x"), ("\u{455}", "s"),
            ("\u{4BB}", "h"), ("\u{501}", "d"), ("\u{51B}", "q"), ("\u{51D}", "w"), ("\u{4CF}", "l"),
            // Latin letters of other shapes (IPA, small capitals) that read as plain ones: ɑ ɡ ɪ ʀ ʏ ʜ ʟ ɴ ᴀ ᴄ ᴅ ᴇ ᴋ ᴍ ᴏ ᴘ ᴛ ᴜ ᴠ ᴡ ᴢ ᴉ
            ("\u{251}", "a"), ("\u{261}", "g"), ("\u{26A}", "i"), ("\u{280}", "r"), ("\u{28F}", "y"), ("\u{29C}", "h"),
            ("\u{29F}", "l"), ("\u{274}", "n"), ("\u{1D00}", "a"), ("\u{1D04}", "c"), ("\u{1D05}", "d"), ("\u{1D07}", "e"),
            ("\u{1D0B}", "k"), ("\u{1D0D}", "m"), ("\u{1D0F}", "o"), ("\u{1D18}", "p"), ("\u{1D1B}", "t"), ("\u{1D1C}", "u"),
            ("\u{1D20}", "v"), ("\u{1D21}", "w"), ("\u{1D22}", "z"), ("\u{1D09}", "i"),
            // Roman numerals (small, and the lower case of the capitals): ⅰ ⅴ ⅹ ⅼ ⅽ ⅾ ⅿ
            ("\u{2170}", "i"), ("\u{2174}", "v"), ("\u{2179}", "x"), ("\u{217C}", "l"), ("\u{217D}", "c"), ("\u{217E}", "d"),
            ("\u{217F}", "m"),
            // Greek: α β ε η ι κ μ ν ο ρ τ υ χ ζ
            ("\u{3B1}", "a"), ("\u{3B2}", "b"), ("\u{3B5}", "e"), ("\u{3B7}", "h"), ("\u{3B9}", "i"),
            ("\u{3BA}", "k"), ("\u{3BC}", "m"), ("\u{3BD}", "n"), ("\u{3BF}", "o"), ("\u{3C1}", "p"),
            ("\u{3C4}", "t"), ("\u{3C5}", "y"), ("\u{3C7}", "x"), ("\u{3B6}", "z"),
        ]
        var table: [UInt32: UInt8] = [:]
        for (letter, latin) in pairs {
            guard let scalar = letter.unicodeScalars.first, let byte = latin.asciiValue else { continue }
            table[scalar.value] = byte
        }
        return table
    }()

    /// A letter or a digit: part of a word.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The combining diacritical marks: U+0300-U+036F and their supplement and extended blocks,
    /// and the combining marks for symbols and half marks.
    private static func isCombiningAccent(_ v: UInt32) -> Bool {
        (0x300...0x36F).contains(v) || (0x1AB0...0x1AFF).contains(v) || (0x1DC0...0x1DFF).contains(v)
            || (0x20D0...0x20FF).contains(v) || (0xFE20...0xFE2F).contains(v)
    }

    /// The blocks whose letters may carry accents or be ligatures that folding decomposes: Latin
    /// (beyond the table), IPA and spacing modifiers, Greek and Coptic, Cyrillic, Latin Extended
    /// Additional, Greek Extended, letter-like symbols, alphabetic presentation forms, and the
    /// half- and full-width forms. Other scripts (CJK...) are kept as they are, at no cost.
    private static func mayDecompose(_ v: UInt32) -> Bool {
        (0x80...0x52F).contains(v) || (0x1E00...0x1FFF).contains(v) || (0x2100...0x214F).contains(v)
            || (0xFB00...0xFB4F).contains(v) || (0xFF00...0xFFEF).contains(v)
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
