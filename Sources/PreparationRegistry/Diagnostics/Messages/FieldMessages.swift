import YAMLReader

/// The messages about a field of a document and its value: its type, its words, its ranges
/// and units (``NodeReader``, ``PreparationDecoder``).
extension Diagnostic.Message {
    // MARK: Mappings and keys

    /// `WHAT must be a mapping, not KIND` (`what` names it with its article: `a preparation`).
    static func notAMapping(_ what: String, _ kind: String) -> Self {
        Self(.wrongType, "\(what) must be a mapping, not \(kind)")
    }

    /// `unknown key 'KEY'` and the hint (`; did you mean 'k'?` or nothing).
    static func unknownKey(_ key: String, hint: String) -> Self {
        Self(.unknownKey, "unknown key '\(key)'" + hint)
    }

    /// `missing required key 'KEY'`.
    static func missingKey(_ key: String) -> Self {
        Self(.missingKey, "missing required key '\(key)'")
    }

    /// `'KEY' needs a value` (a key written with no value, or null).
    static func needsValue(_ what: String) -> Self {
        Self(.missingValue, "'\(what)' needs a value")
    }

    // MARK: Scalars

    /// `'WHAT' must be a string, not KIND`.
    static func notAString(_ what: String, _ kind: String) -> Self {
        Self(.wrongType, "'\(what)' must be a string, not \(kind)")
    }

    /// `'WHAT' must not be empty`.
    static func emptyText(_ what: String) -> Self {
        Self(.emptyText, "'\(what)' must not be empty")
    }

    /// `'WHAT' holds only control or invisible characters: it would print as nothing`.
    static func invisibleText(_ what: String) -> Self {
        Self(.emptyText, "'\(what)' holds only control or invisible characters: it would print as nothing")
    }

    /// `'WHAT' must be a finite number, not TEXT`.
    static func notFinite(_ what: String, _ text: String) -> Self {
        Self(.notFinite, "'\(what)' must be a finite number, not \(text)")
    }

    /// `'WHAT' must be a number, not KIND`.
    static func notANumber(_ what: String, _ kind: String) -> Self {
        Self(.wrongType, "'\(what)' must be a number, not \(kind)")
    }

    /// `'WHAT' must be true or false, not KIND`.
    static func notABool(_ what: String, _ kind: String) -> Self {
        Self(.wrongType, "'\(what)' must be true or false, not \(kind)")
    }

    /// `unknown WHAT 'WORD'` and the hint: a word of a closed set or of the vocabulary.
    static func unknownWord(_ what: String, _ word: String, hint: String) -> Self {
        Self(.unknownWord, "unknown \(what) '\(word)'" + hint)
    }

    /// `WHAT 'VALUE' is not a slug: ...`.
    static func notASlug(_ what: String, _ value: String) -> Self {
        Self(.notASlug, "\(what) '\(value)' is not a slug: lower-case letters and digits, in words joined by single hyphens, such as 'hyaluronic-hydration'")
    }

    /// `WHAT 'VALUE' is longer than N characters`.
    static func tooLong(_ what: String, _ value: String, limit: Int) -> Self {
        Self(.tooLong, "\(what) '\(value)' is longer than \(limit) characters")
    }

    /// `'summary' must be one line; put longer text in 'notes'`.
    static var summaryNotOneLine: Self {
        Self(.notOneLine, "'summary' must be one line; put longer text in 'notes'")
    }

    /// `'VALUE' is not a date in the form YYYY-MM-DD`.
    static func notADate(_ value: String) -> Self {
        Self(.invalidDate, "'\(value)' is not a date in the form YYYY-MM-DD")
    }

    /// `'TEXT' is not a concentration; ...`.
    static func notAConcentration(_ text: String) -> Self {
        Self(.invalidConcentration, "'\(text)' is not a concentration; write a number and one of %, mg/ml, ug/ml or IU/ml, such as '10 mg/ml'")
    }

    /// `phase 'NAME' needs an 'interval': REASON`.
    static func phaseNeedsInterval(_ name: String, afterTheFirst: Bool) -> Self {
        Self(.missingInterval, "phase '\(name)' needs an 'interval': " + (afterTheFirst
            ? "every phase after the first does (it is also the gap from the previous phase)"
            : "it can have more than one session"))
    }

    // MARK: Lists

    /// `'WHAT' must be a list, not KIND`, with `; write it as [TEXT]` for a string.
    static func notAList(_ what: String, _ kind: String, string: String?) -> Self {
        Self(.wrongType, "'\(what)' must be a list, not \(kind)" + (string.map { "; write it as [\($0)]" } ?? ""))
    }

    /// `'WORD' is listed twice in 'WHAT' (first at FIRST); list it once` (a warning), with a
    /// note at the first.
    static func repeatedItem(_ word: String, in what: String, firstAt first: SourceLocation) -> Self {
        Self(.repeatedItem, "'\(word)' is listed twice in '\(what)' (first at \(first)); list it once, or write the word meant",
             notes: [Diagnostic.Note(first, "first listed here")])
    }

    /// `'WHAT' needs at least one entry`.
    static func emptyList(_ what: String) -> Self {
        Self(.emptyList, "'\(what)' needs at least one entry")
    }

    // MARK: Ranges, numbers and units

    /// `'KEY' holds the number 'TEXT', too large to keep as written: it is read as VALUE;
    /// quote it to keep it as text` (a warning): an extension value's whole number beyond 64
    /// bits, or a number beyond a `Double`.
    static func inexactNumber(_ text: String, key: String, heldAs value: String, tooSmall: Bool = false) -> Self {
        Self(.inexactNumber, "'\(key)' holds the number '\(text)', too \(tooSmall ? "small" : "large") to keep as written: it is read as \(value); quote it to keep it as text")
    }

