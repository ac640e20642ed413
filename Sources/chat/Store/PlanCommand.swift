import ArgumentParser
import Dialogue
import Foundation

/// `chat plan`: prints the safety plan, with the crisis lines for the region.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print your safety plan, with the crisis lines for your region.",
        discussion: "Make or change the plan by starting chat and typing \"safety plan\".")

    @OptionGroup var data: DataOptions
    @OptionGroup var region: RegionOption

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let plan = try data.openExisting()?.safetyPlan() ?? [:]
        let region = region.resolved
        let values = ["region_name": region.name, "emergency_number": region.emergency]
        var text = ""
        if plan.isEmpty {
            text += StoreText.text("plan_empty") + "\n"
        } else {
            text += StoreText.text("plan_title") + "\n\n"
            for step in 1...6 {
                text += "\(step). " + StoreText.text("plan_step_\(step)") + "\n"
                for line in (plan[step] ?? StoreText.text("plan_not_filled")).split(separator: "\n") { text += "   " + line + "\n" }
                if step == 5 {
                    text += "   " + StoreText.text("plan_lines_note", values) + "\n"
                    for line in region.lines { text += "   - " + line.summary + "\n" }
                }
                text += "\n"
            }
        }
        text += StoreText.text("plan_emergency", values) + "\n"
        Output.write(text)
    }
}
