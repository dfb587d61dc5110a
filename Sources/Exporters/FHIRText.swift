import YAMLReader

/// The characters a FHIR export may carry in its texts.
///
/// FHIR R4's `string` and `markdown` types allow no control character but tab, carriage
/// return and line feed (R4 datatypes, `string`: "Strings SHALL NOT contain Unicode character
/// points below 32, except for u0009 (horizontal tab), u000D (carriage return) and u000A
/// (line feed)"), and the narrative's XHTML allows none either. A catalogue's texts may hold
/// them (a name pasted with a terminal escape): the FHIR exports drop them, as the calendar
/// export does (``CourseICS``), together with DEL, the C1 controls and the bidirectional
/// overrides and isolates (`TerminalScalars.acts`), so that a FHIR system shows the name and
/// the dose as the catalogue's reader sees them. A text left empty by this becomes U+FFFD,
/// since FHIR has no empty strings.
enum FHIRText {
    /// `text` without the characters FHIR does not allow; the same text when it has none.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: drops) else { return text }
        let kept = String(String.UnicodeScalarView(text.unicodeScalars.filter { !drops($0) }))
        return kept.isEmpty ? "\u{FFFD}" : kept
    }

    /// Every string of `value` (keys are the exporter's own) cleaned by ``clean(_:)``.
    static func cleaned(_ value: DataValue) -> DataValue {
        switch value {
        case .string(let text): return .string(clean(text))
        case .array(let items): return .array(items.map(cleaned))
        case .object(let members): return .object(members.mapValues(cleaned))
        case .null, .bool, .int, .double: return value
        }
    }

    /// A FHIR resource or bundle as pretty-printed JSON, its texts cleaned.
    static func json(_ value: DataValue) -> String {
        cleaned(value).jsonText(pretty: true)
    }

    private static func drops(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && scalar != "\n" && scalar != "\r" && TerminalScalars.acts(scalar)
    }
}
