import PreparationRegistry

extension FacePlugin {
    /// Under the chin, the no-injection zone along the jaw line.
    package static let submentalJawLine = PlanningRule(
        id: "submental-jaw-line",
        area: "face",
        rationale: "The deoxycholic acid label forbids injecting above the jaw line or within 1-1.5 cm below it, where the marginal mandibular nerve runs (injury gives an asymmetric smile). Every submental course carries that warning.",
        source: "Kybella (deoxycholic acid) US prescribing information",
        triggeringExamples: [
            .init("Double chin under the chin", CourseRequest(
                concern: "double-chin", regions: [TreatedRegion(.submental)], start: FacePlugin.exampleStart)),
        ],
        nonTriggeringExamples: [
            .init("Dehydration of the face", CourseRequest(concern: "dehydration", start: FacePlugin.exampleStart)),
        ],
        amends: { draft in
            guard draft.request.treats(.submental) else { return }
            draft.warnings.append("submental: do not inject above the jaw line or within 1-1.5 cm below it (marginal mandibular nerve) [submental-jaw-line]")
        }
    )
}
