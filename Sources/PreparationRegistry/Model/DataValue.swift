import OrderedCollections

/// A plain data value: what an `x-` extension key holds, kept as written and otherwise ignored.
public enum DataValue: Sendable, Hashable {
    /// `null` or `~`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer of the YAML core schema (`42`, `0x1F`, `0o17`).
    case int(Int)
    /// A float of the YAML core schema (`1.5`, `1e3`, `.inf`, `.nan`).
    case double(Double)
    /// Any other scalar, as its text.
    case string(String)
    /// A sequence.
    case array([DataValue])
    /// A mapping, keys (as text) in the order written.
    indirect case object(OrderedDictionary<String, DataValue>)
}
