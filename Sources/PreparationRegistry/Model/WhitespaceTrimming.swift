// Hand-written: FoundationEssentials has no `trimmingCharacters(in:)`, the standard library
// has no trimming, and all of Foundation (6.8 MiB resident at every start) is not linked for it.
// `WhitespaceTrimmingTests` compares both with Foundation's over every scalar.
extension StringProtocol {
    /// The text without the spaces and tabs at either end: what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` trims (tab, the Unicode space separators and, as
    /// its tables have it, U+200B ZERO WIDTH SPACE), scalar by scalar as it trims.
    package func trimmingWhitespace() -> String {
        trimming(isWhitespace)
    }

    /// The text without the white space and line breaks at either end: what Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` trims (those of
    /// ``trimmingWhitespace()``, U+000A-U+000D, U+0085, U+2028 and U+2029).
    package func trimmingWhitespaceAndNewlines() -> String {
        trimming { isWhitespace($0) || $0.value == 0x85 || (0x0A...0x0D).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }

    private func trimming(_ trimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !trimmed($0) }),
              let last = scalars.lastIndex(where: { !trimmed($0) })
        else { return "" }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars[start...last])
        return String(kept)
    }
}

private func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\t" || scalar == "\u{200B}" || (scalar.value >= 0x20 && scalar.properties.generalCategory == .spaceSeparator)
}
