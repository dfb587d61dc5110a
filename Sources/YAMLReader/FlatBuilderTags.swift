// Tags on scalars and collections, as the flat builder checks them: the core schema's tags
// (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`) and no other.

extension FlatBuilder {
    mutating func resolveTagged(tag: String, bytes: UnsafeBufferPointer<UInt8>, text: String,
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

    mutating func checkCollectionTag(_ tagBytes: UnsafeBufferPointer<UInt8>?, expected: String,
                                     at mark: YAMLEvent) {
        guard let tagBytes else { return }
        let location = self.location(mark)
        let tag = eventText(tagBytes)
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
}
