/// An area of the body that one protocol plugin plans courses for. Scars are not an area: the
/// scar plugin serves scar indications in any region.
public enum Area: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case face, scalp, body

    public var description: String { rawValue }

    /// The regions that belong to this area.
    public var regions: [Region] { Region.allCases.filter { $0.area == self } }

    public static func < (lhs: Area, rhs: Area) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A treatment region; each belongs to one ``Area``.
public enum Region: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case face, periorbital, submental, neck, decolletage
    case scalp
    case arms, hands, abdomen, flanks, back, buttocks, thighs, knees

    /// The area whose plugin plans courses in this region.
    public var area: Area {
        switch self {
        case .face, .periorbital, .submental, .neck, .decolletage: return .face
        case .scalp: return .scalp
        case .arms, .hands, .abdomen, .flanks, .back, .buttocks, .thighs, .knees: return .body
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: Region, rhs: Region) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
