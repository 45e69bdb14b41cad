// swift-tools-version: 6.1
import PackageDescription

// One executable (`updesk`) over one library target per pipeline stage.
// Stages depend only on DeskModel and on stages to their left (see README, "Architecture").
let package = Package(
    name: "UpdateDesk",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "updesk", targets: ["updesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        // /metrics: swift-metrics (already in the graph through Hummingbird) exported by swift-prometheus.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CGumbo", pkgConfig: "gumbo", providers: [.apt(["libgumbo-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        // The executable's allocator (see Sources/updesk/Allocator.swift); the libraries and tests use the system's.
        .systemLibrary(name: "CJemalloc", providers: [.apt(["libjemalloc-dev"])]),
        .target(name: "DeskModel"),
        .target(name: "DeskExtract", dependencies: ["DeskModel", "CGumbo", "CZlib"]),
        .target(name: "DeskLanguage", dependencies: ["DeskModel", "CStemmer"], resources: [.copy("Resources/ner-perceptron.bin")]),
        .target(name: "DeskTracking", dependencies: ["DeskModel", "DeskLanguage"]),
        .target(name: "DeskStore", dependencies: ["DeskModel", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "DeskStorePostgres", dependencies: [
            "DeskModel", "DeskStore",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "DeskPipeline", dependencies: [
            "DeskModel", "DeskExtract", "DeskLanguage", "DeskTracking", "DeskStore",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "DeskSources", dependencies: [
            "DeskModel", "DeskExtract", "DeskStore", "DeskPipeline",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "DeskWeb", dependencies: [
            "DeskModel", "DeskStore", "DeskPipeline", "DeskExtract", "DeskLanguage",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], resources: [.copy("Templates"), .copy("Resources")]),
        .target(name: "DeskQueue", dependencies: [
            "DeskModel", "DeskExtract", "DeskTracking", "DeskStore", "DeskStorePostgres", "DeskPipeline",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "updesk", dependencies: [
            "DeskWeb", "DeskSources", "DeskPipeline", "DeskLanguage", "DeskExtract", "DeskStore", "DeskStorePostgres", "DeskQueue",
            "DeskModel", "CJemalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "DeskExtractTests", dependencies: ["DeskExtract", "DeskModel"], exclude: ["Fixtures"]),
        .testTarget(name: "DeskLanguageTests", dependencies: ["DeskLanguage", "DeskModel"]),
        .testTarget(name: "DeskTrackingTests", dependencies: ["DeskTracking", "DeskLanguage", "DeskModel"]),
        .testTarget(name: "DeskStoreTests", dependencies: ["DeskStore", "DeskStorePostgres", "DeskModel"]),
        .testTarget(name: "DeskSourcesTests", dependencies: [
            "DeskSources", "DeskPipeline", "DeskStore", "DeskModel",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], exclude: ["Fixtures"]),
        .testTarget(name: "DeskWebTests", dependencies: [
            "DeskWeb", "DeskPipeline", "DeskStore", "DeskModel",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "DeskQueueTests", dependencies: [
            "DeskQueue", "DeskStorePostgres", "DeskStore", "DeskExtract", "DeskModel",
        ]),
        .testTarget(name: "ScaleOutTests", dependencies: [
            "DeskStorePostgres", "DeskStore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "DeskPipelineTests", dependencies: ["DeskPipeline", "DeskExtract", "DeskLanguage", "DeskStore", "DeskModel"]),
    ]
)
