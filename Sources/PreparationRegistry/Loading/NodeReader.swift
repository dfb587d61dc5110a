import YAMLReader

/// Reads typed values out of located nodes, collecting a diagnostic for everything wrong and
/// carrying on, so that one run reports every problem of a document.
struct NodeReader {
    var diagnostics: [Diagnostic] = []
    /// Where texts that preparations tend to share are kept once (see ``sharedText(_:_:)``).
    var interner: TextInterner?

    /// Whether messages are left unwritten: when a load keeps no more diagnostics of the file
    /// (`DiagnosticCap`), its problems are only counted, and building each message would cost
    /// more than the rest of the decoding (a 16 MiB file of `--- {}` has 20 million of them).
    var countOnly = false
    /// With ``countOnly``, or past ``keepLimit``: how many errors were found, and where the
    /// first is (of those counted, warnings included).
    private(set) var counted = 0
    private(set) var firstCounted: SourceLocation?
    /// Past ``keepLimit``: how many warnings were counted.
    private(set) var countedWarnings = 0
    /// How many diagnostics the reader writes; past it, it counts them as ``countOnly`` does:
    /// the load keeps no more of the file (`DiagnosticCap`), and a document of millions of
    /// problems (a list of 8 million unknown words) took 3 GB of messages to keep 1,000.
    var keepLimit = Int.max

    mutating func error(_ location: SourceLocation, _ message: @autoclosure () -> Diagnostic.Message) {
        if countOnly || diagnostics.count >= keepLimit {
            counted += 1
            if firstCounted == nil { firstCounted = location }
            return
        }
        diagnostics.append(.error(location, message()))
    }

    /// Adds a warning, unless the reader only counts errors (``countOnly``); past
    /// ``keepLimit`` it is counted.
    mutating func warning(_ location: SourceLocation, _ message: @autoclosure () -> Diagnostic.Message) {
        guard !countOnly else { return }
        guard diagnostics.count < keepLimit else {
            countedWarnings += 1
            if firstCounted == nil { firstCounted = location }
            return
        }
        diagnostics.append(.warning(location, message()))
    }

    // MARK: Scalars

    /// The text of any non-null scalar.
    mutating func text(_ node: YAMLNodeView, _ what: String) -> String? {
        guard let scalar = node.scalar else {
            error(node.location, .notAString(what, node.kindDescription))
            return nil
        }
        if case .null = scalar.value {
            error(node.location, .needsValue(what))
            return nil
        }
        return scalar.text
    }

    /// The text of any non-null scalar, as ``text(_:_:)``, kept once per load when the reader
    /// has an interner.
    mutating func sharedText(_ node: YAMLNodeView, _ what: String) -> String? {
        guard let interner, let scalar = node.scalar, case .string = scalar.value else { return text(node, what) }
        return scalar.withBytes { interner.string($0) }
    }

    /// Text that is not empty or blank.
    ///
    /// - Parameter shared: the text is one that preparations tend to share (an ingredient's
    ///   name, a source, a side effect, an aftercare instruction): it is kept once per load.
    mutating func nonEmptyText(_ node: YAMLNodeView, _ what: String, shared: Bool = false) -> String? {
        let text = shared ? sharedText(node, what) : text(node, what)
        guard let value = text else { return nil }
        // Most texts start with a visible ASCII character: no need to walk their characters.
        if let first = value.utf8.first, first > 32, first < 127 { return value }
        if value.allSatisfy(\.isWhitespace) {
            error(node.location, .emptyText(what))
            return nil
        }
        // Only control characters and characters Unicode shows as nothing (an escape, a bell,
        // a zero-width space): a text that prints as nothing, and that the exports, which drop
        // them, would write empty.
        if value.unicodeScalars.allSatisfy(InvisibleScalars.contains) {
            error(node.location, .invisibleText(what))
            return nil
        }
        return value
    }

    /// An integer or a float (not a string that looks like one).
    mutating func number(_ node: YAMLNodeView, _ what: String) -> Double? {
        if let scalar = node.scalar {
            switch scalar.value {
            case .int(let i): return Double(i)
            case .float(let d) where d.isFinite: return d
            case .float:
                error(node.location, .notFinite(what, scalar.text))
                return nil
            default: break
            }
        }
        error(node.location, .notANumber(what, node.kindDescription))
        return nil
    }

