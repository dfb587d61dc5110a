/// Substances that catalogue entries and patients name in more than one way: the chemical and
/// the vitamin name, the abbreviation, the brands of a product that holds only that substance
/// (or that substance as its active part). An allergy, a condition's ingredient or an
/// ingredient filter naming one of them meets an ingredient named by any other
/// (``IngredientTerm/aliases``). An outside clinician review planned tranexamic acid for an
/// allergy to `TXA`, a hyaluronidase sold as "Hylase Dessau" for a hyaluronidase
/// hypersensitivity, and "Profhilo" for a hyaluronic-acid hypersensitivity.
///
/// A term names a substance when its words (folded as matching folds them, fillers at the ends
/// dropped: `allergy to TXA` is `txa`) are one of its names, or hold one of its one-word names
/// (`Hylase Dessau`, `Cyklokapron 500 mg`; not `vitamin c complex`, which keeps the contract's
/// reading: a longer term meets no shorter name). Only names
/// whose substances are not in doubt are listed. A product mixing known actives is listed
/// under each of them (Lipostabil: phosphatidylcholine and deoxycholate), so that an allergy
/// to it meets every preparation holding either (`--allergy Lipostabil` planned a
/// phosphatidylcholine-deoxycholate lipolysis), and an allergy to either meets the product.
package enum SubstanceNames {
    /// Each substance's names, the first the one catalogues mostly use.
    package static let substances: [[String]] = [
        ["hyaluronic acid", "hyaluronan", "hyaluronate", "hyaluronsaure", "acido ialuronico", "acido hialuronico", "ha",
         "acide hyaluronique", "profhilo", "restylane", "juvederm", "volite", "teosyal", "belotero", "skinvive", "viscoderm",
         "jalupro", "nctf", "stylage", "redensity", "revanesse", "saypha", "nasha", "hyaluronsaeure", "natriumhyaluronat",
         "hialuronato", "ialuronato"],
        ["hyaluronidase", "hyaluronoglucosaminidase", "hylase", "hyalase", "hylenex", "vitrase", "amphadase", "liporase",
         "hydase", "lidase", "hyalozima", "hialuronidasa", "ialuronidasi"],
        ["tranexamic acid", "txa", "cyklokapron", "transamin", "lysteda", "exacyl", "acide tranexamique", "tranexamsaure",
         "acido tranexamico"],
        // One group: the dutasteride label contraindicates it with hypersensitivity to another
        // 5-alpha-reductase inhibitor (Avodart prescribing information).
        ["dutasteride", "dutasterid", "dutasterida", "avodart", "finasteride", "propecia", "proscar", "5-alpha reductase inhibitor",
         "5-alpha-reductase inhibitor"],
        // `copper` and `Cu` name it too: an allergy to copper met "Copper tripeptide-1" but not "GHK-Cu".
        ["copper tripeptide-1", "ghk-cu", "ghk", "prezatide copper", "copper peptide", "copper", "cu", "kupfer", "cuivre"],
        ["polynucleotide", "polydeoxyribonucleotide", "pdrn", "pn", "salmon dna", "rejuran", "plinest"],
        ["triamcinolone", "triamcinolon", "triamcinolona", "kenalog", "kenacort", "volon", "adcortyl", "trigon", "aristocort", "aristospan",
         "lederspan", "hexatrione", "triesence", "zilretta", "kenakort"],
        ["betamethasone", "celestone", "diprospan", "diprophos", "betnesol"],
        ["dexamethasone", "decadron", "fortecortin"],
        ["hydrocortisone", "cortef", "solu-cortef"],
        // `--allergy Kybella` planned a sodium-deoxycholate lipolysis, `--allergy PRP` the
        // plasma course (outside clinician review). Lipostabil, Dermastabilon and the
        // "lipodissolve" mixtures hold phosphatidylcholine and deoxycholate: in both groups.
        ["deoxycholic acid", "desoxycholic acid", "deoxycholate", "desoxycholate", "dca", "acide desoxycholique",
         "desoxycholsaure", "acido desoxicolico", "acido desossicolico", "acido deossicolico", "natriumdeoxycholat",
         "natriumdesoxycholat", "desoxicolato", "desossicolato", "deossicolato", "bile salt", "bile acid", "kybella", "belkyra", "atx-101", "aqualyx",
         "lipostabil", "dermastabilon", "lipodissolve"],
        ["platelet-rich plasma", "prp", "autologous platelet-rich plasma"],
        ["phosphatidylcholine", "polyenylphosphatidylcholine", "ppc", "pc", "lipostabil", "dermastabilon", "lipodissolve"],
        ["caffeine", "cafeine", "koffein", "cafeina", "caffeina", "coffein"],
        ["acetylsalicylic acid", "acetylsalicylate", "aspirin", "asa"],
        ["methylprednisolone", "depo-medrol", "solu-medrol", "depo-medrone", "medrol"],
        // With the hyaluronic-acid fillers that hold it (0.3 %: Juvederm's XC, Restylane-L,
        // Perlane-L, Teosyal PureSense), which are names of both.
        ["lidocaine", "lignocaine", "lidocaina", "lidokain", "xylocaine", "xc", "restylane-l", "perlane-l", "puresense"],
        ["prilocaine", "citanest"],
        ["articaine", "artikain", "ubistesin", "septanest"],
        ["mepivacaine", "carbocaine", "scandonest"],
        vitamin("c", "ascorbic acid", "ascorbate", "ascorbyl"),
        vitamin("e", "tocopherol", "tocopheryl"),
        vitamin("a", "retinol", "retinyl"),  // the `a` kept after `vitamin` (`IngredientTerm.isVitaminLetter`)
        // Each B vitamin is also in the group's names ("B vitamins", "Vitamin B complex",
        // "Vitamins A, B group, C and E", `vitamin B`): an outside review planned a cocktail of
        // "other B vitamins" for `--allergy thiamine`. So `B vitamins` names them all.
        vitamin("b1", "thiamine", "thiamin") + bGroup,
        vitamin("b2", "riboflavin") + bGroup,
        vitamin("b3", "niacinamide", "nicotinamide", "niacin") + bGroup,
        vitamin("b5", "panthenol", "dexpanthenol", "pantothenic acid", "pantothenate") + bGroup,
        vitamin("b6", "pyridoxine", "pyridoxal") + bGroup,
        vitamin("b7", "vitamin h", "vitamin b8", "b8", "biotin", "biotine") + bGroup,  // B8 in France
        vitamin("b9", "folic acid", "folate") + bGroup,
        vitamin("b12", "cobalamin", "cyanocobalamin", "hydroxocobalamin", "methylcobalamin") + bGroup,
    ]

    /// The names of the B group as a whole, among each B vitamin's.
    private static let bGroup = ["b vitamin", "vitamin b", "vitamin b complex", "b complex", "b group"]

    /// A vitamin's names: `vitamin X` in English, French and Italian or Spanish (`vitamine`,
    /// `vitamina`) and abbreviated (`vit X`), a B vitamin's number alone (`B12`), then `others`.
    private static func vitamin(_ letter: String, _ others: String...) -> [String] {
        vitaminWords.map { "\($0) \(letter)" } + (letter.count > 1 ? [letter] : []) + others
    }

    /// The word `vitamin` in English, French, Italian or Spanish, and abbreviated.
    static let vitaminWords = ["vitamin", "vitamine", "vitamina", "vit"]

    /// Each substance's names as terms without aliases, with their folded words.
    private static let terms: [[IngredientTerm]] = substances.map { names in
        names.map { IngredientTerm($0, aliasing: false) }
    }

    /// The other names of every substance that `words` (a term's folded words) name; empty for none.
    static func aliases(of words: [String]) -> [IngredientTerm] {
        guard !words.isEmpty else { return [] }
        var found: [IngredientTerm] = []
        for names in terms where names.contains(where: { name in
            name.words == words || (name.words.count == 1 && words.contains(name.words[0]))
        }) {
            found += names.filter { $0.words != words }
        }
        return found
    }
}
