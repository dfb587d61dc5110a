import FoundationEssentials
import PreparationRegistry

extension BodyPlugin {
    /// The most skin an adult may cover with lidocaine-prilocaine cream at once.
    static let anaestheticSurfaceLimit: Decimal = 600

    /// A warning when the session's treated surface is more than a topical anaesthetic may cover.
    package static let anaestheticSurface = PlanningRule(
        id: "body-anaesthetic-surface",
        area: "body",
        rationale: "Body sessions often treat large surfaces under a topical anaesthetic; lidocaine-prilocaine cream may cover at most 600 cm² in an adult (at most 60 g). When the surfaces given for a session add up to more, the course says so: numb the regions in turns, or plan another anaesthesia (only another, when the patient is allergic to lidocaine, prilocaine or local anaesthetics). With such an allergy, a body course says the cream is ruled out whatever the surface.",
        source: "EMLA (lidocaine-prilocaine) summary of product characteristics",
        triggeringExamples: [
            .init("Abdomen and flanks, 700 cm² in all", CourseRequest(
                concern: "localized-fat",
                regions: [TreatedRegion(.abdomen, surface: Surface(squareCentimetres: 400)),
                          TreatedRegion(.flanks, surface: Surface(squareCentimetres: 300))],
                start: BodyPlugin.exampleStart)),
        ],
        nonTriggeringExamples: [
            .init("The abdomen, 400 cm²", CourseRequest(
                concern: "localized-fat", regions: [TreatedRegion(.abdomen, surface: Surface(squareCentimetres: 400))],
                start: BodyPlugin.exampleStart)),
            .init("The abdomen, no surface given", CourseRequest(
                concern: "localized-fat", regions: [TreatedRegion(.abdomen)], start: BodyPlugin.exampleStart)),
        ],
        amends: { draft in
            let total = draft.request.regions.compactMap(\.surface).reduce(Decimal(0)) { $0 + $1.squareCentimetres }
            // The advice names the cream: with an allergy to what it holds, it must not (an
            // outside review: `--allergy lidocaine` was still told to numb with the cream; and,
            // within 600 cm², was not told the cream is ruled out at all).
            let allergies = ProductNames.localAnaestheticAllergies(of: draft.request)
            guard total > anaestheticSurfaceLimit, let surface = Surface(squareCentimetres: total) else {
                if !allergies.isEmpty {
                    draft.warnings.append("the allergy " + allergies.joined(separator: ", ")
                        + " rules out numbing with lidocaine-prilocaine cream: plan another anaesthesia [body-anaesthetic-surface]")
                }
                return
            }
            if allergies.isEmpty {
                draft.warnings.append("the treated surface (\(surface)) is more than lidocaine-prilocaine cream may cover in an adult (600 cm², at most 60 g): numb the regions in turns or plan another anaesthesia [body-anaesthetic-surface]")
            } else {
                draft.warnings.append("the treated surface (\(surface)) is more than lidocaine-prilocaine cream may cover in an adult (600 cm², at most 60 g), and the allergy "
                    + allergies.joined(separator: ", ") + " rules the cream out: plan another anaesthesia [body-anaesthetic-surface]")
            }
        }
    )
}
