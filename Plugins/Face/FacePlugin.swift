import PreparationRegistry

/// The face plugin: courses in the face, periorbital, submental, neck and décolletage regions,
/// for any concern a preparation of those regions lists. Without `--region` it considers
/// every face region; with several (`--region face --region neck`), the preparation must be
/// used in each. Its rules: superficial work only around the eyes
/// (``periorbitalSuperficialOnly``) and the no-injection zone along the jaw under the chin
/// (``submentalJawLine``). Counts: the lower bound of each range.
package struct FacePlugin: CoursePlugin {
    /// Creates the plugin.
    package init() {}

    /// The start date of the plugin's examples and its rules' examples.
    static let exampleStart = CalendarDate(year: 2026, month: 1, day: 5) ?? .first

    /// The plugin's id, the area word of `catalog course` (`face`).
    package var id: String { "face" }
    /// One line about the plugin, for `catalog plugins`.
    package var summary: String { "Face, periorbital, submental, neck and décolletage courses" }
    /// The regions the plugin plans courses in.
    package var regions: [Region] { Area.face.regions }
    /// What is particular to this plugin, for `catalog plugins`.
    package var particulars: [String] {
        ["without --region, the course is for every face region the preparation is used in, and the rules of each apply; with regions, only preparations used in every one"]
    }

    /// The area's planning rules, in the order they act.
    package var rules: [PlanningRule] {
        // The scar plugin's rules too, for the scar concerns this plugin also plans; and the
        // rules of a product, which hold wherever it is injected: the plasma rule, and the
        // injection-lipolysis limits (a mixture under the chin is held to them too).
        [Self.periorbitalSuperficialOnly, Self.submentalJawLine, Self.deoxycholicLabel, BodyPlugin.lipolysisLimits,
         ScarPlugin.assessmentEachSession, ScarPlugin.keloidTendency, ScarPlugin.corticosteroidLimits, ScarPlugin.corticosteroidAllergy, ScalpPlugin.plasmaNSAIDHold, ScalpPlugin.plasmaLimits, BodyPlugin.localAnaestheticAllergy]
    }

    /// Requests with the preparation and dates expected from the bundled catalogue (run as tests).
    package var examples: [PluginExample] {
        let start = Self.exampleStart
        return [
            PluginExample(
                title: "Dehydrated facial skin: the best-backed booster, three sessions four weeks apart",
                request: CourseRequest(concern: "dehydration", start: start),
                expectedPreparation: "lightly-crosslinked-ha-booster",
                expectedDates: ["2026-01-05", "2026-02-02", "2026-03-02"]),
            PluginExample(
                title: "A hyaluronic-acid allergy rules out every dehydration preparation",
                request: CourseRequest(concern: "dehydration", allergies: ["hyaluronic-acid"], start: start),
                expectedPreparation: nil),
            PluginExample(
                title: "Periorbital lines: two sessions two weeks apart, then maintenance every 6-12 months",
                request: CourseRequest(concern: "wrinkles", region: .periorbital, start: start),
                expectedPreparation: "polynucleotide-periorbital",
                expectedDates: ["2026-01-05", "2026-01-19", "2026-07-19"]),
            PluginExample(
                title: "Pigmentation from May: twelve weekly sessions, with warnings for those in summer",
                request: CourseRequest(concern: "pigmentation", start: CalendarDate(year: 2026, month: 5, day: 4)!),
                expectedPreparation: "tranexamic-acid-brightening",
                expectedDates: ["2026-05-04", "2026-05-11", "2026-05-18", "2026-05-25", "2026-06-01", "2026-06-08",
                                "2026-06-15", "2026-06-22", "2026-06-29", "2026-07-06", "2026-07-13", "2026-07-20"]),
            PluginExample(
                title: "Submental fat: the labelled deoxycholic acid, one session at the fewest",
                request: CourseRequest(concern: "double-chin", region: .submental, start: start),
                expectedPreparation: "deoxycholic-acid-submental",
                expectedDates: ["2026-01-05"]),
            PluginExample(
                title: "Pregnancy rules out every dark-circle preparation",
                request: CourseRequest(concern: "dark-circles", region: .periorbital, conditions: ["pregnancy"], start: start),
                expectedPreparation: nil),
        ]
    }
}
