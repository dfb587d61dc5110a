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

        public var description: String { rawValue }
    }

    /// Error or warning.
    public var severity: Severity
    /// Where it is.
    public var location: SourceLocation
    /// A sentence for a person, without the location.
    public var message: String
    /// The lint rule that produced a warning, if any.
    public var rule: String?
    /// The text of the source line at `location`, when known.
    public var sourceLine: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, at location: SourceLocation, _ message: String, rule: String? = nil,
                sourceLine: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.rule = rule
        self.sourceLine = sourceLine
    }

    /// Creates an error.
    public static func error(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    /// `path:line:column: error: message` (with ` [rule]` after a lint warning's message).
    public var description: String {
        var text = "\(location.file):\(location.line):\(location.column): \(severity): \(message)"
        if let rule { text += " [\(rule)]" }
        return text
    }

    /// The diagnostic line, followed, when the source line is known, by that line and a caret
    /// under the column.
    public var rendered: String {
        guard let line = sourceLine else { return description }
        var scalars = Array(line.unicodeScalars)
        var column = location.column
        // A very long line (minified or hostile input) is cut to a window around the column.
        let window = 60
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
        var caret = ""
        for (index, character) in scalars.enumerated() where index + 1 < column {
            caret.append(character == "\t" ? "\t" : " ")
        }
        return description + "\n" + String(shown) + "\n" + caret + "^"
    }
}

extension Diagnostic {
    /// Converts a reader error.
    init(_ error: YAMLError) {
        self.init(.error, at: error.location, error.message)
    }
}
