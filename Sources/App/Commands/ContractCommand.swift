import Foundation

/// What the JSON contracts' commands share (`minzheng assess`, `minzheng ability score`):
/// the request from FILE (`-` reads standard input), the answer on standard output with
/// exit 0; a refused request or an unreadable file on standard error with exit 2; any
/// other failure with exit 1.
enum ContractCommand {
    /// The request is refused: `message` names the field.
    struct Refused: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    static func run(
        name: String, usage: String, arguments: [String], answer: (Data) async throws -> Data
    ) async -> Int32 {
        guard arguments.count == 1, let file = arguments.first else { return refuse(name, usage) }
        if file == "--help" || file == "-h" {
            FileHandle.standardOutput.write(Data((usage + "\n").utf8))
            return 0
        }
        let data: Data
        do {
            data =
                file == "-"
                ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            return refuse(name, "无法读取 \(file) / cannot read \(file): \(error.localizedDescription)")
        }
        do {
            FileHandle.standardOutput.write(try await answer(data) + Data("\n".utf8))
            return 0
        } catch let refused as Refused {
            return refuse(name, refused.message)
        } catch {
            FileHandle.standardError.write(Data("\(name): \(error)\n".utf8))
            return 1
        }
    }

    static func refuse(_ name: String, _ message: String) -> Int32 {
        FileHandle.standardError.write(Data("\(name): \(message)\n".utf8))
        return 2
    }
}
