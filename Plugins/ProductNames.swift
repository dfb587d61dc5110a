import PreparationRegistry

/// The names the substances held to published limits go by in catalogue entries: the rules
/// `submental-deoxycholic-label`, `body-lipolysis-limits`, `body-lipolysis-assessment` and
/// `scar-corticosteroid-limits` and `scalp-plasma-nsaid-hold` recognise an entry by any of them, matched as an allergy is (``IngredientTerm``: whole
/// words, a salt and its acid). An outside review planned entries that named the substance
/// otherwise ("Polyenylphosphatidylcholine", "Desoxycholic acid", "Kybella (ATX-101)") beyond
/// every limit, without a word.
enum ProductNames {
    /// Phosphatidylcholine, and the polyenyl form of it that injection-lipolysis products hold.
    /// Also as two words, by its abbreviations (PPC, and PC as in "PC/DC"), by the original
    /// injectable product's brand (Lipostabil, through `SubstanceNames`), as lecithin, its
    /// source (soy lecithin, as the vocabulary's soy-allergy says), and as the phospholipids it
    /// is one of ("essential phospholipids").
    ///
    /// The mixtures of both actives (Lipostabil, lipodissolve) come from `SubstanceNames`,
    /// which names them under each: listed here, the term for one would bring in every name of
    /// the other active too, and took "Deoxycholic acid" alone for a mixture.
    static let phosphatidylcholine = terms("phosphatidylcholine", "polyenylphosphatidylcholine", "phosphatidyl choline",
                                           "ppc", "pc", "pcdc", "lecithin", "phospholipid")

    /// Deoxycholic acid and its salts, under the older spelling too and as DC ("PC/DC"), the
    /// labelled product's brand and trial names (Kybella in the US, Belkyra elsewhere, ATX-101
    /// in its trials), DCA, the German spellings (Natriumdeoxycholat), Aqualyx (sodium deoxycholate in a gel), and the bile salts and acids it is
    /// one of ("phosphatidylcholine with bile salts").
    static let deoxycholate = terms("deoxycholic acid", "desoxycholic acid", "dc", "dca", "pcdc", "kybella", "belkyra", "atx-101", "aqualyx",
                                    "bile salt", "bile acid", "deoxycholat", "desoxycholat", "natriumdeoxycholat", "natriumdesoxycholat")

    /// The corticosteroids injected into raised scars, and the class word itself: also by the
    /// abbreviation of triamcinolone acetonide (TAC), hydrocortisone, prednisolone, cortisone,
    /// and the words steroid and corticoid. Each substance's other names and brands (Kenalog,
    /// Volon A, Celestone, Depo-Medrol...) come from the core's one list of them
    /// (`SubstanceNames`, a term's aliases), not again here.
    static let corticosteroid = terms("corticosteroid", "corticoid", "glucocorticoid", "steroid",
                                      "triamcinolone", "tac", "betamethasone",
                                      "dexamethasone", "methylprednisolone", "prednisolone", "hydrocortisone", "cortisone",
                                      "clobetasol", "halobetasol", "fluocinolone", "prednisone", "prednison", "prednisona",
                                      "cortivazol")

    /// True when a word (folded, ``IngredientTerm/matchWords(_:)``) is a corticosteroid's name
    /// by the stems the international nonproprietary names give them: `-asone` (dexamethasone,
    /// mometasone, fluticasone...), `-olone` (triamcinolone, fluocinolone, prednisolone...),
    /// `-onide` (the acetonides: budesonide, fluocinonide, desonide...), `-betasol` (clobetasol),
    /// and their German and Spanish endings (``stems``):
    /// an outside review left out a corticosteroid under fourteen names and planned it under
    /// three others (Aristospan, clobetasol, fluocinolone) beyond the published limits.
    static func isCorticosteroidWord(_ word: String) -> Bool {
        // A strength glued to the name (`Triamcinolone40`) aside.
        var stem = Substring(word)
        while let last = stem.last, last.isASCII, last.isNumber { stem = stem.dropLast() }
        return stem.count >= 7 && stems.contains(where: stem.hasSuffix)
    }

