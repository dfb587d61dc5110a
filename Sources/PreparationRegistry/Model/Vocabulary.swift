import YAMLReader
import OrderedCollections

/// A concept of another terminology that a vocabulary word stands for, written `SYSTEM|CODE`
/// in the manifest (`http://snomed.info/sct|77386006`): the exports carry it.
package struct ConceptCode: Sendable, Hashable, CustomStringConvertible {
    /// The code system, a URI (`http://snomed.info/sct`).
    package var system: String
    /// The code within the system (`77386006`).
    package var code: String

    /// Creates a code.
    package init(system: String, code: String) {
        self.system = system
        self.code = code
    }

    /// Reads `SYSTEM|CODE`: one `|` between a system and a code, neither empty, with no space,
    /// control or invisible format character (a bidirectional override, a zero-width space)
    /// in either, the system an absolute URI (a scheme, `http:` or `urn:`, then more: FHIR's
    /// `Coding.system` must be one); nil otherwise.
    package init?(_ text: String) {
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, Self.isAbsoluteURI(parts[0]),
              !text.unicodeScalars.contains(where: {
                  $0.properties.isWhitespace || [.control, .format].contains($0.properties.generalCategory)
              })
        else { return nil }
        self.init(system: String(parts[0]), code: String(parts[1]))
    }

    /// `SYSTEM|CODE`.
    package var description: String { system + "|" + code }

    /// True when `text` starts with a URI scheme (RFC 3986: a letter, then letters, digits,
    /// `+`, `-` or `.`) and a colon, with more after it that does not end in a colon (`urn:oid:`
    /// names no system).
    private static func isAbsoluteURI(_ text: Substring) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex, text.last != ":",
              let first = text.first, first.isASCII, first.isLetter else { return false }
        return text[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}

/// The words a catalogue may use for conditions, indications and ingredient classes, each slug
/// with its description and, from format 1.1, a code and (for conditions) the ingredients it
/// makes unsafe.
public struct Vocabulary: Sendable, Hashable {
    /// An ingredient class: its description and code.
    public struct Word: Sendable, Hashable {
        /// What the word means.
        public package(set) var description: String
        /// The concept it stands for in another terminology, if given.
        package var code: ConceptCode?

        /// Creates a word.
        package init(description: String, code: ConceptCode? = nil) {
            self.description = description
            self.code = code
        }
    }

    /// A patient condition: its description, code, and the ingredients it makes unsafe.
    public struct Condition: Sendable, Hashable {
        /// What the condition is.
        public package(set) var description: String
        /// The concept it stands for in another terminology, if given.
        package var code: ConceptCode?
        /// Ingredient classes or names the condition makes unsafe: a patient with the condition
        /// is screened as if allergic to each (`Screening`).
        public package(set) var ingredients: [String]

        /// Creates a condition.
        package init(description: String, code: ConceptCode? = nil, ingredients: [String] = []) {
            self.description = description
            self.code = code
            self.ingredients = ingredients
        }
    }

    /// An indication: its description, code, and whether the scar plugin serves it.
    public struct Indication: Sendable, Hashable {
        /// What the indication is.
        public package(set) var description: String
        /// True for scar indications (acne, atrophic and hypertrophic scars, keloids, stretch marks).
        public package(set) var isScar: Bool
        /// The concept it stands for in another terminology, if given.
        package var code: ConceptCode?

        /// Creates an indication.
        package init(description: String, isScar: Bool = false, code: ConceptCode? = nil) {
            self.description = description
            self.isScar = isScar
            self.code = code
        }
    }

    /// Patient conditions that can contraindicate a preparation.
    public package(set) var conditions: OrderedDictionary<String, Condition>
    /// Concerns a preparation treats.
    public package(set) var indications: OrderedDictionary<String, Indication>
    /// Classes of ingredients.
    public package(set) var ingredientClasses: OrderedDictionary<String, Word>

    /// Creates a vocabulary.
    package init(
        conditions: OrderedDictionary<String, Condition> = [:],
        indications: OrderedDictionary<String, Indication> = [:],
        ingredientClasses: OrderedDictionary<String, Word> = [:]
    ) {
        self.conditions = conditions
        self.indications = indications
        self.ingredientClasses = ingredientClasses
    }

    /// The slugs of the indications marked `scar: true`.
    package var scarIndications: [String] {
        indications.filter { $0.value.isScar }.map(\.key)
    }
}

/// A catalogue's manifest, `catalogue.yaml`.
public struct Manifest: Sendable, Hashable {
    /// The catalogue's name.
    public package(set) var name: String?
    /// The catalogue's version, as written.
    public package(set) var version: String?
    /// The vocabulary; sections the manifest leaves out come from the bundled catalogue.
    public package(set) var vocabulary: Vocabulary
    /// Lint rules switched off for this catalogue.
    package var disabledLintRules: [String]
    /// `x-` extension keys.
    public package(set) var extensions: OrderedDictionary<String, DataValue>
    /// Where the manifest starts, when there is a file.
    package var location: SourceLocation?
    /// (1.1) What this catalogue, as a later layer, replaces of the earlier layers on purpose
    /// (`replaces:`): see ``CatalogueLoader/load(layers:)``.
    package var replaces: LayerReplacements
    /// Where each vocabulary word is defined (the bundled manifest's places for sections taken
    /// from it).
    var wordPlaces = VocabularyPlaces()

    /// Creates a manifest.
    package init(
        name: String? = nil, version: String? = nil, vocabulary: Vocabulary, disabledLintRules: [String] = [],
        extensions: OrderedDictionary<String, DataValue> = [:], location: SourceLocation? = nil,
        replaces: LayerReplacements = LayerReplacements()
    ) {
        self.replaces = replaces
        self.name = name
        self.version = version
        self.vocabulary = vocabulary
        self.disabledLintRules = disabledLintRules
        self.extensions = extensions
        self.location = location
    }
}
