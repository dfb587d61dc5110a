import Foundation
import PreparationRegistry
import Testing
import TestSupport

/// The dose of a session equals the formulas of format 1.1 section 2.6, computed here again
/// by brute force on whole numbers (every figure scaled to an integer), on random surfaces
/// and dosing values.
@Suite struct DoseTests {
    /// ceil(a / b) for positive whole numbers.
    static func ceilDiv(_ a: Int, _ b: Int) -> Int { (a + b - 1) / b }

    @Test func theFormulasOfSection2_6OnRandomFigures() throws {
        var g = SplitMix64(state: 26)
        for _ in 0..<3000 {
            // Figures in hundredths (surfaces, cm spacings), thousandths (volumes), tenths (mm spacings).
            let perPointMin = Int.random(in: 1...300, using: &g), perPointMax = perPointMin + Int.random(in: 0...200, using: &g)
            let inCentimetres = Bool.random(using: &g)
            let spacingMin = Int.random(in: 1...400, using: &g), spacingMax = spacingMin + Int.random(in: 0...300, using: &g)
            let maximum = Bool.random(using: &g) ? Int.random(in: perPointMax...20_000, using: &g) : nil
            func text(_ n: Int, _ scale: Int) -> Double { Double("\(Decimal(n) / Decimal(scale))") ?? 0 }
            let dosing = Dosing(
                perPoint: VolumeRange(min: Quantity(text(perPointMin, 1000), .ml), max: Quantity(text(perPointMax, 1000), .ml)),
                spacing: SpacingRange(min: Quantity(text(spacingMin, inCentimetres ? 100 : 10), inCentimetres ? .cm : .mm),
                                      max: Quantity(text(spacingMax, inCentimetres ? 100 : 10), inCentimetres ? .cm : .mm)),
                maxPerSession: maximum.map { Quantity(text($0, 1000), .ml) })
            let surfaces = (0..<Int.random(in: 1...3, using: &g)).map { _ in Int.random(in: 1...80_000, using: &g) }  // hundredths of cm²
            let regions = zip([Region.face, .neck, .decolletage], surfaces).map { region, s in
                TreatedRegion(region, surface: Surface(squareCentimetres: Decimal(s) / 100))
            }
            let dose = try #require(SessionDose(dosing: dosing, regions: regions))

            // Brute force, in integers: a spacing in cm is d/100 (cm) or d/100 (from tenths of mm),
            // so S / spacing² = (s/100) / (d²/10⁴) = s·100 / d².
            let dMin = spacingMin, dMax = spacingMax  // hundredths of cm either way (tenths of mm = hundredths of cm)
            var totalFewest = 0, totalMost = 0, volumeLeast = 0, volumeMost = 0
            for (index, s) in surfaces.enumerated() {
                let fewest = Self.ceilDiv(s * 100, dMax * dMax), most = Self.ceilDiv(s * 100, dMin * dMin)
                #expect(dose.regions[index].points == fewest...most)
                #expect(dose.regions[index].volume == (Decimal(fewest * perPointMin) / 1000)...(Decimal(most * perPointMax) / 1000))
                totalFewest += fewest; totalMost += most
                volumeLeast += fewest * perPointMin; volumeMost += most * perPointMax
            }
            #expect(dose.points == totalFewest...totalMost)
            #expect(dose.volume == (Decimal(volumeLeast) / 1000)...(Decimal(volumeMost) / 1000))
            if let maximum {
                #expect(dose.exceedsMaximum == (volumeMost > maximum))
                // floor(max / per-point.max) × spacing.min² cm², spacing in hundredths of cm.
                #expect(dose.largestSurface == Decimal((maximum / perPointMax) * dMin * dMin) / 10_000)
            } else {
                #expect(!dose.exceedsMaximum && dose.largestSurface == nil)
            }
        }
    }

    @Test func decimalsAreExact() throws {
        // 0.9 cm² at 3 mm: 0.9 / 0.09 = 10 points exactly (in binary floating point, 10.000000000000002: 11).
        let dosing = Dosing(perPoint: VolumeRange(min: Quantity(0.1, .ml), max: Quantity(0.1, .ml)),
                            spacing: SpacingRange(min: Quantity(3, .mm), max: Quantity(3, .mm)))
        let dose = try #require(SessionDose(dosing: dosing, regions: [TreatedRegion(.face, surface: Surface("0.9cm2"))]))
        #expect(dose.points == 10...10)
        #expect(dose.volume == 1...1)
    }

    @Test(arguments: [
        ("300cm2", "300"), ("300 cm2", "300"), ("300 cm²", "300"), ("12.5CM²", "12.5"), ("15x20cm", "300"),
        ("15 x 20 cm", "300"), ("1.5×2cm", "3"), ("0.1X0.3cm", "0.03"),
    ])
    func surfacesAreRead(_ text: String, _ value: String) throws {
        let surface = try #require(Surface(text))
        #expect(surface.squareCentimetres == Decimal(string: value))
    }

    @Test(arguments: ["300", "300 mm2", "0cm2", "-5cm2", "15x20", "15x20x2cm", "1e3cm2", "abc", "", "cm2", "1234567890123cm2", ".5cm2"])
    func otherTextsAreNotSurfaces(_ text: String) {
        #expect(Surface(text) == nil)
    }

    @Test func pointsStopAtTheLimitAndSaySo() throws {
        let dosing = Dosing(perPoint: VolumeRange(min: Quantity(0.1, .ml), max: Quantity(0.1, .ml)),
                            spacing: SpacingRange(min: Quantity(1e-9, .mm), max: Quantity(1e-9, .mm)))
        let dose = try #require(SessionDose(dosing: dosing, regions: [TreatedRegion(.face, surface: Surface("300cm2"))]))
        #expect(dose.isCapped)
        #expect(dose.points.upperBound == 1_000_000_000_000_000)
    }

    @Test func aRegionWithAnUnreadableSurfaceSaysWhatWasExpected() {
        #expect(throws: CourseRequestError("--region ':300cm2' names no region before its surface; write it as face:300cm2")) {
            try TreatedRegion.parse(":300cm2")
        }
        #expect(throws: CourseRequestError("--region 'face:300': '300' is not a surface; write it in square centimetres, above zero, as 300cm2, 300 cm² or 15x20cm")) {
            try TreatedRegion.parse("face:300")
        }
        do {
            _ = try TreatedRegion.parse("fase:300cm2")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "unknown region 'fase'; did you mean 'face'?")
        }
    }
}
