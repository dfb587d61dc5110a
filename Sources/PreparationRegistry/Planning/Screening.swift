/// Screening a preparation against a patient: the conditions and allergies of a request that
/// leave it out, and the conditions a practitioner must still check before each session.
///
/// - A condition leaves a preparation out when the preparation lists it under
///   `contraindications`, and also (format 1.1) when the vocabulary gives the condition
///   `ingredients` and one of them matches an ingredient of the preparation, listed or not.
/// - An allergy leaves a preparation out when it matches one of its ingredients.
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
    package static func conditionReasons(_ preparation: Preparation, conditions: [String],
                                        vocabulary: Vocabulary) -> [String] {
        var reasons: [String] = []
        for condition in conditions {
            if preparation.contraindications.contains(condition) {
                reasons.append("contraindicated with '\(condition)'")
            }
            for (term, ingredients) in matchedIngredients(preparation, condition: condition, vocabulary: vocabulary) {
                reasons.append("contains \(describe(ingredients)), which the condition '\(condition)' makes unsafe "
                    + "(it names the ingredient '\(term)')")
            }
        }
        return reasons
    }

    /// The reasons the patient's `allergies` leave `preparation` out: one per allergy that
    /// matches, naming every ingredient it matches.
    package static func allergyReasons(_ preparation: Preparation, allergies: [IngredientTerm]) -> [String] {
        allergies.compactMap { allergy in
            let matched = allergy.matching(in: preparation)
            guard !matched.isEmpty else { return nil }
            return "contains \(describe(matched)), matching the allergy '\(allergy.text)'"
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
