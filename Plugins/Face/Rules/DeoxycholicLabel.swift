import PreparationRegistry

extension FacePlugin {
    /// Deoxycholic acid on its own (the labelled submental product): the label's dose and
    /// schedule.
    package static let deoxycholicLabel = PlanningRule(
        id: "submental-deoxycholic-label",
        area: "face",
        rationale: "The deoxycholic acid 10 mg/mL label gives 0.2 mL a site on a 1 cm grid, at most 10 mL a session, and at most 6 sessions at least 1 month apart. A preparation of deoxycholic acid without phosphatidylcholine whose catalogue entry goes beyond any of these (more a point or a session, more sessions, sessions closer together) is left out; a course of one within them states the limits.",
        source: "Kybella (deoxycholic acid) US prescribing information",
        triggeringExamples: [
            .init("Double chin: the labelled deoxycholic acid, with the label's limits stated", CourseRequest(
                concern: "double-chin", regions: [TreatedRegion(.submental)], start: FacePlugin.exampleStart)),
        ],
        nonTriggeringExamples: [
            .init("Dehydration of the face: no deoxycholic acid", CourseRequest(concern: "dehydration", start: FacePlugin.exampleStart)),
        ],
        leavesOut: { preparation, _ in
            guard isDeoxycholicAlone(preparation) else { return nil }
            let beyond = deoxycholicLimits.excesses(of: preparation)
            guard !beyond.isEmpty else { return nil }
            return "beyond the deoxycholic acid label: " + beyond.joined(separator: "; ") + " [submental-deoxycholic-label]"
        },
        amends: { draft in
            guard isDeoxycholicAlone(draft.preparation) else { return }
            draft.warnings.append("deoxycholic acid (label): 0.2 ml a site 1 cm apart, at most 10 ml a session, at most 6 sessions at least 1 month apart [submental-deoxycholic-label]")
        }
    )

    /// The label's limits: 0.2 ml a site, 10 ml a session, 6 sessions at least 1 month apart.
    static let deoxycholicLimits = PublishedLimits(perPoint: 0.2, perSession: 10, sessions: 6, interval: Quantity(1, .month))

    /// Deoxycholic acid (or a salt of it) without phosphatidylcholine: the labelled product,
    /// not an injection lipolysis mixture (the body plugin's `body-lipolysis-limits`).
    static func isDeoxycholicAlone(_ preparation: Preparation) -> Bool {
        let ingredients = preparation.ingredients
        return ingredients.contains(where: IngredientTerm("deoxycholic acid").matches)
            && !ingredients.contains(where: IngredientTerm("phosphatidylcholine").matches)
    }
}
