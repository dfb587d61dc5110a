import PreparationRegistry

/// What `show` prints by default: the whole entry, one field a line (lists one item a line),
/// labels aligned and long values wrapped to the terminal's width.
struct PreparationDetail {
    let preparation: Preparation
    let terminal: Terminal
    /// (1.1) For a layered catalogue, the layer the preparation comes from: a `Layer` line.
    var layer: String? = nil

    /// The label column's width.
    static let labelWidth = 19

    var text: String {
        let p = preparation
        var fields: [(String, [String])] = []
        // Catalogue text never drives the terminal: its control characters are shown escaped.
        func add(_ label: String, _ values: [String]) {
            if !values.isEmpty { fields.append((terminalSafe(label), values.map(terminalSafe))) }
        }
        func add(_ label: String, _ value: String?) { if let value { fields.append((terminalSafe(label), [terminalSafe(value)])) } }
        add("Name", p.name)
        add("Layer", layer)
        add("Summary", p.summary)
        if let d = p.deprecated {
            var text = "DEPRECATED"
            if let since = d.since { text += " since \(since)" }
            text += ": \(d.because)"
            if let replacement = d.replacedBy { text += " Replaced by \(replacement)." }
            add("Status", text)
        }
        add("Ingredients", p.ingredients.map { i in
            let details = [i.ingredientClass, i.concentration?.description].compactMap { $0 }
            return details.isEmpty ? i.name : "\(i.name) (\(details.joined(separator: ", ")))"
        })
        add("Regions", p.regions.map(\.rawValue).joined(separator: ", ")
            + " (area: \(p.areas.map(\.rawValue).joined(separator: ", ")))")
        add("Indications", p.indications.joined(separator: ", "))
        add("Techniques", p.techniques.map(\.rawValue).joined(separator: ", "))
        add("Depth", p.depth.description)
        add("Residence", p.residence.description)
        add("Protocol", p.phases.enumerated().map { index, phase in
            var text = "\(index + 1). \(phase.name): \(phase.sessions) session\(phase.sessions.max == 1 ? "" : "s")"
            if let interval = phase.interval { text += ", \(interval) apart" }
            if phase.repeats { text += ", repeating" }
            return text
        })
        add("Session time", p.sessionTime?.description)
        add("Dosing", p.dosing.map { d in
            var text = "\(d.perPoint) a point, points \(d.spacing) apart"
            if let most = d.maxPerSession { text += ", at most \(most) a session" }
            return text
        })
        add("Contraindications", p.contraindications.joined(separator: ", ").nilIfEmpty)
        add("Side effects", p.sideEffects.map { s in
            let details = [s.frequency?.rawValue, s.lasts.map { "lasts \($0)" }].compactMap { $0 }
            return details.isEmpty ? s.effect : "\(s.effect) (\(details.joined(separator: ", ")))"
        })
        add("Aftercare", p.aftercare.map { a in a.duration.map { "\(a.instruction) (for \($0))" } ?? a.instruction })
        add("Avoid seasons", p.avoidSeasons.map(\.rawValue).joined(separator: ", ").nilIfEmpty)
        add("Evidence", p.evidence?.rawValue)
        add("Sources", p.sources)
        add("Notes", p.notes)
        for (key, value) in p.extensions {
            if case .string(let text) = value {
                add(key, text)
            } else {
                add(key, value.jsonText(pretty: false))
            }
        }

        var out = terminal.bold(p.id) + (p.isDeprecated ? " " + terminal.warning("(deprecated)") : "") + "\n"
        let valueWidth = terminal.width.map { max(20, $0 - Self.labelWidth) }
        for (label, values) in fields {
            var first = true
            let bullet = values.count > 1 && label != "Protocol"
            if displayWidth(label) + 1 > Self.labelWidth - 1 {
                // A label too long for its column (an `x-` key) has a line of its own.
                out += terminal.dim(label + ":") + "\n"
                first = false
            }
            for value in values {
                // A multi-line value (notes) keeps its lines, each wrapped and indented.
                var paragraphs = value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                while paragraphs.count > 1, paragraphs.last?.isEmpty == true { paragraphs.removeLast() }
                // A list item starts with `- ` and its further lines are indented to match, so
                // its text wraps two characters narrower.
                let textWidth = bullet ? valueWidth.map { $0 - 2 } : valueWidth
                let lines = paragraphs.flatMap { wrap($0, width: textWidth) }
                for (index, line) in lines.enumerated() {
                    let shownLabel = first ? pad(label + ":", Self.labelWidth - 1) + " " : String(repeating: " ", count: Self.labelWidth)
                    let indent = bullet ? (index == 0 ? "- " : "  ") : ""
                    let labelText = first ? terminal.dim(shownLabel) : shownLabel
                    out += labelText + indent + line + "\n"
                    first = false
                }
            }
        }
        return out
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
