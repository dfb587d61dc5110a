import YAMLReader

extension NodeReader {
    // MARK: Ranges

    mutating func lengthRange(_ node: YAMLNodeView, _ what: String) -> LengthRange? {
        quantityRange(node, what, LengthUnit.self, example: "0.5-2 mm")
    }

    mutating func durationRange(_ node: YAMLNodeView, _ what: String) -> DurationRange? {
        quantityRange(node, what, DurationUnit.self, example: "3-30 days")
    }

    /// A range of quantities in its text form or as `{min, max, unit}`. The text form is read
    /// by ``RangeTextReading/quantityRange(_:_:)``, straight from the scalar's bytes; only a
    /// text that reads to no range costs strings, for its error.
    mutating func quantityRange<U: MeasureUnit>(_ node: YAMLNodeView, _ what: String, _ unitType: U.Type,
                                                example: String) -> QuantityRange<U>? {
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
            do throws(RangeTextReading.QuantityProblem) {
                return try RangeTextReading.ordered(Quantity(lower, unit), Quantity(upper, unit))
            } catch {
                self.error(node.location, .reversedRange("\(formatNumber(lower))-\(formatNumber(upper)) \(unitWord)"))
                return nil
            }
        }
        guard let scalar = node.scalar else {
            error(node.location, .notARange(what, quantity: U.quantityName, example: example, node.kindDescription))
            return nil
        }
        let reading = scalar.withBytes { bytes in
            Result { () throws(RangeTextReading.QuantityProblem) in try RangeTextReading.quantityRange(bytes, U.self) }
        }
        switch reading {
        case .success(let range):
            return range
        case .failure(let problem):
            report(problem, scalar.text, U.self, example: example, at: node.location)
            return nil
        }
    }

    /// A valid quantity range in its text form, read from the bytes; nil for anything else: the
    /// success of ``quantityRange(_:_:_:example:)``'s reading, without its errors.
    func fastQuantityRange<U: MeasureUnit>(_ scalar: YAMLScalarView, _ unitType: U.Type) -> QuantityRange<U>? {
        scalar.withBytes { try? RangeTextReading.quantityRange($0, U.self) }
    }

    /// The error for a range text `written` that reads to no range of `U`.
    private mutating func report<U: MeasureUnit>(_ problem: RangeTextReading.QuantityProblem, _ written: String,
                                                 _ type: U.Type, example: String, at location: SourceLocation) {
        switch problem {
        case .shape:
            error(location, .invalidRange(written, quantity: U.quantityName, example: example))
        case .numberTooLarge:
            error(location, .numberTooLarge(written))
        case .needsUpperUnit(let first, let second):
            let lower = WrittenBound(first, in: written), upper = WrittenBound(second, in: written)
            let unit = lower.unit ?? ""
            error(location, .needsUpperUnit(written, example: "\(lower.numberText) \(unit) - \(upper.numberText) \(unit)"))
        case .needsUnit:
            let message = Diagnostic.Message.needsUnit(written, quantity: U.quantityName, units: unitList(U.self))  // not deferred: it reads self
            error(location, message)
        case .unknownUnit(let word):
            let message = unknownUnit(String(written.utf8Slice(word)), U.self, in: written)  // not deferred: it reads self
            error(location, message)
        case .reversed:
            error(location, .reversedRange(written))
        }
    }

    private mutating func nonNegative(_ node: YAMLNodeView, _ what: String) -> Double? {
        guard let value = number(node, what) else { return nil }
        if value < 0 {
            error(node.location, .negative(what))
            return nil
        }
        return value
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

    /// A count range: `4-6`, `1`, or `{min: 4, max: 6}`; whole numbers from 1, no unit. The
    /// text form is read by ``RangeTextReading/countRange(_:)``, straight from the bytes.
    mutating func countRange(_ node: YAMLNodeView, _ what: String) -> CountRange? {
        let lower: Int?
        let upper: Int?
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
        } else if let scalar = node.scalar {
            if case .string = scalar.value {
                let reading = scalar.withBytes { bytes in
                    Result { () throws(RangeTextReading.CountProblem) in try RangeTextReading.countRange(bytes) }
                }
                switch reading {
                case .success(let range):
                    return range
                case .failure(let problem):
                    report(problem, scalar.text, what, at: node.location)
                    return nil
                }
            }
            if case .int(let i) = scalar.value {
                lower = i
                upper = i
            } else if case .float = scalar.value {
                // Digits alone that read as a float are a whole number too large for an integer.
                error(node.location, isDigitsOnly(scalar.text) ? .numberTooLarge(scalar.text)
                    : .notWholeSessions(scalar.text))
                return nil
            } else {
                error(node.location, .invalidCountRange(scalar.text))
                return nil
            }
        } else {
            error(node.location, .notACountRange(what, node.kindDescription))
            return nil
        }
        guard let lower, let upper else { return nil }
        do throws(RangeTextReading.CountProblem) {
            return try RangeTextReading.ordered(lower, upper)
        } catch {
            // As written: the scalar's text, or the mapping's bounds.
            let shown = node.scalar?.text ?? "\(lower)-\(upper)"
            report(error, shown, what, at: node.location)
            return nil
        }
    }

    /// A valid count range in its text form (`4-6`, `1`), read from the bytes; nil for
    /// anything else: the success of ``countRange(_:_:)``'s reading, without its errors.
    func fastCountRange(_ scalar: YAMLScalarView) -> CountRange? {
        guard case .string = scalar.value else { return nil }
        return scalar.withBytes { try? RangeTextReading.countRange($0) }
    }

    /// The errors for a count `written` that reads to no count range.
    private mutating func report(_ problem: RangeTextReading.CountProblem, _ written: String, _ what: String,
                                 at location: SourceLocation) {
        func bound(_ problem: RangeTextReading.CountProblem.Bound?) {
            switch problem {
            case .notWhole?: error(location, .notWholeSessions(written))
            case .tooLarge?: error(location, .numberTooLarge(written))
            case nil: break
            }
        }
        switch problem {
        case .shape: error(location, .invalidCountRange(written))
        case .unit: error(location, .countTakesNoUnit(what, written: true))
        case .bounds(let first, let second):
            bound(first)
            bound(second)
        case .belowOne: error(location, .belowOne(what))
        case .reversed: error(location, .reversedRange(written))
        }
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
}


/// True for decimal digits alone, with an optional `+`: a whole number, whatever its size.
func isDigitsOnly(_ text: String) -> Bool {
    let digits = text.utf8.drop { $0 == UInt8(ascii: "+") }
    return !digits.isEmpty && digits.allSatisfy { $0 >= 48 && $0 <= 57 }
}
