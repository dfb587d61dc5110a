import PreparationRegistry

/// `catalog course --format ics`: an iCalendar (RFC 5545) calendar with one all-day `VEVENT`
/// per session. Lines end in CRLF and are folded at 75 octets (never inside a UTF-8
/// sequence); TEXT values escape backslash, semicolon, comma and newline.
public enum CourseICS {
    /// The calendar; `stamp` is the DTSTAMP value (`YYYYMMDDTHHMMSSZ`). `patient` (a reference
    /// such as `Patient/123`) enters every UID, so that two patients' calendars never share one.
    public static func render(_ course: Course, stamp: String, patient: String? = nil) -> String {
        let identity = CourseIdentity(course: course, patient: patient)
        let p = course.preparation
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//mesotherapy-catalogue//catalog course//EN",
            "CALSCALE:GREGORIAN",
            // No METHOD: the file is a calendar to import, not an iTIP message (RFC 5546,
            // whose PUBLISH would need an ORGANIZER the course does not have; RFC 5545 3.7.2).
        ]
        var description = "Technique: \(course.technique)\nDepth: \(course.depth)\n"
        var aftercare = "Aftercare:"
        if course.aftercare.isEmpty { aftercare += " none recorded" }
        for instruction in course.aftercare { aftercare += "\n- " + Course.text(of: instruction) }
        description += aftercare
        description += "\nRegions: \(course.regionsLine)"
        for line in course.doseLines { description += "\nDose: \(line)" }
        description += "\n" + course.screeningLines.joined(separator: "\n")
        description += "\nCatalogue: \(course.catalogue.text)"
        if let incomplete = course.incompleteLine { description += "\n" + incomplete }
        // Every warning of the whole course (a dose over what one session may take, a region's
        // caution, a phase not planned...) on every session, as in the table and the JSON: a
        // calendar read alone must not hide one. A session's own warnings follow on its event.
        for warning in course.courseWideWarnings { description += "\nWarning: " + warning }
        for session in course.sessions {
            var text = "Preparation: \(p.name) (\(p.id))\n"
            text += session.number == 1 ? "Window: start date\n"
                : "Window: \(session.earliest) to \(session.latest)\n"
            text += description
            for warning in course.ownWarnings(of: session) { text += "\nWarning: " + warning }
            for note in session.notes { text += "\nNote: " + note }
            if let season = course.seasonWarning(of: session) { text += "\nWarning: " + season }
            text += "\n\n" + Course.disclaimer
            lines += [
                "BEGIN:VEVENT",
                "UID:\(identity.sessionUUID(session.number))@mesotherapy-catalogue",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(session.date.basicForm)",
            ] + dtend(session.date) + [
                "SUMMARY:" + summary("\(p.name): \(course.label(of: session))"),
                "DESCRIPTION:" + escape(text),
                "STATUS:TENTATIVE",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        for (visit, uid) in zip(course.visits, identity.visitUUIDs) {
            let text = "\(visit.kind.sentenceCase) visit: \(visit.purpose)\n"
                + (visit.earliest == visit.latest ? "" : "Window: \(visit.earliest) to \(visit.latest)\n")
                + "Course: \(p.name) (\(p.id))\nCatalogue: \(course.catalogue.text)\n\n\(Course.disclaimer)"
            lines += [
                "BEGIN:VEVENT",
                "UID:\(uid)@mesotherapy-catalogue",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(visit.date.basicForm)",
            ] + dtend(visit.date) + [
                "SUMMARY:" + summary("\(p.name): \(visit.kind) visit"),
                "DESCRIPTION:" + escape(text),
                "STATUS:TENTATIVE",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }

    /// The DTSTAMP form of a moment given in seconds since 1970 (UTC).
    public static func stamp(secondsSinceEpoch seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(CalendarDate(daysSinceEpoch: days).basicForm)T\(pad(rest / 3600))\(pad(rest / 60 % 60))\(pad(rest % 60))Z"
    }

    /// The DTEND of an all-day event on `date`: the next day, which must be later than DTSTART
    /// (RFC 5545 3.8.2.2); none on the calendar's last day (9999-12-31), where an all-day
    /// DTSTART alone means that one day (3.6.1).
    static func dtend(_ date: CalendarDate) -> [String] {
        date < CalendarDate.last ? ["DTEND;VALUE=DATE:\(date.adding(days: 1).basicForm)"] : []
    }

    /// A SUMMARY: one line (calendar programs such as calcurse refuse a line break in it), so
    /// every line break becomes a space, then TEXT escaping.
    static func summary(_ text: String) -> String {
        escape(String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}"
            || $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0 })))
    }

    /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks (LF, CRLF
    /// or a lone CR) are escaped; the other control characters, which TEXT does not allow
    /// (every one but HTAB), are dropped, and so are the C1 controls and the bidirectional
    /// overrides and isolates that the terminal escapes (`TerminalScalars.acts`): a calendar
    /// program that honours U+202E would show a name or a dose reordered.
    static func escape(_ text: String) -> String {
        var out = ""
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !afterCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            default: if !TerminalScalars.acts(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// One content line, folded so that no line exceeds 75 octets, ending in CRLF.
    static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += size
        }
        return out + "\r\n"
    }
}
