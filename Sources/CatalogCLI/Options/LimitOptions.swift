import ArgumentParser
import PreparationRegistry
import YAMLReader

/// `--max-file-size`, `--max-depth`, `--max-aliases`: the bounds that protect a load against
/// hostile files (format section 1.1's defaults: 16 MiB, depth 64, 10,000 alias nodes), which a
/// user may raise or lower for one run, as library callers can with ``YAMLLimits``.
struct LimitOptions: ParsableArguments {
    // Unconditional: `--max-depth -5` is a value to refuse with a reason, not a missing one.
    @Option(name: .customLong("max-file-size"), parsing: .unconditional, help: ArgumentHelp(
        "The largest file read, in bytes or with a unit: 512KiB, 16MiB, 1GiB (default 16MiB; at most 2GiB).",
        valueName: "size"))
    var maxFileSize: ByteSize = ByteSize(bytes: YAMLLimits.default.maxFileSize)

    @Option(name: .customLong("max-depth"), parsing: .unconditional, help: ArgumentHelp(
        "The deepest nesting of mappings and sequences in a file, aliases expanded (1 to 1000).", valueName: "levels"))
    var maxDepth: Int = YAMLLimits.default.maxDepth

    @Option(name: .customLong("max-aliases"), parsing: .unconditional, help: ArgumentHelp(
        "The most nodes that aliases may add to one document (0 to 100000000).", valueName: "nodes"))
    var maxAliases: Int = YAMLLimits.default.maxAliasExpansion

    func validate() throws {
        // 1000: the decoders, writers and comparisons of extension values recurse once per
        // level; a debug build's stack holds about 8,000 (tested at 1000 by LimitOptionsTests).
        guard (1...1_000).contains(maxDepth) else {
            throw ValidationError("--max-depth must be from 1 to 1000, not \(maxDepth)")
        }
        guard (0...100_000_000).contains(maxAliases) else {
            throw ValidationError("--max-aliases must be from 0 to 100000000, not \(maxAliases)")
        }
    }

    /// The limits chosen.
    var limits: YAMLLimits {
        YAMLLimits(maxDepth: maxDepth, maxAliasExpansion: maxAliases, maxFileSize: maxFileSize.bytes)
    }

    /// A loader with the limits chosen.
    var loader: CatalogueLoader { CatalogueLoader(limits: limits) }
}

/// A number of bytes as written on the command line: `1048576`, `512KiB`, `16MiB`, `1GiB`
/// (also `K`, `M`, `G`, `KB`, `MB`, `GB`, read as powers of 1024 as the format's `16 MiB` is;
/// a space before the unit is allowed), from 1 byte to 2 GiB.
struct ByteSize: ExpressibleByArgument, Hashable {
    var bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    static let largest = 2 << 30

    init?(argument: String) {
        let text = argument.trimmingWhitespace()
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = text.dropFirst(digits.count).trimmingWhitespace().lowercased()
        let factors: [String: Int] = ["": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
                                      "m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20,
                                      "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30]
        guard !digits.isEmpty, digits.count <= 12, let number = Int(digits), let factor = factors[unit] else { return nil }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: factor)
        guard !overflow, (1...Self.largest).contains(bytes) else { return nil }
        self.bytes = bytes
    }

    var defaultValueDescription: String { "16MiB" }
}
