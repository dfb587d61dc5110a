// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "mesotherapy-catalogue",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "catalog", targets: ["CatalogCLI"]),
        .library(name: "PreparationRegistry", targets: ["PreparationRegistry"]),
        .library(name: "YAMLReader", targets: ["YAMLReader"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        // The system libyaml, through pkg-config (Debian: libyaml-dev).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // The only code that touches libyaml: located nodes, core-schema scalars, limits.
        .target(name: "YAMLReader", dependencies: ["CYAML"]),
        // The catalogue model, loader, diagnostics and registry: the library other tools import.
        .target(
            name: "PreparationRegistry",
            dependencies: [
                "YAMLReader",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ],
            plugins: ["EmbedCatalogue"]
        ),
        // `catalog`, the command-line tool.
        .executableTarget(
            name: "CatalogCLI",
            dependencies: [
                "PreparationRegistry",
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
        .testTarget(
            name: "YAMLReaderTests",
            dependencies: ["YAMLReader"]
        ),
        .testTarget(
            name: "PreparationRegistryTests",
            dependencies: ["PreparationRegistry"],
            exclude: ["Fixtures"]  // read from disk by path, not as resources
        ),
        // Uses the library exactly as another tool would: plain `import`, public API only.
        .testTarget(
            name: "RegistryClientTests",
            dependencies: ["PreparationRegistry", "YAMLReader"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CatalogCLITests",
            dependencies: ["CatalogCLI", "PreparationRegistry"]
        ),
    ]
)
