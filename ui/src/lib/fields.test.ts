import { describe, expect, it } from "vitest";
import { FormErrors, idPart } from "./fields.svelte";

describe("FormErrors", () => {
  it("lists every error as unplaced until a field registers its path", () => {
    const f = new FormErrors();
    f.errors = { text: "Write a question.", doses: "Add a dose." };
    expect(f.unplaced).toEqual([
      ["text", "Write a question."],
      ["doses", "Add a dose."],
    ]);
    const unregister = f.register("text");
    expect(f.unplaced).toEqual([["doses", "Add a dose."]]);
    unregister();
    expect(f.unplaced.map(([p]) => p)).toEqual(["text", "doses"]);
  });

  it("keeps a path placed while any of its fields is mounted", () => {
    const f = new FormErrors();
    f.errors = { notes: "Too long." };
    const a = f.register("notes");
    const b = f.register("notes");
    a();
    a(); // unregistering twice does not take the other field's registration
    expect(f.placed("notes")).toBe(true);
    expect(f.unplaced).toEqual([]);
    b();
    expect(f.placed("notes")).toBe(false);
    expect(f.unplaced).toEqual([["notes", "Too long."]]);
  });

  it("places exact paths only (doses[1].amount is not doses[10].amount)", () => {
    const f = new FormErrors();
    f.register("doses[1].amount");
    f.errors = { "doses[10].amount": "Enter mg." };
    expect(f.unplaced).toEqual([["doses[10].amount", "Enter mg."]]);
  });

  it("fail shows a command's field errors and returns the error", () => {
    const f = new FormErrors();
    const e = f.fail({
      kind: "invalid",
      message: "Check the marked fields.",
      fields: [
        { field: "text", message: "Write a question." },
        { field: "text", message: "A second message for text." },
      ],
    });
    expect(e.kind).toBe("invalid");
    expect(f.errors).toEqual({ text: "Write a question." });
    expect(f.message("text")).toBe("Write a question.");
  });

  it("fail with an error that names no field clears the old field errors", () => {
    const f = new FormErrors();
    f.errors = { text: "old" };
    expect(f.fail({ kind: "retry", message: "the journal is busy" }).message).toBe("the journal is busy");
    expect(f.errors).toEqual({});
    expect(f.unplaced).toEqual([]);
  });

  it("clear empties everything", () => {
    const f = new FormErrors();
    f.errors = { a: "x" };
    f.clear();
    expect(f.unplaced).toEqual([]);
    expect(f.message("a")).toBeUndefined();
  });

  it("gives ids unique per form and safe as ids", () => {
    const a = new FormErrors();
    const b = new FormErrors();
    expect(a.controlId("text")).not.toBe(b.controlId("text"));
    expect(a.messageId("text")).not.toBe(a.controlId("text"));
    expect(new FormErrors("question-new").messageId("doses[0].amount")).toBe("err-question-new-doses_0__amount");
    expect(idPart("sleep.awakenings")).toBe("sleep_awakenings");
  });
});
