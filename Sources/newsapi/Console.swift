import Foundation

/// Writes one line to standard output at once, unbuffered, so progress lines
/// reach a pipe or log file in order and before the process waits or exits.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// A run-time failure reported as `Error: <message>` with exit status 1, without the usage text
/// that argument-parser adds to validation errors.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) {
        description = message
    }
}
