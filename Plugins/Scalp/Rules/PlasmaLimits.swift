import PreparationRegistry

extension ScalpPlugin {
    /// The patient's own plasma: left out with platelet or clotting disorders or infection at
    /// the site, whatever the entry lists; its practice dose a square centimetre and a session
    /// stated, and a course beyond them warned of.
    package static let plasmaLimits = PlanningRule(
        id: "scalp-plasma-limits",
        area: "scalp",
        rationale: "Platelet-rich plasma is left out with platelet dysfunction or infection at the site. It is given at 0.05-0.1 mL a square centimetre on a 1 cm grid, 5-7 mL a session (practice). A preparation holding autologous plasma (of that class, or by one of its names) is left out when a given condition names a platelet, clotting or bleeding disorder or an infection (by a word of its slug: platelet, thrombocytopenia, clotting, coagulation, coagulopathy, bleeding, haemophilia, Willebrand, infection, folliculitis, abscess, cellulitis), whether or not its entry lists the condition; a course of one warns when its entry gives more than 0.1 mL a square centimetre (its most a point over its closest spacing squared) or a session could take more than 7 mL.",
        source: "Medscape, platelet-rich plasma contraindications (project domain notes); Stevens and Khetarpal 2019 (practice summary)",
        triggeringExamples: [
            .init("Pattern hair loss with a clotting disorder: the plasma entry that does not list it is left out", CourseRequest(
                concern: "androgenic-alopecia", regions: [TreatedRegion(.scalp)], conditions: ["clotting-disorder"],
                start: ScalpPlugin.exampleStart), preparations: [plasmaExample(perPoint: "0.1 ml", maxPerSession: "7 ml")]),
            .init("Pattern hair loss, 100 cm²: plasma at 0.3 ml a point, 20 ml a session", CourseRequest(
                concern: "androgenic-alopecia", regions: [TreatedRegion(.scalp, surface: Surface(squareCentimetres: 100))],
                start: ScalpPlugin.exampleStart), preparations: [plasmaExample(perPoint: "0.3 ml", maxPerSession: "20 ml")]),
        ],
        nonTriggeringExamples: [
            .init("Pattern hair loss, 60 cm²: the bundled plasma within its practice dose", CourseRequest(
                concern: "patchy-hair-loss", regions: [TreatedRegion(.scalp, surface: Surface(squareCentimetres: 60))],
                start: ScalpPlugin.exampleStart)),
        ],
        leavesOut: { preparation, request in
            // The conditions first: they are the same for every candidate, and most requests have none.
            let unsafe = request.conditions.filter(namesPlateletOrInfection)
            guard !unsafe.isEmpty, holdsPlasma(preparation) else { return nil }
            return "autologous plasma is left out with a platelet, clotting or bleeding disorder or an infection at the site: "
                + (unsafe.count == 1 ? "the condition " : "the conditions ") + unsafe.map { "'\($0)'" }.joined(separator: ", ") + " [scalp-plasma-limits]"
        },
        amends: { draft in
            guard holdsPlasma(draft.preparation), let dosing = draft.preparation.dosing else { return }
            if let density = PublishedLimits.density(dosing), density > 0.1 * (1 + 1e-9) {
                draft.warnings.append("autologous plasma at up to \(PublishedLimits.figure(density, beyond: 0.1)) ml/cm² (\(dosing.perPoint.max) a point, "
                    + "\(dosing.spacing.min) apart): practice gives 0.05-0.1 ml/cm² [scalp-plasma-limits]")
            }
            if let dose = draft.dose, dose.volume.upperBound > 7 {
                draft.warnings.append("autologous plasma: this session may take up to \(SessionDose.millilitres(dose.volume.upperBound)), "
                    + "beyond the 5-7 ml a session of practice [scalp-plasma-limits]")
            }
        }
    )

    /// A preparation holding autologous plasma: an ingredient of that class, or named so
    /// (``ProductNames/autologousPlasma``).
    static func holdsPlasma(_ preparation: Preparation) -> Bool {
        preparation.ingredients.contains(where: { $0.ingredientClass == "autologous-plasma" })
            || ProductNames.holds(preparation, ProductNames.autologousPlasma)
    }

    /// True when a condition's slug names a platelet, clotting or bleeding disorder or an
    /// infection by one of its words: the catalogue's vocabulary is the clinic's, so its words
    /// are read, erring on the side of leaving plasma out.
    static func namesPlateletOrInfection(_ condition: String) -> Bool {
        let words = ["platelet", "thrombocytopenia", "clotting", "coagulation", "coagulopathy", "bleeding", "haemophilia",
                     "hemophilia", "willebrand"]
        return ProductNames.conditionNamesInfection(condition)
            || IngredientTerm.matchWords(condition).contains { word in words.contains(word) }
    }

    /// A plasma entry that lists no contraindication, for the rule's examples.
    static func plasmaExample(perPoint: String, maxPerSession: String) -> String {
        """
        id: plasma-example
        name: Platelet-rich plasma (example)
        ingredients: [Platelet-rich plasma]
        regions: [scalp]
        indications: [androgenic-alopecia]
        techniques: [point-by-point]
        depth: 1-3 mm
        residence: 1-7 days
        protocol: [{phase: induction, sessions: 3, interval: 4 weeks}]
        dosing: {per-point: \(perPoint), spacing: 1 cm, max-per-session: \(maxPerSession)}
        evidence: label
        sources: [Rule example]

        """
    }
}
