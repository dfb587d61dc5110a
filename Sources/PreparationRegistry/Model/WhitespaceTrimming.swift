// Hand-written: FoundationEssentials has no `trimmingCharacters(in:)`, and all of Foundation
// (6.8 MiB resident at every start) is not linked for it.
extension StringProtocol {
    /// The text without the spaces and tabs at either end (what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` trims: tab and the Unicode space separators).
    package func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        func isSpace(_ s: Unicode.Scalar) -> Bool { s == "\t" || s.properties.generalCategory == .spaceSeparator }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars[start...last])
        return String(kept)
    }
}
