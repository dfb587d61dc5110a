@testable import CatalogCLI
import Foundation
import Testing
import TestSupport

/// `replacingEvery(_:with:)` and `lastRange(of:)` (the tool's own, so that it needs no
/// Foundation) find what Foundation's `replacingOccurrences(of:with:)` and
/// `range(of:options: .backwards)` found, a match followed by a combining mark skipped as
/// Foundation skips it.
@Suite struct TextReplacingTests {
    static let pieces = ["'", "\"", "\n", "\t", "\r\n", "\\u{", "}", "/tmp/x", "/", "x", "é", "e\u{301}", "🇫🇷", " ", "\u{FEFF}",
                         "\u{85}", "\u{2028}", "\u{301}", "\u{20DD}", "\u{1F3FB}", "\u{200D}", "\u{600}", "ऻ"]
    static let targets = ["'", "\"", "\n", "\t", "\\u{", "/tmp/x/", "/tmp/x"]

    @Test("generated texts: the same replacements and the same last range as Foundation's")
    func agreesWithFoundation() {
        var random = SplitMix64(state: 0x7E_C7)
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            for target in Self.targets {
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

    @Test("a match followed by a combining mark is left as Foundation left it; an empty target replaces nothing")
    func combiningMark() {
        #expect(shellQuoted("a'\u{301}b") == "'a'\u{301}b'")
        #expect(oneLine("a\n\u{301}b\r\nc") == "a\n\u{301}b\r c")
        #expect("x".replacingEvery("", with: "y") == "x")
        #expect("aaa".replacingEvery("aa", with: "b") == "ba")
    }
}
