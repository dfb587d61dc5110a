extension LintRules {
    /// A text of a preparation that holds an invisible character (a soft hyphen, a zero-width
    /// space, a word joiner, a byte order mark, a variation selector: Unicode's default-ignorable
    /// characters).
    package static let invisibleCharacter = LintRule(
        id: "invisible-character",
        rationale: "Text pasted from a PDF or a word processor carries invisible characters (a soft hyphen, a zero-width space) that a reader cannot see and a search does not expect: 'Hyalu\u{AD}ronic acid' reads as 'Hyaluronic acid' but is another string. Allergy screening reads through them; other tools may not. Remove them.",
        triggeringExamples: [
            lintExample(["name": "↓\"Hyalu\\u00ADronic booster\""]),
            lintExample(["ingredients": "↓[\"Sodium\\u200Bhyaluronate\"]"]),
            lintExample(["notes": "↓\"Inject\\u2060slowly.\""]),
        ],
        nonTriggeringExamples: [
            lintExample(["name": "\"Hyaluronic booster\""]),
            lintExample(["name": "\"Booster (fr: «acide hyaluronique»), 日本語\""]),
        ]
    ) { preparation in
        func invisible(_ text: String) -> Unicode.Scalar? {
            text.unicodeScalars.first { $0.properties.isDefaultIgnorableCodePoint }
        }
        var found: [(SourceLocation, LintRule.Message)] = []
        func check(_ key: String, _ texts: [String]) {
            for text in texts {
                guard let scalar = invisible(text) else { continue }
                found.append((preparation.location(of: key), .invisibleCharacter(key, scalar: scalar, in: text)))
                return
            }
        }
        check("name", [preparation.name])
        check("summary", preparation.summary.map { [$0] } ?? [])
        check("ingredients", preparation.ingredients.map(\.name))
        check("side-effects", preparation.sideEffects.map(\.effect))
        check("aftercare", preparation.aftercare.map(\.instruction))
        check("notes", preparation.notes.map { [$0] } ?? [])
        return found
    }
}
