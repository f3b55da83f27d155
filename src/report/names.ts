// The mock reporters' names, apart from the reporters so that declaring --reporter loads none of them.
export type ReporterName = "pretty" | "json" | "junit" | "tap";
export const REPORTER_NAMES: readonly ReporterName[] = ["pretty", "json", "junit", "tap"];
