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

    @Test("triggering examples warn, with the rule's id", arguments: LintRules.all.map(\.id))
    func triggering(_ id: String) throws {
        let rule = try #require(LintRules.rule(id))
        for example in rule.triggeringExamples {
            let result = try loadDocument(example)
            #expect(result.errorCount == 0, "\(result.diagnostics)\n\(example)")
            #expect(result.diagnostics.contains { $0.severity == .warning && $0.rule == id }, "no warning for:\n\(example)")
        }
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
        #expect(warning.description.hasSuffix(" [no-sources]"))
        #expect(warning.location == result.preparations.first?.location(of: "sources"))
    }

    /// The field each rule's warning is about.
    static let fields: [String: String] = [
        "depth-outside-techniques": "depth",
        "first-interval-below-residence": "protocol",
        "maintenance-neither-repeats-nor-ends": "protocol",
        "no-sources": "sources",
        "avoid-seasons-without-sun-protection": "avoid-seasons",
        "ingredient-condition-not-listed": "ingredients",
    ]

    @Test("each warning points at the field it is about", arguments: LintRules.all.map(\.id))
    func pointsAtField(_ id: String) throws {
        let rule = try #require(LintRules.rule(id))
        let field = try #require(Self.fields[id], "name the field of rule \(id) in LintRuleTests.fields")
        for example in rule.triggeringExamples {
            let result = try loadDocument(example)
            let preparation = try #require(result.preparations.first)
            for warning in result.diagnostics where warning.rule == id {
                #expect(warning.location == preparation.location(of: field), "\(id): \(warning)")
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
