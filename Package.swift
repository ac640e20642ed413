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
        .executableTarget(name: "FuzzScreen", dependencies: ["Intents", "Dialogue"], path: "Fuzz/FuzzScreen"),
        .target(name: "TestSupport", path: "Tests/Support"),
        .testTarget(name: "IntentsTests", dependencies: [
            "Intents", "TestSupport", .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "DialogueTests", dependencies: ["Dialogue", "Intents", "TestSupport"]),
        .testTarget(name: "ChatTests", dependencies: ["chat", "Dialogue", "TestSupport"]),
    ]
)
