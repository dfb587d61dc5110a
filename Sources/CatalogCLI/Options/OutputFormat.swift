import ArgumentParser

/// The output format of `query` and `show`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned columns for people (`show`: the whole entry, one field a line).
    case table
    /// The canonical JSON of section 6 of the contract.
    case json
    /// YAML written by libyaml's emitter: catalogue documents that read back as the same data.
    case yaml
    /// FHIR R4 (format 1.1): a `Bundle` of each preparation's `PlanDefinition` and `ActivityDefinition`.
    case fhir
}

/// The output format of `vocabulary`: those of ``OutputFormat`` but FHIR, which has no form for
/// a vocabulary (so the parser lists only these, and refuses `fhir` as any unknown value).
enum VocabularyFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, yaml
}

/// The output format of `query`: those of ``OutputFormat``, and two for lists of many rows
/// that `show` (one preparation) has no use for.
enum QueryFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    /// RFC 4180 comma-separated values, for spreadsheets (``PreparationCSV``).
    case csv
    case json
    /// JSON Lines: one preparation's canonical JSON a line, the objects of `json`'s array.
    case jsonl
    case yaml
    case fhir

    /// The same format of `show`, for those the two commands share; nil for `csv` and `jsonl`.
    var shared: OutputFormat? {
        switch self {
        case .table: .table
        case .json: .json
        case .yaml: .yaml
        case .fhir: .fhir
        case .csv, .jsonl: nil
        }
    }
}

/// The output format of `validate`.
enum ValidationFormat: String, ExpressibleByArgument, CaseIterable {
    /// Compiler-style lines with the source line and a caret, then the counts.
    case text
    /// One object: the counts and an array of diagnostics.
    case json
    /// JSON Lines: one diagnostic a line (the objects of `json`'s array), then one line with
    /// the counts.
    case jsonl
}
