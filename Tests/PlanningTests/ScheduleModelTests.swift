import PreparationRegistry
import Testing
import TestSupport

/// The README's scheduling rules, modelled another way: the whole course is planned first on
/// an endless calendar (day numbers, no year 9999) and without the 500-session cap, the
/// horizon alone ending repeating phases; then it is cut at 500 sessions and at 9999-12-31,
/// and a later pass of a repeating phase that the cut leaves below its lower bound is dropped.
enum ScheduleModel {
    /// One session: its phase's index, its pass, its day and window as day numbers.
    struct Session: Equatable {
        var phase: Int, cycle: Int, date: Int, earliest: Int, latest: Int
    }

    /// The calendar's last day, as a day number.
    static let last = CalendarDate.last.daysSinceEpoch

    /// A duration in whole days: a month is 30.44 days, rounded to the nearest day.
    static func days(_ q: Quantity<DurationUnit>) -> Int {
        let perUnit: Double = switch q.unit {
        case .minute: 1.0 / 1440
        case .hour: 1.0 / 24
        case .day: 1
        case .week: 7
        case .month: 30.44
        }
        return Int(min((q.value * perUnit).rounded(), 1e8))
    }

    /// Whether a bound is added as calendar months.
    static func isWholeMonths(_ q: Quantity<DurationUnit>) -> Bool {
        q.unit == .month && q.value == q.value.rounded() && q.value < 1e6
    }

    /// `months` calendar months after `day`, on the same day of the month or the month's last;
    /// a day after the calendar's end when the year passes 9999.
    static func adding(months: Int, to day: Int) -> Int {
        let date = CalendarDate(daysSinceEpoch: day)
        let index = date.year * 12 + date.month - 1 + months
        let year = index / 12, month = index % 12 + 1
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return CalendarDate(year: year, month: month, day: min(date.day, length))?.daysSinceEpoch ?? last + index
    }

    /// `earliest...latest` after `day`: calendar months when both bounds are whole months,
    /// else days for both; never inverted.
    static func window(after day: Int, _ interval: DurationRange) -> (Int, Int) {
        if isWholeMonths(interval.min), isWholeMonths(interval.max) {
            let earliest = adding(months: Int(interval.min.value), to: day)
            return (earliest, max(earliest, adding(months: Int(interval.max.value), to: day)))
        }
        return (day + days(interval.min), max(day + days(interval.min), day + days(interval.max)))
    }

    /// Start plus horizon, by the rule of one bound, kept within the calendar.
    static func horizonEnd(_ start: CalendarDate, _ horizon: Quantity<DurationUnit>) -> Int {
        let day = start.daysSinceEpoch
        return min(last, isWholeMonths(horizon) ? adding(months: Int(horizon.value), to: day) : day + days(horizon))
    }

    /// The course and whether it is whole.
    static func plan(_ phases: [ProtocolPhase], start: CalendarDate, horizon: Quantity<DurationUnit>,
                     counts: SessionCountChoice) -> (sessions: [Session], complete: Bool) {
        let end = horizonEnd(start, horizon)
        var ideal: [Session] = []
        phases: for (index, phase) in phases.enumerated() {
            let count = counts == .fewest ? phase.sessions.min : phase.sessions.max
            let interval = phase.interval ?? DurationRange(min: Quantity(0, .day), max: Quantity(0, .day))
            for cycle in 1... {
                let opening = ideal.isEmpty
                var pass: [Session] = []
                while pass.count < count {
                    guard let previous = pass.last?.date ?? ideal.last?.date else {
                        pass.append(Session(phase: index, cycle: cycle, date: start.daysSinceEpoch,
                                            earliest: start.daysSinceEpoch, latest: start.daysSinceEpoch))
                        continue
                    }
                    if previous > last { break }  // the cut comes before; no need to go on
                    let (earliest, latest) = window(after: previous, interval)
                    let date = earliest == previous && latest > previous ? previous + 1 : earliest
                    pass.append(Session(phase: index, cycle: cycle, date: date, earliest: earliest, latest: latest))
                }
                if phase.repeats, !opening {
                    let within = pass.prefix { $0.date <= end }
                    if within.count >= phase.sessions.min { ideal += within }
                    if within.count < count { break }
                } else {
                    ideal += pass
                }
                if ideal.count > Scheduler.sessionLimit || (ideal.last?.date ?? 0) > last { break phases }
                if !phase.repeats || days(interval.max) == 0 { break }
            }
        }
        var course = Array(ideal.prefix { $0.date <= last }.prefix(Scheduler.sessionLimit))
        let complete = course.count == ideal.count
        if !complete, let tail = course.last, phases[tail.phase].repeats, tail.phase > 0 || tail.cycle > 1 {
            let pass = course.suffix { $0.phase == tail.phase && $0.cycle == tail.cycle }
            if pass.count < phases[tail.phase].sessions.min { course.removeLast(pass.count) }
        }
        return (course, complete)
    }
}

