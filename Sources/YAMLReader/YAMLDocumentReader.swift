import CYAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What reading a YAML stream gave: the documents read, and every problem found.
///
/// When a fatal problem (a syntax error, a broken limit, bad encoding) stops the reading, the
/// documents completed before it are still returned, and the fatal problem is the last error.
package struct YAMLReadResult: Sendable {
    /// The documents, in order.
    package var documents: [YAMLDocument]
    /// The problems, in the order found.
    package var errors: [YAMLError]
}

/// Reads YAML through the system libyaml into located nodes.
///
/// The reader pulls libyaml's events one at a time and builds each document flat, with an
/// explicit stack, so no recursion depends on the input; every limit is checked as events
/// arrive, which stops a hostile file early instead of after libyaml has read all of it.
///
/// Two ways to receive documents: the `read` methods give ``YAMLDocument`` trees of
/// ``YAMLNode`` values, which may be kept; the `readFlat` methods (package access) give
/// `YAMLDocumentView`s, which read the same nodes (same API shape: `YAMLNodeView`) straight
/// from the reader's storage without building a tree, and are valid only while the callback
/// runs. The catalogue loader uses the views: they are what makes it fast.
package struct YAMLDocumentReader: Sendable {
    /// The limits in force.
    package var limits: YAMLLimits

    /// Creates a reader with the given limits.
    package init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Reads a whole file's bytes, refusing one larger than `YAMLLimits.maxFileSize`: a
    /// regular file by its size before reading it; one that grows while being read, or a pipe,
    /// a terminal or a device (whose size `fstat` does not know: it says 0 for a pipe), only
    /// once more than the limit has really arrived.
    ///
    /// - Parameters:
    ///   - path: the file to open.
    ///   - displayPath: the path errors name (defaults to `path`).
    package func readBytes(ofFileAt path: String, displayPath: String? = nil) throws(YAMLError) -> [UInt8] {
        try readBytes(ofFileAt: Array(path.utf8), displayPath: displayPath ?? path)
    }

    /// Reads `fd` to its end straight into the bytes returned (room for `expected` bytes, and
    /// one more to see the end, is made beforehand; more as more arrives), refusing the input
    /// once more than the limit has arrived.
    func readToEnd(_ fd: Int32, expected: Int, regular: Bool, start: SourceLocation) throws(YAMLError) -> [UInt8] {
        let limit = limits.maxFileSize
        var bytes = [UInt8](repeating: 0, count: min(max(expected + 1, 4096), limit + 1))
        var filled = 0
        while true {
            if filled == bytes.count {
                bytes.grow(to: bytes.count + min(bytes.count, limit + 1 - bytes.count))
            }
            let n = bytes.withUnsafeMutableBytes { raw in
                raw.baseAddress.map { sysRead(fd, $0 + filled, raw.count - filled) } ?? 0
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw YAMLError(.io, at: start, "cannot read file: \(errnoText())")
            }
            if n == 0 { break }
            filled += n
            if filled > limit {
                throw regular ? limits.grewProblem(at: start) : YAMLError(.limit, at: start,
                    "input is larger than the limit of \(sizeText(limit)) (read from a pipe or a device)")
            }
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// Reads every document of a YAML stream.
    ///
    /// - Parameters:
    ///   - bytes: the stream, which must be UTF-8.
    ///   - file: the path that locations name.
    package func read(_ bytes: [UInt8], file: String) -> YAMLReadResult {
        bytes.withUnsafeBufferPointer { read($0, file: file) }
    }

    /// Reads every document of a YAML stream held in memory.
    package func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> YAMLReadResult {
        var documents: [YAMLDocument] = []
        let errors = read(bytes, file: file) { documents.append($0) }
        return YAMLReadResult(documents: documents, errors: errors)
    }

    /// Reads a YAML stream, handing each document to `body` as soon as it is complete, so that
    /// only one document's nodes are alive at a time. Returns every problem found.
    package func read(_ bytes: [UInt8], file: String, eachDocument body: (YAMLDocument) -> Void) -> [YAMLError] {
        bytes.withUnsafeBufferPointer { read($0, file: file, eachDocument: body) }
    }

    /// Reads a YAML stream held in memory, handing each document to `body` as soon as it is complete.
    package func read(_ bytes: UnsafeBufferPointer<UInt8>, file: String,
                     eachDocument body: (YAMLDocument) -> Void) -> [YAMLError] {
        readFlat(bytes, file: file) { view in body(view.document) }
    }

    /// Reads a YAML stream held in memory, handing each document to `body` as a flat view as
    /// soon as it is complete: the fastest way to read, since no tree of values is built. The
    /// view is valid only while `body` runs. Returns every problem found.
    package func readFlat(_ bytes: UnsafeBufferPointer<UInt8>, file: String,
                         eachDocument body: (YAMLDocumentView) -> Void) -> [YAMLError] {
        readStream(bytes, file: file, deliver: body)
    }

    private func readStream(_ bytes: UnsafeBufferPointer<UInt8>, file: String,
                            deliver: (YAMLDocumentView) -> Void) -> [YAMLError] {
        var buffers = YAMLReadBuffers()
        return build(file: file, buffers: &buffers, deliver: deliver) { sink in
            readStream(bytes, file: file, sink: &sink)
        }
    }

    /// Feeds a YAML stream held in memory to `sink`; returns the reading's own errors (a file
    /// too large, a UTF-16 or UTF-32 file, libyaml's failure), which come after the sink's.
    func readStream<Sink: YAMLEventSink>(_ bytes: UnsafeBufferPointer<UInt8>, file: String,
                                         sink: inout Sink) -> [YAMLError] {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if let problem = limits.sizeProblem(bytes.count, at: start) { return [problem] }
        if let bomError = utf16Or32Marker(bytes, file: file) {
            return [bomError]
        }
        // libyaml never sees a UTF-8 byte order mark: its encoding is set to UTF-8, which turns
        // off its own detection of the mark, and would make the mark part of the first key.
        let text = UnsafeBufferPointer(rebasing: bytes[Self.utf8MarkLength(bytes)...])
        guard let parser = LibYAMLParser(input: text) else {
            return [YAMLError(.syntax, at: start, "libyaml could not start")]
        }
        let failure = pull(parser, file: file, sink: &sink) { offset in
            Self.location(ofByte: offset, in: text, file: file)
        }
        return failure.map { [$0] } ?? []
    }

    /// Runs `read` with a flat builder as its sink, handing each document to `deliver`;
    /// returns the builder's errors, then the reading's.
    private func build(file: String, buffers: inout YAMLReadBuffers, deliver: (YAMLDocumentView) -> Void,
                       read: (inout DocumentSink) -> [YAMLError]) -> [YAMLError] {
        withoutActuallyEscaping(deliver) { deliver in
            var sink = DocumentSink(builder: FlatBuilder(file: file, limits: limits, buffers: buffers), deliver: deliver)
            let readErrors = read(&sink)
            buffers = sink.builder.takeBuffers()
            return sink.builder.errors + readErrors
        }
    }

    /// Reads a YAML file's documents, handing each to `body` as soon as it is complete, as
    /// `read(_:file:eachDocument:)` does, but feeding libyaml
    /// from the open file in chunks instead of reading the file whole first: a large file is
    /// never held in memory. Refuses a file larger than `YAMLLimits.maxFileSize` before
    /// reading it, and one that grows while being read. Returns every problem found.
    ///
    /// - Parameters:
    ///   - path: the file to open.
    ///   - displayPath: the path that locations name (defaults to `path`).
    ///   - body: called with each document as soon as it is complete.
    package func read(fileAt path: String, displayPath: String? = nil,
                     eachDocument body: (YAMLDocument) -> Void) -> [YAMLError] {
        readFlat(fileAt: path, displayPath: displayPath) { view in body(view.document) }
    }

    /// Reads a YAML file's documents in chunks, as ``read(fileAt:displayPath:eachDocument:)``
    /// does, handing each to `body` as a flat view (valid only while `body` runs) instead of a tree.
    package func readFlat(fileAt path: String, displayPath: String? = nil,
                         eachDocument body: (YAMLDocumentView) -> Void) -> [YAMLError] {
        var buffers = YAMLReadBuffers()
        return readFlat(fileAt: path, displayPath: displayPath, buffers: &buffers, eachDocument: body)
    }

    /// Reads a YAML file's documents in chunks as flat views, as
    /// ``readFlat(fileAt:displayPath:eachDocument:)`` does, in storage taken from `buffers` and
    /// given back to it afterwards: a caller reading many files passes the same buffers to
    /// each, so that the storage is allocated once rather than once per file.
    package func readFlat(fileAt path: String, displayPath: String? = nil, buffers: inout YAMLReadBuffers,
                         eachDocument body: (YAMLDocumentView) -> Void) -> [YAMLError] {
        readFlat(bytesPath: Array(path.utf8), file: displayPath ?? path, buffers: &buffers, eachDocument: body)
    }

    /// Reads the file whose path's bytes are `path`, named `file` in locations.
    func readFlat(bytesPath path: [UInt8], file: String, buffers: inout YAMLReadBuffers,
                  eachDocument body: (YAMLDocumentView) -> Void) -> [YAMLError] {
        build(file: file, buffers: &buffers, deliver: body) { sink in
            readFile(path, file: file, sink: &sink)
        }
    }

    /// Feeds a YAML file to `sink` in chunks; returns the reading's own errors (the file
    /// cannot be opened or read, is too large or not UTF-8, libyaml's failure), which come
    /// after the sink's.
    func readFile<Sink: YAMLEventSink>(_ path: [UInt8], file: String, sink: inout Sink) -> [YAMLError] {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let fd: Int32
        do throws(YAMLError) {
            fd = try openForReading(path, start: start)
        } catch {
            return [error]
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            return [YAMLError(.io, at: start, "cannot read file: \(errnoText())")]
        }
        guard isRegularFile(info) else {
            // A pipe, a terminal or a device: its size is not known beforehand, and it cannot
            // be read again to locate an encoding error, so it is read whole (up to the limit).
            let bytes: [UInt8]
            do throws(YAMLError) {
                bytes = try readToEnd(fd, expected: 0, regular: false, start: start)
            } catch {
                return [error]
            }
            return bytes.withUnsafeBufferPointer { readStream($0, file: file, sink: &sink) }
        }
        let size = Int(info.st_size)
        if let problem = limits.sizeProblem(size, at: start) { return [problem] }
        // The byte order marks of UTF-16 and UTF-32 are refused before libyaml sees them, and
        // a UTF-8 one is skipped (as in memory).
        // (In a tuple on the stack, not an array: one allocation fewer for each of the 10,000
        // files of `cd Benchmarks && LAYOUTS=files ./commands.sh 10000`.)
        var head: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        var skipped = 0
        let marker = withUnsafeMutableBytes(of: &head) { raw -> (error: YAMLError?, skip: Int)? in
            let headCount = preadFully(fd, raw, count: min(4, size), at: 0)
            guard headCount > 0 else { return nil }
            let read = UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[..<headCount])
            return (utf16Or32Marker(read, file: file), Self.utf8MarkLength(read))
        }
        if let marker {
            if let error = marker.error { return [error] }
            skipped = marker.skip
            if skipped > 0, lseek(fd, off_t(skipped), SEEK_SET) != off_t(skipped) {
                return [YAMLError(.io, at: start, "cannot read file: \(errnoText())")]
            }
        }
        let source = UnsafeMutablePointer<FileChunkSource>.allocate(capacity: 1)
        source.initialize(to: FileChunkSource(fd: fd, limit: limits.maxFileSize - skipped, start: skipped))
        defer {
            source.deinitialize(count: 1)
            source.deallocate()
        }
        guard let parser = LibYAMLParser(source: source) else {
            return [YAMLError(.syntax, at: start, "libyaml could not start")]
        }
        let failure = pull(parser, file: file, sink: &sink) { offset in
            // Only after an encoding error: the file is read again up to the bad byte (the
            // offset counts from after a skipped byte order mark, as libyaml saw the file).
            var bytes = [UInt8](repeating: 0, count: max(0, min(offset, limits.maxFileSize)))
            let count = bytes.withUnsafeMutableBytes { preadFully(fd, $0, count: $0.count, at: skipped) }
            return bytes.withUnsafeBufferPointer {
                Self.location(ofByte: offset, in: UnsafeBufferPointer(rebasing: $0[..<max(0, count)]), file: file)
            }
        }
        guard let failure else { return [] }
        // A read that failed or a file that grew: libyaml only says "input error".
        switch source.pointee.failure {
        case .read(let reason):
            return [YAMLError(.io, at: start, "cannot read file: \(reason)")]
        case .grew:
            return [limits.grewProblem(at: start)]
        case nil:
            return [failure]
        }
    }

    /// Pulls libyaml's events into `sink` until the stream ends, the sink stops it, or libyaml
    /// fails; returns libyaml's failure, if any. `locate` turns the byte offset of an encoding
    /// error into a place.
    private func pull<Sink: YAMLEventSink>(_ parser: LibYAMLParser, file: String, sink: inout Sink,
                                           locate: (Int) -> SourceLocation) -> YAMLError? {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser.parser, &event) == 1 else {
                let f = parser.failure()
                var location = SourceLocation(file: file, line: f.line, column: f.column)
                if let offset = f.offset { location = locate(offset) }
                return YAMLError(f.kind, at: location, f.message, related: f.context.map {
                    YAMLError.Related(SourceLocation(file: file, line: $0.line, column: $0.column), $0.text)
                })
            }
            let stop = sink.consume(&event)
            yaml_event_delete(&event)
            if stop { return nil }
        }
    }

    /// The line and column of a byte offset, counting characters and lines as libyaml does
    /// (and as the source lines of diagnostics are split): a line ends at LF, CR LF, a lone
    /// CR, NEL (U+0085), LINE SEPARATOR (U+2028) or PARAGRAPH SEPARATOR (U+2029).
    static func location(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>, file: String) -> SourceLocation {
        var line = 1
        var column = 1
        let end = min(offset, bytes.count)
        var i = 0
        while i < end {
            let b = bytes[i]
            var breakLength = 0
            switch b {
            case 10: breakLength = 1
            case 13: breakLength = i + 1 < bytes.count && bytes[i + 1] == 10 ? 2 : 1
            case 0xC2: breakLength = i + 1 < bytes.count && bytes[i + 1] == 0x85 ? 2 : 0
            case 0xE2:
                breakLength = i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) ? 3 : 0
            default: break
            }
            if breakLength > 0, i + breakLength <= end {
                line += 1
                column = 1
                i += breakLength
                continue
            }
            if b & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// 3 when `bytes` start with a UTF-8 byte order mark, else 0.
    static func utf8MarkLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    private func utf16Or32Marker(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> YAMLError? {
        guard bytes.count >= 2 else { return nil }
        let b0 = bytes[0], b1 = bytes[1]
        let start = SourceLocation(file: file, line: 1, column: 1)
        if bytes.count >= 4, (b0 == 0xFF && b1 == 0xFE && bytes[2] == 0 && bytes[3] == 0)
            || (b0 == 0 && b1 == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF) {
            return YAMLError(.encoding, at: start,
                             "file is UTF-32 (it starts with a UTF-32 byte order mark); save it as UTF-8")
        }
        if (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE) {
            return YAMLError(.encoding, at: SourceLocation(file: file, line: 1, column: 1),
                             "file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8")
        }
        return nil
    }
}

/// Takes the events of a stream as libyaml reads it.
protocol YAMLEventSink {
    /// Takes one of libyaml's events (valid only during the call); returns true when reading
    /// must stop: the stream ended, or a fatal problem was found.
    mutating func consume(_ event: inout yaml_event_t) -> Bool
}

/// The flat builder as a sink, handing each document to `deliver` as soon as it is complete.
struct DocumentSink: YAMLEventSink {
    var builder: FlatBuilder
    let deliver: (YAMLDocumentView) -> Void

    mutating func consume(_ event: inout yaml_event_t) -> Bool {
        switch withUnsafePointer(to: &event, { builder.consume(YAMLEvent($0)) }) {
        case .more: return false
        case .document:
            builder.withDocument(deliver)
            return false
        case .stop: return true
        }
    }
}

/// True for a regular file: the only kind whose size `fstat` knows beforehand, and which can
/// be read again from its start.
func isRegularFile(_ info: stat) -> Bool {
    info.st_mode & S_IFMT == S_IFREG
}

func errnoText() -> String {
    String(cString: strerror(errno))
}
