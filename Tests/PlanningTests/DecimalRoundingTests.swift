import Foundation
@testable import PreparationRegistry
import Testing
import TestSupport

/// `Decimal.rounded(scale:_:)` (the library's own, so that it needs only FoundationEssentials)
/// rounds as Foundation's `NSDecimalRound` does, and `Surface.plain` writes what
/// `NSDecimalNumber.description(withLocale:)` wrote, on generated decimals of every shape the
/// dosing arithmetic makes (whole, long fractions, halves, carries through nines, negatives).
@Suite struct DecimalRoundingTests {
    static func foundationRounded(_ value: Decimal, _ scale: Int, _ mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var copy = value, rounded = Decimal()
        NSDecimalRound(&rounded, &copy, scale, mode)
        return rounded
    }

    /// A decimal written from random digits: up to 12 whole digits and 14 decimals, often
    /// ending in 5 or in a run of nines.
    static func generated(_ random: inout SplitMix64) -> Decimal {
        let wholeDigits = Int.random(in: 0...12, using: &random)
        let fractionDigits = Int.random(in: 0...14, using: &random)
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in
                switch Int.random(in: 0..<4, using: &random) {
                case 0: return "9"
                case 1: return "5"
                default: return Character(String(Int.random(in: 0...9, using: &random)))
                }
            })
        }
        var text = wholeDigits == 0 ? "0" : digits(wholeDigits)
        if fractionDigits > 0 { text += "." + digits(fractionDigits) }
        if Bool.random(using: &random) { text = "-" + text }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? 0
    }

    @Test("rounded(scale:_:) equals NSDecimalRound on 40,000 generated decimals, every mode, scales 0-8")
    func agreesWithFoundation() {
        var random = SplitMix64(state: 0x5EED_DEC1)
        let modes: [(Decimal.RoundingMode, NSDecimalNumber.RoundingMode)] = [(.plain, .plain), (.up, .up), (.down, .down), (.bankers, .bankers)]
        var disagreements: [String] = []
        for _ in 0..<10_000 {
            let value = Self.generated(&random)
            for (mode, foundationMode) in modes {
                let scale = Int.random(in: 0...8, using: &random)
                let ours = value.rounded(scale: scale, mode)
                let theirs = Self.foundationRounded(value, scale, foundationMode)
                if ours != theirs { disagreements.append("\(value) scale \(scale) \(mode): \(ours) against \(theirs)") }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }

    @Test("Surface.plain writes what NSDecimalNumber wrote with the POSIX locale")
    func plainAgreesWithFoundation() {
        var random = SplitMix64(state: 0xD0_5E)
        var disagreements: [String] = []
        for _ in 0..<10_000 {
            let value = Self.generated(&random)
            let theirs = NSDecimalNumber(decimal: Self.foundationRounded(value, 6, .plain))
                .description(withLocale: Locale(identifier: "en_US_POSIX"))
            if Surface.plain(value) != theirs { disagreements.append("\(value): \(Surface.plain(value)) against \(theirs)") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
    }
}
