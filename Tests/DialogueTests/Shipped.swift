import Intents
import TestSupport
@testable import Dialogue

/// The shipped library, loaded once for all tests.
enum Shipped {
    static let library = FlowLibrary(FlowLibrary.Sources(scripts: Repository.scripts))

    /// The shipped library after a trip through its archive, as the cache gives it back.
    static let readBack: FlowLibrary = {
        var writer = ArchiveWriter()
        library.archive(into: &writer)
        return try! writer.bytes.withUnsafeBytes { raw throws(ArchiveError) in
            try ArchiveReader.reading(raw) { archive throws(ArchiveError) in try FlowLibrary(from: &archive) }
        }
    }()

    static func session(region: String? = "US", seed: UInt64 = 1, journal: JournalStore? = MemoryJournal()) -> Session {
        Session(library: library, region: region, seed: seed, journal: journal)
    }

    /// A way to reach a step that waits: the lines to type, from a fresh session.
    struct Path {
        var flow: String
        var step: String
        var inputs: [String]
    }

    /// Every waiting step of every flow (except crisis entry points), reached by driving the flow with answers.
    static let waitingSteps: [Path] = {
        var found: [String: Path] = [:]
        for id in library.order where id != CrisisFlow.id {
            // The first example that starts the flow in a fresh session: a feeling ("I feel so lonely") is offered, not started.
            guard let flow = library.flows[id],
                  let opener = flow.examples.map(\.value).first(where: { session().respond(to: $0).flow == id })
            else { continue }
            var queue = [[opener]]
            var seen: Set<String> = []
            while let inputs = queue.first, found.count < 10_000 {
                queue.removeFirst()
                let session = session()
                var reply = Reply()
                for input in inputs { reply = session.respond(to: input) }
                guard let position = session.current, position.flow == id else { continue }
                let key = id + "/" + position.step
                guard seen.insert(key).inserted else { continue }
                found[key] = Path(flow: id, step: position.step, inputs: inputs)
                for answer in answers(for: flow.steps[position.step]!) { queue.append(inputs + [answer]) }
            }
        }
        return found.keys.sorted().map { found[$0]! }
    }()

    static func answers(for step: Step) -> [String] {
        switch step.expectation {
        case .capture?: return ["the bus was late and I felt awful, I always mess things up"]
        case .scale?: return ["7", "2"]
        case .yesNo?: return ["yes", "no", "not sure"]
        case .choices(let choices)?: return choices.indices.map { String($0 + 1) }
        case nil: return []
        }
    }
}
