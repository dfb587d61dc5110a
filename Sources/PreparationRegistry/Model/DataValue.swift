import YAMLReader

/// A plain data value: what an `x-` extension key holds, kept as written and otherwise
/// ignored; also the tree of every JSON and YAML the library writes. Defined by `YAMLReader`,
/// named here so that a tool importing this library alone can use it.
public typealias DataValue = YAMLReader.DataValue
