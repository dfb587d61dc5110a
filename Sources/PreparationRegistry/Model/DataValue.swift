import OrderedCollections

/// A plain data value: what an `x-` extension key holds, kept as written and otherwise ignored.
public indirect enum DataValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([DataValue])
    case object(OrderedDictionary<String, DataValue>)
}
