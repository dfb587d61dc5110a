/// An ingredient named by a patient's allergy or by a condition's `ingredients`: the words that
/// leave out every ingredient whose name or class holds them (format 1.1, section 6).
///
/// Matching errs on the safe side. The term's words, folded, stand as consecutive whole words
/// of the ingredient's name or of its class (a slug's hyphens read as spaces), or at least each
/// of them stands there as a whole word (``Match/everyWord``: a name listing several substances,
/// "Vitamins A, C and E", may hold `vitamin c`; left out in doubt), or at least each meets a
/// word there by its stem (``Match/sameStem``: `sodium deoxycholate` and "Deoxycholic acid",
/// `glycerin` and "Glycerol"; left out in doubt too). Folding is
/// the one `query --text` uses (`TextFolding`: case and accents ignored, any character other
/// than a letter or digit separates words), and then drops a final plural `s` from words of four
/// letters or more that do not end in `ss`, on both sides. So `amino acid` matches "Amino
/// acids", `cafeine` matches "Caféine", and `hyaluronic` matches "Sodium hyaluronate" of class
/// `hyaluronic-acid`.
///
/// A term made only of stop words or of words under three letters (`a`, `c`, `and`, `of the`)
/// is *vague*: it would match half a catalogue, or nothing a person meant, so it is refused
/// where it is given (`--allergy`, a condition's `ingredients`). `vitamin c` is fine: it has a
/// word of three letters or more.
package struct IngredientTerm: Sendable, Hashable, CustomStringConvertible {
    /// The term as written.
    package let text: String
    /// Its words, folded.
    let words: [String]
    /// What every ingredient the term meets holds, in some word of its folded name or class:
    /// for each substance word (neither a filler nor a salt's other part), its stem, else the
    /// word itself (``stem(_:)``), as ASCII bytes; a term meets an ingredient only when one of
    /// them is a prefix of such a word (whichever ``Match``). Empty when a substance word is
    /// not ASCII, or when the term has none: then no clue, every ingredient is folded.
    let clues: ClueSet
    /// The clues of the term's own words, its aliases aside (the same as ``clues`` without aliases).
    let ownClues: ClueSet
    /// The other names of the substance the term names (``SubstanceNames``: `TXA` for
    /// `tranexamic acid`, `Profhilo` for `hyaluronic acid`), each a term of its own, met as
    /// the term itself is; empty for a name of none of those substances.
    let aliases: [IngredientTerm]

    /// The term for `text`. Filler words at either end (stop words, `allergy`, `to`, `of`, `a`,
    /// `an`...) are dropped before matching, so `allergy to hyaluronic acid` and `hyaluronic
    /// acid allergy` match as `hyaluronic acid` does; `vitamin a` matches as `vitamin`, which
    /// leaves out more, on the safe side. A term that names one of the substances of
    /// ``SubstanceNames`` meets an ingredient by any of its other names too.
    package init(_ text: String) {
        self.init(text, aliasing: true)
    }

    /// The term for `text`, with its ``aliases`` when `aliasing` (not for the aliases themselves).
    init(_ text: String, aliasing: Bool) {
        var words = IngredientTerm.matchWords(text)
        while let first = words.first, IngredientTerm.fillers.contains(first) { words.removeFirst() }
        while let last = words.last, IngredientTerm.endsNothing(last, after: words.dropLast().last) { words.removeLast() }
        var aliases = aliasing ? SubstanceNames.aliases(of: words) : []
        // An invisible character typed between words (a zero-width space) folds to nothing,
        // joining them: the term is read with it as a break too, as ingredient names are (an
        // outside re-check's `--allergy 'hyaluronic<ZWSP>acid'` planned the booster).
        if aliasing, let spaced = IngredientTerm.breakingInvisibles(text) {
            let other = IngredientTerm(spaced, aliasing: false)
            aliases.append(other)
            aliases += SubstanceNames.aliases(of: other.words)
        }
        self.init(text, words: words, aliases: aliases)
    }

    /// The term `text` of `words` (folded, fillers at the ends dropped), with `aliases`.
    fileprivate init(_ text: String, words: [String], aliases: [IngredientTerm]) {
        self.text = text
        self.words = words
        self.aliases = aliases
        let substance = words.filter { !IngredientTerm.fillers.contains($0) && !IngredientTerm.saltWords.contains($0) }
        let own = substance.map { Array((IngredientTerm.stem($0) ?? $0).utf8) }
        let aliasClues = aliases.map(\.clues)
        let ownASCII = own.allSatisfy { $0.allSatisfy { $0 < 0x80 } }
        ownClues = ClueSet(ownASCII ? own : [])  // a word to fold: no clue, every ingredient is folded
        clues = ownASCII && !aliasClues.contains(where: \.isEmpty) ? ClueSet(own + aliasClues.flatMap(\.clues)) : ClueSet([])
    }

    /// The term as written.
    package var description: String { text }

    /// The first of its words that is not a filler: every ingredient the term meets holds it
    /// (nil for a term of fillers only, which meets nothing).
    var keyWord: String? { words.first { !IngredientTerm.fillers.contains($0) } }

    /// True when the term has no word of three letters or more that is not a stop word, and
    /// is no name of ``SubstanceNames`` (`HA`, `PC`: the field's abbreviations, refused as too
    /// vague before an outside review). (Dropping the fillers at its ends leaves such a word,
    /// if the text had one.)
    package var isVague: Bool {
        !words.contains { $0.count >= 3 && !IngredientTerm.stopWords.contains($0) }
            && SubstanceNames.aliases(of: words).isEmpty
    }

    /// True when `word`, the last of a term (after `previous`), says nothing of the substance
    /// and is dropped: a filler (`allergy`, `to`...), but not the letter of `vitamin a`; or a
    /// strength (`250`, `250mg`, `mg`, `ml`, `%` folds to nothing): `caffeine 250 mg` is the
    /// allergy `caffeine` (an outside review found it matched no "Caffeine").
    static func endsNothing(_ word: String, after previous: String?) -> Bool {
        if isVitaminLetter(word, after: previous) { return false }
        if fillers.contains(word) { return true }
        guard previous != nil else { return false }  // a term of one word is what it is
        return word.first.map { $0.isASCII && $0.isNumber } == true || strengthUnits.contains(word)
    }

    /// True for the letter of `vitamin a`, which reads as a filler (an article) but is not one.
    static func isVitaminLetter(_ word: String, after previous: String?) -> Bool {
        word == "a" && previous.map(SubstanceNames.vitaminWords.contains) == true
    }

    /// The units of a strength written after a name (`mg/ml`, `µg` folds to `ug`); not `l`,
    /// the end of `Restylane-L` (a filler with lidocaine, not the plain gel).
    static let strengthUnits: Set<String> = ["mg", "g", "mcg", "ug", "ml", "iu", "ui", "unit", "percent"]

    /// Why a vague term is refused, naming what it was given as (`the allergy`); nil when
    /// the term is not vague.
    package func vaguenessProblem(as what: String) -> String? {
        guard isVague else { return nil }
        return "\(what) '\(text)' is too vague to screen with: it needs a word of three letters or more "
            + "that is not a stop word (such as 'and', 'the', 'with'); name the ingredient or its class, "
            + "for example 'vitamin c' or 'hyaluronic-acid'"
    }

    /// How a term meets an ingredient.
    package enum Match: Sendable, Hashable {
        /// The term's words stand as consecutive whole words of the name or of the class.
        case phrase
        /// Not as a phrase, but each of the term's words (fillers inside it aside) stands as a
        /// whole word of the name or the class: `vitamin c` in "Vitamins A, C and E", `zinc
        /// selenium` in "Microelements (zinc, copper, magnesium, selenium)". A name that lists
        /// several substances may hold the one meant, so screening leaves it out, in doubt.
        case everyWord
        /// Neither, but each of the term's words stands as a word of the name or class, or
        /// shares its stem with one there (the word less a chemical ending, five letters or
        /// more: `deoxychol` in `deoxycholate` and `deoxycholic`, `glycer` in `glycerin` and
        /// `glycerol`, `hyaluron` in `hyaluronan` and `hyaluronic`), or names the other part of
        /// a salt or an acid (`sodium`, `acid`, `hcl`, `acetate`...); and at least one word
        /// that is not such a part is there, as itself or by its stem. A salt and its acid, or
        /// two names of one substance: left out, in doubt.
        case sameStem
    }

    /// How the term meets `ingredient`, or nil when it does not.
    ///
    /// An ingredient whose name and class are ASCII and hold none of the term's clues is
    /// passed over without folding them: the planning rules that know a product by its names
    /// (`ProductNames`) ask this of every preparation of the catalogue, and folding every
    /// name for each of their terms made `course` 2.2 times `validate` on the 10,000
    /// preparations of Benchmarks/commands.sh (4.7 G instructions of 8.6 G). ASCII text folds
    /// to its runs of letters and digits, lower-cased, so a clue within a folded word is
    /// within the text, case aside; any other text is folded (`TextFolding`), as before.
    package func match(_ ingredient: Ingredient) -> Match? {
        if let found = ownMatch(ingredient) { return found }
        // Each alias passes over the ingredient by its own clues: the union's would fold every
        // name for every alias (`course` with `--allergy 'vitamin c'`, whose clue `c` is in
        // nearly every name, took 13 % more instructions on 10,000 preparations: 5.58 G against
        // 4.95 G without aliases; 5.01 G by each alias's own clues).
        for alias in aliases {
            if let found = alias.ownMatch(ingredient) { return found }
        }
        return nil
    }

    /// How the term's own words meet `ingredient`, its aliases aside.
    private func ownMatch(_ ingredient: Ingredient) -> Match? {
        if !ownClues.isEmpty, ownClues.lacksEvery(in: ingredient.name), ingredient.ingredientClass.map(ownClues.lacksEvery) ?? true {
            return nil
        }
        if let found = ownMatch(nameWords: IngredientTerm.matchWords(ingredient.name),
                                classWords: ingredient.ingredientClass.map(IngredientTerm.matchWords)) {
            return found
        }
        // Folding reads an invisible character as nothing, so "Hyaluronic<soft hyphen>acid" is
        // one word, which `hyaluronic` does not stand as (an outside review): read it as a word
        // break too, and match either reading, on the safe side.
        let name = IngredientTerm.breakingInvisibles(ingredient.name)
        let ingredientClass = ingredient.ingredientClass.flatMap(IngredientTerm.breakingInvisibles)
        guard name != nil || ingredientClass != nil else { return nil }
        return ownMatch(nameWords: IngredientTerm.matchWords(name ?? ingredient.name),
                        classWords: (ingredientClass ?? ingredient.ingredientClass).map(IngredientTerm.matchWords))
    }

    /// `text` with each invisible character (``InvisibleScalars``) read as a space, when it has
    /// one that is not ASCII; nil otherwise (folding already reads ASCII spaces and controls
    /// as breaks).
    package static func breakingInvisibles(_ text: String) -> String? {
        guard text.unicodeScalars.contains(where: { !$0.isASCII && InvisibleScalars.contains($0) }) else { return nil }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(InvisibleScalars.contains(scalar) ? " " : scalar) }
        return String(out)
    }

    /// True when the term meets `ingredient`, as a phrase or by every word (``Match``).
    package func matches(_ ingredient: Ingredient) -> Bool { match(ingredient) != nil }

    /// The same, on an ingredient's name and class already folded by ``matchWords(_:)`` (for
    /// callers that match many terms against one ingredient).
    package func match(nameWords: [String], classWords: [String]?) -> Match? {
        if let found = ownMatch(nameWords: nameWords, classWords: classWords) { return found }
        for alias in aliases {
            if let found = alias.ownMatch(nameWords: nameWords, classWords: classWords) { return found }
        }
        return nil
    }

    /// How the term's own words meet the folded words, its aliases aside.
    private func ownMatch(nameWords: [String], classWords: [String]?) -> Match? {
        guard !words.isEmpty else { return nil }
        if let classWords, classWords.holdsRun(words) { return .phrase }
        if nameWords.holdsRun(words) { return .phrase }
        if words.count > 1, holdsEveryWord({ nameWords.contains($0) || classWords?.contains($0) == true }) { return .everyWord }
        return sharesStems(nameWords, classWords ?? []) ? .sameStem : nil
    }

    /// True when the term's word at `index` is a filler, which need not be found: not the
    /// letter of `vitamin a` (an outside review saw `vitamin A` leave out biotin as `vitamin`).
    private func isFiller(at index: Int) -> Bool {
        IngredientTerm.fillers.contains(words[index])
            && !IngredientTerm.isVitaminLetter(words[index], after: index > 0 ? words[index - 1] : nil)
    }

    /// True when the term meets the words by ``Match/sameStem``.
    private func sharesStems(_ nameWords: [String], _ classWords: [String]) -> Bool {
        var substance = false  // a word that is not a salt's or an acid's other part is there
        for index in words.indices where !isFiller(at: index) {
            let word = words[index]
            if IngredientTerm.saltWords.contains(word) { continue }
            if nameWords.contains(word) || classWords.contains(word) {
                substance = true
                continue
            }
            guard let stem = IngredientTerm.stem(word) else { return false }
            // Only a word with the stem's first letters can have that stem: no string made for the others.
            func meets(_ other: String) -> Bool { other.hasPrefix(stem) && IngredientTerm.stem(other) == stem }
            guard nameWords.contains(where: meets) || classWords.contains(where: meets) else { return false }
            substance = true
        }
        return substance
    }

    /// A folded word less its chemical ending (`-ate`, `-ite`, `-ide`, `-ine`, `-one`, `-ic`,
    /// `-in`, `-ol`, `-an`, `-yl`), the word itself when it has none; nil when fewer than five letters
    /// are left, too few to stand for one substance.
    static func stem(_ word: String) -> String? {
        var stem = Substring(word)
        if let ending = chemicalEndings.first(where: { word.hasSuffix($0) }) { stem = stem.dropLast(ending.count) }
        return stem.count >= 5 ? String(stem) : nil
    }

    /// The endings ``stem(_:)`` takes off, the longer ones first.
    static let chemicalEndings = ["ate", "ite", "ide", "ine", "one", "ic", "in", "ol", "an", "yl"]

    /// The words of a salt's or an acid's name besides the substance (`sodium deoxycholate`,
    /// `deoxycholic acid`), which ``Match/sameStem`` does not need to find.
    static let saltWords: Set<String> = [
        "sodium", "na", "potassium", "calcium", "magnesium", "acid", "hydrochloride", "hcl", "chloride", "salt",
        "acetate", "phosphate", "sulfate", "sulphate", "citrate", "gluconate", "lactate", "succinate", "palmitate",
    ]

    /// True when each of the term's words that is not a filler is a word for `isWord` (which
    /// is given words folded by ``matchWords(_:)``).
    package func holdsEveryWord(_ isWord: (String) -> Bool) -> Bool {
        var needed = 0
        for index in words.indices where !isFiller(at: index) {
            let word = words[index]
            guard isWord(word) else { return false }
            needed += 1
        }
        return needed > 0
    }

    /// The ingredients of `preparation` the term matches, in the preparation's order.
    package func matching(in preparation: Preparation) -> [Ingredient] {
        preparation.ingredients.filter(matches)
    }

    /// The words folded for matching: `TextFolding/words(_:)` with a final plural `s` dropped.
    package static func matchWords(_ text: String) -> [String] {
        TextFolding.words(text).map { word in
            word.count >= 4 && word.hasSuffix("s") && !word.hasSuffix("ss") ? String(word.dropLast()) : word
        }
    }

    /// Words dropped from either end of a term: the stop words and the short ones that read
    /// as filler in an allergy (`to`, `of`, `a`, `an`, `in`, `on`, `or`, `by`, `at`).
    static let fillers: Set<String> = stopWords.union(["to", "of", "a", "an", "in", "on", "or", "by", "at"])

    /// Words that say nothing about an ingredient on their own (English articles, conjunctions
    /// and prepositions of three letters or more, and the word allergy), folded as terms are.
    static let stopWords: Set<String> = Set([
        "and", "the", "for", "with", "from", "into", "onto", "upon", "any", "all", "not", "nor", "but",
        "per", "via", "plus", "its", "are", "was", "were", "has", "have", "had", "this", "that", "these",
        "those", "than", "such", "some", "other", "others", "without", "within", "allergy", "allergic",
    ].flatMap(matchWords))
}

