import YAMLReader

/// Reading `dosing` (format 1.1, section 2.6): volumes in ml and point spacings in mm or cm,
/// written as any range of section 2.2, every value above zero, `max-per-session` one volume.
extension NodeReader {
    /// The dosing mapping: `per-point` and `spacing` required, `max-per-session` optional.
    mutating func dosing(_ node: YAMLNodeView) -> Dosing? {
        guard let f = fields(node, "'dosing'", KeyTables.dosing) else { return nil }
        let perPoint = f["per-point"].flatMap { volumeRange($0, "per-point") }
        let spacing = f["spacing"].flatMap { spacingRange($0, "spacing") }
        var maxPerSession: Quantity<VolumeUnit>?
        var failed = false
        if let node = f["max-per-session"] {
            maxPerSession = singleVolume(node, "max-per-session")
            failed = maxPerSession == nil
        }
        guard let perPoint, let spacing, !failed else { return nil }
        return Dosing(perPoint: perPoint, spacing: spacing, maxPerSession: maxPerSession)
    }

    /// A range of volumes in ml, above zero: `0.1-0.2 ml`, `0.2 mL`, `{min: 0.1, max: 0.2, unit: ml}`.
    mutating func volumeRange(_ node: YAMLNodeView, _ what: String) -> VolumeRange? {
        positiveRange(node, what, VolumeUnit.self, example: "0.1-0.2 ml")
    }

    /// A range of point spacings in mm or cm, above zero: `1-2 cm`, `5 mm - 1 cm`.
    mutating func spacingRange(_ node: YAMLNodeView, _ what: String) -> SpacingRange? {
        positiveRange(node, what, SpacingUnit.self, example: "1-2 cm")
    }

    /// One volume in ml, above zero: `10 ml`, or a range whose bounds are equal.
    mutating func singleVolume(_ node: YAMLNodeView, _ what: String) -> Quantity<VolumeUnit>? {
        if node.scalar == nil, node.mapping == nil {
            error(node.location, .notOneVolume(what, node.kindDescription))
            return nil
        }
        guard let range = quantityRange(node, what, VolumeUnit.self, example: "10 ml") else { return nil }
        guard range.min.baseValue == range.max.baseValue else {
            let message = Diagnostic.Message.volumeRange(what, shown(node, range))  // not deferred: it reads self
            error(node.location, message)
            return nil
        }
        guard checkAboveZero(node, what, range) else { return nil }
        return range.max
    }

    /// A quantity range whose every bound is above zero.
    private mutating func positiveRange<U: MeasureUnit>(_ node: YAMLNodeView, _ what: String, _ unitType: U.Type,
                                                        example: String) -> QuantityRange<U>? {
        guard let range = quantityRange(node, what, U.self, example: example) else { return nil }
        return checkAboveZero(node, what, range) ? range : nil
    }

    /// False, with an error, when the range's lower bound (and so perhaps both) is zero: at the
    /// range's text, or at its `min` when written as a mapping.
    private mutating func checkAboveZero<U>(_ node: YAMLNodeView, _ what: String, _ range: QuantityRange<U>) -> Bool {
        guard range.min.value <= 0 else { return true }
        let bound = node.mapping?.first { $0.keyEquals("min") }?.value
        let message = Diagnostic.Message.notAboveZero(what, shown(node, range))  // not deferred: it reads self
        error(bound?.location ?? node.location, message)
        return false
    }

    /// The range as written (its text), or as its canonical text when written as a mapping.
    private func shown<U>(_ node: YAMLNodeView, _ range: QuantityRange<U>) -> String {
        node.scalar?.text ?? range.description
    }
}
