import Foundation
import Testing
import YAMLReader

// MARK: - Helpers

/// Reads `text` as UTF-8 with the default limits (or `limits`).
func read(_ text: String, limits: YAMLLimits = .default, file: String = "test.yaml") -> YAMLReadResult {
    YAMLDocumentReader(limits: limits).read(Array(text.utf8), file: file)
}

/// The root mapping of the only document of `text`, which must read without errors.
func rootEntries(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [YAMLMappingEntry] {
    let result = read(text)
    #expect(result.errors.isEmpty, "unexpected errors: \(result.errors)", sourceLocation: sourceLocation)
    let document = try #require(result.documents.first, sourceLocation: sourceLocation)
    return try #require(document.root.mapping, sourceLocation: sourceLocation)
}

extension [YAMLMappingEntry] {
    subscript(key: String) -> YAMLNode? { first { $0.key == key }?.value }
    var keys: [String] { map(\.key) }
}

/// The resolved value of `value: <plain>` in a one-line document.
func resolve(_ plain: String) throws -> ScalarValue {
    let entries = try rootEntries("value: \(plain)\n")
    return try #require(entries["value"]?.scalar?.value)
}

// MARK: - Core schema

@Suite("Core schema resolution")
struct CoreSchemaTests {
    @Test("null forms", arguments: ["null", "Null", "NULL", "~", ""])
    func nulls(_ text: String) throws {
        #expect(try resolve(text) == .null)
    }

    @Test("booleans", arguments: [("true", true), ("True", true), ("TRUE", true),
                                   ("false", false), ("False", false), ("FALSE", false)])
    func booleans(_ text: String, _ value: Bool) throws {
        #expect(try resolve(text) == .bool(value))
    }

    @Test("YAML 1.1 booleans and near-misses stay strings",
          arguments: ["yes", "Yes", "NO", "no", "on", "On", "off", "OFF", "y", "n", "tRUE", "nULL", "none", "truth"])
    func yaml11Words(_ text: String) throws {
        #expect(try resolve(text) == .string)
    }

    @Test("integers", arguments: [("0", 0), ("42", 42), ("-7", -7), ("+12", 12), ("0o17", 15), ("0x1F", 31),
                                   ("0xff", 255), ("007", 7)])
    func integers(_ text: String, _ value: Int) throws {
        #expect(try resolve(text) == .int(value))
    }

    @Test("floats", arguments: [("1.5", 1.5), ("1e3", 1000), ("-2.5e-1", -0.25), (".5", 0.5), ("1.", 1),
                                 (".inf", Double.infinity), (".Inf", Double.infinity), ("+.inf", Double.infinity),
                                 ("-.inf", -Double.infinity), ("-.INF", -Double.infinity)])
    func floats(_ text: String, _ value: Double) throws {
        #expect(try resolve(text) == .float(value))
    }

    @Test("NaN", arguments: [".nan", ".NaN", ".NAN"])
    func nan(_ text: String) throws {
        guard case .float(let value) = try resolve(text) else {
            Issue.record("\(text) is not a float")
            return
        }
        #expect(value.isNaN)
    }

    @Test("strings that look like other things",
          arguments: ["2026-01-01", "0o19", "0xZZ", "1.2.3", "1e", "12:30", "0.5-2 mm", "3 days", ".", "inf", "nan",
                      "1_000", "0b101"])
    func strings(_ text: String) throws {
        #expect(try resolve(text) == .string)
    }

    @Test("quoted scalars are always strings", arguments: ["\"1\"", "'true'", "\"null\"", "''", "\"~\"", "'1.5'"])
    func quoted(_ text: String) throws {
        let entries = try rootEntries("value: \(text)\n")
        let scalar = try #require(entries["value"]?.scalar)
        #expect(scalar.value == .string)
        #expect(scalar.style == .quoted)
    }

    @Test("text is kept as written, after unescaping")
    func text() throws {
        let entries = try rootEntries("a: 0x1F\nb: \"tab\\there\"\nc: 'it''s'\nd: |\n  one\n  two\n")
        #expect(entries["a"]?.scalar?.text == "0x1F")
        #expect(entries["b"]?.scalar?.text == "tab\there")
        #expect(entries["c"]?.scalar?.text == "it's")
        #expect(entries["d"]?.scalar?.text == "one\ntwo\n")
        #expect(entries["d"]?.scalar?.style == .block)
        #expect(entries["d"]?.scalar?.value == .string)
    }

    @Test("standard tags give their type")
    func standardTags() throws {
        let entries = try rootEntries("a: !!str 123\nb: !!int \"42\"\nc: !!float 1\nd: !!bool true\ne: !!null ''\nf: !!str\n")
        #expect(entries["a"]?.scalar?.value == .string)
        #expect(entries["b"]?.scalar?.value == .int(42))
        #expect(entries["c"]?.scalar?.value == .float(1))
        #expect(entries["d"]?.scalar?.value == .bool(true))
        #expect(entries["e"]?.scalar?.value == .null)
        #expect(entries["f"]?.scalar?.value == .string)
    }
}

// MARK: - Structure and locations

@Suite("Structure and locations")
struct LocationTests {
    @Test("nodes carry 1-based line and column, also when nested")
    func nested() throws {
        let text = """
            # comment
            top:
              list:
                - first
                - {key: value, other: [x, y]}
            flow: [1, 2]

            """
        let result = read(text, file: "f.yaml")
        #expect(result.errors.isEmpty)
        let document = try #require(result.documents.first)
        let root = try #require(document.root.mapping)
        #expect(document.root.location == SourceLocation(file: "f.yaml", line: 2, column: 1))
        #expect(root[0].keyLocation == SourceLocation(file: "f.yaml", line: 2, column: 1))
        let top = try #require(root["top"])
        #expect(top.location.line == 3 && top.location.column == 3)
        let list = try #require(top.mapping?["list"]?.sequence)
        #expect(list.count == 2)
        #expect(list[0].location.line == 4 && list[0].location.column == 7)
        #expect(list[0].scalar?.text == "first")
        #expect(list[1].location.line == 5 && list[1].location.column == 7)
        let inner = try #require(list[1].mapping)
        #expect(inner.keys == ["key", "other"])
        #expect(inner[0].keyLocation.line == 5 && inner[0].keyLocation.column == 8)
        #expect(inner["key"]?.location.column == 13)
        let other = try #require(inner["other"]?.sequence)
        #expect(other.map(\.location.column) == [28, 31])
        let flow = try #require(root["flow"]?.sequence)
        #expect(flow.map(\.location) == [SourceLocation(file: "f.yaml", line: 6, column: 8),
                                         SourceLocation(file: "f.yaml", line: 6, column: 11)])
        #expect(root["flow"]?.location == SourceLocation(file: "f.yaml", line: 6, column: 7))
    }

    @Test("columns count characters, not bytes")
    func unicodeColumns() throws {
        let entries = try rootEntries("ключ: значение\nb: 5 µg/ml\n")
        #expect(entries["ключ"]?.location.column == 7)
        #expect(entries["b"]?.scalar?.text == "5 µg/ml")
    }

    @Test("mappings keep the order written")
    func order() throws {
        let entries = try rootEntries("z: 1\na: 2\nm: 3\n")
        #expect(entries.keys == ["z", "a", "m"])
    }

    @Test("several documents, each located")
    func documents() throws {
        let result = read("a: 1\n---\nb: 2\n...\n---\n- c\n")
        #expect(result.errors.isEmpty)
        #expect(result.documents.count == 3)
        #expect(result.documents.map(\.root.location.line) == [1, 3, 6])
        #expect(result.documents[2].root.sequence?.first?.scalar?.text == "c")
    }

    @Test("an empty input has no documents and no errors")
    func empty() {
        let result = read("")
        #expect(result.documents.isEmpty)
        #expect(result.errors.isEmpty)
        let comments = read("# only a comment\n")
        #expect(comments.documents.isEmpty)
        #expect(comments.errors.isEmpty)
    }

    @Test("the file name is carried into every location")
    func fileName() {
        let result = read("a: [b, {c: d}]\n", file: "some/dir/x.yml")
        #expect(result.documents.first?.root.location.file == "some/dir/x.yml")
        let bad = read("a: [b\n", file: "some/dir/x.yml")
        #expect(bad.errors.map(\.description) == ["some/dir/x.yml:2:1: error: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 4)"])
    }
}

