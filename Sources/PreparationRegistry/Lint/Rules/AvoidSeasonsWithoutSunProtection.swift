extension LintRules {
    /// Seasons are avoided for the sun, yet the aftercare says nothing about the sun.
    public static let avoidSeasonsWithoutSunProtection = LintRule(
        id: "avoid-seasons-without-sun-protection",
        rationale: "Seasons are avoided because of sun exposure after treatment; a preparation that avoids seasons but whose aftercare never mentions sun protection leaves out the instruction that matters most in the other seasons. Aftercare counts as sun protection when it mentions sun, SPF, UV, sunscreen, tanning, a solarium or photoprotection.",
        triggeringExamples: [
            lintExample(["avoid-seasons": "[summer]", "aftercare": "[Avoid make-up for 12 hours]"]),
            lintExample(["avoid-seasons": "[spring, summer]"]),
        ],
        nonTriggeringExamples: [
            lintExample(["avoid-seasons": "[summer]",
                         "aftercare": "[{instruction: Use a sunscreen of SPF 50, for: 4 weeks}]"]),
            lintExample(["avoid-seasons": "[summer]", "aftercare": "[Keep out of strong sun]"]),
            lintExample(["avoid-seasons": "[summer]", "aftercare": "[Photoprotection for 4 weeks]"]),
            lintExample(["aftercare": "[Avoid make-up for 12 hours]"]),
        ]
    ) { preparation in
        guard !preparation.avoidSeasons.isEmpty,
              !preparation.aftercare.contains(where: { mentionsSunProtection($0.instruction) })
        else { return [] }
        let seasons = preparation.avoidSeasons.map(\.rawValue).joined(separator: ", ")
        return [(preparation.location(of: "avoid-seasons"),
                 "preparation avoids \(seasons) but no aftercare instruction mentions sun protection")]
    }

    /// The word stems that count as sun protection in an aftercare instruction.
    static let sunProtectionStems = ["sun", "spf", "uv", "solari", "tanning", "photoprot"]

    /// True when a word of `text` starts with a sun-protection stem.
    static func mentionsSunProtection(_ text: String) -> Bool {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }
        return words.contains { word in sunProtectionStems.contains { word.hasPrefix($0) } }
    }
}
