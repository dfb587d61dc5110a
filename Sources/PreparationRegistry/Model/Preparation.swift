import OrderedCollections
import YAMLReader

/// A mesotherapy preparation: one document of a catalogue file.
///
/// A value type whose fields live in one copy-on-write box, so that an array of preparations
/// holds one reference each (8 bytes, not the ~640 bytes of the fields): growing a large
/// catalogue's array copies references, not whole preparations.
public struct Preparation: Sendable, Hashable {
    private var storage: PreparationStorage

    /// The unique slug.
    public package(set) var id: String {
        get { storage.id }
        set { uniqueStorage.id = newValue }
    }
    /// The display name.
    public package(set) var name: String {
        get { storage.name }
        set { uniqueStorage.name = newValue }
    }
    /// A one-line summary.
    public package(set) var summary: String? {
        get { storage.summary }
        set { uniqueStorage.summary = newValue }
    }
    /// The ingredients, at least one.
    public package(set) var ingredients: [Ingredient] {
        get { storage.ingredients }
        set { uniqueStorage.ingredients = newValue }
    }
    /// The regions it is used in, at least one.
    public package(set) var regions: [Region] {
        get { storage.regions }
        set { uniqueStorage.regions = newValue }
    }
    /// The indication slugs it serves, at least one.
    public package(set) var indications: [String] {
        get { storage.indications }
        set { uniqueStorage.indications = newValue }
    }
    /// The techniques used to inject it, at least one.
    public package(set) var techniques: [Technique] {
        get { storage.techniques }
        set { uniqueStorage.techniques = newValue }
    }
    /// Where the product is deposited.
    public package(set) var depth: LengthRange {
        get { storage.depth }
        set { uniqueStorage.depth = newValue }
    }
    /// How long the injected substances stay active in the tissue.
    public package(set) var residence: DurationRange {
        get { storage.residence }
        set { uniqueStorage.residence = newValue }
    }
    /// The course structure, at least one phase, in order.
    public package(set) var phases: [ProtocolPhase] {
        get { storage.phases }
        set { uniqueStorage.phases = newValue }
    }
    /// How long one session takes.
    public package(set) var sessionTime: DurationRange? {
        get { storage.sessionTime }
        set { uniqueStorage.sessionTime = newValue }
    }
    /// How much is injected, where, and the most a session may take (format 1.1), if given.
    public package(set) var dosing: Dosing? {
        get { storage.dosing }
        set { uniqueStorage.dosing = newValue }
    }
    /// Condition slugs that rule it out.
    public package(set) var contraindications: [String] {
        get { storage.contraindications }
        set { uniqueStorage.contraindications = newValue }
    }
    /// Possible side effects.
    public package(set) var sideEffects: [SideEffect] {
        get { storage.sideEffects }
        set { uniqueStorage.sideEffects = newValue }
    }
    /// Instructions for the patient after a session.
    public package(set) var aftercare: [AftercareInstruction] {
        get { storage.aftercare }
        set { uniqueStorage.aftercare = newValue }
    }
    /// Seasons in which sessions should not fall.
    public package(set) var avoidSeasons: [Season] {
        get { storage.avoidSeasons }
        set { uniqueStorage.avoidSeasons = newValue }
    }
    /// Where the facts come from.
    public package(set) var sources: [String] {
        get { storage.sources }
        set { uniqueStorage.sources = newValue }
    }
    /// How well the figures are backed.
    public package(set) var evidence: Evidence? {
        get { storage.evidence }
        set { uniqueStorage.evidence = newValue }
    }
    /// Set when the preparation is kept for reference only and never chosen for a course.
    public package(set) var deprecated: Deprecation? {
        get { storage.deprecated }
        set { uniqueStorage.deprecated = newValue }
    }
    /// Free notes.
    public package(set) var notes: String? {
        get { storage.notes }
        set { uniqueStorage.notes = newValue }
    }
    /// `x-` extension keys, in the order written.
    public package(set) var extensions: OrderedDictionary<String, DataValue> {
        get { storage.extensions }
        set { uniqueStorage.extensions = newValue }
    }
    /// Where the preparation's document starts.
    public package(set) var location: SourceLocation {
        get { storage.location }
        set { uniqueStorage.location = newValue }
    }
    /// Where the values of its top-level keys are written, for ``location(of:)``; filled by
    /// the loader, empty for a preparation made in code.
    var keyPlaces: KeyPlaces {
        get { storage.keyPlaces }
        set { uniqueStorage.keyPlaces = newValue }
    }