// MARK: - Anchors, aliases, merge keys

@Suite("Anchors, aliases and merge keys")
struct AliasTests {
    @Test("an alias is the anchored node's content")
    func aliasShares() throws {
        let entries = try rootEntries("a: &x {k: [1, 2]}\nb: *x\nc: &s hello\nd: *s\n")
        let a = try #require(entries["a"]?.mapping)
        let b = try #require(entries["b"]?.mapping)
        #expect(a.keys == b.keys)
        #expect(a["k"]?.sequence?.map(\.scalar?.value) == [.int(1), .int(2)])
        #expect(b["k"]?.sequence?.map(\.scalar?.value) == [.int(1), .int(2)])
        #expect(entries["d"]?.scalar?.text == "hello")
        // The alias resolves to the anchored node, which is located where it was defined.
        #expect(entries["b"]?.location == entries["a"]?.location)
    }

    @Test("merge key: explicit keys win, in any position")
    func mergeExplicitWins() throws {
        let entries = try rootEntries("""
            base: &base {a: 1, b: 2}
            before:
              a: 10
              <<: *base
            after:
              <<: *base
              b: 20

            """)
        let before = try #require(entries["before"]?.mapping)
        #expect(before["a"]?.scalar?.value == .int(10))
        #expect(before["b"]?.scalar?.value == .int(2))
        #expect(Set(before.keys) == ["a", "b"])
        #expect(!before.keys.contains("<<"))
        let after = try #require(entries["after"]?.mapping)
        #expect(after["a"]?.scalar?.value == .int(1))
        #expect(after["b"]?.scalar?.value == .int(20))
        #expect(Set(after.keys) == ["a", "b"])
    }

