// Another tool's use of the libraries, compiled WITHOUT package access (`packageAccess: false`
// in Package.swift) and without `@testable`: if this target builds, the public API is enough to
// load a catalogue, read its diagnostics, query it, register a plugin and a planning rule of
// one's own, plan a course and export it as `catalog course` does (JSON, iCalendar, FHIR), with
// the bundled area plugins beside it.
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
        #expect(periorbital.count == 2)  // the face plugin's, shared by the scar plugin
        let start = try #require(CalendarDate("2026-01-05"))
        let outcome = try host.plan("face", CourseRequest(concern: "dehydration", start: start), using: registry)
        #expect(outcome.course?.preparation.id == "lightly-crosslinked-ha-booster")
        #expect(outcome.course?.sessions.map(\.date.description) == ["2026-01-05", "2026-02-02", "2026-03-02"])
    }

    @Test func aBundledCourseExportsAsICSAndFHIR() throws {
        let registry = try #require(CatalogueLoader().loadBundled().registry)
        let start = try #require(CalendarDate("2026-01-05"))
        let outcome = try PluginHost(areaPlugins).plan("face", CourseRequest(concern: "dehydration", start: start), using: registry)
        let course = try #require(outcome.course)
        let events = course.sessions.count + course.visits.count
        #expect(course.sessions.count == 3)

        // iCalendar: one all-day VEVENT per session and per visit, CRLF lines of at most 75 octets.
        let stamp = CourseICS.stamp(secondsSinceEpoch: 1_767_571_200)
        #expect(stamp == "20260105T000000Z")
        let ics = CourseICS.render(course, stamp: stamp, patient: "Patient/123")
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        let lines = ics.components(separatedBy: "\r\n").dropLast()
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == events)
        #expect(lines.filter { $0 == "END:VEVENT" }.count == events)
        #expect(lines.filter { $0 == "DTSTAMP:" + stamp }.count == events)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") })
        for session in course.sessions {
            let day = session.date.description.replacingOccurrences(of: "-", with: "")
            #expect(lines.contains("DTSTART;VALUE=DATE:" + day), "session \(session.number)")
        }
        #expect(CourseICS.render(course, stamp: stamp, patient: "Patient/123") == ics)
        #expect(CourseICS.render(course, stamp: stamp, patient: "Patient/456") != ics)

        // FHIR R4: a collection Bundle, the CarePlan first, then one ServiceRequest per session
        // and per visit, each at a urn:uuid: URL.
        let fhir = CourseFHIR.render(course, options: .init(patient: "Patient/123"))
        let bundle = try #require(try JSONSerialization.jsonObject(with: Data(fhir.utf8)) as? [String: Any])
        #expect(bundle["resourceType"] as? String == "Bundle")
        #expect(bundle["type"] as? String == "collection")
        let entries = try #require(bundle["entry"] as? [[String: Any]])
        let resources = entries.compactMap { $0["resource"] as? [String: Any] }
        #expect(resources.map { $0["resourceType"] as? String }
                == ["CarePlan"] + Array(repeating: "ServiceRequest", count: events))
        #expect(entries.allSatisfy { ($0["fullUrl"] as? String)?.hasPrefix("urn:uuid:") == true && $0["request"] == nil })
        #expect(resources.allSatisfy { ($0["subject"] as? [String: Any])?["reference"] as? String == "Patient/123" })
        #expect(resources.first?["status"] as? String == "draft" && resources.first?["intent"] as? String == "proposal")
        #expect(CourseFHIR.render(course, options: .init(patient: "Patient/123")) == fhir)

        // A transaction Bundle: each entry POSTs its resource.
        let transaction = CourseFHIR.render(course, options: .init(bundleType: .transaction))
        let posted = try #require(try JSONSerialization.jsonObject(with: Data(transaction.utf8)) as? [String: Any])
        #expect(posted["type"] as? String == "transaction")
        let requests = try #require(posted["entry"] as? [[String: Any]]).compactMap { $0["request"] as? [String: String] }
        #expect(requests.map { $0["method"] } == Array(repeating: "POST", count: events + 1))
        #expect(requests.first?["url"] == "CarePlan")
    }

    @Test func aSecondPluginWithTheSameIDIsRefused() throws {
        let host = try PluginHost([NeckPlugin()])
        #expect(throws: PluginRegistrationError.self) { try host.registering(NeckPlugin()) }
    }
}
