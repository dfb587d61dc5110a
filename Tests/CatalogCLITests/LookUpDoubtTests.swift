import Foundation
import Testing

@Suite("look-ups from a broken catalogue: ids in doubt are named")
struct LookUpDoubtTests {
    @Test("an id defined twice: the warning names the preparation left out of the other files, not only a count")
    func duplicateNamed() throws {
        let root = try makeCatalogue(["face/a.yaml": preparation("one"), "face/b.yaml": preparation("one"),
                                      "face/c.yaml": preparation("two")])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try runCatalog(["query", "--catalogue", root.path, "--format", "jsonl"])
        #expect(result.status == 0)
        #expect(result.stderr == "warning: \(root.path) has 1 error in 1 file (\(root.path)/preparations/face/b.yaml); "
                + "answering from the 1 preparation of the other files, leaving out 1 more whose id is in doubt (one); "
                + "`catalog validate` lists the errors\n")
        #expect(result.stdout.contains("\"id\":\"two\"") && !result.stdout.contains("\"id\":\"one\""))
    }
}
