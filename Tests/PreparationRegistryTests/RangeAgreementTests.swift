import Foundation
@testable import PreparationRegistry
import Testing

/// One line of `Fixtures/ranges/range-texts.txt`: a text written where a range, a count or a
/// concentration goes, and whether it is valid there.
struct RangeTextCase: CustomStringConvertible {
    /// `length`, `duration`, `count`, `concentration`, `volume` or `spacing`.
    var kind: String
    /// True when the text is valid there.
    var valid: Bool
    /// The text as a YAML double-quoted scalar (a JSON string is one).
    var quoted: String

    var description: String { "\(kind) \(quoted)" }

    /// A preparation document with the text in the place of its kind.
    func document(id: String) -> String {
        var depth = "0.5-2 mm", residence = "3-30 days", sessions = "3-5"
        var ingredient = "hyaluronic acid"
        var dosing = ""
        switch kind {
        case "length": depth = quoted
        case "duration": residence = quoted
        case "count": sessions = quoted
        case "volume": dosing = "dosing: {per-point: \(quoted), spacing: 1 cm}\n"
        case "spacing": dosing = "dosing: {per-point: 0.1 ml, spacing: \(quoted)}\n"
        default: ingredient = "{name: hyaluronic acid, concentration: \(quoted)}"
        }
        return """
            id: \(id)
            name: Range text
            ingredients: [\(ingredient)]
            regions: [face]
            indications: [dehydration]
            techniques: [nappage]
            depth: \(depth)
            residence: \(residence)
            protocol:
              - {phase: induction, sessions: \(sessions), interval: 2-3 weeks}
            sources: [Test source]
            \(dosing)
            """
    }
}

/// The cases of the fixture file.
func rangeTextCases() throws -> [RangeTextCase] {
    let path = fixturesURL.appendingPathComponent("ranges/range-texts.txt").path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return text.split(separator: "\n").compactMap { line in
        guard !line.hasPrefix("#") else { return nil }
        let fields = line.split(separator: " ", maxSplits: 2).map(String.init)
        guard fields.count == 3 else { return nil }
        return RangeTextCase(kind: fields[0], valid: fields[1] == "ok", quoted: fields[2])
    }
}

/// The loader and the JSON Schema must agree on every text form of a range (section 2.2 of
/// the format): en dash, `to`, optional spaces, singular, plural and abbreviated units in any
/// case, mixed units; counts; concentrations with `µg/ml`; the volumes (ml) and point spacings
/// (mm or cm) of dosing, above zero. Both are checked against the
/// verdict the fixture gives, so a change to either shows up here.
@Suite("Range texts: the loader and the schema agree")
struct RangeAgreementTests {
    @Test("every listed text gets the listed verdict from the loader and from Python's jsonschema")
    func agree() throws {
        let cases = try rangeTextCases()
        #expect(cases.count == 223)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ranges-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (index, item) in cases.enumerated() {
            let path = folder.appendingPathComponent("r\(index).yaml").path
            try item.document(id: "r\(index)").write(toFile: path, atomically: false, encoding: .utf8)
            paths.append(path)
        }
        let loaded = CatalogueLoader().load(files: paths)
        let refusedByLoader = Set(loaded.diagnostics.filter { $0.severity == .error }.map(\.location.file))
        let statuses = try checkWithJSONSchemaValidator(paths)
        for (item, path) in zip(cases, paths) {
            let loaderAccepts = !refusedByLoader.contains(path)
            let schemaAccepts = statuses[path] == ["ok"]
            #expect(loaderAccepts == item.valid, "loader: \(item) \(loaderAccepts ? "accepted" : "refused")")
            #expect(schemaAccepts == item.valid, "schema: \(item) \(statuses[path] ?? ["not checked"])")
        }
    }
}
