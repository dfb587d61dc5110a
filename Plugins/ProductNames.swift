import PreparationRegistry

/// The names the substances held to published limits go by in catalogue entries: the rules
/// `submental-deoxycholic-label`, `body-lipolysis-limits`, `body-lipolysis-assessment` and
/// `scar-corticosteroid-limits` and `scalp-plasma-nsaid-hold` recognise an entry by any of them, matched as an allergy is (``IngredientTerm``: whole
/// words, a salt and its acid). An outside review planned entries that named the substance
/// otherwise ("Polyenylphosphatidylcholine", "Desoxycholic acid", "Kybella (ATX-101)") beyond
/// every limit, without a word.
enum ProductNames {
    /// Phosphatidylcholine, and the polyenyl form of it that injection-lipolysis products hold.
    /// Also as two words, by its abbreviation (PPC), by the original injectable product's brand
    /// (Lipostabil), and as lecithin, its source (soy lecithin, as the vocabulary's soy-allergy
    /// says).
    static let phosphatidylcholine = terms("phosphatidylcholine", "polyenylphosphatidylcholine", "phosphatidyl choline",
                                           "ppc", "lipostabil", "lecithin")

    /// Deoxycholic acid and its salts, under the older spelling too, and the labelled product's
    /// brand and trial names (Kybella in the US, Belkyra elsewhere, ATX-101 in its trials).
    static let deoxycholate = terms("deoxycholic acid", "desoxycholic acid", "kybella", "belkyra", "atx-101")

    /// The corticosteroids injected into raised scars, and the class word itself.
    /// Also under the German spelling and the brands of triamcinolone (Kenalog, Kenacort,
    /// Volon A) and betamethasone (Celestone, Diprospan) injected into scars.
    static let corticosteroid = terms("corticosteroid", "triamcinolone", "triamcinolon", "betamethasone", "dexamethasone",
                                      "methylprednisolone", "kenalog", "kenacort", "volon", "celestone", "diprospan")

    /// The local anaesthetics injected in mesotherapy mixtures and in the numbing cream, by
    /// their names (lignocaine is lidocaine's British name, EMLA the cream), and the class.
    static let localAnaesthetic = terms("lidocaine", "lignocaine", "prilocaine", "procaine", "mepivacaine", "articaine",
                                        "bupivacaine", "emla", "local anaesthetic", "local anesthetic")

    /// True when `allergy`, matched as the core matches one against an ingredient, names a
    /// local anaesthetic: one of ``localAnaesthetic``'s names, or their class (`local
    /// anaesthetic`). The one list behind `body-anaesthetic-surface` (the cream is ruled out)
    /// and `local-anaesthetic-allergy` (so is every injection of one).
    static func namesLocalAnaesthetic(_ allergy: String) -> Bool {
        let term = IngredientTerm(allergy)
        return localAnaestheticNames.contains(where: term.matches)
    }

    /// ``localAnaesthetic``'s names as ingredients of their class, for allergies to meet.
    private static let localAnaestheticNames = localAnaesthetic.terms.map {
        Ingredient(name: $0.text, ingredientClass: "local-anaesthetic")
    }

    /// The patient's own plasma under the names entries give it (besides its class,
    /// `autologous-plasma`), and the products made from it the same way (platelet-rich
    /// fibrin, autologous conditioned serum), whose platelets NSAIDs blunt as well.
    static let autologousPlasma = terms("platelet-rich plasma", "autologous plasma", "prp", "platelet-rich fibrin", "prf",
                                        "autologous conditioned serum")

    /// True when one of `preparation`'s ingredients goes by one of `names`.
    static func holds(_ preparation: Preparation, _ names: IngredientTerms) -> Bool {
        preparation.ingredients.contains(where: names.matchAny)
    }

    private static func terms(_ names: String...) -> IngredientTerms { IngredientTerms(names) }
}
