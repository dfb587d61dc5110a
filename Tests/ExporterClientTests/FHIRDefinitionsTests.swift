import Exporters
import Foundation
import PreparationRegistry
import Testing

/// The project folder.
let packageRootURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// `catalog fhir-definitions`: the StructureDefinitions and the CodeSystem.
@Suite("FHIR definitions")
struct FHIRDefinitionsTests {
    static let base = "http://mesotherapy-catalogue.example.org/fhir"

    @Test("docs/fhir-definitions.json is what `catalog fhir-definitions` makes of the bundled catalogue")
    func copyInSync() throws {
        let registry = try #require(CatalogueLoader().loadBundled().registry)
        let copy = try String(contentsOf: packageRootURL.appendingPathComponent("docs/fhir-definitions.json"), encoding: .utf8)
        #expect(copy == FHIRDefinitions.render(preparations: registry.preparations, catalogue: CatalogueIdentity(registry.manifest)),
                "out of date: run `swift run catalog fhir-definitions > docs/fhir-definitions.json`")
    }

    @Test("the bundle: two StructureDefinitions, then the CodeSystem, under their canonical URLs")
    func bundle() throws {
        let text = FHIRDefinitions.render(preparations: [], catalogue: CatalogueIdentity())
        let bundle = try #require(try parsedJSON(text) as? [String: Any])
        #expect(bundle["resourceType"] as? String == "Bundle")
        #expect(bundle["id"] as? String == "fhir-definitions")
        #expect(bundle["type"] as? String == "collection")
        let entries = try #require(bundle["entry"] as? [[String: Any]])
        #expect(entries.map { $0["fullUrl"] as? String } == [
            FHIRNames.depthExtension, FHIRNames.windowExtension, FHIRNames.preparationCodeSystem,
        ])
        #expect(FHIRNames.depthExtension == "\(Self.base)/StructureDefinition/injection-depth")
        #expect(FHIRNames.windowExtension == "\(Self.base)/StructureDefinition/session-window")
    }

    @Test("the injection-depth extension: on ServiceRequest and ActivityDefinition, a Range")
    func depth() throws {
        let definition = FHIRDefinitions.structureDefinition(FHIRDefinitions.extensions[0])
        let url = "\(Self.base)/StructureDefinition/injection-depth"
        let description = "Where the product is deposited under the skin surface, as a Range of lengths in UCUM mm: "
            + "on a ServiceRequest, the depth of one mesotherapy session; on an ActivityDefinition, the depth of "
            + "the preparation's activity."
        let expected = """
            {"resourceType": "StructureDefinition", "id": "injection-depth", "url": "\(url)", "version": "1.1",
             "name": "InjectionDepth", "title": "Injection depth", "status": "active", "experimental": false,
             "publisher": "mesotherapy-catalogue (catalog)", "description": "\(description)",
             "fhirVersion": "4.0.1", "kind": "complex-type", "abstract": false,
             "context": [{"type": "element", "expression": "ServiceRequest"}, {"type": "element", "expression": "ActivityDefinition"}],
             "type": "Extension", "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Extension",
             "derivation": "constraint",
             "differential": {"element": [
               {"path": "Extension", "short": "Injection depth", "definition": "\(description)", "min": 0, "max": "1"},
               {"path": "Extension.extension", "max": "0"},
               {"path": "Extension.url", "fixedUri": "\(url)"},
               {"path": "Extension.value[x]", "min": 1, "type": [{"code": "Range"}]}]}}
            """
        #expect(try parsedJSON(definition.jsonText(pretty: false)) == parsedJSON(expected))
    }

    @Test("the session-window extension: on ServiceRequest only, a Period")
    func window() throws {
        let definition = try #require(try parsedJSON(FHIRDefinitions.structureDefinition(FHIRDefinitions.extensions[1])
            .jsonText(pretty: false)) as? [String: Any])
        #expect(definition["url"] as? String == "\(Self.base)/StructureDefinition/session-window")
        #expect(definition["name"] as? String == "SessionWindow")
        #expect(try parsedJSON(#"[{"type": "element", "expression": "ServiceRequest"}]"#) == definition["context"] as? NSObject)
        let elements = try #require((definition["differential"] as? [String: Any])?["element"] as? [[String: Any]])
        #expect(elements.map { $0["path"] as? String } == ["Extension", "Extension.extension", "Extension.url", "Extension.value[x]"])
        #expect(elements[2]["fixedUri"] as? String == FHIRNames.windowExtension)
        #expect(try parsedJSON(#"[{"code": "Period"}]"#) == elements[3]["type"] as? NSObject)
    }

    @Test("the CodeSystem: the catalogue's version, complete, one concept per preparation sorted by id, deprecated ones marked")
    func codeSystem() throws {
        var old = PreparationFHIRTests.fixture
        old.id = "an-old-one"
        old.name = "An old one"
        old.summary = nil
        old.deprecated = Deprecation(because: "Superseded")
        let system = FHIRDefinitions.codeSystem(preparations: [PreparationFHIRTests.fixture, old],
                                                catalogue: CatalogueIdentity(name: "Test catalogue", version: "2026.1"))
        let expected = """
            {"resourceType": "CodeSystem", "id": "preparation", "url": "\(Self.base)/CodeSystem/preparation",
             "version": "2026.1", "name": "MesotherapyPreparation", "title": "Mesotherapy preparations of the Test catalogue",
             "status": "active", "experimental": false, "publisher": "mesotherapy-catalogue (catalog)",
             "description": "The ids of the preparations of a mesotherapy catalogue (Test catalogue 2026.1): code the preparation's id, display its name. Versioned with the catalogue.",
             "caseSensitive": true, "content": "complete", "count": 2,
             "property": [{"code": "status", "uri": "http://hl7.org/fhir/concept-properties#status",
                           "description": "deprecated: kept for reference, never chosen for a course", "type": "code"}],
             "concept": [
               {"code": "an-old-one", "display": "An old one", "property": [{"code": "status", "valueCode": "deprecated"}]},
               {"code": "small-fixture", "display": "Small fixture", "definition": "A fixture."}]}
            """
        #expect(try parsedJSON(system.jsonText(pretty: false)) == parsedJSON(expected))
    }

    @Test("the bundled catalogue's CodeSystem has every preparation, versioned 2026.11")
    func bundledCodeSystem() throws {
        let registry = try #require(CatalogueLoader().loadBundled().registry)
        let system = try #require(try parsedJSON(FHIRDefinitions.codeSystem(
            preparations: registry.preparations, catalogue: CatalogueIdentity(registry.manifest)).jsonText(pretty: false)) as? [String: Any])
        #expect(system["version"] as? String == "2026.11")
        let concepts = try #require(system["concept"] as? [[String: Any]])
        #expect(concepts.compactMap { $0["code"] as? String } == registry.ids.sorted())
        #expect(system["count"] as? Int == registry.count)
    }
}
