/** Years written "2007/08" (a financial or academic year), as they appear in stat keys: "2007-08". */
export const yearKey = (year: string) => year.replace("/", "-");
