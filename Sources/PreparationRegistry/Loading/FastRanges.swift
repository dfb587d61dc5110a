import YAMLReader

/// The common, valid shapes of range and count texts read straight from a scalar's bytes,
/// without making strings: `0.5-2 mm`, `3 days - 1 month`, `6 to 72 hours`, `2–3 weeks`,
/// `4-6`, `2 mm`. Anything else (and anything wrong) gets `nil`, and the caller takes the
/// general path, which reports the problems: so this changes how fast a valid range is read,
/// never what it reads to or what a bad one is told.
struct FastRangeScanner {
    /// One bound: its number and its unit word packed by ``UnitWords/pack(_:)`` (0 when none).
    struct Bound {
        var number: Double
        var isWhole: Bool
        var whole: Int
        var unit: UInt64
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The bounds of the text: one, or two with a separator between.
    static func bounds(_ bytes: UnsafeBufferPointer<UInt8>) -> (Bound, Bound?)? {
        var scanner = FastRangeScanner(bytes)
        scanner.skipSpaces()
        guard let first = scanner.bound() else { return nil }
        scanner.skipSpaces()
        if scanner.index == bytes.count { return (first, nil) }
        guard scanner.separator() else { return nil }
        scanner.skipSpaces()
        guard let second = scanner.bound() else { return nil }
        scanner.skipSpaces()
        guard scanner.index == bytes.count else { return nil }
        return (first, second)
    }

    private func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 48 && bytes[i] <= 57 }

    private func isLetter(_ i: Int) -> Bool {
        guard i < bytes.count else { return false }
        let b = bytes[i] | 0x20
        return b >= 97 && b <= 122
    }

    mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 { index += 1 }
    }

    /// 10 to the power `n`, exactly (n at most 15).
    static func powerOfTen(_ n: Int) -> Double { powers[n] }

    /// Powers of ten that a `Double` holds exactly.
    private static let powers: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

    /// A decimal of at most 15 digits (so that digits / 10^k is exact, as `Double(text)` gives),
    /// then optionally a unit word of at most 8 ASCII letters (not the separator `to`).
    mutating func bound() -> Bound? {
        var mantissa = 0
        var digits = 0
        var fraction = 0
        while isDigit(index) {
            mantissa = mantissa * 10 + Int(bytes[index] - 48)
            digits += 1
            index += 1
            if digits > 15 { return nil }
        }
        guard digits > 0 else { return nil }
        var isWhole = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            guard isDigit(index + 1) else { return nil }
            isWhole = false
            index += 1
            while isDigit(index) {
                mantissa = mantissa * 10 + Int(bytes[index] - 48)
                digits += 1
                fraction += 1
                index += 1
                if digits > 15 { return nil }
            }
        }
        let number = Double(mantissa) / Self.powers[fraction]
        let afterNumber = index
        skipSpaces()
        let wordStart = index
        while isLetter(index) { index += 1 }
        let wordLength = index - wordStart
        let isTo = wordLength == 2 && bytes[wordStart] | 0x20 == UInt8(ascii: "t")
            && bytes[wordStart + 1] | 0x20 == UInt8(ascii: "o")
        if wordLength == 0 || isTo {
            index = afterNumber
            return Bound(number: number, isWhole: isWhole, whole: mantissa, unit: 0)
        }
        guard wordLength <= 8,
              let unit = UnitWords.pack(UnsafeBufferPointer(rebasing: bytes[wordStart ..< index]))
        else { return nil }
        return Bound(number: number, isWhole: isWhole, whole: mantissa, unit: unit)
    }

    /// `-`, `–` (en dash) or the word `to`.
    mutating func separator() -> Bool {
        guard let length = rangeSeparatorLength(bytes, at: index) else { return false }
        index += length
        return true
    }
}

extension UnitWords {
    /// The unit of a packed word, for the unit type `U` (each cast is to the type just
    /// compared with); nil when `U` has no such spelling, or is none of the catalogue's units.
    static func unit<U: MeasureUnit>(packed key: UInt64, _ type: U.Type) -> U? {
        if U.self == DurationUnit.self {
            for (packed, unit) in durations where packed == key { return unsafeBitCast(unit, to: U.self) }
        } else if U.self == LengthUnit.self {
            for (packed, unit) in lengths where packed == key { return unsafeBitCast(unit, to: U.self) }
        } else if U.self == VolumeUnit.self {
            for (packed, unit) in volumes where packed == key { return unsafeBitCast(unit, to: U.self) }
        } else if U.self == SpacingUnit.self {
            for (packed, unit) in spacings where packed == key { return unsafeBitCast(unit, to: U.self) }
        }
        return nil
    }

