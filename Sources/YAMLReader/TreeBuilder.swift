import CYAML

/// Turns libyaml events into located nodes with an explicit stack, enforcing the limits as
/// the events arrive.
struct TreeBuilder {
    private static let tagPrefix = "tag:yaml.org,2002:"
    private static let mergeKey = "<<"

    /// A sequence or mapping under construction.
    private struct Frame {
        var isMapping: Bool
        var location: SourceLocation
        var anchor: String?
        /// Nodes in this subtree, counting what aliases inside it expand to.
        var weight = 1
        var items: [YAMLNode] = []
        var entries: [YAMLMappingEntry] = []
        /// True when the next node added is a value, after its key.
        var hasPendingKey = false
        /// The key waiting for its value: its text (nil for a non-scalar key, whose pair is
        /// dropped) and where it is written.
        var pendingKey: String?
        var pendingKeyLocation = SourceLocation(file: "", line: 0, column: 0)
        var keyIsMerge = false
        var merges: [YAMLNode] = []
        var keyIndex: [String: Int]?
    }

    let file: String
    let limits: YAMLLimits
    /// Called with each document as soon as it is complete.
    let deliver: (YAMLDocument) -> Void
    var errors: [YAMLError] = []
    /// Set by a fatal problem: reading stops.
    var stopped = false

    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
    private var expansion = 0
    private var root: YAMLNode?
    private var documentStart: SourceLocation

    init(file: String, limits: YAMLLimits, deliver: @escaping (YAMLDocument) -> Void) {
        self.file = file
        self.limits = limits
        self.deliver = deliver
        self.documentStart = SourceLocation(file: file, line: 1, column: 1)
    }

