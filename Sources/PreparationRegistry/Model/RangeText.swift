/// The text forms of a range (section 2.2 of the format): `0.5-2 mm`, `3 days - 1 month`,
/// `6 to 72 hours`, `2–3 weeks`, `4-6`, `2 mm`, read by one scanner over the text's UTF-8
/// bytes. The loader reads every range of every preparation with it (its success is the
/// range, its failure the located error: `RangeTextReading`), and so do the course's
/// durations (``Quantity/parseDuration(_:yearsAllowed:)``), so that no text reads to two values.
struct RangeTextScanner {
    /// One bound as written: where its number and its unit word stand in the bytes, and the
    /// numbers they read to.
    struct Bound: Equatable {
        /// The number, as `Double(numberText)` reads it (infinite when far too large).
        var number: Double
        /// The number as a whole count, as `Int(numberText)` reads it: nil when it has a
        /// fraction or is too large for an `Int`.
        var whole: Int?
        /// True when the number is written without a fraction.
        var isWhole: Bool
        /// The bytes of the number's digits (and its point).
        var numberBytes: Range<Int>
        /// The bytes of the unit word: ASCII letters; empty when the bound has no unit.
        var unitBytes: Range<Int>

        /// True when a unit word follows the number.
        var hasUnit: Bool { !unitBytes.isEmpty }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The bounds of a range text: one, or two with a separator between (`-`, `–` or `to`);
    /// spaces and tabs around them. Nil when the text does not have that shape.
    static func bounds(_ bytes: UnsafeBufferPointer<UInt8>) -> (Bound, Bound?)? {
        var scanner = RangeTextScanner(bytes)
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

    /// 10 to the power `n`, exactly (n at most 15).
    static func powerOfTen(_ n: Int) -> Double { powers[n] }

    /// Powers of ten that a `Double` holds exactly.
    private static let powers: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

    private func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 48 && bytes[i] <= 57 }

    private func isLetter(_ i: Int) -> Bool {
        guard i < bytes.count else { return false }
        let b = bytes[i] | 0x20
        return b >= 97 && b <= 122
    }

    private mutating func skipSpaces() {
        while index < bytes.count, bytes[index] == 32 || bytes[index] == 9 { index += 1 }
    }

    /// A non-negative decimal (`2`, `0.5`; no sign, no exponent, digits on both sides of the
    /// point), then optionally a unit word: the ASCII letters that follow, after spaces, unless
    /// they are the separator `to`.
    private mutating func bound() -> Bound? {
        let start = index
        var mantissa = 0
        var fraction = 0
        var isWhole = true
        while isDigit(index) {
            // Wrapping: past 18 digits the mantissa is not used (see below).
            mantissa = mantissa &* 10 &+ Int(bytes[index] - 48)
            index += 1
        }
        guard index > start else { return nil }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            guard isDigit(index + 1) else { return nil }
            isWhole = false
            index += 1
            while isDigit(index) {
                mantissa = mantissa &* 10 &+ Int(bytes[index] - 48)
                fraction += 1
                index += 1
            }
        }
        let numberBytes = start ..< index
        let digits = index - start - (isWhole ? 0 : 1)
        let number: Double
        let whole: Int?
        if digits <= 15 {
            // Exact: digits / 10^k, both held exactly, rounds once, as `Double(text)` does.
            number = Double(mantissa) / Self.powers[fraction]
            whole = isWhole ? mantissa : nil
        } else {
            // Rare: too many digits for the exact quotient; the standard readers decide.
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[numberBytes]), as: UTF8.self)
            guard let value = Double(text) else { return nil }
            number = value
            whole = isWhole ? Int(text) : nil
        }
        let afterNumber = index
        skipSpaces()
        let wordStart = index
        while isLetter(index) { index += 1 }
        let wordLength = index - wordStart
        let isTo = wordLength == 2 && bytes[wordStart] | 0x20 == UInt8(ascii: "t")
            && bytes[wordStart + 1] | 0x20 == UInt8(ascii: "o")
        if wordLength == 0 || isTo {
            index = afterNumber
            return Bound(number: number, whole: whole, isWhole: isWhole, numberBytes: numberBytes, unitBytes: afterNumber ..< afterNumber)
        }
        return Bound(number: number, whole: whole, isWhole: isWhole, numberBytes: numberBytes, unitBytes: wordStart ..< index)
    }

    /// `-`, `–` (en dash) or the word `to` (any case, followed by a space, a tab or the end).
    private mutating func separator() -> Bool {
        guard index < bytes.count else { return false }
        if bytes[index] == UInt8(ascii: "-") {
            index += 1
            return true
        }
        if index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0x93 {
            index += 3
            return true
        }
        if index + 1 < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "t"), bytes[index + 1] | 0x20 == UInt8(ascii: "o"),
           index + 2 == bytes.count || bytes[index + 2] == 32 || bytes[index + 2] == 9 {
            index += 2
            return true
        }
        return false
    }
}

/// One bound of a range as written: its number and, if written, its unit word.
struct WrittenBound: Equatable {
    var number: Double
    var numberText: Substring
    var unit: Substring?
}

/// Splits a range's text into one or two bounds, as ``RangeTextScanner`` reads them, with
/// their words as text. Returns nil when the text does not have that shape.
func splitRangeText(_ text: String) -> (WrittenBound, WrittenBound?)? {
    var copy = text
    guard let (first, second) = copy.withUTF8(RangeTextScanner.bounds) else { return nil }
    return (WrittenBound(first, in: text), second.map { WrittenBound($0, in: text) })
}

extension WrittenBound {
    /// The bound the scanner read from `text`'s UTF-8 bytes.
    init(_ bound: RangeTextScanner.Bound, in text: String) {
        number = bound.number
        numberText = text.utf8Slice(bound.numberBytes)
        unit = bound.hasUnit ? text.utf8Slice(bound.unitBytes) : nil
    }
}

extension String {
    /// The text between two offsets of its UTF-8 bytes, on character boundaries.
    func utf8Slice(_ bytes: Range<Int>) -> Substring {
        let start = utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)
        let end = utf8.index(start, offsetBy: bytes.count)
        return self[start ..< end]
    }
}
