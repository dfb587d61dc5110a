import Foundation
import Testing

/// bash-completion's main script: sourced before ours when installed, as in a user's shell.
let bashCompletionScript = "/usr/share/bash-completion/bash_completion"

/// A bash on this machine.
let bashExecutable: URL? = ["/bin/bash", "/usr/bin/bash", "/usr/local/bin/bash", "/opt/homebrew/bin/bash"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }
    .map(URL.init(fileURLWithPath:))

/// The bash driver: sources bash-completion (or, without it, stubs its `_init_completion`,
/// which scripts may call), then the script `$1`, sets the completion variables as bash does
/// for the words `$2...` with the cursor at the end of the last, calls the function the
/// script registered for `catalog`, and prints the candidates one a line.
let bashDriver = """
    script="$1"; shift
    if [[ -r \(bashCompletionScript) ]]; then
        source \(bashCompletionScript)
    else
        _init_completion() {
            cur="${COMP_WORDS[COMP_CWORD]}"; prev="${COMP_WORDS[COMP_CWORD-1]}"
            words=("${COMP_WORDS[@]}"); cword=$COMP_CWORD
        }
    fi
    source "$script" || exit 3
    function_name=$(complete -p catalog | sed -n 's/.* -F \\([^ ]*\\) .*/\\1/p')
    [[ -n "$function_name" ]] || exit 4
    COMP_WORDS=("$@")
    COMP_CWORD=$(( $# - 1 ))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    "$function_name" catalog "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    (( ${#COMPREPLY[@]} == 0 )) || printf '%s\\n' "${COMPREPLY[@]}"
    """

let completionFixtures = packageRoot.appendingPathComponent("Tests/RegistryClientTests/Fixtures")

@Suite("shell completion", .serialized)
struct CompletionTests {
    /// The bash script `catalog --generate-completion-script bash` prints, in a file.
    static let bashScript: Result<URL, any Error> = Result {
        let run = try runCatalog(["--generate-completion-script", "bash"])
        guard run.status == 0, run.stderr.isEmpty, run.stdout.contains("complete ") else {
            throw CompletionTestError("the bash script was not generated: \(run.status) \(run.stderr)")
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-completion-\(UUID().uuidString).bash")
        try run.stdout.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    struct CompletionTestError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// The candidates a real bash offers for `words` (the last is the word being completed,
    /// "" for a new one), as bash-completion would after TAB; bash must print nothing else.
    func complete(_ words: [String], environment: [String: String?] = [:], in directory: URL? = nil) throws -> [String] {
        let bash = try #require(bashExecutable, "bash was not found")
        let catalog = try #require(catalogExecutable)
        let script = try Self.bashScript.get()
        var environment = environment
        // The custom completions run `catalog` as the shell finds it: on the PATH.
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        environment["PATH"] = catalog.deletingLastPathComponent().path + ":" + path
        let run = try runCatalogProcess(["--norc", "--noprofile", "-c", bashDriver, "bash", script.path] + words,
                                        environment: environment, in: directory, executable: bash)
        #expect(run.status == 0, "bash: \(run.stderr)")
        #expect(run.stderr == "", "a completion prints nothing but candidates")
        return run.stdout.split(separator: "\n").map(String.init)
    }

    /// The ids `catalog query` lists for the bundled catalogue.
    func bundledIDs() throws -> [String] {
        let run = try runCatalog(["query", "--format", "json"])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        return array.compactMap { $0["id"] as? String }
    }

    @Test("a subcommand completes from its first letters")
    func subcommands() throws {
        #expect(try complete(["catalog", "sh"]) == ["show"])
        #expect(try complete(["catalog", "vocabulary", ""]) == ["conditions", "indications", "ingredient-classes"])
    }

    @Test("show ID completes to the ids of the bundled catalogue, or of --catalogue's, or of CATALOGUE_PATH's")
    func ids() throws {
        let bundled = try bundledIDs()
        #expect(bundled.count == 21)
        #expect(try complete(["catalog", "show", ""]) == bundled)
        #expect(try complete(["catalog", "show", "cell"]) == ["cellulite-cocktail"])

        let clinic = completionFixtures.appendingPathComponent("clinic").path
        let clinicIDs = ["eclat-glow", "old-body-fat", "scalp-plain"]
        #expect(try complete(["catalog", "show", "--catalogue", clinic, ""]) == clinicIDs)
        #expect(try complete(["catalog", "show", ""], environment: ["CATALOGUE_PATH": clinic]) == clinicIDs)
        // As typed: quoted, or from the home folder.
        #expect(try complete(["catalog", "show", "--catalogue", "'\(clinic)'", ""]) == clinicIDs)
        #expect(try complete(["catalog", "show", "--catalogue", "~/clinic", ""],
                             environment: ["HOME": completionFixtures.path]) == clinicIDs)
    }

