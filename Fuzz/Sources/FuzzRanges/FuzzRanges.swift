// Fuzz target `ranges`: the input is a range text (its bytes as a string, invalid UTF-8
// replaced), written as a double-quoted string (so its value is exactly that text) into every
// field that takes a range or a quantity: depth, residence, session-time, sessions, interval,
// dosing's per-point, spacing and max-per-session, an ingredient's concentration, a side
// effect's `lasts`, an aftercare `for`. One document per field, in one file, loaded with
// `load(files:)`.
//
// The loader reads common valid texts on a fast path (FastRanges.swift) straight from the bytes
// and everything else on the general path, which is not public. Two public ways reach the
// general path with the same value:
//   - the text with 16 zeros put before its first digit (`0.5-2 mm` -> `00000000000000000.5-2
//     mm`): the fast path takes at most 15 digits, so this text always goes the general way,
//     and reads to the same numbers. Each field is loaded with both texts; when the original
//     loads, the padded one must load to the same value, and the other way round.
//   - the public readers built on the general path: `Concentration.parse(_:)` (the general
//     path of a concentration) and `Quantity<DurationUnit>.parseDuration(_:)` (one duration,
//     by the general range reader).
// Any difference traps.
import FuzzSupport
import PreparationRegistry
#if canImport(Glibc)
import Glibc
#endif

let file: String = {
    let folder = Fuzz.folder + "/ranges"
    Fuzz.makeFolders(folder)
    return folder + "/ranges.yaml"
}()
let loader = CatalogueLoader()
/// With FUZZ_VERBOSE set, each field's values are printed (to see what an input reads to).
let verbose = getenv("FUZZ_VERBOSE") != nil

/// A field that takes the text: the top-level lines that put it there, and its value read back.
struct Field: Sendable {
    var name: String
    var overrides: @Sendable (String) -> [String: String]
    var value: @Sendable (Preparation) -> AnyHashable?
}

/// A preparation with every required key; `overrides` replace or add top-level lines.
func document(id: String, _ overrides: [String: String]) -> String {
    let base: [(String, String)] = [
        ("id", id), ("name", "Range test"), ("ingredients", "[glycerol]"), ("regions", "[face]"),
        ("indications", "[dehydration]"), ("techniques", "[nappage]"), ("depth", "0.5-2 mm"),
        ("residence", "3-30 days"), ("protocol", "[{phase: induction, sessions: 1}]"),
    ]
    var lines = base.map { "\($0.0): \(overrides[$0.0] ?? $0.1)" }
    for (key, value) in overrides.sorted(by: { $0.key < $1.key }) where !base.contains(where: { $0.0 == key }) {
        lines.append("\(key): \(value)")
    }
    return lines.joined(separator: "\n") + "\n"
}

let fields: [Field] = [
    Field(name: "depth", overrides: { ["depth": $0] }, value: { $0.depth }),
    Field(name: "residence", overrides: { ["residence": $0] }, value: { $0.residence }),
    Field(name: "session-time", overrides: { ["session-time": $0] }, value: { $0.sessionTime }),
    Field(name: "sessions", overrides: { ["protocol": "[{phase: induction, sessions: \($0), interval: 2 weeks}]"] },
          value: { $0.phases.first?.sessions }),
    Field(name: "interval", overrides: { ["protocol": "[{phase: induction, sessions: 2-3, interval: \($0)}]"] },
          value: { $0.phases.first?.interval }),
    Field(name: "per-point", overrides: { ["dosing": "{per-point: \($0), spacing: 5-10 mm}"] },
          value: { $0.dosing?.perPoint }),
    Field(name: "spacing", overrides: { ["dosing": "{per-point: 0.01-0.05 ml, spacing: \($0)}"] },
          value: { $0.dosing?.spacing }),
    Field(name: "max-per-session", overrides: { ["dosing": "{per-point: 0.01-0.05 ml, spacing: 5-10 mm, max-per-session: \($0)}"] },
          value: { $0.dosing?.maxPerSession }),
    Field(name: "concentration", overrides: { ["ingredients": "[{name: glycerol, concentration: \($0)}]"] },
          value: { $0.ingredients.first?.concentration }),
    Field(name: "lasts", overrides: { ["side-effects": "[{effect: Redness, lasts: \($0)}]"] },
          value: { $0.sideEffects.first?.lasts }),
    Field(name: "for", overrides: { ["aftercare": "[{instruction: Rest, for: \($0)}]"] },
          value: { $0.aftercare.first?.duration }),
]

/// The text with 16 zeros before its first digit, when it starts (after spaces and tabs) with
/// one; nil otherwise (the fast path refuses such a text anyway).
func padded(_ text: String) -> String? {
    let utf8 = Array(text.utf8)
    var i = 0
    while i < utf8.count, utf8[i] == 32 || utf8[i] == 9 { i += 1 }
    guard i < utf8.count, utf8[i] >= 48, utf8[i] <= 57 else { return nil }
    return String(decoding: utf8[..<i] + Array("0000000000000000".utf8) + utf8[i...], as: UTF8.self)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let zeros = padded(text)
    var documents: [String] = []
    for (index, field) in fields.enumerated() {
        documents.append(document(id: "f\(index)-as-written", field.overrides(Fuzz.doubleQuoted(text))))
        if let zeros {
            documents.append(document(id: "f\(index)-padded", field.overrides(Fuzz.doubleQuoted(zeros))))
        }
    }
    Fuzz.writeFile(documents.joined(separator: "---\n"), to: file)
    let result = loader.load(files: [file])
    Fuzz.touch(result)
    var byID: [String: Preparation] = [:]
    for preparation in result.preparations { byID[preparation.id] = preparation }
    func explain(_ what: String) -> Never {
        Fuzz.fail("\(what)\ntext: \(Fuzz.doubleQuoted(text))\n--- diagnostics\n\(Fuzz.text(of: result.diagnostics))")
    }
    for (index, field) in fields.enumerated() {
        let written = byID["f\(index)-as-written"].flatMap(field.value)
        if verbose {
            print("\(field.name): \(written.map { "\($0)" } ?? "error") / padded: \(byID["f\(index)-padded"].flatMap(field.value).map { "\($0)" } ?? "error")")
        }
        if let zeros {
            let general = byID["f\(index)-padded"].flatMap(field.value)
            if written != general {
                explain("\(field.name): the text reads to \(written.map { "\($0)" } ?? "an error"), but with zeros before it (general path: \(Fuzz.doubleQuoted(zeros))) to \(general.map { "\($0)" } ?? "an error")")
            }
        }
        if field.name == "concentration" {
            let parsed = Concentration.parse(text)
            if written != parsed.map(AnyHashable.init) {
                explain("concentration: the loader reads \(written.map { "\($0)" } ?? "an error"), Concentration.parse \(parsed.map { "\($0)" } ?? "nil")")
            }
        }
        if field.name == "residence", let single = Quantity<DurationUnit>.parseDuration(text), single.value.isFinite {
            let expected = AnyHashable(DurationRange(min: single, max: single))
            if written != expected {
                explain("residence: the loader reads \(written.map { "\($0)" } ?? "an error"), parseDuration \(single)")
            }
        }
    }
    return 0
}
