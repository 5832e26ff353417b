// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "minzheng",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "minzheng", targets: ["minzheng"]),
        .library(name: "MinzhengCore", targets: ["MinzhengCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        // Operations: the metrics API and its Prometheus backend (`/metrics`).
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-atomics.git", from: "1.3.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // Pure domain: no Vapor, no database. Fast to build, exhaustively unit-tested.
        .target(
            name: "MinzhengCore",
            resources: [
                .copy("Resources/regions"), .copy("Resources/policy-defaults.json"), .copy("Resources/booking-rules.json"),
                .copy("Resources/portal-services.json"),
            ]
        ),
        // The demo's synthetic city (households, names, means, caseload) and the policy engine's
        // benchmark: generated data for `serve`, `seed` and `bench`, kept out of the domain.
        .target(
            name: "MinzhengDemo",
            dependencies: ["MinzhengCore"]
        ),
        // Excel (.xlsx) and CSV exports: our own small writer, ZIPFoundation for the container.
        .target(
            name: "MinzhengExport",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(
            name: "App",
            dependencies: [
                "MinzhengCore",
                "MinzhengDemo",
                "MinzhengExport",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Atomics", package: "swift-atomics"),
            ]
        ),
        .executableTarget(
            name: "minzheng",
            dependencies: ["App"]
        ),
        .testTarget(
            name: "MinzhengCoreTests",
            dependencies: ["MinzhengCore", "MinzhengDemo"]
        ),
        .testTarget(
            name: "MinzhengExportTests",
            dependencies: ["MinzhengExport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                // Test files for the .xlsx import are written with the project's own writer.
                "MinzhengExport",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
