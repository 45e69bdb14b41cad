// libFuzzer driver over `FuzzTargets`: one binary, the target named by UPDESK_FUZZ_TARGET.
// Built and run by scripts/fuzz.sh (not part of the SwiftPM package, so `swift build` never sees it).
import DeskExtract
import Foundation

let targetName = ProcessInfo.processInfo.environment["UPDESK_FUZZ_TARGET"] ?? ""
let target: FuzzTargets.Target = {
    guard let t = FuzzTargets.all[targetName] else {
        let names = FuzzTargets.all.keys.sorted().joined(separator: ", ")
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
