import FoundationEssentials
import PreparationRegistry

/// `catalog course --format fhir`: a FHIR R4 `Bundle` holding one `CarePlan` for the course, one
/// `ServiceRequest` per session and one per visit.
///
/// - The Bundle is of type `collection` (the default) or, for posting to a server,
///   `transaction` (each entry with a `request` to `POST` its resource). Its `id` is its own.
/// - `CarePlan`: `status` `draft` and `intent` `proposal` (a plan proposed to a practitioner,
///   not an order), a narrative, an `identifier`, `subject` the patient named by
///   `Options.patient` (else a display saying none is named), `period` from the first to the
///   last session or visit, `instantiatesCanonical` the preparation's PlanDefinition, one
///   `activity.reference` per request, notes (the disclaimer, what to screen for with codes
///   where the vocabulary gives them, the dose, warnings, exclusions).
/// - Each session's `ServiceRequest`: `status` `draft`, `intent` `proposal`, `priority`
///   `routine`, a narrative, an `identifier`, `code` the preparation in the catalogue's own
///   code system, `reasonCode` the concern (with its vocabulary code when there is one),
///   `occurrenceDateTime` the session's date (section 6), `quantityRange` the session's volume
///   in UCUM mL when there is a dose, `bodySite` the regions (SNOMED CT where the library has
///   the body site's code), `patientInstruction` the aftercare, `basedOn` the CarePlan; the depth
///   (UCUM `mm`) and the session's window are extensions defined by `catalog fhir-definitions`.
/// - Every `fullUrl` is a `urn:uuid:` with a name-based UUID, stable for the same course and
///   patient; a course for another patient shares no identifier with it.
public enum CourseFHIR {
    /// How the bundle is made.
    public struct Options: Sendable, Hashable {
        /// The kind of Bundle.
        public enum BundleType: String, Sendable, Hashable, CaseIterable {
            /// A collection of resources (the default): for reading and validation.
            case collection
            /// A transaction: each entry carries a `request` to create its resource on a server.
            case transaction
        }

        /// The patient, as a FHIR reference (`Patient/123`, an absolute URL or `urn:uuid:...`);
        /// nil when none is named.
        package var patient: String?
        /// The kind of Bundle.
        package var bundleType: BundleType

        /// Creates options.
        public init(patient: String? = nil, bundleType: BundleType = .collection) {
            self.patient = patient
            self.bundleType = bundleType
        }
    }

    static let codeSystem = FHIRNames.preparationCodeSystem
    static let depthExtension = FHIRNames.depthExtension
    static let windowExtension = FHIRNames.windowExtension
    static let ucum = FHIRNames.ucum

    /// The course as a FHIR R4 `Bundle`, pretty-printed JSON.
    public static func render(_ course: Course, options: Options = Options()) -> String {
        let identity = CourseIdentity(course: course, patient: options.patient)
        let subject: DataValue = options.patient.map { .object([("reference", .string($0))]) }
            ?? .object([("display", .string("No patient named: to be assigned by the practitioner"))])
        let planURL = "urn:uuid:" + identity.courseUUID
        let sessionURLs = course.sessions.map { "urn:uuid:" + identity.sessionUUID($0.number) }
        let visitURLs = identity.visitUUIDs.map { "urn:uuid:" + $0 }
        var entries: [(url: String, resource: [(String, DataValue)])] = [
            (planURL, carePlan(course, url: planURL, subject: subject, activities: sessionURLs + visitURLs,
                               patientNamed: options.patient != nil)),
        ]
        for (session, url) in zip(course.sessions, sessionURLs) {
            entries.append((url, sessionRequest(course, session, url: url, planURL: planURL, subject: subject)))
        }
        for (visit, url) in zip(course.visits, visitURLs) {
            entries.append((url, visitRequest(course, visit, url: url, planURL: planURL, subject: subject)))
        }
        let bundle: DataValue = .object([
            ("resourceType", .string("Bundle")),
            ("id", .string(identity.bundleUUID)),
            ("type", .string(options.bundleType.rawValue)),
            ("entry", .array(entries.map { entry in
                var members: [(String, DataValue)] = [("fullUrl", .string(entry.url)), ("resource", .object(entry.resource))]
                if options.bundleType == .transaction, case .string(let type)? = entry.resource.first?.1 {
                    members.append(("request", .object([("method", .string("POST")), ("url", .string(type))])))
                }
                return .object(members)
            })),
        ])
        return FHIRText.json(bundle)
    }

