// swift-tools-version:6.1
import PackageDescription

// A Hummingbird 2 server answering two of newsapi's routes from the same database, for benchmarks
// only: the product does not depend on it.
//
// The folder is HummingbirdPeer, not Hummingbird: SwiftPM names a root package after its folder, and
// a root package named `hummingbird` would shadow the Hummingbird dependency. `../Hummingbird` is a
// symbolic link to this folder, which SwiftPM resolves before naming the package.
let package = Package(
    name: "hummingbird-peer",
    platforms: [.macOS(.v15)],
    dependencies: [
        // The product itself, for NewsStore and NewsAPI's JSON: the same queries, values and encoding code. Named, because
        // a path dependency is otherwise named after its folder, which differs between clones and worktrees.
        .package(name: "newsapi", path: "../../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "hummingbird-peer",
            dependencies: [
                .product(name: "NewsStore", package: "newsapi"),
                .product(name: "NewsAPI", package: "newsapi"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
