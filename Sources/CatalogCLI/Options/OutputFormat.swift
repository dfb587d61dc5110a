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
