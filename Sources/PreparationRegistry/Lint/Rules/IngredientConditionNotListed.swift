extension LintRules {
    /// A preparation holds an ingredient that a condition of the vocabulary names in its
    /// `ingredients`, yet does not list that condition among its contraindications.
    package static let ingredientConditionNotListed = LintRule(
        id: "ingredient-condition-not-listed",
        rationale: "A condition that names ingredients (format 1.1, for example a hypersensitivity to hyaluronic acid) leaves out every preparation holding one of them, whether or not the preparation lists it; but a reader of the preparation, its 'show' output or an export sees only its 'contraindications'. Listing the condition there keeps the entry honest about what to screen for.",
        triggeringExamples: [
            lintExample(["ingredients": "↓[hyaluronic acid]", "contraindications": "[pregnancy]"]),
            lintExample(["ingredients": "↓[{name: Sodium hyaluronate, class: hyaluronic-acid}]", "contraindications": ""]),
            lintExample(["ingredients": "↓[Hyaluronidase]", "contraindications": "[hyaluronidase-hypersensitivity]"]),
        ],
        nonTriggeringExamples: [
            lintExample(["contraindications": "[hyaluronic-acid-hypersensitivity]"]),
            lintExample(["ingredients": "[{name: Vitamin C, class: vitamin}]", "contraindications": ""]),
            lintExample(["ingredients": "[Hyaluronidase]",
                         "contraindications": "[hyaluronidase-hypersensitivity, bee-venom-allergy]"]),
        ]
    ) { preparation, context in
        guard !context.conditionTerms.isEmpty else { return [] }
        var warnings: [(SourceLocation, LintRule.Message)] = []
        let folded = preparation.ingredients.map { ingredient in
            (ingredient, IngredientTerm.matchWords(ingredient.name), ingredient.ingredientClass.map(IngredientTerm.matchWords))
        }
        func check(_ index: Int) {
            let (condition, terms) = context.conditionTerms[index]
            guard !preparation.contraindications.contains(condition) else { return }
            for term in terms {
                guard let (ingredient, _, _) = folded.first(where: { _, name, classWords in
                    term.match(nameWords: name, classWords: classWords) != nil
                }) else { continue }
                warnings.append((preparation.location(of: "ingredients"),
                                 .ingredientConditionNotListed(ingredient.name, condition: condition, term: term.text)))
                break
            }
        }
        if context.conditionsByWord == nil {
            for index in context.conditionTerms.indices { check(index) }
        } else {
            for index in context.conditions(meeting: folded.flatMap { _, name, classWords in [name, classWords ?? []] }) {
                check(index)
            }
        }
        return warnings
    }
}
