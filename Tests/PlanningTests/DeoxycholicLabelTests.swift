@testable import AreaPlugins
import PreparationRegistry
import Testing

/// The deoxycholic acid label's dose a square centimetre and depth (fixture `deoxycholic`):
/// an outside clinician review planned 20 mg/ml on a 0.5 cm grid (16 mg/cm², the per-point
/// check alone passing it) and an intradermal deoxycholic acid by nappage.
@Suite struct DeoxycholicLabelTests {
    @Test func densityAndDepthBeyondTheLabelAreLeftOut() throws {
        let registry = try fixtureRegistry("deoxycholic")
        let request = CourseRequest(concern: "double-chin", regions: [TreatedRegion(.submental, surface: Surface(squareCentimetres: 20))],
                                    start: try day("2026-01-05"))
        let c = try course("face", request, in: registry)
        #expect(c.preparation.id == "dca-label")
        #expect(c.excluded.map(\.preparation) == ["dca-body", "dca-dense", "dca-shallow", "dca-two-salts"])
        #expect(c.excluded.dropFirst().map(\.reason) == [
            "beyond the deoxycholic acid label: 16 mg/cm² (0.2 ml a point at 20 mg/ml, 0.5 cm apart; the label gives 2 mg/cm²); "
                + "200 mg a session (10 ml at 20 mg/ml; the label gives at most 100 mg: 10 ml of 10 mg/ml) [submental-deoxycholic-label]",
            "beyond the deoxycholic acid label: deposited at 0.5-2 mm, above the subcutaneous fat the label injects into (mid-depth, "
                + "pre-platysmal; subcutaneous work is 4-13 mm deep, format section 4): too shallow for the label [submental-deoxycholic-label]",
            "beyond the deoxycholic acid label: 4 mg/cm² (0.2 ml a point at 20 mg/ml, 1 cm apart; the label gives 2 mg/cm²); "
                + "200 mg a session (10 ml at 20 mg/ml; the label gives at most 100 mg: 10 ml of 10 mg/ml) [submental-deoxycholic-label]",
        ])
    }

    @Test func withoutARegionAnEntryOfNoFaceRegionGetsNoEmptyList() throws {
        let registry = try fixtureRegistry("deoxycholic")
        let c = try course("face", CourseRequest(concern: "double-chin", start: try day("2026-01-05")), in: registry)
        let body = try #require(c.excluded.first { $0.preparation == "dca-body" })
        #expect(body.reasons == [
            "used in no region of the face plugin (used in abdomen)",
            "beyond the deoxycholic acid label: sessions 1 week apart (at least 1 month) [submental-deoxycholic-label]",
        ])
    }

    @Test func withoutAStrengthTheLabelsIsAssumed() throws {
        let registry = try fixtureRegistry("deoxycholic")
        let shallow = try #require(registry["dca-shallow"])
        #expect(FacePlugin.labelDensityExcess(shallow) == nil)  // 0.2 ml on 1 cm at 10 mg/ml: 2 mg/cm², within
    }

    @Test func aStrongerEntryIsToldTheLabelInItsOwnMillilitres() throws {
        let registry = try fixtureRegistry("deoxycholic-strong")
        let request = CourseRequest(concern: "double-chin", regions: [TreatedRegion(.submental, surface: Surface(squareCentimetres: 25))],
                                    start: try day("2026-03-02"))
        let c = try course("face", request, in: registry)
        #expect(c.warnings.contains("deoxycholic acid (label, 10 mg/ml): 0.2 ml (2 mg) a site 1 cm apart, at most 10 ml (100 mg) a session, "
            + "at most 6 sessions at least 1 month apart; at 20 mg/ml that is 0.1 ml a site and at most 5 ml a session [submental-deoxycholic-label]"),
                "\(c.warnings)")
    }
}
