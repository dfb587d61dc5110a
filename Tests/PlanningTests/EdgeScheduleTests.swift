import PreparationRegistry
import Testing

/// Scheduling edge cases found by the QA pass, on the `edges` fixture catalogue: mixed units,
/// repeating passes cut by the horizon, a zero lower bound, intervals under a day, the end of
/// the calendar.
@Suite struct EdgeScheduleTests {
    let registry: Registry

    init() throws { registry = try fixtureRegistry("edges") }

    private func plan(_ concern: String, _ region: Region, _ start: String, horizon: Quantity<DurationUnit> = CourseRequest.defaultHorizon) throws -> Course {
        try course("face", CourseRequest(concern: concern, region: region, start: day(start), horizon: horizon), in: registry)
    }

    @Test func mixedUnitsAreReadInDaysSoTheWindowIsNeverInverted() throws {
        // 30 days - 1 month from 1 February: calendar months gave 3 March to 1 March.
        let c = try plan("dehydration", .neck, "2026-02-01")
        #expect(c.sessions.map { "\($0.date) \($0.earliest) \($0.latest)" } == [
            "2026-02-01 2026-02-01 2026-02-01", "2026-03-03 2026-03-03 2026-03-03", "2026-04-02 2026-04-02 2026-04-02",
        ])
        let interval = DurationRange(min: Quantity(3, .day), max: Quantity(1, .month))
        #expect(try day("2026-01-31").window(after: interval) == (try day("2026-02-03"))...(try day("2026-03-02")))
        let months = DurationRange(min: Quantity(1, .month), max: Quantity(2, .month))
        #expect(try day("2024-12-31").window(after: months) == (try day("2025-01-31"))...(try day("2025-02-28")))
        #expect(try day("2024-01-31").window(after: months) == (try day("2024-02-29"))...(try day("2024-03-31")))
    }

    @Test func everyStartOfTwoYearsGivesSessionsInsideTheirWindowsAndNeverBeforeTheOneBefore() throws {
        let start = try day("2023-12-01")
        for offset in 0..<(2 * 366) {
            for (concern, region) in [("dehydration", Region.neck), ("laxity", .face), ("laxity", .periorbital), ("dehydration", .decolletage)] {
                let c = try course("face", CourseRequest(concern: concern, region: region, start: start.adding(days: offset), horizon: Quantity(1, .month)), in: registry)
                var previous: CalendarDate?
                for session in c.sessions {
                    #expect(session.earliest <= session.date && session.date <= session.latest, "\(c.preparation.id) \(session)")
                    if let previous { #expect(previous < session.date, "\(c.preparation.id) \(session)") }
                    previous = session.date
                }
            }
        }
    }

    @Test func aRepeatingPassCutByTheHorizonBelowItsCountIsDropped() throws {
        // Induction on 5 January, then passes of two sessions 3 days apart; horizon 15 January.
        let ten = try plan("laxity", .face, "2026-01-05", horizon: Quantity(10, .day))
        #expect(ten.sessions.map(\.date.description) == ["2026-01-05", "2026-01-08", "2026-01-11"])
        #expect(ten.warnings == [])
        let twelve = try plan("laxity", .face, "2026-01-05", horizon: Quantity(12, .day))
        #expect(twelve.sessions.map(\.date.description) == ["2026-01-05", "2026-01-08", "2026-01-11", "2026-01-14", "2026-01-17"])
        #expect(twelve.sessions.map(\.cycle) == [1, 1, 1, 2, 2])
    }

    @Test func aRepeatingPhaseBeyondAZeroHorizonIsNamedInAWarning() throws {
        let c = try plan("laxity", .face, "2026-01-05", horizon: Quantity(0, .day))
        #expect(c.sessions.map(\.date.description) == ["2026-01-05"])
        #expect(c.warnings == ["phase 'pairs' repeats, but no whole pass of it falls within the horizon (2026-01-05): it is not planned"])
    }

    @Test func aFirstPassThatTheHorizonCutsIsNotPlannedEither() throws {
        // Horizon 8 January: the pass would hold 8 January only, below its two sessions.
        let c = try plan("laxity", .face, "2026-01-05", horizon: Quantity(3, .day))
        #expect(c.sessions.map(\.date.description) == ["2026-01-05"])
        #expect(c.warnings == ["phase 'pairs' repeats, but no whole pass of it falls within the horizon (2026-01-08): it is not planned"])
    }

    @Test func theFirstPassOfTheCourseIsPlannedInFullEvenWithAZeroHorizon() throws {
        let c = try plan("laxity", .periorbital, "2026-01-05", horizon: Quantity(0, .day))
        #expect(c.sessions.map(\.date.description) == ["2026-01-05", "2026-01-06"])
        #expect(c.warnings == ["session 2 on 2026-01-06 falls after the horizon (2026-01-05); phases that do not repeat are planned in full"])
    }

    @Test func aZeroLowerBoundPlansTheNextDayAndKeepsRepeating() throws {
        let c = try plan("laxity", .periorbital, "2026-01-05", horizon: Quantity(3, .day))
        #expect(c.sessions.map(\.date.description) == ["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08"])
        #expect(c.sessions[1].earliest.description == "2026-01-05" && c.sessions[1].latest.description == "2026-01-19")
        #expect(c.warnings == [])
    }

    @Test func anIntervalUnderADayPlansOneDayAndRepeatsOnce() throws {
        let c = try plan("laxity", .submental, "2026-01-05", horizon: Quantity(100, .month))
        #expect(c.sessions.map(\.date.description) == ["2026-01-05", "2026-01-05", "2026-01-05"])
        #expect(c.warnings == ["phase 'passes' repeats at intervals under a day: it is planned once"])
    }

    @Test func theCalendarEndsOn9999_12_31() throws {
        let c = try plan("laxity", .face, "9999-12-27", horizon: Quantity(100, .month))
        #expect(c.request.horizonEnd == CalendarDate.last)
        #expect(c.sessions.map(\.date.description) == ["9999-12-27", "9999-12-30"])
        #expect(c.warnings == ["the course was cut at 9999-12-31, the last day the calendar holds"])
        #expect(try day("9999-12-01").adding(months: 1) == .last)
        #expect(try day("0001-01-05").adding(days: -10) == .first)
        #expect(try day("2026-01-05").adding(Quantity(1e300, .day)) == .last)
        #expect(CalendarDate.first.adding(Quantity(1e300, .day)) == .last)
        #expect(CalendarDate.first.window(after: DurationRange(min: Quantity(1e300, .day), max: Quantity(1e300, .day))) == nil)
    }

    @Test func longHorizonsAreBoundedBySessionLimit() throws {
        let c = try plan("laxity", .periorbital, "2026-01-05", horizon: Quantity(100_000, .month))
        #expect(c.sessions.count == Scheduler.sessionLimit)
        #expect(c.warnings == ["the course was cut at \(Scheduler.sessionLimit) sessions"])
    }
}
