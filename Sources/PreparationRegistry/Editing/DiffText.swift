import YAMLReader

/// How a compared value is written on one line of `catalog diff`: as the catalogue writes it,
/// in YAML flow style (`0.5-2 mm`, `10 ml`, `[face, neck]`, `{phase: maintenance, sessions: 1,
/// interval: 2-6 months, repeat: true}`).
///
/// A string is written plain when that reads back as the same string and cannot be mistaken
/// for the line's own marks; otherwise it is written double-quoted, with JSON's escapes (a
/// JSON string is a YAML double-quoted scalar too). It is quoted when it is empty, starts or
/// ends with a space, holds a control character (a line break, a tab, an escape), a
/// bidirectional override or a character that shows as nothing (U+200B, U+200F, U+FEFF, a
/// variation selector..., written `\u200b`; beyond U+FFFF `\U000E0041`),
/// would read back as another type (`"true"`, `"2"`, `"2026-01-01"`),
/// starts with a YAML indicator
/// (`- ? : , [ ] { } # & * ! | > ' " % @` and the backquote), holds `: ` or ` #` or ends with
/// `:`, holds ` -> ` or is `(none)`; inside a list or mapping, also when it holds
/// `,` `[` `]` `{` or `}`.
enum DiffText {
    /// `value` on one line; `nested` inside a flow list or mapping.
    static func flow(_ value: DataValue, nested: Bool = false) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return DataValue.jsonNumber(d)
        case .string(let s): return scalar(s, nested: nested)
        case .array(let items): return "[" + items.map { flow($0, nested: true) }.joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.map { scalar($0.0, nested: true) + ": " + flow($0.1, nested: true) }.joined(separator: ", ") + "}"
        }
    }

    /// A string, plain or quoted (see the type's description).
    static func scalar(_ text: String, nested: Bool = false) -> String {
        if isPlain(text, nested: nested) { return text }
        var out = ""
        DataValue.quoteJSON(text, into: &out, invisible: true)
        return out
    }

    private static let indicators = Set("-?:,[]{}#&*!|>'\"%@`".unicodeScalars)
    private static let flowIndicators = Set(",[]{}".unicodeScalars)

    private static func isPlain(_ text: String, nested: Bool) -> Bool {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return false }
        if first == " " || last == " " || indicators.contains(first) || last == ":" { return false }
        for scalar in scalars {
            if TerminalScalars.acts(scalar) || TerminalScalars.separatesLines(scalar)
                || (!scalar.isASCII && InvisibleScalars.contains(scalar)) { return false }
            if nested, flowIndicators.contains(scalar) { return false }
        }
        if text == "(none)" || text.contains(" -> ") || text.contains(": ") || text.contains(" #") { return false }
        return !YAMLEmitter.needsQuotes(text)
    }

    /// `field: old -> new`, `field: + new` (nothing before) or `field: - old` (nothing after).
    static func line(_ label: String, old: String?, new: String?) -> String {
        switch (old, new) {
        case (nil, let new?): return "\(label): + \(new)"
        case (let old?, nil): return "\(label): - \(old)"
        case (let old?, let new?): return "\(label): \(old) -> \(new)"
        case (nil, nil): return "\(label): (none)"
        }
    }
}
