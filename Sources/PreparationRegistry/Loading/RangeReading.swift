import YAMLReader

extension NodeReader {
    // MARK: Ranges

    mutating func lengthRange(_ node: YAMLNodeView, _ what: String) -> LengthRange? {
        quantityRange(node, what, LengthUnit.self, example: "0.5-2 mm")
    }

    mutating func durationRange(_ node: YAMLNodeView, _ what: String) -> DurationRange? {
        quantityRange(node, what, DurationUnit.self, example: "3-30 days")
    }

    /// A range of quantities in its text form or as `{min, max, unit}`.
    ///
    /// - Parameter fastPath: read common valid texts straight from their bytes first
    ///   (``fastQuantityRange(_:_:)``); off only for tests that compare the two paths.
    mutating func quantityRange<U: MeasureUnit>(_ node: YAMLNodeView, _ what: String, _ unitType: U.Type,
                                                example: String, fastPath: Bool = true) -> QuantityRange<U>? {
        if node.mapping != nil {
            guard let fields = fields(node, "'\(what)'", KeyTables.range),
                  let minNode = fields["min"], let maxNode = fields["max"]
            else { return nil }
            guard let unitNode = fields["unit"] else {
                let message = Diagnostic.Message.needsUnitKey(what, units: unitList(U.self))  // not deferred: it reads self
                error(node.location, message)
                return nil
            }
            let lower = nonNegative(minNode, "min")
            let upper = nonNegative(maxNode, "max")
            guard let unitWord = text(unitNode, "unit") else { return nil }
            guard let unit = parseUnit(unitWord, U.self) else {
                let message = unknownUnit(unitWord, U.self)  // not deferred: it reads self
                error(unitNode.location, message)
                return nil
            }
            guard let lower, let upper else { return nil }
            return orderedRange(Quantity(lower, unit), Quantity(upper, unit), text: "\(formatNumber(lower))-\(formatNumber(upper)) \(unitWord)", at: node.location)
        }
        guard let scalar = node.scalar else {
            error(node.location, .notARange(what, quantity: U.quantityName, example: example, node.kindDescription))
            return nil
        }
        if fastPath, let range = fastQuantityRange(scalar, U.self) { return range }
        let written = scalar.text
        guard let (first, second) = splitRangeText(written) else {
            error(node.location, .invalidRange(written, quantity: U.quantityName, example: example))
            return nil
        }
        if !first.number.isFinite || !(second?.number.isFinite ?? true) {
            error(node.location, .numberTooLarge(written))
            return nil
        }
        if let second, second.unit == nil, first.unit != nil {
            error(node.location, .needsUpperUnit(written, example: "\(first.numberText) \(first.unit!) - \(second.numberText) \(first.unit!)"))
            return nil
        }
        let lastUnit = second?.unit ?? first.unit
        guard let lastUnit else {
            let message = Diagnostic.Message.needsUnit(written, quantity: U.quantityName, units: unitList(U.self))  // not deferred: it reads self
            error(node.location, message)
            return nil
        }
        guard let upperUnit = parseUnit(lastUnit, U.self) else {
            let message = unknownUnit(String(lastUnit), U.self, in: written)  // not deferred: it reads self
            error(node.location, message)
            return nil
        }
        var lowerUnit = upperUnit
        if second != nil, let firstUnit = first.unit {
            guard let unit = parseUnit(firstUnit, U.self) else {
                let message = unknownUnit(String(firstUnit), U.self, in: written)  // not deferred: it reads self
                error(node.location, message)
                return nil
            }
            lowerUnit = unit
        }
        let lower = Quantity(first.number, lowerUnit)
        let upper = second.map { Quantity($0.number, upperUnit) } ?? lower
        return orderedRange(lower, upper, text: written, at: node.location)
    }

    private mutating func nonNegative(_ node: YAMLNodeView, _ what: String) -> Double? {
        guard let value = number(node, what) else { return nil }
        if value < 0 {
            error(node.location, .negative(what))
            return nil
        }
        return value
    }

    private mutating func orderedRange<U>(_ lower: Quantity<U>, _ upper: Quantity<U>, text: @autoclosure () -> String,
                                          at location: SourceLocation) -> QuantityRange<U>? {
        if lower.baseValue > upper.baseValue {
            error(location, .reversedRange(text()))
            return nil
        }
        return QuantityRange(min: lower, max: upper)
    }

