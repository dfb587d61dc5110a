import FoundationEssentials

extension Decimal {
    /// `self` rounded to `scale` decimals (at least 0) as Foundation's `NSDecimalRound` rounds
    /// it, digit by digit on its written form, so that the library needs only
    /// FoundationEssentials: `.plain` rounds half away from zero, `.up` towards +infinity,
    /// `.down` towards -infinity, `.bankers` half to even. A number with no more decimals than
    /// `scale`, or not finite, is returned as it is. (`DecimalRoundingTests` compares it with
    /// `NSDecimalRound`.)
    package func rounded(scale: Int, _ mode: Decimal.RoundingMode) -> Decimal {
        guard isFinite, scale >= 0 else { return self }
        var text = Array(description.utf8)
        let negative = text.first == UInt8(ascii: "-")
        if negative { text.removeFirst() }
        guard let point = text.firstIndex(of: UInt8(ascii: ".")), text.count - point - 1 > scale else { return self }
        // The digits kept (whole part, then `scale` decimals) and the first one dropped.
        var kept = Array(text[..<point]) + Array(text[(point + 1)...].prefix(scale))
        let dropped = text[(point + 1 + scale)...]
        let first = Int(dropped.first ?? UInt8(ascii: "0")) - 48
        let sticky = dropped.dropFirst().contains { $0 != UInt8(ascii: "0") }
        let inexact = first != 0 || sticky
        let up: Bool
        switch mode {
        case .down: up = negative && inexact
        case .up: up = !negative && inexact
        case .bankers: up = first > 5 || (first == 5 && (sticky || (Int(kept.last ?? 48) - 48) % 2 == 1))
        default: up = first >= 5
        }
        if up {
            var i = kept.count - 1
            while i >= 0, kept[i] == UInt8(ascii: "9") {
                kept[i] = UInt8(ascii: "0")
                i -= 1
            }
            if i >= 0 { kept[i] += 1 } else { kept.insert(UInt8(ascii: "1"), at: 0) }
        }
        var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        out += kept[..<(kept.count - scale)]
        if scale > 0 {
            out.append(UInt8(ascii: "."))
            out += kept[(kept.count - scale)...]
        }
        return Decimal(string: String(decoding: out, as: UTF8.self)) ?? self
    }
}
