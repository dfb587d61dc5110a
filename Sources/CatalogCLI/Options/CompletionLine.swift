import FoundationEssentials

/// The command line being completed, as a shell hands it to a custom completion: its words as
/// typed (quotes and escapes kept), and the index of the word being completed. Read only to
/// find what earlier words chose: the catalogue (`--catalogue`) and `course`'s area.
struct CompletionLine: Sendable {
    /// The words, unquoted (``unquoted(_:)``); the first is the command.
    var words: [String]
    /// The index of the word being completed, whose text is left out of every answer.
    var index: Int

    init(words: [String], index: Int) {
        self.words = words.map(Self.unquoted)
        self.index = index
    }

    /// The values given to `option` (`--option VALUE`, `--option=VALUE`, and bash's split
    /// `--option = VALUE`), in order; nothing after `--`, nor the word being completed.
    func values(of option: String) -> [String] {
        var values: [String] = []
        var position = 1
        while position < words.count, words[position] != "--" {
            let word = words[position]
            if word == option, position != index {
                var value = position + 1
                if value < words.count, words[value] == "=" { value += 1 }
                if value < words.count, value != index { values.append(words[value]) }
                position = value + 1
                continue
            }
            if position != index, word.hasPrefix(option + "=") { values.append(String(word.dropFirst(option.count + 1))) }
            position += 1
        }
        return values
    }

    /// The positional arguments given after the subcommand `subcommand`, the word being
    /// completed left out. `flags` are the options that take no value; `lists` those that take
    /// every value up to the next option (argument-parser's `.upToNextOption`); any other
    /// word starting with `-` takes the next word as its value.
    func positionals(of subcommand: String, flags: Set<String>, lists: Set<String> = []) -> [String] {
        guard let start = words.indices.dropFirst().first(where: { words[$0] == subcommand && $0 != index }) else { return [] }
        var positionals: [String] = []
        var position = start + 1
        var optionsEnded = false
        while position < words.count {
            defer { position += 1 }
            let word = words[position]
            if position == index { continue }
            if optionsEnded || word == "-" || !word.hasPrefix("-") {
                positionals.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            if word.contains("=") || flags.contains(word) { continue }
            if position + 1 < words.count, words[position + 1] == "=" {
                position += 2  // bash: `--option = VALUE`
                continue
            }
            if lists.contains(word) {
                while position + 1 < words.count, !words[position + 1].hasPrefix("-") { position += 1 }
                continue
            }
            position += 1
        }
        return positionals
    }

    /// `word` as the shell would pass it on: quotes removed ('…' literal, "…" with `\` before
    /// `$`, a back quote, `"` or `\`), a backslash outside quotes escaping the next character,
    /// and a leading `~` or `~/` read as $HOME. Variables and other expansions stay as typed.
    static func unquoted(_ word: String) -> String {
        var out = ""
        var characters = word[...]
        if characters == "~" || characters.hasPrefix("~/"),
           let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            out = home
            characters = characters.dropFirst()
        }
        var quote: Character?
        while let character = characters.popFirst() {
            switch (quote, character) {
            case (nil, "'"), (nil, "\""):
                quote = character
            case ("'", "'"), ("\"", "\""):
                quote = nil
            case (nil, "\\"):
                if let next = characters.popFirst() { out.append(next) }
            case ("\"", "\\"):
                if let next = characters.first, "$`\"\\".contains(next) {
                    out.append(next)
                    characters = characters.dropFirst()
                } else {
                    out.append(character)
                }
            default:
                out.append(character)
            }
        }
        return out
    }
}
