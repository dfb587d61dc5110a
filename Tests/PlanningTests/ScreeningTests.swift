import Foundation
import OrderedCollections
import PreparationRegistry
import Testing
import TestSupport

/// Format 1.1 screening: conditions that name ingredients, allergy matching by folded whole
/// words, vague allergies, and what a course says to screen for.
@Suite struct ScreeningTests {
    @Test func aConditionWithIngredientsLeavesOutEveryPreparationHoldingOneListedOrNot() throws {
        let registry = try fixtureRegistry("screening")
        #expect(registry.vocabulary.conditions["ha-hypersensitivity"]?.ingredients == ["hyaluronic-acid"])
        #expect(registry.vocabulary.conditions["pregnancy"]?.code == ConceptCode(system: "http://snomed.info/sct", code: "77386006"))
        #expect(registry.vocabulary.indications["dehydration"]?.code?.description == "http://example.org/indications|dehydration")
        let c = try course("face", CourseRequest(concern: "dehydration", conditions: ["ha-hypersensitivity", "caffeine-intolerance"],
                                                 start: try day("2026-01-05")), in: registry)
        #expect(c.preparation.id == "c-amino")
        #expect(c.excluded.map(\.preparation) == ["a-sodium-hyaluronate", "b-cafeine", "d-vitamins", "e-neck-only"])
        #expect(c.excluded[0].reasons == [
            "contains 'Sodium hyaluronate' (class hyaluronic-acid), which the condition 'ha-hypersensitivity' makes unsafe (it names the ingredient 'hyaluronic-acid')",
        ])
        // Listed, and named through its ingredients ('cafeines' folds to 'cafeine', as 'Caféine' does).
        #expect(c.excluded[1].reasons == [
            "contraindicated with 'caffeine-intolerance'",
            "contains 'Caféine' (class lipolytic), which the condition 'caffeine-intolerance' makes unsafe (it names the ingredient 'cafeines')",
        ])
    }

    @Test func allergiesMatchFoldedWholeWordsOfTheNameOrClass() {
        let sodium = Ingredient(name: "Sodium hyaluronate", ingredientClass: "hyaluronic-acid")
        let amino = Ingredient(name: "Amino acids")
        let cafe = Ingredient(name: "Caféine", ingredientClass: "lipolytic")
        #expect(IngredientTerm("hyaluronic").matches(sodium))
        #expect(IngredientTerm("HYALURONIC ACIDS").matches(sodium))
        #expect(IngredientTerm("sodium hyaluronates").matches(sodium))
        #expect(IngredientTerm("sodium hyaluronate").match(sodium) == .phrase)
        // Every word, not as a phrase: left out all the same, in doubt.
        #expect(IngredientTerm("hyaluronate sodium").match(sodium) == .everyWord)
        #expect(IngredientTerm("vitamin c").match(Ingredient(name: "Vitamins A, C and E")) == .everyWord)
        #expect(IngredientTerm("zinc selenium").match(Ingredient(name: "Microelements (zinc, copper, magnesium, selenium)")) == .everyWord)
        #expect(IngredientTerm("vitamin c").match(Ingredient(name: "Vitamin E")) == nil)
        // A B vitamin meets the group by its other names (`SubstanceNames`, outside review 16).
        #expect(IngredientTerm("vitamin b12").match(Ingredient(name: "B vitamins")) == .phrase)
        #expect(IngredientTerm("vitamin b12").match(Ingredient(name: "Vitamin C")) == nil)
        #expect(IngredientTerm("hyaluron").match(sodium) == .sameStem)  // not a whole word, but the stem of one: in doubt
        #expect(!IngredientTerm("hyalu").matches(sodium))  // a part of a word, shorter than a stem
        #expect(IngredientTerm("amino acid").matches(amino))
        #expect(IngredientTerm("Amino-Acids").matches(amino))
        #expect(IngredientTerm("cafeine").matches(cafe))
        #expect(IngredientTerm("CAFÉINES").matches(cafe))
        #expect(IngredientTerm("caffeine").matches(cafe))  // a spelling, not a folding: listed (`SubstanceNames`)
        #expect(!IngredientTerm("theine").matches(cafe))  // not listed
        #expect(IngredientTerm("vitamin c").matches(Ingredient(name: "Vitamin C (ascorbic acid)")))
        #expect(!IngredientTerm("vitamin c").matches(Ingredient(name: "Vitamin E")))
        #expect(IngredientTerm("glass").matches(Ingredient(name: "Glass")))  // 'ss' is not a plural
        // Outside review: an invisible character pasted into a name (a soft hyphen from a PDF,
        // a zero-width space, a word joiner, a byte order mark) hid the name from screening.
        // Outside review: a salt and its acid, or two names of one substance, met nothing.
        #expect(IngredientTerm("sodium deoxycholate").match(Ingredient(name: "Deoxycholic acid")) == .sameStem)
        #expect(IngredientTerm("deoxycholic acid").match(Ingredient(name: "Sodium deoxycholate")) == .sameStem)
        #expect(IngredientTerm("glycerin").match(Ingredient(name: "Glycerol")) == .sameStem)
        #expect(IngredientTerm("hyaluronan").match(Ingredient(name: "Non-crosslinked hyaluronic acid")) == .sameStem)
        #expect(IngredientTerm("tranexamate").match(Ingredient(name: "Tranexamic acid")) == .sameStem)
        #expect(IngredientTerm("sodium").match(Ingredient(name: "Deoxycholic acid")) == nil)  // no word by its stem
        // No stem shared; one group of names (SubstanceNames): the dutasteride label
        // contraindicates it with hypersensitivity to another 5-alpha-reductase inhibitor.
        #expect(IngredientTerm("dutasteride").match(Ingredient(name: "Finasteride")) == .phrase)
        #expect(IngredientTerm("zinc").match(Ingredient(name: "Zinc oxide")) == .phrase)
        #expect(IngredientTerm("biotin").match(Ingredient(name: "Biotinoyl tripeptide")) == nil)  // 'biot' too short a stem
        // A second outside review: other spellings of a salt, and `-yl` esters.
        #expect(IngredientTerm("procaine hcl").match(Ingredient(name: "Procaine hydrochloride")) == .sameStem)
        #expect(IngredientTerm("sodium hyaluronate").match(Ingredient(name: "Na-hyaluronate")) == .sameStem)
        #expect(IngredientTerm("tocopherol").match(Ingredient(name: "Tocopheryl acetate")) == .sameStem)
        #expect(IngredientTerm("tocopheryl acetate").match(Ingredient(name: "Tocopherol")) == .sameStem)
        #expect(IngredientTerm("retinol").match(Ingredient(name: "Retinyl palmitate")) == .sameStem)
        #expect(IngredientTerm("zinc acetate").match(Ingredient(name: "Tocopheryl acetate")) == nil)
        #expect(IngredientTerm("sodium acetate").match(Ingredient(name: "Tocopheryl acetate")) == nil)  // salt words only
        for invisible in ["\u{AD}", "\u{200B}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{202E}", "\u{FE0F}", "\u{115F}", "\u{3164}", "\u{34F}"] {
            #expect(IngredientTerm("hyaluronic acid").matches(Ingredient(name: "Hyalu\(invisible)ronic acid")))
            #expect(IngredientTerm("hyalu\(invisible)ronic").matches(sodium))
        }
    }

    @Test(arguments: [("a", "a"), ("c", "c"), ("and", "and"), ("of the", "of the"), ("A + C", "A"), ("", ""), ("  -- ", "  -- "),
                      ("with and", "with"), ("allergy", "allergy"), ("Allergic to the", "Allergic to the")])
    func aVagueAllergyIsRefused(_ allergy: String, _ named: String) throws {
        let registry = try #require(bundledRegistry)
        let message = try requestError("face", CourseRequest(concern: "dehydration", allergies: [allergy],
                                                             start: try day("2026-01-05")), in: registry)
        #expect(message == "the allergy '\(named)' is too vague to screen with: it needs a word of three letters or more that is not a stop word (such as 'and', 'the', 'with'); name the ingredient or its class, for example 'vitamin c' or 'hyaluronic-acid'")
    }

    /// The ASCII pass-over in `IngredientTerm.match(_:)` never changes an answer: on generated
    /// names, classes and terms (cases, plurals, hyphens, digits, salts, stems, accents and
    /// other scripts), it answers as matching the folded words does.
    @Test func passingOverAnIngredientWithoutTheTermsCluesAnswersAsFoldingDoes() {
        let pool = ["Deoxycholic", "deoxycholate", "DESOXYCHOLIC", "acid", "Sodium", "Phosphatidylcholines", "polyenyl-phosphatidylcholine",
                    "Triamcinolone", "acetonide", "PRP", "platelet-rich", "plasma", "ATX-101", "Kybella", "glycerol", "Glycerin",
                    "hyaluronic", "Hyaluronate", "hyaluronan", "vitamin", "C", "B12", "amino", "acids", "Caféine", "cafeine", "the", "and",
                    "allergy", "of", "zinc", "selenium", "μg", "Ωmega", "glyc\u{AD}erol", "e\u{301}clat", "(10%)", "-", "1"]
        var rng = SplitMix64(state: 11)
        func phrase(_ most: Int) -> String {
            (0..<Int.random(in: 1...most, using: &rng)).map { _ in pool.randomElement(using: &rng) ?? "" }
                .joined(separator: [" ", "-", ", ", " "].randomElement(using: &rng) ?? " ")
        }
        var checked = 0, met = 0
        for _ in 0..<4000 {
            let term = IngredientTerm(phrase(3))
            let ingredient = Ingredient(name: phrase(5), ingredientClass: Bool.random(using: &rng) ? nil : phrase(2).lowercased())
            // Both readings of an invisible character: as nothing, then as a word break.
            func reading(_ text: String, breaking: Bool) -> [String] {
                IngredientTerm.matchWords(breaking ? String(String.UnicodeScalarView(text.unicodeScalars.map {
                    $0.properties.isDefaultIgnorableCodePoint || $0.properties.generalCategory == .format ? " " : $0
                })) : text)
            }
            let folded = term.match(nameWords: reading(ingredient.name, breaking: false),
                                    classWords: ingredient.ingredientClass.map { reading($0, breaking: false) })
                ?? term.match(nameWords: reading(ingredient.name, breaking: true),
                              classWords: ingredient.ingredientClass.map { reading($0, breaking: true) })
            #expect(term.match(ingredient) == folded, "\(term.text) in \(ingredient.name) / \(ingredient.ingredientClass ?? "-")")
            let texts = [term.text] + (0..<Int.random(in: 0...2, using: &rng)).map { _ in phrase(2) }
            let anyFolded = texts.contains { text in
                IngredientTerm(text).match(nameWords: reading(ingredient.name, breaking: false),
                                           classWords: ingredient.ingredientClass.map { reading($0, breaking: false) }) != nil
                    || IngredientTerm(text).match(nameWords: reading(ingredient.name, breaking: true),
                                                  classWords: ingredient.ingredientClass.map { reading($0, breaking: true) }) != nil
            }
            #expect(IngredientTerms(texts).matchAny(ingredient) == anyFolded, "\(texts) in \(ingredient.name)")
            checked += 1
            if folded != nil { met += 1 }
        }
        #expect(checked == 4000 && met > 200, "the cases meet often enough to test both answers: \(met)")
    }

    // Outside review: "Hyaluronic<soft hyphen>acid" folded to one word, and an allergy to
    // hyaluronic acid planned it.
    @Test(arguments: ["\u{AD}", "\u{200B}", "\u{2060}", "\u{FEFF}"])
    func anInvisibleCharacterBetweenWordsIsReadAsABreakToo(_ invisible: String) {
        let ingredient = Ingredient(name: "Hyaluronic\(invisible)acid")
        #expect(IngredientTerm("hyaluronic acid").matches(ingredient))
        #expect(IngredientTerm("hyaluronic").matches(ingredient))
        #expect(IngredientTerm("hyaluronicacid").matches(ingredient), "the other reading still holds")
        #expect(IngredientTerm("hyaluronic acid").matches(Ingredient(name: "Sodium salt", ingredientClass: "hyaluronic\(invisible)acid")))
    }

    @Test func aListOfAllergiesInOneTextIsSplitIntoItsItems() {
        #expect(CourseRequest.splitAllergies("glycerol, lidocaine") == ["glycerol", "lidocaine"])
        #expect(CourseRequest.splitAllergies("Glycerol AND Lidocaine;vitamin c/ caffeine + soy & bee venom") ==
                ["Glycerol", "Lidocaine", "vitamin c", "caffeine", "soy", "bee venom"])
        #expect(CourseRequest.splitAllergies("sodium hyaluronate") == ["sodium hyaluronate"])
        // A strength's slash is no list's (an outside review saw `ml` refused as too vague).
        #expect(CourseRequest.splitAllergies("tranexamic acid 4 mg/ml, lidocaine 20 mg / ML")
                == ["tranexamic acid 4 mg/ml", "lidocaine 20 mg / ML"])
        #expect(CourseRequest.splitAllergies("PC/DC") == ["PC", "DC"])
        #expect(CourseRequest.splitAllergies("thiamine 100 mg/2 ml, caffeine 2,5%") == ["thiamine 100 mg/2 ml", "caffeine 2,5%"])
        // Not an `L-` name after a slash (outside re-check 17: the carnitine allergy was dropped).
        #expect(CourseRequest.splitAllergies("biotin/L-carnitine") == ["biotin", "L-carnitine"])
        #expect(CourseRequest.splitAllergies("biotin 5 mg/L-carnitine") == ["biotin 5 mg", "L-carnitine"])
        #expect(CourseRequest.splitAllergies("caffeine,carnitine") == ["caffeine", "carnitine"])
        #expect(CourseRequest.splitAllergies("  hyaluronic  ") == ["  hyaluronic  "], "no list: kept as written")
        #expect(CourseRequest.splitAllergies("sandalwood, andiroba") == ["sandalwood", "andiroba"], "'and' only as a word")
        #expect(CourseRequest.splitAllergies(",") == [","], "nothing left: kept, to be refused as vague")
        #expect(CourseRequest.splitAllergies("hyaluronic\u{1B}, glycerol") == ["hyaluronic\u{1B}", "glycerol"], "a control character stays, to be refused")
        #expect(CourseRequest(concern: "x", allergies: ["glycerol, lidocaine", "lidocaine"], start: CalendarDate.last).allergies == ["glycerol", "lidocaine"])
        #expect(CourseRequest(concern: "x", conditions: ["Pregnancy, herpes", "herpes; anticoagulant-therapy"], start: CalendarDate.last).conditions
                == ["pregnancy", "herpes", "anticoagulant-therapy"])
    }

    @Test func fillerWordsAtEitherEndOfAnAllergyAreDropped() throws {
        let ha = Ingredient(name: "Non-crosslinked hyaluronic acid", ingredientClass: "hyaluronic-acid")
        #expect(IngredientTerm("hyaluronic acid allergy").matches(ha))
        #expect(IngredientTerm("Allergic to hyaluronic acid").matches(ha))
        #expect(IngredientTerm("allergy: hyaluronic acids!").matches(ha))
        // `vitamin a` keeps its letter (it was read as `vitamin`, outside review 16).
        #expect(!IngredientTerm("vitamin a").matches(Ingredient(name: "Vitamin E")))
        #expect(IngredientTerm("allergy to vitamin a").matches(Ingredient(name: "Vitamin A palmitate")))
        #expect(!IngredientTerm("vitamin c").matches(Ingredient(name: "Vitamin E")))
        let registry = try #require(bundledRegistry)
        let c = try course("face", CourseRequest(concern: "dullness", allergies: ["hyaluronic acid allergy"],
                                                 start: try day("2026-01-05")), in: registry)
        #expect(c.preparation.ingredients.allSatisfy { !IngredientTerm("hyaluronic acid").matches($0) })
    }

    @Test func aConditionIngredientThatMatchesNothingIsAWarning() throws {
        let registry = try fixtureRegistry("screening")
        var vocabulary = registry.vocabulary
        vocabulary.conditions["ha-hypersensitivity"]?.ingredients = ["hyaluronc-acid"]
        let typo = Registry(manifest: Manifest(vocabulary: vocabulary), preparations: registry.preparations)
        let c = try course("face", CourseRequest(concern: "dehydration", conditions: ["ha-hypersensitivity"],
                                                 start: try day("2026-01-05")), in: typo)
        #expect(c.warnings == ["the condition 'ha-hypersensitivity' names the ingredient 'hyaluronc-acid', which matches no ingredient name or class in the catalogue; did you mean 'hyaluronic-acid'? (check the vocabulary)"])
        // Several in one warning (the bundled soy allergy gave eleven, outside re-check 17).
        vocabulary.conditions["ha-hypersensitivity"]?.ingredients = ["hyaluronc-acid", "hyaluronat-x", "hyaluronic-acid"]
        let typos = Registry(manifest: Manifest(vocabulary: vocabulary), preparations: registry.preparations)
        let r = try standardHost().plan("face", CourseRequest(concern: "dehydration", conditions: ["ha-hypersensitivity"],
                                                               start: try day("2026-01-05")), using: typos)
        let warnings = r.course?.warnings ?? []
        #expect(warnings.filter { $0.hasPrefix("the condition 'ha-hypersensitivity'") } == [
            "the condition 'ha-hypersensitivity' names ingredients that match no ingredient name or class in the catalogue: "
                + "'hyaluronc-acid', 'hyaluronat-x' (a misspelt one screens nothing: check the vocabulary)"] || r.course == nil)
    }

    @Test(arguments: ["vitamin c", "zinc", "B12 vitamins", "hyaluronic"])
    func aSpecificAllergyIsAccepted(_ allergy: String) {
        #expect(!IngredientTerm(allergy).isVague)
    }

    @Test func theCourseListsWhatToScreenForIncludingConditionsNamedByItsIngredients() throws {
        let registry = try fixtureRegistry("screening")
        let c = try course("face", CourseRequest(concern: "dehydration", allergies: ["amino acid"], start: try day("2026-01-05")),
                           in: registry)
        #expect(c.preparation.id == "a-sodium-hyaluronate")
        #expect(c.screening == [
            Screening.Check(condition: "ha-hypersensitivity", description: "Hypersensitivity to hyaluronic acid",
                            ingredients: ["Sodium hyaluronate"]),
        ])
        #expect(c.catalogue == CatalogueIdentity(name: "Screening fixture", version: "1.1-test"))
        let listed = try course("face", CourseRequest(concern: "dehydration", conditions: ["ha-hypersensitivity"],
                                                      allergies: ["cafeine"], start: try day("2026-01-05")), in: registry)
        #expect(listed.preparation.id == "c-amino")
        #expect(listed.screening == [
            Screening.Check(condition: "pregnancy", description: "Pregnancy",
                            code: ConceptCode(system: "http://snomed.info/sct", code: "77386006")),
            Screening.Check(condition: "amino-sensitivity", description: "Sensitivity to amino acids", ingredients: ["Amino acids"]),
        ])
    }

    @Test func aQueryLeavesOutWhatAConditionNamesThroughItsIngredientsToo() throws {
        let registry = try fixtureRegistry("screening")
        let ids = registry.preparations(matching: Query(excludedConditions: ["HA-Hypersensitivity", "amino-sensitivity"])).map(\.id)
        #expect(ids == ["b-cafeine", "d-vitamins"])
    }

    @Test func wordsOfARequestAreCaseInsensitive() throws {
        let registry = try fixtureRegistry("screening")
        let host = try standardHost()
        let request = CourseRequest(concern: "Dehydration", region: try Region.named("FACE"), conditions: ["HA-Hypersensitivity"],
                                    start: try day("2026-01-05"))
        let outcome = try host.plan("Face", request, using: registry)
        #expect(outcome.course?.preparation.id == "b-cafeine")
        #expect(outcome.course?.request.conditions == ["ha-hypersensitivity"])
    }

    @Test func anUnknownConditionIsSuggestedByWord() throws {
        let registry = try #require(bundledRegistry)
        let message = try requestError("face", CourseRequest(concern: "dehydration", conditions: ["diabetes"],
                                                             start: try day("2026-01-05")), in: registry)
        #expect(message == "unknown condition 'diabetes'; did you mean 'insulin-dependent-diabetes'?")
    }

    @Test func theBundledVocabularyGivesItsHypersensitivitiesAndAllergiesTheirIngredients() throws {
        let conditions = try #require(bundledRegistry).vocabulary.conditions
        #expect(conditions["hyaluronic-acid-hypersensitivity"]?.ingredients == ["hyaluronic-acid", "hyaluronate"])
        #expect(conditions["hyaluronidase-hypersensitivity"]?.ingredients == ["hyaluronidase"])
        #expect(conditions["bee-venom-allergy"]?.ingredients == ["hyaluronidase"])
        #expect(conditions["soy-allergy"]?.ingredients == [
            "phosphatidylcholine", "polyenylphosphatidylcholine", "phosphatidyl choline", "fosfatidilcolina", "ppc", "phospholipid",
            "phospholipon", "essentiale", "soy", "soya", "soybean", "soja", "glycine max", "lecithin", "lecitina", "sojalecithin",
        ])
        #expect(conditions["fish-allergy"]?.ingredients == ["polynucleotide", "pdrn", "salmon", "trout", "fish"])
        let withIngredients = conditions.filter { $0.key.contains("hypersensitivity") || $0.key.contains("allergy") }
        #expect(withIngredients.allSatisfy { !$0.value.ingredients.isEmpty })
    }
}

