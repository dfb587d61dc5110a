extension Quantity where Unit == DurationUnit {
    /// Reads a single duration written as in a catalogue range (`12 months`, `6 mo`, `52 weeks`,
    /// `1.5 months`): a non-negative number and a duration unit, by the same text reader as the
    /// catalogue's ranges. Nil for anything else, including a range with two bounds.
    ///
    /// With `yearsAllowed`, years (`2 years`, `1 yr`, `3y`), which catalogue ranges do not use,
    /// are read too, as 12 months each: a horizon is often thought of in years. Without it,
    /// the result is exactly what a catalogue's range reader gives for the text.
    package static func parseDuration(_ text: String, yearsAllowed: Bool = false) -> Quantity<DurationUnit>? {
        guard let (bound, second) = splitRangeText(text), second == nil, let word = bound.unit else { return nil }
        if let unit = DurationUnit.parse(word) { return Quantity(bound.number, unit) }
        guard yearsAllowed, ["year", "years", "yr", "yrs", "y"].contains(word.lowercased()) else { return nil }
        return Quantity(bound.number * 12, .month)
    }
}
