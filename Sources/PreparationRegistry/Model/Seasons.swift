/// A meteorological season.
public enum Season: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Spring: March to May in the north, September to November in the south.
    case spring
    /// Summer: June to August in the north, December to February in the south.
    case summer
    /// Autumn: September to November in the north, March to May in the south.
    case autumn
    /// Winter: December to February in the north, June to August in the south.
    case winter

    /// The season's word, as the catalogue writes it.
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

    /// The level's word, as the catalogue writes it.
    public var description: String { rawValue }
}
