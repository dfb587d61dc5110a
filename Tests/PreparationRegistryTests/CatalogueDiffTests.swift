import Foundation
@testable import PreparationRegistry
import Testing

/// The pairs of catalogues below `Fixtures/diff`: each folder holds `old/`, `new/` and
/// `expected.txt`, the exact lines of their difference.
let diffFixtures = ["clinical", "order", "reformatted", "lookalikes"]

/// The registry of a fixture catalogue, which must load without errors.
func fixtureRegistry(_ relative: String) throws -> Registry {
    let result = CatalogueLoader().load(catalogueAt: fixturesURL.appendingPathComponent(relative).path)
    return try #require(result.registry, "\(relative): \(result.diagnostics.map(\.description))")
}

/// The difference between the two catalogues of a fixture pair (`reversed`: new to old).
func fixtureDiff(_ name: String, reversed: Bool = false) throws -> CatalogueDiff {
    let old = try fixtureRegistry("diff/\(name)/old"), new = try fixtureRegistry("diff/\(name)/new")
    return reversed ? CatalogueDiff(from: new, to: old) : CatalogueDiff(from: old, to: new)
}

@Suite("catalog diff: what changed, per preparation")
struct CatalogueDiffTests {
    @Test("each fixture pair gives exactly its expected lines", arguments: diffFixtures)
    func expectedLines(_ name: String) throws {
        let expected = try String(contentsOf: fixturesURL.appendingPathComponent("diff/\(name)/expected.txt"), encoding: .utf8)
        let diff = try fixtureDiff(name)
        #expect(diff.lines.joined(separator: "\n") + "\n" == expected)
    }

    @Test("the JSON of a pair is exactly the expected JSON: kinds, paths, canonical values, whole lists when reordered")
    func expectedJSON() throws {
        let expected = try String(contentsOf: fixturesURL.appendingPathComponent("diff/order/expected.json"), encoding: .utf8)
        #expect(try fixtureDiff("order").json.jsonText(pretty: true) + "\n" == expected)
    }

    @Test("reformatting, key order, comments, plain and mapping forms, range spellings: no change")
    func reformattedIsEqual() throws {
        let diff = try fixtureDiff("reformatted")
        #expect(diff.isEmpty)
        #expect(diff.unchangedCount == 1)
        #expect(diff.summary == "no changes (1 preparation)")
        #expect(diff.json.jsonText(pretty: false).hasPrefix(#"{"equal":true,"#))
    }

    @Test("a catalogue against itself has no changes; the bundled one too")
    func sameCatalogue() throws {
        let bundled = try #require(CatalogueLoader().loadBundled().registry)
        let diff = CatalogueDiff(from: bundled, to: bundled)
        #expect(diff.isEmpty)
        #expect(diff.lines == ["no changes (\(bundled.count) preparations)"])
    }

