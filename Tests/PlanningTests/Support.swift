import AreaPlugins
import Foundation
import PreparationRegistry
import Testing

/// The folder of this test target's fixture catalogues.
let fixturesURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// The registry of the fixture catalogue `name`; fails the test when it does not load.
func fixtureRegistry(_ name: String) throws -> Registry {
    let result = CatalogueLoader().load(catalogueAt: fixturesURL.appendingPathComponent(name).path)
    return try #require(result.registry, "fixture \(name): \(result.diagnostics.map(\.rendered))")
}

/// The bundled catalogue's registry, loaded once.
let bundledRegistry: Registry? = CatalogueLoader().loadBundled().registry

/// The registry an example of a rule is planned on: the bundled catalogue, with the example's
/// own preparations as a later layer when it gives some.
func registry(for example: PlanningRule.Example) throws -> Registry {
    guard !example.preparations.isEmpty else { return try #require(bundledRegistry) }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rule-example-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let files = folder.appendingPathComponent("preparations")
    try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
    for (index, text) in example.preparations.enumerated() {
        try text.write(to: files.appendingPathComponent("example-\(index).yaml"), atomically: true, encoding: .utf8)
    }
    let result = CatalogueLoader().load(layers: [.bundled, .folder(folder.path)])
    return try #require(result.registry, "\(example.title): \(result.diagnostics.map(\.rendered))")
}

/// The four area plugins, as `catalog` registers them.
func standardHost() throws -> PluginHost {
    try PluginHost([FacePlugin(), ScalpPlugin(), BodyPlugin(), ScarPlugin()])
}

/// `YYYY-MM-DD` as a date; fails the test for a bad literal.
func day(_ text: String) throws -> CalendarDate {
    try #require(CalendarDate(text))
}

/// Plans with the standard plugin `area`; the course, or a failed test.
func course(_ area: String, _ request: CourseRequest, in registry: Registry) throws -> Course {
    let outcome = try standardHost().plan(area, request, using: registry)
    return try #require(outcome.course, "expected a course, got \(outcome.refusal?.description ?? "")")
}

/// The error message a request gives, or nil when it plans.
func requestError(_ area: String, _ request: CourseRequest, in registry: Registry) throws -> String? {
    let host = try standardHost()
    do {
        _ = try host.plan(area, request, using: registry)
        return nil
    } catch {
        return error.message
    }
}

/// A course's warnings without those of the plugins' planning rules (which end with their
/// rule id in brackets): what the scheduler and the screening said.
func scheduleWarnings(_ course: Course) -> [String] {
    course.warnings.filter { warning in !course.appliedRules.contains { warning.hasSuffix("[\($0)]") } }
}
