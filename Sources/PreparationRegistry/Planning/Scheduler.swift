/// Dates a preparation's protocol from a request: the first session on the start date, each
/// later one at the *earliest* day its phase's interval allows after the one before (the
/// first session of a later phase: after the previous phase's last session), with the window
/// `earliest...latest` kept on the session (see ``CalendarDate/window(after:)`` for how months
/// and mixed units are added). Two rules refine "the earliest day":
///
/// - a session is never planned on the same day as the one before when its window reaches a
///   later day (`0-2 weeks` plans the next day); only an interval under a day (`30-60
///   minutes`) plans sessions on one day;
/// - a date never passes ``CalendarDate/last``: the course is cut there, with a warning.
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
/// Planning at the start of each window leaves the whole window as slack: a session the
/// patient postpones can move up to its latest day without breaking the protocol. The planned
/// dates follow one another, so moving a session moves the windows of those after it. The work
/// is bounded: at most ``sessionLimit`` sessions, whatever the horizon.
public enum Scheduler {
    /// At most this many sessions are planned; a longer course is cut, with a warning.
    public static let sessionLimit = 500

    /// The sessions and the warnings about them (horizon, seasons).
    public static func schedule(_ phases: [ProtocolPhase], avoiding seasons: [Season] = [],
                                request: CourseRequest, counts: SessionCountChoice) -> (sessions: [PlannedSession], warnings: [String]) {
        var sessions: [PlannedSession] = []
        var warnings: [String] = []
        let end = request.horizonEnd
        phaseLoop: for phase in phases {
            let count = counts.count(in: phase.sessions)
            let sessionsBefore = sessions.count
            var cycle = 1
            passLoop: while true {
                let opensCourse = sessions.isEmpty
                var pass: [PlannedSession] = []
                var reachedHorizon = false
                var stop: String?
                for _ in 0..<count {
                    if sessions.count + pass.count == sessionLimit {
                        stop = "the course was cut at \(sessionLimit) sessions"
                        break
                    }
                    guard let previous = pass.last?.date ?? sessions.last?.date else {
                        pass.append(PlannedSession(number: 1, phase: phase.name, cycle: cycle,
                                                   date: request.start, earliest: request.start, latest: request.start))
                        continue
                    }
                    let interval = phase.interval ?? DurationRange(min: Quantity(0, .day), max: Quantity(0, .day))
                    guard let window = previous.window(after: interval) else {
                        stop = "the course was cut at \(CalendarDate.last), the last day the calendar holds"
                        break
                    }
                    var date = window.lowerBound
                    if date == previous, window.upperBound > previous { date = previous.adding(days: 1) }
                    if phase.repeats, !opensCourse, date > end {
                        reachedHorizon = true
                        break
                    }
                    pass.append(PlannedSession(number: sessions.count + pass.count + 1, phase: phase.name, cycle: cycle,
                                               date: date, earliest: window.lowerBound, latest: window.upperBound))
                }
                // A pass cut by the horizon below the phase's fewest sessions is not planned.
                if !reachedHorizon || pass.count >= phase.sessions.min { sessions += pass }
                if let stop {
                    warnings.append(stop)
                    break phaseLoop
                }
                guard phase.repeats, !reachedHorizon else { break passLoop }
                if let last = sessions.last?.date, let interval = phase.interval, last.window(after: interval)?.upperBound == last {
                    warnings.append("phase '\(phase.name)' repeats at intervals under a day: it is planned once")
                    break passLoop
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
        return (sessions, warnings)
    }

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
