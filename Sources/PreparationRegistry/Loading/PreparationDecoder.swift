import OrderedCollections
import YAMLReader

/// The index of each preparation key in ``FormatFields/preparation``, the one table of keys.
private enum K {
    static let id = index("id")
    static let name = index("name")
    static let summary = index("summary")
    static let ingredients = index("ingredients")
    static let regions = index("regions")
    static let indications = index("indications")
    static let techniques = index("techniques")
    static let depth = index("depth")
    static let residence = index("residence")
    static let `protocol` = index("protocol")
    static let sessionTime = index("session-time")
    static let dosing = index("dosing")
    static let contraindications = index("contraindications")
    static let sideEffects = index("side-effects")
    static let aftercare = index("aftercare")
    static let avoidSeasons = index("avoid-seasons")
    static let sources = index("sources")
    static let evidence = index("evidence")
    static let deprecated = index("deprecated")
    static let notes = index("notes")

    private static func index(_ key: String) -> Int {
        guard let index = FormatFields.preparation.firstIndex(where: { $0.key == key }) else {
            fatalError("'\(key)' is not in FormatFields.preparation")
        }
        return index
    }
}

/// The indices of the keys of the nested mappings of a preparation in their ``KeyTables``:
/// reading a field by its index costs a few instructions, by its key's text about 250
/// (Benchmarks/commands.sh, `catalog validate` at 10,000 preparations).
private enum NestedKeys {
    static let ingredientName = KeyTables.ingredient.slot("name")
    static let ingredientClass = KeyTables.ingredient.slot("class")
    static let concentration = KeyTables.ingredient.slot("concentration")
    static let phase = KeyTables.phase.slot("phase")
    static let sessions = KeyTables.phase.slot("sessions")
    static let interval = KeyTables.phase.slot("interval")
    static let `repeat` = KeyTables.phase.slot("repeat")
    static let effect = KeyTables.sideEffect.slot("effect")
    static let lasts = KeyTables.sideEffect.slot("lasts")
    static let frequency = KeyTables.sideEffect.slot("frequency")
    static let instruction = KeyTables.aftercare.slot("instruction")
    static let `for` = KeyTables.aftercare.slot("for")
}

/// Turns one YAML document into a ``Preparation``, checking every rule of the format that a
/// single document can break, against the catalogue's vocabulary.
struct PreparationDecoder {
    let vocabulary: Vocabulary
    /// The vocabulary's slugs, matched on bytes.
    let words: VocabularyWords

