// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "DossierKit",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "DossierKit", targets: ["DossierKit"]),
        .executable(name: "dossier", targets: ["dossier"]),
    ],
    targets: [
        // SHA-256 with the processor's SHA instructions (the receipt hashes every input): the only C,
        // no dependency; SHA256.swift falls back to portable Swift where they are absent.
        .target(name: "CDossierSHA"),
        .target(name: "DossierKit", dependencies: ["CDossierSHA"]),
        .executableTarget(name: "dossier", dependencies: ["DossierKit"]),
        .executableTarget(name: "dossier-bench", dependencies: ["DossierKit"], path: "Benchmarks/dossier-bench"),
        .testTarget(name: "DossierKitTests", dependencies: ["DossierKit"], exclude: ["Fixtures"]),
        .testTarget(name: "DossierEndToEndTests", dependencies: ["dossier"], exclude: ["Fixtures"]),
    ]
)
