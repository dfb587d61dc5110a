/// A meteorological season.
public enum Season: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case spring, summer, autumn, winter

    public var description: String { rawValue }
}

/// How well a preparation's figures are backed.
public enum Evidence: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// A product label or prescribing information.
    case label
    /// A published clinical trial.
    case trial
    /// A professional society's consensus.
    case consensus
    /// Common clinical practice.
    case practice

    public var description: String { rawValue }
}
