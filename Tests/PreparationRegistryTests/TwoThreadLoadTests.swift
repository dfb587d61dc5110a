import Foundation
@testable import PreparationRegistry
import Testing
import YAMLReader

@Suite("Reading and decoding on two threads")
struct TwoThreadLoadTests {
    @Test("the hand-over queue gives every value once, in order, and ends after finish")
    func order() {
        let queue = HandOverQueue<[Int]>(capacity: 3)
        let thread = Thread {
            for count in 0 ..< 200 {
                queue.put(Array(repeating: count, count: count % 3))
            }
            queue.finish()
        }
        thread.start()
        var got: [[Int]] = []
        while let item = queue.take() { got.append(item) }
        #expect(got == (0 ..< 200).map { Array(repeating: $0, count: $0 % 3) })
        #expect(queue.take() == nil)
        #expect(queue.takeIfAny() == nil)
    }

    @Test("a weighed queue lets the giver wait until the values waiting weigh little enough, and lets a heavy one in alone")
    func weighed() {
        let queue = HandOverQueue<[Int]>(capacity: 10) { $0.count }
        let thread = Thread {
            for count in [3, 4, 25, 2, 9, 1] { queue.put(Array(repeating: count, count: count)) }
            queue.finish()
        }
        thread.start()
        var got: [Int] = []
        while let item = queue.take() { got.append(item.count) }
        #expect(got == [3, 4, 25, 2, 9, 1])
    }

    @Test("a catalogue of many files loads as its files do one by one")
    func manyFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("handover-\(UUID().uuidString)")
        let preparations = folder.appendingPathComponent("preparations/face")
        try FileManager.default.createDirectory(at: preparations, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + (1 ... 8).map { "b\($0): &a\($0) [" + Array(repeating: $0 == 1 ? "*a" : "*a\($0 - 1)", count: 10).joined(separator: ", ") + "]\n" }.joined()
            + "c: [unclosed\n"
        for index in 0 ..< 150 {
            // Every fifth file is broken, every seventh empty, a few are hostile, the rest hold
            // one preparation; one holds two.
            let text: String
            switch index {
            case 11: text = bomb
            case 13: text = String(repeating: "[", count: 3_000) + "\n"
            case 17: text = preparationText("prep-17a") + "---\n" + preparationText("prep-17b")
            default: text = index % 7 == 0 ? "" : index % 5 == 0 ? "id: [\n" : preparationText("prep-\(index)")
            }
            try text.write(to: preparations.appendingPathComponent(String(format: "p%03d.yaml", index)),
                           atomically: true, encoding: .utf8)
        }
        let whole = CatalogueLoader().load(catalogueAt: folder.path)
        let files = try FileManager.default.contentsOfDirectory(atPath: preparations.path).sorted()
            .map { preparations.appendingPathComponent($0).path }
        var oneByOne: [Diagnostic] = []
        var ids: [String] = []
        for file in files {
            let result = CatalogueLoader().load(files: [file])
            oneByOne += result.diagnostics
            ids += result.preparations.map(\.id)
        }
        let shown = { (d: Diagnostic) in "\(d.location.file.split(separator: "/").last ?? ""):\(d.location.line):\(d.location.column): \(d.message)" }
        #expect(whole.diagnostics.map(shown) == oneByOne.map(shown))
        #expect(whole.preparations.map(\.id).sorted() == ids.sorted())
        #expect(whole.preparations.count == 150 - 30 - 22 + 5 + 1 - 2)
        #expect(whole.fileCount == 150)
    }

    @Test("a large catalogue's registry, its indexes built on a second thread, answers as one made directly")
    func indexesBuiltAside() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("index-\(UUID().uuidString)")
        let preparations = folder.appendingPathComponent("preparations")
        try FileManager.default.createDirectory(at: preparations, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let count = LoadSession.indexThreadThreshold + 10
        var text = ""
        for index in 0 ..< count {
            // Ids out of file order, indications and techniques varied.
            let indications = index % 3 == 0 ? "[dehydration]" : "[dehydration, wrinkles]"
            let techniques = index % 2 == 0 ? "[nappage]" : "[micropapules]"
            text += "---\n" + preparationText("p\((index * 7919) % count)", indications: indications, techniques: techniques)
        }
        try text.write(to: preparations.appendingPathComponent("all.yaml"), atomically: true, encoding: .utf8)
        let result = CatalogueLoader().load(catalogueAt: folder.path)
        let registry = try #require(result.registry, "\(result.diagnostics.prefix(3).map(\.rendered))")
        let direct = Registry(manifest: result.manifest, preparations: result.preparations.reversed())
        #expect(registry.preparations.map(\.id) == direct.preparations.map(\.id))
        let queries = [Query(), Query(indications: ["wrinkles"]), Query(techniques: [.micropapules]),
                       Query(indications: ["wrinkles"], techniques: [.nappage]), Query(areas: [.face])]
        for query in queries {
            #expect(registry.preparations(matching: query).map(\.id) == direct.preparations(matching: query).map(\.id))
        }
        #expect(registry.preparations(matching: Query(indications: ["wrinkles"])).count == count - (count + 2) / 3)
    }
}
