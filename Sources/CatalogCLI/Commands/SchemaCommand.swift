import ArgumentParser
import PreparationRegistry

/// `catalog schema`: the JSON Schema (draft-07) of a preparation document.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft-07) of a preparation document, for editors.",
        discussion: """
            The schema is made from the same definitions the loader checks documents against; \
            indications, conditions and ingredient classes are the chosen catalogue's \
            vocabulary. Save it as schema/preparation.schema.json in the catalogue folder, \
            and start each preparation file with \
            `# yaml-language-server: $schema=../../schema/preparation.schema.json` to get \
            completion and checking in editors that use the YAML language server. What a \
            schema cannot express (min above max, duplicate ids, lint) is left to `validate`.
            """
    )

    @OptionGroup var options: CatalogueOptions

    func run() throws {
        let vocabulary = try options.loadVocabulary()
        print(PreparationSchema.jsonText(vocabulary: vocabulary), terminator: "")
    }
}
