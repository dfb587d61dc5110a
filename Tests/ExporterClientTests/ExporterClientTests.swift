import AreaPlugins
import Exporters
import Foundation
import PreparationRegistry
import Testing

/// The course writers used as another tool would: plain `import Exporters`, public API only.
@Suite struct ExporterClientTests {
    func course() throws -> Course {
        let registry = try #require(CatalogueLoader().loadBundled().registry)
        let start = try #require(CalendarDate("2026-01-05"))
        let outcome = try FacePlugin().plan(CourseRequest(concern: "double-chin", regions: [try TreatedRegion.parse("submental:40cm2")],
                                                          start: start), using: registry)
        return try #require(outcome.course)
    }

    @Test func oneCallWritesJSON() throws {
        let text = CourseJSON.render(try course())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["preparation"] as? String == "deoxycholic-acid-submental")
        #expect(object["note"] as? String == Course.disclaimer)
    }

    @Test func oneCallWritesACalendar() throws {
        let text = CourseICS.render(try course(), stamp: CourseICS.stamp(secondsSinceEpoch: 1_764_028_800))
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n"))
        #expect(text.contains("DTSTAMP:20251125T000000Z\r\n"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
    }

    @Test func oneCallWritesAFHIRBundle() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(CourseFHIR.render(try course()).utf8)) as? [String: Any])
        #expect(object["resourceType"] as? String == "Bundle")
    }
}
