/// One phase of a preparation's protocol: how many sessions, and how far apart.
public struct ProtocolPhase: Sendable, Hashable {
    /// The phase's name, a slug: `induction`, `intensive`, `regeneration`, `maintenance`...
    public package(set) var name: String
    /// How many sessions the phase has.
    public package(set) var sessions: CountRange
    /// The gap between consecutive sessions of the phase, and from the previous phase's last
    /// session to this phase's first. Absent only on a first phase of a single session.
    public package(set) var interval: DurationRange?
    /// Whether the phase repeats until the course's horizon.
    public package(set) var repeats: Bool

    /// Creates a phase.
    package init(name: String, sessions: CountRange, interval: DurationRange?, repeats: Bool = false) {
        self.name = name
        self.sessions = sessions
        self.interval = interval
        self.repeats = repeats
    }
}
