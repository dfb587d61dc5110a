import Foundation
@testable import PreparationRegistry
import Testing
import TestSupport
import YAMLReader

/// A range text read plainly, by the grammar of section 2.2 written out on the text's
/// Unicode scalars: no scanner, no bytes, no shortcuts. The loader's reading must give the
/// same value for every text.
enum PlainRangeReading {
    typealias Bound = (number: String, unit: String?)

    static func isBlank(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" }
    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    static func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }

    static func trimmed(_ s: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var s = s
        while let c = s.first, isBlank(c) { s = s.dropFirst() }
        while let c = s.last, isBlank(c) { s = s.dropLast() }
        return s
    }

    static func string(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: s)
        return text
    }

    /// `DIGITS[.DIGITS]`, then, after blanks, a word of ASCII letters other than `to`; the
    /// whole (trimmed) slice, or nil.
    static func bound(_ s: ArraySlice<Unicode.Scalar>) -> Bound? {
        let digits = s.prefix(while: isDigit)
        guard !digits.isEmpty else { return nil }
        var rest = s.dropFirst(digits.count)
        var number = string(digits)
        if rest.first == "." {
            let fraction = rest.dropFirst().prefix(while: isDigit)
            guard !fraction.isEmpty else { return nil }
            number += "." + string(fraction)
            rest = rest.dropFirst(1 + fraction.count)
        }
        rest = trimmed(rest)
        if rest.isEmpty { return (number, nil) }
        guard rest.allSatisfy(isLetter), string(rest).lowercased() != "to" else { return nil }
        return (number, string(rest))
    }

    /// One bound, or two with `-`, `–` or `to` between them. `to` is a word of its own: no
    /// letter just before it (that would be a unit word's end) and a blank just after it.
    static func bounds(_ text: String) -> (Bound, Bound?)? {
        let all = trimmed(Array(text.unicodeScalars)[...])
        if let single = bound(all) { return (single, nil) }
        var found: (Bound, Bound?)?
        for i in all.indices {
            var length = 0
            if all[i] == "-" || all[i] == "\u{2013}" {
                length = 1
            } else if i + 2 < all.endIndex, "tT".unicodeScalars.contains(all[i]), "oO".unicodeScalars.contains(all[i + 1]),
                      isBlank(all[i + 2]), i == all.startIndex || !isLetter(all[i - 1]) {
                length = 2
            }
            guard length > 0, let lower = bound(trimmed(all[..<i])), let upper = bound(trimmed(all[(i + length)...]))
            else { continue }
            #expect(found == nil, "two readings of '\(text)'")
            found = (lower, upper)
        }
        return found
    }

    static func unit<U: MeasureUnit>(_ word: String, _ type: U.Type) -> U? {
        U.allCases.first { $0.spellings.contains(word.lowercased()) }
    }

    /// The quantity range, or nil when the text is not one of `U`.
    static func quantityRange<U: MeasureUnit>(_ text: String, _ type: U.Type) -> QuantityRange<U>? {
        guard let (first, second) = bounds(text),
              let lowerNumber = Double(first.number), lowerNumber.isFinite
        else { return nil }
        let upperNumber = second.flatMap { Double($0.number) } ?? lowerNumber
        guard upperNumber.isFinite else { return nil }
        guard let upperWord = second.map({ $0.unit }) ?? first.unit, let upperUnit = unit(upperWord, U.self) else {
            return nil
        }
        var lowerUnit = upperUnit
        if second != nil, let word = first.unit {
            guard let unit = unit(word, U.self) else { return nil }
            lowerUnit = unit
        }
        let lower = Quantity(lowerNumber, lowerUnit), upper = Quantity(upperNumber, upperUnit)
        // Equal to within a part in 10^12 across units (60 min - 1 h), exactly within one.
        guard lowerUnit == upperUnit ? lower.value <= upper.value
                : lower.value * lowerUnit.scale <= upper.value * upperUnit.scale * (1 + 1e-12) else { return nil }
        return QuantityRange(min: lower, max: upper)
    }

    /// The count range, or nil when the text is not one.
    static func countRange(_ text: String) -> CountRange? {
        guard let (first, second) = bounds(text), first.unit == nil, second?.unit == nil,
              let lower = Int(first.number)
        else { return nil }
        let upper = second.map { Int($0.number) } ?? lower
        guard let upper, lower >= 1, lower <= upper else { return nil }
        return CountRange(min: lower, max: upper)
    }
}

