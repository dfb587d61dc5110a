import YAMLReader
import OrderedCollections

/// The words a catalogue may use for conditions, indications and ingredient classes, each slug
/// with its description.
public struct Vocabulary: Sendable, Hashable {
    /// An indication: its description and whether the scar plugin serves it.
    public struct Indication: Sendable, Hashable {
        /// What the indication is.
        public var description: String
        /// True for scar indications (acne, atrophic and hypertrophic scars, keloids, stretch marks).
        public var isScar: Bool

        /// Creates an indication.
        public init(description: String, isScar: Bool = false) {
            self.description = description
            self.isScar = isScar
        }
    }

    /// Patient conditions that can contraindicate a preparation.
    public var conditions: OrderedDictionary<String, String>
    /// Concerns a preparation treats.
    public var indications: OrderedDictionary<String, Indication>
    /// Classes of ingredients.
    public var ingredientClasses: OrderedDictionary<String, String>

    /// Creates a vocabulary.
    public init(
        conditions: OrderedDictionary<String, String> = [:],
        indications: OrderedDictionary<String, Indication> = [:],
        ingredientClasses: OrderedDictionary<String, String> = [:]
    ) {
        self.conditions = conditions
        self.indications = indications
        self.ingredientClasses = ingredientClasses
    }

    /// The slugs of the indications marked `scar: true`.
    public var scarIndications: [String] {
        indications.filter { $0.value.isScar }.map(\.key)
    }
}

/// A catalogue's manifest, `catalogue.yaml`.
public struct Manifest: Sendable, Hashable {
    /// The catalogue's name.
    public var name: String?
    /// The catalogue's version, as written.
    public var version: String?
    /// The vocabulary; sections the manifest leaves out come from the bundled catalogue.
    public var vocabulary: Vocabulary
    /// Lint rules switched off for this catalogue.
    public var disabledLintRules: [String]
    /// `x-` extension keys.
    public var extensions: OrderedDictionary<String, DataValue>
    /// Where the manifest starts, when there is a file.
    public var location: SourceLocation?

    /// Creates a manifest.
    public init(
        name: String? = nil, version: String? = nil, vocabulary: Vocabulary, disabledLintRules: [String] = [],
        extensions: OrderedDictionary<String, DataValue> = [:], location: SourceLocation? = nil
    ) {
        self.name = name
        self.version = version
        self.vocabulary = vocabulary
        self.disabledLintRules = disabledLintRules
        self.extensions = extensions
        self.location = location
    }
}
