import Exporters
import PreparationRegistry

/// `catalog course --format table`: the course as a plan a person reads.
enum CourseTable {
    /// The course, handed to `emit` in pieces as it is formed (the left-out lines about 16 KB
    /// at a time); `explain` lists every candidate left out, not only those that treat the
    /// concern. Not one string: the whole text at once, with the copies a write makes, held
    /// `course` of the 10,000 preparations of Benchmarks/commands.sh about 0.8 MB above what
    /// its pieces take.
    static func write(_ course: Course, vocabulary: Vocabulary, explain: Bool = false, patient: String? = nil,
                      to emit: (String) -> Void) {
        let r = course.request
        let p = course.preparation
        var out = "Course: \(indent(p.name, by: 2)) (\(p.id))\n"
        let concern = vocabulary.indications[r.concern]?.description
        out += "Plugin: \(course.plugin); concern: \(r.concern)\(concern.map { " (\(indent($0, by: 2)))" } ?? "")\n"
        out += "Region\(r.regions.count > 1 ? "s" : ""): \(course.regionsLine)\n"
        if !r.conditions.isEmpty { out += "Conditions: \(r.conditions.joined(separator: ", "))\n" }
        if !r.allergies.isEmpty { out += "Allergies: \(indent(r.allergies.joined(separator: ", "), by: 2))\n" }
        // The techniques listed besides the one planned (a rule may plan another than the first).
        let others = p.techniques.filter { $0 != course.technique }.map(\.rawValue)
        out += "Technique: \(course.technique)\(others.isEmpty ? "" : " (also listed: \(others.joined(separator: ", ")))")\n"
        out += "Depth: \(course.depth)\n"
        if let dosing = p.dosing { out += "Dosing: \(Course.dosingText(dosing))\n" }
        out += "Evidence: \(evidence(p.evidence))\n"
        out += "Catalogue: \(indent(course.catalogue.text, by: 2))\n"
        if let layer = course.layer { out += "Layer: \(indent(layer.description, by: 2))\n" }
        out += "Start: \(r.start); hemisphere: \(r.hemisphere); horizon: \(r.horizon) (until \(r.horizonEnd))\n"
        if let patient { out += "Patient: \(patient)\n" }
        out += "Protocol: " + p.phases.map { phase in
            var text = "\(phase.name) \(phase.sessions) session\(phase.sessions.max == 1 ? "" : "s")"
            if let interval = phase.interval { text += " every \(interval)" }
            if phase.repeats { text += ", repeating" }
            return text
        }.joined(separator: "; ") + "\n\n"

        // A season column only when a session falls in a season the preparation avoids.
        let marks = course.sessions.contains { $0.avoidedSeason != nil }
        var header = ["#", "phase", "date", "window (earliest - latest)"]
        if marks { header.append("avoided season") }
        var rows: [[String]] = course.sessions.map { s in
            let phase = s.cycle > 1 ? "\(s.phase) (repeat \(s.cycle))" : s.phase
            let window = s.earliest == s.latest ? s.earliest.description : "\(s.earliest) - \(s.latest)"
            var row = [String(s.number), phase, s.date.description, s.number == 1 ? "start date" : window]
            if marks { row.append(s.avoidedSeason.map { "* \($0)" } ?? "") }
            return row
        }
        rows.insert(header, at: 0)
        let widths = (0..<header.count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }
            var line = "  " + cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        if !course.isComplete {
            out += "\nIncomplete: the course was cut (see Warnings)\n"
        }

        if course.sessions.contains(where: { !$0.notes.isEmpty }) {
            out += "\nSession notes:\n"
            for session in course.sessions {
                for note in session.notes { out += "  - session \(session.number): \(indent(note, by: 4))\n" }
            }
        }
        if !course.doseLines.isEmpty {
            out += "\nDose (by the surfaces given):\n"
            for line in course.doseLines { out += "  - \(line)\n" }
        }
        if !course.visits.isEmpty {
            out += "\nVisits besides the sessions:\n"
            for visit in course.visits {
                out += "  - \(visit.kind) on \(Course.visitWhen(visit)): \(indent(visit.purpose, by: 4))\n"
            }
        }
        out += "\n" + screening(course)
        out += "\nAftercare:\n"
        if course.aftercare.isEmpty { out += "  (none recorded)\n" }
        for instruction in course.aftercare { out += "  - \(indent(Course.text(of: instruction), by: 4))\n" }
        if !course.warnings.isEmpty {
            out += "\nWarnings:\n"
            for warning in course.warnings { out += "  - \(indent(warning, by: 4))\n" }
        }
        emit(out)
        leftOut(course.excluded, concern: r.concern, explain: explain, to: emit)
        emit("\n\(Course.disclaimer)\n")
    }