    static func carePlan(_ course: Course, url: String, subject: DataValue, activities: [String],
                         patientNamed: Bool) -> [(String, DataValue)] {
        let p = course.preparation, r = course.request
        let description = "\(Course.sessionCount(course.sessions.count)) of \(p.name) (\(p.id)) for \(r.concern)"
            + (course.regionsText.map { " in \($0)" } ?? "") + ", planned by the \(course.plugin) plugin"
        var notes = [Course.disclaimer]
        if !patientNamed { notes.append("No patient is named (catalog course --patient names one).") }
        notes.append((course.screeningLines + screeningCodes(course)).joined(separator: "\n"))
        notes += course.doseLines.map { "Dose: " + $0 }
        notes += course.warnings.map { "Warning: " + $0 }
        notes += course.excluded.map { "Left out \($0.preparation): \($0.reason)" }
        var members: [(String, DataValue)] = [
            ("resourceType", .string("CarePlan")),
            ("text", narrative(["Mesotherapy course: \(p.name)", description, Course.disclaimer])),
            ("identifier", .array([identifier(url)])),
            ("instantiatesCanonical", .array([.string(FHIRNames.canonical(FHIRNames.planDefinition(p.id), version: course.catalogue.version))])),
            ("status", .string("draft")),
            ("intent", .string("proposal")),
            ("title", .string("Mesotherapy course: \(p.name)")),
            ("description", .string(description)),
            ("subject", subject),
        ]
        // The period holds every activity: sessions, and visits (a follow-up after the last session).
        let dates = course.sessions.map(\.date) + course.visits.map(\.date)
        if let first = dates.min(), let last = dates.max() {
            members.append(("period", .object([("start", .string(first.description)), ("end", .string(last.description))])))
        }
        if !activities.isEmpty {
            members.append(("activity", .array(activities.map { .object([("reference", .object([("reference", .string($0))]))]) })))
        }
        members.append(("note", .array(notes.map { .object([("text", .string($0))]) })))
        return members
    }

    /// The screened conditions that carry a code, as `- pregnancy: http://snomed.info/sct|77386006`.
    static func screeningCodes(_ course: Course) -> [String] {
        course.screening.compactMap { check in check.code.map { "- \(check.condition) is coded \($0)" } }
    }

    static func sessionRequest(_ course: Course, _ session: PlannedSession, url: String, planURL: String,
                               subject: DataValue) -> [(String, DataValue)] {
        let p = course.preparation, r = course.request
        let label = "S" + course.label(of: session).dropFirst()
        var members: [(String, DataValue)] = [
            ("resourceType", .string("ServiceRequest")),
            ("text", narrative(["\(p.name): \(label)", "Planned on \(session.date); window \(session.earliest) to \(session.latest)",
                                "Technique: \(course.technique); depth: \(course.depth)"])),
            ("extension", .array([
                .object([("url", .string(depthExtension)), ("valueRange", .object([
                    ("low", millimetres(course.depth.min)), ("high", millimetres(course.depth.max)),
                ]))]),
                .object([("url", .string(windowExtension)), ("valuePeriod", .object([
                    ("start", .string(session.earliest.description)), ("end", .string(session.latest.description)),
                ]))]),
            ])),
            ("identifier", .array([identifier(url)])),
            ("basedOn", .array([.object([("reference", .string(planURL))])])),
            ("status", .string("draft")),
            ("intent", .string("proposal")),
            ("priority", .string("routine")),
            ("code", .object([
                ("coding", .array([.object([("system", .string(codeSystem)), ("code", .string(p.id)), ("display", .string(p.name))])])),
                ("text", .string("Mesotherapy with \(p.name), \(course.technique)")),
            ])),
            ("orderDetail", .array([
                .object([("text", .string("Technique: \(course.technique)"))]),
                .object([("text", .string("Depth: \(course.depth)"))]),
                .object([("text", .string(label))]),
            ])),
        ]
        if let dose = course.dose {
            members.append(("quantityRange", .object([
                ("low", millilitres(dose.volume.lowerBound)), ("high", millilitres(dose.volume.upperBound)),
            ])))
        }
        members += [
            ("subject", subject),
            ("occurrenceDateTime", .string(session.date.description)),
            ("reasonCode", .array([concept(text: course.concern?.description ?? r.concern, code: course.concern?.code)])),
        ]
        if !r.regions.isEmpty {
            members.append(("bodySite", .array(r.regions.map { concept(text: $0.description, code: $0.region.bodySiteCode) })))
        }
        let instruction = course.aftercare.map(Course.text(of:)).joined(separator: "; ")
        if !instruction.isEmpty { members.append(("patientInstruction", .string(instruction))) }
        // Every warning of the course on each session's request too, as on each calendar event:
        // a server that receives the requests one by one (a transaction) shows each alone.
        let warnings = course.courseWideWarnings + course.ownWarnings(of: session)
            + (course.seasonWarning(of: session).map { [$0] } ?? [])
        // Without a region requested there is no bodySite: the note says where (the table's words).
        let regions = r.regions.isEmpty ? ["Regions: " + course.regionsLine] : []
        let notes = regions + (course.incompleteLine.map { [$0] } ?? []) + warnings.map { "Warning: " + $0 } + session.notes + [Course.disclaimer]
        members.append(("note", .array(notes.map { .object([("text", .string($0))]) })))
        return members
    }

