/// What a range text reads to, as one function per kind over the text's bytes: the loader's
/// reading of every range. Its success is the range, read without making a string; its
/// failure says why, and the general path (``NodeReader/quantityRange(_:_:_:example:)``,
/// ``NodeReader/countRange(_:_:)``) turns that into a located error with the text's words.
/// Both paths are this one reading, so a text cannot read to two values.
enum RangeTextReading {
    /// Why a text reads to no quantity range, in the order the checks run.
    enum QuantityProblem: Error {
        /// Not one or two bounds with a separator between.
        case shape
        /// A number too large for a `Double`.
        case numberTooLarge
        /// A unit on the lower bound only (`1 mm - 2`).
        case needsUpperUnit(RangeTextScanner.Bound, RangeTextScanner.Bound)
        /// No unit at all.
        case needsUnit
        /// A unit word (its bytes) that is none of the quantity's.
        case unknownUnit(Range<Int>)
        /// The lower bound above the upper one.
        case reversed
    }

    /// Why a text reads to no count range, in the order the checks run.
    enum CountProblem: Error {
        /// Why one bound is not a count.
        enum Bound {
            /// A fraction (`1.5`).
            case notWhole
            /// Too large for an `Int`.
            case tooLarge
        }
        /// Not one or two bounds with a separator between.
        case shape
        /// A unit word on a bound.
        case unit
        /// Bounds that are not whole numbers: the first's problem, the second's, or both.
        case bounds(Bound?, Bound?)
        /// A bound below 1.
        case belowOne
        /// The lower bound above the upper one.
        case reversed
    }

    /// A quantity range (`0.5-2 mm`, `3 days - 1 month`, `2 mm`): a trailing unit applies to
    /// both bounds; bounds may carry different units; the lower must not exceed the upper.
    static func quantityRange<U: MeasureUnit>(_ bytes: UnsafeBufferPointer<UInt8>, _ type: U.Type)
        throws(QuantityProblem) -> QuantityRange<U>
    {
        guard let (first, second) = RangeTextScanner.bounds(bytes) else { throw .shape }
        guard first.number.isFinite, second?.number.isFinite ?? true else { throw .numberTooLarge }
        if let second, !second.hasUnit, first.hasUnit { throw .needsUpperUnit(first, second) }
        let last = second ?? first
        guard last.hasUnit else { throw .needsUnit }
        guard let upperUnit = UnitWords.unit(bytes, last.unitBytes, U.self) else { throw .unknownUnit(last.unitBytes) }
        var lowerUnit = upperUnit
        if second != nil, first.hasUnit {
            guard let unit = UnitWords.unit(bytes, first.unitBytes, U.self) else { throw .unknownUnit(first.unitBytes) }
            lowerUnit = unit
        }
        let lower = Quantity(first.number, lowerUnit)
        let upper = second.map { Quantity($0.number, upperUnit) } ?? lower
        return try ordered(lower, upper)
    }

    /// The range from `lower` to `upper`, unless the lower is above the upper (in base units).
    /// Bounds in different units are compared in base units to within a part in 10^12: `60 min
    /// - 1 h` are equal bounds, though 60 × 1/1440 and 1/24 differ in a double's last bit.
    static func ordered<U>(_ lower: Quantity<U>, _ upper: Quantity<U>) throws(QuantityProblem) -> QuantityRange<U> {
        let above = lower.unit == upper.unit ? lower.value > upper.value : lower.baseValue > upper.baseValue * (1 + 1e-12)
        guard !above else { throw .reversed }
        return QuantityRange(min: lower, max: upper)
    }

    /// A count range (`4-6`, `1`): whole numbers from 1, no unit.
    static func countRange(_ bytes: UnsafeBufferPointer<UInt8>) throws(CountProblem) -> CountRange {
        guard let (first, second) = RangeTextScanner.bounds(bytes) else { throw .shape }
        guard !first.hasUnit, !(second?.hasUnit ?? false) else { throw .unit }
        guard let lower = first.whole, let upper = second.map(\.whole) ?? lower else {
            throw .bounds(problem(first), second.flatMap(problem))
        }
        return try ordered(lower, upper)
    }

    /// The range from `lower` to `upper`: both at least 1, the lower not above the upper.
    static func ordered(_ lower: Int, _ upper: Int) throws(CountProblem) -> CountRange {
        guard lower >= 1, upper >= 1 else { throw .belowOne }
        guard lower <= upper else { throw .reversed }
        return CountRange(min: lower, max: upper)
    }

    /// Why `bound` is not a count, or nil when it is one.
    private static func problem(_ bound: RangeTextScanner.Bound) -> CountProblem.Bound? {
        if !bound.isWhole { return .notWhole }
        return bound.whole == nil ? .tooLarge : nil
    }
}
