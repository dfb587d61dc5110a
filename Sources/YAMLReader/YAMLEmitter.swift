import CYAML

/// Writes YAML text through libyaml's emitter (`yaml_emitter_*`), so that what it writes is
/// YAML that libyaml, and any other YAML reader, reads back as the same data.
///
/// Strings that a reader would resolve as something else (`true`, `null`, `1.5`, and the
/// YAML 1.1 words `NO`, `on`, `yes`... that older readers take as booleans) are written
/// quoted, so they read back as strings; every other string is left to libyaml, which chooses
/// plain style when it can. The emitter owns its C structures: each call creates one
/// `yaml_emitter_t` and deletes it before returning, and every event is handed to
/// `yaml_emitter_emit`, which takes it over and frees it.
package struct YAMLEmitter: Sendable {
    /// Which sequences are written on one line (`[a, b]`), the others one item a line.
    package enum FlowRule: Sendable, Hashable {
        /// None: every sequence one item a line.
        case never
        /// A non-empty sequence of scalars (no sequence or mapping in it), each string in it at
        /// most `maxStringLength` characters long when given.
        case scalarItems(maxStringLength: Int?)

        func appliesTo(_ items: [DataValue]) -> Bool {
            guard case .scalarItems(let longest) = self, !items.isEmpty else { return false }
            return items.allSatisfy {
                switch $0 {
                case .array, .object: return false
                case .string(let s): return longest.map { s.count <= $0 } ?? true
                default: return true
                }
            }
        }
    }

    /// The preferred line width; libyaml folds long plain and quoted strings at spaces (which
    /// reads back as the same text). -1 for no limit.
    package var width: Int
    /// Spaces per indentation level (2 to 9).
    package var indent: Int
    /// Which sequences are written on one line.
    package var flow: FlowRule

    /// Creates an emitter that writes as the catalogue's YAML output does: lines up to 100
    /// characters, two spaces per level, every sequence in block style.
    package init() {
        self.init(width: 100, indent: 2, flow: .never)
    }

    /// Creates an emitter.
    package init(width: Int = 100, indent: Int = 2, flow: FlowRule = .never) {
        self.width = width
        self.indent = indent
        self.flow = flow
    }

    /// Writes `documents` as one YAML stream; each document after the first starts with `---`
    /// (the first too when `explicitStart`). An empty list writes an empty stream. A float is
    /// always written so that it reads back as a float (`2.0`, `0.5`, `.inf`, `.nan`); a string
    /// that would read back as another type is quoted.
    package func emit(documents: [DataValue], explicitStart: Bool = false) throws(YAMLEmitterError) -> String {
        let output = OutputBuffer()
        let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        defer { emitter.deallocate() }
        guard yaml_emitter_initialize(emitter) == 1 else {
            throw YAMLEmitterError(message: "libyaml could not create an emitter (out of memory)")
        }
        defer { yaml_emitter_delete(emitter) }
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_width(emitter, Int32(width))
        yaml_emitter_set_indent(emitter, Int32(indent))
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
        let context = Unmanaged.passUnretained(output).toOpaque()
        yaml_emitter_set_output(emitter, { data, buffer, size in
            guard let data, let buffer else { return 0 }
            let output = Unmanaged<OutputBuffer>.fromOpaque(data).takeUnretainedValue()
            output.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, context)

        let writer = EventWriter(emitter: emitter, flow: flow)
        try writer.emit { yaml_stream_start_event_initialize(&$0, YAML_UTF8_ENCODING) }
        for (index, document) in documents.enumerated() {
            let implicit: Int32 = index == 0 && !explicitStart ? 1 : 0
            try writer.emit { yaml_document_start_event_initialize(&$0, nil, nil, nil, implicit) }
            try writer.write(document)
            try writer.emit { yaml_document_end_event_initialize(&$0, 1) }
        }
        try writer.emit { yaml_stream_end_event_initialize(&$0) }
        guard yaml_emitter_flush(emitter) == 1 else { throw writer.failure() }
        return Self.escapingReorders(String(decoding: output.bytes, as: UTF8.self))
    }

    /// True when `text` holds a bidirectional override or isolate: each is written E2 80 xx or
    /// E2 81 xx in UTF-8, so text without the byte E2 (nearly all) is passed over byte by byte,
    /// without decoding a scalar.
    static func holdsReorders(_ text: String) -> Bool {
        text.utf8.contains(0xE2) && text.unicodeScalars.contains(where: TerminalScalars.reorders)
    }

    /// `text` with each bidirectional override or isolate written as its `\uXXXX` escape.
    /// libyaml writes them raw, as printable characters; a string holding one is always
    /// double-quoted (`write`), where the escape reads back as the same character, so that
    /// YAML read on a terminal never shows a text reordered.
    static func escapingReorders(_ text: String) -> String {
        guard holdsReorders(text) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if TerminalScalars.reorders(scalar) {
                out.append(contentsOf: "\\u\(String(scalar.value, radix: 16, uppercase: true))".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Writes one document.
    package func emit(_ document: DataValue) throws(YAMLEmitterError) -> String {
        try emit(documents: [document])
    }

    /// True when `text`, written plain, would read back as something other than this string:
    /// a null, a boolean, a number under the YAML 1.2 core schema, or a word or form that YAML
    /// 1.1 readers take as a boolean, a number or a date (`NO`, `on`, `y`, `1_000`, `0b1`,
    /// `1:30`, `2026-01-01`).
    package static func needsQuotes(_ text: String) -> Bool {
        var copy = text
        let core = copy.withUTF8 { CoreSchema.resolve($0) }
        if case .string = core {} else { return true }
        if yaml11Words.contains(text) { return true }
        // Numbers, sexagesimals and dates of YAML 1.1 (which also allows `_` in numbers).
        return copy.withUTF8 { isYAML11Number($0) || startsWithYAML11Date($0) }
    }

    /// The whole text is a YAML 1.1 number: `[-+]?(0b[01_]+ | 0x[0-9a-fA-F_]+ |
    /// [0-9][0-9_]*(:[0-5]?[0-9])*(\.[0-9_]*)?([eE][-+]?[0-9]+)? | \.[0-9_]+([eE][-+]?[0-9]+)?)`.
    /// Written out by hand rather than as a `Regex`, which is not `Sendable`.
    static func isYAML11Number(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        func isDigit(_ i: Int) -> Bool { i < b.count && b[i] >= 48 && b[i] <= 57 }
        func isDigitOrUnderscore(_ i: Int) -> Bool { isDigit(i) || (i < b.count && b[i] == UInt8(ascii: "_")) }
        func isIn(_ i: Int, _ allowed: String) -> Bool { i < b.count && allowed.utf8.contains(b[i]) }
        var i = 0
        if isIn(i, "+-") { i += 1 }
        guard i < b.count else { return false }
        if b[i] == UInt8(ascii: "0"), isIn(i + 1, "bx") {
            let allowed = b[i + 1] == UInt8(ascii: "b") ? "01_" : "0123456789abcdefABCDEF_"
            let start = i + 2
            i = start
            while isIn(i, allowed) { i += 1 }
            return i > start && i == b.count
        }
        if isDigit(i) {
            while isDigitOrUnderscore(i) { i += 1 }
            while i < b.count, b[i] == UInt8(ascii: ":") {  // sexagesimal: `:` then [0-5]?[0-9]
                if isIn(i + 1, "012345"), isDigit(i + 2) {
                    i += 3
                } else if isDigit(i + 1) {
                    i += 2
                } else {
                    return false
                }
            }
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                while isDigitOrUnderscore(i) { i += 1 }
            }
        } else if b[i] == UInt8(ascii: "."), isDigitOrUnderscore(i + 1) {
            i += 1
            while isDigitOrUnderscore(i) { i += 1 }
        } else {
            return false
        }
        if isIn(i, "eE") {
            i += 1
            if isIn(i, "+-") { i += 1 }
            guard isDigit(i) else { return false }
            while isDigit(i) { i += 1 }
        }
        return i == b.count
    }

    /// The text starts with a YAML 1.1 date: `[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}`.
    static func startsWithYAML11Date(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        func isDigit(_ i: Int) -> Bool { i < b.count && b[i] >= 48 && b[i] <= 57 }
        func isDash(_ i: Int) -> Bool { i < b.count && b[i] == UInt8(ascii: "-") }
        guard isDigit(0), isDigit(1), isDigit(2), isDigit(3), isDash(4), isDigit(5) else { return false }
        return (isDash(6) && isDigit(7)) || (isDigit(6) && isDash(7) && isDigit(8))
    }

    private static let yaml11Words: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "on", "On", "ON", "off", "Off", "OFF", "=", "<<",
    ]
}

/// A failure of libyaml's emitter (which only fails on events out of order, invalid text or
/// memory exhaustion).
package struct YAMLEmitterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// libyaml's message.
    package var message: String

    /// Creates an error.
    package init(message: String) {
        self.message = message
    }

    /// `cannot write YAML: <message>`.
    package var description: String { "cannot write YAML: \(message)" }
}

/// Where the emitter's output goes: bytes appended by libyaml's write handler.
private final class OutputBuffer {
    var bytes: [UInt8] = []
}

/// Turns nodes into libyaml events and hands each to the emitter.
private struct EventWriter {
    let emitter: UnsafeMutablePointer<yaml_emitter_t>
    let flow: YAMLEmitter.FlowRule

    /// The emitter's error as a Swift error.
    func failure() -> YAMLEmitterError {
        if let problem = emitter.pointee.problem {
            return YAMLEmitterError(message: String(cString: problem))
        }
        return YAMLEmitterError(message: "libyaml's emitter failed")
    }

    /// Initialises an event with `make` and emits it. `yaml_emitter_emit` takes the event over
    /// and frees it even when it fails, so it is never deleted here once handed over; an event
    /// whose initialisation fails holds nothing (libyaml frees its partial copies).
    func emit(_ make: (inout yaml_event_t) -> Int32) throws(YAMLEmitterError) {
        var event = yaml_event_t()
        guard make(&event) == 1 else {
            yaml_event_delete(&event)  // zeroed by libyaml on failure: a no-op kept for safety
            throw YAMLEmitterError(message: "libyaml could not create an event (out of memory or invalid text)")
        }
        guard yaml_emitter_emit(emitter, &event) == 1 else { throw failure() }
    }

    /// Emits a scalar with the given style; `plainImplicit` says a plain reading gives the
    /// intended type, `quotedImplicit` that a quoted one does (a string).
    func scalar(_ text: String, style: yaml_scalar_style_t, plainImplicit: Bool) throws(YAMLEmitterError) {
        // `withCString` always gives a valid pointer (also for ""); the length comes from the
        // UTF-8 count, so a string holding NUL is written whole. libyaml copies the bytes.
        let count = Int32(text.utf8.count)
        let failure: YAMLEmitterError? = text.withCString { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: Int(count) + 1) { bytes -> YAMLEmitterError? in
                do throws(YAMLEmitterError) {
                    try emit { yaml_scalar_event_initialize(&$0, nil, nil, bytes, count, plainImplicit ? 1 : 0, 1, style) }
                    return nil
                } catch {
                    return error
                }
            }
        }
        if let failure { throw failure }
    }

    /// Emits a node and everything under it. Nesting follows the value given by the caller
    /// (never input read from elsewhere), so recursion is bounded by the caller's own data.
    func write(_ node: DataValue) throws(YAMLEmitterError) {
        switch node {
        case .null:
            try scalar("null", style: YAML_PLAIN_SCALAR_STYLE, plainImplicit: true)
        case .bool(let value):
            try scalar(value ? "true" : "false", style: YAML_PLAIN_SCALAR_STYLE, plainImplicit: true)
        case .int(let value):
            try scalar(String(value), style: YAML_PLAIN_SCALAR_STYLE, plainImplicit: true)
        case .double(let value):
            try scalar(Self.floatText(value), style: YAML_PLAIN_SCALAR_STYLE, plainImplicit: true)
        case .string(let text):
            if YAMLEmitter.needsQuotes(text) || YAMLEmitter.holdsReorders(text) {
                try scalar(text, style: YAML_DOUBLE_QUOTED_SCALAR_STYLE, plainImplicit: false)
            } else if text.contains("\n") {
                // A literal block where libyaml allows one (it falls back to quotes otherwise).
                try scalar(text, style: YAML_LITERAL_SCALAR_STYLE, plainImplicit: true)
            } else {
                try scalar(text, style: YAML_ANY_SCALAR_STYLE, plainImplicit: true)
            }
        case .array(let items):
            let style = flow.appliesTo(items) ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE
            try emit { yaml_sequence_start_event_initialize(&$0, nil, nil, 1, style) }
            for item in items { try write(item) }
            try emit { yaml_sequence_end_event_initialize(&$0) }
        case .object(let members):
            try emit { yaml_mapping_start_event_initialize(&$0, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE) }
            for (key, value) in members {
                try write(.string(key))
                try write(value)
            }
            try emit { yaml_mapping_end_event_initialize(&$0) }
        }
    }

    /// A float as the core schema reads it back as a float: `2.0`, `0.5`, `1e-05`, `.inf`, `.nan`.
    static func floatText(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        let text = String(value)
        return text.contains(where: { $0 == "." || $0 == "e" }) ? text : text + ".0"
    }
}