    @Test("merge key with a list: the earlier mapping wins")
    func mergeListOrder() throws {
        let entries = try rootEntries("""
            one: &one {a: 1, b: 1}
            two: &two {b: 2, c: 2}
            merged:
              <<: [*one, *two]
              d: 4

            """)
        let merged = try #require(entries["merged"]?.mapping)
        #expect(merged["a"]?.scalar?.value == .int(1))
        #expect(merged["b"]?.scalar?.value == .int(1))
        #expect(merged["c"]?.scalar?.value == .int(2))
        #expect(merged["d"]?.scalar?.value == .int(4))
        #expect(Set(merged.keys) == ["a", "b", "c", "d"])
    }

    @Test("a merge of a non-mapping is a merge error")
    func badMerge() {
        let result = read("a: &s text\nb:\n  <<: *s\n")
        #expect(result.errors.map(\.kind) == [.merge])
        #expect(result.errors.map(\.description) == ["test.yaml:1:4: error: the merge key '<<' takes a mapping or a list of mappings, not a string"])
        let inline = read("b:\n  <<: 5\n")
        #expect(inline.errors.map(\.kind) == [.merge])
        #expect(inline.errors.first?.location.line == 2)
    }

    @Test("an alias to an undefined anchor is located at the alias")
    func unknownAlias() {
        let result = read("a: 1\nb: *nope\n")
        #expect(result.errors.map(\.kind) == [.unknownAlias])
        #expect(result.errors.first?.location.line == 2)
        #expect(result.errors.first?.location.column == 4)
        #expect(result.errors.map(\.description) == ["test.yaml:2:4: error: alias '*nope' refers to no anchor defined before it"])
    }

    @Test("an anchor used before it is defined is unknown")
    func forwardAlias() {
        let result = read("a: *later\nb: &later 1\n")
        #expect(result.errors.map(\.kind) == [.unknownAlias])
        #expect(result.errors.first?.location.line == 1)
    }
}

