@testable import PreparationRegistry
import Testing
import YAMLReader

@Suite("Preparation storage")
struct PreparationStorageTests {
    @Test("A changed copy leaves the value it was copied from as it was")
    func copyOnWrite() {
        let original = Preparation(id: "a", name: "A", ingredients: [], regions: [.abdomen], indications: ["x"],
                                   techniques: [], depth: LengthRange(min: .init(1, .mm), max: .init(2, .mm)),
                                   residence: DurationRange(min: .init(1, .hour), max: .init(2, .hour)), phases: [],
                                   location: SourceLocation(file: "f.yaml", line: 1, column: 1))
        var copy = original
        #expect(copy == original && copy.hashValue == original.hashValue)
        copy.name = "B"
        copy.keyPlaces = KeyPlaces()
        #expect(copy.name == "B" && original.name == "A" && copy != original)
        var back = copy
        back.name = "A"
        #expect(back == original && copy.name == "B")
    }
}
