import PreparationRegistry
import Testing

/// A plugin another tool might write, using nothing but the public API of PreparationRegistry:
/// eye-area courses that always plan the complete course.
struct EyeAreaPlugin: CoursePlugin {
    var id: String { "eyes" }
    var summary: String { "Courses around the eyes only" }
    var regions: [Region] { [.periorbital] }
    var sessionCounts: SessionCountChoice { .most }
}

/// A plugin with its own planning: it refuses everything, naming every preparation.
struct CautiousPlugin: CoursePlugin {
    var id: String
    var summary: String { "Plans nothing" }
    var regions: [Region] { Region.allCases }

    func plan(_ request: CourseRequest, using registry: Registry) throws(CourseRequestError) -> CourseOutcome {
        .refused(CourseRefusal(plugin: id, request: request,
                               excluded: registry.preparations.map { Exclusion(preparation: $0.id, reasons: ["not trusted"]) }))
    }
}

@Suite struct PluginHostTests {
    @Test func aToolRegistersItsOwnPlugin() throws {
        let host = try standardHost().registering(EyeAreaPlugin())
        #expect(host.ids == ["face", "scalp", "body", "scar", "eyes"])
        let registry = try #require(bundledRegistry)
        let outcome = try host.plan("eyes", CourseRequest(concern: "dark-circles", start: try day("2026-01-05")), using: registry)
        let c = try #require(outcome.course)
        #expect(c.plugin == "eyes")
        #expect(c.preparation.id == "polynucleotide-periorbital")
        // `most`: three induction sessions two weeks apart, then maintenance every 6-12 months.
        #expect(c.sessions.map(\.date.description) == ["2026-01-05", "2026-01-19", "2026-02-02", "2026-08-02"])
        let custom = try host.registering(CautiousPlugin(id: "cautious"))
        let refusal = try #require(try custom.plan("cautious", CourseRequest(concern: "dehydration", start: try day("2026-01-05")),
                                                   using: registry).refusal)
        #expect(refusal.excluded.count == registry.count)
    }

    @Test func twoPluginsWithOneIdAreRefused() throws {
        var host = try standardHost()
        #expect(throws: PluginRegistrationError("a plugin with id 'face' is already registered")) {
            try host.register(CautiousPlugin(id: "face"))
        }
        #expect(host.ids == ["face", "scalp", "body", "scar"])
        #expect(throws: PluginRegistrationError("a plugin with id 'eyes' is already registered")) {
            _ = try PluginHost([EyeAreaPlugin(), EyeAreaPlugin()])
        }
        #expect(throws: PluginRegistrationError("plugin id 'Eyes' is not a slug (lower-case letters and digits, joined by single hyphens)")) {
            try host.register(CautiousPlugin(id: "Eyes"))
        }
        // The one slug check, and ids of at most 64 characters, as a preparation's.
        for bad in ["-eyes", "eyes-", "ey--es", "", "é"] {
            #expect(throws: PluginRegistrationError("plugin id '\(bad)' is not a slug (lower-case letters and digits, joined by single hyphens)")) {
                try host.register(CautiousPlugin(id: bad))
            }
        }
        let long = String(repeating: "e", count: 65)
        #expect(throws: PluginRegistrationError("plugin id '\(long)' is not a slug (lower-case letters and digits, joined by single hyphens)")) {
            try host.register(CautiousPlugin(id: long))
        }
        try host.register(CautiousPlugin(id: String(repeating: "e", count: 64)))
    }

    @Test func hostsAreIndependentValues() throws {
        let base = try standardHost()
        let extended = try base.registering(EyeAreaPlugin())
        #expect(base.plugin(id: "eyes") == nil)
        #expect(extended.plugin(id: "eyes")?.summary == "Courses around the eyes only")
    }

    @Test func courseOutputIsTheSameOnEveryRun() throws {
        let registry = try #require(bundledRegistry)
        let request = CourseRequest(concern: "dehydration", conditions: ["pregnancy"], allergies: ["vitamin"],
                                    start: try day("2026-06-01"))
        let first = try standardHost().plan("face", request, using: registry)
        for _ in 0..<3 {
            #expect(try standardHost().plan("face", request, using: registry) == first)
        }
    }
}
