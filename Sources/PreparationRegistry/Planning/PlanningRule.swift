/// A planning rule of an area: what published protocols say a planner must do there, as a
/// value that describes itself. Like a lint rule, it has an id, a rationale, its source, and
/// example requests that trigger it and that do not; the examples run as tests against the
/// bundled catalogue, and `catalog plugins` lists the rules.
///
/// A rule acts at up to three points of `CoursePlanner`'s pipeline, each optional:
///
/// - `leavesOut`: a reason to leave a candidate out of a request (listed with the
///   candidate's other reasons);
/// - `holds`: the earliest day a phase may start, before the sessions are dated (the
///   scheduler then dates the phase from that day);
/// - `amends`: changes to the planned course: warnings, visits, notes on sessions, the
///   technique.
///
/// A rule *triggers* on a request when it leaves a candidate out, holds a phase, or changes
/// the course; ``Course/appliedRules`` names the rules that did.
public struct PlanningRule: Sendable {
    /// An example request, planned with the rule's plugin on the bundled catalogue, with the
    /// example's own preparations added to it when it gives some.
    public struct Example: Sendable, Hashable {
        /// What the example shows.
        package var title: String
        /// The request.
        package var request: CourseRequest
        /// Preparation documents (YAML) added to the bundled catalogue for this example, as a
        /// later layer: for a rule about a product the bundled catalogue does not hold.
        package var preparations: [String]

        /// Creates an example; `preparations` are YAML documents the example adds to the
        /// bundled catalogue.
        public init(_ title: String, _ request: CourseRequest, preparations: [String] = []) {
            self.title = title
            self.request = request
            self.preparations = preparations
        }
    }

    /// A phase that must not start before a day.
    public struct Hold: Sendable, Hashable {
        /// The phase's index in the preparation's protocol.
        package var phase: Int
        /// The earliest day its first session may fall on.
        package var notBefore: CalendarDate
        /// Why, for the warning when the hold moves a session past its window.
        package var reason: String

        /// Creates a hold.
        public init(phase: Int, notBefore: CalendarDate, reason: String) {
            self.phase = phase
            self.notBefore = notBefore
            self.reason = reason
        }
    }

    /// The rule's id, a slug.
    public package(set) var id: String
    /// The plugin (area) it belongs to.
    package var area: String
    /// What the rule does and why.
    package var rationale: String
    /// Where the figures come from (DOMAIN.md's sources).
    package var source: String
    /// Requests the rule triggers on.
    package var triggeringExamples: [Example]
    /// Requests it leaves alone.
    package var nonTriggeringExamples: [Example]
    /// A reason to leave `preparation` out of `request`, or nil.
    package var leavesOut: (@Sendable (Preparation, CourseRequest) -> String?)?
    /// The phases of `preparation` that may not start before a day, for `request`.
    package var holds: (@Sendable (Preparation, CourseRequest) -> [Hold])?
    /// Changes to a planned course.
    package var amends: (@Sendable (inout CourseDraft) -> Void)?

    /// Creates a rule.
    public init(id: String, area: String, rationale: String, source: String,
                triggeringExamples: [Example] = [], nonTriggeringExamples: [Example] = [],
                leavesOut: (@Sendable (Preparation, CourseRequest) -> String?)? = nil,
                holds: (@Sendable (Preparation, CourseRequest) -> [Hold])? = nil,
                amends: (@Sendable (inout CourseDraft) -> Void)? = nil) {
        self.id = id
        self.area = area
        self.rationale = rationale
        self.source = source
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
        self.leavesOut = leavesOut
        self.holds = holds
        self.amends = amends
    }
}

/// A course being planned, as the rules' `PlanningRule/amends` see it: the request, the
/// chosen preparation and its dose, and what a rule may change.
public struct CourseDraft: Sendable, Hashable {
    /// The request.
    public let request: CourseRequest
    /// The chosen preparation.
    public let preparation: Preparation
    /// The catalogue's vocabulary.
    public let vocabulary: Vocabulary
    /// The session's dose, when the preparation has `dosing` and a region a surface.
    package let dose: SessionDose?
    /// The technique planned.
    public var technique: Technique
    /// The sessions, in date order.
    public var sessions: [PlannedSession]
    /// Warnings for the practitioner.
    public var warnings: [String]
    /// Visits besides the sessions.
    public var visits: [Visit]

    /// Creates a draft.
    package init(request: CourseRequest, preparation: Preparation, vocabulary: Vocabulary, dose: SessionDose?,
                technique: Technique, sessions: [PlannedSession], warnings: [String] = [], visits: [Visit] = []) {
        self.request = request
        self.preparation = preparation
        self.vocabulary = vocabulary
        self.dose = dose
        self.technique = technique
        self.sessions = sessions
        self.warnings = warnings
        self.visits = visits
    }
}
