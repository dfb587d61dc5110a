import PreparationRegistry

/// `catalog course --format json`: the course object of the format's section 6, keys in a
/// fixed order, so the same course prints the same bytes.
enum CourseJSON {
    static func render(_ course: Course) -> String {
        let r = course.request
        let object: JSONValue = .object([
            ("plugin", .string(course.plugin)),
            ("concern", .string(r.concern)),
            ("region", r.region.map { .string($0.rawValue) } ?? .null),
            ("conditions", .array(r.conditions.map(JSONValue.string))),
            ("allergies", .array(r.allergies.map(JSONValue.string))),
            ("start", .string(r.start.description)),
            ("hemisphere", .string(r.hemisphere.rawValue)),
            ("horizon", quantity(r.horizon)),
            ("horizon-end", .string(r.horizonEnd.description)),
            ("preparation", .string(course.preparation.id)),
            ("name", .string(course.preparation.name)),
            ("catalogue", catalogue(course.catalogue)),
            ("evidence", course.preparation.evidence.map { .string($0.rawValue) } ?? .null),
            ("technique", .string(course.technique.rawValue)),
            ("depth", range(course.depth)),
            ("sessions", .array(course.sessions.map { s in
                .object([
                    ("number", .int(s.number)),
                    ("phase", .string(s.phase)),
                    ("cycle", .int(s.cycle)),
                    ("date", .string(s.date.description)),
                    ("earliest", .string(s.earliest.description)),
                    ("latest", .string(s.latest.description)),
                    ("avoided-season", s.avoidedSeason.map { .string($0.rawValue) } ?? .null),
                ])
            })),
            ("complete", .bool(course.isComplete)),
            ("contraindications", .array(course.screening.map { check in
                var members: [(String, JSONValue)] = [
                    ("condition", .string(check.condition)),
                    ("description", .string(check.description)),
                ]
                if !check.ingredients.isEmpty { members.append(("ingredients", .array(check.ingredients.map(JSONValue.string)))) }
                return .object(members)
            })),
            ("screening", .string(screeningNote(course.request))),
            ("aftercare", .array(course.aftercare.map { a in
                var members: [(String, JSONValue)] = [("instruction", .string(a.instruction))]
                if let duration = a.duration { members.append(("for", range(duration))) }
                return .object(members)
            })),
            ("warnings", .array(course.warnings.map(JSONValue.string))),
            ("excluded", exclusions(course.excluded)),
            ("note", .string(Course.disclaimer)),
        ])
        return object.rendered(pretty: true)
    }

    /// The object printed, besides the error, when no preparation qualifies.
    static func render(_ refusal: CourseRefusal) -> String {
        let object: JSONValue = .object([
            ("plugin", .string(refusal.plugin)),
            ("concern", .string(refusal.request.concern)),
            ("region", refusal.request.region.map { .string($0.rawValue) } ?? .null),
            ("conditions", .array(refusal.request.conditions.map(JSONValue.string))),
            ("allergies", .array(refusal.request.allergies.map(JSONValue.string))),
            ("catalogue", catalogue(refusal.catalogue)),
            ("preparation", .null),
            ("excluded", exclusions(refusal.excluded)),
            ("note", .string(Course.disclaimer)),
        ])
        return object.rendered(pretty: true)
    }

    /// `{"name", "version"}` of the catalogue, null where the manifest leaves one out.
    static func catalogue(_ identity: CatalogueIdentity) -> JSONValue {
        .object([
            ("name", identity.name.map(JSONValue.string) ?? .null),
            ("version", identity.version.map(JSONValue.string) ?? .null),
        ])
    }

    /// What `contraindications` means for this request.
    static func screeningNote(_ request: CourseRequest) -> String {
        request.conditions.isEmpty
            ? "Screen for each contraindication before each session: no condition was given, so none has been ruled out."
            : "Screen for each contraindication before each session: the conditions given left out what they contraindicate; these have not been ruled out."
    }

    static func exclusions(_ list: [Exclusion]) -> JSONValue {
        .array(list.map { e in
            .object([
                ("preparation", .string(e.preparation)),
                ("reason", .string(e.reason)),
                ("reasons", .array(e.reasons.map(JSONValue.string))),
                ("treats-concern", .bool(e.treatsConcern)),
            ])
        })
    }

    static func quantity<U>(_ q: Quantity<U>) -> JSONValue {
        .object([("value", .double(q.value)), ("unit", .string(q.unit.canonicalName))])
    }

    static func range<U>(_ r: QuantityRange<U>) -> JSONValue {
        .object([("min", quantity(r.min)), ("max", quantity(r.max))])
    }
}
