// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "mesotherapy-catalogue",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "catalog", targets: ["CatalogCLI"]),
        .library(name: "PreparationRegistry", targets: ["PreparationRegistry"]),
        .library(name: "YAMLReader", targets: ["YAMLReader"]),
        // The course writers (JSON, iCalendar, FHIR): what `catalog course` prints, for other tools.
        .library(name: "Exporters", targets: ["Exporters"]),
        // The four area plugins of `catalog course`; other tools may import them or write their own.
        .library(name: "AreaPlugins", targets: ["AreaPlugins"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        // `swift package generate-documentation` (DocC), which .ci/run runs; a command plugin only.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The system libyaml, through pkg-config (Debian: libyaml-dev).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // The only code that touches libyaml: located nodes, core-schema scalars, limits.
        .target(
            name: "YAMLReader",
            dependencies: ["CYAML", .product(name: "OrderedCollections", package: "swift-collections")]
        ),
        // The catalogue model, loader, diagnostics and registry: the library other tools import.
        .target(
            name: "PreparationRegistry",
            dependencies: [
                "YAMLReader",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            plugins: ["EmbedCatalogue"]
        ),
        // The area plugins, a folder per area in Plugins/ (Plugins/README.md): the library alone. Not
        // SwiftPM package plugins: the build-tool plugin lives in Tools/.
        .target(name: "AreaPlugins", dependencies: ["PreparationRegistry"], path: "Plugins", exclude: ["README.md"]),
        // The course writers: canonical JSON, iCalendar, FHIR R4. The CLI only chooses and prints.
        .target(name: "Exporters", dependencies: ["PreparationRegistry"]),
        // `catalog`, the command-line tool.
        .executableTarget(
            name: "CatalogCLI",
            dependencies: [
                "PreparationRegistry", "Exporters", "YAMLReader",
                "AreaPlugins",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build tool: embeds Catalogue/ into PreparationRegistry as generated Swift source.
        .executableTarget(name: "CatalogueEmbedder", path: "Tools/CatalogueEmbedder"),
        .plugin(
            name: "EmbedCatalogue",
            capability: .buildTool(),
            dependencies: ["CatalogueEmbedder"],
            path: "Tools/EmbedCatalogue"
        ),
        // What the test targets share (the seeded generator): test code only, in no product.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "YAMLReaderTests",
            dependencies: ["YAMLReader"]
        ),
        .testTarget(
            name: "PreparationRegistryTests",
            dependencies: ["PreparationRegistry", "YAMLReader", "TestSupport"],
            exclude: ["Fixtures"]  // read from disk by path, not as resources
        ),
        // Uses the library as another tool would: plain `import`, no @testable (package symbols
        // are visible, as in every target of this package; PublicAPITests has none).
        .testTarget(
            name: "RegistryClientTests",
            dependencies: ["PreparationRegistry", "YAMLReader"],
            exclude: ["Fixtures"]
        ),
        // Plugins, host, candidates and scheduler, with plain `import` (no @testable).
        .testTarget(
            name: "PlanningTests",
            dependencies: [
                "PreparationRegistry", "AreaPlugins", "TestSupport",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            exclude: ["Fixtures"]
        ),
        // The course writers, with plain `import Exporters` (no @testable).
        .testTarget(
            name: "ExporterClientTests",
            dependencies: ["Exporters", "PreparationRegistry", "AreaPlugins"]
        ),
        // Another tool's use of the libraries: no package access, so the public API alone.
        .testTarget(
            name: "PublicAPITests",
            dependencies: ["PreparationRegistry", "Exporters", "AreaPlugins"],
            exclude: ["Fixtures"],
            packageAccess: false
        ),
        // Most run the commands in process (`@testable import CatalogCLI`); a few run the binary.
        .testTarget(
            name: "CatalogCLITests",
            dependencies: [
                "CatalogCLI", "PreparationRegistry", "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Fixtures"]  // read from disk by path, not as resources
        ),
    ]
)
