/// A unit of measure of a catalogue quantity (``LengthUnit``, ``DurationUnit``, ``VolumeUnit``,
/// ``SpacingUnit``): printed as the format writes it (`mm`, `day`), and compared through its
/// scale.
public protocol UnitOfMeasure: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// How many base units (millimetres, days, millilitres) one of this unit is.
    var scale: Double { get }
}

extension UnitOfMeasure where Self: RawRepresentable, Self.RawValue == String {
    /// The unit's canonical singular name, as the format and the JSON write it (`mm`, `day`).
    public var description: String { rawValue }
}

extension UnitOfMeasure {
    /// The canonical singular name (`mm`, `minute`, `day`...), as printed in JSON.
    package var canonicalName: String { description }
}

/// A unit as the loader reads it: what it measures and its spellings.
package protocol MeasureUnit: UnitOfMeasure {
    /// What the unit measures, for messages: "length", "duration".
    static var quantityName: String { get }
    /// Every spelling accepted, lower-case, singular and plural.
    var spellings: [String] { get }
}

extension MeasureUnit {
    /// The unit written as `word` (case-insensitive, singular or plural), if any.
    package static func parse<S: StringProtocol>(_ word: S) -> Self? {
        let lower = word.lowercased()
        return allCases.first { $0.spellings.contains(lower) }
    }

    /// Every accepted spelling of every unit, for suggestions.
    static var allSpellings: [String] { allCases.flatMap(\.spellings) }
}

/// The unit of a length: millimetres only.
public enum LengthUnit: String, UnitOfMeasure, MeasureUnit {
    /// Millimetre.
    case mm
    /// `length`.
    package static let quantityName = "length"
    /// Millimetres in one unit: 1.
    public var scale: Double { 1 }
    /// `mm`.
    package var spellings: [String] { ["mm"] }
}

/// The unit of a duration.
public enum DurationUnit: String, UnitOfMeasure, MeasureUnit {
    /// A minute (`minute`, `min`).
    case minute
    /// An hour (`hour`, `h`).
    case hour
    /// A day (`day`, `d`).
    case day
    /// A week (`week`, `wk`).
    case week
    /// A month (`month`, `mo`), 30.44 days when compared.
    case month
    /// `duration`.
    package static let quantityName = "duration"

    /// Days in one unit; a month counts as 30.44 days when durations are compared.
    public var scale: Double {
        switch self {
        case .minute: return 1.0 / 1440
        case .hour: return 1.0 / 24
        case .day: return 1
        case .week: return 7
        case .month: return 30.44
        }
    }


    /// The singular and plural of the long name and of the short one (`day`, `days`, `d`;
    /// `month`, `months`, `mo`, `mos`).
    package var spellings: [String] {
        let short: String
        switch self {
        case .minute: short = "min"
        case .hour: short = "h"
        case .day: short = "d"
        case .week: short = "wk"
        case .month: short = "mo"
        }
        // Plurals of the long and of the multi-letter short names: `mins`, `wks`, `mos`.
        return short.count > 1 ? [rawValue, rawValue + "s", short, short + "s"] : [rawValue, rawValue + "s", short]
    }
}

/// A number with a unit: `0.5 mm`, `3 days`.
public struct Quantity<Unit: UnitOfMeasure>: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number, non-negative.
    public package(set) var value: Double
    /// The unit.
    public package(set) var unit: Unit

    /// Creates a quantity.
    public init(_ value: Double, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// The value in the base unit (millimetres, days).
    package var baseValue: Double { value * unit.scale }

    /// Compares by base value.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.baseValue < rhs.baseValue }

    /// `0.5 mm`, `3 days`, `1 month`.
    public var description: String {
        let number = formatNumber(value)
        // Durations take a plural; symbols (mm, cm, ml) do not.
        guard Unit.self == DurationUnit.self else { return "\(number) \(unit.canonicalName)" }
        return "\(number) \(unit.canonicalName)\(value == 1 ? "" : "s")"
    }
}

/// A closed range of quantities, `min` never above `max`.
public struct QuantityRange<Unit: UnitOfMeasure>: Sendable, Hashable, CustomStringConvertible {
    /// The lower bound.
    public package(set) var min: Quantity<Unit>
    /// The upper bound.
    public package(set) var max: Quantity<Unit>

    /// Creates a range; the caller guarantees `min <= max`.
    package init(min: Quantity<Unit>, max: Quantity<Unit>) {
        self.min = min
        self.max = max
    }

    /// True when the two ranges share at least one point.
    package func overlaps(_ other: QuantityRange<Unit>) -> Bool {
        min.baseValue <= other.max.baseValue && other.min.baseValue <= max.baseValue
    }

    /// `0.5-2 mm`, `3 days - 1 month`, `2 mm`.
    public var description: String {
        if min == max { return min.description }
        if min.unit == max.unit {
            return "\(formatNumber(min.value))-\(max.description)"
        }
        return "\(min.description) - \(max.description)"
    }
}

/// A range of lengths in millimetres: the depth of a preparation.
public typealias LengthRange = QuantityRange<LengthUnit>
/// A range of durations: residence time, intervals, session time.
public typealias DurationRange = QuantityRange<DurationUnit>

/// A range of whole counts, at least 1: the number of sessions of a phase.
public struct CountRange: Sendable, Hashable, CustomStringConvertible {
    /// The lower bound, at least 1.
    public package(set) var min: Int
    /// The upper bound, at least `min`.
    public package(set) var max: Int

    /// Creates a range; the caller guarantees `1 <= min <= max`.
    package init(min: Int, max: Int) {
        self.min = min
        self.max = max
    }

    /// `4-6` or `1`.
    public var description: String { min == max ? "\(min)" : "\(min)-\(max)" }
}

/// Prints a number as the catalogue's text forms read it: plain decimal digits, without a
/// needless fraction and without an exponent (`2`, `0.5`, `30.44`, `0.00001`,
/// `10000000000000000`), the shortest digits that read back as the same `Double`.
func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 9e18 { return String(Int(value)) }  // within Int
    return plainDecimal(String(value))
}

/// Swift's shortest form of a number with its exponent written out: `1e-05` -> `0.00001`,
/// `1.5e+16` -> `15000000000000000`; text without an exponent is returned as it is.
func plainDecimal(_ text: String) -> String {
    guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }),
          let exponent = Int(text[text.index(after: e)...].drop { $0 == "+" })
    else { return text }
    var mantissa = text[..<e]
    let sign = mantissa.first == "-" ? "-" : ""
    if !sign.isEmpty { mantissa = mantissa.dropFirst() }
    let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    var digits = String(parts[0]) + (parts.count > 1 ? String(parts[1]) : "")
    var point = parts[0].count + exponent  // where the decimal point goes in `digits`
    while digits.count > 1, digits.first == "0" {
        digits.removeFirst()
        point -= 1
    }
    while digits.count > 1, digits.count > point, digits.last == "0" { digits.removeLast() }
    if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
    if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) }
    return sign + digits.prefix(point) + "." + digits.dropFirst(point)
}
