/// Dates a preparation's protocol from a request: the first session on the start date, each
/// later one at the *earliest* day its phase's interval allows after the one before (the
/// first session of a later phase: after the previous phase's last session), with the window
/// `earliest...latest` kept on the session. Counts come from the plugin's
/// ``SessionCountChoice``; a repeating phase runs again and again while its sessions fall on or
/// before the horizon's end. Phases that do not repeat are planned in full, with a warning for
/// each session after the horizon.
///
/// Planning at the start of each window leaves the whole window as slack: a session the
/// patient postpones can move up to its latest day without breaking the protocol. The planned
/// dates follow one another, so moving a session moves the windows of those after it.
public enum Scheduler {
    /// At most this many sessions are planned; a longer course is cut, with a warning.
    public static let sessionLimit = 500

    /// The sessions and the warnings about them (horizon, seasons).
    public static func schedule(_ phases: [ProtocolPhase], avoiding seasons: [Season] = [],
                                request: CourseRequest, counts: SessionCountChoice) -> (sessions: [PlannedSession], warnings: [String]) {
        var sessions: [PlannedSession] = []
        var warnings: [String] = []
        let end = request.horizonEnd
        var previous: CalendarDate?
        phaseLoop: for phase in phases {
            let count = counts.count(in: phase.sessions)
            var cycle = 1
            while true {
                for _ in 0..<count {
                    if sessions.count == sessionLimit {
                        warnings.append("the course was cut at \(sessionLimit) sessions")
                        break phaseLoop
                    }
                    let earliest: CalendarDate, latest: CalendarDate
                    if let previous {
                        let interval = phase.interval ?? DurationRange(min: Quantity(0, .day), max: Quantity(0, .day))
                        earliest = previous.adding(interval.min)
                        latest = previous.adding(interval.max)
                    } else {
                        earliest = request.start
                        latest = request.start
                    }
                    if phase.repeats, earliest > end, !sessions.isEmpty { continue phaseLoop }
                    sessions.append(PlannedSession(number: sessions.count + 1, phase: phase.name, cycle: cycle,
                                                   date: earliest, earliest: earliest, latest: latest))
                    previous = earliest
                }
                guard phase.repeats, count > 0 else { break }
                if let previous, let interval = phase.interval, previous.adding(interval.min) <= previous { break }
                cycle += 1
            }
        }
        for session in sessions where !phases.isEmpty && session.date > end {
            warnings.append("session \(session.number) on \(session.date) falls after the horizon (\(end)); phases that do not repeat are planned in full")
        }
        for session in sessions {
            let season = request.hemisphere.season(of: session.date)
            if seasons.contains(season) {
                warnings.append("session \(session.number) on \(session.date) falls in \(season) (\(request.hemisphere)ern hemisphere), a season this preparation avoids")
            }
        }
        return (sessions, warnings)
    }
}
