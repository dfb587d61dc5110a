import Foundation
import Testing
@testable import CatalogCLI
@testable import PreparationRegistry
import TestSupport

/// Generated text for the output's fast paths: mostly ASCII words, with pieces of every kind
/// the general path handles (accents precomposed and combining, CJK and full-width, Hangul
/// jamo, emoji, flags, ZWJ sequences, dashes and punctuation, control characters raw and
/// escaped, line breaks, zero-width and prepended characters), and very long words.
enum GeneratedText {
    static let ascii = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:()[]{}'\"/_+=%&*!?<>#@~^|").map(String.init)
    static let breaks = [" ", " ", " ", "-", "  ", " - ", "- "]
    static let pieces = [
        "é", "ü", "ñ", "ß", "ø", "°", "µ", "\u{A0}", "e\u{301}", "a\u{308}\u{301}", "\u{301}", "\u{20DD}",
        "中", "文", "名字", "Ｆｕｌｌ", "한", "\u{1100}\u{1161}\u{11A8}", "ｶ",
        "😀", "👨‍👩‍👧‍👦", "🇫🇷", "🇫🇷🇩🇪", "👍🏽", "❤️", "‼", "©", "©\u{200D}😀",
        "–", "—", "…", "‰", "“", "”", "‐", "‑", "\u{2030}", "\u{205E}", "\u{205F}", "\u{2060}",
        "\t", "\n", "\r", "\r\n", "\u{1B}", "\u{7}", "\u{7F}", "\u{85}", "\u{9B}", "\u{2028}", "\u{2029}",
        "\\u{1B}", "\\u{1B}[31m", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{600}", "\u{600} ", "\u{FFFD}",
        "Ā", "ʼ", "\u{2FF}", "\u{300}", "Ω", "ж", "א", "ع",
    ]

    /// A text of up to `length` pieces; `exotic` is the chance (in 100) of a non-ASCII piece.
    static func text(_ rng: inout SplitMix64, length: Int = 24, exotic: Int = 15) -> String {
        var out = ""
        for _ in 0..<Int.random(in: 0...length, using: &rng) {
            let roll = Int.random(in: 0..<100, using: &rng)
            if roll < exotic {
                out += pieces.randomElement(using: &rng)!
            } else if roll < exotic + 20 {
                out += breaks.randomElement(using: &rng)!
            } else if roll < exotic + 22 {
                // A very long word.
                out += String(repeating: ascii.randomElement(using: &rng)!, count: Int.random(in: 20...90, using: &rng))
            } else {
                out += ascii.randomElement(using: &rng)!
            }
        }
        return out
    }

    /// Texts of each kind: plain ASCII, ASCII with exotic pieces, mostly exotic.
    static func texts(seed: UInt64, count: Int) -> [String] {
        var rng = SplitMix64(state: seed)
        return (0..<count).map { index in text(&rng, exotic: [0, 5, 15, 60][index % 4]) }
    }
}

@Suite("the output's fast paths give the bytes of the general path")
struct OutputFastPathTests {
    static let widths: [Int?] = [nil, -1, 0, 1, 2, 3, 4, 5, 7, 8, 12, 13, 20, 33, 40, 80]

    @Test("display width, longest word, pad: the same as a character at a time")
    func measures() {
        for text in GeneratedText.texts(seed: 1, count: 4000) {
            #expect(displayWidth(text) == Reference.displayWidth(text), "\(text.debugDescription)")
            #expect(displayWidth(text.dropFirst()) == Reference.displayWidth(text.dropFirst()), "\(text.debugDescription)")
            let longest = Reference.wrapChunks(text).reduce(0) { max($0, Reference.displayWidth($1.trimmingSpaces)) }
            #expect(longestWord(text) == longest, "\(text.debugDescription)")
            #expect(wrapChunks(text) == Reference.wrapChunks(text), "\(text.debugDescription)")
            for width in [0, 5, 17, 60] {
                #expect(pad(text, width) == Reference.pad(text, width), "\(text.debugDescription) \(width)")
            }
        }
    }

    @Test("wrap: the same lines as a character at a time, at every width")
    func wrapping() {
        for text in GeneratedText.texts(seed: 2, count: 3000) {
            for width in Self.widths {
                #expect(wrap(text, width: width) == Reference.wrap(text, width: width), "\(text.debugDescription) at \(String(describing: width))")
            }
        }
    }

