import PreparationRegistry

extension BodyPlugin {
    /// An allergy to a local anaesthetic, or to one of them, leaves out every preparation that
    /// injects one, whatever its name: the core screens by name and class only, so an entry
    /// listing "Lidocaine" without a class escaped `--allergy 'local anaesthetic'`, while the
    /// same course said that allergy ruled the anaesthetic cream out (outside clinician review).
    package static let localAnaestheticAllergy = PlanningRule(
        id: "local-anaesthetic-allergy",
        area: "body",
        rationale: "A patient allergic to local anaesthetics, or to one of them (lidocaine, lignocaine, prilocaine, the lidocaine-prilocaine cream), must not be injected with any: a preparation holding a local anaesthetic by any of its names (lidocaine, lignocaine, prilocaine, procaine, mepivacaine, articaine, bupivacaine, ropivacaine, tetracaine and any other name ending in -caine, and brands such as Xylocaine or Marcaine) is left out, whether or not its entry gives the ingredient a class; so is it for a condition whose ingredients name one (screened as if allergic). Leaving out the other local anaesthetics for an allergy to one errs on the safe side.",
        source: "EMLA (lidocaine-prilocaine) summary of product characteristics: contraindicated in hypersensitivity to local anaesthetics of the amide type",
        triggeringExamples: [
            .init("Cellulite, allergic to local anaesthetics: a cocktail with lidocaine is left out", CourseRequest(
                concern: "cellulite", regions: [TreatedRegion(.thighs)], allergies: ["local anaesthetic"], start: BodyPlugin.exampleStart),
                preparations: [lidocaineExample]),
        ],
        nonTriggeringExamples: [
            .init("Cellulite, no allergy: the cocktail with lidocaine qualifies", CourseRequest(
                concern: "cellulite", regions: [TreatedRegion(.thighs)], start: BodyPlugin.exampleStart),
                preparations: [lidocaineExample]),
        ],
        leavesOut: { preparation, request in
            let allergies = ProductNames.localAnaestheticAllergies(of: request)
            guard !allergies.isEmpty else { return nil }
            let held = preparation.ingredients.filter(ProductNames.isLocalAnaesthetic)
            guard !held.isEmpty else { return nil }
            return "the allergy " + allergies.joined(separator: ", ") + " names a local anaesthetic, and it holds "
                + held.map { "'\($0.name)'" }.joined(separator: ", ") + ", a local anaesthetic [local-anaesthetic-allergy]"
        }
    )

    /// A body cocktail with lidocaine and no class for it, for the rule's examples.
    static let lidocaineExample = """
        id: lidocaine-cocktail-example
        name: Body cocktail with lidocaine (example)
        ingredients: [{name: Caffeine, class: lipolytic}, Lidocaine]
        regions: [thighs]
        indications: [cellulite]
        techniques: [nappage]
        depth: 2-4 mm
        residence: 1-2 weeks
        protocol: [{phase: course, sessions: 4, interval: 1 week}]
        sources: [Rule example]

        """
}
