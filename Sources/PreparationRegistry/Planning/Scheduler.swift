/// Dates a preparation's protocol from a request: the first session on the start date, each
/// later one at the *earliest* day its phase's interval allows after the one before (the
/// first session of a later phase: after the previous phase's last session), with the window
/// `earliest...latest` kept on the session (see ``CalendarDate/window(after:)`` for how months
/// and mixed units are added). A session is never planned on the same day as the one before
/// when its window reaches a later day (`0-2 weeks` plans the next day); only an interval
/// under a day (`30-60 minutes`) plans sessions on one day.
///
/// Counts come from the plugin's ``SessionCountChoice``. A phase is planned pass by pass: a
/// phase that does not repeat is planned once, in full, with a warning for each session after
/// the horizon. A repeating phase passes again and again while its sessions fall on or before
/// the horizon's end; a pass is kept only when at least the lower bound of the phase's
/// `sessions` range falls within the horizon (so counts always lie within the range), except
/// the pass that holds the course's first session, which is planned in full like a phase that
/// does not repeat. A repeating phase that gets no pass at all is named in a warning; one whose
/// interval is under a day passes once, with a warning (its repeats would never end).
///
/// Two bounds can cut a course short of what its protocol and horizon ask: at most
/// ``sessionLimit`` sessions, and no date after ``CalendarDate/last``. Each is tested only when
/// a session is about to be added: once its date is known and the horizon has let it in (for a
/// later pass of a repeating phase, once the horizon has let the pass in). So a repeating
/// phase that would pass the calendar's end passes its horizon's end first (the horizon's end
/// is itself within the calendar), and a course whose 500th session is its last is whole: what
/// is planned is always the start of the course that the protocol and the horizon alone give.
/// A cut course says so with a warning and ``Schedule/isComplete`` false; a later pass of a
/// repeating phase that a cut leaves below the phase's lower bound is dropped, as one the
/// horizon cuts.
///
/// Planning at the start of each window leaves the whole window as slack: a session the
/// patient postpones can move up to its latest day without breaking the protocol. The planned
/// dates follow one another, so moving a session moves the windows of those after it.
package enum Scheduler {
    /// At most this many sessions are planned; a longer course is cut, with a warning.
    package static let sessionLimit = 500

    /// The sessions, the warnings about them (horizon, seasons, cuts), and whether the course
    /// is whole.
    ///
    /// `holds` (from planning rules, `PlanningRule/holds`) keep the first session of a later
    /// phase from falling before a day: it falls on that day when its window opens earlier, and
    /// on the window's last day, with a warning, when the day is after the window's end (a
    /// session never leaves its window).
    package static func schedule(_ phases: [ProtocolPhase], avoiding seasons: [Season] = [],
                                request: CourseRequest, counts: SessionCountChoice,
                                holds: [PlanningRule.Hold] = []) -> Schedule {
        var sessions: [PlannedSession] = []
        var warnings: [String] = []
        var cut: String?
        let end = request.horizonEnd
        phaseLoop: for (phaseIndex, phase) in phases.enumerated() {
            let hold = phaseIndex > 0 ? holds.filter { $0.phase == phaseIndex }.max { $0.notBefore < $1.notBefore } : nil
            let count = counts.count(in: phase.sessions)
            // Only a first phase of a single session has none; it plans no later session.
            let interval = phase.interval ?? DurationRange(min: Quantity(0, .day), max: Quantity(0, .day))
            let sessionsBefore = sessions.count
            var cycle = 1
            while true {
                // A later pass of a repeating phase stops at the horizon; the pass that opens the
                // course is planned in full.
                let bounded = phase.repeats && !sessions.isEmpty
                let room = sessionLimit - sessions.count
                // The pass's sessions that may be planned: those that fit, and one more to see a cut.
                var slots: [Slot] = []
                var stop: PassEnd = .none
                while slots.count < min(count, room + 1) {
                    var slot = next(after: slots.last?.date ?? sessions.last?.date, interval, start: request.start)
                    // A hold moves the phase's first session later within its window, never out of
                    // it (every session lies within its interval of the one before); when the
                    // window ends before the hold's day, the session stays on its last day, and
                    // a warning says the decision comes later than the protocol allows.
                    if let hold, cycle == 1, slots.isEmpty, let opened = slot, opened.date < hold.notBefore {
                        slot = (min(hold.notBefore, opened.window.upperBound), opened.window)
                        if hold.notBefore > opened.window.upperBound {
                            warnings.append("the first session of phase '\(phase.name)' should wait until \(hold.notBefore) "
                                + "(\(hold.reason)), but the window its interval allows ends on \(opened.window.upperBound): "
                                + "it is planned then; hold it until \(hold.notBefore) only if the practitioner accepts leaving the protocol's window")
                        }
                    }
                    // No slot: the date would pass the calendar's last day, so the horizon's too.
                    if bounded, slot.map({ $0.date > end }) ?? true {
                        stop = .horizon
                        break
                    }
                    guard let slot else {
                        stop = .calendar
                        break
                    }
                    slots.append(slot)
                }
                // The horizon first: a later pass of a repeating phase is planned only when at least
                // its lower bound falls within it (so counts stay within the phase's range), looked
                // at past the slots that fit when that bound is more than they are.
                if bounded {
                    let lower = phase.sessions.min
                    let previous = slots.last?.date ?? sessions.last?.date
                    guard slots.count >= lower || stop == .none && fallsWithin(lower - slots.count, after: previous, interval, end)
                    else { break }
                }
                // Then the cap and the calendar's end: the sessions that fit are planned, unless they
                // leave a later pass of a repeating phase below its lower bound.
                let planned = slots.prefix(room)
                if !bounded || planned.count >= phase.sessions.min {
                    for slot in planned {
                        sessions.append(PlannedSession(number: sessions.count + 1, phase: phase.name, cycle: cycle, date: slot.date,
                                                       earliest: slot.window.lowerBound, latest: slot.window.upperBound))
                    }
                }
                if slots.count > room {
                    cut = "the course was cut at \(sessionLimit) sessions"
                } else if stop == .calendar {
                    cut = "the course was cut at \(CalendarDate.last), the last day the calendar holds"
                }
                if let cut {
                    warnings.append(cut)
                    break phaseLoop
                }
                guard phase.repeats, stop == .none else { break }
                if !reachesLaterDay(interval) {
                    warnings.append("phase '\(phase.name)' repeats at intervals under a day: it is planned once")
                    break
                }
                cycle += 1
            }
            if phase.repeats, sessions.count == sessionsBefore {
                warnings.append("phase '\(phase.name)' repeats, but no whole pass of it falls within the horizon (\(end)): it is not planned")
            }
        }
        for session in sessions where session.date > end {
            warnings.append("session \(session.number) on \(session.date) falls after the horizon (\(end)); phases that do not repeat are planned in full")
        }
        if let warning = markAvoidedSeasons(&sessions, avoiding: seasons, hemisphere: request.hemisphere) {
            warnings.append(warning)
        }
        return Schedule(sessions: sessions, warnings: warnings, isComplete: cut == nil)
    }

    /// A session's day and the window its interval allows.
    private typealias Slot = (date: CalendarDate, window: ClosedRange<CalendarDate>)

    /// What ended the planning of a pass before its count: nothing, the horizon (a later pass
    /// of a repeating phase), or the calendar's last day.
    private enum PassEnd {
        case none, horizon, calendar
    }

    /// Whether the `count` sessions after `previous` all fall on or before `end`; the work is
    /// bounded by the days up to `end`, since only an interval under a day keeps sessions on
    /// one day, and then all of them.
    private static func fallsWithin(_ count: Int, after previous: CalendarDate?, _ interval: DurationRange,
                                    _ end: CalendarDate) -> Bool {
        guard var date = previous else { return count <= 0 }
        for _ in 0..<max(0, count) {
            guard let slot = next(after: date, interval, start: date), slot.date <= end else { return false }
            if slot.date == date { return true }
            date = slot.date
        }
        return true
    }

    /// The date and window of the session after `previous` (the start date when there is none),
    /// or nil when that date would fall after ``CalendarDate/last``.
    private static func next(after previous: CalendarDate?, _ interval: DurationRange, start: CalendarDate) -> Slot? {
        guard let previous else { return (start, start...start) }
        guard let window = previous.window(after: interval) else { return nil }
        guard window.lowerBound == previous, reachesLaterDay(interval) else { return (window.lowerBound, window) }
        // Not on the day before's day when the window reaches a later one (its latest day may
        // have been kept within the calendar: the next day is the rule, and it may not exist).
        guard previous < CalendarDate.last else { return nil }
        return (previous.adding(days: 1), window)
    }

    /// Whether `interval` lets a session fall on a later day than the one before (`0-2 weeks`
    /// does; `30-90 minutes` does not), wherever the calendar would end the window.
    private static func reachesLaterDay(_ interval: DurationRange) -> Bool {
        CalendarDate.first.window(after: interval).map { $0.upperBound > CalendarDate.first } ?? true
    }
}