extension BidirectionalCollection {
    /// The longest tail whose elements satisfy `predicate`.
    func suffix(while predicate: (Element) -> Bool) -> SubSequence {
        var start = endIndex
        while start > startIndex, predicate(self[index(before: start)]) { start = index(before: start) }
        return self[start...]
    }
}

/// ``Scheduler`` against ``ScheduleModel`` on a few thousand random protocols: counts 1-6,
/// intervals in minutes, days, weeks and months (mixed and fractional too), repeat flags, starts
/// today, anywhere or in the calendar's last year, and horizons up to far beyond 9999.
@Suite struct ScheduleModelTests {
    /// An interval: under a day, mixed units, or days, weeks or months (half months too).
    static func randomInterval(_ g: inout SplitMix64) -> DurationRange {
        switch Int.random(in: 0..<10, using: &g) {
        case 0: // under a day, or mixed with days
            return DurationRange(min: Quantity(Double(Int.random(in: 0...90, using: &g)), .minute),
                                 max: Quantity(Double(Int.random(in: 90...3000, using: &g)), .minute))
        case 1: // mixed units, read in days
            return DurationRange(min: Quantity(Double(Int.random(in: 0...20, using: &g)), .day),
                                 max: Quantity([1, 1.5, 2][Int.random(in: 0...2, using: &g)], .month))
        default:
            let unit = [DurationUnit.day, .week, .month][Int.random(in: 0...2, using: &g)]
            let low = Double(Int.random(in: 0...4, using: &g)) + (Bool.random(using: &g) && unit == .month ? 0.5 : 0)
            return DurationRange(min: Quantity(low, unit), max: Quantity(low + Double(Int.random(in: 0...4, using: &g)), unit))
        }
    }

    /// One to three phases; an interval wherever the format requires one.
    static func randomProtocol(_ g: inout SplitMix64) -> [ProtocolPhase] {
        (0..<Int.random(in: 1...3, using: &g)).map { index in
            let low = Int.random(in: 1...6, using: &g)
            let sessions = CountRange(min: low, max: Int.random(in: low...6, using: &g))
            let repeats = Int.random(in: 0..<5, using: &g) < 2
            let needsInterval = index > 0 || sessions.max > 1 || repeats
            return ProtocolPhase(name: "p\(index)", sessions: sessions,
                                 interval: needsInterval || Bool.random(using: &g) ? randomInterval(&g) : nil, repeats: repeats)
        }
    }

    /// A start in the calendar's last 400 days, anywhere, or in 2024-2035.
    static func randomStart(_ g: inout SplitMix64) -> CalendarDate {
        let base = CalendarDate.last.daysSinceEpoch
        switch Int.random(in: 0..<10, using: &g) {
        case 0..<4: return CalendarDate(daysSinceEpoch: base - Int.random(in: 0...400, using: &g))
        case 4: return CalendarDate(daysSinceEpoch: Int.random(in: CalendarDate.first.daysSinceEpoch...base, using: &g))
        default: return CalendarDate(daysSinceEpoch: 20_000 + Int.random(in: 0...4000, using: &g))
        }
    }

