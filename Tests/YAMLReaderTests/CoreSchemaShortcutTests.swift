import Testing
@testable import YAMLReader

/// The byte-level shortcut for short decimal integers gives the value the general rule gives
/// (a string parsed by `Int`, or `Double` when it does not fit).
@Suite("Core schema: short decimals read from the bytes")
struct CoreSchemaShortcutTests {
    /// What the general rule makes of `[-+]?[0-9]+`.
    private func expected(_ text: String) -> ScalarValue {
        if let value = Int(text) { return .int(value) }
        if let value = Double(text) { return .float(value) }
        return .string
    }

    private func resolved(_ text: String) -> ScalarValue {
        var copy = text
        return copy.withUTF8 { CoreSchema.resolve($0) }
    }

    @Test("generated decimals of every length, with and without a sign")
    func generated() {
        var texts: [String] = ["0", "-0", "+0", "007", "-007", "+", "-", "1a", "a1", "1 ", "-+1", "++1", "1-",
                               "999999999999999999", "-999999999999999999", "1000000000000000000",
                               "9223372036854775807", "-9223372036854775808", "9223372036854775808",
                               "99999999999999999999999"]
        var digits = ""
        for length in 1 ... 24 {
            digits += String((length * 7) % 10)
            texts += [digits, "-" + digits, "+" + digits, "0" + digits, digits + "x", digits + "."]
        }
        for text in texts {
            let short = Array(text.utf8).withUnsafeBufferPointer { CoreSchema.shortDecimal($0) }
            if isDecimal(text) {
                #expect(resolved(text) == expected(text), "\(text)")
                if let short { #expect(Int(text) == short, "\(text)") }
            } else {
                #expect(short == nil, "\(text)")
            }
        }
    }

    /// `[-+]?[0-9]+`.
    private func isDecimal(_ text: String) -> Bool {
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    @Test("every printable first byte, alone and before digits, resolves as before")
    func firstBytes() {
        for byte in UInt8(0x20) ... 0x7e {
            let first = String(UnicodeScalar(byte))
            for text in [first, first + "5", first + "12"] where isDecimal(text) {
                #expect(resolved(text) == expected(text), "\(text)")
            }
        }
    }

    @Test("texts that start like numbers are turned down on the bytes",
          arguments: ["0.5 %", "7 days", "10-15 min", "1\u{2013}3 days", "50 ug/ml", "7.5 to 9 mm", "0x1g", "0o8",
                      "1.5.", "-.5x", "+.infx", "1e+", "12 "])
    func numberShapedStrings(_ text: String) {
        #expect(resolved(text) == .string)
    }

    @Test("numbers past the shortcut", arguments: [("0x1F", ScalarValue.int(31)), ("0o17", .int(15)), ("-1.5e3", .float(-1500)),
                                                   ("12345678901234567890", .float(12345678901234567890)),
                                                   ("1234567890123456789", .int(1234567890123456789)), ("+.5", .float(0.5))])
    func numbers(_ text: String, _ value: ScalarValue) {
        #expect(resolved(text) == value)
    }
}
