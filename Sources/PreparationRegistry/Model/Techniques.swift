/// An injection technique, with the depth at which it usually deposits the product.
public enum Technique: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case epidermal
    case nappage
    case micropapules
    case pointByPoint = "point-by-point"
    case linearRetrograde = "linear-retrograde"
    case subcutaneous

    public var description: String { rawValue }

    /// The technique's usual depth; schools differ, and nappage is quoted widest.
    public var usualDepth: LengthRange {
        func mm(_ a: Double, _ b: Double) -> LengthRange {
            LengthRange(min: Quantity(a, .mm), max: Quantity(b, .mm))
        }
        switch self {
        case .epidermal: return mm(0, 1)
        case .nappage: return mm(0.5, 4)
        case .micropapules: return mm(1, 2)
        case .pointByPoint: return mm(2, 4)
        case .linearRetrograde: return mm(1, 4)
        case .subcutaneous: return mm(4, 13)
        }
    }

    public static func < (lhs: Technique, rhs: Technique) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
