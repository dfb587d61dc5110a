extension LintRules {
    /// Section 4 of the format: a depth that lies wholly outside the usual depth of every
    /// technique listed is probably a typo or a wrong technique.
    package static let depthOutsideTechniques = LintRule(
        id: "depth-outside-techniques",
        rationale: "Each technique deposits the product in a usual depth band; a depth outside the band of every technique listed is most likely a typo or the wrong technique.",
        triggeringExamples: [
            lintExample(["techniques": "[epidermal]", "depth": "↓4-6 mm"]),
            lintExample(["techniques": "[micropapules, point-by-point]", "depth": "↓8 mm"]),
        ],
        nonTriggeringExamples: [
            lintExample(["techniques": "[nappage]", "depth": "0.5-2 mm"]),
            lintExample(["techniques": "[epidermal, subcutaneous]", "depth": "4-6 mm"]),
            // Touching a band's edge is overlapping it.
            lintExample(["techniques": "[epidermal]", "depth": "1-1.5 mm"]),
        ]
    ) { preparation in
        guard !preparation.techniques.contains(where: { $0.usualDepth.overlaps(preparation.depth) }) else { return [] }
        return [(preparation.location(of: "depth"),
                 .depthOutsideTechniques(preparation.depth, techniques: preparation.techniques))]
    }
}