    private func unitList<U: MeasureUnit>(_ type: U.Type) -> String {
        let names = U.allCases.map(\.canonicalName)
        if names.count == 1 { return names[0] }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    private func unknownUnit<U: MeasureUnit>(_ word: String, _ type: U.Type, in text: String? = nil) -> Diagnostic.Message {
        let place = text.map { " in '\($0)'" } ?? ""
        // A unit of another quantity (`mm` for a duration, `ml` for a length): say which. A
        // length unit that this length does not take (`cm` for `depth`) is only unknown.
        let quantities = [
            (LengthUnit.quantityName, LengthUnit.parse(word) != nil || SpacingUnit.parse(word) != nil),
            (DurationUnit.quantityName, DurationUnit.parse(word) != nil),
            (VolumeUnit.quantityName, VolumeUnit.parse(word) != nil),
        ]
        if let other = quantities.first(where: { $0.1 && $0.0 != U.quantityName }) {
            return .unitOfOtherQuantity(word, other: other.0, quantity: U.quantityName, place: place, units: unitList(U.self))
        }
        let hint = Suggestions.nearest(to: word, in: U.allSpellings).map { "; did you mean '\($0)'?" }
            ?? "; use \(unitList(U.self))"
        return .unknownUnit(word, quantity: U.quantityName, place: place, hint: hint)
    }

    /// A count range: `4-6`, `1`, or `{min: 4, max: 6}`; whole numbers from 1, no unit.
    mutating func countRange(_ node: YAMLNodeView, _ what: String) -> CountRange? {
        let lower: Int?
        let upper: Int?
        let shown: String
        if node.mapping != nil {
            guard let fields = fields(node, "'\(what)'", KeyTables.range),
                  let minNode = fields["min"], let maxNode = fields["max"]
            else { return nil }
            if let unitNode = fields["unit"] {
                error(unitNode.location, .countTakesNoUnit(what, written: false))
                return nil
            }
            lower = wholeNumber(minNode, what)
            upper = wholeNumber(maxNode, what)
            shown = "\(lower.map(String.init) ?? "?")-\(upper.map(String.init) ?? "?")"
        } else if let scalar = node.scalar {
            if let range = fastCountRange(scalar) { return range }
            if case .int(let i) = scalar.value {
                lower = i
                upper = i
            } else if case .float = scalar.value {
                // Digits alone that read as a float are a whole number too large for an integer.
                error(node.location, isDigitsOnly(scalar.text) ? .numberTooLarge(scalar.text)
                    : .notWholeSessions(scalar.text))
                return nil
            } else if case .string = scalar.value, let (first, second) = splitRangeText(scalar.text),
                      first.unit == nil, second?.unit == nil
            {
                lower = whole(first, scalar.text, node.location)
                upper = second.map { whole($0, scalar.text, node.location) } ?? lower
            } else if case .string = scalar.value, let (first, second) = splitRangeText(scalar.text),
                      first.unit != nil || second?.unit != nil
            {
                error(node.location, .countTakesNoUnit(what, written: true))
                return nil
            } else {
                error(node.location, .invalidCountRange(scalar.text))
                return nil
            }
            shown = scalar.text
        } else {
            error(node.location, .notACountRange(what, node.kindDescription))
            return nil
        }
        guard let lower, let upper else { return nil }
        if lower < 1 || upper < 1 {
            error(node.location, .belowOne(what))
            return nil
        }
        if lower > upper {
            error(node.location, .reversedRange(shown))
            return nil
        }
        return CountRange(min: lower, max: upper)
    }

    private mutating func wholeNumber(_ node: YAMLNodeView, _ what: String) -> Int? {
        if let scalar = node.scalar {
            switch scalar.value {
            case .int(let i): return i
            case .float:
                // `4.0` or `.inf`, or digits too many for an integer: say which number.
                error(node.location, isDigitsOnly(scalar.text) ? .numberTooLarge(scalar.text)
                    : .notWhole(what, scalar.text))
                return nil
            default: break
            }
        }
        error(node.location, .notAWholeNumber(what, node.kindDescription))
        return nil
    }

    private mutating func whole(_ bound: WrittenBound, _ text: String, _ location: SourceLocation) -> Int? {
        guard !bound.numberText.contains(".") else {
            error(location, .notWholeSessions(text))
            return nil
        }
        guard let value = Int(bound.numberText) else {
            error(location, .numberTooLarge(text))
            return nil
        }
        return value
    }
}


/// True for decimal digits alone, with an optional `+`: a whole number, whatever its size.
func isDigitsOnly(_ text: String) -> Bool {
    let digits = text.utf8.drop { $0 == UInt8(ascii: "+") }
    return !digits.isEmpty && digits.allSatisfy { $0 >= 48 && $0 <= 57 }
}
