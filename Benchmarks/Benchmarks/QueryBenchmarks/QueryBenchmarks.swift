// Registry queries on the 10,000-preparation synthetic catalogue (and on its first 1,000
// preparations): the time of a query should follow the number of preparations it returns,
// not the size of the catalogue.
//
// `./run-query.sh` generates the catalogue (Scripts/generate-catalogue.py --layout single)
// and sets BENCH_SINGLE to its folder. Setup (not measured) writes a copy of its first N
// preparations, tagged so that some queries return exactly 10, 100 or 1,000 preparations
// whatever N is: preparation i (in file order) gets the ingredients `marker-10` and `q10x`
// when i < 10, `marker-100` and `q100x` when i < 100, `marker-1000` and `q1000x` when
// i < 1000 (the ingredient filter finds the first, the free-text filter the second). The
// copy is loaded as any catalogue; the registry, with its indexes, is built in setup too.
//
// Each benchmark runs the query 1,000 times per measured iteration (scalingFactor .kilo), so
// package-benchmark reports the time of one query. `scan/...` is the same ingredient question
// answered without the indexes, by testing every preparation: the cost the indexes avoid.

import Benchmark
import Foundation
import PreparationRegistry

struct MissingCatalogue: Error, CustomStringConvertible {
    let description: String
}

/// The synthetic catalogue's first `size` preparations, tagged, as a registry. The library's
/// values are read-only, so the tags are written into a copy of the catalogue's text (in a
/// temporary folder), which is loaded as any catalogue is.
func taggedRegistry(size: Int) throws -> Registry {
    guard let folder = ProcessInfo.processInfo.environment["BENCH_SINGLE"], !folder.isEmpty else {
        throw MissingCatalogue(description: "BENCH_SINGLE is not set; run ./run-query.sh, which generates the catalogue and sets it")
    }
    var text = try String(contentsOfFile: folder + "/preparations/all.yaml", encoding: .utf8)
    if text.hasPrefix("---\n") { text.removeFirst(4) }
    var documents = Array(text.components(separatedBy: "\n---\n").prefix(size))
    guard documents.count >= size else {
        throw MissingCatalogue(description: "the generated catalogue holds \(documents.count) preparations, fewer than \(size)")
    }
    for i in documents.indices {
        // Preparation i gets the ingredients `marker-N` and `qNx` for each N in 10, 100, 1000
        // above i: the ingredient filter finds the first, the free-text filter the second.
        let words = [10, 100, 1000].filter { i < $0 }.flatMap { ["marker-\($0)", "q\($0)x"] }
        guard !words.isEmpty else { continue }
        guard let range = documents[i].range(of: "\ningredients:\n") else {
            throw MissingCatalogue(description: "preparation \(i) of \(folder) has no block `ingredients:`; regenerate it")
        }
        documents[i].replaceSubrange(range, with: "\ningredients:\n" + words.map { "  - \($0)\n" }.joined())
    }
    let tagged = FileManager.default.temporaryDirectory.appendingPathComponent("query-benchmark-\(size)-\(getpid())").path
    try? FileManager.default.removeItem(atPath: tagged)
    defer { try? FileManager.default.removeItem(atPath: tagged) }
    try FileManager.default.createDirectory(atPath: tagged + "/preparations", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: folder + "/catalogue.yaml", toPath: tagged + "/catalogue.yaml")
    try ("---\n" + documents.joined(separator: "\n---\n") + "\n").write(toFile: tagged + "/preparations/all.yaml", atomically: true, encoding: .utf8)
    let result = CatalogueLoader().load(catalogueAt: tagged)
    guard let registry = result.registry else {
        throw MissingCatalogue(description: "the tagged copy of \(folder) has \(result.errorCount) errors: \(result.diagnostics.prefix(3).map(\.rendered))")
    }
    precondition(registry.preparations.count == size)
    return registry
}

/// Runs `query` `benchmark.scaledIterations` times; checks the number of results once.
@inline(never)
func measure(_ benchmark: Benchmark, _ registry: Registry, _ query: Query, expecting count: Int) {
    var total = 0
    for _ in benchmark.scaledIterations {
        total &+= registry.preparations(matching: query).count
    }
    benchmark.stopMeasurement()
    precondition(total == count * benchmark.scaledIterations.count, "expected \(count) results per query")
    blackHole(total)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .nanoseconds,
        warmupIterations: 1,
        scalingFactor: .kilo,
        maxDuration: .seconds(10),
        maxIterations: 15
    )

    // What building the indexes adds to a load: making the registry from decoded preparations.
    Benchmark("registry/build-10000", configuration: .init(scalingFactor: .one)) { benchmark, tagged in
        let registry = Registry(manifest: tagged.manifest, preparations: tagged.preparations)
        benchmark.stopMeasurement()
        precondition(registry.preparations.count == 10000)
        blackHole(registry)
    } setup: {
        try taggedRegistry(size: 10000)
    }

    // The free-text index is built on the first text query: what that first query costs.
    Benchmark("registry/build-and-first-text-query-10000", configuration: .init(scalingFactor: .one)) { benchmark, tagged in
        let registry = Registry(manifest: tagged.manifest, preparations: tagged.preparations)
        let found = registry.preparations(matching: Query(texts: ["q10x"]))
        benchmark.stopMeasurement()
        precondition(found.count == 10)
        blackHole(registry)
    } setup: {
        try taggedRegistry(size: 10000)
    }

    for size in [1000, 10000] {
        for results in [10, 100, 1000] {
            Benchmark("query/ingredient/\(results)-of-\(size)") { benchmark, registry in
                measure(benchmark, registry, Query(ingredients: ["marker-\(results)"]), expecting: results)
            } setup: {
                try taggedRegistry(size: size)
            }
            Benchmark("query/text/\(results)-of-\(size)") { benchmark, registry in
                measure(benchmark, registry, Query(texts: ["q\(results)x"]), expecting: results)
            } setup: {
                try taggedRegistry(size: size)
            }
        }
        Benchmark("scan/ingredient/10-of-\(size)") { benchmark, registry in
            var total = 0
            for _ in benchmark.scaledIterations {
                total &+= registry.preparations.filter { $0.ingredients.contains { $0.name == "marker-10" } }.count
            }
            benchmark.stopMeasurement()
            precondition(total == 10 * benchmark.scaledIterations.count)
            blackHole(total)
        } setup: {
            try taggedRegistry(size: size)
        }
    }
}
