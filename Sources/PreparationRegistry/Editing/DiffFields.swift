import OrderedCollections

/// A value compared by ``FieldDiffer``: its canonical JSON (what is compared, and what `diff
/// --format json` prints) and how the catalogue writes it (what the lines print).
struct Compared {
    var canonical: DataValue
    var text: DataValue

    /// A value written the same both ways (a word, a description, an `x-` value).
    init(_ value: DataValue) {
        canonical = value
        text = value
    }

    init(canonical: DataValue, text: DataValue) {
        self.canonical = canonical
        self.text = text
    }

    /// The members of a mapping, each in both forms (the two forms have the same keys).
    var members: [(String, Compared)] {
        guard case .object(let canonicalMembers) = canonical, case .object(let textMembers) = text else { return [] }
        return canonicalMembers.map { key, value in (key, Compared(canonical: value, text: textMembers[key] ?? value)) }
    }

    /// The items of a list, each in both forms.
    var items: [Compared] {
        guard case .array(let canonicalItems) = canonical, case .array(let textItems) = text,
              canonicalItems.count == textItems.count else { return [] }
        return zip(canonicalItems, textItems).map { Compared(canonical: $0, text: $1) }
    }

    /// The member `key` of a mapping, if any.
    func member(_ key: String) -> Compared? { members.first { $0.0 == key }?.1 }
}

/// Compares two versions of a preparation, a vocabulary word or a manifest field by field,
/// collecting ``CatalogueDiff/Change``s; see ``CatalogueDiff`` for the paths and labels.
struct FieldDiffer {
    private(set) var changes: [CatalogueDiff.Change] = []

    // MARK: What is compared

    /// The lists of section 2 whose items are words, changed item by item.
    static let wordLists: Set<String> = ["regions", "indications", "techniques", "contraindications", "avoid-seasons", "sources"]

    /// The lists of mappings, their items known by one key: the key, and the item's noun.
    static let keyedLists: [String: (identity: String, noun: String)] = [
        "ingredients": ("name", "ingredient"), "side-effects": ("effect", "side effect"),
        "aftercare": ("instruction", "aftercare"), "protocol": ("phase", "phase"),
    ]

    /// The mappings whose keys are compared one by one when both versions have them.
    static let mappings: Set<String> = ["dosing", "deprecated"]

    /// How an item's key is named in a line, where the format's key reads oddly there.
    static let itemKeyLabels: [String: String] = ["for": "duration", "lasts": "duration"]

    /// The changes from `old` to `new`, in the order of the format's table.
    static func preparation(_ old: Preparation, _ new: Preparation) -> [CatalogueDiff.Change] {
        func document(_ p: Preparation) -> [(String, Compared)] {
            Compared(canonical: PreparationDocument.value(of: p, style: .canonical),
                     text: PreparationDocument.value(of: p, style: .catalogue)).members
        }
        var differ = FieldDiffer()
        for (key, before, after) in merge(document(old), document(new)) where key != "id" {
            if wordLists.contains(key) {
                differ.words(key, key, before?.items ?? [], after?.items ?? [])
            } else if let list = keyedLists[key] {
                differ.keyed(key, identity: list.identity, noun: list.noun, before?.items ?? [], after?.items ?? [])
            } else if mappings.contains(key) {
                differ.mapping(key, before, after)
            } else {
                differ.value(key, key, before, after)
            }
        }
        return differ.changes
    }

    /// The words of the three vocabulary sections that differ, by section then slug.
    static func vocabulary(_ old: Vocabulary, _ new: Vocabulary) -> [CatalogueDiff.WordDifference] {
        func code(_ c: ConceptCode?) -> [(String, DataValue)] { c.map { [("code", .string($0.description))] } ?? [] }
        typealias Words = OrderedDictionary<String, [(String, DataValue)]>
        func conditions(_ v: Vocabulary) -> Words {
            v.conditions.mapValues { [("description", .string($0.description))] + code($0.code)
                + [("ingredients", .array($0.ingredients.map(DataValue.string)))] }
        }
        func indications(_ v: Vocabulary) -> Words {
            v.indications.mapValues { [("description", .string($0.description))] + code($0.code) + [("scar", .bool($0.isScar))] }
        }
        func classes(_ v: Vocabulary) -> Words {
            v.ingredientClasses.mapValues { [("description", .string($0.description))] + code($0.code) }
        }
        let sections: [(String, Words, Words)] = [
            ("conditions", conditions(old), conditions(new)), ("indications", indications(old), indications(new)),
            ("ingredient-classes", classes(old), classes(new)),
        ]
        var differences: [CatalogueDiff.WordDifference] = []
        for (section, before, after) in sections {
            for slug in Set(before.keys).union(after.keys).sorted() {
                switch (before[slug], after[slug]) {
                case (let fields?, nil), (nil, let fields?):
                    let kind: CatalogueDiff.Kind = after[slug] == nil ? .removed : .added
                    var whole: [(String, DataValue)] = [("slug", .string(slug))]
                    for (key, value) in fields where key != "code" {
                        whole.append((key, value))
                        if key == "description" { whole.append(("code", fields.first { $0.0 == "code" }?.1 ?? .null)) }
                    }
                    var difference = CatalogueDiff.WordDifference(section: section, slug: slug, kind: kind, changes: [],
                                                                  whole: .object(whole))
                    if case .string(let description)? = fields.first?.1 { difference.description = description }
                    differences.append(difference)
                case (let fields?, let otherFields?):
                    var differ = FieldDiffer()
                    for (key, a, b) in merge(fields.map { ($0, Compared($1)) }, otherFields.map { ($0, Compared($1)) }) {
                        if key == "ingredients" { differ.words(key, key, a?.items ?? [], b?.items ?? []) } else { differ.value(key, key, a, b) }
                    }
                    if !differ.changes.isEmpty {
                        differences.append(CatalogueDiff.WordDifference(section: section, slug: slug, kind: .changed,
                                                                        changes: differ.changes))
                    }
                case (nil, nil):
                    break
                }
            }
        }
        return differences
    }