    @Test("course AREA completes to the plugins; --concern to what that plugin plans, or to every indication")
    func concerns() throws {
        #expect(try complete(["catalog", "course", ""]) == ["face", "scalp", "body", "scar"])
        #expect(try complete(["catalog", "new", "x", "--area", ""]) == ["face", "scalp", "body", "scar"])

        let plugins = try runCatalog(["plugins"]).stdout.split(separator: "\n")
        let facePlans = try #require(plugins.first { $0.hasPrefix("  plans: ") })
        let face = facePlans.dropFirst("  plans: ".count).split(separator: ", ").map(String.init)
        #expect(face.contains("dark-circles") && !face.contains("androgenic-alopecia"))
        #expect(try complete(["catalog", "course", "face", "--concern", ""]) == face)

        let planning = packageRoot.appendingPathComponent("Tests/PlanningTests/Fixtures/planning").path
        #expect(try complete(["catalog", "course", "--catalogue", planning, "face", "--concern", ""]) == ["dehydration", "laxity"])
        #expect(try complete(["catalog", "course", "--explain", "body", "--catalogue", planning, "--concern", ""]) == ["localized-fat"])
        #expect(try complete(["catalog", "course", "--catalogue", "=", planning, "body", "--concern", ""]) == ["localized-fat"])
        #expect(try complete(["catalog", "course", "--catalogue", planning, "Scalp", "--concern", ""]) == [])
        // No known area (none, a wrong one, or one --condition takes as its value): every indication.
        let all = ["dehydration", "laxity", "localized-fat", "acne-scars"]
        #expect(try complete(["catalog", "course", "--catalogue", planning, "--concern", ""]) == all)
        #expect(try complete(["catalog", "course", "--catalogue", planning, "fase", "--concern", ""]) == all)
        #expect(try complete(["catalog", "course", "--catalogue", planning, "--condition", "herpes", "face", "--concern", ""]) == all)
    }

