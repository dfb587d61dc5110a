import Foundation
@testable import PreparationRegistry
import Testing

/// Loads one preparation document, written to a scratch file, against the bundled vocabulary.
func loadDocument(_ text: String, name: String = "example.yaml") throws -> CatalogueLoadResult {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    return CatalogueLoader().load(files: [path])
}

/// Every rule's own examples: those that should trigger it do, those that should not do not,
/// and all of them are otherwise valid preparations.
@Suite("Lint rules: their own examples")
struct LintRuleTests {
    @Test("every rule has an id, a rationale and examples both ways", arguments: LintRules.all.map(\.id))
    func describesItself(_ id: String) throws {
        let rule = try #require(LintRules.rule(id))
        #expect(!rule.rationale.isEmpty)
        #expect(!rule.triggeringExamples.isEmpty)
        #expect(!rule.nonTriggeringExamples.isEmpty)
        #expect(id.allSatisfy { $0.isLowercase || $0 == "-" })
    }

    @Test("triggering examples warn exactly where their markers stand, and nothing else", arguments: LintRules.all.map(\.id))
    func triggering(_ id: String) throws {
        let rule = try #require(LintRules.rule(id))
        for example in rule.markedTriggeringExamples {
            let (text, marked) = markedPlaces(example)
            #expect(!marked.isEmpty, "\(id): an example marks no place:\n\(example)")
            let result = try loadDocument(text)
            #expect(result.errorCount == 0, "\(result.diagnostics)\n\(text)")
            #expect(result.diagnostics.allSatisfy { $0.severity == .warning && $0.rule == id }, "\(result.diagnostics)\n\(text)")
            let warned = result.diagnostics.map { TextPlace(line: $0.location.line, column: $0.location.column) }
            #expect(warned.sorted() == marked, "\(id): warned at \(warned.sorted()), marked \(marked):\n\(text)")
        }
    }

    @Test("the examples a rule gives others are its marked ones without the markers", arguments: LintRules.all.map(\.id))
    func examplesWithoutMarkers(_ id: String) throws {
        let rule = try #require(LintRules.rule(id))
        #expect(rule.triggeringExamples == rule.markedTriggeringExamples.map { markedPlaces($0).text })
        #expect(!(rule.triggeringExamples + rule.nonTriggeringExamples).contains { $0.contains(LintRule.marker) })
    }

    @Test("marked places: line and column of the character after each marker")
    func markedPlacesCounting() {
        let (text, places) = markedPlaces("↓id: x\nname: ↓↓é↓\n↓")
        #expect(text == "id: x\nname: é\n")
        #expect(places.map(\.description) == ["1:1", "2:7", "2:7", "2:8", "3:1"])
    }

    @Test("non-triggering examples do not warn", arguments: LintRules.all.map(\.id))
    func nonTriggering(_ id: String) throws {
        let rule = try #require(LintRules.rule(id))
        for example in rule.nonTriggeringExamples {
            let result = try loadDocument(example)
            #expect(result.errorCount == 0, "\(result.diagnostics)\n\(example)")
            #expect(!result.diagnostics.contains { $0.rule == id }, "unexpected warning for:\n\(example)")
        }
    }

    @Test("the rule ids are unique")
    func uniqueIds() {
        #expect(Set(LintRules.ids).count == LintRules.all.count)
    }

    @Test("the bundled catalogue has no lint warnings")
    func bundledIsClean() {
        let result = CatalogueLoader().loadBundled()
        #expect(result.warningCount == 0, "\(result.diagnostics)")
    }

    @Test("a warning names its rule and the field it is about")
    func warningText() throws {
        let result = try loadDocument(lintExample(["sources": ""]))
        let warning = try #require(result.diagnostics.first { $0.rule == "no-sources" })
        #expect(warning.message == "preparation 'example' names no sources; add 'sources' saying where its figures come from")
        #expect(warning.description == "\(warning.location.file):1:1: warning: preparation 'example' names no sources; add 'sources' saying where its figures come from [no-sources]")
        #expect(warning.location.file.hasSuffix("/example.yaml"))
        #expect(warning.location == result.preparations.first?.location(of: "sources"))
    }

    /// The field each rule's warning is about.
    static let fields: [String: [String]] = [
        "depth-outside-techniques": ["depth"],
        "first-interval-below-residence": ["protocol"],
        "maintenance-neither-repeats-nor-ends": ["protocol"],
        "no-sources": ["sources"],
        "avoid-seasons-without-sun-protection": ["avoid-seasons"],
        "ingredient-condition-not-listed": ["ingredients"],
        "invisible-character": ["name", "summary", "ingredients", "side-effects", "aftercare", "notes"],
    ]

    @Test("each warning points at the field it is about", arguments: LintRules.all.map(\.id))
    func pointsAtField(_ id: String) throws {
        let rule = try #require(LintRules.rule(id))
        let fields = try #require(Self.fields[id], "name the fields of rule \(id) in LintRuleTests.fields")
        for example in rule.triggeringExamples {
            let result = try loadDocument(example)
            let preparation = try #require(result.preparations.first)
            for warning in result.diagnostics where warning.rule == id {
                #expect(fields.contains { warning.location == preparation.location(of: $0) }, "\(id): \(warning)")
            }
        }
    }

    @Test("maintenance-like phase names")
    func maintenanceLike() {
        for name in ["maintenance", "maintenance-1", "yearly-booster", "top-up", "reminder"] {
            #expect(LintRules.isMaintenanceLike(name), "\(name)")
        }
        for name in ["induction", "intensive", "regeneration", "maintained", "weekly"] {
            #expect(!LintRules.isMaintenanceLike(name), "\(name)")
        }
    }
}

/// A line and column (from 1) in a text.
struct TextPlace: Hashable, Comparable, CustomStringConvertible {
    var line: Int
    var column: Int

    static func < (lhs: TextPlace, rhs: TextPlace) -> Bool { (lhs.line, lhs.column) < (rhs.line, rhs.column) }
    var description: String { "\(line):\(column)" }
}

/// A marked example (SwiftLint's style, ``LintRule/marker``): its text without the markers, and
/// the place of the character each marker stands before, in order. Columns count Unicode
/// scalars, as libyaml's marks do.
func markedPlaces(_ marked: String) -> (text: String, places: [TextPlace]) {
    var text = String.UnicodeScalarView()
    var places: [TextPlace] = []
    var place = TextPlace(line: 1, column: 1)
    for scalar in marked.unicodeScalars {
        if Character(scalar) == LintRule.marker {
            places.append(place)
            continue
        }
        text.append(scalar)
        if scalar == "\n" {
            place = TextPlace(line: place.line + 1, column: 1)
        } else {
            place.column += 1
        }
    }
    return (String(text), places)
}
