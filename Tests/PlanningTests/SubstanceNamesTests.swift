import PreparationRegistry
import Testing

/// Other names of one substance meet each other (`SubstanceNames`): the cases an outside
/// clinician review planned past an allergy or a condition.
@Suite struct SubstanceNamesTests {
    @Test("an allergy by another name of the substance", arguments: [
        ("TXA", "Tranexamic acid"), ("Cyklokapron", "Tranexamic acid 100 mg/ml"), ("allergy to TXA", "Tranexamic acid"),
        ("Avodart", "Dutasteride"), ("GHK-Cu", "Copper tripeptide-1"), ("hyaluronidase", "Hylase Dessau"),
        ("Hylase Dessau", "Hyaluronidase"), ("hyaluronic-acid", "Profhilo"), ("hyaluronic acid", "Restylane Vital"),
        ("Hyaluronsäure", "Sodium hyaluronate"), ("ascorbic acid", "Vitamin C"), ("vitamin c", "Ascorbic acid"),
        ("tocopherol", "Vitamin E"), ("biotin", "Vitamin H"), ("dexpanthenol", "Vitamin B5"), ("PDRN", "Polynucleotides"),
        ("Kybella", "Sodium deoxycholate"), ("deoxycholic acid", "Aqualyx"), ("PRP", "Platelet-rich plasma"),
        ("platelet-rich plasma", "PRP (autologous)"), ("PPC", "Polyenylphosphatidylcholine"), ("Aristospan", "Triamcinolone hexacetonide"),
        // A product of two actives meets each, and each meets it.
        ("Lipostabil", "Sodium deoxycholate"), ("Lipostabil", "Phosphatidylcholine (from soy lecithin)"),
        ("deoxycholic acid", "Lipostabil N"), ("phosphatidylcholine", "Lipostabil"), ("Dermastabilon", "Deoxycholic acid"),
    ])
    func otherName(_ allergy: String, _ ingredient: String) {
        #expect(IngredientTerm(allergy).matches(Ingredient(name: ingredient)), "\(allergy) / \(ingredient)")
    }

    @Test("no substance is named by a longer phrase holding a name of several words, nor by another substance")
    func narrowTriggers() {
        #expect(!IngredientTerm("vitamin-c-complex").matches(Ingredient(name: "Vitamin C")))
        #expect(!IngredientTerm("hyaluronidase").matches(Ingredient(name: "Profhilo")))
        #expect(!IngredientTerm("tranexamic acid").matches(Ingredient(name: "Ascorbic acid")))
        #expect(!IngredientTerm("vitamin c").matches(Ingredient(name: "Tocopherol")))
        // Not from one active to the other through the product that holds both.
        #expect(!IngredientTerm("Kybella").matches(Ingredient(name: "Phosphatidylcholine")))
        #expect(!IngredientTerm("PPC").matches(Ingredient(name: "Deoxycholic acid")))
    }
}
