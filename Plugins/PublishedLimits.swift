import PreparationRegistry

/// A product's published dose and schedule limits (a label, a trial's protocol), which a
/// catalogue entry of it must stay within: the one check behind `submental-deoxycholic-label`
/// and `body-lipolysis-limits`.
struct PublishedLimits: Sendable {
    /// The most a point, in ml.
    var perPoint: Double?
    /// The most a session, in ml.
    var perSession: Double?
    /// The most sessions in all.
    var sessions: Int?
    /// The least time between sessions.
    var interval: Quantity<DurationUnit>?

    /// Each way `preparation`'s entry goes beyond the limits, with the limit:
    /// `0.3 ml a point (at most 0.2 ml)`, `sessions 1 week apart (at least 1 month)`.
    func excesses(of preparation: Preparation) -> [String] {
        var found: [String] = []
        if let dosing = preparation.dosing {
            if let perPoint, dosing.perPoint.max.baseValue > perPoint {
                found.append("\(dosing.perPoint) a point (at most \(Self.number(perPoint)) ml)")
            }
            if let perSession, let most = dosing.maxPerSession, most.baseValue > perSession {
                found.append("\(most) a session (at most \(Self.number(perSession)) ml)")
            }
        }
        let phases = preparation.phases
        if let sessions, phases.contains(where: \.repeats) || phases.reduce(0, { $0 + $1.sessions.max }) > sessions {
            found.append("more than \(sessions) sessions (at most \(sessions))")
        }
        if let interval, let close = phases.compactMap(\.interval).first(where: { $0.min < interval }) {
            found.append("sessions \(close) apart (at least \(interval))")
        }
        return found
    }

    /// The warning of format 1.1 section 2.6 when `dose`, the session planned, could take more
    /// than the published most a session and the entry states no `max-per-session` of its own
    /// (an entry stating more is left out by ``excesses(of:)``; one stating less has the
    /// planner's own warning): the published limit stands in for the missing one. `allowing`
    /// names it: `the deoxycholic acid label allows a session`.
    func sessionExcess(_ dose: SessionDose?, allowing: String) -> String? {
        guard let dose, dose.dosing.maxPerSession == nil, let perSession else { return nil }
        return dose.excessWarning(over: Quantity(perSession, .ml), allowing: allowing)
    }

    /// For an entry that gives no `max-per-session` and a course without a surface (so no dose
    /// to weigh), or with a region without one: the largest surface one session may cover
    /// within the published most a session, `one session may cover at most 50 cm² (...)`; nil otherwise.
    func sessionCoverage(_ preparation: Preparation, dose: SessionDose?) -> String? {
        // A dose of some regions only (others given without a surface) weighs only those: the
        // coverage is said then too (an outside re-check lost the line by adding a region).
        guard dose.map({ !$0.regionsWithoutSurface.isEmpty }) ?? true, let dosing = preparation.dosing, dosing.maxPerSession == nil, let perSession,
              SessionDose.uncomputableReason(dosing) == nil else { return nil }
        return SessionDose.coverage(of: dosing, within: Quantity(perSession, .ml))
    }

    /// The most an entry's grid puts on a square centimetre: its most a point (ml) over its
    /// closest spacing squared (cm²), times `strength` (mg/ml, for mg/cm²; 1 for ml/cm²); nil
    /// without dosing or with a spacing of zero. The one reckoning behind the per-surface
    /// limits of `submental-deoxycholic-label`, `scar-corticosteroid-limits` and
    /// `scalp-plasma-limits`.
    static func density(_ dosing: Dosing?, strength: Double = 1) -> Double? {
        guard let dosing else { return nil }
        let spacing = dosing.spacing.min.baseValue / 10  // cm
        guard spacing > 0 else { return nil }
        return dosing.perPoint.max.baseValue * strength / (spacing * spacing)
    }

    /// `2`, `2.5`: a computed figure without a needless fraction, to two decimals at most; a
    /// figure under 0.01 (`0.004`) or of 10^15 or more (`1e+19`, `inf`) in Swift's shortest
    /// form. (An entry's figures may multiply past `Int`'s range, where converting trapped:
    /// an outside review's triamcinolone at 9999999 mg/ml ended `course` with exit 132.)
    static func figure(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return String(value) }
        if value != 0, abs(value) < 0.01 { return String(value) }
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// ``figure(_:)`` of a value found beyond `limit`, with the digits that show it is: not
    /// `20 mg/cm² (...; at most 20 mg/cm²)` for 20.001 (outside review).
    static func figure(_ value: Double, beyond limit: Double) -> String {
        let shown = figure(value)
        return value > limit && shown == figure(limit) ? String(value) : shown
    }

    /// `0.2`, `10`: the figure without a needless fraction.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
