import CYAML

/// Owns a libyaml parser: allocated and initialised on creation, deleted and freed in `deinit`.
final class LibYAMLParser {
    let parser: UnsafeMutablePointer<yaml_parser_t>

    /// Creates a parser over `input`, which must stay alive and unmoved while the parser is used.
    init?(input: UnsafeBufferPointer<UInt8>) {
        guard let parser = Self.makeParser() else { return nil }
        self.parser = parser
        // libyaml asserts a non-null input, and an empty buffer may have no address at all.
        yaml_parser_set_input_string(parser, input.baseAddress ?? Self.noBytes, input.count)
    }

    /// Where an empty input without an address points libyaml instead: one byte, never read
    /// (the input's length is 0) and never written.
    nonisolated(unsafe) private static let noBytes: UnsafePointer<UInt8> = {
        let byte = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        byte.initialize(to: 0)
        return UnsafePointer(byte)
    }()

    /// Creates a parser that pulls its input from `source`, which must stay alive and unmoved
    /// while the parser is used: libyaml asks for the next chunk whenever its buffer runs low,
    /// so a large file is never held in memory whole.
    init?(source: UnsafeMutablePointer<FileChunkSource>) {
        guard let parser = Self.makeParser() else { return nil }
        self.parser = parser
        yaml_parser_set_input(parser, { data, buffer, size, sizeRead in
            guard let data, let buffer, let sizeRead else { return 0 }
            let source = data.assumingMemoryBound(to: FileChunkSource.self)
            guard let count = source.pointee.next(into: buffer, capacity: size) else { return 0 }
            sizeRead.pointee = count
            return 1
        }, source)
    }

    /// A parser allocated and initialised for UTF-8 input, or nil when libyaml cannot start.
    private static func makeParser() -> UnsafeMutablePointer<yaml_parser_t>? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            return nil
        }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        return parser
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// The parser's error after `yaml_parser_parse` failed, as a message and where it points.
    /// `offsetOnly` is true for reader (encoding) errors, which carry a byte offset only.
    func failure() -> (kind: YAMLError.Kind, message: String, line: Int, column: Int, offset: Int?,
                       context: (text: String, line: Int, column: Int)?) {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "unknown libyaml error"
        switch p.error {
        case YAML_READER_ERROR:
            var message = problem
            if p.problem_value > 0x7F, problem.contains("control characters") {
                // libyaml gives the character here, not a byte: U+0085, U+FFFE take several bytes.
                message += " (" + TerminalScalars.codePoint(UInt32(truncatingIfNeeded: p.problem_value)) + ")"
            } else if p.problem_value != -1, problem.contains("octet") || problem.contains("control characters") {
                message += " (byte 0x" + hex(UInt8(truncatingIfNeeded: p.problem_value)) + ")"
            }
            // A bad trailing byte is reported at its own offset; the place to show is the start
            // of the character it breaks, where libyaml's reading stopped.
            let offset = problem.hasPrefix("invalid trailing UTF-8 octet") ? Int(p.offset) : Int(p.problem_offset)
            return (.encoding, message, 0, 0, offset, nil)
        case YAML_MEMORY_ERROR:
            return (.syntax, "libyaml ran out of memory", 0, 0, 0, nil)
        default:
            var message = problem
            var place: (text: String, line: Int, column: Int)?
            if let context = p.context.map({ String(cString: $0) }) {
                let c = p.context_mark
                message += " (\(context) at line \(c.line + 1), column \(c.column + 1))"
                place = (context, Int(c.line) + 1, Int(c.column) + 1)
            }
            let m = p.problem_mark
            return (.syntax, message, Int(m.line) + 1, Int(m.column) + 1, nil, place)
        }
    }
}

private func hex(_ b: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
}
