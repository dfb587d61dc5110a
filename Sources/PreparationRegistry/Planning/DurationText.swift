extension Quantity where Unit == DurationUnit {
    /// Reads a single duration written as in a catalogue range (`12 months`, `6 mo`, `52 weeks`,
    /// `1.5 months`): a non-negative number and a duration unit, by the same text reader as the
    /// catalogue's ranges. Nil for anything else, including a range with two bounds.
    public static func parseDuration(_ text: String) -> Quantity<DurationUnit>? {
        guard let (bound, second) = splitRangeText(text), second == nil, let word = bound.unit,
              let unit = DurationUnit.parse(word)
        else { return nil }
        return Quantity(bound.number, unit)
    }
}
