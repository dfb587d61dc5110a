import PreparationRegistry

extension FacePlugin {
    /// Deoxycholic acid on its own (the labelled submental product): the label's dose and
    /// schedule. An entry without `max-per-session` is held to the label's 10 ml: a session
    /// that could take more says so, with the largest surface one session may cover.
    package static let deoxycholicLabel = PlanningRule(
        id: "submental-deoxycholic-label",
        area: "face",
        rationale: "The deoxycholic acid 10 mg/mL label gives 0.2 mL a site on a 1 cm grid (2 mg/cm²), at most 10 mL a session, and at most 6 sessions at least 1 month apart, injected mid-depth into the subcutaneous fat, and contraindicates it with an infection at the site. A preparation of deoxycholic acid without phosphatidylcholine whose catalogue entry goes beyond any of these (more a point, a square centimetre or a session, in mL or in mg at its strength, deoxycholic acid and its salts counted together, more sessions, sessions closer together, a depth that stays above the subcutaneous layer, a given condition naming an infection), or planned for any region but the submental one (the label treats the fat under the chin and forbids injecting above the jaw line), is left out; a course of one within them states the limits, and a session that could take more than 10 mL, or 100 mg of a stronger one (an entry giving no most a session of its own), says so, with the largest surface one session may cover.",
        source: "Kybella (deoxycholic acid) US prescribing information",
        triggeringExamples: [
            .init("Double chin: the labelled deoxycholic acid, with the label's limits stated", CourseRequest(
                concern: "double-chin", regions: [TreatedRegion(.submental)], start: FacePlugin.exampleStart)),
        ],
        nonTriggeringExamples: [
            .init("Dehydration of the face: no deoxycholic acid", CourseRequest(concern: "dehydration", start: FacePlugin.exampleStart)),
        ],
        leavesOut: { preparation, request in
            guard isDeoxycholicAlone(preparation) else { return nil }
            var beyond = deoxycholicLimits.excesses(of: preparation)
            if let density = labelDensityExcess(preparation) { beyond.append(density) }
            if let session = labelSessionExcess(preparation) { beyond.append(session) }
            if preparation.depth.max < labelDepth {
                beyond.append("deposited at \(preparation.depth), above the subcutaneous fat the label injects into (mid-depth, "
                    + "pre-platysmal; subcutaneous work is 4-13 mm deep, format section 4): too shallow for the label")
            }
            let elsewhere = request.regions.map(\.region).filter { $0 != .submental }
            if !elsewhere.isEmpty {
                beyond.insert("the label is for the fat under the chin only, with no injection above the jaw line ("
                    + elsewhere.map { "'\($0)'" }.joined(separator: ", ") + " is not submental)", at: 0)
            }
            // The label's contraindication, whether or not the entry lists it (DOMAIN).
            let infections = request.conditions.filter(ProductNames.conditionNamesInfection)
            if !infections.isEmpty {
                beyond.append("the label contraindicates it with an infection at the site ("
                    + infections.map { "'\($0)'" }.joined(separator: ", ") + ")")
            }
            guard !beyond.isEmpty else { return nil }
            return "beyond the deoxycholic acid label: " + beyond.joined(separator: "; ") + " [submental-deoxycholic-label]"
        },
        amends: { draft in
            guard isDeoxycholicAlone(draft.preparation) else { return }
            // Stronger than the label, its 2 mg a site and 100 mg a session are less than the
            // label's millilitres of 10 mg/ml (an outside review: a 20 mg/ml entry was told
            // "0.2 ml a site, at most 10 ml", twice the label's dose).
            let (strength, at) = labelStrength(draft.preparation)
            let stronger = strength > 10 * (1 + 1e-9)
            let inMillilitres = stronger ? "; \(at) that is \(PublishedLimits.figure(2 / strength)) ml a site and at most \(PublishedLimits.figure(100 / strength)) ml a session" : ""
            draft.warnings.append("deoxycholic acid (label, 10 mg/ml): 0.2 ml (2 mg) a site 1 cm apart, at most 10 ml (100 mg) a session, at most 6 sessions at least 1 month apart"
                + inMillilitres + " [submental-deoxycholic-label]")
            var limits = deoxycholicLimits
            if stronger { limits.perSession = 100 / strength }
            let allowing = stronger ? "(100 mg \(at)) the deoxycholic acid label allows a session" : "the deoxycholic acid label allows a session"
            if let excess = limits.sessionExcess(draft.dose, allowing: allowing) {
                draft.warnings.append(excess + " [submental-deoxycholic-label]")
            }
            let given = ProductNames.strength(of: draft.preparation) { ProductNames.deoxycholate.matchAny($0) }
            if given.unstated > 0 {
                draft.warnings.append("the strength of \(given.unstated == 1 ? "its deoxycholic acid is" : "\(given.unstated) of its deoxycholic acid ingredients is") "
                    + "not given in mg/ml, µg/ml or %: the label's 10 mg/ml is assumed here; check the dose by hand [submental-deoxycholic-label]")
            }
            if let coverage = limits.sessionCoverage(draft.preparation, dose: draft.dose) {
                let within = stronger ? "within the label's 100 mg \(at), " : "within the label's 10 ml, "
                draft.warnings.append("the entry gives no most a session: " + within + coverage + " [submental-deoxycholic-label]")
            }
        }
    )

