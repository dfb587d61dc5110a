import PreparationRegistry

extension BodyPlugin {
    /// Injection lipolysis with phosphatidylcholine and deoxycholate: the published dose a
    /// point and gap between sittings.
    package static let lipolysisLimits = PlanningRule(
        id: "body-lipolysis-limits",
        area: "body",
        rationale: "Injection lipolysis with phosphatidylcholine and deoxycholate is given at most 0.3 mL a point, with at least 4 weeks between sittings. A preparation holding both whose catalogue entry goes beyond either is left out; a course of one within them states the limits.",
        source: "Thomas 2016, PRS Global Open 4:e861; Thomas 2018, JCAS 11:222",
        triggeringExamples: [
            .init("Fat on the abdomen: phosphatidylcholine and deoxycholate, with the limits stated", CourseRequest(
                concern: "localized-fat", regions: [TreatedRegion(.abdomen)], start: BodyPlugin.exampleStart)),
        ],
        nonTriggeringExamples: [
            .init("Dry skin of the hands: no lipolysis mixture is used there", CourseRequest(
                concern: "dehydration", regions: [TreatedRegion(.hands)], start: BodyPlugin.exampleStart)),
        ],
        leavesOut: { preparation, _ in
            guard isLipolysisMixture(preparation) else { return nil }
            let beyond = lipolysisLimitFigures.excesses(of: preparation)
            guard !beyond.isEmpty else { return nil }
            return "beyond the published limits of injection lipolysis: " + beyond.joined(separator: "; ") + " [body-lipolysis-limits]"
        },
        amends: { draft in
            guard isLipolysisMixture(draft.preparation) else { return }
            draft.warnings.append("injection lipolysis (phosphatidylcholine and deoxycholate): at most 0.3 ml a point, at least 4 weeks between sittings [body-lipolysis-limits]")
        }
    )

    /// The published limits: 0.3 ml a point, 4 weeks between sittings.
    static let lipolysisLimitFigures = PublishedLimits(perPoint: 0.3, interval: Quantity(4, .week))

    /// A preparation holding both phosphatidylcholine and deoxycholate (or deoxycholic acid),
    /// by any of their names (``ProductNames``).
    static func isLipolysisMixture(_ preparation: Preparation) -> Bool {
        ProductNames.holds(preparation, ProductNames.phosphatidylcholine) && ProductNames.holds(preparation, ProductNames.deoxycholate)
    }
}
