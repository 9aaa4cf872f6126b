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
        .target(name: "DossierKit"),
        .executableTarget(name: "dossier", dependencies: ["DossierKit"]),
        .executableTarget(name: "dossier-bench", dependencies: ["DossierKit"], path: "Benchmarks/dossier-bench"),
        .testTarget(name: "DossierKitTests", dependencies: ["DossierKit"], exclude: ["Fixtures"]),
        .testTarget(name: "DossierEndToEndTests", dependencies: ["dossier"], exclude: ["Fixtures"]),
    ]
)
