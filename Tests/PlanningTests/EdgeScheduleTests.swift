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
        #expect(scheduleWarnings(c) == ["phase 'pairs' repeats, but no whole pass of it falls within the horizon (2026-01-05): it is not planned"])
    }

    @Test func aFirstPassThatTheHorizonCutsIsNotPlannedEither() throws {
        // Horizon 8 January: the pass would hold 8 January only, below its two sessions.
        let c = try plan("laxity", .face, "2026-01-05", horizon: Quantity(3, .day))
        #expect(c.sessions.map(\.date.description) == ["2026-01-05"])
        #expect(scheduleWarnings(c) == ["phase 'pairs' repeats, but no whole pass of it falls within the horizon (2026-01-08): it is not planned"])
    }

    @Test func theFirstPassOfTheCourseIsPlannedInFullEvenWithAZeroHorizon() throws {
        let c = try plan("laxity", .periorbital, "2026-01-05", horizon: Quantity(0, .day))
        #expect(c.sessions.map(\.date.description) == ["2026-01-05", "2026-01-06"])
        #expect(scheduleWarnings(c) == ["session 2 on 2026-01-06 falls after the horizon (2026-01-05); phases that do not repeat are planned in full"])
    }

    @Test func aZeroLowerBoundPlansTheNextDayAndKeepsRepeating() throws {
        let c = try plan("laxity", .periorbital, "2026-01-05", horizon: Quantity(3, .day))
        #expect(c.sessions.map(\.date.description) == ["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08"])
        #expect(c.sessions[1].earliest.description == "2026-01-05" && c.sessions[1].latest.description == "2026-01-19")
        #expect(scheduleWarnings(c) == [])
    }

    @Test func anIntervalUnderADayPlansOneDayAndRepeatsOnce() throws {
        let c = try plan("laxity", .submental, "2026-01-05", horizon: Quantity(100, .month))
        #expect(c.sessions.map(\.date.description) == ["2026-01-05", "2026-01-05", "2026-01-05"])
        #expect(scheduleWarnings(c) == ["phase 'passes' repeats at intervals under a day: it is planned once"])
    }

    @Test func theCalendarEndsOn9999_12_31() throws {
        // The horizon, kept within the calendar, stops the repeating pairs before the calendar
        // does: 9999-12-30 alone would be a pass below its two sessions.
        let c = try plan("laxity", .face, "9999-12-27", horizon: Quantity(100, .month))
        #expect(c.request.horizonEnd == CalendarDate.last)
        #expect(c.sessions.map(\.date.description) == ["9999-12-27"])
        #expect(scheduleWarnings(c) == ["phase 'pairs' repeats, but no whole pass of it falls within the horizon (9999-12-31): it is not planned"])
        #expect(c.isComplete)
        #expect(try day("9999-12-01").adding(months: 1) == .last)
        #expect(try day("0001-01-05").adding(days: -10) == .first)
        #expect(try day("2026-01-05").adding(Quantity(1e300, .day)) == .last)
        #expect(CalendarDate.first.adding(Quantity(1e300, .day)) == .last)
        #expect(CalendarDate.first.window(after: DurationRange(min: Quantity(1e300, .day), max: Quantity(1e300, .day))) == nil)
    }

    @Test func aZeroLowerBoundAtTheCalendarEndNeverPlansTwoSessionsOnItsLastDay() throws {
        let c = try plan("laxity", .periorbital, "9999-12-30", horizon: Quantity(1, .month))
        #expect(c.sessions.map(\.date.description) == ["9999-12-30", "9999-12-31"])
        #expect(scheduleWarnings(c) == [])
        #expect(c.isComplete)
    }

    @Test func longHorizonsAreBoundedBySessionLimit() throws {
        let c = try plan("laxity", .periorbital, "2026-01-05", horizon: Quantity(100_000, .month))
        #expect(c.sessions.count == Scheduler.sessionLimit)
        #expect(scheduleWarnings(c) == ["the course was cut at \(Scheduler.sessionLimit) sessions"])
        #expect(!c.isComplete)
    }

    // MARK: - The cap and the calendar's end, tested after the horizon

    private static let daily = DurationRange(min: Quantity(1, .day), max: Quantity(1, .day))
    private static let start = CalendarDate(year: 2026, month: 1, day: 1)

    private func schedule(_ phases: [ProtocolPhase], from start: CalendarDate? = start, horizon: Quantity<DurationUnit>,
                          counts: SessionCountChoice = .fewest) throws -> Schedule {
        let request = CourseRequest(concern: "laxity", start: try #require(start), horizon: horizon)
        return Scheduler.schedule(phases, request: request, counts: counts)
    }

    @Test func aCourseOfExactly500SessionsIsWholeAndWithoutACutWarning() throws {
        // One session a day: the start, then 499 more within 499 days.
        let phases = [ProtocolPhase(name: "daily", sessions: CountRange(min: 1, max: 1), interval: Self.daily, repeats: true)]
        let whole = try schedule(phases, horizon: Quantity(499, .day))
        #expect(whole.sessions.count == 500)
        #expect(whole.warnings == [])
        #expect(whole.isComplete)
        let cut = try schedule(phases, horizon: Quantity(500, .day))
        #expect(cut.sessions.count == 500)
        #expect(cut.sessions.last?.date.description == "2027-05-15")
        #expect(cut.warnings == ["the course was cut at 500 sessions"])
        #expect(!cut.isComplete)
    }

    @Test func aLaterPassTheCapCutsBelowItsLowerBoundIsDropped() throws {
        // Passes of 3: 166 whole passes are 498 sessions; the 167th would hold only 2.
        let three = [ProtocolPhase(name: "threes", sessions: CountRange(min: 3, max: 3), interval: Self.daily, repeats: true)]
        let dropped = try schedule(three, horizon: Quantity(1000, .day))
        #expect(dropped.sessions.count == 498)
        #expect(dropped.sessions.last?.cycle == 166)
        #expect(dropped.warnings == ["the course was cut at 500 sessions"])
        #expect(!dropped.isComplete)
        // Passes of 2-3 planned at 3: the 167th pass keeps its 2 sessions, within the range.
        let twoToThree = [ProtocolPhase(name: "threes", sessions: CountRange(min: 2, max: 3), interval: Self.daily, repeats: true)]
        let kept = try schedule(twoToThree, horizon: Quantity(1000, .day), counts: .most)
        #expect(kept.sessions.count == 500)
        #expect(kept.sessions.suffix(2).map(\.cycle) == [167, 167])
        #expect(kept.warnings == ["the course was cut at 500 sessions"])
        #expect(!kept.isComplete)
    }

    @Test func theHorizonDecidesOnAWholePassBeforeTheCapCutsIt() throws {
        // Passes of 6, one a day: 83 whole passes are 498 sessions (days 0-497); the 84th would
        // hold days 498-503, but the horizon (day 501) lets only 4 of them in: it is not part of
        // the course, so the cap does not cut it.
        let sixes = ProtocolPhase(name: "sixes", sessions: CountRange(min: 6, max: 6), interval: Self.daily, repeats: true)
        let whole = try schedule([sixes], horizon: Quantity(501, .day))
        #expect(whole.sessions.count == 498)
        #expect(whole.warnings == [])
        #expect(whole.isComplete)
        // A phase after it starts the day after day 497; the cap cuts it after 2 sessions.
        let after = ProtocolPhase(name: "after", sessions: CountRange(min: 3, max: 3), interval: Self.daily)
        let cut = try schedule([sixes, after], horizon: Quantity(501, .day))
        #expect(cut.sessions.suffix(3).map { "\($0.number) \($0.phase) \($0.date)" } == [
            "498 sixes 2027-05-13", "499 after 2027-05-14", "500 after 2027-05-15",
        ])
        #expect(cut.warnings == ["the course was cut at 500 sessions"])
        #expect(!cut.isComplete)
    }

    @Test func aRepeatingPhaseMeetsTheHorizonBeforeTheCalendarEnds() throws {
        let pairs = [ProtocolPhase(name: "pairs", sessions: CountRange(min: 2, max: 2),
                                   interval: DurationRange(min: Quantity(3, .day), max: Quantity(1, .week)), repeats: true)]
        let c = try schedule(pairs, from: CalendarDate(year: 9999, month: 12, day: 20), horizon: Quantity(100, .month))
        #expect(c.sessions.map { "\($0.date) \($0.earliest) \($0.latest)" } == [
            "9999-12-20 9999-12-20 9999-12-20", "9999-12-23 9999-12-23 9999-12-27",
            "9999-12-26 9999-12-26 9999-12-30", "9999-12-29 9999-12-29 9999-12-31",
        ])
        #expect(c.warnings == [])
        #expect(c.isComplete)
    }

    @Test func aPhaseThatDoesNotRepeatIsCutAtTheCalendarEnd() throws {
        let weekly = [ProtocolPhase(name: "weekly", sessions: CountRange(min: 4, max: 4),
                                    interval: DurationRange(min: Quantity(1, .week), max: Quantity(2, .week)))]
        let c = try schedule(weekly, from: CalendarDate(year: 9999, month: 12, day: 20), horizon: Quantity(1, .day))
        #expect(c.sessions.map(\.date.description) == ["9999-12-20", "9999-12-27"])
        #expect(c.warnings == [
            "the course was cut at 9999-12-31, the last day the calendar holds",
            "session 2 on 9999-12-27 falls after the horizon (9999-12-21); phases that do not repeat are planned in full",
        ])
        #expect(!c.isComplete)
        // A zero lower bound plans the next day, which the calendar does not have after 31 December.
        let zero = [ProtocolPhase(name: "zero", sessions: CountRange(min: 3, max: 3),
                                  interval: DurationRange(min: Quantity(0, .day), max: Quantity(2, .week)))]
        let z = try schedule(zero, from: CalendarDate(year: 9999, month: 12, day: 30), horizon: Quantity(1, .month))
        #expect(z.sessions.map(\.date.description) == ["9999-12-30", "9999-12-31"])
        #expect(z.warnings == ["the course was cut at 9999-12-31, the last day the calendar holds"])
        #expect(!z.isComplete)
    }
}
