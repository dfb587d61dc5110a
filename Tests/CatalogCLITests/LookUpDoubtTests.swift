import Foundation
import Testing

@Suite("look-ups from a broken catalogue: ids in doubt are named")
struct LookUpDoubtTests {
    @Test("an id defined twice: the warning names the preparation left out of the other files, not only a count")
    func duplicateNamed() throws {
        let root = try makeCatalogue(["face/a.yaml": preparation("one"), "face/b.yaml": preparation("one"),
                                      "face/c.yaml": preparation("two")])
        defer { try? FileManager.default.removeItem(at: root) }
        try expectOneLeftOut(root)
    }
}

/// `query` of `root`, where `face/b.yaml` is broken (with `errors` errors) and defines `one`
/// again: `two` is answered, `one` (in `a.yaml`) left out and named in the warning.
func expectOneLeftOut(_ root: URL, errors: String = "1 error") throws {
    let result = try runCatalog(["query", "--catalogue", root.path, "--format", "jsonl"])
    #expect(result.status == 0)
    #expect(result.stderr == "warning: \(root.path) has \(errors) in 1 file (\(root.path)/preparations/face/b.yaml); "
            + "answering from the 1 preparation of the other files, leaving out 1 more whose id is in doubt (one); "
            + "`catalog validate` lists the errors\n")
    #expect(result.stdout.contains("\"id\":\"two\"") && !result.stdout.contains("\"id\":\"one\""))
}

@Suite("look-ups from a broken catalogue: the id of a document that did not load is in doubt")
struct BrokenDocumentIDTests {
    /// `one` valid in `a.yaml`, and again in `b.yaml`, which has another error (so it never
    /// loads): `one` is in doubt all the same, and the duplicate is reported at once.
    func catalogue() throws -> URL {
        try makeCatalogue(["face/a.yaml": preparation("one"), "face/b.yaml": preparation("one") + "foo: 1\n",
                           "face/c.yaml": preparation("two")])
    }

    @Test("query leaves it out and names it")
    func query() throws {
        let root = try catalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        try expectOneLeftOut(root, errors: "2 errors")
    }

    @Test("validate reports the duplicate id without waiting for the document to load")
    func validate() throws {
        let root = try catalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try runCatalog(["validate", root.path])
        #expect(result.status == 1)
        let a = "\(root.path)/preparations/face/a.yaml", b = "\(root.path)/preparations/face/b.yaml"
        let errors = result.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors == ["\(b):1:5: error: duplicate id 'one'; first defined at \(a):1:5",
                           "\(b):13:1: error: unknown key 'foo'"])
    }

    @Test("the broken document first: the valid one is the duplicate, and neither is answered")
    func brokenFirst() throws {
        let root = try makeCatalogue(["face/a.yaml": preparation("one") + "foo: 1\n", "face/b.yaml": preparation("one")])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try runCatalog(["validate", root.path])
        let a = "\(root.path)/preparations/face/a.yaml", b = "\(root.path)/preparations/face/b.yaml"
        #expect(result.stdout.split(separator: "\n").filter { $0.contains(": error: ") }
                == ["\(a):13:1: error: unknown key 'foo'", "\(b):1:5: error: duplicate id 'one'; first defined at \(a):1:5"])
        let show = try runCatalog(["show", "one", "--catalogue", root.path])
        #expect(show.status == 1)
    }

    @Test("show refuses it, exit 1, rather than showing the version that may be the wrong one")
    func show() throws {
        let root = try catalogue()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try runCatalog(["show", "one", "--catalogue", root.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasSuffix("error: no valid preparation 'one': the catalogue's errors concern it (a document with this id has errors, it is defined twice, "
                                        + "or it is replaced by a layer whose replacement did not load); `catalog validate` lists them\n"))
    }
}

@Suite("query: an unknown ingredient lists each known one once")
struct KnownIngredientListTests {
    @Test("an ingredient named as a class is listed once")
    func listedOnce() throws {
        let root = try makeCatalogue(["face/a.yaml": preparation("one").replacingOccurrences(of: "[glycerol]", with: "[vitamin]")])
        defer { try? FileManager.default.removeItem(at: root) }
        try """
            name: Test
            version: "1"
            vocabulary:
              indications:
                dehydration: Dehydrated
              ingredient-classes:
                vitamin: Vitamins

            """.write(to: root.appendingPathComponent("catalogue.yaml"), atomically: true, encoding: .utf8)
        let result = try runCatalog(["query", "--catalogue", root.path, "--ingredient", "zzz"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: unknown ingredient 'zzz'; known ingredients: vitamin\n")
    }
}