    static func visitRequest(_ course: Course, _ visit: Visit, url: String, planURL: String,
                             subject: DataValue) -> [(String, DataValue)] {
        let what = "\(visit.kind.sentenceCase) visit: \(visit.purpose)"
        return [
            ("resourceType", .string("ServiceRequest")),
            ("text", narrative([what, "Planned on \(visit.date); window \(visit.earliest) to \(visit.latest)"])),
            ("identifier", .array([identifier(url)])),
            ("basedOn", .array([.object([("reference", .string(planURL))])])),
            ("status", .string("draft")),
            ("intent", .string("proposal")),
            ("priority", .string("routine")),
            ("code", .object([("text", .string(what))])),
            ("subject", subject),
            ("occurrenceDateTime", .string(visit.date.description)),
            ("note", .array([.object([("text", .string("Window: \(visit.earliest) to \(visit.latest)"))]),
                             .object([("text", .string(Course.disclaimer))])])),
        ]
    }

    /// A CodeableConcept: the text, and the coding when there is a code.
    static func concept(text: String, code: ConceptCode?) -> DataValue {
        guard let code else { return .object([("text", .string(text))]) }
        return .object([
            ("coding", .array([.object([("system", .string(code.system)), ("code", .string(code.code))])])),
            ("text", .string(text)),
        ])
    }

    /// The resource's identifier: its `urn:uuid:`, in the URI system.
    static func identifier(_ url: String) -> DataValue {
        .object([("system", .string("urn:ietf:rfc:3986")), ("value", .string(url))])
    }

    /// A generated narrative: one XHTML paragraph per line, text escaped.
    static func narrative(_ lines: [String]) -> DataValue {
        func escape(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "\u{00}"..."\u{08}", "\u{0B}", "\u{0C}", "\u{0E}"..."\u{1F}", "\u{7F}": break
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        let div = "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + lines.map { "<p>\(escape($0))</p>" }.joined() + "</div>"
        return .object([("status", .string("generated")), ("div", .string(div))])
    }

    /// A UCUM quantity in millilitres.
    static func millilitres(_ value: Decimal) -> DataValue {
        .object([("value", CourseJSON.decimal(value)), ("unit", .string("mL")), ("system", .string(ucum)), ("code", .string("mL"))])
    }

    /// A UCUM quantity in millimetres (lengths are stored in mm).
    static func millimetres(_ q: Quantity<LengthUnit>) -> DataValue {
        .object([("value", .double(q.baseValue)), ("unit", .string("mm")), ("system", .string(ucum)), ("code", .string("mm"))])
    }
}

extension Region {
    /// The region's body site as a SNOMED CT concept, when the library knows its code
    /// (``Region/snomedCode``).
    var bodySiteCode: ConceptCode? { snomedCode.map { ConceptCode(system: FHIRNames.snomed, code: $0) } }
}