/// The loader's range reading, through its general path (with its errors) and its success
/// path alone (``NodeReader/fastQuantityRange(_:_:)``, ``NodeReader/fastCountRange(_:)``),
/// against ``PlainRangeReading``: values, not only verdicts.
@Suite("Range texts: one reading, the same value as the plain grammar")
struct RangeTextReadingTests {
    /// Reads every text of `texts` in every kind, and checks that the general path, the
    /// success path and the plain reading give the same value, and that the general path
    /// reports an error exactly when it reads no range. Returns how many texts read to a range.
    @discardableResult
    static func compare(_ texts: [String]) -> Int {
        var valid = 0
        for chunk in stride(from: 0, to: texts.count, by: 500).map({ texts[$0 ..< min($0 + 500, texts.count)] }) {
            let yaml = Array(("[" + chunk.map(quoted).joined(separator: ",\n ") + "]\n").utf8)
            var seen = 0
            let problems = yaml.withUnsafeBufferPointer { bytes in
                YAMLDocumentReader().readFlat(bytes, file: "texts.yaml") { document in
                    guard let items = document.root.sequence else { return }
                    for (text, node) in zip(chunk, items) {
                        seen += 1
                        let read = [
                            check(text, node, LengthUnit.self), check(text, node, DurationUnit.self),
                            check(text, node, VolumeUnit.self), check(text, node, SpacingUnit.self),
                            checkCount(text, node),
                        ]
                        if read.contains(true) { valid += 1 }
                        // The course's durations read single bounds by the same scanner.
                        let expected = PlainRangeReading.bounds(text).flatMap { first, second -> Quantity<DurationUnit>? in
                            guard second == nil, let word = first.unit, let unit = PlainRangeReading.unit(word, DurationUnit.self),
                                  let number = Double(first.number)
                            else { return nil }
                            return Quantity(number, unit)
                        }
                        #expect(Quantity.parseDuration(text) == expected, "parseDuration \(quoted(text))")
                    }
                }
            }
            #expect(problems.isEmpty)
            #expect(seen == chunk.count)
        }
        return valid
    }

