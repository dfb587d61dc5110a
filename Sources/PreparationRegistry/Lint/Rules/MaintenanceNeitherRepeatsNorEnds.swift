extension LintRules {
    /// A maintenance phase sits in the middle of the protocol and runs only once.
    package static let maintenanceNeitherRepeatsNorEnds = LintRule(
        id: "maintenance-neither-repeats-nor-ends",
        rationale: "A maintenance phase keeps a result going: it either repeats until the course's horizon (repeat: true) or is the protocol's last phase. One that runs once and is followed by more phases is probably a misplaced phase or a forgotten 'repeat: true'. A phase counts as maintenance-like when a word of its name is maintenance, maintain, booster, reminder or top-up.",
        triggeringExamples: [
            lintExample(["protocol": """

                  ↓- {phase: induction, sessions: 4, interval: 2-3 weeks}
                  - {phase: maintenance, sessions: 1, interval: 3 months}
                  - {phase: regeneration, sessions: 2, interval: 2 weeks}
                """]),
            lintExample(["protocol": """

                  ↓- {phase: induction, sessions: 4, interval: 2-3 weeks}
                  - {phase: booster, sessions: 2, interval: 1 month}
                  - {phase: maintenance, sessions: 1, interval: 6 months, repeat: true}
                """]),
        ],
        nonTriggeringExamples: [
            lintExample(["protocol": """

                  - {phase: induction, sessions: 4, interval: 2-3 weeks}
                  - {phase: maintenance, sessions: 1, interval: 3-6 months, repeat: true}
                """]),
            // Last phase: the protocol ends with it.
            lintExample(["protocol": """

                  - {phase: induction, sessions: 4, interval: 2-3 weeks}
                  - {phase: maintenance, sessions: 2, interval: 3 months}
                """]),
            lintExample(["protocol": """

                  - {phase: induction, sessions: 4, interval: 2-3 weeks}
                  - {phase: intensive, sessions: 2, interval: 1 week}
                  - {phase: maintenance, sessions: 1, interval: 3 months, repeat: true}
                """]),
        ]
    ) { preparation in
        var warnings: [(SourceLocation, LintRule.Message)] = []
        for (index, phase) in preparation.phases.enumerated()
        where !phase.repeats && index < preparation.phases.count - 1 && isMaintenanceLike(phase.name) {
            warnings.append((preparation.location(of: "protocol"),
                             .maintenanceNeitherRepeatsNorEnds(phase: phase.name, number: index + 1, of: preparation.phases.count)))
        }
        return warnings
    }

    /// The words that make a phase name maintenance-like (and the pair `top-up`).
    static let maintenanceWords = ["maintenance", "maintain", "booster", "reminder"]

    /// True when a word of the phase's name (a slug) is a maintenance word, or two
    /// consecutive words are `top` and `up`. Compared on UTF-8 bytes: it runs on every load.
    package static func isMaintenanceLike(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            var previousWasTop = false
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "-") {
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if maintenanceWords.contains(where: { word.elementsEqual($0.utf8) }) { return true }
                if previousWasTop, word.elementsEqual("up".utf8) { return true }
                previousWasTop = word.elementsEqual("top".utf8)
                start = end + 1
            }
            return false
        }
    }
}