// MARK: - Errors

@Suite("Errors")
struct ErrorTests {
    @Test("a duplicate key names the first place")
    func duplicateKey() throws {
        let result = read("a: 1\nb:\n  c: 2\n  c: 3\n")
        let error = try #require(result.errors.first)
        #expect(result.errors.count == 1)
        #expect(error.kind == .duplicateKey)
        #expect(error.location.line == 4 && error.location.column == 3)
        #expect(error.message == "key 'c' is given twice in this mapping (first at line 3, column 3)")
    }

    @Test("a duplicate key is an error also in flow style and at the root")
    func duplicateKeyFlow() {
        let result = read("{a: 1, a: 2}\n")
        #expect(result.errors.map(\.kind) == [.duplicateKey])
        #expect(result.errors.first?.location.column == 8)
        let root = read("a: 1\na: 1\n")
        #expect(root.errors.map(\.kind) == [.duplicateKey])
        #expect(root.errors.first?.location.line == 2)
    }

    @Test("the merge key given twice in one mapping is a duplicate key, like any other key")
    func duplicateMergeKey() {
        let result = read("base: &b {x: 1}\nmore: &m {y: 2}\nc:\n  <<: *b\n  z: 3\n  <<: *m\n")
        #expect(result.errors.map(\.description) == [
            "test.yaml:6:3: error: key '<<' is given twice in this mapping (first at line 4, column 3); merge several mappings with a list: '<<: [*a, *b]'",
        ])
        // One merge key with a list of mappings is the way to merge several.
        #expect(read("base: &b {x: 1}\nmore: &m {y: 2}\nc:\n  <<: [*b, *m]\n").errors.isEmpty)
    }

    @Test("a key that is not a scalar is a complex-key error")
    func complexKey() {
        let result = read("? [a, b]\n: c\n")
        #expect(result.errors.map(\.kind) == [.complexKey])
        #expect(result.errors.first?.location.line == 1)
    }

    @Test("custom and language tags are refused where written",
          arguments: ["!foo bar", "!!python/object:os.system x", "!<tag:example.com,2000:x> y", "!!binary aGk=",
                      "!!timestamp 2026-01-01", "!!set {a: null}"])
    func tags(_ value: String) throws {
        let result = read("a: 1\nb: \(value)\n")
        let error = try #require(result.errors.first)
        #expect(error.kind == .tag)
        #expect(error.location.line == 2 && error.location.column == 4)
    }

    @Test("a standard tag on a value it cannot describe is a tag error")
    func badStandardTag() {
        for text in ["a: !!int abc\n", "a: !!bool maybe\n", "a: !!float x\n", "a: !!null 1\n", "a: !!map [1]\n", "a: !!seq {b: 1}\n"] {
            let result = read(text)
            #expect(result.errors.map(\.kind) == [.tag], "\(text)")
            #expect(result.errors.first?.location.line == 1, "\(text)")
        }
    }

    @Test("tab indentation is a syntax error on its line")
    func tabs() throws {
        let result = read("a:\n  b: 1\n\tc: 2\n")
        let error = try #require(result.errors.first)
        #expect(error.kind == .syntax)
        #expect(error.location.line == 3)
    }

    @Test("unclosed flow collections are syntax errors", arguments: [
        ("a: [1, 2\n", "test.yaml:2:1: error: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 4)"),
        ("a: {b: 1\n", "test.yaml:2:1: error: did not find expected ',' or '}' (while parsing a flow mapping at line 1, column 4)"),
        ("a: [1, {b: 2]\n", "test.yaml:1:13: error: did not find expected ',' or '}' (while parsing a flow mapping at line 1, column 8)"),
    ])
    func unclosed(_ text: String, _ expected: String) throws {
        let result = read(text)
        let error = try #require(result.errors.first)
        #expect(error.kind == .syntax)
        #expect(result.errors.map(\.description) == [expected])
    }

    @Test("a NUL byte is refused at its place")
    func nul() throws {
        let bytes = Array("a: 1\nb: x".utf8) + [0] + Array("y\n".utf8)
        let result = YAMLDocumentReader().read(bytes, file: "n.yaml")
        let error = try #require(result.errors.first)
        #expect(error.kind == .encoding)
        #expect(error.location == SourceLocation(file: "n.yaml", line: 2, column: 5))
    }

    @Test("invalid UTF-8 is an encoding error on its line")
    func invalidUTF8() throws {
        let bytes = Array("a: 1\nb: 2\nc: ab".utf8) + [0xFF] + Array("cd\nd: 4\n".utf8)
        let result = YAMLDocumentReader().read(bytes, file: "u.yaml")
        let error = try #require(result.errors.first)
        #expect(error.kind == .encoding)
        #expect(error.location.line == 3)
        #expect(error.location.column == 6)
    }

    @Test("a truncated UTF-8 sequence at the end is an encoding error")
    func truncatedUTF8() throws {
        let bytes = Array("a: é".utf8).dropLast()
        let result = YAMLDocumentReader().read(Array(bytes), file: "t.yaml")
        #expect(result.errors.first?.kind == .encoding)
        #expect(result.errors.first?.location.line == 1)
    }

    @Test("UTF-16 input is refused at 1:1", arguments: [[UInt8(0xFF), 0xFE], [0xFE, 0xFF]])
    func utf16(_ bom: [UInt8]) throws {
        let body: [UInt8] = bom == [0xFF, 0xFE] ? [0x61, 0, 0x3A, 0, 0x20, 0, 0x31, 0] : [0, 0x61, 0, 0x3A, 0, 0x20, 0, 0x31]
        let result = YAMLDocumentReader().read(bom + body, file: "w.yaml")
        let error = try #require(result.errors.first)
        #expect(error.kind == .encoding)
        #expect(error.location == SourceLocation(file: "w.yaml", line: 1, column: 1))
        #expect(result.documents.isEmpty)
    }

    @Test("UTF-32 input is refused at 1:1", arguments: [[UInt8(0xFF), 0xFE, 0, 0, 0x61, 0, 0, 0], [0, 0, 0xFE, 0xFF, 0, 0, 0, 0x61]])
    func utf32(_ bytes: [UInt8]) throws {
        let result = YAMLDocumentReader().read(bytes, file: "w.yaml")
        let error = try #require(result.errors.first)
        #expect(error.kind == .encoding)
        #expect(error.location == SourceLocation(file: "w.yaml", line: 1, column: 1))
    }

    @Test("surrogates, overlong forms and code points beyond U+10FFFF are encoding errors where they start",
          arguments: [[UInt8(0xED), 0xA0, 0x80], [0xC0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]])
    func badSequences(_ sequence: [UInt8]) throws {
        let bytes = Array("a: 1\nb: ".utf8) + sequence + Array("\n".utf8)
        let result = YAMLDocumentReader().read(bytes, file: "s.yaml")
        let error = try #require(result.errors.first)
        #expect(error.kind == .encoding)
        #expect(error.location.line == 2 && error.location.column == 4)
    }

    @Test("a UTF-8 byte order mark is accepted")
    func utf8BOM() throws {
        let result = YAMLDocumentReader().read([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8), file: "b.yaml")
        #expect(result.errors.isEmpty)
        #expect(result.documents.first?.root.mapping?["a"]?.scalar?.value == .int(1))
    }

    @Test("errors have a description with the location")
    func description() throws {
        let result = read("a: *x\n", file: "d.yaml")
        let error = try #require(result.errors.first)
        #expect(error.description == "d.yaml:1:4: error: \(error.message)")
    }
}

