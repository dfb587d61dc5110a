import PreparationRegistry

extension BodyPlugin {
    /// An assessment 8 weeks after the last session of an injection lipolysis with
    /// phosphatidylcholine and deoxycholate.
    package static let lipolysisAssessment = PlanningRule(
        id: "body-lipolysis-assessment",
        area: "body",
        rationale: "Injection lipolysis with phosphatidylcholine and deoxycholate works slowly: the trials gave about 4 sessions and assessed the result 8 weeks after the last one. A course of a preparation holding both gets an assessment visit then (after the last session of the phases that do not repeat), before any further course is planned; sessions of a repeating (maintenance) phase that fall before it are named in a warning and a note.",
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
            // The treatment is the phases that do not repeat; a repeating (maintenance) phase is
            // the "more" the assessment comes before: an outside review saw nine sittings, the
            // five maintenance ones included, before the first assessment.
            let repeating = Set(draft.preparation.phases.filter(\.repeats).map(\.name))
            // A protocol of one repeating phase: its first round is the treatment (an outside
            // re-check saw 40 sittings before the first assessment).
            let treated = draft.sessions.last { !repeating.contains($0.phase) }
                ?? draft.sessions.last { $0.cycle <= 1 } ?? last
            let date = treated.date.adding(days: 56)
            draft.visits.append(Visit(
                kind: .assessment, date: date, earliest: date, latest: date,
                purpose: "assess the result 8 weeks after the last session (session \(treated.number)), before planning more",
                rule: "body-lipolysis-assessment"))
            let early = draft.sessions.indices.filter { draft.sessions[$0].number > treated.number && draft.sessions[$0].date < date }
            guard let first = early.first, let lastEarly = early.last else { return }
            for index in early {
                draft.sessions[index].notes.append("comes before the assessment of \(date): give it only once the result is judged [body-lipolysis-assessment]")
            }
            let numbers = early.count == 1 ? "session \(draft.sessions[first].number)"
                : "sessions \(draft.sessions[first].number)-\(draft.sessions[lastEarly].number)"
            draft.warnings.append("\(numbers) (phase '\(draft.sessions[first].phase)') \(early.count == 1 ? "falls" : "fall") before the assessment of \(date), 8 weeks after the last "
                + "session of the treatment (session \(treated.number)): the trials assessed before any further sessions; move them after it, or plan them only once the result is judged [body-lipolysis-assessment]")
        }
    )
}
