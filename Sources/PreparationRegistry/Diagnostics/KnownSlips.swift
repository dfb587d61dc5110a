extension Suggestions {
    /// The hint for a word editors and clinicians write for another, in place of the nearest
    /// spelling, which misled there (outside reviews: `scar` as a region gave "did you mean
    /// 'scalp'?", `subdermal` "did you mean 'epidermal'?", the opposite depth, and the region
    /// `face` given as a concern "did you mean 'acne-scars'?"): `; did you mean 'subcutaneous'
    /// (4-13 mm)?`, or nil. `kind` is what the word should have been (`region`, `technique`,
    /// `indication`, `concern`). The catalogue's loader and the command line both ask it.
    package static func slip(kind: String, word: String) -> String? {
        let word = word.lowercased()
        if let slip = knownSlips[kind]?[word] { return slip }
        if kind == "indication" || kind == "concern", Region(rawValue: word) != nil {
            return "; '\(word)' is a region, not an indication: name what is treated (dehydration, laxity...), and the region apart"
        }
        return nil
    }

    /// The words of the closed sets written for another, by kind.
    private static let knownSlips: [String: [String: String]] = [
        "region": ["scar": scarIsNoRegion, "scars": scarIsNoRegion],
        "technique": [
            "subdermal": subcutaneous, "hypodermic": subcutaneous, "hypodermal": subcutaneous,
            "intradermal": intradermal, "dermal": intradermal, "deep-dermal": intradermal,
        ],
    ]
    private static let subcutaneous = "; did you mean 'subcutaneous' (4-13 mm)?"
    private static let scarIsNoRegion = "; scars are not a region (format section 3): list the regions the scar is in, and a scar indication (the scar plugin plans those in any region)"
    private static let intradermal = "; techniques are named by how they are given, not by the layer: intradermal work is epidermal (up to 1 mm), nappage, micropapules, point-by-point or linear-retrograde (format section 4)"
}
