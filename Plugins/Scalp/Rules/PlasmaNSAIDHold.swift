import PreparationRegistry

extension ScalpPlugin {
    /// A warning, for a course of the patient's own plasma, to hold anti-inflammatory drugs before each session.
    package static let plasmaNSAIDHold = PlanningRule(
        id: "scalp-plasma-nsaid-hold",
        area: "scalp",
        rationale: "Platelet-rich plasma works through the patient's own platelets, which non-steroidal anti-inflammatory drugs (NSAIDs) blunt; the patient holds them for 48 hours before each session (a relative contraindication). A course of a preparation holding autologous plasma (of that class, or named platelet-rich plasma, autologous plasma or PRP) says so.",
        source: "Medscape, platelet-rich plasma contraindications (project domain notes)",
        triggeringExamples: [
            .init("Patchy hair loss: plasma", CourseRequest(concern: "patchy-hair-loss", start: ScalpPlugin.exampleStart)),
        ],
        nonTriggeringExamples: [
            .init("Pattern hair loss: dutasteride, no plasma", CourseRequest(concern: "androgenic-alopecia", start: ScalpPlugin.exampleStart)),
        ],
        amends: { draft in
            guard holdsPlasma(draft.preparation) else { return }
            draft.warnings.append("autologous plasma: the patient holds non-steroidal anti-inflammatory drugs (NSAIDs) for 48 hours before each session, since they blunt the platelets it relies on (relative) [scalp-plasma-nsaid-hold]")
        }
    )
}
