// swift-tools-version: 6.1
// Benchmarks of the catalogue loader, kept in their own package so that the main package
// does not depend on package-benchmark or its malloc interposer.
// Run them with `./run.sh` (it generates the catalogues first); see README.md.
import PackageDescription

// DWARF 4 for the C targets: clang's default, DWARF 5, stops valgrind 3.19 ("debuginfo
// reader: ensure_valid failed"), and commands.sh runs the floor under callgrind.
let dwarf4: [CSetting] = [.unsafeFlags(["-gdwarf-4"])]

let package = Package(
    name: "mesotherapy-catalogue-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "mesotherapy-catalogue", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The libyaml floor: a bare C loop of yaml_parser_parse over the same files.
        .target(
            name: "LibYAMLFloor",
            path: "Sources/LibYAMLFloor",
            cSettings: dwarf4,
            linkerSettings: [.linkedLibrary("yaml")]
        ),
        // The floor as an executable, for the whole-process measurements of commands.sh.
        .executableTarget(
            name: "LibYAMLFloorRun",
            dependencies: ["LibYAMLFloor"],
            path: "Sources/LibYAMLFloorRun",
            cSettings: dwarf4
        ),
        // Loads the generated catalogues once and prints the loader's diagnostics (run.sh
        // runs it first, so that a broken catalogue is never measured).
        .executableTarget(
            name: "CatalogueCheck",
            dependencies: [.product(name: "PreparationRegistry", package: "mesotherapy-catalogue")],
            path: "Sources/CatalogueCheck"
        ),
        .executableTarget(
            name: "LoaderBenchmarks",
            dependencies: [
                "LibYAMLFloor",
                .product(name: "PreparationRegistry", package: "mesotherapy-catalogue"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/LoaderBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
        // Registry queries: time against the number of results and the catalogue's size.
        .executableTarget(
            name: "QueryBenchmarks",
            dependencies: [
                .product(name: "PreparationRegistry", package: "mesotherapy-catalogue"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/QueryBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ]
)
