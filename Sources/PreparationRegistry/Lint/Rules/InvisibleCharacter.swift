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
            // No ASCII character is default-ignorable (the first is U+00AD): most texts are
            // passed over in their bytes. Looking up every scalar's properties cost 0.68 G
            // instructions of `validate` at 10,000 preparations (Benchmarks/commands.sh).
            // (An OR of every byte, which the compiler vectorises: a search for the first byte
            // over 0x7F took 67 M instructions.)
            guard text.utf8.withContiguousStorageIfAvailable({ $0.reduce(0, |) >= 0x80 }) ?? true else { return nil }
            return text.unicodeScalars.first { $0.value >= 0xAD && $0.properties.isDefaultIgnorableCodePoint }
        }
        var found: [(SourceLocation, LintRule.Message)] = []
        // Lazy, not arrays: an array of each list's texts for each preparation cost more than
        // the search (35 M instructions at 10,000 preparations).
        func check(_ key: String, _ texts: some Sequence<String>) {
            for text in texts {
                guard let scalar = invisible(text) else { continue }
                found.append((preparation.location(of: key), .invisibleCharacter(key, scalar: scalar, in: text)))
                return
            }
        }
        check("name", [preparation.name])
        check("summary", CollectionOfOne(preparation.summary).lazy.compactMap { $0 })
        check("ingredients", preparation.ingredients.lazy.map(\.name))
        check("side-effects", preparation.sideEffects.lazy.map(\.effect))
        check("aftercare", preparation.aftercare.lazy.map(\.instruction))
        check("notes", CollectionOfOne(preparation.notes).lazy.compactMap { $0 })
        return found
    }
}
