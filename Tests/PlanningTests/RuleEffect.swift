import PreparationRegistry
import Testing

/// A plugin with other rules: everything else (id, regions, counts, what it serves) is the
/// base plugin's, so the default pipeline plans as the base does with `rules`.
struct RulesReplaced: CoursePlugin {
    let base: any CoursePlugin
    let rules: [PlanningRule]

    var id: String { base.id }
    var summary: String { base.summary }
    var regions: [Region] { base.regions }
    var needsRegion: Bool { base.needsRegion }
    var sessionCounts: SessionCountChoice { base.sessionCounts }
    var particulars: [String] { base.particulars }
    func serves(_ indication: String, in vocabulary: Vocabulary) -> Bool { base.serves(indication, in: vocabulary) }
}

/// What the rule `id` of `plugin` does to `request`, exactly: the outcome planned with every
/// rule of the plugin against the outcome planned with that rule taken out, one line per
/// difference, in this order:
///
/// - `plans P instead of refusing`, `refuses instead of planning P`, `plans P instead of Q`;
/// - `leaves out P: REASON` for each reason of an exclusion the rule adds, and
///   `no longer leaves out P: REASON` for one that goes;
/// - `holds PHASE from DATE: REASON` for each hold the rule puts on the chosen preparation's
///   phases (whether or not it moves a session);
/// - `technique: T instead of U`;
/// - `session N (PHASE): DATE instead of DATE` for a session the rule moves (a hold), and
///   `sessions: N instead of M` when the count changes;
/// - `note on session N: TEXT` for each note the rule adds;
/// - `warns: TEXT` for each warning the rule adds, `no longer warns: TEXT` for one that goes;
/// - `visit KIND DATE (EARLIEST to LATEST): PURPOSE` for each visit the rule adds.
///
/// An empty list: the rule changes nothing.
func ruleEffect(_ id: String, of plugin: any CoursePlugin, on request: CourseRequest, in registry: Registry) throws -> [String] {
    let with = try plugin.plan(request, using: registry)
    let without = try RulesReplaced(base: plugin, rules: plugin.rules.filter { $0.id != id }).plan(request, using: registry)
    var lines: [String] = []
    switch (with.course, without.course) {
    case (let course?, nil): lines.append("plans \(course.preparation.id) instead of refusing")
    case (nil, let course?): lines.append("refuses instead of planning \(course.preparation.id)")
    case (let a?, let b?) where a.preparation.id != b.preparation.id:
        lines.append("plans \(a.preparation.id) instead of \(b.preparation.id)")
    default: break
    }
    let excludedWith = with.course?.excluded ?? with.refusal?.excluded ?? []
    let excludedWithout = without.course?.excluded ?? without.refusal?.excluded ?? []
    func reasons(_ excluded: [Exclusion], _ preparation: String) -> [String] {
        excluded.first { $0.preparation == preparation }?.reasons ?? []
    }
    for preparation in Set((excludedWith + excludedWithout).map(\.preparation)).sorted() {
        let now = reasons(excludedWith, preparation), before = reasons(excludedWithout, preparation)
        lines += now.filter { !before.contains($0) }.map { "leaves out \(preparation): \($0)" }
        lines += before.filter { !now.contains($0) }.map { "no longer leaves out \(preparation): \($0)" }
    }
    guard let a = with.course, let b = without.course, a.preparation.id == b.preparation.id else { return lines }
    let rule = try #require(plugin.rules.first { $0.id == id })
    for hold in rule.holds?(a.preparation, request) ?? [] {
        let phase = a.preparation.phases.indices.contains(hold.phase) ? a.preparation.phases[hold.phase].name : "phase \(hold.phase)"
        lines.append("holds \(phase) from \(hold.notBefore): \(hold.reason)")
    }
    if a.technique != b.technique { lines.append("technique: \(a.technique) instead of \(b.technique)") }
    for (x, y) in zip(a.sessions, b.sessions) where x.date != y.date {
        lines.append("session \(x.number) (\(x.phase)): \(x.date) instead of \(y.date)")
    }
    if a.sessions.count != b.sessions.count { lines.append("sessions: \(a.sessions.count) instead of \(b.sessions.count)") }
    for (x, y) in zip(a.sessions, b.sessions) {
        lines += x.notes.filter { !y.notes.contains($0) }.map { "note on session \(x.number): \($0)" }
    }
    lines += a.warnings.filter { !b.warnings.contains($0) }.map { "warns: \($0)" }
    lines += b.warnings.filter { !a.warnings.contains($0) }.map { "no longer warns: \($0)" }
    lines += a.visits.filter { !b.visits.contains($0) }.map {
        "visit \($0.kind) \($0.date) (\($0.earliest) to \($0.latest)): \($0.purpose)"
    }
    return lines
}