// MARK: - Hostile inputs and limits

@Suite("Hostile inputs and limits")
struct LimitTests {
    @Test("billion laughs: alias expansion is refused")
    func aliasBomb() throws {
        var text = "a: &a [\(Array(repeating: "lol", count: 9).joined(separator: ", "))]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for index in 1..<names.count {
            let previous = names[index - 1]
            let items = Array(repeating: "*\(previous)", count: 9).joined(separator: ", ")
            text += "\(names[index]): &\(names[index]) [\(items)]\n"
        }
        let result = read(text)
        let error = try #require(result.errors.first)
        #expect(error.kind == .limit)
        #expect(result.errors.map(\.description) == ["test.yaml:5:8: error: aliases expand to more than 10000 nodes in this document (alias '*d')"])
    }

    @Test("alias expansion below the limit is fine; the limit is per document and settable")
    func aliasLimitSettable() {
        // 10 aliases to a list of 10 items: about 110 nodes.
        let text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        #expect(read(text).errors.isEmpty)
        let tight = read(text, limits: YAMLLimits(maxDepth: 64, maxAliasExpansion: 20, maxFileSize: 1 << 20))
        #expect(tight.errors.map(\.kind) == [.limit])
    }

    @Test("100,000 nested flow sequences stop at the 65th bracket")
    func deepFlow() throws {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let result = read(text)
        let error = try #require(result.errors.first)
        #expect(error.kind == .limit)
        #expect(error.location.line == 1 && error.location.column == 65)
        #expect(result.errors.count == 1)
    }

    @Test("100,000 nested flow mappings stop at the 65th brace")
    func deepFlowMappings() throws {
        let text = String(repeating: "{a: ", count: 100_000) + "1" + String(repeating: "}", count: 100_000) + "\n"
        let result = read(text)
        let error = try #require(result.errors.first)
        #expect(error.kind == .limit)
        #expect(error.location.line == 1 && error.location.column == 4 * 64 + 1)
    }

    @Test("100,000 nested block sequences are refused")
    func deepBlockSequences() throws {
        let text = String(repeating: "- ", count: 100_000) + "x\n"
        let result = read(text)
        let error = try #require(result.errors.first)
        #expect(error.kind == .limit)
        #expect(error.location.line == 1 && error.location.column == 2 * 64 + 1)
    }

    @Test("deeply nested block mappings are refused at the 65th level")
    func deepBlockMappings() throws {
        // 2,000 levels (100,000 would need gigabytes of indentation).
        var text = ""
        text.reserveCapacity(2_100_000)
        for level in 0..<2_000 {
            text += String(repeating: " ", count: level) + "k:\n"
        }
        text += String(repeating: " ", count: 2_000) + "v\n"
        let result = read(text)
        let error = try #require(result.errors.first)
        #expect(error.kind == .limit)
        #expect(error.location.line == 65 && error.location.column == 65)
    }

    @Test("maxDepth is settable: 3 accepts depth 3 and refuses depth 4")
    func depthSettable() throws {
        let limits = YAMLLimits(maxDepth: 3, maxAliasExpansion: 10_000, maxFileSize: 1 << 20)
        #expect(read("a: {b: [1]}\n", limits: limits).errors.isEmpty)
        let refused = read("a: {b: [{c: 1}]}\n", limits: limits)
        #expect(refused.errors.map(\.kind) == [.limit])
        #expect(refused.errors.first?.location.column == 9)
        #expect(read("[[[1]]]\n", limits: limits).errors.isEmpty)
        #expect(read("[[[[1]]]]\n", limits: limits).errors.map(\.kind) == [.limit])
    }

    @Test("exactly 64 levels are accepted by default")
    func depth64() {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "\n"
        #expect(read(text).errors.isEmpty)
    }

    @Test("maxFileSize applies to read() too")
    func fileSizeForBytes() throws {
        let limits = YAMLLimits(maxDepth: 64, maxAliasExpansion: 10_000, maxFileSize: 10)
        let result = read("a: 1234567890\n", limits: limits)
        let error = try #require(result.errors.first)
        #expect(error.kind == .limit)
        #expect(error.location.line == 1 && error.location.column == 1)
        #expect(read("a: 1\n", limits: limits).errors.isEmpty)
    }
}

