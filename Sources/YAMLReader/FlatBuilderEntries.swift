// Adding a finished node to the open collection, as the flat builder does: a sequence's item,
// a mapping's key or value (a duplicate key reported, looked for by its head first, or in a key
// index past 32 entries), and the merge keys `<<` applied when the mapping ends.

extension FlatBuilder {
    /// A short name of a node's kind for messages.
    func kindDescription(_ index: Int32) -> String {
        storage.records[Int(index)].kindDescription
    }

    func location(ofNode index: Int32) -> SourceLocation {
        let r = storage.records[Int(index)]
        return SourceLocation(file: storage.file, line: Int(r.line), column: Int(r.column))
    }

    /// The first 8 bytes of a scalar's text (fewer when shorter) mixed with its length: two
    /// keys with different heads differ, so a duplicate key is looked for by heads first.
    @inline(__always)
    func head(_ record: FlatRecord) -> UInt64 {
        let count = Int(record.count)
        var packed: UInt64 = 0
        storage.bytes.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress, count > 0 else { return }
            let from = base + Int(record.start)
            if count >= 8 {
                packed = UnsafeRawPointer(from).loadUnaligned(as: UInt64.self)
            } else {
                for i in 0 ..< count { packed |= UInt64(from[i]) << (8 * UInt64(i)) }
            }
        }
        return packed ^ (UInt64(count) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// Adds a finished node to its parent, or makes it the document's root.
    mutating func add(_ index: Int32, weight: Int) {
        guard depth > 0 else {
            root = index
            return
        }
        top.weight += weight
        if !top.isMapping {
            pending.append(index)
            return
        }
        guard top.hasPendingKey else {
            // A key.
            top.hasPendingKey = true
            let r = storage.records[Int(index)]
            if r.kind == .scalar {
                top.keyIsMerge = r.style == .plain && r.count == 2
                    && storage.bytes[Int(r.start)] == UInt8(ascii: "<") && storage.bytes[Int(r.start) + 1] == UInt8(ascii: "<")
                top.pendingKey = index
                top.pendingHead = head(r)
                if r.value != .string { top.hasValueKeys = true }
            } else {
                errors.append(YAMLError(.complexKey, at: location(ofNode: index),
                                        "a mapping key must be a scalar, not \(kindDescription(index))"))
                top.pendingKey = -1
            }
            return
        }
        top.hasPendingKey = false
        let key = top.pendingKey
        guard key >= 0 else { return }
        top.pendingKey = -1
        if top.keyIsMerge {
            let first = top.mergeKey
            guard first < 0 else {
                let earlier = storage.records[Int(first)]
                errors.append(YAMLError(.duplicateKey, at: location(ofNode: key),
                    "key '<<' is given twice in this mapping (first at line \(earlier.line), column \(earlier.column)); merge several mappings with a list: '<<: [*a, *b]'",
                    related: YAMLError.Related(location(ofNode: first), "first given here")))
                return
            }
            top.mergeKey = key
            merges.append(index)
            return
        }
        if let first = firstEntry(withKey: key) {
            let earlier = storage.records[Int(first)]
            let keyText = storage.text(storage.records[Int(key)])
            errors.append(YAMLError(.duplicateKey, at: location(ofNode: key),
                "key '\(keyText)' is given twice in this mapping (first at line \(earlier.line), column \(earlier.column))",
                related: YAMLError.Related(location(ofNode: first), "first given here")))
            return
        }
        pending.append(key)
        pending.append(index)
        keyHeads.append(top.pendingHead)
        let entries = (pending.count - top.childStart) / 2
        if top.hasKeyIndex {
            keyIndexes[depth]?[storage.text(storage.records[Int(key)])] = entries - 1
        } else if entries > 32 {
            var keys: [String: Int] = [:]
            for i in 0 ..< entries {
                keys[storage.text(storage.records[Int(pending[top.childStart + 2 * i])])] = i
            }
            keyIndexes[depth] = keys
            top.hasKeyIndex = true
        }
    }

    /// The record of the key already given in the innermost mapping with the same text as `key`.
    /// Inlined: called apart, it took a copy of the whole builder for every entry (`catalog
    /// validate`, Benchmarks/commands.sh at 10,000 preparations: about 22 M instructions).
    @inline(__always)
    private func firstEntry(withKey key: Int32) -> Int32? {
        let start = top.childStart
        if top.hasKeyIndex, let index = keyIndexes[depth] {
            return index[storage.text(storage.records[Int(key)])].map { pending[start + 2 * $0] }
        }
        let keyRecord = storage.records[Int(key)]
        let head = top.pendingHead
        return keyHeads.withUnsafeBufferPointer { heads -> Int32? in
            var i = top.headStart
            while i < heads.count {
                if heads[i] == head {
                    let other = pending[start + 2 * (i - top.headStart)]
                    if storage.textEquals(storage.records[Int(other)], keyRecord) { return other }
                }
                i += 1
            }
            return nil
        }
    }

    /// Applies the merge key of the mapping `frame` (the innermost): entries of the merged
    /// mappings that the mapping does not set itself are added after its own, the earlier
    /// merged mapping winning.
    mutating func applyMerges(_ frame: Frame) {
        guard merges.count > frame.mergeStart else { return }
        let named = Array(merges[frame.mergeStart...])
        merges.removeLast(named.count)
        var sources: [FlatRecord] = []
        for merge in named {
            let r = storage.records[Int(merge)]
            switch r.kind {
            case .mapping:
                sources.append(r)
            case .sequence:
                for k in 0 ..< Int(r.count) {
                    let item = storage.links[Int(r.start) + k]
                    let itemRecord = storage.records[Int(item)]
                    if itemRecord.kind == .mapping {
                        sources.append(itemRecord)
                    } else {
                        errors.append(YAMLError(.merge, at: location(ofNode: item),
                            "the merge key '<<' takes mappings, not \(kindDescription(item))"))
                    }
                }
            case .scalar:
                errors.append(YAMLError(.merge, at: location(ofNode: merge),
                    "the merge key '<<' takes a mapping or a list of mappings, not \(kindDescription(merge))"))
            }
        }
        // A key is present when one with the same text is, or one equal in value (`1`, `0x1`).
        var present = Set<String>()
        var i = frame.childStart
        while i < pending.count {
            let record = storage.records[Int(pending[i])]
            present.insert(storage.text(record))
            if let identity = valueIdentity(record) { present.insert(identity) }
            i += 2
        }
        for source in sources {
            for k in 0 ..< Int(source.count) {
                let key = storage.links[Int(source.start) + 2 * k]
                let value = storage.links[Int(source.start) + 2 * k + 1]
                let record = storage.records[Int(key)]
                let identity = valueIdentity(record)
                if let identity, present.contains(identity) { continue }
                if present.insert(storage.text(record)).inserted {
                    if let identity { present.insert(identity) }
                    pending.append(key)
                    pending.append(value)
                }
            }
        }
    }
}
