import FoundationEssentials
import PreparationRegistry

/// `catalog course --format json`: the course object of the format's section 6, keys in a
/// fixed order, so the same course prints the same bytes.
public enum CourseJSON {
    /// The course as one JSON object (format section 6), keys in a fixed order, pretty-printed;
    /// `patient`, the reference the course is for, follows `horizon-end` when given.
    public static func render(_ course: Course, patient: String? = nil) -> String {
        let r = course.request
        var members: [(String, DataValue)] = [
            ("plugin", .string(course.plugin)),
            ("concern", .string(r.concern)),
            ("region", r.region.map { .string($0.rawValue) } ?? .null),
            ("regions", regions(r.regions)),
            ("conditions", .array(r.conditions.map(DataValue.string))),
            ("allergies", .array(r.allergies.map(DataValue.string))),
            ("start", .string(r.start.description)),
            ("hemisphere", .string(r.hemisphere.rawValue)),
            ("horizon", quantity(r.horizon)),
            ("horizon-end", .string(r.horizonEnd.description)),
        ]
        if let patient { members.append(("patient", .string(patient))) }
        members += [
            ("preparation", .string(course.preparation.id)),
            ("name", .string(course.preparation.name)),
            ("catalogue", catalogue(course.catalogue)),
        ]
        // (1.1) Only for a layered catalogue: the layer the preparation comes from.
        if let layer = course.layer { members.append(("layer", .string(layer.description))) }
        members += [
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
                    ("notes", .array(s.notes.map(DataValue.string))),
                ])
            })),
            ("complete", .bool(course.isComplete)),
            ("dose", course.dose.map(dose) ?? .null),
            ("visits", .array(course.visits.map { v in
                .object([
                    ("kind", .string(v.kind.rawValue)),
                    ("date", .string(v.date.description)),
                    ("earliest", .string(v.earliest.description)),
                    ("latest", .string(v.latest.description)),
                    ("purpose", .string(v.purpose)),
                    ("rule", .string(v.rule)),
                ])
            })),
            ("rules", .array(course.appliedRules.map(DataValue.string))),
            ("contraindications", .array(course.screening.map { check in
                var members: [(String, DataValue)] = [
                    ("condition", .string(check.condition)),
                    ("description", .string(check.description)),
                ]
                if !check.ingredients.isEmpty { members.append(("ingredients", .array(check.ingredients.map(DataValue.string)))) }
                // (1.1) The vocabulary's code, which the exports carry, when it gives one.
                if let code = check.code { members.append(("code", .string(code.description))) }
                return .object(members)
            })),
            ("screening", .string(screeningNote(course.request))),
            ("allergy-screening", .string(allergyNote(course))),
            ("aftercare", .array(course.aftercare.map { a in
                var members: [(String, DataValue)] = [("instruction", .string(a.instruction))]
                if let duration = a.duration { members.append(("for", range(duration))) }
                return .object(members)
            })),
            ("warnings", .array(course.warnings.map(DataValue.string))),
            ("excluded", exclusions(course.excluded)),
            ("note", .string(Course.disclaimer)),
        ]
        return DataValue.object(members).jsonText(pretty: true)
    }

    /// The object printed, besides the error, when no preparation qualifies.
    package static func render(_ refusal: CourseRefusal) -> String {
        let object: DataValue = .object([
            ("plugin", .string(refusal.plugin)),
            ("concern", .string(refusal.request.concern)),
            ("region", refusal.request.region.map { .string($0.rawValue) } ?? .null),
            ("regions", regions(refusal.request.regions)),
            ("conditions", .array(refusal.request.conditions.map(DataValue.string))),
            ("allergies", .array(refusal.request.allergies.map(DataValue.string))),
            ("catalogue", catalogue(refusal.catalogue)),
            ("preparation", .null),
            ("excluded", exclusions(refusal.excluded)),
            ("rules", .array(refusal.appliedRules.map(DataValue.string))),
            ("note", .string(Course.disclaimer)),
        ])
        return object.jsonText(pretty: true)
    }

    /// The request's regions: `{"region", "surface"}`, the surface `{"value", "unit": "cm2"}` or null.
    static func regions(_ list: [TreatedRegion]) -> DataValue {
        .array(list.map { treated in
            .object([("region", .string(treated.region.rawValue)), ("surface", treated.surface.map(surface) ?? .null)])
        })
    }

    static func surface(_ surface: Surface) -> DataValue {
        .object([("value", decimal(surface.squareCentimetres)), ("unit", .string("cm2"))])
    }

    /// `dose` (section 6): per region `{"region", "surface", "points", "volume"}`, and `total`.
    static func dose(_ dose: SessionDose) -> DataValue {
        func points(_ r: ClosedRange<Int>) -> DataValue { .object([("min", .int(r.lowerBound)), ("max", .int(r.upperBound))]) }
        func volume(_ r: ClosedRange<Decimal>) -> DataValue {
            .object([("min", millilitres(r.lowerBound)), ("max", millilitres(r.upperBound))])
        }
        return .object([
            ("regions", .array(dose.regions.map { region in
                .object([
                    ("region", .string(region.region.rawValue)),
                    ("surface", surface(region.surface)),
                    ("points", points(region.points)),
                    ("volume", volume(region.volume)),
                ])
            })),
            ("total", .object([
                ("surface", .object([("value", decimal(dose.surface)), ("unit", .string("cm2"))])),
                ("points", points(dose.points)),
                ("volume", volume(dose.volume)),
            ])),
            ("exceeds-max-per-session", .bool(dose.exceedsMaximum)),
            ("largest-surface", dose.largestSurface.map { .object([("value", decimal($0)), ("unit", .string("cm2"))]) } ?? .null),
        ])
    }

    static func millilitres(_ value: Decimal) -> DataValue { .object([("value", decimal(value)), ("unit", .string("ml"))]) }

    /// A decimal as a JSON number, as printed with six decimals at most: whole numbers as integers.
    package static func decimal(_ value: Decimal) -> DataValue {
        let text = Surface.plain(value)
        if let whole = Int(text) { return .int(whole) }
        return .double(Double(text) ?? Double(value.description) ?? 0)
    }

    /// `{"name", "version"}` of the catalogue, null where the manifest leaves one out.
    static func catalogue(_ identity: CatalogueIdentity) -> DataValue {
        .object([
            ("name", identity.name.map(DataValue.string) ?? .null),
            ("version", identity.version.map(DataValue.string) ?? .null),
        ])
    }

    /// What the course says about allergy to a component (a contraindication of mesotherapy by
    /// consensus, DOMAIN): whether allergies were given, and the preparation's ingredients to
    /// ask about.
    package static func allergyNote(_ course: Course) -> String {
        let ingredients = course.preparation.ingredients.map(\.name).joined(separator: ", ")
        return (course.request.allergies.isEmpty
            ? "Ask about allergy to each ingredient before each session: no allergy was given, so none has been ruled out."
            : "Ask about allergy to each ingredient before each session: the allergies given left out what they match by name "
                + "(an ingredient named in another language or by a brand this tool does not list may not match them: "
                + "compare each ingredient listed here); others have not been ruled out.")
            + " Ingredients: " + ingredients + "."
    }

    /// What `contraindications` means for this request.
    package static func screeningNote(_ request: CourseRequest) -> String {
        request.conditions.isEmpty
            ? "Screen for each contraindication before each session: no condition was given, so none has been ruled out."
            : "Screen for each contraindication before each session: the conditions given left out what they contraindicate; these have not been ruled out."
    }

    static func exclusions(_ list: [Exclusion]) -> DataValue {
        .array(list.map { e in
            .object([
                ("preparation", .string(e.preparation)),
                ("reason", .string(e.reason)),
                ("reasons", .array(e.reasons.map(DataValue.string))),
                ("treats-concern", .bool(e.treatsConcern)),
            ])
        })
    }

    static func quantity<U>(_ q: Quantity<U>) -> DataValue {
        .object([("value", .double(q.value)), ("unit", .string(q.unit.canonicalName))])
    }

    static func range<U>(_ r: QuantityRange<U>) -> DataValue {
        .object([("min", quantity(r.min)), ("max", quantity(r.max))])
    }
}
