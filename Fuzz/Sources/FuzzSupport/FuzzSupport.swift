// What the fuzz targets share: a scratch folder of their own process, writing the input to a
// file (the loader's public API reads files and folders only), touching everything a load
// gives, and a trap that prints why before libFuzzer saves the input.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PreparationRegistry
import YAMLReader

public enum Fuzz {
    /// A folder of this process's own, under $TMPDIR (or /tmp), removed at exit.
    public static let folder: String = {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(base)/catalogue-fuzz-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { fail("cannot make a scratch folder under \(base)") }
        let path = String(cString: made)
        atexit { removeTree(Fuzz.folder) }
        return path
    }()

    /// Makes `path` and every missing folder above it.
    public static func makeFolders(_ path: String) {
        var built = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            built += "/" + part
            mkdir(built, 0o700)
        }
    }

    /// Writes `bytes` to `path`, replacing it.
    public static func writeFile(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { fail("cannot write \(path)") }
        var done = 0
        while done < bytes.count {
            let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
            guard n > 0 else { fail("cannot write \(path)") }
            done += n
        }
        close(fd)
    }

    /// Writes `text` to `path`, replacing it.
    public static func writeFile(_ text: String, to path: String) {
        var text = text
        text.withUTF8 { writeFile($0, to: path) }
    }

    /// Prints `message` and crashes, so that libFuzzer saves the input as a crash.
    public static func fail(_ message: String) -> Never {
        var text = "\n==== fuzz check failed ====\n\(message)\n"
        text.withUTF8 { bytes in
            var done = 0
            while done < bytes.count {
                let n = write(2, bytes.baseAddress! + done, bytes.count - done)
                if n <= 0 { break }
                done += n
            }
        }
        abort()
    }

    /// Removes a folder and what it holds (the scratch folder holds only folders and files).
    static func removeTree(_ path: String) {
        if let dir = opendir(path) {
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name == "." || name == ".." { continue }
                let child = path + "/" + name
                if unlink(child) != 0 { removeTree(child) }
            }
            closedir(dir)
        }
        rmdir(path)
    }

    /// Uses everything a load gives, as `catalog` would: every diagnostic rendered, and, for a
    /// valid catalogue, queries of the registry and every preparation as canonical JSON and YAML.
    /// Returns a count so that nothing is optimised away.
    @discardableResult
    public static func touch(_ result: CatalogueLoadResult) -> Int {
        var sink = result.errorCount + result.warningCount + result.fileCount + result.omitted.count
        for diagnostic in result.diagnostics { sink &+= diagnostic.rendered.utf8.count }
        guard let registry = result.registry else { return sink }
        sink &+= registry.preparations(matching: Query()).count
        sink &+= registry.preparations(matching: Query(texts: ["acid"], excludedConditions: ["pregnancy"],
                                                       includesDeprecated: false)).count
        for preparation in registry.preparations.prefix(8) {
            sink &+= (try? registry.preparation(id: preparation.id))?.name.utf8.count ?? 0
            let query = Query(regions: Array(preparation.regions.prefix(1)),
                              indications: Array(preparation.indications.prefix(1)),
                              ingredients: preparation.ingredients.prefix(1).map(\.name),
                              techniques: Array(preparation.techniques.prefix(1)),
                              texts: [String(preparation.name.prefix(12))])
            sink &+= registry.unknownValues(in: query).count
            sink &+= registry.preparations(matching: query).count
            sink &+= PreparationJSON.encode(preparation).utf8.count
            do {
                sink &+= try PreparationYAML.encode(preparation).utf8.count
            } catch {
                fail("PreparationYAML cannot write a valid preparation '\(preparation.id)': \(error)")
            }
        }
        return sink
    }

    /// A load's diagnostics as text, one rendered diagnostic after the other.
    public static func text(of diagnostics: [Diagnostic]) -> String {
        diagnostics.map(\.rendered).joined(separator: "\n")
    }

    /// `text` as a YAML double-quoted scalar whose value is exactly `text`: printable ASCII
    /// as it is, everything else escaped (so the file is ASCII and no line break folds).
    public static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x20 ... 0x7E: out.unicodeScalars.append(scalar)
            case 0 ... 0xFFFF: out += "\\u" + hex(scalar.value, 4)
            default: out += "\\U" + hex(scalar.value, 8)
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, _ width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
