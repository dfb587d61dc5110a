import FoundationEssentials

extension CourseFHIR {
    /// `reference` as the FHIR reference a subject takes, or nil when it is none: `Patient/ID`
    /// (an id of 1-64 letters, digits, `-` and `.`, not dots alone), an absolute `http(s)` URL with a host and
    /// a path ending in `/Patient/ID`, or `urn:uuid:` followed by a UUID. A UUID is read in
    /// either case and given back in lower case, the only form FHIR's `uuid` type allows
    /// (RFC 4122: "case insensitive on input"), so that one patient written two ways gets
    /// the same identifiers. The scheme (`urn:uuid:`, `http://`, `https://`) is read in
    /// either case too (RFC 3986 3.1, RFC 8141 3.1) and given back in lower case.
    ///
    /// A URL must be one a FHIR server and any URL parser take (RFC 3986): a host of dot-separated
    /// labels of letters, digits and inner hyphens (or an IP address in brackets), an optional
    /// port of digits, no user information, and a path of non-empty segments other than `.`
    /// and `..`, each of the characters a path segment allows (`%` only before two hex digits).
    package static func patientReference(_ reference: String) -> String? {
        /// What follows `prefix` when the reference starts with it in any case.
        func after(_ prefix: String) -> Substring? {
            reference.prefix(prefix.count).lowercased() == prefix ? reference.dropFirst(prefix.count) : nil
        }
        if reference.hasPrefix("Patient/") { return isPatientID(reference.dropFirst("Patient/".count)) ? reference : nil }
        if let uuid = after("urn:uuid:") {
            return UUID(uuidString: String(uuid)) != nil ? "urn:uuid:" + uuid.lowercased() : nil
        }
        for scheme in ["http://", "https://"] {
            guard let rest = after(scheme) else { continue }
            guard let slash = rest.firstIndex(of: "/"), isAuthority(rest[..<slash]) else { return nil }
            let segments = rest[rest.index(after: slash)...].split(separator: "/", omittingEmptySubsequences: false)
            guard segments.count >= 2, segments[segments.count - 2] == "Patient", isPatientID(segments[segments.count - 1]),
                  segments.allSatisfy(isPathSegment) else { return nil }
            return scheme + rest
        }
        return nil
    }

    /// A FHIR id: 1-64 letters, digits, `-` and `.`; not dots alone (`Patient/..`, which FHIR's
    /// pattern lets through, is a path step up that every URL parser resolves away, and was
    /// taken while `https://x/Patient/..` was refused: an outside review).
    private static func isPatientID(_ id: Substring) -> Bool {
        (1...64).contains(id.count) && id.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
            && !id.allSatisfy { $0 == "." }
    }

    /// `host[:port]`: labels of ASCII letters and digits with inner hyphens, joined by dots,
    /// or an IP literal in brackets; a port of 1-5 digits, at most 65535.
    private static func isAuthority(_ authority: Substring) -> Bool {
        var host = authority, port: Substring?
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = authority[...close]
            let rest = authority[authority.index(after: close)...]
            if !rest.isEmpty {
                guard rest.first == ":" else { return false }
                port = rest.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        }
        if let port, !(1...5).contains(port.count) || !port.allSatisfy({ $0.isASCII && $0.isNumber })
            || Int(port).map({ $0 > 65_535 }) ?? true { return false }  // TCP's ports end at 65535
        if host.hasPrefix("[") {
            return host.count > 2 && host.hasSuffix("]")
                && host.dropFirst().dropLast().allSatisfy { $0.isASCII && ($0.isHexDigit || $0 == ":" || $0 == ".") }
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// A path segment of RFC 3986 (`pchar`: unreserved, sub-delims, `:`, `@`, percent-escapes),
    /// neither empty nor `.` nor `..`.
    private static func isPathSegment(_ segment: Substring) -> Bool {
        guard !segment.isEmpty, segment != ".", segment != ".." else { return false }
        let allowed = Set("-._~!$&'()*+,;=:@")
        var index = segment.startIndex
        while index < segment.endIndex {
            let character = segment[index]
            if character == "%" {
                let digits = segment[segment.index(after: index)...].prefix(2)
                guard digits.count == 2, digits.allSatisfy({ $0.isASCII && $0.isHexDigit }) else { return false }
                index = segment.index(index, offsetBy: 3)
                continue
            }
            guard character.isASCII, character.isLetter || character.isNumber || allowed.contains(character) else { return false }
            index = segment.index(after: index)
        }
        return true
    }
}
