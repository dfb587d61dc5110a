import PreparationRegistry
import Testing

/// Every example a plugin gives of itself runs against the bundled catalogue.
@Suite struct PluginExampleTests {
    static let examples: [(plugin: String, example: PluginExample)] = {
        guard let host = try? standardHost() else { return [] }
        return host.plugins.flatMap { plugin in plugin.examples.map { (plugin.id, $0) } }
    }()

    @Test func everyPluginHasExamples() throws {
        for plugin in try standardHost().plugins {
            #expect(plugin.examples.count >= 2, "\(plugin.id)")
        }
    }

    @Test(arguments: examples.indices)
    func example(_ index: Int) throws {
        let (pluginID, example) = Self.examples[index]
        let registry = try #require(bundledRegistry)
        let outcome = try standardHost().plan(pluginID, example.request, using: registry)
        if let expected = example.expectedPreparation {
            let course = try #require(outcome.course, "\(pluginID): \(example.title): \(outcome.refusal?.description ?? "")")
            #expect(course.preparation.id == expected, "\(pluginID): \(example.title)")
            #expect(course.sessions.map(\.date.description) == example.expectedDates, "\(pluginID): \(example.title)")
        } else {
            let refusal = try #require(outcome.refusal, "\(pluginID): \(example.title) should be refused")
            #expect(!refusal.excluded.isEmpty)
        }
    }
}
