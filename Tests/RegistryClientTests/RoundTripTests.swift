import Foundation
import PreparationRegistry
import Testing
import YAMLReader

/// The preparation without its source location (which names the file it was read from).
func located(_ preparations: [Preparation]) -> [Preparation] {
    preparations.map { p in
        var p = p
        p.location = SourceLocation(file: "", line: 1, column: 1)
        return p
    }
}

/// Loads `text` as one preparation file, against the bundled vocabulary.
func loadPreparations(_ text: String) throws -> [Preparation] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("round-trip-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("all.yaml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let result = CatalogueLoader().load(files: [file.path])
    // Lint warnings speak of the content, which the round trip keeps as it is: only errors count.
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map(\.rendered))\n\(text)")
    return result.preparations.sorted { $0.id < $1.id }
}

/// The preparations with every whole `x-` number an integer, and -0.0 as 0, as JSON reads them.
func jsonNumbers(_ preparations: [Preparation]) -> [Preparation] {
    func number(_ value: DataValue) -> DataValue {
        switch value {
        case .double(let d) where d == d.rounded() && abs(d) < 1e15: return .int(Int(d))
        case .array(let items): return .array(items.map(number))
        case .object(let members): return .object(members.mapValues(number))
        default: return value
        }
    }
    return preparations.map { p in
        var p = p
        p.extensions = p.extensions.mapValues(number)
        return p
    }
}

/// A canonical-JSON value rewritten in the catalogue's forms: `{"min": {"value": 3, "unit":
/// "day"}, "max": ...}` -> `3 day - 1 month`, `{"min": 4, "max": 6}` -> `4-6`, `{"value":
/// 1.35, "unit": "%"}` -> `1.35 %`. Numbers keep the text the JSON wrote.
func catalogueForm(_ node: YAMLNode) -> DataValue {
    switch node.content {
    case .scalar(let scalar):
        switch scalar.value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let d): return .double(d)
        case .string: return .string(scalar.text)
        }
    case .sequence(let items):
        return .array(items.map(catalogueForm))
    case .mapping(let entries):
        let keys = entries.map(\.key)
        func bound(_ node: YAMLNode) -> String? {
            if let scalar = node.scalar, case .int = scalar.value { return scalar.text }
            guard let fields = node.mapping, fields.map(\.key) == ["value", "unit"],
                  let value = fields[0].value.scalar?.text, let unit = fields[1].value.scalar?.text else { return nil }
            // The text forms take plain decimals only: `1e-05` is written `0.00001`.
            let plain = value.contains { $0 == "e" || $0 == "E" } ? Decimal(string: value).map { "\($0)" } ?? value : value
            return "\(plain) \(unit)"
        }
        if keys == ["min", "max"], let low = bound(entries[0].value), let high = bound(entries[1].value) {
            return .string(entries[0].value.mapping == nil ? "\(low)-\(high)" : "\(low) - \(high)")
        }
        if keys == ["value", "unit"], let text = bound(node) { return .string(text) }
        return .object(entries.map { ($0.key, catalogueForm($0.value)) })
    }
}

@Suite("Round trips")
struct RoundTripTests {
    static let catalogues: [(String, CatalogueLoadResult)] = [
        ("bundled", CatalogueLoader().loadBundled()),
        ("clinic", CatalogueLoader().load(catalogueAt: clinicPath)),
        ("awkward", CatalogueLoader().load(catalogueAt: awkwardPath)),
    ]

    @Test("the YAML output reads back through the loader as the same preparations", arguments: [0, 1, 2])
    func yaml(_ which: Int) throws {
        let registry = try registry(Self.catalogues[which].1)
        let yaml = try PreparationYAML.encode(registry.preparations)
        #expect(located(try loadPreparations(yaml)) == located(registry.preparations))
        for preparation in registry.preparations where !preparation.isDeprecated {
            #expect(located(try loadPreparations(try PreparationYAML.encode(preparation))) == located([preparation]))
        }
    }

    @Test("the canonical JSON describes the same preparations as their source files", arguments: [0, 1, 2])
    func json(_ which: Int) throws {
        let registry = try registry(Self.catalogues[which].1)
        let json = PreparationJSON.encode(registry.preparations)
        let read = YAMLDocumentReader().read(Array(json.utf8), file: "canonical.json")
        #expect(read.errors.isEmpty)
        let items = try #require(read.documents.first?.root.sequence)
        #expect(items.count == registry.count)
        let yaml = try YAMLEmitter().emit(documents: items.map(catalogueForm))
        // JSON has one kind of number: an `x-` value written `2.0` comes back as the integer 2.
        #expect(jsonNumbers(located(try loadPreparations(yaml))) == jsonNumbers(located(registry.preparations)))
    }

