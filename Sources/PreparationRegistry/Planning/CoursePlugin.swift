/// How a plugin picks the number of sessions inside a phase's `sessions` range.
public enum SessionCountChoice: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The lower bound: the shortest course the protocol allows; the practitioner adds sessions
    /// (up to the upper bound) when the response calls for them.
    case fewest
    /// The upper bound: the complete course, for protocols judged only at their end.
    case most

    /// The choice's name: `fewest` or `most`.
    public var description: String { rawValue }

    /// The count this choice takes from `range`.
    package func count(in range: CountRange) -> Int { self == .fewest ? range.min : range.max }
}

/// An example a plugin gives of itself: a request and the course expected from the bundled
/// catalogue. The examples run as tests, and `catalog plugins` prints them.
public struct PluginExample: Sendable, Hashable {
    /// What the example shows.
    package var title: String
    /// The request.
    package var request: CourseRequest
    /// The preparation expected, or nil when the plugin must refuse.
    package var expectedPreparation: String?
    /// The planned dates expected, `YYYY-MM-DD`, in order (empty for a refusal).
    package var expectedDates: [String]

    /// Creates an example.
    public init(title: String, request: CourseRequest, expectedPreparation: String?, expectedDates: [String] = []) {
        self.title = title
        self.request = request
        self.expectedPreparation = expectedPreparation
        self.expectedDates = expectedDates
    }
}

/// A protocol plugin: it plans courses for one area (face, scalp, body) or one kind of
/// concern (scars). Other tools add their own plugins by conforming to this protocol and
/// registering them with a ``PluginHost``.
///
/// Only `id`, `summary` and `regions` are required; everything else has a default, and the
/// default ``plan(_:using:)`` runs the shared pipeline of `CoursePlanner`: request checks,
/// candidates and exclusions (`Candidates`), ranking, and the `Scheduler`.
public protocol CoursePlugin: Sendable {
    /// The plugin's id, a slug: the AREA word of `catalog course AREA`.
    var id: String { get }
    /// One line on what the plugin plans.
    var summary: String { get }
    /// The regions the plugin plans courses in.
    var regions: [Region] { get }
    /// Whether a request must name a region (the body plugin plans one region at a time).
    var needsRegion: Bool { get }
    /// How session counts are picked inside each phase's range.
    var sessionCounts: SessionCountChoice { get }
    /// Whether the plugin plans courses for `indication` (a known slug of `vocabulary`).
    func serves(_ indication: String, in vocabulary: Vocabulary) -> Bool
    /// What is particular to the area, one line each, for `catalog plugins`.
    var particulars: [String] { get }
    /// The area's planning rules, applied in order by the default pipeline
    /// (`CoursePlanner`): each with its rationale, source and examples.
    var rules: [PlanningRule] { get }
    /// Requests and the courses expected from the bundled catalogue.
    var examples: [PluginExample] { get }
    /// Plans a course, or explains why no preparation qualifies; throws when a word of the
    /// request is wrong.
    func plan(_ request: CourseRequest, using registry: Registry) throws(CourseRequestError) -> CourseOutcome
}

extension CoursePlugin {
    /// Default: a request need not name a region.
    public var needsRegion: Bool { false }
    /// Default: the lower bound of each phase's count.
    public var sessionCounts: SessionCountChoice { .fewest }
    /// Default: every indication of the vocabulary.
    public func serves(_ indication: String, in vocabulary: Vocabulary) -> Bool { true }
    /// Default: nothing particular.
    public var particulars: [String] { [] }
    /// Default: no examples.
    public var examples: [PluginExample] { [] }
    /// Default: no rules of its own.
    public var rules: [PlanningRule] { [] }

    /// Default: the shared pipeline of `CoursePlanner`.
    public func plan(_ request: CourseRequest, using registry: Registry) throws(CourseRequestError) -> CourseOutcome {
        try CoursePlanner(plugin: self).plan(request, using: registry)
    }

    /// The indications this plugin serves that at least one preparation of `registry`, not
    /// deprecated, lists in one of the plugin's regions: what it can plan today.
    package func plannableIndications(in registry: Registry) -> [String] {
        let vocabulary = registry.vocabulary
        return vocabulary.indications.keys.filter { indication in
            serves(indication, in: vocabulary) && registry.preparations.contains { preparation in
                !preparation.isDeprecated && preparation.indications.contains(indication)
                    && preparation.regions.contains { regions.contains($0) }
            }
        }
    }
}