    /// Creates a preparation.
    package init(
        id: String, name: String, summary: String? = nil, ingredients: [Ingredient], regions: [Region],
        indications: [String], techniques: [Technique], depth: LengthRange, residence: DurationRange,
        phases: [ProtocolPhase], sessionTime: DurationRange? = nil, dosing: Dosing? = nil, contraindications: [String] = [],
        sideEffects: [SideEffect] = [], aftercare: [AftercareInstruction] = [], avoidSeasons: [Season] = [],
        sources: [String] = [], evidence: Evidence? = nil, deprecated: Deprecation? = nil, notes: String? = nil,
        extensions: OrderedDictionary<String, DataValue> = [:], location: SourceLocation
    ) {
        storage = PreparationStorage(
            id: id, name: name, summary: summary, ingredients: ingredients, regions: regions,
            indications: indications, techniques: techniques, depth: depth, residence: residence, phases: phases,
            sessionTime: sessionTime, dosing: dosing, contraindications: contraindications,
            sideEffects: sideEffects, aftercare: aftercare, avoidSeasons: avoidSeasons, sources: sources,
            evidence: evidence, deprecated: deprecated, notes: notes, extensions: extensions, location: location
        )
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

    /// The box, copied first when another value shares it.
    private var uniqueStorage: PreparationStorage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = PreparationStorage(copying: storage) }
            return storage
        }
    }

    /// Every field, in declaration order, as the synthesized conformance compared them (the
    /// key places compare equal and hash to nothing, `KeyPlaces`).
    public static func == (lhs: Preparation, rhs: Preparation) -> Bool {
        let l = lhs.storage, r = rhs.storage
        return l.id == r.id
            && l.name == r.name
            && l.summary == r.summary
            && l.ingredients == r.ingredients
            && l.regions == r.regions
            && l.indications == r.indications
            && l.techniques == r.techniques
            && l.depth == r.depth
            && l.residence == r.residence
            && l.phases == r.phases
            && l.sessionTime == r.sessionTime
            && l.dosing == r.dosing
            && l.contraindications == r.contraindications
            && l.sideEffects == r.sideEffects
            && l.aftercare == r.aftercare
            && l.avoidSeasons == r.avoidSeasons
            && l.sources == r.sources
            && l.evidence == r.evidence
            && l.deprecated == r.deprecated
            && l.notes == r.notes
            && l.extensions == r.extensions
            && l.location == r.location
    }

    /// Hashes every field, in declaration order.
    public func hash(into hasher: inout Hasher) {
        let s = storage
        hasher.combine(s.id)
        hasher.combine(s.name)
        hasher.combine(s.summary)
        hasher.combine(s.ingredients)
        hasher.combine(s.regions)
        hasher.combine(s.indications)
        hasher.combine(s.techniques)
        hasher.combine(s.depth)
        hasher.combine(s.residence)
        hasher.combine(s.phases)
        hasher.combine(s.sessionTime)
        hasher.combine(s.dosing)
        hasher.combine(s.contraindications)
        hasher.combine(s.sideEffects)
        hasher.combine(s.aftercare)
        hasher.combine(s.avoidSeasons)
        hasher.combine(s.sources)
        hasher.combine(s.evidence)
        hasher.combine(s.deprecated)
        hasher.combine(s.notes)
        hasher.combine(s.extensions)
        hasher.combine(s.location)
    }
}

/// The fields of a ``Preparation``. `@unchecked Sendable`: a box is written only through
/// ``Preparation``'s setters, and only while no other value shares it.
private final class PreparationStorage: @unchecked Sendable {
    var id: String
    var name: String
    var summary: String?
    var ingredients: [Ingredient]
    var regions: [Region]
    var indications: [String]
    var techniques: [Technique]
    var depth: LengthRange
    var residence: DurationRange
    var phases: [ProtocolPhase]
    var sessionTime: DurationRange?
    var dosing: Dosing?
    var contraindications: [String]
    var sideEffects: [SideEffect]
    var aftercare: [AftercareInstruction]
    var avoidSeasons: [Season]
    var sources: [String]
    var evidence: Evidence?
    var deprecated: Deprecation?
    var notes: String?
    var extensions: OrderedDictionary<String, DataValue>
    var location: SourceLocation
    var keyPlaces = KeyPlaces()

    init(
        id: String, name: String, summary: String?, ingredients: [Ingredient], regions: [Region],
        indications: [String], techniques: [Technique], depth: LengthRange, residence: DurationRange,
        phases: [ProtocolPhase], sessionTime: DurationRange?, dosing: Dosing?, contraindications: [String],
        sideEffects: [SideEffect], aftercare: [AftercareInstruction], avoidSeasons: [Season], sources: [String],
        evidence: Evidence?, deprecated: Deprecation?, notes: String?,
        extensions: OrderedDictionary<String, DataValue>, location: SourceLocation
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

    /// A copy of `other`, for a value about to change it.
    convenience init(copying other: PreparationStorage) {
        self.init(
            id: other.id, name: other.name, summary: other.summary, ingredients: other.ingredients,
            regions: other.regions, indications: other.indications, techniques: other.techniques,
            depth: other.depth, residence: other.residence, phases: other.phases, sessionTime: other.sessionTime,
            dosing: other.dosing, contraindications: other.contraindications, sideEffects: other.sideEffects,
            aftercare: other.aftercare, avoidSeasons: other.avoidSeasons, sources: other.sources,
            evidence: other.evidence, deprecated: other.deprecated, notes: other.notes,
            extensions: other.extensions, location: other.location
        )
        keyPlaces = other.keyPlaces
    }
}
