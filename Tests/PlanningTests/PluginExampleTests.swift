import PreparationRegistry
import Testing

/// Every example a plugin gives of itself runs against the bundled catalogue.
@Suite struct PluginExampleTests {
    static let examples: [(plugin: String, example: PluginExample)] = {
        guard let host = try? standardHost() else { return [] }
        return host.plugins.flatMap { plugin in plugin.examples.map { (plugin.id, $0) } }
    }()

    /// The candidates each refusing example leaves out, with their reasons.
    static let refusals: [String: [String]] = [
        "A hyaluronic-acid allergy rules out every dehydration preparation": [
            "atrophic-scar-ha-amino-acid: does not treat 'dehydration' (treats atrophic-scars, acne-scars); contains 'Non-crosslinked hyaluronic acid' (class hyaluronic-acid), matching the allergy 'hyaluronic-acid'",
            "deoxycholic-acid-submental: does not treat 'dehydration' (treats double-chin)",
            "hand-rejuvenation-ha: used in no region of the face plugin (used in hands); contains 'Non-crosslinked hyaluronic acid' (class hyaluronic-acid), matching the allergy 'hyaluronic-acid'",
            "hyaluronidase-filler-correction: does not treat 'dehydration' (treats filler-overcorrection); not superficial enough for the periorbital region: lists none of epidermal, nappage, micropapules (lists point-by-point, linear-retrograde); deposited at 1-4 mm, reaching deeper than 2 mm (superficial intradermal work, papules the deepest, goes 1-2 mm deep) [periorbital-superficial-only] (without --region, the course is for every region of the face plugin the preparation is used in: face, periorbital; give --region to plan for fewer)",
            "lightly-crosslinked-ha-booster: contains 'Lightly crosslinked hyaluronic acid (cohesive polydensified gel)' (class hyaluronic-acid), matching the allergy 'hyaluronic-acid'",
            "noncrosslinked-ha-hydration: contains 'Non-crosslinked hyaluronic acid' (class hyaluronic-acid), matching the allergy 'hyaluronic-acid'",
            "plasma-acne-scars: does not treat 'dehydration' (treats acne-scars, atrophic-scars)",
            "polynucleotide-periorbital: does not treat 'dehydration' (treats dark-circles, wrinkles)",
            "raised-scar-enzymatic: does not treat 'dehydration' (treats hypertrophic-scars, keloids)",
            "revitalising-vitamin-cocktail: contains 'Non-crosslinked hyaluronic acid' (class hyaluronic-acid), matching the allergy 'hyaluronic-acid'",
            "tranexamic-acid-brightening: does not treat 'dehydration' (treats pigmentation, dullness)",
        ],
        "Pregnancy rules out every dark-circle preparation": [
            "hyaluronidase-filler-correction: does not treat 'dark-circles' (treats filler-overcorrection); contraindicated with 'pregnancy'; not superficial enough for the periorbital region: lists none of epidermal, nappage, micropapules (lists point-by-point, linear-retrograde); deposited at 1-4 mm, reaching deeper than 2 mm (superficial intradermal work, papules the deepest, goes 1-2 mm deep) [periorbital-superficial-only]",
            "polynucleotide-periorbital: contraindicated with 'pregnancy'",
        ],
        "Pregnancy rules out every hair-loss preparation of the bundled catalogue": [
            "dutasteride-scalp: contraindicated with 'pregnancy'",
            "hair-revitalising-cocktail: contraindicated with 'pregnancy'",
            "peptide-growth-factor-hair: contraindicated with 'pregnancy'",
            "prp-scalp: contraindicated with 'pregnancy'",
        ],
    ]

    @Test func everyPluginHasExamples() throws {
        for plugin in try standardHost().plugins {
            #expect(plugin.examples.count >= 2, "\(plugin.id)")
        }
    }

    @Test(arguments: examples.indices)
    func example(_ index: Int) throws {
        let (pluginID, example) = Self.examples[index]
        let registry = try #require(bundledRegistry)
        let outcome = try standardHost().plan(pluginID, example.request, using: registry)
        if let expected = example.expectedPreparation {
            let course = try #require(outcome.course, "\(pluginID): \(example.title): \(outcome.refusal?.description ?? "")")
            #expect(course.preparation.id == expected, "\(pluginID): \(example.title)")
            #expect(course.sessions.map(\.date.description) == example.expectedDates, "\(pluginID): \(example.title)")
        } else {
            let refusal = try #require(outcome.refusal, "\(pluginID): \(example.title) should be refused")
            #expect(refusal.excluded.map { "\($0.preparation): \($0.reason)" } == Self.refusals[example.title], "\(pluginID): \(example.title)")
        }
    }
}