    @Test("every character up to U+3000, and some beyond, reads back from the JSON through a standard JSON parser")
    func jsonStrings() throws {
        var scalars = (0...0x3000).compactMap(Unicode.Scalar.init)
        scalars += ["\u{FEFF}", "\u{FFFD}", "\u{1F600}", "\u{10FFFF}"]
        for chunk in stride(from: 0, to: scalars.count, by: 256) {
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[chunk ..< min(chunk + 256, scalars.count)])
            let json = DataValue.array([.string(text), .string("</script>" + text)]).jsonText(pretty: false)
            #expect(!json.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" })
            let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
            #expect(parsed == [text, "</script>" + text], "from U+\(String(chunk, radix: 16))")
        }
        #expect(DataValue.string("a\u{0}\u{1F}\u{7F}\u{85}\u{2028}\"\\/\u{8}\u{C}").jsonText(pretty: false)
                == #""a\u0000\u001f\u007f\u0085\u2028\"\\/\b\f""#)
        #expect([0.0, -0.0, 2, -3.5, 1e-7, 1e15, 1e300, 0.1 + 0.2, .infinity, .nan].map(DataValue.jsonNumber)
                == ["0", "0", "2", "-3.5", "1e-07", "1000000000000000", "1e+300", "0.30000000000000004", "null", "null"])
    }

    @Test("the canonical JSON is byte-identical between loads and matches the contract's shape")
    func canonical() throws {
        let first = try registry(CatalogueLoader().load(catalogueAt: clinicPath))
        let second = try registry(CatalogueLoader().load(catalogueAt: clinicPath))
        #expect(PreparationJSON.encode(first.preparations) == PreparationJSON.encode(second.preparations))
        let eclat = try first.preparation(id: "eclat-glow")
        let expected = try String(contentsOf: fixtures.appendingPathComponent("eclat-glow.json"), encoding: .utf8)
        #expect(PreparationJSON.encode(eclat) + "\n" == expected)
        // Dosing (1.1): the spacing keeps the units written, max-per-session is one quantity.
        #expect(eclat.dosing == Dosing(perPoint: VolumeRange(min: Quantity(0.02, .ml), max: Quantity(0.05, .ml)),
                                       spacing: SpacingRange(min: Quantity(5, .mm), max: Quantity(1, .cm)),
                                       maxPerSession: Quantity(2, .ml)))
        #expect(expected.contains("\"max-per-session\": {\n      \"value\": 2,\n      \"unit\": \"ml\"\n    }"))
        #expect(PreparationJSON.encode([Preparation]()) == "[]")
    }

    @Test("awkward strings and numbers: JSON escapes, plain decimals in the YAML text forms")
    func awkward() throws {
        let registry = try registry(CatalogueLoader().load(catalogueAt: awkwardPath))
        let expected = try String(contentsOf: fixtures.appendingPathComponent("awkward.json"), encoding: .utf8)
        #expect(PreparationJSON.encode(registry.preparations) + "\n" == expected)
        let strings = try registry.preparation(id: "awkward-strings")
        let yaml = try PreparationYAML.encode(strings)
        #expect(yaml.contains("\ndepth: 0.00001-10000000000000000 mm\n"), "\(yaml)")
        #expect(yaml.contains("\n  concentration: 0.00001 %\n"), "\(yaml)")
        #expect(yaml.contains("\ndosing:\n  per-point: 0.00001-10000000000000000 ml\n  spacing: 0.0005 mm - 1.5 cm\n  max-per-session: 0.00001 ml\n"), "\(yaml)")
        #expect(strings.depth.description == "0.00001-10000000000000000 mm")
    }
}

