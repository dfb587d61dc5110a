@testable import CatalogCLI
import Foundation
import Testing
import TestSupport

/// `replacingEvery(_:with:)` and `lastRange(of:)` (the tool's own, so that it needs no
/// Foundation) find what Foundation's `replacingOccurrences(of:with:)` and
/// `range(of:options: .backwards)` found, but where a match is followed by a combining mark,
/// which Foundation skips and these do not (a quote that `shellQuoted` must escape).
@Suite struct TextReplacingTests {
    static let pieces = ["'", "\"", "\n", "\t", "\r\n", "\\u{", "}", "/tmp/x", "/", "x", "é", "e\u{301}", "🇫🇷", " ", "\u{FEFF}",
                         "\u{85}", "\u{2028}"]
    static let targets = ["'", "\"", "\n", "\t", "\\u{", "/tmp/x/", "/tmp/x"]

    /// Whether an occurrence of `target` in `text` is followed by a scalar that Foundation
    /// would join to it (a combining mark).
    static func joined(_ text: String, _ target: String) -> Bool {
        let scalars = Array(text.unicodeScalars), needle = Array(target.unicodeScalars)
        guard scalars.count > needle.count else { return false }
        for start in 0..<(scalars.count - needle.count) where Array(scalars[start..<(start + needle.count)]) == needle {
            if scalars[start + needle.count].properties.generalCategory == .nonspacingMark { return true }
        }
        return false
    }

    @Test("generated texts: the same replacements and the same last range as Foundation's")
    func agreesWithFoundation() {
        var random = SplitMix64(state: 0x7E_C7)
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            for target in Self.targets where !Self.joined(text, target) {
                if text.replacingEvery(target, with: "<\(target)>") != text.replacingOccurrences(of: target, with: "<\(target)>") {
                    disagreements.append("replacing \(target.debugDescription) in \(text.debugDescription)")
                }
                let ours = text.lastRange(of: target).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }
                let theirs = text.range(of: target, options: .backwards).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }
                if ours != theirs { disagreements.append("last \(target.debugDescription) in \(text.debugDescription)") }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    @Test("a quote followed by a combining mark is escaped all the same")
    func combiningMark() {
        #expect(shellQuoted("a'\u{301}b") == "'a'\\''\u{301}b'")
        #expect(oneLine("a\n\u{301}b") == "a \u{301}b")
        #expect("x".replacingEvery("", with: "y") == "x")
        #expect("aaa".replacingEvery("aa", with: "b") == "ba")
    }
}
