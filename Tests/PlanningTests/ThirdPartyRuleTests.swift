import AreaPlugins
import PreparationRegistry
import Testing

/// The README's example of a rule written by another tool, as it is written there.
let noSummerStart = PlanningRule(
    id: "no-summer-start", area: "eyes",
    rationale: "Our clinic starts no periorbital course in summer.",
    source: "Clinic protocol 7",
    triggeringExamples: [.init("A July start", CourseRequest(concern: "dark-circles", start: CalendarDate("2026-07-01")!))],
    nonTriggeringExamples: [.init("A January start", CourseRequest(concern: "dark-circles", start: CalendarDate("2026-01-05")!))],
    amends: { draft in
        if draft.request.start.month >= 6 && draft.request.start.month <= 8 {
            draft.warnings.append("our clinic starts no periorbital course in summer [no-summer-start]")
        }
    })

struct EyeAreaPluginWithRules: CoursePlugin {
    var id: String { "eyes" }
    var summary: String { "Courses around the eyes only" }
    var regions: [Region] { [.periorbital] }
    var rules: [PlanningRule] { [FacePlugin.periorbitalSuperficialOnly, noSummerStart] }
}

@Suite struct ThirdPartyRuleTests {
    @Test func aRuleOfAnotherToolRunsLikeTheAreasOwn() throws {
        let host = try standardHost().registering(EyeAreaPluginWithRules())
        let registry = try #require(bundledRegistry)
        // Without --region the course is for the plugin's one region, so the periorbital rule
        // applies too (Candidates.ruleRequest).
        for example in noSummerStart.triggeringExamples {
            #expect(try host.plan("eyes", example.request, using: registry).course?.appliedRules
                    == ["periorbital-superficial-only", "no-summer-start"])
        }
        for example in noSummerStart.nonTriggeringExamples {
            #expect(try host.plan("eyes", example.request, using: registry).course?.appliedRules
                    == ["periorbital-superficial-only"])
        }
    }
}
