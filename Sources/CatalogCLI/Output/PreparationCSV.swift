import PreparationRegistry

/// `query --format csv`: one row per preparation, for spreadsheets.
///
/// RFC 4180: a header row, then one record a line, every line ending in CRLF (as the RFC
/// says; spreadsheets and Python's `csv` read it, and `tr -d '\r'` turns it into LF). A field
/// is quoted when it holds a comma, a double quote, a carriage return or a line feed, and its
/// double quotes are doubled; other fields are written bare. Lists (regions, indications...)
/// are joined with `; `. Control characters other than the line feed and the tab are written
/// escaped (`\u{1B}`), as in the table, so the text never drives a terminal it is printed on.
///
/// Spreadsheet formula injection: a field that starts with `=`, `+`, `-`, `@` or a tab, which
/// a spreadsheet would run as a formula (`=HYPERLINK(...)` in a catalogue's notes), is written
/// with a `'` before it, which spreadsheets read as "text follows" (the OWASP advice). Ids,
/// slugs and the generated columns never start with one, so only free text (names, summaries,
/// ingredient names) can get the mark; `--format json` and `jsonl` give the text unchanged.
enum PreparationCSV {
    /// The table's columns first, in its order, then what a spreadsheet needs to sort and
    /// filter on without reading `show`: the deprecation apart from the name, indications,
    /// ingredients, contraindications, evidence and the summary.
    static let header = [
        "id", "name", "regions", "techniques", "depth", "sessions", "deprecated", "replaced-by",
        "indications", "ingredients", "contraindications", "evidence", "summary",
    ]

    /// How a line ends.
    static let lineEnd = "\r\n"

    /// One preparation's fields, in ``header``'s order, before quoting.
    static func fields(_ p: Preparation) -> [String] {
        let list = { (items: [String]) in items.joined(separator: "; ") }
        return [
            p.id,
            p.name,
            list(p.regions.map(\.rawValue)),
            list(p.techniques.map(\.rawValue)),
            p.depth.description,
            PreparationTable.sessions(p.phases),
            p.isDeprecated ? "true" : "false",
            p.deprecated?.replacedBy ?? "",
            list(p.indications),
            list(p.ingredients.map(\.name)),
            list(p.contraindications),
            p.evidence?.rawValue ?? "",
            p.summary ?? "",
        ]
    }

    /// One record: the fields made safe, quoted where needed, joined by commas, with its line end.
    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + lineEnd
    }

    /// One field as written: control characters escaped, a formula mark defused, quoted when
    /// it must be.
    static func field(_ text: String) -> String {
        var text = terminalSafe(text)
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t"].contains(first) {
            text = "'" + text
        }
        guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return text
        }
        return "\"" + text.replacingEvery("\"", with: "\"\"") + "\""
    }

    /// The header and every preparation's record, handed to `write` one line at a time.
    static func write(_ preparations: [Preparation], to write: (String) -> Void) {
        write(record(header))
        for preparation in preparations { write(record(fields(preparation))) }
    }
}
