// The catalogue loader against the libyaml floor, on one synthetic catalogue of 10,000
// preparations in two layouts: one multi-document file, and one file per preparation.
//
// The catalogues are made by Scripts/generate-catalogue.py; `./run.sh` makes them and sets
//   BENCH_SINGLE  a catalogue folder whose preparations are in preparations/all.yaml
//   BENCH_FILES   a catalogue folder with one file per preparation under preparations/
// The floor does, over the same files, the least that any libyaml-based loader must do:
// read each file, run yaml_parser_parse until the stream ends, build nothing.
//
// Each benchmark runs in its own process (package-benchmark spawns one per benchmark), so the
// peak resident memory of one is not inherited by the next.

import Benchmark
import Foundation
import LibYAMLFloor
import PreparationRegistry

/// A catalogue folder named by an environment variable, checked before any measurement.
struct CatalogueFolder: Sendable {
    let path: String

    /// The manifest and the preparations folder of the catalogue.
    var manifest: String { path + "/catalogue.yaml" }
    var preparations: String { path + "/preparations" }
}

struct MissingCatalogue: Error, CustomStringConvertible {
    let description: String
}

/// Reads the catalogue folder from `variable`, or fails with a message that says how to run.
func catalogueFolder(_ variable: String, expecting file: String?) throws -> CatalogueFolder {
    guard let value = ProcessInfo.processInfo.environment[variable], value.isEmpty == false else {
        throw MissingCatalogue(description: """
            \(variable) is not set. It names the generated catalogue folder to load; run the \
            benchmarks through ./run.sh, which generates the catalogues and sets BENCH_SINGLE and \
            BENCH_FILES (or generate them with Scripts/generate-catalogue.py and export both).
            """)
    }
    let folder = CatalogueFolder(path: value)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.preparations, isDirectory: &isDirectory),
          isDirectory.boolValue
    else {
        throw MissingCatalogue(description: "\(variable)=\(value): no preparations/ folder there; regenerate it with ./run.sh")
    }
    if let file, FileManager.default.fileExists(atPath: folder.preparations + "/" + file) == false {
        throw MissingCatalogue(description: "\(variable)=\(value): no preparations/\(file); was it generated with --layout single?")
    }
    return folder
}

/// Loads the catalogue and returns how many preparations it holds; stops the measurement
/// before the result is released, so the registry's teardown is not counted as loading.
/// A catalogue with errors stops the run: a broken catalogue must not be measured as fast.
@inline(never)
func measureLoad(_ benchmark: Benchmark, _ folder: CatalogueFolder) {
    let result = CatalogueLoader().load(catalogueAt: folder.path)
    benchmark.stopMeasurement()
    guard let registry = result.registry else {
        let shown = result.diagnostics.prefix(20).map(\.description).joined(separator: "\n")
        preconditionFailure("""
            the loader found \(result.errorCount) errors in the generated catalogue \(folder.path) \
            (\(result.diagnostics.count) diagnostics); the first ones:
            \(shown)
            """)
    }
    precondition(result.preparations.count > 0, "the loader found no preparations in \(folder.path)")
    blackHole(registry)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        // No malloc count: package-benchmark's malloc interposer bumps a shared atomic counter
        // on every malloc and free, which slows both the floor and the loader (by about 7 %
        // here) and the loader's two threads (reading, decoding) contend on it, so that it
        // measures the counter rather than the loader (2.18 with it against 1.92 without, in
        // the same hour). Counts of mallocs are in Benchmarks/README.md from earlier runs.
        metrics: [.wallClock, .peakMemoryResident],
        // Fixed units, so that exported samples are comparable across runs and machines:
        // wall clock in microseconds, memory in bytes, mallocs as a plain count.
        timeUnits: .microseconds,
        units: [.peakMemoryResident: .count, .mallocCountTotal: .count],
        warmupIterations: 1,
        maxDuration: .seconds(45),
        maxIterations: 21
    )

    // MARK: one multi-document file

    Benchmark("floor/single-file") { benchmark, folder in
        // The manifest too, as the loader reads it; it is 2 KB beside the 10 MB file.
        let events = libyaml_floor_parse_file(folder.manifest)
            + libyaml_floor_parse_file(folder.preparations + "/all.yaml")
        benchmark.stopMeasurement()
        precondition(events > 0, "libyaml could not parse \(folder.path)")
        blackHole(events)
    } setup: {
        try catalogueFolder("BENCH_SINGLE", expecting: "all.yaml")
    }

    Benchmark("loader/single-file") { benchmark, folder in
        measureLoad(benchmark, folder)
    } setup: {
        try catalogueFolder("BENCH_SINGLE", expecting: "all.yaml")
    }

    // MARK: one file per preparation

    Benchmark("floor/10000-files") { benchmark, folder in
        // The whole catalogue folder: catalogue.yaml and every file below preparations/.
        let events = libyaml_floor_parse_directory(folder.path)
        benchmark.stopMeasurement()
        precondition(events > 0, "libyaml could not parse \(folder.path)")
        blackHole(events)
    } setup: {
        try catalogueFolder("BENCH_FILES", expecting: nil)
    }

    Benchmark("loader/10000-files") { benchmark, folder in
        measureLoad(benchmark, folder)
    } setup: {
        try catalogueFolder("BENCH_FILES", expecting: nil)
    }
}
