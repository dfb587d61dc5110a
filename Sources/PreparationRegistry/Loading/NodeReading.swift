import OrderedCollections
import YAMLReader

/// A table of ``FieldSpec``s made ready for matching a mapping's keys by their bytes: every
/// key of every mapping of every document is looked up here.
final class KeyTable: Sendable {
    let specs: [FieldSpec]
    /// The keys' UTF-8 bytes, one after the other, and where each starts and ends.
    private let bytes: [UInt8]
    private let bounds: [(start: Int, count: Int)]
    /// Each key's first 8 bytes packed into an integer, and its length: most keys are told
    /// apart by one comparison of each.
    private let heads: [(head: UInt64, count: Int)]
    /// The indices of the required specs.
    let required: [Int]
    /// The keys, ready for suggesting the nearest to an unknown one.
    let suggestions: Suggestions.Candidates

    init(_ specs: [FieldSpec]) {
        precondition(specs.count <= 32, "a key table holds at most 32 keys")
        self.specs = specs
        var bytes: [UInt8] = []
        var bounds: [(start: Int, count: Int)] = []
        var heads: [(head: UInt64, count: Int)] = []
        for spec in specs {
            bounds.append((bytes.count, spec.key.utf8.count))
            let key = Array(spec.key.utf8)
            heads.append((key.withUnsafeBufferPointer(Self.head), key.count))
            bytes += key
        }
        self.bytes = bytes
        self.bounds = bounds
        self.heads = heads
        self.required = specs.indices.filter { specs[$0].required }
        self.suggestions = Suggestions.Candidates(specs.map(\.key))
    }

    /// The first 8 bytes (fewer for a shorter key) packed into an integer.
    @inline(__always)
    private static func head(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var head: UInt64 = 0
        for i in 0 ..< min(8, key.count) { head |= UInt64(key[i]) << (8 * UInt64(i)) }
        return head
    }

    /// The index of the spec whose key is `key`'s bytes.
    func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        let head = Self.head(key)
        return heads.withUnsafeBufferPointer { heads in
            for i in 0 ..< heads.count where heads[i].head == head && heads[i].count == key.count {
                if key.count <= 8 { return i }
                let same = bytes.withUnsafeBufferPointer { all in
                    let start = bounds[i].start
                    for k in 8 ..< key.count where all[start + k] != key[k] { return false }
                    return true
                }
                if same { return i }
            }
            return nil
        }
    }

    /// The index of the spec whose key is `key`.
    func index(of key: String) -> Int? {
        specs.firstIndex { $0.key == key }
    }
}

/// The key tables of ``FormatFields``, built once.
enum KeyTables {
    static let preparation = KeyTable(FormatFields.preparation)
    static let ingredient = KeyTable(FormatFields.ingredient)
    static let phase = KeyTable(FormatFields.phase)
    static let sideEffect = KeyTable(FormatFields.sideEffect)
    static let aftercare = KeyTable(FormatFields.aftercare)
    static let deprecation = KeyTable(FormatFields.deprecation)
    static let dosing = KeyTable(FormatFields.dosing)
    static let range = KeyTable(FormatFields.range)
    static let manifest = KeyTable(FormatFields.manifest)
    static let vocabulary = KeyTable(FormatFields.vocabulary)
    static let indication = KeyTable(FormatFields.indication)
    static let condition = KeyTable(FormatFields.condition)
    static let ingredientClass = KeyTable(FormatFields.ingredientClass)
    static let lint = KeyTable(FormatFields.lint)
    static let replaces = KeyTable(FormatFields.replaces)
}

/// The keys of one mapping, checked against a ``KeyTable``: for each spec (by its index in
/// the table), the mapping's entry that gives it, if any.
struct Fields {
    /// The table the mapping was checked against (one of ``KeyTables``, which live for ever).
    unowned(unsafe) let table: KeyTable
    /// The mapping's entries, as read.
    let entries: YAMLEntriesView
    /// For each spec, the index of its entry in `entries`, or -1 (inline: no allocation).
    var slots = SIMD32<Int32>(repeating: -1)
    var extensions: OrderedDictionary<String, DataValue>

