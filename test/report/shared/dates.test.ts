import { describe, expect, it } from "vitest";
import { DAYS_PER_YEAR, daysBefore, daysBetween } from "../../../scripts/report/shared/dates.ts";

describe("calendar arithmetic", () => {
  it("counts whole days across month ends and a leap day", () => {
    // 29 May 2012 → 29 May 2014: 365 + 365 = 730; → 31 March 2015: 306 more.
    expect(daysBetween("2012-05-29", "2015-03-31")).toBe(1036);
    // 2016 is a leap year: 28 February → 1 March is 2 days.
    expect(daysBetween("2016-02-28", "2016-03-01")).toBe(2);
    expect(daysBetween("2015-03-31", "2012-05-29")).toBe(-1036);
  });

  it("steps back across a year end", () => {
    // 20 January less 42 days: 19 days back to 1 January, 1 to 31 December, 22 more to 9 December.
    expect(daysBefore("2014-01-20", 42)).toBe("2013-12-09");
  });

  it("does not depend on the time zone", () => {
    const saved = process.env.TZ;
    process.env.TZ = "Pacific/Kiritimati";
    try {
      expect(daysBefore("2014-03-30", 1)).toBe("2014-03-29");
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(DAYS_PER_YEAR).toBe(365.25);
  });
});

describe("daysBefore", () => {
  it("counts back calendar days across month, year and leap-day boundaries", () => {
    // 1 May − 42 days: 30 days back to 1 April, 12 more to 20 March.
    expect(daysBefore("2014-05-01", 42)).toBe("2014-03-20");
    expect(daysBefore("2014-01-10", 10)).toBe("2013-12-31");
    // 2016 is a leap year: 1 March − 1 day = 29 February.
    expect(daysBefore("2016-03-01", 1)).toBe("2016-02-29");
  });
});
