import Foundation

/// An ingredient of a preparation.
public struct Ingredient: Sendable, Hashable {
    /// The ingredient's name.
    public var name: String
    /// Its class, a slug of the vocabulary's `ingredient-classes`.
    public var ingredientClass: String?
    /// Its concentration, if given.
    public var concentration: Concentration?

    /// Creates an ingredient.
    public init(name: String, ingredientClass: String? = nil, concentration: Concentration? = nil) {
        self.name = name
        self.ingredientClass = ingredientClass
        self.concentration = concentration
    }
}

/// A concentration: a number and a unit, such as `1.35 %` or `10 mg/ml`.
public struct Concentration: Sendable, Hashable, CustomStringConvertible {
    /// The unit of a concentration.
    public enum Unit: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        case percent = "%"
        case milligramsPerMillilitre = "mg/ml"
        case microgramsPerMillilitre = "ug/ml"
        case internationalUnitsPerMillilitre = "IU/ml"

        public var description: String { rawValue }

        /// The unit written as `text` (case-insensitive; `µg/ml` for `ug/ml`).
        public static func parse<S: StringProtocol>(_ text: S) -> Unit? {
            let lower = text.lowercased().replacingOccurrences(of: "µ", with: "u").replacingOccurrences(of: "μ", with: "u")
            return allCases.first { $0.rawValue.lowercased() == lower }
        }
    }

    /// The number.
    public var value: Double
    /// The unit.
    public var unit: Unit

    /// Creates a concentration.
    public init(value: Double, unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// `1.35 %`, `10 mg/ml`.
    public var description: String { "\(formatNumber(value)) \(unit.rawValue)" }

    /// Reads `1.35 %`, `0.01%`, `10 mg/ml`; nil when the text has another shape.
    public static func parse(_ text: String) -> Concentration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var end = trimmed.startIndex
        var seenDot = false
        while end < trimmed.endIndex {
            let c = trimmed[end]
            if c.isASCII, c.isNumber {
                end = trimmed.index(after: end)
            } else if c == ".", !seenDot {
                seenDot = true
                end = trimmed.index(after: end)
            } else {
                break
            }
        }
        let number = trimmed[trimmed.startIndex..<end]
        guard !number.isEmpty, number.first != ".", number.last != ".", let value = Double(number),
              let unit = Unit.parse(trimmed[end...].trimmingCharacters(in: .whitespaces))
        else { return nil }
        return Concentration(value: value, unit: unit)
    }
}
