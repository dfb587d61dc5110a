import Foundation
@testable import PreparationRegistry
import Testing
import YAMLReader

/// A preparation text whose `dosing` is `dosing` (the lines from `dosing:` on): `dosing:` is
/// line 12 of the document.
func dosingText(_ id: String, _ dosing: String) -> String {
    preparationText(id, extra: dosing)
}

/// Loads one file holding `text` and gives its diagnostics as `LINE:COLUMN: severity: message`,
/// and the preparations read.
func loadDosing(_ text: String) throws -> (diagnostics: [String], preparations: [Preparation]) {
    let catalogue = try TemporaryCatalogue(files: ["p.yaml": text])
    defer { catalogue.remove() }
    let result = catalogue.load()
    return (result.diagnostics.map(shortForm), result.preparations)
}

func ml(_ min: Double, _ max: Double) -> VolumeRange {
    VolumeRange(min: Quantity(min, .ml), max: Quantity(max, .ml))
}

func spacing(_ min: Double, _ minUnit: SpacingUnit, _ max: Double, _ maxUnit: SpacingUnit) -> SpacingRange {
    SpacingRange(min: Quantity(min, minUnit), max: Quantity(max, maxUnit))
}

@Suite("Dosing (format 1.1, section 2.6)")
struct DosingTests {
    // MARK: Valid

    @Test("text forms: a range and spacing in mm, a single volume spelt mL and spacing in cm, en dash and `to`, mixed units")
    func textForms() throws {
        let text = dosingText("mm", "dosing:\n  per-point: 0.1-0.2 ml\n  spacing: 5-10 mm")
            + "---\n" + dosingText("cm", "dosing:\n  per-point: 0.2 mL\n  spacing: 1 cm\n  max-per-session: 10 ML")
            + "---\n" + dosingText("dash", "dosing:\n  per-point: 0.05\u{2013}0.1 Ml\n  spacing: 0.5 to 1 CM")
            + "---\n" + dosingText("mixed", "dosing:\n  per-point: 0.01ml-0.05ml\n  spacing: 5 mm - 1 cm\n  max-per-session: 2-2 ml")
        let loaded = try loadDosing(text)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let byID = Dictionary(uniqueKeysWithValues: loaded.preparations.map { ($0.id, $0.dosing) })
        #expect(byID["mm"] == Dosing(perPoint: ml(0.1, 0.2), spacing: spacing(5, .mm, 10, .mm)))
        #expect(byID["cm"] == Dosing(perPoint: ml(0.2, 0.2), spacing: spacing(1, .cm, 1, .cm), maxPerSession: Quantity(10, .ml)))
        #expect(byID["dash"] == Dosing(perPoint: ml(0.05, 0.1), spacing: spacing(0.5, .cm, 1, .cm)))
        #expect(byID["mixed"] == Dosing(perPoint: ml(0.01, 0.05), spacing: spacing(5, .mm, 1, .cm), maxPerSession: Quantity(2, .ml)))
    }

    @Test("mapping forms, a flow mapping, x- keys inside; `dosing:` empty or left out is no dosing")
    func mappingForms() throws {
        let text = dosingText("mapped", """
            dosing:
              per-point: {min: 0.1, max: 0.2, unit: mL}
              spacing: {min: 1, max: 2, unit: cm}
              max-per-session: {min: 10, max: 10, unit: ml}
              x-note: kept out of the model
            """)
            + "---\n" + dosingText("flow", "dosing: {per-point: 0.2 ml, spacing: 1 cm}")
            + "---\n" + dosingText("empty", "dosing:")
            + "---\n" + dosingText("absent", "")
        let loaded = try loadDosing(text)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let byID = Dictionary(uniqueKeysWithValues: loaded.preparations.map { ($0.id, $0.dosing) })
        #expect(byID["mapped"] == Dosing(perPoint: ml(0.1, 0.2), spacing: spacing(1, .cm, 2, .cm), maxPerSession: Quantity(10, .ml)))
        #expect(byID["flow"] == Dosing(perPoint: ml(0.2, 0.2), spacing: spacing(1, .cm, 1, .cm)))
        #expect(byID["empty"] == .some(nil))
        #expect(byID["absent"] == .some(nil))
    }

