import Synchronization
import YAMLReader

extension LoadSession {
    /// Loads the preparations of many files (a catalogue of one file per preparation) on two
    /// threads that each read and decode a part of the files at a time, taking the next part
    /// when done: libyaml reads one file on one thread, so two threads halve the reading only
    /// when they read different files (`validate` of 10,000 files: the one reading thread of
    /// ``loadPreparations(_:vocabulary:)`` was busy for nearly all of the process's wall time;
    /// `Scripts/alternate.py` in Benchmarks/README.md).
    ///
    /// The diagnostics are the same as reading the files one by one, in order: a part is read
    /// on its own, and whatever depends on the files before it (the caps on diagnostics, a
    /// duplicate id) is settled when the parts are joined in order, here. A part whose files
    /// gave any diagnostic or a document that did not decode is read again, in order, on this
    /// thread: a catalogue with problems pays for reading those parts twice, a clean one
    /// never does.
    mutating func loadPreparationsInParts(_ sources: [SourceText], vocabulary: Vocabulary) {
        let size = Swift.max(1, (sources.count + Self.partsPerLoad - 1) / Self.partsPerLoad)
        let parts = stride(from: 0, to: sources.count, by: size).map { $0 ..< Swift.min($0 + size, sources.count) }
        let next = PartCounter()
        let reader = self.reader, work = self.work
        let readParts: @Sendable () -> [Int: [Preparation]] = {
            var session = LoadSession(reader: reader, work: work)
            var clean: [Int: [Preparation]] = [:]
            while case let index = next.take(), index < parts.count {
                for source in sources[parts[index]] { session.loadPreparations(source, vocabulary: vocabulary) }
                if let preparations = session.takeCleanPart() { clean[index] = preparations }
            }
            return clean
        }
        let otherResult = HandOverQueue<[Int: [Preparation]]>()
        let jobs = ThreadJobs()
        let runJobs = jobs.runner
        let started = startThread {
            otherResult.put(readParts())
            otherResult.finish()
            // Then the jobs given to this thread (the registry's indexes, ``QueryIndexes``).
            runJobs()
        }
        var clean = readParts()
        if started {
            readingThread = jobs
            clean.merge(otherResult.take() ?? [:]) { mine, _ in mine }
        }
        for (index, part) in parts.enumerated() {
            guard let preparations = clean.removeValue(forKey: index) else {
                for source in sources[part] { loadPreparations(source, vocabulary: vocabulary) }
                continue
            }
            fileCount += part.count
            self.sources += sources[part]
            for preparation in preparations { add(preparation, idLocation: preparation.location(of: "id")) }
        }
    }

    /// How many parts ``loadPreparationsInParts(_:vocabulary:)`` makes of the files: enough
    /// that the thread that takes the last part does not keep the other waiting long.
    static let partsPerLoad = 128
}

/// The index of the next part to read, for the threads that read parts.
private final class PartCounter: Sendable {
    private let value = Atomic<Int>(0)

    /// The next index, which no other caller gets.
    func take() -> Int {
        value.add(1, ordering: .relaxed).oldValue
    }
}
