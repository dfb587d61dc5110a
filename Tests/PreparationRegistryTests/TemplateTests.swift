import Foundation
import PreparationRegistry
import Testing

/// The template with every `# FILL IN` value filled in the way an editor would: with the
/// example the comment gives ("such as X"), else a plain value.
func filledTemplate(_ template: String) -> String {
    let plain = ["name": "Test preparation", "sources": "[Test source]"]
    return template.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        // The template's example ingredient is hyaluronic acid, which a condition of the
        // bundled vocabulary names: list that condition, as lint asks.
        if line.hasPrefix("contraindications:") { return "contraindications: [hyaluronic-acid-hypersensitivity]" }
        guard let mark = line.range(of: PreparationTemplate.fillInMark),
              let colon = line[..<mark.lowerBound].firstIndex(of: ":")
        else { return String(line) }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "- ", with: "")
        let comment = line[mark.upperBound...]
        let value: String
        if let example = comment.range(of: "such as ") {
            value = String(comment[example.upperBound...])
        } else {
            value = plain[key] ?? "UNFILLED"
        }
        return String(line[...colon]) + " " + value
    }.joined(separator: "\n")
}

@Suite("catalog new: the template")
struct TemplateTests {
    @Test("unfilled, the template does not validate; filled in, it validates with no warning", arguments: PreparationTemplate.areas)
    func fillIn(_ area: String) throws {
        let template = try PreparationTemplate.text(id: "new-\(area)", area: area)
        #expect(template.hasPrefix(PreparationSchema.modeline + "\n"))
        let unfilled = try loadDocument(template)
        // Each required value left empty, at its key's value (scar templates list the regions after a note).
        let lines = area == "scar" ? [22, 24, 28, 29, 30, 35] : [21, 25, 29, 30, 31, 36]
        #expect(unfilled.diagnostics.map { "\($0.severity) \($0.location.line):\($0.location.column): \($0.message)" } == [
            "error 11:6: 'name' needs a value", "error 18:13: 'ingredients' needs a value",
            "error \(lines[0]):9: 'regions' needs a value", "error \(lines[1]):13: 'indications' needs a value",
            "error \(lines[2]):12: 'techniques' needs a value", "error \(lines[3]):7: 'depth' needs a value",
            "error \(lines[4]):11: 'residence' needs a value", "error \(lines[5]):14: 'sessions' needs a value",
        ])
        let filled = filledTemplate(template)
        #expect(!filled.contains(PreparationTemplate.fillInMark))
        #expect(!filled.contains("UNFILLED"))
        let result = try loadDocument(filled)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))\n\(filled)")
        #expect(result.preparations.first?.id == "new-\(area)")
        if let preparation = result.preparations.first {
            #expect(CatalogueAdder.folder(for: preparation, vocabulary: BundledCatalogue.vocabulary) == area)
        }
    }

    @Test("a filled-in template passes the JSON Schema too, and `add` puts it where its schema line points from")
    func schemaAndAdd() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        try FileManager.default.createDirectory(at: scene.catalogueURL.appendingPathComponent("schema"), withIntermediateDirectories: true)
        try PreparationSchema.jsonText().write(to: scene.catalogueURL.appendingPathComponent(PreparationSchema.pathInCatalogue),
                                                atomically: false, encoding: .utf8)
        let file = try scene.newFile("new.yaml", filledTemplate(try PreparationTemplate.text(id: "fresh", area: "scalp")))
        let statuses = try checkWithJSONSchemaValidator([file])
        #expect(statuses[file] == ["ok"])
        let placement = try #require(try CatalogueAdder(catalogue: scene.catalogue).add([file]).placements.first)
        #expect(placement.destination == "preparations/scalp/fresh.yaml")
        // ../../schema/preparation.schema.json from preparations/scalp/ is the catalogue's schema.
        let schema = scene.catalogueURL.appendingPathComponent("preparations/scalp")
            .appendingPathComponent("../../" + PreparationSchema.pathInCatalogue).standardizedFileURL.path
        #expect(FileManager.default.fileExists(atPath: schema))
    }

    @Test("the dosing example, uncommented, is valid dosing; left commented, the preparation has none")
    func dosingExample() throws {
        let filled = filledTemplate(try PreparationTemplate.text(id: "dosed", area: "face"))
        #expect(filled.contains("\ndosing:             # optional: uncomment the lines below and give a source's figures\n#   per-point: 0.1-0.2 ml "))
        #expect(try loadDocument(filled).preparations.first?.dosing == nil)
        // An editor's "uncomment": the `#` at the start of each example line goes.
        let uncommented = filled.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            ["#   per-point:", "#   spacing:", "#   max-per-session:"].contains { line.hasPrefix($0) } ? String(line.dropFirst()) : String(line)
        }.joined(separator: "\n")
        let result = try loadDocument(uncommented)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        #expect(result.preparations.first?.dosing == Dosing(
            perPoint: VolumeRange(min: Quantity(0.1, .ml), max: Quantity(0.2, .ml)),
            spacing: SpacingRange(min: Quantity(1, .cm), max: Quantity(2, .cm)), maxPerSession: Quantity(10, .ml)))
    }

    @Test("bad ids and areas are refused")
    func problems() {
        #expect(throws: PreparationTemplate.Problem.badID("Bad_Id")) { try PreparationTemplate.text(id: "Bad_Id", area: "face") }
        #expect(throws: PreparationTemplate.Problem.badID(String(repeating: "a", count: 65))) {
            try PreparationTemplate.text(id: String(repeating: "a", count: 65), area: "face")
        }
        #expect(throws: PreparationTemplate.Problem.unknownArea("fase")) { try PreparationTemplate.text(id: "x", area: "fase") }
        #expect(throws: PreparationTemplate.Problem.unknownArea("Fase")) { try PreparationTemplate.text(id: "x", area: "Fase") }
        #expect(PreparationTemplate.Problem.unknownArea("fase").description
                == "unknown area 'fase'; did you mean 'face'?")
    }

    @Test("the area is a catalogue word: any case will do")
    func areaInAnyCase() throws {
        #expect(try PreparationTemplate.text(id: "x", area: "FACE") == (try PreparationTemplate.text(id: "x", area: "face")))
        #expect(try PreparationTemplate.text(id: "x", area: "Scar") == (try PreparationTemplate.text(id: "x", area: "scar")))
    }
}
