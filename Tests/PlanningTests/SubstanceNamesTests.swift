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
        // Outside review 16: a B vitamin and the group, vitamin A's names, deoxycholate and the
        // mixture, other languages and brands, a strength typed after the name, the field's
        // two-letter abbreviations.
        ("thiamine", "Biotin, panthenol and other B vitamins"), ("vitamin B12", "Vitamin B complex"),
        ("cyanocobalamin", "Vitamins A, B group, C and E"), ("B vitamins", "Pyridoxine"), ("retinol", "Vitamins A, C and E"),
        ("vitamin A", "Retinyl palmitate"), ("allergy to vitamin a", "Vitamins A, C and E"), ("deoxycholate", "Lipostabil"),
        ("sodium deoxycholate", "Lipostabil N"), ("DCA", "Deoxycholic acid"), ("bile salts", "Deoxycholic acid"),
        ("acide tranexamique", "Tranexamic acid"), ("Tranexamsäure", "TXA"), ("acide hyaluronique", "Sodium hyaluronate"),
        ("Fortecortin", "Dexamethasone phosphate"), ("aspirin", "Acetylsalicylic acid"), ("caféine", "Koffein"),
        ("Stylage", "Hyaluronic acid"), ("caffeine 250 mg", "Caffeine"), ("tranexamic acid 4 mg/ml", "Tranexamic acid"),
        ("Kenalog 40", "Triamcinolone"), ("HA", "Sodium hyaluronate"), ("PC", "Phosphatidylcholine"),
        // Outside re-check 17.
        ("vitamin B", "Biotin"), ("vitamine A", "Vitamins A, C and E"), ("B12", "Cyanocobalamin"), ("vit C", "Vitamin C"),
        ("vitamin B8", "Biotin"), ("copper", "GHK-Cu"), ("caffeina", "Caffeine"), ("acido desossicolico", "Deoxycholic acid"),
        ("Natriumhyaluronat", "Hyaluronic acid"), ("lidocaine", "Juvéderm Ultra XC"), ("Juvederm Ultra XC", "Lidocaine"),
        ("lidocaine", "Restylane-L"), ("PN", "Polynucleotides"),
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
        // `vitamin a` keeps its letter: not every vitamin; a B vitamin is not another vitamin.
        #expect(!IngredientTerm("vitamin A").matches(Ingredient(name: "Biotin", ingredientClass: "vitamin")))
        #expect(!IngredientTerm("vitamin a").matches(Ingredient(name: "Vitamin C")))
        #expect(!IngredientTerm("vitamine A").matches(Ingredient(name: "Biotin", ingredientClass: "vitamin")))
        #expect(!IngredientTerm("Restylane").matches(Ingredient(name: "Lidocaine")))  // the plain gel holds none
        #expect(!IngredientTerm("thiamine").matches(Ingredient(name: "Biotin", ingredientClass: "vitamin")))
        // A strength is dropped only after a name: a number alone is what it is.
        #expect(!IngredientTerm("caffeine 250 mg").matches(Ingredient(name: "Caffeine 500 mg")) == false)
        #expect(IngredientTerm("5").matches(Ingredient(name: "Vitamin B5")) == false)
        #expect(IngredientTerm("5").matches(Ingredient(name: "5-alpha reductase inhibitor")))
        // Listed names are not too vague; other two-letter words are.
        #expect(!IngredientTerm("HA").isVague && !IngredientTerm("PC").isVague && IngredientTerm("DC").isVague)
        // Not from one active to the other through the product that holds both.
        #expect(!IngredientTerm("Kybella").matches(Ingredient(name: "Phosphatidylcholine")))
        #expect(!IngredientTerm("PPC").matches(Ingredient(name: "Deoxycholic acid")))
    }
}
