import PreparationRegistry

extension ScarPlugin {
    /// A patient who forms keloids: needling outside the scar can start new ones.
    package static let keloidTendency = PlanningRule(
        id: "scar-keloid-tendency",
        area: "scar",
        rationale: "Keloids recur in about a third of patients within a year, and in a patient prone to them any needle puncture can start a new lesion. When the request records the condition keloid-tendency, the course warns to inject only within the scar.",
        source: "Dermatology 2023;239:462; Clin Cosmet Investig Dermatol 2018;11:387",
        triggeringExamples: [
            .init("Keloids in a patient prone to them", CourseRequest(
                concern: "keloids", conditions: ["keloid-tendency"], start: ScarPlugin.exampleStart)),
        ],
        nonTriggeringExamples: [
            .init("Keloids, no condition recorded", CourseRequest(concern: "keloids", start: ScarPlugin.exampleStart)),
        ],
        amends: { draft in
            guard draft.request.conditions.contains("keloid-tendency"), draft.treatsScar else { return }
            draft.warnings.append("the patient tends to form keloids: needling outside the scar can provoke new lesions; inject only within it [scar-keloid-tendency]")
        }
    )
}
