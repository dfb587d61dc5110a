/// The canonical URLs of what the FHIR exports define: the extensions (each described by a
/// StructureDefinition) and the project's own code system (described by a CodeSystem), all
/// printed by `catalog fhir-definitions`. `example.org` is reserved for examples: the
/// definitions are served by the tool, not by a host.
package enum FHIRNames {
    /// The base of every canonical URL of the project.
    package static let base = "http://mesotherapy-catalogue.example.org/fhir"
    /// The extension on a ServiceRequest giving the injection depth as a UCUM `mm` Range.
    package static let depthExtension = base + "/StructureDefinition/injection-depth"
    /// The extension on a ServiceRequest giving the window a session may move in, as a Period.
    package static let windowExtension = base + "/StructureDefinition/session-window"
    /// The code system of the catalogue's preparation ids (versioned with the catalogue).
    package static let preparationCodeSystem = base + "/CodeSystem/preparation"
    /// The canonical URL of a preparation's PlanDefinition.
    package static func planDefinition(_ id: String) -> String { base + "/PlanDefinition/" + id }
    /// The canonical URL of a preparation's ActivityDefinition.
    package static func activityDefinition(_ id: String) -> String { base + "/ActivityDefinition/" + id }
    /// `url|version`, FHIR's versioned canonical, or `url` alone when the catalogue's version
    /// cannot follow the bar: a canonical is a URI (no space, no control character) with one
    /// `|version` at most, so a version such as `2026 winter` or `1|2` is left out of it
    /// rather than make the reference unreadable (the resources' own `version` keeps it).
    package static func canonical(_ url: String, version: String?) -> String {
        guard let version, !version.isEmpty,
              !version.unicodeScalars.contains(where: { $0 == "|" || $0.properties.isWhitespace || $0.value < 0x21 || (0x7F...0x9F).contains($0.value) })
        else { return url }
        return url + "|" + version
    }
    /// UCUM, for quantities.
    package static let ucum = "http://unitsofmeasure.org"
    /// SNOMED CT.
    package static let snomed = "http://snomed.info/sct"
}
