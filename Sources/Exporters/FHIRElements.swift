import PreparationRegistry

/// The FHIR data types the definition exports share: UCUM quantities, durations, canonical
/// names.
enum FHIRElements {
    /// A UCUM quantity: `{"value", "unit", "system", "code"}`, the unit written as its code.
    static func quantity(_ value: Double, code: String) -> DataValue {
        .object([
            ("value", .double(value)), ("unit", .string(code)),
            ("system", .string(FHIRNames.ucum)), ("code", .string(code)),
        ])
    }

    /// The UCUM code of a duration unit, which is also its code in FHIR's `units-of-time`.
    static func ucumCode(_ unit: DurationUnit) -> String {
        switch unit {
        case .minute: return "min"
        case .hour: return "h"
        case .day: return "d"
        case .week: return "wk"
        case .month: return "mo"
        }
    }

    /// A duration range as two numbers and one UCUM unit: the range's own unit when both
    /// bounds share it, otherwise both in days, or in the finer of the two when it is finer
    /// than a day (`1 h - 2 days` is 1-48 h, exactly: an outside review saw `1 h` written
    /// 0.0417 d, 60.05 minutes; a month is 30.44 days, as the format compares them), to 6
    /// decimals.
    static func bounds(_ range: DurationRange) -> (low: Double, high: Double, code: String) {
        if range.min.unit == range.max.unit {
            return (range.min.value, range.max.value, ucumCode(range.min.unit))
        }
        // Days at the coarsest: weeks and months are whole or 30.44 days, and read best so.
        let order: [DurationUnit] = [.minute, .hour, .day]
        let finer = order.first { $0 == range.min.unit || $0 == range.max.unit } ?? .day
        func minutes(_ unit: DurationUnit) -> Double {
            switch unit {
            case .minute: return 1
            case .hour: return 60
            case .day: return 1440
            case .week: return 10_080
            case .month: return 30.44 * 1440
            }
        }
        func inFiner(_ q: Quantity<DurationUnit>) -> Double {
            (q.value * minutes(q.unit) / minutes(finer) * 1_000_000).rounded() / 1_000_000
        }
        return (inFiner(range.min), inFiner(range.max), ucumCode(finer))
    }

    /// A duration range as a FHIR `Range` of UCUM durations, with the units of ``bounds(_:)``.
    static func durationRange(_ range: DurationRange) -> DataValue {
        let b = bounds(range)
        return .object([("low", quantity(b.low, code: b.code)), ("high", quantity(b.high, code: b.code))])
    }

    /// A length range in millimetres as a FHIR `Range` in UCUM `mm`.
    static func millimetreRange(_ range: LengthRange) -> DataValue {
        .object([("low", quantity(range.min.baseValue, code: "mm")), ("high", quantity(range.max.baseValue, code: "mm"))])
    }

    /// A volume in millilitres as a UCUM `mL` quantity.
    static func millilitres(_ volume: Quantity<VolumeUnit>) -> DataValue { quantity(volume.value, code: "mL") }

    /// A name usable by machines, as FHIR's `name` invariants want it (`[A-Z][A-Za-z0-9_]*`):
    /// the slug's words capitalised and joined (`noncrosslinked-ha-hydration` ->
    /// `NoncrosslinkedHaHydration`), after `prefix` when the slug starts with a digit.
    static func computableName(_ slug: String, prefix: String) -> String {
        let words = slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }
        let joined = words.joined()
        return joined.first?.isLetter == true ? joined : prefix + joined
    }

    /// `{"text": text}` as a CodeableConcept.
    static func concept(text: String) -> DataValue { .object([("text", .string(text))]) }
}