    /// The manifest's own fields that changed: `name`, `version`, `lint.disable`, `replaces`
    /// (1.1, section by section: what a layer replaces on purpose decides whether the layered
    /// catalogue loads; an outside review saw its change reported as none), `x-` keys.
    static func manifest(_ old: Manifest, _ new: Manifest) -> [CatalogueDiff.Change] {
        func fields(_ m: Manifest) -> [(String, Compared)] {
            var out: [(String, Compared)] = []
            if let name = m.name { out.append(("name", Compared(.string(name)))) }
            if let version = m.version { out.append(("version", Compared(.string(version)))) }
            out.append(("lint.disable", Compared(.array(m.disabledLintRules.map(DataValue.string)))))
            for section in LayerReplacements.Section.allCases {
                out.append(("replaces.\(section.rawValue)", Compared(.array(m.replaces[section].map(DataValue.string)))))
            }
            for (key, value) in m.extensions { out.append((key, Compared(value))) }
            return out
        }
        var differ = FieldDiffer()
        for (key, a, b) in merge(fields(old), fields(new)) {
            if key == "lint.disable" || key.hasPrefix("replaces.") {
                differ.words(key, key, a?.items ?? [], b?.items ?? [])
            } else {
                differ.value(key, key, a, b)
            }
        }
        return differ.changes
    }

    // MARK: How values are compared

    /// One value: a change when the canonical forms differ (or one is missing). The keys of
    /// a mapping inside an `x-` value may come in any order; values are compared as canonical
    /// JSON writes them, as layers compare contents: `1` and `1.0` are the same number (an
    /// outside review saw `x-code: 1 -> 1` reported as a change).
    mutating func value(_ field: String, _ label: String, _ old: Compared?, _ new: Compared?) {
        guard old.map({ Self.canonicalText($0.canonical) }) != new.map({ Self.canonicalText($0.canonical) }) else { return }
        append(field, label, old, new)
    }

    /// `value` as compared: its canonical JSON, with the keys of every mapping sorted.
    static func canonicalText(_ value: DataValue) -> String {
        sorted(value).jsonText(pretty: false)
    }

    /// `value` with the keys of every mapping in it sorted: what is compared.
    static func sorted(_ value: DataValue) -> DataValue {
        switch value {
        case .array(let items): return .array(items.map(sorted))
        case .object(let members): return .object(members.map { ($0.0, sorted($0.1)) }.sorted { $0.0 < $1.0 })
        default: return value
        }
    }

    private mutating func append(_ field: String, _ label: String, _ old: Compared?, _ new: Compared?,
                                 compactOn identity: String? = nil, reorder: Bool = false) {
        func text(_ c: Compared?) -> String? { c.map { DiffText.flow(Self.compact($0.text, identity)) } }
        changes.append(CatalogueDiff.Change(field: field, label: label, old: old?.canonical, new: new?.canonical,
                                            oldText: text(old), newText: text(new), isReorder: reorder))
    }

    /// A list of words: each removed (in the old order), then each added (in the new order),
    /// then, when the items both have are in another order, the whole lists.
    mutating func words(_ field: String, _ label: String, _ old: [Compared], _ new: [Compared]) {
        func key(_ c: Compared) -> String { Self.canonicalText(c.canonical) }
        func kept(_ items: [Compared], against others: [Compared]) -> (kept: [String], gone: [Compared]) {
            var available: [String: Int] = [:]
            for item in others { available[key(item), default: 0] += 1 }
            var kept: [String] = [], gone: [Compared] = []
            for item in items {
                if let count = available[key(item)], count > 0 {
                    available[key(item)] = count - 1
                    kept.append(key(item))
                } else {
                    gone.append(item)
                }
            }
            return (kept, gone)
        }
        let before = kept(old, against: new), after = kept(new, against: old)
        for item in before.gone { append(field, label, item, nil) }
        for item in after.gone { append(field, label, nil, item) }
        if before.kept != after.kept {
            append(field, label + " (order)", Compared(canonical: .array(old.map(\.canonical)), text: .array(old.map(\.text))),
                   Compared(canonical: .array(new.map(\.canonical)), text: .array(new.map(\.text))), reorder: true)
        }
    }

