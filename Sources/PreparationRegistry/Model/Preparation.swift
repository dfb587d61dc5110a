import OrderedCollections
import YAMLReader

/// A mesotherapy preparation: one document of a catalogue file.
public struct Preparation: Sendable, Hashable {
    /// The unique slug.
    public package(set) var id: String
    /// The display name.
    public package(set) var name: String
    /// A one-line summary.
    public package(set) var summary: String?
    /// The ingredients, at least one.
    public package(set) var ingredients: [Ingredient]
    /// The regions it is used in, at least one.
    public package(set) var regions: [Region]
    /// The indication slugs it serves, at least one.
    public package(set) var indications: [String]
    /// The techniques used to inject it, at least one.
    public package(set) var techniques: [Technique]
    /// Where the product is deposited.
    public package(set) var depth: LengthRange
    /// How long the injected substances stay active in the tissue.
    public package(set) var residence: DurationRange
    /// The course structure, at least one phase, in order.
    public package(set) var phases: [ProtocolPhase]
    /// How long one session takes.
    public package(set) var sessionTime: DurationRange?
    /// How much is injected, where, and the most a session may take (format 1.1), if given.
    public package(set) var dosing: Dosing?
    /// Condition slugs that rule it out.
    public package(set) var contraindications: [String]
    /// Possible side effects.
    public package(set) var sideEffects: [SideEffect]
    /// Instructions for the patient after a session.
    public package(set) var aftercare: [AftercareInstruction]
    /// Seasons in which sessions should not fall.
    public package(set) var avoidSeasons: [Season]
    /// Where the facts come from.
    public package(set) var sources: [String]
    /// How well the figures are backed.
    public package(set) var evidence: Evidence?
    /// Set when the preparation is kept for reference only and never chosen for a course.
    public package(set) var deprecated: Deprecation?
    /// Free notes.
    public package(set) var notes: String?
    /// `x-` extension keys, in the order written.
    public package(set) var extensions: OrderedDictionary<String, DataValue>
    /// Where the preparation's document starts.
    public package(set) var location: SourceLocation
    /// Where the values of its top-level keys are written, for ``location(of:)``; filled by
    /// the loader, empty for a preparation made in code.
    var keyPlaces = KeyPlaces()

    /// Creates a preparation.
    package init(
        id: String, name: String, summary: String? = nil, ingredients: [Ingredient], regions: [Region],
        indications: [String], techniques: [Technique], depth: LengthRange, residence: DurationRange,
        phases: [ProtocolPhase], sessionTime: DurationRange? = nil, dosing: Dosing? = nil, contraindications: [String] = [],
        sideEffects: [SideEffect] = [], aftercare: [AftercareInstruction] = [], avoidSeasons: [Season] = [],
        sources: [String] = [], evidence: Evidence? = nil, deprecated: Deprecation? = nil, notes: String? = nil,
        extensions: OrderedDictionary<String, DataValue> = [:], location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.ingredients = ingredients
        self.regions = regions
        self.indications = indications
        self.techniques = techniques
        self.depth = depth
        self.residence = residence
        self.phases = phases
        self.sessionTime = sessionTime
        self.dosing = dosing
        self.contraindications = contraindications
        self.sideEffects = sideEffects
        self.aftercare = aftercare
        self.avoidSeasons = avoidSeasons
        self.sources = sources
        self.evidence = evidence
        self.deprecated = deprecated
        self.notes = notes
        self.extensions = extensions
        self.location = location
    }

    /// The areas of its regions, in area order.
    package var areas: [Area] {
        Area.allCases.filter { area in regions.contains { $0.area == area } }
    }

    /// True when the preparation is deprecated.
    package var isDeprecated: Bool { deprecated != nil }

    /// Where the value of a top-level key (`"depth"`, `"protocol"`, ...) is written, for
    /// diagnostics about that field; the document's start when the key is absent, unknown, or
    /// its place is not known (a preparation made in code).
    package func location(of key: String) -> SourceLocation {
        guard let field = FormatFields.preparation.firstIndex(where: { $0.key == key }) else { return location }
        return keyPlaces.location(of: field, from: location) ?? location
    }
}
