import Dialogue

/// Which steps, and which ways out of them, the transcripts reached.
struct CoverageReport {
    let library: FlowLibrary
    let visited: Set<String>

    var text: String {
        var out = "coverage:\n"
        var notRun: [String] = []
        for id in library.order {
            guard let flow = library.flows[id] else { continue }
            guard visited.contains(where: { $0.hasPrefix(id + "/") }) else {
                notRun.append(id)
                continue
            }
            let steps = flow.stepOrder.map { id + "/" + $0 }
            let ways = flow.stepOrder.flatMap { stepID -> [String] in
                let step = flow.steps[stepID]!
                var targets = Set(step.targets.map(\.value))
                if step.expectation != nil, step.targets.isEmpty { targets.insert("end") }
                return targets.sorted().map { id + "/" + stepID + ">" + $0 }
            }
            let reachedSteps = steps.filter(visited.contains)
            let reachedWays = ways.filter(visited.contains)
            out += "  \(id): steps \(reachedSteps.count)/\(steps.count) (\(percent(reachedSteps.count, steps.count))), "
            out += "ways \(reachedWays.count)/\(ways.count) (\(percent(reachedWays.count, ways.count)))\n"
            let missedSteps = steps.filter { !visited.contains($0) }
            if !missedSteps.isEmpty {
                out += "    never reached: " + missedSteps.map { String($0.dropFirst(id.count + 1)) }.joined(separator: ", ") + "\n"
            }
            let missedWays = ways.filter { !visited.contains($0) }
            if !missedWays.isEmpty {
                out += "    never taken: " + missedWays.map { String($0.dropFirst(id.count + 1)).replacingOccurrences(of: ">", with: " -> ") }
                    .joined(separator: ", ") + "\n"
            }
        }
        if !notRun.isEmpty { out += "  not run by these transcripts: \(notRun.joined(separator: ", "))\n" }
        return out
    }

    func percent(_ part: Int, _ whole: Int) -> String { whole == 0 ? "100%" : "\(part * 100 / whole)%" }
}

import Foundation
