// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for Minzheng's parsers, kept out of the root package: a fuzz target has
// no `main` of its own and only links with `-sanitize=fuzzer`. Build and run with
// `scripts/fuzz.sh` (see README, "Fuzzing"), which builds with
//   swift build --package-path Fuzz --scratch-path .build-fuzz -c release \
//       -Xswiftc -sanitize=fuzzer,address
//
// MinzhengCore is compiled here from the root's own sources (Sources/MinzhengCore is a
// symlink to them), instrumented like the targets: a path dependency on the root package
// would resolve all of Vapor's ~40 packages for a module that depends on none of them.
// Its resources are the root manifest's; keep the two lists the same.

func fuzzTarget(_ name: String) -> Target {
    .executableTarget(name: "fuzz-\(name)", dependencies: ["FuzzSupport", "MinzhengCore"])
}

let package = Package(
    name: "minzheng-fuzz",
    platforms: [.macOS(.v13)],
    targets: [
        .target(
            name: "MinzhengCore",
            resources: [
                .copy("Resources/regions"), .copy("Resources/policy-defaults.json"), .copy("Resources/booking-rules.json"),
            ]
        ),
        // Declares libFuzzer's `LLVMFuzzerRunDriver`, which each target's `main` calls.
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"]),
        fuzzTarget("id-number"),
        fuzzTarget("region"),
        fuzzTarget("csv"),
        fuzzTarget("assessment"),
        fuzzTarget("feed-rows"),
        fuzzTarget("upload"),
    ],
    swiftLanguageModes: [.v6]
)
