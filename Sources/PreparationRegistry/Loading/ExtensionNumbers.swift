import OrderedCollections
import YAMLReader

// Extension values (`x-` keys) are kept as plain data, and a number that plain data cannot
// hold as written is said so in a warning rather than changed in silence: a whole number
// beyond 64 bits is held as the nearest `Double` (`12345678901234567890123` becomes
// `1.2345678901234568e+22`), and a number beyond a `Double` as infinity (`1e400`, written
// `null` in JSON); `.inf` and `.nan` are kept, but JSON writes them `null` too. Quoting keeps
// any of them as text.

extension NodeReader {
    /// The entries of `fields` with an extension key (`x-`), in order, as plain data, warning
    /// of each number in them that the data cannot hold as written. Made once for a
    /// preparation, so that a mapping's fields hold no reference to count.
    mutating func extensions(of fields: Fields) -> OrderedDictionary<String, DataValue> {
        var object = OrderedDictionary<String, DataValue>()
        for entry in fields.entries where entry.isExtensionKey {
            object[entry.key] = NodeReader.dataValue(entry.value)
            warnOfInexactNumbers(in: entry.value, key: entry.key)
        }
        return object
    }

    /// Warns of each number in `node` (a value of the extension key `key`) that plain data
    /// holds otherwise than written. A walk with its own stack: extension values may be as
    /// deep as the reader's depth limit.
    private mutating func warnOfInexactNumbers(in node: YAMLNodeView, key: String) {
        var stack = [node]
        while let next = stack.popLast() {
            switch next.content {
            case .scalar(let scalar):
                guard case .float(let value) = scalar.value else { continue }
                if let held = Self.inexactReading(of: scalar.text, value) {
                    warning(next.location, .inexactNumber(scalar.text, key: key, heldAs: held, tooSmall: value == 0))
                } else if !value.isFinite {
                    // `.inf`, `.nan`: held as written, but JSON has no number for them (an outside review).
                    warning(next.location, .numberWithoutJSON(scalar.text, key: key))
                }
            case .sequence(let items):
                stack.append(contentsOf: items.reversed())
            case .mapping(let entries):
                stack.append(contentsOf: entries.reversed().map(\.value))
            }
        }
    }

    /// How plain data holds the number written `text` (read as `value`) when that differs
    /// from what is written: nil for a number held as written (a fraction or an exponent
    /// within a `Double`'s reach, `.inf`, `.nan`). A number too small for a `Double`
    /// (`1e-400`, read as 0) is one that differs.
    static func inexactReading(of text: String, _ value: Double) -> String? {
        if value == 0 {
            // Zero as written (`0`, `0.0e5`) or a mantissa with a non-zero digit gone to 0.
            let mantissa = text.utf8.prefix { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }
            return mantissa.contains(where: { $0 >= 49 && $0 <= 57 }) ? "0" : nil
        }
        if !value.isFinite {
            // `.inf` and `.nan` are held as written; digits that reach beyond a Double are not.
            guard text.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { return nil }
            return "infinity (null in JSON)"
        }
        // A whole number written without a fraction or an exponent, too large for 64 bits.
        let digits = text.utf8.drop { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return DataValue.jsonNumber(value)
    }
}
