/// The canonical JSON of preparations: what `catalog query --format json` and `catalog show
/// --format json` print, and what other tools may rely on (section 6 of the contract).
///
/// The same preparations always give the same bytes. Keys come in the order of the contract's
/// table (`id`, `name`, `summary`, `ingredients`, `regions`, `indications`, `techniques`,
/// `depth`, `residence`, `protocol`, `session-time`, `dosing`, `contraindications`,
/// `side-effects`, `aftercare`, `avoid-seasons`, `sources`, `evidence`, `deprecated`, `notes`),
/// then the `x-` keys in the order written. Every range is `{"min": B, "max": B}` where B is
/// `{"value": n, "unit": "mm" | "minute" | "hour" | "day" | "week" | "month"}` for lengths and
/// durations, `{"value": n, "unit": "ml"}` for volumes, `{"value": n, "unit": "mm" | "cm"}`
/// for the spacing of dosing (its unit as written), and a whole number for `sessions`;
/// `dosing` is `{"per-point": range, "spacing": range, "max-per-session": {"value": n, "unit":
/// "ml"}}`; a concentration is `{"value": n, "unit": "%" | "mg/ml" | "ug/ml" | "IU/ml"}`.
/// Numbers are written as ``DataValue`` says: `2`, not `2.0`. Optional single values are left
/// out when absent; lists are always present.
public enum PreparationJSON {
    /// The canonical JSON value of one preparation.
    package static func value(of preparation: Preparation) -> DataValue {
        PreparationDocument.value(of: preparation, style: .canonical)
    }

    /// One preparation as canonical JSON, indented by two spaces, without a final newline.
    public static func encode(_ preparation: Preparation) -> String {
        value(of: preparation).jsonText(pretty: true)
    }

    /// An array of preparations, in the order given, as canonical JSON.
    public static func encode(_ preparations: [Preparation]) -> String {
        DataValue.array(preparations.map(value(of:))).jsonText(pretty: true)
    }
}
