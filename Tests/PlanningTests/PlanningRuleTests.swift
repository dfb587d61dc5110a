import PreparationRegistry
import Testing

/// Every planning rule describes itself, and its examples run against the bundled catalogue:
/// those that should trigger it do, those that should not do not.
@Suite struct PlanningRuleTests {
    /// Every rule of the standard plugins, once, with the id of the plugin it belongs to (its
    /// `area`: plugins share rules, the scar plugin those of the face's and body's regions).
    static let rules: [(plugin: String, rule: PlanningRule)] = {
        guard let host = try? standardHost() else { return [] }
        var seen = Set<String>()
        return host.plugins.flatMap { plugin in plugin.rules.filter { $0.area == plugin.id }.map { (plugin.id, $0) } }
            .filter { seen.insert($0.rule.id).inserted }
    }()

    static let ids = rules.map(\.rule.id)

    static func rule(_ id: String) throws -> (plugin: String, rule: PlanningRule) {
        try #require(rules.first { $0.rule.id == id })
    }

    /// The rules applied when `request` is planned by `plugin` on the bundled catalogue (with
    /// an example's own preparations, `registry(for:)`).
    static func applied(_ plugin: String, _ request: CourseRequest, in registry: Registry? = bundledRegistry) throws -> [String] {
        let outcome = try standardHost().plan(plugin, request, using: try #require(registry))
        return outcome.course?.appliedRules ?? outcome.refusal?.appliedRules ?? []
    }

    @Test func theRulesAreTheIssuesAndTheirIdsAreUnique() {
        #expect(Self.ids == ["periorbital-superficial-only", "submental-jaw-line", "submental-deoxycholic-label", "scalp-assessment-visits",
                             "scalp-plasma-nsaid-hold", "scalp-plasma-limits", "body-infection-follow-up", "body-lipolysis-assessment", "body-lipolysis-limits", "body-anaesthetic-surface", "local-anaesthetic-allergy", "scar-assessment-each-session",
                             "scar-keloid-tendency", "scar-corticosteroid-limits", "corticosteroid-allergy"])
        #expect(Set(Self.ids).count == Self.ids.count)
    }

    @Test(arguments: ids)
    func describesItself(_ id: String) throws {
        let (plugin, rule) = try Self.rule(id)
        #expect(rule.area == plugin)
        #expect(id.allSatisfy { $0.isLowercase || $0 == "-" })
        #expect(!rule.rationale.isEmpty && !rule.source.isEmpty)
        #expect(!rule.triggeringExamples.isEmpty && !rule.nonTriggeringExamples.isEmpty)
    }

    @Test(arguments: ids)
    func triggeringExamplesTrigger(_ id: String) throws {
        let (plugin, rule) = try Self.rule(id)
        for example in rule.triggeringExamples {
            #expect(try Self.applied(plugin, example.request, in: registry(for: example)).contains(id), "\(id): \(example.title)")
        }
    }

    @Test("each triggering example does exactly what PlanningRuleEffects.swift says", arguments: ids)
    func triggeringExamplesEffects(_ id: String) throws {
        let (pluginID, rule) = try Self.rule(id)
        let plugin = try #require(try standardHost().plugins.first { $0.id == pluginID })
        let expected = try #require(planningRuleEffects[id], "give the effects of \(id)'s examples in PlanningRuleEffects.swift")
        #expect(Set(expected.keys) == Set(rule.triggeringExamples.map(\.title)))
        for example in rule.triggeringExamples {
            let effect = try ruleEffect(id, of: plugin, on: example.request, in: registry(for: example))
            #expect(!effect.isEmpty, "\(id): \(example.title)")
            #expect(effect == expected[example.title], "\(id): \(example.title)")
        }
    }

    @Test(arguments: ids)
    func nonTriggeringExamplesDoNot(_ id: String) throws {
        let (pluginID, rule) = try Self.rule(id)
        let plugin = try #require(try standardHost().plugins.first { $0.id == pluginID })
        for example in rule.nonTriggeringExamples {
            let registry = try registry(for: example)
            #expect(try !Self.applied(pluginID, example.request, in: registry).contains(id), "\(id): \(example.title)")
            #expect(try ruleEffect(id, of: plugin, on: example.request, in: registry) == [], "\(id): \(example.title)")
        }
    }

    /// Every rule is triggered by a plugin example on the bundled catalogue, but a rule about a
    /// product the bundled catalogue does not hold, whose examples bring their own entries.
    @Test func thePluginsExamplesCoverEveryRule() throws {
        var covered = Set<String>()
        for plugin in try standardHost().plugins {
            for example in plugin.examples { covered.formUnion(try Self.applied(plugin.id, example.request)) }
        }
        let ownEntries = Set(Self.rules.filter { $0.rule.triggeringExamples.allSatisfy { !$0.preparations.isEmpty } }.map(\.rule.id))
        let missing = Set(Self.ids).subtracting(covered).subtracting(ownEntries)
        #expect(missing.isEmpty, "not covered: \(missing.sorted())")
    }
}

