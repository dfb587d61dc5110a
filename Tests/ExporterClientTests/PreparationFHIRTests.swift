import Exporters
import Foundation
import PreparationRegistry
import Testing

/// Parses JSON text into Foundation objects, for comparison regardless of key order.
func parsedJSON(_ text: String) throws -> NSObject {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSObject)
}

/// `show --format fhir`: a preparation as a PlanDefinition and an ActivityDefinition.
@Suite("Preparations as FHIR PlanDefinitions")
struct PreparationFHIRTests {
    /// Two phases, the second repeating after an interval whose bounds have different units;
    /// dosing; a coded region and an uncoded one; a coded contraindication, and a condition of
    /// the vocabulary that makes an ingredient unsafe.
    static let fixture = Preparation(
        id: "small-fixture", name: "Small fixture", summary: "A fixture.",
        ingredients: [Ingredient(name: "Sodium hyaluronate", ingredientClass: "hyaluronic-acid")],
        regions: [.face, .periorbital], indications: ["dehydration"], techniques: [.nappage, .micropapules],
        depth: LengthRange(min: Quantity(0.5, .mm), max: Quantity(2, .mm)),
        residence: DurationRange(min: Quantity(3, .day), max: Quantity(1, .month)),
        phases: [
            ProtocolPhase(name: "induction", sessions: CountRange(min: 3, max: 5),
                          interval: DurationRange(min: Quantity(2, .week), max: Quantity(3, .week))),
            ProtocolPhase(name: "maintenance", sessions: CountRange(min: 1, max: 1),
                          interval: DurationRange(min: Quantity(3, .week), max: Quantity(2, .month)), repeats: true),
        ],
        dosing: Dosing(perPoint: VolumeRange(min: Quantity(0.05, .ml), max: Quantity(0.1, .ml)),
                       spacing: SpacingRange(min: Quantity(1, .cm), max: Quantity(1, .cm)),
                       maxPerSession: Quantity(4, .ml)),
        contraindications: ["pregnancy"], sources: ["A source"],
        location: SourceLocation(file: "fixture.yaml", line: 1, column: 1))

    static let vocabulary = Vocabulary(conditions: [
        "pregnancy": .init(description: "Pregnancy", code: ConceptCode(system: "http://snomed.info/sct", code: "77386006")),
        "ha-hypersensitivity": .init(description: "Hypersensitivity to hyaluronic acid", ingredients: ["hyaluronic-acid"]),
    ])

    static let catalogue = CatalogueIdentity(name: "Test catalogue", version: "2026.1")

    static let conditions = """
        [{"kind": "applicability", "expression": {"description": "Contraindication: Pregnancy", "language": "text/plain",
          "expression": "The patient does not have 'pregnancy': Pregnancy (http://snomed.info/sct|77386006)."}},
         {"kind": "applicability", "expression": {"description": "Contraindication: Hypersensitivity to hyaluronic acid",
          "language": "text/plain",
          "expression": "The patient does not have 'ha-hypersensitivity': Hypersensitivity to hyaluronic acid; it makes Sodium hyaluronate unsafe."}}]
        """

    @Test("the PlanDefinition: one action per phase, Timing, relatedAction after-end with the interval in days when its units differ")
    func planDefinition() throws {
        let plan = PreparationFHIR.planDefinition(Self.fixture, catalogue: Self.catalogue, vocabulary: Self.vocabulary)
        let base = "http://mesotherapy-catalogue.example.org/fhir"
        let expected = """
            {"resourceType": "PlanDefinition", "id": "small-fixture", "url": "\(base)/PlanDefinition/small-fixture",
             "version": "2026.1", "name": "SmallFixture", "title": "Small fixture",
             "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/plan-definition-type",
                                  "code": "clinical-protocol", "display": "Clinical Protocol"}]},
             "status": "active", "experimental": false, "publisher": "Test catalogue",
             "description": "A fixture. Protocol: induction, 3-5 sessions, 2-3 weeks apart; then maintenance, 1 session, 3 weeks - 2 months apart, repeating until the course's horizon.",
             "relatedArtifact": [{"type": "citation", "citation": "A source"}],
             "action": [
               {"id": "phase-1", "title": "induction", "description": "3-5 sessions, 2-3 weeks apart",
                "condition": \(Self.conditions),
                "timingTiming": {"repeat": {"count": 3, "countMax": 5, "period": 2, "periodMax": 3, "periodUnit": "wk"}},
                "definitionCanonical": "\(base)/ActivityDefinition/small-fixture"},
               {"id": "phase-2", "title": "maintenance",
                "description": "1 session, 3 weeks - 2 months apart, repeating until the course's horizon",
                "condition": \(Self.conditions),
                "relatedAction": [{"actionId": "phase-1", "relationship": "after-end", "offsetRange": {
                  "low": {"value": 21, "unit": "d", "system": "http://unitsofmeasure.org", "code": "d"},
                  "high": {"value": 60.88, "unit": "d", "system": "http://unitsofmeasure.org", "code": "d"}}}],
                "timingTiming": {"repeat": {"period": 21, "periodMax": 60.88, "periodUnit": "d"}},
                "definitionCanonical": "\(base)/ActivityDefinition/small-fixture"}
             ]}
            """
        #expect(try parsedJSON(plan.jsonText(pretty: false)) == parsedJSON(expected))
    }

