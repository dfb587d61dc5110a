import PreparationRegistry

/// `catalog course --format table`: the course as a plan a person reads.
enum CourseTable {
    static func render(_ course: Course, vocabulary: Vocabulary) -> String {
        let r = course.request
        let p = course.preparation
        var out = "Course: \(indent(p.name, by: 2)) (\(p.id))\n"
        let concern = vocabulary.indications[r.concern]?.description
        out += "Plugin: \(course.plugin); concern: \(r.concern)\(concern.map { " (\($0))" } ?? "")\n"
        out += "Region: \(r.region?.rawValue ?? "any region of the \(course.plugin) plugin (the preparation's: \(p.regions.map(\.rawValue).joined(separator: ", ")))")\n"
        if !r.conditions.isEmpty { out += "Conditions: \(r.conditions.joined(separator: ", "))\n" }
        if !r.allergies.isEmpty { out += "Allergies: \(r.allergies.joined(separator: ", "))\n" }
        let others = p.techniques.dropFirst().map(\.rawValue)
        out += "Technique: \(course.technique)\(others.isEmpty ? "" : " (also listed: \(others.joined(separator: ", ")))")\n"
        out += "Depth: \(course.depth)\n"
        out += "Start: \(r.start); hemisphere: \(r.hemisphere); horizon: \(r.horizon) (until \(r.horizonEnd))\n"
        out += "Protocol: " + p.phases.map { phase in
            var text = "\(phase.name) \(phase.sessions) session\(phase.sessions.max == 1 ? "" : "s")"
            if let interval = phase.interval { text += " every \(interval)" }
            if phase.repeats { text += ", repeating" }
            return text
        }.joined(separator: "; ") + "\n\n"

        let header = ["#", "phase", "date", "window (earliest - latest)"]
        var rows: [[String]] = course.sessions.map { s in
            let phase = s.cycle > 1 ? "\(s.phase) (repeat \(s.cycle))" : s.phase
            let window = s.earliest == s.latest ? s.earliest.description : "\(s.earliest) - \(s.latest)"
            return [String(s.number), phase, s.date.description, s.number == 1 ? "start date" : window]
        }
        rows.insert(header, at: 0)
        let widths = (0..<header.count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }
            out += "  " + cells.joined(separator: "  ") + "\n"
        }
        if !course.isComplete {
            out += "\nIncomplete: the course was cut (see Warnings)\n"
        }

        out += "\nAftercare:\n"
        if course.aftercare.isEmpty { out += "  (none recorded)\n" }
        for instruction in course.aftercare { out += "  - \(indent(Course.text(of: instruction), by: 4))\n" }
        if !course.warnings.isEmpty {
            out += "\nWarnings:\n"
            for warning in course.warnings { out += "  - \(indent(warning, by: 4))\n" }
        }
        if !course.excluded.isEmpty {
            out += "\nLeft out:\n"
            for exclusion in course.excluded { out += "  - \(exclusion.preparation): \(indent(exclusion.reason, by: 4))\n" }
        }
        out += "\n\(Course.disclaimer)\n"
        return out
    }

    /// `text` with every line after the first indented by `width` spaces, so that a multi-line
    /// name, instruction or reason stays inside its list item; other control characters
    /// (a bell, an escape) are dropped rather than sent to the terminal.
    static func indent(_ text: String, by width: Int) -> String {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { line in
            String(String.UnicodeScalarView(line.unicodeScalars.filter { $0 == "\t" || !($0.properties.generalCategory == .control) }))
        }
        return lines.joined(separator: "\n" + String(repeating: " ", count: width))
    }
}
