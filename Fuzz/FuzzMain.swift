// libFuzzer driver over `FuzzTargets`: one binary, the target named by UPDESK_FUZZ_TARGET.
// Built and run by scripts/fuzz.sh (not part of the SwiftPM package, so `swift build` never sees it).
import DeskExtract
import DeskSources  // the parsing files only, compiled apart by scripts/fuzz.sh
import Foundation

let targetName = ProcessInfo.processInfo.environment["UPDESK_FUZZ_TARGET"] ?? ""
let target: FuzzTargets.Target = {
    let all = FuzzTargets.all.merging(["feed": { FeedFuzzTarget.run($0) }]) { a, _ in a }
    guard let t = all[targetName] else {
        let names = all.keys.sorted().joined(separator: ", ")
        FileHandle.standardError.write(Data("UPDESK_FUZZ_TARGET must be one of: \(names)\n".utf8))
        exit(2)
    }
    return t
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
