/// Resolution of plain scalars by the YAML 1.2 core schema, on the scalar's UTF-8 bytes.
///
/// Everything that is not null, a boolean, an integer or a float is a string, so `NO`, `on` and
/// `2026-01-01` stay strings.
enum CoreSchema {
    /// Resolves the bytes of an untagged plain scalar.
    static func resolve(_ bytes: UnsafeBufferPointer<UInt8>) -> ScalarValue {
        let n = bytes.count
        if n == 0 { return .null }
        let first = bytes[0]
        // Fast path: most scalars are words.
        switch first {
        case UInt8(ascii: "~"):
            return n == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return isOneOf(bytes, "null", "Null", "NULL") ? .null : .string
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return isOneOf(bytes, "true", "True", "TRUE") ? .bool(true) : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return isOneOf(bytes, "false", "False", "FALSE") ? .bool(false) : .string
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return resolveNumber(bytes)
        default:
            return .string
        }
    }

    /// True when the bytes are one of three spellings (no array: this runs for every scalar).
    private static func isOneOf(_ bytes: UnsafeBufferPointer<UInt8>, _ a: StaticString, _ b: StaticString,
                                _ c: StaticString) -> Bool {
        guard bytes.count == a.utf8CodeUnitCount else { return false }
        return equals(bytes, a) || equals(bytes, b) || equals(bytes, c)
    }

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard word.utf8CodeUnitCount == bytes.count else { return false }
        let w = word.utf8Start
        for i in 0 ..< bytes.count where bytes[i] != w[i] { return false }
        return true
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// The value of `[-+]?[0-9]{1,18}`, read from the bytes without making a string (numbers
    /// are common in a catalogue: making a string and parsing it cost about 30 M instructions on
    /// Benchmarks/commands.sh, `catalog validate` at 10,000 preparations); nil for anything else,
    /// which the general rules then resolve. 18 digits always fit in an `Int`.
    static func shortDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        var i = 0
        let negative = n > 0 && bytes[0] == UInt8(ascii: "-")
        if n > 0, negative || bytes[0] == UInt8(ascii: "+") { i = 1 }
        guard n > i, n - i <= 18 else { return nil }
        var value = 0
        while i < n {
            let digit = bytes[i] &- 48
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int(digit)
            i += 1
        }
        return negative ? -value : value
    }

    private static func resolveNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> ScalarValue {
        if let value = shortDecimal(bytes) { return .int(value) }
        // The string is made only for bytes shaped like a number: `0.5 %` or `7 days` are
        // turned down on the bytes.
        var text: String { String(decoding: bytes, as: UTF8.self) }
        let n = bytes.count
        // Octal and hexadecimal: 0o[0-7]+, 0x[0-9a-fA-F]+ (no sign in the core schema).
        if n > 2, bytes[0] == UInt8(ascii: "0") {
            if bytes[1] == UInt8(ascii: "o") {
                let octal = text
                let digits = octal.dropFirst(2)
                if digits.allSatisfy({ ("0"..."7").contains($0) }) {
                    if let v = Int(digits, radix: 8) { return .int(v) }
                    return .string
                }
                return .string
            }
            if bytes[1] == UInt8(ascii: "x") {
                let hex = text
                let digits = hex.dropFirst(2)
                if digits.allSatisfy({ $0.isHexDigit }) {
                    if let v = Int(digits, radix: 16) { return .int(v) }
                    return .string
                }
                return .string
            }
        }
        var i = 0
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") { i = 1 }
        // .inf / .nan
        if i < n, bytes[i] == UInt8(ascii: ".") {
            let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)...]), as: UTF8.self)
            if rest == "inf" || rest == "Inf" || rest == "INF" {
                return .float(bytes[0] == UInt8(ascii: "-") ? -.infinity : .infinity)
            }
            if i == 0, rest == "nan" || rest == "NaN" || rest == "NAN" { return .float(.nan) }
        }
        // [-+]?[0-9]+ -> int
        // [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? -> float
        let intStart = i
        while i < n, isDigit(bytes[i]) { i += 1 }
        let intDigits = i - intStart
        if i == n {
            if intDigits == 0 { return .string }
            let number = text
            if let v = Int(number) { return .int(v) }
            if let d = Double(number) { return .float(d) }
            return .string
        }
        var fracDigits = 0
        if bytes[i] == UInt8(ascii: ".") {
            i += 1
            let fracStart = i
            while i < n, isDigit(bytes[i]) { i += 1 }
            fracDigits = i - fracStart
            if intDigits == 0 && fracDigits == 0 { return .string }
        } else if intDigits == 0 {
            return .string
        }
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let expStart = i
            while i < n, isDigit(bytes[i]) { i += 1 }
            if i == expStart { return .string }
        }
        if i != n { return .string }
        if let d = Double(text) { return .float(d) }
        return .string
    }
}