    @Test("the other way round: added and removed swap, and each change's old and new")
    func reversed() throws {
        let forward = try fixtureDiff("clinical"), backward = try fixtureDiff("clinical", reversed: true)
        #expect(backward.preparations.map(\.kind) == [.added, .removed, .changed])
        #expect(backward.preparations.map(\.id) == ["booster", "booster-plus", "hydration"])
        let hydration = try #require(backward.preparations.last)
        #expect(hydration.noLongerDeprecated && !hydration.newlyDeprecated)
        #expect(hydration.lines == [
            "changed hydration (no longer deprecated)",
            "  summary: Non-crosslinked HA for dull, dehydrated skin -> Non-crosslinked HA for dull skin",
            "  ingredients: - {name: Vitamin C, class: vitamin}",
            "  ingredients: + Glycerol",
            "  concentration of ingredient Sodium hyaluronate: 1.8 % -> 1.35 %",
            "  regions: - decolletage",
            "  techniques: - micropapules",
            "  depth: 0.5-1.5 mm -> 0.5-2 mm",
            "  sessions of phase induction: 4-6 -> 3-4",
            "  interval of phase induction: 1-2 weeks -> 2-3 weeks",
            "  dosing.max-per-session: 8 ml -> 10 ml",
            "  contraindications: - pregnancy",
            "  contraindications: + anticoagulant-therapy",
            "  side-effects: - {effect: Small papules, lasts: 1-2 days}",
            "  frequency of side effect Bruising: uncommon -> common",
            "  duration of aftercare No make-up: 24 hours -> 12 hours",
            "  sources: - Smith J. Mesotherapy review, 2025",
            "  evidence: consensus -> practice",
            "  deprecated: - {since: \"2026-03-01\", because: Replaced by the stronger booster, replaced-by: booster-plus}",
            "  x-clinic-code: HY-02 -> HY-01",
        ])
        let forwardFields = Set(try #require(forward.preparations.last).changes.map(\.field))
        #expect(Set(hydration.changes.map(\.field)) == forwardFields)
        #expect(backward.summary == "1 preparation changed, 1 added, 1 removed; vocabulary: 2 words changed, 1 added, 1 removed; manifest: 2 fields changed")
    }

    @Test("each change has a path, a kind and canonical values")
    func changeShape() throws {
        let hydration = try #require(try fixtureDiff("clinical").preparations.first { $0.id == "hydration" })
        let interval = try #require(hydration.changes.first { $0.field == "protocol[induction].interval" })
        #expect(interval.kind == "changed")
        #expect(interval.line == "interval of phase induction: 2-3 weeks -> 1-2 weeks")
        #expect(interval.new?.jsonText(pretty: false) == #"{"min":{"value":1,"unit":"week"},"max":{"value":2,"unit":"week"}}"#)
        let added = try #require(hydration.changes.first { $0.field == "contraindications" && $0.old == nil })
        #expect(added.kind == "added")
        #expect(added.new == .string("pregnancy"))
        let removed = try #require(hydration.changes.first { $0.field == "ingredients" && $0.new == nil })
        #expect(removed.kind == "removed")
        #expect(removed.old?.jsonText(pretty: false) == #"{"name":"Glycerol"}"#)
        #expect(removed.line == "ingredients: - Glycerol")
        let concentration = try #require(hydration.changes.first { $0.field == "ingredients[Sodium hyaluronate].concentration" })
        #expect(concentration.old?.jsonText(pretty: false) == #"{"value":1.35,"unit":"%"}"#)
        let order = try #require(try fixtureDiff("order").preparations.first?.changes.first { $0.field == "protocol" })
        #expect(order.kind == "reordered")
    }

    @Test("one preparation against another version of itself: what add --replace prints")
    func onePreparation() throws {
        let old = try #require(try fixtureRegistry("diff/clinical/old")["hydration"])
        var new = old
        new.phases[0].interval = DurationRange(min: Quantity(1, .week), max: Quantity(2, .week))
        new.contraindications = ["pregnancy", "anticoagulant-therapy"]
        new.dosing?.maxPerSession = Quantity(8, .ml)
        new.evidence = nil
        let difference = CatalogueDiff.PreparationDifference(from: old, to: new)
        #expect(difference.lines == [
            "changed hydration",
            "  interval of phase induction: 2-3 weeks -> 1-2 weeks",
            "  dosing.max-per-session: 10 ml -> 8 ml",
            "  contraindications: - herpes",
            "  contraindications: + pregnancy",
            "  evidence: - practice",
        ])
        #expect(CatalogueDiff.PreparationDifference(from: old, to: old).changes.isEmpty)
    }

    @Test("a list with a word twice: the second counts", arguments: [
        (["face", "neck"], ["face", "neck", "face"], ["regions: + face"]),
        (["face", "face"], ["face"], ["regions: - face"]),
        (["face", "neck", "face"], ["face", "face", "neck"], ["regions (order): [face, neck, face] -> [face, face, neck]"]),
    ])
    func repeatedWords(_ old: [String], _ new: [String], _ expected: [String]) {
        var differ = FieldDiffer()
        differ.words("regions", "regions", old.map { Compared(.string($0)) }, new.map { Compared(.string($0)) })
        #expect(differ.changes.map(\.line) == expected)
    }

    @Test("values are written plain when they read back as themselves, else quoted", arguments: [
        ("nappage", "nappage"), ("1.35 %", "1.35 %"), ("3 days - 1 month", "3 days - 1 month"),
        ("Smith, 2020", "Smith, 2020"), ("", #""""#), (" padded", #"" padded""#), ("true", #""true""#),
        ("2", #""2""#), ("2026-01-01", #""2026-01-01""#), ("a: b", #""a: b""#), ("a #b", #""a #b""#),
        ("x -> y", #""x -> y""#), ("(none)", #""(none)""#), ("- item", #""- item""#), ("[x]", #""[x]""#),
        ("line\nbreak", #""line\nbreak""#), ("bell\u{07}", #""bell\u0007""#), ("esc\u{1B}[2J", #""esc\u001b[2J""#),
        ("\u{9B}c1", #""\u009bc1""#), ("ends:", #""ends:""#), ("Crème", "Crème"),
        // Characters that show as nothing (outside reviews): escaped, beyond U+FFFF as YAML's \U.
        ("a\u{200B}b", #""a\u200bb""#), ("a\u{200F}b", #""a\u200fb""#), ("a\u{FE0F}b", #""a\ufe0fb""#),
        ("a\u{E0041}b", #""a\U000E0041b""#), ("\u{FEFF}a", #""\ufeffa""#),
    ])
    func quoting(_ text: String, _ shown: String) {
        #expect(DiffText.scalar(text) == shown)
    }

    @Test("inside a list or mapping, flow characters are quoted too")
    func flowQuoting() {
        #expect(DiffText.flow(.array([.string("a, b"), .string("c"), .object([("k", .string("{v}"))])])) == #"["a, b", c, {k: "{v}"}]"#)
        #expect(DiffText.flow(.object([("x y", .int(2)), ("z", .double(0.5)), ("n", .null), ("b", .bool(false))])) == #"{x y: 2, z: 0.5, "n": null, b: false}"#)  // `n` reads as false in YAML 1.1
    }

    @Test("a name with a bracket or backslash is escaped in a path")
    func escapedPaths() {
        #expect(FieldDiffer.escaped("a]b\\c") == "a\\]b\\\\c")
        var differ = FieldDiffer()
        let old = Compared(.object([("name", .string("x]")), ("class", .string("vitamin"))]))
        let new = Compared(.object([("name", .string("x]")), ("class", .string("amino-acid"))]))
        differ.keyed("ingredients", identity: "name", noun: "ingredient", [old], [new])
        #expect(differ.changes.map(\.field) == ["ingredients[x\\]].class"])
        #expect(differ.changes.map(\.line) == ["class of ingredient x]: vitamin -> amino-acid"])
    }
}