/// Several terms matched together against many ingredients, as the planning rules that know a
/// product by its names do (`ProductNames`) for every preparation of a catalogue: an ASCII
/// ingredient holding none of the clues of any of them is passed over in one scan of its name
/// and class (see ``IngredientTerm/match(_:)``), instead of one scan a term.
package struct IngredientTerms: Sendable {
    /// The terms, in order.
    package let terms: [IngredientTerm]
    /// Every term's clues, or nil when one of the terms has none (then every ingredient is
    /// matched term by term).
    private let clues: ClueSet?

    /// The terms for `texts`. A term's alias that is another of the terms is dropped from it:
    /// the product rules list a substance's names that `SubstanceNames` gives as aliases too,
    /// and meeting each again through every other name cost `course` 26 M instructions on
    /// 10,000 preparations (Scripts/check-instructions.sh).
    package init(_ texts: [String]) {
        let full = texts.map(IngredientTerm.init)
        let listed = Set(full.map(\.words))
        terms = full.map { term in
            let kept = term.aliases.filter { !listed.contains($0.words) }
            return kept.count == term.aliases.count ? term : IngredientTerm(term.text, words: term.words, aliases: kept)
        }
        clues = terms.contains { $0.clues.isEmpty } ? nil : ClueSet(terms.flatMap(\.clues.clues))
    }

    /// True when one of the terms meets `ingredient`.
    package func matchAny(_ ingredient: Ingredient) -> Bool {
        if let clues, clues.lacksEvery(in: ingredient.name), ingredient.ingredientClass.map(clues.lacksEvery) ?? true {
            return false
        }
        return terms.contains { $0.matches(ingredient) }
    }
}

