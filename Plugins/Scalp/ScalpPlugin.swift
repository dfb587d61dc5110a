import PreparationRegistry

/// The scalp plugin: hair-loss courses on the scalp. Hair-loss protocols are long (an
/// induction of weekly or fortnightly sessions, then spaced maintenance that repeats) and are
/// judged only once the induction is complete, so this plugin plans the *upper* bound of every
/// phase's session count: the complete induction, then maintenance until the horizon. Its rule
/// (``assessmentVisits``) plans standardised photos and trichoscopy at baseline and about 3 and
/// 6 months, and starts maintenance only after the 3-month assessment; another
/// (``plasmaNSAIDHold``) warns a plasma course to hold NSAIDs before each session.
package struct ScalpPlugin: CoursePlugin {
    /// Creates the plugin.
    package init() {}

    /// The start date of the plugin's examples and its rules' examples.
    static let exampleStart = CalendarDate(year: 2026, month: 9, day: 7) ?? .first

    /// The plugin's id, the area word of `catalog course` (`scalp`).
    package var id: String { "scalp" }
    /// One line about the plugin, for `catalog plugins`.
    package var summary: String { "Scalp courses for hair loss: full induction, then maintenance" }
    /// The regions the plugin plans courses in.
    package var regions: [Region] { Area.scalp.regions }
    /// The most sessions of each phase's range: long hair-loss protocols are planned at their upper bound.
    package var sessionCounts: SessionCountChoice { .most }
    /// What is particular to this plugin, for `catalog plugins`.
    package var particulars: [String] {
        ["plans the most sessions each phase allows: hair-loss protocols are judged after the complete induction"]
    }

    /// The area's planning rules, in the order they act.
    package var rules: [PlanningRule] {
        // The rules of a product hold wherever it is injected (a corticosteroid for patchy
        // hair loss too: an outside review planned 40 mg/cm² weekly on the scalp without a word).
        [Self.assessmentVisits, Self.plasmaNSAIDHold, Self.plasmaLimits, FacePlugin.deoxycholicLabel, BodyPlugin.lipolysisLimits,
         ScarPlugin.corticosteroidLimits, ScarPlugin.corticosteroidAllergy, BodyPlugin.localAnaestheticAllergy]
    }

    /// Requests with the preparation and dates expected from the bundled catalogue (run as tests).
    package var examples: [PluginExample] {
        let start = Self.exampleStart
        return [
            PluginExample(
                title: "Pattern hair loss: the trial-backed dutasteride course, twelve sessions tapering from weekly to monthly",
                request: CourseRequest(concern: "androgenic-alopecia", start: start),
                expectedPreparation: "dutasteride-scalp",
                expectedDates: ["2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28", "2026-10-05", "2026-10-12",
                                "2026-10-19", "2026-10-26", "2026-11-09", "2026-11-23", "2026-12-21", "2027-01-18"]),
            PluginExample(
                title: "Patchy hair loss: plasma, three sessions, then maintenance every six months until the horizon",
                request: CourseRequest(concern: "patchy-hair-loss", start: start),
                expectedPreparation: "prp-scalp",
                expectedDates: ["2026-09-07", "2026-10-05", "2026-11-02", "2027-05-02"]),
            PluginExample(
                title: "Pregnancy rules out every hair-loss preparation of the bundled catalogue",
                request: CourseRequest(concern: "androgenic-alopecia", conditions: ["pregnancy"], start: start),
                expectedPreparation: nil),
        ]
    }
}
