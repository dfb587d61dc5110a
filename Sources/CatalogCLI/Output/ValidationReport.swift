import FoundationEssentials
import PreparationRegistry

/// What `validate` prints: every diagnostic, then a count.
struct ValidationReport {
    let results: [(name: String, result: CatalogueLoadResult)]

    var diagnostics: [Diagnostic] { results.flatMap(\.result.diagnostics) }
    var errorCount: Int { results.reduce(0) { $0 + $1.result.errorCount } }
    var warningCount: Int { results.reduce(0) { $0 + $1.result.warningCount } }
    var preparationCount: Int { results.reduce(0) { $0 + $1.result.preparations.count } }
    var fileCount: Int { results.reduce(0) { $0 + $1.result.fileCount } }

    /// Each diagnostic with its source line and caret, then
    /// `21 preparations in 22 files: 0 errors, 0 warnings`.
    var text: String {
        var out = ""
        writeText { out += $0 }
        return out
    }

    /// ``text`` handed to `write` one diagnostic at a time, so that printing a million
    /// diagnostics does not first build one string of them all.
    ///
    /// With `terminal` colouring, each diagnostic's place is bold and its severity coloured
    /// (errors red, warnings yellow, notes cyan), as compilers do on a terminal.
    func writeText(terminal: Terminal? = nil, _ write: (String) -> Void) {
        let colour = terminal?.colour ?? false
        for result in results {
            for diagnostic in result.result.diagnostics {
                write((colour ? Self.coloured(diagnostic) : diagnostic.rendered) + "\n")
            }
        }
        // What was left out (the first diagnostics of each file are listed, the rest counted).
        for omitted in results.flatMap(\.result.omitted) {
            let at = omitted.first
            let place = "\(Diagnostic.escaped(at.file)):\(at.line):\(at.column):"
            write(colour ? "\(Self.bold(place)) \(Self.paint("note:", 36)) \(omitted.summary)\n"
                         : "\(place) note: \(omitted.summary)\n")
        }
        write("\(plural(preparationCount, "preparation")) in \(plural(fileCount, "file")): "
              + "\(plural(errorCount, "error")), \(plural(warningCount, "warning"))\n")
    }

    /// `diagnostic` rendered with its place bold and its severity coloured.
    static func coloured(_ diagnostic: Diagnostic) -> String {
        let rendered = diagnostic.rendered
        let at = diagnostic.location
        let place = "\(Diagnostic.escaped(at.file)):\(at.line):\(at.column):"
        let label = " \(diagnostic.severity):"
        guard rendered.hasPrefix(place + label) else { return rendered }
        let code = diagnostic.severity == .error ? 31 : 33
        return bold(place) + " " + paint(String(label.dropFirst()), code) + rendered.dropFirst(place.count + label.count)
    }

    static func bold(_ text: String) -> String { "\u{1B}[1m\(text)\u{1B}[0m" }
    static func paint(_ text: String, _ code: Int) -> String { "\u{1B}[1;\(code)m\(text)\u{1B}[0m" }

    /// `{"valid": ..., "preparations": ..., "files": ..., "errors": ..., "warnings": ..., "diagnostics": [...]}`.
    var json: String {
        var out = ""
        writeJSON { out += $0 }
        return out
    }

    /// ``json`` handed to `write` one diagnostic at a time (the same bytes as rendering the
    /// whole object at once), so that a million diagnostics are not first built into one value.
    func writeJSON(_ write: (String) -> Void) {
        var out = "{"
        for (key, value) in counts {
            out += "\n  "
            DataValue.quoteJSON(key, into: &out)
            out += ": " + value.jsonText(pretty: true) + ","
        }
        out += "\n  \"diagnostics\": "
        let omitted = results.flatMap(\.result.omitted)
        guard results.contains(where: { !$0.result.diagnostics.isEmpty }) else {
            write(out + "[]" + omittedJSON(omitted) + "\n}")
            return
        }
        write(out + "[")
        var first = true
        for result in results {
            for d in result.result.diagnostics {
                // An item of the array, two levels in: JSON text has no line break of its own
                // inside strings, so indenting after each line break indents the object.
                let item = Self.value(of: d).jsonText(pretty: true).replacingEvery("\n", with: "\n    ")
                write((first ? "" : ",") + "\n    " + item)
                first = false
            }
        }
        write("\n  ]" + omittedJSON(omitted) + "\n}")
    }

    /// JSON Lines: each diagnostic as one line (the objects of ``json``'s `diagnostics`), then
    /// a last line with the counts, `{"valid", "preparations", "files", "errors", "warnings",
    /// "omitted"?}`, which a reader tells from a diagnostic by its `valid` key, and which shows
    /// that the output is complete. Handed to `write` one line at a time.
    func writeJSONLines(_ write: (String) -> Void) {
        for result in results {
            for d in result.result.diagnostics { write(Self.value(of: d).jsonText(pretty: false) + "\n") }
        }
        var summary = counts
        let omitted = results.flatMap(\.result.omitted)
        if !omitted.isEmpty { summary.append(("omitted", omittedValue(omitted))) }
        write(DataValue.object(summary).jsonText(pretty: false) + "\n")
    }

    /// `valid`, then the counts, as JSON members.
    var counts: [(String, DataValue)] {
        [
            ("valid", .bool(errorCount == 0)),
            ("preparations", .int(preparationCount)),
            ("files", .int(fileCount)),
            ("errors", .int(errorCount)),
            ("warnings", .int(warningCount)),
        ]
    }

    /// `{"file", "line", "column", "severity", "message", "rule"?, "code", "notes"?}`: `notes`,
    /// when the diagnostic has any, as `[{"file", "line", "column", "message"}]`.
    static func value(of d: Diagnostic) -> DataValue {
        var object: [(String, DataValue)] = [
            ("file", .string(d.location.file)),
            ("line", .int(d.location.line)),
            ("column", .int(d.location.column)),
            ("severity", .string(d.severity.rawValue)),
            ("message", .string(d.message)),
        ]
        if let rule = d.rule { object.append(("rule", .string(rule))) }
        object.append(("code", .string(d.code)))
        if !d.notes.isEmpty {
            object.append(("notes", .array(d.notes.map { note in
                .object([
                    ("file", .string(note.location.file)),
                    ("line", .int(note.location.line)),
                    ("column", .int(note.location.column)),
                    ("message", .string(note.message)),
                ])
            })))
        }
        return .object(object)
    }

    /// `,\n  "omitted": [...]` when diagnostics were left out: per file, how many errors and
    /// warnings, and where the first is; nothing otherwise.
    func omittedJSON(_ omitted: [OmittedDiagnostics]) -> String {
        guard !omitted.isEmpty else { return "" }
        return ",\n  \"omitted\": " + omittedValue(omitted).jsonText(pretty: true).replacingEvery("\n", with: "\n  ")
    }

    /// `[{"file", "errors", "warnings", "line", "column"}]`.
    func omittedValue(_ omitted: [OmittedDiagnostics]) -> DataValue {
        .array(omitted.map { o in
            .object([
                ("file", .string(o.file)), ("errors", .int(o.errors)), ("warnings", .int(o.warnings)),
                ("line", .int(o.first.line)), ("column", .int(o.first.column)),
            ])
        })
    }
}

func plural(_ count: Int, _ word: String) -> String {
    "\(count) \(word)\(count == 1 ? "" : "s")"
}

func pathIsDirectory(_ path: String) -> Bool {
    var isDirectory = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory
}