    /// `true` or `false`.
    mutating func bool(_ node: YAMLNodeView, _ what: String) -> Bool? {
        if let scalar = node.scalar, case .bool(let b) = scalar.value { return b }
        error(node.location, .notABool(what, node.kindDescription))
        return nil
    }

    /// One of a closed set of words; a miss suggests the nearest, or lists them all.
    mutating func word<E: RawRepresentable & CaseIterable>(_ node: YAMLNodeView, _ type: E.Type, _ what: String) -> E?
    where E.RawValue == String {
        guard let value = text(node, what) else { return nil }
        if let known = E(rawValue: value) { return known }
        // The hint inside the message, which is built only when it is kept (``keepLimit``):
        // a list of millions of unknown words spent most of its time on hints never shown.
        func hint() -> String {
            if let slip = Suggestions.slip(kind: what, word: value) { return slip }
            let names = E.allCases.map(\.rawValue)
            return Suggestions.nearest(to: value, in: names).map { "; did you mean '\($0)'?" }
                ?? "; expected one of: " + names.joined(separator: ", ")
        }
        error(node.location, .unknownWord(what, value, hint: hint()))
        return nil
    }

    /// One of a closed set of words, as the `word` that takes the type, matched on the scalar's
    /// bytes first (no string made for a word that is known).
    mutating func word<E>(_ node: YAMLNodeView, _ table: WordTable<E>, _ what: String) -> E? {
        if let scalar = node.scalar, case .string = scalar.value, let known = scalar.withBytes({ table.value(of: $0) }) {
            return known
        }
        return word(node, E.self, what)
    }

    /// A slug: `^[a-z0-9]+(-[a-z0-9]+)*$`.
    mutating func slug(_ node: YAMLNodeView, _ what: String, maxLength: Int? = nil) -> String? {
        guard let value = text(node, what) else { return nil }
        guard isSlug(value) else {
            error(node.location, .notASlug(what, value))
            return nil
        }
        // A slug is ASCII: its bytes are its characters.
        if let maxLength, value.utf8.count > maxLength {
            error(node.location, .tooLong(what, value, limit: maxLength))
            return nil
        }
        return value
    }

    // MARK: Lists

    /// The items of a list.
    mutating func list(_ node: YAMLNodeView, _ what: String, nonEmpty: Bool = false) -> YAMLItemsView? {
        guard let items = node.sequence else {
            var string: String?
            if let scalar = node.scalar, case .string = scalar.value { string = scalar.text }
            error(node.location, .notAList(what, node.kindDescription, string: string))
            return nil
        }
        if nonEmpty, items.isEmpty {
            error(node.location, .emptyList(what))
            return nil
        }
        return items
    }

    /// Each item of a list read by `read`; items that fail are left out (and reported).
    mutating func each<T>(_ node: YAMLNodeView?, _ what: String, nonEmpty: Bool = false,
                          _ read: (inout NodeReader, YAMLNodeView) -> T?) -> [T]? {
        guard let node else { return nonEmpty ? nil : [] }
        guard let items = list(node, what, nonEmpty: nonEmpty) else { return nil }
        var values: [T] = []
        values.reserveCapacity(items.count)
        var failed = false
        for item in items {
            if let value = read(&self, item) { values.append(value) } else { failed = true }
        }
        return failed ? nil : values
    }

    /// Warns at each item of the list `node` that repeats an earlier one of `values` (the
    /// list as read, one value an item), with a note at the first: `regions: [face, neck,
    /// face]` is valid but most likely a slip for another word. Lists are short, so a plain
    /// scan; the items' places are looked up only when a repeat is found.
    mutating func warnRepeats<T: Equatable>(_ values: [T]?, in node: YAMLNodeView?, _ what: String,
                                            _ describe: (T) -> String) {
        guard let values, values.count > 1, let node, let items = node.sequence, items.count == values.count else { return }
        for index in 1..<values.count {
            guard let first = values[..<index].firstIndex(of: values[index]) else { continue }
            warning(items[index].location, .repeatedItem(describe(values[index]), in: what, firstAt: items[first].location))
        }
    }
}
