import ArgumentParser
import Exporters
import PreparationRegistry

/// `catalog fhir-definitions`: the StructureDefinitions and the CodeSystem the FHIR exports use.
struct FHIRDefinitionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fhir-definitions",
        abstract: "Print the FHIR definitions the FHIR exports use, as one FHIR R4 Bundle.",
        discussion: """
            A StructureDefinition for each extension of the exports (injection-depth, \
            session-window) and a CodeSystem of the chosen catalogue's preparation ids, \
            versioned with the catalogue. Load the bundle into a FHIR validator or server next \
            to `course --format fhir` and `show --format fhir` output. The bundled catalogue's \
            copy is kept in docs/fhir-definitions.json.
            """
    )

    @OptionGroup var options: CatalogueOptions

    func run() throws {
        let registry = try options.loadRegistry()
        print(FHIRDefinitions.render(preparations: registry.preparations, catalogue: CatalogueIdentity(registry.manifest)),
              terminator: "")
    }
}
