/** The floor workflow's only activity: returns its input, no I/O. */
export function createFloorActivities() {
  return {
    async echo(value: string): Promise<string> {
      return value;
    },
  };
}

export type FloorActivities = ReturnType<typeof createFloorActivities>;
