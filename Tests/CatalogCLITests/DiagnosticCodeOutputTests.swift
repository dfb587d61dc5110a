import Foundation
import Testing

/// A catalogue whose diagnostics have notes: an id defined twice, a key given twice, a lint warning.
let diagnosticCodesFixture = packageRoot.appendingPathComponent("Tests/CatalogCLITests/Fixtures/diagnostic-codes").path

@Suite("validate --format json: codes and notes")
struct DiagnosticCodeOutputTests {
    @Test("--format json gives each diagnostic's code, and the notes of those that have some")
    func jsonCarriesCodesAndNotes() throws {
        let run = try runCatalog(["validate", diagnosticCodesFixture, "--format", "json"])
        #expect(run.status == 1)
        #expect(run.stderr == "")
        #expect(run.stdout.replacingOccurrences(of: diagnosticCodesFixture, with: "ROOT") == Self.expectedJSON)
    }

    @Test("--format jsonl gives the same objects, a line each")
    func jsonLinesCarryCodesAndNotes() throws {
        let run = try runCatalog(["validate", diagnosticCodesFixture, "--format", "jsonl"])
        #expect(run.status == 1)
        #expect(run.stdout.replacingOccurrences(of: diagnosticCodesFixture, with: "ROOT") == Self.expectedJSONLines)
    }

    @Test("the text output is as before: no code, the note's place in the message's words")
    func textIsUnchanged() throws {
        let run = try runCatalog(["validate", diagnosticCodesFixture])
        #expect(run.status == 1)
        #expect(run.stdout.replacingOccurrences(of: diagnosticCodesFixture, with: "ROOT") == Self.expectedText)
    }

    static let expectedJSON = """
        {
          "valid": false,
          "preparations": 3,
          "files": 4,
          "errors": 2,
          "warnings": 1,
          "diagnostics": [
            {
              "file": "ROOT/preparations/face/b.yaml",
              "line": 4,
              "column": 5,
              "severity": "error",
              "message": "duplicate id 'twice'; first defined at ROOT/preparations/face/a.yaml:2:5",
              "code": "duplicate-id",
              "notes": [
                {
                  "file": "ROOT/preparations/face/a.yaml",
                  "line": 2,
                  "column": 5,
                  "message": "first defined here"
                }
              ]
            },
            {
              "file": "ROOT/preparations/face/c.yaml",
              "line": 7,
              "column": 1,
              "severity": "error",
              "message": "key 'name' is given twice in this mapping (first at line 3, column 1)",
              "code": "yaml-duplicate-key",
              "notes": [
                {
                  "file": "ROOT/preparations/face/c.yaml",
                  "line": 3,
                  "column": 1,
                  "message": "first given here"
                }
              ]
            },
            {
              "file": "ROOT/preparations/face/d.yaml",
              "line": 2,
              "column": 1,
              "severity": "warning",
              "message": "preparation 'unsourced' names no sources; add 'sources' saying where its figures come from",
              "rule": "no-sources",
              "code": "no-sources"
            }
          ]
        }

        """

    static let expectedJSONLines = """
        {"file":"ROOT/preparations/face/b.yaml","line":4,"column":5,"severity":"error","message":"duplicate id 'twice'; first defined at ROOT/preparations/face/a.yaml:2:5","code":"duplicate-id","notes":[{"file":"ROOT/preparations/face/a.yaml","line":2,"column":5,"message":"first defined here"}]}
        {"file":"ROOT/preparations/face/c.yaml","line":7,"column":1,"severity":"error","message":"key 'name' is given twice in this mapping (first at line 3, column 1)","code":"yaml-duplicate-key","notes":[{"file":"ROOT/preparations/face/c.yaml","line":3,"column":1,"message":"first given here"}]}
        {"file":"ROOT/preparations/face/d.yaml","line":2,"column":1,"severity":"warning","message":"preparation 'unsourced' names no sources; add 'sources' saying where its figures come from","rule":"no-sources","code":"no-sources"}
        {"valid":false,"preparations":3,"files":4,"errors":2,"warnings":1}

        """

    static let expectedText = """
        ROOT/preparations/face/b.yaml:4:5: error: duplicate id 'twice'; first defined at ROOT/preparations/face/a.yaml:2:5
        id: twice
            ^
        ROOT/preparations/face/c.yaml:7:1: error: key 'name' is given twice in this mapping (first at line 3, column 1)
        name: Other again
        ^
        ROOT/preparations/face/d.yaml:2:1: warning: preparation 'unsourced' names no sources; add 'sources' saying where its figures come from [no-sources]
        id: unsourced
        ^
        3 preparations in 4 files: 2 errors, 1 warning

        """
}
