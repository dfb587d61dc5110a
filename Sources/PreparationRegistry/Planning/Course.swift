/// One dated session of a course.
public struct PlannedSession: Sendable, Hashable {
    /// The session's number in the course, from 1.
    public package(set) var number: Int
    /// The protocol phase it belongs to.
    public package(set) var phase: String
    /// Which pass of a repeating phase it belongs to, from 1 (always 1 for other phases).
    public package(set) var cycle: Int
    /// The planned day.
    public package(set) var date: CalendarDate
    /// The first day the phase's interval allows (the start date for session 1).
    public package(set) var earliest: CalendarDate
    /// The last day the phase's interval allows (the start date for session 1).
    public package(set) var latest: CalendarDate
    /// The season the planned day falls in when the preparation avoids it (`avoid-seasons`),
    /// else nil.
    package var avoidedSeason: Season?
    /// Notes a planning rule attached to the session, such as a decision point.
    public var notes: [String] = []

    /// Creates a session.
    package init(number: Int, phase: String, cycle: Int = 1, date: CalendarDate, earliest: CalendarDate, latest: CalendarDate,
                avoidedSeason: Season? = nil) {
        self.number = number
        self.phase = phase
        self.cycle = cycle
        self.date = date
        self.earliest = earliest
        self.latest = latest
        self.avoidedSeason = avoidedSeason
    }
}

/// A preparation left out of a course, and why.
public struct Exclusion: Sendable, Hashable {
    /// The preparation's id.
    public package(set) var preparation: String
    /// Every reason that applies, in a fixed order (deprecation, concern, region, conditions,
    /// allergies, ranking).
    public package(set) var reasons: [String]
    /// Whether the preparation lists the requested concern: the candidates a clinician most
    /// wants explained (the course's table lists these by default and counts the others).
    package var treatsConcern: Bool

    /// Creates an exclusion.
    package init(preparation: String, reasons: [String], treatsConcern: Bool = true) {
        self.preparation = preparation
        self.reasons = reasons
        self.treatsConcern = treatsConcern
    }

    /// The reasons as one sentence-like text, separated by `; `.
    package var reason: String { reasons.joined(separator: "; ") }
}

/// A planned course: the preparation chosen for a request, how it is given, and its sessions.
public struct Course: Sendable, Hashable {
    /// The id of the plugin that planned it.
    public package(set) var plugin: String
    /// The request it answers.
    public package(set) var request: CourseRequest
    /// The chosen preparation.
    public package(set) var preparation: Preparation
    /// The technique: the first the preparation lists.
    public package(set) var technique: Technique
    /// The sessions, in date order.
    public package(set) var sessions: [PlannedSession]
    /// Warnings for the practitioner: sessions in avoided seasons, sessions after the horizon,
    /// a cut course, allergies that match nothing.
    public package(set) var warnings: [String]
    /// Every candidate left out, with its reasons, sorted by id.
    public package(set) var excluded: [Exclusion]
    /// What the practitioner must screen for before each session: the chosen preparation's
    /// contraindications, and the conditions whose `ingredients` name one of its ingredients
    /// (`Screening/checks(for:vocabulary:)`). The request's own conditions have already left
    /// out every preparation they contraindicate; the others have not been ruled out.
    package var screening: [Screening.Check]
    /// The catalogue the course was planned from: its manifest's name and version.
    package var catalogue: CatalogueIdentity
    /// The points and volume of each session, per region and in all (format 1.1, section
    /// 2.6): when the preparation has `dosing` and a region of the request a surface.
    package var dose: SessionDose?
    /// The visits the area's plugin adds besides the sessions (assessments, follow-ups), in
    /// date order.
    public package(set) var visits: [Visit]
    /// The ids of the planning rules that changed this course or left a candidate out.
    public package(set) var appliedRules: [String]
    /// The vocabulary's entry for the request's concern (its description and code).
    package var concern: Vocabulary.Indication?
    /// False when the course was cut short of what the protocol and the horizon ask (at
    /// `Scheduler/sessionLimit` sessions, or at `CalendarDate.last`), with a warning saying
    /// where; true for a whole course.
    public package(set) var isComplete: Bool
    /// The layer the chosen preparation comes from, when the catalogue is layered
    /// (``Registry/isLayered``); nil for a catalogue on its own.
    package var layer: CatalogueLayer?

