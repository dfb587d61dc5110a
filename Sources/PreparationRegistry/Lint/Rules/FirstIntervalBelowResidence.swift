extension LintRules {
    /// The first phase's sessions come closer together than the residence time says the
    /// substances last.
    package static let firstIntervalBelowResidence = LintRule(
        id: "first-interval-below-residence",
        rationale: "The residence time is how long the injected substances stay active. When the first phase's shortest interval between its sessions is shorter than the residence time's lower bound, the next session can fall while the last one's substances are still working: either the interval or the residence time is probably wrong.",
        triggeringExamples: [
            lintExample(["residence": "3-4 weeks",
                         "protocol": "\n  ↓- {phase: induction, sessions: 4, interval: 1-2 weeks}"]),
            lintExample(["residence": "2 weeks - 1 month",
                         "protocol": "\n  ↓- {phase: induction, sessions: 4, interval: 10-20 days}"]),
        ],
        nonTriggeringExamples: [
            lintExample(["residence": "1-2 weeks",
                         "protocol": "\n  - {phase: induction, sessions: 4, interval: 2-3 weeks}"]),
            // Equal bounds are not shorter.
            lintExample(["residence": "1-5 weeks",
                         "protocol": "\n  - {phase: induction, sessions: 4, interval: 7 days}"]),
            // A single first session has no interval of its own.
            lintExample(["residence": "3-6 months",
                         "protocol": "\n  - {phase: treatment, sessions: 1}"]),
            // ... nor when one is written: no second session of the phase follows it.
            lintExample(["residence": "3-6 months",
                         "protocol": "\n  - {phase: treatment, sessions: 1, interval: 1 week}"]),
        ]
    ) { preparation in
        guard let first = preparation.phases.first, let interval = first.interval,
              first.sessions.max > 1 || first.repeats,
              interval.min < preparation.residence.min
        else { return [] }
        return [(preparation.location(of: "protocol"),
                 .firstIntervalBelowResidence(phase: first.name, interval: interval, residence: preparation.residence.min))]
    }
}