/// Lower-case ASCII clues, found in a text in any case by one pass over it: at each byte, only
/// the clues that start with it are compared (a table of 128 lists), so a name is scanned once
/// whatever the number of clues (the corticosteroid names are 11). Measured on `course` over
/// 10,000 preparations (Benchmarks/commands.sh): comparing every clue at every byte took 0.22 G
/// instructions.
struct ClueSet: Sendable, Hashable {
    /// The clues, lower-case ASCII, none empty.
    let clues: [[UInt8]]
    /// For each ASCII byte, the indices of the clues that start with it.
    private let byFirstByte: [[Int]]

    init(_ clues: [[UInt8]]) {
        // A clue holding another is found only where that one is: each kept once, and only the
        // shortest (the product lists meet a substance's names again through every alias:
        // "dermastabilon" came five times into one set, 16 M instructions of `course` on the
        // 10,000 preparations of Scripts/check-instructions.sh).
        var kept: [[UInt8]] = []
        for clue in clues.sorted(by: { $0.count < $1.count })
        where !clue.isEmpty && !kept.contains(where: { clue.holdsRun($0) }) {
            kept.append(clue)
        }
        self.clues = kept
        var table = [[Int]](repeating: [], count: 128)
        for (index, clue) in self.clues.enumerated() where clue[0] < 0x80 { table[Int(clue[0])].append(index) }
        byFirstByte = table
    }

    var isEmpty: Bool { clues.isEmpty }

    /// True when `text` is ASCII and holds none of the clues, in any case; false when it
    /// holds one, or is not ASCII (it must be folded to tell).
    func lacksEvery(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
            for start in bytes.indices {
                let first = bytes[start]
                guard first < 0x80 else { return false }
                for index in byFirstByte[Int(lower(first))] {
                    let clue = clues[index]
                    guard clue.count <= bytes.count - start else { continue }
                    var offset = 1
                    while offset < clue.count, lower(bytes[start + offset]) == clue[offset] { offset += 1 }
                    if offset == clue.count { return false }
                }
            }
            return true
        }
    }
}