    /// `'KEY' holds 'TEXT', which JSON has no number for: ...` (a warning): an infinity or not-a-number
    /// written as such (`.inf`, `.nan`), kept as itself in YAML but `null` in JSON.
    static func numberWithoutJSON(_ text: String, key: String) -> Self {
        Self(.inexactNumber, "'\(key)' holds '\(text)', which JSON has no number for: `--format json` writes it null; quote it to keep it as text")
    }

    /// `a number in 'TEXT' is too large`: a range, count or concentration text whose number is
    /// too large to hold (more digits than a `Double` reaches, or than a whole number of
    /// sessions can be).
    static func numberTooLarge(_ text: String) -> Self {
        Self(.numberTooLarge, "a number in '\(text)' is too large")
    }

    /// `'WHAT' must be a QUANTITY range such as 'EXAMPLE', not KIND`.
    static func notARange(_ what: String, quantity: String, example: String, _ kind: String) -> Self {
        Self(.wrongType, "'\(what)' must be a \(quantity) range such as '\(example)', not \(kind)")
    }

    /// `'TEXT' is not a QUANTITY range; write it like 'EXAMPLE'`.
    static func invalidRange(_ text: String, quantity: String, example: String) -> Self {
        Self(.invalidRange, "'\(text)' is not a \(quantity) range; write it like '\(example)'")
    }

    /// `'WHAT' needs a 'unit': UNITS` (a range written as a mapping).
    static func needsUnitKey(_ what: String, units: String) -> Self {
        Self(.missingUnit, "'\(what)' needs a 'unit': \(units)")
    }

    /// `'TEXT' needs a QUANTITY unit: UNITS`.
    static func needsUnit(_ text: String, quantity: String, units: String) -> Self {
        Self(.missingUnit, "'\(text)' needs a \(quantity) unit: \(units)")
    }

    /// `'TEXT' needs a unit on its upper bound too, such as 'EXAMPLE'`.
    static func needsUpperUnit(_ text: String, example: String) -> Self {
        Self(.missingUnit, "'\(text)' needs a unit on its upper bound too, such as '\(example)'")
    }

    /// `'WORD' is a OTHER unit, but this is a QUANTITY[ in 'TEXT']; use UNITS`.
    static func unitOfOtherQuantity(_ word: String, other: String, quantity: String, place: String, units: String) -> Self {
        Self(.unknownUnit, "'\(word)' is a \(other) unit, but this is a \(quantity)\(place); use \(units)")
    }

    /// `unknown QUANTITY unit 'WORD'[ in 'TEXT']` and the hint.
    static func unknownUnit(_ word: String, quantity: String, place: String, hint: String) -> Self {
        Self(.unknownUnit, "unknown \(quantity) unit '\(word)'\(place)" + hint)
    }

    /// `'WHAT' must not be negative`.
    static func negative(_ what: String) -> Self {
        Self(.outOfRange, "'\(what)' must not be negative")
    }

    /// `'WHAT' must be at least 1`.
    static func belowOne(_ what: String) -> Self {
        Self(.outOfRange, "'\(what)' must be at least 1")
    }

    /// `'WHAT' must be above zero, not 'RANGE'`.
    static func notAboveZero(_ what: String, _ range: String) -> Self {
        Self(.outOfRange, "'\(what)' must be above zero, not '\(range)'")
    }

    /// `range 'TEXT' has its lower bound above its upper bound`.
    static func reversedRange(_ text: String) -> Self {
        Self(.reversedRange, "range '\(text)' has its lower bound above its upper bound")
    }

    /// `'WHAT' is a count and takes no unit` (`: write it like '4-6'` for a written range).
    static func countTakesNoUnit(_ what: String, written: Bool) -> Self {
        Self(.unitNotAllowed, "'\(what)' is a count and takes no unit" + (written ? ": write it like '4-6'" : ""))
    }

    /// `'TEXT' is not a count range; write it like '4-6' or '1'`.
    static func invalidCountRange(_ text: String) -> Self {
        Self(.invalidRange, "'\(text)' is not a count range; write it like '4-6' or '1'")
    }

    /// `'WHAT' must be a count range such as '4-6', not KIND`.
    static func notACountRange(_ what: String, _ kind: String) -> Self {
        Self(.wrongType, "'\(what)' must be a count range such as '4-6', not \(kind)")
    }

    /// `'TEXT' is not a whole number of sessions`.
    static func notWholeSessions(_ text: String) -> Self {
        Self(.notAWholeNumber, "'\(text)' is not a whole number of sessions")
    }

    /// `'WHAT' must be a whole number, not TEXT` (a number that is not whole).
    static func notWhole(_ what: String, _ text: String) -> Self {
        Self(.notAWholeNumber, "'\(what)' must be a whole number, not \(text)")
    }

    /// `'WHAT' must be a whole number, not KIND`.
    static func notAWholeNumber(_ what: String, _ kind: String) -> Self {
        Self(.wrongType, "'\(what)' must be a whole number, not \(kind)")
    }

    /// `'WHAT' must be one volume, such as '10 ml', not KIND`.
    static func notOneVolume(_ what: String, _ kind: String) -> Self {
        Self(.wrongType, "'\(what)' must be one volume, such as '10 ml', not \(kind)")
    }

    /// `'WHAT' must be one volume, such as '10 ml', not the range 'RANGE'`.
    static func volumeRange(_ what: String, _ range: String) -> Self {
        Self(.wrongType, "'\(what)' must be one volume, such as '10 ml', not the range '\(range)'")
    }
}
