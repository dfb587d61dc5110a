import Foundation
import AreaPlugins
import PreparationRegistry
import Testing

/// A region's rules reach every course given there: without `--region` (the course is for
/// every region of the plugin the preparation lists), in the scar plugin (a scar lies in a
/// region), and the scar rules in the face and body plugins (which plan scar concerns too).
@Suite struct RegionRuleReachTests {
    static let start = CalendarDate(year: 2026, month: 1, day: 5) ?? .first

    static func plan(_ plugin: String, _ request: CourseRequest) throws -> CourseOutcome {
        try standardHost().plan(plugin, request, using: try #require(bundledRegistry))
    }

    @Test("without --region, a preparation used only under the chin gets the jaw-line warning")
    func submentalWithoutRegion() throws {
        let course = try #require(try Self.plan("face", CourseRequest(concern: "double-chin", start: Self.start)).course)
        #expect(course.preparation.id == "deoxycholic-acid-submental")
        #expect(course.appliedRules.contains("submental-jaw-line"))
        #expect(course.warnings.contains { $0.hasSuffix("[submental-jaw-line]") })
    }

    @Test("without --region, a preparation used only around the eyes gets the periorbital rule and its technique")
    func periorbitalWithoutRegion() throws {
        let course = try #require(try Self.plan("face", CourseRequest(concern: "dark-circles", start: Self.start)).course)
        #expect(course.preparation.id == "polynucleotide-periorbital")
        #expect(course.technique == .micropapules)
        #expect(course.warnings.contains { $0.hasSuffix("[periorbital-superficial-only]") })
    }

    @Test("without --region, a preparation also used around the eyes but too deep there is left out, and the reason says how to plan for fewer regions")
    func tooDeepForOneOfItsRegions() throws {
        let refusal = try #require(try Self.plan("face", CourseRequest(concern: "filler-overcorrection", start: Self.start)).refusal)
        let reasons = try #require(refusal.excluded.first { $0.preparation == "hyaluronidase-filler-correction" }).reasons
        #expect(reasons == ["not superficial enough for the periorbital region: lists none of epidermal, nappage, micropapules (lists point-by-point, linear-retrograde); deposited at 1-4 mm, reaching deeper than 2 mm (superficial intradermal work, papules the deepest, goes 1-2 mm deep) [periorbital-superficial-only] (without --region, the course is for every region of the face plugin the preparation is used in: face, periorbital; give --region to plan for fewer)"])
        let withRegion = try #require(try Self.plan("face", CourseRequest(concern: "filler-overcorrection", regions: [TreatedRegion(.face)], start: Self.start)).course)
        #expect(withRegion.preparation.id == "hyaluronidase-filler-correction")
    }

    @Test("the scar plugin applies the body's rules on the abdomen: infection follow-ups, the anaesthetic's surface")
    func scarOnTheBody() throws {
        let surface = try #require(Surface(squareCentimetres: 700))
        let course = try #require(try Self.plan("scar", CourseRequest(
            concern: "stretch-marks", regions: [TreatedRegion(.abdomen, surface: surface)], start: Self.start)).course)
        #expect(course.appliedRules.contains("body-infection-follow-up"))
        #expect(course.appliedRules.contains("body-anaesthetic-surface"))
        #expect(course.appliedRules.contains("scar-assessment-each-session"))
    }

    @Test("the scar plugin applies the jaw-line warning under the chin")
    func scarUnderTheChin() throws {
        let outcome = try Self.plan("scar", CourseRequest(concern: "acne-scars", regions: [TreatedRegion(.submental)], start: Self.start))
        if let course = outcome.course {
            #expect(course.appliedRules.contains("submental-jaw-line"))
        } else {
            // No bundled scar preparation is used under the chin: nothing to warn about.
            #expect(outcome.refusal != nil)
        }
    }

    @Test("the face and body plugins apply the scar rules to a scar concern, and only to one")
    func scarRulesElsewhere() throws {
        let face = try #require(try Self.plan("body", CourseRequest(
            concern: "keloids", regions: [TreatedRegion(.back)], conditions: ["keloid-tendency"], start: Self.start)).course)
        #expect(face.appliedRules.contains("scar-keloid-tendency"))
        #expect(face.appliedRules.contains("scar-assessment-each-session"))
        // Every bundled dehydration preparation lists keloid-tendency (the consensus): each is
        // left out for it, and for nothing a scar rule says.
        let notScar = try #require(try Self.plan("face", CourseRequest(
            concern: "dehydration", conditions: ["keloid-tendency"], start: Self.start)).refusal)
        #expect(!notScar.excluded.isEmpty)
        #expect(notScar.excluded.allSatisfy { $0.reasons.allSatisfy { !$0.contains("[scar-") } })
        let noCondition = try #require(try Self.plan("face", CourseRequest(concern: "dehydration", start: Self.start)).course)
        #expect(!noCondition.appliedRules.contains("scar-keloid-tendency"))
        #expect(!noCondition.appliedRules.contains("scar-assessment-each-session"))
    }
}

