import PreparationRegistry

extension ScarPlugin {
    /// Intralesional corticosteroid for raised scars: the published dose a square centimetre
    /// and a session, and the usual interval.
    package static let corticosteroidLimits = PlanningRule(
        id: "scar-corticosteroid-limits",
        area: "scar",
        rationale: "Intralesional corticosteroid (triamcinolone and its kin) for hypertrophic scars and keloids is given at 1-20 mg a square centimetre, 20-80 mg at most a session, usually every 4 weeks; these published figures are the ceiling wherever a corticosteroid is injected (every plugin holds to them: the scalp's patchy hair loss too). A preparation holding a corticosteroid (by one of its names or brands, or a name with a corticosteroid's stem: -asone, -olone, -onide, -betasol; several corticosteroids counted together) whose entry goes beyond 20 mg/cm² (its most a point over its closest spacing) or 80 mg a session (its max-per-session) is left out; a course of one states the limits, says when a session could take more than 80 mg (an entry giving no most a session of its own: then, without a surface, the largest surface one session may cover) or the sessions come sooner than every 4 weeks, and asks to check the limits by hand when a corticosteroid's concentration is not given in mg/ml or %.",
        source: "Dermatology 2023;239:462; CCID 2018;11:387",
        triggeringExamples: [
            .init("Keloid on the back: triamcinolone 40 mg/ml weekly, 100 cm²", CourseRequest(
                concern: "keloids", regions: [TreatedRegion(.back, surface: Surface(squareCentimetres: 100))],
                allergies: ["hyaluronidase"], start: ScarPlugin.exampleStart), preparations: [corticosteroidExample(perPoint: "0.1 ml", interval: "1 week")]),
            .init("Keloid on the back: triamcinolone at 1 ml a point, beyond 20 mg/cm²", CourseRequest(
                concern: "keloids", regions: [TreatedRegion(.back)], allergies: ["hyaluronidase"], start: ScarPlugin.exampleStart),
                preparations: [corticosteroidExample(perPoint: "1 ml", interval: "4 weeks")]),
        ],
        nonTriggeringExamples: [
            .init("Keloids: the bundled enzymatic cocktail, no corticosteroid", CourseRequest(
                concern: "keloids", regions: [TreatedRegion(.back)], start: ScarPlugin.exampleStart)),
        ],
        leavesOut: { preparation, _ in
            let strength = corticosteroidStrength(preparation)
            guard strength.mgPerMl > 0, let dosing = preparation.dosing else { return nil }
            let at = "\(figure(strength.mgPerMl)) mg/ml" + (corticosteroidCount(preparation) > 1 ? " of corticosteroid together" : "")
            var beyond: [String] = []
            if let density = PublishedLimits.density(dosing, strength: strength.mgPerMl), density > 20 {
                beyond.append("\(PublishedLimits.figure(density, beyond: 20)) mg/cm² (\(dosing.perPoint.max) a point at \(at), \(dosing.spacing.min) apart; at most 20 mg/cm²)")
            }
            if let most = dosing.maxPerSession, most.baseValue * strength.mgPerMl > 80 {
                beyond.append("\(PublishedLimits.figure(most.baseValue * strength.mgPerMl, beyond: 80)) mg a session (\(most) at \(at); at most 80 mg)")
            }
            guard !beyond.isEmpty else { return nil }
            return "beyond the published limits of intralesional corticosteroid: " + beyond.joined(separator: "; ") + " [scar-corticosteroid-limits]"
        },
        amends: { draft in
            let preparation = draft.preparation
            guard preparation.ingredients.contains(where: ProductNames.isCorticosteroid) else { return }
            draft.warnings.append("intralesional corticosteroid: 1-20 mg/cm², at most 80 mg a session, usually every 4 weeks [scar-corticosteroid-limits]")
            let strength = corticosteroidStrength(preparation)
            if strength.mgPerMl > 0 {
                let mg = figure(strength.mgPerMl)
                let limits = PublishedLimits(perSession: 80 / strength.mgPerMl)
                if let excess = limits.sessionExcess(draft.dose, allowing: "(80 mg at \(mg) mg/ml) published for a session of intralesional corticosteroid") {
                    draft.warnings.append(excess + " [scar-corticosteroid-limits]")
                }
                if let coverage = limits.sessionCoverage(preparation, dose: draft.dose) {
                    draft.warnings.append("the entry gives no most a session: within 80 mg of corticosteroid at \(mg) mg/ml, " + coverage + " [scar-corticosteroid-limits]")
                }
            }
            if strength.unstated > 0 {
                let which = strength.mgPerMl > 0 ? "a corticosteroid's concentration is not given in mg/ml or % (the figures above count only the others)"
                    : "the corticosteroid's concentration is not given in mg/ml or %"
                draft.warnings.append(which + ": check by hand that the dose stays within 20 mg/cm² and 80 mg a session [scar-corticosteroid-limits]")
            }
            if let close = preparation.phases.compactMap(\.interval).first(where: { $0.min < Quantity(4, .week) }) {
                draft.warnings.append("sessions \(close) apart: intralesional corticosteroid is usually given every 4 weeks [scar-corticosteroid-limits]")
            }
        }
    )

    /// The corticosteroids' strength in mg/ml, added up (``ProductNames/strength(of:where:)``).
    static func corticosteroidStrength(_ preparation: Preparation) -> ProductNames.Strength {
        ProductNames.strength(of: preparation, where: ProductNames.isCorticosteroid)
    }

    /// How many of `preparation`'s ingredients are corticosteroids.
    private static func corticosteroidCount(_ preparation: Preparation) -> Int {
        preparation.ingredients.count(where: ProductNames.isCorticosteroid)
    }

    private static func figure(_ value: Double) -> String { PublishedLimits.figure(value) }

    /// A triamcinolone entry for the rule's examples (the bundled catalogue holds none).
    static func corticosteroidExample(perPoint: String, interval: String) -> String {
        """
        id: triamcinolone-keloid-example
        name: Triamcinolone for keloids (example)
        ingredients: [{name: Triamcinolone acetonide, class: drug, concentration: 40 mg/ml}]
        regions: [back]
        indications: [keloids]
        techniques: [point-by-point]
        depth: 1-4 mm
        residence: 2-4 weeks
        protocol: [{phase: course, sessions: 3, interval: \(interval)}]
        dosing: {per-point: \(perPoint), spacing: 1 cm}
        sources: [Rule example]

        """
    }
}
