import Foundation
import PreparationRegistry

/// `catalog course --format fhir`: a FHIR R4 `Bundle` of type `collection` holding one
/// `CarePlan` for the course and one `ServiceRequest` per session.
///
/// - `CarePlan`: `status` `draft` and `intent` `proposal` (value sets `request-status` and
///   `care-plan-intent`: a plan proposed to a practitioner, not an order), `subject` a
///   reference by display only (the tool knows no patient), `period` from the first to the
///   last session, one `activity.reference` per ServiceRequest.
/// - `ServiceRequest`: `status` `draft`, `intent` `proposal`, `priority` `routine` (value
///   sets `request-status`, `request-intent`, `request-priority`), `code` the preparation in
///   the catalogue's own code system, `occurrenceDateTime` the session's date,
///   `patientInstruction` the aftercare, `basedOn` the CarePlan; the depth (UCUM `mm`) and the
///   session's window are extensions.
/// - Every `fullUrl` is a `urn:uuid:` with a name-based UUID, stable for the same course.
public enum CourseFHIR {
    static let codeSystem = FHIRNames.preparationCodeSystem
    static let depthExtension = FHIRNames.depthExtension
    static let windowExtension = FHIRNames.windowExtension
    static let ucum = FHIRNames.ucum

    /// The course as a FHIR R4 `Bundle`, pretty-printed JSON.
    public static func render(_ course: Course) -> String {
        let identity = CourseIdentity(course: course)
        let p = course.preparation
        let r = course.request
        let subject: JSONValue = .object([("display", .string("Patient (to be assigned by the practitioner)"))])
        let planURL = "urn:uuid:" + identity.courseUUID
        let sessionURLs = course.sessions.map { "urn:uuid:" + identity.sessionUUID($0.number) }
        let code: JSONValue = .object([
            ("coding", .array([.object([
                ("system", .string(codeSystem)),
                ("code", .string(p.id)),
                ("display", .string(p.name)),
            ])])),
            ("text", .string("Mesotherapy with \(p.name), \(course.technique)")),
        ])
        var notes: [JSONValue] = [.object([("text", .string(Course.disclaimer))])]
        let screening = course.screeningLines.joined(separator: "\n")
        notes.append(.object([("text", .string(screening))]))
        for line in course.doseLines { notes.append(.object([("text", .string("Dose: " + line))])) }
        for warning in course.warnings { notes.append(.object([("text", .string("Warning: " + warning))])) }
        for exclusion in course.excluded {
            notes.append(.object([("text", .string("Left out \(exclusion.preparation): \(exclusion.reason)"))]))
        }
        var planMembers: [(String, JSONValue)] = [
            ("resourceType", .string("CarePlan")),
            ("status", .string("draft")),
            ("intent", .string("proposal")),
            ("title", .string("Mesotherapy course: \(p.name)")),
            ("description", .string("\(Course.sessionCount(course.sessions.count)) of \(p.name) (\(p.id)) for \(r.concern)"
                + (course.regionsText.map { " in \($0)" } ?? "") + ", planned by the \(course.plugin) plugin")),
            ("subject", subject),
        ]
        if let first = course.sessions.first, let last = course.sessions.last {
            planMembers.append(("period", .object([("start", .string(first.date.description)), ("end", .string(last.date.description))])))
        }
        let activityURLs = sessionURLs + course.visits.map { "urn:uuid:" + identity.visitUUID($0) }
        if !activityURLs.isEmpty {
            planMembers.append(("activity", .array(activityURLs.map { .object([("reference", .object([("reference", .string($0))]))]) })))
        }
        planMembers.append(("note", .array(notes)))
        var entries: [JSONValue] = [.object([("fullUrl", .string(planURL)), ("resource", .object(planMembers))])]
        let instruction = course.aftercare.map(Course.text(of:)).joined(separator: "; ")
        for (session, url) in zip(course.sessions, sessionURLs) {
            var members: [(String, JSONValue)] = [
                ("resourceType", .string("ServiceRequest")),
                ("extension", .array([
                    .object([("url", .string(depthExtension)), ("valueRange", .object([
                        ("low", millimetres(course.depth.min)), ("high", millimetres(course.depth.max)),
                    ]))]),
                    .object([("url", .string(windowExtension)), ("valuePeriod", .object([
                        ("start", .string(session.earliest.description)), ("end", .string(session.latest.description)),
                    ]))]),
                ])),
                ("basedOn", .array([.object([("reference", .string(planURL))])])),
                ("status", .string("draft")),
                ("intent", .string("proposal")),
                ("priority", .string("routine")),
                ("code", code),
                ("orderDetail", .array([
                    .object([("text", .string("Technique: \(course.technique)"))]),
                    .object([("text", .string("Depth: \(course.depth)"))]),
                    .object([("text", .string("S" + course.label(of: session).dropFirst()))]),
                ])),
                ("subject", subject),
                ("occurrenceDateTime", .string(session.date.description)),
            ]
            if let dose = course.dose {
                members.append(("quantityRange", .object([
                    ("low", millilitres(dose.volume.lowerBound)), ("high", millilitres(dose.volume.upperBound)),
                ])))
            }
            if !r.regions.isEmpty {
                members.append(("bodySite", .array(r.regions.map { .object([("text", .string($0.description))]) })))
            }
            if !instruction.isEmpty { members.append(("patientInstruction", .string(instruction))) }
            members.append(("note", .array((session.notes + [Course.disclaimer]).map { .object([("text", .string($0))]) })))
            entries.append(.object([("fullUrl", .string(url)), ("resource", .object(members))]))
        }
        for visit in course.visits {
            let members: [(String, JSONValue)] = [
                ("resourceType", .string("ServiceRequest")),
                ("basedOn", .array([.object([("reference", .string(planURL))])])),
                ("status", .string("draft")),
                ("intent", .string("proposal")),
                ("priority", .string("routine")),
                ("code", .object([("text", .string("\(visit.kind.rawValue.capitalized) visit: \(visit.purpose)"))])),
                ("subject", subject),
                ("occurrenceDateTime", .string(visit.date.description)),
                ("note", .array([.object([("text", .string("Window: \(visit.earliest) to \(visit.latest)"))]),
                                 .object([("text", .string(Course.disclaimer))])])),
            ]
            entries.append(.object([("fullUrl", .string("urn:uuid:" + identity.visitUUID(visit))), ("resource", .object(members))]))
        }
        let bundle: JSONValue = .object([
            ("resourceType", .string("Bundle")),
            ("id", .string(identity.courseUUID)),
            ("type", .string("collection")),
            ("entry", .array(entries)),
        ])
        return bundle.rendered(pretty: true)
    }

    /// A UCUM quantity in millilitres.
    static func millilitres(_ value: Decimal) -> JSONValue {
        .object([("value", CourseJSON.decimal(value)), ("unit", .string("mL")), ("system", .string(ucum)), ("code", .string("mL"))])
    }

    /// A UCUM quantity in millimetres (lengths are stored in mm).
    static func millimetres(_ q: Quantity<LengthUnit>) -> JSONValue {
        .object([("value", .double(q.baseValue)), ("unit", .string("mm")), ("system", .string(ucum)), ("code", .string("mm"))])
    }
}
