/// The characters a text may not be made of alone: white space, control characters, format
/// characters and the characters Unicode shows as nothing (default-ignorable: a soft hyphen,
/// a zero-width space, a variation selector). A name of only these prints as nothing, and the
/// exports, which drop the control characters, would write it empty: the loader refuses such
/// a text where one is required (`empty-text`), and the schema says the same.
package enum InvisibleScalars {
    /// True when `scalar` shows as nothing.
    package static func contains(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isWhitespace || properties.isDefaultIgnorableCodePoint
            || properties.generalCategory == .control || properties.generalCategory == .format
    }

    /// A JSON Schema (ECMA-262, also Python `re`) character class of one visible character of
    /// the Basic Multilingual Plane, or any surrogate (so a character beyond it counts as
    /// visible: patterns there have no code-point escapes): `[^\u0000-\u0020...]`. Made from
    /// ``contains(_:)`` itself, so the schema and the loader agree on every BMP character.
    package static let visibleClass: String = {
        func hex(_ value: UInt32) -> String {
            let digits = String(value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
        }
        var ranges: [(UInt32, UInt32)] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), contains(scalar) else { continue }
            if let last = ranges.last, last.1 + 1 == value { ranges[ranges.count - 1].1 = value } else { ranges.append((value, value)) }
        }
        return "[^" + ranges.map { $0 == $1 ? hex($0) : hex($0) + "-" + hex($1) }.joined() + "]"
    }()
}
