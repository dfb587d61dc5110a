/// The figures a dose is computed from: a catalogue may write any finite number, but the exact
/// decimals of ``SessionDose`` hold only so many digits and powers of ten (beyond them their
/// arithmetic traps). Every figure of a `dosing` (the volumes a point, the spacing in cm and
/// `max-per-session`) must be zero or lie within 10^-30 ... 10^30; otherwise the course leaves the
/// dose out with a warning (``SessionDose/uncomputableReason(_:)``). Within these bounds every
/// product and quotient of the formulas (at most 10^84 points before the cap at 10^15, 10^45 ml,
/// a largest surface of 10^120 cm²) stays far inside what the decimals hold.
extension SessionDose {
    /// The magnitudes a dosing figure may have for its dose to be computed.
    static let computableMagnitudes: ClosedRange<Double> = 1e-30...1e30

    /// Nil when `dosing`'s figures can be computed with; else why not, for the course's warning.
    package static func uncomputableReason(_ dosing: Dosing) -> String? {
        func centimetres(_ q: Quantity<SpacingUnit>) -> Double { q.unit == .cm ? q.value : q.value / 10 }
        let figures: [(String, Double)] = [("per-point", dosing.perPoint.min.value), ("per-point", dosing.perPoint.max.value),
                                           ("spacing", centimetres(dosing.spacing.min)), ("spacing", centimetres(dosing.spacing.max))]
            + (dosing.maxPerSession.map { [("max-per-session", $0.value)] } ?? [])
        guard let (key, _) = figures.first(where: { $0.1 != 0 && !computableMagnitudes.contains(abs($0.1)) }) else { return nil }
        let written = key == "spacing" ? "\(dosing.spacing)" : key == "per-point" ? "\(dosing.perPoint)"
            : dosing.maxPerSession.map { "\($0)" } ?? ""
        return "its '\(key)' (\(written)) lies outside 10^-30 to 10^30 (in ml or cm), where doses are not computed"
    }
}
