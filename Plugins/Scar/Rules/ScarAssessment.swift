import PreparationRegistry

extension ScarPlugin {
    /// The scar is assessed on a scale at every session.
    package static let assessmentEachSession = PlanningRule(
        id: "scar-assessment-each-session",
        area: "scar",
        rationale: "Scar treatments are dosed by the scar's surface and adjusted to its response, so each session starts with an assessment of the scar on a recorded scale (Vancouver Scar Scale or POSAS). The surface given with --region is the scar's.",
        source: "Dermatology 2023;239:462; Clin Cosmet Investig Dermatol 2018;11:387",
        triggeringExamples: [
            .init("Stretch marks on the thighs", CourseRequest(
                concern: "stretch-marks", regions: [TreatedRegion(.thighs)], start: ScarPlugin.exampleStart)),
        ],
        nonTriggeringExamples: [
            .init("Pregnancy rules out every stretch-mark preparation: no course, no assessment", CourseRequest(
                concern: "stretch-marks", conditions: ["pregnancy"], start: ScarPlugin.exampleStart)),
        ],
        amends: { draft in
            guard draft.treatsScar else { return }
            for session in draft.sessions {
                draft.visits.append(Visit(
                    kind: .assessment, date: session.date, earliest: session.date, latest: session.date,
                    purpose: "assess the scar before session \(session.number) (Vancouver Scar Scale or POSAS) and record it",
                    rule: "scar-assessment-each-session"))
            }
        }
    )
}
