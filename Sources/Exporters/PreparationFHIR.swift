import PreparationRegistry

/// `catalog show ID --format fhir` and `catalog query --format fhir`: preparations as FHIR R4
/// definitions a FHIR system can apply, in a `Bundle` of type `collection` holding, for each
/// preparation, its `PlanDefinition` then the `ActivityDefinition` it uses.
///
/// Both are entries of the bundle, each with its own canonical URL as `fullUrl`
/// (`FHIRNames/planDefinition(_:)`, `FHIRNames/activityDefinition(_:)`), rather than the
/// ActivityDefinition `contained` in the PlanDefinition: a contained resource has no identity
/// of its own, so it could not be the target of the canonical `definitionCanonical` (nor be
/// named by other plans), and FHIR requires a contained resource to be referenced by `#id`.
///
/// - `PlanDefinition`: `url`, `version` (the catalogue's), `name` (the id in CamelCase),
///   `title` (the name), `type` `clinical-protocol`, `status` `retired` for a deprecated
///   preparation and `active` otherwise; one `action` per protocol phase (see
///   `action(_:index:previous:checks:vocabulary:activity:)`), the sources as citations and the
///   replacement of a deprecated preparation as its `successor`.
/// - `ActivityDefinition`: `url`, `version`, `status` as above, `kind` `ServiceRequest`,
///   `intent` `proposal`, `code` the preparation in `FHIRNames/preparationCodeSystem`, the
///   depth as the injection-depth extension (whose context includes ActivityDefinition),
///   `bodySite` (see `bodySite(_:)`) and one `dosage` (see `dosage(_:)`).
package enum PreparationFHIR {
    /// The preparations as one `Bundle` (pretty-printed JSON, with a final newline).
    package static func render(_ preparations: [Preparation], catalogue: CatalogueIdentity, vocabulary: Vocabulary) -> String {
        FHIRText.json(bundle(preparations, catalogue: catalogue, vocabulary: vocabulary)) + "\n"
    }

    /// The bundle ``render(_:catalogue:vocabulary:)`` prints: for each preparation, in the
    /// order given, its PlanDefinition then its ActivityDefinition (no `entry` when there is none).
    package static func bundle(_ preparations: [Preparation], catalogue: CatalogueIdentity, vocabulary: Vocabulary) -> DataValue {
        var entries: [DataValue] = []
        for p in preparations {
            entries.append(.object([
                ("fullUrl", .string(FHIRNames.planDefinition(p.id))),
                ("resource", planDefinition(p, catalogue: catalogue, vocabulary: vocabulary)),
            ]))
            entries.append(.object([
                ("fullUrl", .string(FHIRNames.activityDefinition(p.id))),
                ("resource", activityDefinition(p, catalogue: catalogue)),
            ]))
        }
        var members: [(String, DataValue)] = [("resourceType", .string("Bundle")), ("type", .string("collection"))]
        if !entries.isEmpty { members.append(("entry", .array(entries))) }  // FHIR JSON has no empty arrays
        return .object(members)
    }

    /// The definitions' status: `retired` for a deprecated preparation, else `active`.
    package static func status(_ p: Preparation) -> String { p.isDeprecated ? "retired" : "active" }

    /// The preparation's `PlanDefinition`.
    package static func planDefinition(_ p: Preparation, catalogue: CatalogueIdentity, vocabulary: Vocabulary) -> DataValue {
        var members = header("PlanDefinition", p, url: FHIRNames.planDefinition(p.id), catalogue: catalogue)
        members.append(("title", .string(p.name)))
        members.append(("type", .object([("coding", .array([.object([
            ("system", .string("http://terminology.hl7.org/CodeSystem/plan-definition-type")),
            ("code", .string("clinical-protocol")),
            ("display", .string("Clinical Protocol")),
        ])]))])))
        members.append(("status", .string(status(p))))
        members.append(("experimental", .bool(false)))
        if let name = catalogue.name { members.append(("publisher", .string(name))) }
        members.append(("description", .string(description(p))))
        if let notes = p.notes { members.append(("usage", .string(notes))) }
        var artifacts: [DataValue] = p.sources.map { .object([("type", .string("citation")), ("citation", .string($0))]) }
        if let next = p.deprecated?.replacedBy {
            artifacts.append(.object([("type", .string("successor")), ("resource", .string(FHIRNames.planDefinition(next)))]))
        }
        if !artifacts.isEmpty { members.append(("relatedArtifact", .array(artifacts))) }
        let checks = Screening.checks(for: p, vocabulary: vocabulary)
        let actions = p.phases.indices.map { index in
            action(p.phases[index], index: index, previous: index == 0 ? nil : p.phases[index - 1], checks: checks,
                   vocabulary: vocabulary, activity: FHIRNames.activityDefinition(p.id))
        }
        members.append(("action", .array(actions)))
        return .object(members)
    }

    /// The `id` of the action of the phase at `index` (from 0): `phase-1`, `phase-2`...
    package static func actionID(_ index: Int) -> String { "phase-\(index + 1)" }

    /// One protocol phase as an action: `id` ``actionID(_:)``, `title` the phase's name, a
    /// `description`, one applicability `condition` per contraindication (see
    /// ``condition(_:vocabulary:)``), for a phase after the first a `relatedAction`
    /// (`after-end` of the previous phase, `offsetRange` this phase's interval), the
    /// `timingTiming` of ``timing(_:)`` and `definitionCanonical` the ActivityDefinition.
    package static func action(_ phase: ProtocolPhase, index: Int, previous: ProtocolPhase?, checks: [Screening.Check],
                       vocabulary: Vocabulary, activity: String) -> DataValue {
        var members: [(String, DataValue)] = [
            ("id", .string(actionID(index))),
            ("title", .string(phase.name)),
            ("description", .string(phaseText(phase))),
        ]
        if !checks.isEmpty { members.append(("condition", .array(checks.map { condition($0, vocabulary: vocabulary) }))) }
        if previous != nil, let interval = phase.interval {
            members.append(("relatedAction", .array([.object([
                ("actionId", .string(actionID(index - 1))),
                ("relationship", .string("after-end")),
                ("offsetRange", FHIRElements.durationRange(interval)),
            ])])))
        }
        members.append(("timingTiming", timing(phase)))
        members.append(("definitionCanonical", .string(activity)))
        return .object(members)
    }

    /// A phase's sessions as a `Timing`: `repeat.count` the fewest sessions and `countMax` the
    /// most when they differ (both left out for a repeating phase, which repeats until the
    /// course's horizon); `period`, `periodMax` (when it differs) and `periodUnit` from the
    /// interval, in its own unit or, when its bounds have different units, both in days. A
    /// count beyond FHIR's `positiveInt` (2,147,483,647, which a catalogue may exceed) leaves
    /// both counts out rather than written invalid, or the fewest alone read as exact; the
    /// action's text still gives them.
    package static func timing(_ phase: ProtocolPhase) -> DataValue {
        var rep: [(String, DataValue)] = []
        let positiveInt = 1...Int(Int32.max)
        // Both counts or neither: a `count` without the `countMax` that did not fit reads as
        // exactly that many (an outside re-check's 2-3000000000 sessions read as 2).
        if !phase.repeats, positiveInt.contains(phase.sessions.min), positiveInt.contains(phase.sessions.max) {
            rep.append(("count", .int(phase.sessions.min)))
            if phase.sessions.max != phase.sessions.min { rep.append(("countMax", .int(phase.sessions.max))) }
        }
        if let interval = phase.interval {
            let b = FHIRElements.bounds(interval)
            rep.append(("period", .double(b.low)))
            if b.high != b.low { rep.append(("periodMax", .double(b.high))) }
            rep.append(("periodUnit", .string(b.code)))
        }
        return .object([("repeat", .object(rep))])
    }

    /// One condition to screen for as an applicability condition: the action applies only to
    /// a patient without it. FHIR has no computable form for the catalogue's conditions, so the
    /// expression is `text/plain` prose for the practitioner (no FHIRPath or CQL that could
    /// not run), naming the condition's slug, its code when the vocabulary gives one, and the
    /// ingredients it makes unsafe.
    package static func condition(_ check: Screening.Check, vocabulary: Vocabulary) -> DataValue {
        var text = "The patient does not have '\(check.condition)': \(check.description)"
        if let code = vocabulary.conditions[check.condition]?.code { text += " (\(code))" }
        if !check.ingredients.isEmpty { text += "; it makes \(check.ingredients.joined(separator: ", ")) unsafe" }
        return .object([
            ("kind", .string("applicability")),
            ("expression", .object([
                ("description", .string("Contraindication: \(check.description)")),
                ("language", .string("text/plain")),
                ("expression", .string(text + ".")),
            ])),
        ])
    }

    /// The preparation's `ActivityDefinition`.
    package static func activityDefinition(_ p: Preparation, catalogue: CatalogueIdentity) -> DataValue {
        var members = header("ActivityDefinition", p, url: FHIRNames.activityDefinition(p.id), catalogue: catalogue,
                             extensions: [.object([("url", .string(FHIRNames.depthExtension)),
                                                   ("valueRange", FHIRElements.millimetreRange(p.depth))])])
        members.append(("title", .string("Mesotherapy with \(p.name)")))
        members.append(("status", .string(status(p))))
        members.append(("experimental", .bool(false)))
        if let name = catalogue.name { members.append(("publisher", .string(name))) }
        var description = "Mesotherapy injections of \(p.name) by \(techniquesText(p)), at a depth of \(p.depth)"
        if let dosing = p.dosing { description += "; \(Course.dosingText(dosing))" }
        members.append(("description", .string(description + ".")))
        members.append(("kind", .string("ServiceRequest")))
        members.append(("intent", .string("proposal")))
        members.append(("code", .object([
            ("coding", .array([.object([
                ("system", .string(FHIRNames.preparationCodeSystem)), ("code", .string(p.id)), ("display", .string(p.name)),
            ])])),
            ("text", .string("Mesotherapy with \(p.name)")),
        ])))
        members.append(("dosage", .array([dosage(p)])))
        members.append(("bodySite", .array(p.regions.map(bodySite))))
        return .object(members)
    }

    /// A region as a body site: its SNOMED CT code where ``Region/snomedCode`` gives one (no
    /// display, which only the terminology knows exactly), and its name as text.
    package static func bodySite(_ region: Region) -> DataValue {
        var members: [(String, DataValue)] = []
        if let code = region.snomedCode {
            members.append(("coding", .array([.object([("system", .string(FHIRNames.snomed)), ("code", .string(code))])])))
        }
        members.append(("text", .string(region.rawValue)))
        return .object(members)
    }

    /// How it is injected: `method` the techniques; with `dosing`, one `doseAndRate` whose
    /// `doseRange` is the volume a point in UCUM `mL`, and `maxDosePerAdministration` the most a
    /// session may take, if given. The same in words is the ActivityDefinition's
    /// `description`, not `Dosage.text`, which pyfhircheck 0.2.0 wrongly refuses (it takes
    /// `text` for a resource's narrative on every type).
    package static func dosage(_ p: Preparation) -> DataValue {
        var members: [(String, DataValue)] = [("method", FHIRElements.concept(text: techniquesText(p)))]
        if let dosing = p.dosing {
            members.append(("doseAndRate", .array([.object([
                ("type", FHIRElements.concept(text: "per injection point")),
                ("doseRange", .object([
                    ("low", FHIRElements.millilitres(dosing.perPoint.min)),
                    ("high", FHIRElements.millilitres(dosing.perPoint.max)),
                ])),
            ])])))
            if let maximum = dosing.maxPerSession {
                members.append(("maxDosePerAdministration", FHIRElements.millilitres(maximum)))
            }
        }
        return .object(members)
    }

    // MARK: - Words

    /// `resourceType`, `id`, the extensions, `url`, `version` and `name`, in FHIR's order.
    static func header(_ type: String, _ p: Preparation, url: String, catalogue: CatalogueIdentity,
                       extensions: [DataValue] = []) -> [(String, DataValue)] {
        var members: [(String, DataValue)] = [("resourceType", .string(type)), ("id", .string(p.id))]
        if !extensions.isEmpty { members.append(("extension", .array(extensions))) }
        members.append(("url", .string(url)))
        if let version = catalogue.version { members.append(("version", .string(version))) }
        members.append(("name", .string(FHIRElements.computableName(p.id, prefix: "Preparation"))))
        return members
    }

    /// The summary, the deprecation and the course in a sentence each.
    static func description(_ p: Preparation) -> String {
        var parts: [String] = []
        if let summary = p.summary { parts.append(summary) }
        if let d = p.deprecated {
            var text = "Deprecated" + (d.since.map { " since \($0)" } ?? "") + ": \(d.because)"
            if let next = d.replacedBy { text += " (replaced by \(next))" }
            parts.append(text + ".")
        }
        parts.append("Protocol: " + p.phases.map { "\($0.name), \(phaseText($0))" }.joined(separator: "; then ") + ".")
        return parts.joined(separator: " ")
    }

    /// `4-6 sessions, 2-3 weeks apart`, `1 session, 2-6 months after the previous phase,
    /// repeating until the course's horizon`.
    static func phaseText(_ phase: ProtocolPhase) -> String {
        var text = "\(phase.sessions) session\(phase.sessions.max == 1 ? "" : "s")"
        if let interval = phase.interval {
            text += phase.sessions.max == 1 && !phase.repeats ? ", \(interval) after the previous phase" : ", \(interval) apart"
        }
        if phase.repeats { text += ", repeating until the course's horizon" }
        return text
    }

    /// `nappage or point-by-point`.
    static func techniquesText(_ p: Preparation) -> String {
        p.techniques.map(\.rawValue).joined(separator: " or ")
    }
}
