import Testing
import YAMLReader

/// YAML compares a mapping's keys as values: keys equal in value though written otherwise are
/// one key given twice (the contract: "A key given twice in one mapping is an error").
@Suite("Keys equal in value")
struct KeyEqualityTests {
    @Test("null, booleans, integers and floats written otherwise are duplicate keys, located, naming the first",
          arguments: [("null", "~"), ("~", "Null"), ("true", "True"), ("false", "FALSE"), ("1", "0x1"), ("1", "+1"),
                      ("8", "0o10"), ("1.5", "15e-1"), (".inf", ".Inf"), (".nan", ".NaN"), ("1.0", "1e0")])
    func duplicates(_ first: String, _ second: String) throws {
        let result = read("a: 0\nm: {\(first): x, b: y, \(second): z}\n")
        #expect(result.errors.map(\.description) == [
            "test.yaml:2:\(16 + first.count): error: key '\(second)' is given twice in this mapping, as '\(first)' (first at line 2, column 5)",
        ])
        #expect(result.errors.first?.related?.location.column == 5)
        #expect(result.errors.first?.kind == .duplicateKey)
    }

    @Test("keys of different types, strings and whole numbers beyond 64 bits stay apart",
          arguments: [("1", "1.0"), ("1", "true"), ("0", "false"), ("0", "~"), ("99999999999999999999", "99999999999999999998"),
                      ("'1'", "0x1"), ("a", "A"), ("-0.0", "0.0")])
    func distinct(_ first: String, _ second: String) throws {
        let result = read("m: {\(first): x, \(second): y}\n")
        #expect(result.errors.isEmpty)
        let m = try #require(result.documents.first?.root.mapping?["m"]?.mapping)
        #expect(m.count == 2)
    }

    @Test("a key equal in value is dropped as a key given twice is: the first one's value stays")
    func firstValueStays() throws {
        let result = read("m:\n  1: first\n  0x1: second\n  c: 3\n")
        let m = try #require(result.documents.first?.root.mapping?["m"]?.mapping)
        #expect(m.keys == ["1", "c"])
        #expect(m["1"]?.scalar?.text == "first")
    }

    @Test("a merged key equal in value to the mapping's own does not replace it")
    func merge() throws {
        let result = read("base: &b {+1: merged, ~: merged, x: merged}\nm:\n  <<: *b\n  1: own\n  null: own\n")
        #expect(result.errors.isEmpty)
        let m = try #require(result.documents.first?.root.mapping?["m"]?.mapping)
        #expect(m.keys == ["1", "null", "x"])
        #expect(m["1"]?.scalar?.text == "own")
        #expect(m["null"]?.scalar?.text == "own")
    }
}
