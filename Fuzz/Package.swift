// swift-tools-version: 5.4
// (5.4 on purpose: from 5.5 on, SwiftPM renames an executable's entry point to `<Module>_main`
// and links `main` to it, which libFuzzer's own `main` cannot satisfy.)
// libFuzzer targets for the catalogue loader, kept in their own package (like Benchmarks/) so
// that the main package is never built with the fuzzer's instrumentation or unsafe flags.
// Run them with `./run.sh [seconds per target]`; see README.md, "Fuzzing".
import PackageDescription

// Each target's file defines `LLVMFuzzerTestOneInput`, and libFuzzer supplies `main`, linked
// here only. The instrumentation (AddressSanitizer and libFuzzer's coverage) comes from the
// build command, for every module (see run.sh): SwiftPM's `--sanitize=fuzzer` cannot be used,
// since it compiles every executable with `-parse-as-library`, the main package's build tool
// (CatalogueEmbedder) included, which then fails to compile.
let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
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
            ]
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