    @Test("location(of:) still finds every key now that the table has dosing")
    func keyPlaces() throws {
        let catalogue = try TemporaryCatalogue(files: ["p.yaml": dosingText(
            "p", "dosing:\n  per-point: 0.2 ml\n  spacing: 1 cm\nnotes: After dosing\ndeprecated: {because: Old}")])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let p = try #require(result.preparations.first)
        let file = catalogue.display("preparations/p.yaml")
        #expect(p.location(of: "depth") == SourceLocation(file: file, line: 7, column: 8))
        #expect(p.location(of: "dosing") == SourceLocation(file: file, line: 13, column: 3))
        #expect(p.location(of: "notes") == SourceLocation(file: file, line: 15, column: 8))
        #expect(p.location(of: "deprecated") == SourceLocation(file: file, line: 16, column: 13))
        #expect(p.location(of: "sources") == SourceLocation(file: file, line: 17, column: 10))
        #expect(FormatFields.preparation.map(\.key).firstIndex(of: "dosing")
                == FormatFields.preparation.map(\.key).firstIndex(of: "session-time").map { $0 + 1 })
    }

    // MARK: Invalid, each error at its node

    /// The diagnostics of a preparation whose dosing lines (from line 12) are `dosing`.
    func diagnostics(_ dosing: String) throws -> [String] {
        let loaded = try loadDosing(dosingText("p", dosing))
        #expect(loaded.preparations.isEmpty)
        return loaded.diagnostics
    }

    @Test("a zero bound is refused, in text and in a mapping (at its min)")
    func zero() throws {
        #expect(try diagnostics("dosing:\n  per-point: 0-0.2 ml\n  spacing: 1 cm") == [
            "13:14: error: 'per-point' must be above zero, not '0-0.2 ml'",
        ])
        #expect(try diagnostics("dosing:\n  per-point: 0.2 ml\n  spacing: 0 mm") == [
            "14:12: error: 'spacing' must be above zero, not '0 mm'",
        ])
        #expect(try diagnostics("dosing:\n  per-point: {min: 0.0, max: 0.2, unit: mL}\n  spacing: 1 cm") == [
            "13:20: error: 'per-point' must be above zero, not '0-0.2 ml'",
        ])
        #expect(try diagnostics("dosing:\n  per-point: 0.2 ml\n  spacing: 1 cm\n  max-per-session: 0 ml") == [
            "15:20: error: 'max-per-session' must be above zero, not '0 ml'",
        ])
        #expect(try diagnostics("dosing:\n  per-point: 0.2 ml\n  spacing: {min: -1, max: 1, unit: cm}") == [
            "14:18: error: 'min' must not be negative",
        ])
    }

    @Test("max-per-session is one volume")
    func maxPerSession() throws {
        #expect(try diagnostics("dosing:\n  per-point: 0.2 ml\n  spacing: 1 cm\n  max-per-session: 5-10 ml") == [
            "15:20: error: 'max-per-session' must be one volume, such as '10 ml', not the range '5-10 ml'",
        ])
        #expect(try diagnostics("dosing:\n  per-point: 0.2 ml\n  spacing: 1 cm\n  max-per-session: {min: 5, max: 10, unit: ml}") == [
            "15:20: error: 'max-per-session' must be one volume, such as '10 ml', not the range '5-10 ml'",
        ])
        #expect(try diagnostics("dosing:\n  per-point: 0.2 ml\n  spacing: 1 cm\n  max-per-session: [10 ml]") == [
            "15:20: error: 'max-per-session' must be one volume, such as '10 ml', not a list",
        ])
    }

    @Test("units: volumes in ml, spacing in mm or cm, each told which quantity it is; depth still refuses cm")
    func units() throws {
        #expect(try diagnostics("dosing:\n  per-point: 0.1-0.2 mm\n  spacing: 1 cm") == [
            "13:14: error: 'mm' is a length unit, but this is a volume in '0.1-0.2 mm'; use ml",
        ])
        #expect(try diagnostics("dosing:\n  per-point: 0.2 ml\n  spacing: 1-2 ml") == [
            "14:12: error: 'ml' is a volume unit, but this is a length in '1-2 ml'; use mm or cm",
        ])
        #expect(try diagnostics("dosing:\n  per-point: 0.2 ml\n  spacing: 1 cm\n  max-per-session: 10 days") == [
            "15:20: error: 'days' is a duration unit, but this is a volume in '10 days'; use ml",
        ])
        #expect(try diagnostics("dosing:\n  per-point: 0.2 l\n  spacing: 1 m") == [
            "13:14: error: unknown volume unit 'l' in '0.2 l'; did you mean 'ml'?",
            "14:12: error: unknown length unit 'm' in '1 m'; did you mean 'mm'?",
        ])
        #expect(try diagnostics("dosing:\n  per-point: 0.2\n  spacing: {min: 1, max: 2}") == [
            "13:14: error: '0.2' needs a volume unit: ml",
            "14:12: error: 'spacing' needs a 'unit': mm or cm",
        ])
        #expect(try diagnostics("dosing:\n  per-point: 0.1 ml - 0.2\n  spacing: 2 cm - 5 mm") == [
            "13:14: error: '0.1 ml - 0.2' needs a unit on its upper bound too, such as '0.1 ml - 0.2 ml'",
            "14:12: error: range '2 cm - 5 mm' has its lower bound above its upper bound",
        ])
        let depth = try loadDosing(preparationText("p", depth: "0.5-2 cm", extra: "dosing:\n  per-point: 0.2 ml\n  spacing: 1 cm"))
        #expect(depth.diagnostics == ["7:8: error: unknown length unit 'cm' in '0.5-2 cm'; did you mean 'mm'?"])
    }

    @Test("shape: a mapping, per-point and spacing required, unknown keys with a suggestion, ranges of the right kind")
    func shape() throws {
        #expect(try diagnostics("dosing: 0.2 ml") == ["12:9: error: 'dosing' must be a mapping, not a string"])
        #expect(try diagnostics("dosing:\n  spacing: 1 cm") == ["13:3: error: missing required key 'per-point'"])
        #expect(try diagnostics("dosing: {per-point: 0.2 ml}") == ["12:9: error: missing required key 'spacing'"])
        #expect(try diagnostics("dosing:\n  per-point:\n  spacing: 1 cm") == ["13:13: error: 'per-point' needs a value"])
        #expect(try diagnostics("dosing:\n  per-point: 0.2 ml\n  spacing: 1 cm\n  max-per-sesion: 10 ml") == [
            "15:3: error: unknown key 'max-per-sesion'; did you mean 'max-per-session'?",
        ])
        #expect(try diagnostics("dosing:\n  per-point: [0.2 ml]\n  spacing: about 1 cm") == [
            "13:14: error: 'per-point' must be a volume range such as '0.1-0.2 ml', not a list",
            "14:12: error: 'about 1 cm' is not a length range; write it like '1-2 cm'",
        ])
        #expect(try diagnostics("dosing:\n  per-point: 0.2 ml\n  spacing: 1 cm\ndosng: 1") == [
            "15:1: error: unknown key 'dosng'; 'dosing' is given already in this mapping: remove one of the two, or merge them",
        ])
    }

    // MARK: The bundled catalogue

    @Test("bundled dosing: the figures of DOMAIN.md's sources, each named among the preparation's sources")
    func bundled() throws {
        let registry = try #require(CatalogueLoader().loadBundled().registry)
        let dosed = Dictionary(uniqueKeysWithValues: registry.preparations.compactMap { p in p.dosing.map { (p.id, $0) } })
        let consensus = Dosing(perPoint: ml(0.1, 0.2), spacing: spacing(2, .cm, 3, .cm))
        #expect(dosed == [
            "deoxycholic-acid-submental": Dosing(perPoint: ml(0.2, 0.2), spacing: spacing(1, .cm, 1, .cm), maxPerSession: Quantity(10, .ml)),
            "prp-scalp": Dosing(perPoint: ml(0.05, 0.1), spacing: spacing(1, .cm, 1, .cm), maxPerSession: Quantity(7, .ml)),
            "lightly-crosslinked-ha-booster": Dosing(perPoint: ml(0.01, 0.05), spacing: spacing(0.5, .cm, 1, .cm)),
            "phosphatidylcholine-deoxycholate-lipolysis": consensus,
            "cellulite-cocktail": consensus,
            "carnitine-caffeine-localized-fat": consensus,
            "peptide-growth-factor-hair": consensus,
        ])
        for (id, dosing) in dosed {
            let sources = try registry.preparation(id: id).sources
            #expect(sources.contains { $0.contains(dosing.perPoint.description) }, "\(id): no source gives \(dosing.perPoint)")
        }
    }

    // MARK: The fast path

    @Test("the fast path reads ml and cm, and gives what the general path gives for every range text of the fixture")
    func fastPathAgrees() throws {
        let units: [String: (inout NodeReader, YAMLNodeView, Bool) -> String?] = [
            "length": { r, n, fast in Self.read(&r, n, LengthUnit.self, fast) },
            "duration": { r, n, fast in Self.read(&r, n, DurationUnit.self, fast) },
            "volume": { r, n, fast in Self.read(&r, n, VolumeUnit.self, fast) },
            "spacing": { r, n, fast in Self.read(&r, n, SpacingUnit.self, fast) },
        ]
        let cases = try rangeTextCases().filter { units[$0.kind] != nil }
            + ["0.1-0.2 ml", "0.2 mL", "1-2 cm", "5 mm - 1 cm", "0.5 to 1 CM"].map {
                RangeTextCase(kind: $0.hasSuffix("ml") || $0.hasSuffix("mL") ? "volume" : "spacing", valid: true, quoted: "\"\($0)\"")
            }
        #expect(cases.contains { $0.kind == "volume" } && cases.contains { $0.kind == "spacing" })
        let yaml = Array(("[" + cases.map(\.quoted).joined(separator: ", ") + "]\n").utf8)
        var compared = 0, fastOnes = 0
        let problems = yaml.withUnsafeBufferPointer { bytes in
            YAMLDocumentReader().readFlat(bytes, file: "ranges.yaml") { document in
                guard let items = document.root.sequence else { return }
                for (item, node) in zip(cases, items) {
                    guard let read = units[item.kind] else { continue }
                    var generalReader = NodeReader()
                    let fast = read(&generalReader, node, true)
                    let general = read(&generalReader, node, false)
                    #expect(fast == general, "\(item)")
                    #expect(generalReader.diagnostics.count == (general == nil ? 1 : 0), "\(item)")
                    if let scalar = node.scalar, Self.fast(NodeReader(), scalar, item.kind) { fastOnes += 1 }
                    compared += 1
                }
            }
        }
        #expect(problems.isEmpty)
        #expect(compared == cases.count)
        #expect(fastOnes > cases.count / 2)
        // The dosing units take the fast path.
        let dosing = Array("[0.1-0.2 ml, 0.2 mL, 1-2 cm, 5 mm - 1 cm]\n".utf8)
        _ = dosing.withUnsafeBufferPointer { bytes in
            YAMLDocumentReader().readFlat(bytes, file: "dosing.yaml") { document in
                let scalars = document.root.sequence.map { $0.compactMap(\.scalar) } ?? []
                #expect(scalars.count == 4)
                let reader = NodeReader()
                #expect(reader.fastQuantityRange(scalars[0], VolumeUnit.self) == ml(0.1, 0.2))
                #expect(reader.fastQuantityRange(scalars[1], VolumeUnit.self) == ml(0.2, 0.2))
                #expect(reader.fastQuantityRange(scalars[2], SpacingUnit.self) == spacing(1, .cm, 2, .cm))
                #expect(reader.fastQuantityRange(scalars[3], SpacingUnit.self) == spacing(5, .mm, 1, .cm))
                #expect(reader.fastQuantityRange(scalars[2], LengthUnit.self) == nil)
                #expect(reader.fastQuantityRange(scalars[0], LengthUnit.self) == nil)
            }
        }
    }

    /// The range read from `node` by its success path alone (`fast`, no errors) or by the
    /// general path (with its errors), as text (nil when refused).
    static func read<U: MeasureUnit>(_ reader: inout NodeReader, _ node: YAMLNodeView, _ type: U.Type, _ fast: Bool) -> String? {
        let range = fast ? node.scalar.flatMap { reader.fastQuantityRange($0, U.self) }
            : reader.quantityRange(node, "range", U.self, example: "1-2")
        return range.map { "\($0.min.value) \($0.min.unit) \($0.max.value) \($0.max.unit)" }
    }

    /// True when the fast path reads the scalar as a range of the kind's unit.
    static func fast(_ reader: NodeReader, _ scalar: YAMLScalarView, _ kind: String) -> Bool {
        switch kind {
        case "length": return reader.fastQuantityRange(scalar, LengthUnit.self) != nil
        case "duration": return reader.fastQuantityRange(scalar, DurationUnit.self) != nil
        case "volume": return reader.fastQuantityRange(scalar, VolumeUnit.self) != nil
        default: return reader.fastQuantityRange(scalar, SpacingUnit.self) != nil
        }
    }
}
