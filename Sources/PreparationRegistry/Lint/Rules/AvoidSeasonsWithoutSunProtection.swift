extension LintRules {
    /// Seasons are avoided for the sun, yet the aftercare says nothing about the sun.
    package static let avoidSeasonsWithoutSunProtection = LintRule(
        id: "avoid-seasons-without-sun-protection",
        rationale: "Seasons are avoided because of sun exposure after treatment; a preparation that avoids seasons but whose aftercare never mentions sun protection leaves out the instruction that matters most in the other seasons. Aftercare counts as sun protection when it mentions sun, SPF, UV, sunscreen, tanning, a solarium or photoprotection.",
        triggeringExamples: [
            lintExample(["avoid-seasons": "↓[summer]", "aftercare": "[Avoid make-up for 12 hours]"]),
            lintExample(["avoid-seasons": "↓[spring, summer]"]),
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
        return [(preparation.location(of: "avoid-seasons"), .avoidSeasonsWithoutSunProtection(preparation.avoidSeasons))]
    }

    /// The word stems that count as sun protection in an aftercare instruction.
    static let sunProtectionStems = ["sun", "spf", "uv", "solari", "tanning", "photoprot"]

    /// True when a word of `text` starts with a sun-protection stem.
    /// It runs on every load: words are compared as lower-cased ASCII bytes (the stems are
    /// ASCII; any other letter or digit only continues a word).
    static func mentionsSunProtection(_ text: String) -> Bool {
        var word: [UInt8] = []
        func matches() -> Bool {
            sunProtectionStems.contains { stem in word.starts(with: stem.utf8) }
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    word.append(byte)
                    continue
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    word.append(byte + 32)
                    continue
                default: break
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.append(0xFF)  // part of the word, never part of a stem
                continue
            }
            if matches() { return true }
            word.removeAll(keepingCapacity: true)
        }
        return matches()
    }
}