    /// A horizon of weeks, days or months, or one far beyond the calendar.
    static func randomHorizon(_ g: inout SplitMix64) -> Quantity<DurationUnit> {
        switch Int.random(in: 0..<8, using: &g) {
        case 0:
            let huge = [Quantity<DurationUnit>(100_000, .month), Quantity(1e6, .day), Quantity(1e300, .day), Quantity(1.5e5, .month)]
            return huge[Int.random(in: 0...3, using: &g)]
        case 1: return Quantity(Double(Int.random(in: 0...60, using: &g)), .week)
        case 2: return Quantity(Double(Int.random(in: 0...400, using: &g)), .day)
        default: return Quantity(Double(Int.random(in: 0...36, using: &g)), .month)
        }
    }

    /// A session as compared: number, phase, pass, date, earliest, latest.
    struct Row: Equatable {
        var number: Int, phase: String, cycle: Int, date: CalendarDate, earliest: CalendarDate, latest: CalendarDate
    }

    @Test func theSchedulerAgreesWithTheModelOnRandomProtocols() throws {
        var g = SplitMix64(state: 20_260_105)
        let cuts: Set = ["the course was cut at 500 sessions", "the course was cut at 9999-12-31, the last day the calendar holds"]
        for trial in 0..<2000 {
            let phases = Self.randomProtocol(&g), start = Self.randomStart(&g), horizon = Self.randomHorizon(&g)
            let counts: SessionCountChoice = Bool.random(using: &g) ? .fewest : .most
            let schedule = Scheduler.schedule(phases, request: CourseRequest(concern: "x", start: start, horizon: horizon), counts: counts)
            let model = ScheduleModel.plan(phases, start: start, horizon: horizon, counts: counts)
            let expected = model.sessions.enumerated().map { number, s in
                Row(number: number + 1, phase: phases[s.phase].name, cycle: s.cycle, date: CalendarDate(daysSinceEpoch: s.date),
                    earliest: CalendarDate(daysSinceEpoch: s.earliest), latest: CalendarDate(daysSinceEpoch: min(s.latest, ScheduleModel.last)))
            }
            let actual = schedule.sessions.map {
                Row(number: $0.number, phase: $0.phase, cycle: $0.cycle, date: $0.date, earliest: $0.earliest, latest: $0.latest)
            }
            // Every pass within its phase's range, but where a cut (not the horizon) ends the pass that
            // opens the course or a phase that does not repeat.
            var passes: [(phase: Int, cycle: Int, count: Int)] = []
            for s in model.sessions {
                if passes.last?.phase == s.phase, passes.last?.cycle == s.cycle {
                    passes[passes.count - 1].count += 1
                } else {
                    passes.append((s.phase, s.cycle, 1))
                }
            }
            let inRange = passes.enumerated().allSatisfy { index, pass in
                let range = phases[pass.phase].sessions
                let lastCut = index == passes.count - 1 && !model.complete
                return (pass.count >= range.min || lastCut) && pass.count <= (counts == .fewest ? range.min : range.max)
            }
            let saysCut = schedule.warnings.contains(where: cuts.contains)
            guard actual == expected, schedule.isComplete == model.complete, saysCut == !model.complete, inRange else {
                Issue.record("""
                    trial \(trial): \(phases) from \(start), horizon \(horizon), \(counts)
                    scheduler (complete: \(schedule.isComplete)): \(actual.map { "\($0.number) \($0.phase) \($0.cycle) \($0.date) \($0.earliest) \($0.latest)" })
                    model (complete: \(model.complete)): \(expected.map { "\($0.number) \($0.phase) \($0.cycle) \($0.date) \($0.earliest) \($0.latest)" })
                    warnings: \(schedule.warnings)
                    """)
                return
            }
        }
    }
}
