/** Shared assertion for the data tests: a DataError with exactly this message. */
import { expect } from "vitest";
import { DataError } from "../../scripts/engine/data/errors.ts";

/** Run `action` and return the DataError it throws (or rejects with); fail otherwise. */
export async function dataErrorOf(action: () => unknown): Promise<DataError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error("expected a DataError, but nothing was thrown");
}

/** The action fails with a DataError whose whole message is `message`. */
export async function expectDataError(action: () => unknown, message: string): Promise<void> {
  const error = await dataErrorOf(action);
  expect(error.message).toBe(message);
  // The message is built from the position fields; keep them consistent.
  expect(`${error.file}:${error.line}:${error.column}: ${error.plain}`).toBe(message);
}
