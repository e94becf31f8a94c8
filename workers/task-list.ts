import type { TaskList } from "graphile-worker";
import { IMPORT_STRUCTURE_TASK } from "../lib/records/structure-import-input";
import { createStageTasks } from "./stages/index";
import type { TaskContext } from "./task-context";
import { importStructureTask } from "./tasks/import-structure";
import { IMPORT_SOURCE_TASK } from "../server/services/importers/import-request";
import { importSourceTask } from "./tasks/import-source";

/**
 * Every task this worker can run, by graphile-worker task identifier. New stages register here (the
 * stage engine will add one entry per stage declaration).
 */
export function createTaskList(context: TaskContext): TaskList {
  return {
    [IMPORT_STRUCTURE_TASK]: importStructureTask(context),
    [IMPORT_SOURCE_TASK]: importSourceTask(),
    ...createStageTasks(context),
  };
}