    @Test("course --region completes to the plugin's regions")
    func regions() throws {
        #expect(try complete(["catalog", "course", "body", "--region", ""])
                == ["arms", "hands", "abdomen", "flanks", "back", "buttocks", "thighs", "knees"])
        #expect(try complete(["catalog", "course", "scalp", "--concern", "androgenic-alopecia", "--region", ""]) == ["scalp"])
        #expect(try complete(["catalog", "course", "--region", "ne"]) == ["neck"])
    }

    @Test("--condition, --indication, --ingredient and --allergy complete to the catalogue's words")
    func vocabularyWords() throws {
        let vocabulary = try runCatalog(["vocabulary", "conditions", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(vocabulary.stdout.utf8)) as? [String: Any])
        let conditions = try #require(object["conditions"] as? [[String: Any]]).compactMap { $0["slug"] as? String }
        #expect(conditions.contains("pregnancy"))
        #expect(try complete(["catalog", "query", "--condition", ""]) == conditions)
        #expect(try complete(["catalog", "course", "face", "--condition", "preg"]) == ["pregnancy", "pregnancy-planned"])

        let planning = packageRoot.appendingPathComponent("Tests/PlanningTests/Fixtures/planning").path
        #expect(try complete(["catalog", "query", "--catalogue", planning, "--condition", ""]) == ["pregnancy", "herpes"])
        // bash splits `--catalogue=PATH` at the `=`.
        #expect(try complete(["catalog", "query", "--catalogue", "=", planning, "--condition", ""]) == ["pregnancy", "herpes"])
        #expect(try complete(["catalog", "query", "--catalogue=\(planning)", "--indication", ""])
                == ["dehydration", "laxity", "localized-fat", "acne-scars"])
        let ingredients = try complete(["catalog", "query", "--catalogue", planning, "--ingredient", ""])
        #expect(Array(ingredients.prefix(3)) == ["hyaluronic-acid", "vitamin", "lipolytic"])
        #expect(ingredients == ["hyaluronic-acid", "vitamin", "lipolytic", "Sodium hyaluronate", "Vitamin C", "Polynucleotides", "Caffeine"])
        #expect(try complete(["catalog", "course", "--catalogue", planning, "--allergy", ""]) == ingredients)
    }

    @Test("file arguments complete to YAML files and folders, --catalogue to folders")
    func files() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("completion-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a.yaml", "b.yml", "c.txt", "two words.yaml"] {
            try "x".write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let yaml: Set = ["a.yaml", "b.yml", "sub", "two words.yaml"]
        #expect(Set(try complete(["catalog", "validate", ""], in: folder)) == yaml)
        #expect(Set(try complete(["catalog", "validate", "a.yaml", ""], in: folder)) == yaml)
        #expect(Set(try complete(["catalog", "add", "--catalogue", "sub", ""], in: folder)) == yaml)
        #expect(Set(try complete(["catalog", "new", "x", "-o", ""], in: folder)) == yaml)
        #expect(try complete(["catalog", "show", "--catalogue", ""], in: folder) == ["sub"])
    }

    @Test("a missing, broken or hostile catalogue offers what can be read, without a message, never running its words")
    func brokenCatalogues() throws {
        let missing = completionFixtures.appendingPathComponent("no-such-catalogue").path
        #expect(try complete(["catalog", "show", "--catalogue", missing, ""]) == [])
        #expect(try complete(["catalog", "query", "--catalogue", missing, "--condition", ""]) == [])
        #expect(try complete(["catalog", "course", "face", "--catalogue", missing, "--concern", ""]) == [])
        #expect(try complete(["catalog", "show", ""], environment: ["CATALOGUE_PATH": missing]) == [])
        let notACatalogue = FileManager.default.temporaryDirectory.appendingPathComponent("completion-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: notACatalogue, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: notACatalogue) }
        #expect(try complete(["catalog", "query", "--catalogue", notACatalogue.path, "--condition", ""]) == [])

        let broken = try makeCatalogue(["good.yaml": preparation("good"), "bad.yaml": preparation("bad", depth: "3-1 mm"),
                                        "syntax.yaml": "id: [unclosed\n"])
        defer { try? FileManager.default.removeItem(at: broken) }
        #expect(try complete(["catalog", "show", "--catalogue", broken.path, ""]) == ["good"])
        #expect(try complete(["catalog", "course", "face", "--catalogue", broken.path, "--concern", ""]) == ["dehydration"])

        var hostile = preparation("hostile")
        hostile = hostile.replacingOccurrences(of: "ingredients: [glycerol]", with: #"""
            ingredients: ["$(touch PWNED)", "`touch PWNED`", "<(touch PWNED2)", ">(touch PWNED3)", "a\eb", "two\nlines", "~root", "x{1,2}", "back\\slash", "it's", "hyaluronic acid", glycerol]
            """#)
        let catalogue = try makeCatalogue(["hostile.yaml": hostile])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let vocabulary = try runCatalog(["vocabulary", "ingredient-classes", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(vocabulary.stdout.utf8)) as? [String: Any])
        let classes = try #require(object["ingredient-classes"] as? [[String: Any]]).compactMap { $0["slug"] as? String }
        #expect(classes.contains("vitamin"))
        // Only the names a shell takes literally: a space is fine, `$`, quotes, braces, `\`,
        // `<(…)` and `>(…)` (process substitutions, which compgen runs), a leading `~` and
        // control characters are not.
        #expect(try complete(["catalog", "query", "--catalogue", catalogue.path, "--ingredient", ""], in: catalogue)
                == classes + ["hyaluronic acid", "glycerol"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: catalogue.path) == ["preparations"])
    }

    @Test("zsh and fish scripts are generated (and parse, when those shells are installed)")
    func otherShells() throws {
        for (shell, marker) in [("zsh", "#compdef catalog"), ("fish", "complete -c 'catalog'")] {
            let run = try runCatalog(["--generate-completion-script", shell])
            #expect(run.status == 0 && run.stderr.isEmpty, "\(shell): \(run.stderr)")
            #expect(run.stdout.contains(marker), "\(shell)")
            #expect(run.stdout.contains("---completion show -- positional@0"), "\(shell): ids are completed at TAB")
            let executable = ["/bin", "/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"].map { "\($0)/\(shell)" }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
            guard let executable else { continue }
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-completion-\(UUID().uuidString).\(shell)")
            try run.stdout.write(to: url, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: url) }
            let check = try runCatalogProcess(["-n", url.path], executable: URL(fileURLWithPath: executable))
            #expect(check.status == 0 && check.stderr.isEmpty, "\(shell) -n: \(check.stderr)")
        }
    }
}
