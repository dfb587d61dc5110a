import Foundation
@testable import PreparationRegistry
import Testing
import TestSupport

/// `trimmingWhitespace()` and `trimmingWhitespaceAndNewlines()` (the library's own, so that it
/// needs no Foundation) trim what Foundation's `trimmingCharacters(in:)` trims.
@Suite struct WhitespaceTrimmingTests {
    @Test("every scalar is trimmed, or kept, as Foundation's .whitespaces and .whitespacesAndNewlines do")
    func everyScalar() {
        var disagreements: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar)x\(scalar)"
            if text.trimmingWhitespace() != text.trimmingCharacters(in: .whitespaces) {
                disagreements.append("whitespace U+\(String(value, radix: 16))")
            }
            if text.trimmingWhitespaceAndNewlines() != text.trimmingCharacters(in: .whitespacesAndNewlines) {
                disagreements.append("and newlines U+\(String(value, radix: 16))")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    @Test("generated texts of spaces, line breaks, combining marks and letters trim as Foundation trims them")
    func generated() {
        let pieces = [" ", "\t", "\n", "\r\n", "\u{A0}", "\u{3000}", "\u{200B}", "\u{2028}", "\u{85}", "\u{301}", "e\u{301}",
                      "x", "é", "🇫🇷", "\u{0B}", "\u{FEFF}"]
        var random = SplitMix64(state: 0x7121_11ED)
        var disagreements: [String] = []
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            if text.trimmingWhitespace() != text.trimmingCharacters(in: .whitespaces)
                || Substring(text).trimmingWhitespace() != text.trimmingCharacters(in: .whitespaces)
                || text.trimmingWhitespaceAndNewlines() != text.trimmingCharacters(in: .whitespacesAndNewlines) {
                disagreements.append(text.debugDescription)
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }
}
