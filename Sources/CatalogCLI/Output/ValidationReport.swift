import Foundation
import PreparationRegistry

/// What `validate` prints: every diagnostic, then a count.
struct ValidationReport {
    let results: [(name: String, result: CatalogueLoadResult)]

    var diagnostics: [Diagnostic] { results.flatMap(\.result.diagnostics) }
    var errorCount: Int { results.reduce(0) { $0 + $1.result.errorCount } }
    var warningCount: Int { results.reduce(0) { $0 + $1.result.warningCount } }
    var preparationCount: Int { results.reduce(0) { $0 + $1.result.preparations.count } }
    var fileCount: Int { results.reduce(0) { $0 + $1.result.fileCount } }

    /// Each diagnostic with its source line and caret, then
    /// `21 preparations in 22 files: 0 errors, 0 warnings`.
    var text: String {
        var out = ""
        for diagnostic in diagnostics {
            out += diagnostic.rendered + "\n"
        }
        out += "\(plural(preparationCount, "preparation")) in \(plural(fileCount, "file")): "
        out += "\(plural(errorCount, "error")), \(plural(warningCount, "warning"))\n"
        return out
    }

    /// `{"valid": ..., "preparations": ..., "files": ..., "errors": ..., "warnings": ..., "diagnostics": [...]}`.
    var json: String {
        let items: [JSONValue] = diagnostics.map { d in
            var object: [(String, JSONValue)] = [
                ("file", .string(d.location.file)),
                ("line", .int(d.location.line)),
                ("column", .int(d.location.column)),
                ("severity", .string(d.severity.rawValue)),
                ("message", .string(d.message)),
            ]
            if let rule = d.rule { object.append(("rule", .string(rule))) }
            return .object(object)
        }
        let value = JSONValue.object([
            ("valid", .bool(errorCount == 0)),
            ("preparations", .int(preparationCount)),
            ("files", .int(fileCount)),
            ("errors", .int(errorCount)),
            ("warnings", .int(warningCount)),
            ("diagnostics", .array(items)),
        ])
        return value.rendered(pretty: true)
    }
}

func plural(_ count: Int, _ word: String) -> String {
    "\(count) \(word)\(count == 1 ? "" : "s")"
}

func pathIsDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
}
