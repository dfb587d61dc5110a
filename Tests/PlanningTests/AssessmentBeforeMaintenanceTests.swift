@testable import AreaPlugins
import PreparationRegistry
import Testing

/// The lipolysis assessment comes 8 weeks after the treatment, not after its maintenance
/// (fixture `lipolysis-maintenance`, from an outside clinician review).
@Suite struct LipolysisAssessmentTests {
    @Test func theAssessmentFollowsTheTreatmentAndNamesTheSessionsBeforeIt() throws {
        let registry = try fixtureRegistry("lipolysis-maintenance")
        let request = CourseRequest(concern: "localized-fat", regions: [TreatedRegion(.abdomen)], start: try day("2026-03-02"),
                                    horizon: Quantity(8, .month))
        let c = try course("body", request, in: registry)
        let assessment = try #require(c.visits.first { $0.rule == "body-lipolysis-assessment" })
        #expect(assessment.purpose == "assess the result 8 weeks after the last session (session 4), before planning more")
        #expect(assessment.date == c.sessions[3].date.adding(days: 56))
        let early = c.sessions.filter { $0.number > 4 && $0.date < assessment.date }
        #expect(!early.isEmpty)
        for session in early {
            #expect(session.notes.contains("comes before the assessment of \(assessment.date): give it only once the result is judged [body-lipolysis-assessment]"))
        }
        #expect(c.warnings.contains { $0.hasPrefix("session") && $0.contains("falls before the assessment of \(assessment.date), 8 weeks after the last session of the treatment (session 4)") })
    }
}

/// A lipolysis of one repeating phase is assessed after its first round (fixture
/// `lipolysis-one-phase`, from an outside re-check: 40 sittings before the first assessment).
@Suite struct LipolysisOnePhaseTests {
    @Test func theFirstRoundIsTheTreatment() throws {
        let registry = try fixtureRegistry("lipolysis-one-phase")
        let request = CourseRequest(concern: "localized-fat", regions: [TreatedRegion(.abdomen)], start: try day("2026-03-02"),
                                    horizon: Quantity(12, .month))
        let c = try course("body", request, in: registry)
        let assessment = try #require(c.visits.first { $0.rule == "body-lipolysis-assessment" })
        #expect(assessment.purpose == "assess the result 8 weeks after the last session (session 4), before planning more")
    }
}

/// Scalp maintenance sessions that fall before the 3-month assessment are each named (fixture
/// `scalp-maintenance`, from an outside clinician review).
@Suite struct ScalpMaintenanceTests {
    @Test func everyMaintenanceSessionBeforeTheAssessmentIsNamed() throws {
        let registry = try fixtureRegistry("scalp-maintenance")
        let request = CourseRequest(concern: "diffuse-hair-loss", start: try day("2026-03-02"), horizon: Quantity(5, .month))
        let c = try course("scalp", request, in: registry)
        let assessment = try day("2026-06-02")
        let maintenance = c.sessions.filter { $0.phase == "maintenance" && $0.date < assessment }
        #expect(maintenance.map(\.number) == [4, 5, 6, 7, 8])
        for session in maintenance.dropFirst() {
            #expect(session.notes == ["before the 3-month assessment (2026-06-02): give it only if the practitioner accepts maintenance before the response is judged [scalp-assessment-visits]"])
        }
        #expect(c.warnings.contains { $0.hasPrefix("sessions 4-8 of phase 'maintenance' all fall before the 3-month assessment (2026-06-02)") })
    }
}

/// A scalp protocol without a maintenance phase goes on past the 3-month assessment only on a
/// response (fixture `scalp-one-phase`: one monthly phase repeating for a year).
@Suite struct ScalpOnePhaseTests {
    @Test func theFirstSessionAfterTheAssessmentIsTheDecisionPoint() throws {
        let registry = try fixtureRegistry("scalp-one-phase")
        let request = CourseRequest(concern: "diffuse-hair-loss", start: try day("2026-03-02"), horizon: Quantity(12, .month))
        let c = try course("scalp", request, in: registry)
        let assessment = try day("2026-06-02")
        let visit = try #require(c.visits.first { $0.rule == "scalp-assessment-visits" && $0.date == assessment })
        #expect(visit.purpose == "standardised photos and trichoscopy at about 3 months: the response to the course; "
                + "the course goes on only if hair loss has responded")
        let noted = c.sessions.filter { !$0.notes.isEmpty }
        #expect(noted.count == 1)
        let first = try #require(noted.first)
        #expect(first.date > assessment)
        #expect(c.sessions.filter { $0.date <= assessment }.count == first.number - 1)
        #expect(first.notes == ["decision point: the course goes on past the 3-month assessment (2026-06-02) only if it shows a response [scalp-assessment-visits]"])
    }

    @Test func aCourseEndingBeforeTheAssessmentHasNoDecisionPoint() throws {
        let registry = try fixtureRegistry("scalp-one-phase")
        let request = CourseRequest(concern: "diffuse-hair-loss", start: try day("2026-03-02"), horizon: Quantity(2, .month))
        let c = try course("scalp", request, in: registry)
        #expect(c.sessions.allSatisfy { $0.notes.isEmpty })
        #expect(!c.visits.contains { $0.purpose.contains("goes on") })
    }
}
