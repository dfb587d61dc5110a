import Foundation
import Testing
import YAMLReader

/// A node's content and place as text, to compare documents read in two ways.
private func describe(_ node: YAMLNode) -> String {
    let place = "@\(node.location.line):\(node.location.column)"
    if let scalar = node.scalar { return "\(scalar.text)|\(scalar.value)|\(scalar.style)\(place)" }
    if let items = node.sequence { return "[" + items.map(describe).joined(separator: ", ") + "]\(place)" }
    if let entries = node.mapping {
        return "{" + entries.map { "\($0.key)@\($0.keyLocation.line):\($0.keyLocation.column): \(describe($0.value))" }
            .joined(separator: ", ") + "}\(place)"
    }
    return "?\(place)"
}

/// What reading gave, as text: each document, then each error.
private func shown(_ documents: [YAMLDocument], _ errors: [YAMLError]) -> [String] {
    documents.map { "\($0.location): " + describe($0.root) } + errors.map(\.description)
}

/// What replaying the batches gives, file by file.
private func replayAll(_ batches: [YAMLEventBatch]) -> [[String]] {
    var replayer = YAMLEventReplayer()
    var results: [[String]] = []
    var documents: [YAMLDocument] = []
    for batch in batches {
        replayer.replay(batch, eachDocument: { documents.append($0.document) }, endOfFile: { errors in
            results.append(shown(documents, errors))
            documents = []
        })
    }
    return results
}

@Suite("Recording events on one thread and building documents on another")
struct EventRecordingTests {
    static let inputs: [String] = [
        "a: 1\nb: [x, y]\n",
        "--- \na: 1\n...\n---\nb: 2\n---\n",
        "a: &x {k: v, l: [1, 2]}\nb: *x\nc: {<<: *x, k: w}\n",
        "a: !!int 12\nb: !!str 12\nc: !custom x\nd: !!seq [1]\ne: !!map {}\n",
        "x: *nope\n",
        "a: 1\na: 2\n",
        "? [1, 2]\n: v\n",
        "a: [1, 2\n",
        "a:\n\t- b\n",
        "a: 1\n---\nb: [\n",
        "\u{FEFF}a: 1\n",
        "a: 'é ü ✓'\nb: |\n  line\n  more\n",
        String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n",
        String(repeating: "- ", count: 70) + "x\n",
        "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + (1 ... 8).map { "b\($0): &a\($0) [" + Array(repeating: $0 == 1 ? "*a" : "*a\($0 - 1)", count: 10).joined(separator: ", ") + "]\n" }.joined()
            + "c: [unclosed\n",
        "",
        "# only a comment\n",
        // Many documents in one file: a batch is handed over between two of them.
        (0 ..< 300).map { "--- # \($0)\nid: n\($0)\nlist: [a, &x\($0) b, *x\($0)]\nmap: {k: \($0), <<: {m: v}}\n" }.joined(),
    ]

    @Test("every input gives the same documents and errors as reading it directly, whatever the batch size",
          arguments: [1, 100, 1 << 16])
    func sameAsDirect(batchSize: Int) {
        var batches: [YAMLEventBatch] = []
        var recorder = YAMLEventRecorder(batchSize: batchSize) { batch in
            batches.append(batch)
            return YAMLEventBatch()
        }
        for (index, input) in Self.inputs.enumerated() {
            Array(input.utf8).withUnsafeBufferPointer { recorder.record($0, file: "in\(index).yaml") }
        }
        recorder.record(unreadable: "gone.yaml", error: YAMLError(.io, at: SourceLocation(file: "gone.yaml", line: 1, column: 1), "cannot open file"))
        recorder.flush()
        if batchSize == 1 {
            // A batch is handed over after each document and at the end of each file.
            let documents = Self.inputs.map { YAMLDocumentReader().read(Array($0.utf8), file: "x.yaml").documents.count }
            #expect(batches.count == documents.reduce(0, +) + Self.inputs.count + 1)
        }

        let results = replayAll(batches)
        var expected = Self.inputs.enumerated().map { index, input in
            let direct = YAMLDocumentReader().read(Array(input.utf8), file: "in\(index).yaml")
            return shown(direct.documents, direct.errors)
        }
        expected.append(["gone.yaml:1:1: error: cannot open file"])
        #expect(results.count == expected.count)
        for (got, want) in zip(results, expected) {
            #expect(got == want)
        }
    }

    @Test("a file read in chunks gives what the same file gives read directly")
    func files() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recording-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (index, input) in Self.inputs.enumerated() {
            let path = folder.appendingPathComponent("f\(index).yaml").path
            try Data(input.utf8).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        paths.append(folder.appendingPathComponent("missing.yaml").path)
        var batches: [YAMLEventBatch] = []
        var recorder = YAMLEventRecorder(batchSize: 64) { batch in
            batches.append(batch)
            return YAMLEventBatch()
        }
        for path in paths { recorder.record(fileAt: path) }
        recorder.flush()
        let results = replayAll(batches)
        let expected = paths.map { path in
            var direct: [YAMLDocument] = []
            let errors = YAMLDocumentReader().read(fileAt: path) { direct.append($0) }
            return shown(direct, errors)
        }
        #expect(results == expected)
    }
}