/// On random catalogues and requests: no course ever holds an ingredient that a given
/// condition or allergy names, and every candidate is screened exactly as a brute-force
/// reading of the contract says (folding through Foundation, matching on joined text).
@Suite struct ScreeningPropertyTests {
    /// An independent reading of format 1.1 section 6: fold case and accents with Foundation,
    /// split on anything but letters and digits, drop a final `s` from words of four letters
    /// or more not ending in `ss`, and look for the term's words as a run of whole words, or
    /// else for each of them among the words of the name and class (left out in doubt). The
    /// generated terms hold no filler word.
    static func words(_ text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .components(separatedBy: CharacterSet.alphanumerics.inverted)
            .filter { !$0.isEmpty }
            .map { $0.count >= 4 && $0.hasSuffix("s") && !$0.hasSuffix("ss") ? String($0.dropLast()) : $0 }
    }

    /// The contract's matching, and the other names of a substance the term names
    /// (`SubstanceNames`, read here from its list alone: a term names a substance when its
    /// words are a name's, or hold a one-word name).
    static func bruteForceMatches(_ term: String, _ ingredient: Ingredient) -> Bool {
        if bruteForceOwnMatches(term, ingredient) { return true }
        let termWords = words(term)
        return SubstanceNames.substances.contains { names in
            names.contains { name in words(name) == termWords || (words(name).count == 1 && termWords.contains(words(name)[0])) }
                && names.contains { bruteForceOwnMatches($0, ingredient) }
        }
    }

