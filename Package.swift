// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "newsapi",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "newsapi", targets: ["newsapi"]),
        // For the benchmark peer in Benchmarks/Peers/Hummingbird, which reads the same database the same way
        // and encodes the same values with the same JSON code.
        .library(name: "NewsStore", targets: ["NewsStore"]),
        .library(name: "NewsAPI", targets: ["NewsAPI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // zlib from the system (apt: zlib1g-dev), for gzip content coding.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // epoll and eventfd from the C library's headers, for the server's socket poller.
        .systemLibrary(name: "CEpoll", path: "Sources/CEpoll"),
        .target(
            name: "HTTPServer",
            dependencies: [
                "CZlib", "CEpoll",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "NewsIngest",
            exclude: ["Gazetteers"],
            resources: [.process("Resources")]
        ),
        .target(
            name: "NewsStore",
            dependencies: [
                "NewsIngest",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.process("Migrations")]
        ),
        .target(
            name: "NewsAPI",
            dependencies: [
                "HTTPServer", "NewsIngest", "NewsStore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["OpenAPI"],
            resources: [.copy("Resources/openapi.json")]
        ),
        .executableTarget(
            name: "newsapi",
            dependencies: [
                "NewsAPI", "HTTPServer", "NewsIngest", "NewsStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "HTTPTestSupport", dependencies: ["CZlib"], path: "Tests/HTTPTestSupport"),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "HTTPTestSupport"]),
        .testTarget(name: "NewsIngestTests", dependencies: ["NewsIngest"]),
        .testTarget(name: "NewsStoreTests", dependencies: ["NewsStore", "NewsIngest"]),
        .testTarget(name: "NewsAPITests", dependencies: ["NewsAPI", "HTTPServer", "NewsStore", "NewsIngest", "HTTPTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
