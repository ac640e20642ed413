import Foundation
import TestSupport
import Testing
@testable import Dialogue

@Suite("CrisisDirectory")
struct CrisisDirectoryTests {
    let shipped: CrisisDirectory

    init() throws { shipped = try CrisisDirectory.load(path: Repository.scripts + "/safety/crisis-lines.yaml") }

    @Test("every entry names an official source and the date it was verified")
    func sourcesAndDates() {
        for (code, region) in shipped.regions {
            for line in region.lines + region.danger {
                #expect(line.source?.hasPrefix("https://") == true, "\(code) \(line.name) has no source")
                let date = line.verified ?? ""
                #expect(date.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil, "\(code) \(line.name) has no date")
            }
        }
    }

    @Test("the required regions have their lines", arguments: [
        ("US", ["988", "741741"], "911"), ("CA", ["9-8-8"], "911"), ("GB", ["116 123", "85258"], "999"),
        ("IE", ["116 123", "50808"], "112"), ("AU", ["13 11 14"], "000"), ("NZ", ["1737"], "111"),
        ("INTL", ["findahelpline.com"], "112"),
    ])
    func regions(code: String, numbers: [String], emergency: String) {
        let region = shipped.region(code)
        #expect(region.code == code)
        let text = region.lines.map(\.summary).joined(separator: " ")
        for number in numbers { #expect(text.contains(number), "\(code) lacks \(number)") }
        #expect(region.emergency.contains(emergency))
    }

    @Test("retired numbers are never shown as current")
    func retired() {
        #expect(shipped.retired.contains { $0.region == "CA" && $0.name.contains("Talk Suicide") })
        for directory in [shipped, CrisisDirectory.builtIn] {
            for retired in directory.retired {
                for region in directory.regions.values {
                    for line in region.lines + region.danger {
                        #expect(line.call != retired.number && line.text != retired.number, "\(line.name) shows \(retired.number)")
                    }
                }
            }
        }
    }

    @Test("an unknown or missing region falls back to the international lines")
    func fallback() {
        #expect(shipped.region(nil).code == "INTL")
        #expect(shipped.region("ZZ").code == "INTL")
        #expect(shipped.region("uk").code == "GB")
    }

    @Test("the region comes from the locale when nothing else says", arguments: [
        (["LANG": "en_GB.UTF-8"], "GB"), (["LC_ALL": "en_NZ", "LANG": "en_US.UTF-8"], "NZ"), (["LANG": "C.UTF-8"], nil),
        ([:], nil),
    ] as [([String: String], String?)])
    func locale(environment: [String: String], expected: String?) {
        #expect(CrisisDirectory.regionFromLocale(environment) == expected)
    }

    @Test("the compiled-in directory covers the same regions as the file")
    func builtInCoversRegions() {
        #expect(Set(CrisisDirectory.builtIn.regions.keys) == Set(shipped.regions.keys))
        for (code, region) in CrisisDirectory.builtIn.regions {
            #expect(region.emergency == shipped.regions[code]?.emergency, "\(code)")
        }
    }
}