    /// The stems of ``isCorticosteroidWord(_:)``, with the German and Spanish endings
    /// (`Dexamethason`, `Dexametasona`, `Prednisolon`, `Metilprednisolona`,
    /// `Triamcinolonacetonid`), which an outside re-check found planned past the limits.
    private static let stems = ["asone", "ason", "asona", "olone", "olon", "olona", "onide", "onid", "betasol",
                                "cortisone", "cortison", "cortisona", "cort",
                                // The class in other words and languages (glucocorticosteroid, Kortikosteroid, corticoide).
                                "steroid", "steroide", "corticoid", "corticoide", "kortikoid"]

    /// True when `ingredient` is a corticosteroid: one of ``corticosteroid``'s names, or a word
    /// of its name with a corticosteroid's stem (``isCorticosteroidWord(_:)``).
    static func isCorticosteroid(_ ingredient: Ingredient) -> Bool {
        corticosteroid.matchAny(ingredient)
            || (mayHoldStem(ingredient.name) && IngredientTerm.matchWords(ingredient.name).contains(where: isCorticosteroidWord))
            || hasGluedBrand(ingredient.name)
    }

    /// True when a run of ASCII letters followed at once by a digit (`Kenalog10`: a strength
    /// glued to a brand) is a one-word name of a corticosteroid (``gluedNames``). The letters are
    /// looked up only where a digit follows them, so a name without one costs a pass over its
    /// bytes (making a spaced copy of every name with a digit cost `course` 58 M instructions).
    static func hasGluedBrand(_ name: String) -> Bool {
        var start: String.UTF8View.Index?
        let utf8 = name.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index] | 0x20
            if byte >= 97 && byte <= 122 {
                if start == nil { start = index }
            } else {
                if let begin = start, utf8[index] >= 48 && utf8[index] <= 57,
                   gluedNames.contains(String(decoding: utf8[begin..<index], as: UTF8.self).lowercased()) {
                    return true
                }
                start = nil
            }
            index = utf8.index(after: index)
        }
        return false
    }

    /// The one-word names of the corticosteroids: ``corticosteroid``'s and their other names
    /// in `SubstanceNames` (Kenalog, Decadron...).
    private static let gluedNames: Set<String> = {
        var names = Set(corticosteroid.terms.map(\.text).filter { !$0.contains(" ") })
        for group in SubstanceNames.substances where group.contains(where: names.contains) {
            names.formUnion(group.filter { !$0.contains(" ") && !$0.contains("-") })
        }
        return names
    }()

    /// False when `name` is ASCII and holds none of the stems' cores (`ason`, `olon`, `onid`,
    /// `cort`, `roid`, `coid`, `koid`, `etaso`, in any case): then no word of it ends with a stem, and its words need not be
    /// made. The corticosteroid rules ask it of every ingredient of every candidate of every
    /// course, and making the words cost `course` 5 % more instructions on 10,000 preparations
    /// (Scripts/check-instructions.sh, which failed on it). A name with other characters (a
    /// look-alike letter folds to a Latin one) takes the long way.
    static func mayHoldStem(_ name: String) -> Bool {
        // The last five bytes, lower-cased, in one register; the cores as constants: no
        // allocation, a few instructions a byte.
        var last: UInt64 = 0
        for byte in name.utf8 {
            if byte >= 0x80 { return true }
            last = (last << 8 | UInt64(byte >= 65 && byte <= 90 ? byte | 0x20 : byte)) & 0xFF_FFFF_FFFF
            let four = last & 0xFFFF_FFFF
            if four == 0x6173_6F6E || four == 0x6F6C_6F6E || four == 0x6F6E_6964 || four == 0x636F_7274 || four == 0x726F_6964
                || four == 0x636F_6964 || four == 0x6B6F_6964 || last == 0x65_7461_736F {
                return true  // ason olon onid cort roid coid koid etaso
            }
        }
        return false
    }

    /// The local anaesthetics injected in mesotherapy mixtures and in the numbing creams, by
    /// their names (amethocaine is tetracaine's British name), the creams and gels (EMLA,
    /// Ametop, LMX4, Pliaglis, Zingo, BLT, and the words numbing cream), brands the core does
    /// not list (Novocain(e): procaine; Marcaine: bupivacaine; Naropin: ropivacaine;
    /// Chirocaine: levobupivacaine), and the class (`anaesthetic` alone too: no general
    /// anaesthetic is injected in a mixture). The other names of lidocaine, prilocaine,
    /// articaine and mepivacaine (lignocaine, Xylocaine, Citanest...) come from `SubstanceNames`;
    /// any word ending in `caine` counts as well (``isLocalAnaestheticWord(_:)``).
    static let localAnaesthetic = terms("lidocaine", "prilocaine", "procaine", "mepivacaine", "articaine", "bupivacaine",
                                        "levobupivacaine", "ropivacaine", "tetracaine", "amethocaine", "benzocaine",
                                        "chloroprocaine", "novocaine", "novocain", "marcaine", "naropin", "chirocaine",
                                        "pramoxine", "pramocaine", "dyclonine", "emla", "ametop", "blt", "lmx4", "pliaglis", "zingo",
                                        "numbing cream", "local anaesthetic", "local anesthetic", "anaesthetic", "anesthetic",
                                        // The class in French, Spanish, Italian and German, and "caines"
                                        // (an outside review planned the cream for `--allergy Lokalanästhetika`).
                                        "anesthesique", "anestesico", "anestetico", "anestetici", "lokalanasthetikum",
                                        "lokalanasthetika", "lokalanaesthetika", "anasthetikum", "anasthetika", "caine",
                                        // Anaesthesia itself (`local anaesthesia`, `anestesia locale`, Lokalanästhesie).
                                        "anaesthesia", "anesthesia", "anestesia", "anesthesie", "lokalanasthesie")

    /// True when a word (folded, ``IngredientTerm/matchWords(_:)``) is a local anaesthetic's
    /// name by its ending: the amino-amide and amino-ester anaesthetics are named `-caine`
    /// (lidocaine, ropivacaine, tetracaine, benzocaine...), so one missing from
    /// ``localAnaesthetic`` is still known (an outside review found five).
    static func isLocalAnaestheticWord(_ word: String) -> Bool {
        word.count >= 6 && word.hasSuffix("caine")
    }

    /// True when `ingredient` is a local anaesthetic: one of ``localAnaesthetic``'s names, or a
    /// word of its name ending in `caine`.
    static func isLocalAnaesthetic(_ ingredient: Ingredient) -> Bool {
        localAnaesthetic.matchAny(ingredient)
            || IngredientTerm.matchWords(ingredient.name).contains(where: isLocalAnaestheticWord)
    }

    /// True when `allergy`, matched as the core matches one against an ingredient, names a
    /// local anaesthetic: one of ``localAnaesthetic``'s names, or their class (`local
    /// anaesthetic`); or holds one as words of its own (`lidocaine-prilocaine`, `EMLA cream`,
    /// `lidocaine with adrenaline`, `amide anaesthetics`), or a word ending in `caine`. The
    /// one test behind `body-anaesthetic-surface` (the cream is ruled out) and
    /// `local-anaesthetic-allergy` (so is every injection of one).
    static func namesLocalAnaesthetic(_ allergy: String) -> Bool {
        let term = IngredientTerm(allergy)
        return localAnaestheticNames.contains(where: term.matches)
            || localAnaesthetic.matchAny(Ingredient(name: allergy))
            || IngredientTerm.matchWords(allergy).contains(where: isLocalAnaestheticWord)
    }

    /// The request's allergies that name a local anaesthetic (``namesLocalAnaesthetic(_:)``),
    /// and the ingredients its conditions name that do (screened as if allergic, format 1.1),
    /// quoted for a message: `'lidocaine'`, `'lidocaine' (named by the condition 'la-allergy')`.
    static func localAnaestheticAllergies(of request: CourseRequest) -> [String] {
        allergies(of: request, naming: namesLocalAnaesthetic)
    }

    /// The request's allergies for which `names` holds, and the ingredients its conditions
    /// name for which it does (screened as if allergic, format 1.1), quoted for a message:
    /// the one reading behind the class-allergy rules (`local-anaesthetic-allergy`,
    /// `corticosteroid-allergy`).
    static func allergies(of request: CourseRequest, naming names: (String) -> Bool) -> [String] {
        request.allergies.filter(names).map { "'\($0)'" }
            + request.conditionIngredients.filter { names($0.ingredient) }
            .map { "'\($0.ingredient)' (named by the condition '\($0.condition)')" }
    }

    /// ``localAnaesthetic``'s names as ingredients of their class, for allergies to meet.
    private static let localAnaestheticNames = localAnaesthetic.terms.map {
        Ingredient(name: $0.text, ingredientClass: "local-anaesthetic")
    }

    /// The patient's own plasma under the names entries give it (besides its class,
    /// `autologous-plasma`), and the products made from it the same way (platelet-rich
    /// fibrin, autologous conditioned serum, plasma rich in growth factors: PRGF, Endoret;
    /// platelet concentrates, gels and lysates: any name with the word platelet), whose
    /// platelets NSAIDs blunt as well.
    static let autologousPlasma = terms("platelet-rich plasma", "autologous plasma", "prp", "platelet-rich fibrin", "prf",
                                        "autologous conditioned serum", "plasma rich in growth factors", "prgf", "endoret",
                                        "platelet")

    /// How strong a preparation is in one substance: the concentrations of its ingredients of
    /// that substance added up, and how many of them give none a strength can be read from.
    struct Strength: Sendable, Equatable {
        /// The sum, in mg/ml, of the concentrations given in mg/ml, in µg/ml (a thousandth) or
        /// in % (10 mg/ml for 1 %); 0 when none is.
        var mgPerMl: Double
        /// The ingredients of the substance that give no concentration above zero in those units.
        var unstated: Int
    }

    /// The strength of everything in `preparation` for which `isOne` holds (the ingredients of
    /// one substance or kin): two corticosteroids in one mixture, or deoxycholic acid with its
    /// salt, are one dose to the tissue (an outside review planned triamcinolone and
    /// dexamethasone at 30 mg/ml each, 24 mg/cm², each checked alone within 20).
    static func strength(of preparation: Preparation, where isOne: (Ingredient) -> Bool) -> Strength {
        var strength = Strength(mgPerMl: 0, unstated: 0)
        for ingredient in preparation.ingredients where isOne(ingredient) {
            guard let concentration = ingredient.concentration, concentration.value > 0 else {
                strength.unstated += 1
                continue
            }
            switch concentration.unit {
            case .milligramsPerMillilitre: strength.mgPerMl += concentration.value
            case .microgramsPerMillilitre: strength.mgPerMl += concentration.value / 1000
            case .percent: strength.mgPerMl += concentration.value * 10
            case .internationalUnitsPerMillilitre: strength.unstated += 1
            }
        }
        return strength
    }

    /// True when a condition's slug names an infection by one of its words (infection,
    /// folliculitis, abscess, cellulitis): the vocabulary is the clinic's, so its words are
    /// read, erring on the side of leaving out what DOMAIN leaves out with an infection at the
    /// site (plasma, deoxycholic acid).
    static func conditionNamesInfection(_ condition: String) -> Bool {
        IngredientTerm.matchWords(condition).contains { ["infection", "folliculitis", "abscess", "cellulitis"].contains($0) }
    }

    /// True when one of `preparation`'s ingredients goes by one of `names`.
    static func holds(_ preparation: Preparation, _ names: IngredientTerms) -> Bool {
        preparation.ingredients.contains(where: names.matchAny)
    }

    private static func terms(_ names: String...) -> IngredientTerms { IngredientTerms(names) }
}