    static func bruteForceOwnMatches(_ term: String, _ ingredient: Ingredient) -> Bool {
        let needle = words(term)
        guard !needle.isEmpty else { return false }
        let joinedNeedle = " " + needle.joined(separator: " ") + " "
        let haystacks = [ingredient.name] + (ingredient.ingredientClass.map { [$0] } ?? [])
        if haystacks.contains(where: { (" " + words($0).joined(separator: " ") + " ").contains(joinedNeedle) }) { return true }
        let all = Set(haystacks.flatMap(words))
        if needle.count > 1, Set(needle).isSubset(of: all) { return true }
        // Or by stems: each word there, a salt's or an acid's other part, or sharing a stem of
        // five letters or more (the word less one chemical ending) with a word there; one at least by its stem.
        func stem(_ word: String) -> String? {
            let ending = ["ate", "ite", "ide", "ine", "one", "ic", "in", "ol", "an", "yl"].first { word.hasSuffix($0) } ?? ""
            let stem = String(word.dropLast(ending.count))
            return stem.count >= 5 ? stem : nil
        }
        let salts: Set = ["sodium", "na", "potassium", "calcium", "magnesium", "acid", "hydrochloride", "hcl", "chloride", "salt",
                          "acetate", "phosphate", "sulfate", "sulphate", "citrate", "gluconate", "lactate", "succinate", "palmitate"]
        let substantive = needle.filter { !salts.contains($0) }
        return !substantive.isEmpty && substantive.allSatisfy { word in
            all.contains(word) || stem(word).map { s in all.contains { stem($0) == s } } == true
        }
    }

