// Fuzz target `manifest`: the input is the `catalogue.yaml` of a catalogue folder that also
// holds one fixed valid preparation. The folder is loaded (`load(catalogueAt:)`), its manifest
// alone (`loadManifest(catalogueAt:)`), and both files named one by one (`load(files:)`); all
// three read the manifest the same way, so the manifests they give must be equal (a difference
// traps). Everything the load gives is used as `catalog` would.
import FuzzSupport
import PreparationRegistry

let catalogue = Fuzz.folder + "/manifest"
let manifestFile = catalogue + "/" + CatalogueLoader.manifestName
let preparationFile: String = {
    Fuzz.makeFolders(catalogue + "/preparations")
    let path = catalogue + "/preparations/minimal.yaml"
    Fuzz.writeFile("""
        id: minimal
        name: Minimal
        ingredients: [{name: glycerol, class: humectant, concentration: 1.5 %}]
        regions: [face, scalp]
        indications: [dehydration]
        techniques: [nappage]
        depth: 0.5-2 mm
        residence: 3-30 days
        contraindications: [pregnancy]
        side-effects: [{effect: Redness, lasts: 1-2 days, frequency: common}]
        protocol:
          - {phase: induction, sessions: 3-4, interval: 1-2 weeks}
          - {phase: maintenance, sessions: 1, interval: 6 months, repeat: true}

        """, to: path)
    return path
}()
let loader = CatalogueLoader()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = preparationFile
    Fuzz.writeFile(UnsafeBufferPointer(start: data, count: size), to: manifestFile)
    let whole = loader.load(catalogueAt: catalogue)
    Fuzz.touch(whole)
    let alone = loader.loadManifest(catalogueAt: catalogue)
    Fuzz.touch(alone)
    let named = loader.load(files: [manifestFile, preparationFile])
    if whole.manifest != alone.manifest || whole.manifest != named.manifest {
        Fuzz.fail("the manifest reads differently: load(catalogueAt:) \(whole.manifest.name ?? "-"), loadManifest(catalogueAt:) \(alone.manifest.name ?? "-"), load(files:) \(named.manifest.name ?? "-")\n--- diagnostics\n\(Fuzz.text(of: whole.diagnostics))")
    }
    if named.preparations.map(\.id) != whole.preparations.map(\.id) {
        Fuzz.fail("the preparation reads differently beside this manifest: load(catalogueAt:) \(whole.preparations.map(\.id)), load(files:) \(named.preparations.map(\.id))\n--- diagnostics\n\(Fuzz.text(of: whole.diagnostics))\n--- load(files:)\n\(Fuzz.text(of: named.diagnostics))")
    }
    return 0
}
