import { describe, expect, it } from "vitest";
import { citation } from "../../../scripts/engine/eleventy/cite.ts";

const original = { id: "orig", title: "A Brave New World: Is inspection improving children's services?", publisher: "iMPOWER for the LGA", year: "2015", titleEnd: "" as const };
const input = { title: "A Brave New World", subtitle: "Is inspection improving?", version: "1.2.0", dataAsOf: "2026-08-20", original };

describe("citation", () => {
  it("cites the rebuild with its version and the date its data runs to, and no address when the site URL is not set", () => {
    const cite = citation(input);
    expect(cite.rebuild).toEqual({
      title: "A Brave New World: Is inspection improving?",
      description: "A reproducible rebuild of the 2015 report by iMPOWER for the LGA",
      version: "1.2.0",
      dataAsOf: "20 August 2026",
      url: null,
    });
    expect(cite.rebuildText).toBe("A Brave New World: Is inspection improving? A reproducible rebuild of the 2015 report by iMPOWER for the LGA. Version 1.2.0, data as of 20 August 2026.");
  });

  it("ends with the site's address when the site URL is set", () => {
    expect(citation({ ...input, siteUrl: "https://example.org/bnw/" }).rebuildText).toBe(
      "A Brave New World: Is inspection improving? A reproducible rebuild of the 2015 report by iMPOWER for the LGA. Version 1.2.0, data as of 20 August 2026. Available at https://example.org/bnw/",
    );
  });

  it("builds the address from the site URL when one is set, with or without a trailing slash", () => {
    expect(citation({ ...input, siteUrl: "https://example.org/reports/bnw" }).rebuild.url).toBe("https://example.org/reports/bnw/");
    expect(citation({ ...input, siteUrl: "https://example.org/reports/bnw/" }).rebuild.url).toBe("https://example.org/reports/bnw/");
  });

  it("cites the original report, with a full stop only where its title has no closing mark", () => {
    expect(citation(input).originalText).toBe("iMPOWER for the LGA (2015). A Brave New World: Is inspection improving children's services?");
    const withUrl = citation({ ...input, original: { ...original, title: "Plain title", url: "https://example.org/r.pdf", titleEnd: "." } });
    expect(withUrl.originalText).toBe("iMPOWER for the LGA (2015). Plain title. https://example.org/r.pdf");
    expect(withUrl.original.url).toBe("https://example.org/r.pdf");
  });

  it("says so when the data has no dates", () => {
    expect(citation({ ...input, dataAsOf: null }).rebuild.dataAsOf).toBe("no dated data");
  });
});