    /// The label's dose a square centimetre: 0.2 ml of 10 mg/ml a site on a 1 cm grid, 2 mg/cm².
    static let labelDensity = 2.0

    /// The least depth of the subcutaneous layer the label injects into (format section 4:
    /// subcutaneous work is 4-13 mm deep).
    static let labelDepth = Quantity<LengthUnit>(4, .mm)

    /// How `preparation`'s entry goes beyond the label's 2 mg/cm² (its most a point at its
    /// strength over its closest spacing squared: an outside review planned 20 mg/ml at 0.2 ml
    /// a point 0.5 cm apart, 16 mg/cm², the per-point check alone passing it); nil within it,
    /// or when only its most a point takes it beyond (named by that check).
    /// Without a strength in mg/ml, µg/ml or %, the label's 10 mg/ml is assumed.
    static func labelDensityExcess(_ preparation: Preparation) -> String? {
        let (strength, at) = labelStrength(preparation)
        guard let dosing = preparation.dosing, let density = PublishedLimits.density(dosing, strength: strength),
              density > labelDensity * (1 + 1e-9) else { return nil }
        // At the label's strength or less on its 1 cm grid or wider, only more than 0.2 ml a
        // point goes beyond 2 mg/cm², which the per-point check names already.
        guard strength > 10 * (1 + 1e-9) || dosing.spacing.min.baseValue < 10 * (1 - 1e-9) else { return nil }
        return "\(PublishedLimits.figure(density, beyond: labelDensity)) mg/cm² (\(dosing.perPoint.max) a point \(at), \(dosing.spacing.min) apart; the label gives 2 mg/cm²)"
    }

    /// How an entry stronger than the label goes beyond its 100 mg a session (10 ml of
    /// 10 mg/ml) within the label's 10 ml: `200 mg a session (10 ml at 20 mg/ml; ...)`; nil
    /// within it, or without a most a session (the session's own warning weighs the dose).
    static func labelSessionExcess(_ preparation: Preparation) -> String? {
        let (strength, at) = labelStrength(preparation)
        guard let most = preparation.dosing?.maxPerSession, most.baseValue <= 10, most.baseValue * strength > 100 * (1 + 1e-9) else {
            return nil
        }
        return "\(PublishedLimits.figure(most.baseValue * strength, beyond: 100)) mg a session (\(most) \(at); the label gives at most 100 mg: 10 ml of 10 mg/ml)"
    }

    /// The deoxycholic acid and its salts of `preparation` in mg/ml, added up (deoxycholic
    /// acid with sodium deoxycholate at 10 mg/ml each is 20 mg/ml: an outside review planned
    /// it at 4 mg/cm², each checked alone within 2), the label's 10 mg/ml counted for each
    /// giving no strength; and how to say it: `at 20 mg/ml`.
    static func labelStrength(_ preparation: Preparation) -> (mgPerMl: Double, at: String) {
        let given = ProductNames.strength(of: preparation) { ProductNames.deoxycholate.matchAny($0) }
        let strength = given.mgPerMl + 10 * Double(given.unstated)
        let at = given.mgPerMl == 0 ? (given.unstated > 1 ? "at the label's 10 mg/ml for each of \(given.unstated) ingredients giving no strength"
                                                          : "at the label's 10 mg/ml, the entry giving no strength")
            : given.unstated > 0 ? "at \(PublishedLimits.figure(strength)) mg/ml (the label's 10 mg/ml counted for each ingredient giving no strength)"
            : "at \(PublishedLimits.figure(strength)) mg/ml"
        return (strength, at)
    }

    /// The label's limits: 0.2 ml a site, 10 ml a session, 6 sessions at least 1 month apart.
    static let deoxycholicLimits = PublishedLimits(perPoint: 0.2, perSession: 10, sessions: 6, interval: Quantity(1, .month))

    /// Deoxycholic acid (or a salt of it, or the labelled product by its brand) without
    /// phosphatidylcholine: the labelled product, not an injection lipolysis mixture (the body
    /// plugin's `body-lipolysis-limits`). Names: ``ProductNames``.
    static func isDeoxycholicAlone(_ preparation: Preparation) -> Bool {
        ProductNames.holds(preparation, ProductNames.deoxycholate) && !ProductNames.holds(preparation, ProductNames.phosphatidylcholine)
    }
}
