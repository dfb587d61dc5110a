import PreparationRegistry
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the standard output is: a terminal (and how wide), and whether colour is wanted.
struct Terminal {
    /// The width to fit tables to, or nil for no limit.
    var width: Int?
    /// Whether to use ANSI colours.
    var colour: Bool
    /// Whether it is a terminal, where a table too wide for ``width`` leaves columns out and
    /// cuts cells rather than wrapping them inside words (piped, with `COLUMNS`, every cell
    /// stays whole, wrapped).
    var isTerminal = false

    /// When to colour: `--color auto|always|never`.
    enum ColourChoice: String, CaseIterable {
        case auto, always, never
    }

    /// The standard output as it is: on a terminal, its width; elsewhere the width from
    /// `COLUMNS` if set, else none. Colour follows the usual conventions, in this order:
    /// `--color always` or `never` decide; else `FORCE_COLOR` set to anything but `0` or empty
    /// turns it on; else `NO_COLOR` set and not empty, or `TERM=dumb`, turn it off; else colour on
    /// a terminal only.
    static func standardOutput(environment: [String: String] = CommandContext.environment,
                               colour choice: ColourChoice = .auto) -> Terminal {
        let isTerminal = CommandContext.standardOutputIsTerminal
        var width: Int?
        if isTerminal {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { width = Int(size.ws_col) }
        }
        if width == nil, let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { width = columns }
        if width == nil, isTerminal { width = 80 }
        return Terminal(width: width, colour: wantsColour(choice, isTerminal: isTerminal, environment: environment),
                        isTerminal: isTerminal)
    }

    /// Whether to colour, by the conventions of ``standardOutput(environment:colour:)``.
    static func wantsColour(_ choice: ColourChoice, isTerminal: Bool, environment: [String: String]) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let force = environment["FORCE_COLOR"], !force.isEmpty, force != "0" { return true }
            if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isTerminal
        }
    }

    /// `text` in bold, when colour is on.
    func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    /// `text` in yellow, when colour is on.
    func warning(_ text: String) -> String { colour ? "\u{1B}[33m\(text)\u{1B}[0m" : text }
    /// `text` dimmed, when colour is on.
    func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}

/// The columns a terminal gives one character (a grapheme cluster: a base letter with its
/// combining accents is one character): those of its first scalar (`DisplayColumns`), so 2 for
/// East Asian wide characters and emoji, 0 for a combining mark without a base (at the start of
/// a text) and the zero-width format characters, 1 for every other.
func columns(of character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 1 }
    return DisplayColumns.columns(of: scalar)
}

/// The columns a terminal gives `text` (see ``columns(of:)``): for simple text (nearly all),
/// its count of scalars (``SimpleText``), else a character at a time.
func displayWidth<S: StringProtocol>(_ text: S) -> Int {
    SimpleText.width(text) ?? text.reduce(0) { $0 + columns(of: $1) }
}

/// The widest piece of `text` between the places a line may end (``wrapChunks(_:)``, without
/// trailing spaces): the narrowest column that wraps it between words.
func longestWord(_ text: String) -> Int {
    if SimpleText.width(text) != nil { return SimpleText.longestWord(text) }
    return wrapChunks(text).reduce(0) { max($0, displayWidth($1.trimmingSpaces)) }
}

/// The longest start of `text` at most `width` columns wide, and at least one character.
func prefix(_ text: Substring, columns width: Int) -> Substring {
    var used = 0
    var end = text.startIndex
    while end < text.endIndex {
        let next = used + columns(of: text[end])
        if next > width, end > text.startIndex { break }
        used = next
        end = text.index(after: end)
    }
    return text[..<end]
}

/// Breaks `text` into lines of at most `width` columns: after a space or a hyphen where it
/// can, inside a word only when the word alone is wider than the line.
func wrap(_ text: String, width: Int?) -> [String] {
    guard let width, width > 0 else { return [text] }
    if let simple = SimpleText.width(text) {
        return simple > width ? SimpleText.wrap(text, width: width) : [text]
    }
    guard displayWidth(text) > width else { return [text] }
    var lines: [String] = []
    var line = ""
    for chunk in wrapChunks(text) {
        let visible = displayWidth(chunk.trimmingSpaces)
        if displayWidth(line) + visible <= width {
            line += line.isEmpty ? String(chunk.drop { $0 == " " }) : chunk
            continue
        }
        if !line.isEmpty {
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
            line = ""
        }
        // A word wider than the line is cut into lines; its width is measured once and each
        // line's taken off it (measuring the rest again for each line made a 256 KiB word
        // quadratic).
        var rest = Substring(chunk.drop { $0 == " " })
        var restWidth = visible
        while restWidth > width {
            let head = prefix(rest, columns: width)
            lines.append(String(head))
            restWidth -= displayWidth(head)
            rest = rest[head.endIndex...]
        }
        line = String(rest)
    }
    while line.hasSuffix(" ") { line.removeLast() }
    if !line.isEmpty { lines.append(line) }
    return lines.isEmpty ? [""] : lines
}

/// `text` cut to at most `width` columns: whole when it fits, else its longest start that
/// leaves room for an ellipsis, then `…`. It cuts between characters (grapheme clusters), never
/// inside one, and never inside a `\u{1B}` escape that ``terminalSafe(_:)`` wrote; colour
/// codes are added after cutting, so none is cut either. When `text` ends with `suffix` (the
/// deprecated mark) and there is room, the cut is made before it and `suffix` kept.
func cut(_ text: String, to width: Int, keeping suffix: String? = nil) -> String {
    guard displayWidth(text) > width else { return text }
    guard width > 0 else { return "" }
    if let suffix, text.hasSuffix(suffix), width >= displayWidth(suffix) + 2 {
        return cut(String(text.dropLast(suffix.count)), to: width - displayWidth(suffix)) + suffix
    }
    var used = 0
    var end = text.startIndex
    while end < text.endIndex {
        let next = used + columns(of: text[end])
        if next > width - 1 { break }
        used = next
        end = text.index(after: end)
    }
    var head = text[..<end]
    if let escape = head.lastRange(of: "\\u{"), !head[escape.upperBound...].contains("}") {
        head = head[..<escape.lowerBound]
    }
    return String(head.trimmingSpaces) + "…"
}

/// `text` cut after each space and each hyphen: the pieces a line may end with.
func wrapChunks(_ text: String) -> [String] {
    var chunks: [String] = []
    var current = ""
    for character in text {
        current.append(character)
        if character == " " || character == "-" {
            chunks.append(current)
            current = ""
        }
    }
    if !current.isEmpty { chunks.append(current) }
    return chunks
}

/// `text` padded with spaces to `width` columns.
func pad(_ text: String, _ width: Int) -> String {
    let used = displayWidth(text)
    guard used < width else { return text }
    var padded = text
    appendSpaces(width - used, to: &padded)
    return padded
}
