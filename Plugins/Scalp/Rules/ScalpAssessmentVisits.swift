import PreparationRegistry

extension ScalpPlugin {
    /// Hair-loss courses are judged on standardised photos and trichoscopy at baseline and
    /// about 3 and 6 months later; maintenance starts only after the 3-month assessment.
    package static let assessmentVisits = PlanningRule(
        id: "scalp-assessment-visits",
        area: "scalp",
        rationale: "Hair-loss trials judge the response on standardised photos and trichoscopy at baseline and about 3 and 6 months later. The course plans those three assessments (the 3- and 6-month ones within two weeks either side), and the maintenance phase (the first later phase that repeats or is named like maintenance) starts only after the 3-month assessment: a decision point, since maintenance is worth it only when hair loss has responded. When the phase's own window ends before the assessment, its later sessions before the assessment are named in a warning and a note each. A protocol whose only repeating phase is its first goes on past the 3-month assessment only if it shows a response: its first session after the assessment is the decision point.",
        source: "J Clin Aesthet Dermatol 2023;16(12):39; J Cutan Aesthet Surg 2021;14:184; Stevens and Khetarpal 2019",
        triggeringExamples: [
            .init("Pattern hair loss: assessments at the first session, 3 and 6 months", CourseRequest(
                concern: "androgenic-alopecia", start: ScalpPlugin.exampleStart)),
            .init("Patchy hair loss: maintenance plasma after the 3-month assessment", CourseRequest(
                concern: "patchy-hair-loss", start: ScalpPlugin.exampleStart)),
        ],
        nonTriggeringExamples: [
            .init("Pregnancy rules out every preparation: no course, no visit", CourseRequest(
                concern: "androgenic-alopecia", conditions: ["pregnancy"], start: ScalpPlugin.exampleStart)),
        ],
        holds: { preparation, request in
            guard let phase = maintenancePhase(of: preparation) else { return [] }
            let assessment = request.start.adding(months: 3)
            return [PlanningRule.Hold(phase: phase, notBefore: assessment,
                                      reason: "maintenance starts only after the 3-month assessment (\(assessment))")]
        },
        amends: { draft in
            guard let first = draft.sessions.first else { return }
            let purpose = "standardised photos and trichoscopy"
            draft.visits.append(Visit(kind: .assessment, date: first.date, earliest: first.date, latest: first.date,
                                      purpose: "\(purpose): the baseline, before the first session", rule: "scalp-assessment-visits"))
            let assessment = first.date.adding(months: 3)
            let maintenance = maintenancePhase(of: draft.preparation)
            // Without a maintenance phase, the first session of a repeating phase after the
            // assessment decides (an outside review: one monthly repeating phase went on for a
            // year without one); a fixed protocol's own sessions are left to end as published.
            let repeating = Set(draft.preparation.phases.filter(\.repeats).map(\.name))
            let goesOn = maintenance == nil
                ? draft.sessions.firstIndex { $0.date > assessment && repeating.contains($0.phase) } : nil
            for months in [3, 6] {
                let date = first.date.adding(months: months)
                var purpose = "\(purpose) at about \(months) months: the response to the course"
                if months == 3, maintenance != nil {
                    purpose += "; maintenance continues only if hair loss has responded"
                } else if months == 3, goesOn != nil {
                    purpose += "; the course goes on only if hair loss has responded"
                }
                draft.visits.append(Visit(kind: .assessment, date: date, earliest: date.adding(days: -14),
                                          latest: date.adding(days: 14), purpose: purpose, rule: "scalp-assessment-visits"))
            }
            if let goesOn {
                draft.sessions[goesOn].notes.append("decision point: the course goes on past the 3-month assessment (\(assessment)) only if it shows a response [scalp-assessment-visits]")
            }
            if let phase = maintenance,
               let index = draft.sessions.firstIndex(where: { $0.phase == draft.preparation.phases[phase].name }) {
                draft.sessions[index].notes.append("decision point: maintenance starts only if the 3-month assessment (\(assessment)) shows a response [scalp-assessment-visits]")
                // When the phase's window ends before the assessment, its later sessions come
                // before the decision too (an outside review: four maintenance sessions, only
                // the first noted).
                let early = draft.sessions.indices.filter { $0 > index && draft.sessions[$0].date < assessment }
                if let last = early.last {
                    for later in early {
                        draft.sessions[later].notes.append("before the 3-month assessment (\(assessment)): give it only if the practitioner accepts maintenance before the response is judged [scalp-assessment-visits]")
                    }
                    draft.warnings.append("sessions \(draft.sessions[index].number)-\(draft.sessions[last].number) of phase '\(draft.sessions[index].phase)' all fall before "
                        + "the 3-month assessment (\(assessment)): maintenance is worth it only once hair loss has responded; hold them until then, leaving the protocol's window, or plan them only if the practitioner accepts that [scalp-assessment-visits]")
                }
            }
        }
    )

    /// The index of the maintenance phase: the first phase after the first that repeats or is
    /// named like maintenance (`maintenance`, `booster`, `top-up`...); nil when there is none.
    static func maintenancePhase(of preparation: Preparation) -> Int? {
        preparation.phases.indices.dropFirst().first { index in
            let phase = preparation.phases[index]
            return phase.repeats || LintRules.isMaintenanceLike(phase.name)
        }
    }
}
