import PreparationRegistry

/// The body plugin: courses on the arms, hands, abdomen, flanks, back, buttocks, thighs and
/// knees. Body preparations differ by region (a lipolytic used on the abdomen is not used on
/// the hands), so a request must name its regions (one or more, treated together), and only
/// preparations used in each qualify; the session's volume cap counts all of them together.
/// Its rules: a follow-up 3-4 weeks after every session for late infections
/// (``infectionFollowUp``), an assessment 8 weeks after the last session of an injection
/// lipolysis (``lipolysisAssessment``) and a warning above 600 cm² of topical anaesthetic
/// (``anaestheticSurface``).
package struct BodyPlugin: CoursePlugin {
    /// Creates the plugin.
    package init() {}

    /// The start date of the plugin's examples and its rules' examples.
    static let exampleStart = CalendarDate(year: 2026, month: 3, day: 2) ?? .first

    /// The plugin's id, the area word of `catalog course` (`body`).
    package var id: String { "body" }
    /// One line about the plugin, for `catalog plugins`.
    package var summary: String { "Body courses in the regions named (--region required)" }
    /// The regions the plugin plans courses in.
    package var regions: [Region] { Area.body.regions }
    /// True: a request must name at least one region (`--region`).
    package var needsRegion: Bool { true }
    /// What is particular to this plugin, for `catalog plugins`.
    package var particulars: [String] {
        ["needs --region: the regions treated together in each session, each with its surface for a dose"]
    }

    /// The area's planning rules, in the order they act.
    package var rules: [PlanningRule] {
        // The scar plugin's rules too, for the scar concerns this plugin also plans; and the
        // rules of a product, which hold wherever it is injected: the plasma rule, and the
        // deoxycholic acid label (which leaves the labelled product out of every body region).
        [Self.infectionFollowUp, Self.lipolysisAssessment, Self.lipolysisLimits, Self.anaestheticSurface, FacePlugin.deoxycholicLabel,
         ScarPlugin.assessmentEachSession, ScarPlugin.keloidTendency, ScarPlugin.corticosteroidLimits, ScarPlugin.corticosteroidAllergy, ScalpPlugin.plasmaNSAIDHold, ScalpPlugin.plasmaLimits, Self.localAnaestheticAllergy]
    }

    /// Requests with the preparation and dates expected from the bundled catalogue (run as tests).
    package var examples: [PluginExample] {
        let start = Self.exampleStart
        return [
            PluginExample(
                title: "Abdominal fat: the trial-backed phosphatidylcholine-deoxycholate, four sessions four weeks apart",
                request: CourseRequest(concern: "localized-fat", region: .abdomen, start: start),
                expectedPreparation: "phosphatidylcholine-deoxycholate-lipolysis",
                expectedDates: ["2026-03-02", "2026-03-30", "2026-04-27", "2026-05-25"]),
            PluginExample(
                title: "Soy allergy is a condition here: the carnitine-caffeine course, three sessions a week apart",
                request: CourseRequest(concern: "localized-fat", region: .abdomen, conditions: ["soy-allergy"], start: start),
                expectedPreparation: "carnitine-caffeine-localized-fat",
                expectedDates: ["2026-03-02", "2026-03-09", "2026-03-16"]),
            PluginExample(
                title: "Abdomen and flanks treated together, 700 cm²: the dose of each and of the session, above what a topical anaesthetic may cover",
                request: CourseRequest(concern: "localized-fat",
                                       regions: [TreatedRegion(.abdomen, surface: Surface("400cm2")),
                                                 TreatedRegion(.flanks, surface: Surface("15x20cm"))],
                                       start: start),
                expectedPreparation: "phosphatidylcholine-deoxycholate-lipolysis",
                expectedDates: ["2026-03-02", "2026-03-30", "2026-04-27", "2026-05-25"]),
            PluginExample(
                title: "Dehydrated hands",
                request: CourseRequest(concern: "dehydration", region: .hands, start: start, horizon: Quantity(6, .month)),
                expectedPreparation: "hand-rejuvenation-ha",
                expectedDates: ["2026-03-02", "2026-03-09", "2026-03-16", "2026-06-16"]),
        ]
    }
}