    /// Creates a course (whole unless `isComplete` says otherwise).
    package init(plugin: String, request: CourseRequest, preparation: Preparation, technique: Technique,
                sessions: [PlannedSession], warnings: [String], excluded: [Exclusion], isComplete: Bool = true,
                screening: [Screening.Check] = [], catalogue: CatalogueIdentity = CatalogueIdentity(),
                dose: SessionDose? = nil, visits: [Visit] = [], appliedRules: [String] = [],
                concern: Vocabulary.Indication? = nil, layer: CatalogueLayer? = nil) {
        self.layer = layer
        self.plugin = plugin
        self.request = request
        self.preparation = preparation
        self.technique = technique
        self.sessions = sessions
        self.warnings = warnings
        self.excluded = excluded
        self.isComplete = isComplete
        self.screening = screening
        self.catalogue = catalogue
        self.dose = dose
        self.visits = visits
        self.appliedRules = appliedRules
        self.concern = concern
    }

    /// Where the product is deposited: the preparation's depth.
    package var depth: LengthRange { preparation.depth }
    /// What the patient does after each session: the preparation's aftercare.
    package var aftercare: [AftercareInstruction] { preparation.aftercare }
}

/// A plugin's answer when no preparation qualifies: every candidate, with why it was left out.
public struct CourseRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The id of the plugin that refused.
    public package(set) var plugin: String
    /// The request it could not answer.
    public package(set) var request: CourseRequest
    /// Every candidate, with its reasons, sorted by id (empty when the catalogue has none).
    public package(set) var excluded: [Exclusion]
    /// The catalogue searched: its manifest's name and version.
    package var catalogue: CatalogueIdentity
    /// The ids of the planning rules that left a candidate out.
    package var appliedRules: [String]

    /// Creates a refusal.
    package init(plugin: String, request: CourseRequest, excluded: [Exclusion],
                catalogue: CatalogueIdentity = CatalogueIdentity(), appliedRules: [String] = []) {
        self.plugin = plugin
        self.request = request
        self.excluded = excluded
        self.catalogue = catalogue
        self.appliedRules = appliedRules
    }

    /// `no preparation qualifies for ...`, then one line per candidate.
    public var description: String {
        var where_ = "the \(plugin) plugin"
        let regions = request.regions.map { "'\($0.region)'" }
        if regions.count == 1 { where_ += " in region \(regions[0])" }
        if regions.count > 1 { where_ += " in regions \(regions.joined(separator: ", "))" }
        var text = "no preparation qualifies for '\(request.concern)' (\(where_))"
        if excluded.isEmpty { return text + ": the catalogue has no candidate" }
        text += ":"
        for exclusion in excluded { text += "\n  \(exclusion.preparation): \(exclusion.reason)" }
        return text
    }
}

/// Which catalogue a course was planned from: the manifest's `name` and `version`, as written
/// (nil when the manifest leaves them out).
package struct CatalogueIdentity: Sendable, Hashable {
    /// The catalogue's name.
    package var name: String?
    /// The catalogue's version.
    package var version: String?

    /// Creates an identity.
    package init(name: String? = nil, version: String? = nil) {
        self.name = name
        self.version = version
    }

    /// The identity of `manifest`.
    package init(_ manifest: Manifest) { self.init(name: manifest.name, version: manifest.version) }

    /// `Bundled catalogue 2026.11`, `a catalogue without name`.
    package var text: String {
        var out = name ?? "a catalogue without name"
        if let version { out += " \(version)" }
        return out
    }
}

/// What a plugin returns for a valid request: a course, or a refusal explaining every candidate.
public enum CourseOutcome: Sendable, Hashable {
    /// A preparation qualified: the course planned with it.
    case planned(Course)
    /// None qualified: why each candidate was left out.
    case refused(CourseRefusal)

    /// The course, if one was planned.
    public var course: Course? {
        if case .planned(let course) = self { return course }
        return nil
    }

    /// The refusal, if none was.
    public var refusal: CourseRefusal? {
        if case .refused(let refusal) = self { return refusal }
        return nil
    }
}
