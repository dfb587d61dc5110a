/// A lint rule: a check of a valid preparation that warns about something clinically odd.
/// Each rule describes itself (its id, why it exists, and example documents that trigger it
/// and that do not), so `catalog lint-rules` can list the rules, a catalogue can switch one
/// off in its manifest (`lint: {disable: [rule-id]}`), and the examples run as tests.
///
/// A triggering example marks with `marker` (`↓`, as SwiftLint's examples do) each place a
/// warning of the rule points at: the marker stands just before the located character (the
/// start of the field's value), once per warning. The tests remove the markers, load the document and compare the warnings'
/// lines and columns with the markers'; ``triggeringExamples`` gives the documents without
/// them.
package struct LintRule: Sendable {
    /// What a triggering example writes where a warning points.
    package static let marker: Character = "↓"

    /// The rule's id, a slug.
    package var id: String
    /// Why the rule exists.
    package var rationale: String
    /// Preparation documents (YAML, valid against the bundled vocabulary) that the rule warns
    /// about.
    package var triggeringExamples: [String] { markedTriggeringExamples.map(Self.removingMarkers) }
    /// The triggering examples as written, with a `marker` where each warning points.
    package var markedTriggeringExamples: [String]
    /// Preparation documents (YAML, valid against the bundled vocabulary) that the rule lets
    /// pass.
    package var nonTriggeringExamples: [String]
    /// The warnings the rule has for a preparation of a catalogue: each a location and a
    /// message built by one of ``Message``'s named constructors (`Diagnostics/Messages/LintMessages.swift`).
    package var check: @Sendable (Preparation, LintContext) -> [(SourceLocation, Message)]

    /// Creates a rule that looks at the preparation alone. Its triggering examples may mark
    /// where its warnings point (`marker`).
    package init(id: String, rationale: String, triggeringExamples: [String] = [],
                nonTriggeringExamples: [String] = [],
                check: @escaping @Sendable (Preparation) -> [(SourceLocation, Message)]) {
        self.init(id: id, rationale: rationale, triggeringExamples: triggeringExamples,
                  nonTriggeringExamples: nonTriggeringExamples) { preparation, _ in check(preparation) }
    }

    /// Creates a rule that also reads the catalogue's vocabulary (``LintContext``).
    package init(id: String, rationale: String, triggeringExamples: [String] = [],
                nonTriggeringExamples: [String] = [],
                check: @escaping @Sendable (Preparation, LintContext) -> [(SourceLocation, Message)]) {
        self.id = id
        self.rationale = rationale
        self.markedTriggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
        self.check = check
    }

    /// `example` without its markers.
    package static func removingMarkers(_ example: String) -> String {
        example.contains(marker) ? example.filter { $0 != marker } : example
    }
}

/// What a lint rule may know besides the preparation: the catalogue's vocabulary, and the
/// conditions that name ingredients with their terms made once for the whole catalogue.
package struct LintContext: Sendable {
    /// The catalogue's vocabulary.
    package let vocabulary: Vocabulary
    /// The conditions with `ingredients`, in the vocabulary's order, each with its terms.
    let conditionTerms: [(condition: String, terms: [IngredientTerm])]
    /// For a vocabulary of many such conditions: for each word, the indices (in
    /// `conditionTerms`) of the conditions with a term whose first word but fillers it is. A
    /// term meets an ingredient only when that word is one of the ingredient's, so a
    /// preparation is checked against the conditions its ingredients' words lead to: 20,000
    /// conditions and 1,000 preparations took 86 s checked one by one. Nil for a few (checked
    /// one by one: cheaper than the look-ups).
    let conditionsByWord: [String: [Int]]?

    /// The context of a catalogue with `vocabulary`.
    package init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
        let conditionTerms: [(condition: String, terms: [IngredientTerm])] = vocabulary.conditions.compactMap { condition, entry in
            entry.ingredients.isEmpty ? nil : (condition, entry.ingredients.map(IngredientTerm.init))
        }
        self.conditionTerms = conditionTerms
        guard conditionTerms.count > 32 else {
            conditionsByWord = nil
            return
        }
        var byWord: [String: [Int]] = [:]
        for (index, entry) in conditionTerms.enumerated() {
            for word in Set(entry.terms.compactMap(\.keyWord)) { byWord[word, default: []].append(index) }
        }
        conditionsByWord = byWord
    }

    /// The indices in `conditionTerms` of the conditions whose terms may meet an ingredient
    /// with these folded words (`IngredientTerm.matchWords`), in order.
    func conditions(meeting words: [[String]]) -> [Int] {
        guard let conditionsByWord else { return Array(conditionTerms.indices) }  // (callers check one by one)
        var found = Set<Int>()
        for list in words { for word in list { found.formUnion(conditionsByWord[word] ?? []) } }
        return found.sorted()
    }
}

/// The lint rules of the catalogue format.
package enum LintRules {
    /// Every rule, in the order they run.
    package static let all: [LintRule] = [
        depthOutsideTechniques,
        firstIntervalBelowResidence,
        maintenanceNeitherRepeatsNorEnds,
        noSources,
        avoidSeasonsWithoutSunProtection,
        ingredientConditionNotListed,
        invisibleCharacter,
    ]

    /// The ids of every rule.
    package static var ids: [String] { all.map(\.id) }

    /// The rule with this id.
    package static func rule(_ id: String) -> LintRule? {
        all.first { $0.id == id }
    }

    /// The rules not disabled, in the order they run.
    static func enabled(disabled: [String]) -> [LintRule] {
        all.filter { !disabled.contains($0.id) }
    }

    /// The warnings of `rules` (see ``enabled(disabled:)``) for one preparation.
    static func warnings(for preparation: Preparation, rules: [LintRule], context: LintContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for rule in rules {
            for (location, message) in rule.check(preparation, context) {
                result.append(Diagnostic(.warning, at: location, message.text, code: rule.id, rule: rule.id))
            }
        }
        return result
    }
}

/// A short preparation document for a rule's examples: a valid preparation of the bundled
/// catalogue, with `lines` (top-level keys, as YAML) replacing or adding keys.
func lintExample(_ lines: [String: String]) -> String {
    func entry(_ key: String, _ value: String) -> String {
        key + (value.hasPrefix("\n") ? ":" : ": ") + value + "\n"
    }
    let base: [(String, String)] = [
        ("id", "example"),
        ("name", "Example preparation"),
        ("ingredients", "[hyaluronic acid]"),
        ("regions", "[face]"),
        ("indications", "[dehydration]"),
        ("techniques", "[nappage]"),
        ("depth", "0.5-2 mm"),
        ("residence", "3-30 days"),
        ("protocol", "\n  - {phase: induction, sessions: 3-5, interval: 2-3 weeks}"),
        ("sources", "[\"Example source\"]"),
        ("contraindications", "[hyaluronic-acid-hypersensitivity]"),
    ]
    var text = ""
    for (key, value) in base {
        if let replacement = lines[key] {
            if !replacement.isEmpty { text += entry(key, replacement) }
        } else {
            text += entry(key, value)
        }
    }
    for (key, value) in lines.sorted(by: { $0.key < $1.key }) where !base.contains(where: { $0.0 == key }) {
        text += entry(key, value)
    }
    return text
}