/// What each area's rules do to a course, exactly.
@Suite struct AreaRuleTests {
    let registry = bundledRegistry

    @Test func periorbitalLeavesOutDeepWorkAndPlansASuperficialTechnique() throws {
        let registry = try #require(registry)
        let refusal = try #require(try standardHost().plan("face", CourseRequest(
            concern: "filler-overcorrection", regions: [TreatedRegion(.periorbital)], start: try day("2026-01-05")),
            using: registry).refusal)
        #expect(refusal.excluded.first?.preparation == "hyaluronidase-filler-correction")
        #expect(refusal.excluded.first?.reasons == [
            "not superficial enough for the periorbital region: lists none of epidermal, nappage, micropapules (lists point-by-point, linear-retrograde); deposited at 1-4 mm, reaching deeper than 2 mm (superficial intradermal work, papules the deepest, goes 1-2 mm deep) [periorbital-superficial-only]",
        ])
        let c = try course("face", CourseRequest(concern: "wrinkles", regions: [TreatedRegion(.periorbital)],
                                                 start: try day("2026-01-05")), in: registry)
        #expect(c.technique == .micropapules)
        #expect(c.warnings == ["periorbital: superficial intradermal injection only, with micropapules; no booster in the lower lid with oedema or thin skin [periorbital-superficial-only]"])
    }

    @Test func scalpPlansAssessmentsAndHoldsMaintenanceUntilThe3MonthOne() throws {
        let c = try course("scalp", CourseRequest(concern: "patchy-hair-loss", start: try day("2026-09-07")), in: try #require(registry))
        #expect(c.visits.map { "\($0.kind) \($0.date) \($0.earliest)-\($0.latest)" } == [
            "assessment 2026-09-07 2026-09-07-2026-09-07",
            "assessment 2026-12-07 2026-11-23-2026-12-21",
            "assessment 2027-03-07 2027-02-21-2027-03-21",
        ])
        let maintenance = try #require(c.sessions.first { $0.phase == "maintenance" })
        #expect(maintenance.date > c.visits[1].date)
        #expect(maintenance.notes == ["decision point: maintenance starts only if the 3-month assessment (2026-12-07) shows a response [scalp-assessment-visits]"])
    }

    @Test func aHoldMovesAPhaseThatWouldStartBeforeTheAssessmentWithinItsWindow() throws {
        // A maintenance phase 2-4 weeks after a 2-session induction: its window ends before the
        // 3-month assessment, so it stays on the window's last day, with a warning.
        let phases = [
            ProtocolPhase(name: "induction", sessions: CountRange(min: 2, max: 2), interval: DurationRange(min: Quantity(2, .week), max: Quantity(2, .week))),
            ProtocolPhase(name: "maintenance", sessions: CountRange(min: 1, max: 1), interval: DurationRange(min: Quantity(2, .week), max: Quantity(4, .week)), repeats: true),
        ]
        let request = CourseRequest(concern: "x", start: try day("2026-01-05"))
        let schedule = Scheduler.schedule(phases, request: request, counts: .fewest, holds: [
            PlanningRule.Hold(phase: 1, notBefore: try day("2026-04-05"), reason: "maintenance starts only after the 3-month assessment (2026-04-05)"),
        ])
        #expect(schedule.sessions.prefix(4).map(\.date.description) == ["2026-01-05", "2026-01-19", "2026-02-16", "2026-03-02"])
        #expect(schedule.sessions[2].earliest.description == "2026-02-02" && schedule.sessions[2].latest.description == "2026-02-16")
        #expect(schedule.warnings.first == "the first session of phase 'maintenance' should wait until 2026-04-05 (maintenance starts only after the 3-month assessment (2026-04-05)), but the window its interval allows ends on 2026-02-16: it is planned then; hold it until 2026-04-05 only if the practitioner accepts leaving the protocol's window")
        // Within the window, the hold moves the session to its day.
        let wide = [phases[0], ProtocolPhase(name: "maintenance", sessions: CountRange(min: 1, max: 1),
                                             interval: DurationRange(min: Quantity(2, .week), max: Quantity(6, .month)), repeats: true)]
        let held = Scheduler.schedule(wide, request: request, counts: .fewest, holds: [
            PlanningRule.Hold(phase: 1, notBefore: try day("2026-04-05"), reason: "after the assessment"),
        ])
        #expect(held.sessions[2].date.description == "2026-04-05")
        #expect(held.sessions[2].earliest <= held.sessions[2].date && held.sessions[2].date <= held.sessions[2].latest)
    }

    @Test func bodyFollowsUpEverySessionAndWarnsAbove600SquareCentimetres() throws {
        let c = try course("body", CourseRequest(
            concern: "localized-fat",
            regions: [TreatedRegion(.abdomen, surface: Surface("400cm2")), TreatedRegion(.flanks, surface: Surface("15x20cm"))],
            start: try day("2026-03-02")), in: try #require(registry))
        let followUps = c.visits.filter { $0.kind == .followUp }
        #expect(followUps.count == c.sessions.count)
        #expect(c.visits.filter { $0.kind == .assessment }.map(\.date) == [try #require(c.sessions.last).date.adding(days: 56)])
        #expect(zip(followUps, c.sessions).allSatisfy { $0.date == $1.date.adding(days: 21) && $0.latest == $1.date.adding(days: 28) })
        #expect(c.warnings == [
            "'phosphatidylcholine-deoxycholate-lipolysis' gives no most a session (max-per-session): nothing here checks the session's up to 35 ml against a limit; check the surfaces given and judge the total",
            "injection lipolysis (phosphatidylcholine and deoxycholate): at most 0.3 ml a point, at least 4 weeks between sittings [body-lipolysis-limits]",
            "the treated surface (700 cm²) is more than lidocaine-prilocaine cream may cover in an adult (600 cm², at most 60 g): numb the regions in turns or plan another anaesthesia [body-anaesthetic-surface]",
        ])
        let dose = try #require(c.dose)
        #expect(dose.points == 79...175)
        #expect(dose.volume.upperBound == 35)
    }

    @Test func aSubmentalSessionAboveTheLabelsMaximumSaysHowMuchOneSessionMayCover() throws {
        let c = try course("face", CourseRequest(concern: "double-chin", regions: [TreatedRegion(.submental, surface: Surface("60 cm²"))],
                                                 start: try day("2026-01-05")), in: try #require(registry))
        #expect(c.warnings == [
            "the session could take up to 12 ml, more than the 10 ml one session may take: one session may cover at most 50 cm² (50 points of 0.2 ml, 1 cm apart)",
            "submental: do not inject above the jaw line or within 1-1.5 cm below it (marginal mandibular nerve) [submental-jaw-line]",
            "deoxycholic acid (label, 10 mg/ml): 0.2 ml (2 mg) a site 1 cm apart, at most 10 ml (100 mg) a session, at most 6 sessions at least 1 month apart [submental-deoxycholic-label]",
        ])
    }

    @Test func scarAssessesEverySessionAndWarnsAKeloidPronePatient() throws {
        let c = try course("scar", CourseRequest(concern: "keloids", conditions: ["keloid-tendency"], start: try day("2026-10-05")),
                           in: try #require(registry))
        // Without --region the course is for every region the preparation lists, the body's among
        // them: the body's infection follow-ups come too (one after each session).
        let assessments = c.visits.filter { $0.kind == .assessment }
        #expect(c.visits.filter { $0.rule == "body-infection-follow-up" }.count == 3)
        #expect(assessments.map(\.date) == c.sessions.map(\.date))
        #expect(assessments.map { "\($0.kind): \($0.purpose)" } == (1...3).map {
            "assessment: assess the scar before session \($0) (Vancouver Scar Scale or POSAS) and record it"
        })
        #expect(c.warnings == [
            // Keloid tendency is the keloid treatment's indication, not among its contraindications.
            "'raised-scar-enzymatic' does not list 'keloid-tendency' among its contraindications: the catalogue says nothing of it for this preparation; check it against the product's own information",
            "the patient tends to form keloids: needling outside the scar can provoke new lesions; inject only within it [scar-keloid-tendency]",
        ])
    }

    @Test func aPreparationMustBeUsedInEveryRegionGiven() throws {
        let registry = try #require(registry)
        let c = try course("face", CourseRequest(concern: "dehydration", regions: [TreatedRegion(.face), TreatedRegion(.decolletage)],
                                                 start: try day("2026-01-05")), in: registry)
        #expect(c.preparation.id == "noncrosslinked-ha-hydration")
        #expect(c.excluded.first { $0.preparation == "lightly-crosslinked-ha-booster" }?.reasons
                == ["not used in region 'decolletage' (used in face, neck)"])
        #expect(try requestError("face", CourseRequest(concern: "dehydration", regions: [TreatedRegion(.face), TreatedRegion(.face)],
                                                       start: try day("2026-01-05")), in: registry)
                == "region 'face' is given twice: give each region once, with its whole surface")
    }
}
