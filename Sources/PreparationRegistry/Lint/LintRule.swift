/// A lint rule: a check of a valid preparation that warns about something clinically odd.
/// Each rule describes itself, so `catalog` can list the rules and a catalogue can switch one
/// off in its manifest (`lint: {disable: [rule-id]}`).
public struct LintRule: Sendable {
    /// The rule's id, a slug.
    public var id: String
    /// Why the rule exists.
    public var rationale: String
    /// The warnings the rule has for a preparation: each a location and a message.
    public var check: @Sendable (Preparation) -> [(SourceLocation, String)]

    /// Creates a rule.
    public init(id: String, rationale: String, check: @escaping @Sendable (Preparation) -> [(SourceLocation, String)]) {
        self.id = id
        self.rationale = rationale
        self.check = check
    }
}

/// The lint rules of the catalogue format.
public enum LintRules {
    /// Every rule, in the order they run.
    public static let all: [LintRule] = [depthOutsideTechniques]

    /// The ids of every rule.
    public static var ids: [String] { all.map(\.id) }

    /// Section 4 of the format: a depth that lies wholly outside the usual depth of every
    /// technique listed is probably a typo or a wrong technique.
    public static let depthOutsideTechniques = LintRule(
        id: "depth-outside-techniques",
        rationale: "Each technique deposits the product in a usual depth band; a depth outside the band of every technique listed is most likely a typo or the wrong technique."
    ) { preparation in
        guard !preparation.techniques.contains(where: { $0.usualDepth.overlaps(preparation.depth) }) else { return [] }
        let bands = preparation.techniques.map { "\($0.rawValue) \($0.usualDepth)" }.joined(separator: ", ")
        return [(preparation.location(of: "depth"),
                 "depth \(preparation.depth) lies outside the usual depth of every technique listed (\(bands))")]
    }

    /// The warnings of every rule not disabled, for one preparation.
    static func warnings(for preparation: Preparation, disabled: [String]) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for rule in all where !disabled.contains(rule.id) {
            for (location, message) in rule.check(preparation) {
                result.append(Diagnostic(.warning, at: location, message, rule: rule.id))
            }
        }
        return result
    }
}