    @Test("wrap: exact lines of simple text, words cut only when wider than the line")
    func wrapExact() {
        #expect(wrap("Polydeoxyribonucleotide regenerating booster", width: 24) == ["Polydeoxyribonucleotide", "regenerating booster"])
        #expect(wrap("Polydeoxyribonucleotide regenerating booster", width: 10)
            == ["Polydeoxyr", "ibonucleot", "ide", "regenerati", "ng booster"])
        #expect(wrap("3-6 every 1-4 weeks, then 1 after 3-6 months", width: 14)
            == ["3-6 every 1-4", "weeks, then 1", "after 3-6", "months"])
        #expect(wrap("1–3 every 4–8 weeks", width: 8) == ["1–3", "every", "4–8", "weeks"])
        #expect(wrap("a  b   ", width: 2) == ["a", "b"])
        #expect(wrap("   ", width: 1) == [""])
        #expect(wrap("abc", width: nil) == ["abc"])
        #expect(wrap("abc", width: 0) == ["abc"])
    }

    @Test("cut: the same as a character at a time")
    func cutting() {
        for text in GeneratedText.texts(seed: 3, count: 2000) {
            for width in [0, 1, 2, 3, 6, 10, 16, 30] {
                #expect(cut(text, to: width) == Reference.cut(text, to: width), "\(text.debugDescription) \(width)")
                let marked = text + " (deprecated)"
                #expect(cut(marked, to: width, keeping: " (deprecated)") == Reference.cut(marked, to: width, keeping: " (deprecated)"))
            }
        }
    }

    @Test("one line and tabs as spaces: the same as Foundation's replacement")
    func replacements() {
        for text in GeneratedText.texts(seed: 4, count: 2000) {
            #expect(oneLine(text) == text.replacingOccurrences(of: "\n", with: " "), "\(text.debugDescription)")
            #expect(tabsAsSpaces(text) == text.replacingOccurrences(of: "\t", with: " "), "\(text.debugDescription)")
        }
    }

    @Test("the course's indent: the same as a scalar at a time, by its category")
    func indenting() {
        for text in GeneratedText.texts(seed: 5, count: 4000) {
            #expect(CourseTable.indent(text, by: 4) == Reference.indent(text, by: 4), "\(text.debugDescription)")
        }
        #expect(CourseTable.indent("left out: 1–3 days, café", by: 4) == "left out: 1–3 days, café")
        #expect(CourseTable.indent("two\nlines\u{1B}", by: 4) == "two\n    lines\\u{1B}")
    }

    @Test("a diagnostic's caret line: the same as a character at a time, long and short lines, any column")
    func caretLines() {
        var rng = SplitMix64(state: 6)
        var lines = GeneratedText.texts(seed: 7, count: 1500)
        lines += (0..<300).map { _ in String(repeating: "ab\tc d ", count: Int.random(in: 1...60, using: &rng)) }
        lines += ["", "\t", "key: value", String(repeating: "x", count: 160), String(repeating: "x", count: 161),
                  "regions: [日本語, fàce, e\u{301}, 🙂]"]
        for line in lines {
            let count = line.unicodeScalars.count
            for column in Set([Int.min, -3, 0, 1, 2, 5, count / 2, count, count + 1, count + 7, Int.random(in: 1...(count + 2), using: &rng)]) {
                let d = Diagnostic(.warning, at: SourceLocation(file: "f.yaml", line: 3, column: column), "a message", rule: "r", sourceLine: line)
                #expect(d.rendered == Reference.rendered(d), "\(line.debugDescription) at \(column)")
            }
        }
    }

    // Outside review: `unknown technique 'a\u{200B}b'` read as 'ab' on the terminal.
    @Test("a diagnostic escapes invisible characters: a zero-width space, a soft hyphen")
    func invisibleEscaped() {
        #expect(Diagnostic.escaped("a\u{200B}b") == "a\\u{200B}b")
        #expect(Diagnostic.escaped("Hyalu\u{AD}ronic") == "Hyalu\\u{AD}ronic")
        #expect(Diagnostic.escaped("café 日本") == "café 日本")
    }

    // Outside review: under CJK text the caret stood a column per character, not under its place.
    @Test("a diagnostic's caret stands under its column after wide characters and combining accents")
    func caretAfterWideCharacters() {
        let d = Diagnostic(.error, at: SourceLocation(file: "f.yaml", line: 3, column: 16), "a message",
                           sourceLine: "regions: [日本語, fàce]")
        #expect(d.rendered.hasSuffix("\nregions: [日本語, fàce]\n" + String(repeating: " ", count: 18) + "^"))
    }

    @Test("the query table, piped and on terminals of every width, with and without colour: the same bytes")
    func tables() {
        var rng = SplitMix64(state: 8)
        for round in 0..<400 {
            let layered = round % 3 == 0
            let columns = layered ? 7 : 6
            let rows: [[String]] = (0..<Int.random(in: 1...6, using: &rng)).map { _ in
                (0..<columns).map { column in
                    var cell = GeneratedText.text(&rng, length: column == 0 ? 6 : 14, exotic: [0, 10, 40][round % 3])
                    if column == 1, Bool.random(using: &rng) { cell += " (deprecated)" }
                    return cell
                }
            }
            let width: Int? = round % 5 == 0 ? nil : Int.random(in: 1...130, using: &rng)
            let terminal = Terminal(width: width, colour: Bool.random(using: &rng), isTerminal: Bool.random(using: &rng))
            var table = PreparationTable(preparations: [], terminal: terminal)
            var reference = ReferenceTable(terminal: terminal)
            if layered {
                table.layer = { _ in "" }
                reference.headers = table.headers
                reference.minimumWidths = table.minimumWidths
            }
            let count = "\n\(rows.count) preparations\n"
            #expect(table.render(rows, count: count) == reference.text(rows, count: count),
                    "\(rows) at \(String(describing: width)), terminal \(terminal.isTerminal), colour \(terminal.colour)")
        }
    }
}
