// swift-tools-version: 6.0
// pvyield: the Xen wiki's "Paravirt yielding" pages as checked, living documentation.
//
// The targets form a pipeline and depend one way only:
//   Document (pure AST)  <-  Wiki (readers)  ->  Handbook (yielding model, content/)
//   Document  <-  Writers (document -> HTML, CommonMark)
//   Handbook -> Probes (checks) -> Render (site, exports) -> pvyield (CLI)
// C libraries sit behind adapter targets (LibXML, CommonMark) so that no C pointer
// reaches the rest of the code.
import PackageDescription

let package = Package(
    name: "pvyield",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pvyield", targets: ["pvyield"]),
        .executable(name: "pvyield-conformance", targets: ["pvyield-conformance"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        // C system libraries and the one C source file (CPUID).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark",
                       providers: [.apt(["libcmark-dev"])]),
        .target(name: "CCPUID"),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CMalloc"),

        // Adapters: the only Swift files that touch C pointers.
        .target(name: "LibXML", dependencies: ["CLibXML2"]),
        .target(name: "CommonMark", dependencies: ["CCmark"]),

        // The pipeline.
        .target(name: "Document"),
        .target(name: "Wiki", dependencies: ["Document", "LibXML", "CMalloc"]),
        .target(name: "Writers", dependencies: ["Document"]),
        .target(name: "Handbook", dependencies: ["Document", "Wiki", "Yams"]),
        .target(name: "Probes", dependencies: ["Handbook", "KernelSource", "CCPUID", "CZlib", "Yams"],
                exclude: ["Snapshot/README.md"]),
        .target(name: "Render", dependencies: [
            "Document", "Writers", "Handbook", "Probes", "CommonMark",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .executableTarget(name: "pvyield", dependencies: [
            "Document", "Wiki", "Writers", "Handbook", "Probes", "Render",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Kernel source scanner: C-aware queries over a Linux tree; no C, no other targets.
        .target(name: "KernelSource"),
        .executableTarget(name: "pvyield-kernel-scan", dependencies: ["KernelSource"]),
        .executableTarget(name: "pvyield-conformance", dependencies: ["Wiki", "Writers", "LibXML", "Document"]),

        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "DocumentTests", dependencies: ["Document"]),
        .testTarget(name: "LibXMLTests", dependencies: ["LibXML"]),
        .testTarget(name: "WikiTests", dependencies: ["TestSupport", "Wiki", "Document", "LibXML"]),
        .testTarget(name: "WritersTests", dependencies: ["Writers", "Document", "CommonMark"]),
        .testTarget(name: "HandbookTests", dependencies: ["TestSupport", "Handbook", "Wiki", "Document"]),
        .testTarget(name: "ProbesTests", dependencies: ["TestSupport", "Probes", "Handbook", "KernelSource"]),
        .testTarget(name: "RenderTests", dependencies: ["TestSupport", "Render", "Handbook", "Probes", "CommonMark", "Document"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport", "LibXML"]),
        .testTarget(name: "KernelSourceTests", dependencies: ["KernelSource"]),
        .testTarget(name: "XenGuestTests", dependencies: ["TestSupport", "Probes", "Handbook"]),
    ],
    swiftLanguageModes: [.v6]
)