    /// The value of `key`, or nil when it is absent or null.
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

/// Reads typed values out of located nodes, collecting a diagnostic for everything wrong and
/// carrying on, so that one run reports every problem of a document.
struct NodeReader {
    var diagnostics: [Diagnostic] = []
    /// Where texts that preparations tend to share are kept once (see ``sharedText(_:_:)``).
    var interner: TextInterner?

    /// Whether messages are left unwritten: when a load keeps no more diagnostics of the file
    /// (``DiagnosticCap``), its problems are only counted, and building each message would cost
    /// more than the rest of the decoding (a 16 MiB file of `--- {}` has 20 million of them).
    var countOnly = false
    /// With ``countOnly``: how many errors were found, and where the first is.
    private(set) var counted = 0
    private(set) var firstCounted: SourceLocation?

    mutating func error(_ location: SourceLocation, _ message: @autoclosure () -> String) {
        if countOnly {
            counted += 1
            if firstCounted == nil { firstCounted = location }
            return
        }
        diagnostics.append(.error(location, message()))
    }

    // MARK: Mappings

    /// The entries of a mapping: unknown keys (not `x-`) are reported with the nearest known
    /// key, missing required keys and required keys set to null are reported too.
    mutating func fields(_ node: YAMLNodeView, _ what: @autoclosure () -> String, _ table: KeyTable,
                         extensions: Bool = true) -> Fields? {
        guard let entries = node.mapping else {
            error(node.location, "\(what()) must be a mapping, not \(node.kindDescription)")
            return nil
        }
        var fields = Fields(table: table, entries: entries, extensions: [:])
        for position in entries.indices {
            let entry = entries[position]
            if extensions, entry.isExtensionKey {
                fields.extensions[entry.key] = dataValue(entry.value)
                continue
            }
            guard let index = entry.withKeyBytes({ table.index(of: $0) }) else {
                let key = entry.key
                error(entry.keyLocation, "unknown key '\(key)'" + table.suggestions.didYouMean(key))
                continue
            }
            fields.slots[index] = Int32(position)
        }
        for index in table.required {
            if let entry = fields.entry(at: index) {
                if entry.value.isNull { error(entry.value.location, "'\(table.specs[index].key)' needs a value") }
            } else {
                error(node.location, "missing required key '\(table.specs[index].key)'")
            }
        }
        return fields
    }

    /// Any node as plain data, for extension keys.
    func dataValue(_ node: YAMLNodeView) -> DataValue {
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

    // MARK: Scalars

    /// The text of any non-null scalar.
    mutating func text(_ node: YAMLNodeView, _ what: String) -> String? {
        guard let scalar = node.scalar else {
            error(node.location, "'\(what)' must be a string, not \(node.kindDescription)")
            return nil
        }
        if case .null = scalar.value {
            error(node.location, "'\(what)' needs a value")
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
            error(node.location, "'\(what)' must not be empty")
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
                error(node.location, "'\(what)' must be a finite number, not \(scalar.text)")
                return nil
            default: break
            }
        }
        error(node.location, "'\(what)' must be a number, not \(node.kindDescription)")
        return nil
    }

    /// `true` or `false`.
    mutating func bool(_ node: YAMLNodeView, _ what: String) -> Bool? {
        if let scalar = node.scalar, case .bool(let b) = scalar.value { return b }
        error(node.location, "'\(what)' must be true or false, not \(node.kindDescription)")
        return nil
    }

    /// One of a closed set of words; a miss suggests the nearest, or lists them all.
    mutating func word<E: RawRepresentable & CaseIterable>(_ node: YAMLNodeView, _ type: E.Type, _ what: String) -> E?
    where E.RawValue == String {
        guard let value = text(node, what) else { return nil }
        if let known = E(rawValue: value) { return known }
        let names = E.allCases.map(\.rawValue)
        let hint = Suggestions.nearest(to: value, in: names).map { "; did you mean '\($0)'?" }
            ?? "; expected one of: " + names.joined(separator: ", ")
        error(node.location, "unknown \(what) '\(value)'" + hint)
        return nil
    }

