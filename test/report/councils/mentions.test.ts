import { describe, expect, it } from "vitest";
import { councilPageUrl, reportMentionViews, thankedList } from "../../../scripts/report/councils/pages.ts";
import type { CouncilRow, ReportMentionRow } from "../../../scripts/report/councils/datasets.ts";

const mention = (council_code: string, kind: ReportMentionRow["kind"], person: string, role: string): ReportMentionRow => ({ council_code, kind, person, role, source: "made up" });
const MENTIONS = [mention("E1", "thanked", "A. Person", "Ashvale Council"), mention("E2", "quoted", "B. Person", "Chief Executive, Brookmere Council"), mention("E3", "thanked", "C. Person", "Dorset County Council")];
const council = (code: string, name: string, existed_until: string | null = null) => ({ code, name, existed_until }) as CouncilRow;

describe("the 2015 report's mentions of a council", () => {
  it("say whom the report thanks or quotes, linked to where this site tells of it", () => {
    expect(reportMentionViews("E1", MENTIONS)).toEqual([
      { text: "The 2015 report thanks A. Person (Ashvale Council) among the people who gave their time and advice to it.", figureKey: null, page: { href: "/about/#who-the-report-thanks", label: "About this report" } },
    ]);
    expect(reportMentionViews("E2", MENTIONS)).toEqual([{ text: "The 2015 report quotes B. Person (Chief Executive, Brookmere Council).", figureKey: null, page: { href: "/chapter-2/", label: "Chapter 2" } }]);
    expect(reportMentionViews("E9", MENTIONS)).toEqual([]);
  });

  it("list the people thanked, in the report's order, each with their council's page (an abolished council's page names its last year)", () => {
    const councils = [council("E1", "Ashvale"), council("E2", "Brookmere"), council("E3", "Dorset", "2019-03-31")];
    expect(thankedList(MENTIONS, councils)).toEqual([
      { person: "A. Person", role: "Ashvale Council", url: "/councils/ashvale/" },
      { person: "C. Person", role: "Dorset County Council", url: "/councils/dorset-until-2019/" },
    ]);
    expect(councilPageUrl(councils[2])).toBe("/councils/dorset-until-2019/");
  });
});
