
/// The unit of a volume: millilitres (`ml`, also `mL`).
public enum VolumeUnit: String, UnitOfMeasure, MeasureUnit {
    /// Millilitre.
    case ml
    /// `volume`.
    package static let quantityName = "volume"
    /// Millilitres in one unit: 1.
    public var scale: Double { 1 }
    /// `ml` (read case-insensitively, so `mL` too).
    package var spellings: [String] { ["ml"] }
}

/// The unit of the distance between injection points: millimetres or centimetres.
public enum SpacingUnit: String, UnitOfMeasure, MeasureUnit {
    /// Millimetre.
    case mm
    /// Centimetre, 10 mm.
    case cm
    /// `length`.
    package static let quantityName = "length"
    /// Millimetres in one unit.
    public var scale: Double { self == .mm ? 1 : 10 }
    /// `mm`, or `cm`.
    package var spellings: [String] { [rawValue] }
}

/// A range of volumes in millilitres.
public typealias VolumeRange = QuantityRange<VolumeUnit>
/// A range of point spacings in mm or cm.
public typealias SpacingRange = QuantityRange<SpacingUnit>

/// How much of a preparation is injected, where, and the most a session may take (format 1.1,
/// section 2.6).
public struct Dosing: Sendable, Hashable {
    /// The volume injected at one point.
    public package(set) var perPoint: VolumeRange
    /// The distance between neighbouring points of the grid.
    public package(set) var spacing: SpacingRange
    /// The most one session may inject, all regions together, if given.
    public package(set) var maxPerSession: Quantity<VolumeUnit>?

    /// Creates a dosing; the caller guarantees every value is above zero and each range's
    /// `min <= max`.
    package init(perPoint: VolumeRange, spacing: SpacingRange, maxPerSession: Quantity<VolumeUnit>? = nil) {
        self.perPoint = perPoint
        self.spacing = spacing
        self.maxPerSession = maxPerSession
    }
}
