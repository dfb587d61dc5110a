import FoundationEssentials
import YAMLReader

/// The shared planning pipeline every plugin uses by default: check the request's words,
/// select and rank candidates (`Candidates`), date the chosen preparation's protocol
/// (`Scheduler`), and gather the warnings.
package struct CoursePlanner<Plugin: CoursePlugin>: Sendable {
    /// The plugin planning.
    package let plugin: Plugin

    /// A planner for `plugin`.
    package init(plugin: Plugin) { self.plugin = plugin }

    /// Plans `request`, or refuses with every candidate's reasons.
    package func plan(_ request: CourseRequest, using registry: Registry) throws(CourseRequestError) -> CourseOutcome {
        try check(request, vocabulary: registry.vocabulary)
        let catalogue = CatalogueIdentity(registry.manifest)
        let selection = Candidates.select(for: request, plugin: plugin, in: registry)
        guard let chosen = selection.ranked.first else {
            return .refused(CourseRefusal(plugin: plugin.id, request: request, excluded: selection.excluded,
                                          catalogue: catalogue, appliedRules: selection.appliedRules))
        }
        var excluded = selection.excluded
        for other in selection.ranked.dropFirst() {
            excluded.append(Exclusion(preparation: other.id,
                                      reasons: [Candidates.rankingReason(other, below: chosen, concern: request.concern)]))
        }
        excluded.sort { $0.preparation < $1.preparation }
        var applied = selection.appliedRules
        var holds: [PlanningRule.Hold] = []
        // The rules see the regions the course may be given in (`Candidates.ruleRequest`).
        let ruleRequest = Candidates.ruleRequest(Candidates.rulesView(request, vocabulary: registry.vocabulary),
                                                 for: chosen, plugin: plugin)
        for rule in plugin.rules {
            let ruleHolds = rule.holds?(chosen, ruleRequest) ?? []
            if !ruleHolds.isEmpty, !applied.contains(rule.id) { applied.append(rule.id) }
            holds += ruleHolds
        }
        let schedule = Scheduler.schedule(chosen.phases, avoiding: chosen.avoidSeasons, request: request,
                                          counts: plugin.sessionCounts, holds: holds)
        var warnings = schedule.warnings
        // The words to suggest from, made only for a suggestion: the ingredient names come from
        // the query indexes, which `course` does not otherwise build (`LoadWork.planning`).
        var knownWords: [String]?
        func known() -> [String] {
            if let knownWords { return knownWords }
            let words = Array(registry.vocabulary.ingredientClasses.keys) + registry.index.ingredientNames
            knownWords = words
            return words
        }
        // An allergy a plugin's rule read (`--allergy corticosteroid` left out triamcinolone by
        // `corticosteroid-allergy`) matched something after all: no "matches nothing" warning
        // (an outside re-check found it beside the rule's exclusions).
        let readByRules = Set(request.allergies.filter { allergy in
            excluded.contains { $0.reasons.contains { $0.hasPrefix("the allergy ") && $0.contains("-allergy]") && $0.contains("'\(allergy)'") } }
        })
        for allergy in request.allergies where !readByRules.contains(allergy) && !Candidates.allergyMatchesAnything(allergy, in: registry) {
            // Not "nothing here is concerned": a name in another language or an unlisted brand
            // matches nothing too (an outside review planned tranexamic acid for `--allergy
            // 'acide tranexamique'`, told only that it matched nothing).
            var text = "the allergy '\(allergy)' matches no ingredient name or class in the catalogue (\(Screening.namesCaveat))"
            let conditions = Screening.conditions(namedBy: IngredientTerm(allergy), in: registry.vocabulary)
            if !conditions.isEmpty {
                text += "; screened as the condition" + (conditions.count == 1 ? " " : "s ")
                    + conditions.map { "'\($0)'" }.joined(separator: ", ")
                    + " of the vocabulary too, whose name or description holds its words"
            } else if let suggestion = UnknownValue(kind: "ingredient", value: allergy, known: known()).suggestion {
                text += "; did you mean '\(suggestion)'?"
            }
            warnings.append(text)
        }
        // One warning a condition: the bundled soy allergy names eleven spellings no bundled
        // ingredient uses, and gave eleven (an outside re-check).
        for condition in request.conditions {
            let unmatched = (registry.vocabulary.conditions[condition]?.ingredients ?? [])
                .filter { !Candidates.allergyMatchesAnything($0, in: registry) }
            if unmatched.count == 1 {
                var text = "the condition '\(condition)' names the ingredient '\(unmatched[0])', which matches no ingredient name or class in the catalogue"
                if let suggestion = UnknownValue(kind: "ingredient", value: unmatched[0], known: known()).suggestion {
                    text += "; did you mean '\(suggestion)'? (check the vocabulary)"
                }
                warnings.append(text)
            } else if !unmatched.isEmpty {
                warnings.append("the condition '\(condition)' names ingredients that match no ingredient name or class in the catalogue: "
                    + unmatched.map { "'\($0)'" }.joined(separator: ", ") + " (a misspelt one screens nothing: check the vocabulary)")
            }
        }
        // A condition given that the chosen entry does not list, and that names no ingredients
        // to screen by, was not screened by the catalogue: said, rather than passed as ruled out.
        let silent = request.conditions.filter { condition in
            !chosen.contraindications.contains(condition) && (registry.vocabulary.conditions[condition]?.ingredients ?? []).isEmpty
        }
        if !silent.isEmpty {
            warnings.append("'\(chosen.id)' does not list " + silent.map { "'\($0)'" }.joined(separator: ", ")
                + " among its contraindications: the catalogue says nothing of " + (silent.count == 1 ? "it" : "them")
                + " for this preparation; check " + (silent.count == 1 ? "it" : "them") + " against the product's own information")
        }
        let dose = chosen.dosing.flatMap { SessionDose(dosing: $0, regions: request.regions) }
        warnings += Self.doseWarnings(dose, preparation: chosen, request: request)
        var draft = CourseDraft(request: ruleRequest, preparation: chosen, vocabulary: registry.vocabulary, dose: dose,
                                technique: chosen.techniques.first ?? .nappage, sessions: schedule.sessions,
                                warnings: warnings)
        for rule in plugin.rules {
            guard let amends = rule.amends else { continue }
            let before = draft
            amends(&draft)
            if draft != before, !applied.contains(rule.id) { applied.append(rule.id) }
        }
        var visits = draft.visits.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        // Date arithmetic stops at the calendar's last day, so a visit dated there may belong
        // later: it is left out, with a warning, rather than planned on a day it does not fall on.
        let beyondCalendar = visits.filter { $0.date >= CalendarDate.last }
        if !beyondCalendar.isEmpty {
            visits.removeAll { $0.date >= CalendarDate.last }
            draft.warnings.append("\(beyondCalendar.count == 1 ? "a visit" : "\(beyondCalendar.count) visits") ("
                + beyondCalendar.map { "\($0.kind): \($0.purpose)" }.joined(separator: "; ")
                + ") would fall on or after \(CalendarDate.last), the last day the calendar holds: left out; plan "
                + (beyondCalendar.count == 1 ? "it" : "them") + " by hand")
        }
        return .planned(Course(plugin: plugin.id, request: request, preparation: chosen,
                               technique: draft.technique, sessions: draft.sessions,
                               warnings: draft.warnings, excluded: excluded, isComplete: schedule.isComplete,
                               screening: Screening.checks(for: chosen, vocabulary: registry.vocabulary),
                               catalogue: catalogue, dose: dose, visits: visits,
                               appliedRules: plugin.rules.map(\.id).filter(applied.contains),
                               concern: registry.vocabulary.indications[request.concern],
                               layer: registry.isLayered ? registry.layer(of: chosen.id) : nil))
    }

    /// What the dose says the practitioner must know: a session above `max-per-session`
    /// (naming both volumes and the largest surface a session may cover), a session whose
    /// entry gives no `max-per-session` (its total is checked against nothing), regions without a
    /// surface when others have one, and a preparation without `dosing` when surfaces are given.
    static func doseWarnings(_ dose: SessionDose?, preparation: Preparation, request: CourseRequest) -> [String] {
        guard request.regions.contains(where: { $0.surface != nil }) else { return [] }
        guard let dose else {
            if let dosing = preparation.dosing, let reason = SessionDose.uncomputableReason(dosing) {
                return ["the dose of '\(preparation.id)' is not computed: \(reason)"]
            }
            return ["'\(preparation.id)' gives no dosing: the surfaces given cannot be turned into points and volumes"]
        }
        var warnings: [String] = []
        if let maximum = dose.dosing.maxPerSession {
            if let excess = dose.excessWarning(over: maximum) { warnings.append(excess) }
        } else {
            // Safety first: a surface larger than the region can hold (a typing slip) must not
            // pass as a plan of litres without a word. The catalogue gives no limit, so none is
            // invented: the course says the total is unchecked.
            warnings.append("'\(preparation.id)' gives no most a session (max-per-session): nothing here checks the session's "
                + "up to \(SessionDose.millilitres(dose.volume.upperBound)) against a limit; check the surfaces given and judge the total")
        }
        if dose.isCapped {
            warnings.append("a region's points reach \(SessionDose.pointLimit), where they are counted no further: the points and volumes shown are not the formula's; check the preparation's spacing (\(dose.dosing.spacing))")
        }
        if !dose.regionsWithoutSurface.isEmpty {
            warnings.append("no surface given for " + dose.regionsWithoutSurface.map { "'\($0)'" }.joined(separator: ", ")
                + ": its dose is not counted in the session's total")
        }
        return warnings
    }

    /// Throws when the concern, a condition or the region is wrong for this plugin, or an
    /// allergy is too vague to screen with (`IngredientTerm/isVague`).
    package func check(_ request: CourseRequest, vocabulary: Vocabulary) throws(CourseRequestError) {
        let indications = Array(vocabulary.indications.keys)
        guard vocabulary.indications[request.concern] != nil else {
            throw .unknownWord("concern", request.concern, known: indications)
        }
        let served = indications.filter { plugin.serves($0, in: vocabulary) }
        guard served.contains(request.concern) else {
            var text = "the \(plugin.id) plugin does not plan courses for '\(request.concern)'"
            if let suggestion = Suggestions.suggestion(for: request.concern, in: served) { text += "; did you mean '\(suggestion)'?" }
            text += " (it plans: \(served.joined(separator: ", ")))"
            throw CourseRequestError(text)
        }
        for (index, treated) in request.regions.enumerated() {
            guard plugin.regions.contains(treated.region) else {
                throw CourseRequestError("region '\(treated.region)' is not planned by the \(plugin.id) plugin (its regions: \(plugin.regions.map(\.rawValue).joined(separator: ", ")))")
            }
            if request.regions[..<index].contains(where: { $0.region == treated.region }) {
                throw CourseRequestError("region '\(treated.region)' is given twice: give each region once, with its whole surface")
            }
        }
        if request.regions.isEmpty, plugin.needsRegion {
            throw CourseRequestError("the \(plugin.id) plugin needs the regions to treat: give --region, one or more of \(plugin.regions.map(\.rawValue).joined(separator: ", "))")
        }
        let conditions = Array(vocabulary.conditions.keys)
        for condition in request.conditions where vocabulary.conditions[condition] == nil {
            throw .unknownWord("condition", condition, known: conditions)
        }
        for allergy in request.allergies {
            // A control character (or a line separator) reads as nothing on the screen
            // ("hyaluronic" with a stray escape) but splits the words, so the allergy would match no ingredient and only
            // warn: the screening word is refused instead, as an unknown word is.
            if allergy.unicodeScalars.contains(where: { TerminalScalars.acts($0) || TerminalScalars.separatesLines($0) }) {
                throw CourseRequestError("the allergy '\(allergy)' holds a control character, which no ingredient's name has: type the allergy without it")
            }
            if let problem = IngredientTerm(allergy).vaguenessProblem(as: "the allergy") { throw CourseRequestError(problem) }
        }
    }
}

extension Region {
    /// The region named `word` (case-insensitive), or an error naming the nearest region.
    package static func named(_ word: String) throws(CourseRequestError) -> Region {
        do { return try Query.region(named: word) } catch { throw CourseRequestError(error) }
    }
}
