import Foundation
import Testing

/// `catalog vocabulary`: every word with its description and code.
@Suite("catalog vocabulary", .serialized)
struct VocabularyCommandTests {
    @Test("table: each section with its words, codes and a condition's ingredients")
    func table() throws {
        let run = try runCatalog(["vocabulary", "conditions"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("conditions (27):\n  pregnancy                         Pregnancy (http://snomed.info/sct|77386006)\n"))
        #expect(run.stdout.contains("  hyaluronic-acid-hypersensitivity  Hypersensitivity to hyaluronic acid; ingredients: hyaluronic-acid, hyaluronate\n"))
        let all = try runCatalog(["vocabulary"])
        #expect(all.stdout.contains("\nindications (18):\n") && all.stdout.contains("\ningredient-classes (17):\n"))
        #expect(all.stdout.contains("  acne-scars             Acne scars [scar]\n"))
    }

    @Test("json: what editors build forms from")
    func json() throws {
        let run = try runCatalog(["vocabulary", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: [[String: Any]]])
        #expect(Array(object.keys).sorted() == ["conditions", "indications", "ingredient-classes"])
        let pregnancy = try #require(object["conditions"]?.first)
        #expect(pregnancy["slug"] as? String == "pregnancy" && pregnancy["code"] as? String == "http://snomed.info/sct|77386006")
        #expect(pregnancy["ingredients"] as? [String] == [])
        #expect(object["indications"]?.first { $0["slug"] as? String == "keloids" }?["scar"] as? Bool == true)
        #expect(object["ingredient-classes"]?.first?["code"] is NSNull)
    }

    @Test("yaml, and a catalogue's own vocabulary")
    func yamlOwnCatalogue() throws {
        let run = try runCatalog(["vocabulary", "indications", "--format", "yaml", "--catalogue", screeningFixture])
        #expect(run.stdout.hasPrefix("indications:\n- slug: dehydration\n  description: Dehydrated skin\n  code: http://example.org/indications|dehydration\n  scar: false\n"))
    }
}
