import Foundation
import Testing

/// The `$schema=` value of a template's first line.
func schemaTarget(_ template: String) throws -> String {
    let first = try #require(template.split(separator: "\n").first)
    let prefix = "# yaml-language-server: $schema="
    #expect(first.hasPrefix(prefix))
    return String(first.dropFirst(prefix.count))
}

@Suite("catalog new: the schema line and an id the catalogue has", .serialized)
struct NewCommandTests {
    /// A catalogue folder with a schema, inside a scratch folder; both removed by the caller.
    func catalogueWithSchema(named name: String = "cat") throws -> (scratch: URL, catalogue: URL) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("new-schema-\(UUID().uuidString)")
        let catalogue = scratch.appendingPathComponent(name)
        let made = try makeCatalogue(["face/one.yaml": preparation("one")])
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: made, to: catalogue)
        try FileManager.default.createDirectory(at: catalogue.appendingPathComponent("schema"), withIntermediateDirectories: true)
        try "{}\n".write(to: catalogue.appendingPathComponent("schema/preparation.schema.json"), atomically: true, encoding: .utf8)
        return (scratch, catalogue)
    }

    @Test("-o some/dir/file.yaml: the line is the catalogue's schema relative to the file's folder, and resolves from there")
    func output() throws {
        let (scratch, catalogue) = try catalogueWithSchema()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("some/dir"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: catalogue.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        for (directory, catalogueArgument, output, expected) in [
            (scratch, "cat", "some/dir/file.yaml", "../../cat/schema/preparation.schema.json"),
            (catalogue, ".", "drafts/fresh.yaml", "../schema/preparation.schema.json"),
            (catalogue, ".", "fresh.yaml", "schema/preparation.schema.json"),
            (scratch.appendingPathComponent("some"), "../cat", "./dir/../dir/other.yaml", "../../cat/schema/preparation.schema.json"),
        ] {
            let run = try runCatalogProcess(["new", "fresh", "--area", "face", "--catalogue", catalogueArgument, "-o", output], in: directory)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr == "")
            let file = directory.appendingPathComponent(output)
            let target = try schemaTarget(try String(contentsOf: file, encoding: .utf8))
            #expect(target == expected)
            let resolved = file.deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL.path
            #expect(resolved == catalogue.appendingPathComponent("schema/preparation.schema.json").standardizedFileURL.path)
        }
    }

    // Outside review: `-o catlink/../x.yaml` is written where the system resolves `catlink/..`
    // (the link target's parent), while the line was worked out from the text.
    @Test("-o through a link and '..': the line resolves from where the file is written")
    func outputThroughLink() throws {
        let (scratch, catalogue) = try catalogueWithSchema()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let holder = scratch.appendingPathComponent("holder")
        try FileManager.default.createDirectory(at: holder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: holder.appendingPathComponent("catlink").path, withDestinationPath: catalogue.path)
        let run = try runCatalogProcess(["new", "fresh", "--area", "face", "--catalogue", "catlink", "-o", "catlink/../fresh.yaml"], in: holder)
        #expect(run.status == 0, "\(run.stderr)")
        let written = catalogue.deletingLastPathComponent().appendingPathComponent("fresh.yaml")  // catlink/.. is the catalogue's parent
        let target = try schemaTarget(try String(contentsOf: written, encoding: .utf8))
        let resolved = written.deletingLastPathComponent().appendingPathComponent(target).resolvingSymlinksInPath().path
        #expect(resolved == catalogue.appendingPathComponent("schema/preparation.schema.json").resolvingSymlinksInPath().path, "\(target)")
    }

    @Test("standard output: relative to the current folder, where `> file.yaml` writes")
    func standardOutput() throws {
        let (scratch, catalogue) = try catalogueWithSchema()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let here = try runCatalogProcess(["new", "fresh", "--area", "face", "--catalogue", "cat"], in: scratch)
        #expect(here.status == 0)
        #expect(try schemaTarget(here.stdout) == "cat/schema/preparation.schema.json")
        let inside = try runCatalogProcess(["new", "fresh", "--area", "face"], environment: ["CATALOGUE_PATH": catalogue.path], in: catalogue)
        #expect(try schemaTarget(inside.stdout) == "schema/preparation.schema.json")
        let root = try runCatalogProcess(["new", "fresh", "--area", "face", "--catalogue", catalogue.path], in: URL(fileURLWithPath: "/"))
        #expect(try schemaTarget(root.stdout) == catalogue.standardizedFileURL.path + "/schema/preparation.schema.json",
                "sharing nothing but the root: the absolute path")
    }

    @Test("no schema in the catalogue, or no catalogue chosen: the bundled schema's absolute path")
    func bundledSchema() throws {
        let root = try makeCatalogue(["face/one.yaml": preparation("one")])
        defer { try? FileManager.default.removeItem(at: root) }
        let bundled = packageRoot.appendingPathComponent("Catalogue/schema/preparation.schema.json").path
        #expect(FileManager.default.fileExists(atPath: bundled))
        for arguments in [["--catalogue", root.path], [], ["-o", root.path + "/draft.yaml"]] {
            let run = try runCatalog(["new", "fresh", "--area", "scalp"] + arguments)
            #expect(run.status == 0, "\(run.stderr)")
            let text = arguments.first == "-o" ? try String(contentsOfFile: root.path + "/draft.yaml", encoding: .utf8) : run.stdout
            #expect(try schemaTarget(text) == bundled)
        }
    }

    @Test("a path the language server would cut (a space, a #) is written as a file URL")
    func awkwardPath() throws {
        let (scratch, catalogue) = try catalogueWithSchema(named: "my cat #1")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let run = try runCatalogProcess(["new", "fresh", "--area", "face", "--catalogue", catalogue.path, "-o", "x.yaml"], in: scratch)
        #expect(run.status == 0, "\(run.stderr)")
        let target = try schemaTarget(try String(contentsOf: scratch.appendingPathComponent("x.yaml"), encoding: .utf8))
        #expect(target == catalogue.appendingPathComponent("schema/preparation.schema.json").standardizedFileURL.absoluteString)
        #expect(target.hasSuffix("/my%20cat%20%231/schema/preparation.schema.json"))
        #expect(URL(string: target)?.path == catalogue.appendingPathComponent("schema/preparation.schema.json").standardizedFileURL.path)
    }

    @Test("an id the catalogue has already: a warning naming its file and add --replace, exit status 0, the template written")
    func existingID() throws {
        let printed = try runCatalog(["new", "prp-scalp", "--area", "scalp"])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("\nid: prp-scalp\n"))
        #expect(printed.stderr == "warning: the bundled catalogue has a preparation 'prp-scalp' already (Catalogue/preparations/scalp/prp-scalp.yaml); `catalog add` refuses a second one: choose another id, or replace it with `catalog add --replace`\n")
        let root = try makeCatalogue(["face/one.yaml": preparation("one")])
        defer { try? FileManager.default.removeItem(at: root) }
        let written = try runCatalog(["new", "one", "--area", "face", "--catalogue", root.path, "-o", root.path + "/one.yaml"])
        #expect(written.status == 0)
        #expect(written.stderr == "warning: \(root.path) has a preparation 'one' already (\(root.path)/preparations/face/one.yaml); `catalog add` refuses a second one: choose another id, or replace it with `catalog add --replace`\n")
        #expect(FileManager.default.fileExists(atPath: root.path + "/one.yaml"))
        let fresh = try runCatalog(["new", "two", "--area", "face", "--catalogue", root.path])
        #expect(fresh.status == 0 && fresh.stderr == "", "a new id: no warning")
    }

    @Test("-o - is the standard output: the same template as without -o, no file named '-'")
    func dashIsStandardOutput() throws {
        let dash = try runCatalog(["new", "fresh", "--area", "face", "-o", "-"])
        let plain = try runCatalog(["new", "fresh", "--area", "face"])
        #expect(dash.status == 0 && dash.stderr.isEmpty, "\(dash.stderr)")
        #expect(dash.stdout == plain.stdout)
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/-"))
    }

    // Outside review: `new null` wrote `id: null`, which YAML reads as no value.
    @Test("an id YAML would read as another type is written quoted", arguments: ["null", "true", "123", "no", "1e3"])
    func quotedID(_ id: String) throws {
        let run = try runCatalog(["new", id, "--area", "face"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\nid: \"\(id)\"\n"))
    }
}
