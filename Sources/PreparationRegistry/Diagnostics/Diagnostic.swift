import YAMLReader

/// A located error or warning about a catalogue, rendered as compilers print them:
/// `path:line:column: error: message`, then the source line with a caret under the column.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, CustomStringConvertible {
        /// The catalogue is invalid.
        case error
        /// The catalogue is valid, but something looks wrong.
        case warning

        /// `error` or `warning`, as diagnostics print it.
        public var description: String { rawValue }
    }

    /// Error or warning.
    public package(set) var severity: Severity
    /// Where it is.
    public package(set) var location: SourceLocation
    /// A sentence for a person, without the location.
    public package(set) var message: String
    /// The lint rule that produced a warning, if any.
    package var rule: String?
    /// The diagnostic's stable code, such as `unknown-key` or `duplicate-id`: what kind of
    /// problem it is, whatever its words (a lint warning's code is its rule's id). The codes
    /// are listed in `docs/diagnostic-codes.md`.
    public package(set) var code: String
    /// Other places the diagnostic speaks of, such as where a duplicated id was first defined.
    /// The message already names them in its words; these carry them as data.
    public package(set) var notes: [Note]
    /// The text of the source line at `location`, when known.
    package var sourceLine: String?

    /// Creates a diagnostic from a message built by one of ``Message``'s named constructors.
    package init(_ severity: Severity, at location: SourceLocation, _ message: Message, sourceLine: String? = nil) {
        self.init(severity, at: location, message.text, code: message.code.rawValue, rule: nil, notes: message.notes,
                  sourceLine: sourceLine)
    }

    /// Creates a diagnostic from its parts. A lint warning's code is its rule's id; without
    /// `code` nor `rule`, the code is empty (the catalogue's own diagnostics are built from a
    /// ``Message`` and always have one).
    package init(_ severity: Severity, at location: SourceLocation, _ message: String, code: String? = nil,
                 rule: String? = nil, notes: [Note] = [], sourceLine: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.rule = rule
        self.code = code ?? rule ?? ""
        self.notes = notes
        self.sourceLine = sourceLine
    }

    /// Creates an error.
    package static func error(_ location: SourceLocation, _ message: Message) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    /// Creates a warning.
    package static func warning(_ location: SourceLocation, _ message: Message) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    /// `path:line:column: error: message` (with ` [rule]` after a lint warning's message), on
    /// one line: control characters and line separators that the path or the message carry
    /// (from a file's text, such as `"fa\nce"`) are written escaped (`\n`, `\u{1B}`), so that
    /// they neither break the line that editors and CI read nor reach the terminal.
    public var description: String {
        var text = "\(Self.escaped(location.file)):\(location.line):\(location.column): \(severity): \(Self.escaped(message))"
        if let rule { text += " [\(rule)]" }
        return text
    }

    /// True for the characters a diagnostic line must not print as they are: those a terminal
    /// acts on (`TerminalScalars.acts`) but the tab, the line and paragraph separators, and the
    /// invisible ones (`TerminalScalars.isInvisible`: 'a\u{200B}b' printed raw reads 'ab').
    static func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
        (TerminalScalars.acts(scalar) && scalar != "\t") || TerminalScalars.separatesLines(scalar)
            || TerminalScalars.isInvisible(scalar)
    }

    /// `text` with its unprintable characters escaped: `\n`, `\r`, else `\u{XX}`.
    package static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnprintable) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case _ where isUnprintable(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The diagnostic line, followed, when the source line is known, by that line and a caret
    /// under the column. An empty line (an empty file, a document that ends on a blank line)
    /// has nothing to point at: the diagnostic line alone.
    public var rendered: String {
        guard let line = sourceLine, !line.isEmpty else { return description }
        // The caret line: under each character before the column a space (a tab under a tab,
        // so that it lines up), then `^`; built from bytes, not a character at a time.
        func caret<C: Collection>(underTabs isTab: C) -> String where C.Element == Bool {
            var bytes = isTab.map { $0 ? UInt8(0x09) : UInt8(0x20) }
            bytes.append(0x5E)
            return String(decoding: bytes, as: UTF8.self)
        }
        // A very long line (minified or hostile input) is cut to a window around the column.
        let window = 60
        // The usual line, printable ASCII and tabs short enough to be whole, is shown as it is.
        let bytes = line.utf8
        if bytes.count <= 2 * window + 40, bytes.allSatisfy({ $0 == 0x09 || (0x20...0x7E).contains($0) }) {
            return description + "\n" + line + "\n" + caret(underTabs: bytes.prefix(max(location.column, 1) - 1).lazy.map { $0 == 0x09 })
        }
        // Each unprintable character (a control character the reader refused, say) is shown as
        // U+FFFD, one for one, so that the caret stays under its column.
        var scalars = line.unicodeScalars.map { Self.isUnprintable($0) ? "\u{FFFD}" : $0 }
        var column = location.column
        if scalars.count > 2 * window + 40 {
            // The window's centre, never past the end of the line (a column there is possible
            // when the file changed between reading it and showing its line).
            let centre = min(max(column, 1), scalars.count + 1) - 1
            let start = max(0, centre - window)
            let end = min(scalars.count, centre + window)
            var cut: [Unicode.Scalar] = []
            if start > 0 {
                cut += Array("...".unicodeScalars)
                column = column - start + 3
            }
            cut += scalars[start..<end]
            if end < scalars.count { cut += Array("...".unicodeScalars) }
            scalars = cut
        }
        var shown = String.UnicodeScalarView()
        shown.append(contentsOf: scalars)
        // Under each scalar its columns (`DisplayColumns`: two under a wide CJK character, none
        // under a combining accent), so that the caret stays under its column on a terminal.
        var under: [Bool] = []
        for scalar in scalars.prefix(max(column, 1) - 1) {
            if scalar == "\t" { under.append(true) } else {
                under.append(contentsOf: repeatElement(false, count: DisplayColumns.columns(of: scalar)))
            }
        }
        return description + "\n" + String(shown) + "\n" + caret(underTabs: under)
    }
}

extension Diagnostic {
    /// Converts a reader error.
    init(_ error: YAMLError) {
        self.init(.error, at: error.location, .yaml(error))
    }
}
