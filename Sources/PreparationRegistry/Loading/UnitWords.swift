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
