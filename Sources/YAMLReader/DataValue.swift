import OrderedCollections

/// A plain data value: the one value tree of the project. What an `x-` extension key holds,
/// what the YAML emitter writes (`YAMLEmitter`), what every JSON output is built as (the
/// canonical JSON, exports, `--format json`), and what the generated JSON Schema is.
///
/// A value read from YAML keeps its place in `YAMLNode`; this tree has no places.
///
/// Two values are equal when they hold the same data: mappings compare their keys in order,
/// and a NaN equals a NaN (so that a value is always equal to itself); an integer and a float
/// are never equal (`2` is not `2.0`).
public enum DataValue: Sendable {
    /// `null` or `~`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer (`42`, `0x1F`, `0o17` in YAML).
    case int(Int)
    /// A floating-point number (`1.5`, `1e3`, `.inf`, `.nan` in YAML).
    case double(Double)
    /// A string, or any other scalar as its text.
    case string(String)
    /// A sequence (a JSON array).
    case array([DataValue])
    /// A mapping (a JSON object), keys in the order written.
    indirect case object(OrderedDictionary<String, DataValue>)

    /// A mapping from key and value pairs in order; a key given again replaces the earlier
    /// value in its first place.
    package static func object(_ members: [(String, DataValue)]) -> DataValue {
        var object = OrderedDictionary<String, DataValue>(minimumCapacity: members.count)
        for (key, value) in members { object[key] = value }
        return .object(object)
    }

    /// The items, when the value is a sequence.
    package var items: [DataValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The members, when the value is a mapping.
    package var members: OrderedDictionary<String, DataValue>? {
        if case .object(let members) = self { return members }
        return nil
    }
}

extension DataValue: Hashable {
    /// Equal when they hold the same data; a NaN equals a NaN.
    public static func == (lhs: DataValue, rhs: DataValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b || (a.isNaN && b.isNaN)
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }

    /// Hashes the data, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let b): hasher.combine(1); hasher.combine(b)
        case .int(let i): hasher.combine(2); hasher.combine(i)
        case .double(let d): hasher.combine(3); hasher.combine(d.isNaN ? .nan : d)
        case .string(let s): hasher.combine(4); hasher.combine(s)
        case .array(let items): hasher.combine(5); hasher.combine(items)
        case .object(let members): hasher.combine(6); hasher.combine(members)
        }
    }
}

/// Literals, so that a value can be written as it reads (`["type": "string", "minLength": 1]`).
extension DataValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// A ``string(_:)``.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An ``int(_:)``.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A ``double(_:)``.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A ``bool(_:)``.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An ``array(_:)``.
    public init(arrayLiteral elements: DataValue...) { self = .array(elements) }
    /// A mapping, keys in the order written (each key once).
    public init(dictionaryLiteral elements: (String, DataValue)...) { self = .object(elements) }
}
