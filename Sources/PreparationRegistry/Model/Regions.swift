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

    /// The region's body site in SNOMED CT, where a public value set gives one (the project's
    /// DOMAIN figures: "SNOMED CT codes seen in several public value sets"); nil for
    /// `periorbital`, `submental` and `decolletage`, which are left uncoded rather than guessed.
    /// `arms` is the upper arm's concept.
    public var snomedCode: String? {
        switch self {
        case .face: return "89545001"
        case .scalp: return "41695006"
        case .neck: return "45048000"
        case .abdomen: return "818981001"
        case .thighs: return "68367000"
        case .buttocks: return "46862004"
        case .arms: return "40983000"
        case .hands: return "85562004"
        case .back: return "77568009"
        case .flanks: return "58602004"
        case .knees: return "72696002"
        case .periorbital, .submental, .decolletage: return nil
        }
    }

    public static func < (lhs: Region, rhs: Region) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
