// swift-tools-version: 6.1
// Benchmarks of the catalogue loader, kept in their own package so that the main package
// does not depend on package-benchmark or its malloc interposer.
// Run them with `./run.sh` (it generates the catalogues first); see README.md.
import PackageDescription

// DWARF 4 for the C targets: clang's default, DWARF 5, stops valgrind 3.19 ("debuginfo
// reader: ensure_valid failed"), and commands.sh runs the floor under callgrind.
let dwarf4: [CSetting] = [.unsafeFlags(["-gdwarf-4"])]

// The main package's `package` symbols (Registry(manifest:preparations:) and the like), without
// making them public: SwiftPM compiles every module of the main package with `-package-name
// <its identity>`, and a module compiled with the same name sees them. The identity of a path
// dependency is its folder's name, lowercased and made a C identifier ("main" for /work/main,
// "my_clone_2" for ~/My-Clone.2), computed here from this package's folder so that any clone
// builds. The targets that use it say `packageAccess: false`, so that SwiftPM passes no
// `-package-name` of its own ("benchmarks") beside this one.
let mainPackageAccess: [SwiftSetting] = [.unsafeFlags(["-package-name", packageName(ofParentOf: Context.packageDirectory)])]

// The same function stands in Fuzz/Package.swift and Benchmarks/Package.swift: a manifest is
// one file and cannot import code from another, so it is written twice; change both together.
/// SwiftPM's `-package-name` for the package in the folder above `folder`: the folder's name
/// lowercased, each character that cannot stand in a C identifier made `_`, and `_` before a
/// leading digit.
func packageName(ofParentOf folder: String) -> String {
    let parts = folder.split(separator: "/")
    let parent = parts.count >= 2 ? parts[parts.count - 2].lowercased() : ""
    var name = ""
    for scalar in parent.unicodeScalars {
        switch scalar {
        case "a"..."z", "0"..."9", "_": name.unicodeScalars.append(scalar)
        case _ where scalar.value >= 0x80: name.unicodeScalars.append(scalar)
        default: name += "_"
        }
    }
    if let first = name.unicodeScalars.first, ("0"..."9").contains(first) { name = "_" + name }
    return name
}

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
            path: "Sources/CatalogueCheck",
            packageAccess: false,
            swiftSettings: mainPackageAccess
        ),
        .executableTarget(
            name: "LoaderBenchmarks",
            dependencies: [
                "LibYAMLFloor",
                .product(name: "PreparationRegistry", package: "mesotherapy-catalogue"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/LoaderBenchmarks",
            packageAccess: false,
            swiftSettings: mainPackageAccess,
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
            packageAccess: false,
            swiftSettings: mainPackageAccess,
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ]
)
