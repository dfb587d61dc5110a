import CYAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One parsing event, as the flat builder (``FlatBuilder``) takes it: read straight from
/// libyaml's `yaml_event_t`. The byte buffers point into the event's own memory and are valid
/// only while it is.
struct YAMLEvent {
    enum Kind: UInt8 {
        case streamEnd, documentStart, documentEnd, alias, scalar, sequenceStart, mappingStart,
             sequenceEnd, mappingEnd, other
    }

    var kind: Kind
    /// Where the event starts: line and column from 1.
    var line: Int
    var column: Int
    /// A scalar's style.
    var style: YAMLScalar.Style = .plain
    /// A scalar's text, or the anchor an alias names.
    var value = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// The anchor a scalar or a collection defines.
    var anchor: UnsafeBufferPointer<UInt8>?
    /// The tag a scalar or a collection is given, as libyaml resolved it.
    var tag: UnsafeBufferPointer<UInt8>?

    init(kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// A view of libyaml's event (valid until `yaml_event_delete`).
    @inline(__always)
    init(_ event: yaml_event_t) {
        let mark = event.start_mark
        self.init(kind: .other, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT:
            kind = .documentStart
        case YAML_DOCUMENT_END_EVENT:
            kind = .documentEnd
        case YAML_ALIAS_EVENT:
            kind = .alias
            value = Self.buffer(event.data.alias.anchor) ?? value
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            kind = .scalar
            value = UnsafeBufferPointer(start: s.value, count: s.length)
            switch s.style {
            case YAML_PLAIN_SCALAR_STYLE: style = .plain
            case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: style = .block
            default: style = .quoted
            }
            anchor = Self.buffer(s.anchor)
            tag = Self.buffer(s.tag)
        case YAML_SEQUENCE_START_EVENT:
            kind = .sequenceStart
            anchor = Self.buffer(event.data.sequence_start.anchor)
            tag = Self.buffer(event.data.sequence_start.tag)
        case YAML_MAPPING_START_EVENT:
            kind = .mappingStart
            anchor = Self.buffer(event.data.mapping_start.anchor)
            tag = Self.buffer(event.data.mapping_start.tag)
        case YAML_SEQUENCE_END_EVENT:
            kind = .sequenceEnd
        case YAML_MAPPING_END_EVENT:
            kind = .mappingEnd
        default:
            break
        }
    }

    /// The bytes of a NUL-terminated libyaml string, or nil for none.
    @inline(__always)
    private static func buffer(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> UnsafeBufferPointer<UInt8>? {
        guard let pointer else { return nil }
        return UnsafeBufferPointer(start: pointer, count: strlen(pointer))
    }
}

/// Text of event bytes.
func eventText(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self)
}
