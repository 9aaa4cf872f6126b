#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DossierKit

/// The `dossier` command: argv in, text out, an exit code. All work happens in DossierKit.
signal(SIGPIPE, SIG_IGN)
let console = Console()
let code = Dispatcher.run(Array(CommandLine.arguments.dropFirst()), console: console)
console.flush()
exit(console.exitCode(code))
