import Foundation
import Testing
@testable import DeskLanguage
import DeskModel

@Suite struct TimeTaggerTests {
    let tagger = TimeTagger()
    /// Monday 30 January 2023.
    let anchor = TimexEval.parseDay("2023-01-30")

    func values(_ s: String, anchor: Date?? = nil) -> [String] {
        tagger.tag(s, anchor: anchor ?? self.anchor).map { "\($0.text)=\($0.value)" }
    }

    @Test func seedSentenceWeekdayAndLastWeek() {
        let s = "Israeli Prime Minister Benjamin Netanyahu spoke on Monday with his Japanese counterpart Fumio Kishida, who extended condolences for last week's murder of seven people."
        let refs = tagger.tag(s, anchor: anchor)
        #expect(refs.map(\.value) == ["2023-01-30", "2023-W04"])
        #expect(refs.map(\.kind) == [.date, .date])
        let scalars = Array(s.unicodeScalars)
        for r in refs {
            #expect(String(String.UnicodeScalarView(scalars[r.start..<r.end])) == r.text)
        }
        #expect(refs[0].text == "Monday")
        #expect(refs[1].text == "last week")
    }

    @Test func seedSentencesFollowingMonth() {
        let doc = [
            "On Sept. 27, it ratified a free trade agreement with South Korea.",
            "The following month, Tokyo announced plans to deploy Israeli- and U.S.-made attack drones in 2023 to defend isolated islands.",
        ]
        let refs = tagger.tagDocument(sentences: doc, anchor: anchor)
        #expect(refs[0].map(\.text) == ["Sept. 27"])
        #expect(refs[0].map(\.value) == ["2022-09-27"])
        #expect(refs[1].map(\.text) == ["The following month", "2023"])
        #expect(refs[1].map(\.value) == ["2022-10", "2023"])
    }

    @Test func followingMonthAfterAMonth() {
        let refs = tagger.tagDocument(sentences: ["The talks began in August.", "The following month, they failed."], anchor: anchor)
        #expect(refs.flatMap { $0.map(\.value) } == ["2022-08", "2022-09"])
    }

    @Test func deicticAndCalendarUnits() {
        #expect(values("It happened today, yesterday, and will again tomorrow.") == ["today=2023-01-30", "yesterday=2023-01-29", "tomorrow=2023-01-31"])
        #expect(values("Sales this year beat last year and next month looks good.") == ["this year=2023", "last year=2022", "next month=2023-02"])
        #expect(values("Prices rose in November.") == ["November=2022-11"])
        #expect(values("He was born on November 20, 2019, in Paris.") == ["November 20, 2019=2019-11-20"])
        #expect(values("It opened on 27 September.") == ["27 September=2022-09-27"])
        #expect(values("It opened on September 27.") == ["September 27=2022-09-27"])
    }

    @Test func durationsAndSets() {
        #expect(values("The siege lasted five hours and the trial three years.") == ["five hours=PT5H", "three years=P3Y"])
        #expect(values("The paper is published daily and reviewed every week.") == ["daily=P1D", "every week=P1W"])
        let refs = tagger.tag("The siege lasted five hours, reported daily.", anchor: anchor)
        #expect(refs.map(\.kind) == [.duration, .set])
    }

    @Test func clockTimesQuartersAndVagueDurations() {
        #expect(values("Polls close at 8 p.m. ET on Tuesday.") == ["8 p.m. ET on Tuesday=2023-01-24T20:00"])
        #expect(values("It ends in the 21st century.") == ["the 21st century=20"])
        #expect(values("Profit fell in the third quarter, the first drop in years.") == ["the third quarter=2022-Q3", "years=PXY"])
        #expect(values("Turnout was three-quarters of the 1990s level.") == ["the 1990s=199"])
        #expect(values("The Boeing 747 flew 2,000 miles.") == [])
    }

