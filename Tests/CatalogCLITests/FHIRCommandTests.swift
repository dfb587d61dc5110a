import Foundation
import Testing

/// `fhir-definitions`, and `show`/`query` with `--format fhir`, through the command line.
@Suite("FHIR commands")
struct FHIRCommandTests {
    @Test("fhir-definitions prints the repository's copy, byte for byte")
    func definitions() throws {
        let run = try runCatalog(["fhir-definitions"])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        let copy = try String(contentsOf: packageRoot.appendingPathComponent("docs/fhir-definitions.json"), encoding: .utf8)
        #expect(run.stdout == copy)
    }

    @Test("show --format fhir prints a PlanDefinition and its ActivityDefinition; the same bytes every run")
    func show() throws {
        let run = try runCatalog(["show", "Polynucleotide-Periorbital", "--format", "fhir"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try runCatalog(["show", "polynucleotide-periorbital", "--format", "fhir"]).stdout == run.stdout)
        let bundle = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let resources = try #require((bundle["entry"] as? [[String: Any]])?.compactMap { $0["resource"] as? [String: Any] })
        #expect(resources.map { $0["resourceType"] as? String } == ["PlanDefinition", "ActivityDefinition"])
        let actions = try #require(resources[0]["action"] as? [[String: Any]])
        #expect(actions.map { $0["id"] as? String } == ["phase-1", "phase-2"])
        #expect(resources[1]["bodySite"] as? [[String: String]] == [["text": "periorbital"]])
    }

    // Outside review: `sessions: 2-9999999999` gave `"countMax": 9999999999`, beyond FHIR's positiveInt.
    @Test("a session count beyond FHIR's positiveInt leaves both counts out of the Timing, kept in the action's text")
    func countBeyondPositiveInt() throws {
        let text = preparation("many").replacingOccurrences(of: "    sessions: 1\n", with: "    sessions: 2-9999999999\n    interval: 1 week\n")
        let root = try makeCatalogue(["many.yaml": text])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try runCatalog(["show", "many", "--catalogue", root.path, "--format", "fhir"])
        #expect(run.status == 0, "\(run.stderr)")
        // Neither count: `count` 2 alone would read as exactly 2 sessions (outside re-check).
        #expect(!run.stdout.contains("\"count\":") && !run.stdout.contains("countMax"), "\(run.stdout)")
        #expect(run.stdout.contains("9999999999"), "the action's description still says it")
    }

    @Test("query --format fhir prints the matched preparations' definitions in one bundle")
    func query() throws {
        let run = try runCatalog(["query", "--area", "scalp", "--format", "fhir"])
        #expect(run.status == 0, "\(run.stderr)")
        let bundle = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let urls = try #require((bundle["entry"] as? [[String: Any]])?.compactMap { $0["fullUrl"] as? String })
        let ids = ["dutasteride-scalp", "hair-revitalising-cocktail", "peptide-growth-factor-hair", "prp-scalp"]
        let base = "http://mesotherapy-catalogue.example.org/fhir"
        #expect(urls == ids.flatMap { ["\(base)/PlanDefinition/\($0)", "\(base)/ActivityDefinition/\($0)"] })
        let empty = try runCatalog(["query", "--area", "scalp", "--technique", "subcutaneous", "--format", "fhir"])
        #expect(empty.stdout == "{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"collection\"\n}\n")
    }

    // Outside review: `1 h - 2 days` was written 0.0417-2 d, 1 h as 60.05 minutes.
    @Test("an interval whose bounds have different units is written in the finer unit when finer than a day, exactly")
    func mixedUnitInterval() throws {
        let text = preparation("mixed").replacingOccurrences(of: "  - phase: induction\n    sessions: 1\n",
                                                             with: "  - phase: induction\n    sessions: 2\n    interval: 1 h - 2 days\n")
        let catalogue = try makeCatalogue(["mixed.yaml": text])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let run = try runCatalog(["show", "mixed", "--catalogue", catalogue.path, "--format", "fhir"])
        #expect(run.status == 0, "\(run.stderr)")
        let compact = run.stdout.filter { !$0.isWhitespace }
        #expect(compact.contains(#""period":1,"periodMax":48,"periodUnit":"h""#), "\(run.stdout)")
    }
}
