/// A node of a YAML document, with the place it starts.
///
/// Aliases are resolved: an alias is the anchored node itself (shared, not copied, thanks to
/// copy-on-write), and merge keys (`<<`) are applied, so readers of a node never see either.
package struct YAMLNode: Sendable {
    /// What the node holds.
    package enum Content: Sendable {
        /// A scalar, resolved by the YAML 1.2 core schema.
        case scalar(YAMLScalar)
        /// A sequence of nodes.
        case sequence([YAMLNode])
        /// A mapping, in the order written; keys are unique.
        case mapping([YAMLMappingEntry])
    }

    /// What the node holds.
    package var content: Content
    /// Where the node starts.
    package var location: SourceLocation

    /// Creates a node.
    package init(_ content: Content, at location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The scalar, when the node is one.
    package var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    /// The items, when the node is a sequence.
    package var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The entries, when the node is a mapping.
    package var mapping: [YAMLMappingEntry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// True for a null scalar (`null`, `~` or nothing at all).
    package var isNull: Bool {
        if case .scalar(let s) = content, case .null = s.value { return true }
        return false
    }

    /// A short name of the node's kind for messages: "a mapping", "a list", "a string", "a number"...
    package var kindDescription: String {
        switch content {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar(let s):
            switch s.value {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int: return "an integer"
            case .float: return "a number"
            case .string: return "a string"
            }
        }
    }
}

/// One key and its value in a mapping.
package struct YAMLMappingEntry: Sendable {
    /// The key's text (keys are always scalars).
    package var key: String
    /// Where the key is written.
    package var keyLocation: SourceLocation
    /// The value.
    package var value: YAMLNode

    /// Creates an entry.
    package init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}

/// A scalar: its text as written (after YAML's unescaping and folding) and its resolved value.
package struct YAMLScalar: Sendable, Hashable {
    /// How the scalar was written.
    package enum Style: Sendable, Hashable {
        /// Unquoted.
        case plain
        /// In single or double quotes.
        case quoted
        /// A literal (`|`) or folded (`>`) block.
        case block
    }

    /// The text.
    package var text: String
    /// The value the core schema (or a standard tag) gives it.
    package var value: ScalarValue
    /// How it was written.
    package var style: Style

    /// Creates a scalar.
    package init(text: String, value: ScalarValue, style: Style) {
        self.text = text
        self.value = value
        self.style = style
    }
}

/// The value of a scalar under the YAML 1.2 core schema.
package enum ScalarValue: Sendable, Hashable {
    /// `null`, `Null`, `NULL`, `~` or empty.
    case null
    /// `true` or `false` (also capitalised or upper case).
    case bool(Bool)
    /// A decimal, octal (`0o`) or hexadecimal (`0x`) integer that fits in `Int`.
    case int(Int)
    /// A float, including `.inf` and `.nan`, or an integer too large for `Int`.
    case float(Double)
    /// Anything else.
    case string
}

/// A document: its root node.
package struct YAMLDocument: Sendable {
    /// The root node.
    package var root: YAMLNode
    /// Where the document starts.
    package var location: SourceLocation

    /// Creates a document.
    package init(root: YAMLNode, location: SourceLocation) {
        self.root = root
        self.location = location
    }
}
