// Fuzz target `loader`: the input is one preparation file.
//
// It is loaded twice: with `load(files:)`, which reads a file on the calling thread, document by
// document, and with `load(catalogueAt:)` of a catalogue folder holding just that file, which
// reads on two threads (a reading thread records libyaml's events, this one replays and decodes
// them). The public API has no switch between the two paths, so a one-file catalogue is the
// cheapest way to reach the second. Both must give the same diagnostics (as rendered text) and
// the same preparations; any difference traps. Everything the loads give is then used as
// `catalog` would: diagnostics rendered, registry queried, preparations encoded.
import FuzzSupport
import PreparationRegistry

let catalogue = Fuzz.folder + "/loader"
let file: String = {
    Fuzz.makeFolders(catalogue + "/preparations")
    return catalogue + "/preparations/input.yaml"
}()
let loader = CatalogueLoader()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Fuzz.writeFile(UnsafeBufferPointer(start: data, count: size), to: file)
    let single = loader.load(files: [file])
    let threaded = loader.load(catalogueAt: catalogue)
    Fuzz.touch(single)
    let singleText = Fuzz.text(of: single.diagnostics)
    let threadedText = Fuzz.text(of: threaded.diagnostics)
    if singleText != threadedText {
        Fuzz.fail("load(files:) and load(catalogueAt:) disagree on the diagnostics\n--- load(files:)\n\(singleText)\n--- load(catalogueAt:)\n\(threadedText)")
    }
    if single.preparations != threaded.preparations {
        Fuzz.fail("load(files:) and load(catalogueAt:) disagree on the preparations\n--- load(files:)\n\(single.preparations.map(\.id))\n--- load(catalogueAt:)\n\(threaded.preparations.map(\.id))")
    }
    if single.omitted != threaded.omitted || single.isValid != threaded.isValid || (single.registry == nil) != (threaded.registry == nil) || single.fileCount != threaded.fileCount
    {
        Fuzz.fail("load(files:) and load(catalogueAt:) disagree on the counts: omitted \(single.omitted) / \(threaded.omitted), valid \(single.isValid) / \(threaded.isValid), files \(single.fileCount) / \(threaded.fileCount)")
    }
    return 0
}
