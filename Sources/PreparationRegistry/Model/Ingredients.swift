/// An ingredient of a preparation.
public struct Ingredient: Sendable, Hashable {
    /// The ingredient's name.
    public package(set) var name: String
    /// Its class, a slug of the vocabulary's `ingredient-classes`.
    public package(set) var ingredientClass: String?
    /// Its concentration, if given.
    public package(set) var concentration: Concentration?

    /// Creates an ingredient.
    package init(name: String, ingredientClass: String? = nil, concentration: Concentration? = nil) {
        self.name = name
        self.ingredientClass = ingredientClass
        self.concentration = concentration
    }
}

/// A concentration: a number and a unit, such as `1.35 %` or `10 mg/ml`.
public struct Concentration: Sendable, Hashable, CustomStringConvertible {
    /// The unit of a concentration.
    public enum Unit: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// Per cent: `%`.
        case percent = "%"
        /// Milligrams per millilitre: `mg/ml`.
        case milligramsPerMillilitre = "mg/ml"
        /// Micrograms per millilitre: `ug/ml` (also read as `µg/ml`).
        case microgramsPerMillilitre = "ug/ml"
        /// International units per millilitre: `IU/ml`.
        case internationalUnitsPerMillilitre = "IU/ml"

        /// The unit as written: `%`, `mg/ml`, `ug/ml`, `IU/ml`.
        public var description: String { rawValue }

        /// The unit written as `text` (case-insensitive; `µg/ml` for `ug/ml`).
        package static func parse<S: StringProtocol>(_ text: S) -> Unit? {
            var lower = String(text).lowercased()
            if lower.hasPrefix("µ") || lower.hasPrefix("μ") { lower = "u" + lower.dropFirst() }
            switch lower {
            case "%": return .percent
            case "mg/ml": return .milligramsPerMillilitre
            case "ug/ml": return .microgramsPerMillilitre
            case "iu/ml": return .internationalUnitsPerMillilitre
            default: return nil
            }
        }
    }

    /// The number.
    public package(set) var value: Double
    /// The unit.
    public package(set) var unit: Unit

    /// Creates a concentration.
    package init(value: Double, unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// `1.35 %`, `10 mg/ml`.
    public var description: String { "\(formatNumber(value)) \(unit.rawValue)" }

    /// Reads `1.35 %`, `0.01%`, `10 mg/ml`; nil when the text has another shape.
    package static func parse(_ text: String) -> Concentration? {
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start] == 32 { start = utf8.index(after: start) }
        while end > start, utf8[utf8.index(before: end)] == 32 { end = utf8.index(before: end) }
        var numberEnd = start
        var seenDot = false
        while numberEnd < end {
            let b = utf8[numberEnd]
            if b >= 48 && b <= 57 {
                numberEnd = utf8.index(after: numberEnd)
            } else if b == UInt8(ascii: "."), !seenDot {
                seenDot = true
                numberEnd = utf8.index(after: numberEnd)
            } else {
                break
            }
        }
        var unitStart = numberEnd
        while unitStart < end, utf8[unitStart] == 32 { unitStart = utf8.index(after: unitStart) }
        let number = text[start..<numberEnd]
        guard !number.isEmpty, number.first != ".", number.last != ".", let value = Double(number), value.isFinite,
              let unit = Unit.parse(text[unitStart..<end])
        else { return nil }
        return Concentration(value: value, unit: unit)
    }

    /// True when `text` starts with a number too large for a `Double` (more than 308 digits),
    /// which ``parse(_:)`` refuses.
    static func hasNumberTooLarge(_ text: String) -> Bool {
        let number = text.drop { $0 == " " }.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        return Double(number).map { !$0.isFinite } ?? false
    }
}
