import ArgumentParser

@main
struct PVYield: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pvyield",
        abstract: "The Xen wiki's \"Paravirt yielding\" pages as checked, living documentation.",
        discussion: """
        Exit status: 0 success (verify: every applicable claim holds); 1 a claim is \
        contradicted; 2 a verdict is unknown; 64 usage error; 65 bad input (the message \
        names file:line:column).
        """,
        version: "0.1.0",
        subcommands: [Build.self, Verify.self, Detect.self, Snapshot.self, Export.self, Convert.self, Ingest.self])
}
