/// An injection technique, with the depth at which it usually deposits the product.
public enum Technique: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    /// Epidermal: the most superficial, usually 0-1 mm.
    case epidermal
    /// Nappage: a fast series of shallow injections, usually 0.5-4 mm.
    case nappage
    /// Micropapules: small papules, usually 1-2 mm.
    case micropapules
    /// Point by point: one deposit at each point, usually 2-4 mm (`point-by-point`).
    case pointByPoint = "point-by-point"
    /// Linear retrograde: deposited while the needle is withdrawn, usually 1-4 mm
    /// (`linear-retrograde`).
    case linearRetrograde = "linear-retrograde"
    /// Subcutaneous: into the fat under the skin, usually 4-13 mm.
    case subcutaneous

    /// The technique's word, as the catalogue writes it (`point-by-point`).
    public var description: String { rawValue }

    /// The technique's usual depth; schools differ, and nappage is quoted widest.
    package var usualDepth: LengthRange {
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

    /// In the order of the format's table, from the most superficial.
    public static func < (lhs: Technique, rhs: Technique) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
