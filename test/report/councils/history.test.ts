import { describe, expect, it } from "vitest";
import { councilHistory, gradeInWords, gradeLabel, latestGraded, lineage } from "../../../scripts/report/councils/history.ts";

const council = (code: string, successor_codes: string[] = [], former_codes: string[] = []) => ({ code, former_codes, successor_codes });
// Made-up: P1 and P2 merged into N; P2 was itself formerly coded P0; S is unrelated.
const COUNCILS = [council("P1", ["N"]), council("P2", ["N"], ["P0"]), council("N"), council("S")];

describe("lineage", () => {
  it("collects a council's own, former and predecessor codes", () => {
    expect(lineage("N", COUNCILS)).toEqual(["N", "P0", "P1", "P2"]);
    expect(lineage("P1", COUNCILS)).toEqual(["P1"]);
  });
});

describe("councilHistory", () => {
  const inspections = [
    { council_code: "P1", framework: "slac-safeguarding" as const, published: "2010-06-01", inspection_start: null, overall: "good" as const, report_url: null },
    { council_code: "P1", framework: "slac-looked-after" as const, published: "2010-06-01", inspection_start: null, overall: "outstanding" as const, report_url: null },
    { council_code: "P0", framework: "sif" as const, published: "2015-03-01", inspection_start: "2015-01-10", overall: "inadequate" as const, leadership: "inadequate" as const, adoption: "good" as const, report_url: "https://example.org/p0-sif.pdf" },
    // An ILACS row in the older file: left out, the ILACS file has it.
    { council_code: "N", framework: "ilacs-first" as const, published: "2020-05-01", inspection_start: null, overall: "good" as const, report_url: null },
    { council_code: "S", framework: "sif" as const, published: "2016-01-01", inspection_start: null, overall: "good" as const, report_url: null },
  ];
  const ilacs = [
    { council_code: "N", published: "2020-05-01", inspection_start: "2020-03-02", inspection_type: "standard" as const, overall: "good" as const, report_url: "https://example.org/n.pdf", leadership: "good" as const, care_leavers: null },
    { council_code: "N", published: "2026-06-01", inspection_start: null, inspection_type: "short" as const, overall: null, report_url: null },
  ];
  const history = councilHistory("N", COUNCILS, inspections, ilacs);

  it("joins the predecessors' reports and the ILACS file, oldest first, without double counting", () => {
    expect(history.map((e) => [e.council_code, e.published, e.inspection])).toEqual([
      ["P1", "2010-06-01", "Safeguarding (SLAC)"],
      ["P1", "2010-06-01", "Looked-after children (SLAC)"],
      ["P0", "2015-03-01", "Single inspection framework (SIF)"],
      ["N", "2020-05-01", "ILACS standard inspection"],
      ["N", "2026-06-01", "ILACS short inspection"],
    ]);
  });

  it("marks headline judgements and keeps the given sub-judgements", () => {
    expect(history.map((e) => e.headline)).toEqual([true, false, true, true, true]);
    expect(history[2].subs).toEqual([
      { label: "Adoption", grade: "good" },
      { label: "Leadership", grade: "inadequate" },
    ]);
    expect(history[3]).toMatchObject({ started: "2020-03-02", reportUrl: "https://example.org/n.pdf", subs: [{ label: "Leadership", grade: "good" }] });
  });

  it("carries each judgement's report address, from the ILACS file and, before ILACS, from the inspections file", () => {
    expect(history.map((e) => e.reportUrl)).toEqual([null, null, "https://example.org/p0-sif.pdf", "https://example.org/n.pdf", null]);
  });

  it("finds the latest graded headline judgement, skipping an ungraded report", () => {
    expect(latestGraded(history)?.published).toBe("2020-05-01");
    expect(latestGraded(councilHistory("S", COUNCILS, inspections, ilacs))?.overall).toBe("good");
    expect(latestGraded([])).toBeUndefined();
  });
});

describe("a grade in its framework's words", () => {
  it("calls the second grade Adequate before the single inspection framework, and by its later name after", () => {
    // Ofsted's table prints pre-2013 "adequate" as requires improvement; the data keep that code.
    expect([gradeInWords({ family: "slac" }, "requires_improvement"), gradeLabel({ family: "cpi" }, "requires_improvement"), gradeLabel({ family: "tlac" }, "requires_improvement")]).toEqual(["Adequate", "Adequate", "Adequate"]);
    expect([gradeInWords({ family: "sif" }, "requires_improvement"), gradeLabel({ family: "ilacs" }, "requires_improvement")]).toEqual(["requires improvement to be good", "Requires improvement"]);
    expect(gradeInWords({ family: "slac" }, "inadequate")).toBe("Inadequate");
  });
});