    @Test func yearsInWordsSeasonsAndReportingYears() {
        #expect(values("In nineteen ninety-six the case was reopened.") == ["nineteen ninety-six=1996"])
        #expect(values("It happened in January nineteen ninety-seven.") == ["January nineteen ninety-seven=1997-01"])
        #expect(values("Unemployment was to be halved by the year two thousand.") == ["the year two thousand=2000"])
        #expect(values("Prices peaked in the winter of 1994.") == ["the winter of 1994=1994-WI"])
        #expect(values("Sales for the full year rose.") == ["the full year=2023"])
        #expect(values("Net income for the year ended June 30 rose.") == ["the year=P1Y", "June 30=2022-06-30"])
        #expect(values("Costs rose this past spring.") == ["this past spring=2022-SP"])
        #expect(values("The fall in prices continued.") == [])
        #expect(values("Music of the nineties is back.") == ["the nineties=199"])
    }

    @Test func halfUnitsAndPresentReferences() {
        #expect(values("She spent 5 1/2 hours in Nairobi.") == ["5 1/2 hours=PT5H30M"])
        #expect(values("They lived in camps for 2 1/2 years.") == ["2 1/2 years=P2Y6M"])
        #expect(values("Current market conditions are weak.") == ["Current=PRESENT_REF"])
        #expect(values("Sales in the current quarter fell.") == ["the current quarter=2023-Q1"])
        #expect(values("Kidnappings rose in recent years.") == ["recent years=PXY"])
    }

    @Test func unanchoredValuesKeepPlaceholders() {
        #expect(values("On Sept. 27 and on Monday it rained.", anchor: .some(nil)) == ["Sept. 27=XXXX-09-27", "Monday=XXXX-WXX-1"])
        #expect(values("Last week it rained in November.", anchor: .some(nil)) == ["Last week=XXXX-WXX", "November=XXXX-11"])
    }

    @Test func futureCueResolvesForward() {
        #expect(values("The minister will travel on Friday.") == ["Friday=2023-02-03"])
        #expect(values("The minister travelled on Friday.") == ["Friday=2023-01-27"])
    }

    /// A future modal anywhere earlier in the sentence sends a bare month or date forward; a full stop ends it.
    @Test func modalFutureReachesAcrossTheClause() {
        #expect(values("The members will take part in planning for the alliance summit in November.") == ["November=2023-11"])
        #expect(values("The members took part in planning for the alliance summit in November.") == ["November=2022-11"])
        #expect(values("It would double its flights between the two countries by Aug. 6.") == ["Aug. 6=2023-08-06"])
        #expect(values("They will meet. The summit was held in November.") == ["November=2022-11"])
    }

    @Test func offsetsAreUnicodeScalars() {
        // A decomposed "é" is one Character but two scalars.
        let s = "Cafe\u{301} owners met on Monday."
        let r = tagger.tag(s, anchor: anchor)
        #expect(r.count == 1)
        #expect(r.first?.start == 20)
        #expect(r.first?.end == 26)
    }

    @Test func calendarArithmetic() {
        #expect(CivilCalendar.civil(CivilCalendar.dayNumber(2024, 2, 29)) == (2024, 2, 29))
        #expect(CivilCalendar.weekday(CivilCalendar.dayNumber(2023, 1, 30)) == 1)
        #expect(CivilCalendar.isoWeek(CivilCalendar.dayNumber(2021, 1, 3)) == (2020, 53))
        #expect(TimePoint.day(CivilCalendar.dayNumber(2022, 11, 28)).coarsened(to: .week).value == "2022-W48")
    }
}

@Suite struct NarrativeTimeTests {
    @Test func narrativeDays() {
        let tagger = TimeTagger()
        let refs = tagger.tagDocument(sentences: [
            "The strike happened on Jan. 12.",
            "The day before, officials had warned of it; the previous Tuesday they met.",
        ], anchor: TimexEval.parseDay("2023-01-30"))
        #expect(refs.flatMap { $0.map { "\($0.text)=\($0.value)" } } == [
            "Jan. 12=2023-01-12", "The day before=2023-01-11", "the previous Tuesday=2023-01-10",
        ])
    }
}
