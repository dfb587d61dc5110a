import OrderedCollections
import YAMLReader

/// The keys of one mapping, checked against a ``KeyTable``: for each spec (by its index in
/// the table), the mapping's entry that gives it, if any.
struct Fields {
    /// The table the mapping was checked against (one of ``KeyTables``, which live for ever).
    unowned(unsafe) let table: KeyTable
    /// The mapping's entries, as read.
    let entries: YAMLEntriesView
    /// For each spec, the index of its entry in `entries`, or -1 (inline: no allocation).
    var slots = SIMD32<Int32>(repeating: -1)

    /// The value of `key`, or nil when it is absent or null (a key written in the code; the
    /// decoders' hot paths use the spec's index, looked up once: ``KeyTable/slot(_:)``).
    subscript(key: String) -> YAMLNodeView? {
        guard let index = table.index(of: key) else { return nil }
        return self[index]
    }

    /// The value of the spec at `index` in the table, or nil when it is absent or null.
    subscript(index: Int) -> YAMLNodeView? {
        let slot = Int(slots[index])
        guard slot >= 0 else { return nil }
        let value = entries[slot].value
        return value.isNull ? nil : value
    }

    /// The entry of the spec at `index`, if given.
    func entry(at index: Int) -> YAMLEntryView? {
        let slot = Int(slots[index])
        return slot >= 0 ? entries[slot] : nil
    }
}

extension NodeReader {
    // MARK: Mappings

    /// The entries of a mapping: unknown keys (not `x-`) are reported with the nearest known
    /// key, missing required keys and required keys set to null are reported too.
    mutating func fields(_ node: YAMLNodeView, _ what: @autoclosure () -> String, _ table: KeyTable,
                         extensions: Bool = true) -> Fields? {
        guard let entries = node.mapping else {
            error(node.location, .notAMapping(what(), node.kindDescription))
            return nil
        }
        var fields = Fields(table: table, entries: entries)
        for position in entries.indices {
            let entry = entries[position]
            // Extension keys are read into plain data when asked (`NodeReader.extensions(of:)`).
            if extensions, entry.isExtensionKey { continue }
            guard let index = entry.withKeyBytes({ table.index(of: $0) }) else {
                let key = entry.key
                // The nearest key, said to be given already when the mapping gives it: `Name`
                // beside `name` was told "did you mean 'name'?", which makes a key given twice.
                var hint = ""
                if let nearest = table.suggestions.nearest(to: key) {
                    hint = entries.contains(where: { $0.key == nearest })
                        ? "; '\(nearest)' is given already in this mapping: remove one of the two, or merge them"
                        : "; did you mean '\(nearest)'?"
                }
                error(entry.keyLocation, .unknownKey(key, hint: hint))
                continue
            }
            fields.slots[index] = Int32(position)
        }
        for index in table.required {
            if let entry = fields.entry(at: index) {
                if entry.value.isNull { error(entry.value.location, .needsValue(table.specs[index].key)) }
            } else {
                error(node.location, .missingKey(table.specs[index].key))
            }
        }
        return fields
    }

    /// Any node as plain data, for extension keys.
    func dataValue(_ node: YAMLNodeView) -> DataValue { Self.dataValue(node) }

    /// Any node as plain data, for extension keys.
    static func dataValue(_ node: YAMLNodeView) -> DataValue {
        switch node.content {
        case .scalar(let s):
            switch s.value {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(i)
            case .float(let d): return .double(d)
            case .string: return .string(s.text)
            }
        case .sequence(let items):
            return .array(items.map(dataValue))
        case .mapping(let entries):
            var object = OrderedDictionary<String, DataValue>()
            for entry in entries { object[entry.key] = dataValue(entry.value) }
            return .object(object)
        }
    }

}
