import YAMLReader

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
        let value = Double(mantissa) / RangeTextScanner.powerOfTen(fraction)
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