    /// A slug: `^[a-z0-9]+(-[a-z0-9]+)*$`.
    mutating func slug(_ node: YAMLNodeView, _ what: String, maxLength: Int? = nil) -> String? {
        guard let value = text(node, what) else { return nil }
        guard isSlug(value) else {
            error(node.location, "\(what) '\(value)' is not a slug: lower-case letters and digits, in words joined by single hyphens, such as 'hyaluronic-hydration'")
            return nil
        }
        // A slug is ASCII: its bytes are its characters.
        if let maxLength, value.utf8.count > maxLength {
            error(node.location, "\(what) '\(value)' is longer than \(maxLength) characters")
            return nil
        }
        return value
    }

    // MARK: Lists

    /// The items of a list.
    mutating func list(_ node: YAMLNodeView, _ what: String, nonEmpty: Bool = false) -> YAMLItemsView? {
        guard let items = node.sequence else {
            var message = "'\(what)' must be a list, not \(node.kindDescription)"
            if let scalar = node.scalar, case .string = scalar.value { message += "; write it as [\(scalar.text)]" }
            error(node.location, message)
            return nil
        }
        if nonEmpty, items.isEmpty {
            error(node.location, "'\(what)' needs at least one entry")
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

    // MARK: Ranges

    mutating func lengthRange(_ node: YAMLNodeView, _ what: String) -> LengthRange? {
        quantityRange(node, what, LengthUnit.self, example: "0.5-2 mm")
    }

    mutating func durationRange(_ node: YAMLNodeView, _ what: String) -> DurationRange? {
        quantityRange(node, what, DurationUnit.self, example: "3-30 days")
    }

    /// A range of quantities in its text form or as `{min, max, unit}`.
    ///
    /// - Parameter fastPath: read common valid texts straight from their bytes first
    ///   (``fastQuantityRange(_:_:)``); off only for tests that compare the two paths.
    mutating func quantityRange<U: MeasureUnit>(_ node: YAMLNodeView, _ what: String, _ unitType: U.Type,
                                                example: String, fastPath: Bool = true) -> QuantityRange<U>? {
        if node.mapping != nil {
            guard let fields = fields(node, "'\(what)'", KeyTables.range),
                  let minNode = fields["min"], let maxNode = fields["max"]
            else { return nil }
            guard let unitNode = fields["unit"] else {
                let message = "'\(what)' needs a 'unit': \(unitList(U.self))"  // not deferred: it reads self
                error(node.location, message)
                return nil
            }
            let lower = nonNegative(minNode, "min")
            let upper = nonNegative(maxNode, "max")
            guard let unitWord = text(unitNode, "unit") else { return nil }
            guard let unit = parseUnit(unitWord, U.self) else {
                let message = unknownUnit(unitWord, U.self)  // not deferred: it reads self
                error(unitNode.location, message)
                return nil
            }
            guard let lower, let upper else { return nil }
            return orderedRange(Quantity(lower, unit), Quantity(upper, unit), text: "\(formatNumber(lower))-\(formatNumber(upper)) \(unitWord)", at: node.location)
        }
        guard let scalar = node.scalar else {
            error(node.location, "'\(what)' must be a \(U.quantityName) range such as '\(example)', not \(node.kindDescription)")
            return nil
        }
        if fastPath, let range = fastQuantityRange(scalar, U.self) { return range }
        let written = scalar.text
        guard let (first, second) = splitRangeText(written) else {
            error(node.location, "'\(written)' is not a \(U.quantityName) range; write it like '\(example)'")
            return nil
        }
        if !first.number.isFinite || !(second?.number.isFinite ?? true) {
            error(node.location, tooLarge(written))
            return nil
        }
        if let second, second.unit == nil, first.unit != nil {
            error(node.location, "'\(written)' needs a unit on its upper bound too, such as '\(first.numberText) \(first.unit!) - \(second.numberText) \(first.unit!)'")
            return nil
        }
        let lastUnit = second?.unit ?? first.unit
        guard let lastUnit else {
            let message = "'\(written)' needs a \(U.quantityName) unit: \(unitList(U.self))"  // not deferred: it reads self
            error(node.location, message)
            return nil
        }
        guard let upperUnit = parseUnit(lastUnit, U.self) else {
            let message = unknownUnit(String(lastUnit), U.self, in: written)  // not deferred: it reads self
            error(node.location, message)
            return nil
        }
        var lowerUnit = upperUnit
        if second != nil, let firstUnit = first.unit {
            guard let unit = parseUnit(firstUnit, U.self) else {
                let message = unknownUnit(String(firstUnit), U.self, in: written)  // not deferred: it reads self
                error(node.location, message)
                return nil
            }
            lowerUnit = unit
        }
        let lower = Quantity(first.number, lowerUnit)
        let upper = second.map { Quantity($0.number, upperUnit) } ?? lower
        return orderedRange(lower, upper, text: written, at: node.location)
    }

    private mutating func nonNegative(_ node: YAMLNodeView, _ what: String) -> Double? {
        guard let value = number(node, what) else { return nil }
        if value < 0 {
            error(node.location, "'\(what)' must not be negative")
            return nil
        }
        return value
    }

    private mutating func orderedRange<U>(_ lower: Quantity<U>, _ upper: Quantity<U>, text: @autoclosure () -> String,
                                          at location: SourceLocation) -> QuantityRange<U>? {
        if lower.baseValue > upper.baseValue {
            error(location, "range '\(text())' has its lower bound above its upper bound")
            return nil
        }
        return QuantityRange(min: lower, max: upper)
    }

    private func unitList<U: MeasureUnit>(_ type: U.Type) -> String {
        let names = U.allCases.map(\.canonicalName)
        if names.count == 1 { return names[0] }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    private func unknownUnit<U: MeasureUnit>(_ word: String, _ type: U.Type, in text: String? = nil) -> String {
        let place = text.map { " in '\($0)'" } ?? ""
        // A unit of another quantity (`mm` for a duration, `ml` for a length): say which. A
        // length unit that this length does not take (`cm` for `depth`) is only unknown.
        let quantities = [
            (LengthUnit.quantityName, LengthUnit.parse(word) != nil || SpacingUnit.parse(word) != nil),
            (DurationUnit.quantityName, DurationUnit.parse(word) != nil),
            (VolumeUnit.quantityName, VolumeUnit.parse(word) != nil),
        ]
        if let other = quantities.first(where: { $0.1 && $0.0 != U.quantityName }) {
            return "'\(word)' is a \(other.0) unit, but this is a \(U.quantityName)\(place); use \(unitList(U.self))"
        }
        let hint = Suggestions.nearest(to: word, in: U.allSpellings).map { "; did you mean '\($0)'?" }
            ?? "; use \(unitList(U.self))"
        return "unknown \(U.quantityName) unit '\(word)'\(place)" + hint
    }

    /// A count range: `4-6`, `1`, or `{min: 4, max: 6}`; whole numbers from 1, no unit.
    mutating func countRange(_ node: YAMLNodeView, _ what: String) -> CountRange? {
        let lower: Int?
        let upper: Int?
        let shown: String
        if node.mapping != nil {
            guard let fields = fields(node, "'\(what)'", KeyTables.range),
                  let minNode = fields["min"], let maxNode = fields["max"]
            else { return nil }
            if let unitNode = fields["unit"] {
                error(unitNode.location, "'\(what)' is a count and takes no unit")
                return nil
            }
            lower = wholeNumber(minNode, what)
            upper = wholeNumber(maxNode, what)
            shown = "\(lower.map(String.init) ?? "?")-\(upper.map(String.init) ?? "?")"
        } else if let scalar = node.scalar {
            if let range = fastCountRange(scalar) { return range }
            if case .int(let i) = scalar.value {
                lower = i
                upper = i
            } else if case .float = scalar.value {
                // Digits alone that read as a float are a whole number too large for an integer.
                error(node.location, isDigitsOnly(scalar.text) ? tooLarge(scalar.text)
                    : "'\(scalar.text)' is not a whole number of sessions")
                return nil
            } else if case .string = scalar.value, let (first, second) = splitRangeText(scalar.text),
                      first.unit == nil, second?.unit == nil
            {
                lower = whole(first, scalar.text, node.location)
                upper = second.map { whole($0, scalar.text, node.location) } ?? lower
            } else if case .string = scalar.value, let (first, second) = splitRangeText(scalar.text),
                      first.unit != nil || second?.unit != nil
            {
                error(node.location, "'\(what)' is a count and takes no unit: write it like '4-6'")
                return nil
            } else {
                error(node.location, "'\(scalar.text)' is not a count range; write it like '4-6' or '1'")
                return nil
            }
            shown = scalar.text
        } else {
            error(node.location, "'\(what)' must be a count range such as '4-6', not \(node.kindDescription)")
            return nil
        }
        guard let lower, let upper else { return nil }
        if lower < 1 || upper < 1 {
            error(node.location, "'\(what)' must be at least 1")
            return nil
        }
        if lower > upper {
            error(node.location, "range '\(shown)' has its lower bound above its upper bound")
            return nil
        }
        return CountRange(min: lower, max: upper)
    }

    private mutating func wholeNumber(_ node: YAMLNodeView, _ what: String) -> Int? {
        if let scalar = node.scalar {
            switch scalar.value {
            case .int(let i): return i
            case .float:
                // `4.0` or `.inf`, or digits too many for an integer: say which number.
                error(node.location, isDigitsOnly(scalar.text) ? tooLarge(scalar.text)
                    : "'\(what)' must be a whole number, not \(scalar.text)")
                return nil
            default: break
            }
        }
        error(node.location, "'\(what)' must be a whole number, not \(node.kindDescription)")
        return nil
    }

    private mutating func whole(_ bound: WrittenBound, _ text: String, _ location: SourceLocation) -> Int? {
        guard !bound.numberText.contains(".") else {
            error(location, "'\(text)' is not a whole number of sessions")
            return nil
        }
        guard let value = Int(bound.numberText) else {
            error(location, tooLarge(text))
            return nil
        }
        return value
    }
}

/// The message for a range, count or concentration text whose number is too large to hold
/// (more digits than a `Double` reaches, or than a whole number of sessions can be).
func tooLarge(_ text: String) -> String {
    "a number in '\(text)' is too large"
}

/// True for decimal digits alone, with an optional `+`: a whole number, whatever its size.
func isDigitsOnly(_ text: String) -> Bool {
    let digits = text.utf8.drop { $0 == UInt8(ascii: "+") }
    return !digits.isEmpty && digits.allSatisfy { $0 >= 48 && $0 <= 57 }
}

/// True for `^[a-z0-9]+(-[a-z0-9]+)*$`.
func isSlug(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
        var previousWasHyphen = true
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }
}

/// The unit written as `word`, as ``MeasureUnit/parse(_:)`` reads it, with a fast path for the
/// short ASCII words that every range has: the word's lower-cased bytes packed into an integer
/// and compared with a table built once from the units' spellings.
func parseUnit<U: MeasureUnit, S: StringProtocol>(_ word: S, _ type: U.Type) -> U? {
    if let key = UnitWords.pack(word), let unit = UnitWords.unit(packed: key, U.self) { return unit }
    return U.parse(word)
}

/// The spellings of the units, packed by ``UnitWords/pack(_:)``.
enum UnitWords {
    static let durations: [(UInt64, DurationUnit)] = table(DurationUnit.self)
    static let lengths: [(UInt64, LengthUnit)] = table(LengthUnit.self)
    static let volumes: [(UInt64, VolumeUnit)] = table(VolumeUnit.self)
    static let spacings: [(UInt64, SpacingUnit)] = table(SpacingUnit.self)

    private static func table<U: MeasureUnit>(_ type: U.Type) -> [(UInt64, U)] {
        U.allCases.flatMap { unit in unit.spellings.compactMap { word in pack(word).map { ($0, unit) } } }
    }

    /// Up to 8 ASCII bytes, lower-cased, packed into an integer (nil for longer or non-ASCII words).
    static func pack<S: StringProtocol>(_ word: S) -> UInt64? {
        var key: UInt64 = 0
        var count = 0
        for byte in word.utf8 {
            guard byte < 0x80, count < 8 else { return nil }
            let lower = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
            key = key << 8 | UInt64(lower)
            count += 1
        }
        return count == 0 ? nil : key
    }
}
