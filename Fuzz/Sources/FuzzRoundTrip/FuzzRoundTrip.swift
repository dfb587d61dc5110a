// Fuzz target `roundtrip`: the input is YAML.
//
// 1. The input is read as YAML (`YAMLDocumentReader`); every document read is written back by
//    `YAMLEmitter` and read again: the values must be the same tree (keys in the same order,
//    scalars resolving to the same values, strings the same text).
// 2. The input is loaded as a preparation file; when it is valid, its preparations are written
//    with `PreparationYAML`, loaded again, and must be valid with the same canonical JSON
//    (`PreparationJSON`).
// Any difference, or an emitter failure on what was read, traps.
import FuzzSupport
import PreparationRegistry
import YAMLReader

let folder: String = {
    let path = Fuzz.folder + "/roundtrip"
    Fuzz.makeFolders(path)
    return path
}()
let inputFile = folder + "/input.yaml"
let writtenFile = folder + "/written.yaml"
let loader = CatalogueLoader()
let reader = YAMLDocumentReader()

/// At most this many bytes of scalar text are written back: aliases may repeat a long scalar
/// thousands of times (the reader bounds the nodes aliases add, not their bytes).
let writeBudget = 4 << 20

/// A read node as the emitter's value; nil when its text is over the budget.
func emitterNode(_ node: YAMLNode, budget: inout Int) -> DataValue? {
    switch node.content {
    case .scalar(let scalar):
        budget -= scalar.text.utf8.count + 8
        guard budget >= 0 else { return nil }
        switch scalar.value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let d): return .double(d)
        case .string: return .string(scalar.text)
        }
    case .sequence(let items):
        var nodes: [DataValue] = []
        for item in items {
            guard let node = emitterNode(item, budget: &budget) else { return nil }
            nodes.append(node)
        }
        return .array(nodes)
    case .mapping(let entries):
        var out: [(String, DataValue)] = []
        for entry in entries {
            budget -= entry.key.utf8.count + 8
            guard budget >= 0, let value = emitterNode(entry.value, budget: &budget) else { return nil }
            out.append((entry.key, value))
        }
        return .object(out)
    }
}

func yamlRoundTrip(_ bytes: UnsafeBufferPointer<UInt8>) {
    let read = reader.read(bytes, file: "input.yaml")
    var budget = writeBudget
    var nodes: [DataValue] = []
    for document in read.documents {
        guard let node = emitterNode(document.root, budget: &budget) else { return }
        nodes.append(node)
    }
    guard !nodes.isEmpty else { return }
    let text: String
    do {
        text = try YAMLEmitter().emit(documents: nodes)
    } catch {
        Fuzz.fail("YAMLEmitter cannot write what the reader read: \(error)")
    }
    let again = reader.read(Array(text.utf8), file: "written.yaml")
    if !again.errors.isEmpty {
        Fuzz.fail("the emitter's text does not read back: \(again.errors.map(\.message))\n--- written\n\(text)")
    }
    var unlimited = Int.max
    let back = again.documents.compactMap { emitterNode($0.root, budget: &unlimited) }
    // DataValue's ==: NaN equals NaN, 0.0 equals -0.0.
    if back.count != nodes.count || nodes != back {
        Fuzz.fail("the emitter's text reads back as other values\n--- read\n\(nodes)\n--- read back\n\(back)\n--- written\n\(text)")
    }
}

func preparationRoundTrip(_ bytes: UnsafeBufferPointer<UInt8>) {
    Fuzz.writeFile(bytes, to: inputFile)
    let first = loader.load(files: [inputFile])
    guard first.isValid, !first.preparations.isEmpty else { return }
    let text: String
    do {
        text = try PreparationYAML.encode(first.preparations)
    } catch {
        Fuzz.fail("PreparationYAML cannot write valid preparations: \(error)")
    }
    Fuzz.writeFile(text, to: writtenFile)
    let second = loader.load(files: [writtenFile])
    if !second.isValid {
        Fuzz.fail("PreparationYAML's text does not load\n--- diagnostics\n\(Fuzz.text(of: second.diagnostics))\n--- written\n\(text)")
    }
    let before = PreparationJSON.encode(first.preparations)
    let after = PreparationJSON.encode(second.preparations)
    if before != after {
        Fuzz.fail("PreparationYAML's text loads as other preparations\n--- canonical JSON before\n\(before)\n--- after\n\(after)\n--- written\n\(text)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    yamlRoundTrip(bytes)
    preparationRoundTrip(bytes)
    return 0
}
