import YAMLReader

/// JSON text of a ``DataValue``: the one JSON writer of the project.
extension DataValue {
    /// The JSON text, keys in their order, printed deterministically: the same value always gives
    /// the same bytes; `pretty` indents by two spaces, one key or item a line. The canonical JSON
    /// of a preparation (``PreparationJSON``) and every JSON that `catalog` prints go through it.
    ///
    /// Numbers: an integral value is written in plain digits, without a fraction (`2`, never
    /// `2.0`; `1000000000000000`, never `1000000000000000.0`), up to 9e18; any other finite value
    /// in Swift's shortest form that reads back as the same `Double` (`0.5`, `30.44`, `1e-05`,
    /// `1e+300`); a non-finite one as `null`. Strings are escaped as RFC 8259 requires
    /// (`"`, `\`, and control characters; `\n`, `\t`... where JSON has a short form), and DEL,
    /// the C1 controls (U+0080-U+009F) and U+2028 and U+2029 as `\u007f`..., so that the text is
    /// also valid YAML 1.2 and JavaScript; everything else (`/` included) is written as UTF-8,
    /// unescaped.
    package func jsonText(pretty: Bool) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: 0, flush: nil)
        return out
    }

    /// Appends the text of ``jsonText(pretty:)`` to `out`, each line after the first indented
    /// `indent` levels (two spaces each) more, and calls `flush` whenever `out` holds 64 KiB or
    /// more (it writes `out` out and empties it): a value of millions of nodes (an `x-` value
    /// near the size limit, whose pretty text is about 65 times the file) is printed without
    /// its whole text in memory.
    package func writeJSON(pretty: Bool, indent: Int = 0, into out: inout String, flush: (inout String) -> Void) {
        withoutActuallyEscaping(flush) { flush in write(into: &out, pretty: pretty, indent: indent, flush: flush) }
    }

    private func write(into out: inout String, pretty: Bool, indent: Int, flush: ((inout String) -> Void)?) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += DataValue.jsonNumber(d)
        case .string(let s): DataValue.quoteJSON(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                item.write(into: &out, pretty: pretty, indent: indent + 1, flush: flush)
                if let flush, out.utf8.count >= Self.flushSize { flush(&out) }
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                DataValue.quoteJSON(key, into: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, pretty: pretty, indent: indent + 1, flush: flush)
                if let flush, out.utf8.count >= Self.flushSize { flush(&out) }
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    /// How much text ``writeJSON(pretty:indent:into:flush:)`` gathers before it flushes.
    private static let flushSize = 1 << 16

    /// Integral values without a fraction; others in Swift's shortest round-trip form.
    /// How a number is written: see the type's description.
    package static func jsonNumber(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 9e18 { return String(Int(d)) }  // within Int: exact digits
        return String(d)
    }

    /// Appends `s` as a JSON string literal; `invisible`: every character that shows as
    /// nothing (``InvisibleScalars``, beyond ASCII: U+200B, U+200F, U+FEFF, variation
    /// selectors, tag characters...) escaped too, for text people read (`catalog diff`), where
    /// `a\u{200B}b` printed raw reads `ab`; one beyond U+FFFF as YAML's `\U000E0041`, which a
    /// YAML reader takes where JSON's surrogate pair it may not.
    package static func quoteJSON(_ s: String, into out: inout String, invisible: Bool = false) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                // C0 controls must be escaped; DEL and the C1 controls (which YAML readers
                // refuse raw) and the line and paragraph separators (which older JavaScript
                // refuses raw) are escaped too, so the JSON is also valid YAML 1.2 and JavaScript;
                // and the bidirectional overrides and isolates, so that JSON read on a terminal
                // never shows a text reordered (`TerminalScalars`).
                if invisible, scalar.value > 0xFFFF, InvisibleScalars.contains(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                } else if TerminalScalars.acts(scalar) || TerminalScalars.separatesLines(scalar)
                    || (invisible && !scalar.isASCII && InvisibleScalars.contains(scalar)) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