// MARK: - Reading files

@Suite("Reading files")
struct FileTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yamlreader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a file over 16 MiB is refused at 1:1 without being read")
    func hugeFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("huge.yaml").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("a: 1\n".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 17 * 1024 * 1024)
        try handle.close()
        let error = #expect(throws: YAMLError.self, "a 17 MiB file was read") {
            try YAMLDocumentReader().readBytes(ofFileAt: path, displayPath: "shown/huge.yaml")
        }
        #expect(error?.kind == .limit)
        #expect(error?.location == SourceLocation(file: "shown/huge.yaml", line: 1, column: 1))
    }

    @Test("a file one byte over the limit says so in bytes, not as '16.0 MiB, larger than the limit of 16 MiB'")
    func oneByteOver() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("over.yaml").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x61, count: 16 * 1024 * 1024 + 1)))
        let errors = YAMLDocumentReader().read(fileAt: path, displayPath: "over.yaml") { _ in }
        #expect(errors.map(\.description) == ["over.yaml:1:1: error: file is 16777217 bytes, larger than the limit of 16 MiB"])
    }

    @Test("a small file is read whole; the display path defaults to the path")
    func smallFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("small.yaml").path
        try "a: 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        let bytes = try YAMLDocumentReader().readBytes(ofFileAt: path)
        #expect(bytes == Array("a: 1\n".utf8))
    }

    @Test("a missing file is an io error at 1:1 of its path")
    func missingFile() {
        let path = "/nonexistent-\(UUID().uuidString)/x.yaml"
        let error = #expect(throws: YAMLError.self, "read a missing file") { try YAMLDocumentReader().readBytes(ofFileAt: path) }
        #expect(error?.kind == .io)
        #expect(error?.location == SourceLocation(file: path, line: 1, column: 1))
    }

    /// What `read(fileAt:)` gives for `bytes` written to a file: the roots' shapes and the errors.
    func streamed(_ bytes: [UInt8], limits: YAMLLimits = .default) throws -> (documents: [YAMLDocument], errors: [YAMLError]) {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("f.yaml").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        var documents: [YAMLDocument] = []
        let errors = YAMLDocumentReader(limits: limits).read(fileAt: path, displayPath: "f.yaml") { documents.append($0) }
        return (documents, errors)
    }

    @Test("read(fileAt:) reads a file in chunks to the same documents and errors as read(_:file:)")
    func streamedMatchesWhole() throws {
        // Long enough to span several of libyaml's 16 KiB reads, with a document across each boundary.
        var text = ""
        for i in 0..<2_000 { text += "---\nid: item-\(i)\nlist: [a, b, \"c\"]\nnested: {x: \(i), y: text \(i)}\n" }
        let bytes = Array(text.utf8)
        let whole = YAMLDocumentReader().read(bytes, file: "f.yaml")
        let chunked = try streamed(bytes)
        #expect(chunked.errors.isEmpty && whole.errors.isEmpty)
        #expect(chunked.documents.count == 2_000)
        #expect(chunked.documents.map(\.root.location) == whole.documents.map(\.root.location))
        #expect(chunked.documents.last?.root.mapping?.first { $0.key == "nested" }?.value.mapping?.last?.value.scalar?.text
                == "text 1999")
    }

    @Test("a character cut short by the byte after it (Latin-1 text) is located at its first byte, in memory and from a file",
          arguments: [("name: Cr\u{E8}me\n", "f.yaml:1:9: error: invalid trailing UTF-8 octet (byte 0x6D)"),
                      ("a: caf\u{E9}\nb: 1\n", "f.yaml:1:7: error: invalid trailing UTF-8 octet (byte 0x0A)")])
    func cutShort(_ latin1: String, _ expected: String) throws {
        let bytes = latin1.unicodeScalars.map { UInt8($0.value) }
        #expect(YAMLDocumentReader().read(bytes, file: "f.yaml").errors.map(\.description) == [expected])
        #expect(try streamed(bytes).errors.map(\.description) == [expected])
    }

    @Test("with lone CR or CR LF line ends, an encoding error is located on its own line, in memory and from a file",
          arguments: ["\r", "\r\n"])
    func encodingErrorAfterCR(_ lineEnd: String) throws {
        let bytes = Array("a: 1\(lineEnd)b: 2\(lineEnd)c: ab".utf8) + [0xFF] + Array("cd\(lineEnd)".utf8)
        let expected = ["f.yaml:3:6: error: invalid leading UTF-8 octet (byte 0xFF)"]
        #expect(YAMLDocumentReader().read(bytes, file: "f.yaml").errors.map(\.description) == expected)
        #expect(try streamed(bytes).errors.map(\.description) == expected)
    }

    @Test("read(fileAt:) locates invalid UTF-8 and a syntax error as read(_:file:) does, far into a file")
    func streamedErrors() throws {
        let prefix = Array((0..<8_000).map { "k\($0): v\n" }.joined().utf8)
        for bad in [prefix + Array("c: ab".utf8) + [0xFF] + Array("cd\n".utf8), prefix + Array("x: [unclosed\n".utf8)] {
            let whole = YAMLDocumentReader().read(bad, file: "f.yaml")
            let chunked = try streamed(bad)
            #expect(chunked.errors.map(\.description) == whole.errors.map(\.description))
            #expect(chunked.errors.count == 1)
        }
    }

    @Test("a UTF-8 byte order mark right before the first key is skipped, in memory and from a file; columns on line 1 count after it",
          arguments: [
            ("a: *x\nb: 1\n", "f.yaml:1:4: error: alias '*x' refers to no anchor defined before it"),
            ("a: 1\nb: ab\u{FFFF}", "f.yaml:2:6: error: invalid leading UTF-8 octet (byte 0xFF)"),
            ("key: [unclosed\n", "f.yaml:2:1: error: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 6)"),
          ])
    func byteOrderMarkBeforeKey(_ text: String, _ expected: String) throws {
        var bytes = Array(text.utf8)
        if let index = bytes.firstIndex(of: 0xEF) { bytes.replaceSubrange(index..<index + 3, with: [0xFF]) }
        let plain = YAMLDocumentReader().read(bytes, file: "f.yaml")
        let marked = [0xEF, 0xBB, 0xBF] + bytes
        let whole = YAMLDocumentReader().read(marked, file: "f.yaml")
        let chunked = try streamed(marked)
        #expect(plain.errors.map(\.description) == [expected])
        #expect(whole.errors.map(\.description) == plain.errors.map(\.description))
        #expect(chunked.errors.map(\.description) == plain.errors.map(\.description))
        let clean = try streamed([0xEF, 0xBB, 0xBF] + Array("a: 1\nb: [x]\n".utf8))
        #expect(clean.errors.isEmpty)
        #expect(clean.documents.first?.root.mapping?.map(\.key) == ["a", "b"])
    }

    @Test("read(fileAt:) refuses a UTF-16 file, a file over the limit, a missing file and a directory")
    func streamedRefusals() throws {
        let bom = try streamed([0xFF, 0xFE, 0x61, 0, 0x3A, 0, 0x20, 0, 0x31, 0])
        #expect(bom.errors.map(\.kind) == [.encoding])
        #expect(bom.errors.first?.location == SourceLocation(file: "f.yaml", line: 1, column: 1))
        var small = YAMLLimits.default
        small.maxFileSize = 8
        let big = try streamed(Array("a: 1\nb: 2\n".utf8), limits: small)
        #expect(big.errors.map(\.kind) == [.limit])
        #expect(big.documents.isEmpty)
        let missing = YAMLDocumentReader().read(fileAt: "/nonexistent-\(UUID().uuidString)/x.yaml") { _ in }
        #expect(missing.map(\.kind) == [.io])
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let directory = YAMLDocumentReader().read(fileAt: dir.path) { _ in }
        #expect(directory.map(\.kind) == [.io])
        #expect(directory.map(\.description) == ["\(dir.path):1:1: error: cannot read file: Is a directory"])
    }

    @Test("a directory is not read as a file")
    func directory() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let error = #expect(throws: YAMLError.self, "read a directory") { try YAMLDocumentReader().readBytes(ofFileAt: dir.path) }
        #expect(error?.kind == .io)
    }
}
