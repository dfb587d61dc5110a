/// The diagnostics of one file that a load found but did not keep: how many, and where the
/// first of them is.
package struct OmittedDiagnostics: Sendable, Hashable {
    /// The file (as diagnostics name it).
    package var file: String
    /// How many errors were left out.
    package var errors: Int
    /// How many warnings were left out.
    package var warnings: Int
    /// Where the first one left out is.
    package var first: SourceLocation

    /// Creates a count.
    package init(file: String, errors: Int = 0, warnings: Int = 0, first: SourceLocation) {
        self.file = file
        self.errors = errors
        self.warnings = warnings
        self.first = first
    }

    /// `and 1,234,567 more errors and 3 more warnings in this file`.
    package var summary: String {
        func count(_ n: Int, _ what: String) -> String {
            "\(n.formatted(grouping: true)) more \(what)\(n == 1 ? "" : "s")"
        }
        var parts: [String] = []
        if errors > 0 { parts.append(count(errors, "error")) }
        if warnings > 0 { parts.append(count(warnings, "warning")) }
        return "and " + parts.joined(separator: " and ") + " in this file (not listed)"
    }
}

extension Int {
    /// The number with a comma between groups of three digits: `1,234,567`.
    func formatted(grouping: Bool) -> String {
        let digits = String(self.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (self < 0 ? "-" : "") + out
    }
}

/// How many diagnostics a load keeps, per file and in all, and counts the rest: a 16 MiB file
/// of `--- {}` has about 20 million problems, which kept would exhaust memory and printed would
/// bury the first ones. The first diagnostics of each file are kept exactly; the exit status
/// counts every one.
struct DiagnosticCap {
    /// Kept per file, but the current file's.
    private var kept: [String: Int] = [:]
    /// Kept in all.
    private var keptInAll = 0
    /// Left out, per file, but the current file's.
    private var omitted: [String: OmittedDiagnostics] = [:]
    /// How many were recorded, kept or not.
    private(set) var recorded = 0
    /// The file of the last diagnostic, with its counts (``currentKept``, ``currentOmitted``):
    /// a file's diagnostics come one after the other, and hashing its path for each of 20
    /// million would cost more than the load (callgrind on a 1 MiB file of `--- {}`: 35% of the
    /// instructions). Three properties, not a tuple: a tuple of these is copied through the
    /// runtime's generic witnesses.
    private var currentFile: String?
    private var currentKept = 0
    private var currentOmitted: OmittedDiagnostics?

    /// Whether a diagnostic of `file` would be kept.
    func keepsMore(of file: String) -> Bool {
        let count = currentFile == file ? currentKept : kept[file, default: 0]
        return count < CatalogueLoader.diagnosticsPerFile && keptInAll < CatalogueLoader.diagnosticsInAll
    }

    /// Whether `diagnostic` is kept; when it is not, it is counted.
    mutating func admit(_ diagnostic: Diagnostic) -> Bool {
        recorded += 1
        let file = diagnostic.location.file
        if currentFile != file { select(file) }
        if currentKept < CatalogueLoader.diagnosticsPerFile, keptInAll < CatalogueLoader.diagnosticsInAll {
            currentKept += 1
            keptInAll += 1
            return true
        }
        if currentOmitted == nil { currentOmitted = OmittedDiagnostics(file: file, first: diagnostic.location) }
        if diagnostic.severity == .error { currentOmitted?.errors += 1 } else { currentOmitted?.warnings += 1 }
        return false
    }

    /// How many more diagnostics of `file` would be kept.
    func remaining(of file: String) -> Int {
        let count = currentFile == file ? currentKept : kept[file, default: 0]
        return Swift.max(0, Swift.min(CatalogueLoader.diagnosticsPerFile - count, CatalogueLoader.diagnosticsInAll - keptInAll))
    }

    /// Counts `errors` errors and `warnings` warnings of `file` that are not kept
    /// (``keepsMore(of:)`` or ``remaining(of:)`` said so), the first at `first`.
    mutating func count(errors: Int, warnings: Int = 0, of file: String, first: SourceLocation) {
        recorded += errors + warnings
        if currentFile != file { select(file) }
        if currentOmitted == nil { currentOmitted = OmittedDiagnostics(file: file, first: first) }
        currentOmitted?.errors += errors
        currentOmitted?.warnings += warnings
    }

    /// Makes `file` the current one, putting the counts of the one before in the tables.
    private mutating func select(_ file: String) {
        if let last = currentFile {
            kept[last] = currentKept
            omitted[last] = currentOmitted
        }
        currentFile = file
        currentKept = kept[file, default: 0]
        currentOmitted = omitted[file]
    }

    /// The files with diagnostics left out, sorted by file.
    var omittedList: [OmittedDiagnostics] {
        var all = omitted
        if let currentFile { all[currentFile] = currentOmitted }
        return all.values.sorted { $0.file < $1.file }
    }
}

extension LoadSession {
    /// Keeps `new` diagnostics within the caps of `DiagnosticCap`.
    mutating func keep(_ new: [Diagnostic]) {
        for diagnostic in new where cap.admit(diagnostic) { diagnostics.append(diagnostic) }
    }
}

extension CatalogueLoader {
    /// At most this many diagnostics of one file are kept (and printed); the rest are counted.
    package static let diagnosticsPerFile = 1_000
    /// At most this many diagnostics are kept in all.
    package static let diagnosticsInAll = 10_000
}
