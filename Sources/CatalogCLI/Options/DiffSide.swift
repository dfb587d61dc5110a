import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PreparationRegistry

/// One side of `catalog diff`: a catalogue folder, or the catalogue folder of a git revision,
/// written into a scratch folder to be loaded as any other.
///
/// How a word is read, in this order:
/// 1. Something at that path (a folder, a file, a link): that path.
/// 2. `bundled`: the bundled catalogue.
/// 3. `REV:PATH`, which git reads as a folder of a revision (`origin/main:Catalogue`; PATH from
///    the repository's top, or from the current folder when it starts with `./` or `../`, as
///    git reads it): that folder as committed.
/// 4. A revision alone (`main`, `HEAD~1`, `v1.0`, a commit's hash), which
///    `git rev-parse --verify REV^{commit}` accepts: the same folder at that revision as the
///    other side names (when the other side is a folder of this repository, or `REV:PATH`),
///    else the current folder at that revision.
struct DiffSide {
    /// The word as given.
    var word: String
    /// Where to load the catalogue from.
    var folder: String
    /// How messages name the side: the word, or `REV:PATH` for a revision.
    var name: String
    /// For a revision: the scratch folder its catalogue was written to, which messages name as
    /// `name` instead.
    var written: String?
    /// True for the word `bundled` (when nothing has that name): the bundled catalogue.
    var isBundled = false

    /// Why a word names no catalogue.
    struct Unknown: Error {
        var message: String
    }

    /// Reads `word`, `other` being the other side's word; a revision's catalogue is written below
    /// `folder`.
    static func resolve(_ word: String, other: String, scratch folder: ScratchFolder, index: Int,
                        sizeLimit: Int = YAMLLimits.default.maxFileSize) throws(Unknown) -> DiffSide {
        // `bundled` is the bundled catalogue, as for --catalogue, even beside a folder of that
        // name (which is `./bundled`): one word, one meaning.
        if word == "bundled" { return DiffSide(word: word, folder: word, name: "the bundled catalogue", isBundled: true) }
        if entryExists(word) { return DiffSide(word: word, folder: word, name: word) }
        func unknown(_ reason: String) -> Unknown { Unknown(message: reason) }
        guard let scratch = folder.make() else {
            throw unknown("cannot create a scratch folder in '\(FileManager.default.temporaryDirectory.path)' for the revision '\(word)'")
        }
        let git = Git(scratch: scratch)
        guard !word.isEmpty, !word.hasPrefix("-") else {
            throw unknown("'\(word)' is neither a folder nor a git revision")
        }
        guard let top = git.line(["rev-parse", "--show-toplevel"]) else {
            let why = git.run(["--version"]) == nil
                ? "git, which could read it as a revision, is not installed"
                : "the current folder is not in a git repository, where it could name a revision"
            throw unknown("no folder '\(word)' here (\(why))")
        }
        let treeish: String, name: String
        if let colon = word.firstIndex(of: ":") {
            let revision = String(word[..<colon])
            guard !revision.isEmpty else { throw unknown("'\(word)' is neither a folder nor a git revision (write REV:PATH)") }
            guard git.line(["rev-parse", "--verify", "--quiet", revision + "^{commit}"]) != nil else {
                throw unknown("'\(revision)' is not a git revision" + suggestion(revision, git))
            }
            (treeish, name) = (word, word)
        } else {
            guard let commit = git.line(["rev-parse", "--verify", "--quiet", word + "^{commit}"]) else {
                throw unknown("'\(word)' is neither a folder nor a git revision" + suggestion(word, git))
            }
            let path = folderInRepository(other, top: top, git: git)
            treeish = commit + ":" + path
            name = path.isEmpty ? word : word + ":" + path
        }
        switch git.line(["cat-file", "-t", treeish]) {
        case "tree"?:
            break
        case let kind?:
            throw unknown("'\(name)' is a \(kind == "blob" ? "file" : kind) in that revision, not a catalogue folder")
        case nil:
            throw unknown("'\(name)': no such folder in that revision")
        }
        let destination = scratch.appendingPathComponent("side-\(index)").path
        guard mkdir(destination, 0o700) == 0 else {
            throw unknown("cannot create a scratch folder for '\(name)': \(String(cString: strerror(errno)))")
        }
        if let failure = git.extract(treeish, into: destination, sizeLimit: sizeLimit) {
            throw unknown(failure)
        }
        return DiffSide(word: word, folder: destination, name: name, written: destination)
    }

    /// The folder that `other` names, as a path from the repository's top (`Catalogue`, or ""
    /// for the top itself): the PATH of `REV:PATH`, the folder `other` inside this repository,
    /// else the current folder.
    private static func folderInRepository(_ other: String, top: String, git: Git) -> String {
        func trimmed(_ path: String) -> String { path.hasSuffix("/") ? String(path.dropLast()) : path }
        if !entryExists(other), let colon = other.firstIndex(of: ":"),
           git.line(["rev-parse", "--verify", "--quiet", String(other[..<colon]) + "^{commit}"]) != nil {
            var path = String(other[other.index(after: colon)...])
            if path.hasPrefix("./") || path.hasPrefix("../") || path == "." || path == ".." {
                // git reads these from the current folder.
                let prefix = git.line(["rev-parse", "--show-prefix"]) ?? ""
                path = normalised(prefix + path)
            }
            return trimmed(path)
        }
        if isFolder(other), git.line(["rev-parse", "--show-toplevel"], in: other).map(realPath) == realPath(top),
           let prefix = git.line(["rev-parse", "--show-prefix"], in: other) {
            return trimmed(prefix)
        }
        return trimmed(git.line(["rev-parse", "--show-prefix"]) ?? "")
    }

    /// `; did you mean 'main'?` with the nearest branch, tag or remote branch, if any.
    private static func suggestion(_ word: String, _ git: Git) -> String {
        guard let refs = git.run(["for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/tags", "refs/remotes"]),
              refs.ok else { return "" }
        let names = refs.text.split(separator: "\n").map(String.init) + ["HEAD"]
        return Suggestions.suggestion(for: word, in: names).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Rewrites the diagnostics of a side written from a revision so that they name it as
    /// `REV:PATH/preparations/...`, not the scratch folder.
    func shown(_ diagnostic: Diagnostic) -> Diagnostic {
        guard let written else { return diagnostic }
        var copy = diagnostic
        copy.location.file = renamed(copy.location.file, written)
        copy.message = renamed(copy.message, written)
        for index in copy.notes.indices { copy.notes[index].location.file = renamed(copy.notes[index].location.file, written) }
        return copy
    }

    private func renamed(_ text: String, _ written: String) -> String {
        text.replacingEvery(written + "/", with: name.hasSuffix(":") ? name : name + "/")
            .replacingEvery(written, with: name)
    }
}

/// True when there is an entry at `path`: a file, a folder, or a link, even one that leads nowhere.
private func entryExists(_ path: String) -> Bool {
    !path.isEmpty && ((try? FileManager.default.attributesOfItem(atPath: path)) != nil || FileManager.default.fileExists(atPath: path))
}

private func isFolder(_ path: String) -> Bool {
    var isDirectory = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory
}

private func realPath(_ path: String) -> String {
    URL(fileURLWithPath: path).resolvingSymlinksInPath().path
}

/// `a/./b/../c` as `a/c`.
private func normalised(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/") {
        if part == "." { continue }
        if part == "..", !parts.isEmpty, parts.last != ".." { parts.removeLast(); continue }
        parts.append(part)
    }
    return parts.joined(separator: "/")
}
