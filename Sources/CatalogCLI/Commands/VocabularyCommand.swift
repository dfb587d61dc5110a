import ArgumentParser
import PreparationRegistry
import YAMLReader

/// The sections of a vocabulary, as `catalog vocabulary` names them.
enum VocabularySection: String, ExpressibleByArgument, CaseIterable {
    case conditions, indications
    case ingredientClasses = "ingredient-classes"
}

/// `catalog vocabulary [SECTION]`: every word of the chosen catalogue's vocabulary with its
/// description and code (and a condition's ingredients, an indication's scar mark), for people
/// (`table`) and for editors and tools that build forms (`json`, `yaml`).
struct VocabularyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vocabulary",
        abstract: "List the vocabulary: conditions, indications and ingredient classes, with descriptions and codes.",
        discussion: """
            Without SECTION, every section. --format json prints one object with a key per \
            section, each an array of {"slug", "description", "code"} (plus "ingredients" for \
            conditions and "scar" for indications), in the manifest's order: what editors and \
            other tools use to build forms. A code is "SYSTEM|CODE", or null.
            """
    )

    @OptionGroup var options: CatalogueOptions

    @Argument(help: "One section: conditions, indications or ingredient-classes.")
    var section: VocabularySection?

    @Option(help: "Output format: table, json or yaml.")
    var format: VocabularyFormat = .table

    /// One word of a section, as printed.
    struct Word {
        var slug: String
        var description: String
        var code: ConceptCode?
        var extra: [(String, [String])] = []
        var scar: Bool?
    }

    func run() throws {
        let vocabulary = try options.loadVocabulary()
        let sections = (section.map { [$0] } ?? VocabularySection.allCases).map { ($0, Self.words($0, in: vocabulary)) }
        switch format {
        case .table: print(Self.table(sections), terminator: "")
        case .json: print(Self.json(sections).jsonText(pretty: true))
        case .yaml:
            let node = DataValue.object(sections.map { section, words in
                (section.rawValue, .array(words.map { word in
                    var entries: [(String, DataValue)] = [("slug", .string(word.slug)), ("description", .string(word.description)),
                                                          ("code", word.code.map { .string($0.description) } ?? .null)]
                    for (key, values) in word.extra { entries.append((key, .array(values.map(DataValue.string)))) }
                    if let scar = word.scar { entries.append(("scar", .bool(scar))) }
                    return .object(entries)
                }))
            })
            print((try? YAMLEmitter(flow: .scalarItems(maxStringLength: nil)).emit(node)) ?? "", terminator: "")
        }
    }

    static func words(_ section: VocabularySection, in vocabulary: Vocabulary) -> [Word] {
        switch section {
        case .conditions:
            return vocabulary.conditions.map { Word(slug: $0.key, description: $0.value.description, code: $0.value.code,
                                                     extra: [("ingredients", $0.value.ingredients)]) }
        case .indications:
            return vocabulary.indications.map { Word(slug: $0.key, description: $0.value.description, code: $0.value.code,
                                                      scar: $0.value.isScar) }
        case .ingredientClasses:
            return vocabulary.ingredientClasses.map { Word(slug: $0.key, description: $0.value.description, code: $0.value.code) }
        }
    }

    static func json(_ sections: [(VocabularySection, [Word])]) -> DataValue {
        .object(sections.map { section, words in
            (section.rawValue, .array(words.map { word in
                var members: [(String, DataValue)] = [
                    ("slug", .string(word.slug)), ("description", .string(word.description)),
                    ("code", word.code.map { .string($0.description) } ?? .null),
                ]
                for (key, values) in word.extra { members.append((key, .array(values.map(DataValue.string)))) }
                if let scar = word.scar { members.append(("scar", .bool(scar))) }
                return .object(members)
            }))
        })
    }

    /// Each section under its name, one word a line: slug, description, then code, scar mark
    /// and ingredients when there are.
    static func table(_ sections: [(VocabularySection, [Word])]) -> String {
        var out = ""
        for (index, (section, words)) in sections.enumerated() {
            if index > 0 { out += "\n" }
            out += "\(section.rawValue) (\(words.count)):\n"
            let width = words.map(\.slug.count).max() ?? 0
            for word in words {
                // A description of several lines goes on under its own column, not at the line's
                // start, where it read as another word (an outside review).
                var line = "  " + word.slug + String(repeating: " ", count: width - word.slug.count) + "  "
                    + CourseTable.indent(word.description, by: width + 4)
                if word.scar == true { line += " [scar]" }
                if let code = word.code { line += " (\(code))" }
                for (key, values) in word.extra where !values.isEmpty { line += "; \(key): " + values.joined(separator: ", ") }
                out += terminalSafe(line) + "\n"
            }
        }
        return out
    }
}
