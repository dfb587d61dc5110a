/// The characters a terminal acts on instead of showing them, the one list that every printed
/// text is escaped by (`Diagnostic`'s one-line rendering; the command line's `terminalSafe`; the
/// JSON, YAML and iCalendar writers). In YAMLReader, the lowest layer, so that the YAML emitter
/// uses it too; `PreparationRegistry.TerminalScalars` names the same type.
package enum TerminalScalars {
    /// True for C0 controls (the line feed and the tab included: callers that keep them say
    /// so), DEL, C1 controls, and the bidirectional embeddings, overrides and isolates
    /// (U+202A-U+202E, U+2066-U+2069): a terminal that honours those shows a text reordered,
    /// so that a name or a dose could read as another ("Trojan Source", CVE-2021-42574; the
    /// nine characters rustc's `text_direction_codepoint_in_literal` lint names). Marks that
    /// only give a direction to neutral characters (U+200E, U+200F, U+061C) are shown as they are.
    @inline(__always)
    package static func acts(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        return reorders(scalar)
    }

    /// True for the bidirectional embeddings, overrides and isolates alone (U+202A-U+202E,
    /// U+2066-U+2069): printable characters to libyaml's emitter, which writes them raw.
    @inline(__always)
    package static func reorders(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v >= 0x202A && ((0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v))
    }

    /// True for the invisible characters that take no room and change no direction: the soft
    /// hyphen (U+00AD), the Mongolian vowel separator (U+180E), the zero-width space (U+200B),
    /// the word joiner and invisible operators (U+2060-U+2064) and the byte order mark used as
    /// a zero-width no-break space (U+FEFF). Text pasted from a PDF carries them; on a terminal
    /// `Hyalu\u{AD}ronic` reads as another word than the one it is, so the command line shows them.
    @inline(__always)
    package static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v == 0xAD || v == 0x180E || v == 0x200B || (0x2060...0x2064).contains(v) || v == 0xFEFF
    }

    /// The character's name as Unicode writes it, at least four hexadecimal digits: `U+00AD`,
    /// `U+FFFE`, `U+1F600` (the one spelling of messages that name a character).
    package static func codePoint(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `scalar` as the command line and diagnostics escape it: `\u{AD}`.
    package static func escaped(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// True for the line and paragraph separators (U+2028, U+2029), which end a line for
    /// libyaml and for some terminals and editors, though they are not controls.
    @inline(__always)
    package static func separatesLines(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
