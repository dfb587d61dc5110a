import Foundation
import Testing

@Suite("query table: a tab in catalogue text")
struct TableTabTests {
    @Test("a tab in a name is shown as a space, piped with COLUMNS as on a terminal, so no column shifts")
    func tabAsSpace() throws {
        let text = preparation("one").replacingOccurrences(of: "name: Preparation one", with: "name: \"tab\\there\"")
        let root = try makeCatalogue(["face/one.yaml": text])
        defer { try? FileManager.default.removeItem(at: root) }
        let piped = try runCatalog(["query", "--catalogue", root.path], environment: ["COLUMNS": "80"])
        #expect(piped.status == 0)
        #expect(!piped.stdout.contains("\t"))
        #expect(piped.stdout.contains("tab here"))
        let terminal = try runCatalogOnTerminal(["query", "--catalogue", root.path], columns: 80)
        #expect(!terminal.contains("\t") && terminal.contains("tab here"))
    }
}
