import Testing
import YAMLReader

@Suite("DataValue, the one value tree")
struct DataValueTests {
    @Test("a NaN equals a NaN and hashes alike; an integer never equals a float")
    func equality() {
        #expect(DataValue.double(.nan) == .double(.nan))
        #expect(Set<DataValue>([.double(.nan), .double(.nan), .double(0), .double(-0.0)]).count == 2)
        #expect(DataValue.int(2) != .double(2))
        #expect(DataValue.object([("a", 1), ("b", 2)]) != .object([("b", 2), ("a", 1)]))
    }

    @Test("literals and pairs build the same values; a key given again keeps its first place")
    func building() {
        let literal: DataValue = ["name": "Glycerol", "sizes": [1, 2.5, true], "none": .null]
        #expect(literal == .object([("name", .string("Glycerol")), ("sizes", .array([.int(1), .double(2.5), .bool(true)])),
                                    ("none", .null)]))
        #expect(DataValue.object([("a", 1), ("b", 2), ("a", 3)]).members?.elements.map { "\($0.key)=\($0.value)" }
                == ["a=int(3)", "b=int(2)"])
        #expect(literal.members?.keys.elementsEqual(["name", "sizes", "none"]) == true)
        #expect(literal.items == nil && DataValue.array([1]).items == [1])
    }

    @Test("the flow rule: lists of scalars on one line, within the longest string given")
    func flowRule() throws {
        let value: DataValue = [
            "short": ["a", "b"], "long": ["a", .string(String(repeating: "x", count: 41))],
            "nested": [["a"]], "empty": [], "numbers": [1, 2.5, .null],
        ]
        #expect(try YAMLEmitter().emit(value) == """
            short:
            - a
            - b
            long:
            - a
            - xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            nested:
            - - a
            empty: []
            numbers:
            - 1
            - 2.5
            - null

            """)
        #expect(try YAMLEmitter(flow: .scalarItems(maxStringLength: 40)).emit(value) == """
            short: [a, b]
            long:
            - a
            - xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
            nested:
            - [a]
            empty: []
            numbers: [1, 2.5, null]

            """)
        #expect(try YAMLEmitter(flow: .scalarItems(maxStringLength: nil)).emit(["long": [.string(String(repeating: "x", count: 41))]])
                == "long: [xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx]\n")
    }
}