@Suite("YAMLEmitter")
struct YAMLEmitterTests {
    @Test("strings that would read as another type are quoted and read back as strings")
    func quoting() throws {
        let words = ["true", "False", "null", "~", "", "1.5", "42", "0x1F", "0o17", ".inf", "-.5", "1e3",
                     "NO", "no", "on", "Off", "y", "yes", "1_000", "1:30", "2026-01-01", "0b101",
                     "- item", "key: value", "# comment", "[a]", "{a: 1}", "&anchor", "*alias", "!tag", "|", ">",
                     "'quoted'", "\"double\"", " leading", "trailing ", "two\nlines\n", "tab\there", "é ü 中文",
                     "nul\u{0}byte", "4-6", "0.5-2 mm", "plain words"]
        let text = try YAMLEmitter().emit(.array(words.map { .string($0) }))
        let read = YAMLDocumentReader().read(Array(text.utf8), file: "out.yaml")
        #expect(read.errors.isEmpty, "\(read.errors)\n\(text)")
        let items = try #require(read.documents.first?.root.sequence)
        #expect(items.count == words.count)
        for (item, word) in zip(items, words) {
            let scalar = try #require(item.scalar)
            #expect(scalar.text == word)
            #expect(scalar.value == .string, "\(word) read back as \(scalar.value)")
        }
        #expect(YAMLEmitter.needsQuotes("NO") && YAMLEmitter.needsQuotes("2026-01-01") && !YAMLEmitter.needsQuotes("4-6"))
    }

    @Test("random strings of YAML's awkward characters read back as the same strings, as values and as keys")
    func randomStrings() throws {
        let alphabet: [String] = [" ", "  ", "-", "#", ":", "*", "&", "!", "%", "@", "`", "\n", "\t", "'", "\"", "?", "|", ">",
                                  "[", "]", "{", "}", ",", "a", "1", ".", "é", "~", "\u{85}", "\u{2028}", "\\", "0", "x", "e",
                                  "\r", "\u{FEFF}", "\u{7F}", "yes", "null", "<<", "---", "...", "中"]
        var seed: UInt64 = 0x9E3779B97F4A7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        var words: [String] = []
        for _ in 0..<1500 {
            words.append((0..<next(7)).map { _ in alphabet[next(alphabet.count)] }.joined())
        }
        let unique = Array(Set(words)).sorted()
        let document = DataValue.object([
            ("values", .array(unique.map { .string($0) })),
            ("keys", .object(unique.map { ($0, .string($0)) })),
        ])
        let text = try YAMLEmitter(width: 30).emit(document)
        let read = YAMLDocumentReader().read(Array(text.utf8), file: "random.yaml")
        #expect(read.errors.isEmpty, "\(read.errors)")
        let root = try #require(read.documents.first?.root.mapping)
        let flowText = try YAMLEmitter(width: 30, flow: .scalarItems(maxStringLength: nil)).emit(.array(unique.map { .string($0) }))
        let flowRead = YAMLDocumentReader().read(Array(flowText.utf8), file: "flow.yaml")
        #expect(flowRead.errors.isEmpty, "\(flowRead.errors)")
        #expect(flowText.hasPrefix("["))
        let flowRoot = try #require(flowRead.documents.first?.root)
        for (name, node) in zip(["values", "flow"], [root[0].value, flowRoot]) {
            let items = try #require(node.sequence)
            #expect(items.map { $0.scalar?.text } == unique, "\(name)")
            #expect(items.allSatisfy { $0.scalar?.value == .string }, "\(name)")
        }
        let keys = try #require(root[1].value.mapping)
        #expect(keys.map(\.key) == unique)
        #expect(keys.map { $0.value.scalar?.text } == unique)
    }

    @Test("numbers, booleans, nulls and nesting read back as written")
    func values() throws {
        let node: DataValue = [
            "int": .int(-3), "whole": .double(2), "half": .double(0.5), "tiny": .double(1e-7),
            "inf": .double(.infinity), "yes": .bool(true), "none": .null,
            "list": .array([.int(1), .array([]), .object([:])]),
        ]
        let text = try YAMLEmitter().emit(node)
        let read = YAMLDocumentReader().read(Array(text.utf8), file: "out.yaml")
        let entries = try #require(read.documents.first?.root.mapping)
        #expect(entries.map(\.key) == ["int", "whole", "half", "tiny", "inf", "yes", "none", "list"])
        #expect(entries.map { $0.value.scalar?.value } == [
            .int(-3), .float(2), .float(0.5), .float(1e-7), .float(.infinity), .bool(true), .null, nil,
        ])
        #expect(entries[7].value.sequence?.count == 3)
    }

    @Test("several documents, and none")
    func documents() throws {
        let text = try YAMLEmitter().emit(documents: [.string("a"), .string("b")])
        #expect(text == "a\n--- b\n")
        #expect(try YAMLEmitter().emit(documents: []) == "")
        #expect(YAMLDocumentReader().read(Array(text.utf8), file: "x").documents.count == 2)
    }
}