/// What `Scheduler/schedule(_:avoiding:request:counts:holds:)` plans: the sessions, the warnings
/// about them, and whether the course is whole.
package struct Schedule: Sendable, Hashable {
    /// The sessions, in date order, numbered from 1.
    package var sessions: [PlannedSession]
    /// Warnings for the practitioner: sessions after the horizon or in avoided seasons,
    /// repeating phases that do not repeat, a cut.
    package var warnings: [String]
    /// False when the course was cut short of what its protocol and horizon ask, at
    /// `Scheduler/sessionLimit` sessions or at ``CalendarDate/last`` (a warning says which).
    package var isComplete: Bool

    /// Creates a schedule.
    package init(sessions: [PlannedSession], warnings: [String], isComplete: Bool = true) {
        self.sessions = sessions
        self.warnings = warnings
        self.isComplete = isComplete
    }
}

extension Scheduler {
    /// Marks each session that falls in one of `seasons` (``PlannedSession/avoidedSeason``) and
    /// returns one warning naming them all, grouped by season; nil when none does.
    static func markAvoidedSeasons(_ sessions: inout [PlannedSession], avoiding seasons: [Season],
                                   hemisphere: Hemisphere) -> String? {
        guard !seasons.isEmpty else { return nil }
        var bySeason: [(Season, [PlannedSession])] = []
        for index in sessions.indices {
            let season = hemisphere.season(of: sessions[index].date)
            guard seasons.contains(season) else { continue }
            sessions[index].avoidedSeason = season
            if let at = bySeason.firstIndex(where: { $0.0 == season }) {
                bySeason[at].1.append(sessions[index])
            } else {
                bySeason.append((season, [sessions[index]]))
            }
        }
        guard !bySeason.isEmpty else { return nil }
        let count = bySeason.reduce(0) { $0 + $1.1.count }
        let groups = bySeason.map { season, list in
            "\(list.count == 1 ? "session" : "sessions") " + Scheduler.andList(list.map { "\($0.number) (\($0.date))" }) + " in \(season)"
        }
        return "\(count == 1 ? "1 session falls" : "\(count) sessions fall") in a season this preparation avoids "
            + "(\(hemisphere)ern hemisphere): " + groups.joined(separator: "; ")
    }

    /// `a`, `a and b`, `a, b and c`.
    static func andList(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
