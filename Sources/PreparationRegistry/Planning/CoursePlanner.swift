/// The shared planning pipeline every plugin uses by default: check the request's words,
/// select and rank candidates (``Candidates``), date the chosen preparation's protocol
/// (``Scheduler``), and gather the warnings.
public struct CoursePlanner<Plugin: CoursePlugin>: Sendable {
    /// The plugin planning.
    public let plugin: Plugin

    /// A planner for `plugin`.
    public init(plugin: Plugin) { self.plugin = plugin }

    /// Plans `request`, or refuses with every candidate's reasons.
    public func plan(_ request: CourseRequest, using registry: Registry) throws(CourseRequestError) -> CourseOutcome {
        try check(request, vocabulary: registry.vocabulary)
        let catalogue = CatalogueIdentity(registry.manifest)
        let selection = Candidates.select(for: request, plugin: plugin, in: registry)
        guard let chosen = selection.ranked.first else {
            return .refused(CourseRefusal(plugin: plugin.id, request: request, excluded: selection.excluded,
                                          catalogue: catalogue))
        }
        var excluded = selection.excluded
        for other in selection.ranked.dropFirst() {
            excluded.append(Exclusion(preparation: other.id,
                                      reasons: [Candidates.rankingReason(other, below: chosen, concern: request.concern)]))
        }
        excluded.sort { $0.preparation < $1.preparation }
        let schedule = Scheduler.schedule(chosen.phases, avoiding: chosen.avoidSeasons,
                                          request: request, counts: plugin.sessionCounts)
        var warnings = schedule.warnings
        let known = Array(registry.vocabulary.ingredientClasses.keys) + registry.index.ingredientNames
        for allergy in request.allergies where !Candidates.allergyMatchesAnything(allergy, in: registry) {
            var text = "the allergy '\(allergy)' matches no ingredient name or class in the catalogue"
            if let suggestion = UnknownValue(kind: "ingredient", value: allergy, known: known).suggestion {
                text += "; did you mean '\(suggestion)'?"
            }
            warnings.append(text)
        }
        return .planned(Course(plugin: plugin.id, request: request, preparation: chosen,
                               technique: chosen.techniques.first ?? .nappage, sessions: schedule.sessions,
                               warnings: warnings, excluded: excluded, isComplete: schedule.isComplete,
                               screening: Screening.checks(for: chosen, vocabulary: registry.vocabulary),
                               catalogue: catalogue))
    }

    /// Throws when the concern, a condition or the region is wrong for this plugin, or an
    /// allergy is too vague to screen with (``IngredientTerm/isVague``).
    public func check(_ request: CourseRequest, vocabulary: Vocabulary) throws(CourseRequestError) {
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
        if let region = request.region {
            guard plugin.regions.contains(region) else {
                throw CourseRequestError("region '\(region)' is not planned by the \(plugin.id) plugin (its regions: \(plugin.regions.map(\.rawValue).joined(separator: ", ")))")
            }
        } else if plugin.needsRegion {
            throw CourseRequestError("the \(plugin.id) plugin plans one region at a time: give --region, one of \(plugin.regions.map(\.rawValue).joined(separator: ", "))")
        }
        let conditions = Array(vocabulary.conditions.keys)
        for condition in request.conditions where vocabulary.conditions[condition] == nil {
            throw .unknownWord("condition", condition, known: conditions)
        }
        for allergy in request.allergies {
            if let problem = IngredientTerm(allergy).vaguenessProblem(as: "the allergy") { throw CourseRequestError(problem) }
        }
    }
}

extension Region {
    /// The region named `word` (case-insensitive), or an error naming the nearest region.
    public static func named(_ word: String) throws(CourseRequestError) -> Region {
        do { return try Query.region(named: word) } catch { throw CourseRequestError(error) }
    }
}
