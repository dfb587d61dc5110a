import Testing
import YAMLReader

/// Every public entry of YAMLReader that takes a buffer accepts any buffer: an empty one whose
/// base address is nil too (libyaml asserts a non-null input, and aborted the process).
@Suite("Empty buffers without an address")
struct EmptyBufferTests {
    let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    @Test("read(_:file:) reads no document and no error")
    func read() {
        let result = YAMLDocumentReader().read(empty, file: "empty.yaml")
        #expect(result.documents.isEmpty)
        #expect(result.errors.isEmpty)
    }

    @Test("read(_:file:eachDocument:) hands over no document")
    func readEach() {
        var count = 0
        let errors = YAMLDocumentReader().read(empty, file: "empty.yaml") { _ in count += 1 }
        #expect(count == 0)
        #expect(errors.isEmpty)
    }

    @Test("readFlat(_:file:eachDocument:) hands over no document")
    func readFlat() {
        var count = 0
        let errors = YAMLDocumentReader().readFlat(empty, file: "empty.yaml") { _ in count += 1 }
        #expect(count == 0)
        #expect(errors.isEmpty)
    }

    @Test("the [UInt8] entries, with an empty array")
    func arrays() {
        #expect(YAMLDocumentReader().read([UInt8](), file: "empty.yaml").documents.isEmpty)
        #expect(YAMLDocumentReader().read([UInt8](), file: "empty.yaml") { _ in }.isEmpty)
    }

    @Test("YAMLEventRecorder.record(_:file:) records an empty file, which replays to nothing")
    func record() {
        var batches: [YAMLEventBatch] = []
        var recorder = YAMLEventRecorder { batch in
            batches.append(batch)
            return YAMLEventBatch()
        }
        recorder.record(empty, file: "empty.yaml")
        recorder.flush()
        var replayer = YAMLEventReplayer()
        var documents = 0
        var ends: [[YAMLError]] = []
        for batch in batches {
            replayer.replay(batch, eachDocument: { _ in documents += 1 }, endOfFile: { ends.append($0) })
        }
        #expect(documents == 0)
        #expect(ends.count == 1)
        #expect(ends.first?.isEmpty == true)
    }
}