@Suite struct PeriorbitalDepthTests {
    @Test("an entry too deep around the eyes in two ways is left out with both")
    func bothReasons() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("deep-both-\(UUID().uuidString).yaml")
        try """
            id: deep-both
            name: Deep both
            ingredients: [glycerol]
            regions: [periorbital]
            indications: [dark-circles]
            techniques: [point-by-point]
            depth: 2-4 mm
            residence: 3-30 days
            protocol:
              - phase: induction
                sessions: 1
            sources: [Test source]
            """.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let preparation = try #require(CatalogueLoader().load(files: [url.path]).preparations.first)
        let request = CourseRequest(concern: "dark-circles", regions: [TreatedRegion(.periorbital)], start: RegionRuleReachTests.start)
        #expect(FacePlugin.periorbitalSuperficialOnly.leavesOut?(preparation, request)
                == "not superficial enough for the periorbital region: lists none of epidermal, nappage, micropapules (lists point-by-point); deposited at 2-4 mm, deeper than 1 mm at the least [periorbital-superficial-only]")
    }

    @Test("around the eyes, a depth reaching deeper than 2 mm is left out, even when it starts at 1 mm")
    func reachingTooDeep() throws {
        let text = """
            id: deep-reach
            name: Deep reach
            ingredients: [glycerol]
            regions: [periorbital]
            indications: [dark-circles]
            techniques: [nappage, subcutaneous]
            depth: 1-13 mm
            residence: 3-30 days
            protocol:
              - phase: induction
                sessions: 1
            sources: [Test source]
            """
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("deep-reach-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let preparation = try #require(CatalogueLoader().load(files: [url.path]).preparations.first)
        let request = CourseRequest(concern: "dark-circles", regions: [TreatedRegion(.periorbital)], start: RegionRuleReachTests.start)
        #expect(FacePlugin.periorbitalSuperficialOnly.leavesOut?(preparation, request)
                == "not superficial enough for the periorbital region: deposited at 1-13 mm, reaching deeper than 2 mm (superficial intradermal work, papules the deepest, goes 1-2 mm deep) [periorbital-superficial-only]")
    }
}

@Suite struct PublishedLimitTests {
    static func preparation(_ text: String) throws -> Preparation {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = CatalogueLoader().load(files: [url.path])
        return try #require(result.preparations.first, "\(result.diagnostics.map(\.description))")
    }

    static let request = CourseRequest(concern: "double-chin", start: RegionRuleReachTests.start)

    @Test("deoxycholic acid beyond its label (0.3 ml a point, 8 weekly sessions) is left out, each excess named")
    func deoxycholicBeyondLabel() throws {
        let fast = try Self.preparation("""
            id: dca-fast
            name: DCA fast
            ingredients: [{name: Deoxycholic acid, class: lipolytic}]
            regions: [submental]
            indications: [double-chin]
            techniques: [subcutaneous]
            depth: 4-13 mm
            residence: 1-3 days
            protocol:
              - phase: treatment
                sessions: 8
                interval: 1 week
            dosing: {per-point: 0.3 ml, spacing: 1 cm, max-per-session: 10 ml}
            sources: [Test source]
            """)
        #expect(FacePlugin.deoxycholicLabel.leavesOut?(fast, Self.request)
                == "beyond the deoxycholic acid label: 0.3 ml a point (at most 0.2 ml); more than 6 sessions (at most 6); sessions 1 week apart (at least 1 month) [submental-deoxycholic-label]")
    }

    @Test("phosphatidylcholine and deoxycholate beyond the published limits (0.5 ml a point, weekly) are left out")
    func lipolysisBeyondLimits() throws {
        let fast = try Self.preparation("""
            id: pc-dc-fast
            name: PC DC fast
            ingredients: [{name: Phosphatidylcholine, class: lipolytic}, {name: Sodium deoxycholate, class: lipolytic}]
            regions: [abdomen]
            indications: [localized-fat]
            techniques: [subcutaneous]
            depth: 4-13 mm
            residence: 1-3 days
            protocol:
              - phase: treatment
                sessions: 4
                interval: 1 week
            dosing: {per-point: 0.4-0.5 ml, spacing: 2 cm}
            sources: [Test source]
            """)
        #expect(BodyPlugin.lipolysisLimits.leavesOut?(fast, Self.request)
                == "beyond the published limits of injection lipolysis: 0.4-0.5 ml a point (at most 0.3 ml); sessions 1 week apart (at least 4 weeks) [body-lipolysis-limits]")
    }
}
