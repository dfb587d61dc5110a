extension LintRules {
    /// A preparation that names no source for its figures.
    package static let noSources = LintRule(
        id: "no-sources",
        rationale: "Depths, residence times, intervals and contraindications are clinical figures; without 'sources' nobody can check where they come from or whether they are still current.",
        triggeringExamples: [
            // Without the key, the warning points at the preparation: the document's start.
            "↓" + lintExample(["sources": ""]),
            lintExample(["sources": "↓[]"]),
        ],
        nonTriggeringExamples: [
            lintExample(["sources": "[\"Product label, 2024\"]"]),
        ]
    ) { preparation in
        guard preparation.sources.isEmpty else { return [] }
        return [(preparation.location(of: "sources"), .noSources(preparation.id))]
    }
}
