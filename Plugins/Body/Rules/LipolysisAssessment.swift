import PreparationRegistry

extension BodyPlugin {
    /// An assessment 8 weeks after the last session of an injection lipolysis with
    /// phosphatidylcholine and deoxycholate.
    package static let lipolysisAssessment = PlanningRule(
        id: "body-lipolysis-assessment",
        area: "body",
        rationale: "Injection lipolysis with phosphatidylcholine and deoxycholate works slowly: the trials gave about 4 sessions and assessed the result 8 weeks after the last one. A course of a preparation holding both gets an assessment visit then, before any further course is planned.",
        source: "Thomas 2016, PRS Global Open 4:e861; Thomas 2018, JCAS 11:222",
        triggeringExamples: [
            .init("Fat on the abdomen: phosphatidylcholine and deoxycholate", CourseRequest(
                concern: "localized-fat", regions: [TreatedRegion(.abdomen)], start: BodyPlugin.exampleStart)),
        ],
        nonTriggeringExamples: [
            .init("Fat on the abdomen, soy allergy: carnitine and caffeine instead", CourseRequest(
                concern: "localized-fat", regions: [TreatedRegion(.abdomen)], conditions: ["soy-allergy"],
                start: BodyPlugin.exampleStart)),
        ],
        amends: { draft in
            guard isLipolysisMixture(draft.preparation), let last = draft.sessions.last else { return }
            let date = last.date.adding(days: 56)
            draft.visits.append(Visit(
                kind: .assessment, date: date, earliest: date, latest: date,
                purpose: "assess the result 8 weeks after the last session (session \(last.number)), before planning more",
                rule: "body-lipolysis-assessment"))
        }
    )
}
