// Keys equal in value though written otherwise: YAML compares a mapping's keys as values, so
// `null` and `~`, `true` and `True`, `1`, `+1` and `0x1`, `1.5` and `15e-1` are each one key
// given twice. Keys with the same text are found as they come (FlatBuilderEntries.swift);
// these, rarer (keys are nearly always strings), when their mapping ends.

extension FlatBuilder {
    /// The value of a key that is not a string, as a text no key's own text can be (it starts
    /// with a NUL): equal for keys equal in value. Nil for a string, and for a whole number
    /// too large for 64 bits (held as the nearest double: two such numbers are not equal).
    func valueIdentity(_ record: FlatRecord) -> String? {
        guard record.kind == .scalar else { return nil }
        switch record.value {
        case .string:
            return nil
        case .null:
            return "\u{0}null"
        case .bool, .int:
            return "\u{0}\(record.value.rawValue):\(record.payload)"
        case .float:
            let value = Double(bitPattern: record.payload)
            if value.isNaN { return "\u{0}nan" }
            let isWholeNumber = storage.text(record).utf8.allSatisfy {
                ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
            }
            return isWholeNumber ? nil : "\u{0}float:\(record.payload)"
        }
    }

    /// Drops from the mapping `frame` (the innermost, ending) each entry whose key equals an
    /// earlier key in value, with an error naming the earlier one, as for a key given twice.
    mutating func dropKeysEqualInValue(_ frame: Frame) {
        var first: [String: Int32] = [:]
        var kept: [Int32] = []
        var i = frame.childStart
        while i + 1 < pending.count {
            let key = pending[i]
            let record = storage.records[Int(key)]
            if let identity = valueIdentity(record) {
                if let earlier = first[identity] {
                    let earlierRecord = storage.records[Int(earlier)]
                    errors.append(YAMLError(.duplicateKey, at: location(ofNode: key),
                        "key '\(storage.text(record))' is given twice in this mapping, as '\(storage.text(earlierRecord))' (first at line \(earlierRecord.line), column \(earlierRecord.column))",
                        related: YAMLError.Related(location(ofNode: earlier), "first given here")))
                    i += 2
                    continue
                }
                first[identity] = key
            }
            kept.append(key)
            kept.append(pending[i + 1])
            i += 2
        }
        guard kept.count < pending.count - frame.childStart else { return }
        pending.removeLast(pending.count - frame.childStart)
        for node in kept { pending.append(node) }
    }
}
