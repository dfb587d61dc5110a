import FoundationEssentials

/// The points and volume of one session, per region and in all, by the formulas of format 1.1
/// section 2.6. For a treated surface of S cm² and a spacing in cm, one region takes from
/// ceil(S / spacing.max²) to ceil(S / spacing.min²) points, and from points.min × per-point.min
/// to points.max × per-point.max ml; the session's total is the sum over its regions. Computed
/// on decimals, exactly as written: `0.9 cm²` at `3 mm` is 10 points, not 11.
package struct SessionDose: Sendable, Hashable {
    /// The dose of one region.
    package struct RegionDose: Sendable, Hashable {
        /// The region.
        package var region: Region
        /// Its treated surface.
        package var surface: Surface
        /// How many points, fewest to most.
        package var points: ClosedRange<Int>
        /// How much, in ml, least to most.
        package var volume: ClosedRange<Decimal>
    }

    /// The regions with a surface, in the request's order.
    package var regions: [RegionDose]
    /// The regions of the request without a surface: not counted in the total.
    package var regionsWithoutSurface: [Region]
    /// The session's points, all regions together.
    package var points: ClosedRange<Int>
    /// The session's volume in ml, all regions together.
    package var volume: ClosedRange<Decimal>
    /// The dosing it was computed from.
    package var dosing: Dosing

    /// True when a region's points reached the most that are counted (10^15): its figures are
    /// capped, not exact.
    package var isCapped: Bool { regions.contains { $0.points.upperBound >= SessionDose.pointLimit } }

    /// The total surface of the regions with a surface, in cm².
    package var surface: Decimal { regions.reduce(0) { $0 + $1.surface.squareCentimetres } }

    /// True when the session's upper volume exceeds the dosing's `max-per-session`.
    package var exceedsMaximum: Bool {
        guard let maximum = dosing.maxPerSession else { return false }
        return volume.upperBound > SessionDose.decimal(maximum.value)
    }

    /// The largest surface one session may cover within `max-per-session`:
    /// floor(max-per-session / per-point.max) × spacing.min² cm²; nil without a maximum.
    package var largestSurface: Decimal? {
        dosing.maxPerSession.map { SessionDose.largestSurface(of: dosing, within: $0) }
    }

    /// The warning of section 2.6 when the session's upper volume exceeds `maximum` (the
    /// entry's `max-per-session`, or a published limit that `allowing` names, such as
    /// `the deoxycholic acid label allows a session`): both volumes, and the largest surface
    /// one session may cover. Nil when the session stays within it.
    package func excessWarning(over maximum: Quantity<VolumeUnit>, allowing: String = "one session may take") -> String? {
        guard volume.upperBound > SessionDose.decimal(maximum.value) else { return nil }
        return "the session could take up to \(SessionDose.millilitres(volume.upperBound)), "
            + "more than the \(maximum) \(allowing): " + SessionDose.coverage(of: dosing, within: maximum)
    }

    /// `one session may cover at most 50 cm² (50 points of 0.2 ml, 1 cm apart)`: the largest
    /// surface `dosing` reaches within `maximum`, in the words of section 2.6's warning.
    package static func coverage(of dosing: Dosing, within maximum: Quantity<VolumeUnit>) -> String {
        "one session may cover at most \(surfaceText(largestSurface(of: dosing, within: maximum))) cm² "
            + "(\(Surface.plain(points(of: dosing, within: maximum))) points of \(dosing.perPoint.max), \(dosing.spacing.min) apart)"
    }

    /// `20`, `0.25`; a surface above zero that six decimals would show as 0 is `less than
    /// 0.000001` (an outside review saw "at most 0 cm²" for a spacing of 0.001 mm).
    static func surfaceText(_ surface: Decimal) -> String {
        let shown = Surface.plain(surface)
        return surface > 0 && shown == "0" ? "less than 0.000001" : shown
    }

    /// floor(maximum / per-point.max) × spacing.min² cm²: the largest surface `dosing` covers
    /// within `maximum`.
    static func largestSurface(of dosing: Dosing, within maximum: Quantity<VolumeUnit>) -> Decimal {
        let spacing = centimetres(dosing.spacing.min)
        return points(of: dosing, within: maximum) * spacing * spacing
    }

    /// floor(maximum / per-point.max): the points one session may take within `maximum`.
    static func points(of dosing: Dosing, within maximum: Quantity<VolumeUnit>) -> Decimal {
        floor(decimal(maximum.value) / decimal(dosing.perPoint.max.value))
    }

    /// The dose of a session treating `regions` with `dosing`; nil when no region has a surface
    /// or a figure of `dosing` is out of bounds (``uncomputableReason(_:)``).
    package init?(dosing: Dosing, regions: [TreatedRegion]) {
        guard SessionDose.uncomputableReason(dosing) == nil else { return nil }  // DoseBounds.swift
        let spacingMin = SessionDose.centimetres(dosing.spacing.min), spacingMax = SessionDose.centimetres(dosing.spacing.max)
        let perPointMin = SessionDose.decimal(dosing.perPoint.min.value), perPointMax = SessionDose.decimal(dosing.perPoint.max.value)
        var doses: [RegionDose] = []
        var without: [Region] = []
        for treated in regions {
            guard let surface = treated.surface else {
                without.append(treated.region)
                continue
            }
            let s = surface.squareCentimetres
            let fewest = SessionDose.ceiling(s / (spacingMax * spacingMax))
            let most = SessionDose.ceiling(s / (spacingMin * spacingMin))
            doses.append(RegionDose(region: treated.region, surface: surface, points: fewest...most,
                                    volume: (Decimal(fewest) * perPointMin)...(Decimal(most) * perPointMax)))
        }
        guard !doses.isEmpty else { return nil }
        self.regions = doses
        regionsWithoutSurface = without
        points = doses.reduce(0) { $0 + $1.points.lowerBound }...doses.reduce(0) { $0 + $1.points.upperBound }
        volume = doses.reduce(Decimal(0)) { $0 + $1.volume.lowerBound }...doses.reduce(Decimal(0)) { $0 + $1.volume.upperBound }
        self.dosing = dosing
    }

    // MARK: - Exact decimals

    /// A catalogue number as the decimal it was written as (Swift's shortest digits read back
    /// exactly): `0.1` is 0.1, not 0.1000000000000000055.
    static func decimal(_ value: Double) -> Decimal {
        Decimal(string: formatNumber(value)) ?? Decimal(value)
    }

    /// A spacing in centimetres.
    static func centimetres(_ q: Quantity<SpacingUnit>) -> Decimal {
        q.unit == .cm ? decimal(q.value) : decimal(q.value) / 10
    }

    /// At most this many points are counted for one region (10^15): a catalogue may give a
    /// spacing as small as it likes, and a session's sum over its regions (one each of the
    /// contract's 14) must still fit in an `Int`.
    static let pointLimit = 1_000_000_000_000_000

    /// The smallest whole number at least `value`, at most ``pointLimit``.
    static func ceiling(_ value: Decimal) -> Int {
        let rounded = Swift.min(value.rounded(scale: 0, .up), Decimal(pointLimit))
        return Int(rounded.description) ?? pointLimit
    }

    /// The largest whole number at most `value`.
    static func floor(_ value: Decimal) -> Decimal {
        value.rounded(scale: 0, .down)
    }

    /// `0.45 ml`, `12 ml`: a volume as printed.
    package static func millilitres(_ value: Decimal) -> String { "\(Surface.plain(value)) ml" }
}
