// Registry queries on the 10,000-preparation synthetic catalogue (and on its first 1,000
// preparations): the time of a query should follow the number of preparations it returns,
// not the size of the catalogue.
//
// `./run-query.sh` generates the catalogue (Scripts/generate-catalogue.py --layout single)
// and sets BENCH_SINGLE to its folder. Setup (not measured) loads it, keeps the first N
// preparations, and tags them so that some queries return exactly 10, 100 or 1,000
// preparations whatever N is: preparation i (in file order) gets an ingredient named
// `marker-10` when i < 10, `marker-100` when i < 100, `marker-1000` when i < 1000, and the
// words `q10x`, `q100x`, `q1000x` in its summary for the free-text filter. The registry, with its indexes, is
// built in setup too.
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

/// The synthetic catalogue's first `size` preparations, tagged, as a registry.
func taggedRegistry(size: Int) throws -> Registry {
    guard let folder = ProcessInfo.processInfo.environment["BENCH_SINGLE"], !folder.isEmpty else {
        throw MissingCatalogue(description: "BENCH_SINGLE is not set; run ./run-query.sh, which generates the catalogue and sets it")
    }
    let result = CatalogueLoader().load(catalogueAt: folder)
    guard result.registry != nil else {
        throw MissingCatalogue(description: "the generated catalogue at \(folder) has \(result.errorCount) errors")
    }
    guard result.preparations.count >= size else {
        throw MissingCatalogue(description: "the generated catalogue holds \(result.preparations.count) preparations, fewer than \(size)")
    }
    var preparations = Array(result.preparations.prefix(size))
    for i in preparations.indices {
        var words: [String] = []
        for marker in [10, 100, 1000] where i < marker { words.append("marker-\(marker)") }
        preparations[i].ingredients += words.map { Ingredient(name: $0) }
        let textWords = [10, 100, 1000].filter { i < $0 }.map { "q\($0)x" }
        if !textWords.isEmpty { preparations[i].summary = (preparations[i].summary ?? "") + " " + textWords.joined(separator: " ") }
    }
    let registry = Registry(manifest: result.manifest, preparations: preparations)
    precondition(registry.count == size)
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
    Benchmark("registry/build-10000", configuration: .init(scalingFactor: .one)) { benchmark, preparations in
        let registry = Registry(manifest: Manifest(vocabulary: Vocabulary()), preparations: preparations)
        benchmark.stopMeasurement()
        precondition(registry.count == 10000)
        blackHole(registry)
    } setup: {
        try taggedRegistry(size: 10000).preparations
    }

    // The free-text index is built on the first text query: what that first query costs.
    Benchmark("registry/build-and-first-text-query-10000", configuration: .init(scalingFactor: .one)) { benchmark, preparations in
        let registry = Registry(manifest: Manifest(vocabulary: Vocabulary()), preparations: preparations)
        let found = registry.preparations(matching: Query(texts: ["q10x"]))
        benchmark.stopMeasurement()
        precondition(found.count == 10)
        blackHole(registry)
    } setup: {
        try taggedRegistry(size: 10000).preparations
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
