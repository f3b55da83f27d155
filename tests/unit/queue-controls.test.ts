// Suspends and buries, folded from their events at a given time: the last of suspend and unsuspend wins,
// a bury lasts until the learner's next day.

import { describe, expect, it } from "vitest";
import { foldQueueEvents, isHeldBack, parseQueueEvent } from "../../src/core/queue-controls.js";

const at = (day: number, hour: number) => new Date(2026, 2, day, hour, 0).toISOString();

describe("queue controls", () => {
  const events = [
    { at: at(1, 9), key: "b/a", action: "suspend" as const },
    { at: at(1, 10), key: "b/b", action: "suspend" as const },
    { at: at(2, 9), key: "b/b", action: "unsuspend" as const },
    { at: at(2, 11), key: "b/c", action: "bury" as const },
  ];

  it("keeps a suspended question out until it is unsuspended", () => {
    const controls = foldQueueEvents(events, new Date(2026, 2, 2, 12, 0));
    expect([...controls.suspended.keys()]).toEqual(["b/a"]);
    expect(isHeldBack(controls, "b/a")).toBe(true);
    expect(isHeldBack(controls, "b/b")).toBe(false);
  });

  it("buries a question for the rest of the learner's day only", () => {
    expect(isHeldBack(foldQueueEvents(events, new Date(2026, 2, 2, 23, 59)), "b/c")).toBe(true);
    expect(isHeldBack(foldQueueEvents(events, new Date(2026, 2, 3, 0, 1)), "b/c")).toBe(false);
  });

  it("reads only well-formed events", () => {
    expect(parseQueueEvent({ at: at(1, 9), key: "b/a", action: "suspend", reason: "leech" })).toMatchObject({ reason: "leech" });
    expect(parseQueueEvent({ at: at(1, 9), key: "b/a", action: "delete" })).toBeUndefined();
    expect(parseQueueEvent({ at: "soon", key: "b/a", action: "bury" })).toBeUndefined();
  });
});