    static let nameWords = ["Hyaluronic", "acid", "acids", "Sodium", "hyaluronate", "Amino", "Caféine", "cafeine", "Vitamin",
                            "C", "Zinc", "glycine", "Éclat", "extract", "extracts", "Biotin", "peptide", "peptides", "Glass",
                            "crème", "CREME", "Soja", "lécithine"]
    static let classes = ["hyaluronic-acid", "amino-acid", "vitamin", "plant-extract", "lipolytic", "peptide"]

    static func phrase(_ g: inout SplitMix64) -> String {
        let count = Int.random(in: 1...3, using: &g)
        var words = (0..<count).map { _ in nameWords.randomElement(using: &g) ?? "Zinc" }
        if Bool.random(using: &g) { words = words.map { Bool.random(using: &g) ? $0.uppercased() : $0.lowercased() } }
        return words.joined(separator: Bool.random(using: &g) ? " " : "-")
    }

    @Test func noCourseHoldsAnIngredientAGivenConditionOrAllergyNames() throws {
        var g = SplitMix64(state: 20261127)
        let start = try day("2026-01-05")
        let host = try standardHost()
        var planned = 0, screenedOut = 0
        for _ in 0..<300 {
            var conditions = OrderedDictionary<String, Vocabulary.Condition>()
            for index in 0..<4 {
                let terms = (0..<Int.random(in: 0...2, using: &g)).map { _ in
                    Bool.random(using: &g) ? (Self.classes.randomElement(using: &g) ?? "vitamin") : Self.phrase(&g)
                }.filter { !IngredientTerm($0).isVague }
                conditions["condition-\(index)"] = Vocabulary.Condition(description: "Condition \(index)", ingredients: terms)
            }
            let vocabulary = Vocabulary(conditions: conditions, indications: ["dehydration": .init(description: "Dehydrated skin")],
                                        ingredientClasses: OrderedDictionary(uniqueKeysWithValues: Self.classes.map { ($0, Vocabulary.Word(description: "Class")) }))
            let preparations = (0..<Int.random(in: 1...8, using: &g)).map { index in
                Preparation(
                    id: "p-\(index)", name: "Preparation \(index)",
                    ingredients: (0..<Int.random(in: 1...3, using: &g)).map { _ in
                        Ingredient(name: Self.phrase(&g), ingredientClass: Bool.random(using: &g) ? Self.classes.randomElement(using: &g) : nil)
                    },
                    regions: [.face], indications: ["dehydration"], techniques: [.nappage],
                    depth: LengthRange(min: Quantity(0.5, .mm), max: Quantity(1, .mm)),
                    residence: DurationRange(min: Quantity(3, .day), max: Quantity(30, .day)),
                    phases: [ProtocolPhase(name: "induction", sessions: CountRange(min: 1, max: 1), interval: nil)],
                    contraindications: conditions.keys.filter { _ in Int.random(in: 0..<4, using: &g) == 0 },
                    location: SourceLocation(file: "random.yaml", line: 1, column: 1))
            }
            let registry = Registry(manifest: Manifest(vocabulary: vocabulary), preparations: preparations)
            let given = Array(conditions.keys).filter { _ in Bool.random(using: &g) }
            let allergies = (0..<Int.random(in: 0...2, using: &g)).map { _ in Self.phrase(&g) }.filter { !IngredientTerm($0).isVague }
            let request = CourseRequest(concern: "dehydration", conditions: given, allergies: allergies, start: start)

            // An allergy falls under a condition one of whose ingredients it holds, every word
            // (the generated descriptions and slugs hold none of the generated words).
            let fallenUnder = conditions.keys.filter { condition in
                allergies.contains { allergy in
                    (conditions[condition]?.ingredients ?? []).contains { Set(Self.words($0)).isSubset(of: Set(Self.words(allergy))) }
                }
            }
            let screenedConditions = given + fallenUnder
            func unsafe(_ preparation: Preparation) -> Bool {
                let terms = allergies + screenedConditions.flatMap { conditions[$0]?.ingredients ?? [] }
                return screenedConditions.contains { preparation.contraindications.contains($0) }
                    || preparation.ingredients.contains { ingredient in terms.contains { Self.bruteForceMatches($0, ingredient) } }
            }
            let outcome = try host.plan("face", request, using: registry)
            let excluded = outcome.course?.excluded ?? outcome.refusal?.excluded ?? []
            for preparation in registry.preparations {
                let screened = excluded.first { $0.preparation == preparation.id }?.reasons.contains {
                    $0.hasPrefix("contraindicated with") || $0.hasPrefix("contains")
                } ?? false
                #expect(screened == unsafe(preparation), "\(preparation.ingredients) \(request)")
                if screened { screenedOut += 1 }
            }
            if let chosen = outcome.course?.preparation {
                planned += 1
                #expect(!unsafe(chosen), "\(chosen.ingredients) for \(request)")
            }
        }
        // The generator must exercise both sides.
        #expect(planned > 50)
        #expect(screenedOut > 100)
    }

    // Outside re-check: an allergy with a zero-width space between its words folded to one word
    // and matched nothing; ingredient names were read both ways already.
    @Test("an allergy with an invisible character between its words is read with it as a break too",
          arguments: ["hyaluronic\u{200B}acid", "hyaluronic\u{2060}acid", "hyaluronic\u{FEFF}acid", "hyaluronic\u{AD}acid"])
    func invisibleInAllergy(_ allergy: String) {
        #expect(IngredientTerm(allergy).matches(Ingredient(name: "Hyaluronic acid")))
    }
}