    /// Consumes one event; returns true at the end of the stream.
    mutating func consume(_ event: inout yaml_event_t) -> Bool {
        let mark = event.start_mark
        let location = SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            anchors.removeAll(keepingCapacity: true)
            expansion = 0
            root = nil
            documentStart = location
        case YAML_DOCUMENT_END_EVENT:
            if let root { deliver(YAMLDocument(root: root, location: documentStart)) }
            root = nil
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor)
            guard let anchored = anchors[name] else {
                errors.append(YAMLError(.unknownAlias, at: location, "alias '*\(name)' refers to no anchor defined before it"))
                add(YAMLNode(.scalar(YAMLScalar(text: "", value: .null, style: .plain)), at: location), weight: 1)
                return false
            }
            expansion += anchored.weight
            if expansion > limits.maxAliasExpansion {
                fatal(.limit, at: location,
                      "aliases expand to more than \(limits.maxAliasExpansion) nodes in this document (alias '*\(name)')")
                return false
            }
            add(YAMLNode(anchored.node.content, at: anchored.node.location), weight: anchored.weight)
        case YAML_SCALAR_EVENT:
            scalar(&event, at: location)
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            checkCollectionTag(s.tag, expected: "seq", at: location)
            push(Frame(isMapping: false, location: location, anchor: Self.optionalString(s.anchor)))
        case YAML_MAPPING_START_EVENT:
            let m = event.data.mapping_start
            checkCollectionTag(m.tag, expected: "map", at: location)
            push(Frame(isMapping: true, location: location, anchor: Self.optionalString(m.anchor)))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard var frame = stack.popLast() else { return false }
            let node: YAMLNode
            if frame.isMapping {
                applyMerges(&frame)
                node = YAMLNode(.mapping(frame.entries), at: frame.location)
            } else {
                node = YAMLNode(.sequence(frame.items), at: frame.location)
            }
            if let anchor = frame.anchor { anchors[anchor] = (node, frame.weight) }
            add(node, weight: frame.weight)
        default:
            break
        }
        return false
    }

    private mutating func fatal(_ kind: YAMLError.Kind, at location: SourceLocation, _ message: String) {
        errors.append(YAMLError(kind, at: location, message))
        stopped = true
    }

    private mutating func push(_ frame: Frame) {
        if stack.count + 1 > limits.maxDepth {
            fatal(.limit, at: frame.location, "nesting is deeper than the limit of \(limits.maxDepth) levels")
            return
        }
        var frame = frame
        // Room for a typical collection up front: growing an array one doubling at a time
        // copies it several times. A document's root gets more.
        if frame.isMapping {
            frame.entries.reserveCapacity(stack.isEmpty ? 32 : 4)
        } else {
            frame.items.reserveCapacity(4)
        }
        stack.append(frame)
    }

    private mutating func scalar(_ event: inout yaml_event_t, at location: SourceLocation) {
        let s = event.data.scalar
        let bytes = UnsafeBufferPointer(start: s.value, count: s.length)
        let text = String(decoding: bytes, as: UTF8.self)
        let style: YAMLScalar.Style
        switch s.style {
        case YAML_PLAIN_SCALAR_STYLE: style = .plain
        case YAML_LITERAL_SCALAR_STYLE, YAML_FOLDED_SCALAR_STYLE: style = .block
        default: style = .quoted
        }
        var value: ScalarValue
        if let tagPointer = s.tag {
            let tag = Self.string(tagPointer)
            value = resolveTagged(tag: tag, bytes: bytes, text: text, at: location)
        } else if style == .plain {
            value = CoreSchema.resolve(bytes)
        } else {
            value = .string
        }
        if style != .plain, case .null = value, s.tag == nil { value = .string }
        let node = YAMLNode(.scalar(YAMLScalar(text: text, value: value, style: style)), at: location)
        if let anchor = Self.optionalString(s.anchor) { anchors[anchor] = (node, 1) }
        add(node, weight: 1)
    }

    private mutating func resolveTagged(tag: String, bytes: UnsafeBufferPointer<UInt8>, text: String,
                                        at location: SourceLocation) -> ScalarValue {
        guard tag.hasPrefix(Self.tagPrefix) else {
            errors.append(YAMLError(.tag, at: location, Self.unsupportedTagMessage(tag)))
            return .string
        }
        let name = tag.dropFirst(Self.tagPrefix.count)
        let resolved = CoreSchema.resolve(bytes)
        switch name {
        case "str":
            return .string
        case "int":
            if case .int = resolved { return resolved }
        case "float":
            if case .float = resolved { return resolved }
            if case .int(let i) = resolved { return .float(Double(i)) }
        case "bool":
            if case .bool = resolved { return resolved }
        case "null":
            if case .null = resolved { return resolved }
        case "map", "seq":
            errors.append(YAMLError(.tag, at: location, "tag '!!\(name)' cannot describe a scalar"))
            return .string
        default:
            errors.append(YAMLError(.tag, at: location, Self.unsupportedTagMessage(tag)))
            return .string
        }
        errors.append(YAMLError(.tag, at: location, "'\(text)' is not a valid value for tag '!!\(name)'"))
        return .string
    }

    private mutating func checkCollectionTag(_ pointer: UnsafeMutablePointer<yaml_char_t>?, expected: String,
                                             at location: SourceLocation) {
        guard let pointer else { return }
        let tag = Self.string(pointer)
        if tag == Self.tagPrefix + expected { return }
        if tag.hasPrefix(Self.tagPrefix),
           ["str", "int", "float", "bool", "null", "map", "seq"].contains(String(tag.dropFirst(Self.tagPrefix.count))) {
            let what = expected == "map" ? "a mapping" : "a list"
            errors.append(YAMLError(.tag, at: location, "tag '!!\(tag.dropFirst(Self.tagPrefix.count))' cannot describe \(what)"))
            return
        }
        errors.append(YAMLError(.tag, at: location, Self.unsupportedTagMessage(tag)))
    }

    static func unsupportedTagMessage(_ tag: String) -> String {
        let shown = tag.hasPrefix(tagPrefix) ? "!!" + tag.dropFirst(tagPrefix.count) : tag
        return "tag '\(shown)' is not allowed; only !!str, !!int, !!float, !!bool, !!null, !!map and !!seq are"
    }

    /// Adds a finished node to its parent, or makes it the document's root.
    private mutating func add(_ node: YAMLNode, weight: Int) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].weight += weight
        if !stack[top].isMapping {
            stack[top].items.append(node)
            return
        }
        guard stack[top].hasPendingKey else {
            // A key.
            stack[top].hasPendingKey = true
            stack[top].pendingKeyLocation = node.location
            if case .scalar(let scalar) = node.content {
                stack[top].keyIsMerge = scalar.style == .plain && scalar.text == Self.mergeKey
                stack[top].pendingKey = scalar.text
            } else {
                errors.append(YAMLError(.complexKey, at: node.location,
                                        "a mapping key must be a scalar, not \(node.kindDescription)"))
                stack[top].pendingKey = nil
            }
            return
        }
        stack[top].hasPendingKey = false
        guard let keyText = stack[top].pendingKey else { return }
        stack[top].pendingKey = nil
        if stack[top].keyIsMerge {
            stack[top].merges.append(node)
            return
        }
        let keyLocation = stack[top].pendingKeyLocation
        if let first = firstIndex(ofKey: keyText, inFrame: top) {
            let earlier = stack[top].entries[first].keyLocation
            errors.append(YAMLError(.duplicateKey, at: keyLocation,
                "key '\(keyText)' is given twice in this mapping (first at line \(earlier.line), column \(earlier.column))"))
            return
        }
        stack[top].entries.append(YAMLMappingEntry(key: keyText, keyLocation: keyLocation, value: node))
        if stack[top].keyIndex != nil {
            let position = stack[top].entries.count - 1
            stack[top].keyIndex?[keyText] = position
        } else if stack[top].entries.count > 32 {
            var index: [String: Int] = [:]
            for (i, e) in stack[top].entries.enumerated() { index[e.key] = i }
            stack[top].keyIndex = index
        }
    }

    private func firstIndex(ofKey key: String, inFrame top: Int) -> Int? {
        if let index = stack[top].keyIndex { return index[key] }
        let count = key.utf8.count
        return stack[top].entries.firstIndex { $0.key.utf8.count == count && $0.key == key }
    }

    /// Applies the merge key: entries of the merged mappings that the mapping does not set
    /// itself are added after its own, the earlier merged mapping winning.
    private mutating func applyMerges(_ frame: inout Frame) {
        guard !frame.merges.isEmpty else { return }
        var sources: [[YAMLMappingEntry]] = []
        for merge in frame.merges {
            switch merge.content {
            case .mapping(let entries):
                sources.append(entries)
            case .sequence(let items):
                for item in items {
                    if let entries = item.mapping {
                        sources.append(entries)
                    } else {
                        errors.append(YAMLError(.merge, at: item.location,
                            "the merge key '<<' takes mappings, not \(item.kindDescription)"))
                    }
                }
            case .scalar:
                errors.append(YAMLError(.merge, at: merge.location,
                    "the merge key '<<' takes a mapping or a list of mappings, not \(merge.kindDescription)"))
            }
        }
        var present = Set(frame.entries.map(\.key))
        for entries in sources {
            for entry in entries where !present.contains(entry.key) {
                present.insert(entry.key)
                frame.entries.append(entry)
            }
        }
        frame.keyIndex = nil
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }

    private static func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
