/// Screening a preparation against a patient: the conditions and allergies of a request that
/// leave it out, and the conditions a practitioner must still check before each session.
///
/// - A condition leaves a preparation out when the preparation lists it under
///   `contraindications`, and also (format 1.1) when the vocabulary gives the condition
///   `ingredients` and one of them matches an ingredient of the preparation, listed or not.
/// - An allergy leaves a preparation out when it matches one of its ingredients, or when it
///   falls under a condition of the vocabulary that leaves the preparation out
///   (``conditions(namedBy:in:)``).
///
/// Both match through `IngredientTerm`: whole consecutive words of an ingredient's name or
/// class, folded, which errs on the side of leaving out.
package enum Screening {
    /// A condition to screen for before each session of a course.
    package struct Check: Sendable, Hashable {
        /// The condition's slug.
        package var condition: String
        /// Its description in the vocabulary (the slug when the vocabulary lacks it).
        package var description: String
        /// The preparation's ingredients the condition names through its `ingredients`; empty
        /// when it is only listed among the preparation's contraindications.
        package var ingredients: [String]
        /// The condition's code in the vocabulary, if it has one.
        package var code: ConceptCode?

        /// Creates a check.
        package init(condition: String, description: String, ingredients: [String] = [], code: ConceptCode? = nil) {
            self.condition = condition
            self.description = description
            self.ingredients = ingredients
            self.code = code
        }
    }

    /// The reasons the patient's `conditions` leave `preparation` out: one for each condition
    /// it lists, and one for each condition whose `ingredients` match one of its ingredients.
    /// `terms`, when given, are each condition's ingredients as terms (``conditionTerms(_:vocabulary:)``),
    /// made once for many preparations.
    package static func conditionReasons(_ preparation: Preparation, conditions: [String],
                                        vocabulary: Vocabulary, terms: [String: [IngredientTerm]]? = nil) -> [String] {
        var reasons: [String] = []
        for condition in conditions {
            if preparation.contraindications.contains(condition) {
                reasons.append("contraindicated with '\(condition)'")
            }
            let matched = terms?[condition].map { terms in
                terms.compactMap { term in
                    let found = term.matching(in: preparation)
                    return found.isEmpty ? nil : (term.text, found)
                }
            } ?? matchedIngredients(preparation, condition: condition, vocabulary: vocabulary)
            // One reason per set of ingredients, naming every one of the condition's terms that
            // meets it: a condition naming a substance by five names gave five reasons for one
            // ingredient (outside clinician review).
            var grouped: [(ingredients: String, terms: [String])] = []
            for (term, ingredients) in matched {
                let described = describe(ingredients)
                if let index = grouped.firstIndex(where: { $0.ingredients == described }) {
                    grouped[index].terms.append(term)
                } else {
                    grouped.append((described, [term]))
                }
            }
            for (ingredients, terms) in grouped {
                let named = terms.count == 1 ? "the ingredient '\(terms[0])'" : "the ingredients " + terms.map { "'\($0)'" }.joined(separator: ", ")
                reasons.append("contains \(ingredients), which the condition '\(condition)' makes unsafe (it names \(named))")
            }
        }
        return reasons
    }

    /// The reasons the patient's `allergies` leave `preparation` out: one per allergy that
    /// matches, naming every ingredient it matches; those it meets only by every word or by
    /// stems (`IngredientTerm.Match.everyWord`, `.sameStem`) are named as left out in doubt.
    package static func allergyReasons(_ preparation: Preparation, allergies: [IngredientTerm]) -> [String] {
        allergies.compactMap { allergy in
            var phrase: [Ingredient] = [], everyWord: [Ingredient] = [], sameStem: [Ingredient] = []
            for ingredient in preparation.ingredients {
                switch allergy.match(ingredient) {
                case .phrase: phrase.append(ingredient)
                case .everyWord: everyWord.append(ingredient)
                case .sameStem: sameStem.append(ingredient)
                case nil: break
                }
            }
            var parts: [String] = []
            if !phrase.isEmpty { parts.append("contains \(describe(phrase)), matching the allergy '\(allergy.text)'") }
            if !everyWord.isEmpty {
                parts.append((phrase.isEmpty ? "contains " : "and ") + describe(everyWord)
                    + (everyWord.count == 1 ? ", which holds" : ", which each hold")
                    + " every word of the allergy '\(allergy.text)', though not as one phrase: it may hold that substance, so it is left out in doubt")
            }
            if !sameStem.isEmpty {
                parts.append((parts.isEmpty ? "contains " : "and ") + describe(sameStem)
                    + (sameStem.count == 1 ? ", whose name shares" : ", whose names share")
                    + " the stem of the allergy '\(allergy.text)' (a salt and its acid, or two names of one substance): "
                    + "it may be that substance, so it is left out in doubt")
            }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        }
    }

    /// The vocabulary's conditions `allergy` falls under: the allergies among them (a slug or
    /// description saying allergy, hypersensitivity or intolerance, ``markingAnAllergy``) whose slug
    /// (hyphens read as spaces) or description holds every word of the allergy, folded as
    /// ingredients are (`peanut` falls under `soy-allergy`, "Allergy to soy or peanut"; `bee
    /// venom` under `bee-venom-allergy`). A patient with the allergy is screened as if the
    /// condition were given too: on the safe side, since the vocabulary knows what the
    /// ingredient names may not say. Not any condition naming the word: an allergy to aspirin is
    /// not "anticoagulants or antiplatelet drugs, including aspirin" (that reading left every
    /// bundled preparation out of every course for `--allergy aspirin`), nor one to platelets a
    /// clotting disorder.
    ///
    /// An allergy also falls under a condition one of whose `ingredients` it holds, every word:
    /// `sodium hyaluronate` under `hyaluronic-acid-hypersensitivity`, which names
    /// `hyaluronate` (the salt is the acid's usual form; an outside review found the allergy
    /// matched nothing and a hyaluronic acid planned).
    package static func conditions(namedBy allergy: IngredientTerm, in vocabulary: Vocabulary) -> [String] {
        let allergyWords = Set(allergy.words)
        return vocabulary.conditions.compactMap { slug, entry in
            let words = Set(IngredientTerm.matchWords(slug) + IngredientTerm.matchWords(entry.description))
            if !words.isDisjoint(with: markingAnAllergy), allergy.holdsEveryWord(words.contains) { return slug }
            return entry.ingredients.contains { IngredientTerm($0).holdsEveryWord(allergyWords.contains) } ? slug : nil
        }
    }

    /// What matching by name cannot promise, said wherever the course relies on it: an
    /// ingredient named in another language or by a brand the tool does not list meets no
    /// allergy, so the practitioner compares the ingredients with the allergies.
    package static let namesCaveat = "names are matched as written or by the other names this tool lists, "
        + "not in other languages or by every brand: check each ingredient against it"

    /// The words, folded as ``IngredientTerm/matchWords(_:)`` folds them, that make a
    /// condition of the vocabulary an allergy (`soy-allergy`, "Hypersensitivity to
    /// hyaluronidase", "Intolerance to NSAIDs"), which an allergy may fall under by its words.
    static let markingAnAllergy: Set<String> = ["allergy", "allergie", "allergic", "hypersensitivity", "hypersensitivitie",
                                                "hypersensitive", "intolerance", "intolerant", "anaphylaxi", "anaphylactic"]

    /// Each allergy paired with a condition it falls under (`conditions(namedBy:in:)`), for the
    /// conditions not `given` already, each condition once.
    package static func allergyConditions(_ allergies: [IngredientTerm], given: [String],
                                         vocabulary: Vocabulary) -> [(allergy: IngredientTerm, condition: String)] {
        var seen = Set(given)
        return allergies.flatMap { allergy in
            conditions(namedBy: allergy, in: vocabulary).filter { seen.insert($0).inserted }.map { (allergy, $0) }
        }
    }

    /// The reasons the conditions of `allergyConditions` (``allergyConditions(_:given:vocabulary:)``)
    /// leave `preparation` out, each saying which allergy brought the condition in; none for an
    /// allergy that leaves the preparation out by its own ingredients (its reason says enough).
    package static func allergyConditionReasons(_ preparation: Preparation,
                                               allergyConditions: [(allergy: IngredientTerm, condition: String)],
                                               vocabulary: Vocabulary) -> [String] {
        allergyConditions.flatMap { allergy, condition -> [String] in
            guard allergy.matching(in: preparation).isEmpty else { return [] }
            return conditionReasons(preparation, conditions: [condition], vocabulary: vocabulary)
                .map { "\($0), for the allergy '\(allergy.text)', which falls under that condition" }
        }
    }

    /// What to screen for before each session of `preparation`: every condition it lists under
    /// `contraindications`, in its order, then every other condition of the vocabulary whose
    /// `ingredients` name one of its ingredients, in the vocabulary's order.
    package static func checks(for preparation: Preparation, vocabulary: Vocabulary) -> [Check] {
        var checks: [Check] = []
        var seen = Set<String>()
        for condition in preparation.contraindications where seen.insert(condition).inserted {
            let ingredients = matchedIngredients(preparation, condition: condition, vocabulary: vocabulary).flatMap(\.1)
            checks.append(Check(condition: condition, description: vocabulary.conditions[condition]?.description ?? condition,
                                ingredients: names(ingredients), code: vocabulary.conditions[condition]?.code))
        }
        for (condition, entry) in vocabulary.conditions where !seen.contains(condition) && !entry.ingredients.isEmpty {
            let ingredients = matchedIngredients(preparation, condition: condition, vocabulary: vocabulary).flatMap(\.1)
            guard !ingredients.isEmpty else { continue }
            checks.append(Check(condition: condition, description: entry.description, ingredients: names(ingredients),
                                code: entry.code))
        }
        return checks
    }

    /// Each of `conditions`' ingredients as terms, by condition: made once for the candidates of
    /// a course, since a term is folded and looks up its substance's other names (`SubstanceNames`).
    package static func conditionTerms(_ conditions: [String], vocabulary: Vocabulary) -> [String: [IngredientTerm]] {
        var terms: [String: [IngredientTerm]] = [:]
        for condition in conditions {
            terms[condition] = (vocabulary.conditions[condition]?.ingredients ?? []).map(IngredientTerm.init)
        }
        return terms
    }

    /// For each of `condition`'s `ingredients` that matches some ingredient of `preparation`:
    /// the term and the ingredients it matches.
    package static func matchedIngredients(_ preparation: Preparation, condition: String,
                                          vocabulary: Vocabulary) -> [(String, [Ingredient])] {
        guard let terms = vocabulary.conditions[condition]?.ingredients else { return [] }
        return terms.compactMap { term in
            let matched = IngredientTerm(term).matching(in: preparation)
            return matched.isEmpty ? nil : (term, matched)
        }
    }

    /// `'Sodium hyaluronate' (class hyaluronic-acid)`, joined by `and` for several.
    static func describe(_ ingredients: [Ingredient]) -> String {
        ingredients.map { ingredient in
            var text = "'\(ingredient.name)'"
            if let ingredientClass = ingredient.ingredientClass { text += " (class \(ingredientClass))" }
            return text
        }.joined(separator: " and ")
    }

    /// The names of `ingredients`, each once, in order.
    private static func names(_ ingredients: [Ingredient]) -> [String] {
        var seen = Set<String>()
        return ingredients.map(\.name).filter { seen.insert($0).inserted }
    }
}