    /// `label (trial)`-style evidence line.
    static func evidence(_ evidence: Evidence?) -> String {
        switch evidence {
        case .label: return "label (the product's approved labelling)"
        case .trial: return "trial (published clinical trials)"
        case .consensus: return "consensus (a professional society's consensus)"
        case .practice: return "practice (clinic-level material, weaker than a label or trial)"
        case nil: return "none given in the catalogue"
        }
    }

    /// What to screen for before each session, and whether the patient's conditions were given.
    static func screening(_ course: Course) -> String {
        let conditions = course.request.conditions
        var out = "Screen before each session (this preparation's contraindications"
        out += conditions.isEmpty
            ? "; no --condition was given, so none of them has been ruled out):\n"
            : "; the conditions given (\(conditions.joined(separator: ", "))) left out what they contraindicate, the others have not been ruled out):\n"
        if course.screening.isEmpty { out += "  (none recorded: check the product's own contraindications)\n" }
        for check in course.screening {
            var line = "\(check.condition): \(check.description)"
            if !check.ingredients.isEmpty {
                line += " (named by the condition's ingredients: contains " + check.ingredients.map { "'\($0)'" }.joined(separator: ", ") + ")"
            }
            out += "  - \(indent(line, by: 4))\n"
        }
        out += indent(CourseJSON.allergyNote(course), by: 0) + "\n"
        return out
    }

    /// The candidates left out: by default those that treat the concern, each with every
    /// reason, then a line counting the others; with `explain`, all of them.
    static func leftOut(_ excluded: [Exclusion], concern: String, explain: Bool, to emit: (String) -> Void) {
        guard !excluded.isEmpty else { return }
        let shown = explain ? excluded : excluded.filter(\.treatsConcern)
        let others = excluded.count - shown.count
        var out = "\nLeft out" + (explain ? ":\n" : " (candidates that treat '\(concern)'):\n")
        if shown.isEmpty { out += "  (none)\n" }
        for exclusion in shown {
            if out.utf8.count >= 1 << 14 {
                emit(out)
                out = ""
            }
            if exclusion.reasons.count == 1 {
                out += "  - \(exclusion.preparation): \(indent(exclusion.reason, by: 4))\n"
            } else {
                out += "  - \(exclusion.preparation):\n"
                for reason in exclusion.reasons { out += "      - \(indent(reason, by: 8))\n" }
            }
        }
        if others > 0 {
            out += "  and \(others) other candidate\(others == 1 ? "" : "s") that do\(others == 1 ? "es" : "") not treat '\(concern)' (--explain lists \(others == 1 ? "it" : "them") with the reasons)\n"
        }
        emit(out)
    }

    /// `text` with every line after the first indented by `width` spaces, so that a multi-line
    /// name, instruction or reason stays inside its list item; other control characters
    /// (a bell, an escape) are written escaped (`\u{1B}`, ``terminalSafe(_:)``), never raw.
    static func indent(_ text: String, by width: Int) -> String {
        // Nearly every text has neither a line break nor a control or invisible character (the
        // scalars the lines below split at or escape: `TerminalScalars`' lists, U+2028, U+2029):
        // it is its own result, found without looking up a scalar's category.
        if !text.unicodeScalars.contains(where: {
            TerminalScalars.acts($0) || TerminalScalars.separatesLines($0) || TerminalScalars.isInvisible($0)
        }) {
            return text
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { terminalSafe(String($0)) }
        return lines.joined(separator: "\n" + String(repeating: " ", count: width))
    }
}