    /// A list of mappings known by their `identity` key (the second of one name is `name#2`):
    /// each item removed, each added, the changed keys of each item in both, and the names in
    /// another order. Items are matched by name and occurrence, never by the label: an item
    /// named `Dup#2` is not the second `Dup` (an outside review saw the one's old value shown
    /// for the other), whose label then takes another `#` (`Dup##2`).
    mutating func keyed(_ field: String, identity: String, noun: String, _ old: [Compared], _ new: [Compared]) {
        struct Key: Hashable { var name: String; var occurrence: Int }
        func keys(_ items: [Compared]) -> [Key] {
            var seen: [String: Int] = [:]
            return items.map { item in
                let name: String
                if case .string(let text)? = item.member(identity)?.canonical { name = text } else { name = "" }
                seen[name, default: 0] += 1
                return Key(name: name, occurrence: seen[name, default: 1])
            }
        }
        let oldKeys = keys(old), newKeys = keys(new)
        let literal = Set(oldKeys.map(\.name) + newKeys.map(\.name))
        func label(_ key: Key) -> String {
            guard key.occurrence > 1 else { return key.name }
            var mark = "#"
            while literal.contains("\(key.name)\(mark)\(key.occurrence)") { mark += "#" }
            return "\(key.name)\(mark)\(key.occurrence)"
        }
        var oldIndex: [Key: Int] = [:], newIndex: [Key: Int] = [:]
        for (index, key) in oldKeys.enumerated() { oldIndex[key] = index }
        for (index, key) in newKeys.enumerated() { newIndex[key] = index }
        for (key, item) in zip(oldKeys, old) where newIndex[key] == nil { append(field, field, item, nil, compactOn: identity) }
        for (key, item) in zip(newKeys, new) where oldIndex[key] == nil { append(field, field, nil, item, compactOn: identity) }
        for (itemKey, item) in zip(newKeys, new) {
            guard let index = oldIndex[itemKey] else { continue }
            let name = label(itemKey)
            for (key, a, b) in Self.merge(old[index].members, item.members) where key != identity {
                let path = "\(field)[\(Self.escaped(name))].\(key)"
                value(path, "\(Self.itemKeyLabels[key] ?? key) of \(noun) \(DiffText.scalar(name))", a, b)
            }
        }
        let keptOld = oldKeys.filter { newIndex[$0] != nil }, keptNew = newKeys.filter { oldIndex[$0] != nil }
        if keptOld != keptNew {
            append(field, field + " (order)", Compared(.array(oldKeys.map { .string(label($0)) })),
                   Compared(.array(newKeys.map { .string(label($0)) })), reorder: true)
        }
    }

    /// A mapping (`dosing`, `deprecated`): key by key when both versions have it, else whole.
    mutating func mapping(_ field: String, _ old: Compared?, _ new: Compared?) {
        guard let old, let new else { return value(field, field, old, new) }
        for (key, a, b) in Self.merge(old.members, new.members) { value("\(field).\(key)", "\(field).\(key)", a, b) }
    }

    // MARK: Helpers

    /// The keys of two mappings, each with its value in either: a key only the first has
    /// stays at its place, the others come in the second's order (so a new order of keys is
    /// no change).
    static func merge(_ a: [(String, Compared)], _ b: [(String, Compared)]) -> [(String, Compared?, Compared?)] {
        var first: [String: Compared] = [:], second: [String: Compared] = [:]
        for (key, value) in a where first[key] == nil { first[key] = value }
        for (key, value) in b where second[key] == nil { second[key] = value }
        var out: [(String, Compared?, Compared?)] = []
        var done = Set<String>()
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, done.contains(a[i].0) { i += 1; continue }
            if j < b.count, done.contains(b[j].0) { j += 1; continue }
            let key = i < a.count && (second[a[i].0] == nil || j >= b.count) ? a[i].0 : b[j].0
            done.insert(key)
            out.append((key, first[key], second[key]))
        }
        return out
    }

    /// An item that has only its identity key, written as the catalogue may write it: that
    /// key's value alone (`Glycerol` for `{name: Glycerol}`).
    static func compact(_ value: DataValue, _ identity: String?) -> DataValue {
        guard let identity, case .object(let members) = value, members.count == 1, members.keys[0] == identity else { return value }
        return members.values[0]
    }

    /// A name inside the brackets of a path: `\` and `]` escaped with a backslash.
    static func escaped(_ name: String) -> String {
        var out = ""
        for character in name {
            if character == "\\" || character == "]" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
