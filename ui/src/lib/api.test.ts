import { describe, expect, it } from "vitest";
import { asIpcError, fieldErrors } from "./api";
import type { IpcError } from "./bindings/IpcError";

describe("asIpcError", () => {
  it("keeps an IpcError from the shell as it is", () => {
    const e: IpcError = {
      kind: "invalid",
      message: "Check the marked fields.",
      field: "text",
      fields: [{ field: "text", message: "Write a question." }],
    };
    expect(asIpcError(e)).toEqual(e);
  });

  it("gives an IpcError without its fields list an empty one", () => {
    const got = asIpcError({ kind: "retry", message: "the journal is busy in another program" });
    expect(got).toEqual({ kind: "retry", message: "the journal is busy in another program", fields: [] });
  });

  it("does not change the error it was given", () => {
    const raw = { kind: "retry", message: "busy" };
    asIpcError(raw);
    expect(raw).toEqual({ kind: "retry", message: "busy" });
  });

  it("turns a thrown Error into an internal error with its text", () => {
    const got = asIpcError(new TypeError("x is undefined"));
    expect(got.kind).toBe("internal");
    expect(got.message).toContain("x is undefined");
    expect(got.fields).toEqual([]);
  });

  it("turns a string (Tauri's own refusals, e.g. a command not allowed) into an internal error", () => {
    expect(asIpcError("command save_question not allowed")).toEqual({
      kind: "internal",
      message: "command save_question not allowed",
      fields: [],
    });
  });

  it.each([null, undefined, 42])("survives %j", (v) => {
    const got = asIpcError(v);
    expect(got.kind).toBe("internal");
    expect(got.message).toBe(String(v));
  });

  it("does not mistake an object without a message for an IpcError", () => {
    expect(asIpcError({ kind: "invalid" }).kind).toBe("internal");
  });
});

describe("fieldErrors", () => {
  const err = (fields: { field: string; message: string }[]): IpcError => ({
    kind: "invalid",
    message: "Check the marked fields.",
    fields,
  });

  it("maps each field path to its message", () => {
    expect(
      fieldErrors(
        err([
          { field: "doses[0].amount", message: "Enter the amount in mg." },
          { field: "sleep.awakenings", message: "At most 50." },
        ]),
      ),
    ).toEqual({ "doses[0].amount": "Enter the amount in mg.", "sleep.awakenings": "At most 50." });
  });

  it("keeps the first message when a path has several", () => {
    expect(
      fieldErrors(
        err([
          { field: "text", message: "first" },
          { field: "text", message: "second" },
        ]),
      ),
    ).toEqual({ text: "first" });
  });

  it("is empty for an error that names no field", () => {
    expect(fieldErrors({ kind: "retry", message: "busy", fields: [] })).toEqual({});
  });

  it("works on what asIpcError made of an error without fields", () => {
    expect(fieldErrors(asIpcError({ kind: "retry", message: "busy" }))).toEqual({});
  });
});
