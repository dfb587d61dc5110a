import Foundation
@testable import PreparationRegistry
import Testing
import YAMLReader

@Suite("Reading and decoding on two threads")
struct DocumentHandOverTests {
    @Test("the hand-over gives every item once, in order, and ends after finish")
    func order() {
        let handOver = DocumentHandOver(capacity: 3)
        let thread = Thread {
            for count in 0 ..< 200 {
                handOver.put(.endOfFile(Array(repeating: YAMLError(.syntax, at: SourceLocation(file: "f", line: count + 1, column: 1), "e"), count: count % 3)))
            }
            handOver.finish()
        }
        thread.start()
        var lines: [Int] = []
        var sizes: [Int] = []
        while let item = handOver.take() {
            guard case .endOfFile(let errors) = item else { continue }
            sizes.append(errors.count)
            lines.append(errors.first?.location.line ?? 0)
        }
        #expect(sizes == (0 ..< 200).map { $0 % 3 })
        #expect(lines == (0 ..< 200).map { $0 % 3 == 0 ? 0 : $0 + 1 })
        #expect(handOver.take() == nil)
    }

    @Test("a catalogue of many files loads as its files do one by one")
    func manyFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("handover-\(UUID().uuidString)")
        let preparations = folder.appendingPathComponent("preparations/face")
        try FileManager.default.createDirectory(at: preparations, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for index in 0 ..< 150 {
            // Every fifth file is broken, every seventh empty, the rest hold one preparation.
            let text = index % 7 == 0 ? "" : index % 5 == 0 ? "id: [\n" : preparationText("prep-\(index)")
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
        #expect(whole.fileCount == 150)
    }
}
