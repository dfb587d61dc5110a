/// An area of the body that one protocol plugin plans courses for. Scars are not an area: the
/// scar plugin serves scar indications in any region.
public enum Area: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    /// The face and the regions around it: periorbital, submental, neck, décolletage.
    case face
    /// The scalp.
    case scalp
    /// The body: arms, hands, abdomen, flanks, back, buttocks, thighs, knees.
    case body

    /// The area's word: `face`, `scalp` or `body`.
    public var description: String { rawValue }

    /// The regions that belong to this area.
    package var regions: [Region] { Region.allCases.filter { $0.area == self } }

    /// In the order face, scalp, body.
    public static func < (lhs: Area, rhs: Area) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A treatment region; each belongs to one ``Area``.
public enum Region: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    /// The face.
    case face
    /// Around the eyes.
    case periorbital
    /// Below the chin.
    case submental
    /// The neck.
    case neck
    /// The décolletage.
    case decolletage
    /// The scalp.
    case scalp
    /// The arms.
    case arms
    /// The backs of the hands.
    case hands
    /// The abdomen.
    case abdomen
    /// The flanks.
    case flanks
    /// The back.
    case back
    /// The buttocks.
    case buttocks
    /// The thighs.
    case thighs
    /// The knees.
    case knees

    /// The area whose plugin plans courses in this region.
    public var area: Area {
        switch self {
        case .face, .periorbital, .submental, .neck, .decolletage: return .face
        case .scalp: return .scalp
        case .arms, .hands, .abdomen, .flanks, .back, .buttocks, .thighs, .knees: return .body
        }
    }

    /// The region's word, as the catalogue writes it (`decolletage`, `periorbital`).
    public var description: String { rawValue }

    /// The region's body-site concept in SNOMED CT (system `http://snomed.info/sct`), for the
    /// FHIR exports' `bodySite`; nil where no code is known.
    ///
    /// The codes are those seen in several public value sets and listed in the project's
    /// domain notes (`DOMAIN.md`, "Dosing, area rules and codes"): face 89545001, scalp
    /// 41695006, neck 45048000, abdomen 818981001, thigh 68367000, buttock 46862004, upper arm
    /// 40983000, hand 85562004, back 77568009, flank 58602004, knee 72696002. `periorbital`,
    /// `submental` and `decolletage` have no code there and stay uncoded: a concept is left
    /// out rather than guessed.
    package var snomedCode: String? {
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

    /// In the order of the format's table: the face regions, the scalp, then the body regions.
    public static func < (lhs: Region, rhs: Region) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
