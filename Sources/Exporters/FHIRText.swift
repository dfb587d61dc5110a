import YAMLReader

/// The characters a FHIR export may carry in its texts.
///
/// FHIR R4's `string` and `markdown` types allow no control character but tab, carriage
/// return and line feed (R4 datatypes, `string`: "Strings SHALL NOT contain Unicode character
/// points below 32, except for u0009 (horizontal tab), u000D (carriage return) and u000A
/// (line feed)"), and the narrative's XHTML allows none either. A catalogue's texts may hold
/// them (a name pasted with a terminal escape): the FHIR exports drop them, as the calendar
/// export does (``CourseICS``), together with DEL, the C1 controls and the bidirectional
/// overrides and isolates (`TerminalScalars.acts`) and U+FFFE and U+FFFF (not characters to XML), so that a FHIR system shows the name and
/// the dose as the catalogue's reader sees them. A text left empty by this becomes U+FFFD,
/// since FHIR has no empty strings.
enum FHIRText {
    /// `text` without the characters FHIR does not allow; the same text when it has none.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: drops) else { return text }
        let kept = String(String.UnicodeScalarView(text.unicodeScalars.filter { !drops($0) }))
        return kept.isEmpty ? "\u{FFFD}" : kept
    }

    /// The most characters of a FHIR `string` (R4 datatypes: "Strings SHALL NOT exceed 1MB
    /// (1024*1024 characters) in size").
    static let maxLength = 1 << 20

    /// `text` cut to ``maxLength`` characters, ending `… [cut: N more characters]`, when
    /// longer: a catalogue may hold a name of 1.2 million characters (within its 16 MiB file
    /// limit), which an outside review exported as is. The narrative's XHTML (`div`, a type of
    /// its own, without that limit) is never cut, since a cut could fall inside a tag.
    static func capped(_ text: String) -> String {
        guard text.utf8.count > maxLength, text.unicodeScalars.count > maxLength else { return text }
        let total = text.unicodeScalars.count
        var marker = ""
        var keep = maxLength
        // The marker's own length depends on the count it gives: settle it in two steps.
        for _ in 0..<2 {
            marker = "… [cut: \(total - keep) more characters]"
            keep = maxLength - marker.unicodeScalars.count
        }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(keep))) + marker
    }

    /// Every string of `value` (keys are the exporter's own) cleaned by ``clean(_:)`` and, but
    /// the narrative's `div`, capped by ``capped(_:)``.
    static func cleaned(_ value: DataValue) -> DataValue {
        switch value {
        case .string(let text): return .string(capped(clean(text)))
        case .array(let items): return .array(items.map(cleaned))
        case .object(var members):
            for index in members.values.indices {
                if members.keys[index] == "div", case .string(let text) = members.values[index] {
                    members.values[index] = .string(clean(text))
                } else {
                    members.values[index] = cleaned(members.values[index])
                }
            }
            return .object(members)
        case .null, .bool, .int, .double: return value
        }
    }

    /// A FHIR resource or bundle as pretty-printed JSON, its texts cleaned.
    static func json(_ value: DataValue) -> String {
        cleaned(value).jsonText(pretty: true)
    }

    private static func drops(_ scalar: Unicode.Scalar) -> Bool {
        (scalar != "\t" && scalar != "\n" && scalar != "\r" && TerminalScalars.acts(scalar))
            // Not characters to XML 1.0 (its `Char` production ends at U+FFFD), so not in the
            // narrative's XHTML nor in FHIR's XML form: an outside review's name holding them
            // made `text.div` ill-formed.
            || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
