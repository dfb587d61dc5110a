/// Which preparations a plugin considers for a request, why each one is left out, and how the
/// ones that qualify are ranked.
///
/// A preparation is a *candidate* when it lists the concern, or lists another indication the
/// plugin serves in a region the request covers (the requested region, else the plugin's
/// regions): the preparations a clinician might wonder about. Every candidate either
/// qualifies or is left out with all the reasons that apply, in this order:
///
/// 1. deprecated (never chosen);
/// 2. does not treat the concern;
/// 3. not used in the requested region, or in none of the plugin's regions;
/// 4. contraindicated by one of the patient's conditions (one reason per condition);
/// 5. holds an ingredient matching one of the patient's allergies (one reason per allergy).
///
/// Qualifying preparations are ranked, deterministically, by:
///
/// 1. evidence, strongest first: `label`, `trial`, `consensus`, `practice`, then none given;
/// 2. the place of the concern among the preparation's indications (a preparation that lists
///    it first was written for it);
/// 3. id, in code-point order.
///
/// The first is chosen; the others are listed as left out, "ranked below" the chosen one.
public enum Candidates {
    /// The outcome of selection.
    public struct Selection: Sendable, Hashable {
        /// The preparations that qualify, best first.
        public var ranked: [Preparation]
        /// The candidates left out by a rule, sorted by id.
        public var excluded: [Exclusion]
    }

    /// Selects and ranks the candidates of `registry.preparations` for `request`.
    public static func select(for request: CourseRequest, plugin: some CoursePlugin, in registry: Registry) -> Selection {
        let scope = request.region.map { [$0] } ?? plugin.regions
        var qualifying: [Preparation] = []
        var excluded: [Exclusion] = []
        for preparation in registry.preparations {
            let relevant = preparation.indications.contains(request.concern)
                || (preparation.regions.contains { scope.contains($0) }
                    && preparation.indications.contains { plugin.serves($0, in: registry.vocabulary) })
            guard relevant else { continue }
            let reasons = reasons(preparation, request: request, plugin: plugin)
            if reasons.isEmpty {
                qualifying.append(preparation)
            } else {
                excluded.append(Exclusion(preparation: preparation.id, reasons: reasons))
            }
        }
        return Selection(ranked: rank(qualifying, concern: request.concern), excluded: excluded)
    }

    /// Every reason `preparation` is left out of `request`'s course; empty when it qualifies.
    public static func reasons(_ preparation: Preparation, request: CourseRequest, plugin: some CoursePlugin) -> [String] {
        var reasons: [String] = []
        if let deprecated = preparation.deprecated {
            var text = "deprecated"
            if let since = deprecated.since { text += " since \(since)" }
            text += ": \(deprecated.because)"
            if let replacement = deprecated.replacedBy { text += " (replaced by '\(replacement)')" }
            reasons.append(text)
        }
        if !preparation.indications.contains(request.concern) {
            reasons.append("does not treat '\(request.concern)' (treats \(list(preparation.indications)))")
        }
        if let region = request.region {
            if !preparation.regions.contains(region) {
                reasons.append("not used in region '\(region)' (used in \(list(preparation.regions.map(\.rawValue))))")
            }
        } else if !preparation.regions.contains(where: { plugin.regions.contains($0) }) {
            reasons.append("used in no region of the \(plugin.id) plugin (used in \(list(preparation.regions.map(\.rawValue))))")
        }
        for condition in request.conditions where preparation.contraindications.contains(condition) {
            reasons.append("contraindicated with '\(condition)'")
        }
        for allergy in request.allergies {
            if let ingredient = preparation.ingredients.first(where: { matches($0, allergy: allergy) }) {
                var text = "contains '\(ingredient.name)'"
                if let ingredientClass = ingredient.ingredientClass { text += " (class \(ingredientClass))" }
                reasons.append(text + ", matching the allergy '\(allergy)'")
            }
        }
        return reasons
    }

    /// True when `allergy` names `ingredient` or its class: case-insensitively, the class slug
    /// (spaces may stand for hyphens: `hyaluronic acid`), the whole name, or whole words of
    /// the name (`hyaluronic acid` matches "Non-crosslinked hyaluronic acid"). Leaving out
    /// too much is safer than too little.
    public static func matches(_ ingredient: Ingredient, allergy: String) -> Bool {
        let words = wordsOf(allergy)
        guard !words.isEmpty else { return false }
        if let ingredientClass = ingredient.ingredientClass, wordsOf(ingredientClass) == words { return true }
        let nameWords = wordsOf(ingredient.name)
        guard nameWords.count >= words.count else { return false }
        for start in 0...(nameWords.count - words.count) where Array(nameWords[start..<start + words.count]) == words {
            return true
        }
        return false
    }

    /// True when some preparation of `registry` has an ingredient matching `allergy`.
    public static func allergyMatchesAnything(_ allergy: String, in registry: Registry) -> Bool {
        registry.preparations.contains { $0.ingredients.contains { matches($0, allergy: allergy) } }
    }

    /// `preparations` best first, by the order documented on ``Candidates``.
    public static func rank(_ preparations: [Preparation], concern: String) -> [Preparation] {
        preparations.sorted { compare($0, $1, concern: concern)?.better ?? false }
    }

    /// Why `winner` ranks above `other`, for the left-out list.
    public static func rankingReason(_ other: Preparation, below winner: Preparation, concern: String) -> String {
        let why = compare(winner, other, concern: concern)?.why ?? "same rank"
        return "qualifies, but ranked below '\(winner.id)': \(why)"
    }

    // MARK: - Ranking keys

    static func evidenceRank(_ evidence: Evidence?) -> Int {
        switch evidence {
        case .label: return 0
        case .trial: return 1
        case .consensus: return 2
        case .practice: return 3
        case nil: return 4
        }
    }

    /// Whether `a` ranks above `b`, and the deciding key in words; nil only for the same id.
    static func compare(_ a: Preparation, _ b: Preparation, concern: String) -> (better: Bool, why: String)? {
        let ea = evidenceRank(a.evidence), eb = evidenceRank(b.evidence)
        if ea != eb {
            let (winner, loser) = ea < eb ? (a, b) : (b, a)
            return (ea < eb, "stronger evidence ('\(winner.evidence?.rawValue ?? "none")' against '\(loser.evidence?.rawValue ?? "none")')")
        }
        let pa = a.indications.firstIndex(of: concern) ?? Int.max, pb = b.indications.firstIndex(of: concern) ?? Int.max
        if pa != pb {
            let (winner, loser) = pa < pb ? (pa, pb) : (pb, pa)
            return (pa < pb, "same evidence, and lists '\(concern)' earlier among its indications (\(ordinal(winner)) against \(ordinal(loser)))")
        }
        if a.id == b.id { return nil }
        return (a.id < b.id, "same evidence and place of '\(concern)'; first by id")
    }

    private static func ordinal(_ index: Int) -> String {
        guard index != Int.max else { return "absent" }
        let n = index + 1
        let suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][n % 10]
        return "\(n)\(suffix)"
    }

    private static func wordsOf(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func list(_ items: [String]) -> String { items.joined(separator: ", ") }
}
