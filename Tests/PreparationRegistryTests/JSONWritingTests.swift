@testable import PreparationRegistry
import Testing
import YAMLReader

@Suite("JSON written in chunks")
struct JSONWritingTests {
    /// A value of many nested lists and objects, about 0.4 MiB of pretty JSON.
    static let large: DataValue = .array((0 ..< 3_000).map { index in
        .object([("n", .int(index)), ("text", .string("line \(index)\nwith \"quotes\"")),
                 ("nested", .array([.array([.bool(index % 2 == 0), .null, .double(0.5)]), .object([])]))])
    })

    @Test("the chunks put together are the whole text, and none is far over 64 KiB")
    func chunksMakeTheText() {
        for pretty in [true, false] {
            var chunks: [String] = []
            var out = ""
            Self.large.writeJSON(pretty: pretty, into: &out) { text in
                chunks.append(text)
                text.removeAll()
            }
            chunks.append(out)
            #expect(chunks.joined() == Self.large.jsonText(pretty: pretty))
            #expect(chunks.count >= 3)
            #expect(chunks.allSatisfy { $0.utf8.count < (1 << 16) + 200 })
        }
    }

    @Test("a further indent indents every line after the first by two spaces a level")
    func indented() {
        var out = "x"
        DataValue.object([("a", .array([.int(1), .object([("b", .string("c\nd"))])]))]).writeJSON(pretty: true, indent: 2, into: &out) { _ in }
        #expect(out == """
            x{
                  "a": [
                    1,
                    {
                      "b": "c\\nd"
                    }
                  ]
                }
            """)
    }
}
