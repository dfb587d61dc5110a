// Another tool's use of the libraries, compiled WITHOUT package access (`packageAccess: false`
// in Package.swift) and without `@testable`: if this target builds, the public API is enough to
// load a catalogue, read its diagnostics, query it, register a plugin and a planning rule of
// one's own, plan a course and print it as `catalog course` does, with the bundled area plugins
// beside it.
import AreaPlugins
import Exporters
import Foundation
import PreparationRegistry
import Testing

/// The clinic's fixture catalogue folder.
let clinic = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/clinic").path

/// A rule of the clinic's own: nothing deeper than 1.5 mm on the neck, and a reminder.
let shallowNeckOnly = PlanningRule(
    id: "clinic-shallow-neck", area: "neck",
    rationale: "The clinic injects the neck superficially only.",
    source: "Clinic protocol 3",
    triggeringExamples: [.init("Any neck course", CourseRequest(concern: "neck-lines", start: CalendarDate(year: 2026, month: 1, day: 5)!))],
    nonTriggeringExamples: [],
    leavesOut: { preparation, _ in
        preparation.depth.max > Quantity(1.5, .mm) ? "deeper than 1.5 mm (\(preparation.depth))" : nil
    },
    amends: { draft in
        draft.warnings.append("photograph the neck before the first session [clinic-shallow-neck]")
    })

/// A plugin of the clinic's own, for neck courses.
struct NeckPlugin: CoursePlugin {
    var id: String { "neck" }
    var summary: String { "Neck courses, superficial only" }
    var regions: [Region] { [.neck] }
    var rules: [PlanningRule] { [shallowNeckOnly] }
}

@Suite struct PublicAPITests {
    @Test func loadsQueriesAndReportsThroughThePublicAPI() throws {
        let result = CatalogueLoader().load(catalogueAt: clinic)
        #expect(result.diagnostics.map(\.rendered) == [])
        #expect(result.isValid && result.errorCount == 0 && result.fileCount == 2)
        let registry = try #require(result.registry)
        #expect(registry.manifest.name == "Clinic fixture")
        #expect(registry["neck-hydration"]?.ingredients.first?.concentration?.description == "1.5 %")

        var query = Query(regions: [.neck], excludedConditions: ["pregnancy"])
        #expect(registry.preparations(matching: query).map(\.id) == ["neck-amino-deep"])
        query.ingredients = ["sodium hyaluronat"]
        #expect(registry.unknownValues(in: query).map(\.description)
                == ["unknown ingredient 'sodium hyaluronat'; did you mean 'Sodium hyaluronate'?"])
        #expect(PreparationJSON.encode(registry.preparations).contains("\"id\": \"neck-hydration\""))
    }

    @Test func aPluginAndARuleOfAnotherToolPlanACourse() throws {
        let registry = try #require(CatalogueLoader().load(catalogueAt: clinic).registry)
        let host = try PluginHost().registering(NeckPlugin())
        #expect(host.ids == ["neck"])
        let start = try #require(CalendarDate("2026-01-05"))
        let outcome = try host.plan("neck", CourseRequest(concern: "neck-lines", start: start), using: registry)
        let course = try #require(outcome.course)
        #expect(course.preparation.id == "neck-hydration")
        #expect(course.sessions.map(\.date.description) == ["2026-01-05", "2026-01-19", "2026-02-02"])
        #expect(course.appliedRules == ["clinic-shallow-neck"])
        #expect(course.excluded.map(\.preparation) == ["neck-amino-deep"])
        #expect(course.warnings.contains("photograph the neck before the first session [clinic-shallow-neck]"))
        #expect(CourseJSON.render(course).contains("\"neck-hydration\""))
    }

    @Test func theBundledAreaPluginsAndTheirRulesThroughOneSymbol() throws {
        let registry = try #require(CatalogueLoader().loadBundled().registry)
        let host = try PluginHost(areaPlugins).registering(NeckPlugin())
        #expect(host.ids == ["face", "scalp", "body", "scar", "neck"])
        // A standard rule, reused by a plugin of another tool through the protocol.
        let periorbital = areaPlugins.flatMap(\.rules).filter { $0.id == "periorbital-superficial-only" }
        #expect(periorbital.count == 1)
        let start = try #require(CalendarDate("2026-01-05"))
        let outcome = try host.plan("face", CourseRequest(concern: "dehydration", start: start), using: registry)
        #expect(outcome.course?.preparation.id == "lightly-crosslinked-ha-booster")
        #expect(outcome.course?.sessions.map(\.date.description) == ["2026-01-05", "2026-02-02", "2026-03-02"])
    }

    @Test func aSecondPluginWithTheSameIDIsRefused() throws {
        let host = try PluginHost([NeckPlugin()])
        #expect(throws: PluginRegistrationError.self) { try host.registering(NeckPlugin()) }
    }
}
