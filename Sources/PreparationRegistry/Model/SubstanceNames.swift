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
         "jalupro", "nctf", "stylage", "redensity", "revanesse", "saypha", "nasha"],
        ["hyaluronidase", "hyaluronoglucosaminidase", "hylase", "hyalase", "hylenex", "vitrase", "amphadase", "liporase",
         "hydase", "lidase", "hyalozima", "hialuronidasa", "ialuronidasi"],
        ["tranexamic acid", "txa", "cyklokapron", "transamin", "lysteda", "exacyl", "acide tranexamique", "tranexamsaure",
         "acido tranexamico"],
        // One group: the dutasteride label contraindicates it with hypersensitivity to another
        // 5-alpha-reductase inhibitor (Avodart prescribing information).
        ["dutasteride", "dutasterid", "dutasterida", "avodart", "finasteride", "propecia", "proscar", "5-alpha reductase inhibitor",
         "5-alpha-reductase inhibitor"],
        ["copper tripeptide-1", "ghk-cu", "ghk", "prezatide copper", "copper peptide"],
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
         "desoxycholsaure", "acido desoxicolico", "bile salt", "bile acid", "kybella", "belkyra", "atx-101", "aqualyx",
         "lipostabil", "dermastabilon", "lipodissolve"],
        ["platelet-rich plasma", "prp", "autologous platelet-rich plasma"],
        ["phosphatidylcholine", "polyenylphosphatidylcholine", "ppc", "pc", "lipostabil", "dermastabilon", "lipodissolve"],
        ["caffeine", "cafeine", "koffein", "cafeina", "coffein"],
        ["acetylsalicylic acid", "acetylsalicylate", "aspirin", "asa"],
        ["methylprednisolone", "depo-medrol", "solu-medrol", "depo-medrone", "medrol"],
        ["lidocaine", "lignocaine", "lidocaina", "lidokain", "xylocaine"],
        ["prilocaine", "citanest"],
        ["articaine", "artikain", "ubistesin", "septanest"],
        ["mepivacaine", "carbocaine", "scandonest"],
        ["vitamin c", "ascorbic acid", "ascorbate", "ascorbyl"],
        ["vitamin e", "tocopherol", "tocopheryl"],
        ["vitamin a", "retinol", "retinyl"],  // the `a` kept after `vitamin` (`IngredientTerm.endsNothing`)
        // Each B vitamin is also in the group's names ("B vitamins", "Vitamin B complex",
        // "Vitamins A, B group, C and E"): an outside review planned a cocktail of "other B
        // vitamins" for `--allergy thiamine`. So `B vitamins` names them all.
        ["vitamin b1", "thiamine", "thiamin"] + bGroup,
        ["vitamin b2", "riboflavin"] + bGroup,
        ["vitamin b3", "niacinamide", "nicotinamide", "niacin"] + bGroup,
        ["vitamin b5", "panthenol", "dexpanthenol", "pantothenic acid", "pantothenate"] + bGroup,
        ["vitamin b6", "pyridoxine", "pyridoxal"] + bGroup,
        ["vitamin b7", "vitamin h", "biotin"] + bGroup,
        ["vitamin b9", "folic acid", "folate"] + bGroup,
        ["vitamin b12", "cobalamin", "cyanocobalamin", "hydroxocobalamin", "methylcobalamin"] + bGroup,
    ]

    /// The names of the B group as a whole, among each B vitamin's.
    private static let bGroup = ["b vitamin", "vitamin b complex", "b complex", "b group"]

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
