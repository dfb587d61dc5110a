import PreparationRegistry
import Testing

@Suite("SNOMED CT body-site codes of the regions")
struct RegionCodeTests {
    @Test("every region has the code the domain notes list, and the three without one stay uncoded")
    func codes() {
        let expected: [Region: String?] = [
            .face: "89545001", .periorbital: nil, .submental: nil, .neck: "45048000", .decolletage: nil,
            .scalp: "41695006",
            .arms: "40983000", .hands: "85562004", .abdomen: "818981001", .flanks: "58602004",
            .back: "77568009", .buttocks: "46862004", .thighs: "68367000", .knees: "72696002",
        ]
        #expect(Set(expected.keys) == Set(Region.allCases))
        for region in Region.allCases {
            #expect(region.snomedCode == expected[region]!, "\(region)")
        }
    }
}
