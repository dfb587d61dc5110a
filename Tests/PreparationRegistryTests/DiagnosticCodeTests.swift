import Foundation
@testable import PreparationRegistry
import Testing
import YAMLReader

/// The package's root folder.
private let packageRootURL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The codes `docs/diagnostic-codes.md` lists: the first cell of each table row, in order.
private func documentedCodes() throws -> [String] {
    let text = try String(contentsOf: packageRootURL.appendingPathComponent("docs/diagnostic-codes.md"), encoding: .utf8)
    return text.split(separator: "\n").compactMap { line -> String? in
        guard line.hasPrefix("| `") else { return nil }
        let cell = line.dropFirst(3)
        guard let end = cell.firstIndex(of: "`") else { return nil }
        return String(cell[..<end])
    }
}

/// Every code a diagnostic can have: the loader's, then the lint rules' ids.
private var allCodes: [String] { Diagnostic.Code.allCases.map(\.rawValue) + LintRules.ids }

@Suite("Diagnostics as data: codes and notes")
struct DiagnosticCodeTests {
    @Test("every code is unique, short, lower-case words joined by hyphens, and documented once; the document lists no other")
    func codesAreUniqueAndDocumented() throws {
        #expect(Set(allCodes).count == allCodes.count, "a code used twice: \(allCodes)")
        for code in allCodes {
            #expect(code.count <= 40 && code.range(of: "^[a-z]+(-[a-z]+)*$", options: .regularExpression) != nil, "\(code)")
        }
        let documented = try documentedCodes()
        #expect(Set(documented).count == documented.count, "a code documented twice")
        #expect(Set(documented).subtracting(allCodes).sorted() == [], "documented but not a code")
        #expect(Set(allCodes).subtracting(documented).sorted() == [], "a code not documented")
    }

    @Test("a duplicate id: code duplicate-id, a note at the first definition's id (exact line and column), the text unchanged")
    func duplicateIDNote() throws {
        let catalogue = try TemporaryCatalogue(files: [
            "face/a.yaml": "# the first\n" + preparationText("twice"),
            "face/b.yaml": "\n\n" + preparationText("twice"),
        ])
        defer { catalogue.remove() }
        let found = errors(catalogue.load())
        #expect(found.count == 1)
        let error = try #require(found.first)
        let first = SourceLocation(file: catalogue.display("preparations/face/a.yaml"), line: 2, column: 5)
        #expect(error.code == "duplicate-id")
        #expect(error.location == SourceLocation(file: catalogue.display("preparations/face/b.yaml"), line: 3, column: 5))
        #expect(error.notes == [Diagnostic.Note(first, "first defined here")])
        #expect(error.message == "duplicate id 'twice'; first defined at \(catalogue.display("preparations/face/a.yaml")):2:5")
    }

    @Test("a key given twice in a mapping: code yaml-duplicate-key, a note where it was first given")
    func duplicateKeyNote() throws {
        let catalogue = try TemporaryCatalogue(files: ["face/a.yaml": preparationText("a") + "  \nname: Again\n"])
        defer { catalogue.remove() }
        let error = try #require(errors(catalogue.load()).first)
        let file = catalogue.display("preparations/face/a.yaml")
        #expect(error.code == "yaml-duplicate-key")
        #expect(error.message == "key 'name' is given twice in this mapping (first at line 2, column 1)")
        #expect(error.notes == [Diagnostic.Note(SourceLocation(file: file, line: 2, column: 1), "first given here")])
    }

    @Test("a slug listed twice under replaces: code listed-twice, a note at the first")
    func listedTwiceNote() throws {
        let catalogue = try TemporaryCatalogue(manifest: "replaces:\n  conditions: [pregnancy,\n    pregnancy]\n",
                                               files: ["face/a.yaml": preparationText("a")])
        defer { catalogue.remove() }
        let manifest = catalogue.display("catalogue.yaml")
        let error = try #require(errors(catalogue.load()).first)
        #expect(error.code == "listed-twice")
        #expect(error.location == SourceLocation(file: manifest, line: 3, column: 5))
        #expect(error.message == "'pregnancy' is listed twice under 'replaces: conditions' (first at \(manifest):2:16); list it once")
        #expect(error.notes == [Diagnostic.Note(SourceLocation(file: manifest, line: 2, column: 16), "first listed here")])
    }

    @Test("a lint warning's code is its rule's id; a diagnostic without a place to point at has no note")
    func lintCodeIsRuleID() throws {
        let catalogue = try TemporaryCatalogue(files: ["face/a.yaml": preparationText("a", extra: "# sources: left out"),
                                                       "face/b.yaml": preparationText("b", extra: "colour: red")])
        defer { catalogue.remove() }
        let result = catalogue.load()
        let lint = try #require(result.diagnostics.first { $0.rule != nil })
        #expect(lint.code == lint.rule)
        let unknown = try #require(errors(result).first)
        #expect(unknown.code == "unknown-key")
        #expect(unknown.notes == [])
    }

    @Test("every diagnostic of the fixtures has a documented code", arguments: ["invalid", "valid", "reading"])
    func fixturesHaveCodes(_ folder: String) throws {
        let codes = Set(allCodes)
        for name in fixtureFiles(folder) {
            let path = fixturesURL.appendingPathComponent(folder).appendingPathComponent(name).path
            for diagnostic in CatalogueLoader().load(files: [path]).diagnostics {
                #expect(codes.contains(diagnostic.code), "\(name): \(diagnostic)")
            }
        }
    }

    @Test("a message's notes name the places its text names: the text renders them as before")
    func constructorsKeepTheirText() {
        let first = SourceLocation(file: "p/a.yaml", line: 4, column: 5)
        #expect(Diagnostic.error(SourceLocation(file: "p/b.yaml", line: 1, column: 5), .duplicateID("x", firstDefinedAt: first)).description
            == "p/b.yaml:1:5: error: duplicate id 'x'; first defined at p/a.yaml:4:5")
        let clash = Diagnostic.Message.layerClash("preparation", "x", section: "preparations", layer: "bundled", earlier: first)
        #expect(clash.text == "preparation 'x' is defined differently in layer 'bundled' (p/a.yaml:4:5); to replace it on purpose, list it under 'replaces: preparations' in this layer's catalogue.yaml")
        #expect(clash.notes == [Diagnostic.Note(first, "defined here")])
        #expect(Diagnostic.Message.layerClash("condition", "x", section: "conditions", layer: nil, earlier: nil).notes == [])
    }
}

@Suite("Diagnostics as data: the YAML reader's notes")
struct YAMLNoteTests {
    @Test("a syntax error names what libyaml was parsing, and where: a note there, the text unchanged")
    func syntaxErrorContextNote() throws {
        let catalogue = try TemporaryCatalogue(files: ["face/a.yaml": "id: a\nname: [x, y\nregions: [face]\n"])
        defer { catalogue.remove() }
        let error = try #require(errors(catalogue.load()).first)
        let file = catalogue.display("preparations/face/a.yaml")
        #expect(error.code == "yaml-syntax")
        #expect(error.message == "did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 7)")
        #expect(error.notes == [Diagnostic.Note(SourceLocation(file: file, line: 2, column: 7), "while parsing a flow sequence")])
    }
}
