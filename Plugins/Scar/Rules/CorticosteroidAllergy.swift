import PreparationRegistry

extension ScarPlugin {
    /// An allergy to corticosteroids, or to one of them, leaves out every preparation that
    /// injects one, whatever its name: the core screens by name and class only, so
    /// `--allergy corticosteroid` planned triamcinolone (an entry of class `drug`), while the
    /// same course called it an intralesional corticosteroid (outside clinician review).
    package static let corticosteroidAllergy = PlanningRule(
        id: "corticosteroid-allergy",
        area: "scar",
        rationale: "A patient allergic to corticosteroids, or to one of them, is not injected with one: a preparation holding a corticosteroid by any of its names (triamcinolone, betamethasone, dexamethasone, methylprednisolone, hydrocortisone and their brands, or a name with a corticosteroid's stem: -asone, -olone, -onide, -betasol) is left out when an allergy names corticosteroids (corticosteroid, corticoid, glucocorticoid, steroid) or one of them, whether or not its entry gives the ingredient a class; so is it for a condition whose ingredients name one (screened as if allergic). Leaving out the other corticosteroids for an allergy to one errs on the safe side.",
        source: "Catalogue format 1.1, section 6 (an allergy leaves out a preparation holding what it names); the corticosteroids injected into scars: Dermatology 2023;239:462",
        triggeringExamples: [
            .init("Keloid, allergic to corticosteroids: triamcinolone (class drug) is left out", CourseRequest(
                concern: "keloids", regions: [TreatedRegion(.back)], allergies: ["corticosteroid", "hyaluronidase"], start: ScarPlugin.exampleStart),
                preparations: [corticosteroidExample(perPoint: "0.1 ml", interval: "4 weeks")]),
        ],
        nonTriggeringExamples: [
            .init("Keloid, allergic to hyaluronidase alone: triamcinolone qualifies", CourseRequest(
                concern: "keloids", regions: [TreatedRegion(.back)], allergies: ["hyaluronidase"], start: ScarPlugin.exampleStart),
                preparations: [corticosteroidExample(perPoint: "0.1 ml", interval: "4 weeks")]),
        ],
        leavesOut: { preparation, request in
            let allergies = corticosteroidAllergies(of: request)
            guard !allergies.isEmpty else { return nil }
            let held = preparation.ingredients.filter(ProductNames.isCorticosteroid)
            guard !held.isEmpty else { return nil }
            return "the allergy " + allergies.joined(separator: ", ") + " names a corticosteroid, and it holds "
                + held.map { "'\($0.name)'" }.joined(separator: ", ") + ", a corticosteroid [corticosteroid-allergy]"
        }
    )

    /// The request's allergies that name a corticosteroid or their class, and the ingredients
    /// its conditions name that do (screened as if allergic, format 1.1), quoted for a message.
    static func corticosteroidAllergies(of request: CourseRequest) -> [String] {
        ProductNames.allergies(of: request, naming: namesCorticosteroid)
    }

    /// True when `allergy` names a corticosteroid (``ProductNames/isCorticosteroid(_:)``, read
    /// as an ingredient's name: `triamcinolone`, `Kenalog`, `corticosteroids`, `clobetasol`).
    static func namesCorticosteroid(_ allergy: String) -> Bool {
        ProductNames.isCorticosteroid(Ingredient(name: allergy))
    }
}
