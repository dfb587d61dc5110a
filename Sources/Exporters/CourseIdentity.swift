import PreparationRegistry

/// What names a course for stable identifiers: the plugin, the preparation, the concern, the
/// regions, the start date and the patient, when one is named. The same course printed again (in any format) keeps its
/// identifiers; a course with another start or preparation gets new ones.
struct CourseIdentity {
    let course: Course
    /// The patient the exports name, if any: part of every identifier, so that two patients'
    /// courses never share one.
    var patient: String? = nil

    var key: String {
        let r = course.request
        // One region keeps the key of format 1.0 (and so its identifiers); several join theirs,
        // in the format's order of regions rather than as typed, so that `--region face
        // --region neck` and `--region neck --region face` keep the same identifiers.
        let regions = r.regions.isEmpty ? "-" : r.regions.map(\.region).sorted().map(\.rawValue).joined(separator: "+")
        let key = "course|\(course.plugin)|\(course.preparation.id)|\(r.concern)|\(regions)|\(r.start)"
        return patient.map { key + "|patient|" + $0 } ?? key
    }

    /// The Bundle's id: its own, not the CarePlan's.
    var bundleUUID: String { NameBasedUUID.uuid(key + "|bundle") }

    /// The course's UUID.
    var courseUUID: String { NameBasedUUID.uuid(key) }

    /// The UUID of session `number`.
    func sessionUUID(_ number: Int) -> String { NameBasedUUID.uuid(key + "|session|\(number)") }

    /// The UUIDs of the course's visits, in order, each named by its rule, kind and day. Two
    /// visits of one rule and kind can fall on one day (sessions `0 days` apart, each with its
    /// assessment): the second and later of them add their rank among those, so that every
    /// visit keeps a UID of its own while the first keeps the plain name.
    var visitUUIDs: [String] {
        var seen: [String: Int] = [:]
        return course.visits.map { visit in
            let name = key + "|visit|\(visit.rule)|\(visit.kind)|\(visit.date)"
            let rank = seen[name, default: 0]
            seen[name] = rank + 1
            return NameBasedUUID.uuid(rank == 0 ? name : name + "|\(rank + 1)")
        }
    }
}

extension Course {
    /// `3 sessions` / `1 session`.
    package static func sessionCount(_ n: Int) -> String { n == 1 ? "1 session" : "\(n) sessions" }

    /// The session's label: `session 2 of 5, induction`.
    package func label(of session: PlannedSession) -> String {
        var text = "session \(session.number) of \(sessions.count), \(session.phase)"
        if session.cycle > 1 { text += " (repeat \(session.cycle))" }
        return text
    }

    /// One aftercare instruction as text: `Skip saunas (for 2 days)`.
    package static func text(of instruction: AftercareInstruction) -> String {
        guard let duration = instruction.duration else { return instruction.instruction }
        return "\(instruction.instruction) (for \(duration))"
    }

    /// The note every course output carries.
    package static let disclaimer = "Not medical advice: this plan restates the catalogue's figures; a practitioner decides for each patient."
}

extension Visit.Kind {
    /// `Assessment`, `Follow-up`: the kind at the start of a sentence (`capitalized` would
    /// give `Follow-Up`).
    package var sentenceCase: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