    @Test("the ActivityDefinition: code, depth extension, dosage in UCUM mL, SNOMED body sites where known")
    func activityDefinition() throws {
        let activity = PreparationFHIR.activityDefinition(Self.fixture, catalogue: Self.catalogue)
        let base = "http://mesotherapy-catalogue.example.org/fhir"
        func ucum(_ value: String, _ code: String) -> String {
            #"{"value": \#(value), "unit": "\#(code)", "system": "http://unitsofmeasure.org", "code": "\#(code)"}"#
        }
        let expected = """
            {"resourceType": "ActivityDefinition", "id": "small-fixture",
             "extension": [{"url": "\(base)/StructureDefinition/injection-depth",
                            "valueRange": {"low": \(ucum("0.5", "mm")), "high": \(ucum("2", "mm"))}}],
             "url": "\(base)/ActivityDefinition/small-fixture", "version": "2026.1", "name": "SmallFixture",
             "title": "Mesotherapy with Small fixture", "status": "active", "experimental": false,
             "publisher": "Test catalogue",
             "description": "Mesotherapy injections of Small fixture by nappage or micropapules, at a depth of 0.5-2 mm; 0.05-0.1 ml a point, points 1 cm apart, at most 4 ml a session.",
             "kind": "ServiceRequest", "intent": "proposal",
             "code": {"coding": [{"system": "\(base)/CodeSystem/preparation", "code": "small-fixture", "display": "Small fixture"}],
                      "text": "Mesotherapy with Small fixture"},
             "dosage": [{"method": {"text": "nappage or micropapules"},
                         "doseAndRate": [{"type": {"text": "per injection point"},
                                          "doseRange": {"low": \(ucum("0.05", "mL")), "high": \(ucum("0.1", "mL"))}}],
                         "maxDosePerAdministration": \(ucum("4", "mL"))}],
             "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "89545001"}], "text": "face"},
                          {"text": "periorbital"}]}
            """
        #expect(try parsedJSON(activity.jsonText(pretty: false)) == parsedJSON(expected))
    }

    @Test("the bundle holds the PlanDefinition then the ActivityDefinition of each preparation, under their canonical URLs")
    func bundle() throws {
        var second = Self.fixture
        second.id = "2nd-fixture"
        let text = PreparationFHIR.render([Self.fixture, second], catalogue: Self.catalogue, vocabulary: Self.vocabulary)
        #expect(text.hasSuffix("}\n"))
        let bundle = try #require(try parsedJSON(text) as? [String: Any])
        #expect(bundle["resourceType"] as? String == "Bundle")
        #expect(bundle["type"] as? String == "collection")
        let entries = try #require(bundle["entry"] as? [[String: Any]])
        let base = "http://mesotherapy-catalogue.example.org/fhir"
        #expect(entries.map { $0["fullUrl"] as? String } == [
            "\(base)/PlanDefinition/small-fixture", "\(base)/ActivityDefinition/small-fixture",
            "\(base)/PlanDefinition/2nd-fixture", "\(base)/ActivityDefinition/2nd-fixture",
        ])
        // A machine name starts with a capital letter.
        let plan = try #require(entries[2]["resource"] as? [String: Any])
        #expect(plan["name"] as? String == "Preparation2ndFixture")
    }

    @Test("a deprecated preparation is retired, names its successor; a single-session first phase has no period")
    func deprecatedAndSingle() throws {
        var p = Self.fixture
        p.deprecated = Deprecation(since: "2025-01-01", because: "Superseded", replacedBy: "newer")
        p.phases = [ProtocolPhase(name: "single", sessions: CountRange(min: 1, max: 1), interval: nil)]
        p.sources = []
        p.contraindications = []
        let plan = PreparationFHIR.planDefinition(p, catalogue: CatalogueIdentity(), vocabulary: Vocabulary())
        let object = try #require(try parsedJSON(plan.jsonText(pretty: false)) as? [String: Any])
        #expect(object["status"] as? String == "retired")
        #expect(object["version"] == nil)
        #expect(object["description"] as? String
            == "A fixture. Deprecated since 2025-01-01: Superseded (replaced by newer). Protocol: single, 1 session.")
        #expect(try parsedJSON(#"[{"type": "successor", "resource": "http://mesotherapy-catalogue.example.org/fhir/PlanDefinition/newer"}]"#)
            == object["relatedArtifact"] as? NSObject)
        let action = try #require((object["action"] as? [[String: Any]])?.first)
        #expect(action["condition"] == nil)
        #expect(action["relatedAction"] == nil)
        #expect(try parsedJSON(#"{"repeat": {"count": 1}}"#) == action["timingTiming"] as? NSObject)
        let activity = PreparationFHIR.activityDefinition(p, catalogue: CatalogueIdentity())
        #expect(activity.jsonText(pretty: false).contains(#""status":"retired""#))
    }

    @Test("every bundled preparation prints, the deprecated ones retired")
    func bundled() throws {
        let registry = try #require(CatalogueLoader().loadBundled().registry)
        let text = PreparationFHIR.render(registry.preparations, catalogue: CatalogueIdentity(registry.manifest),
                                          vocabulary: registry.vocabulary)
        let bundle = try #require(try parsedJSON(text) as? [String: Any])
        let resources = try #require((bundle["entry"] as? [[String: Any]])?.compactMap { $0["resource"] as? [String: Any] })
        #expect(resources.count == 2 * registry.count)
        let retired = resources.filter { $0["status"] as? String == "retired" }.compactMap { $0["id"] as? String }
        let deprecated = registry.preparations.filter(\.isDeprecated).map(\.id)
        #expect(deprecated == ["phosphatidylcholine-multicomponent-lipolysis"])
        #expect(Set(retired) == Set(deprecated))
        #expect(resources.allSatisfy { $0["version"] as? String == "2026.11" })
    }
}
