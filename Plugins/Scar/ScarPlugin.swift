import PreparationRegistry

/// The scar plugin: courses for the indications the catalogue's vocabulary marks
/// `scar: true` (acne, atrophic and hypertrophic scars, keloids, stretch marks in the bundled
/// catalogue), in any region: scars are not an area. With `--region`, only preparations used
/// in that region qualify. The surface given is the scar's. Its rules: an assessment of the
/// scar at every session (``assessmentEachSession``) and a warning for a patient prone to
/// keloids (``keloidTendency``).
package struct ScarPlugin: CoursePlugin {
    /// Creates the plugin.
    package init() {}

    /// The start date of the plugin's examples and its rules' examples.
    static let exampleStart = CalendarDate(year: 2026, month: 10, day: 5) ?? .first

    /// The plugin's id, the area word of `catalog course` (`scar`).
    package var id: String { "scar" }
    /// One line about the plugin, for `catalog plugins`.
    package var summary: String { "Scar and stretch-mark courses, in any region" }
    /// The regions the plugin plans courses in.
    package var regions: [Region] { Region.allCases }

    /// Only the indications marked `scar: true`.
    package func serves(_ indication: String, in vocabulary: Vocabulary) -> Bool {
        vocabulary.indications[indication]?.isScar ?? false
    }

    /// What is particular to this plugin, for `catalog plugins`.
    package var particulars: [String] {
        ["plans only the indications the vocabulary marks 'scar: true', in every region; a surface given is the scar's"]
    }

    /// The area's planning rules, in the order they act.
    package var rules: [PlanningRule] {
        // A scar lies in a region: the rules of the face's and the body's regions apply to it
        // too (each acts only for its regions: around the eyes, under the chin, the body's);
        // the plasma rule holds wherever the patient's own plasma is injected.
        [Self.assessmentEachSession, Self.keloidTendency, Self.corticosteroidLimits, Self.corticosteroidAllergy, FacePlugin.periorbitalSuperficialOnly, FacePlugin.submentalJawLine,
         FacePlugin.deoxycholicLabel, BodyPlugin.lipolysisLimits,
         BodyPlugin.infectionFollowUp, BodyPlugin.anaestheticSurface, ScalpPlugin.plasmaNSAIDHold, ScalpPlugin.plasmaLimits, BodyPlugin.localAnaestheticAllergy]
    }

    /// Requests with the preparation and dates expected from the bundled catalogue (run as tests).
    package var examples: [PluginExample] {
        let start = Self.exampleStart
        return [
            PluginExample(
                title: "Keloids: the enzymatic course, three sessions a week apart",
                request: CourseRequest(concern: "keloids", start: start),
                expectedPreparation: "raised-scar-enzymatic",
                expectedDates: ["2026-10-05", "2026-10-12", "2026-10-19"]),
            PluginExample(
                title: "Keloids in a patient prone to them: the same course, with a warning to needle only within the scar",
                request: CourseRequest(concern: "keloids", conditions: ["keloid-tendency"], start: start),
                expectedPreparation: "raised-scar-enzymatic",
                expectedDates: ["2026-10-05", "2026-10-12", "2026-10-19"]),
            PluginExample(
                title: "Acne scars on the back: plasma, written for acne scars first, three sessions 4-6 weeks apart",
                request: CourseRequest(concern: "acne-scars", region: .back, start: start),
                expectedPreparation: "plasma-acne-scars",
                expectedDates: ["2026-10-05", "2026-11-02", "2026-11-30"]),
            PluginExample(
                title: "Stretch marks on the thighs: four sessions, then maintenance every two months",
                request: CourseRequest(concern: "stretch-marks", region: .thighs, start: start, horizon: Quantity(6, .month)),
                expectedPreparation: "stretch-mark-cocktail",
                expectedDates: ["2026-10-05", "2026-10-19", "2026-11-02", "2026-11-16", "2027-01-16", "2027-03-16"]),
        ]
    }
}

extension CourseDraft {
    /// True when the course treats a scar: its concern is an indication the vocabulary marks
    /// `scar: true`. The scar rules act only then, in whichever plugin plans the course.
    var treatsScar: Bool { vocabulary.indications[request.concern]?.isScar ?? false }
}
