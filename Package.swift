// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "between",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "chat", targets: ["chat"]),
        .library(name: "Intents", targets: ["Intents"]),
        .library(name: "Dialogue", targets: ["Dialogue"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        .executableTarget(name: "EmbedGenerator"),
        .plugin(name: "EmbedScripts", capability: .buildTool(), dependencies: ["EmbedGenerator"]),
        .target(name: "Intents", plugins: ["EmbedScripts"]),
        .target(name: "Dialogue", dependencies: ["Intents", "Yams", .product(name: "GRDB", package: "GRDB.swift")],
                plugins: ["EmbedScripts"]),
        .executableTarget(
            name: "chat",
            dependencies: [
                "Intents", "Dialogue", "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "FuzzScreen", dependencies: ["Intents", "Dialogue"], path: "Fuzz/FuzzScreen", exclude: ["corpus"]),
        .target(name: "TestSupport", path: "Tests/Support"),
        .testTarget(name: "IntentsTests", dependencies: [
            "Intents", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "DialogueTests", dependencies: ["Dialogue", "Intents", "TestSupport"]),
        .testTarget(name: "ChatTests", dependencies: ["chat", "Dialogue", "TestSupport"]),
    ]
)

// The fuzzing build: `BETWEEN_FUZZ=1 swift build -c release --product FuzzScreen --sanitize=address ...`
// (see Fuzz/FuzzScreen/main.swift). `--sanitize=fuzzer` can't be used: it builds every executable
// as a library with libFuzzer's `main`, and the EmbedScripts plugin's generator needs its own. So
// only FuzzScreen links libFuzzer (BETWEEN_FUZZ_RUNTIME: the folder of libclang_rt.fuzzer_no_main), and the
// code it reaches is instrumented for coverage.
if Context.environment["BETWEEN_FUZZ"] != nil {
    let coverage: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer"])]  // compiling only: coverage as libFuzzer wants it
    for target in package.targets where ["Intents", "Dialogue"].contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + coverage
    }
    // libFuzzer without its main: FuzzScreen's main.swift starts it (SwiftPM names that entry point).
    let toolchain = Context.environment["BETWEEN_FUZZ_RUNTIME"] ?? "/opt/swift/usr/lib/swift/clang/lib/linux"
    for target in package.targets where target.name == "FuzzScreen" {
        target.swiftSettings = coverage + [.define("BETWEEN_FUZZ"), .unsafeFlags(["-enable-experimental-feature", "Extern"])]
        target.linkerSettings = [.unsafeFlags([toolchain + "/libclang_rt.fuzzer_no_main-x86_64.a", "-lstdc++"])]
    }
}
