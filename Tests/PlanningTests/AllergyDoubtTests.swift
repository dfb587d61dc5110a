import PreparationRegistry
import Testing

/// An outside review found allergies the screening let through on the bundled catalogue: a
/// name that lists several substances ("Vitamins A, C and E") and an allergen the vocabulary
/// names only under a condition ("peanut" in `soy-allergy`). Both now leave the preparation out,
/// saying why.
@Suite struct AllergyDoubtTests {
    func refusal(_ area: String, _ request: CourseRequest) throws -> [String: String] {
        let registry = try #require(bundledRegistry)
        let outcome = try standardHost().plan(area, request, using: registry)
        let excluded = outcome.refusal?.excluded ?? outcome.course?.excluded ?? []
        return Dictionary(uniqueKeysWithValues: excluded.map { ($0.preparation, $0.reason) })
    }

    @Test func anAllergyToOneOfTheSubstancesANameListsLeavesItOutInDoubt() throws {
        let request = CourseRequest(concern: "dehydration", regions: [TreatedRegion(.hands)], allergies: ["vitamin c"],
                                    start: try day("2026-01-05"))
        let excluded = try refusal("body", request)
        #expect(excluded["hand-rejuvenation-ha"] == "contains 'Vitamins A, C and E' (class vitamin), which holds every word "
                + "of the allergy 'vitamin c', though not as one phrase: it may hold that substance, so it is left out in doubt")
    }

    @Test func anAllergyTheVocabularyNamesUnderAConditionIsScreenedAsThatCondition() throws {
        let start = try day("2026-01-05")
        let peanut = try course("body", CourseRequest(concern: "localized-fat", regions: [TreatedRegion(.abdomen)],
                                                      allergies: ["peanut"], start: start), in: try #require(bundledRegistry))
        #expect(peanut.preparation.ingredients.allSatisfy { !$0.name.lowercased().contains("soy") })
        #expect(peanut.warnings.contains("the allergy 'peanut' matches no ingredient name or class in the catalogue (names are matched as written or by the other names this tool lists, not in other languages or by every brand: check each ingredient against it); "
                                         + "screened as the condition 'soy-allergy' of the vocabulary too, whose name or description holds its words"))
        #expect(peanut.excluded.contains { $0.reasons.contains(
            "contraindicated with 'soy-allergy', for the allergy 'peanut', which falls under that condition") })

        let bee = try refusal("face", CourseRequest(concern: "filler-overcorrection", allergies: ["bee venom"], start: start))
        #expect(bee["hyaluronidase-filler-correction"]?.hasPrefix(
            "contraindicated with 'bee-venom-allergy', for the allergy 'bee venom', which falls under that condition; ") == true)
    }

    @Test func anAllergyHoldingAConditionsIngredientIsScreenedAsThatCondition() throws {
        let request = CourseRequest(concern: "dehydration", allergies: ["sodium hyaluronate"], start: try day("2026-01-05"))
        // The salt's name now meets the acid's by its stem (`IngredientTerm.Match.sameStem`), which
        // names the ingredient; the condition it falls under screens the rest of the catalogue.
        let excluded = try refusal("face", request)
        #expect(excluded["noncrosslinked-ha-hydration"] == "contains 'Non-crosslinked hyaluronic acid' (class hyaluronic-acid), "
                + "whose name shares the stem of the allergy 'sodium hyaluronate' (a salt and its acid, or two names of one substance): "
                + "it may be that substance, so it is left out in doubt")
        let registry = try #require(bundledRegistry)
        #expect(Screening.conditions(namedBy: IngredientTerm("sodium hyaluronate"), in: registry.vocabulary)
                == ["hyaluronic-acid-hypersensitivity"])
    }

    /// A condition's words make an allergy fall under it only when the condition is an allergy
    /// itself: `aspirin`, named in "anticoagulants or antiplatelet drugs, including aspirin",
    /// refused every course of the bundled catalogue as that condition.
    @Test func anAllergyFallsByItsWordsOnlyUnderAConditionThatIsAnAllergy() throws {
        let registry = try #require(bundledRegistry)
        for allergy in ["aspirin", "ibuprofen", "platelet", "cold sore", "insulin", "surgery"] {
            #expect(Screening.conditions(namedBy: IngredientTerm(allergy), in: registry.vocabulary) == [], "\(allergy)")
        }
        let aspirin = try course("face", CourseRequest(concern: "dehydration", allergies: ["aspirin"],
                                                       start: try day("2026-01-05")), in: registry)
        #expect(aspirin.preparation.id == "lightly-crosslinked-ha-booster")
        #expect(!aspirin.excluded.contains { $0.reason.contains("falls under") })

        let vocabulary = Vocabulary(conditions: [
            "anticoagulant-therapy": .init(description: "Anticoagulants, including aspirin"),
            "nsaid-intolerance": .init(description: "Intolerance to aspirin or other NSAIDs"),
            "latex-allergies": .init(description: "Latex"),
            "drug-hypersensitivities": .init(description: "Reactions to lidocaine or procaine"),
        ])
        #expect(Screening.conditions(namedBy: IngredientTerm("aspirin"), in: vocabulary) == ["nsaid-intolerance"])
        #expect(Screening.conditions(namedBy: IngredientTerm("latex"), in: vocabulary) == ["latex-allergies"])
        #expect(Screening.conditions(namedBy: IngredientTerm("procaine"), in: vocabulary) == ["drug-hypersensitivities"])
    }

    @Test func anAllergyThatLeavesAPreparationOutByItsIngredientsAddsNoConditionReason() throws {
        let request = CourseRequest(concern: "dehydration", allergies: ["hyaluronic acid"], start: try day("2026-01-05"))
        let excluded = try refusal("face", request)
        #expect(excluded["noncrosslinked-ha-hydration"]
                == "contains 'Non-crosslinked hyaluronic acid' (class hyaluronic-acid), matching the allergy 'hyaluronic acid'")
    }
}
