/// The unit written as `word`, as ``MeasureUnit/parse(_:)`` reads it, with a fast path for the
/// short ASCII words that every range has: the word's lower-cased bytes packed into an integer
/// and compared with a table built once from the units' spellings.
func parseUnit<U: MeasureUnit, S: StringProtocol>(_ word: S, _ type: U.Type) -> U? {
    if let key = UnitWords.pack(word), let unit = UnitWords.unit(packed: key, U.self) { return unit }
    return U.parse(word)
}

extension UnitWords {
    /// The unit written as the bytes `word` of `text`, as ``parseUnit(_:_:)`` reads it, without
    /// making a string for the short ASCII words of the table.
    static func unit<U: MeasureUnit>(_ text: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, _ type: U.Type) -> U? {
        let bytes = UnsafeBufferPointer(rebasing: text[word])
        if let key = pack(bytes), let unit = unit(packed: key, U.self) { return unit }
        return U.parse(String(decoding: bytes, as: UTF8.self))
    }

    /// The unit of a packed word, for the unit type `U` (each cast is to the type just
    /// compared with); nil when `U` has no such spelling, or is none of the catalogue's units.
    static func unit<U: MeasureUnit>(packed key: UInt64, _ type: U.Type) -> U? {
        if U.self == DurationUnit.self {
            for (packed, unit) in durations where packed == key { return unsafeBitCast(unit, to: U.self) }
        } else if U.self == LengthUnit.self {
            for (packed, unit) in lengths where packed == key { return unsafeBitCast(unit, to: U.self) }
        } else if U.self == VolumeUnit.self {
            for (packed, unit) in volumes where packed == key { return unsafeBitCast(unit, to: U.self) }
        } else if U.self == SpacingUnit.self {
            for (packed, unit) in spacings where packed == key { return unsafeBitCast(unit, to: U.self) }
        }
        return nil
    }

    /// Up to 8 ASCII bytes, lower-cased, packed into an integer, as ``pack(_:)-(S)`` does for text.
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var key: UInt64 = 0
        guard !bytes.isEmpty, bytes.count <= 8 else { return nil }
        for byte in bytes {
            guard byte < 0x80 else { return nil }
            let lower = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
            key = key << 8 | UInt64(lower)
        }
        return key
    }
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
