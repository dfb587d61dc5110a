/// Which preparations a plugin considers for a request, why each one is left out, and how the
/// ones that qualify are ranked.
///
/// A preparation is a *candidate* when it lists the concern, or lists another indication the
/// plugin serves in a region the request covers (the requested regions, else the plugin's
/// regions): the preparations a clinician might wonder about. Every candidate either
/// qualifies or is left out with all the reasons that apply, in this order:
///
/// 1. deprecated (never chosen);
/// 2. does not treat the concern;
/// 3. not used in one of the requested regions (one reason naming them all: a preparation
///    must be used in every region treated together), or in none of the plugin's regions;
/// 4. contraindicated by one of the patient's conditions: listed among its
///    `contraindications`, or holding an ingredient the condition's `ingredients` name
///    (`Screening.conditionReasons(_:conditions:vocabulary:)`);
/// 5. holds an ingredient matching one of the patient's allergies (one reason per allergy,
///    naming every ingredient it matches; `IngredientTerm`), or is left out by a condition of
///    the vocabulary an allergy falls under (`Screening.conditions(namedBy:in:)`);
/// 6. left out by one of the plugin's planning rules (`PlanningRule/leavesOut`).
///
/// Qualifying preparations are ranked, deterministically, by:
///
/// 1. evidence, strongest first: `label`, `trial`, `consensus`, `practice`, then none given;
/// 2. the place of the concern among the preparation's indications (a preparation that lists
///    it first was written for it);
/// 3. id, in code-point order.
///
/// The first is chosen; the others are listed as left out, "ranked below" the chosen one,
/// with the key that decided.
package enum Candidates {
    /// The outcome of selection.
    package struct Selection: Sendable, Hashable {
        /// The preparations that qualify, best first.
        package var ranked: [Preparation]
        /// The candidates left out by a rule, sorted by id.
        package var excluded: [Exclusion]
        /// The ids of the plugin's planning rules that left a candidate out, in the plugin's order.
        package var appliedRules: [String] = []
    }

    /// Selects and ranks the candidates of `registry.preparations` for `request`.
    package static func select(for request: CourseRequest, plugin: some CoursePlugin, in registry: Registry) -> Selection {
        let scope = request.regions.isEmpty ? plugin.regions : request.regions.map(\.region)
        var qualifying: [Preparation] = []
        var excluded: [Exclusion] = []
        let allergies = request.allergies.map(IngredientTerm.init)
        let allergyConditions = Screening.allergyConditions(allergies, given: request.conditions,
                                                            vocabulary: registry.vocabulary)
        // Which rules left a candidate out, noted as each candidate is screened: asking every
        // rule again of every left-out candidate afterwards cost 76 M instructions of `course`
        // on the 10,000 preparations of Benchmarks/commands.sh.
        // The plugin's rules, asked for once: a plugin may build its list at each call (the
        // standard ones did, 20 M instructions of `course` on 10,000 preparations).
        let rules = plugin.rules
        var fired = [Bool](repeating: false, count: rules.count)
        let rulesBase = rulesView(request, vocabulary: registry.vocabulary)
        let conditionTerms = Screening.conditionTerms(request.conditions, vocabulary: registry.vocabulary)
        // Left-out candidates share one copy of each list of reasons: most are left out alike
        // ("does not treat ..." for the same indications), and one copy each held the course of
        // the 10,000 preparations of Benchmarks/commands.sh 0.9 MB above its 40 MiB peak target.
        var sharedReasons: Set<[String]> = []
        for preparation in registry.preparations {
            let relevant = preparation.indications.contains(request.concern)
                || (preparation.regions.contains { scope.contains($0) }
                    && preparation.indications.contains { plugin.serves($0, in: registry.vocabulary) })
            guard relevant else { continue }
            let reasons = reasons(preparation, request: request, plugin: plugin, vocabulary: registry.vocabulary,
                                  allergies: allergies, allergyConditions: allergyConditions,
                                  conditionTerms: conditionTerms, rulesBase: rulesBase, rules: rules, fired: &fired)
            if reasons.isEmpty {
                qualifying.append(preparation)
            } else {
                excluded.append(Exclusion(preparation: preparation.id, reasons: sharedReasons.insert(reasons).memberAfterInsert,
                                          treatsConcern: preparation.indications.contains(request.concern)))
            }
        }
        let applied = zip(rules, fired).filter(\.1).map(\.0.id)
        return Selection(ranked: rank(qualifying, concern: request.concern), excluded: excluded, appliedRules: applied)
    }

    /// Every reason `preparation` is left out of `request`'s course; empty when it qualifies.
    /// `allergies` are the request's allergies as terms, and `allergyConditions` the conditions
    /// they fall under (`Screening.allergyConditions`), made once for many preparations;
    /// `conditionTerms` are the conditions' ingredients as terms (`Screening.conditionTerms`);
    /// `rulesBase` is the request as the rules see it (`rulesView`), `rules` the plugin's
    /// rules, and `fired[i]` is set when the `i`th rule leaves the preparation out.
    static func reasons(_ preparation: Preparation, request: CourseRequest, plugin: some CoursePlugin,
                        vocabulary: Vocabulary, allergies: [IngredientTerm],
                        allergyConditions: [(allergy: IngredientTerm, condition: String)],
                        conditionTerms: [String: [IngredientTerm]], rulesBase: CourseRequest,
                        rules: [PlanningRule], fired: inout [Bool]) -> [String] {
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
        if !request.regions.isEmpty {
            let missing = request.regions.map(\.region).filter { !preparation.regions.contains($0) }
            if !missing.isEmpty {
                let named = missing.count == 1 ? "region '\(missing[0])'" : "regions " + missing.map { "'\($0)'" }.joined(separator: ", ")
                reasons.append("not used in \(named) (used in \(list(preparation.regions.map(\.rawValue))))")
            }
        } else if !preparation.regions.contains(where: { plugin.regions.contains($0) }) {
            reasons.append("used in no region of the \(plugin.id) plugin (used in \(list(preparation.regions.map(\.rawValue))))")
        }
        reasons += Screening.conditionReasons(preparation, conditions: request.conditions, vocabulary: vocabulary,
                                              terms: conditionTerms)
        reasons += Screening.allergyReasons(preparation, allergies: allergies)
        reasons += Screening.allergyConditionReasons(preparation, allergyConditions: allergyConditions,
                                                     vocabulary: vocabulary)
        let ruleRequest = ruleRequest(rulesBase, for: preparation, plugin: plugin)
        for (index, rule) in rules.enumerated() {
            guard var reason = rule.leavesOut?(preparation, ruleRequest) else { continue }
            fired[index] = true
            // Said only when the preparation is used in some of the plugin's regions (else the
            // list would be empty: its own reason says it is used in none), and the reason
            // names a region: an allergy's is the same in every region (an outside review read
            // "give --region to plan for fewer" after `--allergy lidocaine`).
            if request.regions.isEmpty, ruleRequest.regions.count > 1,
               names(reason, anyOf: ruleRequest.regions.map(\.region)) {
                reason += " (without --region, the course is for every region of the \(plugin.id) plugin the preparation is used in: "
                    + list(ruleRequest.regions.map(\.region.rawValue)) + "; give --region to plan for fewer)"
            }
            reasons.append(reason)
        }
        return reasons
    }

    /// True when `text` holds the name of one of `regions`, found on its bytes (region names
    /// are ASCII): the standard library's `contains`, asked for every region of every reason a
    /// rule gave, took 228 M instructions of `course` on the 10,000 preparations of
    /// Scripts/check-instructions.sh. Only the text before the rule's id (`[submental-...]`),
    /// which names no region the reason is about; cut on the bytes too (cutting the string by
    /// its characters cost 50 M more).
    static func names(_ text: String, anyOf regions: [Region]) -> Bool {
        var text = text
        return text.withUTF8 { all in
            let bytes = all[..<(all.firstIndex(of: UInt8(ascii: "[")) ?? all.endIndex)]
            return regions.contains { bytes.holdsRun($0.rawValue.utf8) }
        }
    }

    /// `request` with the ingredients its conditions name in `vocabulary`
    /// (`CourseRequest/conditionIngredients`), for the planning rules.
    package static func rulesView(_ request: CourseRequest, vocabulary: Vocabulary) -> CourseRequest {
        var view = request
        view.conditionIngredients = request.conditions.flatMap { condition in
            (vocabulary.conditions[condition]?.ingredients ?? []).map {
                CourseRequest.ConditionIngredient(condition: condition, ingredient: $0)
            }
        }
        return view
    }

    /// The request as the plugin's rules see it for `preparation`: as given when it names
    /// regions; else with every region of the plugin that the preparation is used in, since a
    /// course planned without `--region` may be given in any of them, so the rules of each
    /// apply (the jaw-line warning for a preparation used under the chin, the periorbital
    /// rule for one used around the eyes).
    package static func ruleRequest(_ request: CourseRequest, for preparation: Preparation,
                                    plugin: some CoursePlugin) -> CourseRequest {
        guard request.regions.isEmpty else { return request }
        var seen = request
        seen.regions = preparation.regions.filter(plugin.regions.contains).map { TreatedRegion($0) }
        return seen
    }

    /// True when some preparation of `registry` has an ingredient matching `allergy`.
    package static func allergyMatchesAnything(_ allergy: String, in registry: Registry) -> Bool {
        let term = IngredientTerm(allergy)
        return registry.preparations.contains { !term.matching(in: $0).isEmpty }
    }

    /// `preparations` best first, by the order documented on `Candidates`.
    package static func rank(_ preparations: [Preparation], concern: String) -> [Preparation] {
        // By the keys alone: `compare` words its reason, and building that text for every
        // comparison of the sort cost 42 M instructions of `course` (Benchmarks/commands.sh, 10,000).
        // The keys are sorted, not the preparations: fewer copies of them.
        let keys = preparations.map { rankKey($0, concern: concern) }
        return keys.indices.sorted { keys[$0] < keys[$1] }.map { preparations[$0] }
    }

    /// Why `winner` ranks above `other`, for the left-out list.
    package static func rankingReason(_ other: Preparation, below winner: Preparation, concern: String) -> String {
        let why = compare(winner, other, concern: concern)?.why ?? "same rank"
        return "qualifies, but ranked below '\(winner.id)': \(why)"
    }

    // MARK: - Ranking keys

    /// The keys `compare` decides by, in its order, for sorting.
    static func rankKey(_ preparation: Preparation, concern: String) -> RankKey {
        RankKey(evidence: evidenceRank(preparation.evidence),
                place: preparation.indications.firstIndex(of: concern) ?? Int.max, id: preparation.id)
    }

    /// Evidence rank, place of the concern, and id, compared in that order and as `compare`
    /// compares them.
    struct RankKey: Comparable {
        let evidence: Int
        let place: Int
        let id: String

        static func < (a: RankKey, b: RankKey) -> Bool {
            if a.evidence != b.evidence { return a.evidence < b.evidence }
            if a.place != b.place { return a.place < b.place }
            return a.id < b.id
        }
    }

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
            return (ea < eb, "'\(winner.id)' has stronger evidence ('\(winner.evidence?.rawValue ?? "none given")' against '\(loser.evidence?.rawValue ?? "none given")')")
        }
        let pa = a.indications.firstIndex(of: concern) ?? Int.max, pb = b.indications.firstIndex(of: concern) ?? Int.max
        if pa != pb {
            let (winner, loser) = pa < pb ? (pa, pb) : (pb, pa)
            let better = pa < pb ? a.id : b.id
            return (pa < pb, "same evidence ('\(a.evidence?.rawValue ?? "none given")'), and '\(better)' lists '\(concern)' earlier among its indications (\(ordinal(winner)) against \(ordinal(loser)))")
        }
        if a.id == b.id { return nil }
        return (a.id < b.id, "same evidence ('\(a.evidence?.rawValue ?? "none given")') and place of '\(concern)'; '\(min(a.id, b.id))' comes first by id")
    }

    private static func ordinal(_ index: Int) -> String {
        guard index != Int.max else { return "absent" }
        let n = index + 1
        let suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][n % 10]
        return "\(n)\(suffix)"
    }

    private static func list(_ items: [String]) -> String { items.joined(separator: ", ") }
}
