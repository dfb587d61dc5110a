import CYAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One parsing event, as the flat builder (``FlatBuilder``) takes it: a view of libyaml's
/// `yaml_event_t`, whose fields are read where the builder needs them. The byte buffers point
/// into the event's own memory and are valid only while it is.
///
/// A pointer rather than the fields copied out: every one of the 1.3 million events of
/// `catalog validate` on 10,000 preparations (`cd Benchmarks && ./commands.sh 10000`) was
/// copied twice (the event, then the copy's fields), about 50 instructions each.
struct YAMLEvent {
    enum Kind: UInt8 {
        case streamEnd, documentStart, documentEnd, alias, scalar, sequenceStart, mappingStart,
             sequenceEnd, mappingEnd, other
    }

    /// libyaml's event, valid until `yaml_event_delete`.
    let event: UnsafePointer<yaml_event_t>

    init(_ event: UnsafePointer<yaml_event_t>) {
        self.event = event
    }

    @inline(__always)
    var kind: Kind {
        switch event.pointee.type {
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_ALIAS_EVENT: return .alias
        case YAML_SCALAR_EVENT: return .scalar
        case YAML_SEQUENCE_START_EVENT: return .sequenceStart
        case YAML_MAPPING_START_EVENT: return .mappingStart
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        default: return .other
        }
    }

    /// Where the event starts: line and column from 1.
    @inline(__always)
    var line: Int { Int(event.pointee.start_mark.line) + 1 }
    @inline(__always)
    var column: Int { Int(event.pointee.start_mark.column) + 1 }

    /// A scalar's style.
    @inline(__always)
    var style: YAMLScalar.Style {
        guard event.pointee.type == YAML_SCALAR_EVENT else { return .plain }
        switch event.pointee.data.scalar.style {
        case YAML_PLAIN_SCALAR_STYLE: return .plain
        case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: return .block
        default: return .quoted
        }
    }

    /// A scalar's text, or the anchor an alias names.
    @inline(__always)
    var value: UnsafeBufferPointer<UInt8> {
        switch event.pointee.type {
        case YAML_SCALAR_EVENT:
            return UnsafeBufferPointer(start: event.pointee.data.scalar.value, count: event.pointee.data.scalar.length)
        case YAML_ALIAS_EVENT:
            return Self.buffer(event.pointee.data.alias.anchor) ?? UnsafeBufferPointer(start: nil, count: 0)
        default:
            return UnsafeBufferPointer(start: nil, count: 0)
        }
    }

    /// The anchor a scalar or a collection defines.
    @inline(__always)
    var anchor: UnsafeBufferPointer<UInt8>? {
        switch event.pointee.type {
        case YAML_SCALAR_EVENT: return Self.buffer(event.pointee.data.scalar.anchor)
        case YAML_SEQUENCE_START_EVENT: return Self.buffer(event.pointee.data.sequence_start.anchor)
        case YAML_MAPPING_START_EVENT: return Self.buffer(event.pointee.data.mapping_start.anchor)
        default: return nil
        }
    }

    /// The tag a scalar or a collection is given, as libyaml resolved it.
    @inline(__always)
    var tag: UnsafeBufferPointer<UInt8>? {
        switch event.pointee.type {
        case YAML_SCALAR_EVENT: return Self.buffer(event.pointee.data.scalar.tag)
        case YAML_SEQUENCE_START_EVENT: return Self.buffer(event.pointee.data.sequence_start.tag)
        case YAML_MAPPING_START_EVENT: return Self.buffer(event.pointee.data.mapping_start.tag)
        default: return nil
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