    /// The preparation, or nil; with every diagnostic found either way.
    ///
    /// - Parameter interner: where texts that preparations tend to share are kept once, for a
    ///   load of many preparations.
    ///   - words: `vocabulary`'s byte tables, when the caller keeps them from one document to the next.
    ///   - keepLimit: how many diagnostics to write; the others are counted (`omitted`).
    static func decode(_ document: YAMLDocumentView, vocabulary: Vocabulary,
                       interner: TextInterner? = nil, words: VocabularyWords? = nil, keepLimit: Int = .max)
        -> (Preparation?, [Diagnostic], omitted: (errors: Int, warnings: Int, first: SourceLocation)?) {
        var reader = NodeReader(interner: interner)
        reader.keepLimit = keepLimit
        let decoder = PreparationDecoder(vocabulary: vocabulary, words: words ?? VocabularyWords(vocabulary))
        let preparation = decoder.decode(document.root, &reader)
        let omitted = reader.firstCounted.map { (reader.counted, reader.countedWarnings, $0) }
        // Warnings (an extension's inexact number) leave the preparation in.
        guard reader.counted == 0,
              reader.diagnostics.isEmpty || !reader.diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, reader.diagnostics, omitted)
        }
        return (preparation, reader.diagnostics, omitted)
    }

    /// The preparation, or nil, as ``decode(_:vocabulary:interner:)`` decides, with its errors
    /// only counted: for a file whose diagnostics a load no longer keeps, where writing each
    /// message would cost more than the rest of the decoding.
    static func decodeCounting(_ document: YAMLDocumentView, vocabulary: Vocabulary,
                               interner: TextInterner? = nil,
                               words: VocabularyWords? = nil) -> (Preparation?, errors: Int, first: SourceLocation?) {
        var reader = NodeReader(interner: interner)
        reader.countOnly = true
        let decoder = PreparationDecoder(vocabulary: vocabulary, words: words ?? VocabularyWords(vocabulary))
        let preparation = decoder.decode(document.root, &reader)
        guard reader.counted == 0 else { return (nil, reader.counted, reader.firstCounted) }
        return (preparation, 0, nil)
    }

    private func decode(_ root: YAMLNodeView, _ reader: inout NodeReader) -> Preparation? {
        guard let f = reader.fields(root, "a preparation", KeyTables.preparation) else { return nil }
        let id = f[K.id].flatMap { reader.slug($0, "id", maxLength: 64) }
        let name = f[K.name].flatMap { reader.nonEmptyText($0, "name") }
        var summary = f[K.summary].flatMap { reader.text($0, "summary") }
        if let text = summary, mayBreakLine(in: text), let node = f[K.summary] {
            // One line, which may end with its line break (a block scalar, `summary: >`, keeps
            // one); that break is not part of the summary.
            let line = oneLine(text)
            if line == nil { reader.error(node.location, .summaryNotOneLine) }
            summary = line
        }
        let ingredients = reader.each(f[K.ingredients], "ingredients", nonEmpty: true) { r, n in ingredient(&r, n) }
        let regions = reader.each(f[K.regions], "regions", nonEmpty: true) { r, n in r.word(n, WordTables.region, "region") }
        let indications = reader.each(f[K.indications], "indications", nonEmpty: true) { r, n in
            vocabularyWord(&r, n, "indication", vocabulary.indications.keys, words.indications)
        }
        let techniques = reader.each(f[K.techniques], "techniques", nonEmpty: true) { r, n in
            r.word(n, WordTables.technique, "technique")
        }
        let depth = f[K.depth].flatMap { reader.lengthRange($0, "depth") }
        let residence = f[K.residence].flatMap { reader.durationRange($0, "residence") }
        let phases = reader.each(f[K.`protocol`], "protocol", nonEmpty: true) { r, n in phase(&r, n) }
        if let phases { checkIntervals(phases, f, &reader) }
        let sessionTime = f[K.sessionTime].flatMap { reader.durationRange($0, "session-time") }
        let dosing = f[K.dosing].flatMap { reader.dosing($0) }
        let contraindications = reader.each(f[K.contraindications], "contraindications") { r, n in
            vocabularyWord(&r, n, "condition", vocabulary.conditions.keys, words.conditions)
        }
        let sideEffects = reader.each(f[K.sideEffects], "side-effects") { r, n in sideEffect(&r, n) }
        let aftercare = reader.each(f[K.aftercare], "aftercare") { r, n in aftercareInstruction(&r, n) }
        let seasons = reader.each(f[K.avoidSeasons], "avoid-seasons") { r, n in r.word(n, WordTables.season, "season") }
        let sources = reader.each(f[K.sources], "sources") { r, n in r.nonEmptyText(n, "sources", shared: true) }
        reader.warnRepeats(regions, in: f[K.regions], "regions") { $0.rawValue }
        reader.warnRepeats(indications, in: f[K.indications], "indications") { $0 }
        reader.warnRepeats(techniques, in: f[K.techniques], "techniques") { $0.rawValue }
        reader.warnRepeats(contraindications, in: f[K.contraindications], "contraindications") { $0 }
        reader.warnRepeats(seasons, in: f[K.avoidSeasons], "avoid-seasons") { $0.rawValue }
        let evidence = f[K.evidence].flatMap { reader.word($0, WordTables.evidence, "evidence") }
        let deprecated = f[K.deprecated].flatMap { deprecation($0, &reader) }
        let notes = f[K.notes].flatMap { reader.text($0, "notes") }

        guard let id, let name, let ingredients, let regions, let indications, let techniques, let depth,
              let residence, let phases, let contraindications, let sideEffects, let aftercare, let seasons,
              let sources
        else { return nil }
        let places = keyPlaces(f, start: root.line)
        var preparation = Preparation(
            id: id, name: name, summary: summary, ingredients: ingredients, regions: regions,
            indications: indications, techniques: techniques, depth: depth, residence: residence, phases: phases,
            sessionTime: sessionTime, dosing: dosing, contraindications: contraindications, sideEffects: sideEffects,
            aftercare: aftercare, avoidSeasons: seasons, sources: sources, evidence: evidence,
            deprecated: deprecated, notes: notes, extensions: reader.extensions(of: f), location: root.location)
        preparation.keyPlaces = places
        return preparation
    }

    /// Where each top-level key's value is written, and the value of `deprecated.replaced-by`.
    private func keyPlaces(_ f: Fields, start: Int) -> KeyPlaces {
        var places = KeyPlaces()
        let fieldCount = f.table.specs.count
        var present = 0
        for field in 0 ..< fieldCount where f.slots[field] >= 0 { present += 1 }
        places.reserve(present + (f.slots[K.deprecated] >= 0 ? 1 : 0))
        for field in 0 ..< fieldCount {
            guard let entry = f.entry(at: field) else { continue }
            // The line and column only: a location would copy the file's path for each key.
            let value = entry.value
            places.record(field: field, line: value.line, column: value.column, start: start)
        }
        if let entries = f.entry(at: K.deprecated)?.value.mapping,
           let replacedBy = entries.first(where: { $0.keyEquals("replaced-by") }) {
            let value = replacedBy.value
            places.record(field: KeyPlaces.replacedByField, line: value.line, column: value.column, start: start)
        }
        return places
    }

    private func vocabularyWord(_ r: inout NodeReader, _ node: YAMLNodeView, _ what: String,
                                _ known: OrderedSet<String>, _ table: VocabularyWordTable) -> String? {
        // A known slug, matched on the scalar's bytes (no string made, none hashed).
        if let scalar = node.scalar, case .string = scalar.value, let slug = scalar.withBytes({ table.slug($0) }) {
            return slug
        }
        guard let word = r.text(node, what) else { return nil }
        // The vocabulary's own string: every preparation naming the word shares it.
        if let index = known.firstIndex(of: word) { return known[index] }
        // (The hint is built only when the message is: ``NodeReader/keepLimit``.)
        r.error(node.location, .unknownWord(what, word, hint: otherSection(of: word, than: what) ?? Suggestions.slip(kind: what, word: word)
            ?? table.suggestions.suggestion(for: word).map { "; did you mean '\($0)'?" }
            ?? "; it is not in the catalogue's vocabulary"))
        return nil
    }

    /// `; it is a condition of the vocabulary, which contraindications list` when `word` is a
    /// word of another section than `what`'s: an outside review's `indications: [pregnancy]`
    /// was told the word was not in the vocabulary at all.
    private func otherSection(of word: String, than what: String) -> String? {
        let sections: [(String, Bool, String)] = [
            ("indication", vocabulary.indications[word] != nil, "which indications list"),
            ("condition", vocabulary.conditions[word] != nil, "which contraindications list"),
            ("ingredient class", vocabulary.ingredientClasses[word] != nil, "which an ingredient's class names"),
        ]
        guard let found = sections.first(where: { $0.0 != what && $0.1 }) else { return nil }
        return "; it is \(found.0 == "indication" ? "an" : "a") \(found.0) of the vocabulary, \(found.2)"
    }

    private func ingredient(_ r: inout NodeReader, _ node: YAMLNodeView) -> Ingredient? {
        if node.scalar != nil {
            return r.nonEmptyText(node, "ingredient", shared: true).map { Ingredient(name: $0) }
        }
        guard let f = r.fields(node, "an ingredient", KeyTables.ingredient) else { return nil }
        let name = f[NestedKeys.ingredientName].flatMap { r.nonEmptyText($0, "name", shared: true) }
        var failed = false
        var ingredientClass: String?
        if let classNode = f[NestedKeys.ingredientClass] {
            ingredientClass = vocabularyWord(&r, classNode, "ingredient class", vocabulary.ingredientClasses.keys,
                                             words.ingredientClasses)
            failed = failed || ingredientClass == nil
        }
        var concentration: Concentration?
        if let node = f[NestedKeys.concentration] {
            if let scalar = node.scalar, let fast = fastConcentration(scalar) {
                concentration = fast
            } else if let text = r.text(node, "concentration") {
                concentration = Concentration.parse(text)
                if concentration == nil {
                    r.error(node.location, Concentration.hasNumberTooLarge(text) ? .numberTooLarge(text)
                        : .notAConcentration(text))
                }
            }
            failed = failed || concentration == nil
        }
        guard let name, !failed else { return nil }
        return Ingredient(name: name, ingredientClass: ingredientClass, concentration: concentration)
    }

    private func phase(_ r: inout NodeReader, _ node: YAMLNodeView) -> ProtocolPhase? {
        guard let f = r.fields(node, "a protocol phase", KeyTables.phase) else { return nil }
        let name = f[NestedKeys.phase].flatMap { r.slug($0, "phase") }
        let sessions = f[NestedKeys.sessions].flatMap { r.countRange($0, "sessions") }
        var interval: DurationRange?
        var failed = false
        if let node = f[NestedKeys.interval] {
            interval = r.durationRange(node, "interval")
            failed = interval == nil
        }
        var repeats = false
        if let node = f[NestedKeys.`repeat`] {
            if let value = r.bool(node, "repeat") { repeats = value } else { failed = true }
        }
        guard let name, let sessions, !failed else { return nil }
        return ProtocolPhase(name: name, sessions: sessions, interval: interval, repeats: repeats)
    }

    /// `interval` is required when a phase can have more than one session, and on every phase
    /// after the first.
    private func checkIntervals(_ phases: [ProtocolPhase], _ f: Fields, _ reader: inout NodeReader) {
        guard let items = f[K.`protocol`]?.sequence, items.count == phases.count else { return }
        for (index, phase) in phases.enumerated() where phase.interval == nil {
            let location = items[index].location
            if index > 0 {
                reader.error(location, .phaseNeedsInterval(phase.name, afterTheFirst: true))
            } else if phase.sessions.max > 1 || phase.repeats {
                reader.error(location, .phaseNeedsInterval(phase.name, afterTheFirst: false))
            }
        }
    }

    private func sideEffect(_ r: inout NodeReader, _ node: YAMLNodeView) -> SideEffect? {
        if node.scalar != nil {
            return r.nonEmptyText(node, "side effect", shared: true).map { SideEffect(effect: $0) }
        }
        guard let f = r.fields(node, "a side effect", KeyTables.sideEffect) else { return nil }
        let effect = f[NestedKeys.effect].flatMap { r.nonEmptyText($0, "effect", shared: true) }
        var failed = false
        var lasts: DurationRange?
        if let node = f[NestedKeys.lasts] {
            lasts = r.durationRange(node, "lasts")
            failed = lasts == nil
        }
        var frequency: SideEffect.Frequency?
        if let node = f[NestedKeys.frequency] {
            frequency = r.word(node, WordTables.frequency, "frequency")
            failed = failed || frequency == nil
        }
        guard let effect, !failed else { return nil }
        return SideEffect(effect: effect, lasts: lasts, frequency: frequency)
    }

    private func aftercareInstruction(_ r: inout NodeReader, _ node: YAMLNodeView) -> AftercareInstruction? {
        if node.scalar != nil {
            return r.nonEmptyText(node, "aftercare instruction", shared: true).map { AftercareInstruction(instruction: $0) }
        }
        guard let f = r.fields(node, "an aftercare instruction", KeyTables.aftercare) else { return nil }
        let instruction = f[NestedKeys.instruction].flatMap { r.nonEmptyText($0, "instruction", shared: true) }
        var duration: DurationRange?
        var failed = false
        if let node = f[NestedKeys.`for`] {
            duration = r.durationRange(node, "for")
            failed = duration == nil
        }
        guard let instruction, !failed else { return nil }
        return AftercareInstruction(instruction: instruction, duration: duration)
    }

    private func deprecation(_ node: YAMLNodeView, _ reader: inout NodeReader) -> Deprecation? {
        guard let f = reader.fields(node, "'deprecated'", KeyTables.deprecation) else { return nil }
        let because = f["because"].flatMap { reader.nonEmptyText($0, "because") }
        var since: String?
        var failed = false
        if let node = f["since"] {
            since = reader.text(node, "since")
            if let value = since, CalendarDate(value) == nil {
                reader.error(node.location, .notADate(value))
                failed = true
            }
        }
        var replacedBy: String?
        if let node = f["replaced-by"] {
            replacedBy = reader.slug(node, "replaced-by")
            failed = failed || replacedBy == nil
        }
        guard let because, !failed else { return nil }
        return Deprecation(since: since, because: because, replacedBy: replacedBy)
    }
}

/// `text` without its final line break (LF, CR LF or CR), or nil when a line break remains:
/// text of more than one line. NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR
/// (U+2029) break a line too, as libyaml counts lines.
func oneLine(_ text: String) -> String? {
    var bytes = Array(text.utf8)
    if bytes.last == 10 { bytes.removeLast() }
    if bytes.last == 13 { bytes.removeLast() }
    guard !bytes.contains(where: { $0 == 10 || $0 == 13 }) else { return nil }
    let line = String(decoding: bytes, as: UTF8.self)
    guard !line.unicodeScalars.contains(where: { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) else { return nil }
    return line
}

/// True for a UTF-8 byte that may be part of a line break (``oneLine(_:)`` tells): LF, CR, or
/// the last byte of NEL, U+2028 or U+2029.
func mayBreakLine(_ byte: UInt8) -> Bool { byte == 10 || byte == 13 || byte == 0x85 || byte == 0xA8 || byte == 0xA9 }

/// True when `text` has a byte that may be part of a line break (``mayBreakLine(_:)``), read
/// over its contiguous UTF-8 (a summary of every preparation passes here on each load).
func mayBreakLine(in text: String) -> Bool {
    var text = text
    return text.withUTF8 { $0.contains(where: mayBreakLine) }
}
