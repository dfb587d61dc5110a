// Loads each generated catalogue once, outside any measurement, and prints what the loader
// says about it: a benchmark of a catalogue with errors (or unexpected warnings) would
// measure the wrong thing. Exits 1 when any catalogue has an error.
//
//   swift run -c release CatalogueCheck CATALOGUE_FOLDER ...

import PreparationRegistry

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let folders = CommandLine.arguments.dropFirst()
if folders.isEmpty {
    print("usage: CatalogueCheck CATALOGUE_FOLDER ...")
    exit(2)
}
var failed = false
for folder in folders {
    let result = CatalogueLoader().load(catalogueAt: folder)
    print("\(folder): \(result.preparations.count) preparations in \(result.fileCount) files, "
        + "\(result.errorCount) errors, \(result.warningCount) warnings")
    for diagnostic in result.diagnostics.prefix(20) {
        print("  \(diagnostic)")
    }
    if result.diagnostics.count > 20 {
        print("  ... and \(result.diagnostics.count - 20) more")
    }
    if result.registry == nil { failed = true }
}
exit(failed ? 1 : 0)
