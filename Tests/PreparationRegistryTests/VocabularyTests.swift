import Foundation
@testable import PreparationRegistry
import Testing

/// Format 1.1 vocabulary entries: mappings with `description`, `code` and, for conditions,
/// `ingredients`; every mistake located at its entry with an exact message.
@Suite("Vocabulary entries (format 1.1)")
struct VocabularyTests {
    @Test("entries may be mappings with a description, a code and (conditions) ingredients")
    func mappings() throws {
        let manifest = """
            vocabulary:
              conditions:
                pregnancy: {description: Pregnancy, code: "http://snomed.info/sct|77386006"}
                ha-hypersensitivity:
                  description: Hypersensitivity to hyaluronic acid
                  ingredients: [hyaluronic-acid, Sodium hyaluronate]
                  x-note: kept
                plain: Plain condition
              indications:
                dehydration: {description: Dehydrated skin, code: "urn:example|dehydration", scar: false}
              ingredient-classes:
                hyaluronic-acid: {description: Hyaluronic acid, code: "urn:example|ha"}
                vitamin: Vitamins

            """
        let catalogue = try TemporaryCatalogue(manifest: manifest, files: ["p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(errors(result).isEmpty, "\(result.diagnostics)")
        let vocabulary = try #require(result.registry).vocabulary
        #expect(vocabulary.conditions["pregnancy"] == Vocabulary.Condition(
            description: "Pregnancy", code: ConceptCode(system: "http://snomed.info/sct", code: "77386006")))
        #expect(vocabulary.conditions["ha-hypersensitivity"]?.ingredients == ["hyaluronic-acid", "Sodium hyaluronate"])
        #expect(vocabulary.conditions["plain"] == Vocabulary.Condition(description: "Plain condition"))
        #expect(vocabulary.indications["dehydration"]?.code?.description == "urn:example|dehydration")
        #expect(vocabulary.ingredientClasses["hyaluronic-acid"]?.code == ConceptCode(system: "urn:example", code: "ha"))
        #expect(vocabulary.ingredientClasses["vitamin"]?.description == "Vitamins")
    }

    @Test("every mistake in an entry is located at it, with an exact message")
    func mistakes() throws {
        let manifest = """
            vocabulary:
              conditions:
                no-description: {code: "urn:x|1"}
                bad-code: {description: Bad, code: "77386006"}
                spaced-code: {description: Bad, code: "urn:x | 1"}
                vague: {description: Vague, ingredients: [and, hyaluronic-acid]}
                not-a-list: {description: Not a list, ingredients: hyaluronic-acid}
                empty-name: {description: Empty, ingredients: [""]}
                misspelt: {description: Misspelt, ingredient: [x]}
              ingredient-classes:
                scarred: {description: A class, scar: true}

            """
        let catalogue = try TemporaryCatalogue(manifest: manifest, files: ["p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        let result = catalogue.load()
        let file = catalogue.display("catalogue.yaml")
        #expect(errors(result).map(\.description) == [
            "\(file):3:21: error: missing required key 'description'",
            "\(file):4:40: error: 'code' must be written SYSTEM|CODE, one '|' between a system (an absolute URI) and a code and no spaces (for example 'http://snomed.info/sct|77386006'), not '77386006'",
            "\(file):5:43: error: 'code' must be written SYSTEM|CODE, one '|' between a system (an absolute URI) and a code and no spaces (for example 'http://snomed.info/sct|77386006'), not 'urn:x | 1'",
            "\(file):6:47: error: the ingredient 'and' is too vague to screen with: it needs a word of three letters or more that is not a stop word (such as 'and', 'the', 'with'); name the ingredient or its class, for example 'vitamin c' or 'hyaluronic-acid'",
            "\(file):7:56: error: 'ingredients' must be a list, not a string; write it as [hyaluronic-acid]",
            "\(file):8:52: error: 'ingredient' must not be empty",
            "\(file):9:39: error: unknown key 'ingredient'; did you mean 'ingredients'?",
            "\(file):11:37: error: unknown key 'scar'",
        ])
    }

    @Test("an unknown vocabulary word in a preparation is suggested by a whole word of a known one")
    func suggestionByWord() throws {
        let catalogue = try TemporaryCatalogue(files: ["p.yaml": preparationText("p", extra: "contraindications: [diabetes]")])
        defer { catalogue.remove() }
        #expect(errors(catalogue.load()).map(\.message) == ["unknown condition 'diabetes'; did you mean 'insulin-dependent-diabetes'?"])
    }

    @Test("a word whose entry has a wrong part is still known: only the entry is reported")
    func wrongPartKeepsTheWord() throws {
        let manifest = """
            vocabulary:
              conditions:
                bad-code: {description: Bad, code: "77386006"}
                vague: {description: Vague, ingredients: [and]}
              indications:
                dehydration: {description: Dehydration, scar: maybe}

            """
        let preparation = preparationText("p", extra: "contraindications: [bad-code, vague]")
        let catalogue = try TemporaryCatalogue(manifest: manifest, files: ["p.yaml": preparation])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(errors(result).map(\.location.file) == Array(repeating: catalogue.display("catalogue.yaml"), count: 3))
        #expect(errors(result).map(\.location.line) == [3, 4, 6])
        #expect(result.registry == nil)
    }

    @Test("a code holding an invisible character (a bidirectional override, a zero-width space, a line separator) is refused",
          arguments: ["http://snomed.info/sct|77386006\u{202E}", "http://snomed.info/sct|7738\u{200B}6006",
                      "http://snomed.info/sct|77386006\u{2028}", "\u{2066}http://snomed.info/sct|77386006"])
    func invisibleInCode(_ text: String) {
        #expect(ConceptCode(text) == nil)
        #expect(ConceptCode("http://snomed.info/sct|77386006") != nil)
    }

    @Test("a code's system is an absolute URI, with a scheme (FHIR's Coding.system must be one)",
          arguments: [("snomed|123", false), (":x|1", false), ("urn:|1", false), ("1http:x|1", false), ("h p:x|1", false), ("urn:oid:|123", false),
                      ("urn:x|123", true), ("urn:oid:2.16.840.1.113883.6.96|1", true), ("http://loinc.org|8480-6", true)])
    func absoluteSystem(_ text: String, valid: Bool) {
        #expect((ConceptCode(text) != nil) == valid)
    }
}
