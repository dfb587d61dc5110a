import OrderedCollections

/// A preparation as a tree of plain values, the keys of section 2 of the contract in the order
/// of its table, then the `x-` keys in the order written. The canonical JSON
/// (``PreparationJSON``) and the YAML output (``PreparationYAML``) are both this tree; they
/// differ only in how ranges and concentrations are written (``PreparationDocument/Style``).
///
/// - Optional single values (`summary`, `session-time`, `dosing`, `evidence`, `deprecated`,
///   `notes`, an ingredient's `class` and `concentration`, dosing's `max-per-session`, a side
///   effect's `lasts` and `frequency`, an instruction's `for`) are left out when absent.
/// - Lists are always present, empty when the source has none (`"contraindications": []`).
/// - Plain-string ingredients, side effects and aftercare come out in their mapping form, and
///   every phase has `repeat` (`false` when the source leaves it out).
enum PreparationDocument {
    /// How ranges and concentrations are written.
    enum Style {
        /// The contract's JSON: a range is `{"min": B, "max": B}` with B `{"value": n, "unit":
        /// "day"}` (a whole number for sessions); a concentration `{"value": n, "unit": "%"}`.
        case canonical
        /// The catalogue's own text forms (`0.5-2 mm`, `3 days - 1 month`, `4-6`, `1.35 %`),
        /// so that the document reads back through the loader.
        case catalogue
    }

    static func value(of p: Preparation, style: Style) -> DataValue {
        var members: [(String, DataValue)] = [
            ("id", .string(p.id)),
            ("name", .string(p.name)),
        ]
        if let summary = p.summary { members.append(("summary", .string(summary))) }
        members.append(("ingredients", .array(p.ingredients.map { ingredient($0, style) })))
        members.append(("regions", .array(p.regions.map { .string($0.rawValue) })))
        members.append(("indications", .array(p.indications.map { .string($0) })))
        members.append(("techniques", .array(p.techniques.map { .string($0.rawValue) })))
        members.append(("depth", range(p.depth, style)))
        members.append(("residence", range(p.residence, style)))
        members.append(("protocol", .array(p.phases.map { phase($0, style) })))
        if let time = p.sessionTime { members.append(("session-time", range(time, style))) }
        if let dosing = p.dosing { members.append(("dosing", self.dosing(dosing, style))) }
        members.append(("contraindications", .array(p.contraindications.map { .string($0) })))
        members.append(("side-effects", .array(p.sideEffects.map { sideEffect($0, style) })))
        members.append(("aftercare", .array(p.aftercare.map { aftercare($0, style) })))
        members.append(("avoid-seasons", .array(p.avoidSeasons.map { .string($0.rawValue) })))
        members.append(("sources", .array(p.sources.map { .string($0) })))
        if let evidence = p.evidence { members.append(("evidence", .string(evidence.rawValue))) }
        if let deprecated = p.deprecated {
            var fields: [(String, DataValue)] = []
            if let since = deprecated.since { fields.append(("since", .string(since))) }
            fields.append(("because", .string(deprecated.because)))
            if let replacement = deprecated.replacedBy { fields.append(("replaced-by", .string(replacement))) }
            members.append(("deprecated", .object(fields)))
        }
        if let notes = p.notes { members.append(("notes", .string(notes))) }
        for (key, value) in p.extensions { members.append((key, value)) }
        return .object(members)
    }

    static func ingredient(_ i: Ingredient, _ style: Style) -> DataValue {
        var fields: [(String, DataValue)] = [("name", .string(i.name))]
        if let ingredientClass = i.ingredientClass { fields.append(("class", .string(ingredientClass))) }
        if let c = i.concentration {
            switch style {
            case .canonical:
                fields.append(("concentration", .object([("value", .double(c.value)), ("unit", .string(c.unit.rawValue))])))
            case .catalogue:
                fields.append(("concentration", .string(c.description)))
            }
        }
        return .object(fields)
    }

    static func range<U>(_ r: QuantityRange<U>, _ style: Style) -> DataValue {
        switch style {
        case .canonical:
            return .object([("min", quantity(r.min, style)), ("max", quantity(r.max, style))])
        case .catalogue:
            return .string(r.description)
        }
    }

    /// One quantity: `{"value": n, "unit": "ml"}`, or its text (`10 ml`).
    static func quantity<U>(_ q: Quantity<U>, _ style: Style) -> DataValue {
        switch style {
        case .canonical: return .object([("value", .double(q.value)), ("unit", .string(q.unit.canonicalName))])
        case .catalogue: return .string(q.description)
        }
    }

    /// `per-point` and `spacing` as ranges (spacing in the units written, mm or cm), then
    /// `max-per-session` as one quantity when given.
    static func dosing(_ d: Dosing, _ style: Style) -> DataValue {
        var fields: [(String, DataValue)] = [("per-point", range(d.perPoint, style)), ("spacing", range(d.spacing, style))]
        if let most = d.maxPerSession { fields.append(("max-per-session", quantity(most, style))) }
        return .object(fields)
    }

    static func count(_ r: CountRange, _ style: Style) -> DataValue {
        switch style {
        case .canonical: return .object([("min", .int(r.min)), ("max", .int(r.max))])
        case .catalogue: return r.min == r.max ? .int(r.min) : .string(r.description)
        }
    }

    static func phase(_ p: ProtocolPhase, _ style: Style) -> DataValue {
        var fields: [(String, DataValue)] = [("phase", .string(p.name)), ("sessions", count(p.sessions, style))]
        if let interval = p.interval { fields.append(("interval", range(interval, style))) }
        fields.append(("repeat", .bool(p.repeats)))
        return .object(fields)
    }

    static func sideEffect(_ s: SideEffect, _ style: Style) -> DataValue {
        var fields: [(String, DataValue)] = [("effect", .string(s.effect))]
        if let lasts = s.lasts { fields.append(("lasts", range(lasts, style))) }
        if let frequency = s.frequency { fields.append(("frequency", .string(frequency.rawValue))) }
        return .object(fields)
    }

    static func aftercare(_ a: AftercareInstruction, _ style: Style) -> DataValue {
        var fields: [(String, DataValue)] = [("instruction", .string(a.instruction))]
        if let duration = a.duration { fields.append(("for", range(duration, style))) }
        return .object(fields)
    }

}
