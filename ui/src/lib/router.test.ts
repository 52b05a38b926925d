import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  answerLeave,
  finishBeforeQuit,
  go,
  guardLeave,
  leaving,
  mayQuit,
  nav,
  openDay,
  unsavedEdits,
} from "./router.svelte";

let removers: (() => void)[] = [];
const guard = (g: () => string | null) => removers.push(guardLeave(g));

beforeEach(() => {
  nav.route = "questions";
  nav.date = "2025-03-10";
});
afterEach(() => {
  answerLeave(false);
  for (const r of removers) r();
  removers = [];
});

describe("go", () => {
  it("goes at once when no view has unsaved edits", async () => {
    expect(await go("history")).toBe(true);
    expect(nav.route).toBe("history");
    expect(leaving.question).toBeNull();
  });

  it("goes at once when the guards find nothing unsaved", async () => {
    guard(() => null);
    expect(await go("settings")).toBe(true);
    expect(nav.route).toBe("settings");
  });

  it("asks, and stays when the user says Stay", async () => {
    guard(() => "Your question is not added yet.");
    const went = go("history");
    expect(leaving.question).toBe("Your question is not added yet.");
    expect(nav.route).toBe("questions"); // not before the answer
    answerLeave(false);
    expect(await went).toBe(false);
    expect(nav.route).toBe("questions");
    expect(leaving.question).toBeNull();
  });

  it("asks, and leaves when the user discards", async () => {
    guard(() => "Your question is not added yet.");
    const went = go("trends");
    answerLeave(true);
    expect(await went).toBe(true);
    expect(nav.route).toBe("trends");
    expect(leaving.question).toBeNull();
  });

  it("asks the guard at the time of leaving, not when it was registered", async () => {
    let text = "";
    guard(() => (text ? "Unsaved." : null));
    expect(await go("history")).toBe(true);
    nav.route = "questions";
    text = "typed";
    void go("history");
    expect(leaving.question).toBe("Unsaved.");
  });

  it("does not ask when staying on the same screen", async () => {
    guard(() => "Unsaved.");
    expect(await go("questions")).toBe(true);
    expect(leaving.question).toBeNull();
  });

  it("a second click while asking replaces the first request", async () => {
    guard(() => "Unsaved.");
    const first = go("history");
    const second = go("settings");
    expect(await first).toBe(false);
    answerLeave(true);
    expect(await second).toBe(true);
    expect(nav.route).toBe("settings");
  });

  it("an answer with no question pending changes nothing", () => {
    answerLeave(true);
    expect(nav.route).toBe("questions");
    expect(leaving.question).toBeNull();
  });
});

describe("guardLeave", () => {
  it("removes the guard with the function it returns (when its view goes)", async () => {
    const remove = guardLeave(() => "Unsaved.");
    expect(unsavedEdits()).toBe("Unsaved.");
    remove();
    expect(unsavedEdits()).toBeNull();
    expect(await go("history")).toBe(true);
  });

  it("asks with the first guard that has something unsaved", () => {
    guard(() => null);
    guard(() => "The new symptom is not added yet.");
    guard(() => "A renamed side effect is not saved yet.");
    expect(unsavedEdits()).toBe("The new symptom is not added yet.");
  });
});

describe("openDay", () => {
  it("shows the day view on that date", async () => {
    expect(await openDay("2025-02-01")).toBe(true);
    expect(nav).toEqual({ route: "day", date: "2025-02-01" });
  });

  it("keeps the date when the user stays", async () => {
    guard(() => "Unsaved.");
    const went = openDay("2025-02-01");
    answerLeave(false);
    expect(await went).toBe(false);
    expect(nav).toEqual({ route: "questions", date: "2025-03-10" });
  });

  it("changes only the date when the day view is already shown", async () => {
    nav.route = "day";
    guard(() => "Unsaved.");
    expect(await openDay("2025-03-11")).toBe(true);
    expect(nav.date).toBe("2025-03-11");
  });
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("mayQuit", () => {
  it("writes pending drafts first, and quits at once when nothing else is unsaved", async () => {
    let flushed = 0;
    removers.push(finishBeforeQuit(async () => (flushed++, true)));
    let asked = false;
    expect(await mayQuit(async () => (asked = true))).toBe(true);
    expect([flushed, asked, leaving.question]).toEqual([1, false, null]);
  });

  it("asks before quitting with unsaved edits, and Stay keeps the app", async () => {
    guard(() => "The medication “LDN” is not added yet.");
    let asked = false;
    const quitting = mayQuit(async () => (asked = true));
    await settle();
    expect(asked).toBe(true);
    expect(leaving).toEqual({ question: "The medication “LDN” is not added yet.", quitting: true });
    answerLeave(false);
    expect(await quitting).toBe(false);
    const again = mayQuit();
    await settle();
    answerLeave(true);
    expect(await again).toBe(true);
  });

  it("asks when a draft could not be written", async () => {
    removers.push(finishBeforeQuit(async () => false));
    const quitting = mayQuit();
    await settle();
    expect(leaving.question).toContain("could not be kept as a draft");
    answerLeave(false);
    expect(await quitting).toBe(false);
  });
});
