import Foundation
@testable import PreparationRegistry
import Testing

/// The project folder.
let projectRootURL = projectCatalogueURL.deletingLastPathComponent()

/// Every preparation file of the project's catalogue, sorted.
func bundledPreparationPaths() -> [String] {
    let folder = projectCatalogueURL.appendingPathComponent("preparations")
    let walker = FileManager.default.enumerator(atPath: folder.path)
    var paths: [String] = []
    while let relative = walker?.nextObject() as? String {
        if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") { paths.append(folder.path + "/" + relative) }
    }
    return paths.sorted()
}

/// Runs `Scripts/check-schema.py` on `files`: for each file, the status of each document
/// (`ok`, `invalid: ...`, `unreadable: ...`).
func checkWithJSONSchemaValidator(_ files: [String]) throws -> [String: [String]] {
    let schema = projectCatalogueURL.appendingPathComponent(PreparationSchema.pathInCatalogue).path
    let script = projectRootURL.appendingPathComponent("Scripts/check-schema.py").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script, schema] + files
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect([0, 1].contains(process.terminationStatus), "check-schema.py failed: \(errorText)")
    var statuses: [String: [String]] = [:]
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
        let fields = line.split(separator: "\t", maxSplits: 3).map(String.init)
        guard fields.count >= 3 else { continue }
        statuses[fields[0], default: []].append(fields.dropFirst(2).joined(separator: ": "))
    }
    return statuses
}

@Suite("JSON Schema of a preparation")
struct SchemaTests {
    @Test("Catalogue/schema/preparation.schema.json is what `catalog schema` makes of the bundled catalogue")
    func copyInSync() throws {
        let path = projectCatalogueURL.appendingPathComponent(PreparationSchema.pathInCatalogue).path
        let copy = try String(contentsOfFile: path, encoding: .utf8)
        #expect(copy == PreparationSchema.jsonText(),
                "out of date: run `swift run catalog schema > Catalogue/schema/preparation.schema.json`")
    }

    @Test("every key of the format has a value shape in the schema")
    func everyKeyShaped() {
        #expect(PreparationSchema.keysWithoutShape.isEmpty)
    }

    @Test("the schema's keys, required keys and enums come from the loader's definitions")
    func derived() throws {
        guard case .object(let root) = PreparationSchema.document(),
              case .object(let properties)? = root["properties"],
              case .array(let required)? = root["required"]
        else {
            Issue.record("the schema is not an object with properties")
            return
        }
        #expect(Array(properties.keys) == FormatFields.preparation.map(\.key))
        #expect(required == FormatFields.preparation.filter(\.required).map { .string($0.key) })
        #expect(root["additionalProperties"] == .bool(false))
        let text = PreparationSchema.jsonText()
        for region in Region.allCases { #expect(text.contains("\"\(region.rawValue)\"")) }
        for indication in BundledCatalogue.vocabulary.indications.keys { #expect(text.contains("\"\(indication)\"")) }
    }

    @Test("a catalogue's own vocabulary goes into its schema")
    func ownVocabulary() {
        let vocabulary = Vocabulary(indications: ["my-concern": .init(description: "Mine")])
        let text = PreparationSchema.jsonText(vocabulary: vocabulary)
        #expect(text.contains("\"my-concern\""))
        #expect(!text.contains("\"dehydration\""))
    }

    @Test("every bundled preparation file starts with the schema line")
    func modeline() throws {
        let paths = bundledPreparationPaths()
        #expect(paths.count == 21)
        for path in paths {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.hasPrefix(PreparationSchema.modeline + "\n"), "\(path)")
        }
        // The line points at the schema from preparations/<area>/.
        #expect(PreparationSchema.modeline == "# yaml-language-server: $schema=../../schema/preparation.schema.json")
    }

    /// Invalid fixtures whose problem a JSON Schema cannot see, and why.
    static let beyondSchema: [String: String] = [
        "deprecated-impossible-date.yaml": "a calendar check (February 30)",
        "deprecated-year-zero.yaml": "a calendar check (the year 0000)",
        "dosing-max-per-session-range.yaml": "a range's bounds compared: max-per-session must be one volume",
        "dosing-max-per-session-mapping-range.yaml": "a range's bounds compared: max-per-session must be one volume",
        "dosing-spacing-min-above-max.yaml": "min above max, across units",
        "duplicate-id-in-file.yaml": "ids unique across documents",
        "duplicate-key.yaml": "a YAML-level error; JSON objects have no duplicate keys",
        "concentration-number-too-large.yaml": "a number too large for a double, in text the pattern accepts",
        "range-number-too-large.yaml": "a number too large for a double, in text the pattern accepts",
        "sessions-number-too-large.yaml": "a count too large for a whole number, in text the pattern accepts",
        "sessions-mapping-not-whole.yaml": "4.0 is an integer to JSON, and a whole number too large for the loader",
        "range-mapping-min-above-max.yaml": "min above max",
        "range-min-above-max.yaml": "min above max",
        "range-mixed-lengths-min-above-max.yaml": "min above max",
        "range-mixed-units-min-above-max.yaml": "min above max, across units",
        "range-mixed-units-month-vs-days.yaml": "min above max, across units",
        "range-weeks-above-month.yaml": "min above max, across units",
        "replaced-by-unknown.yaml": "a reference to a preparation of the catalogue",
        "replaced-by-itself.yaml": "a reference to a preparation of the catalogue",
        "replaced-by-circle.yaml": "references between preparations",
        "sessions-min-above-max.yaml": "min above max",
    ]

    @Test("an independent validator (Python jsonschema) accepts every bundled preparation and valid fixture, and rejects the invalid fixtures a schema can express")
    func independentValidator() throws {
        let bundled = bundledPreparationPaths()
        let valid = fixtureFiles("valid").map { fixturesURL.appendingPathComponent("valid/" + $0).path }
        let invalid = fixtureFiles("invalid").map { fixturesURL.appendingPathComponent("invalid/" + $0).path }
        let statuses = try checkWithJSONSchemaValidator(bundled + valid + invalid)
        for path in bundled + valid {
            #expect((statuses[path] ?? ["not checked"]).allSatisfy { $0 == "ok" }, "\(path): \(statuses[path] ?? [])")
        }
        for path in invalid {
            let name = URL(fileURLWithPath: path).lastPathComponent
            let rejected = statuses[path]?.contains { $0 != "ok" } ?? false
            if Self.beyondSchema[name] != nil {
                #expect(!rejected, "\(name) is listed as beyond a schema but the schema rejects it: take it off the list")
            } else {
                #expect(rejected, "the schema accepts the invalid fixture \(name)")
            }
        }
        // What the issue names: unknown keys, missing required keys, bad ids, unknown regions
        // and techniques.
        let named = ["unknown-key.yaml", "phase-unknown-key.yaml", "missing-required-key.yaml", "id-not-slug.yaml",
                     "id-trailing-hyphen.yaml", "id-too-long.yaml", "unknown-region.yaml", "unknown-technique.yaml"]
        for name in named {
            let path = fixturesURL.appendingPathComponent("invalid/" + name).path
            #expect(statuses[path]?.first?.hasPrefix("invalid") == true, "\(name): \(statuses[path] ?? [])")
        }
    }
}
