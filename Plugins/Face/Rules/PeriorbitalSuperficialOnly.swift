import PreparationRegistry

extension FacePlugin {
    /// The techniques that work superficially enough for the skin around the eyes.
    static let superficialTechniques: [Technique] = [.epidermal, .nappage, .micropapules]

    /// The deepest a superficial intradermal injection goes: papules are placed 1-2 mm deep
    /// (DOMAIN, depth by technique), the deepest of the superficial techniques.
    static let superficialDepthLimit = 2

    /// Around the eyes, only superficial work: preparations without a superficial technique,
    /// deposited deeper than 1 mm at the least, or reaching deeper than 2 mm, are left out, and the course plans the
    /// first superficial technique the preparation lists.
    package static let periorbitalSuperficialOnly = PlanningRule(
        id: "periorbital-superficial-only",
        area: "face",
        rationale: "Periorbital skin is the thinnest of the face: published periorbital protocols inject superficially (intradermal micro-depots), and boosters are not for the lower lid with oedema or thin skin. A periorbital request leaves out preparations that list none of the superficial techniques (epidermal, nappage, micropapules), whose depth starts deeper than 1 mm, or whose depth reaches deeper than 2 mm (papules, the deepest superficial technique, are placed 1-2 mm deep), plans the first superficial technique listed, and reminds the practitioner to check the lower lid.",
        source: "EyeWiki, Periorbital polynucleotide injections; Restylane Vital instructions for use",
        triggeringExamples: [
            .init("Periorbital lines: polynucleotides, planned with micropapules", CourseRequest(
                concern: "wrinkles", regions: [TreatedRegion(.periorbital)], start: FacePlugin.exampleStart)),
            .init("Filler correction around the eyes: hyaluronidase is injected point by point, too deep for the periorbital rule",
                  CourseRequest(concern: "filler-overcorrection", regions: [TreatedRegion(.periorbital)], start: FacePlugin.exampleStart)),
        ],
        nonTriggeringExamples: [
            .init("A face request does not concern the eyes", CourseRequest(
                concern: "filler-overcorrection", regions: [TreatedRegion(.face)], start: FacePlugin.exampleStart)),
        ],
        leavesOut: { preparation, request in
            guard request.treats(.periorbital) else { return nil }
            // Every way the entry is too deep, not only the first (an outside review saw one of two).
            var problems: [String] = []
            if !preparation.techniques.contains(where: superficialTechniques.contains) {
                problems.append("lists none of epidermal, nappage, micropapules (lists \(preparation.techniques.map(\.rawValue).joined(separator: ", ")))")
            }
            if preparation.depth.min.baseValue > 1 {
                problems.append("deposited at \(preparation.depth), deeper than 1 mm at the least")
            } else if preparation.depth.max.baseValue > Double(superficialDepthLimit) {
                problems.append("deposited at \(preparation.depth), reaching deeper than \(superficialDepthLimit) mm (superficial intradermal work, papules the deepest, goes 1-2 mm deep)")
            }
            guard !problems.isEmpty else { return nil }
            return "not superficial enough for the periorbital region: " + problems.joined(separator: "; ") + " [periorbital-superficial-only]"
        },
        amends: { draft in
            guard draft.request.treats(.periorbital) else { return }
            if let technique = draft.preparation.techniques.first(where: superficialTechniques.contains) {
                draft.technique = technique
            }
            draft.warnings.append("periorbital: superficial intradermal injection only, with \(draft.technique); no booster in the lower lid with oedema or thin skin [periorbital-superficial-only]")
        }
    )
}
