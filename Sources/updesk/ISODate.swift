import DeskExtract
import Foundation

enum ISODate {
    static func parse(_ s: String) -> Date? { DateParser.parse(s) }
}