    /// Up to 8 ASCII bytes, lower-cased, packed into an integer, as ``pack(_:)-(S)`` does for text.
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var key: UInt64 = 0
        guard !bytes.isEmpty, bytes.count <= 8 else { return nil }
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            let lower = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
            key = key << 8 | UInt64(lower)
        }
        return key
    }
}

extension NodeReader {
    /// A valid quantity range in its text form, read from the bytes; nil for anything else.
    func fastQuantityRange<U: MeasureUnit>(_ scalar: YAMLScalarView, _ unitType: U.Type) -> QuantityRange<U>? {
        guard case .string = scalar.value else { return nil }
        return scalar.withBytes { bytes -> QuantityRange<U>? in
            guard let (first, second) = FastRangeScanner.bounds(bytes) else { return nil }
            let lastUnit = second?.unit ?? first.unit
            if let second, second.unit == 0, first.unit != 0 { return nil }
            guard lastUnit != 0, let upperUnit = UnitWords.unit(packed: lastUnit, U.self) else { return nil }
            var lowerUnit = upperUnit
            if second != nil, first.unit != 0 {
                guard let unit = UnitWords.unit(packed: first.unit, U.self) else { return nil }
                lowerUnit = unit
            }
            let lower = Quantity(first.number, lowerUnit)
            let upper = second.map { Quantity($0.number, upperUnit) } ?? lower
            guard lower.baseValue <= upper.baseValue else { return nil }
            return QuantityRange(min: lower, max: upper)
        }
    }

    /// A valid count range in its text form (`4-6`, `1`), read from the bytes; nil for anything else.
    func fastCountRange(_ scalar: YAMLScalarView) -> CountRange? {
        guard case .string = scalar.value else { return nil }
        return scalar.withBytes { bytes -> CountRange? in
            guard let (first, second) = FastRangeScanner.bounds(bytes),
                  first.unit == 0, first.isWhole, second?.unit ?? 0 == 0, second?.isWhole ?? true
            else { return nil }
            let lower = first.whole
            let upper = second?.whole ?? lower
            guard lower >= 1, upper >= 1, lower <= upper else { return nil }
            return CountRange(min: lower, max: upper)
        }
    }
}

/// A valid concentration (`1.35 %`, `10 mg/ml`) read from a string scalar's bytes, as
/// ``Concentration/parse(_:)`` reads it; nil for anything else (the general path then decides).
func fastConcentration(_ scalar: YAMLScalarView) -> Concentration? {
    guard case .string = scalar.value else { return nil }
    return scalar.withBytes { bytes -> Concentration? in
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 32 { start += 1 }
        while end > start, bytes[end - 1] == 32 { end -= 1 }
        var i = start
        var mantissa = 0
        var digits = 0
        var fraction = 0
        var seenDot = false
        while i < end {
            let b = bytes[i]
            if b >= 48 && b <= 57 {
                mantissa = mantissa * 10 + Int(b - 48)
                digits += 1
                if seenDot { fraction += 1 }
                if digits > 15 { return nil }
            } else if b == UInt8(ascii: "."), !seenDot {
                seenDot = true
            } else {
                break
            }
            i += 1
        }
        // The number must not start or end with its dot.
        guard digits > 0, bytes[start] != UInt8(ascii: "."), bytes[i - 1] != UInt8(ascii: ".") else { return nil }
        let value = Double(mantissa) / FastRangeScanner.powerOfTen(fraction)
        while i < end, bytes[i] == 32 { i += 1 }
        let unit = UnsafeBufferPointer(rebasing: bytes[i ..< end])
        func isWord(_ word: StaticString) -> Bool {
            guard unit.count == word.utf8CodeUnitCount else { return false }
            let w = word.utf8Start
            for k in 0 ..< unit.count {
                let b = unit[k]
                if (b >= 65 && b <= 90 ? b | 0x20 : b) != w[k] { return false }
            }
            return true
        }
        if isWord("%") { return Concentration(value: value, unit: .percent) }
        if isWord("mg/ml") { return Concentration(value: value, unit: .milligramsPerMillilitre) }
        if isWord("ug/ml") { return Concentration(value: value, unit: .microgramsPerMillilitre) }
        if isWord("iu/ml") { return Concentration(value: value, unit: .internationalUnitsPerMillilitre) }
        return nil
    }
}
