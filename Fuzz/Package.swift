// swift-tools-version: 5.4
// (5.4 on purpose: from 5.5 on, SwiftPM renames an executable's entry point to `<Module>_main`
// and links `main` to it, which libFuzzer's own `main` cannot satisfy.)
// libFuzzer targets for the catalogue loader, kept in their own package (like Benchmarks/) so
// that the main package is never built with the fuzzer's instrumentation or unsafe flags.
// Run them with `./run.sh [seconds per target]`; see README.md, "Fuzzing".
import PackageDescription

// The main package's `package` symbols (the loader's parts the targets drive on their own:
// load(files:), the YAML reader and emitter, the range parsers), without making them public:
// SwiftPM compiles every module of the main package with `-package-name <its identity>`, and
// a module compiled with the same name sees them. The identity of a path dependency is its
// folder's name, lowercased and made a C identifier ("main" for /work/main, "my_clone_2" for
// ~/My-Clone.2), so it is computed here from this file's own path, Fuzz/Package.swift: any
// clone, under any name, builds. (Tools version 5.4 has no `Context.packageDirectory`; SwiftPM
// passes no `-package-name` of its own to a 5.4 package's targets, so this one is the only one.)
let mainPackageAccess = ["-package-name", packageName(ofFolder: #filePath)]

// The same function stands in Fuzz/Package.swift and Benchmarks/Package.swift: a manifest is
// one file and cannot import code from another, so it is written twice; change both together.
/// SwiftPM's `-package-name` for the package in the folder above `manifest`'s folder: the
/// folder's name lowercased, each character that cannot stand in a C identifier made `_`, and
/// `_` before a leading digit.
func packageName(ofFolder manifest: String) -> String {
    let parts = manifest.split(separator: "/")
    let folder = parts.count >= 3 ? parts[parts.count - 3].lowercased() : ""
    var name = ""
    for scalar in folder.unicodeScalars {
        switch scalar {
        case "a"..."z", "0"..."9", "_": name.unicodeScalars.append(scalar)
        case _ where scalar.value >= 0x80: name.unicodeScalars.append(scalar)
        default: name += "_"
        }
    }
    if let first = name.unicodeScalars.first, ("0"..."9").contains(first) { name = "_" + name }
    return name
}

// Each target's file defines `LLVMFuzzerTestOneInput`, and libFuzzer supplies `main`, linked
// here only. The instrumentation (AddressSanitizer and libFuzzer's coverage) comes from the
// build command, for every module (see run.sh): SwiftPM's `--sanitize=fuzzer` cannot be used,
// since it compiles every executable with `-parse-as-library`, the main package's build tool
// (CatalogueEmbedder) included, which then fails to compile.
let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"] + mainPackageAccess)]
let libFuzzer: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
let library: [Target.Dependency] = [
    "FuzzSupport",
    .product(name: "PreparationRegistry", package: "mesotherapy-catalogue"),
    .product(name: "YAMLReader", package: "mesotherapy-catalogue"),
]

let package = Package(
    name: "mesotherapy-catalogue-fuzz",
    dependencies: [
        .package(name: "mesotherapy-catalogue", path: ".."),
    ],
    targets: [
        // Shared by the targets: the per-process scratch folder, touching a load's results, traps.
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "PreparationRegistry", package: "mesotherapy-catalogue"),
                .product(name: "YAMLReader", package: "mesotherapy-catalogue"),
            ],
            swiftSettings: [.unsafeFlags(mainPackageAccess)]
        ),
        // A preparation file: load(files:) against load(catalogueAt:) (the two-thread reader).
        .executableTarget(name: "FuzzLoader", dependencies: library, swiftSettings: fuzzTarget, linkerSettings: libFuzzer),
        // A range text in every range field: the fast path against the general one.
        .executableTarget(name: "FuzzRanges", dependencies: library, swiftSettings: fuzzTarget, linkerSettings: libFuzzer),
        // A catalogue.yaml beside one fixed valid preparation.
        .executableTarget(name: "FuzzManifest", dependencies: library, swiftSettings: fuzzTarget, linkerSettings: libFuzzer),
        // Preparations and YAML documents written back by the emitter and read again.
        .executableTarget(name: "FuzzRoundTrip", dependencies: library, swiftSettings: fuzzTarget, linkerSettings: libFuzzer),
    ]
)
