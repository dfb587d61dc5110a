import PreparationRegistry

extension BodyPlugin {
    /// A follow-up 3-4 weeks after every body session, when late mycobacterial infections show.
    package static let infectionFollowUp = PlanningRule(
        id: "body-infection-follow-up",
        area: "body",
        rationale: "Non-tuberculous mycobacterial infection is the best-documented serious complication of body mesotherapy (mostly abdomen, buttocks and thighs), with a median onset about 28 days after the injection: later than any session's own check. Every body session gets a follow-up visit 3-4 weeks after it to look at the injection sites.",
        source: "Int J Womens Dermatol 2022 e059 (systematic review, 423 patients); Int J Infect Dis 2024;149:107259",
        triggeringExamples: [
            .init("Fat on the abdomen: a follow-up after each session", CourseRequest(
                concern: "localized-fat", regions: [TreatedRegion(.abdomen)], start: BodyPlugin.exampleStart)),
        ],
        nonTriggeringExamples: [
            .init("No preparation qualifies on the hands for fat: no course, no follow-up", CourseRequest(
                concern: "localized-fat", regions: [TreatedRegion(.hands)], start: BodyPlugin.exampleStart)),
        ],
        amends: { draft in
            // Body regions only (the scar plugin shares the rule).
            guard draft.request.regions.contains(where: { Area.body.regions.contains($0.region) }) else { return }
            for session in draft.sessions {
                draft.visits.append(Visit(
                    kind: .followUp, date: session.date.adding(days: 21), earliest: session.date.adding(days: 21),
                    latest: session.date.adding(days: 28),
                    purpose: "check the sites of session \(session.number) for a late infection (non-tuberculous mycobacteria: median onset about 28 days after injection)",
                    rule: "body-infection-follow-up"))
            }
        }
    )
}
