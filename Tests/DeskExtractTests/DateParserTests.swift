import Foundation
import Testing
@testable import DeskExtract

@Suite("DateParser")
struct DateParserTests {
    /// The UTC instant for a wall-clock time.
    func utc(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0, _ s: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: y, month: m, day: d, hour: h, minute: min, second: s))!
    }

    @Test func iso8601StillParses() {
        #expect(DateParser.parse("2019-11-20T06:39:00Z") == utc(2019, 11, 20, 6, 39))
        #expect(DateParser.parse("2019-11-20") == utc(2019, 11, 20))
        #expect(DateParser.parse("2019-11-20T08:39:00+02:00") == utc(2019, 11, 20, 6, 39))
    }

    @Test func datelineWithTimeBeforeDate() {
        #expect(DateParser.parse("Updated 1:39 am EST, Wednesday, November 20, 2019") == utc(2019, 11, 20, 6, 39))
    }

    @Test func abbreviatedMonth() {
        #expect(DateParser.parse("Nov. 19, 2019") == utc(2019, 11, 19))
        #expect(DateParser.parse("Sept. 27, 2022") == utc(2022, 9, 27))
    }

    @Test func usEasternTimeFollowsDaylightSaving() {
        // November: EST, UTC-5.
        #expect(DateParser.parse("November 20, 2019 at 5:02 p.m. ET") == utc(2019, 11, 20, 22, 2))
        // July: PDT, UTC-7.
        #expect(DateParser.parse("July 4, 2023 at 2:30 p.m. PT") == utc(2023, 7, 4, 21, 30))
        #expect(DateParser.parse("June 1, 2020 12:04AM EDT") == utc(2020, 6, 1, 4, 4))
    }

    @Test func dayMonthYearAndNumeric() {
        #expect(DateParser.parse("20 November 2019") == utc(2019, 11, 20))
        #expect(DateParser.parse("2019/11/20") == utc(2019, 11, 20))
        #expect(DateParser.parse("11/20/2019 01:14 PM") == utc(2019, 11, 20, 13, 14))
        #expect(DateParser.parse("20.11.2019") == utc(2019, 11, 20))
        #expect(DateParser.parse("22 de outubro de 2010") == utc(2010, 10, 22))
    }

    @Test func rfc822() {
        #expect(DateParser.parse("Wed, 20 Nov 2019 06:39:00 +0000") == utc(2019, 11, 20, 6, 39))
        #expect(DateParser.parse("Wed, 20 Nov 2019 01:39:00 -0500") == utc(2019, 11, 20, 6, 39))
        #expect(DateParser.parse("Wed, 20 Nov 2019 06:39:00 GMT") == utc(2019, 11, 20, 6, 39))
    }

    @Test func parseRejectsSentencesAndNonsense() {
        #expect(DateParser.parse("The summit took place on November 20, 2019 in Berlin with many leaders") == nil)
        #expect(DateParser.parse("hello") == nil)
        #expect(DateParser.parse("") == nil)
        #expect(DateParser.parse("February 31, 2019") == nil)
        #expect(DateParser.parse("13/45/2019") == nil)
    }

    @Test func findInsideLongerLines() {
        #expect(DateParser.find(in: "Posted by Michael David Smith on November 19, 2019, 6:21 AM EST") == utc(2019, 11, 19, 11, 21))
        #expect(DateParser.find(in: "PUBLISHED: 00:01, Tue, Nov 19, 2019 | UPDATED: 10:43, Tue, Nov 19, 2019") == utc(2019, 11, 19, 0, 1))
        #expect(DateParser.find(in: "The summit took place on 20 November 2019 in Berlin.") == utc(2019, 11, 20))
        #expect(DateParser.find(in: "Last modified 2019-11-20T06:39:00Z by the desk") == utc(2019, 11, 20, 6, 39))
        #expect(DateParser.find(in: "No date in this line at all") == nil)
    }
}
