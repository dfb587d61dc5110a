import FoundationEssentials
import PreparationRegistry

/// The parts of a course that every format words the same way: its regions, its dose and its
/// visits.
extension Course {
    /// `face (300 cm²), neck`, or nil for a request without regions.
    package var regionsText: String? {
        request.regions.isEmpty ? nil : request.regions.map(\.description).joined(separator: ", ")
    }

    /// Where the course is given, for every output: the regions requested, or, without any,
    /// `any region of the face plugin (the preparation's: face, neck)` (an outside review found
    /// the calendar and FHIR exports of a course without `--region` silent on where to inject).
    package var regionsLine: String {
        regionsText ?? "any region of the \(plugin) plugin (the preparation's: \(preparation.regions.map(\.rawValue).joined(separator: ", ")))"
    }

    /// `Incomplete: the course was cut at ...` for a course cut short (by the horizon's session
    /// cap), nil for a complete one: on every calendar event and FHIR request, since a session
    /// read alone must not pass for a whole course.
    package var incompleteLine: String? {
        guard !isComplete else { return nil }
        let cuts = warnings.filter { $0.hasPrefix("the course was cut") }
        return "Incomplete: " + (cuts.isEmpty ? "the course was cut" : cuts.joined(separator: "; "))
    }

    /// `0.1-0.2 ml a point, points 1-2 cm apart, at most 10 ml a session`.
    package static func dosingText(_ dosing: Dosing) -> String {
        var text = "\(dosing.perPoint) a point, points \(dosing.spacing) apart"
        if let maximum = dosing.maxPerSession { text += ", at most \(maximum) a session" }
        return text
    }

    /// `75-300 points, 7.5-60 ml`.
    package static func doseText(points: ClosedRange<Int>, volume: ClosedRange<Decimal>) -> String {
        let pointsText = points.lowerBound == points.upperBound ? "\(points.lowerBound)" : "\(points.lowerBound)-\(points.upperBound)"
        let volumeText = volume.lowerBound == volume.upperBound
            ? SessionDose.millilitres(volume.lowerBound)
            : "\(Surface.plain(volume.lowerBound))-\(SessionDose.millilitres(volume.upperBound))"
        return "\(pointsText) point\(points.upperBound == 1 ? "" : "s"), \(volumeText)"
    }

    /// The dose lines: one per region with a surface, then the session's total.
    package var doseLines: [String] {
        guard let dose else { return [] }
        var lines = dose.regions.map { "\($0.region) (\($0.surface)): " + Course.doseText(points: $0.points, volume: $0.volume) }
        lines.append("each session, in all (\(Surface.plain(dose.surface)) cm²): " + Course.doseText(points: dose.points, volume: dose.volume))
        return lines
    }

    /// What to screen for, as the calendar and FHIR notes word it: the conditions and allergies
    /// given, the sentence of ``CourseJSON/screeningNote(_:)``, then one line per condition.
    package var screeningLines: [String] {
        var lines: [String] = []
        if !request.conditions.isEmpty { lines.append("Conditions given: " + request.conditions.joined(separator: ", ")) }
        if !request.allergies.isEmpty { lines.append("Allergies given: " + request.allergies.joined(separator: ", ")) }
        lines.append(CourseJSON.screeningNote(request))
        if screening.isEmpty { lines.append("- (none recorded: check the product's own contraindications)") }
        lines += screening.map { "- \($0.condition): \($0.description)" }
        lines.append(CourseJSON.allergyNote(self))
        return lines
    }

    /// `2026-04-06 (window 2026-03-23 - 2026-04-20)`.
    package static func visitWhen(_ visit: Visit) -> String {
        visit.earliest == visit.latest ? visit.date.description : "\(visit.date) (window \(visit.earliest) - \(visit.latest))"
    }

    /// The warnings of the whole course that an export repeats on each session's own entry (a
    /// calendar event, a FHIR ServiceRequest), as the table and the JSON give them once: every
    /// warning but the course's cut (said once, as incomplete) and a session's own.
    package var courseWideWarnings: [String] {
        warnings.filter { warning in
            !warning.hasPrefix("the course was cut") && !sessions.contains { Self.isAbout($0, warning) }
        }
    }

    /// The warnings about `session` alone (`session 3 on ...`), shown on its entry only.
    package func ownWarnings(of session: PlannedSession) -> [String] {
        warnings.filter { Self.isAbout(session, $0) }
    }

    /// The warning that `session` falls in a season the preparation avoids, if it does.
    package func seasonWarning(of session: PlannedSession) -> String? {
        session.avoidedSeason.map {
            "this session falls in \($0) (\(request.hemisphere)ern hemisphere), a season this preparation avoids"
        }
    }

    /// Whether `warning` is `session`'s own (`session 3 on ...`).
    private static func isAbout(_ session: PlannedSession, _ warning: String) -> Bool {
        warning.hasPrefix("session \(session.number) ")
    }
}