    /// True when the text reads to a range of `U`; expects the three readings to agree.
    static func check<U: MeasureUnit>(_ text: String, _ node: YAMLNodeView, _ type: U.Type) -> Bool {
        var reader = NodeReader()
        let general = reader.quantityRange(node, "range", U.self, example: "1-2")
        let fast = node.scalar.flatMap { NodeReader().fastQuantityRange($0, U.self) }
        let plain = PlainRangeReading.quantityRange(text, U.self)
        #expect(general == plain, "\(U.quantityName) \(quoted(text))")
        #expect(fast == plain, "\(U.quantityName) \(quoted(text)), success path")
        // Same bits, not only equal: -0 and 0 would be equal.
        #expect(general.map { [$0.min.value.bitPattern, $0.max.value.bitPattern] }
            == plain.map { [$0.min.value.bitPattern, $0.max.value.bitPattern] }, "\(quoted(text))")
        #expect(reader.diagnostics.count == (general == nil ? 1 : 0), "\(U.quantityName) \(quoted(text)): \(reader.diagnostics)")
        return general != nil
    }

    /// True when the text reads to a count range; expects the three readings to agree.
    static func checkCount(_ text: String, _ node: YAMLNodeView) -> Bool {
        var reader = NodeReader()
        let general = reader.countRange(node, "sessions")
        let fast = node.scalar.flatMap { NodeReader().fastCountRange($0) }
        let plain = PlainRangeReading.countRange(text)
        #expect(general == plain, "count \(quoted(text))")
        #expect(fast == plain, "count \(quoted(text)), success path")
        #expect(reader.diagnostics.isEmpty == (general != nil), "count \(quoted(text)): \(reader.diagnostics)")
        return general != nil
    }

    /// The text as a YAML double-quoted scalar: JSON's escapes, the project's one JSON quoting.
    static func quoted(_ text: String) -> String {
        var out = ""
        DataValue.quoteJSON(text, into: &out)
        return out
    }

    // MARK: The texts

    /// The keys whose values are ranges, in the format and in its fixtures.
    static let rangeKeys: Set<String> = [
        "depth", "residence", "session-time", "interval", "lasts", "for", "sessions",
        "per-point", "spacing", "max-per-session",
    ]

    /// The text of every scalar under a range key in the YAML files below `folder`.
    static func rangeTexts(under folder: URL) -> [String] {
        var texts: [String] = []
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { ["yaml", "yml"].contains($0.pathExtension) } ?? []
        func walk(_ node: YAMLNodeView) {
            if let items = node.sequence {
                for item in items { walk(item) }
            } else if let entries = node.mapping {
                for entry in entries {
                    if rangeKeys.contains(entry.key), let scalar = entry.value.scalar { texts.append(scalar.text) }
                    walk(entry.value)
                }
            }
        }
        for file in files.sorted(by: { $0.path < $1.path }) {
            _ = YAMLDocumentReader().readFlat(fileAt: file.path) { walk($0.root) }
        }
        return texts
    }

    @Test("every range text of the fixtures and of the bundled catalogue")
    func fixturesAndCatalogue() throws {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let catalogue = Self.rangeTexts(under: projectCatalogueURL)
        #expect(catalogue.count > 100)
        var fixtures: [String] = []
        for target in try FileManager.default.contentsOfDirectory(atPath: tests.path).sorted() {
            fixtures += Self.rangeTexts(under: tests.appendingPathComponent(target).appendingPathComponent("Fixtures"))
        }
        #expect(fixtures.count > 100)
        // The listed texts of the agreement fixture, read as JSON strings.
        let listed = try JSONDecoder().decode([String].self, from: Data(("[" + rangeTextCases().map(\.quoted).joined(separator: ",") + "]").utf8))
        #expect(listed.count == 223)
        let texts = Array(Set(catalogue + fixtures + listed)).sorted()
        let valid = Self.compare(texts)
        #expect(valid > texts.count / 2)
    }

    /// Pieces of generated range texts: numbers with and without decimals (long, zero-padded
    /// and too large too), the units of every quantity in any case, spaces, separators, and
    /// pieces that do not belong.
    enum Pieces {
        static let numbers = ["0", "1", "2", "3", "10", "30", "72", "0.5", "1.5", "2.25", "0.01", "007", "1.0",
                              "123456789012345", "1234567890123456", "12345678901234567890", "9223372036854775807",
                              "9223372036854775808", "0.1234567890123456789", "000000000000000000001",
                              String(repeating: "9", count: 400), "1.", ".5", "1..2", "-1", "+2", "1e3", "1,5"]
        static let units = ["mm", "MM", "Mm", "cm", "CM", "ml", "mL", "ML", "minute", "minutes", "min", "mins",
                            "hour", "hours", "h", "H", "day", "days", "d", "Days", "week", "weeks", "wk", "wks",
                            "month", "months", "mo", "mos", "MONTHS", "year", "years", "y", "m", "tons", "tomato",
                            "to", "To", "s", "µm", "mm2", "mmm", "abcdefghij", "é"]
        static let blanks = ["", "", "", " ", " ", "  ", "\t", " \t "]
        static let separators = ["-", "-", "–", "to", "TO", "To", "—", "--", "~", "/", ",", "- -", "to to"]
        static let garbage = ["#", "x", "é", "\u{301}", "\u{A0}", "\n", "%", "(", "1", ".", "-", "to", "\u{2013}", "\u{7}"]
    }

    static func pick<G: RandomNumberGenerator>(_ list: [String], _ g: inout G) -> String {
        list[Int.random(in: 0 ..< list.count, using: &g)]
    }

    /// A random number: from the list, or digits with or without a fraction.
    static func number<G: RandomNumberGenerator>(_ g: inout G) -> String {
        if Bool.random(using: &g) { return pick(Pieces.numbers, &g) }
        func digits(_ count: Int, _ g: inout G) -> String {
            (0 ..< count).map { _ in String(Int.random(in: 0 ... 9, using: &g)) }.joined()
        }
        let long = Int.random(in: 0 ..< 10, using: &g) == 0
        let whole = digits(long ? Int.random(in: 4 ... 20, using: &g) : Int.random(in: 1 ... 3, using: &g), &g)
        guard Bool.random(using: &g) else { return whole }
        return whole + "." + digits(Int.random(in: 1 ... 4, using: &g), &g)
    }

    /// A random range text: a bound, or two with a separator; parts dropped, pieces of
    /// garbage put anywhere now and then.
    static func text<G: RandomNumberGenerator>(_ g: inout G) -> String {
        func bound(_ g: inout G) -> String {
            var text = number(&g)
            if Int.random(in: 0 ..< 3, using: &g) > 0 { text += pick(Pieces.blanks, &g) + pick(Pieces.units, &g) }
            return text
        }
        var parts = [pick(Pieces.blanks, &g), bound(&g)]
        if Int.random(in: 0 ..< 4, using: &g) > 0 {
            parts += [pick(Pieces.blanks, &g), pick(Pieces.separators, &g), pick(Pieces.blanks, &g), bound(&g)]
        }
        parts.append(pick(Pieces.blanks, &g))
        if Int.random(in: 0 ..< 5, using: &g) == 0 {
            parts.insert(pick(Pieces.garbage, &g), at: Int.random(in: 0 ... parts.count, using: &g))
        }
        if Int.random(in: 0 ..< 8, using: &g) == 0 { parts.remove(at: Int.random(in: 0 ..< parts.count, using: &g)) }
        return parts.joined()
    }

    @Test("thousands of generated texts", arguments: [1, 2])
    func generated(seed: UInt64) {
        var g = SplitMix64(state: seed)
        let texts = (0 ..< 2500).map { _ in Self.text(&g) }
        let valid = Self.compare(texts)
        // Enough of both kinds for the comparison to mean something (about one in seven reads).
        #expect(valid > 250)
        #expect(valid < 2000)
    }
}
